"""Excel in and out: the watch-network record form (export and import) and the roster import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QWidget

from app.core.errors import LedgerError
from app.paths import address_table_path
from app.privacy.masking import Audience
from app.towns.addresses import AddressTable
from app.ui.dialogs import show_error
from app.ui.import_dialogs import ColumnMappingDialog, ImportPreviewDialog, summary_text
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.town import TownController
from app.ui.operations import OpChanges, Operations
from app.ui.privacy_dialogs import audience_labels
from app.ui.worker import Cancelled, run_with_progress
from app.watch import roster, watch_form

translate = QCoreApplication.translate


def confirm_report(parent: QWidget, title: str, path: Path) -> Callable[[Any], bool]:
    """Ask before importing, with the file's problems listed row by row under "Show Details"."""
    def confirm(preview: Any) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title,
                          translate("MainWindow", "{file}: {summary}. Import?").format(
                              file=path.name, summary=summary_text(preview)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        if preview.problems:
            box.setDetailedText("\n".join(f"{p.severity}: {p.message()}" for p in preview.problems))
        return box.exec() == QMessageBox.StandardButton.Yes

    return confirm


class ImportsController(Controller):
    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController) -> None:
        super().__init__(window, operations)
        self.towns = towns
        self.progress_hook = None  # tests set it to reach the progress dialog of a long job

    def ask_audience(self, default: Audience) -> Audience | None:
        """Who the copy is for (the consent rule follows); None when the user cancels."""
        labels = audience_labels()
        choices = list(labels)
        label, ok = QInputDialog.getItem(self.window, translate("MainWindow", "For whom?"), translate(
            "MainWindow",
            "Who will receive this copy? Persons who did not consent to sharing with them are left anonymous."),
            [labels[a] for a in choices], choices.index(default), False)
        return choices[[labels[a] for a in choices].index(label)] if ok else None

    def export_watch_form(self, path: Path | None = None, audience: Audience | None = None) -> Path | None:
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
        try:
            with self.ledger.Session() as s:
                written = watch_form.export_form(s, town.id, path, audience=audience)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return None
        self.message(translate("MainWindow", "Saved {path}").format(path=written), 8000)
        return written

    def _run_import(self, title: str, read: Callable[[Any], Any], apply: Callable[..., Any],
                    confirm: Callable[[Any], bool] | None = None) -> bool:
        """Read → preview dialog → apply everything in one transaction; a bad file changes nothing."""
        try:
            with self.ledger.Session() as s:
                preview = read(s)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return False
        if confirm is None:
            dialog = ImportPreviewDialog(preview, title, self.window)
            confirm = lambda _p: dialog.exec() == ImportPreviewDialog.DialogCode.Accepted  # noqa: E731
        if not confirm(preview):
            return False
        table = AddressTable.from_isj_csv(address_table_path())
        try:
            run_with_progress(self.window, self.ledger, title,
                              translate("MainWindow", "Importing {file}…").format(file=preview.path.name),
                              lambda s: apply(s, preview, address_table=table), write=True,
                              on_started=self.progress_hook)
        except Cancelled:
            self.message(translate("MainWindow", "Import cancelled: nothing was changed."), 10000)
            return False
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return False
        self.operations.notify(OpChanges(town=True))
        self.message(translate("MainWindow", "Imported: {summary}").format(summary=summary_text(preview)), 10000)
        return True

    def import_watch_form(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        if self.towns.town is None:
            return False
        title = translate("MainWindow", "Import watch-network record form")
        path = self.file_to_read(path, title, translate("MainWindow", "Excel (*.xlsx)"))
        if path is None:
            return False
        return self._run_import(title, lambda s: watch_form.read_form(s, path), watch_form.apply_form, confirm)

    def import_roster(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        if self.towns.town is None:
            return False
        title = translate("MainWindow", "Import roster")
        path = self.file_to_read(path, title, translate("MainWindow", "Rosters (*.xlsx *.csv)"))
        if path is None:
            return False
        try:
            columns = roster.detect_columns(path)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return False
        if "name" not in columns.mapping:
            mapping = ColumnMappingDialog(columns, self.window)
            if mapping.exec() != ColumnMappingDialog.DialogCode.Accepted:
                return False
            columns = mapping.result_columns()
        town_id = self.towns.town.id
        return self._run_import(title, lambda s: roster.read_roster(s, path, town_id, columns=columns),
                                roster.apply_roster, confirm)
