"""Consent (同意) of one person, and the history of changes (audit log) with its export."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import Ledger
from app.privacy.audit import export_audit_csv, export_audit_xlsx, list_audit
from app.privacy.consent import ConsentFields, ConsentStatus, ConsentView
from app.privacy.masking import Audience


def audience_labels() -> dict[Audience, str]:
    """Who a printed or exported copy is for: the consent rule follows from it."""
    translate = QCoreApplication.translate
    return {
        Audience.WATCHERS: translate("privacy", "Watchers and the welfare commissioner (民生児童委員)"),
        Audience.COMMUNITY: translate("privacy", "Community members (区長, 福祉推進員, residents)"),
        Audience.AGENCIES: translate("privacy", "Agencies (地域包括支援センター, care managers, city office)"),
        Audience.STAFF: translate("privacy", "Council staff only: every name, whatever the consent"),
    }


class ConsentDialog(QDialog):
    """What the person agreed to share, with whom, and when it was recorded."""

    def __init__(self, name: str, consent: ConsentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent: {name}").format(name=name))
        self.status = QComboBox()
        for value, label in ((ConsentStatus.UNKNOWN, self.tr("Not asked yet (treated as no)")),
                             (ConsentStatus.YES, self.tr("Agreed")), (ConsentStatus.NO, self.tr("Did not agree"))):
            self.status.addItem(label, value.value)
        self.status.setCurrentIndex(max(0, self.status.findData(consent.consent.value)))
        self.watchers = QCheckBox(self.tr("Share with their watchers and the welfare commissioner"))
        self.agencies = QCheckBox(self.tr("Share with agencies (包括, care office, doctor, city office)"))
        self.community = QCheckBox(self.tr("Show by name on the community map and papers"))
        self.watchers.setChecked(consent.consent_watchers)
        self.agencies.setChecked(consent.consent_agencies)
        self.community.setChecked(consent.consent_map)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        if consent.consent_date:
            d = consent.consent_date
            self.day.setDate(QDate(d.year, d.month, d.day))
        note = QLabel(self.tr("Without consent the person appears only as an anonymous symbol on community views, "
                              "and is left out of papers for community members."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Answer"), self.status)
        form.addRow("", self.watchers)
        form.addRow("", self.agencies)
        form.addRow("", self.community)
        form.addRow(self.tr("Recorded on"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._scopes)
        self._scopes()

    def _scopes(self) -> None:
        agreed = self.status.currentData() == ConsentStatus.YES.value
        for box in (self.watchers, self.agencies, self.community):
            box.setEnabled(agreed)

    def fields(self) -> ConsentFields:
        d = self.day.date()
        return ConsentFields(status=ConsentStatus(self.status.currentData()),
                             share_with_watchers=self.watchers.isChecked(),
                             share_with_agencies=self.agencies.isChecked(),
                             show_on_community_map=self.community.isChecked(),
                             date=date(d.year(), d.month(), d.day()))


class AuditDialog(QDialog):
    """Who changed what and when: filter by person or date, export for the 社協's records."""

    COLUMNS = 8

    def __init__(self, ledger: Ledger, persons: list[tuple[uuid.UUID, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.setWindowTitle(self.tr("History of changes"))
        self.resize(1000, 600)
        self.person = QComboBox()
        self.person.addItem(self.tr("Everyone"), None)
        for pid, label in persons:
            self.person.addItem(label, pid)
        self.since_on = QCheckBox(self.tr("From"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What"),
                                              self.tr("Name"), self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        export = QPushButton(self.tr("Export…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Person")))
        top.addWidget(self.person, 1)
        top.addWidget(self.since_on)
        top.addWidget(self.since)
        top.addWidget(export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.person.currentIndexChanged.connect(self.refresh)
        self.since_on.toggled.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        export.clicked.connect(lambda: self.export())
        self.rows: list = []
        self.refresh()

    def refresh(self) -> None:
        d = self.since.date()
        since = date(d.year(), d.month(), d.day()) if self.since_on.isChecked() else None
        with self.ledger.Session() as s:
            self.rows = list_audit(s, person_id=self.person.currentData(), since=since, limit=5000)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [row.at.astimezone().strftime("%Y-%m-%d %H:%M"), f"{row.operator_name} {row.operator_role}".strip(),
                     row.action.value, row.entity, row.label, row.field or "", row.old_value or "",
                     row.new_value or ""]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def export(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the history"), str(Path.home() / "history.xlsx"),
                                                  self.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if not name:
                return None
            path = Path(name)
        writer = export_audit_csv if path.suffix.lower() == ".csv" else export_audit_xlsx
        return writer(self.rows, path)
