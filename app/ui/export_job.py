"""Files written from the ledger as background jobs: the window answers, Cancel leaves no file behind.

A paper (sheet, cards, form, GeoJSON, plans, overview) is written by a job on the window's
:class:`~app.ui.worker.JobRunner`, on a connection of its own, into a hidden folder beside the file
the user chose; only when it is whole is it renamed to that name (a rename in one folder: the user
never finds half a file, nor an older file half overwritten). Cancel, an error or a full disk
removes the hidden folder and its half-written file.

A paper that carries names is counted out in the printed copies ledger (app/privacy/copies.py) in
the same transaction that reads it: the transaction commits only once the file is whole, so a
cancelled copy is neither on disk nor in the copies ledger. Such a job changes the ledger (one at a
time, the window's edits wait); a paper with numbers only reads, and is never refused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models import Ledger
from app.ui.dialogs import show_error
from app.ui.worker import CancelToken, Job, JobRunner, Progress, in_transaction

translate = QCoreApplication.translate
STAGING_PREFIX = ".sasaeai-writing-"  # the hidden folder a file is written in before it gets its name
Write = Callable[[Session, Path], Any]


def busy_error() -> LedgerError:
    return LedgerError(QT_TRANSLATE_NOOP("errors", "The ledger is busy with another change; nothing was written. "
                                                   "Try again when it has finished."))


def _stage(target: Path) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    return folder / target.name


def export_job(jobs: JobRunner, ledger: Ledger | None, name: str, target: Path, write: Callable[..., Any], *,
               label: str, counted: bool) -> Job | None:
    """Start writing ``target`` off the UI thread; None (nothing started) when ``counted`` and the ledger is busy.

    ``write(session, staged_path)`` with a ``ledger`` (its transaction commits when ``counted``, else rolls
    back), or ``write(staged_path)`` without one. The job's result is ``(target, what write returned)``.
    """
    target = Path(target)
    produced: dict[str, Any] = {}

    def work(token: CancelToken, progress: Progress) -> Any:
        staged = _stage(target)
        try:
            if ledger is None:
                result = write(staged)
                token.check()
            else:
                def in_session(session: Session, token_: CancelToken, _p: Progress) -> Any:
                    out = write(session, staged)
                    token_.check()  # Cancel pressed while the file was written: nothing is counted out
                    return out

                result = in_transaction(ledger, in_session, write=counted)(token, progress)
            if not staged.is_file():
                raise OSError(f"{target.name} was not written")
            os.replace(staged, target)  # the copy is counted out (committed): now the file gets its name
            produced["result"] = (target, result)
            return produced["result"]
        finally:
            shutil.rmtree(staged.parent, ignore_errors=True)

    job = Job(name, work, writes=counted and ledger is not None, label=label)
    job.produced = produced  # type: ignore[attr-defined]  # what a Cancel that came too late did not stop
    return jobs.start(job)


def run_export(parent: QWidget, jobs: JobRunner, ledger: Ledger | None, name: str, target: Path,
               write: Callable[..., Any], *, counted: bool, done: Callable[[Any], Any],
               message: Callable[[str, int], Any], label: str | None = None,
               failed: Callable[[BaseException], Any] | None = None) -> Job | None:
    """:func:`export_job` with the window's answers: ``done(result)`` on the UI thread, errors shown, Cancel said.

    A Cancel pressed in the instant between the commit and the end of the job does not undo a file that
    is already whole and counted out: it is reported as written.
    """
    target = Path(target)
    job = export_job(jobs, ledger, name, target, write, counted=counted,
                     label=label or translate("MainWindow", "Writing {file}…").format(file=target.name))
    if job is None:
        (failed or (lambda e: show_error(parent, e)))(busy_error())
        return None

    def cancelled() -> None:
        produced = job.produced  # type: ignore[attr-defined]
        if "result" in produced:
            done(produced["result"])
            return
        message(translate("MainWindow", "Cancelled: {file} was not written.").format(file=target.name), 10000)

    job.then(done, failed or (lambda e: show_error(parent, e)), cancelled)
    return job
