"""Papers written from the window run as background jobs: the real file at the end, the window answering
meanwhile, and Cancel leaving neither a file, nor a half-written one, nor a copy counted out."""

from __future__ import annotations

import json
import threading

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from app.emergency import contact_sheet
from app.models import open_ledger
from app.paths import ledger_path
from app.privacy.copies import list_copies
from app.privacy.masking import Audience, export_rule
from app.towns.geojson_export import export_geojson
from app.ui.export_job import STAGING_PREFIX, run_export
from app.ui.worker import JobRunner
from tests.test_ui_map import window  # noqa: F401 - the window fixture

JOB_MS = 120_000


def finish(qtbot, job):
    """Wait for a started job to end; its outcome."""
    assert job is not None, "the export did not start"
    if job.outcome is None:
        with qtbot.waitSignal(job.ended, timeout=JOB_MS):
            pass
    return job.outcome


def copies(ledger) -> list:
    with ledger.Session() as s:
        return list_copies(s)


def leftovers(folder) -> list:
    return [p.name for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX)]


def cells(path) -> set[str]:
    return {str(c.value) for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows() for c in row
            if c.value}


def test_each_export_from_the_window_writes_its_real_file_and_counts_out_the_papers_with_names(
        qtbot, window, tmp_path):
    before = len(copies(window.ledger))
    # The emergency contact sheet as Excel
    sheet = tmp_path / "sheet.xlsx"
    assert finish(qtbot, window.emergency.export_sheet_excel(sheet, Audience.STAFF)) == "succeeded"
    assert any(export_rule(Audience.STAFF).ja in text for text in cells(sheet))
    # The watch-network record form
    with qtbot.waitSignal(window.imports.exported, timeout=JOB_MS) as form:
        assert window.imports.export_watch_form(tmp_path / "form.xlsx") is not None
    assert form.args == [tmp_path / "form.xlsx"]
    assert openpyxl.load_workbook(tmp_path / "form.xlsx").sheetnames
    # The town as GeoJSON
    with qtbot.waitSignal(window.imports.exported, timeout=JOB_MS):
        window.imports.export_geojson(tmp_path / "town.geojson", Audience.STAFF)
    data = json.loads((tmp_path / "town.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) >= 60  # the demo's 60 households
    # The overview's workbook (numbers only: not counted out)
    overview = window.meeting.show_overview(show=lambda d: None)
    assert finish(qtbot, window.meeting.export_overview(overview.overview, tmp_path / "overview.xlsx")) == "succeeded"
    assert "ひだまり町" in cells(tmp_path / "overview.xlsx")
    # The evacuation plans (they name people too)
    assert finish(qtbot, window.plans.export(tmp_path / "plans.xlsx", ".xlsx")) == "succeeded"
    assert openpyxl.load_workbook(tmp_path / "plans.xlsx").sheetnames
    # The sheet, the form, the GeoJSON and the plans carry names: four copies counted out, under the files' own
    # names; the overview (numbers only) none
    made = copies(window.ledger)[: len(copies(window.ledger)) - before]
    assert sorted(c.file_name for c in made) == ["form.xlsx", "plans.xlsx", "sheet.xlsx", "town.geojson"]
    assert leftovers(tmp_path) == [] and "Saved" in window.statusBar().currentMessage()


def test_the_sheet_preview_is_made_in_the_background_and_another_audience_too(qtbot, window):
    window.show_step(2)
    shown = []
    job = window.emergency.preview_sheet(show=shown.append, audience=Audience.WATCHERS)
    assert shown == []  # the PDF is being made: the call returned at once
    assert finish(qtbot, job) == "succeeded"
    (sheet,) = shown
    assert sheet.page_count >= 1 and sheet.pdf.read_bytes().startswith(b"%PDF")
    assert export_rule(Audience.WATCHERS).ja in sheet.rule.text()
    first = sheet.pdf
    assert sheet.choose_audience(Audience.STAFF) is False  # being made: shown when ready
    qtbot.waitUntil(lambda: export_rule(Audience.STAFF).ja in sheet.rule.text(), timeout=JOB_MS)
    assert sheet.current_audience == Audience.STAFF and sheet.pdf != first
    assert sheet.pdf.read_bytes().startswith(b"%PDF")
    # Closed, the preview takes both copies with it: no paper with names stays in the temporary folder.
    folder = first.parent.parent
    sheet.reject()
    assert not first.exists() and not sheet.pdf.exists() and not folder.exists()


def test_cancel_right_away_leaves_no_file_and_no_copy(qtbot, window, tmp_path):
    before = copies(window.ledger)
    target = tmp_path / "sheet.xlsx"
    job = window.emergency.export_sheet_excel(target)
    job.cancel()  # the status bar's Cancel
    assert finish(qtbot, job) == "cancelled"
    assert not target.exists() and leftovers(tmp_path) == []
    assert copies(window.ledger) == before
    assert "not written" in window.statusBar().currentMessage()


def test_an_export_refused_while_another_change_runs_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    import threading

    from app.ui import export_job

    errors = []
    monkeypatch.setattr(export_job, "show_error", lambda parent, e: errors.append(e))
    hold, started = threading.Event(), threading.Event()

    def long_change(s, token, progress):
        started.set()
        while not hold.wait(0.01):
            token.check()

    writer = window.jobs.run_ledger("long change", window.ledger, long_change, write=True)
    assert started.wait(10)
    assert window.imports.export_watch_form(tmp_path / "form.xlsx") is None
    assert errors and "busy" in str(errors[0])
    hold.set()
    assert finish(qtbot, writer) == "succeeded"
    assert not (tmp_path / "form.xlsx").exists() and leftovers(tmp_path) == []


# ---------------------------------------------------------------- a town of 10,000 persons


@pytest.fixture(scope="module")
def big_town(tmp_path_factory):
    """A ledger of 5,250 households, about 10,000 persons (bench/generate.py, fixed seed)."""
    from bench.generate import generate

    folder = tmp_path_factory.mktemp("big-town")
    made = generate(folder, 5250)
    assert made.persons >= 10_000
    ledger = open_ledger(ledger_path(folder))
    yield ledger, made.town_id
    ledger.close()


def test_the_window_keeps_answering_while_10000_persons_are_exported(qtbot, big_town, tmp_path):
    ledger, town_id = big_town
    runner, parent = JobRunner(), QWidget()
    ticks, done = [], []
    ticked = threading.Event()
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1) or (len(ticks) >= 5 and ticked.set()))
    target = tmp_path / "town.geojson"

    def export(s, staged):
        # The export goes on only once the UI thread's timer has ticked five times after it began: were it run
        # on the UI thread, the timer could not tick and the export would fail here, however fast it is.
        if not ticked.wait(30):
            raise AssertionError("the UI thread's timer stood still while the export ran")
        return export_geojson(s, town_id, staged, Audience.STAFF)

    timer.start()
    job = run_export(parent, runner, ledger, "geojson", target, export,
                     counted=True, done=done.append, message=lambda text, ms: None)
    assert runner.busy and runner.indicator.job is job  # the status bar shows it, with Cancel
    assert finish(qtbot, job) == "succeeded"
    timer.stop()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert done == [(target, done[0][1])] and done[0][1].households == 5250
    assert len(data["features"]) >= 5250
    assert leftovers(tmp_path) == [] and not runner.busy


