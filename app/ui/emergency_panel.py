"""Step III panel: emergency contact cards (緊急連絡カード), who still lacks one, and the town's sheet."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
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

from app.core.japanese import format_date
from app.emergency.views import (
    MISSING_TEXT,
    SHELTER_REACH_M,
    AgencyView,
    CardFields,
    CardView,
    ContactFields,
    ShelterStatus,
)
from app.ui.dates import JapaneseDateEdit
from app.ui.dialogs import combo_index, table_field
from app.ui.list_models import Column
from app.ui.person_list import PersonList, filter_field, heading, name_column, number_column, order_combo

ROLE_ID = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate
CARE_LEVELS = ("", "要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5",
               "身体障害者手帳", "療育手帳", "精神障害者保健福祉手帳")
KEPT_AT = ("", "冷蔵庫の扉", "電話の横", "玄関の内側", "仏壇の引き出し")


def missing_text(code) -> str:  # noqa: ANN001 - a Missing value
    return translate("emergency", MISSING_TEXT[code])


class CardDialog(QDialog):
    """Edit one person's emergency contact card; an incomplete card can be saved and finished later."""

    def __init__(self, card: CardView, agencies: list[AgencyView], parent: QWidget | None = None, *,
                 wareki: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Emergency contact card: {name}").format(name=card.person.name))
        self.resize(640, 720)
        self._contact_rows: list[int] = []  # the table's row (1-based) of each contact last read: errors name it
        self.contacts = QTableWidget(max(3, len(card.contacts) + 1), 4)
        self.contacts.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Relationship"), self.tr("Phone"),
                                                 self.tr("Address")])
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.verticalHeader().setToolTip(self.tr("Order of priority: the first is called first"))
        for row, c in enumerate(card.contacts):
            for col, text in enumerate((c.name, c.relationship, c.phone, c.address)):
                self.contacts.setItem(row, col, QTableWidgetItem(text))
        add_row = QPushButton(self.tr("Another contact"))
        add_row.clicked.connect(lambda: self.contacts.setRowCount(self.contacts.rowCount() + 1))

        def agency_combo(kinds: set[str], current: AgencyView | None) -> QComboBox:
            combo = QComboBox()
            combo.addItem(self.tr("(none)"), None)
            for a in agencies:
                if a.kind.value in kinds:
                    combo.addItem(f"{a.name}  {a.phone}", a.id)
            if current is not None:
                index = combo_index(combo, current.id)
                if index < 0:  # archived since: the card keeps it until another is chosen, not "(none)" on saving
                    combo.addItem(self.tr("{agency} (no longer in the directory)").format(
                        agency=f"{current.name}  {current.phone}"), current.id)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            return combo

        self.family_doctor = agency_combo({"clinic", "hospital"}, card.family_doctor)
        self.family_doctor_text = QLineEdit(card.family_doctor_text)
        self.family_doctor_text.setPlaceholderText(self.tr("or write the doctor's name and phone"))
        self.care_level = QComboBox()
        self.care_level.setEditable(True)
        self.care_level.addItems(list(CARE_LEVELS))
        self.care_level.setCurrentText(card.care_level)
        self.medical_notes = QPlainTextEdit(card.medical_notes)
        self.medical_notes.setPlaceholderText(self.tr("Medication, allergies, illnesses (printed on the card only)"))
        self.medical_notes.setMaximumHeight(70)
        self.care_manager = QLineEdit(card.care_manager_name)
        self.care_office = agency_combo({"home_care_support_office"}, card.care_office)
        self.support_centre = agency_combo({"community_support_centre"}, card.support_centre)
        self.commissioner = QLineEdit(card.welfare_commissioner_name)
        self.commissioner_phone = QLineEdit(card.welfare_commissioner_phone)
        self.kept_at = QComboBox()
        self.kept_at.setEditable(True)
        self.kept_at.addItems(list(KEPT_AT))
        self.kept_at.setCurrentText(card.kept_at)
        self.note = QLineEdit(card.note)
        today = date.today()
        # 令和8年4月1日 or 2026-04-01, as the View menu says
        self.made_on = JapaneseDateEdit(card.made_on if card.has_card else today, wareki=wareki)
        self.review_on = JapaneseDateEdit(card.review_on if card.has_card
                                          else date(today.year + 1, today.month, min(today.day, 28)), wareki=wareki)
        form = QFormLayout()
        form.addRow(self.tr("Family doctor"), self.family_doctor)
        form.addRow("", self.family_doctor_text)
        form.addRow(self.tr("Care level / disability"), self.care_level)
        form.addRow(self.tr("Medical notes"), self.medical_notes)
        form.addRow(self.tr("Care manager"), self.care_manager)
        form.addRow(self.tr("Home care support office"), self.care_office)
        form.addRow(self.tr("Community general support centre"), self.support_centre)
        form.addRow(self.tr("Welfare commissioner"), self.commissioner)
        form.addRow(self.tr("Commissioner's phone"), self.commissioner_phone)
        form.addRow(self.tr("Where the card is kept"), self.kept_at)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Made on"), self.made_on)
        form.addRow(self.tr("Review on"), self.review_on)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(QLabel(self.tr("Emergency contacts, in order of priority (at least two)")))
        inner_layout.addWidget(self.contacts)
        inner_layout.addWidget(add_row, 0, Qt.AlignmentFlag.AlignLeft)
        inner_layout.addLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_dates_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _accept_if_dates_valid(self) -> None:
        if self.made_on.valid() and self.review_on.valid():
            self.accept()

    def contact_fields(self) -> list[ContactFields]:
        rows = []
        self._contact_rows = []
        for r in range(self.contacts.rowCount()):
            cells = [(self.contacts.item(r, c).text().strip() if self.contacts.item(r, c) else "") for c in range(4)]
            if any(cells):
                rows.append(ContactFields(*cells))
                self._contact_rows.append(r + 1)
        return rows

    def where_label(self, where: str | None) -> str | None:
        """A saving error's ``where`` (a field of app/emergency/cards.py: "review_on", "contacts[2].phone") as
        the label the user sees in this dialog, a contact by its row in the table."""
        if not where:
            return where
        found = table_field(where, "contacts")
        if found is not None:
            index, column = found
            rows = self._contact_rows
            row = rows[index - 1] if 0 < index <= len(rows) else index
            columns = {"name": self.tr("Name"), "relationship": self.tr("Relationship"), "phone": self.tr("Phone"),
                       "address": self.tr("Address")}
            return (self.tr("Emergency contact {number}, {column}").format(number=row, column=columns[column])
                    if column in columns else self.tr("Emergency contact {number}").format(number=row))
        labels = {
            "family_doctor": self.tr("Family doctor"), "care_level": self.tr("Care level / disability"),
            "medical_notes": self.tr("Medical notes"), "care_manager": self.tr("Care manager"),
            "care_office": self.tr("Home care support office"),
            "support_centre": self.tr("Community general support centre"),
            "welfare_commissioner": self.tr("Welfare commissioner"),
            "welfare_commissioner_phone": self.tr("Commissioner's phone"),
            "kept_at": self.tr("Where the card is kept"), "note": self.tr("Note"), "made_on": self.tr("Made on"),
            "review_on": self.tr("Review on"),
        }
        return labels.get(where, where)

    def card_fields(self) -> CardFields:
        return CardFields(
            family_doctor_id=self.family_doctor.currentData(),
            family_doctor_text=self.family_doctor_text.text(),
            care_level=self.care_level.currentText(),
            medical_notes=self.medical_notes.toPlainText(),
            care_manager_name=self.care_manager.text(),
            care_office_id=self.care_office.currentData(),
            support_centre_id=self.support_centre.currentData(),
            welfare_commissioner_name=self.commissioner.text(),
            welfare_commissioner_phone=self.commissioner_phone.text(),
            kept_at=self.kept_at.currentText(),
            note=self.note.text(),
            made_on=self.made_on.value(),
            review_on=self.review_on.value(),
        )


