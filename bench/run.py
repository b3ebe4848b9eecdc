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
import io
import os
import pstats
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
# Ledgers are encrypted (SQLCipher) once the privacy work is in; the bench ledgers use a fixed passphrase.
os.environ.setdefault("SASAEAI_PASSPHRASE", "bench-passphrase ベンチ")

from app.ui.app import prepare_webengine  # noqa: E402

prepare_webengine()

from PySide6.QtCore import QEventLoop, QUrl  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.views import Crs, MapPoint  # noqa: E402
from app.households.search import search  # noqa: E402
from app.models import open_ledger  # noqa: E402
from app.paths import leaflet_dir, ledger_path  # noqa: E402
from bench import floors  # noqa: E402
from bench.generate import CENTER, generate, generate_or_reuse, write_roster  # noqa: E402
from bench.report import SizeResult, fmt, machine, picture, table, write_json, write_results  # noqa: E402

try:
    import psutil
except ImportError:  # the bench extra is not installed: memory is reported as unknown
    psutil = None

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
PICTURE = HERE / "results.png"
NAIVE_UP_TO = 10_000  # the peer is measured at 1,000 and 10,000 households (issue 17)
PROFILE_TOP = 14
FRESH_APP_TIMEOUT_S = 900
SEARCHES = (("山田 キヨ", "search (3+ chars)"), ("府中3丁目", "search (3+ chars)"),
            ("府中", "search (2 chars)"), ("やま", "search (2 chars)"), ("や", "search (1 char)"),
            ("山", "search (1 char)"), ("存在しない名前", "search (3+ chars, no hit)"),
            ("ぬえ", "search (2 chars, no hit)"))

class TimedOut(Exception):
    pass


# ---------------------------------------------------------------- Qt helpers


