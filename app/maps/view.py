"""The map widget: a QWebEngineView showing the town page, fed with GeoJSON over the bridge.

Python → page calls go over the channel through :meth:`MapView.call`, queued until the page is ready.
What the page reports back is untrusted (a script that got in could call the bridge too): a click off
the base map, or a move or click of a feature the page was never sent, is refused and logged here and
never reaches the window.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import os
import signal
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Set
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QLabel, QWidget

from app.core.scratch import scratch_folder
from app.core.views import BaseMapView, Crs, MapPoint
from app.maps.bridge import MapBridge
from app.maps.features import LineColumns
from app.maps.page import SCHEME, PageLabels, build_page, page_spec
from app.maps.query import PageColumns, PageTexts
from app.maps.scheme import BaseMapSchemeHandler, OfflineGuard

log = logging.getLogger(__name__)

# The page is asked every WATCH_MS whether it still answers; WATCH_MISSES asks in a row with no answer (twice as many
# with its channel still not up since it was loaded) and it is taken for hung: its process is ended, and the window
# builds the page again as after a crash: 15-20 s (a city's households take the page a few seconds on a slow laptop);
# 10-15 s for a page whose process does nothing meanwhile (IDLE_CPU_SHARE).
WATCH_MS, WATCH_MISSES = 5_000, 3
# A page that does not answer while its process uses next to no CPU (under this share of one CPU from the ask it first
# missed to the next) is blocked, not busy: the bench's opens that hung had the page's thread asleep on a wait that
# never ended, and every thread of its process idle (gdb, 2026-12-05). Waiting longer cannot help: it is ended then.
IDLE_CPU_SHARE = 0.05
# What the log says of a page whose thread did not answer either when asked directly (past its queue of calls): its
# thread is not free. (A thread that answers is free, its calls waiting on something: not ended sooner.)
THREAD_SILENT = "its thread did not answer either"
# How a hung page's process is ended: as the system ends one; on Windows os.kill() calls TerminateProcess.
_END_PROCESS = getattr(signal, "SIGKILL", signal.SIGTERM)

# Where a position may be on a geographic map without a known extent: Web Mercator's world.
WORLD = (-180.0, -85.0511287798, 180.0, 85.0511287798)  # west, south, east, north


def process_cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system, in seconds) the process ``pid`` has used so far; None if it cannot be read
    (the process is gone, or the system refuses)."""
    import psutil  # only once a page stops answering

    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return None
    return times.user + times.system


def map_extent(base: BaseMapView) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) a household may be placed in on this base map.

    A scanned town map: its pixels. An MBTiles file or a georeferenced image: its bounds. A plain
    background, or tiles without bounds: the world Web Mercator can show.
    """
    if base.crs is Crs.PIXEL:
        if base.width and base.height:
            return (0.0, 0.0, float(base.width), float(base.height))
        return (-math.inf, -math.inf, math.inf, math.inf)
    if base.bounds is not None:
        west, south, east, north = (float(v) for v in base.bounds)
        if west > east:  # across the antimeridian: any longitude
            west, east = WORLD[0], WORLD[2]
        return (west, south, east, north)
    return WORLD


class _Page(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile, view: MapView) -> None:
        super().__init__(profile, view)
        self._view = view

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802, ANN001 - Qt override
        if "Content Security Policy" in message:
            # Chromium's own report of what the policy stopped (the page's listener reports it too).
            log.warning("page CSP violation %s:%s %s", source, line, message)
        else:
            log.warning("js console (%s) %s:%s %s", level.name, source, line, message)
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self._view.js_errors.append(f"{source}:{line} {message}")

    def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:  # noqa: N802, ANN001
        """The page never navigates itself: only the app loads pages into the view (the guard checks those)."""
        if kind in (QWebEnginePage.NavigationType.NavigationTypeTyped,
                    QWebEnginePage.NavigationType.NavigationTypeReload):
            return True
        self._view._refuse(f"a navigation by the page to {url.toString()[:200]!r}")
        return False


LEGEND_OPEN = "map/legend_open"  # setting: the user's last choice, legend open or closed


def _as_bool(value: Any) -> bool | None:
    """A QSettings value as a bool (INI files give back "true"/"false"), None when never set."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


