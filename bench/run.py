"""The performance benchmark of issues 7 and 17: ``.venv/bin/python -m bench.run [--sizes 1000,10000] [--json FILE]``.

Generates city-sized ledgers (bench/generate.py), then measures in this one process, offscreen, with
the real MainWindow and WebEngine page: open → map ready, one edit → map updated, search, filter,
emergency contact sheet export, a 10,000-row roster import (rolled back), peak RSS (WebEngine
child processes included); and the naive way (one folium marker per household, page rebuilt after
each edit, at 10,000 households and below). Beside each main measurement, in the same run, its floor
(bench/floors.py): what the machine and the libraries need at the least for the same work. Prints a
table and writes bench/RESULTS.md (with a "× floor" column), bench/results.png (cost against size on
log axes) and, with ``--json``, the same figures as JSON. Each figure is the median of the runs.
Every measurement goes through the app's public functions, so the bench keeps working when internals move.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
# Ledgers are encrypted (SQLCipher) once the privacy work is in; the bench ledgers use a fixed passphrase.
os.environ.setdefault("SASAEAI_PASSPHRASE", "bench-passphrase ベンチ")

from app.ui.app import prepare_webengine  # noqa: E402

prepare_webengine()

import shiboken6  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer, QUrl  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.views import Crs, MapPoint  # noqa: E402
from app.households.search import search  # noqa: E402
from app.models import open_ledger  # noqa: E402
from app.paths import leaflet_dir, ledger_path  # noqa: E402
from bench import floors  # noqa: E402
from bench.generate import CENTER, generate, generate_or_reuse, write_roster  # noqa: E402
from bench.machine import STOLEN, cpu_times, stolen_share  # noqa: E402
from bench.report import (  # noqa: E402
    CARDS_PDF,
    FILTER_OFF,
    FILTER_ON,
    FIRST_ADD,
    LISTS_OWN,
    READ_ENDED,
    READ_STARTED,
    SHEET_PDF,
    SizeResult,
    fmt,
    machine,
    picture,
    table,
    write_json,
    write_results,
)
from bench.schema import StaleLedger  # noqa: E402

try:
    import psutil
except ImportError:  # the bench extra is not installed: memory is reported as unknown
    psutil = None

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
PICTURE = HERE / "results.png"
NAIVE_UP_TO = 10_000  # the peer is measured at 1,000 and 10,000 households (issue 17)
ORM_LAYER_UP_TO = 50_000  # the ORM map layer (a comparison, not a target) takes minutes and GBs above this
BUDGET_SIZE = 50_000  # --budget is for this many households; larger sizes get a budget in proportion
PROFILE_TOP = 16
SEARCH_FLOOR_RUNS = 15  # a search floor is well under 1 ms: the median of this many runs, for sub-ms precision
FRESH_APP_TIMEOUT_S = 900
LISTS_READ = "load_details"  # the window's read of the Steps II/III lists (app/ui/mainwindow/town.py): its job's name
SEARCHES = (("山田 キヨ", "search (3+ chars)"), ("府中3丁目", "search (3+ chars)"),
            ("府中", "search (2 chars)"), ("やま", "search (2 chars)"), ("や", "search (1 char)"),
            ("山", "search (1 char)"), ("存在しない名前", "search (3+ chars, no hit)"),
            ("ぬえ", "search (2 chars, no hit)"))

class TimedOut(Exception):
    pass


# ---------------------------------------------------------------- Qt helpers


BUSY_WAIT = False  # True: the old wait, which polled the event loop without sleeping (for an A/B only)


def wait_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop until ``done()``; raise TimedOut after ``timeout_s``.

    The loop sleeps until an event comes (an answer from the page, a signal from a worker, or the 50 ms
    timer that lets the deadline be checked): polling without sleeping kept one of the 2 cores busy while
    the page's own processes needed it, and made every page measurement slower than the app is."""
    deadline = time.perf_counter() + timeout_s
    app = QApplication.instance()
    tick = QTimer()
    tick.start(50)
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise TimedOut(f"{what}: no answer within {timeout_s:.0f} s")
            if BUSY_WAIT:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            else:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents
                                  | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()


def page_call(map_view, function: str, *args, timeout_s: float = 60) -> object:
    box: dict = {}
    map_view.call(function, *args, callback=lambda result: box.setdefault("r", result))
    wait_until(lambda: "r" in box, timeout_s, f"page {function}")
    return box["r"]


class MemoryWatch:
    """Samples the memory of this process and its children (the WebEngine processes) every 250 ms.

    RSS summed over processes counts the shared Qt/Chromium libraries once per process; PSS (Linux)
    shares them out, so its sum is what the whole app really holds. Both peaks are kept.
    """

    def __init__(self) -> None:
        self.peak_rss = self.peak_pss = 0.0
        self.proc = psutil.Process() if psutil else None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _loop(self) -> None:
        # A thread, not a QTimer: it also samples while the main thread is busy in one long call.
        while not self._stop.wait(0.25):
            self.sample()

    def sample(self) -> None:
        if self.proc is None:
            return
        rss = pss = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                rss += p.memory_info().rss
                pss += getattr(p.memory_full_info(), "pss", 0)
            except psutil.Error:
                pass
        self.peak_rss = max(self.peak_rss, rss / 2**20)
        self.peak_pss = max(self.peak_pss, pss / 2**20)

    def current_pss(self) -> float:
        """PSS summed over this process and its children right now, in MB."""
        if self.proc is None:
            return 0.0
        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                total += getattr(p.memory_full_info(), "pss", 0)
            except psutil.Error:
                pass
        return total / 2**20

    def start(self) -> None:
        self.peak_rss = self.peak_pss = 0.0
        self.sample()
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()
        return self.peak_rss, self.peak_pss


