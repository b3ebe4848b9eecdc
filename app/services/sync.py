"""Sync this laptop's ledger with the office server (PostgreSQL), over the network or a USB package.

For the UI (all plain Python, no Qt; ``sync`` may run in a worker thread — it opens its own sessions):

- ``sync_status(session) -> SyncStatus``: last sync time, pending local changes, unresolved
  conflicts, the server (password hidden) and the laptop name, when registered.
- ``sync(ledger, url=None, *, progress=None) -> SyncReport``: pull the other laptops' changes, then
  push ours; ``progress(stage, done, total)`` is called along the way (``STAGES`` has the
  translatable label of each stage). ``url`` defaults to the one saved at the last sync.
- ``list_conflicts(session, *, include_resolved=False) -> list[ConflictView]``: both values side
  by side, with who and when.
- ``resolve_conflict(session, conflict_id, choice) -> ConflictView``: ``"mine"`` keeps the local
  value (sent at the next sync), ``"theirs"`` takes the other laptop's value here.
- USB packages: ``export_package(ledger, path, passphrase)`` on the laptop; at the office
  ``import_package_at_office(url, path, passphrase, reply_path)`` and
  ``export_package_for_laptop(url, laptop, path, passphrase)``; back on the laptop
  ``import_package(ledger, path, passphrase)``. The passphrase only hides a package; who made it is
  proved by an HMAC-SHA256 with the laptop's package key (given at registration: read through the
  laptop's login at a network sync, or carried by the office's first package), checked before
  anything is applied.

How it works: the audit log is the journal of local changes; ``sync_state`` says how far it was
sent (``pushed_audit_id``) and how far the server's journal was received (``pulled_seq``); each
mark is committed with the data it describes, and each side of a sync is one transaction, so a
sync cut anywhere is re-run from where it stopped; the server stores a change id once. Changes
received are applied with Core statements and their own audit entries (who changed it on which
laptop), recorded as pulled ranges so they are not sent back. Conflicts are never merged: the
local value stays and a ``SyncConflict`` keeps the other. A household whose map number another
laptop took first gets the town's next free number, and a "renumbered" conflict tells the user.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.models import AuditAction, AuditEntry, Base, Ledger
from app.models.audit import as_text, operator_of
from app.models.engine import connect_raw
from app.models.sync import SyncConflict, SyncPulledRange, SyncState, SyncUnpushedRecord
from app.services.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.services.sync_core import (BOOKKEEPING, CATEGORIES, SYNCED_TABLES, Change, StalePush, SyncError, aware,
                                    categories_of, delete_record, districts_of, dumps, field_value, insert_records,
                                    row_json, table_of, update_record)
from app.services.sync_server import (LaptopInfo, _unreachable, act_as, confirm_package_key, connect, fetch_changes,
                                      is_stale_error, last_pulled, log_sync, masked, outside_scope, receive,
                                      registered_laptop, whoami)

Progress = Callable[[str, int, int], None]

STAGES = {
    "connect": QT_TRANSLATE_NOOP("sync", "Connecting to the office server"),
    "pull": QT_TRANSLATE_NOOP("sync", "Receiving changes from other laptops"),
    "apply": QT_TRANSLATE_NOOP("sync", "Applying received changes"),
    "push": QT_TRANSLATE_NOOP("sync", "Sending this laptop's changes"),
    "push-applied": QT_TRANSLATE_NOOP("sync", "Saving on the office server"),
    "push-committed": QT_TRANSLATE_NOOP("sync", "Saved on the office server"),
    "done": QT_TRANSLATE_NOOP("sync", "Sync finished"),
}
CONFLICT_KINDS = {
    "field": QT_TRANSLATE_NOOP("sync", "Changed here and on another laptop"),
    "archive": QT_TRANSLATE_NOOP("sync", "Archived on another laptop, changed here"),
    "edit_on_archived": QT_TRANSLATE_NOOP("sync", "Changed on another laptop, archived here"),
    "deleted": QT_TRANSLATE_NOOP("sync", "Removed on another laptop, changed here"),
    "renumbered": QT_TRANSLATE_NOOP("sync", "Map number taken on another laptop: this household got a new one"),
}
HOLDING_KINDS = ("field", "archive", "edit_on_archived", "deleted")  # these keep the local value from being sent
_NAMESPACE = uuid.UUID("6f1c2f5e-4d7a-4f0e-9c61-5a5ae0a1c0de")
PACKAGE_FORMAT = "sasaeai-sync-package-1"
ATTEMPTS = 3


@dataclass(frozen=True)
class SyncStatus:
    last_sync_at: datetime | None
    pending_changes: int
    open_conflicts: int
    server_url: str  # without the password; "" when never synced over the network
    laptop_name: str  # "" when not registered
    last_sync_kind: str = ""


@dataclass(frozen=True)
class ConflictView:
    id: int
    kind: str
    kind_label: str
    entity: str
    entity_id: uuid.UUID
    field: str | None
    label: str
    local_value: object
    local_operator: str
    local_at: datetime | None
    remote_value: object
    remote_operator: str
    remote_laptop: str
    remote_at: datetime | None
    resolution: str | None


@dataclass
class SyncReport:
    received: int = 0  # other laptops' changes read
    applied: int = 0  # ... written here
    sent: int = 0  # this laptop's changes stored on the server
    already_sent: int = 0  # stored by an earlier, interrupted sync
    rejected: int = 0
    new_conflicts: int = 0
    renumbered: list[str] = field(default_factory=list)
    outside_scope: int = 0  # local changes to districts this laptop is not registered for: kept here only
    server_seq: int = 0
    attempts: int = 1


def _noop(stage: str, done: int, total: int) -> None:
    pass


# --- local bookkeeping ---------------------------------------------------------------------------------


def _state(s: Session) -> SyncState:
    state = s.get(SyncState, 1)
    if state is None:  # the migration makes it; a ledger copied in without it gets one
        state = SyncState(id=1, ledger_id=uuid.uuid4(), laptop_name="", server_url="", district_ids=[], pulled_seq=0,
                          last_sync_kind="")
        s.add(state)
        s.flush()
    return state


def _max_audit(conn: Connection) -> int:
    return conn.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0


def _pending_entries(conn: Connection, mark: int, top: int | None = None):  # noqa: ANN202
    a = AuditEntry.__table__
    r = SyncPulledRange.__table__
    pulled = select(r.c.first_audit_id).where(a.c.id.between(r.c.first_audit_id, r.c.last_audit_id)).exists()
    stmt = select(a).where(a.c.id > mark, a.c.entity.in_(SYNCED_TABLES), ~pulled).order_by(a.c.id)
    if top is not None:
        stmt = stmt.where(a.c.id <= top)
    return conn.execute(stmt).all()


@dataclass
class _Pending:
    """What this laptop changed and has not sent: per record, per field (newest entry)."""

    fields: dict[uuid.UUID, dict[str, tuple[int, str, str, datetime]]] = field(default_factory=dict)
    entity: dict[uuid.UUID, str] = field(default_factory=dict)
    created: set[uuid.UUID] = field(default_factory=set)
    deleted: set[uuid.UUID] = field(default_factory=set)
    snapshot: set[uuid.UUID] = field(default_factory=set)
    held: set[tuple[uuid.UUID, str | None]] = field(default_factory=set)  # open conflicts
    mine: set[tuple[uuid.UUID, str | None]] = field(default_factory=set)  # kept mine, not sent yet

    def has_field(self, entity_id: uuid.UUID, name: str) -> bool:
        return (name in self.fields.get(entity_id, {}) or entity_id in self.snapshot or entity_id in self.created
                or (entity_id, name) in self.held or (entity_id, name) in self.mine or (entity_id, None) in self.held)

    def has_any(self, entity_id: uuid.UUID) -> bool:
        return (entity_id in self.fields or entity_id in self.snapshot or entity_id in self.created
                or any(k[0] == entity_id for k in self.held | self.mine))

    def archived_here(self, entity_id: uuid.UUID, conn: Connection, entity: str) -> bool:
        if "deleted_at" not in self.fields.get(entity_id, {}) and (entity_id, "deleted_at") not in self.mine:
            return False
        return field_value(conn, entity, entity_id, "deleted_at") is not None


def _pending(conn: Connection, mark: int) -> _Pending:
    p = _Pending()
    for e in _pending_entries(conn, mark):
        if e.entity_id is None:
            continue
        p.entity[e.entity_id] = e.entity
        if e.action == AuditAction.CREATE:
            p.created.add(e.entity_id)
        elif e.action == AuditAction.DELETE:
            p.deleted.add(e.entity_id)
        if e.field and e.action != AuditAction.CREATE:
            p.fields.setdefault(e.entity_id, {})[e.field] = (e.id, e.operator_name, e.operator_role, aware(e.at))
    u = SyncUnpushedRecord.__table__
    p.snapshot = set(conn.scalars(select(u.c.entity_id)))
    c = SyncConflict.__table__
    for row in conn.execute(select(c.c.entity_id, c.c.field, c.c.kind, c.c.resolution, c.c.pushed)):
        key = (row.entity_id, None if row.kind == "deleted" else row.field)
        if row.kind not in HOLDING_KINDS:
            continue
        if row.resolution is None:
            p.held.add(key)
        elif row.resolution == "mine" and not row.pushed:
            p.mine.add(key)
    return p


def _start_snapshot(s: Session, state: SyncState) -> None:
    """First sync: every record already here is sent whole once (old ledgers have no audit of them)."""
    if state.pushed_audit_id is not None:
        return
    conn = s.connection()
    u = SyncUnpushedRecord.__table__
    for entity in SYNCED_TABLES:
        table = table_of(entity)
        conn.execute(insert(u).from_select(["entity", "entity_id"], select(text(f"'{entity}'"), table.c.id)))
    state.pushed_audit_id = _max_audit(conn)
    s.flush()


def _audit_row(c: Change, action: AuditAction, record: dict | None, name: str | None, old: object, new: object,
               reason: str) -> dict:
    record = record or {}
    entity_id = c.entity_id
    person = entity_id if c.entity == "person" else record.get("person_id")
    household = entity_id if c.entity == "household" else record.get("household_id")
    label = next((str(record[k])[:300] for k in ("name", "label", "code", "title") if record.get(k)), "")

    def text_of(v: object) -> str | None:
        return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else as_text(v)

    return dict(at=c.at, operator_name=c.operator_name, operator_role=c.operator_role, action=action,
                entity=c.entity, entity_id=entity_id, person_id=uuid.UUID(str(person)) if person else None,
                household_id=uuid.UUID(str(household)) if household else None, label=label, field=name,
                old_value=text_of(old), new_value=text_of(new), reason=reason)


def _record(conn: Connection, entity: str, entity_id: uuid.UUID) -> dict | None:
    table = table_of(entity)
    row = conn.execute(select(table).where(table.c.id == entity_id)).mappings().first()
    if row is None:
        return None
    data = row_json(table, row)
    if entity == "household":
        data[CATEGORIES] = categories_of(conn, entity_id)
    return data


def _rekey(conn: Connection, entity: str, old: uuid.UUID, new: uuid.UUID) -> None:
    """Give a local district or town the server's id for the same name (first sync of an old ledger)."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    table = table_of(entity)
    conn.execute(update(table).where(table.c.id == old).values(id=new))
    for child in Base.metadata.tables.values():
        for fk in child.foreign_keys:
            if fk.column.table.name == entity:
                conn.execute(update(child).where(fk.parent == old).values({fk.parent.key: new}))
    a = AuditEntry.__table__
    conn.execute(update(a).where(a.c.entity == entity, a.c.entity_id == old).values(entity_id=new))
    for t in (SyncUnpushedRecord.__table__, SyncConflict.__table__):
        conn.execute(update(t).where(t.c.entity_id == old).values(entity_id=new))


