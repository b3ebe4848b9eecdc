"""The safety check at city size: ``.venv/bin/python -m bench.safety [--no-write]``.

Targets (issue 16): a roll call of 8,000 persons "opens and filters instantly" (item models), and an event
recorded "shows on the map under 100 ms". Also timed: the 安否確認チェックリスト PDF of all 8,000, one list per
民生委員 and one per shelter (the nearest site flagged for floods, from the real GSI 指定緊急避難場所 file). A real encrypted ledger (bench/generate.py, one town) where exactly
8,000 persons are of concern, an incident with 1,500 checks already recorded, the real MainWindow and
WebEngine page (offscreen). Times: the roll call read (service), the panel's model fill, one filter pass
(status, then a search), the whole "open the panel" (read + fill + every ring sent to the page), and one
click → event recorded → its ring redrawn on the page (a page round trip proves the page has drawn it).
Writes its section of bench/RESULTS.md unless --no-write (bench/run.py is not involved). ``--ledger DIR`` keeps
the prepared ledger for the next run; ``BENCH_PROFILE=open`` or ``=click`` prints where that time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.sections import replace_section

RESULTS = Path(__file__).with_name("RESULTS.md")
START, END = "<!-- safety -->", "<!-- /safety -->"
PERSONS = 8_000
HOUSEHOLDS = 20_000  # ~38,000 persons, of whom exactly PERSONS are made "of concern"
CHECKED = 1_500
SEED = 16
# The real 指定緊急避難場所 of Echizen with their hazard flags (GSI): the shelter lists' nearest site for a flood.
EMERGENCY_SITES = Path(__file__).resolve().parents[1] / "tests" / "data" / "echizen" / "gsi_emergency_shiteikinkyu.geojson"
NOTE = ("How: `roll_call` reads the columns it shows with Core selects (no Person/Household objects), the latest "
        "check of each person in one query (a window function over the fixed rule), the watchers in one, and the "
        "exposures of just the roll call's households (`app.hazards.exposure.exposures_for`: one query, stale rows "
        "recomputed in memory, nothing written in a read), with SQLite's page cache raised for the read. A click "
        "reads only the latest checks of that household's persons, changes the counts by the old and new status "
        "(`RollCallCounts`), and sends one ring to the page without waiting for it; the safety check's notice "
        "(`OpChanges.checked`) no longer makes the map, the side panel and Steps II/III re-read the household. "
        "Before (same bench, loaded machine): open 14.9 s, read 8.8 s, click → ring 471 ms. The checklists' PDF before "
        "stop 52 (rows as fpdf2 cells, the nearest shelter asked once per person), on a ledger prepared the same way "
        "(the sample of persons differs run to run: UUIDs): 3.6–4.3 s per 民生委員, 25.5 s per shelter. The checklist "
        "in Excel before stop 53 (openpyxl's own cells, in its normal mode), on the same ledger: 2.5 s (median of 4; "
        "0.65 s after).")


def wait_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout_s
    app = QApplication.instance()
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{what}: no answer within {timeout_s:.0f} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def page_call(map_view, function: str, *args, timeout_s: float = 60) -> object:  # noqa: ANN001
    box: dict = {}
    map_view.call(function, *args, callback=lambda result: box.setdefault("r", result))
    wait_until(lambda: "r" in box, timeout_s, f"page {function}")
    return box["r"]


def prepare(folder: Path) -> tuple[Path, object]:
    """The ledger: 8,000 persons of concern in one town, an open incident with some checks."""
    from sqlalchemy import select, update

    from app.models import Household, Person, open_ledger
    from app.models.safety import CheckMethod, IncidentKind, SafetyStatus
    from app.paths import ledger_path
    from app.safety import incidents
    from app.safety.views import EventFields
    from app.towns.reference_layers import import_layer
    from bench.generate import generate

    gen = generate(folder / "data", HOUSEHOLDS)
    ledger = open_ledger(ledger_path(gen.data_dir))
    rng = random.Random(SEED)
    try:
        with ledger.Session.begin() as s:
            import_layer(s, EMERGENCY_SITES)
            # In the order of the generated town (map number, then member), not of the ids: the same persons are
            # chosen every run (ids are new each run, and sorted as text they chose different ones: 69 or 74 lists).
            ids = list(s.scalars(select(Person.id).join(Household, Household.id == Person.household_id)
                                 .order_by(Household.map_number, Person.sort_order)))
            chosen = rng.sample(ids, PERSONS)
            s.execute(update(Person).values(of_concern=False))
            for start in range(0, PERSONS, 500):
                s.execute(update(Person).where(Person.id.in_(chosen[start:start + 500])).values(of_concern=True))
            incident = incidents.start_incident(s, "ベンチ大雨", [gen.town_id], kind=IncidentKind.FLOOD)
            statuses = [st for st in SafetyStatus if st is not SafetyStatus.UNCHECKED]
            incidents.record_events(s, incident.id, [
                (pid, EventFields(rng.choice(statuses), "ベンチ", CheckMethod.PHONE))
                for pid in rng.sample(chosen, CHECKED)])
    finally:
        ledger.close()
    return gen.data_dir, incident.id


def prepared(folder: Path) -> tuple[Path, object]:
    """The ledger in ``folder``, prepared the first time (``--ledger``: profile again without 15 s of setup;
    each run records ``repeat`` more checks in it)."""
    import uuid

    info = folder / "prepared.txt"
    if info.exists():
        kept_dir, kept_id = info.read_text(encoding="utf-8").split()
        return Path(kept_dir), uuid.UUID(kept_id)
    data_dir, incident_id = prepare(folder)
    info.write_text(f"{data_dir}\n{incident_id}\n", encoding="utf-8")
    return data_dir, incident_id


def run(repeat: int = 5, timeout_s: float = 300, ledger_folder: Path | None = None) -> dict:
    os.environ.setdefault("SASAEAI_PASSPHRASE", "bench")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from app.ui.app import prepare_webengine, settings_for

    if QApplication.instance() is None:
        prepare_webengine()
    app = QApplication.instance() or QApplication([])
    from app.models import open_ledger
    from app.models.safety import SafetyStatus
    from app.paths import ledger_path
    from app.safety.rollcall import roll_call
    from app.safety.views import STATUS_COLORS
    from app.ui.mainwindow import MainWindow

    r: dict = {"read": [], "fill": [], "filter": [], "search": [], "open": [], "event": [], "event_ledger": [],
               "checklists_commissioner": [], "checklists_shelter": [], "checklist_xlsx": []}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        data_dir, incident_id = prepared(ledger_folder) if ledger_folder else prepare(Path(tmp))
        r["prepare"] = time.perf_counter() - t0
        load = os.getloadavg()[0]
        ledger = open_ledger(ledger_path(data_dir))
        r.update(_checklists(ledger, incident_id, Path(tmp), r, repeat=3))
        window = MainWindow(ledger, settings_for(data_dir))
        ready: list[bool] = []
        window.map_ready.connect(lambda: ready.append(True))
        window.show()
        window.towns.open_initial_town()
        wait_until(lambda: bool(ready), timeout_s, "map ready")
        try:
            safety, panel = window.safety, window.safety.panel
            opening = cProfile.Profile() if os.environ.get("BENCH_PROFILE") == "open" else None
            for _ in range(repeat):
                t0 = time.perf_counter()
                if opening is not None:
                    opening.enable()
                safety.show_panel()
                if opening is not None:
                    opening.disable()
                page_call(window.map_view, "ping", timeout_s=timeout_s)
                r["open"].append(time.perf_counter() - t0)
            if opening is not None:  # BENCH_PROFILE=open: where opening the panel's time goes
                pstats.Stats(opening).sort_stats("cumulative").print_stats(40)
            r["rows"] = len(panel.rows())
            assert r["rows"] == PERSONS, r["rows"]
            for _ in range(repeat):
                t0 = time.perf_counter()
                with ledger.Session() as s:
                    rows = roll_call(s, incident_id)
                r["read"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                panel.show_rows(rows)
                app.processEvents()
                r["fill"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                panel.status_filter.setCurrentIndex(panel.status_filter.findData(SafetyStatus.NEEDS_HELP))
                shown = panel.list.proxy.rowCount()
                r["filter"].append(time.perf_counter() - t0)
                panel.status_filter.setCurrentIndex(0)
                t0 = time.perf_counter()
                panel.search.setText("山田")
                found = panel.list.proxy.rowCount()
                r["search"].append(time.perf_counter() - t0)
                panel.search.setText("")
            r["filtered"], r["found"] = shown, found
            # One click → the event in the ledger → its household's ring redrawn on the page (round trip).
            unchecked = [row for row in panel.rows() if row.status is SafetyStatus.UNCHECKED]
            profile = cProfile.Profile() if os.environ.get("BENCH_PROFILE") == "click" else None
            for row in unchecked[:repeat]:
                panel.list.choose(row.person_id)
                t0 = time.perf_counter()
                if profile is not None:
                    profile.enable()
                panel.buttons[SafetyStatus.NEEDS_HELP].click()
                if profile is not None:
                    profile.disable()
                r["event_ledger"].append(time.perf_counter() - t0)
                page_call(window.map_view, "ping", timeout_s=timeout_s)
                r["event"].append(time.perf_counter() - t0)
            if profile is not None:  # BENCH_PROFILE=click: where a click's time goes
                pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
            drawn = json.loads(_rings(window, timeout_s))
            last = unchecked[repeat - 1].household_id
            r["load"] = (load, os.getloadavg()[0])
            r["ring_ok"] = any(d["householdId"] == str(last) and d["color"] == STATUS_COLORS[SafetyStatus.NEEDS_HELP]
                               for d in drawn)
        finally:
            window.close()
            app.processEvents()
            shiboken6.delete(window)  # now: a deleteLater() would still be pending at exit
            ledger.close()
    return r


def _checklists(ledger, incident_id, folder: Path, r: dict, repeat: int) -> dict:  # noqa: ANN001
    """Times the checklists' PDF of the whole roll call, per 民生委員 and per shelter, and the checklist in Excel
    (the printed copies ledger's entry rolled back); how many lists each PDF gives and the files' sizes."""
    from app.safety.papers import GroupBy, checklist_groups, export_checklists
    from app.safety.workbook import write_checklist_xlsx

    out: dict = {}
    for group_by in (GroupBy.COMMISSIONER, GroupBy.SHELTER):
        path = folder / f"checklists-{group_by}.pdf"
        for _ in range(repeat):
            with ledger.Session() as s:
                t0 = time.perf_counter()
                export_checklists(s, incident_id, path, group_by=group_by, audience="staff")
                r[f"checklists_{group_by}"].append(time.perf_counter() - t0)
                s.rollback()
        with ledger.Session() as s:
            out[f"lists_{group_by}"] = len(checklist_groups(s, incident_id, group_by))
        out[f"kb_{group_by}"] = path.stat().st_size // 1024
    path = folder / "checklist.xlsx"
    for _ in range(repeat):
        with ledger.Session() as s:
            t0 = time.perf_counter()
            write_checklist_xlsx(s, incident_id, path, audience="staff")
            r["checklist_xlsx"].append(time.perf_counter() - t0)
            s.rollback()
    out["kb_xlsx"] = path.stat().st_size // 1024
    return out


def _rings(window, timeout_s: float) -> str:  # noqa: ANN001
    box: dict = {}
    window.map_view.page().runJavaScript("JSON.stringify(sasaeai.statusRings())", 0,
                                         lambda v: box.setdefault("r", v))
    wait_until(lambda: "r" in box, timeout_s, "statusRings")
    return box["r"]


def section(r: dict) -> str:
    def ms(key: str) -> str:
        return f"{statistics.median(r[key]) * 1000:.0f} ms"

    return "\n".join([
        START,
        "## Safety check (issue 16)",
        "",
        f"Written by `.venv/bin/python -m bench.safety`: one town of {HOUSEHOLDS:,} households (bench/generate.py), "
        f"{r['rows']:,} persons of concern in the roll call, {CHECKED:,} checks already recorded; the real window "
        f"and page, offscreen; median of {len(r['open'])}. Ledger prepared in {r['prepare']:.0f} s (not timed). "
        f"Load average (2 cores) {r['load'][0]:.1f} before, {r['load'][1]:.1f} after: other work shared the machine.",
        "",
        "| measurement | time | target |",
        "|---|---|---|",
        f"| open the panel: roll call read, model filled, {r['rows']:,} rows, every ring sent + page round trip | "
        f"{ms('open')} | opens instantly |",
        f"| the roll call read alone (`roll_call`: persons, hazards, watchers, latest events) | {ms('read')} |  |",
        f"| the panel's item model filled with {r['rows']:,} rows | {ms('fill')} | instantly |",
        f"| one filter pass: status 要支援・要救助 ({r['filtered']:,} shown) | {ms('filter')} | instantly |",
        f"| one filter pass: search 「山田」 ({r['found']:,} shown) | {ms('search')} | instantly |",
        f"| one click → event recorded (ledger, undo stack, counts) | {ms('event_ledger')} |  |",
        f"| one click → event recorded → ring redrawn on the map (page round trip) | {ms('event')} | < 100 ms |",
        f"| 安否確認チェックリスト PDF, one list per 民生委員 ({r['lists_commissioner']:,} lists, "
        f"{r['kb_commissioner']:,} kB; median of {len(r['checklists_commissioner'])}) | "
        f"{ms('checklists_commissioner')} |  |",
        f"| 安否確認チェックリスト PDF, one list per shelter ({r['lists_shelter']:,} lists, {r['kb_shelter']:,} kB; "
        f"median of {len(r['checklists_shelter'])}) | {ms('checklists_shelter')} |  |",
        f"| 安否確認チェックリスト Excel, the whole roll call to type into ({r['rows']:,} rows, {r['kb_xlsx']:,} kB; "
        f"median of {len(r['checklist_xlsx'])}) | {ms('checklist_xlsx')} |  |",
        "",
        "The ring was " + ("" if r["ring_ok"] else "NOT ") + "found on the page in its new colour afterwards "
        "(read back with `sasaeai.statusRings()`).",
        "",
        NOTE,
        END,
    ])


def write(text: str) -> None:
    replace_section(RESULTS, START, END, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--ledger", type=Path, help="a folder to keep the prepared ledger in (reused when there)")
    args = parser.parse_args()
    if args.ledger:
        args.ledger.mkdir(parents=True, exist_ok=True)
    text = section(run(ledger_folder=args.ledger))
    print(text)
    if not args.no_write:
        write(text)


if __name__ == "__main__":
    main()
