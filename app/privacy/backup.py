"""Backups of the encrypted ledger: automatic (at close, at most daily, rotating), manual, and a checked restore."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models import Ledger
from app.models.engine import (
    backup_dir,
    backup_name,
    connect_raw,
    integrity_problems,
    is_plain_sqlite,
    online_backup,
    passphrase_opens,
    rekey_file,
    side_files,
)

DEFAULT_KEEP = 10
# Only these are rotated away; manual backups and those made before a migration, rekey or restore are kept.
AUTOMATIC_KINDS = ("close", "daily")
# No dot in the kind: "….sqlite3.part" (a copy still being written, or killed part-way) is not a backup.
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<kind>[\w-]+)\.\w+$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    kind: str  # close, daily, manual, before-migration-0003, before-restore, unencrypted …
    size: int


def list_backups(ledger_file: Path) -> list[BackupInfo]:
    """Backups in the ledger's ``backups/`` folder, newest first."""
    folder = backup_dir(ledger_file)
    found = []
    for path in folder.glob("*") if folder.is_dir() else ():
        m = _NAME.match(path.name)
        if m is None or m["stem"] != Path(ledger_file).stem:
            continue
        found.append(BackupInfo(path, datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f"), m["kind"],
                                path.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def rotate(ledger_file: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete the automatic backups beyond the newest ``keep``; returns what was deleted."""
    automatic = [b for b in list_backups(ledger_file) if b.kind in AUTOMATIC_KINDS]
    removed = []
    for old in automatic[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def backup_now(ledger: Ledger, kind: str = "manual", *, keep: int = DEFAULT_KEEP) -> Path:
    """An encrypted, consistent copy in ``backups/`` (safe while others write), then rotation."""
    made = online_backup(ledger.path, ledger.passphrase, backup_name(ledger.path, kind))
    rotate(ledger.path, keep)
    return made


def backup_at_close(ledger: Ledger, *, keep: int = DEFAULT_KEEP) -> Path:
    """Call when the window closes (before ``ledger.close()``)."""
    return backup_now(ledger, "close", keep=keep)


def backup_if_due(ledger: Ledger, *, every: timedelta = timedelta(days=1), keep: int = DEFAULT_KEEP,
                  now: datetime | None = None) -> Path | None:
    """A daily backup unless one (of any kind) was made within ``every``; call at open and on a timer."""
    now = now or datetime.now()
    newest = list_backups(ledger.path)
    if newest and now - newest[0].made_at < every:
        return None
    made = online_backup(ledger.path, ledger.passphrase, backup_name(ledger.path, "daily", now))
    rotate(ledger.path, keep)
    return made


def backup_to(ledger: Ledger, out: Path) -> Path:
    """``sasaeai-map backup --out FILE``: an encrypted copy (same passphrase) wherever the user says."""
    out = Path(out).expanduser()
    if out.exists() and out.resolve() == ledger.path.resolve():
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "a backup cannot overwrite the ledger itself"), where=str(out))
    if out.is_dir():
        out = out / backup_name(ledger.path, "manual").name
    return online_backup(ledger.path, ledger.passphrase, out)


def check_backup(path: Path, passphrase: str) -> None:
    """Raise a ``LedgerError`` unless ``path`` opens with ``passphrase``, is a ledger, and is sound."""
    path = Path(path)
    if not path.is_file():
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "no such file"), where=str(path))
    if is_plain_sqlite(path) or not passphrase_opens(path, passphrase):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "this file does not open with the passphrase: "
                                                      "wrong passphrase, or not a ledger backup"), where=str(path))
    problems = integrity_problems(path, passphrase)
    if problems:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "this backup is damaged ({detail})"), where=str(path),
                          detail="; ".join(problems[:3]))
    conn = connect_raw(path, passphrase)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlcipher.Error:
        tables = set()
    finally:
        conn.close()
    if not {"alembic_version", "household", "person"} <= tables:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "this file is not a ledger backup"), where=str(path))


def restore_backup(ledger_file: Path, source: Path, passphrase: str, *, source_passphrase: str | None = None) -> Path | None:
    """``sasaeai-map restore FILE``: replace the ledger with a checked backup; the ledger must be closed.

    The current ledger is first kept as a ``before-restore`` backup (returned). A backup made with
    an older passphrase is re-encrypted with ``passphrase``, the ledger's current one.
    """
    ledger_file, source = Path(ledger_file), Path(source)
    source_key = source_passphrase or passphrase
    check_backup(source, source_key)
    kept = None
    if ledger_file.exists() and ledger_file.stat().st_size > 0:
        if not passphrase_opens(ledger_file, passphrase):
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "the current ledger does not open with this passphrase; "
                                                          "nothing was restored"), where=str(ledger_file))
        # Reading the ledger through SQLite also rolls back a crash's journal, or takes in the commits a
        # crash left in its write-ahead log; closing that last connection folds the log into the file and
        # deletes it. A -wal or -journal still there afterwards would be applied to the restored file.
        kept = online_backup(ledger_file, passphrase, backup_name(ledger_file, "before-restore"))
    for leftover in (ledger_file.with_name(ledger_file.name + "-journal"), ledger_file.with_name(ledger_file.name + "-wal")):
        if leftover.exists():
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "the ledger is still open (or was not closed cleanly); "
                                                          "close the app and try again"), where=str(leftover))
    incoming = ledger_file.with_name(ledger_file.name + ".restoring")
    # A restore killed part-way leaves its copy and maybe a journal: SQLite would replay that journal into
    # the new copy (pages of another file) and the restore could never succeed again.
    for leftover in (incoming, incoming.with_name(incoming.name + ".part")):
        for stale in (leftover, *side_files(leftover)):
            stale.unlink(missing_ok=True)
    online_backup(source, source_key, incoming)
    if source_key != passphrase:
        rekey_file(incoming, source_key, passphrase)
    check_backup(incoming, passphrase)
    os.replace(incoming, ledger_file)  # atomic: the old ledger or the restored one, never half of each
    return kept


def unencrypted_copies(ledger_file: Path) -> list[BackupInfo]:
    """Plain (unencrypted) copies in ``backups/``: what converting an old ledger kept. Anyone can read them."""
    return [b for b in list_backups(ledger_file) if b.kind == "unencrypted" and is_plain_sqlite(b.path)]


def remove_unencrypted_copy(ledger: Ledger, copy: Path) -> None:
    """Delete a plain copy once the encrypted ledger holds what it holds (its rows, table by table).

    The file is overwritten before it is removed (best effort: a solid-state disk may keep old
    blocks). Refused, changing nothing, when the copy is not a plain copy of this ledger or the
    ledger lacks any of its rows.
    """
    copy = Path(copy)
    if copy not in {b.path for b in unencrypted_copies(ledger.path)}:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "this is not an unencrypted copy of the ledger"),
                          where=str(copy))
    plain = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        counts = {name: plain.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for (name,) in plain.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")}
    finally:
        plain.close()
    conn = connect_raw(ledger.path, ledger.passphrase)
    try:
        for name, count in counts.items():
            try:
                now = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            except sqlcipher.Error:
                now = -1
            if now < count:
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "the ledger holds fewer {table} rows than the "
                                                              "unencrypted copy; the copy was kept"),
                                  where=str(copy), table=name)
    finally:
        conn.close()
    size = copy.stat().st_size
    with copy.open("r+b") as f:
        f.write(b"\0" * size)
        f.flush()
        os.fsync(f.fileno())
    copy.unlink()