class ExportMemory:
    """The peak memory of this process during one export, above its level just before.

    An export runs in the app's own process (the WebEngine processes do not take part), so the kernel's
    high-water mark of this process's RSS, reset just before the export (Linux: ``/proc/self/clear_refs``),
    is the export's exact peak, with nothing sampled and no cost while timed. Elsewhere the RSS is sampled
    every 20 ms by a thread (which may miss a short peak).
    """

    STATUS, CLEAR = Path("/proc/self/status"), Path("/proc/self/clear_refs")

    def __init__(self) -> None:
        self.base = self.peak = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._kernel = self.STATUS.exists() and self.CLEAR.exists()

    def _status(self, key: str) -> float:
        for line in self.STATUS.read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
        return 0.0

    def _rss(self) -> float:
        return psutil.Process().memory_info().rss / 2**20 if psutil else 0.0

    def __enter__(self) -> ExportMemory:
        if self._kernel:
            try:
                self.CLEAR.write_text("5")  # resets VmHWM to the current RSS
            except OSError:
                self._kernel = False
        if self._kernel:
            self.base = self._status("VmRSS")
        else:
            self.base = self.peak = self._rss()
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self._rss())

    def __exit__(self, *exc: object) -> None:
        if self._kernel:
            self.peak = self._status("VmHWM")
        else:
            self._stop.set()
            if self._thread is not None:
                self._thread.join()
            self.peak = max(self.peak, self._rss())

    @property
    def growth(self) -> float:
        return max(0.0, self.peak - self.base)


def keep_export_memory(r: SizeResult, name: str, memory: ExportMemory) -> None:
    """The largest peak and growth of ``name`` over its repetitions."""
    peak, growth = r.export_memory.get(name, (0.0, 0.0))
    r.export_memory[name] = (max(peak, memory.peak), max(growth, memory.growth))


def time_export(r: SizeResult, name: str, write: Callable[[], object]) -> None:
    """One export timed as ``name``, with the app process's peak memory during it kept beside the time."""
    t0 = time.perf_counter()
    with ExportMemory() as memory:
        write()
    r.add(name, time.perf_counter() - t0)
    keep_export_memory(r, name, memory)


# ---------------------------------------------------------------- measurements


def open_window(data_dir: Path, timeout_s: float, profiler: cProfile.Profile | None = None,  # noqa: ANN201
                profile_until: str = "drawn", reads: list | None = None, events: list | None = None):
    """Open the ledger and its town: seconds until the map is drawn, and until Steps II/III are filled in too.

    The window reads the lists of Steps II and III and the meeting queue off the UI thread once the
    map is drawn (the user can work on the map meanwhile). With ``profiler``, it profiles exactly the timed
    span: from the open until the map is drawn (``profile_until="drawn"``) or the lists are filled ("ready").
    ``reads`` gets [started, ended, what] (seconds after the open; the job's name) of each background read the
    window started; ``events`` the page's events ("seconds event" lines, ``page_trace``).
    Returns (ledger, MainWindow, seconds to the map drawn, seconds to the lists filled).
    """
    from app.models.engine import LedgerOpening
    from app.ui.app import settings_for
    from app.ui.mainwindow import MainWindow

    drawn: list[float] = []
    ready: list[float] = []

    def mark(into: list[float], what: str, t0: float) -> None:
        into.append(time.perf_counter() - t0)
        if profiler is not None and what == profile_until:
            profiler.disable()

    if profiler is not None:
        profiler.enable()
    t0 = time.perf_counter()
    timed = BackgroundReadsTimed(t0)
    with timed:
        # As the app opens it: the key is stretched on a thread while the window is built.
        window = MainWindow(LedgerOpening(ledger_path(data_dir)), settings_for(data_dir))
        ledger = window.ledger
        window.map_drawn.connect(lambda: mark(drawn, "drawn", t0))
        window.map_ready.connect(lambda: mark(ready, "ready", t0))
        page_events = page_trace(window, t0)
        window.show()
        window.towns.open_initial_town()
        try:
            wait_until(lambda: bool(ready), timeout_s, "map ready")
        except TimedOut as e:  # what the window was waiting for: an open that never ends has happened (stop 37)
            raise TimedOut(f"{e}; {stuck_open(window, page_events, timed.spans)}") from None
        finally:
            if profiler is not None:
                profiler.disable()  # a second disable is harmless
    if reads is not None:
        reads.extend(timed.spans)
    if events is not None:
        events.extend(page_events)
    return ledger, window, drawn[0], ready[0]


PAGE_ENDED = "PAGE PROCESS ENDED"  # crashed, or ended by the app for not answering (MapView._watch_page)


def page_rebuilt(events: list[str]) -> str | None:
    """The page's events, if its process ended during the open (the app built it again: the time includes that)."""
    return "; ".join(events) if any(PAGE_ENDED in e for e in events) else None


def page_trace(window, t0: float) -> list[str]:  # noqa: ANN001
    """What the window's map page did during an open, as it happens: "seconds event" lines."""
    events: list[str] = []
    view, page = window.map_view, window.map_view.page()

    def on(signal, what: str, *, told: bool = False) -> None:  # noqa: ANN001
        # ``told``: what the signal carries is small and worth saying (a flag, a status); the lists read carry the
        # town's lists, whose text took 0.8 s of the UI thread at 50,000 households and 70 MB.
        signal.connect(lambda *args: events.append(f"{time.perf_counter() - t0:.2f} {what}"
                                                   + (f" {args}" if told and args else "")))

    for signal, what, told in ((page.loadStarted, "page load started", False), (page.loadFinished, "page loaded", True),
                               (page.renderProcessTerminated, PAGE_ENDED, True),
                               (view.bridge.page_ready, "page's channel ready", False),
                               (view.bridge.base_loaded, "base map drawn", False), (view.ready, "map ready", False),
                               (window.towns.details_read, "lists read", False)):
        on(signal, what, told=told)
    return events


