"""Work off the UI thread: jobs on a thread pool, results back on the UI thread by signal, Cancel by token.

Nothing here waits in a nested event loop. A caller starts a :class:`Job` on the window's
:class:`JobRunner` and gets the outcome in a callback on the UI thread (``succeeded``, ``failed``,
``cancelled``). A job that changes the ledger runs in one transaction on its own connection; Cancel
sets the job's :class:`CancelToken`, which that connection's SQLite progress handler reads, so even
a long statement stops at once, raises, and the transaction rolls back: nothing of a cancelled
import is written. While such a job runs the runner says it is busy (``busy_changed``): the window
disables what changes the ledger, so a timer or a click cannot start a second change meanwhile.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget
from sqlalchemy.orm import Session

from app.models import Ledger

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
# SQLite calls the progress handler every this many virtual-machine steps: a few microseconds apart.
PROGRESS_OPS = 200


class Cancelled(Exception):
    """The user pressed Cancel: the job's transaction is rolled back."""


class CancelToken:
    """Set once by the UI thread, read by the job (and by its connection's progress handler)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when Cancel was pressed: a job calls it between its steps."""
        if self._event.is_set():
            raise Cancelled()


Progress = Callable[[int, int], None]
Work = Callable[[CancelToken, Progress], Any]


class Job(QObject):
    """One piece of work for the pool. Its signals are delivered on the UI thread, after the work ended.

    Exactly one of ``succeeded(result)``, ``failed(error)`` and ``cancelled()`` is emitted, then ``ended()``.
    ``writes`` marks a job that changes the ledger; ``label`` is what the progress indicator says.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()
    _report = Signal(object, object)  # (result, error) from the worker thread
    _step = Signal(int, int)  # progress from the worker thread

    def __init__(self, name: str, work: Work, *, writes: bool = False, label: str = "") -> None:
        super().__init__()
        self.setObjectName(name)
        self.name, self.writes, self.label = name, writes, label
        self.work: Work | None = work  # None once its outcome is delivered
        self.token = CancelToken()
        self._done = threading.Event()
        self.outcome: str | None = None  # "succeeded" | "failed" | "cancelled", once delivered
        self._report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._step.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)

    def then(self, on_success: Callable[[Any], Any] | None = None,
             on_failure: Callable[[BaseException], Any] | None = None,
             on_cancel: Callable[[], Any] | None = None) -> Job:
        for signal, slot in ((self.succeeded, on_success), (self.failed, on_failure), (self.cancelled, on_cancel)):
            if slot is not None:
                signal.connect(slot)
        return self

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def running(self) -> bool:
        """The work has not returned yet (its outcome may still be on its way to the UI thread)."""
        return not self._done.is_set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the work has returned and its outcome is queued for the UI thread; only for closing the
        ledger, never to get a result."""
        return self._done.wait(timeout_s)

    def run(self) -> None:
        """On a pool thread."""
        threading.current_thread().name = f"job:{self.name}"
        result: Any = None
        error: BaseException | None = None
        try:
            self.token.check()  # cancelled while it waited for a thread: nothing to do
            assert self.work is not None, "a job runs once"
            result = self.work(self.token, self._progress)
            self.token.check()
        except BaseException as e:  # handed to the UI thread, which shows it
            error = Cancelled() if self.token.cancelled else e
        try:
            self._report.emit(result, error)  # queued for the UI thread before a waiter may let the job go
        finally:
            self._done.set()

    def _progress(self, done: int, total: int) -> None:
        self.token.check()
        self._step.emit(done, total)

    def _relay_progress(self, done: int, total: int) -> None:
        if self.outcome is None:
            self.progressed.emit(done, total)

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        try:
            if isinstance(error, Cancelled):
                self.outcome = "cancelled"
                self.cancelled.emit()
            elif error is not None:
                self.outcome = "failed"
                log.info("job %s failed: %r", self.name, error)
                self.failed.emit(error)
            else:
                self.outcome = "succeeded"
                self.succeeded.emit(result)
        finally:
            self.ended.emit()
            self._let_go()

    def _let_go(self) -> None:
        """Once its outcome is delivered nothing is emitted any more: its work and the callbacks connected to it are
        let go, and with them what they hold. A callback that refers to the job itself (a caller's ``read``, the
        runner's ``_ended(job)``) made a cycle through Qt's connections that Python's collector did not free: every
        load of a town kept its households read for the page (20-25 MB at 50,000 households) for as long as the app
        ran."""
        # Here, on the UI thread: what the work or a callback held may be a widget, which only its own thread deletes.
        self.work = None
        with warnings.catch_warnings():  # (asking first would not do: QMetaMethod.fromSignal keeps the job alive)
            warnings.simplefilter("ignore", RuntimeWarning)  # "Failed to disconnect": that signal had no callback
            for signal in (self.progressed, self.succeeded, self.failed, self.cancelled, self.ended):
                signal.disconnect()