class _Applier:
    """Applies received changes to the local ledger with the conflict rules; one instance per pull."""

    def __init__(self, s: Session, state: SyncState) -> None:
        self.s = s
        self.conn = s.connection()
        self.state = state
        self.pending = _pending(self.conn, state.pushed_audit_id or 0)
        self.audit: list[dict] = []
        self.renumber_audit: list[dict] = []
        self.report = SyncReport()

    # conflicts ---------------------------------------------------------------------------------------
    def conflict(self, c: Change, kind: str, name: str | None, local: object, remote: object) -> None:
        t = SyncConflict.__table__
        entry = self.pending.fields.get(c.entity_id, {}).get(name or "", None)
        record = _record(self.conn, c.entity, c.entity_id) or {}
        label = next((str(record[k])[:300] for k in ("name", "label", "code", "title") if record.get(k)), "")
        remote_side = dict(remote_value=dumps(remote), remote_operator=c.operator_name, remote_laptop=c.laptop_name,
                           remote_at=c.at, remote_seq=c.seq)
        open_one = self.conn.execute(select(t.c.id).where(t.c.entity_id == c.entity_id, t.c.field.is_(None) if name is None
                                                          else t.c.field == name, t.c.resolution.is_(None))).first()
        if open_one is not None:  # one open conflict per field: it shows the newest value from elsewhere
            self.conn.execute(update(t).where(t.c.id == open_one.id).values(kind=kind, **remote_side))
            return
        self.conn.execute(insert(t).values(
            kind=kind, entity=c.entity, entity_id=c.entity_id, field=name, label=label, local_value=dumps(local),
            local_operator=entry[1] if entry else "", local_at=entry[3] if entry else None,
            local_audit_id=_max_audit(self.conn), detected_at=datetime.now(timezone.utc), resolved_by="",
            pushed=False, **remote_side))
        self.pending.held.add((c.entity_id, name))
        self.report.new_conflicts += 1

    # map numbers -------------------------------------------------------------------------------------
    def free_map_number(self, c: Change, town_id: uuid.UUID, number: int) -> None:
        h = table_of("household")
        other = self.conn.execute(select(h.c.id, h.c.name).where(h.c.town_id == town_id, h.c.map_number == number,
                                                                 h.c.id != c.entity_id)).first()
        if other is None:
            return
        new = max(self.conn.scalar(select(func.max(h.c.map_number)).where(h.c.town_id == town_id)) or 0, number) + 1
        self.conn.execute(update(h).where(h.c.id == other.id).values(map_number=new))
        operator = operator_of(self.s)
        self.renumber_audit.append(dict(
            at=datetime.now(timezone.utc), operator_name=operator.name, operator_role=operator.role,
            action=AuditAction.UPDATE, entity="household", entity_id=other.id, household_id=other.id,
            label=other.name or "", field="map_number", old_value=str(number), new_value=str(new),
            reason=f"sync: map number {number} was taken on {c.laptop_name}"))
        renumbered = Change(c.change_id, "household", other.id, "map_number", "update", dumps(number),
                            c.operator_name, c.operator_role, c.at, seq=c.seq, laptop_name=c.laptop_name)
        self.conflict(renumbered, "renumbered", "map_number", new, number)
        self.report.renumbered.append(f"{other.name or other.id}: {number} → {new}")

    # changes -----------------------------------------------------------------------------------------
    def apply(self, c: Change) -> None:
        if c.entity not in SYNCED_TABLES:
            return
        reason = f"sync: {c.laptop_name}"
        if c.action == "create":
            self.create(c, reason)
        elif c.action == "delete":
            if self.pending.has_any(c.entity_id):
                self.conflict(c, "deleted", None, _record(self.conn, c.entity, c.entity_id), None)
            elif delete_record(self.conn, c.entity, c.entity_id):
                self.audit.append(_audit_row(c, AuditAction.DELETE, None, None, None, None, reason))
                self.report.applied += 1
        else:
            self.set_field(c, c.field, c.decoded(), reason)

    def create(self, c: Change, reason: str) -> None:
        record = c.decoded()
        table = table_of(c.entity)
        if c.entity == "district":
            self._adopt(c, select(table.c.id).where(table.c.name == record["name"]))
        elif c.entity == "town":
            self._adopt(c, select(table.c.id).where(table.c.name == record["name"],
                                                    table.c.district_id == uuid.UUID(record["district_id"])))
        local = _record(self.conn, c.entity, c.entity_id)
        if local is None:
            if c.entity == "household":
                self.free_map_number(c, uuid.UUID(record["town_id"]), record["map_number"])
            insert_records(self.conn, c.entity, [record])
            self.audit.append(_audit_row(c, AuditAction.CREATE, record, None, None, None, reason))
            self.report.applied += 1
            return
        snapshot = c.entity_id in self.pending.snapshot
        for name, value in record.items():
            if name in BOOKKEEPING or local.get(name) == value:
                continue
            self.set_field(c, name, value, reason, record=local)
        if snapshot:  # the server has it now: what still differs is in conflicts
            u = SyncUnpushedRecord.__table__
            self.conn.execute(u.delete().where(u.c.entity_id == c.entity_id))
            self.pending.snapshot.discard(c.entity_id)
            for name, value in record.items():
                if name not in BOOKKEEPING and local.get(name) != value:
                    self.pending.held.add((c.entity_id, name))

    def _adopt(self, c: Change, same_name) -> None:  # noqa: ANN001 - a select
        for (old,) in self.conn.execute(same_name):
            if old != c.entity_id:
                _rekey(self.conn, c.entity, old, c.entity_id)
                for attr in ("fields", "entity"):
                    d = getattr(self.pending, attr)
                    if old in d:
                        d[c.entity_id] = d.pop(old)
                for attr in ("created", "deleted", "snapshot"):
                    s = getattr(self.pending, attr)
                    if old in s:
                        s.discard(old)
                        s.add(c.entity_id)

    def set_field(self, c: Change, name: str, value: object, reason: str, record: dict | None = None) -> None:
        record = record if record is not None else _record(self.conn, c.entity, c.entity_id)
        if record is None:
            return  # removed here for good: nothing to change
        local = record.get(name)
        if local == value:
            return
        p = self.pending
        if name == "deleted_at" and value is not None and p.has_any(c.entity_id):
            self.conflict(c, "archive", name, local, value)
            return
        if p.has_field(c.entity_id, name):
            self.conflict(c, "field", name, local, value)
            return
        if c.entity == "household" and name == "map_number":
            self.free_map_number(c, uuid.UUID(record["town_id"]), value)
        archived_here = name != "deleted_at" and p.archived_here(c.entity_id, self.conn, c.entity)
        update_record(self.conn, c.entity, c.entity_id, {name: value}, c.at)
        action = AuditAction.UPDATE
        if name == "deleted_at":
            action = AuditAction.ARCHIVE if value is not None else AuditAction.RESTORE
        self.audit.append(_audit_row(c, action, record, name, local, value, reason))
        self.report.applied += 1
        if archived_here:  # edited there while archived here: the archive waits for the user
            self.conflict(c, "edit_on_archived", "deleted_at", record.get("deleted_at"), None)

    def finish(self, audit_before: int) -> None:
        a = AuditEntry.__table__
        for i in range(0, len(self.audit), 5000):
            self.conn.execute(insert(a), self.audit[i:i + 5000])
        top = _max_audit(self.conn)
        if top > audit_before:
            self.conn.execute(insert(SyncPulledRange.__table__).values(first_audit_id=audit_before + 1,
                                                                       last_audit_id=top))
        if self.renumber_audit:  # our renumbering is a change of ours: sent at the next push
            self.conn.execute(insert(a), self.renumber_audit)


