"""The one way rows are written in bulk: inserts, updates, archives, removals and many-to-many links sent
as executemany batches, each with its audit entries, in the caller's transaction (new rows and the entries
as plain tuples through the driver, ``insert_plain``; updates and removals as Core statements).

The roster import and the sync applier write through here; edits through the ORM are audited by the
flush hook (app/models/audit.py). Both build their entries with the same functions, so an entry says the
same whichever path made it: who (``Origin``: the operator, or the laptop a change came from), what record,
which field, old and new.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, update
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
        # A Table: plain rows inserted by ``insert_plain``; a statement: executed with its rows (executemany).
        self._steps: list[tuple[Executable | Table, list[dict]]] = []
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
        self._steps.append((table, values))
        return self

    def rows(self, target: Target, rows: Iterable[Mapping[str, object]], entries: Iterable[Mapping] = ()) -> Writes:
        """Plain new rows of any table, written as given, and the audit entries they leave (rows for
        ``AuditEntry``, made with ``created_entries`` / ``audit_row``; none: the caller notes them itself).

        The bulk step: the rows go through ``insert_plain`` (one ``executemany`` of plain tuples a batch), not
        through the ORM. Use it when the caller has built the entries already, or the rows leave none of their
        own (a many-to-many table's rows, whose change is one entry of the record's)."""
        self.entries += [dict(e) for e in entries]
        self._steps.append((table_of(target), [dict(r) for r in rows]))
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
        self._steps.append((table_of(target), [dict(r) for r in rows]))
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
            steps.append((table_of(AuditEntry), self.entries))
            self.entries = []
        total, done = sum(len(rows) for _, rows in steps), 0
        connection = self.session.connection() if any(isinstance(s, Table) for s, _ in steps) else None
        for statement, rows in steps:
            for i in range(0, len(rows), BATCH):
                batch = rows[i:i + BATCH]
                if isinstance(statement, Table):
                    insert_plain(cast(Connection, connection), statement, batch)
                else:
                    self.session.execute(statement, batch)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        if total:
            self.session.expire_all()  # ORM objects loaded before must not hide what was written


@contextmanager
def large_cache(session: Session, kib: int = 65_536) -> Iterator[None]:
    """SQLite's page cache raised to ``kib`` for a large batch of writes or work over the whole ledger, then put
    back.

    Every new row adds to the audit log's indexes (its record, person and household ids are random UUIDs, so
    each lands on a page of its own); with the default 8 MB the encrypted ledger spills and decrypts those
    pages again and again: 300,000 entries took 28 s raw, 13–15 s with 64–200 MB. Reads over the whole ledger
    gain as much (the hazard exposures of 50,000 households beside their homes: half the CPU). The memory is the
    connection's, and given back after."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000  # SQLite's own default
    connection.exec_driver_sql(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def insert_plain(connection: Connection, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert ``rows`` (dicts of column values, as for ``insert(table)``), in their order, with one
    ``executemany`` of plain tuples per run of rows with the same columns, through the driver: each value
    goes through its column type's bind processor (as Core does), with no statement compiled per call and no
    parameter dict built per row.

    Rows that leave out a column with a Python-side default (Core would fill it in) go through Core instead."""
    if not rows:
        return
    dialect = connection.dialect
    preparer = dialect.identifier_preparer
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    groups: list[tuple[tuple[str, ...], list[Mapping[str, object]]]] = []  # runs of rows with the same columns
    for r in rows:
        names = tuple(r)
        if groups and groups[-1][0] == names:
            groups[-1][1].append(r)
        else:
            groups.append((names, [r]))
    for names, group in groups:  # in the rows' order (the audit log's numbers follow it)
        given = set(names)
        if any(c.default is not None and c.name not in given for c in table.columns):
            connection.execute(insert(table), [dict(r) for r in group])
            continue
        columns = [table.c[n] for n in names]
        processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
        sql = (f"INSERT INTO {preparer.format_table(table)} ({', '.join(preparer.format_column(c) for c in columns)}) "
               f"VALUES ({', '.join([mark] * len(columns))})")
        # Column by column (``map`` runs each processor over a column without a Python frame per value).
        values = [[r[n] for r in group] for n in names]
        values = [v if p is None else list(map(p, v)) for v, p in zip(values, processors, strict=True)]
        connection.exec_driver_sql(sql, list(zip(*values, strict=True)))


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
