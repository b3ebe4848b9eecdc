"""Opening an encrypted ledger: passphrase (twice for a new one) and who is working; auto-lock when idle;
making one's own ledger from the demo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import LedgerError
from app.demo.ledger_kind import create_real_ledger
from app.models import Ledger
from app.models.audit import Operator
from app.models.engine import (
    LedgerOpening,
    WrongPassphrase,
    normalize_passphrase,
    passphrase_forms,
    passphrase_opens,
)
from app.paths import default_data_dir, ledger_path
from app.ui.comfort import set_role
from app.ui.dialogs import error_text, show_error

AUTO_LOCK_MINUTES = "privacy/auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 10
T = TypeVar("T")
ROLES = (QT_TRANSLATE_NOOP("UnlockDialog", "District head (区長)"),
         QT_TRANSLATE_NOOP("UnlockDialog", "Welfare commissioner (民生児童委員)"),
         QT_TRANSLATE_NOOP("UnlockDialog", "Welfare promoter (福祉推進員)"),
         QT_TRANSLATE_NOOP("UnlockDialog", "Elderly home counsellor (老人家庭相談員)"),
         QT_TRANSLATE_NOOP("UnlockDialog", "社協 staff"),
         QT_TRANSLATE_NOOP("UnlockDialog", "Other"))


class UnlockDialog(QDialog):
    """Asks the passphrase (twice when the ledger is new) and who is working now."""

    def __init__(self, path: Path, *, new: bool, ask_operator: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(self.tr("New ledger: choose a passphrase") if new else self.tr("Unlock the ledger"))
        intro = QLabel(self.tr(
            "The ledger holds personal information and is encrypted. Choose a passphrase you will remember: "
            "without it nobody, not even you, can open the ledger.") if new else
            self.tr("Enter the passphrase of the ledger\n{path}").format(path=path))
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(self.tr("Your name"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(QCoreApplication.translate("UnlockDialog", role), role)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_role(self.message, "problem", bold=True)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if new:
            form.addRow(self.tr("Once more"), self.repeat)
        if ask_operator:
            form.addRow(self.tr("Who is working"), self.operator)
            form.addRow(self.tr("Role"), self.role)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _check(self) -> None:
        if not self.passphrase.text():
            self.show_message(self.tr("Please enter the passphrase."))
        elif self.new and normalize_passphrase(self.passphrase.text()) != normalize_passphrase(self.repeat.text()):
            # The same passphrase typed through two input methods (が, or か + ゛) is the same passphrase.
            self.show_message(self.tr("The two passphrases differ. Please type them again."))
        else:
            self.accept()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def chosen_operator(self) -> Operator | None:
        name = self.operator.text().strip()
        return Operator(name=name, role=self.role.currentText()) if name else None


def unlock(path: Path, then: Callable[[LedgerOpening], T], *, parent: QWidget | None = None,
           ask: type[UnlockDialog] = UnlockDialog) -> T | None:
    """Ask until the passphrase opens ``path`` (or creates it when new): ``then(opening)``, the open started with it
    (``LedgerOpening``: whatever ``then`` builds meanwhile, its ``ledger()`` raises what the open raised); None when
    the user cancels."""
    new = not path.exists() or path.stat().st_size == 0
    dialog = ask(path, new=new, parent=parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return then(LedgerOpening(path, dialog.passphrase.text(), operator=dialog.chosen_operator()))
        except WrongPassphrase:
            dialog.show_message(dialog.tr("That passphrase does not open this ledger. Nothing was changed."))
            dialog.passphrase.clear()
            continue
        except LedgerError as e:
            dialog.show_message(error_text(e))
            continue
    return None


def unlock_ledger(path: Path, *, parent: QWidget | None = None,
                  ask: type[UnlockDialog] = UnlockDialog) -> Ledger | None:
    """Ask until the passphrase opens ``path`` (or create it when new); None when the user cancels."""
    return unlock(path, LedgerOpening.ledger, parent=parent, ask=ask)


class AutoLock(QObject):
    """Locks the window after ``minutes`` without a key press or a mouse move."""

    idle = Signal()
    _ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def start(self) -> None:
        self.timer.start()

    def set_minutes(self, minutes: float) -> None:
        """A new idle time, counted from now."""
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched, event):  # noqa: N802, ANN001 - Qt override
        if event.type() in self._ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


def passphrase_ok(ledger: Ledger, text: str) -> bool:
    """Whether typed ``text`` (NFC or as typed) is the open ledger's passphrase."""
    return ledger.passphrase in passphrase_forms(text) and passphrase_opens(ledger.path, text)


def ask_real_ledger(parent: QWidget | None = None, *, folder: Path | None = None,
                    ask: type[UnlockDialog] = UnlockDialog) -> Path | None:
    """Make the user's own, empty ledger (from the demo): a folder, then a passphrase twice.

    Returns the new ledger's folder, or None when the user cancels. Nothing of the demo goes into it.
    """
    if folder is None:
        suggested = default_data_dir()  # where a plain start of the app looks for the ledger
        suggested.mkdir(parents=True, exist_ok=True)
        name = QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("UnlockDialog", "Folder for your own ledger"), str(suggested))
        if not name:
            return None
        folder = Path(name)
    if ledger_path(folder).exists():
        show_error(parent, LedgerError(QT_TRANSLATE_NOOP("errors", "this folder already holds a ledger; choose "
                                                                   "another folder"), where=str(folder)))
        return None
    dialog = ask(ledger_path(folder), new=True, ask_operator=False, parent=parent)
    dialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", "Make my own ledger"))
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            create_real_ledger(folder, dialog.passphrase.text())
        except LedgerError as e:
            dialog.show_message(error_text(e))
            continue
        return folder
    return None
