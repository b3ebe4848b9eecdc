"""A passphrase means what it says: a wrong one never opens anything (the demo's ledger included), the same
Japanese passphrase typed through any input method opens, and the demo says it is the demo."""

from __future__ import annotations

import unicodedata

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from PySide6.QtWidgets import QApplication

from app.core.errors import LedgerError
from app.core.views import Crs, MapPoint
from app.demo.ledger_kind import create_real_ledger, is_demo
from app.models import open_ledger
from app.models.engine import (
    DEMO_PASSPHRASE,
    PASSPHRASE_ENV,
    WrongPassphrase,
    _sql_literal,
    change_passphrase,
    passphrase_opens,
)
from app.paths import ledger_path
from app.privacy.backup import backup_to, check_backup
from app.towns import towns
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from app.ui.unlock import UnlockDialog, ask_real_ledger, passphrase_ok
from tests.conftest import run_app

# One passphrase as two input methods send it: composed (NFC) and with combining (semi-)voiced marks (NFD).
TYPED_NFC = "がんばる合言葉ぷ"
TYPED_NFD = unicodedata.normalize("NFD", TYPED_NFC)


# --------------------------------------------------------------------------- a wrong passphrase is refused


def test_a_wrong_environment_passphrase_is_refused_on_the_demo_by_the_command_line(demo_dir):
    # GIVEN the demo ledger WHEN a script gives a wrong SASAEAI_PASSPHRASE
    wrong = run_app("towns", "--data-dir", str(demo_dir), env={PASSPHRASE_ENV: "wrong"})
    # THEN it is refused, saying why, and lists nothing
    assert wrong.returncode != 0
    assert "wrong passphrase" in wrong.stderr and PASSPHRASE_ENV in wrong.stderr
    assert "ひだまり町" not in wrong.stdout
    # WHEN the right one is given THEN the demo opens
    right = run_app("towns", "--data-dir", str(demo_dir), env={PASSPHRASE_ENV: DEMO_PASSPHRASE})
    assert right.returncode == 0, right.stderr
    assert right.stdout.splitlines() == ["ひだまり町"]


def test_a_wrong_given_passphrase_never_falls_back_to_the_demo_one(demo_dir, monkeypatch):
    path = ledger_path(demo_dir)
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        open_ledger(path, "wrong")
    monkeypatch.setenv(PASSPHRASE_ENV, "wrong")
    with pytest.raises(WrongPassphrase) as refused:
        open_ledger(path)
    assert PASSPHRASE_ENV in str(refused.value)
    assert path.read_bytes() == before


# --------------------------------------------------------------------------- NFC and NFD typings


def test_a_japanese_passphrase_opens_whichever_way_it_was_typed(tmp_path):
    assert TYPED_NFC != TYPED_NFD and "\u3099" in TYPED_NFD and "\u309a" in TYPED_NFD  # が = か + ゛
    path = tmp_path / "ledger.sqlite3"
    # GIVEN a ledger made with the passphrase typed one way
    made = open_ledger(path, TYPED_NFD)
    with made.Session.begin() as s:
        towns.create_town(s, "味真野地区", "余川町")
    assert made.passphrase == TYPED_NFC  # kept in its composed form
    made.close()
    # THEN it opens typed either way, and not with a near miss
    for typed in (TYPED_NFC, TYPED_NFD):
        ledger = open_ledger(path, typed)
        with ledger.Session() as s:
            assert [t.name for t in towns.list_towns(s)] == ["余川町"]
        assert passphrase_ok(ledger, TYPED_NFC) and passphrase_ok(ledger, TYPED_NFD)
        assert not passphrase_ok(ledger, TYPED_NFC[:-1])
        ledger.close()
    with pytest.raises(WrongPassphrase):
        open_ledger(path, TYPED_NFC[:-1])