def stuck_open(window, page_events: list[str], reads: list[list]) -> str:  # noqa: ANN001
    """The state of a window whose open did not end: the page's events, the map's flags, the window's reads."""
    view, towns = window.map_view, window.towns
    frames = sys._current_frames()  # what the reads' thread is doing, if it is at work

    def read(r) -> str:  # noqa: ANN001 - a BackgroundRead
        return "none" if r is None else (f"{r.job.name}: outcome {r.job.outcome}, work returned {not r.job.running}, "
                                         f"cancelled {r.job.token.cancelled}")

    return "; ".join((
        "page: " + (", ".join(page_events) or "no event"),
        f"map: channel ready {view._bridge_ready}, base drawn {view._base_loaded}, households due "
        f"{view._features_due}, ready {view.is_ready}, calls queued {[name for name, _ in view._queue]}, replies "
        f"awaited {len(view._callbacks)}, last calls {list(view.sent_calls)[-8:]}, page errors {view.js_errors[:3]}",
        f"lists: ready {towns.details_ready}, their read {read(towns._details_job)}; household read "
        f"{read(towns._layer_read)}; other reads {[read(j) for j in towns._old_jobs]}",
        "reads (s after the open): " + (", ".join(f"{what} {start:.2f}–{'' if end is None else f'{end:.2f}'}"
                                                 for start, end, what in reads) or "none"),
        *(f"thread {t.name} at " + " < ".join(f"{f.name} ({Path(f.filename).name}:{f.lineno})"
                                              for f in reversed(_app_frames(traceback.extract_stack(frames[t.ident]))))
          for t in threading.enumerate() if t.name.startswith("job:") and t.ident in frames),
    ))


def _app_frames(stack: traceback.StackSummary) -> list[traceback.FrameSummary]:
    """The app's last four frames of a thread's stack, then the innermost (SQLite's, a lock's...) if not one of them."""
    app_dir = str(HERE.parent / "app")
    mine = [f for f in stack if f.filename.startswith(app_dir)][-4:]
    return mine + [stack[-1]] if stack and (not mine or mine[-1] is not stack[-1]) else mine


def warm_up(r: SizeResult, gen, timeout_s: float, work: Path) -> None:  # noqa: ANN001
    """Once, before the first size is timed: open the town in a window and load the floor's canvas page, untimed.

    The first window and page of a process pay one-off costs (WebEngine's profile and its renderer process
    starting, the font cache, the first QML/JS compilation, SQLAlchemy's statement cache): without this, they
    were counted in the first size only (the 1,000-household open came out slower than the 10,000 one).
    """
    ledger, window, drawn, _ready = open_window(gen.data_dir, timeout_s)
    close_window(ledger, window)
    floor = floors.open_floor(gen.data_dir, gen.town_id, work, wait_until, timeout_s)
    QApplication.instance().processEvents()
    r.facts["warm-up"] = (f"one untimed window and canvas page before the run's first timing (that cold open → map "
                          f"ready: {fmt(drawn)}, its floor {fmt(floor)}; not counted)")


def close_window(ledger, window) -> None:  # noqa: ANN001
    window.close()
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    # Deleted now, not by deleteLater(), which processEvents() leaves pending at its own loop level: the window and its
    # view's page then outlived the run, and WebEngine warned at the bench's exit that a profile went before a page.
    shiboken6.delete(window)
    ledger.close()


def households_view(ledger, household_id):  # noqa: ANN001, ANN201 - the ledger's current view of one household
    from app.households import households

    with ledger.Session() as s:
        return households.get_household(s, household_id)


FIRST_ADD_AFTER_S = 1.0  # how long after the window's reads have ended the first add comes (a user's moment)


def first_add(window, n: int, timeout_s: float) -> float:  # noqa: ANN001
    """Seconds of the first add after an open, as a user makes it: once the window's background reads have ended
    (the lists', and those that follow them: the unnamed households' names, the households not on the map, the
    sync status), the page has taken what they sent, and a moment has passed; timed until the map is updated.

    Right as the lists are filled, an add shares the interpreter and the page with those reads, and takes several
    times as long (bench/NOTES.md, stop 43): not what a user meets, who clicks a moment later."""
    wait_until(lambda: not window.towns.reading, timeout_s, "the window's background reads")
    page_call(window.map_view, "ping", timeout_s=timeout_s)
    end = time.perf_counter() + FIRST_ADD_AFTER_S
    wait_until(lambda: time.perf_counter() >= end, FIRST_ADD_AFTER_S + timeout_s, "a moment")
    point = MapPoint(Crs.GEO, CENTER[1] + 0.0005 * (n + 1), CENTER[0] - 0.0005 * (n + 1))  # apart from the adds below
    t0 = time.perf_counter()
    window.households.add_household(point)
    page_call(window.map_view, "ping", timeout_s=timeout_s)
    return time.perf_counter() - t0


