"""A crash, a full disk, a read-only folder or a malformed import never loses or corrupts the ledger."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from sqlalchemy import inspect, text

from app.core.errors import LedgerError
from app.core.views import HouseholdFields, PersonFields
from app.emergency import agency_files as agencies
from app.households import households
from app.models import open_ledger
from app.models.engine import connect_raw, integrity_problems
from app.towns import reference_layers, towns
from app.watch import roster, watch_form

REPO = Path(__file__).resolve().parents[1]
# Hypothesis caches what it learns in .hypothesis/ of the working folder: keep the repository clean.
_HYPOTHESIS_HOME = tempfile.TemporaryDirectory(prefix="sasaeai-hypothesis-")  # removed at exit
set_hypothesis_home_dir(_HYPOTHESIS_HOME.name)

# Writes households forever, one transaction each, and prints a number only after its commit returned.
WRITER = """
import sys, uuid
from app.models import open_ledger
from app.households import households
from app.core.views import HouseholdFields, PersonFields
ledger = open_ledger(sys.argv[1])
town_id, n = uuid.UUID(sys.argv[2]), int(sys.argv[3])
while True:
    with ledger.Session.begin() as s:
        h = households.add_household(s, town_id, None, HouseholdFields(name=f"w{n}", note="記" * (n % 50) * 40))
        households.add_person(s, h.id, PersonFields(name=f"p{n}", concerns="気になる" * 20))
    print(n, flush=True)
    n += 1
"""


def _committed_names(path: Path) -> set[str]:
    ledger = open_ledger(path)
    try:
        with ledger.engine.connect() as conn:
            return {r[0] for r in conn.execute(text("select name from household"))}
    finally:
        ledger.close()


def test_killing_the_app_at_random_points_never_loses_a_commit_or_damages_the_file(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        town_id = towns.create_town(s, "味真野地区", "余川町").id
    ledger.close()
    rng = random.Random(5)
    reported: set[str] = set()
    next_n = 0
    for round_ in range(20):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(town_id), str(next_n)],
                                 cwd=REPO, stdout=subprocess.PIPE, text=True)
        first = child.stdout.readline()  # the child is up and writing
        assert first.strip().isdigit(), f"round {round_}: the writer did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        lines = [first] + rest.splitlines(keepends=True)
        done = [int(line) for line in lines if line.endswith("\n") and line.strip().isdigit()]
        reported |= {f"w{n}" for n in done}
        next_n = max(done) + 2  # the killed transaction may or may not have landed: never reuse its name
        assert integrity_problems(path, os.environ["SASAEAI_PASSPHRASE"]) == [], f"round {round_}"
        stored = _committed_names(path)
        missing = reported - stored
        assert not missing, f"round {round_}: committed but lost: {sorted(missing)[:5]}"
    assert len(reported) > 20


def _run_child(code: str, *args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def _ledger_with_one_household(path: Path) -> None:
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "余川町")
        households.add_household(s, town.id, None, HouseholdFields(name="前からある家"))
    ledger.close()


SAVE_BIG = """
import sys, resource, signal
from app.models import open_ledger
from app.households import households
from app.towns import towns
from app.core.errors import LedgerError
from app.core.views import HouseholdFields
try:
    ledger = open_ledger(sys.argv[1])  # in a read-only folder the open itself may be refused
    if sys.argv[2] == "disk-full":
        # The files may grow only a little more: what a full disk looks like to SQLite.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = ledger.path.stat().st_size + 16 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    with ledger.Session.begin() as s:
        town = towns.list_towns(s)[0]
        for i in range(20):
            households.add_household(s, town.id, None, HouseholdFields(name=f"新しい家{i}", note="あ" * 20000))
except LedgerError as e:
    print("LedgerError:", e)
    sys.exit(3)
