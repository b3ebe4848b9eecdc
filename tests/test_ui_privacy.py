"""Privacy in the window: unlock with the passphrase, auto-lock when idle, one app per ledger, backups."""

from __future__ import annotations

from app.models.audit import Operator
from app.models.engine import is_plain_sqlite
from app.paths import ledger_path
from app.services.lock import acquire_lock
from app.ui.unlock import UnlockDialog, unlock_ledger
from tests.conftest import run_app
from tests.test_ui_map import window  # noqa: F401 - the window fixture


class Answers(UnlockDialog):
    """An unlock dialog that answers by itself, one passphrase per attempt (no human at the keyboard)."""

    attempts: list[str] = []
    messages: list[str] = []

    def exec(self) -> int:  # noqa: A003 - Qt's name
        if not Answers.attempts:
            return self.DialogCode.Rejected
        text = Answers.attempts.pop(0)
        self.passphrase.setText(text)
        self.repeat.setText(text)
        self.operator.setText("民生　花子")
        return self.DialogCode.Accepted

    def show_message(self, text: str) -> None:
        Answers.messages.append(text)
        super().show_message(text)


def test_a_new_ledger_is_encrypted_and_a_wrong_passphrase_is_refused(qtbot, tmp_path):
    path = ledger_path(tmp_path)
    Answers.attempts, Answers.messages = ["秘密の合言葉 2026"], []
    ledger = unlock_ledger(path, ask=Answers)
    assert ledger is not None and ledger.operator.name == "民生　花子"
    ledger.close()
    assert path.exists() and not is_plain_sqlite(path)
    before = path.read_bytes()
    Answers.attempts, Answers.messages = ["まちがい", "秘密の合言葉 2026"], []
    again = unlock_ledger(path, ask=Answers)
    assert again is not None
    assert len(Answers.messages) == 1 and "passphrase" in Answers.messages[0].lower()
    again.close()
    Answers.attempts = ["まちがい"]
    assert unlock_ledger(path, ask=Answers) is None  # gave up after a wrong one: nothing opened
    assert path.read_bytes()[:1024] == before[:1024]  # the file was not damaged


def test_idle_window_locks_and_only_the_passphrase_unlocks_it(qtbot, window):
    window.start_auto_lock(0.002)  # about a tenth of a second
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert not window.splitter.isVisible() and window.lock_screen.isVisible()
    assert not window.menuBar().isEnabled()
    assert window.unlock("wrong passphrase") is False and window.locked
    assert window.unlock(window.ledger.passphrase, Operator("区長　太郎", "区長")) is True
    assert not window.locked and window.splitter.isVisible()
    assert window.ledger.operator.name == "区長　太郎"


def test_a_second_copy_of_the_app_is_told_the_ledger_is_open(tmp_path):
    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    held = acquire_lock(ledger_path(data))
    try:
        second = run_app("--data-dir", str(data), "--screenshot", str(tmp_path / "x.png"))
    finally:
        held.release()
    assert second.returncode == 1
    assert "open" in second.stderr.lower() or "use" in second.stderr.lower()
    assert not (tmp_path / "x.png").exists()


def test_backup_now_from_the_window_is_encrypted(qtbot, window, tmp_path):
    written = window.backup_now(tmp_path / "copy.sqlite3")
    assert written is not None and written.exists()
    assert not is_plain_sqlite(written)


def test_consent_is_recorded_undone_and_shows_in_the_history(qtbot, window, tmp_path):
    import openpyxl

    from app.services import households
    from app.services.privacy import ConsentFields, ConsentStatus, get_consent

    with window.ledger.Session() as s:
        home = next(h for h in households.list_households(s, window.town.id) if h.persons)
    person = home.persons[0]
    window.select_household(home.id)
    agreed = ConsentFields(ConsentStatus.YES, share_with_watchers=True, show_on_community_map=False)
    assert window.edit_consent(person.id, agreed)
    with window.ledger.Session() as s:
        now = get_consent(s, person.id)
    assert now.consent is ConsentStatus.YES and now.consent_watchers and not now.consent_map
    assert now.consent_recorded_by == window.ledger.operator.name
    history = window.show_audit(person.id)
    assert any(row.field and "consent" in row.field for row in history.rows)
    out = history.export(tmp_path / "history.xlsx")
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet.max_row >= 2
    history.close()
    window.undo_action.trigger()
    with window.ledger.Session() as s:
        assert get_consent(s, person.id).consent is ConsentStatus.UNKNOWN
