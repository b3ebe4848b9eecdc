"""What a laptop runs against the office server over its own login: who am I, the changes I have not
seen, storing my changes (in one transaction, as my role), and the sync log.

The server's row-level security (app.office.server) decides what a login may see and change; this
side only reads and writes through it. The office runs the same functions as a laptop's role
(``act_as``) when it applies a USB package.
"""

from __future__ import annotations

import uuid
from collections.abc import Set
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Engine, create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from app.core.batches import no_gc_pauses
from app.core.errors import QT_TRANSLATE_NOOP
from app.models.sync import DISTRICT_PATHS, sync_change, sync_laptop, sync_laptop_district, sync_log
from app.sync.core import (
    ADVISORY_LOCK,
    BOOKKEEPING,
    Change,
    StalePush,
    SyncError,
    bulk_insert,
    delete_record,
    districts_of,
    insert_records,
    table_of,
    table_order,
    update_fields,
    update_record,
    uuid_array,
)

STALE_SQLSTATE = "SA409"  # raised by the server's journal trigger: another laptop changed it first


@dataclass(frozen=True)
class LaptopInfo:
    id: uuid.UUID
    name: str
    all_districts: bool
    district_ids: tuple[uuid.UUID, ...]
    package_key: bytes | None = field(default=None, repr=False)
    previous_package_key: bytes | None = field(default=None, repr=False)
    package_key_confirmed: bool = True  # False: the office's packages for it carry the key


@dataclass
class PushResult:
    accepted: list[Change] = field(default_factory=list)
    already: int = 0  # sent before (a resumed sync): stored once
    rejected: list[tuple[Change, str]] = field(default_factory=list)


