"""The laptop's side of the journal: what this laptop changed and has not sent (read from the audit
log), the marks in ``sync_state`` saying how far it was sent and received, the changes to send, and
settling them once the office stored them."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import cast

from sqlalchemy import Column, Connection, Select, String, Table, func, insert, select, text, type_coerce, update
from sqlalchemy import types as sqltypes
from sqlalchemy.dialects.sqlite.base import SQLiteDialect
from sqlalchemy.orm import Session

from app.core.batches import chunks, no_gc_pauses
from app.core.errors import QT_TRANSLATE_NOOP
from app.models import AuditAction, AuditEntry, Operator
from app.models.audit import Origin
from app.models.audit import audit_row as shared_audit_row
from app.models.entities import household_category_link
from app.models.sync import SyncConflict, SyncPulledRange, SyncState, SyncUnpushedRecord
from app.models.writes import table_of as table_for
from app.sync.core import (
    CATEGORIES,
    SYNCED_TABLES,
    Change,
    SyncError,
    aware,
    categories_of,
    districts_of,
    dumps,
    field_value,
    hex_ids,
    row_encoder,
    row_encoders,
    row_json,
    table_of,
    table_order,
)
from app.sync.protocol import LaptopInfo

CHUNK = 5000  # ids per IN list

HOLDING_KINDS = ("field", "archive", "edit_on_archived", "deleted")  # these keep the local value from being sent
_NAMESPACE = uuid.UUID("6f1c2f5e-4d7a-4f0e-9c61-5a5ae0a1c0de")


def sync_state(s: Session) -> SyncState:
    """This ledger's one ``sync_state`` row: its laptop name, server, districts, package key and marks."""
    state = s.get(SyncState, 1)
    if state is None:  # the migration makes it; a ledger copied in without it gets one
        state = SyncState(id=1, ledger_id=uuid.uuid4(), laptop_name="", server_url="", district_ids=[], pulled_seq=0,
                          last_sync_kind="")
        s.add(state)
        s.flush()
    return state


def max_audit(conn: Connection) -> int:
    return conn.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0


def _pending_select(mark: int, top: int | None) -> Select:
    """The audit entries after ``mark`` (up to ``top``) of synced tables that this laptop made itself (not
    pulled from the server), oldest first."""
    a = table_for(AuditEntry)
    r = table_for(SyncPulledRange)
    pulled = select(r.c.first_audit_id).where(a.c.id.between(r.c.first_audit_id, r.c.last_audit_id)).exists()
    stmt = select(a).where(a.c.id > mark, a.c.entity.in_(SYNCED_TABLES), ~pulled).order_by(a.c.id)
    return stmt if top is None else stmt.where(a.c.id <= top)


def pending_entries(conn: Connection, mark: int, top: int | None = None):  # noqa: ANN202
    return conn.execute(_pending_select(mark, top)).all()


@dataclass
class Pending:
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


def pending(conn: Connection, mark: int) -> Pending:
    """What this laptop changed after the audit entry ``mark`` and has not sent, with the open conflicts."""
    p = Pending()
    for e in pending_entries(conn, mark):
        if e.entity_id is None:
            continue
        p.entity[e.entity_id] = e.entity
        if e.action == AuditAction.CREATE:
            p.created.add(e.entity_id)
        elif e.action == AuditAction.DELETE:
            p.deleted.add(e.entity_id)
        if e.field and e.action != AuditAction.CREATE:
            p.fields.setdefault(e.entity_id, {})[e.field] = (e.id, e.operator_name, e.operator_role,
                                                             cast(datetime, aware(e.at)))
    u = table_for(SyncUnpushedRecord)
    p.snapshot = set(conn.scalars(select(u.c.entity_id)).all())
    c = table_for(SyncConflict)
    for row in conn.execute(select(c.c.entity_id, c.c.field, c.c.kind, c.c.resolution, c.c.pushed)):
        key = (row.entity_id, None if row.kind == "deleted" else row.field)
        if row.kind not in HOLDING_KINDS:
            continue
        if row.resolution is None:
            p.held.add(key)
        elif row.resolution == "mine" and not row.pushed:
            p.mine.add(key)
    return p


