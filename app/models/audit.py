"""The audit log: every create / update / delete of any record, written by a flush hook in the same transaction."""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Iterable, Mapping
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
SKIPPED_FIELDS = frozenset({"id", "created_at", "updated_at", "search_key"})


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
    """One changed field of one record (or one whole record, for creates and deletes), with who and when."""

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


@dataclass(frozen=True)
class Origin:
    """Who a write is recorded as, and why: a local edit or import (the session's operator), or a change
    received from another laptop (its operator, its time, "sync: <laptop>")."""

    operator: Operator
    reason: str = ""
    at: datetime | None = None  # None: the moment each entry is made

    @classmethod
    def of(cls, session: Session, reason: str | None = None) -> Origin:
        """A local write: the session's operator and reason (``REASON_INFO_KEY``), unless ``reason`` is given."""
        return cls(operator_of(session), str(session.info.get(REASON_INFO_KEY, "")) if reason is None else reason)


_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False) makes one per call


def as_text(value: object) -> str | None:
    """How a value is written in the log (readable in a CSV, stable across versions)."""
    kind = type(value)
    if kind is str:  # most values (a roster writes tens of thousands): as ``str(value)`` below, without the tests
        return value  # type: ignore[return-value]
    if value is None:
        return None
    if kind is int:
        return str(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return _JSON(value)
    return str(value)


def _get(record: object, key: str) -> object:
    """A field of a record given as an ORM object or as column values."""
    if type(record) is dict or isinstance(record, Mapping):  # a plain dict first: the ABC check is the slow part
        return record.get(key)
    return getattr(record, key, None)


def record_label(record: object) -> str:
    """The record's name when it changed: its name, label, code or title, whichever it has."""
    for attr in ("name", "label", "code", "title"):
        value = _get(record, attr)
        if isinstance(value, str) and value:
            return value[:300]
    return ""


def _as_id(value: object) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str) and value:  # a record in its JSON form (sync)
        try:
            return uuid.UUID(value)
        except ValueError:
            return None
    return None


def anchors(entity: str, entity_id: uuid.UUID | None, record: object) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(person_id, household_id) the entry belongs to: the record itself, or the person / household it points at."""
    person_id = entity_id if entity == "person" else _as_id(_get(record, "person_id"))
    household_id = entity_id if entity == "household" else _as_id(_get(record, "household_id"))
    return person_id, household_id


def operator_of(session: Session) -> Operator:
    explicit = session.info.get(OPERATOR_INFO_KEY)
    if isinstance(explicit, Operator):
        return explicit
    ledger = session.info.get(LEDGER_INFO_KEY)
    return getattr(ledger, "operator", None) or Operator("unknown")


# ---------------------------------------------------------------- what an entry holds (every write path)
#
# The flush hook below, the batch writes (app/models/writes.py: the roster import, the sync applier) and
# the sync's conflict resolution all build their entries with these functions, so the log (and the sync
# journal that reads it) cannot tell the paths apart.


def audit_row(origin: Origin, action: AuditAction, entity: str, entity_id: uuid.UUID | None, record: object = None,
              field: str | None = None, old: object = None, new: object = None) -> dict:
    """One audit entry as a row for ``insert(AuditEntry)``; ``record`` (an object or its column values) gives
    the label and the person / household the entry belongs to."""
    person_id, household_id = anchors(entity, entity_id, record)
    return dict(at=origin.at or utcnow(), operator_name=origin.operator.name, operator_role=origin.operator.role,
                action=action, entity=entity, entity_id=entity_id, person_id=person_id, household_id=household_id,
                label=record_label(record), field=field, old_value=as_text(old), new_value=as_text(new),
                reason=origin.reason)


def collection_text(labels: Iterable[str]) -> str:
    """How a many-to-many change is written: sorted labels, comma-separated."""
    return ", ".join(sorted(labels))


# A created record is one entry: ``field`` is this marker and ``new_value`` a JSON object of field → text (as
# ``as_text`` writes it), in the order the fields were set. Readers show it as the one-entry-per-field rows a
# ledger made before this keeps (``expand_created``), so the history reads the same either way.
CREATED_FIELDS = "*"


def created_entries(origin: Origin, entity: str, values: Mapping[str, object], *, record: object = None,
                    logged: Iterable[str] | None = None,
                    collections: Mapping[str, Iterable[str]] | None = None) -> list[dict]:
    """The entry of a record created with ``values``: every field that was set (not None, not "") and every
    many-to-many collection (its labels), as one entry (``CREATED_FIELDS``); a bare entry when nothing was
    set. ``logged`` limits them to those fields (columns left to their defaults say nothing)."""
    record = values if record is None else record
    base = audit_row(origin, AuditAction.CREATE, entity, _as_id(values.get("id")), record)
    fields: dict[str, str | None] = {}
    for f in (values if logged is None else logged):
        value = values.get(f)
        if f in SKIPPED_FIELDS or value is None or (isinstance(value, str) and value == ""):
            continue
        fields[f] = as_text(value)
    for f, labels in (collections or {}).items():
        fields[f] = collection_text(labels)
    if not fields:
        return [base]
    return [{**base, "field": CREATED_FIELDS, "new_value": _JSON(fields)}]


def expand_created(field: str | None, new_value: str | None) -> list[tuple[str | None, str | None]]:
    """(field, new value) pairs an entry stands for, in the order they were set: those of a created record's one
    entry (``CREATED_FIELDS``), or the entry's own pair. The text is data (it may have come in a sync package):
    anything but a JSON object of texts reads as the entry's own pair, never raises."""
    if field != CREATED_FIELDS or not new_value:
        return [(field, new_value)]
    try:
        fields = json.loads(new_value)
    except (ValueError, RecursionError):
        return [(field, new_value)]
    if not isinstance(fields, dict) or not fields:
        return [(field, new_value)]
    return [(str(f), v if v is None or isinstance(v, str) else _JSON(v))
            for f, v in fields.items()]


