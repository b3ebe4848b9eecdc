"""A job lets go of what it held once its outcome is delivered: its work, its callbacks, and whatever they refer to.

A callback that refers to the job (the runner's ``_ended(job)``, a caller's ``read``) made a cycle through Qt's
connections that Python's collector never freed, so each read of a town kept its households for as long as the app
ran: 20-25 MB more at every reload of a 50,000-household town."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QThreadPool

from app.maps.query import TownLayer
from app.ui.worker import BackgroundRead, Job, JobRunner
from tests.test_ui_map import READY_MS, quiet, window  # noqa: F401 - the window fixture


class _Rows(list):
    """What a job's work holds (a town's rows, a roster read): a list that a weak reference can follow."""


def _alive(ref: weakref.ref) -> bool:
    gc.collect()
    return ref() is not None


def test_a_finished_job_lets_go_of_its_work_and_of_callbacks_that_refer_to_it(qtbot):
    # GIVEN a job on the runner whose work holds many rows, and a callback that refers to the job itself
    runner = JobRunner(pool=QThreadPool())
    rows = _Rows(range(100_000))
    job = runner.run("read", lambda _token, _progress, rows=rows: len(rows), label="reading")
    results: list[object] = []
    job.succeeded.connect(lambda result, job=job: results.append((job.name, result)))
    rows_ref, job_ref = weakref.ref(rows), weakref.ref(job)
    del rows, job
    # WHEN it has run and its outcome reached the UI thread
    qtbot.waitUntil(lambda: results != [] and not runner.jobs, timeout=30_000)
    assert runner.pool.waitForDone(30_000)
    qtbot.wait(50)
    # THEN the callback got the result, and nothing of the job is kept any more
    assert results == [("read", 100_000)]
    assert not _alive(rows_ref), "the job's work still holds its rows"
    assert not _alive(job_ref), "the finished job is still kept"


def test_a_job_cancelled_before_it_ran_lets_go_too(qtbot):
    # GIVEN a job cancelled while it waited for a thread (a town left before its read began)
    rows = _Rows(range(10))
    job = Job("read", lambda _token, _progress, rows=rows: len(rows))
    ended: list[str] = []
    job.cancelled.connect(lambda job=job: ended.append(job.name))
    job.cancel()
    pool = QThreadPool()
    pool.start(job.run)
    rows_ref, job_ref = weakref.ref(rows), weakref.ref(job)
    del rows, job
    # WHEN its outcome arrives
    qtbot.waitUntil(lambda: ended != [], timeout=30_000)
    assert pool.waitForDone(30_000)
    qtbot.wait(50)
    # THEN it said so once, and is let go with all it held
    assert ended == ["read"]
    assert not _alive(rows_ref)
    assert not _alive(job_ref)


def test_reloading_a_town_keeps_no_earlier_load_of_its_households(qtbot, window):  # noqa: F811
    # GIVEN the demo town open, its reads ended (and whatever other tests left, not counted)
    quiet(qtbot, window)
    town_id = window.towns.town.id
    gc.collect()
    before = {id(o) for o in gc.get_objects() if isinstance(o, (TownLayer, BackgroundRead))}
    # WHEN it is loaded again three times (as after an import, a georeference, a town chosen again)
    for _ in range(3):
        with qtbot.waitSignal(window.towns.ready, timeout=READY_MS):
            window.towns.load_town(town_id)
        quiet(qtbot, window)
        qtbot.wait(50)
    # THEN no layer of households read for the page is still kept, nor the reads that made them, but the last few
    gc.collect()
    kept = [o for o in gc.get_objects() if isinstance(o, (TownLayer, BackgroundRead)) and id(o) not in before]
    assert [o for o in kept if isinstance(o, TownLayer)] == []
    reads = [o for o in kept if isinstance(o, BackgroundRead)]
    assert len(reads) <= len(window.towns._old_jobs) + 1, f"{len(reads)} reads kept after three more loads"
    # and the map still shows the town
    assert window.towns.town.id == town_id
    assert window.towns.household_count > 0