def start_snapshot(s: Session, state: SyncState) -> None:
    """First sync: every record already here is sent whole once (old ledgers have no audit of them)."""
    if state.pushed_audit_id is not None:
        return
    conn = s.connection()
    u = table_for(SyncUnpushedRecord)
    for entity in SYNCED_TABLES:
        table = table_of(entity)
        conn.execute(insert(u).from_select(["entity", "entity_id"], select(text(f"'{entity}'"), table.c.id)))
    state.pushed_audit_id = max_audit(conn)
    s.flush()


def origin_of(c: Change, reason: str) -> Origin:
    """Who a received change is recorded as here: its operator on the other laptop, at its time, and why."""
    return Origin(Operator(c.operator_name, c.operator_role), reason, c.at)


def audit_row(c: Change, action: AuditAction, record: dict | None, name: str | None, old: object, new: object,
              reason: str) -> dict:
    """The audit entry a received change leaves here (shaped as every other entry: app/models/audit.py)."""
    return shared_audit_row(origin_of(c, reason), action, c.entity, c.entity_id, record or {}, name, old, new)


def record_of(conn: Connection, entity: str, entity_id: uuid.UUID) -> dict | None:
    """One record in its JSON form (households with their categories), or None when it is not here."""
    table = table_of(entity)
    row = conn.execute(select(table).where(table.c.id == entity_id)).mappings().first()
    if row is None:
        return None
    data = row_json(table, row)
    if entity == "household":
        data[CATEGORIES] = categories_of(conn, entity_id)
    return data


def _uuid_text(value: object) -> str:
    """A ``Uuid`` column's stored SQLite text in its JSON form (``str(UUID)``), without making the UUID."""
    if isinstance(value, str) and len(value) == 32:
        v = value.lower()
        return f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}"
    return str(uuid.UUID(str(value)))


def _stamp_text(column: Column) -> Callable[[object], object]:
    """A ``DateTime`` column's stored SQLite text in its JSON form (what ``encode`` makes of the value SQLAlchemy
    reads back: UTC, ``isoformat``), cut from the text SQLAlchemy writes (``2026-12-02 09:30:15.000123``);
    any other spelling goes the long way."""
    dialect = SQLiteDialect()
    parse = column.type.dialect_impl(dialect).result_processor(dialect, None)
    encoder = row_encoder(column)

    def text_of(value: object) -> object:
        if isinstance(value, str) and len(value) == 26 and value[10] == " " and value[19] == ".":
            micro = value[20:]
            return f"{value[:10]}T{value[11:19]}{'' if micro == '000000' else '.' + micro}+00:00"
        value = parse(value) if parse is not None else value
        return value if value is None or encoder is None else encoder(value)
    return text_of


@functools.cache
def _raw_columns(table: Table) -> tuple[list, tuple]:
    """For ``records_of`` on SQLite: the table's columns with its ``Uuid`` and ``DateTime`` ones read as their
    stored text, and each column's encoder (``row_json``'s, or one that cuts that text into the JSON form)."""
    columns: list = []
    encoders: list[tuple[str, Callable[[object], object] | None]] = []
    for c, (key, fn) in zip(table.columns, row_encoders(table), strict=True):
        if isinstance(c.type, sqltypes.Uuid):
            columns.append(type_coerce(c, String).label(c.key))
            encoders.append((key, _uuid_text))
        elif isinstance(c.type, sqltypes.DateTime):
            columns.append(type_coerce(c, String).label(c.key))
            encoders.append((key, _stamp_text(c)))
        else:
            columns.append(c)
            encoders.append((key, fn))
    return columns, tuple(encoders)


