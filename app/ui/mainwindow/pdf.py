"""PDFs made from the ledger: written off the UI thread to a temporary file, then previewed (save or print there)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.scratch import scratch_folder
from app.models import Ledger
from app.privacy.masking import Audience, export_rule
from app.privacy.sharing import SharingContext, current_sharing
from app.ui.dialogs import show_error
from app.ui.export_job import run_export
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.privacy_dialogs import audience_labels
from app.ui.worker import Job, JobRunner

translate = QCoreApplication.translate


def export_pdf(parent: QWidget, jobs: JobRunner, ledger: Ledger, write: Callable[..., Any], title: str, name: str,
               show: Callable[[PdfPreviewDialog], Any] | None = None, *,
               audience: Audience | None = None,
               rule: Callable[[Audience, SharingContext], str] | None = None) -> Job | None:
    """Write a PDF in the background to a scratch folder, then preview it (save or print from there).

    Returns the job (None when the ledger is busy with another change); ``show(dialog)`` gets the preview
    on the UI thread when the PDF is written (by default it opens, window-modal, without waiting for it).
    With an ``audience``, ``write(session, path, audience)`` makes it for that audience and the
    preview offers the others (each made again in the background); without, ``write(session, path)``.
    ``rule(audience, sharing)``: the rule the preview names for a copy, as the paper prints it (by default the
    export's rule; the plans add their own).
    A paper with names is counted out in the printed copies ledger in the job's transaction.
    The scratch folder and every PDF in it are removed once the preview is closed (or never opened) and no
    copy is still being made: what the user keeps is what they saved.
    """
    scratch = scratch_folder("print")
    folder = Path(scratch.name)
    made: dict[Any, Path] = {}  # audience → its PDF, once written
    preview: dict[str, PdfPreviewDialog] = {}
    running: set[Job] = set()
    closed: list[bool] = []  # the preview was closed
    with ledger.Session() as s:
        sharing = current_sharing(s)  # the mode the copies are made under: the rule the preview names

    def settle() -> None:
        """Remove the scratch folder once nothing shows or makes a PDF in it."""
        if not running and (closed or "dialog" not in preview):
            scratch.cleanup()

    def ended(job: Job) -> None:
        running.discard(job)
        settle()

    def start(chosen: Audience | None, done: Callable[[Path], Any]) -> Job | None:
        target = folder / (Audience(chosen).value if chosen is not None else "all") / name
        target.parent.mkdir(exist_ok=True)

        def written(s: Any, path: Path) -> Any:
            return write(s, path) if chosen is None else write(s, path, Audience(chosen))

        def failed(error: BaseException) -> None:
            if not closed:  # a copy asked for by a preview closed since: nobody waits for it
                show_error(parent, error)

        job = run_export(parent, jobs, ledger, "pdf", target, written, counted=True,
                         done=lambda result: None if closed else done(result[0]), failed=failed,
                         message=lambda text, ms: _status(parent, text, ms),
                         label=translate("MainWindow", "Making {file}…").format(file=name))
        if job is None:
            settle()
        else:
            running.add(job)
            job.ended.connect(lambda: ended(job))
        return job

    def render(chosen: Audience | None) -> Path | None:
        """The preview's "For whom": the PDF when it is made; else it is made now and shown when ready."""
        key = Audience(chosen) if chosen is not None else None
        if key in made:
            return made.pop(key)  # made once per choice: asked again, it is a new copy

        def ready(path: Path) -> None:
            made[key] = path
            dialog = preview.get("dialog")
            if dialog is not None and not dialog.choose_audience(key):
                show_error(dialog, OSError(str(path)))

        start(chosen, ready)
        return None

    def first(path: Path) -> None:
        if audience is None:
            dialog = PdfPreviewDialog(path, title, name, parent)
        else:
            dialog = PdfPreviewDialog(path, title, name, parent, audiences=audience_labels(), audience=audience,
                                      render=render, rule=lambda a: (rule or _export_rule)(a, sharing))
        preview["dialog"] = dialog
        dialog.finished.connect(lambda _result: (closed.append(True), settle()))
        (show or (lambda d: d.open()))(dialog)

    return start(audience, first)


def _export_rule(audience: Audience, sharing: SharingContext) -> str:
    return export_rule(audience, sharing).ja


def _status(parent: QWidget, text: str, ms: int) -> None:
    window = parent.window()
    bar = getattr(window, "statusBar", None)
    if bar is not None:
        bar().showMessage(text, ms)
