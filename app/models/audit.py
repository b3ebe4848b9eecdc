"""The audit log: every create / update / delete of any record, written by a flush hook in the same transaction."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Enum, Index, String, Text, Uuid, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from app.models.base import Base, Record, utcnow

# Keys of ``Session.info`` the hook reads: the ledger (for its operator), a per-session operator
# override, and a reason stamped on every entry of that session (e.g. why a person was archived).
LEDGER_INFO_KEY = "sasaeai.ledger"
OPERATOR_INFO_KEY = "operator"
REASON_INFO_KEY = "audit_reason"

# Bookkeeping columns: they change on every edit and say nothing the entry's time does not.
_SKIPPED_FIELDS = frozenset({"id", "created_at", "updated_at", "search_key"})


@dataclass(frozen=True)
class Operator:
    """Who is working: chosen at unlock, stamped on every change."""

    name: str
    role: str = ""


class AuditAction(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    ARCHIVE = "archive"  # tombstone set (moved away, facility, died, deleted in the UI)
    RESTORE = "restore"  # tombstone cleared
    DELETE = "delete"  # row removed for good


class AuditEntry(Base):
    """One changed field of one record (or one whole record, for deletes), with who and when."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    operator_name: Mapped[str] = mapped_column(String(200), default="")
    operator_role: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[AuditAction] = mapped_column(
        Enum(AuditAction, native_enum=False, length=10, values_callable=lambda e: [m.value for m in e]))
    entity: Mapped[str] = mapped_column(String(100))  # table name
    entity_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # Whose record it is, when it belongs to a person or a household: the viewer filters by these.
    # No foreign keys: the history must outlive the rows.
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    label: Mapped[str] = mapped_column(String(300), default="")  # the record's name when it changed
    field: Mapped[str | None] = mapped_column(String(100))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")


