"""Consent (同意) of one person, and the history of changes (audit log) with its export."""

from __future__ import annotations

import uuid
from datetime import date
from functools import cache
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
from app.models.audit import AuditAction
from app.models.sharing import SharingMode
from app.privacy.audit import export_history, list_audit
from app.privacy.consent import ConsentFields, ConsentStatus, ConsentView
from app.privacy.copies import PAPER_TITLES
from app.privacy.masking import Audience
from app.privacy.sharing import MODE_LABELS
from app.ui.dialogs import FIELD_LABELS
from app.ui.export_job import run_export
from app.ui.meeting_panel import field_label
from app.ui.plan_dialog import FIELD_LABELS as PLAN_LABELS
from app.ui.sync_dialogs import value_text as sync_value_text
from app.ui.worker import Job, JobRunner

translate = QCoreApplication.translate


def audience_labels() -> dict[Audience, str]:
    """Who a printed or exported copy is for: the consent rule follows from it."""
    return {
        Audience.WATCHERS: translate("privacy", "Watchers and the welfare commissioner (民生児童委員)"),
        Audience.COMMUNITY: translate("privacy", "Community members (区長, 福祉推進員, residents)"),
        Audience.AGENCIES: translate("privacy", "Agencies (地域包括支援センター, care managers, city office)"),
        Audience.STAFF: translate("privacy", "Council staff only: every name, whatever the consent"),
    }


def consent_labels() -> dict[ConsentStatus, str]:
    """What a person answered, in words (the consent window's choice and the history's)."""
    return {ConsentStatus.UNKNOWN: translate("ConsentDialog", "Not asked yet (treated as no)"),
            ConsentStatus.YES: translate("ConsentDialog", "Agreed"),
            ConsentStatus.NO: translate("ConsentDialog", "Did not agree")}


