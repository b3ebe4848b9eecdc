"""Backups: encrypted, consistent during writes, rotating; a restore is checked first and keeps the current ledger."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import inspect, text

from app.core.errors import LedgerError
from app.core.views import HouseholdFields
from app.households import households
from app.models import open_ledger
from app.models.engine import change_passphrase, connect_raw, integrity_problems, passphrase_opens
from app.privacy import backup
from app.towns import towns


def _dump(ledger) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    with ledger.engine.connect() as conn:
        names = inspect(conn).get_table_names()
        return {n: sorted(map(tuple, conn.execute(text(f'select * from "{n}"'))), key=repr) for n in names}


def test_backup_then_restore_gives_back_the_ledger_row_for_row(demo_ledger, tmp_path):
    original = _dump(demo_ledger)
    saved = backup.backup_to(demo_ledger, tmp_path / "usb" / "台帳バックアップ.sqlite3")
    with demo_ledger.Session.begin() as s:  # GIVEN work done after the backup
        town = towns.list_towns(s)[0]
        first = households.list_households(s, town.id)[0]
        households.delete_household(s, first.id)
        towns.create_town(s, "北日野地区", "上大坪町")
    assert _dump(demo_ledger) != original
    path, passphrase = demo_ledger.path, demo_ledger.passphrase
    demo_ledger.close()

    kept = backup.restore_backup(path, saved, passphrase)

    restored = open_ledger(path, passphrase)
    assert _dump(restored) == original
    restored.close()
    # the ledger as it was before the restore is kept, with the later work in it
    before_restore = open_ledger(kept, passphrase, create=False)
    with before_restore.Session() as s:
        assert "上大坪町" in [t.name for t in towns.list_towns(s)]
    before_restore.close()


def test_a_backup_is_encrypted_like_the_ledger(ledger, town, tmp_path):
    made = backup.backup_to(ledger, tmp_path / "copy.sqlite3")
    assert passphrase_opens(made, ledger.passphrase)
    assert not passphrase_opens(made, "something else")
    assert b"SQLite format 3" not in made.read_bytes()[:16]


def test_a_restore_refuses_a_bad_file_and_changes_nothing(ledger, town, tmp_path):
    good = backup.backup_to(ledger, tmp_path / "good.sqlite3")
    damaged = []
    for fraction in (0.3, 0.5, 0.8):  # a scratched USB stick, at a few places
        data = bytearray(good.read_bytes())
        at = int(len(data) * fraction)
        data[at: at + 64] = bytes(64)
        damaged.append(tmp_path / f"damaged-{fraction}.sqlite3")
        damaged[-1].write_bytes(bytes(data))
    not_a_ledger = tmp_path / "other.sqlite3"
    conn = connect_raw(not_a_ledger, ledger.passphrase)
    conn.execute("create table shopping(item)")
    conn.commit()
    conn.close()
    path, passphrase = ledger.path, ledger.passphrase
    ledger.close()
    before = path.read_bytes()
    for bad, key in [(d, passphrase) for d in damaged] + [(good, "wrong passphrase"), (not_a_ledger, passphrase),
                                                          (tmp_path / "missing.sqlite3", passphrase)]:
        with pytest.raises(LedgerError):
            backup.restore_backup(path, bad, passphrase, source_passphrase=key)
        assert path.read_bytes() == before, bad
    assert backup.list_backups(path) == []  # nothing was even moved aside


def test_a_backup_made_with_an_old_passphrase_is_restored_under_the_current_one(ledger, town, tmp_path):
    old = ledger.passphrase
    saved = backup.backup_to(ledger, tmp_path / "old.sqlite3")
    change_passphrase(ledger, "今の合言葉")
    path = ledger.path
    ledger.close()
    backup.restore_backup(path, saved, "今の合言葉", source_passphrase=old)
    again = open_ledger(path, "今の合言葉")
    with again.Session() as s:
        assert [t.name for t in towns.list_towns(s)] == ["余川町"]
    again.close()


def test_a_backup_taken_while_someone_writes_is_consistent(ledger, town, tmp_path):
    stop = threading.Event()
    committed: list[int] = []

    def write() -> None:
        n = 0
        while not stop.is_set():
            with ledger.Session.begin() as s:
                households.add_household(s, town.id, None, HouseholdFields(name=f"家{n}"))
            n += 1
            committed.append(n)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = []
        for i in range(5):
            low = len(committed)
            made = backup.backup_to(ledger, tmp_path / f"during-{i}.sqlite3")
            copies.append((low, made, len(committed)))
    finally:
        stop.set()
        writer.join()
    assert committed, "the writer never committed"
    for low, made, high in copies:
        assert integrity_problems(made, ledger.passphrase) == []
        conn = connect_raw(made, ledger.passphrase)
        count = conn.execute("select count(*) from household").fetchone()[0]
        conn.close()
        assert low <= count <= high  # a moment between two commits, never half of one


def test_automatic_backups_rotate_but_migration_and_manual_ones_stay(ledger, town):
    manual = backup.backup_now(ledger, "manual")
    for _ in range(13):
        backup.backup_at_close(ledger, keep=10)
    kinds = [b.kind for b in backup.list_backups(ledger.path)]
    assert kinds.count("close") == 10
    assert manual.exists() and kinds.count("manual") == 1


def test_a_daily_backup_is_made_at_most_once_a_day(ledger, town):
    now = datetime.now()
    assert backup.backup_if_due(ledger, now=now) is not None
    assert backup.backup_if_due(ledger, now=now + timedelta(hours=5)) is None
    later = backup.backup_if_due(ledger, now=now + timedelta(hours=25))
    assert later is not None and later.exists()
    assert [b.kind for b in backup.list_backups(ledger.path)] == ["daily", "daily"]


def test_a_backup_never_overwrites_the_ledger(ledger):
    with pytest.raises(LedgerError):
        backup.backup_to(ledger, ledger.path)