def measure_app(r: SizeResult, gen, repeat: int, timeout_s: float, work: Path) -> None:  # noqa: ANN001, C901
    data_dir = gen.data_dir
    ledger = window = None
    for i in range(repeat):
        if window is not None:
            close_window(ledger, window)
        reads: list[list] = []
        events: list[str] = []
        ledger, window, seconds, everything = open_window(data_dir, timeout_s, reads=reads, events=events)
        if rebuilt := page_rebuilt(events):
            r.notes.append(f"open {i + 1}: the map's page was built again during the open (its time includes that): "
                           f"{rebuilt}")
        r.add("open → map ready", seconds)
        r.add("open → Steps II/III lists filled (in the background)", everything)
        ended = [span for span in reads if span[1] is not None and span[1] <= everything]
        lists = [span for span in ended if LISTS_READ in span[2]] or ended  # any read, if the job was renamed
        if lists:  # the read whose lists were shown: the last to end before they were filled
            r.add(READ_STARTED, lists[-1][0])
            r.add(READ_ENDED, lists[-1][1])
        r.facts[f"background reads during open {i + 1} (s after the open)"] = ", ".join(
            f"{what or 'a read'} {start:.2f}–{end:.2f}" if end is not None else f"{what or 'a read'} {start:.2f}–"
            for start, end, what in reads) + f" (map drawn {seconds:.2f}, lists filled {everything:.2f})"
        r.add(LISTS_OWN, everything - seconds)
        r.add(FIRST_ADD, first_add(window, i, timeout_s))
        open_floor = floors.open_floor(data_dir, gen.town_id, work, wait_until, timeout_s)
        lists_floor = floors.lists_floor(data_dir, gen.town_id)
        r.add_floor("open → map ready", open_floor)
        r.add_floor("open → Steps II/III lists filled (in the background)", open_floor + lists_floor)
        r.add_floor(LISTS_OWN, lists_floor)
    if window.map_view.js_errors:
        r.notes.append(f"page reported JavaScript errors: {window.map_view.js_errors[:3]}")

    # One edit → map updated: the change goes through MainWindow (ledger + undo stack + page upsert); a ping
    # round trip then proves the page has run the upsert (calls are processed in order).
    added = []
    for i in range(repeat):
        point = MapPoint(Crs.GEO, CENTER[1] + 0.001 * i, CENTER[0] + 0.001 * i)
        t0 = time.perf_counter()
        view = window.households.add_household(point)
        page_call(window.map_view, "ping", timeout_s=timeout_s)
        r.add("edit → map updated (add)", time.perf_counter() - t0)
        added.append(view.id)
    for i, hid in enumerate(added):
        point = MapPoint(Crs.GEO, CENTER[1] - 0.002 * (i + 1), CENTER[0] - 0.002 * (i + 1))
        t0 = time.perf_counter()
        window.map_view.bridge.featureMoved(str(hid), point.x, point.y)  # as when the user drags it
        page_call(window.map_view, "ping", timeout_s=timeout_s)
        r.add("edit → map updated (move)", time.perf_counter() - t0)
    # The map layer alone: one feature upserted into the page and a round trip (what the naive way rebuilds).
    from app.households import households
    from app.maps.features import household_feature

    with ledger.Session() as s:
        feature = household_feature(households.get_household(s, added[0]), Crs.GEO)
    for i in range(repeat):
        feature["geometry"]["coordinates"] = [CENTER[1] + 0.003 * i, CENTER[0]]
        t0 = time.perf_counter()
        window.map_view.upsert(feature)
        page_call(window.map_view, "ping", timeout_s=timeout_s)
        r.add("page alone: upsert one feature + round trip", time.perf_counter() - t0)
    window.map_view.upsert(household_feature(households_view(ledger, added[0]), Crs.GEO))
    state = page_call(window.map_view, "state", timeout_s=timeout_s)  # not timed: check the page really has it
    last = str(added[-1])
    if last not in state.get("ids", []):
        r.notes.append("the added household is NOT on the page")
    elif "positions" in state and last in state["positions"]:
        got = state["positions"][last]
        want = [CENTER[1] - 0.002 * len(added), CENTER[0] - 0.002 * len(added)]
        if max(abs(a - b) for a, b in zip(got, want)) > 1e-9:
            r.notes.append(f"the moved household is at {got} on the page, expected {want}")

    # Filter: on and off again, each until the map is repainted (the page paints on the ping, if not before).
    def filtered(codes: list[str] | None) -> tuple[object, float]:  # what the page shows, and the time it took
        t0 = time.perf_counter()
        shown = page_call(window.map_view, "setFilter", codes, timeout_s=timeout_s)
        page_call(window.map_view, "ping", timeout_s=timeout_s)
        return shown, time.perf_counter() - t0

    for _ in range(repeat):
        visible, seconds = filtered(["of_concern"])
        r.add(FILTER_ON, seconds)
        r.add(FILTER_OFF, filtered(None)[1])
    r.facts["visible with the 気がかり filter"] = str(visible)
    close_window(ledger, window)


def measure_fresh_app(r: SizeResult, gen) -> None:  # noqa: ANN001
    """The whole app's memory in a process of its own (bench/app_memory.py), as a user would run it."""
    import subprocess

    try:
        done = subprocess.run([sys.executable, "-m", "bench.app_memory", str(gen.data_dir)], cwd=HERE.parent,
                              capture_output=True, text=True, timeout=FRESH_APP_TIMEOUT_S)
    except subprocess.TimeoutExpired:  # the process is killed: the rest of the run goes on
        r.notes.append(f"fresh app memory: TIMED OUT after {FRESH_APP_TIMEOUT_S} s")
        return
    line = next((x for x in reversed(done.stdout.splitlines()) if x.startswith("{")), None)
    if done.returncode != 0 or line is None:
        stuck = next((x for x in reversed(done.stderr.splitlines()) if x.startswith("bench.run.TimedOut")), None)
        r.notes.append(f"fresh app memory: failed ({stuck or done.stderr.strip()[-300:]})")
        return
    got = json.loads(line)
    if got.get("page_rebuilt"):
        r.notes.append(f"fresh app: the map's page was built again during the open: {got['page_rebuilt']}")
    r.memory["fresh app: peak (open, lists, one edit, filter)"] = got["peak_pss"]
    r.memory["fresh app: settled"] = got["settled_pss"]
    if got.get("settled_uss"):  # unique pages only: a lower bound, steadier from run to run than PSS
        r.memory["fresh app: settled USS"] = got["settled_uss"]