def server_url(url: str) -> str:
    """Accept ``postgresql://`` URLs; SQLAlchemy is told to use psycopg 3."""
    if not url or not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        raise SyncError(QT_TRANSLATE_NOOP("errors", "the server address must start with postgresql://"),
                        where="--url")
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def masked(url: str) -> str:
    """The URL without its password, for screens and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")
    except Exception:
        return "?"


def connect(url: str) -> Engine:
    return create_engine(server_url(url), pool_pre_ping=True, connect_args={"connect_timeout": 10})


def unreachable(url: str, error: Exception) -> SyncError:
    """The error to show when the server cannot be reached or refused the connection."""
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else type(error).__name__
    return SyncError(QT_TRANSLATE_NOOP("errors", "could not reach the office server ({detail}); nothing was changed"),
                     where=masked(url), detail=detail)


def laptop_info(conn: Connection, row: Any) -> LaptopInfo:
    """A ``sync_laptop`` row with the districts it is registered for."""
    districts = tuple(conn.scalars(select(sync_laptop_district.c.district_id)
                                   .where(sync_laptop_district.c.laptop_id == row.id)))
    return LaptopInfo(row.id, row.name, row.all_districts, districts, row.package_key, row.previous_package_key,
                      row.package_key_confirmed)


def whoami(conn: Connection) -> LaptopInfo:
    """The laptop this connection (its current role) is registered as, with its package key."""
    row = conn.execute(select(sync_laptop).where(sync_laptop.c.role_name == func.current_user())).first()
    if row is None:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this login is not registered as a laptop on the server; "
                                                    "ask the office to register it"), where="--url")
    return laptop_info(conn, row)


def no_jit(conn: Connection) -> None:
    """No JIT compiling for the rest of this transaction: the server compiles a statement whose plan it
    guesses costly (a 20,000-id lookup, a first sync's batches), 0.1-0.25 s each, for work of a few ms a row."""
    conn.execute(text("SET LOCAL jit = off"))


@no_gc_pauses()  # a district's first pull: a change per record (as ``journal.outgoing``)
def fetch_changes(conn: Connection, me: LaptopInfo, since: int) -> tuple[list[Change], int]:
    """The other laptops' changes after ``since`` that this role may see, in order; and the newest sequence."""
    no_jit(conn)
    top = conn.scalar(text("SELECT coalesce(max(seq), 0) FROM sync_change")) or 0
    rows = conn.execute(select(sync_change).where(sync_change.c.seq > since, sync_change.c.seq <= top,
                                                  sync_change.c.laptop_id != me.id).order_by(sync_change.c.seq)).all()
    changes = [Change(r.change_id, r.entity, r.entity_id, r.field, r.action, r.value, r.operator_name, r.operator_role,
                      r.at, r.district_id, r.base_seq, r.seq, r.laptop_name) for r in rows]
    return changes, max(top, since)


ARRAY_IDS = 20_000  # ids per array parameter: one short statement, nothing for the driver or SQLAlchemy to expand


def _present(conn: Connection, table: str, column: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` are in ``table.column`` (as this role may see them): the ids travel as one uuid[]
    parameter per 20,000, not as an IN list of as many placeholders."""
    found: set[uuid.UUID] = set()
    for i in range(0, len(ids), ARRAY_IDS):
        found.update(conn.scalars(text(f"SELECT {column} FROM {table} WHERE {column} = ANY(CAST(:ids AS uuid[]))"),
                                  {"ids": uuid_array(ids[i:i + ARRAY_IDS])}).all())
    return found


def _stale(conn: Connection, me: LaptopInfo, changes: list[Change], base_seq: int) -> set[int]:
    ids = list({c.entity_id for c in changes})
    newer: dict[uuid.UUID, set[str | None]] = {}
    for i in range(0, len(ids), ARRAY_IDS):
        for entity_id, changed in conn.execute(
                text("SELECT DISTINCT entity_id, field FROM sync_change WHERE seq > :base AND laptop_id <> :me "
                     "AND entity_id = ANY(CAST(:ids AS uuid[]))"),
                {"base": base_seq, "me": me.id, "ids": uuid_array(ids[i:i + ARRAY_IDS])}).all():
            newer.setdefault(entity_id, set()).add(changed)
    stale = set()
    for n, c in enumerate(changes):
        theirs = newer.get(c.entity_id)
        if theirs and (c.field is None or None in theirs or c.field in theirs or c.field == "deleted_at"
                       or "deleted_at" in theirs):
            stale.add(n)
    return stale


def _sorted(changes: list[Change]) -> list[Change]:
    def key(c: Change) -> tuple:
        if c.action == "create":
            return (0, table_order(c.entity))
        if c.action == "delete":
            return (2, -table_order(c.entity))
        return (1, 0)

    return sorted(changes, key=key)  # stable: a record's field changes keep their order


@no_gc_pauses()  # a first sync's journal rows, a dict per change (as ``journal.outgoing``)
def receive(conn: Connection, me: LaptopInfo, changes: list[Change], base_seq: int, *,
            reject_stale: bool) -> PushResult:
    """Apply a laptop's changes and journal them, in the caller's transaction (as the laptop's role).

    Changes already journaled (same change id) are skipped. A change to something another laptop
    changed after ``base_seq`` is refused: ``StalePush`` is raised (network sync: pull first and
    retry) or, with ``reject_stale``, it is listed as rejected (USB packages). So is a change to a
    record that the role cannot see.
    """
    receiving = Receiving(conn, me, base_seq, reject_stale=reject_stale)
    receiving.add(changes)
    return receiving.finish()


class Receiving:
    """``receive`` a push in parts, in the caller's transaction: each part's creates are stored when it is
    added (a first sync: a table at a time, parents first, while the laptop reads the next table) and journaled
    once ``COPY_FROM`` of them wait and no field change waits; its field changes and removals at ``finish``,
    which journals the rest. One
    part is ``receive`` itself; parts of creates given parents first end as the whole push given at once would,
    the journal in the same order."""

    def __init__(self, conn: Connection, me: LaptopInfo, base_seq: int, *, reject_stale: bool) -> None:
        self.conn, self.me, self.base_seq, self.reject_stale = conn, me, base_seq, reject_stale
        self.result = PushResult()
        self.applied: list[Change] = []  # in the order they are journaled
        self.unjournaled: list[Change] = []  # the end of ``applied``
        self.rest: list[Change] = []  # field changes and removals, for ``finish``
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})
        no_jit(conn)

    def add(self, changes: list[Change]) -> None:
        conn, result = self.conn, self.result
        known = _present(conn, "sync_change", "change_id", [c.change_id for c in changes])
        fresh = [c for c in changes if c.change_id not in known]
        result.already += len(changes) - len(fresh)
        stale = _stale(conn, self.me, fresh, self.base_seq)
        if stale and not self.reject_stale:
            raise StalePush()
        for n in sorted(stale):
            result.rejected.append((fresh[n], "stale"))
        todo = _sorted([c for n, c in enumerate(fresh) if n not in stale])
        creates: dict[str, list[Change]] = {}
        for c in todo:
            if c.action == "create":
                creates.setdefault(c.entity, []).append(c)
            else:
                self.rest.append(c)
        applied: list[Change] = []
        for entity in sorted(creates, key=table_order):
            batch = creates[entity]
            table = table_of(entity)
            existing = _present(conn, table.name, "id", [c.entity_id for c in batch])
            new = [c for c in batch if c.entity_id not in existing]
            insert_records(conn, entity, [c.made_from if c.made_from is not None else c.record() for c in new],
                           [cast(str, c.value) for c in new])
            applied += new
            for c in batch:
                if c.entity_id in existing:
                    values = {k: v for k, v in c.record().items() if k not in BOOKKEEPING}
                    update_record(conn, entity, c.entity_id, values, c.at)
                    applied.append(c)
        order = {id(c): n for n, c in enumerate(todo)}
        applied.sort(key=lambda c: order[id(c)])
        self.applied += applied
        self.unjournaled += applied
        # Journaled now, unless field changes or removals wait: they may move a record just created to another
        # district, and its create is then journaled in that district, as the push given at once always was.
        if len(self.unjournaled) >= COPY_FROM and not self.rest:
            self._journal()

    def finish(self) -> PushResult:
        """The field changes and removals of every part (set-wise where they can be), then the journal."""
        conn, result = self.conn, self.result
        self.rest = _sorted(self.rest)  # every part's field changes before any part's removals
        applied: list[Change] = []
        # Field changes go set-wise (a laptop's 200 edits: a statement per table and set of fields, not one each).
        written = update_fields(conn, self.rest)
        for c in self.rest:
            if id(c) in written:
                if not written[id(c)]:
                    result.rejected.append((c, "missing"))
                    continue
            elif c.action == "delete":
                c.district_id = conn.scalar(text("SELECT sasaeai_district_of(:e, :i)"),
                                            {"e": c.entity, "i": c.entity_id})
                found = delete_record(conn, c.entity, c.entity_id)
                if not found:
                    result.rejected.append((c, "missing"))
                    continue
            else:
                if update_record(conn, c.entity, c.entity_id, {c.field: c.decoded()}, c.at) == 0:
                    result.rejected.append((c, "missing"))
                    continue
            applied.append(c)
        self.applied += applied
        self.unjournaled += applied
        self._journal()
        result.accepted = self.applied
        return result

    def _journal(self) -> None:
        """Journal the changes applied and not journaled yet, in their order. The district each is in, as the
        server's rows say (removed records keep the district read before removing them); where the server has
        none, the sender's. The journal's statement trigger checks it."""
        applied, self.unjournaled = self.unjournaled, []
        entities = {c.entity for c in applied
                    if c.action != "delete" and c.entity in DISTRICT_PATHS and c.entity != "district"}
        rows = [dict(c.as_row(), base_seq=self.base_seq, laptop_id=self.me.id) for c in applied]
        journal_rows(self.conn, rows, districts_of_tables=entities)


COPY_FROM = 500  # journal rows from which ``journal_rows`` copies them in (a temporary table costs a few ms)


def journal_rows(conn: Connection, rows: list[dict], *, districts_of_tables: Set[str] = frozenset()) -> None:
    """Insert journal rows (``Change.as_row()``) in their order, a change id stored once, in the caller's
    transaction and as its role (the journal's policy and triggers apply).

    A few: one statement per 2,000 rows (the rows as one JSON parameter). Many (a first sync): a ``COPY`` into a
    temporary table (the journal itself has row-level security, which ``COPY`` does not go through) and one
    ``INSERT ... SELECT`` from it: nothing is encoded as JSON and parsed back, and the statement trigger and
    the policy's subplans run once.

    The rows of ``districts_of_tables`` (but removals) take their record's district as the server's rows say,
    keeping theirs where the server has none: a few are read (``districts_of``, one query per table); many are
    looked up as they are inserted, rather than read back and sent again."""
    if len(rows) < COPY_FROM:
        by_entity: dict[str, set[uuid.UUID]] = {}
        for r in rows:
            if r["entity"] in districts_of_tables and r["action"] != "delete":
                by_entity.setdefault(r["entity"], set()).add(r["entity_id"])
        where: dict[uuid.UUID, uuid.UUID | None] = {}
        for entity, ids in by_entity.items():
            where.update(districts_of(conn, entity, list(ids)))
        for r in rows:
            if r["action"] != "delete" and where.get(r["entity_id"]) is not None:
                r["district_id"] = where[r["entity_id"]]
        bulk_insert(conn, sync_change, rows, suffix="ON CONFLICT (change_id) DO NOTHING")
        return
    names = list(rows[0])
    listed = ", ".join(f'"{k}"' for k in names)
    conn.execute(text("DROP TABLE IF EXISTS pg_temp.sasaeai_incoming"))
    conn.execute(text(f"CREATE TEMPORARY TABLE sasaeai_incoming ON COMMIT DROP AS "
                      f"SELECT {listed}, 0 AS ord FROM sync_change WITH NO DATA"))
    with conn.connection.driver_connection.cursor() as cursor:  # type: ignore[union-attr]
        with cursor.copy(f"COPY sasaeai_incoming ({listed}, ord) FROM STDIN") as copy:
            for n, r in enumerate(rows):
                copy.write_row([*(r[k] for k in names), n])
    # Each row's district, as the server's row of its record says: read a table at a time (the server's
    # ``sasaeai_districts_of``), not looked up row by row through the laptop's policies (0.4 s of a first sync).
    lookups = " UNION ALL ".join(
        f"SELECT CAST('{entity}' AS text) AS entity, d.id, d.district_id FROM sasaeai_districts_of('{entity}', "
        f"ARRAY(SELECT entity_id FROM sasaeai_incoming WHERE entity = '{entity}' AND action <> 'delete')) d"
        for entity in sorted(districts_of_tables))
    district = ("CASE WHEN i.action = 'delete' THEN i.district_id ELSE coalesce(d.district_id, i.district_id) END"
                if lookups else "i.district_id")
    joined = f"LEFT JOIN ({lookups}) d ON d.entity = i.entity AND d.id = i.entity_id" if lookups else ""
    chosen = ", ".join(district if k == "district_id" else f'i."{k}"' for k in names)
    # A city's journal sorted in memory (the default 4 MB spilled 34,000 rows to disk), for this transaction.
    conn.execute(text("SET LOCAL work_mem = '64MB'"))
    conn.execute(text(f"INSERT INTO sync_change ({listed}) SELECT {chosen} FROM sasaeai_incoming i {joined} "
                      f"ORDER BY i.ord ON CONFLICT (change_id) DO NOTHING"))
    conn.execute(text("DROP TABLE sasaeai_incoming"))


def is_stale_error(error: BaseException) -> bool:
    orig = getattr(error, "orig", None)
    if getattr(orig, "sqlstate", None) == STALE_SQLSTATE:
        return True
    # Two laptops numbering new households in the same town at the same moment: pull, renumber, retry.
    return isinstance(error, IntegrityError) and "map_number" in str(error)


def log_sync(conn: Connection, me: LaptopInfo, kind: str, *, pushed: int, rejected: int, pulled: int,
             pulled_up_to: int, detail: str = "") -> None:
    conn.execute(insert(sync_log).values(laptop_id=me.id, laptop_name=me.name, kind=kind, pushed=pushed,
                                         rejected=rejected, pulled=pulled, pulled_up_to=pulled_up_to, detail=detail))


def last_pulled(conn: Connection, me: LaptopInfo) -> int:
    return conn.scalar(select(text("coalesce(max(pulled_up_to), 0)")).select_from(sync_log)
                       .where(sync_log.c.laptop_id == me.id)) or 0