def _apply_pulled(s: Session, state: SyncState, changes: list[Change], progress: Progress) -> SyncReport:
    applier = _Applier(s, state)
    before = _max_audit(applier.conn)
    total = len(changes)
    for n, c in enumerate(changes, start=1):
        applier.apply(c)
        if n % 1000 == 0:
            progress("apply", n, total)
    applier.finish(before)
    applier.report.received = total
    return applier.report


# --- what to send ----------------------------------------------------------------------------------------


@dataclass
class _Outgoing:
    changes: list[Change]
    audit_top: int
    outside_scope: list[str]  # origins of changes not sent (not this laptop's districts)


def _change_id(state: SyncState, key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{state.ledger_id}:{key}")


def _outgoing(s: Session, state: SyncState) -> _Outgoing:
    conn = s.connection()
    mark = state.pushed_audit_id or 0
    top = _max_audit(conn)
    c_table = SyncConflict.__table__
    conflicts = conn.execute(select(c_table).where(c_table.c.kind.in_(HOLDING_KINDS))).all()
    held = {(r.entity_id, r.field if r.kind != "deleted" else None) for r in conflicts if r.resolution is None}
    whole_held = {k[0] for k in held if k[1] is None}
    theirs: dict[tuple, int] = {}
    for r in conflicts:
        if r.resolution == "theirs":
            key = (r.entity_id, r.field)
            theirs[key] = max(theirs.get(key, 0), r.local_audit_id)
    grouped: dict[uuid.UUID, dict] = {}
    for e in _pending_entries(conn, mark, top):
        if e.entity_id is None:
            continue
        g = grouped.setdefault(e.entity_id, dict(entity=e.entity, created=None, deleted=None, fields={}))
        if e.action == AuditAction.CREATE:
            g["created"] = e
        elif e.action == AuditAction.DELETE:
            g["deleted"] = e
        elif e.field:
            g["fields"][e.field] = e
    changes: list[Change] = []

    def whole(entity: str, entity_id: uuid.UUID, key: str, origin: str, who: tuple[str, str, datetime | None]) -> None:
        record = _record(conn, entity, entity_id)
        if record is None:
            return
        for k in list(record):
            if (entity_id, k) in held:
                record.pop(k)
        at = who[2] or datetime.fromisoformat(record.get("updated_at") or datetime.now(timezone.utc).isoformat())
        changes.append(Change(_change_id(state, key), entity, entity_id, None, "create", dumps(record), who[0], who[1],
                              aware(at), origin=origin))

    def one_field(entity: str, entity_id: uuid.UUID, name: str, key: str, origin: str,
                  who: tuple[str, str, datetime | None]) -> None:
        if _record_exists(conn, entity, entity_id) is False:
            return
        value = field_value(conn, entity, entity_id, name)
        action = "update"
        if name == "deleted_at":
            action = "archive" if value is not None else "restore"
        changes.append(Change(_change_id(state, key), entity, entity_id, name, action, dumps(value), who[0], who[1],
                              aware(who[2]) or datetime.now(timezone.utc), origin=origin))

    for entity_id, g in grouped.items():
        if entity_id in whole_held:
            continue
        entity = g["entity"]
        if g["created"] is not None:
            e = g["created"]
            whole(entity, entity_id, f"e:{e.id}:{entity_id}", "entry", (e.operator_name, e.operator_role, e.at))
            continue
        if g["deleted"] is not None:
            e = g["deleted"]
            # Sent even when the server never had it (created and removed between two syncs): then refused, harmlessly.
            changes.append(Change(_change_id(state, f"e:{e.id}:{entity_id}"), entity, entity_id, None, "delete",
                                  None, e.operator_name, e.operator_role, aware(e.at), origin="entry"))
            continue
        for name, e in g["fields"].items():
            if (entity_id, name) in held or theirs.get((entity_id, name), -1) >= e.id:
                continue
            one_field(entity, entity_id, name, f"e:{e.id}:{entity_id}:{name}", "entry",
                      (e.operator_name, e.operator_role, e.at))
    u = SyncUnpushedRecord.__table__
    for row in conn.execute(select(u)):
        if row.entity_id not in whole_held and row.entity_id not in grouped:
            whole(row.entity, row.entity_id, f"s:{row.entity}:{row.entity_id}", f"snapshot:{row.entity}:{row.entity_id}",
                  ("", "", None))
        elif row.entity_id in grouped and grouped[row.entity_id]["created"] is None:
            whole(row.entity, row.entity_id, f"s:{row.entity}:{row.entity_id}", f"snapshot:{row.entity}:{row.entity_id}",
                  ("", "", None))
    for r in conflicts:
        if r.resolution != "mine" or r.pushed:
            continue
        who = (r.resolved_by, "", aware(r.resolved_at))
        if r.kind == "deleted":
            whole(r.entity, r.entity_id, f"c:{r.id}", f"conflict:{r.id}", who)
        else:
            one_field(r.entity, r.entity_id, r.field, f"c:{r.id}", f"conflict:{r.id}", who)
    changes = _dedupe(changes)
    # Whose district each change is in; only the laptop's districts are sent.
    by_entity: dict[str, list[uuid.UUID]] = {}
    for c in changes:
        by_entity.setdefault(c.entity, []).append(c.entity_id)
    where: dict[uuid.UUID, uuid.UUID | None] = {}
    for entity, ids in by_entity.items():
        where.update(districts_of(conn, entity, ids))
    allowed = set(state.district_ids or [])
    kept, outside = [], []
    for c in changes:
        c.district_id = where.get(c.entity_id)
        c.base_seq = state.pulled_seq
        if c.district_id is not None and "*" not in allowed and str(c.district_id) not in allowed:
            outside.append(c.origin)
            continue
        kept.append(c)
    return _Outgoing(kept, top, outside)


def _dedupe(changes: list[Change]) -> list[Change]:
    seen, out = set(), []
    for c in changes:
        key = (c.entity_id, c.field, c.action)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _record_exists(conn: Connection, entity: str, entity_id: uuid.UUID) -> bool:
    table = table_of(entity)
    return conn.scalar(select(func.count()).select_from(table).where(table.c.id == entity_id)) > 0


def _settle(s: Session, state: SyncState, audit_top: int, origins: list[str], kind: str) -> None:
    """After the server stored them: move the mark, forget sent snapshot records, mark conflicts sent."""
    conn = s.connection()
    state.pushed_audit_id = max(state.pushed_audit_id or 0, audit_top)
    u = SyncUnpushedRecord.__table__
    c = SyncConflict.__table__
    for origin in origins:
        if origin.startswith("snapshot:"):
            _, entity, entity_id = origin.split(":", 2)
            conn.execute(u.delete().where(u.c.entity == entity, u.c.entity_id == uuid.UUID(entity_id)))
        elif origin.startswith("conflict:"):
            conn.execute(update(c).where(c.c.id == int(origin.split(":", 1)[1])).values(pushed=True))
    state.last_sync_at = datetime.now(timezone.utc)
    state.last_sync_kind = kind


def _remember(state: SyncState, me: LaptopInfo, url: str | None) -> None:
    if state.laptop_name and state.laptop_name != me.name:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this ledger syncs as laptop {mine}, not as {other}"),
                        where="laptop", mine=state.laptop_name, other=me.name)
    state.laptop_name = me.name
    state.district_ids = ["*"] if me.all_districts else sorted(str(d) for d in me.district_ids)
    if me.package_key:  # read through the laptop's own login: the office's word
        state.package_key = me.package_key
    if url:
        state.server_url = url


