"""The ledger's key is stretched once per ledger: later connections are keyed with SQLCipher's raw key.

Stretching a passphrase (PBKDF2, 256,000 rounds) costs 0.1–0.2 s of CPU; the window's first edit while the
background reads hold a connection opened a second one and paid it again on the UI thread. A raw key that does
not open the file must fall back to the passphrase and write nothing; neither key may reach a log or a repr.
"""

from __future__ import annotations

import hashlib
import logging
import os

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.core.views import Crs, HouseholdFields, MapPoint
from app.households import households
from app.models import engine as engine_module
from app.models import open_ledger
from app.models.engine import WrongPassphrase, change_passphrase
from app.towns import towns


@pytest.fixture
def keyed(monkeypatch):
    """What each new SQLCipher connection of the app was keyed with: "raw", or "passphrase"."""
    kinds: list[str] = []
    real = engine_module._connect_with_key

    def spy(path, key):  # noqa: ANN001, ANN202
        kinds.append("raw" if key.startswith("x'") and key.endswith("'") and len(key) == 67 else "passphrase")
        return real(path, key)

    monkeypatch.setattr(engine_module, "_connect_with_key", spy)
    return kinds


def _made(path, passphrase=None):  # noqa: ANN001, ANN202
    ledger = open_ledger(path, passphrase)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "北日野地区", "上大坪町")
        households.add_household(s, town.id, MapPoint(Crs.GEO, 136.17, 35.9), HouseholdFields(name="山田家"))
    ledger.close()
    return town.id


def _names_on_two_connections(ledger) -> list[str]:  # noqa: ANN001
    """Each of two connections held at once (the reads' thread and the UI thread) reads the households."""
    with ledger.engine.connect() as one, ledger.engine.connect() as two:
        return [c.exec_driver_sql("SELECT name FROM household").scalar() for c in (one, two)]


def test_a_second_connection_is_keyed_with_the_raw_key_not_the_passphrase(tmp_path, keyed):
    path = tmp_path / "ledger.sqlite3"
    _made(path)
    keyed.clear()
    ledger = open_ledger(path)
    assert _names_on_two_connections(ledger) == ["山田家", "山田家"]
    # the open proves the key with one raw key (stretched by hashlib); the second connection reuses it
    assert keyed == ["raw", "raw"]
    ledger.close()


def test_the_raw_key_is_the_one_sqlcipher_derives_from_the_passphrase(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    _made(path)
    passphrase = os.environ["SASAEAI_PASSPHRASE"]
    with open(path, "rb") as f:
        salt = f.read(16)
    # SQLCipher 4's documented defaults, written out independently of the code under test
    expected = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, 256_000, 32).hex()
    assert engine_module._raw_key(path, passphrase) == f"x'{expected}'"
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{expected}'\"")
        assert conn.execute("SELECT name FROM household").fetchone() == ("山田家",)
    finally:
        conn.close()


def test_a_new_ledger_stretches_its_key_once_then_keys_later_connections_raw(tmp_path, keyed):
    # GIVEN a brand-new file (no salt until SQLCipher writes its first page)
    path = tmp_path / "new.sqlite3"
    ledger = open_ledger(path)
    assert keyed[0] == "passphrase"
    keyed.clear()
    with ledger.Session.begin() as s:
        towns.create_town(s, "北日野地区", "上大坪町")
    assert _names_on_two_connections(ledger) == [None, None]
    # WHEN later connections are made THEN they are keyed with the raw key, stretched from the file's salt
    assert keyed and set(keyed) == {"raw"}
    ledger.close()


def test_a_raw_key_that_does_not_open_the_ledger_falls_back_and_changes_nothing(tmp_path, keyed, monkeypatch):
    # GIVEN a SQLCipher whose key derivation differs from what the app assumes (another round count)
    path = tmp_path / "ledger.sqlite3"
    _made(path)
    before = path.read_bytes()
    monkeypatch.setattr(engine_module, "_KDF_ROUNDS", 64_000)
    keyed.clear()
    # WHEN a wrong raw key is tried THEN it opens nothing and the file is as it was
    assert engine_module._ledger_connection(path, engine_module._raw_key(path, os.environ["SASAEAI_PASSPHRASE"])) is None
    assert path.read_bytes() == before
    # AND the ledger still opens with its passphrase, every connection keyed with it, its data intact
    keyed.clear()
    ledger = open_ledger(path)
    assert _names_on_two_connections(ledger) == ["山田家", "山田家"]
    assert keyed == ["raw", "passphrase", "passphrase"]
    ledger.close()


def test_a_wrong_passphrase_is_still_refused_and_the_file_left_as_it_was(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    _made(path)
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        open_ledger(path, "not the passphrase")
    assert path.read_bytes() == before


def test_after_a_passphrase_change_later_connections_use_the_new_key(tmp_path, keyed):
    path = tmp_path / "ledger.sqlite3"
    _made(path)
    ledger = open_ledger(path)
    change_passphrase(ledger, "新しい合言葉 2")
    keyed.clear()
    assert _names_on_two_connections(ledger) == ["山田家", "山田家"]
    assert set(keyed) == {"raw"}
    ledger.close()
    with pytest.raises(WrongPassphrase):
        open_ledger(path, os.environ["SASAEAI_PASSPHRASE"])
    again = open_ledger(path, "新しい合言葉 2")
    assert _names_on_two_connections(again) == ["山田家", "山田家"]
    again.close()


def test_neither_the_passphrase_nor_the_raw_key_is_logged_or_shown(tmp_path, caplog, monkeypatch):
    path = tmp_path / "ledger.sqlite3"
    _made(path)
    passphrase = os.environ["SASAEAI_PASSPHRASE"]
    raw = engine_module._raw_key(path, passphrase)
    secrets = [passphrase, raw[2:-1], raw[2:-1].upper()]
    with caplog.at_level(logging.DEBUG):
        ledger = open_ledger(path)
        _names_on_two_connections(ledger)
        monkeypatch.setattr(engine_module, "_KDF_ROUNDS", 64_000)  # the fallback's log line too
        ledger.close()
        ledger = open_ledger(path)
        _names_on_two_connections(ledger)
    shown = caplog.text + repr(ledger) + repr(ledger.engine) + str(ledger.engine.url)
    assert not [s for s in secrets if s in shown]
    ledger.close()
