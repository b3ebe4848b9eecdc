"""The town on the map: the list of towns, a town's page, its base map, the status line, and Steps II and III
and the meeting's lists read off the UI thread after the map is drawn."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses, promote_kept
from app.core.errors import LedgerError
from app.core.views import Crs, TownView
from app.emergency import cards as emergency
from app.emergency.views import CardView
from app.hazards.exposure import ExposureView, exposures_of_rows
from app.hazards.importer import list_layers
from app.households import households
from app.maps.features import LineColumns, gap_households, legend, line_columns, reference_collection
from app.maps.hazard_layers import hazard_overlay, page_extent
from app.maps.query import PageTexts, TownLayer, layer_texts, member_labels, town_layer
from app.maps.view import EncodedFeatures, FeatureKinds, MapView
from app.meeting import meetings
from app.meeting.views import MeetingView, QueueItem
from app.towns import basemaps, towns
from app.towns.addresses import AddressTable
from app.ui.dialogs import BaseMapChoiceDialog, TownDialog, combo_index, show_error
from app.ui.georeference_dialog import GeoPlace, GeoreferenceDialog
from app.ui.mainwindow.actions import Actions, MainAction
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.labels import page_labels
from app.ui.mainwindow.projector import ProjectorController
from app.ui.operations import OpChanges, Operations
from app.ui.towns_dialog import TownsDialog, ledger_runner
from app.ui.watch_panel import WatchPanel
from app.ui.worker import BackgroundRead
from app.watch import list_rows
from app.watch import network as watch
from app.watch.views import ConcernView

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
# The map's page is built again each time its process ends, unless it ended this many times in this many seconds:
# a page that dies as soon as it is built (a graphics driver that cannot draw it) is left, and a notice over it says so.
PAGE_REBUILDS, PAGE_REBUILDS_WITHIN_S = 3, 120.0


@dataclass(frozen=True)
class TownDetails:
    """What Steps II and III and the meeting panel show of a town, read together off the UI thread."""

    town_id: uuid.UUID
    concerns: list[ConcernView]
    cards: list[CardView]
    meetings: list[MeetingView]
    meeting_id: uuid.UUID | None
    queue: list[QueueItem]
    exposures: list[ExposureView] = field(default_factory=list)  # at the homes of the persons of concern (Step II)
    # What the page gets, made in the read from plain data: the watch lines, from their stored keys (a city's
    # 8,600 lines: no view, UUID or id string made per line), and the households with a person nobody watches
    # (``gap_households(concerns)``)
    line_specs: LineColumns = LineColumns()
    gaps: list[str] = field(default_factory=list)
    homes: frozenset[uuid.UUID] = frozenset()  # the households of ``concerns`` (the edit path asks it)


def read_town_details(s: Session, town_id: uuid.UUID, keep: uuid.UUID | None) -> TownDetails:
    """What Steps II and III and the meeting panel show of a town (the window's background read)."""
    # Tens of thousands of small acyclic views: the cycle collector kept going off over the whole app's heap.
    # (A 32 MB page cache for the read saved a tenth of its CPU at 50,000 households but left the process 24 MB
    # larger for good: glibc keeps what SQLite gives back. Left out.)
    with no_gc_pauses():
        make = list_rows.id_maker()  # the households' UUIDs, made once for the concerns and their exposures
        homes: list = []  # the homes' stored exposures, read with the concerns (one pass over their households)
        links: list = []  # the links' stored keys, read with the concerns
        concerns = list_rows.read_concerns(s, town_id, make, homes=homes, lines=links)
        all_meetings = meetings.list_meetings(s, town_id)
        meeting_id = keep or (all_meetings[0].id if all_meetings else None)
        details = TownDetails(town_id, concerns,
                              emergency.list_cards(s, town_id, concerns=concerns),
                              all_meetings, meeting_id,
                              meetings.review_queue(s, town_id, meeting_id=meeting_id, concerns=concerns),
                              # the hazards of the homes on the Step II list, not of every household
                              list(exposures_of_rows(s, homes, make).values()),
                              line_columns(watch.line_keys(s, town_id, links)), gap_households(concerns),
                              frozenset(c.household_id for c in concerns))
        # The views are kept (the lists show them), and they are acyclic: the collector would walk all of them at
        # its next pass, and again when it moved them to its oldest generation.
        promote_kept()
        return details


class TownController(Controller):
    drawn = Signal()  # the town's page is loaded with its base map and households
    ready = Signal()  # ... and the town's details are shown too
    shown = Signal(object, object)  # TownView, its household categories: a town was (re)loaded
    details_read = Signal(object)  # TownDetails, read off the UI thread
    listed = Signal(int)  # the list of towns was read again: how many there are

    def __init__(self, window: QMainWindow, operations: Operations, settings: QSettings, map_view: MapView,
                 actions: Actions, projector: ProjectorController, watch_panel: WatchPanel) -> None:
        super().__init__(window, operations)
        self.settings, self.map_view, self.actions, self.projector = settings, map_view, actions, projector
        self.watch_panel = watch_panel
        self.town: TownView | None = None
        self.kinds: MutableMapping[str, str] = {}  # feature id -> "household" | "place"
        self.details_ready = False
        self.keep_meeting: Callable[[uuid.UUID], uuid.UUID | None] = lambda _town_id: None
        self._details_job: BackgroundRead | None = None
        self._old_jobs: list[BackgroundRead] = []  # cancelled reads still finishing
        self.closed = False  # the window closed: no read starts any more (a queued start may still come)
        self._concern_ids: tuple[object, frozenset[uuid.UUID]] = (None, frozenset())  # (concerns list, its homes)
        # The status line's counts, kept from the load and adjusted by each change (a count of 50,000 rows costs
        # 3-30 ms on every edit): the households' and placed gathering places' numbers, and whether a household
        # changed since the load is counted now (before its first change: placed on the page at the load, or
        # ``new_households`` says it did not exist).
        self.household_count = self.place_count = 0
        self._counted: dict[uuid.UUID, bool] = {}
        self.combo = QComboBox()
        self.combo.setToolTip(translate("MainWindow", "The town shown on the map"))
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(lambda _i: self.load_town(self.combo.currentData()))
        self.status = QLabel()
        self.georeference_dialog: GeoreferenceDialog | None = None
        map_view.ready.connect(self._on_map_ready)
        # queued: after the window's other handlers of ``ready`` have started their reads (the unplaced households')
        self.ready.connect(self._send_member_labels, Qt.ConnectionType.QueuedConnection)
        map_view.renderer_ended.connect(self._on_page_ended)
        map_view.stalled.connect(self._on_page_stalled)
        map_view.answering.connect(self._on_page_answering)
        self._page_ends: list[float] = []  # when the page's process ended (time.monotonic), within the last while
        self.towns_dialog: TownsDialog | None = None
        actions.connect({MainAction.GEOREFERENCE: self.open_georeference,
                         MainAction.DISTRICTS_TOWNS: self.open_towns_dialog})

    # ------------------------------------------------------------------ towns

    def refresh_towns(self) -> list[TownView]:
        with self.ledger.Session() as s:
            all_towns = towns.list_towns(s)
        self.combo.clear()
        for t in all_towns:
            self.combo.addItem(t.full_name, t.id)
        self.listed.emit(len(all_towns))
        return all_towns

    def _show_in_combo(self, town_id: uuid.UUID) -> None:
        self.combo.setCurrentIndex(max(0, combo_index(self.combo, town_id)))

    def open_initial_town(self) -> None:
        all_towns = self.refresh_towns()
        if not all_towns:
            return
        last = self.settings.value("ledger/last_town")
        chosen = next((t for t in all_towns if str(t.id) == last), all_towns[0])
        self.load_town(chosen.id)

    def load_town(self, town_id: uuid.UUID, *, forget: bool = True) -> None:
        """Show a town: build its page once, then send its households and places.

        ``forget=False`` keeps the undo stack: the same town is drawn again after an undoable change of its map.
        """
        with self.ledger.Session() as s:
            self.town = towns.get_town(s, town_id)
            base = basemaps.base_map_of(s, self.ledger.data_dir, town_id)
            categories = households.list_categories(s)
        # The households are read in the background (see _read_layer): WebEngine loads the page only while this
        # thread runs its event loop (the navigation and the page's channel go through it), so a read here
        # kept the page from starting; now the page starts up in its own process while the worker reads.
        self.map_view.show_town(
            base, legend(categories), None, page_labels(), center=self.town.center,
            symbol_scale=self.projector.map_scale(), editable=not self.projector.on, features_later=True,
        )
        self._labels_due = None
        self._texts_due = None
        if self._labels_read is not None:  # a read for an earlier load is not wanted any more: cancelled, so it
            self._labels_read.cancel()  # does not hold back the reads queued behind it (they run one at a time)
        self._labels_read = None
        self.kinds = {}
        with self.ledger.Session() as s:
            refs = emergency.list_reference_features(s) if base.crs.value == "geo" else []
            credits = sorted({c for lines_ in emergency.reference_credits(s).values() for c in lines_}) if refs else []
            # Hazard zones cut to the map and simplified once per page (kept while the layers stay the same).
            # (On a plain map the extent is a pass over the town's households: only when there are zones to cut.)
            zones = hazard_overlay(s, town_id, page_extent(s, town_id, base)) if list_layers(s) else []
        if forget:
            self.operations.forget()  # commands refer to one town's records
        self.actions[MainAction.GEOREFERENCE].setEnabled(base.kind == "image")
        self._show_in_combo(town_id)
        self.map_view.set_add_mode(self.actions[MainAction.ADD_HOUSEHOLD].isChecked()
                                   or self.actions[MainAction.ADD_PLACE].isChecked())
        self.map_view.show_lines(self.actions[MainAction.LINES].isChecked())
        # The lists are read once the households are (_read_layer).
        self._cancel_details()
        self.details_ready = False
        # Public shelter and facility lists have real positions: only a geographic map can show them.
        self.map_view.set_references(reference_collection(refs), credits)
        self.map_view.show_references(self.actions[MainAction.REFERENCES].isChecked())
        self.map_view.set_hazards(zones)
        self.settings.setValue("ledger/last_town", str(town_id))
        self.household_count, self.place_count, self._counted = self.town.household_count, 0, {}
        self.update_status(self.household_count, self.place_count)
        self.shown.emit(self.town, categories)
        # Last: the read takes the ledger's one open connection, which this thread no longer needs meanwhile
        # (another connection would derive the key again).
        self._read_layer(town_id, base.crs)

    def _read_lists_after_layer(self) -> None:
        """A load's read of the lists, once its households' read has ended (see ``load_details``); nothing if an
        edit's refresh already reads them."""
        if self._details_job is None and not self.details_ready:
            self.load_details()

    # The town, kind of map and layer whose households' labels and addresses are to be read once the lists are filled.
    _texts_due: tuple[uuid.UUID, Crs, TownLayer] | None = None
    _layer_read: BackgroundRead | None = None  # the read of the town's households, while its result is still wanted

    def _read_layer(self, town_id: uuid.UUID, crs: Crs) -> None:
        """The town's households and places for the page, read and encoded off the UI thread; then sent.

        Straight from SQL: a city-sized town is on the page in well under a second. The households go first with
        no label nor address (nothing drawn shows them), which follow while the page draws (``_read_texts``); an
        unnamed household is labelled with its address until the map is drawn, then with its first member's name
        (the label shows only in the tooltip and the panel's state; a projector shows no labels at all).
        """
        if self._layer_read is not None:
            self._layer_read.cancel()  # an earlier load's: its households are not wanted any more
        anonymous = self.projector.on

        def job(s: Session) -> tuple[TownLayer, EncodedFeatures]:
            layer = town_layer(s, town_id, crs, texts_later=True)
            return layer, EncodedFeatures((layer.anonymous() if anonymous else layer).for_page())

        def back(result: tuple[TownLayer, EncodedFeatures]) -> None:
            if self._layer_read is not read:
                return
            self._layer_read = None
            layer, encoded = result
            if self.projector.on != anonymous:  # the projector went on or off meanwhile: what may be sent now
                encoded = EncodedFeatures((layer.anonymous() if self.projector.on else layer).for_page())
            self.map_view.set_features(encoded)
            # The lists' read next, while the page draws the households (a thread of the renderer's, not this
            # process); the labels and addresses once the lists are filled (``_set_details_ready``).
            self._texts_due = None if self.projector.on else (town_id, crs, layer)
            self._read_lists_after_layer()
            self.kinds = FeatureKinds(encoded.household_ids, {f["id"]: "place" for f in layer.places})
            self.place_count = len(layer.places)
            self.update_status(self.household_count, self.place_count)

        def failed(error: BaseException) -> None:
            if self._layer_read is read:
                self._layer_read = None
                log.error("reading the town's households for the map failed", exc_info=error)
                self.map_view.set_features({"type": "FeatureCollection", "features": []})  # the page still ends
                self._read_lists_after_layer()  # the lists do not depend on the map

        read = BackgroundRead(self.ledger, job, back, failed)
        self._layer_read = read
        self.track_read(read)  # the window cancels it and waits for it before the ledger closes

    # The town, kind of map and unnamed households (TownLayer.unnamed) whose members' names are still due.
    _labels_due: tuple[uuid.UUID, Crs, list[tuple[str, str]]] | None = None
    # The read of the households' texts or of those names, while its result is still wanted.
    _labels_read: BackgroundRead | None = None

    @property
    def texts_pending(self) -> bool:
        """The households' labels and addresses, or the members' names after them, are still to be sent to the page
        (read after the households; until they are there a tooltip shows the map number alone)."""
        return (self._layer_read is not None or self._texts_due is not None or self._labels_due is not None
                or self._labels_read is not None)

    def _read_texts(self, town_id: uuid.UUID, crs: Crs, layer: TownLayer) -> None:
        """The labels and addresses of the households sent, read once the lists are filled (queued behind the lists'
        read, a read shares the interpreter with their fill; ``tests/test_lists_after_fill.py``): until then a
        tooltip shows the map number alone. The members' names (``_send_member_labels``) follow them, once the
        window is ready too."""
        def back(texts: PageTexts) -> None:
            self._labels_due = (town_id, crs, texts.unnamed)
            self.map_view.set_texts(texts)
            self._send_member_labels()

        self._read_labels(lambda s: layer_texts(s, town_id, crs, layer), (town_id, crs), back,
                          "reading the households' labels and addresses for the map failed")

    def _read_labels(self, job: Callable[[Session], object], shown: tuple[uuid.UUID, Crs],
                     send: Callable[[Any], None], failure: str) -> None:
        """``job`` off the UI thread, its result to ``send`` if the town and map it was read for are still shown
        (and no projector is on); a newer load drops it. A failure leaves the page's labels as they are."""
        def back(result: Any) -> None:
            if self._labels_read is not read:
                return  # another load (or the same town again) came meanwhile
            self._labels_read = None
            if self.town is not None and (self.town.id, self.map_view.crs) == shown and not self.projector.on:
                send(result)

        def failed(error: BaseException) -> None:
            if self._labels_read is read:
                self._labels_read = None
                log.error(failure, exc_info=error)

        read = BackgroundRead(self.ledger, job, back, failed)
        self._labels_read = read
        self.track_read(read)  # the window cancels it and waits for it before the ledger closes

    def _send_member_labels(self) -> None:
        """The first members' names of the unnamed households (``_read_texts`` sent their addresses as their labels),
        once both the texts are on the page and the window is ready (lists filled, map drawn), whichever comes last:
        called by both; an edit's refresh of the lists meanwhile only puts them off to its own ready.

        Read off the UI thread (150,000 households: 45,000 names); the page keeps the
        label of a household upserted since it got the households, and a newer load drops this read's result.
        """
        if not (self.details_ready and self.map_view.is_ready):
            return
        due, self._labels_due = self._labels_due, None
        if due is None or self.town is None or due[:2] != (self.town.id, self.map_view.crs) or self.projector.on:
            return
        town_id, crs, unnamed = due

        def send(result: tuple[list[str], list[str]]) -> None:
            if result[0]:
                self.map_view.set_labels(*result)

        # The households keep their addresses as labels on a failure: nothing else depends on these names.
        self._read_labels(lambda s: member_labels(s, unnamed), (town_id, crs), send,
                          "reading the names of the unnamed households' first members failed")

    def update_status(self, household_count: int | None = None, place_count: int | None = None) -> None:
        if self.town is None:
            self.status.setText(translate("MainWindow", "No town yet: File → New town…"))
            return
        if household_count is None or place_count is None:
            # Counted again (nothing kept is trusted): live households, and the gathering places the page draws.
            with self.ledger.Session() as s:
                household_count = households.live_count(s, self.town.id)
                place_count = households.placed_place_count(s, self.town.id, self.map_view.crs)
            self.household_count, self.place_count, self._counted = household_count, place_count, {}
        self.status.setText(translate("MainWindow", "{town}: {households} households, {places} gathering places").format(
            town=self.town.full_name, households=household_count, places=place_count))

    def on_changed(self, changes: OpChanges) -> None:
        if changes.towns:  # an undo or redo in the districts and towns window, or of it
            self._on_towns_changed(now=False)
        if self.town is None:
            return
        if changes.town or changes.base_map:
            self.load_town(self.town.id, forget=changes.town)
            return
        if changes.households or changes.places:
            self._count_changes(changes)
        # Steps II and III list persons of concern: read them again only when a changed household has (or had)
        # one, off the UI thread, so the map shows the edit at once even in a city-sized town.
        if changes.households and (changes.persons_of_concern
                                   or not changes.households.isdisjoint(self._concern_households())):
            self.load_details()

    def new_households(self, ids: Iterable[uuid.UUID]) -> None:
        """Households about to be added (ids not in the ledger yet): not counted before their first change."""
        self._counted.update(dict.fromkeys(ids, False))

    def _count_changes(self, changes: OpChanges) -> None:
        """The status line after an edit: only the changed records are read (by key), the counts adjusted.

        ``kinds`` holds the households placed at the load (only places are written into it later), so a
        household changed for the first time was counted if it is there. A household neither placed at the load
        nor announced as new (one unplaced at the load, a change from elsewhere) has the town counted again.
        """
        assert self.town is not None
        before: dict[uuid.UUID, bool] = {}
        for hid in changes.households:
            known = self._counted.get(hid)
            if known is None:
                if self.kinds.get(str(hid)) != "household":
                    self.update_status()  # its state before the change is not known here: count the town
                    return
                known = True  # on the page at the load: a live household of the town
            before[hid] = known
        # Households the notice carries (as the operation left them) are not read again.
        carried = {hid: view for hid in before if (view := changes.view_of(hid)) is not None}
        now = {hid for hid, view in carried.items() if not view.deleted and view.town_id == self.town.id}
        unread = [hid for hid in before if hid not in carried]
        if unread or changes.places:
            with self.ledger.Session() as s:
                now |= households.live_in_town(s, self.town.id, unread)
                if changes.places:
                    self.place_count = households.placed_place_count(s, self.town.id, self.map_view.crs)
        for hid, was in before.items():
            self._counted[hid] = hid in now
            self.household_count += (hid in now) - was
        self.update_status(self.household_count, self.place_count)

    def _concern_households(self) -> frozenset[uuid.UUID]:
        """The households on the Step II list, kept while that list is the same object (it is refilled whole)."""
        concerns = self.watch_panel.concerns
        if self._concern_ids[0] is not concerns:
            self._concern_ids = (concerns, frozenset(c.household_id for c in concerns))
        return self._concern_ids[1]

    def open_towns_dialog(self) -> TownsDialog:
        """The non-modal districts-and-towns window; its changes reach the town list at once."""
        if self.towns_dialog is None:
            dialog = TownsDialog(ledger_runner(self.ledger.Session), self.window, operations=self.operations)
            dialog.changed.connect(self._on_towns_changed)
            dialog.finished.connect(lambda _r: setattr(self, "towns_dialog", None))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.towns_dialog = dialog
        self.towns_dialog.show()
        self.towns_dialog.raise_()
        return self.towns_dialog

    def _on_towns_changed(self, *, now: bool = True) -> None:
        """The town list read again, the town shown kept shown. ``now=False`` (inside an undo or redo): a town
        shown instead of an archived one is loaded after the step, as loading one clears the undo stack."""
        shown = self.town.id if self.town else None
        views = self.refresh_towns()
        if shown is not None and any(v.id == shown for v in views):
            self._show_in_combo(shown)
        elif views:  # the town shown was archived (it stays in the ledger), or there was none
            first = views[0].id
            if now:
                self.load_town(first)
            else:
                QTimer.singleShot(0, lambda: self.load_town(first) if not self.closed else None)

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
        if choice == BaseMapChoiceDialog.IMAGE:
            self._say_points_on_other_images(self.town.id)
        return True

    def _say_points_on_other_images(self, town_id: uuid.UUID) -> None:
        """The town's image is not on the ground but the town has control points taken on another scan (another
        laptop's, or one replaced here): say so, rather than leave the map in pixels without a word."""
        with self.ledger.Session() as s:
            if basemaps.georeference_of(s, town_id) is not None:
                return
            others = basemaps.points_on_other_images(s, town_id)
        if others:
            self.message(" ".join(translate(
                "MainWindow", "This town has {n} control points taken on another map image ({width}×{height} "
                              "pixels), perhaps on another laptop: choose that scan to use them, or tie this "
                              "image to the ground (Map → Tie the town map to the ground…).").format(
                n=o.points, width=o.width, height=o.height) for o in others), 30000)

    # ------------------------------------------------------------------ tying the town map to the ground

    def open_georeference(self, *, blocks: bool = True) -> GeoreferenceDialog | None:
        """The non-modal dialog that ties the town's map image to the ground; None when the base map is no image.

        The 町丁目 points come from the address table the imports controller reads in the background at
        start; while it is still being read, the dialog opens when it is ready (None is returned now).
        """
        if self.town is None:
            return None
        town_id = self.town.id
        with self.ledger.Session() as s:
            base = basemaps.base_map_of(s, self.ledger.data_dir, town_id)
            if base.kind != "image" or base.path is None:
                self.message(translate("MainWindow", "Choose a town-map image first: Map → Use a town-map image…"), 10000)
                return None
            fitted = basemaps.georeference_of(s, town_id)
            refs = emergency.list_reference_features(s)
        imports = getattr(self.window, "imports", None)  # the window's address table, read off the UI thread
        table: AddressTable | None = imports.address_table if imports is not None and blocks else None
        if table is None and imports is not None and blocks:
            def unreadable(e: BaseException) -> None:  # the facilities alone still do
                log.warning("no 町丁目 points for georeferencing: %s", e)
                self.open_georeference(blocks=False)

            imports.load_address_table().then(lambda _t: self.open_georeference(), unreadable,
                                              lambda: self.open_georeference(blocks=False))
            return None
        if self.georeference_dialog is not None:
            self.georeference_dialog.close()
        places = [GeoPlace(r.name, r.kind_label, r.lon, r.lat) for r in refs if r.lat is not None and r.lon is not None]
        if table is not None:
            town_label = translate("MainWindow", "Town block (町丁目)")
            places += [GeoPlace(p.name, town_label, p.lon, p.lat, facility=False) for p in table.points()]
        dialog = GeoreferenceDialog(self.town.full_name, base.path, base.width or 1, base.height or 1, places,
                                    fitted.points if fitted is not None else (), center=self.town.center,
                                    parent=self.window)
        dialog.save_requested.connect(lambda points: self.save_control_points(town_id, points, dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget_georeference_dialog(d))
        self.georeference_dialog = dialog
        dialog.show()
        if fitted is None:
            self._say_points_on_other_images(town_id)
        return dialog

    def _forget_georeference_dialog(self, dialog: GeoreferenceDialog) -> None:
        if self.georeference_dialog is dialog:  # not a newer one opened meanwhile
            self.georeference_dialog = None

    def save_control_points(self, town_id: uuid.UUID, points: tuple, dialog: GeoreferenceDialog | None = None) -> bool:
        """Store the control points as one undoable command; the map is drawn again in real coordinates."""
        with self.ledger.Session() as s:
            before = basemaps.georeference_of(s, town_id)
        old = before.points if before is not None else ()

        def apply(points_: tuple) -> Callable[[Session], object]:
            def step(s: Session) -> object:
                if points_:
                    return basemaps.set_control_points(s, town_id, points_)
                return basemaps.clear_control_points(s, town_id)
            return step

        result = self.operations.run(translate("MainWindow", "Tie the town map to the ground"), apply(tuple(points)),
                                     apply(old), changes=OpChanges(base_map=True))
        if result is None and points:
            return False
        if dialog is not None:
            dialog.saved(points)
        return True

    # ------------------------------------------------------------------ the town's lists, off the UI thread

    def load_details(self) -> None:
        """Read Steps II and III and the meeting's queue off the UI thread: the map does not wait for them.

        A town's load starts it as soon as the households are sent to the page (``_read_layer``), to run while the
        page draws them: in the A/B of 2026-12-07 (50,000 households, 6 opens each, interleaved) the lists came
        0.39 s sooner (median 1.45 s from the open, against 1.84 s started once the map was drawn behind the
        households' texts) and the map no later (0.77 s against 0.88 s); 10,000 households: the same map, the lists
        40 ms sooner. (The A/B of 2026-12-02 had found the map 0.2-0.3 s later at 10,000 households; the read and
        the page have changed much since.) An edit made meanwhile refreshes those lists itself; the older read is
        then dropped.
        """
        if self.town is None:
            return
        town_id = self.town.id
        self._cancel_details()
        self.details_ready = False
        keep = self.keep_meeting(town_id)

        def job(s: Session) -> TownDetails:
            return read_town_details(s, town_id, keep)

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
        for job in self._old_jobs:  # all at once: the reads run one after another, each waits for those before it
            job.cancel()
        for job in self._old_jobs:
            job.cancel(wait=True)  # a thread must not outlive its QThread object
        self._old_jobs = []

    def close(self) -> None:
        """The window closed: stop every read, and cancel any read started after this (its result would reach
        widgets already deleted)."""
        self.closed = True
        self.stop_reads()

    @property
    def reading(self) -> bool:
        """A background read of this ledger (the town's lists, or one tracked for another controller) still runs."""
        return self._details_job is not None or any(j.running for j in self._old_jobs)

    def track_read(self, read: BackgroundRead) -> None:
        """Another controller's read of this ledger (the households not on the map): ``stop_reads`` cancels it and
        waits for it too. One started after the window closed is cancelled at once: nothing of it comes back."""
        if self.closed:
            read.cancel(wait=True)
            return
        self._old_jobs = [j for j in self._old_jobs if j.running] + [read]

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
        if self.watch_panel.concerns is details.concerns:  # made in the read, not on the first edit after it
            self._concern_ids = (details.concerns, details.homes)
        self._set_details_ready()

    def _details_failed(self, error: BaseException) -> None:
        self._retire_details_job()
        log.error("reading the town's lists failed", exc_info=error)
        show_error(self.window, error)  # type: ignore[arg-type]
        self._set_details_ready()

    def _set_details_ready(self) -> None:
        self.details_ready = True
        if self._texts_due is not None:
            due, self._texts_due = self._texts_due, None
            self._read_texts(*due)
        if self.map_view.is_ready:
            self.ready.emit()

    def _on_page_ended(self, how: str) -> None:
        """The map's page process ended and the map went blank: build the page again for the same town, keeping the
        undo stack (nothing in the ledger was touched), and say so over the map and on the status line. A page that
        keeps ending is left blank, with a notice over it that stays."""
        if self.town is None:  # no town shown yet: the page is loaded again when one is (MapView.show_town)
            log.warning("the map page ended (%s) before any town was shown on it", how)
            return
        now = time.monotonic()
        self._page_ends = [t for t in self._page_ends if now - t < PAGE_REBUILDS_WITHIN_S] + [now]
        if len(self._page_ends) > PAGE_REBUILDS:
            log.error("the map page ended %d times in %.0f s (last: %s): not built again",
                      len(self._page_ends), PAGE_REBUILDS_WITHIN_S, how)
            text = translate("MainWindow", "The map stopped working again and is not shown. Everything entered is "
                             "saved in the ledger. Close the app and open it again; if the map still stops, ask the "
                             "person who looks after this computer.")
            self.map_view.show_notice(text)
            return
        self.map_view.show_notice(translate(  # until the page is ready again
            "MainWindow", "The map stopped working and is being drawn again. Everything entered is saved in the "
            "ledger."))
        # What happened, for a while after the notice has gone (short: the status line's right side is taken).
        self.drawn.connect(lambda: self.message(translate("MainWindow", "The map stopped working and was drawn "
                                                          "again."), 30000), Qt.ConnectionType.SingleShotConnection)
        town = self.town
        # after this signal's handlers: the page being replaced is still in Qt's hands
        QTimer.singleShot(0, lambda: self.town is town and not self.closed and self.load_town(town.id, forget=False))

    def _stall_text(self) -> str:
        return translate("MainWindow", "The map is not responding. If it does not recover soon, it will be drawn "
                         "again. Everything entered is saved in the ledger.")

    def _on_page_stalled(self) -> None:
        """The page has not answered for a while (it is ended if it stays so: MapView._watch_page): said over the map,
        which looks frozen meanwhile."""
        if not self.map_view.notice:  # a notice already there (the page being built again) says more
            self.map_view.show_notice(self._stall_text())

    def _on_page_answering(self) -> None:
        if self.map_view.notice == self._stall_text():  # it was busy, not hung
            self.map_view.hide_notice()

    def _on_map_ready(self) -> None:
        self.drawn.emit()
        if self.details_ready:
            self.ready.emit()