def records_of(conn: Connection, entity: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """``record_of`` for many records of one table, a few statements in all (those not here are left out)."""
    table = table_of(entity)
    found: dict[uuid.UUID, dict] = {}
    raw = conn.dialect.name == "sqlite"  # ids read as stored text, formatted as str(UUID) gives them
    columns, encoders = _raw_columns(table) if raw else (list(table.columns), row_encoders(table))
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        by_hex = hex_ids(chunk)
        # fetched in one driver call a chunk: iterated, a result fetches one row per call (40,000 in a first sync)
        for row in conn.execute(select(*columns).where(table.c.id.in_(chunk))).mappings().all():
            data = {k: v if fn is None or v is None else fn(v) for k, fn in encoders for v in (row[k],)}
            key = row["id"]
            found[(by_hex.get(key) or uuid.UUID(str(key))) if raw else key] = data
        if entity == "household":
            link = household_category_link
            for data in found.values():
                data.setdefault(CATEGORIES, [])
            for household_id, category_id in conn.execute(select(link.c.household_id, link.c.category_id)
                                                          .where(link.c.household_id.in_(chunk))):
                found[household_id][CATEGORIES].append(str(category_id))
    if entity == "household":
        for data in found.values():
            data[CATEGORIES].sort()
    return found


def records_by_id(conn: Connection, ids: dict[str, list[uuid.UUID]]) -> dict[uuid.UUID, dict | None]:
    """``records_of`` for the ids of several tables (entity → ids): every id asked for, None where it is not here."""
    records: dict[uuid.UUID, dict | None] = {}
    for entity, entity_ids in ids.items():
        found = records_of(conn, entity, list(dict.fromkeys(entity_ids)))
        records.update((i, found.get(i)) for i in entity_ids)
    return records


def record_exists(conn: Connection, entity: str, entity_id: uuid.UUID) -> bool:
    table = table_of(entity)
    return (conn.scalar(select(func.count()).select_from(table).where(table.c.id == entity_id)) or 0) > 0


# --- what to send ----------------------------------------------------------------------------------------


@dataclass
class Outgoing:
    changes: list[Change]
    audit_top: int
    outside_scope: list[str]  # origins of changes not sent (not this laptop's districts)


def _change_id(state: SyncState, key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{state.ledger_id}:{key}")


# A first sync makes a change per record (a district: 35,000 records, their JSON and change ids): the cycle
# collector went off over and over while they were made, a sixth of the laptop's CPU (app/core/batches.py).
@no_gc_pauses()
def outgoing(s: Session, state: SyncState) -> Outgoing:
    """The changes to send: newest value per field, whole records for new ones and the first sync's
    snapshot, conflicts kept "mine"; held back: open conflicts and other districts' records."""
    conn = s.connection()
    mark = state.pushed_audit_id or 0
    top = max_audit(conn)
    c_table = table_for(SyncConflict)
    conflicts = conn.execute(select(c_table).where(c_table.c.kind.in_(HOLDING_KINDS))).all()
    held = {(r.entity_id, r.field if r.kind != "deleted" else None) for r in conflicts if r.resolution is None}
    whole_held = {k[0] for k in held if k[1] is None}
    held_ids = {k[0] for k in held}
    theirs: dict[tuple, int] = {}
    for r in conflicts:
        if r.resolution == "theirs":
            key = (r.entity_id, r.field)
            theirs[key] = max(theirs.get(key, 0), r.local_audit_id)
    grouped: dict[uuid.UUID, dict] = {}
    for e in pending_entries(conn, mark, top):
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

    preloaded: dict[uuid.UUID, dict] = {}  # the first sync's snapshot, read a table at a time

    def whole(entity: str, entity_id: uuid.UUID, key: str, origin: str, who: tuple[str, str, datetime | None]) -> None:
        record = preloaded.pop(entity_id, None) or record_of(conn, entity, entity_id)
        if record is None:
            return
        if entity_id in held_ids:
            for k in list(record):
                if (entity_id, k) in held:
                    record.pop(k)
        changes.append(_whole_change(state, entity, entity_id, record, key, origin, who))

    # The records whose changed fields go one by one, read a table at a time (two statements a field before).
    edited: dict[str, list[uuid.UUID]] = {}
    for entity_id, g in grouped.items():
        if g["fields"] and g["created"] is None and g["deleted"] is None and g["entity"] in SYNCED_TABLES:
            edited.setdefault(g["entity"], []).append(entity_id)
    current = records_by_id(conn, edited)

    def one_field(entity: str, entity_id: uuid.UUID, name: str, key: str, origin: str,
                  who: tuple[str, str, datetime | None]) -> None:
        record = current.get(entity_id, {})
        if record is None or (entity_id not in current and record_exists(conn, entity, entity_id) is False):
            return  # removed here for good since
        value = record[name] if name in record else field_value(conn, entity, entity_id, name)
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
                                  None, e.operator_name, e.operator_role, cast(datetime, aware(e.at)), origin="entry"))
            continue
        for name, e in g["fields"].items():
            if (entity_id, name) in held or theirs.get((entity_id, name), -1) >= e.id:
                continue
            one_field(entity, entity_id, name, f"e:{e.id}:{entity_id}:{name}", "entry",
                      (e.operator_name, e.operator_role, e.at))
    u = table_for(SyncUnpushedRecord)
    unpushed = conn.execute(select(u)).all()
    by_table: dict[str, list[uuid.UUID]] = {}
    for row in unpushed:
        by_table.setdefault(row.entity, []).append(row.entity_id)
    for entity, ids in by_table.items():
        preloaded.update(records_of(conn, entity, ids))
    for row in unpushed:
        if (row.entity_id not in whole_held and row.entity_id not in grouped) or (
                row.entity_id in grouped and grouped[row.entity_id]["created"] is None):
            snapshot = f"{row.entity}:{row.entity_id}"
            whole(row.entity, row.entity_id, f"s:{snapshot}", f"snapshot:{snapshot}", ("", "", None))
    for r in conflicts:
        if r.resolution != "mine" or r.pushed:
            continue
        who = (r.resolved_by, "", aware(r.resolved_at))
        if r.kind == "deleted":
            whole(r.entity, r.entity_id, f"c:{r.id}", f"conflict:{r.id}", who)
        else:
            one_field(r.entity, r.entity_id, r.field, f"c:{r.id}", f"conflict:{r.id}", who)
    return _in_scope(conn, state, _dedupe(changes), top)