def as_text(value: object) -> str | None:
    """How a value is written in the log (readable in a CSV, stable across versions)."""
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def record_label(obj: object) -> str:
    for attr in ("name", "label", "code", "title"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value[:300]
    return ""


def _anchors(obj: Record) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    table = obj.__table__.name  # type: ignore[attr-defined]
    person_id = obj.id if table == "person" else getattr(obj, "person_id", None)
    household_id = obj.id if table == "household" else getattr(obj, "household_id", None)
    return (person_id if isinstance(person_id, uuid.UUID) else None,
            household_id if isinstance(household_id, uuid.UUID) else None)


def operator_of(session: Session) -> Operator:
    explicit = session.info.get(OPERATOR_INFO_KEY)
    if isinstance(explicit, Operator):
        return explicit
    ledger = session.info.get(LEDGER_INFO_KEY)
    return getattr(ledger, "operator", None) or Operator("unknown")


def _entry(session: Session, obj: Record, action: AuditAction, field: str | None = None,
           old: object = None, new: object = None) -> AuditEntry:
    operator = operator_of(session)
    person_id, household_id = _anchors(obj)
    return AuditEntry(at=utcnow(), operator_name=operator.name, operator_role=operator.role, action=action,
                      entity=obj.__table__.name, entity_id=obj.id, person_id=person_id,  # type: ignore[attr-defined]
                      household_id=household_id, label=record_label(obj), field=field,
                      old_value=as_text(old), new_value=as_text(new),
                      reason=str(session.info.get(REASON_INFO_KEY, "")))


def _collection_text(objs) -> str:  # noqa: ANN001 - related ORM objects
    return ", ".join(sorted(record_label(o) or str(getattr(o, "id", o)) for o in objs))


def _created(session: Session, obj: Record) -> list[AuditEntry]:
    if obj.id is None:
        obj.id = uuid.uuid4()  # the column default would do the same at flush; the entry needs it now
    state = inspect(obj)
    entries = []
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED_FIELDS:
            continue
        value = state.dict.get(attr.key)
        if value is None or value == "":  # unset fields get their defaults at flush: nothing to tell
            continue
        entries.append(_entry(session, obj, AuditAction.CREATE, attr.key, None, value))
    for rel in state.mapper.relationships:
        if rel.secondary is not None and state.dict.get(rel.key):
            entries.append(_entry(session, obj, AuditAction.CREATE, rel.key, None, _collection_text(state.dict[rel.key])))
    return entries or [_entry(session, obj, AuditAction.CREATE)]


def _updated(session: Session, obj: Record) -> list[AuditEntry]:
    state = inspect(obj)
    entries = []
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED_FIELDS:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if as_text(old) == as_text(new):
            continue
        action = AuditAction.UPDATE
        if attr.key == "deleted_at":
            action = AuditAction.ARCHIVE if new is not None else AuditAction.RESTORE
        entries.append(_entry(session, obj, action, attr.key, old, new))
    for rel in state.mapper.relationships:
        if rel.secondary is None:  # only many-to-many links live outside the records' own columns
            continue
        history = state.attrs[rel.key].history
        if history.added or history.deleted:
            entries.append(_entry(session, obj, AuditAction.UPDATE, rel.key,
                                  _collection_text(history.deleted) or None, _collection_text(history.added) or None))
    return entries


def _before_flush(session: Session, _flush_context, _instances) -> None:  # noqa: ANN001
    entries: list[AuditEntry] = []
    for obj in list(session.new):
        if isinstance(obj, Record):
            entries += _created(session, obj)
    for obj in list(session.dirty):
        if isinstance(obj, Record) and session.is_modified(obj):
            entries += _updated(session, obj)
    for obj in list(session.deleted):
        if isinstance(obj, Record):
            entries.append(_entry(session, obj, AuditAction.DELETE, old=record_label(obj) or None))
    session.add_all(entries)


def install_audit(factory: sessionmaker) -> None:
    """Audit every session the factory makes (every mapped Record class, present and future)."""
    if not event.contains(factory, "before_flush", _before_flush):
        event.listen(factory, "before_flush", _before_flush)


# ---------------------------------------------------------------- bulk writes (Core executemany)
#
# A bulk path (the roster import) that writes with Core statements instead of ORM flushes bypasses
# the hook above; it builds the same entries with these helpers and writes them in the same
# transaction, so the log (and the sync journal that reads it) cannot tell the two paths apart.


def entry_row(session: Session, *, action: AuditAction, entity: str, entity_id: uuid.UUID | None,
              person_id: uuid.UUID | None = None, household_id: uuid.UUID | None = None, label: str = "",
              field: str | None = None, old: object = None, new: object = None) -> dict:
    """One audit entry as a row for ``insert(AuditEntry)``, shaped as the flush hook's ``_entry``."""
    operator = operator_of(session)
    return dict(at=utcnow(), operator_name=operator.name, operator_role=operator.role, action=action,
                entity=entity, entity_id=entity_id, person_id=person_id, household_id=household_id,
                label=label[:300], field=field, old_value=as_text(old), new_value=as_text(new),
                reason=str(session.info.get(REASON_INFO_KEY, "")))


def row_anchors(entity: str, values: dict) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(person_id, household_id) of a record given as column values, as ``_anchors`` does for objects."""
    person_id = values.get("id") if entity == "person" else values.get("person_id")
    household_id = values.get("id") if entity == "household" else values.get("household_id")
    return (person_id if isinstance(person_id, uuid.UUID) else None,
            household_id if isinstance(household_id, uuid.UUID) else None)


def created_rows(session: Session, entity: str, values: dict, *, logged: tuple[str, ...] | None = None) -> list[dict]:
    """The entries of a record created with ``values``: one per field that was set (not None, not ""), as
    the hook writes for a new object. ``logged`` limits them to the fields the ORM path sets explicitly
    (columns left to their defaults are not in the hook's entries either)."""
    person_id, household_id = row_anchors(entity, values)
    base = entry_row(session, action=AuditAction.CREATE, entity=entity, entity_id=values["id"], person_id=person_id,
                     household_id=household_id, label=record_label(_Values(values)))
    fields = [f for f in (logged if logged is not None else values) if f not in _SKIPPED_FIELDS]
    entries = [{**base, "field": f, "new_value": as_text(values[f])}
               for f in fields if values.get(f) is not None and values.get(f) != ""]
    return entries or [base]


def updated_rows(session: Session, entity: str, values: dict, old: dict, new: dict) -> list[dict]:
    """The entries of an update of the record ``values`` (its columns before the change): one per field of
    ``new`` whose text differs from ``old``; ``deleted_at`` becomes archive / restore, as in the hook."""
    person_id, household_id = row_anchors(entity, {**values, **new})
    label = record_label(_Values({**values, **new}))
    entries = []
    for f, value in new.items():
        if f in _SKIPPED_FIELDS or as_text(old.get(f)) == as_text(value):
            continue
        action = AuditAction.UPDATE
        if f == "deleted_at":
            action = AuditAction.ARCHIVE if value is not None else AuditAction.RESTORE
        entries.append(entry_row(session, action=action, entity=entity, entity_id=values["id"], person_id=person_id,
                                 household_id=household_id, label=label, field=f, old=old.get(f), new=value))
    return entries


def collection_text(labels) -> str:  # noqa: ANN001 - iterable of str
    """How a many-to-many change is written (as the hook's ``_collection_text``): sorted labels, comma-separated."""
    return ", ".join(sorted(labels))


class _Values:
    """Column values seen as attributes, so ``record_label`` reads them like an object."""

    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)