def test_a_ledger_made_before_with_a_decomposed_passphrase_still_opens(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    open_ledger(path, "temporary").close()
    # GIVEN a ledger whose key is the decomposed text exactly, as an older version wrote it
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = {_sql_literal('temporary')}")
    conn.execute(f"PRAGMA rekey = {_sql_literal(TYPED_NFD)}")
    conn.close()
    assert not passphrase_opens(path, "temporary")
    # WHEN it is typed the same way THEN it opens (the NFC form is tried first, then the text as typed)
    ledger = open_ledger(path, TYPED_NFD)
    assert ledger.passphrase == TYPED_NFD
    with ledger.Session() as s:
        assert towns.list_towns(s) == []
    ledger.close()


def test_changing_to_a_decomposed_passphrase_and_backups_accept_both_typings(tmp_path):
    ledger = open_ledger(tmp_path / "ledger.sqlite3", "old one")
    change_passphrase(ledger, TYPED_NFD)
    assert ledger.passphrase == TYPED_NFC
    copy = backup_to(ledger, tmp_path / "copy.sqlite3")
    ledger.close()
    check_backup(copy, TYPED_NFD)  # the restore dialog's check, typed the other way
    check_backup(copy, TYPED_NFC)
    with pytest.raises(LedgerError):
        check_backup(copy, "old one")
    open_ledger(tmp_path / "ledger.sqlite3", TYPED_NFD).close()


def test_the_new_ledger_dialog_takes_the_two_typings_as_the_same_passphrase(qtbot, tmp_path):
    dialog = UnlockDialog(ledger_path(tmp_path), new=True)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(TYPED_NFC)
    dialog.repeat.setText(TYPED_NFD)
    dialog.operator.setText("民生　花子")
    dialog._check()
    assert dialog.result() == UnlockDialog.DialogCode.Accepted and dialog.message.text() == ""
    dialog.repeat.setText(TYPED_NFC[:-1])
    dialog._check()
    assert "differ" in dialog.message.text()


# --------------------------------------------------------------------------- the demo says it is the demo


def test_the_demo_ledger_says_it_is_the_demo_and_a_new_one_does_not(demo_ledger, ledger):
    with demo_ledger.Session() as s:
        assert is_demo(s)
    with ledger.Session() as s:
        assert not is_demo(s)


def test_a_real_ledger_made_from_the_demo_is_empty_and_real(tmp_path, demo_ledger):
    folder = tmp_path / "mine"
    made = create_real_ledger(folder, TYPED_NFD)
    assert made == ledger_path(folder)
    with pytest.raises(WrongPassphrase):
        open_ledger(made, DEMO_PASSPHRASE)
    ledger = open_ledger(made, TYPED_NFC)
    with ledger.Session() as s:
        assert not is_demo(s)
        assert towns.list_towns(s) == []  # nothing of the demo was copied
    ledger.close()
    before = made.read_bytes()
    with pytest.raises(LedgerError):  # never over an existing ledger
        create_real_ledger(folder, "another")
    assert made.read_bytes() == before


class Answers(UnlockDialog):
    """The new-ledger dialog answering by itself (no modal is ever opened)."""

    attempts: list[str] = []

    def exec(self) -> int:  # noqa: A003 - Qt's name
        if not Answers.attempts:
            return self.DialogCode.Rejected
        self.passphrase.setText(Answers.attempts.pop(0))
        self.repeat.setText(self.passphrase.text())
        return self.DialogCode.Accepted


def test_making_my_own_ledger_asks_a_passphrase_and_a_folder(qtbot, tmp_path):
    Answers.attempts = ["私の合言葉"]
    folder = ask_real_ledger(None, folder=tmp_path / "mine", ask=Answers)
    assert folder == tmp_path / "mine"
    ledger = open_ledger(ledger_path(folder), "私の合言葉")
    with ledger.Session() as s:
        assert not is_demo(s)
    ledger.close()
    Answers.attempts = []
    assert ask_real_ledger(None, folder=tmp_path / "cancelled", ask=Answers) is None
    assert not ledger_path(tmp_path / "cancelled").exists()


# --------------------------------------------------------------------------- the window


def test_the_demo_window_shows_the_demo_bar_and_a_real_one_does_not(qtbot, demo_ledger, demo_dir, ledger, tmp_path):
    demo_window = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(demo_window)
    demo_window.show()
    assert demo_window.privacy.demo_bar.isVisible()
    assert "demo ledger for practice" in demo_window.privacy.demo_bar.text.text()
    assert not demo_window.privacy.demo_bar.offer_button.isVisible()  # no offer before anyone types
    real_window = MainWindow(ledger, settings_for(tmp_path), demo=False)
    qtbot.addWidget(real_window)
    real_window.show()
    assert not real_window.privacy.demo_bar.isVisible()


def test_adding_a_household_by_hand_in_the_demo_offers_a_real_ledger(qtbot, demo_ledger, demo_dir):
    window = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map_drawn, timeout=60_000):
        window.towns.open_initial_town()
        window.show()
    assert not window.privacy.demo_bar.offer_button.isVisible()
    # WHEN a volunteer adds a household on the map
    added = window.households.add_household(MapPoint(Crs.PIXEL, 150.0, 150.0))
    assert added is not None
    # THEN the bar offers a ledger of their own, without any dialog
    assert window.privacy.demo_bar.offer_button.isVisible() and window.privacy.demo_bar.offer_text.isVisible()
    assert QApplication.activeModalWidget() is None
    # AND the bar (no personal data in it) stays on the projector
    window.projector.set_projector(True, confirm=False)
    assert window.privacy.demo_bar.isVisible()
    window.projector.set_projector(False, confirm=False)


def test_the_demo_bar_speaks_japanese(qtbot, qapp):
    from app.ui import i18n
    from app.ui.dialogs import DemoBar

    translators = i18n.install_translators(qapp, "ja")
    try:
        bar = DemoBar()
        qtbot.addWidget(bar)
        assert bar.text.text() == "これは練習用のデモ台帳です。架空の人だけを入れてください。"
        assert bar.offer_button.text() == "自分の台帳を作る…"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_every_new_encrypted_file_gets_the_composed_form(tmp_path):
    from app.models.engine import _key_opens, connect_raw

    # GIVEN a copy or a sync package written with the passphrase typed decomposed
    made = tmp_path / "package.sqlite3"
    conn = connect_raw(made, TYPED_NFD)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    # THEN its key is the composed form, so it opens typed either way
    assert _key_opens(made, TYPED_NFC) and not _key_opens(made, TYPED_NFD)
    for typed in (TYPED_NFC, TYPED_NFD):
        again = connect_raw(made, typed)
        assert again.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
        again.close()


def test_starting_again_on_my_own_ledger_runs_this_app_on_that_folder(tmp_path):
    import os
    import subprocess

    from app.ui.app import restart_command

    folder = tmp_path / "mine"
    ledger = open_ledger(create_real_ledger(folder, "私の合言葉"), "私の合言葉")
    with ledger.Session.begin() as s:
        towns.create_town(s, "味真野地区", "余川町")
    ledger.close()
    program, args = restart_command(folder)
    # the same command, asked for its towns instead of the window: it reaches the new ledger
    listed = subprocess.run([program, *args, "towns"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, PASSPHRASE_ENV: "私の合言葉"})
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == ["余川町"]