def fields_of(card: CardView) -> tuple[CardFields, list[ContactFields]]:
    """What a card holds, as fields to save again (undo puts an edited card back like this)."""
    fields = CardFields(
        family_doctor_id=card.family_doctor.id if card.family_doctor else None,
        family_doctor_text=card.family_doctor_text, care_level=card.care_level, medical_notes=card.medical_notes,
        care_manager_name=card.care_manager_name, care_office_id=card.care_office.id if card.care_office else None,
        support_centre_id=card.support_centre.id if card.support_centre else None,
        welfare_commissioner_name=card.welfare_commissioner_name,
        welfare_commissioner_phone=card.welfare_commissioner_phone, kept_at=card.kept_at, note=card.note,
        made_on=card.made_on, review_on=card.review_on,
    )
    return fields, [ContactFields(c.name, c.relationship, c.phone, c.address) for c in card.contacts]


class EmergencyPanel(QWidget):
    """Who needs a card, who has an incomplete or overdue one; edit cards; export the sheet and cards."""

    person_chosen = Signal(object)  # person UUID or None
    edit_card = Signal(object)  # person UUID
    export_sheet = Signal()
    export_cards = Signal()
    preview_card = Signal(object)  # person UUID

    ALL, NO_CARD, INCOMPLETE, OVERDUE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[CardView] = []
        self._today = date.today()
        self.wareki = True  # dates as 令和/昭和 or as 2025-04-01 (View menu)
        title = heading(self.tr("Step III · Emergency contacts"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_only = QComboBox()
        for label, code in ((self.tr("Everyone who needs support"), self.ALL),
                            (self.tr("No card yet"), self.NO_CARD),
                            (self.tr("Card incomplete"), self.INCOMPLETE),
                            (self.tr("Review date passed"), self.OVERDUE)):
            self.show_only.addItem(label, code)
        self.persons = PersonList([number_column(), name_column(),
                                   Column(lambda: self.tr("Card"), lambda c: self._status(c, self._today))],
                                  bold=lambda c: not c.complete)
        self.persons.setAccessibleName(self.tr("Persons who need support"))
        self.persons.set_filter(self._predicate())
        self.filter = filter_field(self.persons, self._filtered)
        self.order = order_combo()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton(self.tr("Edit card…"))
        self.preview_button = QPushButton(self.tr("Card preview…"))
        self.sheet_button = QPushButton(self.tr("Emergency contact sheet…"))
        self.cards_button = QPushButton(self.tr("All cards…"))
        self.per_page = QComboBox()
        self.per_page.addItem(self.tr("1 card per A4 page"), 1)
        self.per_page.addItem(self.tr("2 cards per A4 page (cut in half)"), 2)
        row1 = QHBoxLayout()
        row1.addWidget(self.edit_button)
        row1.addWidget(self.preview_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.sheet_button)
        row2.addWidget(self.cards_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.show_only)
        layout.addWidget(self.order)
        layout.addWidget(self.filter)
        layout.addWidget(self.persons, 2)
        layout.addWidget(self.detail, 1)
        layout.addLayout(row1)
        layout.addWidget(QLabel(self.tr("Print or save")))
        layout.addLayout(row2)
        layout.addWidget(self.per_page)
        self.persons.chosen.connect(self._chosen)
        self.persons.activated_key.connect(self.edit_card)  # Enter or double-click
        self.show_only.currentIndexChanged.connect(lambda _i: self._filtered(self.persons.set_filter(self._predicate())))
        self.order.currentIndexChanged.connect(lambda _i: self.persons.set_order(self.order.currentData()))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_card))
        self.preview_button.clicked.connect(lambda: self._emit(self.preview_card))
        self.sheet_button.clicked.connect(self.export_sheet)
        self.cards_button.clicked.connect(self.export_cards)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        self.edit_button.setEnabled(on)
        self.preview_button.setEnabled(on)

    def _emit(self, signal: Signal) -> None:
        person = self.current_person()
        if person is not None:
            signal.emit(person)

    def current_person(self) -> uuid.UUID | None:
        return self.persons.current_id()

    def card(self, person_id: uuid.UUID | None) -> CardView | None:
        return self.persons.view_of(person_id)

    def visible_rows(self) -> list[list[str]]:
        """The persons listed, as shown (No., name, the card's state), after the filters."""
        return self.persons.visible_rows()

    def _filtered(self, kept: bool) -> None:
        if not kept:  # the chosen person is filtered out of the list: nobody is chosen
            self._show(None)

    def _status(self, c: CardView, today: date) -> str:
        if not c.has_card:
            return self.tr("✗ no card yet")
        if c.review_overdue(today):
            return self.tr("! review date passed")
        if c.missing:
            return self.tr("△ incomplete")
        return self.tr("✓ card complete")

    def _predicate(self) -> Callable[[CardView], bool] | None:
        """None for everyone: the list then asks nothing per row (each fill of a city's 7,700 cards asked)."""
        return None if self.show_only.currentData() == self.ALL else self._wanted

    def _wanted(self, c: CardView) -> bool:
        mode = self.show_only.currentData()
        return (mode == self.ALL or (mode == self.NO_CARD and not c.has_card)
                or (mode == self.INCOMPLETE and c.has_card and bool(c.missing))
                or (mode == self.OVERDUE and c.review_overdue(self._today)))

    def show_cards(self, cards: list[CardView], keep: uuid.UUID | None = None) -> None:
        self._today = date.today()
        self.cards = cards
        self._summarise()
        kept = self.persons.fill(cards, keep)
        self._show(self.card(keep) if kept else None)

    def update_cards(self, changed: list[CardView]) -> None:
        """These persons' cards read again (a watcher of theirs added, edited or ended); the rest stay."""
        self.cards, current = self.persons.update_rows(self.cards, changed)
        self._summarise()
        if current is not None:
            self._show(current)

    def _summarise(self) -> None:
        cards, today = self.cards, self._today
        carded = [c for c in cards if c.has_card]
        self.summary.setText(self.tr(
            "{total} persons need support: {none} without a card, {incomplete} incomplete, {overdue} past review"
        ).format(total=len(cards), none=len(cards) - len(carded), incomplete=sum(1 for c in carded if c.missing),
                 overdue=sum(1 for c in carded if c.review_overdue(today))))

    def choose(self, person_id: uuid.UUID) -> bool:
        return self.persons.choose(person_id)

    def _chosen(self, person_id: uuid.UUID | None) -> None:
        self._show(self.card(person_id))
        self.person_chosen.emit(person_id)

    def set_wareki(self, on: bool) -> None:
        """Dates as 令和/昭和 or as 2025-04-01: the person shown is shown again."""
        self.wareki = on
        self._show(self.card(self.current_person()))

    def _show(self, c: CardView | None) -> None:
        self._set_enabled(c is not None)
        if c is None:
            self.detail.setText(self.tr("Choose a person from the list or on the map."))
            return
        lines = [f"No.{c.map_number}  {c.person.name}", c.address]
        if c.has_card:
            lines.append(self.tr("Contacts: {names}").format(names="、".join(x.name for x in c.contacts) or "—"))
            lines.append(self.tr("Review on: {day}").format(day=format_date(c.review_on, wareki=self.wareki) or "—"))
        if c.shelter.status is ShelterStatus.FOUND:
            lines.append(self.tr("Nearest designated shelter: {label}").format(label=c.shelter.label))
        elif c.shelter.status is ShelterStatus.NONE_NEAR:
            lines.append(self.tr("Nearest designated shelter: none within {km} km (check the shelter list is "
                                 "this city's); fill it in by hand").format(km=SHELTER_REACH_M // 1000))
        elif c.shelter.status is ShelterStatus.NO_SHELTERS:
            lines.append(self.tr("Nearest designated shelter: unknown (no list of designated shelters is "
                                 "imported: File → Import shelters or facilities…)"))
        else:
            lines.append(self.tr("Nearest designated shelter: unknown (the household is not on a geographic map)"))
        if c.missing:
            lines.append(self.tr("Still missing:"))
            lines += [f"  • {missing_text(m)}" for m in c.missing]
        self.detail.setText("\n".join(lines))
