"""The main window: the three Echizen steps as its spine, the town map in the middle.

It only composes: the panels, the action registry (actions.py) and one controller per area
(town, households, watch, emergency, meeting, privacy, sync, imports, projector), wired by signals.
Every change to the ledger goes through ``self.operations`` and comes back as one change notice.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEventLoop, QMetaObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.errors import LedgerError
from app.core.heap import give_back_free_heap
from app.hazards.importer import bring_up_to_date
from app.maps.view import MapView
from app.models import Ledger
from app.models.engine import LedgerOpening
from app.paths import basemap_dir
from app.privacy.backup import backup_at_close
from app.ui.about import AboutDialog
from app.ui.comfort import HIGH_CONTRAST, LARGE_TEXT, WAREKI, Comfort
from app.ui.dialogs import BaseMapChoiceDialog
from app.ui.emergency_panel import EmergencyPanel
from app.ui.help import GuideDialog
from app.ui.i18n import SETTING, chosen_language
from app.ui.mainwindow.actions import TOOLBAR_EDIT, TOOLBAR_PROJECTOR, TOOLBAR_STEPS, Actions
from app.ui.mainwindow.actions import MainAction as A
from app.ui.mainwindow.emergency import EmergencyController
from app.ui.mainwindow.households import HouseholdsController
from app.ui.mainwindow.imports import ImportsController
from app.ui.mainwindow.meeting import MeetingController
from app.ui.mainwindow.plans import PlansController
from app.ui.mainwindow.privacy import PrivacyController
from app.ui.mainwindow.projector import ProjectorController
from app.ui.mainwindow.safety import SafetyController
from app.ui.mainwindow.sync import SyncController
from app.ui.mainwindow.town import TownController
from app.ui.mainwindow.watch import WatchController
from app.ui.meeting_panel import MeetingPanel
from app.ui.operations import Operations
from app.ui.panels import FilterBox, HouseholdPanel, SearchBox
from app.ui.scroll import VerticalScroll
from app.ui.watch_panel import WatchPanel
from app.ui.worker import JobRunner

log = logging.getLogger(__name__)
# What changes the ledger: disabled while an import or a sync writes in the background.
LEDGER_ACTIONS = (A.ADD_HOUSEHOLD, A.ADD_PLACE, A.DELETE, A.NEW_TOWN, A.BASE_IMAGE, A.BASE_MBTILES, A.BASE_PLAIN,
                  A.IMPORT_FORM, A.IMPORT_ROSTER, A.IMPORT_LAYER, A.IMPORT_AGENCIES, A.RESTORE, A.SYNC, A.CONFLICTS,
                  A.IMPORT_PACKAGE, A.PASSPHRASE, A.IMPORT_SAFETY)
STEP_II, STEP_III = 1, 2
HEAP_GIVEN_BACK_MS = 1000  # after the map and lists are ready (app/core/heap.py)
TITLE_BAR_PX = 40  # the window's frame above what resize() sizes
# The map's least width: enough to see it and drag the splitter; small enough that a 1,024-px window holds it
# beside the steps and the roll call, and a 1,366-px one in large text.
MAP_MIN_WIDTH_PX = 160


def opened(opening: LedgerOpening) -> Ledger:
    """The ledger once ``opening`` has opened it. Meanwhile this thread runs its events (user input held back): the
    map's page loads then, as the key is stretched. WebEngine starts a navigation, and the page's channel comes
    up, only through this thread's events: a thread blocked on the open left the page to start after it."""
    loop = QEventLoop()
    opening.when_done(lambda: QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection))
    if not opening.done:  # (if it had, the quit posted above reaches a loop that is not running: it does nothing)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return opening.ledger()


