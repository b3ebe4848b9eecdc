"""Background jobs: results come back on the UI thread, Cancel stops even a long statement and writes nothing."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select, text

from app.models import Town, open_ledger
from app.paths import ledger_path
from app.towns.towns import create_town
from app.ui.worker import Job, JobRunner

# A statement SQLite needs minutes for: only Cancel (the connection's progress handler) ends it early.
ENDLESS = text("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 2000000000) "
               "SELECT count(*) FROM r")


def town_count(ledger) -> int:
    with ledger.Session() as s:
        return s.scalar(select(func.count()).select_from(Town))


def start_endless_write(runner, ledger):
    """A job that adds a town, then runs a statement that would take minutes; returns it once the statement runs."""
    started = threading.Event()

    def work(session, token, progress):
        create_town(session, "味真野地区", "長い町")
        session.flush()
        started.set()
        return session.execute(ENDLESS).scalar()

    job = runner.run_ledger("endless", ledger, work, write=True)
    assert job is not None
    assert started.wait(10), "the job did not start"
    return job


def test_cancel_stops_a_long_statement_and_the_ledger_is_unchanged(qtbot, ledger, town):
    # GIVEN a job that has written a town in its transaction and is now in a statement taking minutes
    runner = JobRunner()
    before = town_count(ledger)
    job = start_endless_write(runner, ledger)
    assert runner.busy
    # WHEN the user cancels
    began = time.monotonic()
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.cancel()
    # THEN the job stops at once, says it was cancelled, and its transaction is rolled back
    assert time.monotonic() - began < 5
    assert job.outcome == "cancelled" and not runner.busy
    assert town_count(ledger) == before
    with ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(Town).where(Town.name == "長い町")) == 0


def test_two_ledgers_opened_one_after_another_both_cancel(qtbot, tmp_path):
    # GIVEN a ledger that is opened, used and closed, then another (its engine may reuse the first one's id)
    for round_ in range(2):
        ledger = open_ledger(ledger_path(tmp_path / f"data{round_}"))
        try:
            runner = JobRunner()
            job = start_endless_write(runner, ledger)
            # WHEN Cancel is pressed THEN each stops, whichever engine it runs on
            with qtbot.waitSignal(job.cancelled, timeout=10_000):
                job.cancel()
            assert town_count(ledger) == 0
        finally:
            ledger.close()


def test_a_second_change_is_refused_while_one_writes(qtbot, ledger, town):
    runner = JobRunner()
    busy = []
    runner.busy_changed.connect(busy.append)
    first = start_endless_write(runner, ledger)
    assert runner.run_ledger("second", ledger, lambda s, t, p: create_town(s, "味真野地区", "二つ目"), write=True) is None
    # A read is never refused: it has its own connection and WAL lets it read beside the writer.
    with qtbot.waitSignal(runner.run_ledger("read", ledger, lambda s, t, p: town_count(ledger), write=False)
                          .succeeded, timeout=10_000) as read:
        pass
    assert read.args == [1]
    with qtbot.waitSignal(first.ended, timeout=10_000):
        first.cancel()
    assert busy == [True, False]


def test_a_job_error_reaches_the_ui_thread_and_nothing_is_written(qtbot, ledger, town):
    runner = JobRunner()
    seen_on = []

    def work(session, token, progress):
        create_town(session, "味真野地区", "途中の町")
        session.flush()
        raise OSError("disk unplugged")

    job = runner.run_ledger("fails", ledger, work, write=True)
    job.failed.connect(lambda e: seen_on.append(threading.current_thread() is threading.main_thread()))
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        pass
    assert isinstance(failed.args[0], OSError) and seen_on == [True]
    assert town_count(ledger) == 1


def test_progress_and_result_arrive_in_order(qtbot):
    runner = JobRunner()
    steps = []

    def work(token, progress):
        for i in range(1, 4):
            progress(i, 3)
        return "done"

    job = Job("counts", work, label="…")
    job.progressed.connect(lambda done, total: steps.append((done, total)))
    runner.start(job)
    assert runner.indicator.job is job  # the status bar follows it, with Cancel
    with qtbot.waitSignal(job.succeeded, timeout=10_000) as result:
        pass
    assert result.args == ["done"] and steps == [(1, 3), (2, 3), (3, 3)]
    assert not runner.indicator.isVisible() and runner.jobs == []


def test_printing_a_map_to_pdf_runs_on_page_signals_and_gives_one_real_page(qtbot, demo_ledger, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtPdf import QPdfDocument

    from app.maps.printing import MapPrint, PrintOptions
    from app.towns.towns import list_towns

    with demo_ledger.Session() as s:
        town_id = list_towns(s)[0].id
    ticks = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    job = MapPrint(demo_ledger, town_id, tmp_path / "map.pdf", PrintOptions(paper="A4"))
    with qtbot.waitSignal(job.finished, timeout=90_000) as finished:
        job.start()  # returns at once: the page is drawn while the UI thread goes on
        started = len(ticks)
    timer.stop()
    out = finished.args[0]
    assert out.read_bytes().startswith(b"%PDF")
    document = QPdfDocument()
    document.load(str(out))
    assert document.pageCount() == 1
    assert len(ticks) - started >= 3  # the window's timers ran while the map was drawn


def test_a_map_print_whose_page_dies_fails_at_once_and_writes_nothing(qtbot, demo_ledger, tmp_path):
    # The print's own page (a hidden map) is killed as the system would kill it: the print says so at once,
    # rather than after its minute of waiting for a map that will not come, and leaves no file.
    import os
    import signal

    from app.maps.printing import READY_TIMEOUT_MS, MapPrint, PrintOptions
    from app.towns.towns import list_towns

    with demo_ledger.Session() as s:
        town_id = list_towns(s)[0].id
    out = tmp_path / "map.pdf"
    job = MapPrint(demo_ledger, town_id, out, PrintOptions(paper="A4"))
    finished: list = []
    job.finished.connect(finished.append)
    job.start()
    page = job.image.view.page()
    qtbot.waitUntil(lambda: page.renderProcessPid() > 0, timeout=30_000)
    with qtbot.waitSignal(job.failed, timeout=READY_TIMEOUT_MS // 4) as failed:
        os.kill(page.renderProcessPid(), getattr(signal, "SIGKILL", signal.SIGTERM))
    assert "stopped working" in str(failed.args[0])
    assert finished == [] and not out.exists()
    assert job.image.view is None  # the print's page is gone with it
