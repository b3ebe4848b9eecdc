"""Side panels of Step I: search, category filter, and the household editor."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.japanese import age, format_date, suggest_kana
from app.core.views import (
    CategoryView,
    HouseholdFields,
    HouseholdView,
    PersonFields,
    PersonView,
    SearchHit,
)
from app.ui.dates import typed_date

ROLE_ID = Qt.ItemDataRole.UserRole  # the record's UUID on list and table items


class SearchBox(QWidget):
    """A search field and its hits; choosing a hit selects that household on the map."""

    text_changed = Signal(str)
    chosen = Signal(object)  # household UUID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search name, reading or address"))
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(self.tr("Full/half width and hiragana/katakana are ignored"))
        self.hits = QListWidget()
        self.hits.setVisible(False)
        self.hits.setMaximumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.hits)
        self.field.textChanged.connect(self.text_changed)
        self.hits.itemActivated.connect(lambda item: self.chosen.emit(item.data(ROLE_ID)))
        self.hits.itemClicked.connect(lambda item: self.chosen.emit(item.data(ROLE_ID)))

    def show_hits(self, hits: list[SearchHit]) -> None:
        self.hits.clear()
        for hit in hits:
            text = f"No.{hit.map_number}  {hit.label}"
            if hit.matched and hit.matched != hit.label:
                text += f"（{hit.matched}）"
            if hit.address:
                text += f"  {hit.address}"
            item = QListWidgetItem(text)
            item.setData(ROLE_ID, hit.household_id)
            self.hits.addItem(item)
        if not hits and self.field.text().strip():
            self.hits.addItem(QListWidgetItem(self.tr("No household found")))
        self.hits.setVisible(bool(self.field.text().strip()))


class FilterBox(QGroupBox):
    """Which kinds of household the map shows. Emits None when everything is shown."""

    changed = Signal(object)  # list[str] | None
    OTHER = "none"
    PLACE = "place"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Show on the map"), parent)
        self._boxes: dict[str, QCheckBox] = {}
        self._layout = QVBoxLayout(self)

    def set_categories(self, categories: list[CategoryView]) -> None:
        for box in self._boxes.values():
            box.deleteLater()
        self._boxes.clear()
        entries = [(c.code, f"{c.letter}  {c.label}") for c in categories]
        entries += [(self.OTHER, self.tr("Other households")), (self.PLACE, self.tr("Gathering places"))]
        for code, label in entries:
            box = QCheckBox(label)
            box.setChecked(True)
            box.toggled.connect(self._emit)
            self._boxes[code] = box
            self._layout.addWidget(box)

    def set_checked(self, code: str, on: bool) -> None:
        self._boxes[code].setChecked(on)

    def selected(self) -> list[str] | None:
        codes = [code for code, box in self._boxes.items() if box.isChecked()]
        return None if len(codes) == len(self._boxes) else codes

    def _emit(self) -> None:
        self.changed.emit(self.selected())


class PersonDialog(QDialog):
    """Add or edit one member of a household."""

    def __init__(self, person: PersonView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Member") if person is None else self.tr("Edit member"))
        self.name = QLineEdit()
        self.kana = QLineEdit()
        self.kana.setPlaceholderText(self.tr("Suggested from the name; please check"))
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("e.g. 昭和15年3月2日, S15.3.2 or 1940-03-02"))
        self.birth_feedback = QLabel()
        self.phone = QLineEdit()
        self.of_concern = QCheckBox(self.tr("Person of concern"))
        self.concerns = QPlainTextEdit()
        self.concerns.setPlaceholderText(self.tr("What the neighbours worry about"))
        birth_row = QVBoxLayout()
        birth_row.addWidget(self.birth)
        birth_row.addWidget(self.birth_feedback)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Reading (kana)"), self.kana)
        form.addRow(self.tr("Birth date"), birth_row)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow("", self.of_concern)
        form.addRow(self.tr("Concerns"), self.concerns)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._suggested = ""
        self.name.textEdited.connect(self._suggest_kana)
        self.birth.textChanged.connect(self._check_birth)
        self.of_concern.toggled.connect(self.concerns.setEnabled)
        self.concerns.setEnabled(False)
        if person is not None:
            self.name.setText(person.name)
            self.kana.setText(person.kana)
            if person.birth_date:
                self.birth.setText(format_date(person.birth_date, wareki=True))
            self.phone.setText(person.phone)
            self.of_concern.setChecked(person.of_concern)
            self.concerns.setPlainText(person.concerns)

    def _suggest_kana(self, name: str) -> None:
        # Offer a reading while the kana field is empty or still holds our last suggestion.
        if self.kana.text() in ("", self._suggested):
            self._suggested = suggest_kana(name)
            self.kana.setText(self._suggested)

    def birth_date(self) -> date | None:
        """The typed birth date (和暦 or 西暦); None when empty. Raises ValueError when it is not a date."""
        return typed_date(self.birth.text())

    def _check_birth(self) -> None:
        try:
            born = self.birth_date()
        except ValueError:
            self.birth_feedback.setText(self.tr("⚠ Not a date this app understands"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if born is None:
            self.birth_feedback.setText("")
        else:
            self.birth_feedback.setText(self.tr("{wareki} ({seireki}), age {age}").format(
                wareki=format_date(born, wareki=True), seireki=born.isoformat(), age=age(born)))

    def fields(self) -> PersonFields:
        return PersonFields(
            name=self.name.text(),
            kana=self.kana.text(),
            birth_date=self.birth_date(),
            phone=self.phone.text(),
            of_concern=self.of_concern.isChecked(),
            concerns=self.concerns.toPlainText() if self.of_concern.isChecked() else "",
        )


class HouseholdPanel(QWidget):
    """Edits the selected household; every change is applied (and undoable) as soon as it is made."""

    fields_edited = Signal(object)  # HouseholdFields
    add_person = Signal()
    edit_person = Signal(object)  # person UUID
    remove_person = Signal(object)  # person UUID
    consent = Signal(object)  # person UUID
    delete_household = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.household: HouseholdView | None = None
        self.wareki = True  # birth dates as 令和/昭和 or as 2025-04-01
        self._loading = False
        self.title = QLabel(self.tr("Click a household on the map, or turn on “Add household” and click the map."))
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 山田家"))
        self.address = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(70)
        self.category_box = QGroupBox(self.tr("Categories"))
        self.category_layout = QVBoxLayout(self.category_box)
        self._category_checks: dict[str, QCheckBox] = {}
        self.members = QTableWidget(0, 4)
        self.members.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Reading"), self.tr("Born"), self.tr("Concern")])
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.verticalHeader().setVisible(False)
        self.add_member = QPushButton(self.tr("Add member…"))
        self.edit_member = QPushButton(self.tr("Edit…"))
        self.remove_member = QPushButton(self.tr("Remove"))
        self.consent_member = QPushButton(self.tr("Consent…"))
        self.consent_member.setToolTip(self.tr("What this member agreed to share (同意)"))
        self.delete_button = QPushButton(self.tr("Delete household…"))
        member_buttons = QHBoxLayout()
        for b in (self.add_member, self.edit_member, self.remove_member, self.consent_member):
            member_buttons.addWidget(b)
        form = QFormLayout()
        form.addRow(self.tr("Household"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Note"), self.note)
        # Hazards at home (issue 16): the zones the house lies in and where to go for each, as plain text.
        self.hazard = QLabel()
        self.hazard.setWordWrap(True)
        self.hazard.setTextFormat(Qt.TextFormat.PlainText)
        self.hazard.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Hazards at home"), self.hazard)
        self.form_widget = QWidget()
        inner = QVBoxLayout(self.form_widget)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(self.category_box)
        inner.addWidget(QLabel(self.tr("Members")))
        inner.addWidget(self.members)
        inner.addLayout(member_buttons)
        inner.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.form_widget, 1)
        self.form_widget.setEnabled(False)

        self.name.editingFinished.connect(self._emit_fields)
        self.address.editingFinished.connect(self._emit_fields)
        self.note.installEventFilter(self)
        self.add_member.clicked.connect(self.add_person)
        self.edit_member.clicked.connect(lambda: self._emit_person(self.edit_person))
        self.remove_member.clicked.connect(lambda: self._emit_person(self.remove_person))
        self.consent_member.clicked.connect(lambda: self._emit_person(self.consent))
        self.members.itemDoubleClicked.connect(lambda _item: self._emit_person(self.edit_person))
        self.delete_button.clicked.connect(self.delete_household)

    def eventFilter(self, watched, event):  # noqa: N802, ANN001 - Qt override
        if watched is self.note and event.type() == event.Type.FocusOut:
            self._emit_fields()
        return super().eventFilter(watched, event)

    def set_categories(self, categories: list[CategoryView]) -> None:
        for box in self._category_checks.values():
            box.deleteLater()
        self._category_checks.clear()
        for c in categories:
            box = QCheckBox(f"{c.letter}  {c.label}")
            box.toggled.connect(self._emit_fields)
            self._category_checks[c.code] = box
            self.category_layout.addWidget(box)

    def category_check(self, code: str) -> QCheckBox:
        """The check box of a category (what a user ticks to mark the household as one)."""
        return self._category_checks[code]

    def current_fields(self) -> HouseholdFields:
        return HouseholdFields(
            name=self.name.text(),
            address=self.address.text(),
            note=self.note.toPlainText(),
            category_codes=tuple(code for code, box in self._category_checks.items() if box.isChecked()),
        )

    def _emit_fields(self) -> None:
        if self._loading or self.household is None:
            return
        fields = self.current_fields()
        if fields != HouseholdFields(self.household.name, self.household.address, self.household.note,
                                     tuple(self.household.category_codes)):
            self.fields_edited.emit(fields)

    def _emit_person(self, signal: Signal) -> None:
        row = self.members.currentRow()
        if row >= 0:
            signal.emit(self.members.item(row, 0).data(ROLE_ID))

    def show_household(self, h: HouseholdView | None) -> None:
        self._loading = True
        try:
            self.household = h
            self.form_widget.setEnabled(h is not None)
            if h is None:
                self.title.setText(self.tr("Click a household on the map, or turn on “Add household” and click the map."))
                for w in (self.name, self.address):
                    w.clear()
                self.note.clear()
                self.hazard.clear()
                self.members.setRowCount(0)
                for box in self._category_checks.values():
                    box.setChecked(False)
                return
            self.title.setText(self.tr("No.{number}  {label}").format(number=h.map_number, label=h.label or "—"))
            if self.name.text() != h.name:
                self.name.setText(h.name)
            if self.address.text() != h.address:
                self.address.setText(h.address)
            if self.note.toPlainText() != h.note:
                self.note.setPlainText(h.note)
            for code, box in self._category_checks.items():
                box.setChecked(code in h.category_codes)
            self.members.setRowCount(len(h.persons))
            for row, p in enumerate(h.persons):
                born = format_date(p.birth_date, wareki=self.wareki)
                if p.birth_date:
                    born += self.tr(" ({age})").format(age=age(p.birth_date))
                cells = [p.name, p.kana, born,
                         self.tr("Yes") + (f": {p.concerns}" if p.concerns else "") if p.of_concern else ""]
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(ROLE_ID, p.id)
                    self.members.setItem(row, col, item)
        finally:
            self._loading = False

    def show_exposure(self, text: str) -> None:
        """The household's hazards at home (read by the window when it is selected, moved or a layer changes)."""
        self.hazard.setText(text)

    def person(self, person_id: uuid.UUID) -> PersonView | None:
        if self.household is None:
            return None
        return next((p for p in self.household.persons if p.id == person_id), None)
