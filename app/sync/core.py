"""What laptops and the office server share for sync: the change record, how values travel (JSON),
which district a row is in (SQL both databases run), and writing one change into a database."""

from __future__ import annotations

import dataclasses
import enum
import functools
import itertools
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, cast, overload

from sqlalchemy import (
    Connection,
    PrimaryKeyConstraint,
    Table,
    TextClause,
    UniqueConstraint,
    bindparam,
    delete,
    insert,
    select,
    text,
    update,
)
from sqlalchemy import types as sqltypes

from app.core.text import search_key
from app.models import Base
from app.models.entities import household_category_link
from app.models.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models.sync import CITY_WIDE, DISTRICT_PATHS

SYNCED_TABLES: tuple[str, ...] = tuple(DISTRICT_PATHS) + CITY_WIDE
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "search_key"})
CATEGORIES = "categories"  # households' categories travel as one field: the list of category ids
SEARCH_KEYS = {"household": ("name", "address"), "person": ("name", "kana"), "watcher": ("name", "kana"),
               "agency": ("name", "kana", "address", "phone")}
NO_LAPTOP = uuid.UUID(int=0)  # a journal row's laptop until the server's trigger stamps the sender
ADVISORY_LOCK = 7250301  # serialises journal writers, so sequence numbers become visible in order


class SyncError(LedgerError):
    """A sync could not be done (no server, not registered, a bad package); nothing was half-applied."""


class StalePush(Exception):
    """The server has newer changes to the same fields: pull them first (becomes conflicts)."""


@dataclass
class Change:
    """One change to one record: a field's new value, or a whole record (create), or its removal."""

    change_id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    field: str | None
    action: str  # create / update / archive / restore / delete
    value: str | None  # JSON text
    operator_name: str = ""
    operator_role: str = ""
    # dataclasses.field spelled out: the attribute `field` above shadows the bare name for type checkers
    at: datetime = dataclasses.field(default_factory=lambda: datetime.now(timezone.utc))
    district_id: uuid.UUID | None = None
    base_seq: int = 0
    seq: int = 0  # set by the server
    laptop_name: str = ""  # set by the server
    origin: str = ""  # on the laptop: which bookkeeping the change settles once sent
    # A create made here: the record ``value`` was dumped from, so sending it does not parse it back (never
    # changed after; ``record()`` hands out a copy). Not compared: ``value`` says the same.
    made_from: dict[str, Any] | None = dataclasses.field(default=None, repr=False, compare=False)

    def decoded(self) -> object:
        return json.loads(self.value) if self.value is not None else None

    def record(self) -> dict[str, Any]:
        """A create's value: the whole record (JSON form)."""
        if self.made_from is not None:
            return dict(self.made_from)
        return cast(dict[str, Any], self.decoded())

    def as_row(self) -> dict:
        return dict(change_id=self.change_id, entity=self.entity, entity_id=self.entity_id, field=self.field,
                    action=self.action, value=self.value, district_id=self.district_id, base_seq=self.base_seq,
                    operator_name=self.operator_name, operator_role=self.operator_role, at=self.at,
                    laptop_id=NO_LAPTOP, laptop_name="")  # laptop fields: the server's trigger sets them


def table_of(entity: str) -> Table:
    if entity not in SYNCED_TABLES:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "{entity} is not a table that syncs"), where="entity", entity=entity)
    return Base.metadata.tables[entity]


@functools.cache
def _table_orders() -> dict[str, int]:
    return {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}


def table_order(entity: str) -> int:
    """Parents before children (creates in this order, removals in the reverse)."""
    return _table_orders()[entity]


