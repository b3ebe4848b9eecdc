"""A job waited for has its outcome on the way: the worker thread queues it before the waiter is let go, so a window
that waits for its reads and then goes away leaves no thread still emitting from a job already let go."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QThreadPool

from app.ui.worker import Job


class _SlowAfterSet(threading.Event):
    """The worker thread descheduled right after it said the work returned."""

    def set(self) -> None:
        super().set()
        time.sleep(0.3)


def test_once_a_job_is_waited_for_its_outcome_is_already_queued(qtbot):
    # GIVEN a job on a pool thread, whose thread is slow right after it marks the work done
    job = Job("read", lambda _token, _progress: 42)
    job._done = _SlowAfterSet()
    outcomes: list[object] = []
    job.succeeded.connect(outcomes.append)
    pool = QThreadPool()
    pool.start(job.run)
    # WHEN the UI thread waits for it (as the window does before its ledger closes) and handles what is queued
    assert job.wait(30)
    QCoreApplication.processEvents()
    # THEN the outcome has arrived: nothing is left for the worker thread to emit from the job
    assert outcomes == [42]
    assert job.outcome == "succeeded"
    assert pool.waitForDone(30_000)