def _whole_change(state: SyncState, entity: str, entity_id: uuid.UUID, record: dict, key: str, origin: str,
                  who: tuple[str, str, datetime | None]) -> Change:
    """A record sent whole (its create): at the time of its entry, or of its last change when it has none."""
    at = who[2] or datetime.fromisoformat(record.get("updated_at") or datetime.now(timezone.utc).isoformat())
    return Change(_change_id(state, key), entity, entity_id, None, "create", dumps(record), who[0], who[1], aware(at),
                  origin=origin, made_from=record)


def _in_scope(conn: Connection, state: SyncState, changes: list[Change], top: int) -> Outgoing:
    """Whose district each change is in: only the laptop's districts are sent; the others are held back."""
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
    return Outgoing(kept, top, outside)


# --- a first sync, a table at a time ----------------------------------------------------------------------


def snapshot_only(s: Session, state: SyncState) -> bool:
    """Whether all there is to send is the snapshot (a first sync: nothing changed here since it began, no
    conflict): then ``snapshot_parts`` gives the same changes as ``outgoing``, a table at a time."""
    conn = s.connection()
    a = table_for(AuditEntry)
    changed_here = _pending_select(state.pushed_audit_id or 0, max_audit(conn)).where(a.c.entity_id.is_not(None))
    if conn.execute(changed_here.limit(1)).first() is not None:
        return False
    c = table_for(SyncConflict)
    return conn.scalar(select(func.count()).select_from(c).where(c.c.kind.in_(HOLDING_KINDS))) == 0


