"""The plan window: fill in one person's individual evacuation plan (個別避難計画), non-modal, large labels.

What the ledger already knows (the person, hazards at home, the nearest valid shelter, contacts and doctor
from the card) is shown, not typed again; supporters are drawn from the person's watchers, and each check's
warning is shown with its reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import QT_TRANSLATE_NOOP
from app.models.plans import PlanStart
from app.plans.views import CONSENT_VALUES, PlanFields, PlanView, SupporterFields
from app.ui.comfort import set_role
from app.ui.dates import JapaneseDateEdit
from app.ui.dialogs import AsksBeforeClosing, combo_index, table_field

translate = QCoreApplication.translate
ROLE_SOURCE = Qt.ItemDataRole.UserRole  # a supporter row's (watcher_id, person_id)
TRANSPORTS = ("", "徒歩", "徒歩（付き添い）", "車いす", "支援者の自家用車", "福祉タクシー", "救急・消防")


# The plan's fields as app/plans/plans.py names them in its errors, and their labels in this window.
FIELD_LABELS = {
    "shelter": QT_TRANSLATE_NOOP("PlanDialog", "Shelter"), "route_note": QT_TRANSLATE_NOOP("PlanDialog", "Route"),
    "transport": QT_TRANSLATE_NOOP("PlanDialog", "Means of transport"),
    "start_when": QT_TRANSLATE_NOOP("PlanDialog", "When to start"),
    "start_note": QT_TRANSLATE_NOOP("PlanDialog", "When to start"),
    "mobility": QT_TRANSLATE_NOOP("PlanDialog", "Mobility"),
    "medical_devices": QT_TRANSLATE_NOOP("PlanDialog", "Medical devices"),
    "medication": QT_TRANSLATE_NOOP("PlanDialog", "Medication"),
    "communication": QT_TRANSLATE_NOOP("PlanDialog", "Communication"),
    "consent": QT_TRANSLATE_NOOP("PlanDialog", "Consent to sharing"),
    "consent_date": QT_TRANSLATE_NOOP("PlanDialog", "Consent date"),
    "made_on": QT_TRANSLATE_NOOP("PlanDialog", "Made on"), "reviewed_on": QT_TRANSLATE_NOOP("PlanDialog", "Reviewed on"),
    "note": QT_TRANSLATE_NOOP("PlanDialog", "Note"),
    "supporters": QT_TRANSLATE_NOOP("PlanDialog", "Evacuation supporters (two or more)"),
}
SUPPORTER_COLUMNS = {"name": QT_TRANSLATE_NOOP("PlanDialog", "Name"),
                     "relation": QT_TRANSLATE_NOOP("PlanDialog", "Relation"),
                     "phone": QT_TRANSLATE_NOOP("PlanDialog", "Phone"),
                     "consent": QT_TRANSLATE_NOOP("PlanDialog", "Consent to sharing")}


def _flag_text(flag) -> str:  # noqa: ANN001 - a Flag
    return flag.text(translate("plans", flag.en))


class PlanDialog(AsksBeforeClosing, QDialog):
    """Edit one plan; Save emits ``saved`` (the controller runs it as one undoable operation)."""

    saved = Signal(object, object, object)  # person id, PlanFields, list[SupporterFields]
    print_pdf = Signal(object)  # person id: this plan alone on paper, for the person and their supporters

    def __init__(self, plan: PlanView, candidates: list[SupporterFields], parent: QWidget | None = None, *,
                 wareki: bool = True) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setModal(False)
        self.setWindowTitle(self.tr("Evacuation plan: {name}").format(name=plan.person.name))
        self.resize(720, 820)
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.setFont(big)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)  # names, addresses and river names are text, never markup
        self.shelter = QComboBox()
        self.shelter.setEditable(True)
        self.route = QPlainTextEdit()
        self.route.setMaximumHeight(60)
        self.transport = QComboBox()
        self.transport.setEditable(True)
        self.transport.addItems(list(TRANSPORTS))
        self.start = QComboBox()
        for label, value in ((self.tr("At 高齢者等避難 (level 3)"), PlanStart.ELDERLY_EVACUATION),
                             (self.tr("At 避難指示 (level 4)"), PlanStart.EVACUATION_ORDER),
                             (self.tr("Other (write when)"), PlanStart.OTHER)):
            self.start.addItem(label, value)
        self.start_note = QLineEdit()
        self.mobility = QLineEdit()
        self.medical_devices = QLineEdit()
        self.medication = QLineEdit()
        # A new plan's 服薬 is copied from the emergency card's medical notes: say so, where it is shown
        self.medication_source = QLabel(self.tr("Copied from the emergency card's medical notes. Check it with the "
                                                "person: once saved, it is printed on the plan."))
        self.medication_source.setWordWrap(True)
        set_role(self.medication_source, "muted")
        self.communication = QLineEdit()
        self.consent = self._consent_combo("unknown")
        self.consent_date = JapaneseDateEdit(wareki=wareki)  # 令和8年4月1日 or 2026-04-01, as the View menu says
        self.made_on = JapaneseDateEdit(wareki=wareki)
        self.reviewed_on = JapaneseDateEdit(wareki=wareki)
        self.note = QLineEdit()
        self.supporters = QTableWidget(0, 4)
        self.supporters.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Relation"), self.tr("Phone"),
                                                   self.tr("Consent to sharing")])
        self.supporters.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.watchers = QComboBox()
        self.set_candidates(candidates)
        self.watchers.activated.connect(self._add_watcher)
        another = QPushButton(self.tr("Another supporter"))
        another.clicked.connect(lambda: self.add_supporter(SupporterFields()))
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.warnings, "problem")
        self.card = QLabel()
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.PlainText)  # contacts' and the family doctor's names as typed
        self._saving = False
        self._supporter_rows: list[int] = []  # the table's row (1, 2 …) of each supporter submitted
        self._fill(plan)
        form = QFormLayout()
        form.addRow(self.tr("Shelter"), self.shelter)
        form.addRow(self.tr("Route"), self.route)
        form.addRow(self.tr("Means of transport"), self.transport)
        form.addRow(self.tr("When to start"), self.start)
        form.addRow("", self.start_note)
        form.addRow(self.tr("Mobility"), self.mobility)
        form.addRow(self.tr("Medical devices"), self.medical_devices)
        form.addRow(self.tr("Medication"), self.medication)
        form.addRow("", self.medication_source)
        form.addRow(self.tr("Communication"), self.communication)
        form.addRow(self.tr("Consent to sharing"), self.consent)
        form.addRow(self.tr("Consent date"), self.consent_date)
        form.addRow(self.tr("Made on"), self.made_on)
        form.addRow(self.tr("Reviewed on"), self.reviewed_on)
        form.addRow(self.tr("Note"), self.note)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.about)
        inner_layout.addLayout(form)
        inner_layout.addWidget(QLabel(self.tr("Evacuation supporters (two or more)")))
        inner_layout.addWidget(self.supporters)
        inner_layout.addWidget(self.watchers)
        inner_layout.addWidget(another, 0, Qt.AlignmentFlag.AlignLeft)
        inner_layout.addWidget(self.warnings)
        inner_layout.addWidget(self.card)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.problem = QLabel()  # why Save did not save: the field to put right
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.problem, "problem", bold=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        # This plan alone, as saved: the whole town's plans are not for one person's supporters.
        self.pdf_button = self.buttons.addButton(self.tr("This plan as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.clicked.connect(lambda: self.print_pdf.emit(self.plan.person.id))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _consent_combo(self, value: str) -> QComboBox:
        combo = QComboBox()
        for code, label in zip(CONSENT_VALUES, (self.tr("Yes"), self.tr("No"), self.tr("Not asked yet")),
                               strict=True):
            combo.addItem(label, code)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo

    def _add_watcher(self, index: int) -> None:
        chosen = self.watchers.itemData(index)
        if chosen is not None:
            self.add_supporter(chosen)
        self.watchers.setCurrentIndex(0)

    def add_supporter(self, s: SupporterFields) -> None:
        row = self.supporters.rowCount()
        self.supporters.setRowCount(row + 1)
        for col, text in enumerate((s.name, s.relation, s.phone)):
            item = QTableWidgetItem(text)
            if col == 0:
                item.setData(ROLE_SOURCE, (s.watcher_id, s.person_id))
            self.supporters.setItem(row, col, item)
        # The supporter's consent is chosen, never typed: 同意あり / 同意なし / まだ聞いていない.
        self.supporters.setCellWidget(row, 3, self._consent_combo(s.consent))

    def supporter_fields(self) -> list[SupporterFields]:
        rows = []
        self._supporter_rows = []
        for r in range(self.supporters.rowCount()):
            cells = [(self.supporters.item(r, c).text().strip() if self.supporters.item(r, c) else "") for c in range(3)]
            source = self.supporters.item(r, 0).data(ROLE_SOURCE) if self.supporters.item(r, 0) else None
            watcher_id, person_id = source or (None, None)
            combo = self.supporters.cellWidget(r, 3)
            consent = combo.currentData() if isinstance(combo, QComboBox) else "unknown"
            if any(cells) or watcher_id or person_id:
                rows.append(SupporterFields(cells[0], cells[1], cells[2], consent, watcher_id, person_id))
                self._supporter_rows.append(r + 1)
        return rows

    def where_label(self, where: str | None) -> str | None:
        """A saving error's ``where`` (a field of app/plans/plans.py: "start_note", "supporters[2].name") as the
        label the user sees in this window, the supporter by its row number in the table."""
        if not where:
            return where
        found = table_field(where, "supporters")
        if found is not None:
            index, column = found
            row = self._supporter_rows[index - 1] if 0 < index <= len(self._supporter_rows) else index
            label = SUPPORTER_COLUMNS.get(column)
            return (translate("PlanDialog", "Supporter {number}, {column}").format(
                number=row, column=translate("PlanDialog", label)) if label else
                translate("PlanDialog", "Supporter {number}").format(number=row))
        label = FIELD_LABELS.get(where)
        return translate("PlanDialog", label) if label else where

    def plan_fields(self) -> PlanFields:
        text = self.shelter.currentText().strip()
        index = self.shelter.findText(text)
        shelter_id = self.shelter.itemData(index) if index >= 0 else None
        return PlanFields(
            shelter_id=shelter_id, shelter_text="" if shelter_id else text, route_note=self.route.toPlainText(),
            transport=self.transport.currentText(), start_when=self.start.currentData(),
            start_note=self.start_note.text(), mobility=self.mobility.text(),
            medical_devices=self.medical_devices.text(), medication=self.medication.text(),
            communication=self.communication.text(), consent=self.consent.currentData(),
            consent_date=self.consent_date.value(), made_on=self.made_on.value(),
            reviewed_on=self.reviewed_on.value(), note=self.note.text())

    def save(self) -> None:
        dates = ((self.tr("Consent date"), self.consent_date), (self.tr("Made on"), self.made_on),
                 (self.tr("Reviewed on"), self.reviewed_on))
        bad = next(((label, day) for label, day in dates if not day.valid()), None)
        if bad is not None:  # nothing is saved: say so, and which field, so the plan is not closed unsaved
            self.problem.setText(self.tr("Not saved: “{field}” is not a date this app understands.").format(
                field=bad[0]))
            self.scroll.ensureWidgetVisible(bad[1])
            bad[1].edit.setFocus()
            return
        self.problem.clear()
        self._saving = True  # the saved plan comes back through show_plan while the signal runs
        try:
            self.saved.emit(self.plan.person.id, self.plan_fields(), self.supporter_fields())
        finally:
            self._saving = False

    def _fill(self, plan: PlanView) -> None:
        """Every field as ``plan`` has it; what is shown is then the dialog's unedited state."""
        self.plan = plan
        f = plan.fields
        self.about.setText(self.tr("No.{number}  {name}  {address}\nHazards at home: {hazards}").format(
            number=plan.map_number, name=plan.person.name, address=plan.address, hazards=plan.hazards.text))
        self.shelter.clear()
        if plan.suggested_shelter.name:
            self.shelter.addItem(plan.suggested_shelter.label, plan.suggested_shelter.feature_id)
        if plan.shelter.name and plan.shelter.feature_id != plan.suggested_shelter.feature_id:
            self.shelter.addItem(plan.shelter.label, plan.shelter.feature_id)
        # by value: with findData() the window showed, and saved, the nearest shelter instead of the one chosen
        self.shelter.setCurrentIndex(max(0, combo_index(self.shelter, f.shelter_id)) if f.shelter_id else -1)
        if not f.shelter_id:
            self.shelter.setEditText(f.shelter_text)
        self.route.setPlainText(f.route_note)
        self.transport.setCurrentText(f.transport)
        self.start.setCurrentIndex(self.start.findData(PlanStart(f.start_when)))
        self.start_note.setText(f.start_note)
        for edit, text in ((self.mobility, f.mobility), (self.medical_devices, f.medical_devices),
                           (self.medication, f.medication), (self.communication, f.communication),
                           (self.note, f.note)):
            edit.setText(text)
        self.medication_source.setVisible(not plan.has_plan and bool(f.medication))
        self.consent.setCurrentIndex(max(0, self.consent.findData(f.consent)))
        for day, value in ((self.consent_date, f.consent_date), (self.made_on, f.made_on),
                           (self.reviewed_on, f.reviewed_on)):
            day.set(value)
        self.supporters.setRowCount(0)
        for s in plan.supporters:
            self.add_supporter(s.fields())
        self.warnings.setText("\n".join("⚠ " + _flag_text(x) for x in plan.all_flags))
        self.card.setText(self.tr("Emergency contacts: {contacts}\nFamily doctor: {doctor}").format(
            contacts="、".join(f"{c.name} {c.phone}" for c in plan.contacts) or "—",
            doctor=" ".join(x for x in (plan.family_doctor, plan.family_doctor_phone) if x) or "—"))
        self._shown = self._typed()

    def _typed(self) -> tuple:
        """What the fields hold, as typed (a date that is not one yet included): to tell unsaved edits."""
        rows = tuple((tuple(self.supporters.item(r, c).text() if self.supporters.item(r, c) else "" for c in range(3)),
                      self.supporters.item(r, 0).data(ROLE_SOURCE) if self.supporters.item(r, 0) else None,
                      w.currentData() if isinstance(w := self.supporters.cellWidget(r, 3), QComboBox) else None)
                     for r in range(self.supporters.rowCount()))
        return (self.shelter.currentText(), self.route.toPlainText(), self.transport.currentText(),
                self.start.currentData(), self.start_note.text(), self.mobility.text(), self.medical_devices.text(),
                self.medication.text(), self.communication.text(), self.consent.currentData(),
                self.consent_date.edit.text(), self.made_on.edit.text(), self.reviewed_on.edit.text(),
                self.note.text(), rows)

    def set_wareki(self, on: bool) -> None:
        """Dates as 令和/昭和 or as 2025-04-01 (View menu): a date is rewritten, what is not one yet is left."""
        unedited = self._typed() == self._shown
        for day in (self.consent_date, self.made_on, self.reviewed_on):
            day.wareki = on
            if day.valid():
                day.set(day.value())
        if unedited:
            self._shown = self._typed()

    def set_candidates(self, candidates: list[SupporterFields]) -> None:
        """The person's watchers offered as supporters (again, after a watcher of theirs was added or ended)."""
        self.watchers.clear()
        self.watchers.addItem(self.tr("(add a watcher of this person)"), None)
        for c in candidates:
            self.watchers.addItem(f"{c.name}  {c.relation}", c)

    def show_plan(self, plan: PlanView) -> None:
        """The plan as it now is, after a save, an undo or a redo, or a change elsewhere (a watcher's): the
        fields show it unless they hold edits not saved yet (those are kept: the checks' warnings are updated)."""
        if self._saving or self._typed() == self._shown:
            self._fill(plan)
            return
        self.plan = plan
        self.warnings.setText("\n".join("⚠ " + _flag_text(x) for x in plan.all_flags))

    # ------------------------------------------------------------------ closing with edits not saved
    # (AsksBeforeClosing): save them, throw them away, or go on editing; a save that is refused (a date, a field:
    # the window says which) keeps the window open with what was typed

    def _unsaved_question(self) -> str:
        return self.tr("This plan has changes that are not saved. Save them before closing?")

    def _keep_before_closing(self) -> bool:
        self.save()
        return not self.has_unsaved_edits()
