"""USB packages on the laptop: the package file (an encrypted SQLite file), its HMAC signature with the
laptop's package key, writing this laptop's changes into one and applying the office's reply.

The passphrase only hides a package; who made it is proved by the HMAC-SHA256, checked before
anything is applied. The office's side is app.office.packages.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP
from app.models import Ledger
from app.models.engine import connect_raw
from app.sync.applier import apply_pulled
from app.sync.core import Change, SyncError, aware
from app.sync.journal import outgoing, remember, settle, start_snapshot, sync_state
from app.sync.protocol import LaptopInfo
from app.sync.views import SyncReport, no_progress

PACKAGE_FORMAT = "sasaeai-sync-package-1"


@dataclass(frozen=True)
class PackageSummary:
    path: Path
    laptop_name: str
    changes: int
    accepted: int = 0
    rejected: int = 0


_CHANGE_COLUMNS = ("change_id", "entity", "entity_id", "field", "action", "value", "operator_name", "operator_role",
                   "at", "district_id", "base_seq", "seq", "laptop_name", "origin")
_SIGNATURES = ("mac", "previous_mac")  # meta entries that are not signed themselves


def _change_rows(changes: list[Change]) -> list[tuple]:
    return [(str(c.change_id), c.entity, str(c.entity_id), c.field, c.action, c.value, c.operator_name,
             c.operator_role, aware(c.at).isoformat(), str(c.district_id) if c.district_id else None, c.base_seq,
             c.seq, c.laptop_name, c.origin) for c in changes]


def _mac(key: bytes, meta: dict, rows: list, acks: list) -> str:
    """HMAC-SHA256 over everything a package says: its meta (but the signatures), every change and ack, in order."""
    body = json.dumps({"meta": {k: v for k, v in meta.items() if k not in _SIGNATURES},
                       "change": [list(r) for r in rows], "ack": [list(a) for a in acks]},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Package:
    """A package as read back: its meta, changes and acks, and the rows its signature covers."""

    path: Path
    meta: dict
    changes: list[Change]
    acks: list[tuple[str, str, str]]
    rows: list[tuple] = field(repr=False)

    def signed_with(self, key: bytes | None, signature: str = "mac") -> bool:
        given = self.meta.get(signature)
        if not key or not isinstance(given, str):
            return False
        return hmac.compare_digest(_mac(key, self.meta, self.rows, self.acks), given)


def write_package(path: Path, passphrase: str, meta: dict, changes: list[Change],
                  acks: Sequence[tuple[str, str, str]] = (), *, key: bytes,
                  previous_key: bytes | None = None) -> Path:
    """Write a package signed with ``key`` (and ``previous_key``: a replaced key vouching for the new one)."""
    if not passphrase:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "a sync package needs a passphrase"), where="passphrase")
    path = Path(path)
    rows = _change_rows(changes)
    ack_rows = [tuple(a) for a in acks]
    meta = json.loads(json.dumps(meta))  # signed as it will be read back
    meta["mac"] = _mac(key, meta, rows, ack_rows)
    if previous_key:
        meta["previous_mac"] = _mac(previous_key, meta, rows, ack_rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    conn = connect_raw(partial, passphrase)
    try:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute(f"CREATE TABLE change ({', '.join(_CHANGE_COLUMNS)})")
        conn.execute("CREATE TABLE ack (change_id TEXT, origin TEXT, status TEXT)")
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, json.dumps(v)) for k, v in meta.items()])
        conn.executemany(f"INSERT INTO change VALUES ({', '.join('?' * len(_CHANGE_COLUMNS))})", rows)
        conn.executemany("INSERT INTO ack VALUES (?, ?, ?)", ack_rows)
        conn.commit()
    finally:
        conn.close()
    os.replace(partial, path)
    return path


def read_package(path: Path, passphrase: str) -> Package:
    """Open a package (its signature is checked by whoever applies it)."""
    path = Path(path)
    if not path.exists():
        raise SyncError(QT_TRANSLATE_NOOP("errors", "no sync package at this path"), where=str(path))
    try:
        conn = connect_raw(path, passphrase)
        try:
            meta = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
            rows = conn.execute(f"SELECT {', '.join(_CHANGE_COLUMNS)} FROM change ORDER BY rowid").fetchall()
            acks = conn.execute("SELECT change_id, origin, status FROM ack ORDER BY rowid").fetchall()
        finally:
            conn.close()
    except Exception as e:  # sqlcipher's DatabaseError: wrong passphrase or not a package
        raise SyncError(QT_TRANSLATE_NOOP("errors", "wrong passphrase, or the file is not a sync package"),
                        where=str(path)) from e
    if meta.get("format") != PACKAGE_FORMAT:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "the file is not a sync package"), where=str(path))
    try:
        changes = [Change(uuid.UUID(r[0]), r[1], uuid.UUID(r[2]), r[3], r[4], r[5], r[6], r[7],
                          datetime.fromisoformat(r[8]), uuid.UUID(r[9]) if r[9] else None, r[10], r[11], r[12], r[13])
                   for r in rows]
    except (TypeError, ValueError) as e:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "the file is not a sync package"), where=str(path)) from e
    return Package(path, meta, changes, [tuple(a) for a in acks], [tuple(r) for r in rows])


def export_package(ledger: Ledger, path: Path, passphrase: str) -> PackageSummary:
    """Write this laptop's unsent changes into an encrypted package for the office, signed with this
    laptop's package key (nothing is marked sent)."""
    with ledger.Session.begin() as s:
        state = sync_state(s)
        if not state.laptop_name or not state.package_key:
            raise SyncError(QT_TRANSLATE_NOOP("errors", "this laptop is not registered yet: import the package the "
                                                        "office made for it first"), where=str(path))
        key = state.package_key
        start_snapshot(s, state)
    with ledger.Session() as s:
        state = sync_state(s)
        out = outgoing(s, state)
        meta = dict(format=PACKAGE_FORMAT, kind="laptop", laptop=state.laptop_name, ledger_id=str(state.ledger_id),
                    base_seq=state.pulled_seq, audit_top=out.audit_top, outside_scope=out.outside_scope,
                    made_at=datetime.now(timezone.utc).isoformat())
    write_package(path, passphrase, meta, out.changes, key=key)
    return PackageSummary(Path(path), state.laptop_name, len(out.changes))