def bulk_insert(conn: Connection, table: Table, rows: list[dict], *, batch: int = 2000, suffix: str = "",
                json_form: bool = False, texts: list[str] | None = None) -> None:
    """Insert rows on PostgreSQL as one statement per ``batch`` rows, each with a single parameter (the rows
    as a JSON array, read back with ``jsonb_populate_recordset`` in their order): the policies' subplans and
    the statement triggers run once per statement, and the driver has no 25,000 placeholders to parse.

    ``json_form``: the rows are records in their JSON form (``row_json``), which PostgreSQL reads as they
    are: no value goes through a bind processor (keys that are not columns are left out). ``texts``: with
    ``json_form``, each row's JSON text already made (``dumps`` of it): sent as it is, not encoded again."""
    if not rows:
        return
    names = [k for k in dict.fromkeys(itertools.chain.from_iterable(rows)) if not json_form or k in table.c]
    listed = ", ".join(f'"{k}"' for k in names)
    sql = text(f'INSERT INTO {table.name} ({listed}) SELECT {listed} FROM jsonb_populate_recordset('
               f'NULL::{table.name}, CAST(:rows AS jsonb)) WITH ORDINALITY AS r ORDER BY r.ordinality {suffix}')
    for i in range(0, len(rows), batch):
        if texts is not None:  # the rows' own JSON text, as PostgreSQL reads it
            conn.execute(sql, {"rows": "[" + ",".join(texts[i:i + batch]) + "]"})
        elif json_form:
            conn.execute(sql, {"rows": json.dumps([{k: r.get(k) for k in names} for r in rows[i:i + batch]],
                                                  ensure_ascii=False, default=str)})
        else:
            conn.execute(sql, {"rows": _rows_json(conn, table, names, rows[i:i + batch])})


def _rows_json(conn: Connection, table: Table, names: list[str], rows: list[dict]) -> str:
    """Rows of Python values as the one JSON parameter ``jsonb_populate_recordset`` reads: each value through
    its column's bind processor (an enum's name, say), then as JSON (times and ids as their text)."""
    pairs = [(k, None if isinstance(table.c[k].type, sqltypes.JSON) else table.c[k].type.bind_processor(conn.dialect))
             for k in names]
    data = []
    for r in rows:
        out = {}
        for k, proc in pairs:
            v = r.get(k)
            out[k] = proc(v) if proc is not None and v is not None else v
        data.append(out)
    return json.dumps(data, ensure_ascii=False, default=str)


def update_rows(conn: Connection, table: Table, rows: list[dict], *, batch: int = 2000) -> set:
    """Set columns of many rows of one table by id (Python values; every row has the same keys, ``id`` among
    them, and each id comes once). Returns the ids found (on the server: the rows the role may change).

    On PostgreSQL one ``UPDATE ... FROM`` per ``batch`` rows, the rows as one JSON parameter (as ``bulk_insert``):
    the row-level-security policy's subplans run once per statement, not once per row. Elsewhere one statement
    per row."""
    if not rows:
        return set()
    names = [k for k in rows[0] if k != "id"]
    found: set = set()
    if conn.dialect.name != "postgresql":
        for r in rows:
            if conn.execute(update(table).where(table.c.id == r["id"]).values({k: r[k] for k in names})).rowcount:
                found.add(r["id"])
        return found
    assigned = ", ".join(f'"{k}" = r."{k}"' for k in names)
    sql = text(f"UPDATE {table.name} AS t SET {assigned} FROM jsonb_populate_recordset(NULL::{table.name}, "
               f"CAST(:rows AS jsonb)) AS r WHERE t.id = r.id RETURNING t.id")
    for i in range(0, len(rows), batch):
        found.update(conn.execute(sql, {"rows": _rows_json(conn, table, ["id", *names], rows[i:i + batch])}).scalars())
    return found


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def encode(column, value: object) -> object:  # noqa: ANN001 - a Column
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):  # one spelling for one instant: SQLite drops the zone, PostgreSQL uses its own
        return aware(value).astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(column, value: object) -> object:  # noqa: ANN001 - a Column
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, sqltypes.Uuid):
        return uuid.UUID(str(value))
    if isinstance(kind, sqltypes.DateTime):
        parsed = datetime.fromisoformat(str(value))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    if isinstance(kind, sqltypes.Date):
        return date.fromisoformat(str(value))
    if isinstance(kind, sqltypes.Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, sqltypes.Boolean):
        return bool(value)
    return value


