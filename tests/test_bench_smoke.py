"""The benchmark runs end to end at a tiny size and writes its figures as Markdown and JSON (no timing asserted)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(600)  # a whole bench run (warm-up, every phase, the profiles of what it misses), tiny size
def test_the_bench_writes_every_measurement_with_a_positive_floor(tmp_path):
    results, figures = tmp_path / "RESULTS.md", tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    done = subprocess.run([sys.executable, "-m", "bench.run", "--sizes", "200", "--repeat", "1", "--no-naive",
                           "--roster-rows", "200", "--results", str(results), "--json", str(figures),
                           "--picture", str(tmp_path / "results.png")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=560)
    assert done.returncode == 0, done.stderr[-2000:]
    # every window and view deleted before WebEngine's profile at exit (it warns, and may crash, otherwise)
    assert "Expect troubles" not in done.stderr, done.stderr[-2000:]
    rows = json.loads(figures.read_text(encoding="utf-8"))
    names = {row["name"] for row in rows}
    for wanted in ("open → map ready", "open → Steps II/III lists filled (in the background)", "search (2 chars)",
                   "search (1 char)", "roster import 10,000 rows (read + apply)", "emergency sheet export (xlsx)",
                   "emergency sheet export (PDF)", "emergency cards export (PDF, 2 a page)",
                   "filter on (persons of concern) → map repainted",
                   "filter off (every household) → map repainted",
                   "edit → map updated (the first add after an open)"):
        assert wanted in names
    for row in rows:
        assert row["households"] == 200
        assert set(row) >= {"name", "households", "floor_ms", "ratio", "target_ratio"}
        assert ("value_ms" in row) != ("value_mb" in row)
        if row["floor_ms"] is not None:
            assert row["floor_ms"] > 0
            if row["floor_ms"] < 1:  # a floor under 1 ms gives no ratio: the absolute target judges
                assert row["ratio"] is None and row["judged_on"] in ("absolute", None)
            else:
                assert row["ratio"] > 0 and row["judged_on"] == "ratio"
    # when the window's background read of the lists ran, after the open: within the span "lists filled" times
    value = {row["name"]: row.get("value_ms") for row in rows}
    started, ended = value["open → background read of the lists started"], value["open → background read of the lists ended"]
    assert 0 < started <= ended <= value["open → Steps II/III lists filled (in the background)"]
    assert "background reads during open 1 (s after the open)" in results.read_text(encoding="utf-8")
    floored = {row["name"] for row in rows if row["floor_ms"] is not None}
    assert {"open → map ready", "search (2 chars)", "roster import 10,000 rows (read + apply)"} <= floored
    text = results.read_text(encoding="utf-8")
    assert "× floor" in text and "## Floors" in text
    if os.environ.get("SASAEAI_TEST_PG_URL"):  # a server is there (./dev.sh test starts one): the sync is measured
        assert "sync: first sync, laptop A sends the district" in names, text[text.find("sync: not measured"):][:300]
    else:
        assert "sync: not measured" in text
    assert (tmp_path / "results.png").stat().st_size > 0
    exports = {row["name"]: row for row in rows if row["name"].startswith("memory: app process during the")}
    assert "memory: app process during the emergency sheet export (xlsx)" in exports
    assert "memory: app process during the emergency cards export (PDF, 2 a page)" in exports
    assert all(row["value_mb"] > 0 and row["growth_mb"] >= 0 for row in exports.values())
    assert "peak memory of the app process during the emergency sheet export (xlsx)" in text
    assert "warm-up" in text
    # how much of the machine another virtual machine took meanwhile: a reader's measure of a run's noise
    assert "- **CPU stolen by other virtual machines**: " in text


def sized(size: int, search_s: float, search_floor_s: float, open_s: float, open_floor_s: float):  # noqa: ANN201
    from bench.report import SizeResult

    r = SizeResult(size)
    r.add("search (2 chars)", search_s)
    r.add_floor("search (2 chars)", search_floor_s)
    r.add("open → map ready", open_s)
    r.add_floor("open → map ready", open_floor_s)
    r.add("naive: edit → page rebuilt", open_s * 100)
    r.export_memory["emergency sheet export (xlsx)"] = (300.0 + size / 10_000, 4.0)
    return r


def test_a_floor_under_a_millisecond_gives_no_ratio_and_the_absolute_target_judges():
    from bench.report import to_json

    quick = sized(1_000, 0.006, 0.0002, 1.0, 0.8)  # 30× a 0.2 ms floor, but 6 ms: met
    slow = sized(10_000, 0.025, 0.0004, 3.0, 1.0)  # 25 ms: over 20 ms; open 3× its floor
    assert quick.ratio("search (2 chars)") is None and quick.judged_on("search (2 chars)") == "absolute"
    assert "search (2 chars)" not in quick.missed()
    assert {"search (2 chars)", "open → map ready"} <= set(slow.missed())
    rows = {(row["name"], row["households"]): row for row in to_json([quick, slow])}
    search = rows["search (2 chars)", 1_000]
    assert search["floor_ms"] == 0.2 and search["ratio"] is None and search["missed"] is False
    assert rows["search (2 chars)", 10_000]["missed"] is True
    assert rows["open → map ready", 10_000]["ratio"] == 3.0 and rows["open → map ready", 10_000]["judged_on"] == "ratio"


def test_a_target_the_issue_names_for_50000_households_is_missed_there_even_within_its_ratio():
    from bench.report import FRESH_PEAK, SHEET_PDF, missed_section, table, to_json

    lists = "open → Steps II/III lists filled (in the background)"
    results = []
    for size in (10_000, 50_000):
        r = sized(size, 0.005, 0.0005, 0.9, 0.6)  # the open within 1 s and 2× its floor at both sizes
        r.add(lists, 1.76)
        r.add_floor(lists, 0.9)  # 2.0×: within its ratio
        r.add(SHEET_PDF, 3.2)
        r.add("edit → map updated (add)", 0.012)
        r.memory[FRESH_PEAK] = 480.0
        results.append(r)
    small, city = results
    assert small.missed() == []  # 1.76 s, 3.2 s and 480 MB are targets at 50,000 only
    assert set(city.missed()) == {lists, SHEET_PDF, FRESH_PEAK}
    text = "\n".join(missed_section(results))
    assert f"**{lists}** at 50,000 households: 1.76 s (target < 1.5 s at this size); 2.0× its floor" in text
    assert f"**{SHEET_PDF}** at 50,000 households: 3.20 s (target < 3 s at this size)" in text
    assert "at 50,000 households: 480 MB (target < 450 MB)" in text
    assert "at 10,000" not in text
    rows = {(row["name"], row["households"]): row for row in to_json(results)}
    assert rows[SHEET_PDF, 50_000]["missed"] is True and rows[SHEET_PDF, 50_000]["target_ms"] == 3000
    assert rows[SHEET_PDF, 10_000]["missed"] is None  # no target at this size
    assert rows["edit → map updated (add)", 50_000]["missed"] is False
    assert rows[f"memory: {FRESH_PEAK}", 50_000]["missed"] is True
    assert rows[f"memory: {FRESH_PEAK}", 10_000]["missed"] is None
    row = next(line for line in table(results).splitlines() if line.startswith(f"| {lists} |"))
    assert row.endswith("| < 1.5 s at 50,000; ≤ 2× floor |")
    row = next(line for line in table(results).splitlines() if line.startswith("| open → map ready |"))
    assert row.endswith("| < 1 s at 50,000, < 2 s at 150,000; ≤ 2× floor |")


def test_the_report_and_picture_take_four_sizes_with_150000(tmp_path):
    from bench.report import missed_section, picture, table

    results = [sized(n, 0.005, 0.0005, 1.0 + n / 100_000, 0.5) for n in (1_000, 10_000, 50_000, 150_000)]
    text = table(results)
    assert "| 150,000 households | × floor |" in text.splitlines()[0]
    search = next(line for line in text.splitlines() if line.startswith("| search (2 chars) |"))
    assert search.count("floor < 1 ms") == 4  # no ratio to a 0.5 ms floor at any size
    sheet = next(line for line in text.splitlines() if "during the emergency sheet export (xlsx) (" in line)
    assert "315 MB (+4 MB)" in sheet
    assert ("**open → map ready** at 150,000 households: 2.50 s (target < 2 s at this size); 5.0× its floor"
            in "\n".join(missed_section(results)))
    assert picture(results, tmp_path / "p.png") and (tmp_path / "p.png").stat().st_size > 0


def test_the_picture_draws_a_separate_runs_150000_beside_this_runs_sizes(tmp_path):
    # GIVEN a run of three sizes, and the JSON of a separate 150,000-household run (made apart with one repetition)
    from bench.report import picture, to_json

    results = [sized(n, 0.005, 0.0005, 1.0 + n / 100_000, 0.5) for n in (1_000, 10_000, 50_000)]
    core = to_json([sized(150_000, 0.005, 0.0005, 2.5, 0.5)])
    # WHEN the picture is drawn with and without the other run's figures
    assert picture(results, tmp_path / "three.png")
    assert picture(results, tmp_path / "four.png", core)
    assert picture(results[:2], tmp_path / "two.png", to_json(results[2:]) + core)
    # THEN the 150,000 point is drawn (the picture differs), and the figures of either source draw the same picture
    assert (tmp_path / "four.png").read_bytes() != (tmp_path / "three.png").read_bytes()
    assert (tmp_path / "four.png").read_bytes() == (tmp_path / "two.png").read_bytes()


def test_a_profile_leaves_out_the_bench_frames_and_starts_at_the_measured_call():
    import cProfile
    import json as json_module

    from bench import report, run

    profiler = cProfile.Profile()
    data = [{"a": i} for i in range(50_000)]
    with profiler:  # the measured span: one call, and the bench's own bookkeeping (a frame in bench/)
        json_module.dumps(data)
        report.fmt(0.5)
    text = run.top_entries(profiler, "span")
    entries = text.splitlines()[2:]
    assert "(dumps)" in entries[0]  # the measured call comes first
    assert not any("report.py" in x or "run.py" in x for x in entries)  # the bench's frames are left out
    assert not any("_lsprof" in x for x in entries)  # and the profiler's own


STUCK_OPEN = """
import sys
from pathlib import Path
import bench.run as run
from bench.generate import generate_or_reuse
from PySide6.QtWidgets import QApplication
app = QApplication.instance() or QApplication(sys.argv[:1])
made = generate_or_reuse(Path(sys.argv[1]), 50)
try:
    run.open_window(made.data_dir, 0)  # over at once: the map cannot be ready before the events are run