def wait_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Spin the event loop until ``done()``; raise TimedOut after ``timeout_s``."""
    deadline = time.perf_counter() + timeout_s
    app = QApplication.instance()
    while not done():
        if time.perf_counter() > deadline:
            raise TimedOut(f"{what}: no answer within {timeout_s:.0f} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


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


# ---------------------------------------------------------------- measurements


def open_window(data_dir: Path, timeout_s: float):  # noqa: ANN201 - (ledger, MainWindow, map s, all lists s)
    """Open the ledger and its town: seconds until the map is drawn, and until Steps II/III are filled in too.

    The window reads the lists of Steps II and III and the meeting queue off the UI thread once the
    map is drawn (the user can work on the map meanwhile).
    """
    from app.ui.app import settings_for
    from app.ui.mainwindow import MainWindow

    t0 = time.perf_counter()
    ledger = open_ledger(ledger_path(data_dir))
    window = MainWindow(ledger, settings_for(data_dir))
    drawn: list[float] = []
    ready: list[float] = []
    window.map_drawn.connect(lambda: drawn.append(time.perf_counter() - t0))
    window.map_ready.connect(lambda: ready.append(time.perf_counter() - t0))
    window.show()
    window.towns.open_initial_town()
    wait_until(lambda: bool(ready), timeout_s, "map ready")
    return ledger, window, drawn[0], ready[0]


def close_window(ledger, window) -> None:  # noqa: ANN001
    window.close()
    window.deleteLater()
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    ledger.close()


def households_view(ledger, household_id):  # noqa: ANN001, ANN201 - the ledger's current view of one household
    from app.households import households

    with ledger.Session() as s:
        return households.get_household(s, household_id)


def measure_app(r: SizeResult, gen, repeat: int, timeout_s: float, work: Path) -> None:  # noqa: ANN001, C901
    data_dir = gen.data_dir
    ledger = window = None
    for i in range(repeat):
        if window is not None:
            close_window(ledger, window)
        ledger, window, seconds, everything = open_window(data_dir, timeout_s)
        r.add("open → map ready", seconds)
        r.add("open → Steps II/III lists filled (in the background)", everything)
        r.add_floor("open → map ready", floors.open_floor(data_dir, gen.town_id, work, wait_until, timeout_s))
        r.add_floor("open → Steps II/III lists filled (in the background)", floors.lists_floor(data_dir, gen.town_id))
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

    # Filter: the page's setFilter round trip, there and back.
    for _ in range(repeat):
        t0 = time.perf_counter()
        visible = page_call(window.map_view, "setFilter", ["of_concern"], timeout_s=timeout_s)
        r.add("filter (page round trip)", time.perf_counter() - t0)
        page_call(window.map_view, "setFilter", None, timeout_s=timeout_s)
    r.facts["visible with the 気がかり filter"] = str(visible)
    close_window(ledger, window)


def measure_fresh_app(r: SizeResult, gen) -> None:  # noqa: ANN001
    """The whole app's memory in a process of its own (bench/app_memory.py), as a user would run it."""
    import json
    import subprocess

    try:
        done = subprocess.run([sys.executable, "-m", "bench.app_memory", str(gen.data_dir)], cwd=HERE.parent,
                              capture_output=True, text=True, timeout=FRESH_APP_TIMEOUT_S)
    except subprocess.TimeoutExpired:  # the process is killed: the rest of the run goes on
        r.notes.append(f"fresh app memory: TIMED OUT after {FRESH_APP_TIMEOUT_S} s")
        return
    line = next((x for x in reversed(done.stdout.splitlines()) if x.startswith("{")), None)
    if done.returncode != 0 or line is None:
        r.notes.append(f"fresh app memory: failed ({done.stderr.strip()[-300:]})")
        return
    got = json.loads(line)
    r.memory["fresh app: peak (open, lists, one edit, filter)"] = got["peak_pss"]
    r.memory["fresh app: settled"] = got["settled_pss"]


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
                    r.add_floor(name, floors.search_floor(raw, query))
        raw.close()
        from app.households import households, places
        from app.maps.features import feature_collection
        from app.maps.query import town_features
        from app.watch import watch_form

        for _ in range(repeat):
            with ledger.Session() as s:
                t0 = time.perf_counter()
                feature_collection(households.list_households(s, gen.town_id), places.list_places(s, gen.town_id),
                                   Crs.GEO)
                t1 = time.perf_counter()
                town_features(s, gen.town_id, Crs.GEO)
                t2 = time.perf_counter()
            r.add("map layer: ORM list_households + feature_collection", t1 - t0)
            r.add("map layer: mapquery.town_features", t2 - t1)
        for _ in range(max(1, min(repeat, 3))):
            with ledger.Session() as s:
                t0 = time.perf_counter()
                watch_form.export_form(s, gen.town_id, work / "form.xlsx")
                r.add("watch-network form export (xlsx)", time.perf_counter() - t0)
        try:
            from app.emergency import contact_sheet as emergency_sheet
        except ImportError:
            print("  (app/emergency/contact_sheet.py is not there yet: sheet export skipped)")
            r.notes.append("emergency sheet export skipped: module missing")
        else:
            for _ in range(repeat):
                with ledger.Session() as s:
                    t0 = time.perf_counter()
                    emergency_sheet.export_sheet(s, gen.town_id, work / "sheet.xlsx")
                    r.add("emergency sheet export (xlsx)", time.perf_counter() - t0)
                r.add_floor("emergency sheet export (xlsx)", floors.sheet_floor(work / "sheet.xlsx", work))
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
    from sqlalchemy import func, select, update

    from app.core.batches import chunks
    from app.models import Household, Person

    name = f"emergency sheet export (xlsx), {persons:,} persons"
    with ledger.Session() as s:
        current = len(emergency_sheet.sheet_data(s, gen.town_id).rows)
        members = s.scalar(select(func.count()).select_from(Person).join(Household, Household.id == Person.household_id)
                           .where(Household.town_id == gen.town_id, Person.deleted_at.is_(None)))
        if members < persons:
            r.notes.append(f"{name}: skipped, the ledger has only {members:,} members")
            return
        extra = s.scalars(select(Person.id).join(Household, Household.id == Person.household_id)
                          .where(Household.town_id == gen.town_id, Person.of_concern.is_(False))
                          .order_by(Person.id).limit(max(0, persons - current))).all()
        table = Person.__table__
        for chunk in chunks(extra):
            s.execute(update(table).where(table.c.id.in_(chunk)).values(of_concern=True))
        rows = len(emergency_sheet.sheet_data(s, gen.town_id).rows)
        for _ in range(repeat):
            t0 = time.perf_counter()
            emergency_sheet.export_sheet(s, gen.town_id, work / "sheet-10000.xlsx")
            r.add(name, time.perf_counter() - t0)
            r.add_floor(name, floors.sheet_floor(work / "sheet-10000.xlsx", work))
        s.rollback()
    r.facts[f"sheet rows for the {persons:,}-person sheet"] = f"{rows:,}"


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
        view.deleteLater()
        QApplication.instance().processEvents()
        ledger.close()


# ---------------------------------------------------------------- main