def measure_services(r: SizeResult, gen, repeat: int, work: Path, roster_path: Path) -> None:  # noqa: ANN001
    ledger = open_ledger(ledger_path(gen.data_dir))
    try:
        raw = floors.raw(gen.data_dir)
        with ledger.Session() as s:
            for query, name in SEARCHES:
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    search(s, query, town_id=gen.town_id)
                    r.add(name, time.perf_counter() - t0)
                    r.add_floor(name, floors.search_floor(raw, query, runs=SEARCH_FLOOR_RUNS))
        raw.close()
        from app.households import households, places
        from app.maps.features import feature_collection
        from app.maps.query import town_features
        from app.watch import watch_form

        for _ in range(repeat):
            with ledger.Session() as s:
                if gen.households <= ORM_LAYER_UP_TO:
                    t0 = time.perf_counter()
                    feature_collection(households.list_households(s, gen.town_id),
                                       places.list_places(s, gen.town_id), Crs.GEO)
                    r.add("map layer: ORM list_households + feature_collection", time.perf_counter() - t0)
                t1 = time.perf_counter()
                town_features(s, gen.town_id, Crs.GEO)
                r.add("map layer: mapquery.town_features", time.perf_counter() - t1)
        if gen.households > ORM_LAYER_UP_TO:
            r.notes.append(f"map layer: the ORM comparison is measured up to {ORM_LAYER_UP_TO:,} households")
        for _ in range(max(1, min(repeat, 3))):
            with ledger.Session() as s:
                time_export(r, "watch-network form export (xlsx)",
                            lambda: watch_form.export_form(s, gen.town_id, work / "form.xlsx"))
        try:
            from app.emergency import contact_sheet as emergency_sheet
        except ImportError:
            print("  (app/emergency/contact_sheet.py is not there yet: sheet export skipped)")
            r.notes.append("emergency sheet export skipped: module missing")
        else:
            for _ in range(repeat):
                with ledger.Session() as s:
                    time_export(r, "emergency sheet export (xlsx)",
                                lambda: emergency_sheet.export_sheet(s, gen.town_id, work / "sheet.xlsx"))
                r.add_floor("emergency sheet export (xlsx)", floors.sheet_floor(work / "sheet.xlsx", work))
            for _ in range(max(1, min(repeat, 3))):  # the PDF the CLI and the window write (issue 17: < 3 s)
                with ledger.Session() as s:
                    time_export(r, SHEET_PDF, lambda: emergency_sheet.export_sheet(s, gen.town_id, work / "sheet.pdf"))
            from app.emergency import card_pdf

            for _ in range(max(1, min(repeat, 2))):  # every card of the town, as 「All cards…」 prints them
                with ledger.Session() as s:
                    time_export(r, CARDS_PDF, lambda: card_pdf.export_cards(s, gen.town_id, work / "cards.pdf",
                                                                            per_page=2))
            with ledger.Session() as s:
                r.facts["sheet rows (persons needing support)"] = str(
                    len(emergency_sheet.sheet_data(s, gen.town_id).rows))
            measure_sheet_of(r, ledger, gen, repeat, work, emergency_sheet, 10_000)

        from app.watch import roster

        for _ in range(max(1, min(repeat, 2))):
            with ledger.Session() as s:
                t0 = time.perf_counter()
                preview = roster.read_roster(s, roster_path, gen.town_id)
                t1 = time.perf_counter()
                roster.apply_roster(s, preview)
                t2 = time.perf_counter()
                s.rollback()
            r.add("roster read (preview)", t1 - t0)
            r.add("roster apply", t2 - t1)
            r.add("roster import 10,000 rows (read + apply)", t2 - t0)
            r.add_floor("roster import 10,000 rows (read + apply)", floors.roster_floor(gen.data_dir, roster_path))
        r.facts["roster preview"] = preview.summary()
    finally:
        ledger.close()


def measure_sheet_of(r: SizeResult, ledger, gen, repeat: int, work: Path, emergency_sheet,  # noqa: ANN001, PLR0913
                     persons: int) -> None:
    """The sheet for exactly ``persons`` persons (issue 7's target): more members are marked of concern in a
    transaction that is rolled back afterwards; skipped when the ledger has fewer members."""
    name = sheet_of_name(persons)
    with ledger.Session() as s:
        members = mark_of_concern(s, gen.town_id, persons, emergency_sheet)
        if members is not None:
            r.notes.append(f"{name}: skipped, the ledger has only {members:,} members")
            return
        rows = len(emergency_sheet.sheet_data(s, gen.town_id).rows)
        if rows != persons:
            r.notes.append(f"{name}: the sheet has {rows:,} persons, not {persons:,}")
        for _ in range(repeat):
            time_export(r, name, lambda: emergency_sheet.export_sheet(s, gen.town_id, work / "sheet-10000.xlsx"))
            r.add_floor(name, floors.sheet_floor(work / "sheet-10000.xlsx", work))
        s.rollback()
    r.facts[f"sheet rows for the {persons:,}-person sheet"] = f"{rows:,}"