def _office_key(package: Package, held: bytes | None) -> bytes:
    """The key that must sign an office package for this laptop: the one it holds, or the one the package
    brings (trusted on first use; a replacement must also be signed with the key held)."""
    where = str(package.path)
    offered = package.meta.get("key")
    try:
        brought = bytes.fromhex(offered) if isinstance(offered, str) else None
    except ValueError:
        brought = None
    if held is None and brought is None:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this laptop has no package key and the package does not bring "
                                                    "one: ask the office for a new package key for this laptop"),
                        where=where)
    key = brought or held
    if (held is not None and brought is not None and brought != held
            and not package.signed_with(held, "previous_mac")) or key is None or not package.signed_with(key):
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this package is not signed with this laptop's key: it was "
                                                    "changed after the office made it, or it was not made for this "
                                                    "laptop; nothing was applied"), where=where)
    return key


def import_package(ledger: Ledger, path: Path, passphrase: str) -> SyncReport:
    """On the laptop: apply the office's package (same conflict rules as a network sync), in one transaction,
    once its signature with this laptop's package key is checked."""
    package = read_package(path, passphrase)
    meta, changes, acks = package.meta, package.changes, package.acks
    if meta.get("kind") != "office":
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this package was made by a laptop: import it at the office"),
                        where=str(path))
    me = LaptopInfo(uuid.UUID(int=0), meta["laptop"], bool(meta.get("all_districts")),
                    tuple(uuid.UUID(d) for d in meta.get("districts", [])))
    with ledger.Session.begin() as s:
        state = sync_state(s)
        key = _office_key(package, state.package_key)
        if meta.get("ledger_id") and meta["ledger_id"] != str(state.ledger_id):
            raise SyncError(QT_TRANSLATE_NOOP("errors", "this package answers another ledger's package"),
                            where=str(path))
        remember(state, me, None)
        state.package_key = key
        start_snapshot(s, state)
        report = apply_pulled(s, state, [c for c in changes if c.seq > state.pulled_seq], no_progress)
        state.pulled_seq = max(state.pulled_seq, int(meta["top"]))
        if acks:
            origins = [origin for _, origin, _ in acks] + list(meta.get("outside_scope", []))
            settle(s, state, int(meta["audit_top"]), origins, "package")
            report.sent = sum(1 for a in acks if a[2] == "accepted")
            report.rejected = sum(1 for a in acks if a[2] == "rejected")
        else:
            state.last_sync_at = datetime.now(timezone.utc)
            state.last_sync_kind = "package"
        report.server_seq = state.pulled_seq
    return report
