"""The map widget: a QWebEngineView showing the town page, fed with GeoJSON over the bridge.

Python → page calls go through :meth:`MapView.call`, queued until the page says it is ready.
"""

from __future__ import annotations

import json
import logging
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from app.maps.bridge import MapBridge
from app.maps.page import SCHEME, PageLabels, build_page
from app.maps.scheme import BaseMapSchemeHandler, OfflineGuard
from app.services.views import BaseMapView, Crs, MapPoint

log = logging.getLogger(__name__)


class _Raw(str):
    """A JavaScript expression passed to :meth:`MapView.call` as it is (not as a JSON value)."""


class _Page(QWebEnginePage):
    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802, ANN001 - Qt override
        log.warning("js console (%s) %s:%s %s", level.name, source, line, message)


class MapView(QWebEngineView):
    """Shows one town's map. Signals carry positions as :class:`MapPoint` in the town's CRS."""

    ready = Signal()  # page loaded, bridge connected, base map drawn, features sent
    clicked = Signal(object)  # MapPoint
    moved = Signal(str, object)  # feature id, MapPoint
    feature_clicked = Signal(str)

    def __init__(self, basemap_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # An off-the-record profile: nothing (tiles, page, cache) is written to disk by WebEngine.
        self.profile = QWebEngineProfile(self)
        self.scheme_handler = BaseMapSchemeHandler(basemap_folder, self)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.scheme_handler)
        self.guard = OfflineGuard(self)
        self.profile.setUrlRequestInterceptor(self.guard)
        self._page: _Page | None = _Page(self.profile, self)
        # WebEngine needs the page gone before its profile: let the page own the profile.
        self.profile.setParent(self._page)
        settings = self._page.settings()
        # Two locks on the door: the page may not reach remote URLs, and the guard blocks any that try.
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        self.setPage(self._page)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self._page)
        self.channel.registerObject("bridge", self.bridge)
        self._page.setWebChannel(self.channel)
        self._page_dir = Path(tempfile.mkdtemp(prefix="sasaeai-map-page-"))
        self.crs = Crs.PIXEL
        self._queue: list[tuple[str, Callable[[Any], None] | None]] = []
        self._bridge_ready = False
        self._base_loaded = False
        self.is_ready = False
        self.bridge.page_ready.connect(self._on_page_ready)
        self.bridge.base_loaded.connect(self._on_base_loaded)
        self.bridge.map_clicked.connect(lambda x, y: self.clicked.emit(MapPoint(self.crs, x, y)))
        self.bridge.feature_moved.connect(lambda fid, x, y: self.moved.emit(fid, MapPoint(self.crs, x, y)))
        self.bridge.feature_clicked.connect(self.feature_clicked)

    # ------------------------------------------------------------ page life

    def shutdown(self) -> None:
        """Delete the page now, before its profile: WebEngine crashes at exit if the order is left to chance."""
        page = self._page
        if page is None:
            return
        self._page = None
        self.scheme_handler.close()
        page.setWebChannel(None)
        shiboken6.delete(page)  # the profile is the page's child and goes with it

    def show_town(
        self,
        base: BaseMapView,
        legend: list[dict[str, Any]],
        features: dict[str, Any],
        labels: PageLabels,
        *,
        center: tuple[float, float] | None = None,
        symbol_scale: float = 1.0,
    ) -> None:
        """(Re)build the page for a town or a new base map; the features follow once it is ready."""
        self.crs = base.crs
        self._bridge_ready = self._base_loaded = self.is_ready = False
        self._queue.clear()
        if base.path is not None:
            self.scheme_handler.set_folder(base.path.parent)
        path = build_page(self._page_dir, base, legend, labels, center=center, symbol_scale=symbol_scale)
        self.call("sasaeai.setFeatures", features)
        self.load(QUrl.fromLocalFile(str(path)))

    def _on_page_ready(self) -> None:
        self._bridge_ready = True
        queued, self._queue = self._queue, []
        for script, callback in queued:
            self._run(script, callback)
        self._check_ready()

    def _on_base_loaded(self) -> None:
        self._base_loaded = True
        self._check_ready()

    def _check_ready(self) -> None:
        if self._bridge_ready and self._base_loaded and not self.is_ready:
            # Round-trip through the page so every queued call has run before we say "ready".
            self._run("true", lambda _result: self._set_ready())

    def _set_ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    # ------------------------------------------------------------ Python → page

    def call(self, function: str, *args: Any, callback: Callable[[Any], None] | None = None) -> None:
        """Call ``function(*args)`` in the page (args as JSON), now or as soon as the page is ready."""
        script = f"{function}({', '.join(a if isinstance(a, _Raw) else json.dumps(a, ensure_ascii=False) for a in args)})"
        if self._bridge_ready:
            self._run(script, callback)
        else:
            self._queue.append((script, callback))

    def _run(self, script: str, callback: Callable[[Any], None] | None) -> None:
        if self._page is None:
            return
        if callback is None:
            self._page.runJavaScript(script, 0)
        else:
            self._page.runJavaScript(script, 0, callback)

    def set_features(self, features: dict[str, Any]) -> None:
        self.call("sasaeai.setFeatures", features)

    def upsert(self, feature: dict[str, Any]) -> None:
        self.call("sasaeai.upsert", feature)

    def remove(self, feature_id: uuid.UUID | str) -> None:
        self.call("sasaeai.remove", str(feature_id))

    def set_filter(self, codes: list[str] | None) -> None:
        self.call("sasaeai.setFilter", codes)

    def select(self, feature_id: uuid.UUID | str | None, *, pan: bool = False) -> None:
        self.call("sasaeai.select", None if feature_id is None else str(feature_id), pan)

    def set_add_mode(self, on: bool) -> None:
        self.call("sasaeai.setAddMode", on)

    def state(self, callback: Callable[[dict[str, Any]], None]) -> None:
        """What the page shows now (ids, visible ids, positions); for tests and diagnostics."""
        self.call("JSON.stringify", _Raw("sasaeai.state()"), callback=lambda text: callback(json.loads(text)))
