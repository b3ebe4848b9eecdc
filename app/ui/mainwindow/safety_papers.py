"""The safety check's papers from the window: PDF checklists per 民生委員, watcher or shelter, the Excel checklist
to type into, its read-back (preview, then every check recorded in one transaction), and the log for the city.

Every file is written by a background job (app/ui/export_job.py): counted out in the printed copies ledger in
the same transaction, renamed into place only when whole. Refusals are said in the panel, not in a modal box.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.safety.papers import GroupBy, export_checklists
from app.safety.views import IncidentView
from app.safety.workbook import (
    ChecklistPreview,
    export_log,
    preview_checklist_xlsx,
    record_checklist,
    write_checklist_xlsx,
)
from app.ui.export_job import run_export
from app.ui.incident_dialog import ChecklistPreviewDialog
from app.ui.operations import OpChanges
from app.ui.worker import Job, JobRunner

if TYPE_CHECKING:
    from app.ui.mainwindow.safety import SafetyController

translate = QCoreApplication.translate
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def group_labels() -> dict[GroupBy, str]:
    return {GroupBy.COMMISSIONER: translate("SafetyPanel", "One list per welfare commissioner (民生委員)"),
            GroupBy.WATCHER: translate("SafetyPanel", "One list per watcher (見守り者)"),
            GroupBy.SHELTER: translate("SafetyPanel", "One list per shelter (避難所)")}


_GROUP_FILE = {GroupBy.COMMISSIONER: "民生委員別", GroupBy.WATCHER: "見守り者別", GroupBy.SHELTER: "避難所別"}


def _file_part(text: str) -> str:
    return _UNSAFE.sub("_", text).strip("_") or "incident"


class SafetyPapers(QObject):
    exported = Signal(object)  # the path of a paper written whole
    read_back_done = Signal(object)  # ReadBack: the checks of a typed checklist were recorded
    preview_shown = Signal(object)  # ChecklistPreviewDialog: what a read-back will record

    def __init__(self, safety: SafetyController, jobs: JobRunner) -> None:
        super().__init__(safety)
        self.safety, self.jobs = safety, jobs
        self.preview_dialog: ChecklistPreviewDialog | None = None

    # ------------------------------------------------------------------ helpers

    def _incident(self) -> IncidentView | None:
        incident = self.safety.incident
        if incident is None:
            self.safety.panel.show_notice(translate("SafetyPanel", "No incident is open: start one first."))
        return incident

    def _save_path(self, path: Path | None, title: str, suggested: str, file_filter: str) -> Path | None:
        if path is not None:
            return Path(path)
        name, _ = QFileDialog.getSaveFileName(self.safety.window, title, str(Path.home() / suggested), file_filter)
        return Path(name) if name else None

    def _write(self, name: str, path: Path, write: Callable[..., Any]) -> Job | None:
        def done(result: tuple[Path, Any]) -> None:
            self.safety.message(translate("MainWindow", "Saved {path}").format(path=result[0]), 10000)
            self.exported.emit(result[0])

        return run_export(self.safety.window, self.jobs, self.safety.ledger, name, path, write, counted=True,
                          done=done, message=self.safety.message, failed=self.safety.notice_error)

    # ------------------------------------------------------------------ papers

    def export_checklists(self, group_by: GroupBy | None = None, path: Path | None = None) -> Job | None:
        """PDF checklists (A4, map numbers, phones, boxes to tick): a choice of grouping, then the file."""
        incident = self._incident()
        if incident is None:
            return None
        if group_by is None:
            labels = group_labels()
            label, ok = QInputDialog.getItem(self.safety.window, translate("SafetyPanel", "Checklists"),
                                             translate("SafetyPanel", "Which lists?"), list(labels.values()), 0, False)
            if not ok:
                return None
            group_by = next(g for g, text in labels.items() if text == label)
        chosen = GroupBy(group_by)
        path = self._save_path(path, translate("SafetyPanel", "Save the checklists"),
                               f"安否確認チェックリスト_{_GROUP_FILE[chosen]}_{_file_part(incident.name)}.pdf",
                               translate("MainWindow", "PDF (*.pdf)"))
        if path is None:
            return None
        return self._write("safety checklists", path,
                           lambda s, staged: export_checklists(s, incident.id, staged, group_by=chosen))

    def export_excel(self, path: Path | None = None) -> Job | None:
        """The roll call as an Excel sheet to type the checks into (read back with :meth:`read_back`)."""
        incident = self._incident()
        if incident is None:
            return None
        path = self._save_path(path, translate("SafetyPanel", "Save the checklist to type into"),
                               f"安否確認チェックリスト_{_file_part(incident.name)}.xlsx",
                               translate("MainWindow", "Excel (*.xlsx)"))
        if path is None:
            return None
        return self._write("safety checklist", path, lambda s, staged: write_checklist_xlsx(s, incident.id, staged))

    def export_log(self, path: Path | None = None) -> Job | None:
        """Every check of the incident and the counts per 地区, in Excel, for the city."""
        incident = self._incident()
        if incident is None:
            return None
        path = self._save_path(path, translate("SafetyPanel", "Save the incident's log"),
                               f"安否確認の記録_{_file_part(incident.name)}.xlsx", translate("MainWindow", "Excel (*.xlsx)"))
        if path is None:
            return None
        return self._write("safety log", path, lambda s, staged: export_log(s, incident.id, staged))

    # ------------------------------------------------------------------ read back

    def read_back(self, path: Path | None = None,
                  show: Callable[[ChecklistPreviewDialog], Any] | None = None) -> Job | None:
        """Read a typed checklist off the UI thread, preview it (``show(dialog)``, by default opened without
        waiting), then on OK record every check in one transaction. A bad file or row is named; nothing is
        recorded while one row is wrong."""
        incident = self._incident()
        if incident is None:
            return None
        path = self.safety.file_to_read(path, translate("SafetyPanel", "Read back a ticked checklist"),
                                        translate("MainWindow", "Excel (*.xlsx)"))
        if path is None:
            return None
        chosen: Path = path
        reading = self.jobs.run_ledger(
            "read checklist", self.safety.ledger, lambda s, _t, _p: preview_checklist_xlsx(s, incident.id, chosen),
            write=False, label=translate("MainWindow", "Reading {file}…").format(file=chosen.name))
        assert reading is not None  # a read is never refused
        reading.then(lambda preview: self._preview(incident, preview, show), self.safety.notice_error)
        return reading

    def _preview(self, incident: IncidentView, preview: ChecklistPreview,
                 show: Callable[[ChecklistPreviewDialog], Any] | None) -> None:
        dialog = ChecklistPreviewDialog(preview, incident.name, self.safety.window)
        dialog.accepted.connect(lambda: self._record(incident, preview))
        dialog.finished.connect(lambda _r: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        self.preview_shown.emit(dialog)
        (show or (lambda d: d.open()))(dialog)

    def _record(self, incident: IncidentView, preview: ChecklistPreview) -> Job | None:
        writing = self.jobs.run_ledger(
            "record checklist", self.safety.ledger, lambda s, _t, _p: record_checklist(s, incident.id, preview),
            write=True, label=translate("MainWindow", "Recording {file}…").format(file=preview.path.name))
        if writing is None:
            self.safety.notice_error(LedgerError(QT_TRANSLATE_NOOP(
                "errors", "The ledger is busy with another change; nothing was recorded. Try again.")))
            return None

        def done(result: Any) -> None:
            self.safety.operations.notify(OpChanges(safety=True))
            said = (translate("MainWindow", "Recorded 1 check from {file}.") if result.recorded == 1 else
                    translate("MainWindow", "Recorded {count} checks from {file}."))
            self.safety.message(said.format(count=result.recorded, file=preview.path.name), 10000)
            self.read_back_done.emit(result)

        writing.then(done, self.safety.notice_error)
        return writing