def sheet_of_name(persons: int) -> str:
    return f"emergency sheet export (xlsx), {persons:,} persons"


def mark_of_concern(s, town_id, persons: int, emergency_sheet) -> int | None:  # noqa: ANN001
    """Mark members of concern in ``s`` (the caller rolls back) until the sheet has ``persons`` persons, or
    unmark some and put their cards away when it has more (150,000 households have 23,000 of concern); the number
    of members when the town has fewer than ``persons`` (nothing marked), else None."""
    from sqlalchemy import func, select, update

    from app.core.batches import chunks
    from app.models import Household, Person
    from app.models.emergency import EmergencyCard

    current = len(emergency_sheet.sheet_data(s, town_id).rows)
    members = s.scalar(select(func.count()).select_from(Person).join(Household, Household.id == Person.household_id)
                       .where(Household.town_id == town_id, Person.deleted_at.is_(None)))
    if members < persons:
        return members
    more = persons >= current
    change = s.scalars(select(Person.id).join(Household, Household.id == Person.household_id)
                       .where(Household.town_id == town_id, Person.deleted_at.is_(None),
                              Person.of_concern.is_(not more))
                       .order_by(Person.id).limit(abs(persons - current))).all()
    table, cards = Person.__table__, EmergencyCard.__table__
    for chunk in chunks(change):
        s.execute(update(table).where(table.c.id.in_(chunk)).values(of_concern=more))
        if not more:  # and their cards: anyone with a card is on the sheet, of concern or not
            s.execute(update(cards).where(cards.c.person_id.in_(chunk), cards.c.deleted_at.is_(None))
                      .values(deleted_at=datetime(2026, 11, 1, tzinfo=timezone.utc)))
    return None


def folium_page(path: Path, points: list[tuple[float, float, str]]) -> Path:
    """The naive page: one folium.Marker (with a popup) per household, Leaflet loaded locally (offline)."""
    import folium

    m = folium.Map(location=list(CENTER), zoom_start=14, tiles=None)
    leaflet = leaflet_dir()
    m.default_js = [("leaflet", (leaflet / "leaflet.js").as_uri())]
    m.default_css = [("leaflet_css", (leaflet / "leaflet.css").as_uri())]
    for lat, lon, label in points:
        folium.Marker([lat, lon], tooltip=label).add_to(m)
    m.save(str(path))
    return path


def measure_naive(r: SizeResult, gen, repeat: int, timeout_s: float, work: Path) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from app.models import Household

    ledger = open_ledger(ledger_path(gen.data_dir))
    view = QWebEngineView()
    view.resize(1200, 800)
    view.show()
    try:
        for i in range(max(1, min(repeat, 3))):
            t0 = time.perf_counter()
            with ledger.Session() as s:  # the naive way re-reads everything and rebuilds the page after an edit
                points = [(lat, lon, f"{n} {name}") for lat, lon, n, name in s.execute(
                    select(Household.lat, Household.lon, Household.map_number, Household.name)
                    .where(Household.town_id == gen.town_id, Household.deleted_at.is_(None)))]
            points.append((CENTER[0] + 0.001 * i, CENTER[1], "new"))
            page = folium_page(work / f"naive{i}.html", points)
            t1 = time.perf_counter()
            loaded: list[bool] = []
            view.loadFinished.connect(lambda ok: loaded.append(ok))
            view.load(QUrl.fromLocalFile(str(page)))
            wait_until(lambda: bool(loaded), timeout_s, "naive page load")
            view.loadFinished.disconnect()
            t2 = time.perf_counter()
            r.add("naive: build folium page", t1 - t0)
            r.add("naive: load page", t2 - t1)
            r.add("naive: edit → page rebuilt", t2 - t0)
        r.facts["naive page size"] = f"{page.stat().st_size / 2**20:.1f} MB"
    finally:
        view.close()
        shiboken6.delete(view)  # now: see close_window
        QApplication.instance().processEvents()
        ledger.close()


# ---------------------------------------------------------------- main


def run_size(size: int, repeat: int, timeout_s: float, budget_s: float, root: Path, watch: MemoryWatch,  # noqa: PLR0913
             naive: bool, roster_rows: int = 10_000, ledgers: Path | None = None, *, warm: bool = False) -> SizeResult:
    """Every measurement at ``size`` households; ``warm``: warm the process up first (the first size of a run)."""
    r = SizeResult(size)
    budget_s = budget_s * max(1.0, size / BUDGET_SIZE)
    started = time.perf_counter()
    work = root / f"work-{size}"
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    gen = (generate(root / f"ledger-{size}", size, shelters=True) if ledgers is None
           else generate_or_reuse(ledgers / f"ledger-{size}", size, shelters=True))
    r.facts["generated in"] = fmt(time.perf_counter() - t0)
    if ledgers is not None:  # a kept ledger, checked against a fresh one's schema (bench/schema.py)
        r.facts["kept ledger's schema"] = ("as a fresh ledger's" if not gen.schema
                                           else "made as a fresh ledger's: " + "; ".join(gen.schema))
    r.facts["persons"] = f"{gen.persons:,}"
    r.facts["persons of concern"] = f"{gen.persons_of_concern:,}"
    r.facts["watchers / links"] = f"{gen.watchers:,} / {gen.links:,}"
    r.facts["emergency cards"] = f"{gen.cards:,}"
    r.facts["指定避難所 (real, Echizen)"] = f"{gen.shelters:,}"
    roster_path = write_roster(work / "roster.xlsx", gen.data_dir, roster_rows)
    r.facts["roster rows"] = f"{roster_rows:,}"
    phases = [("fresh app", lambda: measure_fresh_app(r, gen))]
    if warm:
        phases.append(("warm-up", lambda: warm_up(r, gen, timeout_s, work)))
    phases += [("app", lambda: measure_app(r, gen, repeat, timeout_s, work)),
              ("services", lambda: measure_services(r, gen, repeat, work, roster_path))]
    if naive and size <= NAIVE_UP_TO:
        phases.append(("naive", lambda: measure_naive(r, gen, repeat, timeout_s, work)))
    for name, phase in phases:
        if time.perf_counter() - started > budget_s:
            r.notes.append(f"{name}: skipped, the size went over its {budget_s:.0f} s budget")
            continue
        print(f"  {name} …", flush=True)
        watch.start()
        try:
            phase()
        except TimedOut as e:
            r.notes.append(f"{name}: TIMED OUT — {e}")
            print(f"  {name}: timed out ({e})", flush=True)
        rss, pss = watch.stop()
        r.phase_pss[name] = pss
        r.peak_rss, r.peak_pss = max(r.peak_rss, rss), max(r.peak_pss, pss)
    measure_sync(r, gen)
    for name in r.missed():
        if time.perf_counter() - started > budget_s * 1.5:
            r.notes.append(f"profile of {name}: skipped, the size went over its budget")
            continue
        print(f"  profiling {name} …", flush=True)
        r.profiles[name] = profile(name, gen, work, roster_path, timeout_s)
    return r