def run_size(size: int, repeat: int, timeout_s: float, budget_s: float, root: Path, watch: MemoryWatch,  # noqa: PLR0913
             naive: bool, roster_rows: int = 10_000, ledgers: Path | None = None) -> SizeResult:
    r = SizeResult(size)
    started = time.perf_counter()
    work = root / f"work-{size}"
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    gen = generate(root / f"ledger-{size}", size) if ledgers is None else generate_or_reuse(ledgers / f"ledger-{size}",
                                                                                            size)
    r.facts["generated in"] = fmt(time.perf_counter() - t0)
    r.facts["persons"] = f"{gen.persons:,}"
    r.facts["persons of concern"] = f"{gen.persons_of_concern:,}"
    r.facts["watchers / links"] = f"{gen.watchers:,} / {gen.links:,}"
    roster_path = write_roster(work / "roster.xlsx", gen.data_dir, roster_rows)
    r.facts["roster rows"] = f"{roster_rows:,}"
    phases = [("fresh app", lambda: measure_fresh_app(r, gen)),
              ("app", lambda: measure_app(r, gen, repeat, timeout_s, work)),
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
        r.profiles[name] = profile(lambda name=name: again(name, gen, work, roster_path, timeout_s))
    return r


def profile(run: Callable[[], object]) -> str:
    """cProfile's top entries (cumulative time) of one more run of a measurement."""
    profiler = cProfile.Profile()
    try:
        profiler.runcall(run)
    except TimedOut as e:
        return f"timed out: {e}"
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(PROFILE_TOP)
    lines = [x for x in out.getvalue().splitlines() if x.strip()]
    start = next((i for i, x in enumerate(lines) if x.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:start + PROFILE_TOP + 1])


def again(name: str, gen, work: Path, roster_path: Path, timeout_s: float) -> None:  # noqa: ANN001
    """One more run of the measurement ``name``, through the app's public functions, to be profiled."""
    if name.startswith("open →"):
        ledger, window, *_ = open_window(gen.data_dir, timeout_s)
        close_window(ledger, window)
        return
    ledger = open_ledger(ledger_path(gen.data_dir))
    try:
        with ledger.Session() as s:
            if name.startswith("search"):
                for query, which in SEARCHES:
                    if which == name:
                        search(s, query, town_id=gen.town_id)
            elif name.startswith("roster"):
                from app.watch import roster

                roster.apply_roster(s, roster.read_roster(s, roster_path, gen.town_id))
                s.rollback()
            elif name.startswith("emergency sheet"):
                from app.emergency import contact_sheet

                contact_sheet.export_sheet(s, gen.town_id, work / "profiled.xlsx")
    finally:
        ledger.close()


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
        rows, _version = sync_bench.run(r.size, 100)
        r.add(name, rows[0][1])
        r.add_floor(name, floors.sync_floor(gen.data_dir, url))
    except Exception as e:  # noqa: BLE001 - the server's trouble is reported, the rest of the run goes on
        r.notes.append(f"sync: not measured ({type(e).__name__}: {e})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=180, help="seconds one page answer may take")
    parser.add_argument("--budget", type=float, default=600, help="seconds one size may take before phases are skipped")
    parser.add_argument("--roster-rows", type=int, default=10_000, help="rows of the generated roster")
    parser.add_argument("--no-naive", action="store_true", help="skip the folium comparison")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the Markdown results")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON to this file")
    parser.add_argument("--picture", type=Path, default=None,
                        help=f"where to draw cost against size (default: {PICTURE.name} beside the results)")
    parser.add_argument("--ledgers", type=Path, default=None,
                        help="keep the generated ledgers in this folder and use them again in later runs (the "
                             "fresh app's edit stays in them: a few households more than generated)")
    parser.add_argument("--shared", default="", help="a note that other work shared the machine during the run")
    args = parser.parse_args(argv)
    sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    drawing = args.picture or args.results.with_name(PICTURE.name)

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - keeps the app alive
    watch = MemoryWatch()
    root = Path(tempfile.mkdtemp(prefix="sasaeai-bench-"))
    results: list[SizeResult] = []
    info = machine()
    try:
        for size in sizes:
            print(f"{size:,} households", flush=True)
            results.append(run_size(size, args.repeat, args.timeout, args.budget, root, watch, not args.no_naive,
                                    args.roster_rows, args.ledgers))
            print(table(results), flush=True)
            drawn = picture(results, drawing)
            # Keep what finished if a later size dies.
            write_results(results, info, args.repeat, args.results, args.shared, drawing if drawn else None)
            if args.json is not None:
                write_json(results, args.json)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\nwritten to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
