"""The liaison meeting (福祉連絡会): meetings, the review walk-through with the map following, the due list,
what changed since the last meeting, the overview and the organisation self-check."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMainWindow

from app.core.errors import LedgerError
from app.core.japanese import format_date
from app.households import households
from app.maps.view import MapView
from app.meeting import meetings, selfcheck
from app.meeting.overview import Overview, OverviewRow, overview
from app.meeting.overview_excel import export_overview_xlsx
from app.meeting.overview_excel import headers as overview_headers
from app.meeting.selfcheck import SelfCheckFields, SelfCheckView, YearComparison
from app.meeting.views import (
    DUE_REASON_TEXT,
    AttendeeFields,
    DueReason,
    MeetingFields,
    MeetingView,
    ReviewFields,
    ReviewView,
)
from app.models.meeting import CheckerKind, ReviewOutcome
from app.ui.dialogs import show_error
from app.ui.export_job import run_export
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.projector import ProjectorController
from app.ui.mainwindow.town import TownController, TownDetails
from app.ui.meeting_panel import (
    ENDING,
    ListDialog,
    MeetingDialog,
    MeetingPanel,
    change_labels,
    field_label,
    outcome_labels,
)
from app.ui.operations import OpChanges, Operations
from app.ui.selfcheck_dialog import SelfCheckDialog
from app.ui.worker import Job
from app.watch import network as watch

translate = QCoreApplication.translate


BAR_CELLS = 30  # the overview's watched / not watched bar: one cell a person, up to this many


def watch_bar(watched: int, not_watched: int) -> str:
    """■ watched, □ not: one cell a person; a larger town or total is scaled to ``BAR_CELLS`` keeping the share
    (each capped on its own, 100 watched and 40 not looked half and half), and a gap never drops to none."""
    total = watched + not_watched
    if total <= BAR_CELLS:
        return "■" * watched + "□" * not_watched
    filled = round(BAR_CELLS * watched / total)
    filled = min(max(filled, 1 if watched else 0), BAR_CELLS - 1 if not_watched else BAR_CELLS)
    return "■" * filled + "□" * (BAR_CELLS - filled)


class MeetingController(Controller):
    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController,
                 projector: ProjectorController, map_view: MapView, panel: MeetingPanel) -> None:
        super().__init__(window, operations)
        self.towns, self.projector, self.map_view, self.panel = towns, projector, map_view, panel
        self.shown_for: uuid.UUID | None = None  # the town whose meetings the panel lists
        panel.new_meeting.connect(self.new_meeting)
        panel.edit_meeting.connect(self.edit_meeting)
        panel.delete_meeting.connect(self.delete_meeting)
        panel.meeting_chosen.connect(lambda _m: self.refresh_meeting())
        panel.person_chosen.connect(self.on_person_chosen)
        panel.outcome.connect(self.record_outcome)
        panel.show_due.connect(self.show_due_list)
        panel.show_changes.connect(self.show_changes)
        panel.show_overview.connect(self.show_overview)
        panel.show_self_check.connect(lambda: self.show_self_check())
        towns.details_read.connect(self.show_details)
        towns.keep_meeting = self.kept_meeting

    def kept_meeting(self, town_id: uuid.UUID) -> uuid.UUID | None:
        """The meeting chosen in the panel, when the panel shows this town's meetings."""
        return self.panel.current_meeting() if self.shown_for == town_id else None

    def show_details(self, details: TownDetails) -> None:
        self.shown_for = details.town_id
        self.panel.show_meetings(details.meetings, details.meeting_id)
        self.panel.show_queue(details.queue, self.panel.current_person())

    def on_changed(self, changes: OpChanges) -> None:
        if changes.meeting or changes.watch:
            self.refresh_meeting()
        elif changes.watched:
            self.count_watchers(changes.watched)

    def count_watchers(self, person_ids: frozenset[uuid.UUID]) -> None:
        """A watcher added to these persons, edited or ended (in Step II, often during the meeting): their lines of
        the meeting say how many watch over them now; the rest of the queue stays. Gone: all read again."""
        items = [q for person_id in person_ids if (q := self.panel.item(person_id)) is not None]
        if not items:
            return
        try:
            with self.ledger.Session() as s:
                counts = {q.person.id: len(watch.get_concern(s, q.person.id).links) for q in items}
        except LedgerError:
            self.refresh_meeting()
            return
        self.panel.update_queue([replace(q, watcher_count=counts[q.person.id]) for q in items])

    def refresh_meeting(self) -> None:
        town = self.towns.town
        if town is None:
            return
        self.towns.supersede_details()
        keep = self.panel.current_meeting()
        with self.ledger.Session() as s:
            all_meetings = meetings.list_meetings(s, town.id)
            if keep is None and all_meetings and self.shown_for != town.id:
                keep = all_meetings[0].id  # the latest meeting, the first time a town is shown
            elif keep is not None and keep not in {m.id for m in all_meetings}:
                keep = None  # the meeting chosen was deleted: reviews only, never ticks of a meeting not listed
            queue = meetings.review_queue(s, town.id, meeting_id=keep)
        self.shown_for = town.id
        self.panel.show_meetings(all_meetings, keep)
        self.panel.show_queue(queue, self.panel.current_person())

    def new_meeting(self, dialog: MeetingDialog | None = None) -> MeetingView | None:
        if self.towns.town is None:
            return None
        if dialog is None:
            dialog = MeetingDialog(self.window)
            if dialog.exec() != MeetingDialog.DialogCode.Accepted:
                return None
        fields, town_id, new_id = dialog.fields(), self.towns.town.id, uuid.uuid4()
        made = self.operations.run(translate("MainWindow", "New meeting"),
                                   lambda s: meetings.add_meeting(s, town_id, fields, meeting_id=new_id),
                                   lambda s: meetings.delete_meeting(s, new_id),
                                   lambda s: meetings.restore_meeting(s, new_id), changes=OpChanges(meeting=True))
        if made is not None:
            self.panel.show_meetings([], None)  # forget the old choice; refresh picks the new one
            with self.ledger.Session() as s:
                self.panel.show_meetings(meetings.list_meetings(s, town_id), made.id)
            self.refresh_meeting()
        return made

    def _current_meeting_view(self) -> MeetingView | None:
        meeting_id = self.panel.current_meeting()
        if meeting_id is None:
            return None
        with self.ledger.Session() as s:
            return meetings.get_meeting(s, meeting_id)

    def edit_meeting(self, dialog: MeetingDialog | None = None) -> MeetingView | None:
        """Correct the meeting chosen: a wrong day, a name mistyped, someone left out. Undo puts it back."""
        before = self._current_meeting_view()
        if before is None:
            return None
        if dialog is None:
            dialog = MeetingDialog(self.window, before)
            if dialog.exec() != MeetingDialog.DialogCode.Accepted:
                return None
        fields, meeting_id = dialog.fields(), before.id
        old = MeetingFields(before.held_on, before.kind, before.notes,
                            tuple(AttendeeFields(a.name, a.role, a.role_note) for a in before.attendees))
        if fields == old:
            return before  # nothing changed: nothing to undo
        return self.operations.run(translate("MainWindow", "Edit meeting"),
                                   lambda s: meetings.edit_meeting(s, meeting_id, fields),
                                   lambda s: meetings.edit_meeting(s, meeting_id, old),
                                   changes=OpChanges(meeting=True))

    def delete_meeting(self, *, confirm: bool = True) -> MeetingView | None:
        """Take the meeting chosen off the list, after asking; its reviews stay (they happened). Undo brings it
        back."""
        before = self._current_meeting_view()
        if before is None:
            return None
        if confirm and not self.confirm(translate(
                "MainWindow", "Delete the meeting of {day}?\nThe reviews recorded at it are kept. Undo (Ctrl+Z) "
                              "brings the meeting back.").format(day=format_date(before.held_on,
                                                                                 wareki=self.panel.wareki))):
            return None
        meeting_id = before.id
        return self.operations.run(translate("MainWindow", "Delete meeting"),
                                   lambda s: meetings.delete_meeting(s, meeting_id),
                                   lambda s: meetings.restore_meeting(s, meeting_id),
                                   changes=OpChanges(meeting=True))

    def on_person_chosen(self, person_id: uuid.UUID | None) -> None:
        item = self.panel.item(person_id)
        if item is not None:
            self.map_view.select(item.household_id, pan=True)  # the map follows the walk-through

    def record_outcome(self, outcome: ReviewOutcome, note: str = "", *, confirm: bool = True) -> ReviewView | None:
        item = self.panel.item(self.panel.current_person())
        if item is None:
            return None
        if outcome in ENDING and confirm and not self.confirm(translate(
                "MainWindow",
                "Record “{outcome}” for No.{number}?\nTheir watch ends. Nothing is deleted: the record is "
                "kept and can be restored.").format(number=item.map_number, outcome=outcome_labels()[outcome])):
            return None
        fields = ReviewFields(outcome=outcome, note=note, meeting_id=self.panel.current_meeting())
        person_id, household_id, recorded = item.person.id, item.household_id, {}
        shown = [q.person.id for q in self.panel.persons.visible_views()]
        at = shown.index(person_id) if person_id in shown else len(shown)
        following = shown[at + 1:] + shown[:at]  # where the walk-through goes on, if this person leaves the list

        def review(s):  # noqa: ANN001, ANN202
            view = meetings.record_review(s, person_id, fields)
            recorded["id"] = view.id
            return view

        def withdraw(s):  # noqa: ANN001, ANN202
            return meetings.withdraw_review(s, recorded["id"])

        def changed(view: ReviewView) -> OpChanges:
            # An archived person changes the household's symbol (a person of concern fewer, or back).
            homes = frozenset({household_id}) if view.archived_person else frozenset()
            return OpChanges(meeting=True, households=homes)

        result = self.operations.run(translate("MainWindow", "Review"), review, withdraw, review, changes=changed)
        if result is not None:
            self.panel.note.clear()
            self.panel.next_person(following)
            if result.household_now_empty:
                self._offer_to_archive_household(household_id, item.map_number, ask=confirm)
        return result

    def _offer_to_archive_household(self, household_id: uuid.UUID, map_number: int, *, ask: bool = True) -> None:
        """The review took the last person of the household off the watch: say so, and offer what Step I's
        "Delete household…" does (off the map, kept in the ledger, undoable). No keeps it on the map."""
        if ask and self.confirm(translate(
                "MainWindow", "Nobody is left in household No.{number}.\nTake the household off the map? It is "
                              "kept in the ledger, and Undo (Ctrl+Z) brings it back. Choose No to keep it on the map "
                              "(for example as a vacant house).").format(number=map_number)):
            self.operations.run(translate("MainWindow", "Delete household"),
                                lambda s: households.delete_household(s, household_id),
                                lambda s: households.restore_household(s, household_id),
                                changes=OpChanges.of_household)
            return
        self.message(translate("MainWindow", "Nobody is left in household No.{number}: it stays on the map "
                                             "(Step I's Delete household… takes it off).").format(number=map_number),
                     10000)

    # ------------------------------------------------------------------ lists

    def _name(self, name: str) -> str:
        """A name in the meeting's lists; on the projector only map numbers are shown."""
        return translate("MainWindow", "(hidden on the projector)") if self.projector.on else name

    def show_due_list(self, show: Callable[[ListDialog], Any] | None = None) -> ListDialog | None:
        if self.towns.town is None:
            return None
        with self.ledger.Session() as s:
            items = meetings.due_list(s, self.towns.town.id)
        rows = [[str(i.map_number), self._name(i.person.name),
                 QCoreApplication.translate("meetings", DUE_REASON_TEXT[i.reason]),
                 format_date(i.since, wareki=self.panel.wareki)] for i in items]
        # What each count is: the review list counts reviews due; this list has cards and watchers too.
        reviews = len({i.person.id for i in items if i.reason in (DueReason.NEVER_REVIEWED, DueReason.REVIEW_OVERDUE)})
        cards = len({i.person.id for i in items if i.reason in (DueReason.CARD_REVIEW_OVERDUE, DueReason.NO_CARD)})
        unwatched = len({i.person.id for i in items if i.reason is DueReason.NO_WATCHER})
        note = translate("MainWindow", "Due for review (as counted above the review list): {reviews}. Also listed: "
                                       "emergency cards to make or review: {cards}; nobody watching yet: "
                                       "{unwatched}.").format(reviews=reviews, cards=cards, unwatched=unwatched)
        dialog = ListDialog(translate("MainWindow", "Due and overdue"),
                            [translate("MainWindow", "No."), translate("MainWindow", "Name"),
                             translate("MainWindow", "Why"), translate("MainWindow", "Since")], rows,
                            note if rows else translate("MainWindow", "Nothing is due or overdue in this town."),
                            self.window)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def show_self_check(self, show: Callable[[SelfCheckDialog], Any] | None = None) -> SelfCheckDialog:
        """The organisation self-check (section 4 of the report): answered per year and checker, compared."""

        def load(year: int, kind: CheckerKind) -> SelfCheckView | None:
            with self.ledger.Session() as s:
                return selfcheck.get_self_check(s, year, kind)

        def save(fields: SelfCheckFields) -> SelfCheckView | None:
            try:
                with self.ledger.Session.begin() as s:
                    return selfcheck.save_self_check(s, fields)
            except LedgerError as e:
                show_error(dialog, e)
                return None

        def compare(kind: CheckerKind) -> YearComparison:
            with self.ledger.Session() as s:
                return selfcheck.compare_years(s, kind)

        dialog = SelfCheckDialog(load, save, compare, self.window, wareki=self.panel.wareki)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def show_changes(self, show: Callable[[ListDialog], Any] | None = None) -> ListDialog | None:
        if self.towns.town is None:
            return None
        with self.ledger.Session() as s:
            report = meetings.changes_since_last_meeting(s, self.towns.town.id)
            met = report is not None or meetings.last_meeting(s, self.towns.town.id) is not None
        if report is None:
            # Today's meeting is not the last one: what changed is counted from a meeting held before today.
            self.message(translate("MainWindow", "No meeting of this town was held before today: there is nothing "
                                                 "earlier to compare with yet.") if met else
                         translate("MainWindow", "This town has no liaison meeting recorded yet: "
                                                 "start one with New meeting…"), 10000)
            return None
        kinds, actions = change_labels()
        wareki = self.panel.wareki  # days as the View menu says (令和 or 2025-04-01), like every list of the meeting

        def day(at: datetime) -> str:
            return format_date(at.astimezone().date(), wareki=wareki)

        rows = [[kinds[i.kind], actions[i.action], str(i.map_number or ""), self._name(i.label),
                 "、".join(dict.fromkeys(field_label(f) for f in i.fields)),
                 ", ".join(i.recorded_by) or translate("MainWindow", "unknown"),
                 f"{day(i.at)} {i.at.astimezone():%H:%M}"]
                for i in report.items]
        since = day(report.since)
        note = translate("MainWindow", "Since {since}. Who recorded each change: from the history of changes.").format(
            since=since) if report.source == "audit" else translate(
            "MainWindow", "Since {since}. Only record times are known (who recorded them is not).").format(since=since)
        dialog = ListDialog(translate("MainWindow", "What changed since the last meeting"),
                            [translate("MainWindow", "What"), translate("MainWindow", "Change"),
                             translate("MainWindow", "No."), translate("MainWindow", "Name"),
                             translate("MainWindow", "Fields"), translate("MainWindow", "Recorded by"),
                             translate("MainWindow", "When")], rows, note, self.window)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def show_overview(self, show: Callable[[ListDialog], Any] | None = None) -> ListDialog:
        with self.ledger.Session() as s:
            ov = overview(s)
        headers = ([translate("MainWindow", "Town / district")] + overview_headers(ov)[2:]
                   + [translate("MainWindow", "Watched (■) / not (□)")])
        rows = []
        for row in ov.rows():
            values = [str(v) for v in [row.households] + [row.category(c.code) for c in ov.categories]
                      + [row.persons_of_concern, row.watched, row.not_watched, row.cards, row.reviews_up_to_date,
                         row.reviews_due]]
            rows.append([self._overview_name(row)] + values + [watch_bar(row.watched, row.not_watched)])
        dialog = ListDialog(translate("MainWindow", "Overview"), headers, rows, parent=self.window)
        export = dialog.buttons.addButton(translate("MainWindow", "Export to Excel…"),
                                          QDialogButtonBox.ButtonRole.ActionRole)

        def save() -> None:
            name, _ = QFileDialog.getSaveFileName(dialog, translate("MainWindow", "Export the overview"),
                                                  str(Path.home() / "overview.xlsx"),
                                                  translate("MainWindow", "Excel (*.xlsx)"))
            if name:
                self.export_overview(ov, Path(name))

        export.clicked.connect(save)
        dialog.overview = ov
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    @staticmethod
    def _overview_name(row: OverviewRow) -> str:
        """A town by its name; a district's subtotal and the total say what they are (as the workbook does)."""
        if row.level == "town":
            return row.town_name
        if row.level == "district":
            return translate("MainWindow", "{district}: district total").format(district=row.district_name)
        return translate("MainWindow", "Total")

    def export_overview(self, ov: Overview, path: Path) -> Job:
        """The overview's workbook, written in the background (numbers only: not counted out, never refused)."""
        job = run_export(self.window, self.window.jobs, None, "overview", path,
                         lambda staged: export_overview_xlsx(ov, staged), counted=False,
                         done=lambda result: self.message(
                             translate("MainWindow", "Saved {path}").format(path=result[0]), 8000),
                         message=self.message)
        assert job is not None  # a job that does not change the ledger is never refused
        return job
