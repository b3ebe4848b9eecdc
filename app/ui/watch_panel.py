"""Step II panel: persons of concern, their watchers and how each is involved (見守りネットワーク)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.hazards.exposure import ExposureView
from app.models.watch import WatcherRole, WatchFrequency
from app.ui.list_models import Column
from app.ui.person_list import (
    PersonList,
    filter_field,
    hazard_column,
    heading,
    mark_column,
    name_column,
    number_column,
    order_combo,
)
from app.watch.network import COMMON_INVOLVEMENTS
from app.watch.views import (
    ConcernView,
    LinkFields,
    WatcherFields,
    WatcherView,
    WatchLinkView,
)

ROLE_ID = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate
HAZARD = 4  # the persons list's column of each household's exposure (after mark, No., name, watchers)


def role_labels() -> dict[str, str]:
    return {
        WatcherRole.DISTRICT_HEAD.value: translate("roles", "District head (区長)"),
        WatcherRole.WELFARE_COMMISSIONER.value: translate("roles", "Welfare commissioner (民生児童委員)"),
        WatcherRole.WELFARE_PROMOTER.value: translate("roles", "Welfare promoter (福祉推進員)"),
        WatcherRole.ELDERLY_HOME_COUNSELLOR.value: translate("roles", "Elderly home counsellor (老人家庭相談員)"),
        WatcherRole.NEIGHBOUR.value: translate("roles", "Neighbour"),
        WatcherRole.RELATIVE.value: translate("roles", "Relative"),
        WatcherRole.OTHER.value: translate("roles", "Other"),
    }


def frequency_labels() -> dict[str | None, str]:
    return {
        None: translate("frequency", "—"),
        WatchFrequency.DAILY.value: translate("frequency", "Daily"),
        WatchFrequency.WEEKLY.value: translate("frequency", "Weekly"),
        WatchFrequency.TWICE_A_MONTH.value: translate("frequency", "Twice a month"),
        WatchFrequency.MONTHLY.value: translate("frequency", "Monthly"),
        WatchFrequency.WHEN_NEEDED.value: translate("frequency", "When needed"),
    }


class LinkDialog(QDialog):
    """Who watches (an existing watcher or a new one) and how: involvement, how often, since when."""

    def __init__(self, watchers: list[WatcherView], households: list[tuple[uuid.UUID, str]], *,
                 link: WatchLinkView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watcher") if link is None else self.tr("How they are involved"))
        self.existing = QComboBox()
        self.existing.addItem(self.tr("New watcher…"), None)
        for w in watchers:
            self.existing.addItem(f"{w.name}（{role_labels()[w.role.value]}）", w.id)
        self.name = QLineEdit()
        self.kana = QLineEdit()
        self.phone = QLineEdit()
        self.role = QComboBox()
        for value, label in role_labels().items():
            self.role.addItem(label, value)
        self.role.setCurrentIndex(self.role.findData(WatcherRole.NEIGHBOUR.value))
        self.household = QComboBox()
        self.household.addItem(self.tr("Not on this map"), None)
        for household_id, label in households:  # households.household_choices: 「No.12 山田家」
            self.household.addItem(label, household_id)
        self.involvement = QComboBox()
        self.involvement.setEditable(True)
        self.involvement.addItems(list(COMMON_INVOLVEMENTS))
        self.involvement.setCurrentText("")
        self.frequency = QComboBox()
        for value, label in frequency_labels().items():
            self.frequency.addItem(label, value)
        self.since_known = QCheckBox(self.tr("Known"))
        self.since = QDateEdit(QDate.currentDate())
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setCalendarPopup(True)
        self.since.setEnabled(False)
        self.since_known.toggled.connect(self.since.setEnabled)
        self.note = QLineEdit()
        self.watcher_form = QWidget()
        wf = QFormLayout(self.watcher_form)
        wf.setContentsMargins(0, 0, 0, 0)
        wf.addRow(self.tr("Name"), self.name)
        wf.addRow(self.tr("Reading (kana)"), self.kana)
        wf.addRow(self.tr("Phone"), self.phone)
        wf.addRow(self.tr("Role"), self.role)
        wf.addRow(self.tr("Lives in"), self.household)
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_known)
        since_row.addWidget(self.since, 1)
        form = QFormLayout()
        if link is None:
            form.addRow(self.tr("Watcher"), self.existing)
            form.addRow(self.watcher_form)
        else:
            form.addRow(self.tr("Watcher"), QLabel(link.watcher.name))
            self.involvement.setCurrentText(link.involvement)
            self.frequency.setCurrentIndex(max(0, self.frequency.findData(
                link.frequency.value if link.frequency else None)))
            if link.since:
                self.since_known.setChecked(True)
                self.since.setDate(QDate(link.since.year, link.since.month, link.since.day))
            self.note.setText(link.note)
        form.addRow(self.tr("Involvement (関わり方)"), self.involvement)
        form.addRow(self.tr("How often"), self.frequency)
        form.addRow(self.tr("Since"), since_row)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.existing.currentIndexChanged.connect(lambda _i: self.watcher_form.setVisible(self.existing_id() is None))

    def existing_id(self) -> uuid.UUID | None:
        return self.existing.currentData()

    def watcher_fields(self) -> WatcherFields:
        return WatcherFields(name=self.name.text(), kana=self.kana.text(), phone=self.phone.text(),
                             role=self.role.currentData(), household_id=self.household.currentData())

    def link_fields(self) -> LinkFields:
        d = self.since.date()
        return LinkFields(
            involvement=self.involvement.currentText(),
            frequency=self.frequency.currentData(),
            since=date(d.year(), d.month(), d.day()) if self.since_known.isChecked() else None,
            note=self.note.text(),
        )


class WatchPanel(QWidget):
    """Lists persons of concern (the ones nobody watches yet marked "!"), and the chosen one's watchers."""

    person_chosen = Signal(object)  # person UUID or None
    add_link = Signal()
    edit_link = Signal(object)  # link UUID
    remove_link = Signal(object)  # link UUID
    export_form = Signal()
    import_form = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.concerns: list[ConcernView] = []
        self._exposures: dict[uuid.UUID, ExposureView] = {}  # by household id, read with the list
        title = heading(self.tr("Step II · Who watches over whom"))
        self.gap_label = QLabel()
        self.gap_label.setWordWrap(True)
        self.only_gaps = QCheckBox(self.tr("Only those nobody watches over yet"))
        self.order = order_combo()
        self.persons = PersonList([
            mark_column(lambda c: "" if c.has_watcher else "!",
                        lambda c: "" if c.has_watcher else self.tr("Nobody watches over them yet")),
            number_column(), name_column(),
            Column(lambda: self.tr("Watchers"), lambda c: (self.tr("1 watcher") if len(c.links) == 1 else
                                                           self.tr("{n} watchers").format(n=len(c.links)))
                   if c.has_watcher else self.tr("no watcher")),
            hazard_column(lambda c: self._exposures.get(c.household_id)),
        ], bold=lambda c: not c.has_watcher)
        self.persons.setAccessibleName(self.tr("Persons of concern"))
        self.order.addItem(self.tr("Highest hazard first"), "hazard")
        # A click on a header sorts by that column too (the hazard column: highest first); as they came until then.
        self.persons.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.persons.setSortingEnabled(True)
        self.filter = filter_field(self.persons, self._filtered)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.links = QTableWidget(0, 4)
        self.links.setHorizontalHeaderLabels([self.tr("Watcher"), self.tr("Role"), self.tr("Involvement"),
                                              self.tr("How often")])
        self.links.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.links.horizontalHeader().setStretchLastSection(True)
        self.links.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.links.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.links.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Add watcher…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        self.export_button = QPushButton(self.tr("Export record form (Excel)…"))
        self.import_button = QPushButton(self.tr("Import record form…"))
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.export_button)
        form_buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.gap_label)
        layout.addWidget(self.only_gaps)
        layout.addWidget(self.order)
        layout.addWidget(self.filter)
        layout.addWidget(self.persons, 2)
        layout.addWidget(self.detail)
        layout.addWidget(self.links, 2)
        layout.addLayout(buttons)
        layout.addLayout(form_buttons)
        self.persons.chosen.connect(self.person_chosen)
        self.only_gaps.toggled.connect(lambda on: self._filtered(self.persons.set_filter(
            (lambda c: not c.has_watcher) if on else None)))
        self.order.currentIndexChanged.connect(lambda _i: self._set_order(self.order.currentData()))
        self.add_button.clicked.connect(self.add_link)
        self.edit_button.clicked.connect(lambda: self._emit_link(self.edit_link))
        self.remove_button.clicked.connect(lambda: self._emit_link(self.remove_link))
        self.links.itemDoubleClicked.connect(lambda _item: self._emit_link(self.edit_link))
        self.export_button.clicked.connect(self.export_form)
        self.import_button.clicked.connect(self.import_form)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.add_button, self.edit_button, self.remove_button, self.links):
            w.setEnabled(on)

    def _emit_link(self, signal: Signal) -> None:
        row = self.links.currentRow()
        if row >= 0:
            signal.emit(self.links.item(row, 0).data(ROLE_ID))

    def current_person(self) -> uuid.UUID | None:
        return self.persons.current_id()

    def concern(self, person_id: uuid.UUID | None) -> ConcernView | None:
        return self.persons.view_of(person_id)

    def visible_rows(self) -> list[list[str]]:
        """The persons listed, as shown (mark, No., name, watchers, hazard), after the filters."""
        return self.persons.visible_rows()

    def _filtered(self, kept: bool) -> None:
        if not kept:  # the chosen person is filtered out of the list: nobody is chosen
            self.show_person(None)

    def _set_order(self, how: str) -> None:
        if how == "hazard":
            self.persons.sort_by(HAZARD)
        else:
            self.persons.set_order(how)
        header = self.persons.horizontalHeader()
        header.blockSignals(True)  # only show the order: the list is sorted already
        header.setSortIndicator(self.persons.source.sort_column(), Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def exposure(self, household_id: uuid.UUID) -> ExposureView | None:
        return self._exposures.get(household_id)

    def show_concerns(self, concerns: list[ConcernView], keep: uuid.UUID | None = None,
                      exposures: list[ExposureView] | None = None) -> None:
        """The persons of concern; with ``exposures`` (read with them), each household's hazards too."""
        if exposures is not None:
            fresh = {e.household_id: e for e in exposures}
            if fresh != self._exposures:
                self._exposures = fresh
                # The list keeps each row's cell texts and sort keys while its view is unchanged; the same
                # persons with new hazards are shown and sorted afresh.
                self.persons.fill([], None)
        self.concerns = concerns
        self._say_gaps()
        kept = self.persons.fill(concerns, keep)
        self.show_person(self.concern(keep) if kept else None)

    def update_concerns(self, changed: list[ConcernView]) -> None:
        """These persons read again (a watcher added to them, edited or ended); the rest of the list stays."""
        self.concerns, current = self.persons.update_rows(self.concerns, changed)
        self._say_gaps()
        if current is not None:
            self.show_person(current)

    def _say_gaps(self) -> None:
        concerns = self.concerns
        gaps = [c for c in concerns if not c.has_watcher]
        self.gap_label.setText((self.tr("1 person of concern; {gaps} with nobody watching over them yet (!)")
                                if len(concerns) == 1 else
                                self.tr("{total} persons of concern; {gaps} with nobody watching over them yet (!)"))
                               .format(total=len(concerns), gaps=len(gaps)))

    def choose(self, person_id: uuid.UUID) -> bool:
        return self.persons.choose(person_id)

    def show_person(self, c: ConcernView | None) -> None:
        self._set_enabled(c is not None)
        self.links.setRowCount(0)
        if c is None:
            self.detail.setText(self.tr("Choose a person of concern from the list or on the map."))
            return
        lines = [f"No.{c.map_number}  {c.person.name}（{c.person.kana}）" if c.person.kana
                 else f"No.{c.map_number}  {c.person.name}", c.address]
        if c.person.phone:
            lines.append(self.tr("Phone: {phone}").format(phone=c.person.phone))
        if c.person.concerns:
            lines.append(self.tr("Concerns: {text}").format(text=c.person.concerns))
        exposure = self._exposures.get(c.household_id)
        if exposure is not None:
            lines.append(self.tr("Hazard: {text}").format(text=exposure.summary))
        self.detail.setText("\n".join(lines))
        roles, freqs = role_labels(), frequency_labels()
        self.links.setRowCount(len(c.links))
        for row, link in enumerate(c.links):
            cells = [link.watcher.name, roles[link.watcher.role.value], link.involvement,
                     freqs[link.frequency.value if link.frequency else None]]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, link.id)
                self.links.setItem(row, col, item)