def profile(name: str, gen, work: Path, roster_path: Path, timeout_s: float) -> str:  # noqa: ANN001
    """cProfile's top entries (cumulative time) of one more repetition of exactly the span ``name`` times.

    The profiler runs only while the measured call runs (not while the ledger is opened for it, the window
    closed or its backup written), and the bench's own frames are left out, so the first entry is the
    measured call and those below it are what it spends its time in. Work the window hands to a background
    thread (Steps II/III are read off the UI thread) is profiled on its own and printed after.
    """
    ui, background = cProfile.Profile(), cProfile.Profile()
    try:
        with BackgroundReadsProfiled(background, active=name.startswith("open →")) as started:
            if not again(name, gen, work, roster_path, timeout_s, ui):
                return "not profiled here (its own benchmark profiles it)"
    except TimedOut as e:
        return f"timed out: {e}"
    text = top_entries(ui, "the measured span, this thread")
    if started:
        text += "\n" + top_entries(background, f"background reads started during the span ({len(started)})")
    return text


def top_entries(profiler: cProfile.Profile, title: str) -> str:
    """The top entries by cumulative time, the bench's own frames and the profiler's left out, as pstats prints."""
    profiled = pstats.Stats(profiler)
    stats = profiled.stats  # {(file, line, function): (primitive calls, calls, tottime, cumtime, callers)}
    bench = str(HERE)
    kept = [(key, value) for key, value in stats.items()
            if not key[0].startswith(bench) and "_lsprof.Profiler" not in key[2]]
    kept.sort(key=lambda item: -item[1][3])
    lines = [f"{title}: {profiled.total_tt:.3f} s profiled",
             f"{'ncalls':>12} {'tottime':>8} {'cumtime':>8}  filename:lineno(function)"]
    for (file, line, function), (primitive, calls, tottime, cumtime, _callers) in kept[:PROFILE_TOP]:
        ncalls = str(calls) if calls == primitive else f"{calls}/{primitive}"
        where = f"{short_path(file)}:{line}({function})" if file != "~" else function
        lines.append(f"{ncalls:>12} {tottime:8.3f} {cumtime:8.3f}  {where}")
    return "\n".join(lines)


def short_path(file: str) -> str:
    """A source file as a reader finds it: relative to the repository, or to site-packages."""
    if "site-packages" + os.sep in file:
        return file.split("site-packages" + os.sep, 1)[1]
    root = str(HERE.parent) + os.sep
    if file.startswith(root):
        return file[len(root):]
    return os.path.basename(file)


class BackgroundReads:
    """While active, each ledger read the window starts off the UI thread (``BackgroundRead``) runs inside
    ``around(job, session)`` on its own thread; the base class just runs it."""

    def __init__(self, *, active: bool = True) -> None:
        self._patch, self.active = None, active

    def around(self, job, s):  # noqa: ANN001, ANN201
        return job(s)

    def __enter__(self) -> BackgroundReads:
        if not self.active:
            return self
        try:
            from app.ui import worker
        except ImportError:
            return self
        original, around = worker.BackgroundRead.__init__, self.around

        def init(read, ledger, job, *args, **kwargs) -> None:  # noqa: ANN001
            original(read, ledger, lambda s: around(job, s), *args, **kwargs)

        from unittest import mock

        self._patch = mock.patch.object(worker.BackgroundRead, "__init__", init)
        self._patch.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._patch is not None:
            self._patch.stop()


class BackgroundReadsProfiled(BackgroundReads):
    """Each background read runs under ``profiler`` in its own thread (cProfile sees one thread only). The list
    it yields counts those reads."""

    def __init__(self, profiler: cProfile.Profile, *, active: bool = True) -> None:
        super().__init__(active=active)
        self.profiler, self.started = profiler, []

    def around(self, job, s):  # noqa: ANN001, ANN201
        self.started.append(job)
        self.profiler.enable()
        try:
            return job(s)
        finally:
            self.profiler.disable()

    def __enter__(self) -> list:
        super().__enter__()
        return self.started