# --- network sync --------------------------------------------------------------------------------------------


def sync(ledger: Ledger, url: str | None = None, *, progress: Progress | None = None) -> SyncReport:
    """Pull everyone else's changes since the last sync, then push ours (see the module docstring)."""
    progress = progress or _noop
    with ledger.Session() as s:
        url = url or _state(s).server_url
    if not url:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this laptop has not synced yet: give the office server's address"),
                        where="--url")
    engine = connect(url)
    try:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                report = _sync_once(ledger, engine, url, progress)
                report.attempts = attempt
                progress("done", 1, 1)
                return report
            except StalePush:
                continue
            except DBAPIError as e:
                if is_stale_error(e):
                    continue
                raise _unreachable(url, e) from e
        raise SyncError(QT_TRANSLATE_NOOP("errors", "other laptops kept sending changes to the same records; "
                                                    "sync again"), where=masked(url))
    finally:
        engine.dispose()


def _sync_once(ledger: Ledger, engine: Engine, url: str, progress: Progress) -> SyncReport:
    progress("connect", 0, 1)
    with ledger.Session() as s:
        since = _state(s).pulled_seq
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            me = whoami(conn)
            incoming, top = fetch_changes(conn, me, since)
    progress("pull", len(incoming), len(incoming))
    with ledger.Session.begin() as s:
        state = _state(s)
        _remember(state, me, url)
        _start_snapshot(s, state)
        report = _apply_pulled(s, state, [c for c in incoming if c.seq > state.pulled_seq], progress)
        state.pulled_seq = max(state.pulled_seq, top)
    with ledger.Session() as s:
        state = _state(s)
        out = _outgoing(s, state)
    progress("push", 0, len(out.changes))
    with engine.begin() as conn:
        me = whoami(conn)
        result = receive(conn, me, out.changes, state.pulled_seq, reject_stale=False)
        log_sync(conn, me, "network", pushed=len(result.accepted), rejected=len(result.rejected),
                 pulled=report.received, pulled_up_to=state.pulled_seq)
        progress("push-applied", len(out.changes), len(out.changes))
    progress("push-committed", len(out.changes), len(out.changes))
    with ledger.Session.begin() as s:
        _settle(s, _state(s), out.audit_top, [c.origin for c in out.changes] + out.outside_scope, "network")
    report.sent = len(result.accepted)
    report.already_sent = result.already
    report.rejected = len(result.rejected)
    report.outside_scope = len(out.outside_scope)
    report.server_seq = state.pulled_seq
    return report