def in_transaction(ledger: Ledger, work: Callable[[Session, CancelToken, Progress], Any], *, write: bool) -> Work:
    """``work(session, token, progress)`` in one transaction on a connection of its own, cancellable.

    The token is wired into that connection's SQLite progress handler for the job's duration, so Cancel
    interrupts even a long statement; the handler is removed before the commit (a commit is not cut
    in half) and before the connection goes back to the pool (the next user of it is not affected).
    ``write`` commits when the work returns; otherwise everything is rolled back.
    """

    def run(token: CancelToken, progress: Progress) -> Any:
        with ledger.Session() as session:
            raw = session.connection().connection.dbapi_connection
            raw.set_progress_handler(lambda: 1 if token.cancelled else 0, PROGRESS_OPS)
            try:
                result = work(session, token, progress)
                token.check()
            finally:
                raw.set_progress_handler(None, 0)
            if write:
                session.commit()
            else:
                session.rollback()
        return result

    return run


class JobIndicator(QWidget):
    """The status bar's non-modal progress: what runs, how far it is, and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(translate("worker", "Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.job: Job | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self.setVisible(False)

    def follow(self, job: Job) -> None:
        self.job = job
        self.label.setText(job.label)
        self.bar.setRange(0, 0)  # busy until the job says how far it is
        self.cancel_button.setEnabled(True)
        job.progressed.connect(self._progress)
        self.setVisible(True)

    def forget(self, job: Job) -> None:
        if self.job is job:
            self.job = None
            self.setVisible(False)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(translate("worker", "Cancelling…"))


class JobRunner(QObject):
    """The window's jobs: started on a thread pool, kept until they end, at most one changing the ledger."""

    busy_changed = Signal(bool)  # a job that changes the ledger started (True) or ended (False)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.indicator = JobIndicator()
        self._jobs: set[Job] = set()  # running, or their outcome not delivered yet
        self.writer: Job | None = None

    @property
    def busy(self) -> bool:
        """A job that changes the ledger is running: nothing else may change it now."""
        return self.writer is not None

    @property
    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def start(self, job: Job) -> Job | None:
        """Run ``job`` on the pool; None (and nothing started) when it writes and another writer runs."""
        if job.writes:
            if self.writer is not None:
                return None
            self.writer = job
        self._jobs.add(job)
        job.ended.connect(lambda: self._ended(job))
        if job.label:
            self.indicator.follow(job)
        if job.writes:
            self.busy_changed.emit(True)
        self.pool.start(job.run)
        return job

    def run(self, name: str, work: Work, *, label: str = "") -> Job:
        """A job that reads (files, the ledger through its own session): never refused."""
        started = self.start(Job(name, work, label=label))
        assert started is not None
        return started

    def run_ledger(self, name: str, ledger: Ledger, work: Callable[[Session, CancelToken, Progress], Any], *,
                   write: bool, label: str = "") -> Job | None:
        """``work(session, token, progress)`` in one cancellable transaction; None when the ledger is busy."""
        return self.start(Job(name, in_transaction(ledger, work, write=write), writes=write, label=label))

    def _ended(self, job: Job) -> None:
        self._jobs.discard(job)
        self.indicator.forget(job)
        if self.writer is job:
            self.writer = None
            self.busy_changed.emit(False)

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """Before the ledger closes: cancel every job and let its work return (no connection left in use)."""
        for job in list(self._jobs):
            job.cancel()
        for job in list(self._jobs):
            if not job.wait(timeout_s):
                log.warning("job %s did not stop within %s s", job.name, timeout_s)


_reads: QThreadPool | None = None


def reads_pool() -> QThreadPool:
    """The one thread background reads run on, one at a time in the order they were started.

    When the map is drawn the window starts three reads (the lists of Steps II and III, the households not on the
    map, the members' names for labels). Run at once on 2 cores they shared the interpreter lock with each other
    and the UI thread, and the lists, started first and the longest, came back last; in turn, each gets the
    interpreter to itself and the lists come first. (The pool is not the global one, where a long job such as
    reading the address table could hold them back.)
    """
    global _reads
    if _reads is None:
        _reads = QThreadPool()
        _reads.setObjectName("background reads")
        _reads.setMaxThreadCount(1)
    return _reads


class BackgroundRead:
    """A read-only ledger job whose result comes back on the UI thread; ``cancel()`` drops it.

    For what the window can show a moment later (the lists of Steps II and III while the map
    is already drawn). The job has its own session and never writes. Reads run one after another
    (``reads_pool``); one cancelled before its turn does nothing.
    """

    def __init__(self, ledger: Ledger, job: Callable[[Session], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None], pool: QThreadPool | None = None) -> None:
        self.job = Job("read", in_transaction(ledger, lambda s, _t, _p: job(s), write=False))
        # A cancelled read is superseded: nobody waits for its result or its error any more.
        self.job.succeeded.connect(lambda result: None if self.job.token.cancelled else on_done(result))
        self.job.failed.connect(lambda error: None if self.job.token.cancelled else on_failed(error))
        (pool or reads_pool()).start(self.job.run)

    @property
    def running(self) -> bool:
        # Until its outcome reached the UI thread: the job object is then let go on this thread, not the pool's.
        return self.job.outcome is None

    def cancel(self, *, wait: bool = False) -> None:
        self.job.cancel()
        if wait:
            self.job.wait()