class MainWindow(QMainWindow):
    map_drawn = Signal()  # the town's page is loaded with its base map and households
    map_ready = Signal()  # ... and Steps II and III, the meeting's queue and the map's lines and marks are filled in

    def __init__(self, ledger: Ledger | LedgerOpening, settings: QSettings, *, demo: bool = False) -> None:
        """``ledger``: the open ledger, or one being opened (``LedgerOpening``, its key stretched on a thread): the
        window is built meanwhile and waits for it before it first reads it; what the open raised is raised here."""
        opening = ledger if isinstance(ledger, LedgerOpening) else None
        # The text size before the window is made: a widget made before the application's font changes keeps the
        # old font until it is shown, and gives it to every widget put into it. The style sheet (contrast, the focus
        # frame) once the widgets are all made and nested (Comfort.style_sheet_after).
        comfort = Comfort(QApplication.instance(), settings)
        with comfort.style_sheet_after():
            super().__init__()
            self.comfort = comfort
            self.settings = settings
            self.demo = demo
            # While the ledger is being opened nothing reads it: every controller asks the operations for it.
            self.operations = Operations(cast(Ledger, None) if opening is not None else ledger, self)
            self.jobs = JobRunner(self)  # background work; while a job changes the ledger, nothing else may
            try:
                self._build(ledger.path.parent)
            except BaseException:
                if opening is not None:
                    opening.abandon()  # no window: the ledger it opened meanwhile is closed
                raise
        self._restore_layout()
        if opening is not None:
            try:
                self.operations.ledger = opened(opening)
            except BaseException:
                self.jobs.shutdown()  # a window never shown: nothing of it is left running
                self.deleteLater()
                raise
        # Before the first town's page is drawn: its hazard legend is built from the zones' ranks.
        bring_up_to_date(self.ledger)
        self.setWindowTitle(self._title())
        self.privacy.check_unencrypted_copies()
        self.privacy.refresh_demo_bar()
        self.privacy.refresh_sharing_banner()
        self.sync.refresh_after_open()  # once the map is drawn: counting the changes not sent reads every table

    def _build(self, data_dir: Path) -> None:
        """The widgets, actions and controllers: nothing here reads the ledger."""
        # As tall as a large screen allows, and no taller than this one: a laptop's 1366 x 768 less the taskbar is
        # common in welfare offices.
        self.resize(1280, min(1000, self.screen().availableGeometry().height() - TITLE_BAR_PX))
        self._make_widgets(data_dir)
        self.actions = Actions(self, self.operations.undo_stack)
        self._make_controllers()
        self._lay_out()
        self._connect()
        for key, on in ((A.LARGE_TEXT, self.comfort.large_text), (A.HIGH_CONTRAST, self.comfort.high_contrast),
                        (A.WAREKI, self.comfort.wareki)):
            self.actions.set_checked_quietly(key, on)
        self.apply_dates()

    @property
    def ledger(self) -> Ledger:
        return self.operations.ledger

    # ------------------------------------------------------------------ set-up

    def _make_widgets(self, data_dir: Path) -> None:
        self.map_view = MapView(basemap_dir(data_dir), self, settings=self.settings)
        self.search_box = SearchBox()
        self.filter_box = FilterBox()
        self.household_panel = HouseholdPanel()
        self.watch_panel = WatchPanel()
        self.emergency_panel = EmergencyPanel()
        self.meeting_panel = MeetingPanel()
        self.steps = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.banner = QLabel(self.tr("PROJECTOR MODE — names, phone numbers, birth dates and health notes are hidden. "
                                     "Households are shown by their map numbers."))
        self.banner.setObjectName("projectorBanner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("QLabel#projectorBanner { background: #ffd400; color: #000; font-size: 22pt; "
                                  "font-weight: bold; padding: 10px; border-bottom: 4px solid #000; }")
        self.banner.setVisible(False)

    def _make_controllers(self) -> None:
        ops = self.operations
        self.projector = ProjectorController(self, ops, self.comfort, self.map_view, self.household_panel,
                                             lambda: self.towns.town)
        self.towns = TownController(self, ops, self.settings, self.map_view, self.actions, self.projector,
                                    self.watch_panel)
        self.households = HouseholdsController(self, ops, self.towns, self.projector, self.map_view,
                                               self.household_panel, self.search_box, self.actions,
                                               lambda: self.privacy.offer_real_ledger())
        self.watch = WatchController(self, ops, self.towns, self.map_view, self.watch_panel, self.steps)
        self.emergency = EmergencyController(self, ops, self.towns, self.map_view, self.emergency_panel)
        self.meeting = MeetingController(self, ops, self.towns, self.projector, self.map_view, self.meeting_panel)
        self.privacy = PrivacyController(self, ops, self.settings, self.towns, self.households)
        self.sync = SyncController(self, ops, self.towns, self.actions, self.jobs)
        self.privacy.restored.connect(self.sync.refresh_sync_status)  # the restored ledger's own sync state
        self.imports = ImportsController(self, ops, self.towns, self.jobs)
        self.plans = PlansController(self, ops, self.towns)  # the priority list docks on the right
        self.safety = SafetyController(self, ops, self.towns, self.map_view, self.jobs)  # the roll call docks on the right
        self.sync.incidents_joined.connect(self.safety.tell_joined)

    def _lay_out(self) -> None:
        step1 = QWidget()
        step1_layout = QVBoxLayout(step1)
        step1_layout.addWidget(self.search_box)
        step1_layout.addWidget(self.household_panel, 1)
        step1_layout.addWidget(self.households.unplaced_box)
        step1_layout.addWidget(self.filter_box)
        # Step I's page scrolls rather than asks for its full height (900 px and more with a household's members,
        # categories and hazards): the window fits a laptop's 768-px screen and does not grow when one is selected.
        step1_page = VerticalScroll(step1)
        # Steps II, III and the meeting scroll too when the window is short (large text on a 768-px laptop): their
        # lists keep five persons in view (they showed two or three).
        for page in (step1_page, VerticalScroll(self.watch_panel), VerticalScroll(self.emergency_panel),
                     VerticalScroll(self.meeting_panel)):
            self.steps.addWidget(page)
        self.splitter.addWidget(self.map_view)
        self.splitter.addWidget(self.steps)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        # The map is never dragged or squeezed away (a saved layout with it at nothing brought it back at nothing,
        # and an older user does not find the splitter's edge).
        self.splitter.setCollapsible(0, False)
        self.map_view.setMinimumWidth(MAP_MIN_WIDTH_PX)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.privacy.sharing_banner)
        central_layout.addWidget(self.privacy.plain_copy_bar)
        central_layout.addWidget(self.privacy.demo_bar)
        central_layout.addWidget(self.splitter, 1)
        central_layout.addWidget(self.privacy.lock_screen, 1)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.towns.status, 1)
        self.statusBar().addPermanentWidget(self.jobs.indicator)
        self.statusBar().addPermanentWidget(self.sync.label)
        # Short: the status bar also carries the town's counts and, on the day, the safety check's (a 1280-px window).
        offline = QLabel(self.tr("Offline"))
        offline.setToolTip(self.tr("Nothing leaves this computer unless you sync with the office"))
        self.statusBar().addPermanentWidget(offline)
        self.steps_toolbar, _ = self.actions.build_toolbar(self, TOOLBAR_STEPS)
        self.edit_toolbar, separators = self.actions.build_toolbar(
            self, TOOLBAR_EDIT, (QLabel(self.tr("Town:") + " "), self.towns.combo))
        self.sync.show_on(self.edit_toolbar, separators[-1])
        self.projector_toolbar, _ = self.actions.build_toolbar(self, TOOLBAR_PROJECTOR)
        font = self.projector_toolbar.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.projector_toolbar.setFont(font)
        self.projector_toolbar.setVisible(False)
        self.actions.build_menus(self, chosen_language(self.settings), self.set_language)

    def _connect(self) -> None:
        h, p, e, pr, s, i, t = (self.households, self.privacy, self.emergency, self.projector, self.sync,
                                self.imports, self.towns)
        self.actions.connect({
            A.ADD_HOUSEHOLD: lambda on: h.set_add_mode(A.ADD_HOUSEHOLD, on),
            A.ADD_PLACE: lambda on: h.set_add_mode(A.ADD_PLACE, on),
            A.DELETE: h.delete_selected, A.NEW_TOWN: t.new_town,
            A.BASE_IMAGE: lambda: t.choose_base_map(BaseMapChoiceDialog.IMAGE),
            A.BASE_MBTILES: lambda: t.choose_base_map(BaseMapChoiceDialog.MBTILES),
            A.BASE_PLAIN: lambda: t.choose_base_map(BaseMapChoiceDialog.PLAIN),
            A.LINES: self.map_view.show_lines, A.REFERENCES: self.map_view.show_references,
            A.EXPORT_FORM: lambda: i.export_watch_form(), A.IMPORT_FORM: lambda: i.import_watch_form(),
            A.EXPORT_GEOJSON: lambda: i.export_geojson(),
            A.IMPORT_ROSTER: lambda: i.import_roster(), A.IMPORT_LAYER: lambda: e.import_reference_layer(),
            A.IMPORT_AGENCIES: lambda: e.import_agencies(), A.PRINT_MAP: lambda: pr.print_map(),
            A.PROJECTOR: lambda: pr.set_projector(not pr.on), A.LEAVE_PROJECTOR: lambda: pr.set_projector(False),
            A.BACKUP: lambda: p.backup_now(), A.RESTORE: lambda: p.restore_backup(),
            A.SYNC: lambda: s.sync_now(), A.CONFLICTS: lambda: s.show_conflicts(),
            A.EXPORT_PACKAGE: lambda: s.export_sync_package(), A.IMPORT_PACKAGE: lambda: s.import_sync_package(),
            A.AUTO_LOCK: lambda: p.set_auto_lock_minutes(), A.PASSPHRASE: p.change_passphrase,
            A.AUDIT: lambda: p.show_audit(), A.LOCK: p.lock,
            A.DISASTER_MODE: lambda: p.toggle_sharing_mode(), A.COPIES: lambda: p.show_copies(), A.QUIT: self.close, A.ABOUT: self.about,
            A.GUIDE: self.show_guide, A.PLANS: lambda: self.plans.show_list(), A.SAFETY: lambda: self.safety.show_panel(),
            A.IMPORT_SAFETY: lambda: self.safety.papers.read_back(),
            A.SAFETY_PROJECTOR: lambda: self.safety.show_projector(),
            A.LARGE_TEXT: lambda on: pr.set_comfort(LARGE_TEXT, on),
            A.HIGH_CONTRAST: lambda on: pr.set_comfort(HIGH_CONTRAST, on),
            A.WAREKI: lambda on: (self.comfort.set(WAREKI, on), self.apply_dates()),  # no map scale: dates only
            **{key: (lambda i=index: self.show_step(i)) for index, key in enumerate(
                (A.STEP_1, A.STEP_2, A.STEP_3, A.STEP_4))},
        })
        self.towns.drawn.connect(self.map_drawn)
        self.towns.ready.connect(self.map_ready)
        # The heap the open freed goes back to the system (glibc) once its follow-up reads (the unplaced list, the
        # members' names) have run: 8-10 MB of the app's memory at 50,000 households, about 1 ms of CPU.
        self.map_ready.connect(lambda: QTimer.singleShot(HEAP_GIVEN_BACK_MS, give_back_free_heap))
        self.towns.shown.connect(lambda _town, _categories: self.setWindowTitle(self._title()))
        self.towns.shown.connect(lambda _town, categories: self.filter_box.set_categories(categories))
        self.map_view.feature_clicked.connect(self._on_feature_clicked)
        self.filter_box.changed.connect(self.map_view.set_filter)
        self.watch_panel.export_form.connect(lambda: self.imports.export_watch_form())
        self.watch_panel.import_form.connect(lambda: self.imports.import_watch_form())
        self.meeting_panel.show_copies.connect(lambda: self.privacy.show_copies())
        self.projector.toggled.connect(self._on_projector)
        self.privacy.lock_changed.connect(self._on_lock)
        self.jobs.busy_changed.connect(self._on_ledger_busy)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def _title(self) -> str:
        title = self.tr("Sasaeai Map")
        if self.towns.town is not None:
            title = f"{self.towns.town.name} — {title}"
        if self.demo:
            title += " " + self.tr("(demo town)")
        return title

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Sasaeai Map"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        if self.towns.town is not None:
            self.settings.setValue("ledger/last_town", str(self.towns.town.id))
        super().closeEvent(event)
        if event.isAccepted():
            self.jobs.shutdown()
            self.towns.close()
            self.map_view.shutdown()
            if not self.demo:
                try:
                    backup_at_close(self.ledger)
                except (LedgerError, OSError) as e:  # the ledger itself is safe; say the copy failed
                    log.warning("backup at close failed: %s", e)

    def _on_ledger_busy(self, busy: bool) -> None:
        """While an import or a sync writes, nothing else changes the ledger: no action, no edit on the map."""
        for key in LEDGER_ACTIONS:
            self.actions[key].setEnabled(not busy)
        stack = self.operations.undo_stack
        self.actions[A.UNDO].setEnabled(not busy and stack.canUndo())
        self.actions[A.REDO].setEnabled(not busy and stack.canRedo())
        self.splitter.setEnabled(not busy)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        # Esc must not drop the meeting display by accident: only the Leave button does.
        if self.projector.on and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ steps and the map

    def apply_dates(self) -> None:
        """Dates as 令和/昭和 or as 2025-04-01 (View menu), in every panel that shows a day."""
        on = self.comfort.wareki
        self.household_panel.wareki = on
        self.household_panel.show_household(self.household_panel.household)
        self.emergency_panel.set_wareki(on)
        self.meeting_panel.set_wareki(on)
        self.plans.set_wareki(on)

    def show_step(self, index: int) -> None:
        self.steps.setCurrentIndex(index)
        self.actions.steps[index].setChecked(True)
        # Watch lines belong to Step II; the toggle still shows or hides them anywhere.
        self.actions[A.LINES].setChecked(index == STEP_II)
        self.map_view.highlight_person(self.watch_panel.current_person() if index == STEP_II else None)

    def _on_feature_clicked(self, feature_id: str) -> None:
        if self.towns.kinds.get(feature_id) == "place":
            self.households.edit_place(uuid.UUID(feature_id))
        elif self.steps.currentIndex() == STEP_II:
            # Step II: the map is how people find a person of concern.
            hid = uuid.UUID(feature_id)
            person = next((c.person.id for c in self.watch_panel.concerns if c.household_id == hid), None)
            if person is not None:
                self.watch_panel.choose(person)
        elif self.steps.currentIndex() == STEP_III:
            hid = uuid.UUID(feature_id)
            person = next((c.person.id for c in self.emergency_panel.cards if c.household_id == hid), None)
            if person is not None:
                self.emergency_panel.choose(person)
        else:
            self.households.select_household(uuid.UUID(feature_id))

    def _on_projector(self, on: bool) -> None:
        self.banner.setVisible(on)
        self.projector_toolbar.setVisible(on)
        for widget in (self.steps, self.steps_toolbar, self.edit_toolbar, self.menuBar()):
            widget.setVisible(not on)
        for key in (A.ADD_HOUSEHOLD, A.ADD_PLACE):
            self.actions[key].setChecked(False)
            self.actions[key].setEnabled(not on)
        self.households.select_household(None)
        self._hide_beside_the_map(on)
        if on:
            self._normal_geometry = self.saveGeometry()
            self.showFullScreen()
        else:
            self.showNormal()
            if getattr(self, "_normal_geometry", None) is not None:
                self.restoreGeometry(self._normal_geometry)
        if self.towns.town is not None:
            self.towns.load_town(self.towns.town.id)  # the page gets the features again, anonymous or not

    def _hide_beside_the_map(self, on: bool) -> None:
        """The meeting display shows the map alone. The docks (the roll call, the plans' priority list) and the
        windows open beside it (a plan, a list) carry names: hidden while it is on, back as they were after."""
        if on:
            self._hidden_for_projector = [w for w in (*self.findChildren(QDockWidget), *self.findChildren(QDialog))
                                          if w.isVisible()]
            for widget in self._hidden_for_projector:
                widget.hide()
            return
        for widget in getattr(self, "_hidden_for_projector", []):
            if isValid(widget):  # a window closed meanwhile (deleted on close) stays closed
                widget.show()
        self._hidden_for_projector = []

    def _on_lock(self, locked: bool) -> None:
        projector = self.projector.on
        self.splitter.setVisible(not locked)
        self.steps.setVisible(not locked and not projector)
        self.banner.setVisible(not locked and projector)
        self.projector_toolbar.setVisible(not locked and projector)
        self.steps_toolbar.setVisible(not locked and not projector)
        self.edit_toolbar.setVisible(not locked and not projector)
        self.menuBar().setEnabled(not locked)

    # ------------------------------------------------------------------ help

    def set_language(self, code: str) -> None:
        self.settings.setValue(SETTING, code)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language is used from the next start of Sasaeai Map."))

    def about(self) -> None:
        AboutDialog(self).exec()

    def show_guide(self) -> None:
        GuideDialog(chosen_language(self.settings), self).exec()