except run.TimedOut as e:
    print(e)
"""


def run_script(script: str, city: Path) -> str:
    """What ``script`` printed, run offscreen in a process of its own on a small city made at ``city``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    done = subprocess.run([sys.executable, "-c", script, str(city)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=280)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.timeout(300)
def test_an_open_that_does_not_end_in_time_says_what_the_window_was_waiting_for(tmp_path):
    # Twice in eight runs of round twelve, and in round thirteen's fresh app, an open at 50,000 households never
    # ended: the bench said only "no answer within 180 s". It now says what the page did and what the window waits on.
    said = run_script(STUCK_OPEN, tmp_path / "city")
    assert said.startswith("map ready: no answer within 0 s; page: ")
    # (the page's channel may be up by then: the page loads while the ledger's key is stretched)
    assert re.search(r"map: channel ready (True|False)", said) and "ready False" in said
    assert "lists: ready False" in said and "household read " in said and "reads (s after the open): " in said


HUNG_OPEN = """
import sys
from pathlib import Path
import app.maps.view
import bench.run as run
from bench.generate import generate_or_reuse
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.ui.mainwindow import MainWindow
app.maps.view.WATCH_MS = 200  # the page is asked five times a second, so it is found hung within seconds
qt_app = QApplication.instance() or QApplication(sys.argv[:1])
made = generate_or_reuse(Path(sys.argv[1]), 50)

def hang():  # once the window is made and its page loads: a script that never returns takes the page's thread
    window = next(w for w in qt_app.topLevelWidgets() if isinstance(w, MainWindow))
    # once ended, the page built again gets 6 × 2 s to start, however busy the machine
    window.map_view.renderer_ended.connect(lambda _how: window.map_view.watch_every(2000))
    window.map_view.page().runJavaScript("for (;;) {}", 0)

QTimer.singleShot(0, hang)
events = []
ledger, window, drawn, filled = run.open_window(made.data_dir, 120, events=events)
print(run.page_rebuilt(events))
run.close_window(ledger, window)
"""


@pytest.mark.timeout(300)
def test_an_open_whose_page_was_built_again_says_so(tmp_path):
    # The app ends a page that stops answering and builds it again: the open ends, and its time includes the wait.
    # The bench says so beside the figure, rather than report a slow open with no word why.
    said = run_script(HUNG_OPEN, tmp_path / "city").strip().splitlines()[-1]
    assert "PAGE PROCESS ENDED" in said and "map ready" in said
    assert said.index("PAGE PROCESS ENDED") < said.rindex("map ready")  # ended, then built again and ready