print("saved")
"""


def _check_unharmed(path: Path) -> None:
    assert integrity_problems(path, os.environ["SASAEAI_PASSPHRASE"]) == []
    assert _committed_names(path) == {"前からある家"}  # the old data is there, the failed save is not


def test_a_full_disk_while_saving_gives_a_clear_message_and_no_corruption(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    _ledger_with_one_household(path)
    result = _run_child(SAVE_BIG, str(path), "disk-full")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "disk is full" in result.stdout and "nothing was changed" in result.stdout
    _check_unharmed(path)


@pytest.mark.parametrize("app_open", [True, False], ids=["while-the-app-has-it-open", "at-open"])
def test_a_read_only_folder_while_saving_gives_a_clear_message_and_no_corruption(tmp_path, app_open):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "ledger.sqlite3"
    _ledger_with_one_household(path)
    # The ledger runs in WAL mode: with the app open its -wal and -shm are beside it, and a save in a folder
    # that turned read-only is refused; with nothing open they cannot be made, and the open is refused.
    held = connect_raw(path, os.environ["SASAEAI_PASSPHRASE"], ledger=True) if app_open else None
    if held is not None:
        held.execute("SELECT count(*) FROM household").fetchone()
    if os.geteuid() != 0:
        for file in folder.iterdir():  # the files the open app already has, too
            file.chmod(0o444)
        folder.chmod(0o555)
        prefix: tuple[str, ...] = ()
    else:
        # root ignores file modes: make the folder read-only for the child with a private read-only bind mount.
        if shutil.which("unshare") is None:
            pytest.skip("unshare is needed to make a folder read-only for root")
        probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip("no mount namespaces here")
        script = f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}" "{folder}" && exec "$@"'
        prefix = ("unshare", "-m", "sh", "-c", script, "sh")
    try:
        result = _run_child(SAVE_BIG, str(path), "read-only", prefix=prefix)
    finally:
        folder.chmod(0o755)
        for file in folder.iterdir():
            file.chmod(0o644)
        if held is not None:
            held.close()
    assert result.returncode == 3, result.stdout + result.stderr
    assert "read-only" in result.stdout
    if app_open:
        assert "nothing was changed" in result.stdout
    else:  # refused at open, in words: not mistaken for a wrong passphrase
        assert "cannot open the ledger" in result.stdout and "wrong passphrase" not in result.stdout
    _check_unharmed(path)


# ---- malformed files fed to every importer ----------------------------------------------------------------

HEADER_WORDS = ["氏名", "フリガナ", "住所", "電話", "TEL", "生年月日", "気になるところ", "見守り者", "関わり方", "町名",
                "名称", "種別", "所在地", "緯度", "経度", "name", "address", "phone", "kind", "lat", "lon", "余川町",
                "見守りネットワーク記録用紙", "昭和15年3月2日", "S12.5.6", "0778-00-1111", "=SUM(A1:A2)", "=1/0"]
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
_cell = st.one_of(st.none(), st.sampled_from(HEADER_WORDS), _text, st.integers(-10**12, 10**12),
                  st.floats(allow_nan=False, allow_infinity=False),
                  st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
                  st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
_sheet = st.tuples(st.one_of(st.sampled_from(["余川町", "Sheet", "名簿", "見守り"]), st.text("abcあいう町", min_size=1,
                                                                                                  max_size=10)),
                   st.lists(st.lists(_cell, max_size=9), max_size=12))


def _write_workbook(path: Path, sheets: list) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    used = set()
    for title, rows in sheets:
        title = title[:31] or "x"
        while title in used:
            title = (title + "_")[-31:]
        used.add(title)
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


_damage = st.sampled_from(["none", "truncate", "garbage", "empty", "csv-text"])


def _importers(session, path: Path, town_id):
    return {
        "watch_form": lambda: watch_form.apply_form(session, watch_form.read_form(session, path)),
        "roster": lambda: roster.apply_roster(session, roster.read_roster(session, path, town_id)),
        "agencies": lambda: agencies.apply_agencies(session, agencies.read_agencies(session, path)),
        "reference_layers": lambda: reference_layers.import_layer(session, path),
    }


def _dump(ledger) -> dict[str, list]:
    with ledger.engine.connect() as conn:
        return {n: sorted(map(repr, conn.execute(text(f'select * from "{n}"'))))
                for n in inspect(conn).get_table_names()}


@pytest.mark.parametrize("importer", ["watch_form", "roster", "agencies", "reference_layers"])
def test_malformed_files_raise_a_clear_error_and_leave_the_ledger_unchanged(ledger, town, importer, tmp_path):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前家", address="余川町1-1"))
        households.add_person(s, h.id, PersonFields(name="越前ハル", of_concern=True))
    folder = tmp_path

    # database=None: no .hypothesis folder in the repo; the seed is printed on failure instead.
    @settings(max_examples=25, deadline=None, database=None, print_blob=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(sheets=st.lists(_sheet, min_size=1, max_size=3), damage=_damage,
           suffix=st.sampled_from([".xlsx", ".csv", ".geojson"] if importer == "reference_layers" else [".xlsx"]))
    def feed(sheets, damage, suffix):
        path = folder / f"input{suffix}"
        if suffix == ".xlsx":
            _write_workbook(path, sheets)
        else:
            path.write_text("\n".join(",".join(str(c) for c in row) for _t, rows in sheets for row in rows),
                            encoding="utf-8")
        data = path.read_bytes()
        if damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "garbage":
            path.write_bytes(bytes(random.Random(len(data)).randrange(256) for _ in range(300)))
        elif damage == "empty":
            path.write_bytes(b"")
        elif damage == "csv-text":
            path.write_text("氏名,住所\n\"unterminated,\x00", encoding="utf-8")
        before = _dump(ledger)
        try:
            with ledger.Session.begin() as s:
                _importers(s, path, town.id)[importer]()
        except LedgerError:
            assert _dump(ledger) == before  # a refused file changes nothing

    feed()


# Dies in the middle of a big transaction whose pages already spilled out of memory: into the write-ahead log
# of a ledger (WAL mode), or into a single file such as a backup copy, leaving a "hot journal" beside it.
DIE_MID_TRANSACTION = """
import os, sys
from app.models.engine import connect_raw
conn = connect_raw(sys.argv[1], os.environ["SASAEAI_PASSPHRASE"])
conn.execute("PRAGMA cache_size = 2")
conn.execute("BEGIN")
conn.execute("UPDATE household SET note = 'half-written'")
os.kill(os.getpid(), 9)
"""


def test_after_a_crash_mid_transaction_the_right_passphrase_still_opens_and_a_wrong_one_harms_nothing(tmp_path):
    from app.models.engine import WrongPassphrase

    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "余川町")
        for i in range(300):
            households.add_household(s, town.id, None, HouseholdFields(name=f"家{i}", note="元のメモ" * 100))
    ledger.close()
    before = path.read_bytes()
    result = _run_child(DIE_MID_TRANSACTION, str(path))
    assert result.returncode == -signal.SIGKILL
    # the crash left uncommitted pages in the write-ahead log, and the file itself untouched (WAL mode)
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    assert path.read_bytes() == before
    with pytest.raises(WrongPassphrase):
        open_ledger(path, "まちがい")
    assert path.read_bytes() == before
    ledger = open_ledger(path)  # the right one, after a crash: not mistaken for a wrong one
    with ledger.engine.connect() as conn:
        notes = {r[0] for r in conn.execute(text("select distinct note from household"))}
    ledger.close()
    assert notes == {"元のメモ" * 100}  # the half-written transaction is undone
    assert integrity_problems(path, os.environ["SASAEAI_PASSPHRASE"]) == []


# ---- SIGKILL in the middle of a passphrase change, a conversion, a restore and a bulk roster import ----------
#
# Each operation runs in a child process on a city-sized ledger (3,000 households, about 6,000 persons: each
# takes a second or more there) and is killed at chosen points: the moment the file it writes first appears,
# while SQLite writes the pages of its commit (a "hot" journal beside a single file such as a backup copy),
# while it writes the ledger's write-ahead log (the ledger runs in WAL mode), while a checkpoint copies the
# committed log into the ledger file, after a seeded random delay, or not at all. The parent then looks at
# what a user would find. Every key derivation costs a fraction of a second (SQLCipher's 256,000 rounds), so
# the checks open each file as few times as they can.

BIG_HOUSEHOLDS = 3000
NEW_KEY = "新しい合言葉 2027"
BACKUP_KEY = "去年の合言葉"
CHILD_TIMEOUT = 60  # seconds; a child still running then is a hang, not a slow machine


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory) -> Path:
    """A ledger of 3,000 households written in bulk once per module (bench/generate.py, fixed seed)."""
    from app.paths import ledger_path
    from bench.generate import generate

    folder = tmp_path_factory.mktemp("big-ledger")
    generate(folder, BIG_HOUSEHOLDS)
    return ledger_path(folder)


def _copy_of(ledger_file: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    copy = folder / ledger_file.name
    shutil.copyfile(ledger_file, copy)
    return copy


def _tables(conn) -> list[str]:  # noqa: ANN001 - a DB-API connection
    """The ledger's own tables (the search index's FTS shadow tables are SQLite's business, not compared)."""
    from app.models.search_index import is_fts_table

    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if not is_fts_table(n) and not n.startswith("sqlite_")]


