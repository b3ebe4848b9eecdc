"""The main window: the three Echizen steps as its spine, the town map in the middle."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.io import agencies as agency_io
from app.io import (
    emergency_cards,
    emergency_sheet,
    reference_layers,
    roster,
    watch_form,
)
from app.io.overview_excel import export_overview_xlsx
from app.io.overview_excel import headers as overview_headers
from app.maps.page import PageLabels
from app.maps.view import MapView
from app.models import Ledger, open_ledger
from app.models.engine import change_passphrase, is_plain_sqlite, passphrase_opens
from app.models.meeting import CheckerKind, ReviewOutcome
from app.paths import address_table_path, basemap_dir
from app.services import (
    basemaps,
    emergency,
    households,
    meetings,
    places,
    selfcheck,
    sync,
    towns,
    watch,
)
from app.services.addresses import AddressTable
from app.services.backup import (
    backup_at_close,
    backup_to,
    check_backup,
    remove_unencrypted_copy,
    unencrypted_copies,
)
from app.services.backup import restore_backup as restore_ledger_file
from app.services.emergency_views import CardView
from app.services.errors import LedgerError
from app.services.ledger_kind import is_demo
from app.services.mapdata import (
    anonymous,
    gap_households,
    household_feature,
    legend,
    line_specs,
    place_feature,
    reference_collection,
)
from app.services.mapquery import town_layer
from app.services.meeting_views import (
    DUE_REASON_TEXT,
    MeetingView,
    QueueItem,
    ReviewFields,
    ReviewView,
)
from app.services.overview import overview
from app.services.privacy import (
    Audience,
    ConsentFields,
    export_rule,
    get_consent,
    record_consent,
)
from app.services.search import search
from app.services.selfcheck import SelfCheckFields, SelfCheckView, YearComparison
from app.services.sync import ConflictView, SyncReport, SyncStatus
from app.services.views import (
    HouseholdFields,
    HouseholdView,
    MapPoint,
    PersonFields,
    PlaceView,
    TownView,
)
from app.services.watch_views import (
    ConcernView,
    WatcherView,
    WatchLineView,
    WatchLinkView,
)
from app.ui.about import AboutDialog
from app.ui.comfort import HIGH_CONTRAST, LARGE_TEXT, WAREKI, Comfort
from app.ui.commands import LedgerCommand
from app.ui.dialogs import BaseMapChoiceDialog, DemoBar, PlaceDialog, TownDialog, show_error
from app.ui.emergency_panel import CardDialog, EmergencyPanel, fields_of
from app.ui.help import GuideDialog
from app.ui.i18n import SETTING, chosen_language
from app.ui.import_dialogs import ColumnMappingDialog, ImportPreviewDialog, summary_text
from app.ui.meeting_panel import (
    ENDING,
    ListDialog,
    MeetingDialog,
    MeetingPanel,
    change_labels,
    field_label,
    outcome_labels,
)
from app.ui.panels import FilterBox, HouseholdPanel, PersonDialog, SearchBox
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.person_list import ROLE_ID, PersonList
from app.ui.privacy_dialogs import AuditDialog, ConsentDialog, audience_labels
from app.ui.selfcheck_dialog import SelfCheckDialog
from app.ui.sync_dialogs import ConflictDialog, report_text, status_text
from app.ui.unlock import (
    AUTO_LOCK_MINUTES,
    DEFAULT_AUTO_LOCK_MINUTES,
    AutoLock,
    UnlockDialog,
    ask_real_ledger,
    passphrase_ok,
)
from app.ui.watch_panel import LinkDialog, WatchPanel, role_labels
from app.ui.worker import BackgroundRead, Cancelled, run_with_progress

log = logging.getLogger(__name__)
PROJECTOR_SCALE = 1.7  # symbols and map numbers on a wall, read from the back of the hall


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


def page_labels() -> PageLabels:
    """The map page's legend and hints in the UI language (also used for printed maps)."""
    return PageLabels(
        legend_title=QCoreApplication.translate("MainWindow", "Legend"),
        other_household=QCoreApplication.translate("MainWindow", "Other household"),
        person_of_concern=QCoreApplication.translate("MainWindow", "A person of concern lives here"),
        place=QCoreApplication.translate("MainWindow", "Gathering place (たまり場)"),
        gap=QCoreApplication.translate("MainWindow", "Person of concern nobody watches over yet"),
        toggle_legend=QCoreApplication.translate("MainWindow", "Click to show or hide the legend"),
        drag_hint=QCoreApplication.translate("MainWindow", "Drag to move this household"),
        approximate=QCoreApplication.translate("MainWindow", "(?) Position guessed from the address: drag it to "
                                                             "the house"),
        roles=role_labels(),
    )


