"""The ledger runs in WAL mode: a long read never holds up a save nor a save a read, and everything that
handles the ledger as a file (backups, restore, passphrase checks and changes, sync packages) still works
with the -wal and -shm files SQLite keeps beside it while it is open."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from app.core.errors import LedgerError
from app.core.views import HouseholdFields
from app.households import households
from app.models import open_ledger
from app.models.engine import (
    PASSPHRASE_ENV,
    change_passphrase,
    connect_raw,
    integrity_problems,
    online_backup,
    passphrase_opens,
    side_files,
)
from app.privacy import backup
from app.towns import towns
from tests.conftest import REPO, run_app
from tests.test_sqlcipher_compat import OLD_LEDGER, OLD_PASSPHRASE

WAIT = 60  # seconds: only a guard against a hang; every step below waits for an event, never for a time


def _journal_mode(path: Path, passphrase: str) -> str:
    conn = connect_raw(path, passphrase)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def _dump(ledger) -> dict[str, list]:  # noqa: ANN001
    """Every row of every table, in a stable order."""
    with ledger.engine.connect() as conn:
        return {n: sorted(map(repr, conn.execute(text(f'select * from "{n}"'))))
                for n in inspect(conn).get_table_names()}


def _names(path: Path, passphrase: str) -> set[str]:
    conn = connect_raw(path, passphrase)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM household")}
    finally:
        conn.close()


def _add(ledger, town_id, *names: str) -> None:  # noqa: ANN001
    with ledger.Session.begin() as s:
        for name in names:
            households.add_household(s, town_id, None, HouseholdFields(name=name))


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


# ---- the mode itself -------------------------------------------------------------------------------------


def test_a_new_ledger_is_in_wal_mode_with_full_sync_and_leaves_no_side_files_when_closed(tmp_path):
    # GIVEN no file  WHEN the ledger is made
    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    with ledger.engine.connect() as conn:
        # THEN it runs in WAL mode, and every commit waits for the disk (nothing acknowledged is lost to a power cut)
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    town = None
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "余川町")
    log = _wal(path).read_bytes()
    assert len(log) > 0  # the commit went to the write-ahead log, encrypted like the ledger
    assert "余川町".encode() not in log and "味真野地区".encode() not in log
    ledger.close()
    # AND closing folds the log into the file: one file again, still in WAL mode (stored in the file)
    assert side_files(path) == []
    assert _journal_mode(path, os.environ[PASSPHRASE_ENV]) == "wal"
    assert town is not None and integrity_problems(path, os.environ[PASSPHRASE_ENV]) == []


def test_a_ledger_of_the_previous_build_in_rollback_mode_switches_to_wal_on_first_open_and_stays_sound(tmp_path):
    # GIVEN a laptop's ledger written by the build before WAL (rollback journal)
    path = tmp_path / "ledger.sqlite3"
    shutil.copyfile(OLD_LEDGER, path)
    assert _journal_mode(path, OLD_PASSPHRASE) == "delete"
    # WHEN today's build opens it, and saves in it
    ledger = open_ledger(path, OLD_PASSPHRASE)
    with ledger.Session() as s:
        town_id = towns.list_towns(s)[0].id
    _add(ledger, town_id, "新しい家")
    ledger.close()
    # THEN it is in WAL mode from now on, sound, with its old household and the new one
    assert _journal_mode(path, OLD_PASSPHRASE) == "wal"
    assert integrity_problems(path, OLD_PASSPHRASE) == []
    assert _names(path, OLD_PASSPHRASE) == {"山田 花子", "新しい家"}
    # AND the copy kept before its migration is a single rollback-journal file, as every backup
    [kept] = list(ledger.backup_dir.glob("*before-migration-*"))
    assert _journal_mode(kept, OLD_PASSPHRASE) == "delete" and side_files(kept) == []


# ---- readers and writers go on at once: the point of WAL ----------------------------------------------


def test_a_long_read_does_not_hold_up_a_save(ledger, town):
    # GIVEN a report reading the households, one row at a time, and not finished yet
    _add(ledger, town.id, *(f"家{i:03}" for i in range(50)))
    reading, saved = threading.Event(), threading.Event()
    seen: list[str] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            with ledger.engine.connect() as conn:
                rows = conn.execute(text("SELECT name FROM household ORDER BY name"))
                seen.append(rows.fetchone()[0])
                reading.set()  # the read is under way: its statement holds a snapshot of the ledger
                assert saved.wait(WAIT), "the save did not finish while the read was under way"
                seen.extend(r[0] for r in rows)
        except BaseException as e:  # noqa: BLE001 - reported by the test thread
            errors.append(e)
            reading.set()

    reader = threading.Thread(target=read, name="long-read")
    reader.start()
    try:
        assert reading.wait(WAIT)
        # WHEN the user saves a household meanwhile, on another connection
        _add(ledger, town.id, "読み取り中に保存した家")
        saved.set()
    finally:
        saved.set()
        reader.join(WAIT)
    # THEN the save went through without waiting for the read, and the read saw the ledger as it began
    assert errors == []
    assert len(seen) == 50 and "読み取り中に保存した家" not in seen
    assert "読み取り中に保存した家" in _names(ledger.path, ledger.passphrase)


def test_a_long_save_does_not_hold_up_a_read(ledger, town):
    # GIVEN a big save under way (its pages already spilled out of memory, as a bulk import's do) and not committed
    _add(ledger, town.id, "前からある家")
    writing, read_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with ledger.Session.begin() as s:
                s.connection().exec_driver_sql("PRAGMA cache_size = 2")
                for i in range(300):
                    households.add_household(s, town.id, None, HouseholdFields(name=f"取込{i}", note="メモ" * 500))
                s.flush()
                writing.set()
                assert read_done.wait(WAIT), "the read did not finish while the save was under way"
                s.connection().exec_driver_sql("PRAGMA cache_size = -8000")
        except BaseException as e:  # noqa: BLE001 - reported by the test thread
            errors.append(e)
            writing.set()

    writer = threading.Thread(target=write, name="long-save")
    writer.start()
    try:
        assert writing.wait(WAIT)
        assert _wal(ledger.path).stat().st_size > 0  # the uncommitted pages are in the log
        # WHEN the map reads the ledger meanwhile, on another connection
        with ledger.Session() as s:
            names = [h.name for h in households.list_households(s, town.id)]
        read_done.set()
    finally:
        read_done.set()
        writer.join(WAIT)
    # THEN the read went through at once, seeing only what was committed; the save then committed all of it
    assert errors == []
    assert names == ["前からある家"]
    assert len(_names(ledger.path, ledger.passphrase)) == 301


def test_the_command_line_backs_up_while_the_window_is_in_the_middle_of_a_save(ledger, town, tmp_path):
    # GIVEN the window in the middle of a big save (uncommitted pages in the log)
    _add(ledger, town.id, "保存済みの家")
    out = tmp_path / "usb" / "copy.sqlite3"
    with ledger.Session.begin() as s:
        s.connection().exec_driver_sql("PRAGMA cache_size = 2")
        for i in range(200):
            households.add_household(s, town.id, None, HouseholdFields(name=f"未保存{i}", note="メモ" * 500))
        s.flush()
        assert _wal(ledger.path).stat().st_size > 0
        # WHEN `sasaeai-map backup` runs from a terminal meanwhile
        result = run_app("--data-dir", str(ledger.data_dir), "backup", "--out", str(out))
        s.connection().exec_driver_sql("PRAGMA cache_size = -8000")
    # THEN it did not wait for the save: the copy holds what was committed when it ran, and only that
    assert result.returncode == 0, result.stderr
    assert _names(out, ledger.passphrase) == {"保存済みの家"}
    assert len(_names(ledger.path, ledger.passphrase)) == 201


# ---- backups and restore ---------------------------------------------------------------------------------


def test_a_backup_is_one_self_contained_file_that_opens_alone_in_a_fresh_folder(ledger, town, tmp_path):
    # GIVEN commits still in the ledger's write-ahead log (not yet copied into the file)
    _add(ledger, town.id, "ログの中の家")
    assert _wal(ledger.path).stat().st_size > 0
    # WHEN it is backed up
    made = backup.backup_to(ledger, tmp_path / "usb" / "copy.sqlite3")
    # THEN the copy is one file, in rollback-journal mode, with nothing beside it
    assert sorted(p.name for p in made.parent.iterdir()) == ["copy.sqlite3"]
    fresh = tmp_path / "another-laptop"
    fresh.mkdir()
    alone = Path(shutil.copy(made, fresh / "copy.sqlite3"))
    # AND copied alone to another folder it opens, read-only without making anything beside it, and holds the
    # last commit
    assert passphrase_opens(alone, ledger.passphrase) and not passphrase_opens(alone, "ちがう")
    assert sorted(p.name for p in fresh.iterdir()) == ["copy.sqlite3"]
    assert _journal_mode(alone, ledger.passphrase) == "delete"
    assert "ログの中の家" in _names(alone, ledger.passphrase)
    backup.check_backup(alone, ledger.passphrase)
    assert sorted(p.name for p in fresh.iterdir()) == ["copy.sqlite3"]


def test_a_backup_over_an_old_file_of_that_name_ignores_what_sqlite_left_beside_it(ledger, town, tmp_path):
    # GIVEN an old WAL-mode copy on the stick, with its write-ahead log (a crash's commits) beside it
    old = backup.backup_to(ledger, tmp_path / "usb" / "copy.sqlite3")
    stale = connect_raw(old, ledger.passphrase)
    stale.execute("PRAGMA journal_mode = WAL")
    stale.execute("PRAGMA wal_autocheckpoint = 0")
    stale.execute("DELETE FROM town")
    stale.commit()
    assert _wal(old).stat().st_size > 0
    kept_log = _wal(old).read_bytes()
    stale.close()  # its close folds the log in; put it back, as a crash would have left it
    _wal(old).write_bytes(kept_log)
    # WHEN a backup is written to that name
    _add(ledger, town.id, "新しい家")
    made = backup.backup_to(ledger, old)
    # THEN the old log is gone with the old file: the copy is the ledger, whole
    assert side_files(made) == []
    assert _names(made, ledger.passphrase) == {"新しい家"}
    assert integrity_problems(made, ledger.passphrase) == []


KILLED_AFTER_COMMIT = """
import sys, time
from app.models import open_ledger
from app.households import households
from app.towns import towns
from app.core.views import HouseholdFields
ledger = open_ledger(sys.argv[1])
with ledger.Session.begin() as s:
    households.add_household(s, towns.list_towns(s)[0].id, None, HouseholdFields(name="後で書いた家"))