def _state(path: Path, passphrase: str | None) -> tuple[list[str], dict[str, int], str]:
    """(integrity_check problems, row counts, a hash of every row) of an encrypted file, or of a plain one
    (``passphrase=None``), through one connection. Equal hashes, equal ledgers."""
    from app.models.engine import connect_raw

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if passphrase is None else connect_raw(path, passphrase)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        digest, counts = hashlib.sha256(), {}
        for name in _tables(conn):
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"'))
            counts[name] = len(rows)
            digest.update(name.encode() + "\n".join(rows).encode())
    finally:
        conn.close()
    return ([] if problems == ["ok"] else problems), counts, digest.hexdigest()


def _kill_when(child: subprocess.Popen, ready, delay: float) -> bool:  # noqa: ANN001 - ready: () -> bool, or None
    """SIGKILL ``child`` ``delay`` seconds after ``ready()`` first holds (polled every millisecond; None: at once).

    Returns True when the child was killed, False when it had finished first (successfully: that is checked).
    """
    deadline = time.monotonic() + CHILD_TIMEOUT
    while ready is not None and child.poll() is None and not ready():
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail("the operation neither wrote its file nor ended")
        time.sleep(0.001)
    until = time.monotonic() + delay
    while child.poll() is None and time.monotonic() < until:
        time.sleep(0.001)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(CHILD_TIMEOUT)
        return True
    _out, err = child.communicate(timeout=CHILD_TIMEOUT)
    assert child.returncode == 0, err
    return False


