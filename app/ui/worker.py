"""Long imports and exports off the UI thread: a progress dialog whose Cancel leaves the ledger unchanged.

The job runs in a worker thread with its own session, in one transaction. Cancel sets a flag that
the next SQL statement of that connection checks: the job stops with ``Cancelled`` and the
transaction rolls back, so nothing of a cancelled import is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.models import Ledger


class Cancelled(Exception):
    """The user pressed Cancel: the job's transaction is rolled back."""


_CANCEL_KEY = "sasaeai_cancel"


def _check_cancel(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, PLR0913
    flag = conn.info.get(_CANCEL_KEY)
    if flag is not None and flag.is_set():
        raise Cancelled()


_listening: set[int] = set()


def _listen(ledger: Ledger) -> None:
    if id(ledger.engine) not in _listening:
        event.listen(ledger.engine, "before_cursor_execute", _check_cancel)
        _listening.add(id(ledger.engine))


class _Runner(QObject):
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, ledger: Ledger, job: Callable[[Session], Any], cancel: threading.Event, write: bool) -> None:
        super().__init__()
        self.ledger, self.job, self.cancel, self.write = ledger, job, cancel, write

    def run(self) -> None:
        try:
            with self.ledger.Session() as session:
                # The flag lives on the pooled DB-API connection's info: remove it before the
                # connection goes back to the pool (commit releases it).
                info = session.connection().info
                info[_CANCEL_KEY] = self.cancel
                try:
                    result = self.job(session)
                    if self.cancel.is_set():
                        raise Cancelled()
                finally:
                    info.pop(_CANCEL_KEY, None)
                if self.write:
                    session.commit()
                else:
                    session.rollback()
        except BaseException as e:  # reported to the UI thread, which shows it
            self.failed.emit(e)
            return
        self.done.emit(result)


def run_with_progress(parent: QWidget | None, ledger: Ledger, title: str, label: str,
                      job: Callable[[Session], Any], *, write: bool,
                      on_started: Callable[[QProgressDialog, threading.Event], None] | None = None) -> Any:
    """Run ``job(session)`` in a worker thread while a progress dialog with Cancel is shown.

    Returns the job's result; raises ``Cancelled`` when the user cancelled (nothing was written)
    or the job's own error. ``write`` commits the job's transaction when it succeeds.
    """
    _listen(ledger)
    cancel = threading.Event()
    dialog = QProgressDialog(label, QCoreApplication.translate("worker", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    thread = QThread()
    runner = _Runner(ledger, job, cancel, write)
    runner.moveToThread(thread)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    runner.done.connect(lambda r: (outcome.setdefault("result", r), loop.quit()), Qt.ConnectionType.QueuedConnection)
    runner.failed.connect(lambda e: (outcome.setdefault("error", e), loop.quit()), Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(cancel.set)
    thread.started.connect(runner.run)
    thread.start()
    # A quick job finishes before the dialog would flash up.
    QTimer.singleShot(300, lambda: dialog.show() if not outcome else None)
    if on_started is not None:
        on_started(dialog, cancel)
    if not outcome:
        loop.exec()
    dialog.hide()
    dialog.deleteLater()
    thread.quit()
    thread.wait()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


class _Receiver(QObject):
    """Lives on the UI thread, so the runner's signals reach the callbacks there."""

    def __init__(self, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]) -> None:
        super().__init__()
        self.on_done, self.on_failed = on_done, on_failed

    def done(self, result: Any) -> None:
        self.on_done(result)

    def failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):  # superseded: nobody waits for it any more
            self.on_failed(error)


class BackgroundRead:
    """A read-only job in a worker thread whose result comes back on the UI thread; ``cancel()`` drops it.

    For what the window can show a moment later (the lists of Steps II and III while the map
    is already drawn). The job has its own session and never writes.
    """

    def __init__(self, ledger: Ledger, job: Callable[[Session], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None]) -> None:
        _listen(ledger)
        self.cancelled = threading.Event()
        self.thread = QThread()
        self.runner = _Runner(ledger, job, self.cancelled, write=False)
        self.runner.moveToThread(self.thread)
        self.receiver = _Receiver(self._done(on_done), on_failed)
        self.runner.done.connect(self.receiver.done, Qt.ConnectionType.QueuedConnection)
        self.runner.failed.connect(self.receiver.failed, Qt.ConnectionType.QueuedConnection)
        # quit() is thread-safe: end the thread's loop from the thread itself, not when the UI gets to it.
        self.runner.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.runner.failed.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.started.connect(self.runner.run)
        self.thread.start()

    def _done(self, on_done: Callable[[Any], None]) -> Callable[[Any], None]:
        return lambda result: None if self.cancelled.is_set() else on_done(result)

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    def cancel(self, *, wait: bool = False) -> None:
        self.cancelled.set()
        if wait:
            self.thread.wait()