print("committed", flush=True)
time.sleep(120)
"""


def test_a_restore_over_a_ledger_a_crash_left_with_its_wal_gives_exactly_the_backups_rows(ledger, town, tmp_path):
    _add(ledger, town.id, "前からある家")
    saved = backup.backup_to(ledger, tmp_path / "usb" / "saved.sqlite3")
    original = _dump(ledger)
    path, key = ledger.path, ledger.passphrase
    ledger.close()
    # GIVEN the app killed after a save: its commit is only in the write-ahead log, with the -shm beside it
    child = subprocess.Popen([sys.executable, "-c", KILLED_AFTER_COMMIT, str(path)], cwd=REPO, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout.readline().strip() == "committed"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(WAIT)
    assert _wal(path).stat().st_size > 0 and path.with_name(path.name + "-shm").exists()
    # WHEN the user restores the backup
    kept = backup.restore_backup(path, saved, key)
    # THEN the ledger holds exactly the backup's rows, nothing of the old log is left to be replayed into it
    assert side_files(path) == []
    restored = open_ledger(path, key)
    try:
        assert _dump(restored) == original
        with restored.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"  # and it runs in WAL mode again
    finally:
        restored.close()
    # AND the ledger as it was, kept first, has the killed app's last commit: nothing acknowledged was lost
    assert "後で書いた家" in _names(kept, key)
    assert side_files(kept) == [] and integrity_problems(kept, key) == []


def test_a_restore_while_the_ledger_is_still_open_is_refused_and_changes_nothing(ledger, town, tmp_path):
    _add(ledger, town.id, "前からある家")
    saved = backup.backup_to(ledger, tmp_path / "saved.sqlite3")
    _add(ledger, town.id, "後の家")
    # GIVEN the ledger still open somewhere (a connection that was not closed)
    with ledger.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM household").scalar()
        # WHEN a restore is tried  THEN it is refused
        with pytest.raises(LedgerError, match="still open"):
            backup.restore_backup(ledger.path, saved, ledger.passphrase)
    # AND the ledger is as it was
    assert _names(ledger.path, ledger.passphrase) == {"前からある家", "後の家"}


# ---- passphrase checks and changes ----------------------------------------------------------------------


def test_a_read_only_passphrase_check_works_with_the_app_closed_and_with_it_open(ledger, town):
    path, key = ledger.path, ledger.passphrase
    _add(ledger, town.id, "一軒目")
    ledger.close()
    before = path.read_bytes()
    # GIVEN the app closed: the ledger alone, in WAL mode, no -wal or -shm beside it
    assert side_files(path) == []
    # THEN the right passphrase opens it, a wrong one does not, and neither changes the file
    assert passphrase_opens(path, key) and not passphrase_opens(path, "まちがい")
    assert path.read_bytes() == before
    # GIVEN the app open, its last save still in the write-ahead log
    again = open_ledger(path, key)
    try:
        _add(again, town.id, "二軒目")
        assert _wal(path).stat().st_size > 0
        # THEN the check answers the same, and the app goes on saving afterwards
        assert passphrase_opens(path, key) and not passphrase_opens(path, "まちがい")
        _add(again, town.id, "三軒目")
        assert _names(path, key) == {"一軒目", "二軒目", "三軒目"}
    finally:
        again.close()
    assert integrity_problems(path, key) == []


def test_a_passphrase_change_in_wal_mode_leaves_the_file_and_later_copies_opening_only_with_the_new_one(ledger, town,
                                                                                                      tmp_path):
    old_key = ledger.passphrase
    _add(ledger, town.id, "ログの中の家")
    assert _wal(ledger.path).stat().st_size > 0  # GIVEN commits still in the write-ahead log
    # WHEN the passphrase is changed, with the app open
    change_passphrase(ledger, "新しい合言葉")
    _add(ledger, town.id, "変更後の家")
    copy = backup.backup_to(ledger, tmp_path / "after.sqlite3")
    # THEN the ledger (open, with its log) and a copy made afterwards open with the new passphrase only
    for path in (ledger.path, copy):
        assert passphrase_opens(path, "新しい合言葉") and not passphrase_opens(path, old_key), path
        assert _names(path, "新しい合言葉") == {"ログの中の家", "変更後の家"}, path
    ledger.close()
    # AND closed: the file alone, still in WAL mode and sound
    assert side_files(ledger.path) == []
    assert passphrase_opens(ledger.path, "新しい合言葉") and not passphrase_opens(ledger.path, old_key)
    assert _journal_mode(ledger.path, "新しい合言葉") == "wal"
    assert integrity_problems(ledger.path, "新しい合言葉") == []
    # (the copy made just before the change keeps the old passphrase, as the restore of an old backup expects)
    [before] = [b.path for b in backup.list_backups(ledger.path) if b.kind == "before-rekey"]
    assert passphrase_opens(before, old_key) and not passphrase_opens(before, "新しい合言葉")


# ---- files that travel stay single files ----------------------------------------------------------------


def test_a_sync_package_is_one_file_in_rollback_mode(tmp_path):
    from app.sync.packages import PACKAGE_FORMAT, read_package, write_package

    # WHEN a package for the USB stick is written (made with connect_raw, as the ledger's copies are)
    made = write_package(tmp_path / "stick" / "package.sqlite3", "包みの合言葉", {"format": PACKAGE_FORMAT}, [],
                         key=b"k" * 32)
    # THEN it is one file, not in WAL mode, and it reads back without making anything beside it
    assert sorted(p.name for p in made.parent.iterdir()) == ["package.sqlite3"]
    assert _journal_mode(made, "包みの合言葉") == "delete"
    assert read_package(made, "包みの合言葉").meta["format"] == PACKAGE_FORMAT
    assert sorted(p.name for p in made.parent.iterdir()) == ["package.sqlite3"]


def test_a_copy_made_by_online_backup_from_a_wal_ledger_is_in_rollback_mode(ledger, town, tmp_path):
    made = online_backup(ledger.path, ledger.passphrase, tmp_path / "copy.sqlite3")
    assert _journal_mode(made, ledger.passphrase) == "delete" and side_files(made) == []