def _child(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _appears(path: Path):  # noqa: ANN202
    return lambda: path.exists()


def _committing(db: Path):  # noqa: ANN202
    """Holds once SQLite writes the pages of a commit into ``db``: its journal is there and the file changed
    since the journal appeared. A kill now leaves a hot journal that must be rolled back."""
    journal = db.with_name(db.name + "-journal")
    seen: list[int] = []

    def ready() -> bool:
        try:
            if not journal.exists():
                return False
            mtime = db.stat().st_mtime_ns
        except FileNotFoundError:
            return False
        seen.append(mtime)
        return mtime != seen[0]
    return ready


def _log_written(db: Path):  # noqa: ANN202
    """Holds once a write transaction of the ledger ``db`` (in WAL mode) has put pages into its write-ahead
    log. Nothing is committed before the log's last frame: a kill now must leave no trace of it."""
    wal = db.with_name(db.name + "-wal")

    def ready() -> bool:
        try:
            return wal.stat().st_size > 0
        except FileNotFoundError:
            return False
    return ready


def _checkpointing(db: Path):  # noqa: ANN202
    """Holds once SQLite copies committed pages from the write-ahead log into the ledger ``db`` itself: the
    log holds pages and the file changed since they were first seen. In WAL mode nothing else writes the
    file, and only after a commit: a kill now must leave all of the transaction."""
    wal = db.with_name(db.name + "-wal")
    seen: list[int] = []

    def ready() -> bool:
        try:
            if wal.stat().st_size == 0:
                return False
            mtime = db.stat().st_mtime_ns
        except FileNotFoundError:
            return False
        seen.append(mtime)
        return mtime != seen[0]
    return ready


CHANGE_PASSPHRASE = """
import sys
from app.models import open_ledger
from app.models.engine import change_passphrase
ledger = open_ledger(sys.argv[1], sys.argv[2])
change_passphrase(ledger, sys.argv[3])
ledger.close()
"""


def test_killing_a_passphrase_change_leaves_one_passphrase_that_opens_everything(big_ledger, tmp_path):
    from app.models.engine import passphrase_opens

    old_key = os.environ["SASAEAI_PASSPHRASE"]
    _problems, _counts, before = _state(big_ledger, old_key)
    # PRAGMA rekey rewrites every page into the write-ahead log, commits, and the close checkpoints it
    points = [(_log_written, 0.0), (_checkpointing, 0.0), (None, random.Random(13).uniform(0.5, 2.5)), (None, 60.0)]
    outcomes = []
    for round_, (trigger, delay) in enumerate(points):
        path = _copy_of(big_ledger, tmp_path / f"round{round_}")
        killed = _kill_when(_child(CHANGE_PASSPHRASE, path, old_key, NEW_KEY),
                            trigger(path) if trigger else None, delay)
        # THEN exactly one of the two passphrases opens the ledger. Either may be tried first: opening after
        # a crash rolls the interrupted change back, whichever key is given.
        keys = (old_key, NEW_KEY) if round_ % 2 else (NEW_KEY, old_key)
        opens = {key: passphrase_opens(path, key) for key in keys}
        assert sum(opens.values()) == 1, f"round {round_}: {opens}"
        key = old_key if opens[old_key] else NEW_KEY
        assert _state(path, key)[::2] == ([], before), f"round {round_}: damaged, or rows lost or changed"
        outcomes.append((killed, key == NEW_KEY))
    assert outcomes[0] == (True, False)  # killed while re-encrypting: the old key still opens
    assert outcomes[1] == (True, True)  # killed after the commit, while the log goes into the file: the new one
    assert outcomes[-1] == (False, True)  # not killed: the new one does


def _plain_copy(big_ledger: Path, folder: Path) -> Path:
    """The big ledger as an unencrypted file: a ledger from before encryption."""
    from app.models.engine import connect_raw

    folder.mkdir(parents=True)
    plain = folder / big_ledger.name
    conn = connect_raw(big_ledger, os.environ["SASAEAI_PASSPHRASE"])
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA plain.user_version = {int(version)}")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    return plain


OPEN_LEDGER = """
import sys
from app.models import open_ledger
open_ledger(sys.argv[1], sys.argv[2]).close()
"""


def test_killing_the_encryption_of_a_plain_ledger_leaves_it_plain_or_encrypted_never_half(big_ledger, tmp_path):
    from app.models.engine import is_plain_sqlite, passphrase_opens
    from app.privacy.backup import list_backups, unencrypted_copies

    key = os.environ["SASAEAI_PASSPHRASE"]
    template = _plain_copy(big_ledger, tmp_path / "template")
    _problems, _counts, before = _state(template, None)
    plain_copy_begun = lambda p: lambda: any((p.parent / "backups").glob("*unencrypted*"))  # noqa: E731
    encrypting = lambda p: _committing(p.with_name(p.name + ".encrypting"))  # noqa: E731
    points = [(plain_copy_begun, 0.0), (encrypting, 0.0), (None, 60.0)]
    outcomes = []
    for round_, (trigger, delay) in enumerate(points):
        path = _copy_of(template, tmp_path / f"round{round_}")
        killed = _kill_when(_child(OPEN_LEDGER, path, key), trigger(path) if trigger else None, delay)
        # THEN the ledger is the old plain file (that no passphrase opens) or the encrypted one, whole
        plain = is_plain_sqlite(path)
        assert plain != passphrase_opens(path, key), f"round {round_}"
        assert _state(path, None if plain else key)[::2] == ([], before), f"round {round_}"
        outcomes.append((killed, plain))
        if plain:
            # WHEN the app opens it again  THEN it finishes the job, with every row
            open_ledger(path, key).close()
            assert _state(path, key)[::2] == ([], before), f"round {round_}"
        # AND nothing half-made is left behind, listed as a backup or offered as the unencrypted copy
        leftovers = [p.name for p in path.parent.rglob("*") if ".encrypting" in p.name or ".part" in p.name]
        assert leftovers == [], f"round {round_}"
        assert all(b.path.suffix == path.suffix for b in list_backups(path)), f"round {round_}"
        copies = unencrypted_copies(path)
        assert copies and all(_state(c.path, None)[::2] == ([], before) for c in copies), f"round {round_}"
    assert outcomes == [(True, True), (True, True), (False, False)]


RESTORE = """
import os, sys
from pathlib import Path
from app.privacy.backup import restore_backup
from app.privacy.lock import acquire_lock
path = Path(sys.argv[1])
with acquire_lock(path):  # as `sasaeai-map restore` and the window do
    restore_backup(path, Path(sys.argv[2]), os.environ["SASAEAI_PASSPHRASE"], source_passphrase=sys.argv[3])
"""


@pytest.fixture(scope="module")
def old_backup(big_ledger, tmp_path_factory) -> Path:
    """A backup from last year: the big ledger and one more town, under last year's passphrase."""
    from app.models.engine import rekey_file

    key = os.environ["SASAEAI_PASSPHRASE"]
    backup = tmp_path_factory.mktemp("old-backup") / "ledger-20251201-101500-000000-manual.sqlite3"
    shutil.copyfile(big_ledger, backup)
    ledger = open_ledger(backup, key)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "去年の町")
        households.add_household(s, town.id, None, HouseholdFields(name="去年だけの家"))
    ledger.close()
    rekey_file(backup, key, BACKUP_KEY)
    return backup