def snapshot_size(s: Session) -> int:
    """How many records the snapshot still has to send."""
    u = table_for(SyncUnpushedRecord)
    return s.connection().scalar(select(func.count()).select_from(u)) or 0


def snapshot_parts(s: Session, state: SyncState) -> Iterator[Outgoing]:
    """The snapshot's changes (when ``snapshot_only``), a table at a time (``CHUNK`` records a part), parents
    first: each part as ``outgoing`` gives it (the changes in the laptop's districts; the others' origins, held
    back), the same changes in the same order ``receive`` puts them in. The server can store one part while the
    next is read."""
    conn = s.connection()
    top = max_audit(conn)
    u = table_for(SyncUnpushedRecord)
    by_table: dict[str, list[uuid.UUID]] = {}
    for entity, entity_id in conn.execute(select(u.c.entity, u.c.entity_id)):
        by_table.setdefault(entity, []).append(entity_id)
    for entity in sorted(by_table, key=table_order):
        for ids in chunks(list(dict.fromkeys(by_table[entity])), CHUNK):  # the first stored sooner
            records = records_of(conn, entity, ids)
            changes = []
            for entity_id in ids:
                record = records.get(entity_id)
                if record is not None:
                    snapshot = f"{entity}:{entity_id}"
                    changes.append(_whole_change(state, entity, entity_id, record, f"s:{snapshot}",
                                                 f"snapshot:{snapshot}", ("", "", None)))
            yield _in_scope(conn, state, changes, top)


def _dedupe(changes: list[Change]) -> list[Change]:
    seen, out = set(), []
    for c in changes:
        key = (c.entity_id, c.field, c.action)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def settle(s: Session, state: SyncState, audit_top: int, origins: list[str], kind: str) -> None:
    """After the server stored them: move the mark, forget sent snapshot records, mark conflicts sent."""
    conn = s.connection()
    state.pushed_audit_id = max(state.pushed_audit_id or 0, audit_top)
    u = table_for(SyncUnpushedRecord)
    c = table_for(SyncConflict)
    sent: dict[str, list[str]] = {}
    conflicts: list[int] = []
    for origin in origins:
        if origin.startswith("snapshot:"):
            _, entity, entity_id = origin.split(":", 2)
            sent.setdefault(entity, []).append(entity_id)
        elif origin.startswith("conflict:"):
            conflicts.append(int(origin.split(":", 1)[1]))
    sqlite = conn.dialect.name == "sqlite"
    # On SQLite the ids are matched as the text it keeps them as (``Uuid``: 32 hex digits), not made into UUIDs.
    column = type_coerce(u.c.entity_id, String) if sqlite else u.c.entity_id
    for entity, texts in sent.items():
        ids: list = [uuid.UUID(t).hex if len(t) != 36 else t.replace("-", "").lower() for t in texts] if sqlite \
            else [uuid.UUID(t) for t in texts]
        for i in range(0, len(ids), CHUNK):
            conn.execute(u.delete().where(u.c.entity == entity, column.in_(ids[i:i + CHUNK])))
    for i in range(0, len(conflicts), CHUNK):
        conn.execute(update(c).where(c.c.id.in_(conflicts[i:i + CHUNK])).values(pushed=True))
    state.last_sync_at = datetime.now(timezone.utc)
    state.last_sync_kind = kind


def remember(state: SyncState, me: LaptopInfo, url: str | None) -> None:
    """Keep what the office says this laptop is (name, districts, package key) and where the server is."""
    if state.laptop_name and state.laptop_name != me.name:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this ledger syncs as laptop {mine}, not as {other}"),
                        where="laptop", mine=state.laptop_name, other=me.name)
    state.laptop_name = me.name
    state.district_ids = ["*"] if me.all_districts else sorted(str(d) for d in me.district_ids)
    if me.package_key:  # read through the laptop's own login: the office's word
        state.package_key = me.package_key
    if url:
        state.server_url = url