# --- status and conflicts for the UI -------------------------------------------------------------------------


def sync_status(session: Session) -> SyncStatus:
    conn = session.connection()
    state = _state(session)
    if state.pushed_audit_id is None:
        pending = sum(conn.scalar(select(func.count()).select_from(table_of(e))) or 0 for e in SYNCED_TABLES)
    else:
        keys = {(e.entity_id, e.field) for e in _pending_entries(conn, state.pushed_audit_id)}
        u = SyncUnpushedRecord.__table__
        pending = len(keys) + (conn.scalar(select(func.count()).select_from(u)) or 0)
        c = SyncConflict.__table__
        pending += conn.scalar(select(func.count()).select_from(c).where(c.c.resolution == "mine",
                                                                          c.c.pushed.is_(False))) or 0
    c = SyncConflict.__table__
    open_conflicts = conn.scalar(select(func.count()).select_from(c).where(c.c.resolution.is_(None))) or 0
    return SyncStatus(aware(state.last_sync_at), pending, open_conflicts,
                      masked(state.server_url) if state.server_url else "", state.laptop_name, state.last_sync_kind)


def _view(conn: Connection, r) -> ConflictView:  # noqa: ANN001 - a SyncConflict row
    local = json.loads(r.local_value) if r.local_value is not None else None
    if r.resolution is None and r.kind not in ("deleted", "renumbered") and _record_exists(conn, r.entity, r.entity_id):
        local = field_value(conn, r.entity, r.entity_id, r.field)  # what the record holds now
    return ConflictView(r.id, r.kind, CONFLICT_KINDS.get(r.kind, r.kind), r.entity, r.entity_id, r.field, r.label,
                        local, r.local_operator, aware(r.local_at),
                        json.loads(r.remote_value) if r.remote_value is not None else None, r.remote_operator,
                        r.remote_laptop, aware(r.remote_at), r.resolution)


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    conn = session.connection()
    c = SyncConflict.__table__
    stmt = select(c).order_by(c.c.id)
    if not include_resolved:
        stmt = stmt.where(c.c.resolution.is_(None))
    return [_view(conn, r) for r in conn.execute(stmt)]