def test_killing_a_restore_leaves_the_old_ledger_or_the_restored_one_and_the_next_restore_works(big_ledger,
                                                                                                old_backup, tmp_path):
    from app.models.engine import passphrase_opens
    from app.privacy.backup import list_backups, restore_backup

    key, backup = os.environ["SASAEAI_PASSPHRASE"], old_backup
    today, restored = _state(big_ledger, key)[2], _state(backup, BACKUP_KEY)[2]
    incoming = lambda p: _appears(p.with_name(p.name + ".restoring"))  # noqa: E731 - the copy is made
    rekeying = lambda p: _committing(p.with_name(p.name + ".restoring"))  # noqa: E731
    points = [(incoming, 0.0), (rekeying, 0.0), (None, random.Random(19).uniform(0.5, 3.0)), (None, 60.0)]
    outcomes = []
    for round_, (trigger, delay) in enumerate(points):
        path = _copy_of(big_ledger, tmp_path / f"round{round_}")
        killed = _kill_when(_child(RESTORE, path, backup, BACKUP_KEY), trigger(path) if trigger else None, delay)
        # THEN the current passphrase opens the ledger (a backup never lands under its old one) and it is
        # whole: today's ledger or the backup, and when it is the backup, today's is kept
        assert passphrase_opens(path, key) and not passphrase_opens(path, BACKUP_KEY), f"round {round_}"
        problems, _counts, now = _state(path, key)
        assert problems == [] and now in (today, restored), f"round {round_}"
        if now == restored:
            kept = [b.path for b in list_backups(path) if b.kind == "before-restore"]
            assert [_state(k, key)[2] for k in kept] == [today], f"round {round_}"
        assert all(b.path.suffix == path.suffix for b in list_backups(path)), f"round {round_}"
        outcomes.append((killed, now == restored))
        if path.with_name(path.name + ".restoring-journal").exists():
            # WHEN the user tries again after a restore killed mid-commit  THEN what it left does not get in the way
            restore_backup(path, backup, key, source_passphrase=BACKUP_KEY)
            assert _state(path, key)[::2] == ([], restored), f"round {round_}: the second restore"
            outcomes[-1] += ("tried again",)
    assert outcomes[0] == (True, False)  # killed before the swap: today's ledger
    assert outcomes[1] == (True, False, "tried again")
    assert outcomes[-1] == (False, True)


