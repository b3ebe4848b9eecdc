"""Applying the changes other laptops made to this ledger, with the conflict rules: a value changed
here too is never overwritten (a conflict keeps the other one), a taken map number is renumbered."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from app.models import AuditAction, AuditEntry, Base
from app.models.audit import operator_of
from app.models.sync import SyncConflict, SyncPulledRange, SyncState, SyncUnpushedRecord
from app.sync.core import (
    BOOKKEEPING,
    SYNCED_TABLES,
    Change,
    delete_record,
    dumps,
    insert_records,
    table_of,
    update_record,
)
from app.sync.journal import audit_row, max_audit, pending, record_of
from app.sync.views import Progress, SyncReport


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
        self.pending = pending(self.conn, state.pushed_audit_id or 0)
        self.audit: list[dict] = []
        self.renumber_audit: list[dict] = []
        self.report = SyncReport()

    # conflicts ---------------------------------------------------------------------------------------
    def conflict(self, c: Change, kind: str, name: str | None, local: object, remote: object) -> None:
        t = SyncConflict.__table__
        entry = self.pending.fields.get(c.entity_id, {}).get(name or "", None)
        record = record_of(self.conn, c.entity, c.entity_id) or {}
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
            local_audit_id=max_audit(self.conn), detected_at=datetime.now(timezone.utc), resolved_by="",
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
                self.conflict(c, "deleted", None, record_of(self.conn, c.entity, c.entity_id), None)
            elif delete_record(self.conn, c.entity, c.entity_id):
                self.audit.append(audit_row(c, AuditAction.DELETE, None, None, None, None, reason))
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
        local = record_of(self.conn, c.entity, c.entity_id)
        if local is None:
            if c.entity == "household":
                self.free_map_number(c, uuid.UUID(record["town_id"]), record["map_number"])
            insert_records(self.conn, c.entity, [record])
            self.audit.append(audit_row(c, AuditAction.CREATE, record, None, None, None, reason))
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
        record = record if record is not None else record_of(self.conn, c.entity, c.entity_id)
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
        self.audit.append(audit_row(c, action, record, name, local, value, reason))
        self.report.applied += 1
        if archived_here:  # edited there while archived here: the archive waits for the user
            self.conflict(c, "edit_on_archived", "deleted_at", record.get("deleted_at"), None)

    def finish(self, audit_before: int) -> None:
        a = AuditEntry.__table__
        for i in range(0, len(self.audit), 5000):
            self.conn.execute(insert(a), self.audit[i:i + 5000])
        top = max_audit(self.conn)
        if top > audit_before:
            self.conn.execute(insert(SyncPulledRange.__table__).values(first_audit_id=audit_before + 1,
                                                                       last_audit_id=top))
        if self.renumber_audit:  # our renumbering is a change of ours: sent at the next push
            self.conn.execute(insert(a), self.renumber_audit)


def apply_pulled(s: Session, state: SyncState, changes: list[Change], progress: Progress) -> SyncReport:
    """Apply the received changes in order, in the caller's transaction; the report counts what was done."""
    applier = _Applier(s, state)
    before = max_audit(applier.conn)
    total = len(changes)
    for n, c in enumerate(changes, start=1):
        applier.apply(c)
        if n % 1000 == 0:
            progress("apply", n, total)
    applier.finish(before)
    applier.report.received = total
    return applier.report