def test_cancel_in_the_middle_of_a_big_export_leaves_nothing_half_written(qtbot, big_town, tmp_path):
    ledger, town_id = big_town
    before = copies(ledger)
    runner, parent, messages = JobRunner(), QWidget(), []
    target = tmp_path / "sheet.xlsx"
    target_geo = tmp_path / "town.geojson"
    job = run_export(parent, runner, ledger, "geojson", target_geo,
                     lambda s, staged: export_geojson(s, town_id, staged, Audience.STAFF),
                     counted=True, done=lambda r: None, message=lambda text, ms: messages.append(text))
    # WHEN the half-written file is there (in its hidden folder beside the target), the user cancels
    qtbot.waitUntil(lambda: any(p.is_dir() and any(p.iterdir()) for p in tmp_path.iterdir()
                                if p.name.startswith(STAGING_PREFIX)), timeout=JOB_MS)
    runner.indicator.cancel_button.click()
    # THEN no file, no hidden folder, no copy counted out, and the status bar says so
    assert finish(qtbot, job) == "cancelled"
    assert not target_geo.exists() and not target.exists() and leftovers(tmp_path) == []
    assert copies(ledger) == before
    assert messages and "not written" in messages[0]


def test_an_error_while_writing_leaves_no_file_and_no_copy(qtbot, big_town, tmp_path, monkeypatch):
    from app.ui import export_job

    ledger, town_id = big_town
    before, errors = copies(ledger), []
    monkeypatch.setattr(export_job, "show_error", lambda parent, e: errors.append(e))

    def full_disk(s, staged):
        contact_sheet.export_sheet(s, town_id, staged, audience=Audience.STAFF)
        raise OSError("No space left on device")

    job = run_export(QWidget(), JobRunner(), ledger, "sheet", tmp_path / "sheet.xlsx", full_disk, counted=True,
                     done=lambda r: None, message=lambda text, ms: None)
    assert finish(qtbot, job) == "failed"
    assert [str(e) for e in errors] == ["No space left on device"]
    assert list(tmp_path.iterdir()) == [] and copies(ledger) == before


# ---------------------------------------------------------------- the georeference dialog's address table

from tests.test_ui_georeference import window as image_town_window  # noqa: E402, F401 - a town on a scanned image


def test_the_georeference_dialog_reuses_the_address_table_read_at_start(qtbot, image_town_window, monkeypatch):
    from app.towns.addresses import AddressTable

    w = image_town_window
    qtbot.waitUntil(lambda: w.imports.address_table is not None, timeout=JOB_MS)  # read in the background at start
    read_again = []
    monkeypatch.setattr(AddressTable, "from_isj_csv", classmethod(lambda cls, path: read_again.append(path)))
    w.towns.open_georeference()
    qtbot.waitUntil(lambda: w.towns.georeference_dialog is not None, timeout=JOB_MS)
    assert read_again == []  # not read again on the UI thread
    places = w.towns.georeference_dialog.places
    blocks = [p for p in places if not p.facility]
    assert len(blocks) == len(w.imports.address_table.points()) > 0
