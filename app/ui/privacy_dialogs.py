"""Consent (同意) of one person, and the history of changes (audit log) with its export."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Signal
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
from app.privacy.audit import export_history, list_audit
from app.privacy.consent import ConsentFields, ConsentStatus, ConsentView
from app.privacy.masking import Audience
from app.ui.export_job import run_export
from app.ui.worker import Job, JobRunner


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
    """Who changed what and when: filter by person or date, export for the 社協's records.

    The table shows the newest ``SHOWN`` rows of the choice; Export… writes every row of it (a background job on
    ``jobs``, the window answering meanwhile), and says so when the table shows fewer."""

    COLUMNS = 8
    SHOWN = 5000  # rows in the table: a city's whole history would take the table seconds to fill
    exported = Signal(object)  # the path of a history written whole

    def __init__(self, ledger: Ledger, persons: list[tuple[uuid.UUID, str]], parent: QWidget | None = None, *,
                 jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.jobs = jobs if jobs is not None else JobRunner(self)
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
        self.note = QLabel()  # what the table leaves out, and what an export wrote
        self.note.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Person")))
        top.addWidget(self.person, 1)
        top.addWidget(self.since_on)
        top.addWidget(self.since)
        top.addWidget(self.export_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.person.currentIndexChanged.connect(self.refresh)
        self.since_on.toggled.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.export_button.clicked.connect(lambda: self.export())
        self.rows: list = []
        self.refresh()

    def _choice(self) -> dict:
        """The person and the first day chosen: what the table shows and an export writes."""
        d = self.since.date()
        since = date(d.year(), d.month(), d.day()) if self.since_on.isChecked() else None
        return {"person_id": self.person.currentData(), "since": since}

    def refresh(self) -> None:
        with self.ledger.Session() as s:
            self.rows = list_audit(s, **self._choice(), limit=self.SHOWN + 1)
        more = len(self.rows) > self.SHOWN
        del self.rows[self.SHOWN:]
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [row.at.astimezone().strftime("%Y-%m-%d %H:%M"), f"{row.operator_name} {row.operator_role}".strip(),
                     row.action.value, row.entity, row.label, row.field or "", row.old_value or "",
                     row.new_value or ""]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.note.setText(self.tr("Only the newest {count} rows are shown here. Export… writes every row of this "
                                  "choice.").format(count=f"{self.SHOWN:,}") if more else "")

    def export(self, path: Path | None = None) -> Job | None:
        """Write every row of the current choice (not only those shown) to ``path`` (.xlsx or .csv), off the UI
        thread; the file gets its name only once it is whole, and is counted out in the printed copies ledger."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the history"), str(Path.home() / "history.xlsx"),
                                                  self.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if not name:
                return None
            path = Path(name)
        path = Path(path)
        choice = self._choice()

        def done(result: tuple[Path, object]) -> None:
            self.note.setText(self.tr("Saved the whole history of this choice to {path}.").format(path=result[0]))
            self.exported.emit(result[0])

        # Counted out in the printed copies ledger in the job's transaction: kept only with the whole file.
        return run_export(self, self.jobs, self.ledger, "history", path,
                          lambda s, staged: export_history(s, staged, **choice), counted=True, done=done,
                          message=lambda text, _ms: self.note.setText(text))