def resolve_conflict(session: Session, conflict_id: int, choice: str) -> ConflictView:
    """Keep this laptop's value ("mine", sent at the next sync) or take the other laptop's ("theirs")."""
    if choice not in ("mine", "theirs"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "choose mine or theirs, not {choice}"), where="choice",
                          choice=choice)
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "no such conflict"), where=f"conflict {conflict_id}")
    if conflict.resolution is not None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "this conflict was already resolved"),
                          where=f"conflict {conflict_id}")
    conn = session.connection()
    operator = operator_of(session)
    if choice == "theirs" and conflict.kind != "renumbered":
        before = _max_audit(conn)
        remote = json.loads(conflict.remote_value) if conflict.remote_value is not None else None
        change = Change(uuid.uuid4(), conflict.entity, conflict.entity_id, conflict.field, "update",
                        conflict.remote_value, operator.name, operator.role, datetime.now(timezone.utc),
                        laptop_name=conflict.remote_laptop)
        reason = f"sync conflict: took the value from {conflict.remote_laptop}"
        if conflict.kind == "deleted":
            if delete_record(conn, conflict.entity, conflict.entity_id):
                conn.execute(insert(AuditEntry.__table__),
                             [_audit_row(change, AuditAction.DELETE, None, None, None, None, reason)])
        else:
            record = _record(conn, conflict.entity, conflict.entity_id)
            if record is not None:
                update_record(conn, conflict.entity, conflict.entity_id, {conflict.field: remote}, change.at)
                action = AuditAction.UPDATE
                if conflict.field == "deleted_at":
                    action = AuditAction.ARCHIVE if remote is not None else AuditAction.RESTORE
                conn.execute(insert(AuditEntry.__table__), [_audit_row(change, action, record, conflict.field,
                                                                       record.get(conflict.field), remote, reason)])
        top = _max_audit(conn)
        if top > before:  # the server has this value already: not a change to send
            conn.execute(insert(SyncPulledRange.__table__).values(first_audit_id=before + 1, last_audit_id=top))
    conflict.resolution = choice
    conflict.resolved_at = datetime.now(timezone.utc)
    conflict.resolved_by = operator.name
    conflict.local_audit_id = _max_audit(conn)
    session.flush()
    return _view(conn, session.execute(select(SyncConflict.__table__).where(
        SyncConflict.__table__.c.id == conflict_id)).one())


