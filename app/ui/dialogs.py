"""Dialogs: first start (new ledger or demo), new town, gathering place, base map choice; the demo's bar."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, readable
from app.core.views import PlaceView
from app.households.places import PlaceFields
from app.models import PlaceKind

# The fields the services name in their errors (``LedgerError.where``), as the windows label them: a Japanese
# message is not preceded by the program's own word for its field (「name: 災害の名称を入力してください。」).
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("fields", "Name"),
    "kana": QT_TRANSLATE_NOOP("fields", "Kana"),
    "address": QT_TRANSLATE_NOOP("fields", "Address"),
    "phone": QT_TRANSLATE_NOOP("fields", "Phone"),
    "note": QT_TRANSLATE_NOOP("fields", "Note"),
    "concerns": QT_TRANSLATE_NOOP("fields", "Concerns"),
    "town": QT_TRANSLATE_NOOP("fields", "Town"),
    "district": QT_TRANSLATE_NOOP("fields", "District"),
    "household": QT_TRANSLATE_NOOP("fields", "Household"),
    "person": QT_TRANSLATE_NOOP("fields", "Person"),
    "watcher": QT_TRANSLATE_NOOP("fields", "Watcher"),
    "role": QT_TRANSLATE_NOOP("fields", "Role"),
    "involvement": QT_TRANSLATE_NOOP("fields", "Involvement"),
    "frequency": QT_TRANSLATE_NOOP("fields", "How often"),
    "family_doctor": QT_TRANSLATE_NOOP("fields", "Family doctor"),
    "care_level": QT_TRANSLATE_NOOP("fields", "Care level"),
    "care_manager": QT_TRANSLATE_NOOP("fields", "Care manager"),
    "medical_notes": QT_TRANSLATE_NOOP("fields", "Medical notes"),
    "kept_at": QT_TRANSLATE_NOOP("fields", "Where the card is kept"),
    "review_on": QT_TRANSLATE_NOOP("fields", "Review date"),
    "held_on": QT_TRANSLATE_NOOP("fields", "Held on"),
    "attendees": QT_TRANSLATE_NOOP("fields", "Attendees"),
    "categories": QT_TRANSLATE_NOOP("fields", "Categories"),
    "incident": QT_TRANSLATE_NOOP("fields", "Incident"),
    "kind": QT_TRANSLATE_NOOP("fields", "Kind"),
    "status": QT_TRANSLATE_NOOP("fields", "Status"),
    "shelter": QT_TRANSLATE_NOOP("fields", "Shelter"),
    "recorded_by": QT_TRANSLATE_NOOP("fields", "Recorded by"),
    "checker_name": QT_TRANSLATE_NOOP("fields", "Checked by"),
    "welfare_commissioner": QT_TRANSLATE_NOOP("fields", "Welfare commissioner"),
    "welfare_commissioner_phone": QT_TRANSLATE_NOOP("fields", "Welfare commissioner's phone"),
    "office_number": QT_TRANSLATE_NOOP("fields", "Office number"),
    "fax": QT_TRANSLATE_NOOP("fields", "Fax"),
    "services": QT_TRANSLATE_NOOP("fields", "Services"),
    "area_served": QT_TRANSLATE_NOOP("fields", "Area served"),
    "passphrase": QT_TRANSLATE_NOOP("fields", "Passphrase"),
    "year": QT_TRANSLATE_NOOP("fields", "Year"),
    "why": QT_TRANSLATE_NOOP("fields", "Reason"),
    "who": QT_TRANSLATE_NOOP("fields", "Who"),
    "towns": QT_TRANSLATE_NOOP("fields", "Towns"),
    "position": QT_TRANSLATE_NOOP("fields", "Position"),
    "mode": QT_TRANSLATE_NOOP("fields", "Sharing mode"),
    "copy": QT_TRANSLATE_NOOP("fields", "Printed copy"),
    "copies": QT_TRANSLATE_NOOP("fields", "Copies"),
    "start_when": QT_TRANSLATE_NOOP("fields", "When to start"),
    "start_note": QT_TRANSLATE_NOOP("fields", "When to start (note)"),
    "reviewed_on": QT_TRANSLATE_NOOP("fields", "Reviewed on"),
    "per_page": QT_TRANSLATE_NOOP("fields", "Cards per page"),
    "paper": QT_TRANSLATE_NOOP("fields", "Paper"),
    "outcome": QT_TRANSLATE_NOOP("fields", "Outcome"),
    "order": QT_TRANSLATE_NOOP("fields", "Order"),
    "meeting": QT_TRANSLATE_NOOP("fields", "Meeting"),
    "laptop": QT_TRANSLATE_NOOP("fields", "Laptop"),
    "group_by": QT_TRANSLATE_NOOP("fields", "Grouped by"),
    "entity": QT_TRANSLATE_NOOP("fields", "Table"),
    "consent": QT_TRANSLATE_NOOP("fields", "Consent"),
    "choice": QT_TRANSLATE_NOOP("fields", "Choice"),
    "checker_kind": QT_TRANSLATE_NOOP("fields", "Checker"),
    "audience": QT_TRANSLATE_NOOP("fields", "Handed to"),
    "answered_on": QT_TRANSLATE_NOOP("fields", "Answered on"),
    "supporters": QT_TRANSLATE_NOOP("fields", "Supporters"),
}


def table_field(where: str, table: str) -> tuple[int, str] | None:
    """A service's ``where`` for a row of a table it was given (「supporters[2].name」, 「contacts[3]」): the row's
    number among those given, from 1, and its column ("" for the row as a whole); None for any other field."""
    field, _, column = where.partition(".")
    number = field.removeprefix(f"{table}[").removesuffix("]")
    if field == number or not field.startswith(f"{table}[") or not number.isdigit():
        return None
    return int(number), column


class AsksBeforeClosing:
    """A dialog that asks before typing is thrown away (Cancel, Escape, the window's close button): keep it
    (Save), throw it away, or go on typing. The dialog says what was typed (``_typed``), what it opened with or
    last kept (``_shown``), its question (``_unsaved_question``) and how it keeps the typing
    (``_keep_before_closing``: True when the dialog may then close)."""

    _shown: object

    def _typed(self) -> object:
        raise NotImplementedError

    def _unsaved_question(self) -> str:
        raise NotImplementedError

    def _keep_before_closing(self) -> bool:
        raise NotImplementedError

    def has_unsaved_edits(self) -> bool:
        return self._typed() != self._shown

    def _may_close(self) -> bool:
        if not self.has_unsaved_edits():
            return True
        dialog = cast(QDialog, self)
        button = QMessageBox.StandardButton
        answer = QMessageBox.question(dialog, dialog.windowTitle(), self._unsaved_question(),
                                      button.Save | button.Discard | button.Cancel, button.Save)
        if answer == button.Save:
            return self._keep_before_closing()
        if answer == button.Discard:
            self._shown = self._typed()  # thrown away: asked once, not again as the window goes
            return True
        return False

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self._may_close():
            super().closeEvent(event)  # type: ignore[misc]
        else:
            event.ignore()

    def reject(self) -> None:  # Cancel, Escape
        if self._may_close():
            super().reject()  # type: ignore[misc]


def combo_index(combo: QComboBox, value: object, *, start: int = 0) -> int:
    """The index of the item holding ``value`` (equal, not the same object), -1 when none does.

    ``QComboBox.findData`` compares a Python object it holds by identity: an id read anew from the ledger (another
    ``uuid.UUID``) is never found, and the combo silently falls back to its first item."""
    return next((i for i in range(start, combo.count()) if combo.itemData(i) == value), -1)


def error_text(error: LedgerError) -> str:
    """The error's message in the UI language, with where it happened (a field by the label the user sees)."""
    template = QCoreApplication.translate("errors", error.template)
    label = FIELD_LABELS.get(error.where or "")
    if label is None:
        return readable(error, template, QCoreApplication.translate)
    return QCoreApplication.translate("fields", "{field}: {message}").format(
        field=QCoreApplication.translate("fields", label),
        message=template.format(**error.told_params(QCoreApplication.translate)))


def show_error(parent: QWidget | None, error: Exception) -> None:
    warn(parent, error_text(error) if isinstance(error, LedgerError) else str(error))


def warn(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("dialogs", "Sasaeai Map"), text)


class TownDialog(QDialog):
    """District and town names for a new town (or the first town of a new ledger)."""

    def __init__(self, parent: QWidget | None = None, *, district: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New town"))
        self.district = QLineEdit(district)
        self.district.setPlaceholderText(self.tr("e.g. 味真野地区"))
        self.town = QLineEdit()
        self.town.setPlaceholderText(self.tr("e.g. 余川町"))
        form = QFormLayout()
        form.addRow(self.tr("District (地区)"), self.district)
        form.addRow(self.tr("Town (町内)"), self.town)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which town will this map show?")))
        layout.addLayout(form)
        layout.addWidget(buttons)


class FirstRunDialog(QDialog):
    """Shown when there is no ledger yet: start a new one, or look at the demo town first."""

    NEW, DEMO = 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Sasaeai Map"))
        text = QLabel(self.tr(
            "Sasaeai Map keeps your town's mutual-support welfare map on this computer.\n"
            "Nothing is sent over the internet.\n\n"
            "Start a new ledger for your town, or open the demo town 「ひだまり町」 to look around first."
        ))
        text.setWordWrap(True)
        new = QPushButton(self.tr("Start a new ledger for my town…"))
        demo = QPushButton(self.tr("Open the demo town"))
        for b in (new, demo):
            b.setMinimumHeight(44)
        new.clicked.connect(lambda: self.done(self.NEW))
        demo.clicked.connect(lambda: self.done(self.DEMO))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(new)
        layout.addWidget(demo)


class BaseMapChoiceDialog(QDialog):
    """What the town will be drawn on: a town-map image, an MBTiles pack, or plain."""

    IMAGE, MBTILES, PLAIN = 1, 2, 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Base map"))
        text = QLabel(self.tr("What should the town be drawn on? You can change this later in the Map menu."))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        for label, code in (
            (self.tr("An image of the town map (scan or PDF export, PNG/JPEG)…"), self.IMAGE),
            (self.tr("A map tile pack (MBTiles)…"), self.MBTILES),
            (self.tr("A plain background for now"), self.PLAIN),
        ):
            b = QPushButton(label)
            b.setMinimumHeight(40)
            b.clicked.connect(lambda _checked=False, c=code: self.done(c))
            layout.addWidget(b)


class PlaceDialog(QDialog):
    """Name, kind, schedule and note of a gathering place (たまり場)."""

    def __init__(self, place: PlaceView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gathering place"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind, label in (
            (PlaceKind.SALON, self.tr("Salon")),
            (PlaceKind.MEETING_HALL, self.tr("Meeting hall")),
            (PlaceKind.CAFE, self.tr("Café")),
            (PlaceKind.OTHER, self.tr("Other")),
        ):
            self.kind.addItem(label, kind.value)
        self.schedule = QLineEdit()
        self.schedule.setPlaceholderText(self.tr("e.g. 毎週水曜 10:00〜12:00"))
        self.note = QPlainTextEdit()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Schedule"), self.schedule)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button: QPushButton | None = None
        if place is not None:
            self.delete_button = buttons.addButton(self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(lambda: self.done(2))
            self.name.setText(place.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(place.kind)))
            self.schedule.setText(place.schedule)
            self.note.setPlainText(place.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def fields(self) -> PlaceFields:
        return PlaceFields(self.name.text(), self.kind.currentData(), self.schedule.text(), self.note.toPlainText())


class DemoBar(QWidget):
    """The bar across the top of a demo ledger's window: practice only, invented people only.

    It holds no personal data, so it stays in projector mode. Once the user adds a household or a
    member by hand, ``offer()`` adds (once per session) a button to make their own ledger.
    """

    make_real_ledger = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBar")
        # Painted as its sheet says (a plain QWidget inside the window paints no background), its dark text on its
        # light blue in every contrast (high contrast's black behind the labels made the text unreadable).
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#demoBar { background: #dcefff; border-bottom: 3px solid #1d5fa8; }"
                           "QWidget#demoBar QLabel { color: #0b2c55; background: transparent; font-weight: bold; }")
        self.text = QLabel(self.tr("This is the demo ledger for practice. Please enter invented people only."))
        self.text.setWordWrap(True)
        self.offer_text = QLabel(self.tr(
            "Entering real people? The demo is for practice only. Make your own ledger, encrypted with your "
            "passphrase; nothing from the demo is copied into it."))
        self.offer_text.setWordWrap(True)
        self.offer_button = QPushButton(self.tr("Make my own ledger…"))
        self.offer_button.setMinimumHeight(36)
        self.offer_button.clicked.connect(self.make_real_ledger)
        texts = QVBoxLayout()
        texts.addWidget(self.text)
        texts.addWidget(self.offer_text)
        layout = QHBoxLayout(self)
        layout.addLayout(texts, 1)
        layout.addWidget(self.offer_button)
        self.offered = False
        self.offer_text.setVisible(False)
        self.offer_button.setVisible(False)

    def offer(self) -> None:
        """Show the offer of a real ledger (not a dialog: nothing interrupts the typing); once per session."""
        if self.offered:
            return
        self.offered = True
        self.offer_text.setVisible(True)
        self.offer_button.setVisible(True)