class ConsentDialog(QDialog):
    """What the person agreed to share, with whom, and when it was recorded."""

    def __init__(self, name: str, consent: ConsentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent: {name}").format(name=name))
        self.status = QComboBox()
        for value, label in consent_labels().items():
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


# ---------------------------------------------------------------- the history's words

def action_labels() -> dict[AuditAction, str]:
    return {
        AuditAction.CREATE: translate("audit", "added"),
        AuditAction.UPDATE: translate("audit", "changed"),
        AuditAction.ARCHIVE: translate("audit", "archived"),
        AuditAction.RESTORE: translate("audit", "restored"),
        AuditAction.DELETE: translate("audit", "removed for good"),
    }


def record_labels() -> dict[str, str]:
    """What a kind of record (the ledger's table) is called; a kind not here is shown by its table's name."""
    return {
        "household": translate("audit", "Household"),
        "person": translate("audit", "Person"),
        "watcher": translate("audit", "Watcher"),
        "watch_link": translate("audit", "Watching over"),
        "emergency_card": translate("audit", "Emergency card"),
        "emergency_contact": translate("audit", "Emergency contact"),
        "agency": translate("audit", "Agency"),
        "district": translate("audit", "District"),
        "town": translate("audit", "Town"),
        "base_map": translate("audit", "Base map"),
        "map_control_point": translate("audit", "Control point of the base map"),
        "reference_feature": translate("audit", "Shelter or facility"),
        "gathering_place": translate("audit", "Gathering place"),
        "household_category": translate("audit", "Household category"),
        "meeting": translate("audit", "Liaison meeting"),
        "meeting_attendee": translate("audit", "Meeting attendee"),
        "person_review": translate("audit", "Review at a meeting"),
        "evacuation_plan": translate("audit", "Evacuation plan"),
        "plan_supporter": translate("audit", "Evacuation supporter"),
        "hazard_layer": translate("audit", "Hazard layer"),
        "hazard_zone": translate("audit", "Hazard zone"),
        "incident": translate("audit", "Disaster (incident)"),
        "safety_event": translate("audit", "Safety check"),
        "self_check": translate("audit", "Self-check"),
        "self_check_answer": translate("audit", "Self-check answer"),
        "printed_copy": translate("audit", "Printed or exported copy"),
        "sharing_mode_change": translate("audit", "Sharing mode"),
    }


def column_label(column: str) -> str:
    """A changed field as the windows call it (the history's own words, then those of the error messages, the
    plan window and the meeting); a field with no label anywhere (a technical one: an image's size or checksum,
    a source file's row) is shown by its column's name."""
    own = {
        "sort_order": translate("audit", "order in the household"),
        "made_at": translate("audit", "made at"),
        "town_name": translate("audit", "town"),
        "town_ids": translate("audit", "towns"),
        "district_id": translate("audit", "district"),
        "incident_id": translate("audit", "disaster"),
        "started_at": translate("audit", "started at"),
        "checked_at": translate("audit", "checked at"),
        "checked_by": translate("audit", "checked by"),
        "method": translate("audit", "how it was checked"),
        "recorded_at": translate("audit", "recorded at"),
        "recorded_on": translate("audit", "recorded on the computer"),
        "shelter_text": translate("audit", "where they are"),
        "shelter_id": translate("audit", "shelter"),
        "plan_id": translate("audit", "evacuation plan"),
        "ordinal": translate("audit", "order"),
        "family_doctor_text": translate("audit", "family doctor (written in)"),
        "since": translate("audit", "watching since"),
        "schedule": translate("audit", "when it meets"),
        "position_approximate": translate("audit", "position is approximate"),
        "label": translate("audit", "name"),
        "original_name": translate("audit", "file name as chosen"),
        "credit": translate("audit", "credit"),
        "made_by": translate("audit", "made by"),
        "number": translate("audit", "number"),
        "consent_map": translate("audit", "consent: on the community's map"),
        "consent_watchers": translate("audit", "consent: to the watchers"),
        "consent_agencies": translate("audit", "consent: to the agencies"),
        "consent_date": translate("audit", "consent: date"),
        "consent_recorded_by": translate("audit", "consent: recorded by"),
        "care_manager_name": translate("audit", "care manager"),
        "care_office_id": translate("audit", "care office"),
        "family_doctor_id": translate("audit", "family doctor"),
        "support_centre_id": translate("audit", "community support centre"),
        "welfare_commissioner_name": translate("audit", "welfare commissioner"),
        "made_on": translate("audit", "made on"),
        "reviewed_on": translate("audit", "reviewed on"),
        "file_name": translate("audit", "file name"),
        "attribution": translate("audit", "attribution"),
        "household_id": translate("audit", "household"),
        "person_id": translate("audit", "person"),
        "watcher_id": translate("audit", "watcher"),
        "town_id": translate("audit", "town"),
        "categories": translate("audit", "categories"),
        "relationship": translate("audit", "relationship"),
        "priority": translate("audit", "order"),
        "paper": translate("audit", "paper"),
        "title": translate("audit", "title"),
        "audience": translate("audit", "for whom"),
        "serial": translate("audit", "serial number"),
    }
    if column in own:
        return own[column]
    if column in FIELD_LABELS:
        return translate("fields", FIELD_LABELS[column])
    if column in PLAN_LABELS:
        return translate("PlanDialog", PLAN_LABELS[column])
    return field_label(column)


def value_text(value: str | None, column: str | None) -> str:
    """A recorded value as the table shows it: a yes or no in words, a time in local time, an archive mark as
    "in use" or when it was ended; whom a copy was for, which paper and in which sharing mode, in the words the
    papers print; anything else as it was recorded."""
    if value is None or value == "":
        return ""
    if value in ("true", "false"):  # recorded as text: said as the sync window says a yes or no
        return sync_value_text(value == "true", column)
    if column == "audience" and value in {a.value for a in Audience}:
        return audience_labels()[Audience(value)]
    if column == "consent" and value in {c.value for c in ConsentStatus}:
        return consent_labels()[ConsentStatus(value)]
    if column == "paper" and value in PAPER_TITLES:  # a paper's code: its title, as printed
        return PAPER_TITLES[value]
    if column == "mode" and value in {m.value for m in SharingMode}:
        return MODE_LABELS[SharingMode(value)]
    return sync_value_text(value, column)


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
        actions, records = action_labels(), record_labels()
        fields = cache(column_label)  # a few dozen fields over thousands of rows: each label made once
        for r, row in enumerate(self.rows):
            cells = [row.at.astimezone().strftime("%Y-%m-%d %H:%M"), f"{row.operator_name} {row.operator_role}".strip(),
                     actions.get(row.action, row.action.value), records.get(row.entity, row.entity), row.label,
                     fields(row.field) if row.field else "", value_text(row.old_value, row.field),
                     value_text(row.new_value, row.field)]
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
