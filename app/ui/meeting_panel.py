"""The liaison meeting (福祉連絡会): the meeting record, the review walk-through, due list, changes, overview."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.japanese import format_date
from app.meeting.meetings import MAX_ATTENDEES
from app.meeting.views import (
    AttendeeFields,
    ChangeAction,
    ChangeKind,
    MeetingFields,
    MeetingView,
    QueueItem,
)
from app.models.meeting import AttendeeRole, MeetingKind, ReviewOutcome
from app.ui.dialogs import AsksBeforeClosing
from app.ui.list_models import Column, ViewList, natural_key
from app.ui.person_list import PersonList, filter_field, heading, mark_column, name_column, number_column

translate = QCoreApplication.translate
ENDING = {ReviewOutcome.MOVED_AWAY, ReviewOutcome.ENTERED_FACILITY, ReviewOutcome.DIED}


def outcome_labels() -> dict[ReviewOutcome, str]:
    return {
        ReviewOutcome.UNCHANGED: translate("meeting", "No change"),
        ReviewOutcome.CHANGED: translate("meeting", "Things have changed"),
        ReviewOutcome.IN_HOSPITAL: translate("meeting", "In hospital"),
        ReviewOutcome.MOVED_AWAY: translate("meeting", "Moved away"),
        ReviewOutcome.ENTERED_FACILITY: translate("meeting", "Entered a facility"),
        ReviewOutcome.DIED: translate("meeting", "Passed away"),
    }


def change_labels() -> tuple[dict[ChangeKind, str], dict[ChangeAction, str]]:
    """What changed, and how, as the change report shows it."""
    kinds = {
        ChangeKind.HOUSEHOLD: translate("meeting", "Household"),
        ChangeKind.PERSON: translate("meeting", "Person"),
        ChangeKind.WATCH_LINK: translate("meeting", "Watcher"),
        ChangeKind.EMERGENCY_CARD: translate("meeting", "Emergency card"),
    }
    actions = {
        ChangeAction.ADDED: translate("meeting", "added"),
        ChangeAction.CHANGED: translate("meeting", "changed"),
        ChangeAction.ARCHIVED: translate("meeting", "ended / archived"),
        ChangeAction.RESTORED: translate("meeting", "restored"),
    }
    return kinds, actions


def field_label(column: str) -> str:
    """A changed column as people call it; a column with no label here is shown as it is."""
    labels = {
        "name": translate("meeting", "name"),
        "kana": translate("meeting", "kana"),
        "phone": translate("meeting", "phone"),
        "birth_date": translate("meeting", "birth date"),
        "address": translate("meeting", "address"),
        "note": translate("meeting", "note"),
        "of_concern": translate("meeting", "person of concern"),
        "concerns": translate("meeting", "health and concerns"),
        "map_number": translate("meeting", "map number"),
        "lat": translate("meeting", "position"), "lon": translate("meeting", "position"),
        "map_x": translate("meeting", "position"), "map_y": translate("meeting", "position"),
        "involvement": translate("meeting", "involvement"),
        "frequency": translate("meeting", "frequency"),
        "consent": translate("meeting", "consent"),
        "deleted_at": translate("meeting", "ended / archived"),
    }
    return labels.get(column, column)


def attendee_roles() -> dict[AttendeeRole, str]:
    return {
        AttendeeRole.DISTRICT_HEAD: translate("meeting", "District head (区長)"),
        AttendeeRole.WELFARE_COMMISSIONER: translate("meeting", "Welfare commissioner (民生児童委員)"),
        AttendeeRole.WELFARE_PROMOTER: translate("meeting", "Welfare promoter (福祉推進員)"),
        AttendeeRole.ELDERLY_HOME_COUNSELLOR: translate("meeting", "Elderly home counsellor (老人家庭相談員)"),
        AttendeeRole.GROUP_LEADER: translate("meeting", "Group leader"),
        AttendeeRole.RESIDENT: translate("meeting", "Resident"),
        AttendeeRole.COUNCIL_STAFF: translate("meeting", "社協 staff"),
        AttendeeRole.OTHER: translate("meeting", "Other"),
    }


class MeetingDialog(AsksBeforeClosing, QDialog):
    """Date, kind, attendees by role and notes of one liaison meeting (a new one, or ``meeting`` to correct)."""

    def __init__(self, parent: QWidget | None = None, meeting: MeetingView | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Liaison meeting"))
        today = date.today()  # the ledger's today (it refuses a later day)
        self.held_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.held_on.setMaximumDate(self.held_on.date())  # a meeting is recorded once held: never a later day
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setCalendarPopup(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Town welfare liaison meeting (町内福祉連絡会)"), MeetingKind.TOWN_LIAISON.value)
        self.kind.addItem(self.tr("District welfare network meeting (地区福祉ネットワーク会議)"),
                          MeetingKind.DISTRICT_NETWORK.value)
        self.attendees = QTableWidget(0, 2)
        self.attendees.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.attendees.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for _ in range(6):
            self._add_attendee_row()
        self.notes = QPlainTextEdit()
        if meeting is not None:
            self._fill(meeting)
        # A name in the last row opens another: a meeting of ten or twenty is recorded whole.
        self.attendees.itemChanged.connect(self._grow)
        form = QFormLayout()
        form.addRow(self.tr("Held on"), self.held_on)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Attendees"), self.attendees)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._shown = self._typed()  # what the dialog opened with: anything else was typed here

    def _fill(self, meeting: MeetingView) -> None:
        """The meeting as recorded, to correct: its day, kind, notes and everyone who came (and a row more)."""
        self.held_on.setDate(QDate(meeting.held_on.year, meeting.held_on.month, meeting.held_on.day))
        self.kind.setCurrentIndex(max(0, self.kind.findData(meeting.kind.value)))
        self.notes.setPlainText(meeting.notes)
        while self.attendees.rowCount() < len(meeting.attendees) + 1:
            self._add_attendee_row()
        for row, a in enumerate(meeting.attendees):
            item = QTableWidgetItem(a.name)
            item.setData(Qt.ItemDataRole.UserRole, a.role_note)  # 「老人会長」: kept as long as the role is
            self.attendees.setItem(row, 0, item)
            combo = self.attendees.cellWidget(row, 1)
            combo.setCurrentIndex(max(0, combo.findData(a.role.value)))

    def _add_attendee_row(self) -> None:
        row = self.attendees.rowCount()
        self.attendees.insertRow(row)
        combo = QComboBox()
        for role, label in attendee_roles().items():
            combo.addItem(label, role.value)
        self.attendees.setCellWidget(row, 1, combo)

    def _grow(self, item: QTableWidgetItem) -> None:
        last = self.attendees.rowCount() - 1
        if item.row() == last and item.column() == 0 and item.text().strip() and last + 1 < MAX_ATTENDEES:
            self._add_attendee_row()

    def fields(self) -> MeetingFields:
        d = self.held_on.date()
        people = []
        for row in range(self.attendees.rowCount()):
            item = self.attendees.item(row, 0)
            name = item.text().strip() if item else ""
            if name:
                role = self.attendees.cellWidget(row, 1).currentData()
                note = (item.data(Qt.ItemDataRole.UserRole) or "") if role == AttendeeRole.OTHER.value else ""
                people.append(AttendeeFields(name=name, role=role, role_note=note))
        return MeetingFields(held_on=date(d.year(), d.month(), d.day()), kind=self.kind.currentData(),
                             notes=self.notes.toPlainText(), attendees=tuple(people))

    # ------------------------------------------------------------------ closing with typing not kept

    def _typed(self) -> MeetingFields:
        return self.fields()

    # Cancel, Escape or closing the window with something typed asks first (AsksBeforeClosing): keep it (OK),
    # throw it away, or go on typing.

    def _may_close(self) -> bool:
        return self.result() == QDialog.DialogCode.Accepted or super()._may_close()

    def _unsaved_question(self) -> str:
        return self.tr("What was typed for this meeting is not recorded yet. Record it?")

    def _keep_before_closing(self) -> bool:
        self.accept()
        return False  # accepted: the dialog closes as OK, not as Cancel


class MeetingPanel(QWidget):
    """Walk through every person of concern in map-number order and record how they are."""

    new_meeting = Signal()
    edit_meeting = Signal()  # correct the meeting chosen (its day, attendees, notes)
    delete_meeting = Signal()  # take the meeting chosen off the list (undo brings it back)
    meeting_chosen = Signal(object)  # meeting UUID or None
    person_chosen = Signal(object)  # person UUID or None
    outcome = Signal(object, str)  # ReviewOutcome, note
    show_due = Signal()
    show_changes = Signal()
    show_overview = Signal()
    show_self_check = Signal()
    show_copies = Signal()  # the printed copies not yet returned (app/privacy/copies.py)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue: list[QueueItem] = []
        self.meetings: list[MeetingView] = []
        self.wareki = True  # dates as 令和/昭和 or as 2025-04-01 (View menu)
        title = heading(self.tr("Liaison meeting · review"))
        self.meeting = QComboBox()
        self.meeting.setToolTip(self.tr("The meeting the reviews are recorded for"))
        new = QPushButton(self.tr("New meeting…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Correct the meeting's day, attendees or notes"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Take this meeting off the list (its reviews are kept)"))
        row = QHBoxLayout()
        row.addWidget(self.meeting, 1)
        row.addWidget(new)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        self.progress = QLabel()
        self.progress.setWordWrap(True)  # one line, it set the panel's least width: 814 px in large Japanese text
        self.persons = PersonList([
            mark_column(lambda q: "✓" if q.reviewed_at_meeting else ("!" if q.due else ""),
                        lambda q: self.tr("Reviewed at this meeting") if q.reviewed_at_meeting
                        else (self.tr("Due for review") if q.due else "")),
            number_column(), name_column(),
        ], bold=lambda q: q.due and not q.reviewed_at_meeting)
        self.persons.setAccessibleName(self.tr("Persons to review"))
        self.filter = filter_field(self.persons, lambda kept: kept or self._chosen(None, emit=False))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A short note (optional)"))
        # A note belongs to the person it was typed for: choosing another keeps it aside for when they come back,
        # and never records it as the next person's.
        self._note_for: uuid.UUID | None = None
        self._drafts: dict[uuid.UUID, str] = {}
        grid = QGridLayout()
        self.outcome_buttons: dict[ReviewOutcome, QPushButton] = {}
        for i, (value, label) in enumerate(outcome_labels().items()):
            button = QPushButton(label)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _c=False, v=value: self.outcome.emit(v, self.note.text()))
            self.outcome_buttons[value] = button
            grid.addWidget(button, i // 3, i % 3)
        extra = QGridLayout()  # three a row, as the outcomes: five in one row made the panel 800 px in large text
        for i, (text, signal) in enumerate(((self.tr("Due and overdue…"), self.show_due),
                                            (self.tr("What changed…"), self.show_changes),
                                            (self.tr("Overview…"), self.show_overview),
                                            (self.tr("Self-check…"), self.show_self_check),
                                            (self.tr("Copies out…"), self.show_copies))):
            b = QPushButton(text)
            b.clicked.connect(signal)
            extra.addWidget(b, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.filter)
        layout.addWidget(self.persons, 2)
        layout.addWidget(self.detail)
        layout.addWidget(self.note)
        layout.addLayout(grid)
        layout.addLayout(extra)
        new.clicked.connect(self.new_meeting)
        self.edit_button.clicked.connect(self.edit_meeting)
        self.delete_button.clicked.connect(self.delete_meeting)
        self.meeting.currentIndexChanged.connect(lambda _i: self._meeting_buttons())
        self.meeting.currentIndexChanged.connect(lambda _i: self.meeting_chosen.emit(self.current_meeting()))
        self._meeting_buttons()
        self.persons.chosen.connect(self._chosen)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for b in self.outcome_buttons.values():
            b.setEnabled(on)
        self.note.setEnabled(on)

    def set_wareki(self, on: bool) -> None:
        """Dates as 令和/昭和 or as 2025-04-01: the meetings and the person shown are shown again."""
        self.wareki = on
        self.show_meetings(self.meetings, self.current_meeting())
        self._chosen(self.current_person(), emit=False)

    def show_meetings(self, meetings: list[MeetingView], keep: uuid.UUID | None = None) -> None:
        self.meetings = meetings
        self.meeting.blockSignals(True)
        self.meeting.clear()
        self.meeting.addItem(self.tr("(no meeting: review only)"), None)
        for m in meetings:  # ids as text: QComboBox.findData cannot compare Python objects
            # One whole sentence for the translators (a self.tr inside an f-string is not seen by lupdate).
            self.meeting.addItem(self.tr("{day}  reviews: {count}").format(
                day=format_date(m.held_on, wareki=self.wareki), count=m.review_count), str(m.id))
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(str(keep)) if keep else 0))
        self.meeting.blockSignals(False)
        self._meeting_buttons()

    def _meeting_buttons(self) -> None:
        """Edit and Delete are for a meeting; "no meeting: review only" has nothing to correct."""
        chosen = self.current_meeting() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def meeting_view(self, meeting_id: uuid.UUID | None) -> MeetingView | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def current_meeting(self) -> uuid.UUID | None:
        data = self.meeting.currentData()
        return uuid.UUID(data) if data else None

    def current_person(self) -> uuid.UUID | None:
        return self.persons.current_id()

    def item(self, person_id: uuid.UUID | None) -> QueueItem | None:
        return self.persons.view_of(person_id)

    def visible_rows(self) -> list[list[str]]:
        """The persons listed, as shown (mark, No., name), after the filter."""
        return self.persons.visible_rows()

    def show_queue(self, queue: list[QueueItem], keep: uuid.UUID | None = None) -> None:
        self.queue = queue
        done = sum(1 for q in queue if q.reviewed_at_meeting)
        # "due for review": the reviews alone (12 months); "Due and overdue…" lists cards and watchers too.
        due = sum(1 for q in queue if q.due)
        if self.current_meeting() is None:  # "review only": no meeting to count reviews at
            self.progress.setText(self.tr("No meeting chosen: reviews are recorded without one; due for review: "
                                          "{due} of {total}").format(due=due, total=len(queue)))
        else:
            self.progress.setText(self.tr("{done} of {total} reviewed at this meeting; due for review: {due}").format(
                done=done, total=len(queue), due=due))
        kept = self.persons.fill(queue, keep)
        self._chosen(keep if kept else None, emit=False)

    def update_queue(self, changed: list[QueueItem]) -> None:
        """These persons' lines read again (their watchers changed); the rest of the queue and the counts stay."""
        self.queue, current = self.persons.update_rows(self.queue, changed)
        if current is not None:
            self._chosen(current.person.id, emit=False)

    def _keep_note(self, person_id: uuid.UUID | None) -> None:
        if person_id == self._note_for:
            return
        if self._note_for is not None:
            if self.note.text().strip():
                self._drafts[self._note_for] = self.note.text()
            else:
                self._drafts.pop(self._note_for, None)
        self.note.setText(self._drafts.pop(person_id, "") if person_id is not None else "")
        self._note_for = person_id

    def _chosen(self, person_id: uuid.UUID | None, *, emit: bool = True) -> None:
        q = self.item(person_id)
        self._keep_note(q.person.id if q is not None else None)
        self._set_enabled(q is not None)
        if q is None:
            self.detail.setText(self.tr("Choose a person: the map follows."))
        else:
            last = (self.tr("last reviewed {day}: {outcome}").format(
                day=format_date(q.last_review.reviewed_on, wareki=self.wareki),
                outcome=outcome_labels()[q.last_review.outcome])
                if q.last_review else self.tr("never reviewed"))
            self.detail.setText(f"No.{q.map_number}  {q.person.name}\n{q.address}\n"
                                + self.tr("watchers: {n}").format(n=q.watcher_count) + f" · {last}")
        if emit:
            self.person_chosen.emit(person_id)

    def next_person(self, following: list[uuid.UUID] | None = None) -> None:
        """After a review, go on to the next person not yet reviewed at this meeting.

        ``following``: the persons the list showed after the one reviewed (then those before), read before the
        review; when the review took that person off the list (moved away, passed away), the walk-through goes
        on from where they were, not from the top of the list.
        """
        shown = self.persons.visible_views()  # in the order the list shows, among those the filter shows
        current = self.current_person()
        if current is None and following is not None:
            views = {q.person.id: q for q in shown}
            for person_id in following:
                q = views.get(person_id)
                if q is not None and not q.reviewed_at_meeting:
                    self.persons.choose(person_id)
                    return
        ids = [q.person.id for q in shown]
        start = ids.index(current) + 1 if current in ids else 0
        for q in shown[start:] + shown[:start]:
            if not q.reviewed_at_meeting:
                self.persons.choose(q.person.id)
                return


class ListDialog(QDialog):
    """A read-only table (due list, what changed, overview) with an optional export button."""

    def __init__(self, title: str, headers: list[str], rows: list[list[str]], note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 560)
        # Rows keyed by their position: the lists are read-only, and two rows may read the same.
        columns = [Column(lambda h=h: h, lambda r, c=c: r[1][c], sort_key=lambda r, c=c: natural_key(r[1][c]),
                          width_sample=max([h, *(r[c] for r in rows[:200])], key=len) + "  ")
                   for c, h in enumerate(headers)]
        self.table = ViewList(columns, key=lambda r: r[0])
        self.table.setAccessibleName(title)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # a click on a header sorts; as they came until then
        self.table.fill(list(enumerate(rows)), None)
        self.filter = filter_field(self.table)
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def visible_rows(self) -> list[list[str]]:
        """The table's rows as shown (after the filter and any sorting by a header)."""
        return self.table.visible_rows()