# --- USB packages --------------------------------------------------------------------------------------------


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
class _Package:
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


def _write_package(path: Path, passphrase: str, meta: dict, changes: list[Change],
                   acks: list[tuple[str, str, str]] = (), *, key: bytes,
                   previous_key: bytes | None = None) -> Path:
    if not passphrase:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "a sync package needs a passphrase"), where="passphrase")
    path = Path(path)
    rows = _change_rows(changes)
    acks = [tuple(a) for a in acks]
    meta = json.loads(json.dumps(meta))  # signed as it will be read back
    meta["mac"] = _mac(key, meta, rows, acks)
    if previous_key:
        meta["previous_mac"] = _mac(previous_key, meta, rows, acks)
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
        conn.executemany("INSERT INTO ack VALUES (?, ?, ?)", acks)
        conn.commit()
    finally:
        conn.close()
    os.replace(partial, path)
    return path


def _read_package(path: Path, passphrase: str) -> _Package:
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
    return _Package(path, meta, changes, [tuple(a) for a in acks], [tuple(r) for r in rows])


def export_package(ledger: Ledger, path: Path, passphrase: str) -> PackageSummary:
    """Write this laptop's unsent changes into an encrypted package for the office, signed with this
    laptop's package key (nothing is marked sent)."""
    with ledger.Session.begin() as s:
        state = _state(s)
        if not state.laptop_name or not state.package_key:
            raise SyncError(QT_TRANSLATE_NOOP("errors", "this laptop is not registered yet: import the package the "
                                                        "office made for it first"), where=str(path))
        _start_snapshot(s, state)
    with ledger.Session() as s:
        state = _state(s)
        out = _outgoing(s, state)
        key = state.package_key
        meta = dict(format=PACKAGE_FORMAT, kind="laptop", laptop=state.laptop_name, ledger_id=str(state.ledger_id),
                    base_seq=state.pulled_seq, audit_top=out.audit_top, outside_scope=out.outside_scope,
                    made_at=datetime.now(timezone.utc).isoformat())
    _write_package(path, passphrase, meta, out.changes, key=key)
    return PackageSummary(Path(path), meta["laptop"], len(out.changes))


def _office_package(conn: Connection, me: LaptopInfo, since: int, path: Path, passphrase: str,
                    acks: list[tuple[str, str, str]], echo: dict) -> tuple[Path, int]:
    changes, top = fetch_changes(conn, me, since)
    meta = dict(format=PACKAGE_FORMAT, kind="office", laptop=me.name, all_districts=me.all_districts,
                districts=[str(d) for d in me.district_ids], top=top, made_at=datetime.now(timezone.utc).isoformat(),
                **echo)
    previous = None
    if not me.package_key_confirmed:  # the laptop may not hold its key yet: it travels in here
        meta["key"] = me.package_key.hex()
        previous = me.previous_package_key  # a laptop holding the old key trusts the new one by this
    _write_package(path, passphrase, meta, changes, acks, key=me.package_key, previous_key=previous)
    return Path(path), top


