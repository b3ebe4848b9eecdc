"""The ledger is encrypted at rest: unreadable without the passphrase, never damaged by a wrong one."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from app.core.errors import LedgerError
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import Town, open_ledger
from app.models.engine import (
    DEMO_PASSPHRASE,
    PASSPHRASE_ENV,
    PassphraseRequired,
    WrongPassphrase,
    _alembic_config,
    change_passphrase,
    integrity_problems,
    is_plain_sqlite,
)
from app.privacy.backup import list_backups
from app.towns import towns

SECRET_NAME = "越前花子"
SECRET_NOTE = "認知症の疑い、生活保護受給中"


def _ledger_with_a_secret(path, passphrase=None):
    ledger = open_ledger(path, passphrase)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "余川町")
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前家", note=SECRET_NOTE))
        households.add_person(s, h.id, PersonFields(name=SECRET_NAME, concerns=SECRET_NOTE))
    ledger.close()
    return path


def _names(ledger):
    with ledger.Session() as s:
        return [p.name for h in households.list_households(s, towns.list_towns(s)[0].id) for p in h.persons]


def test_a_ledger_read_with_plain_sqlite3_yields_nothing(tmp_path):
    path = _ledger_with_a_secret(tmp_path / "ledger.sqlite3")
    before = path.read_bytes()
    # GIVEN a stolen laptop: the file read without the passphrase
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("select name from sqlite_master").fetchall()
    # THEN no name or health note is in it, even as raw bytes, and reading changed nothing
    assert SECRET_NAME.encode() not in before and SECRET_NOTE.encode() not in before
    assert b"SQLite format 3" not in before[:16]
    assert path.read_bytes() == before


def test_a_wrong_passphrase_says_so_and_never_damages_the_file(tmp_path):
    path = _ledger_with_a_secret(tmp_path / "ledger.sqlite3", "正しい合言葉")
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase) as wrong:
        open_ledger(path, "まちがい")
    assert isinstance(wrong.value, LedgerError) and "wrong passphrase" in str(wrong.value)
    assert path.read_bytes() == before
    ledger = open_ledger(path, "正しい合言葉")
    assert _names(ledger) == [SECRET_NAME]
    ledger.close()


@pytest.mark.parametrize("passphrase", ["it's \"quoted\"; --", "100%20 @:/?#", "ひだまり町の合言葉　全角スペース", "\\x'00"])
def test_any_passphrase_characters_work(tmp_path, passphrase):
    path = _ledger_with_a_secret(tmp_path / "ledger.sqlite3", passphrase)
    ledger = open_ledger(path, passphrase)
    assert _names(ledger) == [SECRET_NAME]
    ledger.close()
    with pytest.raises(WrongPassphrase):
        open_ledger(path, passphrase[:-1])


def test_changing_the_passphrase_keeps_the_data_and_retires_the_old_one(tmp_path):
    path = _ledger_with_a_secret(tmp_path / "ledger.sqlite3", "old one")
    ledger = open_ledger(path, "old one")
    change_passphrase(ledger, "新しい合言葉")
    assert _names(ledger) == [SECRET_NAME]  # the open ledger keeps working
    with ledger.Session.begin() as s:
        towns.create_town(s, "北日野地区", "上大坪町")
    ledger.close()
    with pytest.raises(WrongPassphrase):
        open_ledger(path, "old one")
    again = open_ledger(path, "新しい合言葉")
    with again.Session() as s:
        assert s.query(Town).count() == 2
    again.close()
    assert [b.kind for b in list_backups(path)] == ["before-rekey"]


def test_an_empty_passphrase_is_refused(tmp_path):
    with pytest.raises(PassphraseRequired):
        open_ledger(tmp_path / "ledger.sqlite3", "")
    assert not (tmp_path / "ledger.sqlite3").exists()


def test_without_any_passphrase_nothing_opens_not_even_the_demo(tmp_path, monkeypatch, demo_dir):
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with pytest.raises(PassphraseRequired):
        open_ledger(tmp_path / "new" / "ledger.sqlite3")
    assert not (tmp_path / "new" / "ledger.sqlite3").exists()
    with pytest.raises(PassphraseRequired):  # no hidden fallback to the demo's passphrase
        open_ledger(demo_dir / "ledger.sqlite3")
    demo = open_ledger(demo_dir / "ledger.sqlite3", DEMO_PASSPHRASE)  # public, and given on purpose
    assert demo.passphrase == DEMO_PASSPHRASE
    demo.close()


def test_the_demo_passphrase_does_not_open_a_real_ledger(tmp_path, monkeypatch):
    path = _ledger_with_a_secret(tmp_path / "ledger.sqlite3", "real secret")
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with pytest.raises(PassphraseRequired):
        open_ledger(path)
    monkeypatch.setenv(PASSPHRASE_ENV, "real secret")  # scripts and the command line
    ledger = open_ledger(path)
    assert _names(ledger) == [SECRET_NAME]
    ledger.close()


def _plain_ledger_at_0003(path):
    """A ledger as the version before encryption wrote it: plain SQLite, schema 0003."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text("insert into district (id, name, created_at, updated_at) values "
                          "('11111111111111111111111111111111', '味真野地区', '2025-01-01', '2025-01-01')"))
    engine.dispose()


def test_an_old_unencrypted_ledger_is_encrypted_on_first_open_after_a_backup(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    _plain_ledger_at_0003(path)
    ledger = open_ledger(path, "new secret")
    with ledger.Session() as s:
        assert s.execute(text("select name from district")).scalar_one() == "味真野地区"
    ledger.close()
    assert not is_plain_sqlite(path) and integrity_problems(path, "new secret") == []
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("select * from district").fetchall()
    kinds = {b.kind: b.path for b in list_backups(path)}
    # the untouched original, and a copy before the schema moved on
    assert set(kinds) == {"unencrypted", "before-migration-0003"}
    plain = sqlite3.connect(kinds["unencrypted"])
    assert plain.execute("select name from district").fetchall() == [("味真野地区",)]
    plain.close()


def test_an_unencrypted_ledger_is_left_alone_when_no_passphrase_is_given(tmp_path, monkeypatch):
    path = tmp_path / "ledger.sqlite3"
    _plain_ledger_at_0003(path)
    before = path.read_bytes()
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with pytest.raises(PassphraseRequired) as needed:
        open_ledger(path)
    assert "not encrypted yet" in str(needed.value)
    assert path.read_bytes() == before
