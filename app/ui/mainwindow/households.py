"""Step I: households and gathering places on the map — add, move, delete, members, pinning the unplaced,
selection and search."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGroupBox, QMainWindow, QPushButton, QVBoxLayout
from sqlalchemy.orm import Session

from app.core.views import HouseholdFields, HouseholdView, MapPoint, PersonFields, PlaceView
from app.hazards.codes import KIND_SHORT
from app.hazards.exposure import exposure_of
from app.hazards.shelters import ValidShelterStatus, nearest_valid_shelter
from app.households import households, places
from app.households.search import search
from app.maps.features import household_feature, place_feature
from app.maps.view import MapView
from app.models.hazard import HazardKind
from app.ui.dialogs import PlaceDialog, show_error
from app.ui.list_models import ViewList
from app.ui.mainwindow.actions import Actions, MainAction
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.projector import ProjectorController
from app.ui.mainwindow.town import TownController
from app.ui.operations import OpChanges, Operations
from app.ui.panels import HouseholdPanel, PersonDialog, SearchBox
from app.ui.person_list import household_columns
from app.ui.worker import BackgroundRead

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def and_household(household_id: uuid.UUID, step: Callable[[Session], Any]) -> Callable[[Session], HouseholdView]:
    """A change to a member (or their consent), returning their household as it is after the change."""
    def change_then_household(s: Session) -> HouseholdView:
        step(s)
        return households.get_household(s, household_id)

    return change_then_household


class HouseholdsController(Controller):
    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController,
                 projector: ProjectorController, map_view: MapView, panel: HouseholdPanel, search_box: SearchBox,
                 actions: Actions, offer_real_ledger: Callable[[], None]) -> None:
        super().__init__(window, operations)
        self.towns, self.projector, self.map_view, self.panel = towns, projector, map_view, panel
        self.search_box, self.actions, self.offer_real_ledger = search_box, actions, offer_real_ledger
        self.selected_id: uuid.UUID | None = None
        self.pinning: uuid.UUID | None = None
        self.unplaced_box = QGroupBox(translate("MainWindow", "Not on the map yet"))
        unplaced_layout = QVBoxLayout(self.unplaced_box)
        self.unplaced = ViewList(household_columns())
        self.unplaced.setAccessibleName(translate("MainWindow", "Households not on the map yet"))
        self.unplaced.setMaximumHeight(120)
        self.pin_button = QPushButton(translate("MainWindow", "Pin on the map"))
        self.pin_button.setToolTip(translate("MainWindow", "Choose a household above, press this, then click where "
                                                           "the house is"))
        unplaced_layout.addWidget(self.unplaced)
        unplaced_layout.addWidget(self.pin_button)
        self.unplaced_box.setVisible(False)
        self.pin_button.clicked.connect(lambda: self.start_pinning(self.unplaced.current_id()))
        self.unplaced.activated_key.connect(self.start_pinning)  # Enter or double-click: pin this one
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.run_search)
        search_box.text_changed.connect(lambda _t: self._search_timer.start())
        search_box.chosen.connect(lambda hid: hid and self.select_household(hid, pan=True))
        panel.fields_edited.connect(self.edit_selected)
        panel.add_person.connect(self.add_person)
        panel.edit_person.connect(self.edit_person)
        panel.remove_person.connect(self.remove_person)
        panel.delete_household.connect(self.delete_selected)
        map_view.clicked.connect(self.on_map_clicked)
        map_view.moved.connect(self.on_feature_moved)
        towns.shown.connect(self.on_town_shown)
        map_view.renderer_ended.connect(self._select_again_when_drawn)
        # Once Steps II and III are filled (their fill does not share the interpreter with it): see read_unplaced.
        towns.ready.connect(self._unplaced_due)
        self._unplaced_due_at_draw = False
        self._unplaced_rows: list[HouseholdView] = []  # what the list shows
        self._unplaced_changed: dict[uuid.UUID, HouseholdView] = {}  # changed while it is read: applied to the read

    @property
    def town_id(self) -> uuid.UUID | None:
        return self.towns.town.id if self.towns.town is not None else None

    def on_town_shown(self, _town: Any, categories: list) -> None:
        self.selected_id = None
        self.panel.show_household(None)
        self.panel.set_categories(categories)
        self.read_unplaced()

    def _select_again_when_drawn(self, _how: str) -> None:
        """The map's page ended and is being built again (``TownController._on_page_ended``): the household in the
        panel is selected again once it is back on the map (not if another town was opened meanwhile)."""
        selected = self.selected_id
        if selected is not None:
            self.towns.drawn.connect(lambda: self.map_view.on_page(str(selected)) and self.select_household(selected),
                                     Qt.ConnectionType.SingleShotConnection)

    # ------------------------------------------------------------------ the change notice

    def on_changed(self, changes: OpChanges) -> None:
        if not (changes.households or changes.places):
            return
        # The households the notice carries (the operation's own result) are not read again.
        homes = [view for hid in changes.households if (view := changes.view_of(hid)) is not None]
        unread = [hid for hid in changes.households if changes.view_of(hid) is None]
        spots: list[PlaceView] = []
        if unread or changes.places:
            with self.ledger.Session() as s:
                homes += [households.get_household(s, hid, include_deleted=True) for hid in unread]
                spots = [places.get_place(s, pid, include_deleted=True) for pid in changes.places]
        for view in homes:
            self._show_household(view)
        for spot in spots:
            self._show_place(spot)

    def _show_household(self, view: HouseholdView) -> None:
        # ``towns.kinds`` is left as the load made it for households (any id not a place is a household): the
        # status line's counts read from it whether a household was placed at the load.
        feature = self.projector.public(household_feature(view, self.map_view.crs))
        if feature is None:
            self.map_view.remove(view.id)
        else:
            self.map_view.upsert(feature)
        self._note_unplaced(view)
        if view.deleted and self.selected_id == view.id:
            self.select_household(None)
        elif self.selected_id == view.id:
            self.panel.show_household(view)
            self._show_exposure(view)  # it may have moved into or out of a zone

    def _show_exposure(self, view: HouseholdView | None) -> None:
        if view is None or view.deleted:
            self.panel.show_exposure("")
            return
        with self.ledger.Session() as s:  # a read: a stale stored exposure is recomputed, not saved here
            self.panel.show_exposure(exposure_text(s, view.id))

    def _show_place(self, view: PlaceView) -> None:
        self.towns.kinds[str(view.id)] = "place"
        feature = place_feature(view, self.map_view.crs)
        if feature is None:
            self.map_view.remove(view.id)
        else:
            self.map_view.upsert(feature)

    # ------------------------------------------------------------------ clicks on the map

    def set_add_mode(self, kind: MainAction, on: bool) -> None:
        if on:  # the two add modes exclude each other
            other = MainAction.ADD_PLACE if kind is MainAction.ADD_HOUSEHOLD else MainAction.ADD_HOUSEHOLD
            self.actions[other].setChecked(False)
        self.map_view.set_add_mode(self.actions[MainAction.ADD_HOUSEHOLD].isChecked()
                                   or self.actions[MainAction.ADD_PLACE].isChecked())

    def on_map_clicked(self, point: MapPoint) -> None:
        if self.towns.town is None:
            return
        if self.pinning is not None:
            self.pin(self.pinning, point)
        elif self.actions[MainAction.ADD_HOUSEHOLD].isChecked():
            self.add_household(point)
        elif self.actions[MainAction.ADD_PLACE].isChecked():
            self.add_place(point)
        else:
            self.select_household(None)

    def on_feature_moved(self, feature_id: str, point: MapPoint) -> None:
        fid = uuid.UUID(feature_id)
        if self.towns.kinds.get(feature_id) == "place":
            with self.ledger.Session() as s:
                old = places.get_place(s, fid).point(point.crs)
            self.operations.run(translate("MainWindow", "Move gathering place"),
                                lambda s: places.move_place(s, fid, point), lambda s: places.move_place(s, fid, old),
                                changes=OpChanges.of_place)
            return
        before: list[MapPoint | None] = [None]  # where the move (or its redo) found it: what its undo puts back

        def move(s: Session) -> HouseholdView:
            # Read in the move's own transaction (a session of its own for it was 5 % of the move's CPU).
            before[0] = households.position_of(s, fid, point.crs)
            return households.move_household(s, fid, point)

        self.operations.run(translate("MainWindow", "Move household"), move,
                            lambda s: households.move_household(s, fid, before[0]), changes=OpChanges.of_household)

    # ------------------------------------------------------------------ not on the map yet

    def _note_unplaced(self, view: HouseholdView) -> None:
        """The list after a change to one household: its row added, replaced or taken out, not read again (a pass
        over every household: 130 ms of CPU at 150,000).

        A background read still running may have read the ledger before the change: the change is applied to what
        it returns. Before that read starts there is nothing to change: it reads the ledger as it is then.
        """
        if self._unplaced_read is not None:
            self._unplaced_changed[view.id] = view
        elif not self._unplaced_due_at_draw:
            self._show_unplaced(self._patched(self._unplaced_rows, [view]))

    def _patched(self, rows: list[HouseholdView], views: Iterable[HouseholdView]) -> list[HouseholdView]:
        """``rows`` of the list with these households as they are now, in map-number order (as the read lists them)."""
        changed = {view.id: view for view in views}
        crs = self.map_view.crs
        kept = [row for row in rows if row.id not in changed]
        kept += [view for view in changed.values()
                 if not view.deleted and view.town_id == self.town_id and view.point(crs) is None]
        return sorted(kept, key=attrgetter("map_number"))

    def read_unplaced(self) -> None:
        """The same list, read off the UI thread once the town's map is drawn (a pass over every household:
        0.1-0.5 s in a city).

        Not while the page loads: the households reach the page first. The read starts once the map is drawn and
        Steps II and III are filled; another town meanwhile drops it, an edit meanwhile is applied to what it returns.
        """
        self._unplaced_due_at_draw = True
        self._drop_unplaced_read()
        self._show_unplaced([])  # the previous town's list must not stay meanwhile

    _unplaced_read: BackgroundRead | None = None  # the read started when the map was drawn, until it is back

    def _unplaced_due(self) -> None:
        if not self._unplaced_due_at_draw or self.town_id is None:
            return
        self._unplaced_due_at_draw = False
        town_id, crs = self.town_id, self.map_view.crs

        def back(rows: list[HouseholdView]) -> None:
            if self._unplaced_read is not read:
                return
            self._unplaced_read = None
            changed, self._unplaced_changed = self._unplaced_changed, {}
            if self.town_id == town_id and self.map_view.crs == crs:  # else another town or map came meanwhile
                self._show_unplaced(self._patched(rows, changed.values()))

        def failed(error: BaseException) -> None:
            if self._unplaced_read is read:
                self._unplaced_read = None
                log.error("reading the households not on the map failed", exc_info=error)
                show_error(self.window, error)  # type: ignore[arg-type]

        read = BackgroundRead(self.ledger, lambda s: households.unplaced_households(s, town_id, crs), back, failed)
        self._unplaced_read, self._unplaced_changed = read, {}
        self.towns.track_read(read)  # the window cancels it and waits for it before the ledger closes

    def _drop_unplaced_read(self) -> None:
        read, self._unplaced_read = self._unplaced_read, None
        if read is not None:
            read.cancel()

    def _show_unplaced(self, rows: list[HouseholdView]) -> None:
        self._unplaced_rows = rows
        self.unplaced.fill(rows, self.unplaced.current_id())
        self.unplaced_box.setTitle(translate("MainWindow", "Not on the map yet ({n})").format(n=len(rows)))
        self.unplaced_box.setVisible(bool(rows))

    def start_pinning(self, household_id: uuid.UUID | None) -> None:
        """The next click on the map places this household there."""
        if household_id is None:
            return
        self.pinning = household_id
        self.actions[MainAction.ADD_HOUSEHOLD].setChecked(False)
        self.actions[MainAction.ADD_PLACE].setChecked(False)
        self.map_view.set_add_mode(True)
        self.message(translate("MainWindow", "Click the map where the house is."), 15000)

    def pin(self, household_id: uuid.UUID, point: MapPoint) -> HouseholdView | None:
        self.pinning = None
        self.map_view.set_add_mode(False)
        crs = point.crs
        return self.operations.run(translate("MainWindow", "Pin household"),
                                   lambda s: households.move_household(s, household_id, point),
                                   lambda s: households.clear_position(s, household_id, crs),
                                   changes=OpChanges.of_household)

    # ------------------------------------------------------------------ households and places

    def add_household(self, point: MapPoint, fields: HouseholdFields = HouseholdFields()) -> HouseholdView | None:
        town_id, new_id = self.town_id, uuid.uuid4()
        self.towns.new_households([new_id])  # for the status line's count
        with self.map_view.together():  # the new symbol and its selection: one repaint of the page
            result = self.operations.run(
                translate("MainWindow", "Add household"),
                lambda s: households.add_household(s, town_id, point, fields, household_id=new_id),
                lambda s: households.delete_household(s, new_id),
                lambda s: households.restore_household(s, new_id),
                changes=OpChanges.of_household,
            )
            if result is not None:
                self.select_household(result.id, view=result)  # what the add returned: the ledger's view of it
        if result is not None:
            self.offer_real_ledger()
        return result

    def add_place(self, point: MapPoint, fields: places.PlaceFields | None = None) -> PlaceView | None:
        if fields is None:
            dialog = PlaceDialog(None, self.window)
            if dialog.exec() != PlaceDialog.DialogCode.Accepted:
                return None
            fields = dialog.fields()
        town_id, new_id = self.town_id, uuid.uuid4()
        return self.operations.run(
            translate("MainWindow", "Add gathering place"),
            lambda s: places.add_place(s, town_id, point, fields, place_id=new_id),
            lambda s: places.delete_place(s, new_id),
            lambda s: places.restore_place(s, new_id),
            changes=OpChanges.of_place,
        )

    def select_household(self, household_id: uuid.UUID | None, *, pan: bool = False,
                         view: HouseholdView | None = None) -> None:
        """Show this household in the panel; ``view``: as it is in the ledger now (just written), not read again.

        The page is told first: it draws the selection (with an add's new symbol) while the panel is filled and the
        household's hazards are read.
        """
        self.selected_id = household_id
        if household_id is None:
            view = None
        elif view is None or view.id != household_id:
            with self.ledger.Session() as s:
                view = households.get_household(s, household_id)
        self.map_view.select(household_id, pan=pan)
        self.panel.show_household(view)
        self._show_exposure(view)
        self.actions[MainAction.DELETE].setEnabled(view is not None)

    def edit_selected(self, fields: HouseholdFields) -> None:
        hid = self.selected_id
        if hid is None:
            return
        with self.ledger.Session() as s:
            before = households.get_household(s, hid)
        old = HouseholdFields(before.name, before.address, before.note, before.category_codes)
        if self.operations.run(translate("MainWindow", "Edit household"),
                               lambda s: households.edit_household(s, hid, fields),
                               lambda s: households.edit_household(s, hid, old),
                               changes=OpChanges.of_household) is None:
            self.panel.show_household(before)  # refused: show what the ledger holds

    def delete_selected(self) -> None:
        hid = self.selected_id
        if hid is None:
            return
        with self.ledger.Session() as s:
            view = households.get_household(s, hid)
        question = translate("MainWindow", "Delete household No.{number} {label} from the map?\n"
                                           "Undo (Ctrl+Z) brings it back.").format(number=view.map_number,
                                                                                    label=view.label)
        if not self.confirm(question):
            return
        self.operations.run(translate("MainWindow", "Delete household"), lambda s: households.delete_household(s, hid),
                            lambda s: households.restore_household(s, hid), changes=OpChanges.of_household)

    def edit_place(self, place_id: uuid.UUID) -> None:
        with self.ledger.Session() as s:
            before = places.get_place(s, place_id)
        dialog = PlaceDialog(before, self.window)
        result = dialog.exec()
        if result == 2:
            if self.confirm(translate("MainWindow", "Delete the gathering place {name}?").format(name=before.name)):
                self.operations.run(translate("MainWindow", "Delete gathering place"),
                                    lambda s: places.delete_place(s, place_id),
                                    lambda s: places.restore_place(s, place_id), changes=OpChanges.of_place)
        elif result == PlaceDialog.DialogCode.Accepted:
            fields = dialog.fields()
            old = places.PlaceFields(before.name, before.kind, before.schedule, before.note)
            self.operations.run(translate("MainWindow", "Edit gathering place"),
                                lambda s: places.edit_place(s, place_id, fields),
                                lambda s: places.edit_place(s, place_id, old), changes=OpChanges.of_place)

    # ------------------------------------------------------------------ members

    def add_person(self, fields: PersonFields | None = None) -> None:
        hid = self.selected_id
        if hid is None:
            return
        if fields is None:
            dialog = PersonDialog(None, self.window)
            if dialog.exec() != PersonDialog.DialogCode.Accepted:
                return
            fields = dialog.fields()
        pid = uuid.uuid4()
        if self.operations.run(translate("MainWindow", "Add member"),
                               and_household(hid, lambda s: households.add_person(s, hid, fields, person_id=pid)),
                               and_household(hid, lambda s: households.delete_person(s, pid)),
                               and_household(hid, lambda s: households.restore_person(s, pid)),
                               changes=OpChanges.of_household) is not None:
            self.offer_real_ledger()

    def edit_person(self, person_id: uuid.UUID, fields: PersonFields | None = None) -> None:
        hid, before = self.selected_id, self.panel.person(person_id)
        if hid is None or before is None:
            return
        if fields is None:
            dialog = PersonDialog(before, self.window)
            if dialog.exec() != PersonDialog.DialogCode.Accepted:
                return
            fields = dialog.fields()
        old = PersonFields(before.name, before.kana, before.birth_date, before.phone, before.of_concern, before.concerns)
        self.operations.run(translate("MainWindow", "Edit member"),
                            and_household(hid, lambda s: households.edit_person(s, person_id, fields)),
                            and_household(hid, lambda s: households.edit_person(s, person_id, old)),
                            changes=OpChanges.of_household)

    def remove_person(self, person_id: uuid.UUID) -> None:
        hid, person = self.selected_id, self.panel.person(person_id)
        if hid is None or person is None:
            return
        if not self.confirm(translate("MainWindow", "Remove {name} from this household?").format(name=person.name)):
            return
        self.operations.run(translate("MainWindow", "Remove member"),
                            and_household(hid, lambda s: households.delete_person(s, person_id)),
                            and_household(hid, lambda s: households.restore_person(s, person_id)),
                            changes=OpChanges.of_household)

    # ------------------------------------------------------------------ search

    def run_search(self) -> None:
        text = self.search_box.field.text()
        with self.ledger.Session() as s:
            hits = search(s, text, town_id=self.town_id) if text.strip() else []
        self.search_box.show_hits(hits)


def exposure_text(session: Session, household_id: uuid.UUID) -> str:
    """「洪水 0.5m以上3.0m未満（…）」 and, for each hazard the house lies in, the nearest site open for it."""
    exposure = exposure_of(session, household_id)
    lines = [exposure.summary]
    for kind, exposed in ((HazardKind.FLOOD, exposure.flood_rank), (HazardKind.SEDIMENT, exposure.sediment_class),
                          (HazardKind.STORM_SURGE, exposure.storm_surge_rank), (HazardKind.TSUNAMI, exposure.tsunami_rank)):
        if not exposed:
            continue
        shelter = nearest_valid_shelter(session, household_id, kind)
        if shelter.status is ValidShelterStatus.FOUND:
            where = shelter.label
        elif shelter.skipped_inside:  # there are sites open for it, none out of a zone as deep as the home's
            where = translate("MainWindow", "no site open for it outside zones as deep as this home's "
                                            "({count} sites lie in them)").format(count=shelter.skipped_inside)
        else:
            where = translate("MainWindow", "no site open for it with a position")
        lines.append(translate("MainWindow", "{hazard}: go to {shelter}").format(hazard=KIND_SHORT[kind], shelter=where))
    return "\n".join(lines)

