"""The town on the map: the list of towns, a town's page, its base map, the status line, and Steps II and III
and the meeting's lists read off the UI thread after the map is drawn."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow
from sqlalchemy.orm import Session

from app.core.errors import LedgerError
from app.core.views import TownView
from app.emergency import cards as emergency
from app.emergency.views import CardView
from app.households import households
from app.maps.features import legend, reference_collection
from app.maps.query import town_layer
from app.maps.view import MapView
from app.meeting import meetings
from app.meeting.views import MeetingView, QueueItem
from app.towns import basemaps, towns
from app.ui.dialogs import BaseMapChoiceDialog, TownDialog, show_error
from app.ui.mainwindow.actions import Actions, MainAction
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.labels import page_labels
from app.ui.mainwindow.projector import ProjectorController
from app.ui.operations import OpChanges, Operations
from app.ui.watch_panel import WatchPanel
from app.ui.worker import BackgroundRead
from app.watch import network as watch
from app.watch.views import ConcernView, WatchLineView

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


@dataclass(frozen=True)
class TownDetails:
    """What Steps II and III and the meeting panel show of a town, read together off the UI thread."""

    town_id: uuid.UUID
    concerns: list[ConcernView]
    lines: list[WatchLineView]
    cards: list[CardView]
    meetings: list[MeetingView]
    meeting_id: uuid.UUID | None
    queue: list[QueueItem]


class TownController(Controller):
    drawn = Signal()  # the town's page is loaded with its base map and households
    ready = Signal()  # ... and the town's details are shown too
    shown = Signal(object, object)  # TownView, its household categories: a town was (re)loaded
    details_read = Signal(object)  # TownDetails, read off the UI thread

    def __init__(self, window: QMainWindow, operations: Operations, settings: QSettings, map_view: MapView,
                 actions: Actions, projector: ProjectorController, watch_panel: WatchPanel) -> None:
        super().__init__(window, operations)
        self.settings, self.map_view, self.actions, self.projector = settings, map_view, actions, projector
        self.watch_panel = watch_panel
        self.town: TownView | None = None
        self.kinds: dict[str, str] = {}  # feature id -> "household" | "place"
        self.details_ready = False
        self.keep_meeting: Callable[[uuid.UUID], uuid.UUID | None] = lambda _town_id: None
        self._details_job: BackgroundRead | None = None
        self._old_jobs: list[BackgroundRead] = []  # cancelled reads still finishing
        self.combo = QComboBox()
        self.combo.setToolTip(translate("MainWindow", "The town shown on the map"))
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(lambda _i: self.load_town(self.combo.currentData()))
        self.status = QLabel()
        map_view.ready.connect(self._on_map_ready)

    # ------------------------------------------------------------------ towns

    def refresh_towns(self) -> list[TownView]:
        with self.ledger.Session() as s:
            all_towns = towns.list_towns(s)
        self.combo.clear()
        for t in all_towns:
            self.combo.addItem(t.full_name, t.id)
        return all_towns

    def open_initial_town(self) -> None:
        all_towns = self.refresh_towns()
        if not all_towns:
            return
        last = self.settings.value("ledger/last_town")
        chosen = next((t for t in all_towns if str(t.id) == last), all_towns[0])
        self.load_town(chosen.id)

    def load_town(self, town_id: uuid.UUID) -> None:
        """Show a town: build its page once, then send its households and places."""
        with self.ledger.Session() as s:
            self.town = towns.get_town(s, town_id)
            base = basemaps.base_map_of(s, self.ledger.data_dir, town_id)
            categories = households.list_categories(s)
        # The page starts loading in WebEngine's own process while the households are read here.
        self.map_view.show_town(
            base, legend(categories), None, page_labels(), center=self.town.center,
            symbol_scale=self.projector.map_scale(), editable=not self.projector.on,
        )
        with self.ledger.Session() as s:
            # Straight from SQL: a city-sized town is on the page in well under a second.
            layer = town_layer(s, town_id, base.crs)
            refs = emergency.list_reference_features(s) if base.crs.value == "geo" else []
            credits = sorted({c for lines_ in emergency.reference_credits(s).values() for c in lines_}) if refs else []
        self.kinds = layer.kinds()
        self.map_view.set_features((layer.anonymous() if self.projector.on else layer).for_page())
        self.operations.forget()  # commands refer to one town's records
        self.combo.setCurrentIndex(max(0, next((i for i in range(self.combo.count())
                                                if self.combo.itemData(i) == town_id), 0)))
        self.map_view.set_add_mode(self.actions[MainAction.ADD_HOUSEHOLD].isChecked()
                                   or self.actions[MainAction.ADD_PLACE].isChecked())
        self.map_view.show_lines(self.actions[MainAction.LINES].isChecked())
        # Once the map is drawn (the page's start-up also needs this process): see _on_map_ready.
        self._cancel_details()
        self.details_ready = False
        # Public shelter and facility lists have real positions: only a geographic map can show them.
        self.map_view.set_references(reference_collection(refs), credits)
        self.map_view.show_references(self.actions[MainAction.REFERENCES].isChecked())
        self.settings.setValue("ledger/last_town", str(town_id))
        self.update_status(self.town.household_count, sum(1 for k in self.kinds.values() if k == "place"))
        self.shown.emit(self.town, categories)

    def update_status(self, household_count: int | None = None, place_count: int | None = None) -> None:
        if self.town is None:
            self.status.setText(translate("MainWindow", "No town yet: File → New town…"))
            return
        if household_count is None or place_count is None:
            # A count, not a list: this runs after every edit, and a city has 50,000 households.
            with self.ledger.Session() as s:
                household_count = towns.get_town(s, self.town.id).household_count
            place_count = sum(1 for kind in self.kinds.values() if kind == "place")
        self.status.setText(translate("MainWindow", "{town}: {households} households, {places} gathering places").format(
            town=self.town.full_name, households=household_count, places=place_count))

    def on_changed(self, changes: OpChanges) -> None:
        if changes.towns:
            self.refresh_towns()
        if self.town is None:
            return
        if changes.town:
            self.load_town(self.town.id)
            return
        if changes.households or changes.places:
            self.update_status()
        # Steps II and III list persons of concern: read them again only when a changed household has (or had)
        # one, off the UI thread, so the map shows the edit at once even in a city-sized town.
        concern_homes = {c.household_id for c in self.watch_panel.concerns}
        if changes.households and (changes.persons_of_concern or changes.households & concern_homes):
            self.load_details()

    def new_town(self) -> None:
        dialog = TownDialog(self.window, district=self.town.district_name if self.town else "")
        if dialog.exec() != TownDialog.DialogCode.Accepted:
            return
        try:
            with self.ledger.Session.begin() as s:
                town = towns.create_town(s, dialog.district.text(), dialog.town.text())
        except LedgerError as e:
            show_error(self.window, e)
            return
        self.refresh_towns()
        self.load_town(town.id)
        choice = BaseMapChoiceDialog(self.window).exec()
        if choice:
            self.choose_base_map(choice)

    def choose_base_map(self, choice: int, path: Path | None = None) -> bool:
        """Replace the town's base map; a bad file leaves the old one in place. Returns True on success."""
        if self.town is None:
            return False
        if choice in (BaseMapChoiceDialog.IMAGE, BaseMapChoiceDialog.MBTILES) and path is None:
            pattern = (translate("MainWindow", "Town map images (*.png *.jpg *.jpeg)")
                       if choice == BaseMapChoiceDialog.IMAGE else translate("MainWindow", "MBTiles files (*.mbtiles)"))
            name, _ = QFileDialog.getOpenFileName(self.window, translate("MainWindow", "Choose the base map"),
                                                  str(Path.home()), pattern)
            if not name:
                return False
            path = Path(name)
        try:
            with self.ledger.Session.begin() as s:
                if choice == BaseMapChoiceDialog.IMAGE:
                    basemaps.set_image_base_map(s, self.ledger.data_dir, self.town.id, path)
                elif choice == BaseMapChoiceDialog.MBTILES:
                    basemaps.set_mbtiles_base_map(s, self.ledger.data_dir, self.town.id, path)
                else:
                    basemaps.set_plain_base_map(s, self.ledger.data_dir, self.town.id)
        except LedgerError as e:
            show_error(self.window, e)
            return False
        self.operations.notify(OpChanges(town=True))
        return True

    # ------------------------------------------------------------------ the town's lists, off the UI thread

    def load_details(self) -> None:
        """Read Steps II and III and the meeting's queue off the UI thread: the map does not wait for them.

        An edit made meanwhile refreshes those lists itself; the older read is then dropped.
        """
        if self.town is None:
            return
        town_id = self.town.id
        self._cancel_details()
        self.details_ready = False
        keep = self.keep_meeting(town_id)

        def job(s: Session) -> TownDetails:
            concerns = watch.list_concerns(s, town_id)
            all_meetings = meetings.list_meetings(s, town_id)
            meeting_id = keep or (all_meetings[0].id if all_meetings else None)
            return TownDetails(town_id, concerns, watch.watch_lines(s, town_id), emergency.list_cards(s, town_id),
                               all_meetings, meeting_id,
                               meetings.review_queue(s, town_id, meeting_id=meeting_id, concerns=concerns))

        self._details_job = BackgroundRead(self.ledger, job, self._show_details, self._details_failed)

    def supersede_details(self) -> None:
        """A synchronous refresh is newer than a background read still running: read everything again."""
        if self._details_job is not None and self.town is not None:
            self.load_details()

    def _cancel_details(self) -> None:
        if self._details_job is not None:
            self._details_job.cancel()
        self._retire_details_job()

    def stop_reads(self) -> None:
        """Before the ledger closes or is replaced: no read may still be running."""
        self._cancel_details()
        for job in self._old_jobs:
            job.cancel(wait=True)  # a thread must not outlive its QThread object
        self._old_jobs = []

    def _retire_details_job(self) -> None:
        """Forget the current read, but keep its thread object until the thread has ended (Qt aborts otherwise)."""
        job = self._details_job
        self._old_jobs = [j for j in self._old_jobs if j.running] + ([job] if job is not None else [])
        self._details_job = None

    def _show_details(self, details: TownDetails) -> None:
        if self.town is None or details.town_id != self.town.id:
            return
        self._retire_details_job()
        self.details_read.emit(details)
        self._set_details_ready()

    def _details_failed(self, error: BaseException) -> None:
        self._retire_details_job()
        log.error("reading the town's lists failed", exc_info=error)
        show_error(self.window, error)  # type: ignore[arg-type]
        self._set_details_ready()

    def _set_details_ready(self) -> None:
        self.details_ready = True
        if self.map_view.is_ready:
            self.ready.emit()

    def _on_map_ready(self) -> None:
        self.drawn.emit()
        if self.details_ready:
            self.ready.emit()
        elif self._details_job is None and self.town is not None:
            self.load_details()
