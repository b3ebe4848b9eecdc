"""Privacy: lock and unlock, the history of changes, consent, backups and restore, the demo's bar, the
unencrypted copy left by the first encryption, idle minutes and the passphrase; the sharing mode
(平常時 / 災害時) with its red banner, and the printed copies still out."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import LedgerError
from app.demo.ledger_kind import is_demo
from app.hazards.importer import bring_up_to_date
from app.households import households
from app.models import open_ledger
from app.models.engine import change_passphrase, is_plain_sqlite, passphrase_opens
from app.privacy.backup import backup_to, check_backup, remove_unencrypted_copy, unencrypted_copies
from app.privacy.backup import restore_backup as restore_ledger_file
from app.privacy.consent import ConsentFields, get_consent, record_consent
from app.privacy.copies import CopyOutcome, close_copy, outstanding_copies
from app.privacy.sharing import SharingContext, SharingMode, current_sharing, switch_mode
from app.ui.dialogs import DemoBar, combo_index, show_error
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.households import HouseholdsController, and_household
from app.ui.mainwindow.town import TownController
from app.ui.operations import OpChanges, Operations
from app.ui.privacy_dialogs import AuditDialog, ConsentDialog
from app.ui.sharing_widgets import CopiesDialog, SharingBanner, SharingModeDialog
from app.ui.unlock import (
    AUTO_LOCK_MINUTES,
    DEFAULT_AUTO_LOCK_MINUTES,
    AutoLock,
    UnlockDialog,
    ask_real_ledger,
    passphrase_ok,
)

translate = QCoreApplication.translate


class PrivacyController(Controller):
    lock_changed = Signal(bool)  # the window hides or shows the ledger
    restored = Signal()  # a backup replaced the ledger: what the window read of the old one is read again

    def __init__(self, window: QMainWindow, operations: Operations, settings: QSettings, towns: TownController,
                 households: HouseholdsController) -> None:
        super().__init__(window, operations)
        self.settings, self.towns, self.households = settings, towns, households
        self.locked = False
        self.auto_lock: AutoLock | None = None
        self.lock_screen = QWidget()
        lock_layout = QVBoxLayout(self.lock_screen)
        lock_text = QLabel(translate("MainWindow", "Locked: the ledger is hidden while nobody uses the computer.\n"
                                                   "Nothing was lost. Press Unlock and enter the passphrase."))
        lock_text.setWordWrap(True)
        lock_font = lock_text.font()
        lock_font.setPointSizeF(lock_font.pointSizeF() * 1.5)
        lock_text.setFont(lock_font)
        self.unlock_button = QPushButton(translate("MainWindow", "Unlock…"))
        self.unlock_button.setMinimumHeight(48)
        self.unlock_button.clicked.connect(lambda: self.unlock())
        lock_layout.addStretch(1)
        lock_layout.addWidget(lock_text)
        lock_layout.addWidget(self.unlock_button)
        lock_layout.addStretch(2)
        self.lock_screen.setVisible(False)
        self.plain_copy_bar = QWidget()
        self.plain_copy_bar.setObjectName("plainCopyBar")
        self.plain_copy_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # (as the demo bar)
        self.plain_copy_bar.setStyleSheet("QWidget#plainCopyBar { background: #fff3c4; "
                                          "border-bottom: 2px solid #a15c00; }"
                                          "QWidget#plainCopyBar QLabel { color: #3a2400; background: transparent; }")
        bar_layout = QHBoxLayout(self.plain_copy_bar)
        self.plain_copy_text = QLabel()
        self.plain_copy_text.setWordWrap(True)
        plain_copy_button = QPushButton(translate("MainWindow", "Delete the unencrypted copy…"))
        plain_copy_button.clicked.connect(lambda: self.remove_unencrypted_copies())
        bar_layout.addWidget(self.plain_copy_text, 1)
        bar_layout.addWidget(plain_copy_button)
        self.plain_copy_bar.setVisible(False)
        self.demo_bar = DemoBar()  # shown when the ledger itself says it is the demo
        self.demo_bar.make_real_ledger.connect(lambda: self.make_real_ledger())
        self.demo_bar.setVisible(False)
        self.sharing_banner = SharingBanner()  # red while disaster mode is on
        self.sharing_banner.end_requested.connect(lambda: self.set_sharing_mode(SharingMode.NORMAL))
        self.copies_dialog: CopiesDialog | None = None
        households.panel.consent.connect(self.edit_consent)

    # ------------------------------------------------------------------ lock

    def start_auto_lock(self, minutes: float) -> None:
        """Lock after ``minutes`` without a key press or mouse move (the demo is not locked)."""
        self.auto_lock = AutoLock(minutes, self.window)
        # Watch the window's own input (every key and mouse event of the window passes its QWindow);
        # an application-wide Python event filter crashes PySide6 with WebEngine's internal objects.
        self.window.winId()
        self.window.windowHandle().installEventFilter(self.auto_lock)
        self.auto_lock.idle.connect(self.lock)
        self.auto_lock.start()

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        if self.auto_lock is not None:
            self.auto_lock.stop()
        self.lock_changed.emit(True)
        self.lock_screen.setVisible(True)
        self.unlock_button.setFocus()

    def unlock(self, passphrase: str | None = None, operator: Any = None) -> bool:
        """Show the ledger again once its passphrase is entered; the operator may change."""
        if not self.locked:
            return True
        if passphrase is None:
            dialog = UnlockDialog(self.ledger.path, new=False, parent=self.window)
            dialog.operator.setText(self.ledger.operator.name)
            while dialog.exec() == UnlockDialog.DialogCode.Accepted:
                if passphrase_ok(self.ledger, dialog.passphrase.text()):
                    passphrase, operator = dialog.passphrase.text(), dialog.chosen_operator()
                    break
                dialog.show_message(translate("MainWindow", "That passphrase does not open this ledger."))
                dialog.passphrase.clear()
            else:
                return False
        elif not passphrase_ok(self.ledger, passphrase):
            return False
        if operator is not None:
            self.ledger.operator = operator
        self.locked = False
        self.lock_screen.setVisible(False)
        self.lock_changed.emit(False)
        if self.auto_lock is not None:
            self.auto_lock.start()
        return True

    def set_auto_lock_minutes(self, minutes: int | None = None) -> int | None:
        """How long the window may stay idle before it locks; kept in the settings."""
        current = int(float(self.settings.value(AUTO_LOCK_MINUTES, DEFAULT_AUTO_LOCK_MINUTES)))
        if minutes is None:
            minutes, ok = QInputDialog.getInt(
                self.window, translate("MainWindow", "Lock when idle"),
                translate("MainWindow", "Lock the window after this many minutes without use:"), current, 1, 240)
            if not ok:
                return None
        minutes = max(1, min(240, int(minutes)))
        self.settings.setValue(AUTO_LOCK_MINUTES, minutes)
        if self.auto_lock is not None:
            self.auto_lock.set_minutes(minutes)
        self.message(translate("MainWindow", "The window locks after {minutes} minutes without use.").format(
            minutes=minutes), 10000)
        return minutes

    def change_passphrase(self) -> None:
        dialog = UnlockDialog(self.ledger.path, new=True, ask_operator=False, parent=self.window)
        dialog.setWindowTitle(translate("MainWindow", "Change passphrase"))
        if dialog.exec() != UnlockDialog.DialogCode.Accepted:
            return
        try:
            change_passphrase(self.ledger, dialog.passphrase.text())
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return
        self.message(translate("MainWindow", "The passphrase was changed (a backup was made first)."), 10000)

    # ------------------------------------------------------------------ history and consent

    def show_audit(self, person_id: uuid.UUID | None = None) -> AuditDialog:
        persons: list[tuple[uuid.UUID, str]] = []
        if self.towns.town is not None:
            with self.ledger.Session() as s:
                persons = households.person_choices(s, self.towns.town.id)
        dialog = AuditDialog(self.ledger, persons, self.window, jobs=self.window.jobs)  # type: ignore[attr-defined]
        if person_id is not None:
            dialog.person.setCurrentIndex(max(0, combo_index(dialog.person, person_id)))
        dialog.show()
        return dialog

    def edit_consent(self, person_id: uuid.UUID, fields: ConsentFields | None = None) -> bool:
        person = self.households.panel.person(person_id)
        if person is None:
            return False
        with self.ledger.Session() as s:
            before = get_consent(s, person_id)
        if fields is None:
            dialog = ConsentDialog(person.name, before, self.window)
            if dialog.exec() != ConsentDialog.DialogCode.Accepted:
                return False
            fields = dialog.fields()
        old = ConsentFields(before.consent, before.consent_watchers, before.consent_agencies, before.consent_map,
                            before.consent_date, before.consent_recorded_by)
        hid = self.households.selected_id
        return self.operations.run(translate("MainWindow", "Record consent"),
                                   and_household(hid, lambda s: record_consent(s, person_id, fields)),
                                   and_household(hid, lambda s: record_consent(s, person_id, old)),
                                   changes=OpChanges.of_household) is not None

    # ------------------------------------------------------------------ backups

    def backup_now(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self.window, translate("MainWindow", "Back up the ledger"),
                                                  str(Path.home() / "sasaeai-backup.sqlite3"),
                                                  translate("MainWindow", "Ledger backups (*.sqlite3)"))
            if not name:
                return None
            path = Path(name)
        try:
            written = backup_to(self.ledger, path)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return None
        self.message(translate("MainWindow", "Backed up to {path} (encrypted like the ledger)").format(path=written),
                     10000)
        return written

    def restore_backup(self, path: Path | None = None, *, confirm: bool = True,
                       passphrase: str | None = None) -> bool:
        """Replace the ledger with a checked backup, keeping the ledger as it is now as a backup first.

        A backup made under an older passphrase asks for that passphrase (or takes ``passphrase``).
        """
        title = translate("MainWindow", "Restore from a backup")
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, title, str(self.ledger.backup_dir),
                                                  translate("MainWindow", "Ledger backups (*.sqlite3)"))
            if not name:
                return False
            path = Path(name)
        key = passphrase or self.ledger.passphrase
        if not passphrase_opens(path, key) and passphrase is None and path.is_file() and not is_plain_sqlite(path):
            old_key, ok = QInputDialog.getText(
                self.window, title,
                translate("MainWindow", "This backup does not open with the current passphrase.\nIts passphrase:"),
                QLineEdit.EchoMode.Password)
            if not ok:
                return False
            key = old_key
        try:
            check_backup(path, key)
        except LedgerError as e:
            show_error(self.window, e)
            return False
        if confirm and not self.confirm(translate(
                "MainWindow",
                "Replace the ledger with this backup?\n{file}\n\nEverything recorded after the backup was made is "
                "replaced. The ledger as it is now is kept as a backup first, so restoring that one undoes this."
                ).format(file=path.name)):
            return False
        old = self.ledger
        self.towns.stop_reads()
        self.operations.forget()  # its commands belong to the ledger being replaced
        old.close()
        try:
            kept = restore_ledger_file(old.path, path, old.passphrase, source_passphrase=key)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return False
        finally:
            # The restored ledger (or the old one, when the restore refused) under the same passphrase.
            ledger = open_ledger(old.path, old.passphrase)
            ledger.operator = old.operator
            self.operations.ledger = ledger
        bring_up_to_date(ledger)  # a backup may be older than this version's reading of its hazard zones
        self.towns.town = None
        self.refresh_demo_bar()
        self.refresh_sharing_banner()
        self.towns.refresh_towns()
        self.towns.open_initial_town()
        self.message(translate("MainWindow", "Restored {file}. The ledger as it was is kept as {kept}.").format(
            file=path.name, kept=kept.name if kept else "—"), 30000)
        self.restored.emit()
        return True

    # ------------------------------------------------------------------ the demo

    def refresh_demo_bar(self) -> bool:
        """Show the demo's bar when the ledger is marked as the demo; True when it is."""
        with self.ledger.Session() as s:
            demo = is_demo(s)
        self.demo_bar.setVisible(demo)
        return demo

    def offer_real_ledger(self) -> None:
        # Someone typing people into the demo may mean real ones: offer a ledger of their own, without a dialog.
        if not self.demo_bar.isHidden():
            self.demo_bar.offer()

    def make_real_ledger(self) -> Path | None:
        """From the demo: make the user's own, empty ledger, then start the app again on it."""
        from app.ui.app import start_again_on  # the start-up module imports this one

        folder = ask_real_ledger(self.window)
        if folder is None:
            return None
        QMessageBox.information(self.window, translate("MainWindow", "Sasaeai Map"), translate(
            "MainWindow",
            "Your own ledger was made in\n{folder}\n\nThe demo now closes and Sasaeai Map starts again on your "
            "ledger: enter the passphrase you chose.").format(folder=folder))
        if not start_again_on(folder):
            QMessageBox.warning(self.window, translate("MainWindow", "Sasaeai Map"), translate(
                "MainWindow",
                "Sasaeai Map could not start again by itself. Please start it yourself; your ledger is in\n{folder}"
                ).format(folder=folder))
            return folder
        self.window.close()
        return folder

    # ------------------------------------------------------------------ the unencrypted copy

    def check_unencrypted_copies(self) -> list[Path]:
        """Warn while a plain copy from before the ledger was encrypted lies in backups/: anyone can read it."""
        copies = [b.path for b in unencrypted_copies(self.ledger.path)]
        self.plain_copy_bar.setVisible(bool(copies))
        if copies:
            self.plain_copy_text.setText(translate(
                "MainWindow",
                "An unencrypted copy of the ledger, made when it was first encrypted, is still in the backups "
                "folder: anyone who gets this computer can read it.\n{files}").format(
                files="\n".join(str(p) for p in copies)))
        return copies

    def remove_unencrypted_copies(self, *, confirm: bool = True) -> bool:
        copies = [b.path for b in unencrypted_copies(self.ledger.path)]
        if not copies:
            return False
        if confirm and not self.confirm(translate(
                "MainWindow",
                "Delete the unencrypted copy?\n\nThe encrypted ledger holds everything in it (this is checked "
                "first); the encrypted backups are kept.")):
            return False
        try:
            for copy in copies:
                remove_unencrypted_copy(self.ledger, copy)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            self.check_unencrypted_copies()
            return False
        self.check_unencrypted_copies()
        self.message(translate("MainWindow", "The unencrypted copy was deleted."), 15000)
        return True

    # ------------------------------------------------------------------ the sharing mode (平常時 / 災害時)

    def refresh_sharing_banner(self) -> SharingContext:
        """Show the red banner when this ledger is in disaster mode; the mode now."""
        with self.ledger.Session() as s:
            sharing = current_sharing(s)
        self.sharing_banner.show_mode(sharing)
        return sharing

    def toggle_sharing_mode(self) -> SharingContext | None:
        """The menu's 「災害時モード」: into disaster mode, or back to normal times when it is on."""
        on = self.refresh_sharing_banner().disaster
        return self.set_sharing_mode(SharingMode.NORMAL if on else SharingMode.DISASTER)

    def set_sharing_mode(self, mode: SharingMode | str, who: str | None = None,
                         why: str | None = None) -> SharingContext | None:
        """Switch to disaster mode or back, asking who and why unless given; recorded, never on the undo stack
        (a deliberate act, undone only by switching back, which is recorded too). None when cancelled or refused."""
        mode = SharingMode(mode)
        if who is None:
            dialog = SharingModeDialog(mode, self.ledger.operator.name, self.window)
            if dialog.exec() != SharingModeDialog.DialogCode.Accepted:
                return None
            who, why = dialog.who.text(), dialog.why.toPlainText()
        try:
            with self.ledger.Session.begin() as s:
                sharing = switch_mode(s, mode, who=who, why=why or "")
        except LedgerError as e:
            show_error(self.window, e)
            return None
        self.sharing_banner.show_mode(sharing)
        self.message(translate("MainWindow", "Disaster mode is on: new papers for watchers and agencies name "
                                             "everyone.") if sharing.disaster else
                     translate("MainWindow", "Back to normal times: new papers apply the consent rule."), 15000)
        return sharing

    # ------------------------------------------------------------------ printed copies still out

    def show_copies(self) -> CopiesDialog:
        """The copies not yet returned or destroyed (the liaison meeting asks for them back)."""
        if self.copies_dialog is None:
            self.copies_dialog = CopiesDialog(self.window)
            self.copies_dialog.close_requested.connect(lambda copy_id, outcome: self.close_copy(copy_id, outcome))
        self.refresh_copies()
        self.copies_dialog.show()
        return self.copies_dialog

    def refresh_copies(self) -> None:
        if self.copies_dialog is not None:
            with self.ledger.Session() as s:
                self.copies_dialog.show_copies(outstanding_copies(s))

    def close_copy(self, copy_id: uuid.UUID, outcome: CopyOutcome | str = CopyOutcome.RETURNED) -> bool:
        """Record that a copy came back or was destroyed, by the operator, now."""
        try:
            with self.ledger.Session.begin() as s:
                view = close_copy(s, copy_id, outcome)
        except LedgerError as e:
            show_error(self.window, e)
            return False
        self.refresh_copies()
        self.message(translate("MainWindow", "Copy {serial} recorded as {outcome}.").format(
            serial=view.serial, outcome=translate("MainWindow", "returned") if view.outcome is CopyOutcome.RETURNED
            else translate("MainWindow", "destroyed")), 8000)
        return True