class BackgroundReadsTimed(BackgroundReads):
    """When each background read started and ended, in seconds after ``t0`` (``time.perf_counter``)."""

    def __init__(self, t0: float) -> None:
        super().__init__()
        self.t0, self.spans = t0, []  # [start, end or None, what] per read, in the order they started

    def around(self, job, s):  # noqa: ANN001, ANN201
        what = getattr(job, "__qualname__", "").replace(".<locals>.job", "").replace(".<locals>", "")
        span = [time.perf_counter() - self.t0, None, what]
        self.spans.append(span)
        try:
            return job(s)
        finally:
            span[1] = time.perf_counter() - self.t0


def again(name: str, gen, work: Path, roster_path: Path, timeout_s: float,  # noqa: ANN001, C901
          profiler: cProfile.Profile) -> bool:
    """One more repetition of the measurement ``name``, with ``profiler`` on during exactly the span it times
    (set-up and clean-up outside); False when this bench does not measure it itself."""
    if name.startswith("open →"):
        until = "drawn" if name == "open → map ready" else "ready"
        ledger, window, *_ = open_window(gen.data_dir, timeout_s, profiler, until)
        close_window(ledger, window)
        return True
    if name.startswith("sync"):
        return False
    ledger = open_ledger(ledger_path(gen.data_dir))
    try:
        with ledger.Session() as s:
            if name.startswith("search"):
                for query, which in SEARCHES:
                    if which == name:
                        with profiler:
                            search(s, query, town_id=gen.town_id)
            elif name.startswith("roster"):
                from app.watch import roster

                with profiler:
                    roster.apply_roster(s, roster.read_roster(s, roster_path, gen.town_id))
                s.rollback()
            elif name.startswith("emergency sheet"):
                from app.emergency import contact_sheet

                if name == sheet_of_name(10_000) and mark_of_concern(s, gen.town_id, 10_000, contact_sheet):
                    return False
                with profiler:
                    contact_sheet.export_sheet(s, gen.town_id, work / ("profiled.pdf" if name == SHEET_PDF
                                                                       else "profiled.xlsx"))
                s.rollback()
            elif name.startswith("watch-network form"):
                from app.watch import watch_form

                with profiler:
                    watch_form.export_form(s, gen.town_id, work / "profiled-form.xlsx")
            else:
                return False
    finally:
        ledger.close()
    return True


def measure_sync(r: SizeResult, gen) -> None:  # noqa: ANN001
    """The first sync of the district (bench/sync_bench.py, the same generator and size) and its floor, a COPY
    of the same rows, when a PostgreSQL server is reachable the way bench/sync_bench.py finds one."""
    name = "sync: first sync, laptop A sends the district"
    url = floors.pg_url()
    if url is None or r.size > NAIVE_UP_TO:
        why = "no PostgreSQL server reachable (SASAEAI_TEST_PG_URL)" if url is None else "measured up to 10,000"
        r.notes.append(f"sync: not measured ({why}; python -m bench.sync_bench measures it alone)")
        return
    from bench import sync_bench

    try:
        steps, _version = sync_bench.run(r.size, 100, repeat=1)
        r.add(name, steps[0].seconds[0])
        r.add_floor(name, floors.sync_floor(gen.data_dir, url))
    except Exception as e:  # noqa: BLE001 - the server's trouble is reported, the rest of the run goes on
        r.notes.append(f"sync: not measured ({type(e).__name__}: {e})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=180, help="seconds one page answer may take")
    parser.add_argument("--budget", type=float, default=600,
                        help=f"seconds a size of up to {BUDGET_SIZE:,} households may take before phases are skipped "
                             "(larger sizes: in proportion)")
    parser.add_argument("--roster-rows", type=int, default=10_000, help="rows of the generated roster")
    parser.add_argument("--no-naive", action="store_true", help="skip the folium comparison")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the Markdown results")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON to this file")
    parser.add_argument("--picture", type=Path, default=None,
                        help=f"where to draw cost against size (default: {PICTURE.name} beside the results)")
    parser.add_argument("--picture-with", type=Path, action="append", default=[], metavar="JSON",
                        help="also draw the figures of another run (its --json file: the 150,000-household run, "
                             "made apart) in the picture")
    parser.add_argument("--ledgers", type=Path, default=None,
                        help="keep the generated ledgers in this folder and use them again in later runs (each run "
                             "starts from the ledger as it was generated: a copy is kept beside it)")
    parser.add_argument("--shared", default="", help="a note that other work shared the machine during the run")
    args = parser.parse_args(argv)
    sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    drawing = args.picture or args.results.with_name(PICTURE.name)
    others = [row for f in args.picture_with for row in json.loads(f.read_text(encoding="utf-8"))]

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - keeps the app alive
    watch = MemoryWatch()
    root = Path(tempfile.mkdtemp(prefix="sasaeai-bench-"))
    results: list[SizeResult] = []
    info = machine()
    started = cpu_times()
    try:
        for size in sizes:
            print(f"{size:,} households", flush=True)
            try:
                results.append(run_size(size, args.repeat, args.timeout, args.budget, root, watch,
                                        not args.no_naive, args.roster_rows, args.ledgers, warm=not results))
            except StaleLedger as e:  # a kept ledger whose tables differ from a fresh one's is not measured
                print(f"error: {e}", file=sys.stderr, flush=True)
                return 2
            print(table(results), flush=True)
            drawn = picture(results, drawing, others)
            # Keep what finished if a later size dies.
            info[STOLEN] = stolen_share(started, cpu_times())
            write_results(results, info, args.repeat, args.results, args.shared, drawing if drawn else None)
            if args.json is not None:
                write_json(results, args.json)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\nwritten to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
