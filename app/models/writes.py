"""The one way rows are written in bulk: inserts, updates, archives, removals and many-to-many links sent
as Core executemany batches, each with its audit entries, in the caller's transaction.

The roster import and the sync applier write through here; edits through the ORM are audited by the
flush hook (app/models/audit.py). Both build their entries with the same functions, so an entry says the
same whichever path made it: who (``Origin``: the operator, or the laptop a change came from), what record,
which field, old and new.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from app.models.audit import (
    AuditEntry,
    Origin,
    collection_entry,
    created_entries,
    deleted_entry,
    updated_entries,
)
from app.models.base import utcnow

BATCH = 1000  # rows per statement: a cancel (checked once per statement) and progress stay responsive

# A table, or a mapped class (its ``__table__``).
Target = Table | type[Any]


def table_of(target: Target) -> Table:
    return target if isinstance(target, Table) else cast(Table, target.__table__)


@dataclass(frozen=True)
class RowChange:
    """New values for some fields of one row. ``record`` is the row as it is now: its ``id``, the old values
    of the changed fields, and what names it and ties it to a person or household (``name``, ``person_id``,
    ``household_id``) when it has them."""

    record: Mapping[str, object]
    new: Mapping[str, object]

    @property
    def id(self) -> uuid.UUID:
        return self.record["id"]  # type: ignore[return-value]


@dataclass(frozen=True)
class LinkChange:
    """Labels added to (or removed from) a many-to-many collection of a record, e.g. a household's categories."""

    entity: str
    record: Mapping[str, object]
    field: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


class Writes:
    """Rows to write and the audit entries they leave, sent in the order they were given.

    Build it with ``insert`` / ``update`` / ``archive`` / ``delete`` / ``link``, then ``send``. A caller that
    must read its own writes at once (the sync applier) sends after each step with ``audit=False`` and sends
    the audit entries once at the end.
    """

    def __init__(self, session: Session, origin: Origin | None = None) -> None:
        self.session = session
        self.origin = origin or Origin.of(session)
        self._steps: list[tuple[Executable, list[dict]]] = []
        self.entries: list[dict] = []

    def __len__(self) -> int:
        """Rows still to send, data and audit entries."""
        return sum(len(rows) for _, rows in self._steps) + len(self.entries)

    def insert(self, target: Target, rows: Iterable[Mapping[str, object]], *, origin: Origin | None = None,
               logged: Iterable[str] | None = None) -> Writes:
        """New rows (every column's value given, the id included); ``logged`` limits the entries to those fields."""
        origin = origin or self.origin
        table = table_of(target)
        values = [dict(r) for r in rows]
        fields = tuple(logged) if logged is not None else None
        for r in values:
            self.entries += created_entries(origin, table.name, r, logged=fields)
        self._steps.append((insert(table), values))
        return self

    def update(self, target: Target, changes: Iterable[RowChange], *, origin: Origin | None = None) -> Writes:
        """Only changes that change something are written; ``updated_at`` is set as the ORM sets it."""
        origin = origin or self.origin
        table = table_of(target)
        groups: dict[tuple[str, ...], list[dict]] = {}
        for change in changes:
            entries = updated_entries(origin, table.name, change.record, change.record, change.new)
            if not entries:
                continue
            self.entries += entries
            row = {**change.new, "updated_at": origin.at or utcnow(), "_id": change.id}
            groups.setdefault(tuple(sorted(row)), []).append(row)
        for rows in groups.values():  # one statement per set of columns (executemany needs the same ones)
            self._steps.append((update(table).where(table.c.id == bindparam("_id")), rows))
        return self

    def archive(self, target: Target, records: Iterable[Mapping[str, object]], *, at: datetime | None = None,
                origin: Origin | None = None) -> Writes:
        """Tombstones: ``deleted_at`` set, the rows kept (their history stays with them)."""
        origin = origin or self.origin
        when = at or origin.at or utcnow()
        return self.update(target, [RowChange(r, {"deleted_at": when}) for r in records], origin=origin)

    def delete(self, target: Target, records: Iterable[Mapping[str, object]], *, origin: Origin | None = None) -> Writes:
        """Rows removed for good (only a sync does this: another laptop removed them)."""
        origin = origin or self.origin
        table = table_of(target)
        gone = list(records)
        self.entries += [deleted_entry(origin, table.name, r) for r in gone]
        self._steps.append((delete(table).where(table.c.id == bindparam("_id")), [{"_id": r["id"]} for r in gone]))
        return self

    def link(self, target: Target, rows: Iterable[Mapping[str, object]], changes: Iterable[LinkChange], *,
             origin: Origin | None = None) -> Writes:
        """Rows of a many-to-many table; ``changes`` say what they add to which record (its audit entries)."""
        origin = origin or self.origin
        self.entries += [collection_entry(origin, c.entity, c.record, c.field, c.removed, c.added) for c in changes]
        self._steps.append((insert(table_of(target)), [dict(r) for r in rows]))
        return self

    def note(self, entries: Iterable[dict]) -> Writes:
        """Entries for a write made another way (e.g. the sync's categories, set with their own statements)."""
        self.entries += list(entries)
        return self

    def send(self, progress: Callable[[int, int], None] | None = None, *, audit: bool = True) -> None:
        """Execute what was collected, data first and then (with ``audit``) the entries; ``progress(done,
        total)`` after each batch. An error (or a cancel raised from ``progress``) propagates: the caller's
        transaction rolls back data and entries together."""
        self.session.flush()  # pending ORM changes go first (and are audited by the hook)
        steps, self._steps = self._steps, []
        if audit:
            steps.append((insert(table_of(AuditEntry)), self.entries))
            self.entries = []
        total, done = sum(len(rows) for _, rows in steps), 0
        for statement, rows in steps:
            for i in range(0, len(rows), BATCH):
                batch = rows[i:i + BATCH]
                self.session.execute(statement, batch)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        if total:
            self.session.expire_all()  # ORM objects loaded before must not hide what was written


def insert_rows(session: Session, table: Target, rows: Iterable[Mapping[str, object]], origin: Origin | None = None,
                *, logged: Iterable[str] | None = None) -> None:
    """Insert ``rows`` into ``table`` with their audit entries (``origin``: the session's operator by default)."""
    Writes(session, origin).insert(table, rows, logged=logged).send()


def update_rows(session: Session, table: Target, changes: Iterable[RowChange], origin: Origin | None = None) -> None:
    """Apply ``changes`` to ``table`` with their audit entries (one per changed field)."""
    Writes(session, origin).update(table, changes).send()


def archive_rows(session: Session, table: Target, records: Iterable[Mapping[str, object]],
                 origin: Origin | None = None, *, at: datetime | None = None) -> None:
    """Archive ``records`` (each with its ``id`` and name / anchors) with their archive entries."""
    Writes(session, origin).archive(table, records, at=at).send()
