"""The one object the page talks to over QWebChannel; it re-emits what the page says as typed signals."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("app.maps.page")


class MapBridge(QObject):
    """Both directions over one QWebChannel object.

    Python → page: the ``invoke`` signal carries a function name of ``window.sasaeai`` and its
    arguments as JSON (the first argument is a reply id or null). Page → Python: the slots below
    take plain values and re-emit them as typed signals; :class:`~app.maps.view.MapView` checks
    them (known feature ids, positions on the base map) before the window hears of them.
    """

    invoke = Signal(str, str)  # function name, JSON array [reply id | null, *args]
    on_reply: Callable[[int, str], None] | None = None
    page_ready = Signal()
    base_loaded = Signal()
    map_clicked = Signal(float, float)  # x (lng or pixel x), y (lat or pixel y)
    feature_moved = Signal(str, float, float)
    feature_clicked = Signal(str)
    page_error = Signal(str)
    legend_toggled = Signal(bool)  # the user opened (True) or closed the legend

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 - called from JS
        self.page_ready.emit()

    @Slot()
    def baseLoaded(self) -> None:  # noqa: N802
        self.base_loaded.emit()

    @Slot(float, float)
    def mapClicked(self, x: float, y: float) -> None:  # noqa: N802
        self.map_clicked.emit(x, y)

    @Slot(str, float, float)
    def featureMoved(self, feature_id: str, x: float, y: float) -> None:  # noqa: N802
        self.feature_moved.emit(feature_id, x, y)

    @Slot(str)
    def featureClicked(self, feature_id: str) -> None:  # noqa: N802
        self.feature_clicked.emit(feature_id)

    @Slot(bool)
    def legendToggled(self, is_open: bool) -> None:  # noqa: N802
        self.legend_toggled.emit(bool(is_open))

    @Slot(int, str)
    def reply(self, reply_id: int, result_json: str) -> None:
        # A plain callback, not a signal: the channel would echo every signal back to the page.
        if self.on_reply is not None:
            self.on_reply(reply_id, result_json)

    @Slot(str)
    def log(self, message: str) -> None:
        """The page reports a problem (a script error, a failed call, a CSP violation).

        Page text is untrusted: cut to a sane length, on one line (no forged log lines).
        """
        message = str(message)[:2000].replace("\r", "\\r").replace("\n", "\\n")
        log.warning("page: %s", message)
        self.page_error.emit(message)
