"""Excel in and out: the watch-network record form (export and import) and the roster import.

An import runs as a chain of background jobs (read the file and work out the preview, then write it
in one transaction) with the questions to the user in between on the UI thread; ``finished`` says
how it ended. No step waits in a nested event loop, and a second import cannot start meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QWidget
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.emergency.agency_files import AgencyPreview, check_importable
from app.paths import address_table_path
from app.privacy.masking import Audience
from app.towns.addresses import AddressTable
from app.ui.dialogs import error_text, show_error
from app.ui.export_job import run_export
from app.ui.import_dialogs import ColumnMappingDialog, ImportPreviewDialog, problem_lines, summary_text
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.town import TownController
from app.ui.operations import OpChanges, Operations
from app.ui.privacy_dialogs import audience_labels
from app.ui.worker import Job, JobRunner, Progress
from app.watch import roster, watch_form

translate = QCoreApplication.translate


def confirm_report(parent: QWidget, title: str, path: Path) -> Callable[[Any], bool]:
    """Ask before importing, with the file's problems listed row by row under "Show Details"; a file the import
    would refuse (an agency list with a row the directory cannot hold) is refused at once, its problems listed."""
    def confirm(preview: Any) -> bool:
        try:
            if isinstance(preview, AgencyPreview):
                check_importable(preview)
        except LedgerError as refused:  # the import would refuse the file: say so now, ask nothing
            box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(refused), QMessageBox.StandardButton.Ok,
                              parent)
            box.setDetailedText(problem_lines(preview.problems))
            box.exec()
            return False
        box = QMessageBox(QMessageBox.Icon.Question, title,
                          translate("MainWindow", "{file}: {summary}. Import?").format(
                              file=path.name, summary=summary_text(preview)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        if preview.problems:
            box.setDetailedText(problem_lines(preview.problems))
        return box.exec() == QMessageBox.StandardButton.Yes

    return confirm


class ImportsController(Controller):
    finished = Signal(bool)  # an import that started has ended: True when it was written
    exported = Signal(object)  # an export from this controller was written whole (the form, GeoJSON)

    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController, jobs: JobRunner) -> None:
        super().__init__(window, operations)
        self.towns, self.jobs = towns, jobs
        self.importing = False  # from the first read to the last write: a second import is refused meanwhile
        self.address_table: AddressTable | None = None
        self._address_job: Job | None = None
        self.load_address_table()

    # ------------------------------------------------------------------ the address reference table

    def load_address_table(self) -> Job:
        """Read the 位置参照情報 table off the UI thread (at start, so an import finds it ready)."""
        if self._address_job is None or self._address_job.outcome == "failed":
            self._address_job = self.jobs.run("address table",
                                              lambda _t, _p: AddressTable.from_isj_csv(address_table_path()))
            self._address_job.succeeded.connect(self._set_address_table)
        return self._address_job

    def _set_address_table(self, table: AddressTable) -> None:
        self.address_table = table

    def _with_address_table(self, then: Callable[[AddressTable], Any], failed: Callable[[BaseException], Any]) -> None:
        if self.address_table is not None:
            then(self.address_table)
            return
        job = self.load_address_table()
        job.then(lambda table: then(table), failed, lambda: failed(LedgerError(QT_TRANSLATE_NOOP(
            "errors", "The address reference table could not be read; nothing was imported."))))

    # ------------------------------------------------------------------ questions

    def ask_audience(self, default: Audience) -> Audience | None:
        """Who the copy is for (the consent rule follows); None when the user cancels."""
        labels = audience_labels()
        choices = list(labels)
        label, ok = QInputDialog.getItem(self.window, translate("MainWindow", "For whom?"), translate(
            "MainWindow",
            "Who will receive this copy? Persons who did not consent to sharing with them are left anonymous."),
            [labels[a] for a in choices], choices.index(default), False)
        return choices[[labels[a] for a in choices].index(label)] if ok else None

    def export_watch_form(self, path: Path | None = None, audience: Audience | None = None) -> Job | None:
        """Write the form in the background; the job (``exported(path)`` once the file is whole), or None."""
        town = self.towns.town
        if town is None:
            return None
        if audience is None:
            audience = self.ask_audience(watch_form.DEFAULT_AUDIENCE) if path is None else watch_form.DEFAULT_AUDIENCE
            if audience is None:
                return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, translate("MainWindow", "Export watch-network record form"),
                str(Path.home() / f"見守りネットワーク記録用紙_{town.name}.xlsx"), translate("MainWindow", "Excel (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        chosen: Audience = audience

        def written(result: tuple[Path, Any]) -> None:
            self.message(translate("MainWindow", "Saved {path}").format(path=result[0]), 8000)
            self.exported.emit(result[0])

        # Written in the background; the copy is counted out in the printed copies ledger once the file is whole.
        return run_export(self.window, self.jobs, self.ledger, "watch form", path,
                          lambda s, staged: watch_form.export_form(s, town.id, staged, audience=chosen),
                          counted=True, done=written, message=self.message)

    def export_geojson(self, path: Path | None = None, audience: Audience | None = None) -> Job | None:
        """File → Export → GeoJSON…: the town for QGIS (households, places, watch links; consent applied).

        Written in the background: the job (``exported(path)`` once the file is whole), or None."""
        from app.towns.geojson_export import export_geojson

        town = self.towns.town
        if town is None:
            return None
        if audience is None:
            audience = self.ask_audience(watch_form.DEFAULT_AUDIENCE) if path is None else watch_form.DEFAULT_AUDIENCE
            if audience is None:
                return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, translate("MainWindow", "Export GeoJSON"), str(Path.home() / f"{town.name}.geojson"),
                translate("MainWindow", "GeoJSON (*.geojson)"))
            if not name:
                return None
            path = Path(name)
        chosen: Audience = audience

        def written(result: tuple[Path, Any]) -> None:
            self.message(translate("MainWindow", "Saved {path}: {summary}").format(path=result[0],
                                                                                 summary=result[1].summary()), 12000)
            self.exported.emit(result[0])

        return run_export(self.window, self.jobs, self.ledger, "geojson", path,
                          lambda s, staged: export_geojson(s, town.id, staged, chosen),
                          counted=True, done=written, message=self.message)

    # ------------------------------------------------------------------ imports

    def _begin(self) -> bool:
        """True when no import and no other change of the ledger is running; else says so."""
        if self.importing or self.jobs.busy:
            self.message(translate("MainWindow", "Another import or a sync is still running: wait for it to "
                                                 "finish."), 8000)
            return False
        self.importing = True
        return True

    def _end(self, ok: bool, error: BaseException | None = None) -> None:
        self.importing = False
        if error is not None:
            show_error(self.window, error)  # type: ignore[arg-type]
        self.finished.emit(ok)

    def _run_import(self, title: str, path: Path, read: Callable[[Session], Any], apply: Callable[..., Any],
                    confirm: Callable[[Any], bool] | None = None) -> None:
        """Read (off the UI thread) → preview dialog → apply everything in one transaction; a bad file changes nothing."""
        reading = self.jobs.run_ledger(
            "read import", self.ledger, lambda s, _t, _p: read(s), write=False,
            label=translate("MainWindow", "Reading {file}…").format(file=path.name))
        assert reading is not None  # a read is never refused
        reading.then(lambda preview: self._confirm(title, preview, apply, confirm),
                     lambda e: self._end(False, e), lambda: self._end(False))

    def _confirm(self, title: str, preview: Any, apply: Callable[..., Any],
                 confirm: Callable[[Any], bool] | None) -> None:
        if confirm is None:
            dialog = ImportPreviewDialog(preview, title, self.window)
            confirm = lambda _p: dialog.exec() == ImportPreviewDialog.DialogCode.Accepted  # noqa: E731
        if not confirm(preview):
            self._end(False)
            return
        self._with_address_table(lambda table: self._apply(preview, apply, table), lambda e: self._end(False, e))

    def _apply(self, preview: Any, apply: Callable[..., Any], table: AddressTable) -> None:
        self.importing = False  # the write below holds the ledger now (the runner refuses a second one)
        writing = self.jobs.run_ledger(
            "import", self.ledger, lambda s, _token, progress: apply(s, preview, address_table=table,
                                                                     progress=progress),
            write=True, label=translate("MainWindow", "Importing {file}…").format(file=preview.path.name))
        if writing is None:  # a sync started while the preview was open
            self._end(False, LedgerError(QT_TRANSLATE_NOOP("errors", "The ledger is busy with another change; "
                                                                     "nothing was imported. Try again.")))
            return
        self.importing = True

        def done(_result: Any) -> None:
            self.operations.notify(OpChanges(town=True))
            self.message(translate("MainWindow", "Imported: {summary}").format(summary=summary_text(preview)), 10000)
            self._end(True)

        def cancelled() -> None:
            self.message(translate("MainWindow", "Import cancelled: nothing was changed."), 10000)
            self._end(False)

        writing.then(done, lambda e: self._end(False, e), cancelled)

    def import_watch_form(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        """Start importing a filled-in form; True when it started (``finished`` says how it ended)."""
        if self.towns.town is None:
            return False
        title = translate("MainWindow", "Import watch-network record form")
        path = self.file_to_read(path, title, translate("MainWindow", "Excel (*.xlsx)"))
        if path is None or not self._begin():
            return False

        def apply(s: Session, preview: Any, *, address_table: AddressTable, progress: Progress) -> Any:
            return watch_form.apply_form(s, preview, address_table=address_table)

        self._run_import(title, path, lambda s: watch_form.read_form(s, path), apply, confirm)
        return True

    def import_roster(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        """Start importing a roster; True when it started (``finished`` says how it ended)."""
        if self.towns.town is None:
            return False
        title = translate("MainWindow", "Import roster")
        path = self.file_to_read(path, title, translate("MainWindow", "Rosters (*.xlsx *.csv)"))
        if path is None or not self._begin():
            return False
        town_id = self.towns.town.id
        chosen: Path = path

        def detected(columns: roster.RosterColumns) -> None:
            if "name" not in columns.mapping:
                mapping = ColumnMappingDialog(columns, self.window)
                if mapping.exec() != ColumnMappingDialog.DialogCode.Accepted:
                    self._end(False)
                    return
                columns = mapping.result_columns()
            self._run_import(title, chosen, lambda s: roster.read_roster(s, chosen, town_id, columns=columns),
                             roster.apply_roster, confirm)

        # The file is read off the UI thread: a big roster does not freeze the window.
        self.jobs.run("roster columns", lambda _t, _p: roster.detect_columns(chosen),
                      label=translate("MainWindow", "Reading {file}…").format(file=chosen.name)).then(
            detected, lambda e: self._end(False, e), lambda: self._end(False))
        return True
