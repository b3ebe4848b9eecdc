"""The safety check's dialogs: start an incident (non-modal), and the preview of a ticked checklist read back."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import LedgerError
from app.core.views import TownView
from app.models.safety import IncidentKind
from app.safety.views import KIND_LABELS, status_text
from app.safety.workbook import ChecklistPreview
from app.ui.comfort import set_role
from app.ui.dialogs import error_text

translate = QCoreApplication.translate


class StartIncidentDialog(QDialog):
    """Name, kind, start time (now by default) and towns of a new incident; the current town is checked.

    Non-modal: the map and the lists stay usable while it is open. ``chosen(name, kind, started_at, town_ids)``
    is emitted on OK; the controller starts the incident (and says why when it cannot)."""

    chosen = Signal(str, object, object, object)  # name, IncidentKind, aware datetime, list of town ids

    def __init__(self, towns: list[TownView], current: uuid.UUID | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SafetyPanel", "Start an incident"))
        self.setModal(False)
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("SafetyPanel", "e.g. 令和8年7月 大雨"))
        self.kind = QComboBox()
        for kind in IncidentKind:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.started = QDateTimeEdit(QDateTime.currentDateTime())
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy/MM/dd HH:mm")
        self.towns = QListWidget()
        self.towns.setObjectName("incidentTowns")
        for town in towns:
            item = QListWidgetItem(town.full_name)
            item.setData(Qt.ItemDataRole.UserRole, town.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if town.id == current else Qt.CheckState.Unchecked)
            self.towns.addItem(item)
        self.problem = QLabel()
        self.problem.setObjectName("incidentProblem")
        self.problem.setWordWrap(True)
        set_role(self.problem, "problem", bold=True)
        form = QFormLayout()
        form.addRow(translate("SafetyPanel", "Name"), self.name)
        form.addRow(translate("SafetyPanel", "Kind"), self.kind)
        form.addRow(translate("SafetyPanel", "Started"), self.started)
        form.addRow(translate("SafetyPanel", "Towns"), self.towns)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("SafetyPanel", "Start"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def checked_towns(self) -> list[uuid.UUID]:
        return [self.towns.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.towns.count())
                if self.towns.item(i).checkState() == Qt.CheckState.Checked]

    def started_at(self) -> datetime:
        return self.started.dateTime().toPython().astimezone().astimezone(timezone.utc)

    def show_problem(self, error: Exception) -> None:
        """The controller could not start it: said here, the dialog stays open with what was typed."""
        self.problem.setText(error_text(error) if isinstance(error, LedgerError) else str(error))

    def _ok(self) -> None:
        self.problem.clear()
        self.chosen.emit(self.name.text(), self.kind.currentData(), self.started_at(), self.checked_towns())


class ChecklistPreviewDialog(QDialog):
    """What a ticked checklist will record, row by row, and every bad row named; recording is refused until the
    file is fixed. Nothing is written before OK."""

    def __init__(self, preview: ChecklistPreview, incident_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SafetyPanel", "Read back a ticked checklist"))
        self.resize(820, 520)
        self.preview = preview
        # English counts "1 check" and "2 checks": each form its own string (Japanese says 件 and 行 for both)
        count, skipped = len(preview.lines), preview.skipped
        checks = (translate("SafetyPanel", "1 check") if count == 1 else
                  translate("SafetyPanel", "{count} checks").format(count=count))
        rows = (translate("SafetyPanel", "1 row") if skipped == 1 else
                translate("SafetyPanel", "{count} rows").format(count=skipped))
        self.summary = QLabel(translate("SafetyPanel", "{file}: {checks} to record in {incident}, {rows} left "
                                                       "empty.").format(
            file=preview.path.name, checks=checks, incident=incident_name, rows=rows))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(preview.lines), 6)
        self.table.setHorizontalHeaderLabels([translate("SafetyPanel", "Row"), translate("SafetyPanel", "No."),
                                              translate("SafetyPanel", "Name"), translate("SafetyPanel", "Status"),
                                              translate("SafetyPanel", "By"), translate("SafetyPanel", "Checked")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, line in enumerate(preview.lines):
            f = line.fields
            when = f.checked_at.astimezone().strftime("%m/%d %H:%M") if f.checked_at else ""
            for c, text in enumerate((str(line.row), line.map_number, line.name,
                                      status_text(f.status, f.shelter_text), f.checked_by, when)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        # One paragraph per bad row, wrapped whole (a list's items were cut at its width, and its row heights
        # clipped a wrapped Japanese line): its end says what to type instead.
        self.messages = [error_text(e) for e in preview.errors]  # each names the sheet, row and cell
        self.errors = QPlainTextEdit("\n\n".join(self.messages))
        self.errors.setObjectName("checklistErrors")
        self.errors.setReadOnly(True)
        self.errors.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.errors.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.errors.setVisible(bool(preview.errors))
        set_role(self.errors, "problem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("SafetyPanel", "Record 1 check") if count == 1 else
                   translate("SafetyPanel", "Record {count} checks").format(count=count))
        ok.setEnabled(not preview.errors and bool(preview.lines))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        if preview.errors:
            layout.addWidget(QLabel(translate("SafetyPanel", "Fix these rows in the file and read it again; nothing "
                                                             "is recorded while one is wrong:")))
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