def test_a_restore_killed_while_re_encrypting_its_copy_does_not_spoil_the_next_restore(big_ledger, old_backup,
                                                                                       tmp_path):
    from app.models.engine import online_backup
    from app.privacy.backup import restore_backup

    key = os.environ["SASAEAI_PASSPHRASE"]
    # GIVEN what a restore killed while it re-encrypted its copy leaves beside the ledger: the copy (one file,
    # rollback journal, as every copy online_backup makes), and a hot journal holding some of its pages as they
    # were (a fresh copy gets a new salt: those pages would not fit)
    path = _copy_of(big_ledger, tmp_path / "data")
    incoming = path.with_name(path.name + ".restoring")
    online_backup(old_backup, BACKUP_KEY, incoming)
    died = subprocess.run([sys.executable, "-c", DIE_MID_TRANSACTION, str(incoming)], cwd=REPO, capture_output=True,
                          timeout=CHILD_TIMEOUT, env={**os.environ, "SASAEAI_PASSPHRASE": BACKUP_KEY})
    assert died.returncode == -signal.SIGKILL, died.stderr
    assert incoming.with_name(incoming.name + "-journal").stat().st_size > 0
    # WHEN the user restores the backup again  THEN it works, and the ledger is the backup
    restore_backup(path, old_backup, key, source_passphrase=BACKUP_KEY)
    assert _state(path, key)[::2] == ([], _state(old_backup, BACKUP_KEY)[2])


