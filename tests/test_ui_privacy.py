"""Privacy in the window: unlock with the passphrase, auto-lock when idle, one app per ledger, backups."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate

from app.models.audit import Operator
from app.models.engine import is_plain_sqlite
from app.paths import ledger_path
from app.privacy.lock import acquire_lock
from app.ui.mainwindow.actions import MainAction
from app.ui.unlock import UnlockDialog, unlock_ledger
from tests.conftest import run_app
from tests.test_basemap_errors import japanese  # noqa: F401 - the Japanese catalogue
from tests.test_ui_exports import finish
from tests.test_ui_map import page_state, window  # noqa: F401 - the window fixture


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
    window.privacy.start_auto_lock(0.002)  # about a tenth of a second
    qtbot.waitUntil(lambda: window.privacy.locked, timeout=5_000)
    assert not window.splitter.isVisible() and window.privacy.lock_screen.isVisible()
    assert not window.menuBar().isEnabled()
    assert window.privacy.unlock("wrong passphrase") is False and window.privacy.locked
    assert window.privacy.unlock(window.ledger.passphrase, Operator("区長　太郎", "区長")) is True
    assert not window.privacy.locked and window.splitter.isVisible()
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
    written = window.privacy.backup_now(tmp_path / "copy.sqlite3")
    assert written is not None and written.exists()
    assert not is_plain_sqlite(written)


def test_consent_is_recorded_undone_and_shows_in_the_history(qtbot, window, tmp_path):
    import openpyxl

    from app.households import households
    from app.privacy.consent import ConsentFields, ConsentStatus, get_consent

    with window.ledger.Session() as s:
        home = next(h for h in households.list_households(s, window.towns.town.id) if h.persons)
    person = home.persons[0]
    with window.ledger.Session() as s:
        before = get_consent(s, person.id)  # what the demo recorded for this member
    window.households.select_household(home.id)
    agreed = ConsentFields(ConsentStatus.YES, share_with_watchers=True, show_on_community_map=False,
                           share_with_agencies=not before.consent_agencies)
    assert window.privacy.edit_consent(person.id, agreed)
    with window.ledger.Session() as s:
        now = get_consent(s, person.id)
    assert now.consent is ConsentStatus.YES and now.consent_watchers and not now.consent_map
    assert now.consent_recorded_by == window.ledger.operator.name
    history = window.privacy.show_audit(person.id)
    assert history.person.currentData() == person.id  # opened on this person's history, not everyone's
    assert any(row.field and "consent" in row.field for row in history.rows)
    assert finish(qtbot, history.export(tmp_path / "history.xlsx")) == "succeeded"
    sheet = openpyxl.load_workbook(tmp_path / "history.xlsx").worksheets[0]
    assert sheet.max_row >= 2
    history.close()
    window.actions[MainAction.UNDO].trigger()
    with window.ledger.Session() as s:
        assert get_consent(s, person.id) == before  # undo brings back exactly what was recorded before


def test_the_history_shows_its_newest_rows_and_exports_every_row_of_the_choice(qtbot, window, tmp_path,
                                                                             monkeypatch):
    """GIVEN the demo's history, longer than the window shows (made 5 rows for the test; 5,000 in the app)
    WHEN the history window opens on everyone, and its Export… writes Excel and CSV
    THEN the table shows the newest 5 rows and says that only those are shown; each file has every row of the
    history, newest first (before, the export wrote the rows the table showed, and a city's history was cut
    without a word), is counted out in the printed copies ledger, and the window says where it saved it."""
    import csv

    import openpyxl

    from app.privacy import audit
    from app.ui.privacy_dialogs import AuditDialog

    monkeypatch.setattr(AuditDialog, "SHOWN", 5)
    with window.ledger.Session() as s:
        everything = audit.list_audit(s)
    assert len(everything) > 5
    history = window.privacy.show_audit()
    assert history.table.rowCount() == 5 and history.rows == everything[:5]
    assert "5" in history.note.text() and history.note.text()
    with qtbot.waitSignal(history.exported, timeout=60_000):
        assert history.export(tmp_path / "history.xlsx") is not None
    rows = list(openpyxl.load_workbook(tmp_path / "history.xlsx").worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [[c or "" for c in row] for row in rows][-len(everything):] == [audit._cells(r) for r in everything]
    assert {row[4] for row in rows[:-len(everything)]} == {"printed_copy"}  # its own copy, counted out first
    assert "history.xlsx" in history.note.text()
    from app.privacy.copies import list_copies

    with window.ledger.Session() as s:  # a file that names everyone: counted out
        assert (list_copies(s)[0].paper, list_copies(s)[0].file_name) == ("audit_history", "history.xlsx")
    assert finish(qtbot, history.export(tmp_path / "history.csv")) == "succeeded"
    with open(tmp_path / "history.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))[1:]
    # every row, and before them the newest: the copies ledger's own lines for the two files just counted out
    assert table[-len(everything):] == [[audit._csv_safe(c) for c in audit._cells(r)] for r in everything]
    assert {row[4] for row in table[:-len(everything)]} == {"printed_copy"}
    # a choice the table shows whole (nothing from two days after the newest change on: the day the app's clock
    # says, which a test run may move) says nothing of rows left out
    with window.ledger.Session() as s:
        later = audit.list_audit(s, limit=1)[0].at.astimezone().date() + timedelta(days=2)
    history.since.setDate(QDate(later.year, later.month, later.day))
    history.since_on.setChecked(True)
    assert history.table.rowCount() == 0 and history.note.text() == ""
    history.close()


def test_the_history_names_actions_records_and_fields_in_the_windows_words_not_the_ledgers_keys(
        qtbot, window, japanese):
    """GIVEN the Japanese catalogue and a member's consent recorded
    WHEN the history window opens on them
    THEN each row says what happened, to what and which field in Japanese: 「変更」「人」「同意：見守り者への提供」, not
    the ledger's keys (update, person, consent_watchers), and a yes or no in words; so does the member's record
    as it was added, field by field."""
    from app.households import households
    from app.privacy.consent import ConsentFields, ConsentStatus, get_consent

    with window.ledger.Session() as s:
        home = next(h for h in households.list_households(s, window.towns.town.id) if h.persons)
        person = home.persons[0]
        was = get_consent(s, person.id).consent_watchers
    window.households.select_household(home.id)
    assert window.privacy.edit_consent(person.id, ConsentFields(ConsentStatus.YES, share_with_watchers=not was,
                                                                show_on_community_map=False, share_with_agencies=False))
    history = window.privacy.show_audit(person.id)
    shown = [[history.table.item(r, c).text() for c in range(history.COLUMNS)] for r in range(history.table.rowCount())]
    keys = {"create", "update", "archive", "person", "household", "consent", "consent_watchers", "sort_order",
            "of_concern", "name", "true", "false", "yes", "no", "unknown"}
    assert not {cell for row in shown for cell in row[2:]} & keys
    change = next(row for row in shown if row[5] == "同意：見守り者への提供")  # newest first: this change
    assert next(row for row in shown if row[5] == "同意")[7] == "同意した"
    assert change[2:4] == ["変更", "人"] and change[6:] == (["はい", "いいえ"] if was else ["いいえ", "はい"])
    added = {row[5]: row[7] for row in shown if row[2:4] == ["追加", "人"]}  # the member added: one row a field
    assert added["名前"] == person.name and added["世帯の中の順番"] == "0" and added["気がかりな人"] in ("はい", "いいえ")
    history.close()


def test_restore_from_a_backup_in_the_window(qtbot, window, tmp_path):
    """A backup restored from the File menu replaces the ledger; the ledger as it was is kept first."""
    from app.core.views import Crs, MapPoint
    from app.households import households
    from app.privacy.backup import list_backups

    backup = window.privacy.backup_now(tmp_path / "before.sqlite3")
    assert backup is not None and backup.exists()
    added = window.households.add_household(MapPoint(Crs.PIXEL, 150.0, 150.0))
    town_id = window.towns.town.id
    with window.ledger.Session() as s:
        before_count = len(households.list_households(s, town_id))
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        assert window.privacy.restore_backup(backup, confirm=False) is True
    with window.ledger.Session() as s:
        restored = households.list_households(s, town_id)
    assert len(restored) == before_count - 1 and added.id not in {h.id for h in restored}
    assert str(added.id) not in page_state(qtbot, window)["ids"]  # the map shows the restored ledger
    kept = [b for b in list_backups(window.ledger.path) if b.kind == "before-restore"]
    assert len(kept) == 1  # ... and what was replaced can be restored in turn
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        assert window.privacy.restore_backup(kept[0].path, confirm=False) is True
    with window.ledger.Session() as s:
        assert added.id in {h.id for h in households.list_households(s, town_id)}


def test_a_damaged_backup_is_refused_and_the_ledger_is_untouched(qtbot, window, tmp_path, monkeypatch):
    from app.ui.mainwindow import privacy as privacy_controller

    shown: list[str] = []
    monkeypatch.setattr(privacy_controller, "show_error", lambda _parent, e: shown.append(str(e)))
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"not a ledger at all" * 100)
    before = window.ledger.path.read_bytes()
    assert window.privacy.restore_backup(bad, confirm=False, passphrase=window.ledger.passphrase) is False
    assert shown and window.ledger.path.read_bytes() == before


def test_the_unencrypted_copy_left_by_the_conversion_is_flagged_and_can_be_deleted(qtbot, tmp_path):
    from app.models import open_ledger
    from app.privacy.backup import unencrypted_copies
    from app.ui.app import settings_for
    from app.ui.mainwindow import MainWindow
    from tests.test_encryption import _plain_ledger_at_0003

    path = ledger_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _plain_ledger_at_0003(path)
    ledger = open_ledger(path, "new secret")  # encrypts it, keeping a plain copy in backups/
    copy = unencrypted_copies(path)[0].path
    w = MainWindow(ledger, settings_for(tmp_path))
    qtbot.addWidget(w)
    w.show()
    assert w.privacy.plain_copy_bar.isVisible() and str(copy) in w.privacy.plain_copy_text.text()
    assert w.privacy.remove_unencrypted_copies(confirm=False) is True
    assert not copy.exists() and not w.privacy.plain_copy_bar.isVisible()
    with ledger.Session() as s:  # the ledger itself still has the town's district
        from sqlalchemy import text

        assert s.execute(text("select name from district")).scalars().all() == ["味真野地区"]
    w.close()
    ledger.close()


def test_idle_minutes_are_chosen_and_kept(qtbot, window):
    from app.ui.unlock import AUTO_LOCK_MINUTES

    window.privacy.start_auto_lock(10)
    assert window.privacy.set_auto_lock_minutes(3) == 3
    assert int(window.settings.value(AUTO_LOCK_MINUTES)) == 3
    assert window.privacy.auto_lock.timer.interval() == 3 * 60_000
    assert window.privacy.set_auto_lock_minutes(0) == 1  # never "no lock at all" by a slip