@overload
def aware(value: datetime) -> datetime: ...
@overload
def aware(value: None) -> None: ...
@overload
def aware(value: datetime | None) -> datetime | None: ...
def aware(value: datetime | None) -> datetime | None:
    """SQLite gives timestamps back without their zone; every stored one is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def row_encoder(column):  # noqa: ANN001, ANN201 - a Column; what ``encode`` does for its type, chosen once (None: as is)
    kind = column.type
    if isinstance(kind, (sqltypes.String, sqltypes.Integer, sqltypes.Boolean, sqltypes.Float, sqltypes.JSON)) and not (
            isinstance(kind, sqltypes.Enum)):
        return None  # str, int, bool, float, JSON values: encode gives them back as they are
    if isinstance(kind, sqltypes.Uuid):
        return lambda v: str(v) if isinstance(v, uuid.UUID) else encode(column, v)
    return functools.partial(encode, column)


@functools.cache
def row_encoders(table: Table) -> tuple:
    """Per column (in the table's order): its key and what ``encode`` does for its type (None: as is)."""
    return tuple((c.key, row_encoder(c)) for c in table.columns)


def row_json(table: Table, row) -> dict:  # noqa: ANN001 - a Row mapping
    """A row in its JSON form: what ``encode`` makes of each column (the encoder chosen once per column)."""
    return {k: v if fn is None or v is None else fn(v) for k, fn in row_encoders(table) for v in (row[k],)}


def _as_bool(value: object) -> bool:
    return bool(value)


def _decoder(column):  # noqa: ANN001, ANN202 - a Column; what ``decode`` does for its type, chosen once
    kind = column.type
    if isinstance(kind, sqltypes.Uuid):
        return lambda v: uuid.UUID(str(v))
    if isinstance(kind, (sqltypes.DateTime, sqltypes.Date)) or (
            isinstance(kind, sqltypes.Enum) and kind.enum_class is not None):
        return functools.partial(decode, column)
    if isinstance(kind, sqltypes.Boolean):
        return _as_bool
    return None


@functools.cache
def _decoders(table: Table) -> dict:
    return {c.key: _decoder(c) for c in table.columns}


def decode_row(table: Table, data: dict) -> dict:
    decoders = _decoders(table)
    out = {}
    for k, v in data.items():
        if k in decoders:
            fn = decoders[k]
            out[k] = fn(v) if fn is not None and v is not None else v
    return out


def field_value(conn: Connection, entity: str, entity_id: uuid.UUID, name: str) -> object:
    """The JSON form of one field of one record as it is now (categories: sorted ids)."""
    if name == CATEGORIES:
        return categories_of(conn, entity_id)
    table = table_of(entity)
    return encode(table.c[name], conn.scalar(select(table.c[name]).where(table.c.id == entity_id)))


def categories_of(conn: Connection, household_id: uuid.UUID) -> list[str]:
    link = household_category_link
    return sorted(str(i) for i in conn.scalars(select(link.c.category_id).where(link.c.household_id == household_id)))


def set_categories(conn: Connection, household_id: uuid.UUID, ids: Iterable[str]) -> None:
    link = household_category_link
    conn.execute(delete(link).where(link.c.household_id == household_id))
    rows = [dict(household_id=household_id, category_id=uuid.UUID(i)) for i in ids]
    if rows:
        conn.execute(insert(link), rows)


def district_sql(entity: str, alias: str = "r") -> str:
    """SQL for the district id of row ``alias`` of ``entity`` (NULL for city-wide tables)."""
    from app.models.sync import LINK_PATHS

    path = DISTRICT_PATHS.get(entity) or LINK_PATHS.get(entity)
    if entity == "district":
        return f"{alias}.id"
    if not path:
        return "NULL"
    if len(path) == 1:
        return f"{alias}.{path[0]}"
    tables = _path_tables(entity, path)
    joins = [f"{tables[0]} a1", *(f"JOIN {t} a{i} ON a{i}.id = a{i - 1}.{path[i - 1]}"
                                  for i, t in enumerate(tables[1:], start=2))]
    n = len(path) - 1
    return f"(SELECT a{n}.{path[-1]} FROM {' '.join(joins)} WHERE a1.id = {alias}.{path[0]})"


def district_joins(entity: str, alias: str = "r") -> tuple[str, str]:
    """``district_sql`` as joins, for one statement over many rows of ``entity``: the ``LEFT JOIN``s to write
    after row ``alias`` and the district's expression over them (NULL where the path breaks, as there)."""
    path = DISTRICT_PATHS[entity]
    if len(path) < 2:
        return "", district_sql(entity, alias)
    joins = " ".join(f"LEFT JOIN {t} {alias}{i} ON {alias}{i}.id = {alias if i == 1 else f'{alias}{i - 1}'}.{path[i - 1]}"
                     for i, t in enumerate(_path_tables(entity, path), start=1))
    return joins, f"{alias}{len(path) - 1}.{path[-1]}"


def _path_tables(entity: str, path: tuple[str, ...]) -> list[str]:
    """The tables a district path goes through after ``entity`` itself (each column's foreign key's table)."""
    tables, source = [], Base.metadata.tables[entity]
    for col in path[:-1]:
        source = next(iter(source.c[col].foreign_keys)).column.table
        tables.append(source.name)
    return tables


def uuid_array(ids: Iterable[uuid.UUID]) -> str:
    """Ids as one PostgreSQL array literal, for ``CAST(:ids AS uuid[])``: the driver sends one string instead of
    dumping an array element by element."""
    return "{" + ",".join(map(str, ids)) + "}"


def hex_ids(ids: Iterable[uuid.UUID]) -> dict[str, uuid.UUID]:
    """The ids by the text SQLite keeps them as (SQLAlchemy's ``Uuid``: 32 hex digits), to read ids back as
    text and find the asked-for objects instead of making a ``UUID`` per row."""
    return {i.hex: i for i in ids}


WHOLE_TABLE_FROM = 2000  # ids from which ``districts_of`` on SQLite reads the whole table when they are most of it


def districts_of(conn: Connection, entity: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID | None]:
    """Which district each record is in, as this database knows it (keys: the given id objects)."""
    table = table_of(entity)
    if not ids:
        return {}
    expr = district_sql(entity, "r")
    found: dict[uuid.UUID, uuid.UUID | None] = {}
    if conn.dialect.name == "postgresql":  # the ids as one array parameter: one short statement per 20,000
        stmt = text(f"SELECT r.id AS id, {expr} AS district_id FROM {entity} r "
                    f"WHERE r.id = ANY(CAST(:ids AS uuid[]))").columns(id=table.c.id.type, district_id=table.c.id.type)
        for i in range(0, len(ids), 20_000):
            for row in conn.execute(stmt, {"ids": uuid_array(ids[i:i + 20_000])}).all():
                found[row.id] = row.district_id
        return found
    # SQLite: the ids are read back as their stored text and matched to the given objects (a district's
    # object made once per district), not parsed into a UUID each.
    select_sql = f"SELECT r.id AS id, {expr} AS district_id FROM {entity} r"
    chunks: list[tuple[TextClause, list[uuid.UUID] | None, list[uuid.UUID]]]
    if len(ids) >= WHOLE_TABLE_FROM and 2 * len(ids) >= (conn.scalar(text(f"SELECT count(*) FROM {entity}")) or 0):
        # most of the table (a first sync): read it in its order and keep those asked for, instead of looking
        # each id up through IN lists (half the time)
        chunks = [(text(select_sql), None, ids)]
    else:
        in_list = text(f"{select_sql} WHERE r.id IN :ids").bindparams(
            bindparam("ids", expanding=True, type_=table.c.id.type))
        chunks = [(in_list, ids[i:i + 500], ids[i:i + 500]) for i in range(0, len(ids), 500)]
    districts: dict[str, uuid.UUID] = {}
    asked: set[uuid.UUID] | None = None
    for query, params, chunk in chunks:
        by_hex = hex_ids(chunk)
        rows = conn.execute(query, {"ids": params} if params is not None else {})
        # 5,000 rows a driver call: iterated, a result fetches one row per call (a first sync: a district's 35,000)
        for raw_id, raw_district in itertools.chain.from_iterable(rows.partitions(5000)):
            key = by_hex.get(raw_id)
            if key is None:  # another spelling of an id than SQLAlchemy's, or (the whole table) one not asked for
                key = uuid.UUID(str(raw_id))
                if params is None:
                    asked = set(ids) if asked is None else asked
                    if key not in asked:
                        continue
            if raw_district is None:
                found[key] = None
                continue
            district = districts.get(raw_district)
            if district is None:
                district = districts[raw_district] = uuid.UUID(str(raw_district))
            found[key] = district
    return found


def refresh_search_keys(conn: Connection, entity: str, ids: Iterable[uuid.UUID]) -> None:
    parts = SEARCH_KEYS.get(entity)
    if not parts:
        return
    table = table_of(entity)
    rows = conn.execute(select(table.c.id, *(table.c[p] for p in parts)).where(table.c.id.in_(list(ids)))).all()
    update_rows(conn, table, [dict(id=row.id, search_key=search_key(*row[1:])) for row in rows])


def _zoned(value: object) -> bool:
    """A time in the JSON form that names its zone (``encode`` writes UTC as ``+00:00``), or no time."""
    return not isinstance(value, str) or value.endswith(("+00:00", "Z"))


def insert_records(conn: Connection, entity: str, records: list[dict], texts: list[str] | None = None) -> None:
    """Insert whole records (JSON form, categories included for households). ``texts``: each record's JSON
    text (a create's ``value``); sent as it is when every time in it names its zone."""
    table = table_of(entity)
    if not records:
        return
    stamps = [c.key for c in table.columns if isinstance(c.type, sqltypes.DateTime)]
    if texts is not None and all(_zoned(r.get(k)) for r in records for k in stamps):
        bulk_insert(conn, table, records, json_form=True, texts=texts)
    else:
        rows = []
        for r in records:  # the JSON form as PostgreSQL reads it; a time without its zone is UTC (as ``decode`` says)
            row = dict(r)
            for k in stamps:
                if isinstance(row.get(k), str):
                    row[k] = decode(table.c[k], row[k])
            rows.append(row)
        bulk_insert(conn, table, rows, json_form=True)
    if entity == "household":
        link = [dict(household_id=uuid.UUID(r["id"]), category_id=uuid.UUID(c))
                for r in records for c in r.get(CATEGORIES) or ()]
        bulk_insert(conn, household_category_link, link, batch=5000)


def update_record(conn: Connection, entity: str, entity_id: uuid.UUID, values: dict, at: datetime | None) -> int:
    """Write some fields (JSON form) of one record; returns how many rows were found (0 or 1)."""
    table = table_of(entity)
    columns = {k: decode(table.c[k], v) for k, v in values.items() if k in table.c and k not in BOOKKEEPING}
    if at is not None:
        columns["updated_at"] = at
    found = conn.execute(update(table).where(table.c.id == entity_id).values(**columns)).rowcount
    if found and entity == "household" and CATEGORIES in values:
        set_categories(conn, entity_id, values[CATEGORIES] or ())
    if found and set(values) & set(SEARCH_KEYS.get(entity, ())):
        refresh_search_keys(conn, entity, [entity_id])
    return found


@functools.cache
def _unique_columns(table: Table) -> frozenset[str]:
    """The columns in one of the table's unique constraints or indexes (its key among them)."""
    names = {c.key for constraint in table.constraints
             if isinstance(constraint, (UniqueConstraint, PrimaryKeyConstraint)) for c in constraint.columns}
    names.update(c.key for index in table.indexes if index.unique for c in index.columns)
    return frozenset(names)


def _together(c: Change) -> bool:
    """A field change ``update_fields`` may write with others: a column of its own, in no unique constraint (a
    map number given up by one household and taken by another must go in their order)."""
    if c.entity not in SYNCED_TABLES or c.field is None:
        return False
    table = table_of(c.entity)
    return c.field in table.c and c.field not in BOOKKEEPING and c.field not in _unique_columns(table)


def update_fields(conn: Connection, changes: Iterable[Change]) -> dict[int, bool]:
    """Write the field changes among ``changes`` (in their order) that can go together: per record its fields'
    last values and, as ``updated_at``, the last change's time (what ``update_record`` one change at a time
    leaves), one statement per table and set of fields (``update_rows``). A record with any change that cannot
    (``_together``) is left out whole, for ``update_record``. Returns, by ``id()`` of each change written,
    whether its record was found."""
    by_record: dict[tuple[str, uuid.UUID], list[Change]] = {}
    alone: set[tuple[str, uuid.UUID]] = set()
    for c in changes:
        if c.action in ("create", "delete"):
            continue
        key = (c.entity, c.entity_id)
        by_record.setdefault(key, []).append(c)
        if not _together(c):
            alone.add(key)
    groups: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
    for (entity, entity_id), record_changes in by_record.items():
        if (entity, entity_id) in alone:
            continue
        table = table_of(entity)
        row: dict[str, object] = {"id": entity_id}
        for c in record_changes:
            row[cast(str, c.field)] = decode(table.c[cast(str, c.field)], c.decoded())
            if c.at is not None:
                row["updated_at"] = c.at
        groups.setdefault((entity, tuple(row)), []).append(row)
    found: dict[str, set] = {}
    for (entity, names), rows in groups.items():
        ids = update_rows(conn, table_of(entity), rows)
        found.setdefault(entity, set()).update(ids)
        if set(names) & set(SEARCH_KEYS.get(entity, ())) and ids:
            refresh_search_keys(conn, entity, [r["id"] for r in rows if r["id"] in ids])
    return {id(c): c.entity_id in found[entity] for (entity, entity_id), record_changes in by_record.items()
            if (entity, entity_id) not in alone for c in record_changes}


def delete_record(conn: Connection, entity: str, entity_id: uuid.UUID) -> int:
    table = table_of(entity)
    return conn.execute(delete(table).where(table.c.id == entity_id)).rowcount