def test_killing_a_bulk_roster_import_leaves_all_of_its_rows_or_none(big_ledger, tmp_path):
    from bench.generate import TOWN, write_roster

    key = os.environ["SASAEAI_PASSPHRASE"]
    roster_file = write_roster(tmp_path / "roster.xlsx", big_ledger.parent, BIG_HOUSEHOLDS)
    _problems, counts_before, before = _state(big_ledger, key)
    # The first round runs to the end: what "all of its rows" is. Then killed once its pages go into the
    # write-ahead log, and once the committed log goes into the ledger file.
    points = [(None, 60.0), (_log_written, 0.0), (_checkpointing, 0.0)]
    counts_after = None
    outcomes = []
    for round_, (trigger, delay) in enumerate(points):
        path = _copy_of(big_ledger, tmp_path / f"round{round_}")
        child = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(path.parent), "import-roster",
                                  str(roster_file), "--town", TOWN], cwd=REPO, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        killed = _kill_when(child, trigger(path) if trigger else None, delay)
        problems, counts, now = _state(path, key)
        assert problems == [], f"round {round_}"
        if counts_after is None:
            counts_after = counts
            assert counts_after["person"] > counts_before["person"] + 1000  # the roster adds 1,500 persons
        # THEN all of the import is there, or none of it
        assert counts in (counts_before, counts_after), f"round {round_}: part of the import landed"
        assert counts != counts_before or now == before, f"round {round_}"
        outcomes.append((killed, counts == counts_after))
    assert outcomes == [(False, True), (True, False), (True, True)]