class MainWindow(QMainWindow):
    map_drawn = Signal()  # the town's page is loaded with its base map and households
    map_ready = Signal()  # ... and Steps II and III, the meeting's queue and the map's lines and marks are filled in

    def __init__(self, ledger: Ledger, settings: QSettings, *, demo: bool = False) -> None:
        super().__init__()
        self.ledger = ledger
        self.settings = settings
        self.demo = demo
        self.town: TownView | None = None
        self.details_ready = False
        self._details_job: BackgroundRead | None = None
        self._old_jobs: list[BackgroundRead] = []  # cancelled reads still finishing
        self.selected_id: uuid.UUID | None = None
        self._kinds: dict[str, str] = {}  # feature id -> "household" | "place"
        self._progress_hook = None  # tests set it to reach the progress dialog of a long job
        self.projector = False  # meeting display: no names, phones, birth dates or health notes anywhere
        self.undo_stack = QUndoStack(self)
        # Text size and contrast first, so every widget below is made with them.
        self.comfort = Comfort(QApplication.instance(), settings)
        self.comfort.apply()
        self.setWindowTitle(self._title())
        self.resize(1280, 820)

        self.map_view = MapView(basemap_dir(ledger.data_dir), self)
        self.search_box = SearchBox()
        self.filter_box = FilterBox()
        self.household_panel = HouseholdPanel()
        step1 = QWidget()
        step1_layout = QVBoxLayout(step1)
        step1_layout.addWidget(self.search_box)
        step1_layout.addWidget(self.household_panel, 1)
        self.unplaced_box = QGroupBox(self.tr("Not on the map yet"))
        unplaced_layout = QVBoxLayout(self.unplaced_box)
        self.unplaced = PersonList()
        self.unplaced.setMaximumHeight(120)
        self.pin_button = QPushButton(self.tr("Pin on the map"))
        self.pin_button.setToolTip(self.tr("Choose a household above, press this, then click where the house is"))
        unplaced_layout.addWidget(self.unplaced)
        unplaced_layout.addWidget(self.pin_button)
        self.unplaced_box.setVisible(False)
        step1_layout.addWidget(self.unplaced_box)
        self._pinning: uuid.UUID | None = None
        step1_layout.addWidget(self.filter_box)
        self.steps = QStackedWidget()
        self.steps.addWidget(step1)
        self.watch_panel = WatchPanel()
        self.steps.addWidget(self.watch_panel)
        self.emergency_panel = EmergencyPanel()
        self.steps.addWidget(self.emergency_panel)
        self.meeting_panel = MeetingPanel()
        self.steps.addWidget(self.meeting_panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.map_view)
        self.splitter.addWidget(self.steps)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        self.banner = QLabel(self.tr("PROJECTOR MODE — names, phone numbers, birth dates and health notes are hidden. "
                                     "Households are shown by their map numbers."))
        self.banner.setObjectName("projectorBanner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("QLabel#projectorBanner { background: #ffd400; color: #000; font-size: 22pt; "
                                  "font-weight: bold; padding: 10px; border-bottom: 4px solid #000; }")
        self.banner.setVisible(False)
        self.lock_screen = QWidget()
        lock_layout = QVBoxLayout(self.lock_screen)
        lock_text = QLabel(self.tr("Locked: the ledger is hidden while nobody uses the computer.\n"
                                   "Nothing was lost. Press Unlock and enter the passphrase."))
        lock_text.setWordWrap(True)
        lock_font = lock_text.font()
        lock_font.setPointSizeF(lock_font.pointSizeF() * 1.5)
        lock_text.setFont(lock_font)
        self.unlock_button = QPushButton(self.tr("Unlock…"))
        self.unlock_button.setMinimumHeight(48)
        self.unlock_button.clicked.connect(lambda: self.unlock())
        lock_layout.addStretch(1)
        lock_layout.addWidget(lock_text)
        lock_layout.addWidget(self.unlock_button)
        lock_layout.addStretch(2)
        self.lock_screen.setVisible(False)
        self.locked = False
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        self.plain_copy_bar = QWidget()
        self.plain_copy_bar.setObjectName("plainCopyBar")
        self.plain_copy_bar.setStyleSheet("QWidget#plainCopyBar { background: #fff3c4; border-bottom: 2px solid #a15c00; }")
        bar_layout = QHBoxLayout(self.plain_copy_bar)
        self.plain_copy_text = QLabel()
        self.plain_copy_text.setWordWrap(True)
        self.plain_copy_button = QPushButton(self.tr("Delete the unencrypted copy…"))
        self.plain_copy_button.clicked.connect(lambda: self.remove_unencrypted_copies())
        bar_layout.addWidget(self.plain_copy_text, 1)
        bar_layout.addWidget(self.plain_copy_button)
        self.plain_copy_bar.setVisible(False)
        central_layout.addWidget(self.plain_copy_bar)
        self.demo_bar = DemoBar()  # shown when the ledger itself says it is the demo
        self.demo_bar.make_real_ledger.connect(lambda: self.make_real_ledger())
        self.demo_bar.setVisible(False)
        central_layout.addWidget(self.demo_bar)
        central_layout.addWidget(self.splitter, 1)
        central_layout.addWidget(self.lock_screen, 1)
        self.setCentralWidget(central)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.sync_label = QLabel()
        self.sync_label.setToolTip(self.tr("Sync with the office server: Sync menu"))
        self.sync_label.setContentsMargins(0, 0, 16, 0)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Offline: nothing leaves this computer unless you sync "
                                                           "with the office")))

        self._make_actions()
        self._make_toolbars()
        self._make_menus()
        self._connect()
        self._restore_layout()
        for action, on in ((self.large_text_action, self.comfort.large_text),
                           (self.high_contrast_action, self.comfort.high_contrast),
                           (self.wareki_action, self.comfort.wareki)):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
        self.household_panel.wareki = self.comfort.wareki
        self.check_unencrypted_copies()
        self.refresh_demo_bar()
        self.refresh_sync_status()

    # ------------------------------------------------------------------ set-up

    def _title(self) -> str:
        title = self.tr("Sasaeai Map")
        if self.town is not None:
            title = f"{self.town.name} — {title}"
        if self.demo:
            title += " " + self.tr("(demo town)")
        return title

    def _action(self, text: str, tip: str, slot: Callable[..., Any] | None = None, shortcut: Any = None,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _make_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self.add_household_action = self._action(
            self.tr("Add household"), self.tr("Then click the map where the household is"),
            self._on_add_mode, QKeySequence("Ctrl+N"), checkable=True)
        self.add_place_action = self._action(
            self.tr("Add gathering place"), self.tr("Then click the map where the gathering place is"),
            self._on_add_mode, checkable=True)
        self.delete_action = self._action(
            self.tr("Delete household…"), self.tr("Delete the selected household (asks first; undo brings it back)"),
            self.delete_selected, QKeySequence.StandardKey.Delete)
        self.new_town_action = self._action(self.tr("New town…"), self.tr("Add a town to this ledger"), self.new_town)
        self.base_image_action = self._action(
            self.tr("Use a town-map image…"), self.tr("A scanned or exported town map (PNG or JPEG)"),
            lambda: self.choose_base_map(BaseMapChoiceDialog.IMAGE))
        self.base_mbtiles_action = self._action(
            self.tr("Use an MBTiles file…"), self.tr("A raster tile pack prepared for offline use"),
            lambda: self.choose_base_map(BaseMapChoiceDialog.MBTILES))
        self.base_plain_action = self._action(
            self.tr("Use a plain background"), self.tr("No base map"),
            lambda: self.choose_base_map(BaseMapChoiceDialog.PLAIN))
        self.lines_action = self._action(
            self.tr("Watch lines"), self.tr("Show the lines from each watcher's house to the person they watch"),
            self.map_view.show_lines, QKeySequence("Ctrl+L"), checkable=True)
        self.export_form_action = self._action(
            self.tr("Export watch-network record form…"), self.tr("The 見守りネットワーク記録用紙 of this town, in Excel"),
            self.export_watch_form)
        self.import_form_action = self._action(
            self.tr("Import watch-network record form…"), self.tr("Read back a form filled in by volunteers"),
            self.import_watch_form)
        self.import_roster_action = self._action(
            self.tr("Import roster…"), self.tr("A list with one row per person (Excel or CSV)"), self.import_roster)
        self.import_layer_action = self._action(
            self.tr("Import shelters or facilities…"),
            self.tr("Public lists of shelters, community halls or clinics (CSV or GeoJSON)"), self.import_reference_layer)
        self.import_agencies_action = self._action(
            self.tr("Import agency list…"),
            self.tr("Community general support centres, care offices, clinics … (Excel or CSV)"), self.import_agencies)
        self.references_action = self._action(
            self.tr("Shelters and facilities"), self.tr("Show imported shelters, community halls and clinics"),
            self.map_view.show_references, checkable=True)
        self.references_action.setChecked(True)
        self.print_map_action = self._action(
            self.tr("Print map…"), self.tr("The town map with map numbers (no names), A4 or A3, PDF or PNG"),
            self.print_map, QKeySequence.StandardKey.Print)
        self.projector_action = self._action(
            self.tr("Projector mode"), self.tr("Meeting display: large symbols, map numbers instead of names, "
                                               "no phone numbers or health notes"), None, QKeySequence("F5"))
        self.projector_action.triggered.connect(lambda: self.set_projector(not self.projector))
        self.backup_action = self._action(self.tr("Back up now…"), self.tr("Save an encrypted copy of the ledger"),
                                          self.backup_now)
        self.restore_action = self._action(self.tr("Restore from a backup…"),
                                           self.tr("Replace the ledger with a backup (the current one is kept)"),
                                           lambda: self.restore_backup())
        self.sync_action = self._action(self.tr("Sync with the office…"),
                                        self.tr("Send this laptop's changes and receive the others' (office network)"),
                                        lambda: self.sync_now())
        self.conflicts_action = self._action(self.tr("Conflicts to resolve…"),
                                             self.tr("Changes made here and on another laptop: choose which to keep"),
                                             lambda: self.show_conflicts())
        self.export_package_action = self._action(
            self.tr("Sync package for the office (USB)…"),
            self.tr("Save this laptop's changes to an encrypted file to carry to the office"),
            lambda: self.export_sync_package())
        self.import_package_action = self._action(
            self.tr("Sync package from the office (USB)…"),
            self.tr("Read the other laptops' changes from the file the office made for this laptop"),
            lambda: self.import_sync_package())
        self.auto_lock_action = self._action(self.tr("Lock when idle…"),
                                             self.tr("After how many idle minutes the window locks"),
                                             lambda: self.set_auto_lock_minutes())
        self.passphrase_action = self._action(self.tr("Change passphrase…"), self.tr("Encrypt the ledger anew"),
                                              self.change_passphrase)
        self.audit_action = self._action(self.tr("History of changes…"),
                                         self.tr("Who changed what and when (the audit log)"), self.show_audit)
        self.lock_action = self._action(self.tr("Lock now"), self.tr("Hide the ledger until the passphrase is entered"),
                                        self.lock, QKeySequence("Ctrl+Shift+L"))
        self.quit_action = self._action(self.tr("Quit"), self.tr("Close Sasaeai Map"), self.close,
                                        QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("About Sasaeai Map"), self.tr("Version and licences"), self.about)
        self.guide_action = self._action(self.tr("Guide: the three steps"), self.tr("How to use Sasaeai Map"),
                                         self.show_guide, QKeySequence.StandardKey.HelpContents)
        self.large_text_action = self._action(self.tr("Large text"), self.tr("Text and map symbols 1.5 times larger"),
                                              lambda on: self.set_comfort(LARGE_TEXT, on), QKeySequence("Ctrl++"),
                                              checkable=True)
        self.high_contrast_action = self._action(self.tr("High contrast"), self.tr("Strong colours, easier to tell apart"),
                                                 lambda on: self.set_comfort(HIGH_CONTRAST, on), checkable=True)
        self.wareki_action = self._action(self.tr("Dates in the Japanese era (和暦)"),
                                          self.tr("令和7年4月1日 instead of 2025-04-01"),
                                          lambda on: self.set_comfort(WAREKI, on), checkable=True)
        self.step_group = QActionGroup(self)
        self.step_actions = []
        for index, (text, tip) in enumerate((
            (self.tr("Ⅰ Map households"), self.tr("Step I: mark households and gathering places on the town map")),
            (self.tr("Ⅱ Watch network"), self.tr("Step II: who watches over each person of concern")),
            (self.tr("Ⅲ Emergency contacts"), self.tr("Step III: emergency contact cards and sheet")),
            (self.tr("Liaison meeting"), self.tr("The yearly review of every person of concern (福祉連絡会)")),
        )):
            action = self._action(text, tip, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.show_step(i))
            self.step_group.addAction(action)
            self.step_actions.append(action)
        self.step_actions[0].setChecked(True)

    def _make_toolbars(self) -> None:
        steps = QToolBar(self.tr("Steps"))
        steps.setObjectName("steps")
        steps.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.step_actions:
            steps.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, steps)
        edit = QToolBar(self.tr("Edit"))
        edit.setObjectName("edit")
        edit.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.town_combo = QComboBox()
        self.town_combo.setToolTip(self.tr("The town shown on the map"))
        self.town_combo.setMinimumContentsLength(16)
        self.town_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        edit.addWidget(QLabel(self.tr("Town:") + " "))
        edit.addWidget(self.town_combo)
        edit.addSeparator()
        for action in (self.add_household_action, self.add_place_action, self.undo_action, self.redo_action,
                       self.lines_action):
            edit.addAction(action)
        # Shown once this laptop syncs with an office server (see refresh_sync_status).
        self.sync_separator = edit.addSeparator()
        edit.addAction(self.sync_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, edit)
        self.steps_toolbar, self.edit_toolbar = steps, edit
        self.projector_toolbar = QToolBar(self.tr("Projector"))
        self.projector_toolbar.setObjectName("projector")
        self.projector_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.leave_projector_action = self._action(
            self.tr("Leave projector mode…"), self.tr("Show names and details again (asks first)"),
            lambda: self.set_projector(False))
        for action in (self.leave_projector_action, self.lines_action):
            self.projector_toolbar.addAction(action)
        font = self.projector_toolbar.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.projector_toolbar.setFont(font)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.projector_toolbar)
        self.projector_toolbar.setVisible(False)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_town_action)
        file_menu.addSeparator()
        for action in (self.export_form_action, self.import_form_action, self.import_roster_action,
                       self.import_agencies_action, self.import_layer_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.backup_action, self.restore_action, self.passphrase_action, self.lock_action,
                       self.auto_lock_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        sync_menu = bar.addMenu(self.tr("S&ync"))
        for action in (self.sync_action, self.conflicts_action):
            sync_menu.addAction(action)
        sync_menu.addSeparator()
        for action in (self.export_package_action, self.import_package_action):
            sync_menu.addAction(action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, self.add_household_action, self.add_place_action,
                       self.delete_action, self.audit_action):
            edit_menu.addAction(action)
        map_menu = bar.addMenu(self.tr("&Map"))
        map_menu.addAction(self.lines_action)
        map_menu.addAction(self.references_action)
        map_menu.addAction(self.projector_action)
        map_menu.addAction(self.print_map_action)
        map_menu.addSeparator()
        for action in (self.base_image_action, self.base_mbtiles_action, self.base_plain_action):
            map_menu.addAction(action)
        step_menu = bar.addMenu(self.tr("&Steps"))
        for action in self.step_actions:
            step_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.large_text_action, self.high_contrast_action, self.wareki_action):
            view_menu.addAction(action)
        language_menu = bar.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        for code, label in (("ja", "日本語"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setData(code)
            action.setChecked(chosen_language(self.settings) == code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            language_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        self.map_view.ready.connect(self._on_map_ready)
        self.map_view.clicked.connect(self._on_map_clicked)
        self.map_view.moved.connect(self._on_feature_moved)
        self.map_view.feature_clicked.connect(self._on_feature_clicked)
        self.town_combo.activated.connect(lambda _i: self.load_town(self.town_combo.currentData()))
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.text_changed.connect(lambda _t: self._search_timer.start())
        self.search_box.chosen.connect(lambda hid: hid and self.select_household(hid, pan=True))
        self.filter_box.changed.connect(self.map_view.set_filter)
        self.household_panel.fields_edited.connect(self.edit_selected)
        self.household_panel.add_person.connect(self.add_person)
        self.household_panel.edit_person.connect(self.edit_person)
        self.household_panel.remove_person.connect(self.remove_person)
        self.household_panel.delete_household.connect(self.delete_selected)
        self.household_panel.consent.connect(self.edit_consent)
        self.pin_button.clicked.connect(lambda: self.start_pinning(self.unplaced.current_id()))
        self.watch_panel.person_chosen.connect(self._on_person_chosen)
        self.watch_panel.add_link.connect(self.add_watch_link)
        self.watch_panel.edit_link.connect(self.edit_watch_link)
        self.watch_panel.remove_link.connect(self.remove_watch_link)
        self.watch_panel.export_form.connect(self.export_watch_form)
        self.watch_panel.import_form.connect(self.import_watch_form)
        self.emergency_panel.person_chosen.connect(self._on_card_person_chosen)
        self.emergency_panel.edit_card.connect(self.edit_card)
        self.emergency_panel.preview_card.connect(lambda pid: self.preview_cards([pid]))
        self.emergency_panel.export_sheet.connect(self.preview_sheet)
        self.emergency_panel.export_cards.connect(lambda: self.preview_cards(None))
        self.meeting_panel.new_meeting.connect(self.new_meeting)
        self.meeting_panel.meeting_chosen.connect(lambda _m: self.refresh_meeting())
        self.meeting_panel.person_chosen.connect(self._on_review_person_chosen)
        self.meeting_panel.outcome.connect(self.record_outcome)
        self.meeting_panel.show_due.connect(self.show_due_list)
        self.meeting_panel.show_changes.connect(self.show_changes)
        self.meeting_panel.show_overview.connect(self.show_overview)
        self.meeting_panel.show_self_check.connect(lambda: self.show_self_check())

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        if self.town is not None:
            self.settings.setValue("ledger/last_town", str(self.town.id))
        super().closeEvent(event)
        if event.isAccepted():
            self._cancel_details()
            for job in self._old_jobs:
                job.cancel(wait=True)  # a thread must not outlive its QThread object
            self._old_jobs = []
            self.map_view.shutdown()
            if not self.demo:
                try:
                    backup_at_close(self.ledger)
                except (LedgerError, OSError) as e:  # the ledger itself is safe; say the copy failed
                    log.warning("backup at close failed: %s", e)

    # ------------------------------------------------------------------ towns

    def refresh_towns(self) -> list[TownView]:
        with self.ledger.Session() as s:
            all_towns = towns.list_towns(s)
        self.town_combo.clear()
        for t in all_towns:
            self.town_combo.addItem(t.full_name, t.id)
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
            base, legend(categories), None, self._page_labels(), center=self.town.center,
            symbol_scale=self._map_scale(), editable=not self.projector,
        )
        with self.ledger.Session() as s:
            # Straight from SQL: a city-sized town is on the page in well under a second.
            layer = town_layer(s, town_id, base.crs)
            refs = emergency.list_reference_features(s) if base.crs.value == "geo" else []
            credits = sorted({c for lines_ in emergency.reference_credits(s).values() for c in lines_}) if refs else []
        self._kinds = layer.kinds()
        self.map_view.set_features((layer.anonymous() if self.projector else layer).for_page())
        self.undo_stack.clear()  # commands refer to one town's records
        self.selected_id = None
        self.household_panel.show_household(None)
        self.household_panel.set_categories(categories)
        self.filter_box.set_categories(categories)
        self.town_combo.setCurrentIndex(max(0, next((i for i in range(self.town_combo.count())
                                                     if self.town_combo.itemData(i) == town_id), 0)))
        self.setWindowTitle(self._title())
        self.map_view.set_add_mode(self.add_household_action.isChecked() or self.add_place_action.isChecked())
        self.map_view.show_lines(self.lines_action.isChecked())
        # Once the map is drawn (the page's start-up also needs this process): see _on_map_ready.
        self._cancel_details()
        self.details_ready = False
        # Public shelter and facility lists have real positions: only a geographic map can show them.
        self.map_view.set_references(reference_collection(refs), credits)
        self.map_view.show_references(self.references_action.isChecked())
        self.settings.setValue("ledger/last_town", str(town_id))
        self._update_status(self.town.household_count, sum(1 for k in self._kinds.values() if k == "place"))
        self.refresh_unplaced()

    def _page_labels(self) -> PageLabels:
        return page_labels()

    def _update_status(self, household_count: int | None = None, place_count: int | None = None) -> None:
        if self.town is None:
            self.status.setText(self.tr("No town yet: File → New town…"))
            return
        if household_count is None or place_count is None:
            # A count, not a list: this runs after every edit, and a city has 50,000 households.
            with self.ledger.Session() as s:
                household_count = towns.get_town(s, self.town.id).household_count
            place_count = sum(1 for kind in self._kinds.values() if kind == "place")
        self.status.setText(self.tr("{town}: {households} households, {places} gathering places").format(
            town=self.town.full_name, households=household_count, places=place_count))

    def _load_details(self, town_id: uuid.UUID) -> None:
        """Read Steps II and III and the meeting's queue off the UI thread: the map does not wait for them.

        An edit made meanwhile refreshes those lists itself; the older read is then dropped.
        """
        self._cancel_details()
        self.details_ready = False
        keep = self.meeting_panel.current_meeting() if getattr(self, "_meeting_shown_for", None) == town_id else None

        def job(s: Session) -> TownDetails:
            concerns = watch.list_concerns(s, town_id)
            all_meetings = meetings.list_meetings(s, town_id)
            meeting_id = keep or (all_meetings[0].id if all_meetings else None)
            return TownDetails(town_id, concerns, watch.watch_lines(s, town_id), emergency.list_cards(s, town_id),
                               all_meetings, meeting_id,
                               meetings.review_queue(s, town_id, meeting_id=meeting_id, concerns=concerns))

        self._details_job = BackgroundRead(self.ledger, job, self._show_details, self._details_failed)

    def _supersede_details(self) -> None:
        """A synchronous refresh is newer than a background read still running: read everything again."""
        if self._details_job is not None and self.town is not None:
            self._load_details(self.town.id)

    def _cancel_details(self) -> None:
        if self._details_job is not None:
            self._details_job.cancel()
        self._retire_details_job()

    def _retire_details_job(self) -> None:
        """Forget the current read, but keep its thread object until the thread has ended (Qt aborts otherwise)."""
        job = self._details_job
        self._old_jobs = [j for j in self._old_jobs if j.running] + ([job] if job is not None else [])
        self._details_job = None

    def _show_details(self, details: TownDetails) -> None:
        if self.town is None or details.town_id != self.town.id:
            return
        self._retire_details_job()
        self._show_watch(details.concerns, details.lines)
        self.emergency_panel.show_cards(details.cards, self.emergency_panel.current_person())
        self._meeting_shown_for = details.town_id
        self.meeting_panel.show_meetings(details.meetings, details.meeting_id)
        self.meeting_panel.show_queue(details.queue, self.meeting_panel.current_person())
        self._set_details_ready()

    def _details_failed(self, error: BaseException) -> None:
        self._retire_details_job()
        log.error("reading the town's lists failed", exc_info=error)
        show_error(self, error)  # type: ignore[arg-type]
        self._set_details_ready()

    def _set_details_ready(self) -> None:
        self.details_ready = True
        if self.map_view.is_ready:
            self.map_ready.emit()

    def _on_map_ready(self) -> None:
        self.map_drawn.emit()
        if self.details_ready:
            self.map_ready.emit()
        elif self._details_job is None and self.town is not None:
            self._load_details(self.town.id)

    def new_town(self) -> None:
        dialog = TownDialog(self, district=self.town.district_name if self.town else "")
        if dialog.exec() != TownDialog.DialogCode.Accepted:
            return
        try:
            with self.ledger.Session.begin() as s:
                town = towns.create_town(s, dialog.district.text(), dialog.town.text())
        except LedgerError as e:
            show_error(self, e)
            return
        self.refresh_towns()
        self.load_town(town.id)
        choice = BaseMapChoiceDialog(self).exec()
        if choice:
            self.choose_base_map(choice)

    def choose_base_map(self, choice: int, path: Path | None = None) -> bool:
        """Replace the town's base map; a bad file leaves the old one in place. Returns True on success."""
        if self.town is None:
            return False
        if choice in (BaseMapChoiceDialog.IMAGE, BaseMapChoiceDialog.MBTILES) and path is None:
            pattern = (self.tr("Town map images (*.png *.jpg *.jpeg)") if choice == BaseMapChoiceDialog.IMAGE
                       else self.tr("MBTiles files (*.mbtiles)"))
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the base map"), str(Path.home()), pattern)
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
            show_error(self, e)
            return False
        self.load_town(self.town.id)
        return True

    # ------------------------------------------------------------------ steps

    def show_step(self, index: int) -> None:
        self.steps.setCurrentIndex(index)
        self.step_actions[index].setChecked(True)
        # Watch lines belong to Step II; the toggle still shows or hides them anywhere.
        self.lines_action.setChecked(index == 1)
        self.map_view.highlight_person(self.watch_panel.current_person() if index == 1 else None)

    # ------------------------------------------------------------------ changes

    def run(self, text: str, first: Callable[[Any], Any], undo: Callable[[Any], Any],
            redo: Callable[[Any], Any] | None = None) -> Any:
        """Do one change in its own transaction; on success push it on the undo stack and show it."""
        try:
            with self.ledger.Session.begin() as s:
                result = first(s)
        except LedgerError as e:
            show_error(self, e)
            return None
        self.undo_stack.push(LedgerCommand(text, self.ledger, redo or first, undo, self.apply))
        self.apply(result)
        return result

    def apply(self, result: Any) -> None:
        """Show a changed record on the map and in the panel."""
        if isinstance(result, HouseholdView):
            self._kinds[str(result.id)] = "household"
            feature = self._public(household_feature(result, self.map_view.crs))
            if feature is None:
                self.map_view.remove(result.id)
            else:
                self.map_view.upsert(feature)
            if feature is None or result.id in {self.unplaced.item(i).data(ROLE_ID) for i in range(self.unplaced.count())}:
                self.refresh_unplaced()
            if result.deleted and self.selected_id == result.id:
                self.select_household(None)
            elif self.selected_id == result.id:
                self.household_panel.show_household(result)
            self._update_status()
            # Steps II and III list persons of concern: reload them only when this household has (or had) one,
            # off the UI thread, so the map shows the edit at once even in a city-sized town.
            concern_homes = {c.household_id for c in self.watch_panel.concerns}
            if (result.of_concern or result.id in concern_homes) and self.town is not None:
                self._load_details(self.town.id)
        elif isinstance(result, (WatchLinkView, WatcherView, ConcernView)):
            self.refresh_watch()
            self.refresh_cards()
        elif isinstance(result, CardView):
            self.refresh_cards()
        elif isinstance(result, PlaceView):
            self._kinds[str(result.id)] = "place"
            feature = place_feature(result, self.map_view.crs)
            if feature is None:
                self.map_view.remove(result.id)
            else:
                self.map_view.upsert(feature)
            self._update_status()

    def _on_add_mode(self, on: bool) -> None:
        sender = self.sender()
        if on:  # the two add modes exclude each other
            other = self.add_place_action if sender is self.add_household_action else self.add_household_action
            other.setChecked(False)
        self.map_view.set_add_mode(self.add_household_action.isChecked() or self.add_place_action.isChecked())

    def _on_map_clicked(self, point: MapPoint) -> None:
        if self.town is None:
            return
        if self._pinning is not None:
            self.pin(self._pinning, point)
        elif self.add_household_action.isChecked():
            self.add_household(point)
        elif self.add_place_action.isChecked():
            self.add_place(point)
        else:
            self.select_household(None)

    def refresh_unplaced(self) -> None:
        if self.town is None:
            return
        with self.ledger.Session() as s:
            rows = households.unplaced_households(s, self.town.id, self.map_view.crs)
        self.unplaced.fill([(f"No.{h.map_number}  {h.label}  {h.address}", h.id, False) for h in rows], None)
        self.unplaced_box.setTitle(self.tr("Not on the map yet ({n})").format(n=len(rows)))
        self.unplaced_box.setVisible(bool(rows))

    def start_pinning(self, household_id: uuid.UUID | None) -> None:
        """The next click on the map places this household there."""
        if household_id is None:
            return
        self._pinning = household_id
        self.add_household_action.setChecked(False)
        self.add_place_action.setChecked(False)
        self.map_view.set_add_mode(True)
        self.statusBar().showMessage(self.tr("Click the map where the house is."), 15000)

    def pin(self, household_id: uuid.UUID, point: MapPoint) -> HouseholdView | None:
        self._pinning = None
        self.map_view.set_add_mode(False)
        crs = point.crs
        result = self.run(self.tr("Pin household"), lambda s: households.move_household(s, household_id, point),
                          lambda s: households.clear_position(s, household_id, crs))
        self.refresh_unplaced()
        return result

    def add_household(self, point: MapPoint, fields: HouseholdFields = HouseholdFields()) -> HouseholdView | None:
        town_id = self.town.id
        new_id = uuid.uuid4()
        result = self.run(
            self.tr("Add household"),
            lambda s: households.add_household(s, town_id, point, fields, household_id=new_id),
            lambda s: households.delete_household(s, new_id),
            lambda s: households.restore_household(s, new_id),
        )
        if result is not None:
            self.select_household(result.id)
            self._offer_real_ledger()
        return result

    def add_place(self, point: MapPoint, fields: places.PlaceFields | None = None) -> PlaceView | None:
        if fields is None:
            dialog = PlaceDialog(None, self)
            if dialog.exec() != PlaceDialog.DialogCode.Accepted:
                return None
            fields = dialog.fields()
        town_id = self.town.id
        new_id = uuid.uuid4()
        return self.run(
            self.tr("Add gathering place"),
            lambda s: places.add_place(s, town_id, point, fields, place_id=new_id),
            lambda s: places.delete_place(s, new_id),
            lambda s: places.restore_place(s, new_id),
        )

    def _on_feature_moved(self, feature_id: str, point: MapPoint) -> None:
        fid = uuid.UUID(feature_id)
        if self._kinds.get(feature_id) == "place":
            with self.ledger.Session() as s:
                old = places.get_place(s, fid).point(point.crs)
            self.run(self.tr("Move gathering place"), lambda s: places.move_place(s, fid, point),
                     lambda s: places.move_place(s, fid, old))
            return
        with self.ledger.Session() as s:
            old = households.get_household(s, fid).point(point.crs)
        self.run(self.tr("Move household"), lambda s: households.move_household(s, fid, point),
                 lambda s: households.move_household(s, fid, old))

    def _on_feature_clicked(self, feature_id: str) -> None:
        if self._kinds.get(feature_id) == "place":
            self.edit_place(uuid.UUID(feature_id))
        elif self.steps.currentIndex() == 1:
            # Step II: the map is how people find a person of concern.
            hid = uuid.UUID(feature_id)
            person = next((c.person.id for c in self.watch_panel.concerns if c.household_id == hid), None)
            if person is not None:
                self.watch_panel.choose(person)
        elif self.steps.currentIndex() == 2:
            hid = uuid.UUID(feature_id)
            person = next((c.person.id for c in self.emergency_panel.cards if c.household_id == hid), None)
            if person is not None:
                self.emergency_panel.choose(person)
        else:
            self.select_household(uuid.UUID(feature_id))

    def select_household(self, household_id: uuid.UUID | None, *, pan: bool = False) -> None:
        self.selected_id = household_id
        view = None
        if household_id is not None:
            with self.ledger.Session() as s:
                view = households.get_household(s, household_id)
        self.household_panel.show_household(view)
        self.delete_action.setEnabled(view is not None)
        self.map_view.select(household_id, pan=pan)

    def edit_selected(self, fields: HouseholdFields) -> None:
        hid = self.selected_id
        if hid is None:
            return
        with self.ledger.Session() as s:
            before = households.get_household(s, hid)
        old = HouseholdFields(before.name, before.address, before.note, before.category_codes)
        if self.run(self.tr("Edit household"), lambda s: households.edit_household(s, hid, fields),
                    lambda s: households.edit_household(s, hid, old)) is None:
            self.household_panel.show_household(before)  # refused: show what the ledger holds

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Sasaeai Map"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        hid = self.selected_id
        if hid is None:
            return
        with self.ledger.Session() as s:
            view = households.get_household(s, hid)
        question = self.tr("Delete household No.{number} {label} from the map?\n"
                           "Undo (Ctrl+Z) brings it back.").format(number=view.map_number, label=view.label)
        if not self.confirm(question):
            return
        self.run(self.tr("Delete household"), lambda s: households.delete_household(s, hid),
                 lambda s: households.restore_household(s, hid))

    def _household_step(self, hid: uuid.UUID) -> Callable[[Any], HouseholdView]:
        return lambda s: households.get_household(s, hid)

    def add_person(self, fields: PersonFields | None = None) -> None:
        hid = self.selected_id
        if hid is None:
            return
        if fields is None:
            dialog = PersonDialog(None, self)
            if dialog.exec() != PersonDialog.DialogCode.Accepted:
                return
            fields = dialog.fields()
        pid = uuid.uuid4()
        reload = self._household_step(hid)
        if self.run(self.tr("Add member"),
                    lambda s: (households.add_person(s, hid, fields, person_id=pid), reload(s))[1],
                    lambda s: (households.delete_person(s, pid), reload(s))[1],
                    lambda s: (households.restore_person(s, pid), reload(s))[1]) is not None:
            self._offer_real_ledger()

    def edit_person(self, person_id: uuid.UUID, fields: PersonFields | None = None) -> None:
        hid, before = self.selected_id, self.household_panel.person(person_id)
        if hid is None or before is None:
            return
        if fields is None:
            dialog = PersonDialog(before, self)
            if dialog.exec() != PersonDialog.DialogCode.Accepted:
                return
            fields = dialog.fields()
        old = PersonFields(before.name, before.kana, before.birth_date, before.phone, before.of_concern, before.concerns)
        reload = self._household_step(hid)
        self.run(self.tr("Edit member"),
                 lambda s: (households.edit_person(s, person_id, fields), reload(s))[1],
                 lambda s: (households.edit_person(s, person_id, old), reload(s))[1])

    def remove_person(self, person_id: uuid.UUID) -> None:
        hid, person = self.selected_id, self.household_panel.person(person_id)
        if hid is None or person is None:
            return
        if not self.confirm(self.tr("Remove {name} from this household?").format(name=person.name)):
            return
        reload = self._household_step(hid)
        self.run(self.tr("Remove member"),
                 lambda s: (households.delete_person(s, person_id), reload(s))[1],
                 lambda s: (households.restore_person(s, person_id), reload(s))[1])

    def edit_place(self, place_id: uuid.UUID) -> None:
        with self.ledger.Session() as s:
            before = places.get_place(s, place_id)
        dialog = PlaceDialog(before, self)
        result = dialog.exec()
        if result == 2:
            if self.confirm(self.tr("Delete the gathering place {name}?").format(name=before.name)):
                self.run(self.tr("Delete gathering place"), lambda s: places.delete_place(s, place_id),
                         lambda s: places.restore_place(s, place_id))
        elif result == PlaceDialog.DialogCode.Accepted:
            fields = dialog.fields()
            old = places.PlaceFields(before.name, before.kind, before.schedule, before.note)
            self.run(self.tr("Edit gathering place"), lambda s: places.edit_place(s, place_id, fields),
                     lambda s: places.edit_place(s, place_id, old))

    # ------------------------------------------------------------------ privacy: lock, backups

    def start_auto_lock(self, minutes: float) -> None:
        """Lock after ``minutes`` without a key press or mouse move (the demo is not locked)."""
        self.auto_lock = AutoLock(minutes, self)
        # Watch the window's own input (every key and mouse event of the window passes its QWindow);
        # an application-wide Python event filter crashes PySide6 with WebEngine's internal objects.
        self.winId()
        self.windowHandle().installEventFilter(self.auto_lock)
        self.auto_lock.idle.connect(self.lock)
        self.auto_lock.start()

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        if getattr(self, "auto_lock", None) is not None:
            self.auto_lock.stop()
        self.splitter.setVisible(False)
        self.banner.setVisible(False)
        for bar in (self.steps_toolbar, self.edit_toolbar, self.projector_toolbar):
            bar.setVisible(False)
        self.menuBar().setEnabled(False)
        self.lock_screen.setVisible(True)
        self.unlock_button.setFocus()

    def unlock(self, passphrase: str | None = None, operator: Any = None) -> bool:
        """Show the ledger again once its passphrase is entered; the operator may change."""
        if not self.locked:
            return True
        if passphrase is None:
            dialog = UnlockDialog(self.ledger.path, new=False, parent=self)
            dialog.operator.setText(self.ledger.operator.name)
            while dialog.exec() == UnlockDialog.DialogCode.Accepted:
                if passphrase_ok(self.ledger, dialog.passphrase.text()):
                    passphrase, operator = dialog.passphrase.text(), dialog.chosen_operator()
                    break
                dialog.show_message(self.tr("That passphrase does not open this ledger."))
                dialog.passphrase.clear()
            else:
                return False
        elif not passphrase_ok(self.ledger, passphrase):
            return False
        if operator is not None:
            self.ledger.operator = operator
        self.locked = False
        self.lock_screen.setVisible(False)
        self.splitter.setVisible(True)
        self.steps.setVisible(not self.projector)
        self.banner.setVisible(self.projector)
        self.projector_toolbar.setVisible(self.projector)
        self.steps_toolbar.setVisible(not self.projector)
        self.edit_toolbar.setVisible(not self.projector)
        self.menuBar().setEnabled(True)
        if getattr(self, "auto_lock", None) is not None:
            self.auto_lock.start()
        return True

    def show_audit(self, person_id: uuid.UUID | None = None) -> AuditDialog:
        persons: list[tuple[uuid.UUID, str]] = []
        if self.town is not None:
            with self.ledger.Session() as s:
                persons = [(p.id, f"No.{h.map_number} {p.name}") for h in households.list_households(s, self.town.id)
                           for p in h.persons]
        dialog = AuditDialog(self.ledger, persons, self)
        if person_id is not None:
            dialog.person.setCurrentIndex(max(0, dialog.person.findData(person_id)))
        dialog.show()
        return dialog

    def edit_consent(self, person_id: uuid.UUID, fields: ConsentFields | None = None) -> bool:
        person = self.household_panel.person(person_id)
        if person is None:
            return False
        with self.ledger.Session() as s:
            before = get_consent(s, person_id)
        if fields is None:
            dialog = ConsentDialog(person.name, before, self)
            if dialog.exec() != ConsentDialog.DialogCode.Accepted:
                return False
            fields = dialog.fields()
        old = ConsentFields(before.consent, before.consent_watchers, before.consent_agencies, before.consent_map,
                            before.consent_date, before.consent_recorded_by)
        hid = self.selected_id
        reload = self._household_step(hid)
        return self.run(self.tr("Record consent"),
                        lambda s: (record_consent(s, person_id, fields), reload(s))[1],
                        lambda s: (record_consent(s, person_id, old), reload(s))[1]) is not None

    def backup_now(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the ledger"),
                                                  str(Path.home() / "sasaeai-backup.sqlite3"),
                                                  self.tr("Ledger backups (*.sqlite3)"))
            if not name:
                return None
            path = Path(name)
        try:
            written = backup_to(self.ledger, path)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return None
        self.statusBar().showMessage(self.tr("Backed up to {path} (encrypted like the ledger)").format(path=written),
                                     10000)
        return written

    def restore_backup(self, path: Path | None = None, *, confirm: bool = True,
                       passphrase: str | None = None) -> bool:
        """Replace the ledger with a checked backup, keeping the ledger as it is now as a backup first.

        A backup made under an older passphrase asks for that passphrase (or takes ``passphrase``).
        """
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"), str(self.ledger.backup_dir),
                                                  self.tr("Ledger backups (*.sqlite3)"))
            if not name:
                return False
            path = Path(name)
        key = passphrase or self.ledger.passphrase
        if not passphrase_opens(path, key) and passphrase is None and path.is_file() and not is_plain_sqlite(path):
            old_key, ok = QInputDialog.getText(
                self, self.tr("Restore from a backup"),
                self.tr("This backup does not open with the current passphrase.\nIts passphrase:"),
                QLineEdit.EchoMode.Password)
            if not ok:
                return False
            key = old_key
        try:
            check_backup(path, key)
        except LedgerError as e:
            show_error(self, e)
            return False
        if confirm and not self.confirm(self.tr(
                "Replace the ledger with this backup?\n{file}\n\nEverything recorded after the backup was made is "
                "replaced. The ledger as it is now is kept as a backup first, so restoring that one undoes this."
                ).format(file=path.name)):
            return False
        old = self.ledger
        self._cancel_details()
        for job in self._old_jobs:
            job.cancel(wait=True)
        self.undo_stack.clear()  # its commands belong to the ledger being replaced
        old.close()
        try:
            kept = restore_ledger_file(old.path, path, old.passphrase, source_passphrase=key)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return False
        finally:
            # The restored ledger (or the old one, when the restore refused) under the same passphrase.
            ledger = open_ledger(old.path, old.passphrase)
            ledger.operator = old.operator
            self.ledger = ledger
        self.town = None
        self.refresh_demo_bar()
        self.refresh_towns()
        self.open_initial_town()
        self.statusBar().showMessage(self.tr("Restored {file}. The ledger as it was is kept as {kept}.").format(
            file=path.name, kept=kept.name if kept else "—"), 30000)
        return True

    def refresh_demo_bar(self) -> bool:
        """Show the demo's bar when the ledger is marked as the demo; True when it is."""
        with self.ledger.Session() as s:
            demo = is_demo(s)
        self.demo_bar.setVisible(demo)
        return demo

    def _offer_real_ledger(self) -> None:
        # Someone typing people into the demo may mean real ones: offer a ledger of their own, without a dialog.
        if not self.demo_bar.isHidden():
            self.demo_bar.offer()

    def make_real_ledger(self) -> Path | None:
        """From the demo: make the user's own, empty ledger, then start the app again on it."""
        from app.ui.app import start_again_on  # the start-up module imports this one

        folder = ask_real_ledger(self)
        if folder is None:
            return None
        QMessageBox.information(self, self.tr("Sasaeai Map"), self.tr(
            "Your own ledger was made in\n{folder}\n\nThe demo now closes and Sasaeai Map starts again on your "
            "ledger: enter the passphrase you chose.").format(folder=folder))
        if not start_again_on(folder):
            QMessageBox.warning(self, self.tr("Sasaeai Map"), self.tr(
                "Sasaeai Map could not start again by itself. Please start it yourself; your ledger is in\n{folder}"
                ).format(folder=folder))
            return folder
        self.close()
        return folder

    def check_unencrypted_copies(self) -> list[Path]:
        """Warn while a plain copy from before the ledger was encrypted lies in backups/: anyone can read it."""
        copies = [b.path for b in unencrypted_copies(self.ledger.path)]
        self.plain_copy_bar.setVisible(bool(copies))
        if copies:
            self.plain_copy_text.setText(self.tr(
                "An unencrypted copy of the ledger, made when it was first encrypted, is still in the backups "
                "folder: anyone who gets this computer can read it.\n{files}").format(
                files="\n".join(str(p) for p in copies)))
        return copies

    def remove_unencrypted_copies(self, *, confirm: bool = True) -> bool:
        copies = [b.path for b in unencrypted_copies(self.ledger.path)]
        if not copies:
            return False
        if confirm and not self.confirm(self.tr(
                "Delete the unencrypted copy?\n\nThe encrypted ledger holds everything in it (this is checked "
                "first); the encrypted backups are kept.")):
            return False
        try:
            for copy in copies:
                remove_unencrypted_copy(self.ledger, copy)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            self.check_unencrypted_copies()
            return False
        self.check_unencrypted_copies()
        self.statusBar().showMessage(self.tr("The unencrypted copy was deleted."), 15000)
        return True

    def set_auto_lock_minutes(self, minutes: int | None = None) -> int | None:
        """How long the window may stay idle before it locks; kept in the settings."""
        current = int(float(self.settings.value(AUTO_LOCK_MINUTES, DEFAULT_AUTO_LOCK_MINUTES)))
        if minutes is None:
            minutes, ok = QInputDialog.getInt(
                self, self.tr("Lock when idle"),
                self.tr("Lock the window after this many minutes without use:"), current, 1, 240)
            if not ok:
                return None
        minutes = max(1, min(240, int(minutes)))
        self.settings.setValue(AUTO_LOCK_MINUTES, minutes)
        if getattr(self, "auto_lock", None) is not None:
            self.auto_lock.set_minutes(minutes)
        self.statusBar().showMessage(self.tr("The window locks after {minutes} minutes without use.").format(
            minutes=minutes), 10000)
        return minutes

    # ------------------------------------------------------------------ sync with the office

    def refresh_sync_status(self) -> SyncStatus:
        with self.ledger.Session() as s:
            status = sync.sync_status(s)
        self.sync_label.setText(status_text(status))
        synced = bool(status.server_url or status.laptop_name)
        self.sync_separator.setVisible(synced)
        self.edit_toolbar.widgetForAction(self.sync_action).setVisible(synced)
        self.conflicts_action.setText(self.tr("Conflicts to resolve ({n})…").format(n=status.open_conflicts)
                                      if status.open_conflicts else self.tr("Conflicts to resolve…"))
        return status

    def _after_sync(self, report: SyncReport) -> None:
        self.undo_stack.clear()  # received changes may touch what the undo stack would revert
        self.refresh_towns()
        if self.town is not None:
            self.load_town(self.town.id)
        else:
            self.open_initial_town()
        self.refresh_sync_status()
        self.statusBar().showMessage(report_text(report), 30000)

    def sync_now(self, url: str | None = None) -> SyncReport | None:
        """Sync with the office server: receive the other laptops' changes, then send this laptop's."""
        status = self.refresh_sync_status()
        if url is None and not status.server_url:
            url, ok = QInputDialog.getText(self, self.tr("Sync with the office"), self.tr(
                "The office server's address, as the office gave it (postgresql://…):"))
            if not ok or not url.strip():
                return None
            url = url.strip()
        stage = {"text": ""}

        def job(_session: Session) -> SyncReport:
            def progress(name: str, done: int, total: int) -> None:
                if cancel.get("event") is not None and cancel["event"].is_set():
                    raise Cancelled()  # the side being written rolls back; the next sync goes on from there
                stage["text"] = QCoreApplication.translate("sync", sync.STAGES.get(name, name))

            return sync.sync(self.ledger, url, progress=progress)

        cancel: dict[str, Any] = {}
        try:
            report = run_with_progress(self, self.ledger, self.tr("Sync with the office"),
                                       self.tr("Syncing with the office server…"), job, write=False,
                                       on_started=lambda _d, event: cancel.setdefault("event", event))
        except Cancelled:
            self.refresh_sync_status()
            self.statusBar().showMessage(self.tr("Sync stopped; nothing half-done was kept. Sync again to finish."),
                                         15000)
            return None
        except LedgerError as e:
            self.refresh_sync_status()
            show_error(self, e)
            return None
        self._after_sync(report)
        return report

    def show_conflicts(self, show: Callable[[ConflictDialog], Any] | None = None) -> ConflictDialog:
        def load() -> list[ConflictView]:
            with self.ledger.Session() as s:
                return sync.list_conflicts(s)

        def resolve(conflict_id: int, choice: str) -> bool:
            try:
                with self.ledger.Session.begin() as s:
                    sync.resolve_conflict(s, conflict_id, choice)
            except LedgerError as e:
                show_error(dialog, e)
                return False
            if self.town is not None:
                self.undo_stack.clear()
                self.load_town(self.town.id)
            self.refresh_sync_status()
            return True

        dialog = ConflictDialog(load, resolve, self)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def _package_passphrase(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, self.tr(
            "The package's passphrase (agreed with the office; not the ledger's):"), QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def _with_package(self, title: str, path: Path | None, passphrase: str | None, choose: Callable[[], str],
                      run: Callable[[Path, str], Any]) -> Any:
        """Ask for the package file and its passphrase unless given, then ``run(path, passphrase)``."""
        if path is None:
            name = choose()
            if not name:
                return None
            path = Path(name)
        passphrase = passphrase or self._package_passphrase(title)
        if passphrase is None:
            return None
        try:
            return run(path, passphrase)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return None

    def export_sync_package(self, path: Path | None = None, passphrase: str | None = None) -> Path | None:
        """This laptop's changes in an encrypted file for the office (for a laptop that never reaches its network)."""
        title = self.tr("Sync package for the office")
        summary = self._with_package(
            title, path, passphrase,
            lambda: QFileDialog.getSaveFileName(self, title, str(Path.home() / "sasaeai-sync-to-office.sqlite3"),
                                                self.tr("Sync packages (*.sqlite3)"))[0],
            lambda target, key: sync.export_package(self.ledger, target, key))
        if summary is None:
            return None
        self.refresh_sync_status()
        self.statusBar().showMessage(self.tr("Saved {n} changes to {path}: take it to the office.").format(
            n=summary.changes, path=summary.path), 20000)
        return summary.path

    def import_sync_package(self, path: Path | None = None, passphrase: str | None = None) -> SyncReport | None:
        title = self.tr("Sync package from the office")
        report = self._with_package(
            title, path, passphrase,
            lambda: QFileDialog.getOpenFileName(self, title, str(Path.home()), self.tr("Sync packages (*.sqlite3)"))[0],
            lambda source, key: sync.import_package(self.ledger, source, key))
        if report is not None:
            self._after_sync(report)
        return report

    def change_passphrase(self) -> None:
        dialog = UnlockDialog(self.ledger.path, new=True, ask_operator=False, parent=self)
        dialog.setWindowTitle(self.tr("Change passphrase"))
        if dialog.exec() != UnlockDialog.DialogCode.Accepted:
            return
        try:
            change_passphrase(self.ledger, dialog.passphrase.text())
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return
        self.statusBar().showMessage(self.tr("The passphrase was changed (a backup was made first)."), 10000)

    # ------------------------------------------------------------------ comfort

    def set_comfort(self, key: str, on: bool) -> None:
        """Large text, high contrast or 和暦: applied at once and remembered."""
        self.comfort.set(key, on)
        self.household_panel.wareki = self.comfort.wareki
        self.household_panel.show_household(self.household_panel.household)
        self.map_view.set_scale(self._map_scale())

    def _map_scale(self) -> float:
        return PROJECTOR_SCALE if self.projector else self.comfort.scale

    # ------------------------------------------------------------------ printed map

    def print_map(self, options: Any = None, show: Callable[[PdfPreviewDialog], Any] | None = None
                  ) -> PdfPreviewDialog | None:
        """Print the town map (map numbers only) to a PDF and preview it; save or print from there."""
        from app.maps.printing import PrintOptions
        from app.maps.printing import print_map as write_map

        if self.town is None:
            return None
        if options is None:
            options = self._ask_print_options()
            if options is None:
                return None
        town_id = self.town.id
        return self._export_pdf(
            lambda _s, path: write_map(self.ledger, town_id, path, options or PrintOptions(), page_labels()),
            self.tr("Printed map"), f"支え合いマップ_{self.town.name}.pdf", show)

    def _ask_print_options(self):  # noqa: ANN202 - PrintOptions | None
        from PySide6.QtWidgets import (
            QCheckBox,
            QComboBox,
            QDialog,
            QDialogButtonBox,
            QFormLayout,
        )

        from app.maps.printing import PrintOptions

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Print map"))
        paper, orientation, lines = QComboBox(), QComboBox(), QCheckBox(self.tr("Draw the watch lines"))
        paper.addItems(["A4", "A3"])
        orientation.addItem(self.tr("Landscape"), True)
        orientation.addItem(self.tr("Portrait"), False)
        form = QFormLayout(dialog)
        form.addRow(self.tr("Paper"), paper)
        form.addRow(self.tr("Orientation"), orientation)
        form.addRow("", lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return PrintOptions(paper=paper.currentText(), landscape=orientation.currentData(), lines=lines.isChecked())

    # ------------------------------------------------------------------ projector mode

    def _public(self, feature: dict | None) -> dict | None:
        """What may be sent to the page now: in projector mode never a name or an address."""
        return anonymous(feature) if self.projector else feature

    def set_projector(self, on: bool, *, confirm: bool = True) -> None:
        """Turn the meeting display on or off; leaving it is deliberate (it asks)."""
        if on == self.projector:
            return
        if not on and confirm and not self.confirm(self.tr(
                "Leave projector mode? Names, phone numbers and notes will be shown again.")):
            return
        self.projector = on
        self.banner.setVisible(on)
        self.projector_toolbar.setVisible(on)
        for widget in (self.steps, self.steps_toolbar, self.edit_toolbar, self.menuBar()):
            widget.setVisible(not on)
        for action in (self.add_household_action, self.add_place_action):
            action.setChecked(False)
            action.setEnabled(not on)
        self.select_household(None)
        if on:
            self._normal_geometry = self.saveGeometry()
            self.showFullScreen()
        else:
            self.showNormal()
            if getattr(self, "_normal_geometry", None) is not None:
                self.restoreGeometry(self._normal_geometry)
        if self.town is not None:
            self.load_town(self.town.id)  # the page gets the features again, anonymous or not

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        # Esc must not drop the meeting display by accident: only the Leave button does.
        if self.projector and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ Step II

    def _show_watch(self, concerns: list[ConcernView], lines: list) -> None:
        self.watch_panel.show_concerns(concerns, self.watch_panel.current_person())
        self.map_view.set_lines(line_specs(lines))
        self.map_view.set_gaps(gap_households(concerns))

    def refresh_watch(self) -> None:
        if self.town is None:
            return
        self._supersede_details()
        with self.ledger.Session() as s:
            concerns = watch.list_concerns(s, self.town.id)
            lines = watch.watch_lines(s, self.town.id)
        self._show_watch(concerns, lines)

    def _on_person_chosen(self, person_id: uuid.UUID | None) -> None:
        concern = self.watch_panel.concern(person_id)
        self.watch_panel.show_person(concern)
        if self.steps.currentIndex() == 1:
            self.map_view.highlight_person(person_id)
        if concern is not None:
            self.map_view.select(concern.household_id, pan=True)

    def add_watch_link(self, dialog: LinkDialog | None = None) -> WatchLinkView | None:
        person_id = self.watch_panel.current_person()
        if person_id is None or self.town is None:
            return None
        town_id = self.town.id
        if dialog is None:
            with self.ledger.Session() as s:
                watchers = watch.list_watchers(s, town_id)
                homes = households.list_households(s, town_id)
            dialog = LinkDialog(watchers, homes, parent=self)
            if dialog.exec() != LinkDialog.DialogCode.Accepted:
                return None
        existing, link_fields, watcher_fields = dialog.existing_id(), dialog.link_fields(), dialog.watcher_fields()
        link_id, new_watcher_id = uuid.uuid4(), uuid.uuid4()

        def first(s):  # noqa: ANN001, ANN202
            watcher_id = existing or watch.add_watcher(s, town_id, watcher_fields, watcher_id=new_watcher_id).id
            return watch.link_watcher(s, person_id, watcher_id, link_fields, link_id=link_id)

        def undo(s):  # noqa: ANN001, ANN202
            view = watch.unlink(s, link_id)
            if existing is None:
                watch.archive_watcher(s, new_watcher_id)
            return view

        def redo(s):  # noqa: ANN001, ANN202
            if existing is None:
                watch.restore_watcher(s, new_watcher_id)
            return watch.restore_link(s, link_id)

        return self.run(self.tr("Add watcher"), first, undo, redo)

    def _link(self, link_id: uuid.UUID) -> WatchLinkView | None:
        concern = self.watch_panel.concern(self.watch_panel.current_person())
        return next((l for l in concern.links if l.id == link_id), None) if concern else None  # noqa: E741

    def edit_watch_link(self, link_id: uuid.UUID, dialog: LinkDialog | None = None) -> None:
        before = self._link(link_id)
        if before is None:
            return
        if dialog is None:
            dialog = LinkDialog([], [], link=before, parent=self)
            if dialog.exec() != LinkDialog.DialogCode.Accepted:
                return
        fields = dialog.link_fields()
        from app.services.watch_views import LinkFields

        old = LinkFields(before.involvement, before.frequency, before.since, before.note)
        self.run(self.tr("Edit involvement"), lambda s: watch.edit_link(s, link_id, fields),
                 lambda s: watch.edit_link(s, link_id, old))

    def remove_watch_link(self, link_id: uuid.UUID) -> None:
        link = self._link(link_id)
        if link is None:
            return
        if not self.confirm(self.tr("{watcher} no longer watches over this person?").format(watcher=link.watcher.name)):
            return
        self.run(self.tr("Remove watcher"), lambda s: watch.unlink(s, link_id), lambda s: watch.restore_link(s, link_id))

    # ------------------------------------------------------------------ liaison meeting

    def refresh_meeting(self) -> None:
        if self.town is None:
            return
        self._supersede_details()
        keep = self.meeting_panel.current_meeting()
        with self.ledger.Session() as s:
            all_meetings = meetings.list_meetings(s, self.town.id)
            if keep is None and all_meetings and getattr(self, "_meeting_shown_for", None) != self.town.id:
                keep = all_meetings[0].id  # the latest meeting, the first time a town is shown
            queue = meetings.review_queue(s, self.town.id, meeting_id=keep)
        self._meeting_shown_for = self.town.id
        self.meeting_panel.show_meetings(all_meetings, keep)
        self.meeting_panel.show_queue(queue, self.meeting_panel.current_person())

    def new_meeting(self, dialog: MeetingDialog | None = None) -> MeetingView | None:
        if self.town is None:
            return None
        if dialog is None:
            dialog = MeetingDialog(self)
            if dialog.exec() != MeetingDialog.DialogCode.Accepted:
                return None
        fields, town_id, new_id = dialog.fields(), self.town.id, uuid.uuid4()
        made = self.run(self.tr("New meeting"), lambda s: meetings.add_meeting(s, town_id, fields, meeting_id=new_id),
                        lambda s: meetings.delete_meeting(s, new_id), lambda s: meetings.restore_meeting(s, new_id))
        if made is not None:
            self.meeting_panel.show_meetings([], None)  # forget the old choice; refresh picks the new one
            with self.ledger.Session() as s:
                self.meeting_panel.show_meetings(meetings.list_meetings(s, town_id), made.id)
            self.refresh_meeting()
        return made

    def _on_review_person_chosen(self, person_id: uuid.UUID | None) -> None:
        item = self.meeting_panel.item(person_id)
        if item is not None:
            self.map_view.select(item.household_id, pan=True)  # the map follows the walk-through

    def record_outcome(self, outcome: ReviewOutcome, note: str = "", *, confirm: bool = True) -> ReviewView | None:
        item = self.meeting_panel.item(self.meeting_panel.current_person())
        if item is None:
            return None
        if outcome in ENDING and confirm and not self.confirm(self.tr(
                "Record for No.{number} that they {outcome}?\nTheir watch ends. Nothing is deleted: the record is "
                "kept and can be restored.").format(number=item.map_number, outcome=outcome_labels()[outcome])):
            return None
        fields = ReviewFields(outcome=outcome, note=note, meeting_id=self.meeting_panel.current_meeting())
        person_id, holder = item.person.id, {}

        def first(s):  # noqa: ANN001, ANN202
            view = meetings.record_review(s, person_id, fields)
            holder["id"] = view.id
            return view

        def undo(s):  # noqa: ANN001, ANN202
            return meetings.withdraw_review(s, holder["id"])

        review = self.run(self.tr("Review"), first, undo, first)
        if review is not None:
            self.meeting_panel.note.clear()
            self.refresh_meeting()
            if review.archived_person:  # the household symbol changes (a person of concern fewer)
                with self.ledger.Session() as s:
                    self.apply(households.get_household(s, item.household_id))
            self.meeting_panel.next_person()
        return review

    def show_due_list(self, show: Callable[[ListDialog], Any] | None = None) -> ListDialog | None:
        if self.town is None:
            return None
        with self.ledger.Session() as s:
            items = meetings.due_list(s, self.town.id)
        rows = [[str(i.map_number), self._meeting_name(i.person.name),
                 QCoreApplication.translate("meetings", DUE_REASON_TEXT[i.reason]),
                 i.since.isoformat() if i.since else ""] for i in items]
        dialog = ListDialog(self.tr("Due and overdue"), [self.tr("No."), self.tr("Name"), self.tr("Why"),
                                                          self.tr("Since")], rows, parent=self)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def _meeting_name(self, name: str) -> str:
        """A name in the meeting's lists; on the projector only map numbers are shown."""
        return self.tr("(hidden on the projector)") if self.projector else name

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

        dialog = SelfCheckDialog(load, save, compare, self)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def show_changes(self, show: Callable[[ListDialog], Any] | None = None) -> ListDialog | None:
        if self.town is None:
            return None
        with self.ledger.Session() as s:
            report = meetings.changes_since_last_meeting(s, self.town.id)
        if report is None:
            self.statusBar().showMessage(self.tr("This town has no liaison meeting recorded yet: "
                                                 "start one with New meeting…"), 10000)
            return None
        kinds, actions = change_labels()
        rows = [[kinds[i.kind], actions[i.action], str(i.map_number or ""), self._meeting_name(i.label),
                 "、".join(dict.fromkeys(field_label(f) for f in i.fields)),
                 ", ".join(i.recorded_by) or self.tr("unknown"), i.at.astimezone().strftime("%Y-%m-%d %H:%M")]
                for i in report.items]
        note = self.tr("Since {since}. Who recorded each change: from the history of changes.").format(
            since=report.since.astimezone().strftime("%Y-%m-%d")) if report.source == "audit" else self.tr(
            "Since {since}. Only record times are known (who recorded them is not).").format(
            since=report.since.astimezone().strftime("%Y-%m-%d"))
        dialog = ListDialog(self.tr("What changed since the last meeting"),
                            [self.tr("What"), self.tr("Change"), self.tr("No."), self.tr("Name"), self.tr("Fields"),
                             self.tr("Recorded by"), self.tr("When")], rows, note, self)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def show_overview(self, show: Callable[[ListDialog], Any] | None = None) -> ListDialog:
        with self.ledger.Session() as s:
            ov = overview(s)
        headers = [self.tr("Town / district")] + overview_headers(ov)[2:] + [self.tr("Watched (■) / not (□)")]
        rows = []
        for row in ov.rows():
            values = [str(v) for v in [row.households] + [row.category(c.code) for c in ov.categories]
                      + [row.persons_of_concern, row.watched, row.not_watched, row.cards, row.reviews_up_to_date,
                         row.reviews_due]]
            bar = "■" * min(row.watched, 30) + "□" * min(row.not_watched, 30)
            rows.append([row.name] + values + [bar])
        dialog = ListDialog(self.tr("Overview"), headers, rows, parent=self)
        export = dialog.buttons.addButton(self.tr("Export to Excel…"), QDialogButtonBox.ButtonRole.ActionRole)

        def save() -> None:
            name, _ = QFileDialog.getSaveFileName(dialog, self.tr("Export the overview"),
                                                  str(Path.home() / "overview.xlsx"), self.tr("Excel (*.xlsx)"))
            if name:
                export_overview_xlsx(ov, Path(name))

        export.clicked.connect(save)
        dialog.overview = ov
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    # ------------------------------------------------------------------ Step III

    def refresh_cards(self) -> None:
        if self.town is None:
            return
        self._supersede_details()
        with self.ledger.Session() as s:
            cards = emergency.list_cards(s, self.town.id)
        self.emergency_panel.show_cards(cards, self.emergency_panel.current_person())

    def _on_card_person_chosen(self, person_id: uuid.UUID | None) -> None:
        card = self.emergency_panel.card(person_id)
        if card is not None:
            self.map_view.select(card.household_id, pan=True)

    def edit_card(self, person_id: uuid.UUID, dialog: CardDialog | None = None) -> CardView | None:
        with self.ledger.Session() as s:
            before = emergency.get_card(s, person_id)
            directory = emergency.list_agencies(s)
        if dialog is None:
            dialog = CardDialog(before, directory, self)
            if dialog.exec() != CardDialog.DialogCode.Accepted:
                return None
        fields, contacts = dialog.card_fields(), dialog.contact_fields()
        old_fields, old_contacts = fields_of(before)
        had_card = before.has_card

        def undo(s):  # noqa: ANN001, ANN202
            view = emergency.save_card(s, person_id, old_fields, old_contacts)
            return view if had_card else emergency.delete_card(s, person_id)

        return self.run(self.tr("Edit emergency card"),
                        lambda s: emergency.save_card(s, person_id, fields, contacts), undo)

    def _export_pdf(self, write: Callable[..., Any], title: str, name: str,
                    show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                    audience: Audience | None = None) -> PdfPreviewDialog | None:
        """Write a PDF to a temporary file, then preview it (save or print from there).

        With an ``audience``, ``write(session, path, audience)`` makes it for that audience and the
        preview offers the others; without, ``write(session, path)`` (a print with no names at all).
        """
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="sasaeai-print-"))

        def render(chosen: Audience | None) -> Path | None:
            target = folder / (Audience(chosen).value if chosen is not None else "all") / name
            target.parent.mkdir(exist_ok=True)
            try:
                with self.ledger.Session() as s:
                    write(s, target) if chosen is None else write(s, target, Audience(chosen))
            except (LedgerError, OSError) as e:
                show_error(self, e)
                return None
            return target

        first = render(audience)
        if first is None:
            return None
        if audience is None:
            dialog = PdfPreviewDialog(first, title, name, self)
        else:
            dialog = PdfPreviewDialog(first, title, name, self, audiences=audience_labels(), audience=audience,
                                      render=render, rule=lambda a: export_rule(a).ja)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def preview_sheet(self, show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                      audience: Audience = emergency_sheet.DEFAULT_AUDIENCE) -> PdfPreviewDialog | None:
        if self.town is None:
            return None
        town_id = self.town.id
        return self._export_pdf(lambda s, path, a: emergency_sheet.export_sheet(s, town_id, path, audience=a),
                                self.tr("Emergency contact sheet"), f"緊急連絡表_{self.town.name}.pdf", show,
                                audience=audience)

    def preview_cards(self, person_ids: list[uuid.UUID] | None,
                      show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                      audience: Audience = emergency_cards.DEFAULT_AUDIENCE) -> PdfPreviewDialog | None:
        if self.town is None:
            return None
        town_id, per_page = self.town.id, self.emergency_panel.per_page.currentData()
        return self._export_pdf(
            lambda s, path, a: emergency_cards.export_cards(s, town_id, path, person_ids=person_ids,
                                                            per_page=per_page, audience=a),
            self.tr("Emergency contact cards"), f"緊急連絡カード_{self.town.name}.pdf", show, audience=audience)

    def export_sheet_excel(self, path: Path, audience: Audience = emergency_sheet.DEFAULT_AUDIENCE) -> Path | None:
        try:
            with self.ledger.Session() as s:
                return emergency_sheet.export_sheet(s, self.town.id, path, audience=audience)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return None

    def ask_audience(self, default: Audience) -> Audience | None:
        """Who the copy is for (the consent rule follows); None when the user cancels."""
        labels = audience_labels()
        choices = list(labels)
        label, ok = QInputDialog.getItem(self, self.tr("For whom?"), self.tr(
            "Who will receive this copy? Persons who did not consent to sharing with them are left anonymous."),
            [labels[a] for a in choices], choices.index(default), False)
        return choices[[labels[a] for a in choices].index(label)] if ok else None

    def _confirm_report(self, title: str, path: Path) -> Callable[[Any], bool]:
        """Ask before importing, with the file's problems listed row by row under "Show Details"."""
        def confirm(preview: Any) -> bool:
            box = QMessageBox(QMessageBox.Icon.Question, title,
                              self.tr("{file}: {summary}. Import?").format(file=path.name,
                                                                           summary=summary_text(preview)),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            if preview.problems:
                box.setDetailedText("\n".join(f"{p.severity}: {p.message()}" for p in preview.problems))
            return box.exec() == QMessageBox.StandardButton.Yes

        return confirm

    def import_reference_layer(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import shelters or facilities"), str(Path.home()),
                                                  self.tr("CSV or GeoJSON (*.csv *.geojson *.json)"))
            if not name:
                return False
            path = Path(name)
        try:
            preview = reference_layers.read_layer(path)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return False
        if not (confirm or self._confirm_report(self.tr("Import shelters or facilities"), path))(preview):
            return False
        with self.ledger.Session.begin() as s:
            reference_layers.apply_layer(s, preview)
        if self.town is not None:
            self.load_town(self.town.id)
        return True

    def import_agencies(self, path: Path | None = None, kind: str | None = None,
                        confirm: Callable[[Any], bool] | None = None, area_code: str | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import agency list"), str(Path.home()),
                                                  self.tr("Excel or CSV (*.xlsx *.csv)"))
            if not name:
                return False
            path = Path(name)
        try:
            with self.ledger.Session() as s:
                preview = agency_io.read_agencies(s, path, kind=kind, default_area_code=area_code or "")
                short = [r for r in preview.rows if r.fields.phone and not r.fields.phone.startswith("0")]
                if short and area_code is None:
                    from PySide6.QtWidgets import QInputDialog

                    code, ok = QInputDialog.getText(
                        self, self.tr("Import agency list"),
                        self.tr("{count} phone numbers in {file} have no area code (市外局番).\n"
                                "Which area code do they have? (e.g. 0776)").format(count=len(short), file=path.name))
                    if not ok:
                        return False
                    return self.import_agencies(path, kind, confirm, code.strip())
        except LedgerError as e:
            if kind is None and e.template.startswith("Please choose what kind"):
                from PySide6.QtWidgets import QInputDialog

                from app.services.emergency_views import AGENCY_KIND_LABELS

                labels = {label: k.value for k, label in AGENCY_KIND_LABELS.items()}
                choice, ok = QInputDialog.getItem(self, self.tr("Import agency list"),
                                                  self.tr("What kind of agencies does {file} list?").format(
                                                      file=path.name), list(labels), 0, False)
                return ok and self.import_agencies(path, labels[choice], confirm, area_code)
            show_error(self, e)
            return False
        except OSError as e:
            show_error(self, e)
            return False
        if not (confirm or self._confirm_report(self.tr("Import agency list"), path))(preview):
            return False
        try:
            with self.ledger.Session.begin() as s:
                agency_io.apply_agencies(s, preview)
        except LedgerError as e:
            show_error(self, e)
            return False
        self.refresh_cards()
        return True

    # ------------------------------------------------------------------ Excel forms

    def export_watch_form(self, path: Path | None = None, audience: Audience | None = None) -> Path | None:
        if self.town is None:
            return None
        if audience is None:
            audience = self.ask_audience(watch_form.DEFAULT_AUDIENCE) if path is None else watch_form.DEFAULT_AUDIENCE
            if audience is None:
                return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export watch-network record form"),
                str(Path.home() / f"見守りネットワーク記録用紙_{self.town.name}.xlsx"), self.tr("Excel (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        try:
            with self.ledger.Session() as s:
                written = watch_form.export_form(s, self.town.id, path, audience=audience)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return None
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=written), 8000)
        return written

    def _run_import(self, title: str, read: Callable[[Any], Any], apply: Callable[..., Any],
                    confirm: Callable[[Any], bool] | None = None) -> bool:
        """Read → preview dialog → apply everything in one transaction; a bad file changes nothing."""
        try:
            with self.ledger.Session() as s:
                preview = read(s)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return False
        if confirm is None:
            dialog = ImportPreviewDialog(preview, title, self)
            confirm = lambda _p: dialog.exec() == ImportPreviewDialog.DialogCode.Accepted  # noqa: E731
        if not confirm(preview):
            return False
        table = AddressTable.from_isj_csv(address_table_path())
        try:
            run_with_progress(self, self.ledger, title, self.tr("Importing {file}…").format(file=preview.path.name),
                              lambda s: apply(s, preview, address_table=table), write=True,
                              on_started=self._progress_hook)
        except Cancelled:
            self.statusBar().showMessage(self.tr("Import cancelled: nothing was changed."), 10000)
            return False
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return False
        self.load_town(self.town.id)
        self.statusBar().showMessage(self.tr("Imported: {summary}").format(summary=summary_text(preview)), 10000)
        return True

    def import_watch_form(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        if self.town is None:
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import watch-network record form"), str(Path.home()),
                                                  self.tr("Excel (*.xlsx)"))
            if not name:
                return False
            path = Path(name)
        return self._run_import(self.tr("Import watch-network record form"),
                                lambda s: watch_form.read_form(s, path), watch_form.apply_form, confirm)

    def import_roster(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        if self.town is None:
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import roster"), str(Path.home()),
                                                  self.tr("Rosters (*.xlsx *.csv)"))
            if not name:
                return False
            path = Path(name)
        try:
            columns = roster.detect_columns(path)
        except (LedgerError, OSError) as e:
            show_error(self, e)
            return False
        if "name" not in columns.mapping:
            mapping = ColumnMappingDialog(columns, self)
            if mapping.exec() != ColumnMappingDialog.DialogCode.Accepted:
                return False
            columns = mapping.result_columns()
        town_id = self.town.id
        return self._run_import(self.tr("Import roster"),
                                lambda s: roster.read_roster(s, path, town_id, columns=columns),
                                roster.apply_roster, confirm)

    # ------------------------------------------------------------------ search

    def _run_search(self) -> None:
        text = self.search_box.field.text()
        with self.ledger.Session() as s:
            hits = search(s, text, town_id=self.town.id if self.town else None) if text.strip() else []
        self.search_box.show_hits(hits)

    # ------------------------------------------------------------------ help

    def set_language(self, code: str) -> None:
        self.settings.setValue(SETTING, code)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language is used from the next start of Sasaeai Map."))

    def about(self) -> None:
        AboutDialog(self).exec()

    def show_guide(self) -> None:
        GuideDialog(chosen_language(self.settings), self).exec()