ID_LENGTH = 36  # a feature id as str(uuid.UUID) writes it


def _joined_ids(ids: list[str]) -> str | list[str]:
    """Ids of ``ID_LENGTH`` characters as one string (the page cuts it up), any others as they are."""
    joined = "".join(ids)
    # all of them: as long as the longest, and as long as they are together
    return joined if len(joined) == ID_LENGTH * len(ids) and max(map(len, ids), default=ID_LENGTH) == ID_LENGTH else ids


class _Slices:
    """The ids in one string, ``ID_LENGTH`` characters each, as a sequence (what bisect searches)."""

    __slots__ = ("_joined",)

    def __init__(self, joined: str) -> None:
        self._joined = joined

    def __len__(self) -> int:
        return len(self._joined) // ID_LENGTH

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._joined[i * ID_LENGTH:(i + 1) * ID_LENGTH]

    def __iter__(self) -> Iterator[str]:
        joined = self._joined
        return (joined[i:i + ID_LENGTH] for i in range(0, len(joined) - ID_LENGTH + 1, ID_LENGTH))


class FeatureIds(Set[str]):
    """The households' ids of a town layer, held as one sorted string: 36 bytes an id, where a set of 50,000 id
    strings takes 6.3 MB (issue 17: memory). Looked up by bisection (a click, a move: a few microseconds)."""

    __slots__ = ("_sorted",)

    def __init__(self, joined: str = "") -> None:
        """``joined``: ids of ``ID_LENGTH`` characters each, one after the other, in any order."""
        if len(joined) % ID_LENGTH:
            raise ValueError("feature ids must be UUIDs as str(uuid.UUID) writes them")
        self._sorted = _Slices("".join(sorted(_Slices(joined))))

    def __contains__(self, feature_id: object) -> bool:
        if not isinstance(feature_id, str) or len(feature_id) != ID_LENGTH:
            return False
        i = bisect.bisect_left(self._sorted, feature_id)
        return i < len(self._sorted) and self._sorted[i] == feature_id

    def __iter__(self) -> Iterator[str]:
        return iter(self._sorted)

    def __len__(self) -> int:
        return len(self._sorted)

    @classmethod
    def _from_iterable(cls, ids: Iterable[str]) -> frozenset[str]:  # type: ignore[override] # what a | b... make
        return frozenset(ids)


class FeatureKinds(MutableMapping[str, str]):
    """Feature id -> "household" | "place" for the features of a town's page: the households of the layer sent
    (shared with the map view, not copied), and the places and any later entries in a dict of their own."""

    def __init__(self, households: Set[str] = frozenset(), others: Mapping[str, str] | None = None) -> None:
        self._households = households
        self._others: dict[str, str] = dict(others or {})

    def __getitem__(self, feature_id: str) -> str:
        if feature_id in self._others:
            return self._others[feature_id]
        if feature_id in self._households:
            return "household"
        raise KeyError(feature_id)

    def __setitem__(self, feature_id: str, kind: str) -> None:
        self._others[feature_id] = kind

    def __delitem__(self, feature_id: str) -> None:
        del self._others[feature_id]  # the layer's households stay what they were at the load

    def __iter__(self) -> Iterator[str]:
        yield from self._others
        yield from (i for i in self._households if i not in self._others)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class EncodedFeatures:
    """``MapView.set_features``'s message made in advance (and the ids the page may report on), by the background
    read of the town, not on the UI thread: the households as one binary message (:class:`PageColumns`), which
    the page fetches once through the app's scheme, and a short JSON message saying where and how to read it.
    """

    __slots__ = ("data", "household_ids", "other_ids", "payload")

    _URL_AT = '[null, {"households": {"url": '  # the message starts so: the URL is put in where it is sent

    def __init__(self, features: dict[str, Any]) -> None:
        columns = features.get("households")
        others = features.get("features", [])
        self.other_ids = frozenset(str(f["id"]) for f in others)  # the Features (places; plain GeoJSON's all)
        self.data: bytes | None = None
        if isinstance(columns, PageColumns):
            self.household_ids = FeatureIds(columns.ids)  # the households sent as columns
            self.data = columns.data
            # [reply id (none), the argument]: what MapView.call sends for setFeatures, but for the URL
            message = json.dumps([None, {"households": {"url": "", **columns.header()}, "features": others}],
                                 ensure_ascii=False)
            if not message.startswith(self._URL_AT + '""'):
                raise AssertionError(message[:80])
            self.payload = message[len(self._URL_AT) + 2:]
        else:  # plain GeoJSON (tests, small pages): households go as Features, one by one
            self.household_ids = FeatureIds()
            self.payload = json.dumps([None, {"features": others}], ensure_ascii=False)

    def message(self, offer: Callable[[bytes], str]) -> str:
        """The JSON message for the page; ``offer`` serves the binary part once and says at which URL."""
        if self.data is None:
            return self.payload
        return self._URL_AT + json.dumps(offer(self.data)) + self.payload


