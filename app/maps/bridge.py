"""The one object the page talks to over QWebChannel; it re-emits what the page says as typed signals."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("app.maps.page")


class MapBridge(QObject):
    """JS → Python. Slots take plain values from the page and emit signals the view turns into events."""

    page_ready = Signal()
    base_loaded = Signal()
    map_clicked = Signal(float, float)  # x (lng or pixel x), y (lat or pixel y)
    feature_moved = Signal(str, float, float)
    feature_clicked = Signal(str)

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

    @Slot(str)
    def log(self, message: str) -> None:
        log.warning("page: %s", message)
