"""Every action of the main window, made in one place from one table (as Picard's ``ui/mainwindow/actions.py``).

Menus and toolbars are built from the registry; controllers connect the actions' slots by key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from app.core.errors import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate


class MainAction(Enum):
    UNDO = auto()
    REDO = auto()
    ADD_HOUSEHOLD = auto()
    ADD_PLACE = auto()
    DELETE = auto()
    NEW_TOWN = auto()
    DISTRICTS_TOWNS = auto()
    BASE_IMAGE = auto()
    BASE_MBTILES = auto()
    BASE_PLAIN = auto()
    GEOREFERENCE = auto()
    LINES = auto()
    EXPORT_FORM = auto()
    EXPORT_GEOJSON = auto()
    IMPORT_FORM = auto()
    IMPORT_ROSTER = auto()
    IMPORT_LAYER = auto()
    IMPORT_AGENCIES = auto()
    REFERENCES = auto()
    PRINT_MAP = auto()
    PROJECTOR = auto()
    BACKUP = auto()
    RESTORE = auto()
    SYNC = auto()
    CONFLICTS = auto()
    EXPORT_PACKAGE = auto()
    IMPORT_PACKAGE = auto()
    AUTO_LOCK = auto()
    PASSPHRASE = auto()
    AUDIT = auto()
    LOCK = auto()
    QUIT = auto()
    ABOUT = auto()
    GUIDE = auto()
    LARGE_TEXT = auto()
    HIGH_CONTRAST = auto()
    WAREKI = auto()
    STEP_1 = auto()
    STEP_2 = auto()
    STEP_3 = auto()
    STEP_4 = auto()
    LEAVE_PROJECTOR = auto()
    PLANS = auto()
    DISASTER_MODE = auto()
    COPIES = auto()
    SAFETY = auto()
    IMPORT_SAFETY = auto()
    SAFETY_PROJECTOR = auto()


A = MainAction
STEPS = (A.STEP_1, A.STEP_2, A.STEP_3, A.STEP_4)


@dataclass(frozen=True)
class Spec:
    text: str  # source text in the "MainWindow" context of the catalogue
    tip: str
    shortcut: Any = None  # a QKeySequence.StandardKey, a string, or a list of them
    checkable: bool = False
    checked: bool = False


def _tr(text: str) -> str:
    return translate("MainWindow", text)


SPECS: dict[MainAction, Spec] = {
    A.ADD_HOUSEHOLD: Spec(QT_TRANSLATE_NOOP("MainWindow", "Add household"), QT_TRANSLATE_NOOP("MainWindow", "Then click the map where the household is"),
                          "Ctrl+N", checkable=True),
    A.ADD_PLACE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Add gathering place"),
                      QT_TRANSLATE_NOOP("MainWindow", "Then click the map where the gathering place is"), checkable=True),
    A.DELETE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Delete household…"),
                   QT_TRANSLATE_NOOP("MainWindow", "Delete the selected household (asks first; undo brings it back)"),
                   QKeySequence.StandardKey.Delete),
    A.NEW_TOWN: Spec(QT_TRANSLATE_NOOP("MainWindow", "New town…"), QT_TRANSLATE_NOOP("MainWindow", "Add a town to this ledger")),
    A.DISTRICTS_TOWNS: Spec(QT_TRANSLATE_NOOP("MainWindow", "Districts and towns…"),
                            QT_TRANSLATE_NOOP("MainWindow", "Add, rename or archive the city's districts and towns, "
                                              "or import a list of districts")),
    A.BASE_IMAGE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Use a town-map image…"),
                       QT_TRANSLATE_NOOP("MainWindow", "A scanned or exported town map (PNG or JPEG)")),
    A.BASE_MBTILES: Spec(QT_TRANSLATE_NOOP("MainWindow", "Use an MBTiles file…"),
                         QT_TRANSLATE_NOOP("MainWindow", "A raster tile pack prepared for offline use")),
    A.BASE_PLAIN: Spec(QT_TRANSLATE_NOOP("MainWindow", "Use a plain background"), QT_TRANSLATE_NOOP("MainWindow", "No base map")),
    A.GEOREFERENCE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Tie the town map to the ground…"),
                         QT_TRANSLATE_NOOP("MainWindow", "Click three or more known places on the town-map image, so "
                                           "shelters and addresses appear on it")),
    A.LINES: Spec(QT_TRANSLATE_NOOP("MainWindow", "Watch lines"),
                  QT_TRANSLATE_NOOP("MainWindow", "Show the lines from each watcher's house to the person they watch"),
                  "Ctrl+L", checkable=True),
    A.EXPORT_FORM: Spec(QT_TRANSLATE_NOOP("MainWindow", "Export watch-network record form…"),
                        QT_TRANSLATE_NOOP("MainWindow", "The 見守りネットワーク記録用紙 of this town, in Excel")),
    A.EXPORT_GEOJSON: Spec(QT_TRANSLATE_NOOP("MainWindow", "Export GeoJSON…"),
                           QT_TRANSLATE_NOOP("MainWindow", "Households, gathering places and watch lines of this town "
                                             "for GIS tools such as QGIS (consent applied)")),
    A.IMPORT_FORM: Spec(QT_TRANSLATE_NOOP("MainWindow", "Import watch-network record form…"),
                        QT_TRANSLATE_NOOP("MainWindow", "Read back a form filled in by volunteers")),
    A.IMPORT_ROSTER: Spec(QT_TRANSLATE_NOOP("MainWindow", "Import roster…"),
                          QT_TRANSLATE_NOOP("MainWindow", "A list with one row per person (Excel or CSV)")),
    A.IMPORT_LAYER: Spec(QT_TRANSLATE_NOOP("MainWindow", "Import shelters or facilities…"),
                         QT_TRANSLATE_NOOP("MainWindow", "Public lists of shelters, community halls or clinics (CSV, GeoJSON or Shapefile)")),
    A.IMPORT_AGENCIES: Spec(QT_TRANSLATE_NOOP("MainWindow", "Import agency list…"),
                            QT_TRANSLATE_NOOP("MainWindow", "Community general support centres, care offices, clinics … "
                                            "(Excel or CSV)")),
    A.REFERENCES: Spec(QT_TRANSLATE_NOOP("MainWindow", "Shelters and facilities"),
                       QT_TRANSLATE_NOOP("MainWindow", "Show imported shelters, community halls and clinics"),
                       checkable=True, checked=True),
    A.PRINT_MAP: Spec(QT_TRANSLATE_NOOP("MainWindow", "Print map…"),
                      QT_TRANSLATE_NOOP("MainWindow", "The town map with map numbers (no names), A4 or A3, PDF or PNG"),
                      QKeySequence.StandardKey.Print),
    A.PROJECTOR: Spec(QT_TRANSLATE_NOOP("MainWindow", "Projector mode"),
                      QT_TRANSLATE_NOOP("MainWindow", "Meeting display: large symbols, map numbers instead of names, "
                                      "no phone numbers or health notes"), "F5"),
    A.BACKUP: Spec(QT_TRANSLATE_NOOP("MainWindow", "Back up now…"), QT_TRANSLATE_NOOP("MainWindow", "Save an encrypted copy of the ledger")),
    A.RESTORE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Restore from a backup…"),
                    QT_TRANSLATE_NOOP("MainWindow", "Replace the ledger with a backup (the current one is kept)")),
    A.SYNC: Spec(QT_TRANSLATE_NOOP("MainWindow", "Sync with the office…"),
                 QT_TRANSLATE_NOOP("MainWindow", "Send this laptop's changes and receive the others' (office network)")),
    A.CONFLICTS: Spec(QT_TRANSLATE_NOOP("MainWindow", "Conflicts to resolve…"),
                      QT_TRANSLATE_NOOP("MainWindow", "Changes made here and on another laptop: choose which to keep")),
    A.EXPORT_PACKAGE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Sync package for the office (USB)…"),
                           QT_TRANSLATE_NOOP("MainWindow", "Save this laptop's changes to an encrypted file to carry to the office")),
    A.IMPORT_PACKAGE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Sync package from the office (USB)…"),
                           QT_TRANSLATE_NOOP("MainWindow", "Read the other laptops' changes from the file the office made for this "
                                           "laptop")),
    A.AUTO_LOCK: Spec(QT_TRANSLATE_NOOP("MainWindow", "Lock when idle…"), QT_TRANSLATE_NOOP("MainWindow", "After how many idle minutes the window locks")),
    A.PASSPHRASE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Change passphrase…"), QT_TRANSLATE_NOOP("MainWindow", "Encrypt the ledger anew")),
    A.AUDIT: Spec(QT_TRANSLATE_NOOP("MainWindow", "History of changes…"), QT_TRANSLATE_NOOP("MainWindow", "Who changed what and when (the audit log)")),
    A.LOCK: Spec(QT_TRANSLATE_NOOP("MainWindow", "Lock now"), QT_TRANSLATE_NOOP("MainWindow", "Hide the ledger until the passphrase is entered"),
                 "Ctrl+Shift+L"),
    A.QUIT: Spec(QT_TRANSLATE_NOOP("MainWindow", "Quit"), QT_TRANSLATE_NOOP("MainWindow", "Close Sasaeai Map"), QKeySequence.StandardKey.Quit),
    A.ABOUT: Spec(QT_TRANSLATE_NOOP("MainWindow", "About Sasaeai Map"), QT_TRANSLATE_NOOP("MainWindow", "Version and licences")),
    A.GUIDE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Guide: the three steps"), QT_TRANSLATE_NOOP("MainWindow", "How to use Sasaeai Map"),
                  QKeySequence.StandardKey.HelpContents),
    A.LARGE_TEXT: Spec(QT_TRANSLATE_NOOP("MainWindow", "Large text"), QT_TRANSLATE_NOOP("MainWindow", "Text and map symbols 1.5 times larger"),
                       "Ctrl++", checkable=True),
    A.HIGH_CONTRAST: Spec(QT_TRANSLATE_NOOP("MainWindow", "High contrast"), QT_TRANSLATE_NOOP("MainWindow", "Strong colours, easier to tell apart"),
                          checkable=True),
    A.WAREKI: Spec(QT_TRANSLATE_NOOP("MainWindow", "Dates in the Japanese era (和暦)"), QT_TRANSLATE_NOOP("MainWindow", "令和7年4月1日 instead of 2025-04-01"),
                   checkable=True),
    A.STEP_1: Spec(QT_TRANSLATE_NOOP("MainWindow", "Ⅰ Map households"),
                   QT_TRANSLATE_NOOP("MainWindow", "Step I: mark households and gathering places on the town map"), "Ctrl+1", True),
    A.STEP_2: Spec(QT_TRANSLATE_NOOP("MainWindow", "Ⅱ Watch network"), QT_TRANSLATE_NOOP("MainWindow", "Step II: who watches over each person of concern"),
                   "Ctrl+2", True),
    A.STEP_3: Spec(QT_TRANSLATE_NOOP("MainWindow", "Ⅲ Emergency contacts"), QT_TRANSLATE_NOOP("MainWindow", "Step III: emergency contact cards and sheet"),
                   "Ctrl+3", True),
    A.PLANS: Spec(QT_TRANSLATE_NOOP("MainWindow", "Evacuation plans…"),
                  QT_TRANSLATE_NOOP("MainWindow", "Individual evacuation plans (個別避難計画): whose plan comes first, "
                                    "and each person's plan")),
    A.SAFETY: Spec(QT_TRANSLATE_NOOP("MainWindow", "Safety check…"),
                   QT_TRANSLATE_NOOP("MainWindow", "Safety check (安否確認) of an incident: the roll call in hazard "
                                     "order, one click per check, the status rings on the map")),
    A.IMPORT_SAFETY: Spec(QT_TRANSLATE_NOOP("MainWindow", "Read back a ticked safety checklist…"),
                          QT_TRANSLATE_NOOP("MainWindow", "Record the checks typed into the Excel checklist of the open "
                                            "incident (previewed first)")),
    A.SAFETY_PROJECTOR: Spec(QT_TRANSLATE_NOOP("MainWindow", "Safety check on the projector"),
                             QT_TRANSLATE_NOOP("MainWindow", "Counts per status and per district for the 災害対策本部, "
                                               "no names")),
    A.STEP_4: Spec(QT_TRANSLATE_NOOP("MainWindow", "Liaison meeting"),
                   QT_TRANSLATE_NOOP("MainWindow", "The yearly review of every person of concern (福祉連絡会)"), "Ctrl+4", True),
    A.DISASTER_MODE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Disaster mode (災害時) on / off…"),
                          QT_TRANSLATE_NOOP("MainWindow", "Give the list to responders without consent when lives are "
                                            "at risk (Disaster Countermeasures Basic Act, Art. 49-11(3)); recorded")),
    A.COPIES: Spec(QT_TRANSLATE_NOOP("MainWindow", "Printed copies not yet returned…"),
                   QT_TRANSLATE_NOOP("MainWindow", "Papers with names that are still out; record their return")),
    A.LEAVE_PROJECTOR: Spec(QT_TRANSLATE_NOOP("MainWindow", "Leave projector mode…"),
                            QT_TRANSLATE_NOOP("MainWindow", "Show names and details again (asks first)")),
}

SEPARATOR = None
LANGUAGES = (("ja", "日本語"), ("en", "English"))
MENUS: tuple[tuple[str, Sequence[MainAction | None]], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"), (A.NEW_TOWN, A.DISTRICTS_TOWNS, SEPARATOR, A.EXPORT_FORM, A.EXPORT_GEOJSON, A.IMPORT_FORM, A.IMPORT_ROSTER,
                                A.IMPORT_AGENCIES, A.IMPORT_LAYER, A.IMPORT_SAFETY, SEPARATOR, A.BACKUP, A.RESTORE, A.PASSPHRASE,
                                A.LOCK, A.AUTO_LOCK, SEPARATOR, A.DISASTER_MODE, A.COPIES, SEPARATOR, A.QUIT)),
    (QT_TRANSLATE_NOOP("MainWindow", "S&ync"), (A.SYNC, A.CONFLICTS, SEPARATOR, A.EXPORT_PACKAGE, A.IMPORT_PACKAGE)),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (A.UNDO, A.REDO, A.ADD_HOUSEHOLD, A.ADD_PLACE, A.DELETE, A.AUDIT)),
    (QT_TRANSLATE_NOOP("MainWindow", "&Map"), (A.LINES, A.REFERENCES, A.PROJECTOR, A.PRINT_MAP, SEPARATOR, A.BASE_IMAGE,
                               A.BASE_MBTILES, A.BASE_PLAIN, A.GEOREFERENCE)),
    (QT_TRANSLATE_NOOP("MainWindow", "&Steps"), (*STEPS, SEPARATOR, A.PLANS, A.SAFETY, A.SAFETY_PROJECTOR)),
    (QT_TRANSLATE_NOOP("MainWindow", "&View"), (A.LARGE_TEXT, A.HIGH_CONTRAST, A.WAREKI)),
    (QT_TRANSLATE_NOOP("MainWindow", "&Language"), ()),  # filled from LANGUAGES
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), (A.GUIDE, A.ABOUT)),
)
TOOLBAR_STEPS = (QT_TRANSLATE_NOOP("MainWindow", "Steps"), "steps", STEPS)
TOOLBAR_EDIT = (QT_TRANSLATE_NOOP("MainWindow", "Edit"), "edit", (A.ADD_HOUSEHOLD, A.ADD_PLACE, A.UNDO, A.REDO, A.LINES, SEPARATOR,
                                                  A.SYNC))
TOOLBAR_PROJECTOR = (QT_TRANSLATE_NOOP("MainWindow", "Projector"), "projector", (A.LEAVE_PROJECTOR, A.LINES))


class Actions:
    """The registry: ``actions[MainAction.UNDO]``; slots are connected with ``connect``."""

    def __init__(self, parent: QWidget, undo_stack: QUndoStack) -> None:
        self._actions: dict[MainAction, QAction] = {}
        undo = undo_stack.createUndoAction(parent, QCoreApplication.translate("MainWindow", "Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = undo_stack.createRedoAction(parent, QCoreApplication.translate("MainWindow", "Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self._actions[A.UNDO], self._actions[A.REDO] = undo, redo
        for key, spec in SPECS.items():
            action = QAction(_tr(spec.text), parent)
            action.setToolTip(_tr(spec.tip))
            action.setStatusTip(_tr(spec.tip))
            action.setCheckable(spec.checkable)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setChecked(spec.checked)
            self._actions[key] = action
        self.step_group = QActionGroup(parent)
        for key in STEPS:
            self.step_group.addAction(self._actions[key])
        self._actions[A.STEP_1].setChecked(True)

    def __getitem__(self, key: MainAction) -> QAction:
        return self._actions[key]

    @property
    def steps(self) -> list[QAction]:
        return [self._actions[key] for key in STEPS]

    def connect(self, slots: dict[MainAction, Callable[..., Any]]) -> None:
        """``toggled(on)`` for checkable actions, ``triggered()`` for the others."""
        for key, slot in slots.items():
            action = self._actions[key]
            if action.isCheckable() and key not in STEPS and key is not A.PROJECTOR:
                action.toggled.connect(slot)
            else:
                action.triggered.connect(lambda _checked=False, f=slot: f())

    def set_checked_quietly(self, key: MainAction, on: bool) -> None:
        action = self._actions[key]
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)

    def build_menus(self, window: QMainWindow, chosen_language: str, set_language: Callable[[str], Any]) -> None:
        bar = window.menuBar()
        for title, keys in MENUS:
            menu = bar.addMenu(_tr(title))
            self._fill(menu, keys)
            if title == "&Language":
                self.language_group = QActionGroup(window)
                for code, label in LANGUAGES:
                    action = QAction(label, window, checkable=True)
                    action.setData(code)
                    action.setChecked(chosen_language == code)
                    action.triggered.connect(lambda _checked=False, c=code: set_language(c))
                    self.language_group.addAction(action)
                    menu.addAction(action)

    def build_toolbar(self, window: QMainWindow, spec: tuple[str, str, Sequence[MainAction | None]],
                      widgets: Iterable[QWidget] = ()) -> tuple[QToolBar, list[QAction]]:
        """A toolbar of text buttons; returns it with its separators (in order)."""
        title, name, keys = spec
        bar = QToolBar(_tr(title))
        bar.setObjectName(name)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        widgets = list(widgets)
        for widget in widgets:
            bar.addWidget(widget)
        if widgets:
            bar.addSeparator()
        separators = self._fill(bar, keys)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar, separators

    def _fill(self, target: QMenu | QToolBar, keys: Sequence[MainAction | None]) -> list[QAction]:
        separators = []
        for key in keys:
            if key is SEPARATOR:
                separators.append(target.addSeparator())
            else:
                target.addAction(self._actions[key])
        return separators
