"""The conflicts a sync left for the user: both values side by side, and keeping one of them."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.models import AuditAction, AuditEntry
from app.models.audit import operator_of
from app.models.sync import SyncConflict, SyncPulledRange
from app.models.writes import table_of
from app.sync.core import Change, aware, delete_record, field_value, update_record
from app.sync.journal import audit_row, max_audit, record_exists, record_of
from app.sync.views import CONFLICT_KINDS, ConflictView


def _view(conn: Connection, r) -> ConflictView:  # noqa: ANN001 - a SyncConflict row
    local = json.loads(r.local_value) if r.local_value is not None else None
    if r.resolution is None and r.kind not in ("deleted", "renumbered") and record_exists(conn, r.entity, r.entity_id):
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
        before = max_audit(conn)
        remote = json.loads(conflict.remote_value) if conflict.remote_value is not None else None
        change = Change(uuid.uuid4(), conflict.entity, conflict.entity_id, conflict.field, "update",
                        conflict.remote_value, operator.name, operator.role, datetime.now(timezone.utc),
                        laptop_name=conflict.remote_laptop)
        reason = f"sync conflict: took the value from {conflict.remote_laptop}"
        if conflict.kind == "deleted":
            if delete_record(conn, conflict.entity, conflict.entity_id):
                conn.execute(insert(table_of(AuditEntry)),
                             [audit_row(change, AuditAction.DELETE, None, None, None, None, reason)])
        else:
            record = record_of(conn, conflict.entity, conflict.entity_id)
            if record is not None:
                update_record(conn, conflict.entity, conflict.entity_id, {conflict.field: remote}, change.at)
                action = AuditAction.UPDATE
                if conflict.field == "deleted_at":
                    action = AuditAction.ARCHIVE if remote is not None else AuditAction.RESTORE
                conn.execute(insert(table_of(AuditEntry)), [audit_row(change, action, record, conflict.field,
                                                                      record.get(conflict.field), remote, reason)])
        top = max_audit(conn)
        if top > before:  # the server has this value already: not a change to send
            conn.execute(insert(table_of(SyncPulledRange)).values(first_audit_id=before + 1, last_audit_id=top))
    conflict.resolution = choice
    conflict.resolved_at = datetime.now(timezone.utc)
    conflict.resolved_by = operator.name
    conflict.local_audit_id = max_audit(conn)
    session.flush()
    return _view(conn, session.execute(select(SyncConflict.__table__).where(
        SyncConflict.__table__.c.id == conflict_id)).one())


# --- conflicts settled by a fixed rule, never shown (issue 16: no conflict dialog in the middle of a disaster) ---
# Safety-check events are only ever inserted with new ids, so they never conflict (which one shows is
# app/safety/incidents.py ``latest_key``). The incident row can: both laptops close it, or rename it. The
# earliest close stays; any other field keeps the value that reached the office first.
RULE_TABLES = frozenset({"incident", "safety_event"})


def _instant(value: object) -> datetime | None:
    return aware(datetime.fromisoformat(value)) if isinstance(value, str) else None


def rule_choice(entity: str, name: str | None, local: object, remote: object) -> str | None:
    """"mine" or "theirs" by the fixed rule of ``entity``; None when the user decides (every other table)."""
    if entity not in RULE_TABLES:
        return None
    if entity == "incident" and name == "closed_at":
        mine, theirs = _instant(local), _instant(remote)
        return "mine" if mine is not None and (theirs is None or mine < theirs) else "theirs"
    return "theirs"


def settle_by_rule(session: Session) -> int:
    """Resolve every open conflict of RULE_TABLES by its rule, in the caller's transaction; how many were."""
    settled = 0
    for conflict in list_conflicts(session):
        choice = rule_choice(conflict.entity, conflict.field, conflict.local_value, conflict.remote_value)
        if choice is not None:
            resolve_conflict(session, conflict.id, choice)
            settled += 1
    return settled