def import_package_at_office(url: str, path: Path, passphrase: str, reply_path: Path,
                             reply_passphrase: str | None = None) -> PackageSummary:
    """Apply a laptop's package to the server as that laptop (its scope and the stale rule apply), and
    write the reply package: what was accepted, and every change the laptop has not received yet.

    Refused whole, before anything is written, unless it is signed with the key of the laptop it
    names, and unless every change is in that laptop's districts."""
    package = _read_package(path, passphrase)
    meta, changes, where = package.meta, package.changes, str(path)
    if meta.get("kind") != "laptop":
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this package was made by the office, not by a laptop"),
                        where=where)
    name = str(meta.get("laptop") or "")
    engine = connect(url)
    try:
        with engine.begin() as conn:
            claimed = registered_laptop(conn, name, where)
            if not package.signed_with(claimed.package_key):
                raise SyncError(QT_TRANSLATE_NOOP("errors", "this package is not signed with the key of laptop "
                                                            "{name}: it was changed after it was made, or another "
                                                            "laptop made it; nothing was applied"),
                                where=where, name=name)
            if outside_scope(conn, claimed, changes):
                raise SyncError(QT_TRANSLATE_NOOP("errors", "this package changes records of districts laptop "
                                                            "{name} is not registered for; nothing was applied"),
                                where=where, name=name)
            confirm_package_key(conn, claimed)
            me = act_as(conn, name)
            result = receive(conn, me, changes, int(meta["base_seq"]), reject_stale=True)
            rejected = {c.change_id for c, _ in result.rejected}
            acks = [(str(c.change_id), c.origin, "rejected" if c.change_id in rejected else "accepted")
                    for c in changes]
            _, top = _office_package(conn, me, int(meta["base_seq"]), Path(reply_path), reply_passphrase or passphrase,
                                     acks, dict(audit_top=meta["audit_top"], outside_scope=meta.get("outside_scope", []),
                                                ledger_id=meta["ledger_id"]))
            log_sync(conn, me, "package", pushed=len(result.accepted), rejected=len(result.rejected), pulled=0,
                     pulled_up_to=top, detail=f"{Path(path).name} → {Path(reply_path).name}")
    except DBAPIError as e:
        raise _unreachable(url, e) from e
    finally:
        engine.dispose()
    return PackageSummary(Path(reply_path), name, len(changes), len(result.accepted), len(result.rejected))


def export_package_for_laptop(url: str, laptop: str, path: Path, passphrase: str, *,
                              since: int | None = None) -> PackageSummary:
    """At the office: the changes a laptop has not received (since its last sync or package, or ``since``),
    signed with its package key; the key itself travels too until the laptop has used it."""
    engine = connect(url)
    try:
        with engine.begin() as conn:
            me = act_as(conn, laptop)
            start = last_pulled(conn, me) if since is None else since
            out, top = _office_package(conn, me, start, Path(path), passphrase, [], {})
            log_sync(conn, me, "package-out", pushed=0, rejected=0, pulled=0, pulled_up_to=top, detail=out.name)
    except DBAPIError as e:
        raise _unreachable(url, e) from e
    finally:
        engine.dispose()
    return PackageSummary(Path(path), laptop, 0)


def _office_key(package: _Package, held: bytes | None) -> bytes:
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
            and not package.signed_with(held, "previous_mac")) or not package.signed_with(key):
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this package is not signed with this laptop's key: it was "
                                                    "changed after the office made it, or it was not made for this "
                                                    "laptop; nothing was applied"), where=where)
    return key


def import_package(ledger: Ledger, path: Path, passphrase: str) -> SyncReport:
    """On the laptop: apply the office's package (same conflict rules as a network sync), in one transaction,
    once its signature with this laptop's package key is checked."""
    package = _read_package(path, passphrase)
    meta, changes, acks = package.meta, package.changes, package.acks
    if meta.get("kind") != "office":
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this package was made by a laptop: import it at the office"),
                        where=str(path))
    me = LaptopInfo(uuid.UUID(int=0), meta["laptop"], bool(meta.get("all_districts")),
                    tuple(uuid.UUID(d) for d in meta.get("districts", [])))
    with ledger.Session.begin() as s:
        state = _state(s)
        key = _office_key(package, state.package_key)
        if meta.get("ledger_id") and meta["ledger_id"] != str(state.ledger_id):
            raise SyncError(QT_TRANSLATE_NOOP("errors", "this package answers another ledger's package"),
                            where=str(path))
        _remember(state, me, None)
        state.package_key = key
        _start_snapshot(s, state)
        report = _apply_pulled(s, state, [c for c in changes if c.seq > state.pulled_seq], _noop)
        state.pulled_seq = max(state.pulled_seq, int(meta["top"]))
        if acks:
            origins = [origin for _, origin, _ in acks] + list(meta.get("outside_scope", []))
            _settle(s, state, int(meta["audit_top"]), origins, "package")
            report.sent = sum(1 for a in acks if a[2] == "accepted")
            report.rejected = sum(1 for a in acks if a[2] == "rejected")
        else:
            state.last_sync_at = datetime.now(timezone.utc)
            state.last_sync_kind = "package"
        report.server_seq = state.pulled_seq
    return report


__all__ = ["STAGES", "CONFLICT_KINDS", "SyncStatus", "ConflictView", "SyncReport", "SyncError", "PackageSummary",
           "sync", "sync_status", "list_conflicts", "resolve_conflict", "export_package", "import_package",
           "import_package_at_office", "export_package_for_laptop"]