def updated_entries(origin: Origin, entity: str, record: object, old: Mapping[str, object],
                    new: Mapping[str, object]) -> list[dict]:
    """The entries of an update: one per field of ``new`` whose text differs from ``old``; ``deleted_at``
    becomes archive (set) or restore (cleared). ``record`` gives the id, the label and the anchors."""
    base: dict | None = None
    entries = []
    for f, value in new.items():
        old_text, new_text = as_text(old.get(f)), as_text(value)
        if f in SKIPPED_FIELDS or old_text == new_text:
            continue
        if base is None:  # the record's part of the entries, made once (a roster updates thousands)
            label_source = {**record, **new} if isinstance(record, Mapping) else record
            base = audit_row(origin, AuditAction.UPDATE, entity, _as_id(_get(record, "id")), label_source)
        action = AuditAction.UPDATE
        if f == "deleted_at":
            action = AuditAction.ARCHIVE if value is not None else AuditAction.RESTORE
        entries.append({**base, "action": action, "field": f, "old_value": old_text, "new_value": new_text})
    return entries


def collection_entry(origin: Origin, entity: str, record: object, field: str, removed: Iterable[str] = (),
                     added: Iterable[str] = ()) -> dict:
    """A many-to-many change of a record (e.g. a household's categories): the labels removed and added."""
    return audit_row(origin, AuditAction.UPDATE, entity, _as_id(_get(record, "id")), record, field,
                     collection_text(removed) or None, collection_text(added) or None)


def deleted_entry(origin: Origin, entity: str, record: object) -> dict:
    """A record removed for good: its name is the old value."""
    return audit_row(origin, AuditAction.DELETE, entity, _as_id(_get(record, "id")), record,
                     old=record_label(record) or None)


# ---------------------------------------------------------------- the flush hook (ORM edits)


def _labels(objs) -> list[str]:  # noqa: ANN001 - related ORM objects
    return [record_label(o) or str(getattr(o, "id", o)) for o in objs]


def _created(origin: Origin, obj: Record) -> list[dict]:
    if obj.id is None:
        obj.id = uuid.uuid4()  # the column default would do the same at flush; the entry needs it now
    state = inspect(obj)
    values = {attr.key: state.dict.get(attr.key) for attr in state.mapper.column_attrs}
    collections = {rel.key: _labels(state.dict[rel.key]) for rel in state.mapper.relationships
                   if rel.secondary is not None and state.dict.get(rel.key)}
    return created_entries(origin, obj.__table__.name, values, record=obj,  # type: ignore[attr-defined]
                           collections=collections)


def _updated(origin: Origin, obj: Record) -> list[dict]:
    state = inspect(obj)
    old: dict[str, object] = {}
    new: dict[str, object] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            old[attr.key] = history.deleted[0] if history.deleted else None
            new[attr.key] = history.added[0] if history.added else None
    entity = obj.__table__.name  # type: ignore[attr-defined]
    entries = updated_entries(origin, entity, obj, old, new)
    for rel in state.mapper.relationships:
        if rel.secondary is None:  # only many-to-many links live outside the records' own columns
            continue
        history = state.attrs[rel.key].history
        if history.added or history.deleted:
            entries.append(collection_entry(origin, entity, obj, rel.key, _labels(history.deleted),
                                            _labels(history.added)))
    return entries


def _before_flush(session: Session, _flush_context, _instances) -> None:  # noqa: ANN001
    origin = Origin.of(session)
    rows: list[dict] = []
    for obj in list(session.new):
        if isinstance(obj, Record):
            rows += _created(origin, obj)
    for obj in list(session.dirty):
        if isinstance(obj, Record) and session.is_modified(obj):
            rows += _updated(origin, obj)
    for obj in list(session.deleted):
        if isinstance(obj, Record):
            rows.append(deleted_entry(origin, obj.__table__.name, obj))  # type: ignore[attr-defined]
    session.add_all([AuditEntry(**row) for row in rows])


_AUDITED = "_sasaeai_audited"  # set on a sessionmaker once its sessions are audited


def install_audit(factory: sessionmaker) -> None:
    """Audit every session the factory makes (every mapped Record class, present and future).

    Whether it is done is marked on the factory itself, not asked of ``event.contains``: SQLAlchemy keys
    that registry by the factory's ``id()`` and keeps the key after the factory is gone, so a new factory
    at the address of any earlier ledger's one was taken as audited; that ledger's edits left no entries
    and were never sent at a sync (the sync tests' flake, in long runs that open many ledgers).
    """
    if getattr(factory, _AUDITED, False):
        return
    event.listen(factory, "before_flush", _before_flush)
    setattr(factory, _AUDITED, True)
