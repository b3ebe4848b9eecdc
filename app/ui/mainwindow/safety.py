"""The safety check (安否確認) in the window: the roll-call dock, one-click records through Operations, the
counts in the status bar, and each household's status ring on the map (one ring redrawn per record).
Incidents are started (a non-modal dialog) and closed through Operations too; the papers are written as
background jobs (app/ui/mainwindow/safety_papers.py); the 災害対策本部's projector view shows counts only."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from app.core.errors import LedgerError
from app.maps.view import MapView
from app.models.safety import SafetyStatus
from app.safety import incidents
from app.safety.rollcall import RollCallCounts, latest_checks, roll_call, status_rings
from app.safety.views import STATUS_LABELS, EventFields, EventView, IncidentView, JoinView, RollCallRow
from app.towns.towns import list_towns
from app.ui.dialogs import error_text, show_error
from app.ui.incident_dialog import StartIncidentDialog
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.town import TownController
from app.ui.operations import OpChanges, Operations
from app.ui.safety_panel import SafetyPanel
from app.ui.safety_projector import SafetyProjector
from app.ui.scroll import VerticalScroll
from app.ui.worker import JobRunner

translate = QCoreApplication.translate
UNDONE_NOTE = "取り消し（元に戻す）"
DOCK_SHARE = 0.45  # the most of the window the roll call takes when it first opens: the map and steps keep the rest


class SafetyController(Controller):
    incident_changed = Signal(object)  # the IncidentView shown, or None: started, closed, reopened

    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController, map_view: MapView,
                 jobs: JobRunner | None = None) -> None:
        super().__init__(window, operations)
        from app.ui.mainwindow.safety_papers import SafetyPapers

        self.towns = towns
        self.map_view = map_view
        self.start_dialog: StartIncidentDialog | None = None
        self.projector: SafetyProjector | None = None
        self.incident: IncidentView | None = None
        self.rows: dict[uuid.UUID, RollCallRow] = {}
        self.by_household: dict[uuid.UUID, list[uuid.UUID]] = {}  # person ids of each household in the roll call
        self.tally = RollCallCounts()  # kept up to date one check at a time
        self.panel = SafetyPanel()
        self.dock = QDockWidget(translate("MainWindow", "Safety check"), window)
        self.dock.setObjectName("safetyDock")
        # On a short screen (a laptop's 768 px, large text) the dock scrolls: the roll call keeps its rows.
        self.dock.setWidget(VerticalScroll(self.panel))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.counts = QLabel()  # counts per status, in the status bar while an incident is open
        self.counts.setObjectName("safetyCounts")
        window.statusBar().addPermanentWidget(self.counts)
        self.panel.record.connect(self.record)
        self.panel.person_chosen.connect(self._chosen)
        self.papers = SafetyPapers(self, jobs or JobRunner(self))
        self.panel.start_requested.connect(lambda: self.open_start_dialog())
        self.panel.close_requested.connect(lambda: self.close_incident())
        self.panel.projector_requested.connect(lambda: self.show_projector())
        self.panel.checklists_requested.connect(lambda: self.papers.export_checklists())
        self.panel.excel_requested.connect(lambda: self.papers.export_excel())
        self.panel.read_back_requested.connect(lambda: self.papers.read_back())
        self.panel.log_requested.connect(lambda: self.papers.export_log())
        self._showing = False
        self._widened = False
        self._several = ""  # the panel's notice that several incidents are open in the town, while shown
        self.dock.visibilityChanged.connect(lambda shown: shown and not self._showing and self.refresh())
        towns.drawn.connect(self.refresh)

    def show_panel(self) -> None:
        if self.projecting(translate("MainWindow", "The roll call")):  # the counts without names: show_projector
            return
        self._showing = True  # the dock's visibilityChanged would read the roll call a second time
        try:
            self.dock.show()
        finally:
            self._showing = False
        self.dock.raise_()
        self.refresh()
        if not self._widened:  # the first time: wide enough for the roll call's columns, as room allows
            self._widened = True
            self.window.resizeDocks([self.dock], [max(self.dock.width(), min(
                self.panel.roll_call_width(), int(self.window.width() * DOCK_SHARE)))], Qt.Orientation.Horizontal)

    # ------------------------------------------------------------------ reading

    def refresh(self) -> None:
        """Read the open incident's roll call again: the list, the counts, every ring of the town shown."""
        town = self.towns.town
        with self.ledger.Session() as s:
            found = incidents.open_incidents(s, town.id if town else None)
            self.incident = found[0] if found else None
            rows = roll_call(s, self.incident.id) if self.incident else []
        self.rows = {r.person_id: r for r in rows}
        self.by_household = {}
        for r in rows:
            self.by_household.setdefault(r.household_id, []).append(r.person_id)
        self.tally = RollCallCounts(rows)
        self.panel.show_incident(self.incident)
        self._say_several(found if town is not None else [])
        self.panel.show_rows(rows)
        self._show_counts()
        self.map_view.set_status_rings(status_rings(self._town_rows(None)))
        self.incident_changed.emit(self.incident)

    def tell_joined(self, joins: list[JoinView]) -> None:
        """A sync joined two incidents of one town (each laptop had started one): the roll call is read again
        and the panel says once which was joined into which."""
        if not joins:
            return
        self.refresh()
        self.panel.show_joined(joins)

    def _say_several(self, found: list[IncidentView]) -> None:
        """Two incidents open in the town (each laptop started one before a sync: a start here is refused): the
        panel says which one it shows and closes, rather than taking the newest without a word."""
        if len(found) > 1:
            self._several = translate("SafetyPanel", "{count} incidents are open in this town ({names}): {name} is "
                                                     "shown, and Close closes it. Close the one no longer in use."
                                      ).format(count=len(found), names="、".join(i.name for i in found),
                                               name=found[0].name)
            self.panel.show_notice(self._several)
        elif self._several and self.panel.notice.text() == self._several:  # a refusal said meanwhile stays
            self.panel.show_notice("")
            self._several = ""

    def _town_rows(self, household_id: uuid.UUID | None) -> list[RollCallRow]:
        town = self.towns.town
        if town is None:
            return []
        rows = self.rows.values() if household_id is None else (
            self.rows[p] for p in self.by_household.get(household_id, ()))
        return [r for r in rows if r.town_id == town.id]

    def _show_counts(self) -> None:
        self._show_projector_counts()
        if self.incident is None:
            self.counts.setText("")
            self.panel.show_counts("")
            return
        counts = self.tally.statuses()
        text = f"{self.incident.name}: " + "　".join(f"{STATUS_LABELS[s]} {n}" for s, n in counts.items())
        self.counts.setText(text)
        self.panel.show_counts(text)

    # ------------------------------------------------------------------ the 災害対策本部's projector view

    def show_projector(self) -> SafetyProjector:
        """Counts per status and per 地区, no names; full screen on the projector's screen when there is one."""
        if self.projector is None:
            self.projector = SafetyProjector(self.window)
        if self.incident is None and not self.dock.isVisible():
            self.refresh()
        self.projector.present(self.window)
        self._show_projector_counts()
        return self.projector

    def _show_projector_counts(self) -> None:
        if self.projector is not None and self.projector.isVisible():
            # Counts are made here from the roll call; the view never receives a row of a person.
            self.projector.show_counts(self.incident, self.tally.districts(),
                                       datetime.now(timezone.utc))

    def _read_household(self, household_id: uuid.UUID) -> None:
        """After a household changed (moved, edited) or a watcher of one of its persons: its rows again (hazard,
        watchers, latest check)."""
        if self.incident is None:
            return
        with self.ledger.Session() as s:  # that household's persons only: one row each, in their place
            fresh = roll_call(s, self.incident.id, household_id=household_id)
        self._show_household(household_id, [replace(row, hazard_order=self.rows[row.person_id].hazard_order)
                                             if row.person_id in self.rows else row for row in fresh])

    def _read_checks(self, household_ids: set[uuid.UUID]) -> None:
        """After a check was recorded (or undone): only the latest check of those households' persons is read."""
        if self.incident is None:
            return
        person_ids = [p for h in household_ids for p in self.by_household.get(h, ())]
        with self.ledger.Session() as s:
            latest = latest_checks(s, self.incident.id, person_ids)
        for household_id in household_ids:
            self._show_household(household_id, [replace(self.rows[p], latest=latest.get(p))
                                                 for p in self.by_household.get(household_id, ())])

    def _show_household(self, household_id: uuid.UUID, fresh: list[RollCallRow]) -> None:
        """The household's rows in the list, the counts changed by the old and new status of each person, its one
        ring sent to the page (no round trip waited for), the selected person's history."""
        for row in fresh:
            self.tally.replace(self.rows.get(row.person_id), row)
            if row.person_id not in self.rows:
                self.by_household.setdefault(household_id, []).append(row.person_id)
            self.rows[row.person_id] = row
            self.panel.upsert_row(row)
        self._show_counts()
        for ring in status_rings(self._town_rows(household_id)):
            self.map_view.set_status_ring(ring)
        current = self.panel.list.current_id()
        if any(row.person_id == current for row in fresh):
            self._show_history(current)

    def _show_history(self, person_id: object) -> None:
        if self.incident is None or not isinstance(person_id, uuid.UUID):
            self.panel.show_history([])
            return
        with self.ledger.Session() as s:
            self.panel.show_history(incidents.history(s, self.incident.id, person_id))

    def _chosen(self, person_id: object) -> None:
        self._show_history(person_id)
        if self.incident is None or not isinstance(person_id, uuid.UUID):
            return
        row = self.rows.get(person_id)
        if row is not None and self.towns.town is not None and row.town_id == self.towns.town.id:
            self.map_view.select(row.household_id)

    def on_changed(self, changes: OpChanges) -> None:
        if changes.safety or changes.town or changes.persons_of_concern or changes.watch:
            if changes.safety or self.dock.isVisible() or self.incident is not None:
                self.refresh()
            return
        # A row names the person's watchers: a watcher added to them, edited or ended reads their household again.
        watched = {self.rows[p].household_id for p in changes.watched if p in self.rows}
        for household_id in (changes.households | watched) & self.by_household.keys():
            self._read_household(household_id)  # its latest checks come with it
        if checked := (changes.checked - changes.households) & self.by_household.keys():
            self._read_checks(checked)

    # ------------------------------------------------------------------ recording

    def record(self, person_id: uuid.UUID, fields: EventFields) -> EventView | None:
        """One check as a new event. Undo records the status shown before as another new event (events are never
        removed); redo records the check again."""
        incident, row = self.incident, self.rows.get(person_id)
        if incident is None or row is None:
            self.panel.show_notice(translate("SafetyPanel", "No incident is open: start one first."))
            return None
        with self.ledger.Session() as s:
            now = incidents.get_incident(s, incident.id)
            kept_id = incidents.joined_into(now.note)
        if not now.is_open:  # closed meanwhile (here, or on another laptop and synced): said in the panel
            self.refresh()
            if kept_id is None or self.incident is None or self.incident.id != kept_id or person_id not in self.rows:
                self.panel.show_notice(translate(
                    "SafetyPanel", "The incident {name} is closed: no check can be added. Its checks are kept."
                ).format(name=incident.name))
                return None
            # Joined into another by a sync this panel had not heard of yet: the click counts, on the one it
            # was joined into (where its checks are now), and the panel says where it went.
            incident, row = self.incident, self.rows[person_id]
            self.panel.show_notice(translate(
                "SafetyPanel", "“{joined}” was joined into “{kept}” by a sync (two laptops had started one): this "
                               "check is recorded in “{kept}”.").format(joined=now.name, kept=incident.name))
        else:
            self.panel.show_notice("")
        before = row.latest
        changes = OpChanges(checked=frozenset({row.household_id}))  # the household itself is unchanged

        def undo(s):  # noqa: ANN001, ANN202 - a Session
            previous = EventFields(SafetyStatus.UNCHECKED, note=UNDONE_NOTE) if before is None else EventFields(
                before.status, before.checked_by, before.method, UNDONE_NOTE, before.shelter_text, before.shelter_id)
            return incidents.record_event(s, incident.id, person_id, _now(previous))

        try:
            return self.operations.run(translate("MainWindow", "Record safety check"),
                                       lambda s: incidents.record_event(s, incident.id, person_id, _now(fields)),
                                       undo, changes=changes)
        except LedgerError as e:  # pragma: no cover - Operations.run shows refusals itself
            show_error(self.window, e)
            return None


    # ------------------------------------------------------------------ start and close

    def open_start_dialog(self) -> StartIncidentDialog:
        """The non-modal start dialog (one at a time), the current town checked."""
        if self.start_dialog is None:
            with self.ledger.Session() as s:
                towns = list_towns(s)
            current = self.towns.town.id if self.towns.town else None
            self.start_dialog = StartIncidentDialog(towns, current, self.window)
            self.start_dialog.chosen.connect(self._start_chosen)
            self.start_dialog.finished.connect(lambda _r: setattr(self, "start_dialog", None))
        self.start_dialog.show()
        self.start_dialog.raise_()
        return self.start_dialog

    def _start_chosen(self, name: str, kind: object, started_at: datetime, town_ids: list) -> None:
        dialog = self.start_dialog
        started = self.start_incident(name, kind, started_at, town_ids, problem=dialog.show_problem if dialog else None)
        if started is not None and dialog is not None:
            dialog.accept()

    def start_incident(self, name: str, kind: object, started_at: datetime | None, town_ids: list[uuid.UUID], *,
                       problem=None) -> IncidentView | None:  # noqa: ANN001 - problem(error) or None
        """Start an incident through Operations (undo closes it again, redo reopens the same one; nothing is
        deleted). A refusal (no name, no town) goes to ``problem`` (the dialog) instead of a box."""
        with self.ledger.Session() as s:  # checked first, rolled back: the dialog says what is wrong
            try:
                incidents.start_incident(s, name, town_ids, kind=kind, started_at=started_at)
            except LedgerError as e:
                if problem is None:
                    show_error(self.window, e)
                else:
                    problem(e)
                return None
            s.rollback()
        made: dict[str, uuid.UUID] = {}

        def do(s):  # noqa: ANN001, ANN202 - a Session
            view = incidents.start_incident(s, name, town_ids, kind=kind, started_at=started_at)
            made["id"] = view.id
            return view

        view = self.operations.run(translate("MainWindow", "Start incident"), do,
                                   lambda s: incidents.close_incident(s, made["id"]),
                                   lambda s: incidents.reopen_incident(s, made["id"]), changes=OpChanges(safety=True))
        if view is not None:
            self.panel.show_notice("")
            self.message(translate("MainWindow", "Started the incident {name}.").format(name=view.name), 8000)
            self.show_panel()
        return view

    def close_incident(self, *, confirm: bool = True) -> IncidentView | None:
        """Close the open incident after asking; its events stay, undo reopens it."""
        incident = self.incident
        if incident is None:
            return None
        with self.ledger.Session() as s:
            count = len(incidents.events_of(s, incident.id))
        question = (translate("MainWindow", "Close the incident {name}? Its 1 check is kept; no new check can be "
                                            "recorded in it.") if count == 1 else
                    translate("MainWindow", "Close the incident {name}? Its {count} checks are kept; no new check "
                                            "can be recorded in it."))
        if confirm and not self.confirm(question.format(name=incident.name, count=count)):
            return None
        closed = self.operations.run(translate("MainWindow", "Close incident"),
                                     lambda s: incidents.close_incident(s, incident.id),
                                     lambda s: incidents.reopen_incident(s, incident.id),
                                     changes=OpChanges(safety=True))
        if closed is not None:
            done = (translate("MainWindow", "Closed the incident {name}; its 1 check is kept.") if count == 1 else
                    translate("MainWindow", "Closed the incident {name}; its {count} checks are kept."))
            self.message(done.format(name=incident.name, count=count), 10000)
        return closed

    def notice_error(self, error: BaseException) -> None:
        """A refusal in the panel, not a modal box."""
        self.panel.show_notice(error_text(error) if isinstance(error, LedgerError) else str(error))


def _now(fields: EventFields) -> EventFields:
    """The fields with the check made now (undo and redo are new checks, after every earlier one)."""
    return replace(fields, checked_at=fields.checked_at or datetime.now(timezone.utc))