class MapView(QWebEngineView):
    """Shows one town's map. Signals carry positions as :class:`MapPoint` in the town's CRS."""

    ready = Signal()  # page loaded, bridge connected, base map drawn, features sent
    clicked = Signal(object)  # MapPoint
    moved = Signal(str, object)  # feature id, MapPoint
    feature_clicked = Signal(str)
    # The page's process ended while it was shown (crashed, killed for memory, a graphics driver failing, or ended here
    # for not answering: _watch_page): the map is blank and takes nothing more. How it ended, e.g.
    # "CrashedTerminationStatus"; the window builds the page again.
    renderer_ended = Signal(str)
    # The page has owed an answer for one ask (_watch_page): it may be hung, and is ended if it stays so; and it
    # answered again after that (a page busy for a while, not hung).
    stalled = Signal()
    answering = Signal()

    def __init__(self, basemap_folder: Path, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings  # where the legend's state is kept across starts (none: not kept)
        # An off-the-record profile: nothing (tiles, page, cache) is written to disk by WebEngine.
        self.profile = QWebEngineProfile(self)
        self.scheme_handler = BaseMapSchemeHandler(basemap_folder, self)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.scheme_handler)
        self.guard = OfflineGuard(self)
        self.profile.setUrlRequestInterceptor(self.guard)
        self.js_errors: list[str] = []  # errors the page reported; tests assert there are none
        self._stale_offers: frozenset[str] = frozenset()  # the last page's messages, withdrawn once a new page is up
        self.refused: list[str] = []  # what the page reported and we did not believe (also logged)
        self.sent_bytes = 0  # characters sent to the page since the town's features were (tests count them)
        self.sent_calls: deque[str] = deque(maxlen=200)  # the last page functions called (tests count them)
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
        self._scratch = scratch_folder("map-page")  # the page's HTML and script: removed with the page
        self._page_path = build_page(Path(self._scratch.name))  # the same page for every town: written once
        self.crs = Crs.PIXEL
        self._extent: tuple[float, float, float, float] = WORLD
        # The features sent to the page and not removed (all it may report on): the layer's households as sent
        # (shared, not copied: 50,000 ids), and the changes since, by id.
        self._sent: FeatureIds = FeatureIds()
        self._other_ids: frozenset[str] = frozenset()
        self._upserted: set[str] = set()
        self._removed: set[str] = set()
        self._queue: list[tuple[str, str]] = []
        self._together: list[tuple[str, str]] | None = None  # calls made in ``together()``: sent as one message
        self._callbacks: dict[int, Callable[[Any], None]] = {}
        self._next_reply = 1
        self._bridge_ready = False
        self._base_loaded = False
        self._features_due = False  # show_town(features_later=True): "ready" waits for set_features too
        self._held: list[tuple[str, Any]] = []  # upserts and removes made meanwhile: sent after the features
        self.is_ready = False
        self._notice: QLabel | None = None  # over the map while its page is gone (show_notice)
        self._watch = QTimer(self)  # asks the page whether it still answers (_watch_page), from its first load on
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._watch_page)
        self._watch_asked = False  # the page was asked and has not answered yet
        self._watch_misses = 0  # asks in a row that found the page owing an answer (or its channel not up)
        self._watch_limit = WATCH_MISSES
        self._stalled = False  # ``stalled`` was said, and neither ``answering`` nor the page's end since
        self._probe = "not asked"  # what the page's thread said when it first did not answer (_probe_page)
        self._answered_at = 0.0  # time.monotonic() of the page's last answer, or of its load
        self._stall_cpu: tuple[int, float, float] | None = None  # _cpu_used() when the page first did not answer
        self._cpu_note = ""  # how much CPU its process used since then, once looked at (_blocked)
        self.bridge.page_ready.connect(self._on_page_ready)
        self.bridge.base_loaded.connect(self._on_base_loaded)
        self.bridge.map_clicked.connect(self._on_map_clicked)
        self.bridge.feature_moved.connect(self._on_feature_moved)
        self.bridge.feature_clicked.connect(self._on_feature_clicked)
        self.bridge.on_reply = self._on_reply
        self.bridge.page_error.connect(self.js_errors.append)
        self.bridge.legend_toggled.connect(self._on_legend_toggled)
        self._page.renderProcessTerminated.connect(self._on_renderer_ended)
        # The page is the same for every town, and loads now: its process starts, and Leaflet and the page's scripts
        # load, while the window is built and the ledger opened; ``show_town`` then only sends the town.
        self._fresh = False  # the page loaded (or loading) has not been given a town yet
        self._load_page()

    def _load_page(self) -> None:
        assert self._page is not None
        self._bridge_ready = self._fresh = False
        self._watch_asked, self._watch_misses, self._answered_at = False, 0, time.monotonic()
        self._stalled, self._stall_cpu = False, None
        self._watch.start()  # (again: from this load on)
        self.load(QUrl.fromLocalFile(str(self._page_path)))
        self._fresh = True

    # ------------------------------------------------------------ page life

    def shutdown(self) -> None:
        """Delete the page now, before its profile: WebEngine crashes at exit if the order is left to chance."""
        page = self._page
        if page is None:
            return
        self._page = None
        self._watch.stop()
        self._bridge_ready = False
        self._queue.clear()
        self._callbacks.clear()
        self.scheme_handler.close()
        self.channel.deregisterObject(self.bridge)
        page.setWebChannel(None)
        shiboken6.delete(page)  # the profile is the page's child and goes with it
        self._scratch.cleanup()

    def show_town(
        self,
        base: BaseMapView,
        legend: list[dict[str, Any]],
        features: dict[str, Any] | None,
        labels: PageLabels,
        *,
        center: tuple[float, float] | None = None,
        symbol_scale: float = 1.0,
        editable: bool = True,
        features_later: bool = False,
    ) -> None:
        """(Re)build the page for a town or a new base map; the features follow once it is ready.

        With ``features`` None the caller sends them with :meth:`set_features` while the page loads;
        ``features_later``: they come a while later (read in the background), and ``ready`` waits for them.
        """
        self.crs = base.crs
        self._extent = map_extent(base)
        # What the last page did not fetch yet: withdrawn once this page is up. Until then the last page still runs
        # and may ask for it (its labels, sent just before a new base map or the projector was chosen); withdrawn
        # here, that ask was refused, and the page reported its failed fetch as an error.
        self._stale_offers = self.scheme_handler.offers()
        self._forget_features()
        self._base_loaded = self.is_ready = False
        self._features_due = features is None and features_later
        self._held = []
        self._queue.clear()
        if self._together is not None:
            self._together.clear()  # meant for the page being replaced
        self._callbacks.clear()
        if base.path is not None:
            self.scheme_handler.set_folder(base.path.parent)
        if self._page is not None and not self._fresh:
            self._load_page()  # the page has a town (or base map) already: a new one
        self._fresh = False
        self.call("begin", page_spec(base, legend, labels, center=center, symbol_scale=symbol_scale,
                                     editable=editable, legend_open=self.legend_open()))
        if features is not None:
            self.set_features(features)

    def _on_renderer_ended(self, status: QWebEnginePage.RenderProcessTerminationStatus, exit_code: int) -> None:
        """Nothing sent to the page runs any more, nor answers: what was queued for it and what waited on its replies
        is dropped (a new page starts from nothing), and ``ready`` comes again only once the page is built again."""
        if self._page is None:  # shut down: the page went with the window
            return
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            log.info("the map page's process exited normally")  # as WebEngine shuts down; a crash is never this
            return
        log.error("the map page's process ended (%s, exit code %s): the map is blank until it is built again",
                  status.name, exit_code)
        self._page_gone(status.name)

    def _page_gone(self, how: str) -> None:
        self._watch.stop()  # until the page is built again (show_town)
        self._fresh = False
        self._watch_asked, self._watch_misses, self._stalled, self._stall_cpu = False, 0, False, None
        self._bridge_ready = self._base_loaded = self.is_ready = False
        self._queue.clear()
        self._callbacks.clear()
        self._held = []
        self._forget_features()  # what the page may report on: nothing now
        self.renderer_ended.emit(how)

    def watch_every(self, ms: int, misses: int = WATCH_MISSES) -> None:
        """How often the page is asked whether it still answers (``WATCH_MS``), and after how many asks in a row
        unanswered it is ended (tests ask sooner)."""
        self._watch.setInterval(ms)
        self._watch_limit = misses

    def _watch_page(self) -> None:
        """Ask the page whether it still answers. A page that does not (a script that never returns, a call held
        behind a fetch that never ends, its channel never up) leaves the map blank or frozen, and no crash tells the
        window so: after ``WATCH_MISSES`` asks its process is ended, and the window builds the page again; after two,
        if its process used next to no CPU from the first to the second (blocked, not busy: ``IDLE_CPU_SHARE``).

        The ask goes round the page's queue of calls, so a page busy with a city's households answers once it has
        drawn them; a UI thread that was itself busy counts one miss at most (the timer's missed ticks are one)."""
        if self._page is None:
            self._watch.stop()
            return
        if self._watch_asked or not self._bridge_ready:
            self._watch_misses += 1
            # A page still starting gets twice as long: an old laptop's first start of WebEngine can take a while.
            if self._watch_misses >= (self._watch_limit if self._bridge_ready else 2 * self._watch_limit):
                self._end_hung_page()
                return
            if not self._stalled:
                self._stalled = True
                log.warning("the map page is not answering (nothing for %.0f s; its process %s): its thread is asked "
                            "what the calls wait on", time.monotonic() - self._answered_at, self._page.renderProcessPid())
                self._stall_cpu, self._cpu_note = self._cpu_used(), ""
                self._probe_page()
                self.stalled.emit()
            elif self._bridge_ready and self._probe == THREAD_SILENT and self._blocked():
                self._end_hung_page()
                return
        else:
            self._watch_misses = 0
        if self._bridge_ready and not self._watch_asked:
            self._watch_asked = True
            # not counted among the calls the window made (sent_calls, sent_bytes)
            self._deliver("ping", json.dumps([self._await_reply(self._page_answered)]))

    def _cpu_used(self) -> tuple[int, float, float] | None:
        """(the page's process, when, the CPU seconds it had used by then); None where it has no process of its own
        or its CPU time cannot be read."""
        assert self._page is not None
        pid = self._page.renderProcessPid()
        if not 0 < pid != os.getpid():
            return None
        cpu = process_cpu_seconds(pid)
        return None if cpu is None else (pid, time.monotonic(), cpu)

    def _blocked(self) -> bool:
        """Whether the page's process used next to no CPU since the page first did not answer (``IDLE_CPU_SHARE``):
        its thread, which did not answer either, waits on something that does not come, rather than working through
        a long task."""
        before, now = self._stall_cpu, self._cpu_used()
        if before is None or now is None or now[0] != before[0] or now[1] <= before[1]:
            return False
        share = (now[2] - before[2]) / (now[1] - before[1])
        self._cpu_note = f"its process used {share:.0%} of a CPU since the page first did not answer"
        return share < IDLE_CPU_SHARE

    def _probe_page(self) -> None:
        """Ask the page's thread itself, past its queue of calls, what the calls wait on: for the log if the page is
        ended (a thread that does not answer this either is busy, not waiting)."""
        self._probe = THREAD_SILENT
        page = self._page

        def answered(result: object) -> None:
            if self._page is page:
                self._probe = f"its thread answered: the calls wait on {str(result)[:200]}"

        assert page is not None
        page.runJavaScript("JSON.stringify((window.sasaeai && window.sasaeai._.waitingOn) || null)", 0, answered)

    def _page_answered(self, _result: object) -> None:
        self._watch_asked = False
        self._answered_again()

    def _answered_again(self) -> None:
        now = time.monotonic()
        if self._stalled:
            self._stalled, self._stall_cpu = False, None
            log.warning("the map page answers again, after %.1f s without an answer", now - self._answered_at)
            self.answering.emit()
        self._answered_at = now

    def _end_hung_page(self) -> None:
        assert self._page is not None
        pid = self._page.renderProcessPid()
        owed = ("its channel to the app never came up" if not self._bridge_ready
                else f"calls sent last: {list(self.sent_calls)[-6:]}")
        if self._stall_cpu is not None and not self._cpu_note:
            self._blocked()  # how busy it was, for the log
        log.error("the map page has not answered for %.0f s (%d asks in a row; %s; %s; %s; page errors %s; messages "
                  "offered and not fetched %d, answers given %d): its process %s is ended and the page built again",
                  time.monotonic() - self._answered_at, self._watch_misses, owed, self._probe,
                  self._cpu_note or "its CPU time unknown",
                  self.js_errors[-3:], self.scheme_handler.waiting, self.scheme_handler.served, pid)
        self._watch_asked, self._watch_misses = False, 0
        if 0 < pid != os.getpid():  # never this process (WebEngine run in one process): only the page's own
            try:
                os.kill(pid, _END_PROCESS)
                return  # renderProcessTerminated follows: _on_renderer_ended
            except OSError as e:
                log.error("could not end the map page's process %s: %s", pid, e)
        self._page_gone("NotAnswering")  # no process of its own to end: the page is built again all the same

    def show_notice(self, text: str) -> None:
        """Say over the map why it is blank (its page's process ended): until the page is next ready."""
        if self._notice is None:
            self._notice = QLabel(self)
            self._notice.setObjectName("mapNotice")
            self._notice.setWordWrap(True)
            self._notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._notice.setTextFormat(Qt.TextFormat.PlainText)
            self._notice.setStyleSheet("QLabel#mapNotice { background: #ffffff; color: #000000; font-size: 16pt; "
                                       "padding: 24px; }")
        self._notice.setText(text)
        self._notice.setGeometry(self.rect())
        self._notice.show()
        self._notice.raise_()

    def hide_notice(self) -> None:
        if self._notice is not None:
            self._notice.hide()

    @property
    def notice(self) -> str:
        """The notice shown over the map, or "" (tests read it)."""
        return self._notice.text() if self._notice is not None and not self._notice.isHidden() else ""

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().resizeEvent(event)
        if self._notice is not None:
            self._notice.setGeometry(self.rect())

    def _forget_features(self) -> None:
        self._sent, self._other_ids, self._upserted, self._removed = FeatureIds(), frozenset(), set(), set()

    def on_page(self, feature_id: str) -> bool:
        """Whether the feature was sent to the page and not removed since."""
        if feature_id in self._upserted:
            return True
        return feature_id not in self._removed and (feature_id in self._sent or feature_id in self._other_ids)

    def _on_page_ready(self) -> None:
        self._bridge_ready = True
        self.scheme_handler.withdraw(self._stale_offers)  # the last page is gone: nothing asks for those now
        self._stale_offers = frozenset()
        self._answered_again()  # a page slow to start is up
        queued, self._queue = self._queue, []
        for name, args in queued:
            self.bridge.invoke.emit(name, args)
        self._check_ready()

    def _on_base_loaded(self) -> None:
        self._base_loaded = True
        self._check_ready()

    def _check_ready(self) -> None:
        if self._bridge_ready and self._base_loaded and not self._features_due and not self.is_ready:
            # Round-trip through the page so every queued call has run before we say "ready".
            self.call("ping", callback=lambda _result: self._set_ready())

    def _set_ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.hide_notice()
            self.ready.emit()

    # ------------------------------------------------------------ page → Python (untrusted)

    def _refuse(self, what: str) -> None:
        self.refused.append(what)
        log.warning("refused what the map page reported: %s", what)

    def _on_base_map(self, x: float, y: float) -> bool:
        min_x, min_y, max_x, max_y = self._extent
        return math.isfinite(x) and math.isfinite(y) and min_x <= x <= max_x and min_y <= y <= max_y

    def _on_map_clicked(self, x: float, y: float) -> None:
        if not self._on_base_map(x, y):
            self._refuse(f"a click at ({x!r}, {y!r}), off the base map {self._extent}")
            return
        self.clicked.emit(MapPoint(self.crs, x, y))

    def _on_feature_moved(self, feature_id: str, x: float, y: float) -> None:
        if not self.on_page(feature_id):
            self._refuse(f"a move of {feature_id[:80]!r}, which is not on the page")
            return
        if not self._on_base_map(x, y):
            self._refuse(f"a move of {feature_id} to ({x!r}, {y!r}), off the base map {self._extent}")
            self.call("putBack", feature_id)
            return
        self.moved.emit(feature_id, MapPoint(self.crs, x, y))

    def legend_open(self) -> bool | None:
        """The user's last choice for the legend, or None (the page decides by the view's size)."""
        return _as_bool(self.settings.value(LEGEND_OPEN)) if self.settings is not None else None

    def _on_legend_toggled(self, is_open: bool) -> None:
        if self.settings is not None:
            self.settings.setValue(LEGEND_OPEN, bool(is_open))

    def _on_feature_clicked(self, feature_id: str) -> None:
        if not self.on_page(feature_id):
            self._refuse(f"a click on {feature_id[:80]!r}, which is not on the page")
            return
        self.feature_clicked.emit(feature_id)

    # ------------------------------------------------------------ Python → page

    def call(self, function: str, *args: Any, callback: Callable[[Any], None] | None = None) -> None:
        """Call ``window.sasaeai[function](*args)`` over the channel, now or once the page is ready.

        Calls arrive in the order they were made; ``callback`` gets the JSON-decoded result.
        """
        reply_id = None if callback is None else self._await_reply(callback)
        self._send(function, json.dumps([reply_id, *args], ensure_ascii=False))

    def _await_reply(self, callback: Callable[[Any], None]) -> int:
        """A new reply id, whose reply the page sends to ``callback``."""
        reply_id, self._next_reply = self._next_reply, self._next_reply + 1
        self._callbacks[reply_id] = callback
        return reply_id

    @contextmanager
    def together(self) -> Iterator[None]:
        """The calls made meanwhile reach the page as one message, and run there in one task: one repaint for
        them all. An add's upsert and select, sent a moment apart (the window fills its panel in between), were
        painted once each."""
        if self._together is not None:  # within another: that one sends
            yield
            return
        self._together = []
        try:
            yield
        finally:
            calls, self._together = self._together, None
            if len(calls) == 1:
                self._deliver(*calls[0])
            elif calls:
                self._deliver("batch", json.dumps(calls, ensure_ascii=False))

    def _send(self, function: str, payload: str) -> None:
        self.sent_bytes += len(payload)
        self.sent_calls.append(function)
        if self._together is not None:
            self._together.append((function, payload))
        else:
            self._deliver(function, payload)

    def _deliver(self, function: str, payload: str) -> None:
        if self._bridge_ready:
            self.bridge.invoke.emit(function, payload)
        else:
            self._queue.append((function, payload))

    def _on_reply(self, reply_id: int, result_json: str) -> None:
        callback = self._callbacks.pop(reply_id, None)
        if callback is not None:
            callback(json.loads(result_json))

    def set_features(self, features: dict[str, Any] | EncodedFeatures) -> None:
        """Replace the page's features: ``TownLayer.for_page()`` (households as typed-array columns) or GeoJSON,
        or that already encoded (:class:`EncodedFeatures`).

        A city of 50,000 households is one binary message of about 4 MB, which the page fetches once from the
        app's scheme (no JSON nor base64 either side, nothing copied on the UI thread but the bytes), and no
        object per household on either side. The calls made after this one wait on the page until it is read.
        """
        encoded = features if isinstance(features, EncodedFeatures) else EncodedFeatures(features)
        self._forget_features()
        self._sent, self._other_ids = encoded.household_ids, encoded.other_ids
        self.sent_bytes = len(encoded.data or b"")
        self._send("setFeatures", encoded.message(self.scheme_handler.offer))
        if self._features_due:
            self._features_due = False
            # An edit made while the households were read is newer than what the read may have seen.
            held, self._held = self._held, []
            for function, arg in held:
                (self.upsert if function == "upsert" else self.remove)(arg)
            self._check_ready()

    def set_texts(self, texts: PageTexts) -> None:
        """The labels and addresses of the households ``set_features`` sent without them (``query.layer_texts``), in
        one binary message the page fetches as it fetched the households. A household upserted or labelled
        (``set_labels``) since keeps its own.

        A page replaced right after an open (another town, a new base map, the projector) may still be fetching
        them: the navigation ends that fetch. The page answers a failed fetch as this call's result rather than
        reporting it, and it is reported here only if the page that answers is still the one shown (``show_town``
        forgets the replies owed by the page it replaces)."""
        self.call("setTexts", {"url": self.scheme_handler.offer(texts.data), **texts.header()},
                  callback=self._on_texts_set)

    def _on_texts_set(self, result: Any) -> None:
        if isinstance(result, str):  # the page's words: untrusted, cut and put on one line as the bridge's log
            self.bridge.log(f"setTexts failed: {result}")

    def set_labels(self, ids: list[str], labels: list[str]) -> None:
        """New labels of households already on the page (``query.member_labels``); ids not there are skipped.

        The ids go as one string (fixed width), not a list of strings: one value fewer per label to encode.
        """
        self.call("setLabels", {"ids": _joined_ids(ids), "labels": labels})

    def upsert(self, feature: dict[str, Any]) -> None:
        if self._features_due:
            self._held.append(("upsert", feature))
            return
        feature_id = str(feature["id"])
        self._upserted.add(feature_id)
        self._removed.discard(feature_id)
        self.call("upsert", feature)

    def remove(self, feature_id: uuid.UUID | str) -> None:
        if self._features_due:
            self._held.append(("remove", feature_id))
            return
        self._upserted.discard(str(feature_id))
        self._removed.add(str(feature_id))
        self.call("remove", str(feature_id))

    def set_filter(self, codes: list[str] | None) -> None:
        self.call("setFilter", codes)

    def select(self, feature_id: uuid.UUID | str | None, *, pan: bool = False) -> None:
        self.call("select", None if feature_id is None else str(feature_id), pan)

    def set_add_mode(self, on: bool) -> None:
        self.call("setAddMode", on)

    def set_lines(self, lines: LineColumns | list[dict[str, Any]]) -> None:
        """The watch lines as columns (``features.line_specs``, made off the UI thread: handed on as they are), or
        hand-made specs {id, from, to, role, personId} (tests)."""
        self.call("setLines", lines.message() if isinstance(lines, LineColumns) else lines)

    def set_person_lines(self, person_id: uuid.UUID, lines: LineColumns) -> None:
        """One person's watch lines, in place of those the page has for them (``features.line_specs`` of their
        lines alone); the town's other lines stay drawn."""
        self.call("setPersonLines", str(person_id), lines.message())

    def show_lines(self, on: bool) -> None:
        self.call("showLines", on)

    def highlight_person(self, person_id: uuid.UUID | str | None) -> None:
        self.call("highlightPerson", None if person_id is None else str(person_id))

    def set_gaps(self, household_ids: list[str]) -> None:
        self.call("setGaps", household_ids)

    def set_scale(self, value: float) -> None:
        self.call("setScale", value)

    def set_print_mode(self, on: bool) -> None:
        self.call("setPrintMode", on)

    def print_info(self, callback: Callable[[dict[str, Any]], None]) -> None:
        self.call("printInfo", callback=callback)

    def set_references(self, features: dict[str, Any], credits: list[str]) -> None:
        self.call("setReferences", features, credits)

    def show_references(self, on: bool) -> None:
        self.call("showReferences", on)

    def set_hazards(self, layers: list[dict[str, Any]]) -> None:
        """The town's hazard zones (``app.maps.hazard_layers.hazard_overlay``): drawn under the households."""
        self.call("setHazards", layers)

    def show_hazard(self, kind: str, on: bool) -> None:
        self.call("showHazard", kind, on)

    def set_status_rings(self, rows: list[dict[str, Any]]) -> None:
        """The safety check's rings ({householdId, color, label}), replacing any drawn (app/ui/mainwindow/safety.py)."""
        self.call("setStatusRings", rows)

    def set_status_ring(self, row: dict[str, Any]) -> None:
        """One household's ring again, after a check was recorded (no other ring is touched)."""
        self.call("setStatusRing", row)

    def state(self, callback: Callable[[dict[str, Any]], None]) -> None:
        """What the page shows now (ids, visible ids, positions); for tests and diagnostics."""
        self.call("state", callback=callback)
