"""The office server (PostgreSQL): prepare it, register laptops, and the two halves of a sync as the
server sees them (receive a laptop's changes in one transaction; list the changes it has not seen).

Scope is the server's job, not the client's: every laptop logs in as its own PostgreSQL role, whose
row-level security policies show and let it change only its districts' rows (and its districts'
journal rows); a trigger on the journal stamps who sent each change, checks its district against
the record, refuses a change to a field another laptop changed after the sender's ``base_seq``, and
hands out the sequence numbers under a lock, so they become visible in order.

USB packages have no login: each laptop gets a random package key at registration (kept in
``sync_laptop``; the laptop reads it through its own login, or finds it in the office's first package)
and the packages both ways carry an HMAC made with it (app.services.sync checks them).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.models import Base
from app.models.engine import upgrade
from app.models.sync import CITY_WIDE, DISTRICT_PATHS, LINK_PATHS, sync_change, sync_laptop, sync_laptop_district, sync_log
from app.services.errors import QT_TRANSLATE_NOOP
from app.services.sync_core import (ADVISORY_LOCK, BOOKKEEPING, Change, StalePush, SyncError, delete_record,
                                    district_sql, districts_of, dumps, insert_records, table_of, table_order,
                                    update_record)

SERVER_LAPTOP = "server"  # the pseudo-laptop the office's administrator role writes as
PACKAGE_KEY_BYTES = 32
STALE_SQLSTATE = "SA409"


@dataclass(frozen=True)
class Registration:
    name: str
    role: str
    password: str
    url: str  # what the laptop syncs with: its own role and password


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


def _unreachable(url: str, error: Exception) -> SyncError:
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else type(error).__name__
    return SyncError(QT_TRANSLATE_NOOP("errors", "could not reach the office server ({detail}); nothing was changed"),
                     where=masked(url), detail=detail)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def group_role(conn: Connection) -> str:
    return f"{conn.scalar(text('SELECT current_database()'))}_laptops"[:63]


def _security_sql(group: str) -> list[str]:
    g = _q(group)
    cases = "\n".join(
        f"    WHEN '{entity}' THEN RETURN (SELECT {district_sql(entity, 'r')} FROM {entity} r WHERE r.id = row_id);"
        for entity in DISTRICT_PATHS if entity != "district")
    statements = [
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN CREATE ROLE {g} NOLOGIN; END IF;
        END $$""",
        """CREATE OR REPLACE FUNCTION sasaeai_in_scope(d uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT EXISTS (SELECT 1 FROM sync_laptop l LEFT JOIN sync_laptop_district x ON x.laptop_id = l.id
                           WHERE l.role_name = current_user AND (l.all_districts OR x.district_id = d)) $$""",
        """CREATE OR REPLACE FUNCTION sasaeai_current_laptop() RETURNS uuid LANGUAGE sql STABLE AS $$
            SELECT id FROM sync_laptop WHERE role_name = current_user $$""",
        f"""CREATE OR REPLACE FUNCTION sasaeai_district_of(entity text, row_id uuid) RETURNS uuid
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
        BEGIN
          CASE entity
            WHEN 'district' THEN RETURN row_id;
{cases}
            ELSE RETURN NULL;
          END CASE;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION sasaeai_change_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          me uuid; me_name text; actual uuid;
        BEGIN
          SELECT id, name INTO me, me_name FROM sync_laptop WHERE role_name = current_user;
          IF me IS NULL THEN
            RAISE EXCEPTION 'role % is not a registered laptop', current_user USING ERRCODE = 'insufficient_privilege';
          END IF;
          PERFORM pg_advisory_xact_lock({ADVISORY_LOCK});
          NEW.laptop_id := me;
          NEW.laptop_name := me_name;
          actual := sasaeai_district_of(NEW.entity, NEW.entity_id);
          IF actual IS NOT NULL THEN NEW.district_id := actual; END IF;
          IF EXISTS (SELECT 1 FROM sync_change c
                     WHERE c.entity_id = NEW.entity_id AND c.seq > NEW.base_seq AND c.laptop_id <> me
                       AND (c.field IS NOT DISTINCT FROM NEW.field OR c.field IS NULL OR NEW.field IS NULL
                            OR c.field = 'deleted_at' OR NEW.field = 'deleted_at')) THEN
            RAISE EXCEPTION 'stale change to % %: another laptop changed it after sequence %',
              NEW.entity, NEW.entity_id, NEW.base_seq USING ERRCODE = '{STALE_SQLSTATE}';
          END IF;
          NEW.seq := nextval('sync_change_seq');
          NEW.received_at := now();
          RETURN NEW;
        END $$""",
        "DROP TRIGGER IF EXISTS sasaeai_change_before_insert ON sync_change",
        """CREATE TRIGGER sasaeai_change_before_insert BEFORE INSERT ON sync_change
           FOR EACH ROW EXECUTE FUNCTION sasaeai_change_before_insert()""",
        f"GRANT USAGE ON SCHEMA public TO {g}",
        f"GRANT USAGE ON SEQUENCE sync_change_seq TO {g}",
        f"GRANT USAGE ON SEQUENCE sync_log_id_seq TO {g}",
        f"GRANT SELECT ON sync_laptop, sync_laptop_district TO {g}",
        f"GRANT SELECT, INSERT ON sync_change, sync_log TO {g}",
    ]

    def policy(table: str, using: str, check: str | None = None) -> list[str]:
        return [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                f"DROP POLICY IF EXISTS sasaeai_scope ON {table}",
                f"CREATE POLICY sasaeai_scope ON {table} TO {g} USING ({using}) WITH CHECK ({check or using})"]

    for entity in (*DISTRICT_PATHS, *LINK_PATHS):
        statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {entity} TO {g}")
        statements += policy(entity, f"sasaeai_in_scope({district_sql(entity, entity)})")
    for entity in CITY_WIDE:
        statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {entity} TO {g}")
        statements += policy(entity, "true")
    city_wide = ", ".join(f"'{e}'" for e in CITY_WIDE)
    statements += policy("sync_change", f"(district_id IS NULL AND entity IN ({city_wide})) OR sasaeai_in_scope(district_id)")
    statements += policy("sync_laptop", "role_name = current_user")
    statements += policy("sync_laptop_district", "laptop_id = sasaeai_current_laptop()")
    statements += policy("sync_log", "laptop_id = sasaeai_current_laptop()")
    return statements


def init_server(url: str) -> str:
    """Migrate the server's database to the head and (re)make its security; returns the database name.

    Run as the database's owner (who is not bound by the policies). Safe to run again after an upgrade.
    """
    engine = connect(url)
    try:
        try:
            upgrade(engine)
        except DBAPIError as e:
            raise _unreachable(url, e) from e
        with engine.begin() as conn:
            for statement in _security_sql(group_role(conn)):
                conn.execute(text(statement))
            if conn.scalar(select(sync_laptop.c.id).where(sync_laptop.c.name == SERVER_LAPTOP)) is None:
                conn.execute(insert(sync_laptop).values(id=uuid.uuid4(), name=SERVER_LAPTOP,
                                                        role_name=conn.scalar(text("SELECT current_user")),
                                                        all_districts=True,
                                                        package_key=secrets.token_bytes(PACKAGE_KEY_BYTES)))
            return conn.scalar(text("SELECT current_database()"))
    finally:
        engine.dispose()


def _role_for(conn: Connection, name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not slug or slug != name.lower().replace("-", "_").replace(" ", "_"):
        slug = (slug + "_" if slug else "") + hashlib.sha1(name.encode()).hexdigest()[:8]
    db = conn.scalar(text("SELECT current_database()"))
    return f"{db}_{slug}"[:63]


def _check_laptop_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "a laptop needs a name of 1 to 100 characters"), where="--name")
    if name == SERVER_LAPTOP:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "the name {name} is the server's own"), where="--name", name=name)
    return name


def register_laptop(url: str, name: str, districts: list[str], *, password: str | None = None) -> Registration:
    """Register a laptop for some districts (by name; ``["*"]``: every district) with its own login role.

    Districts not on the server yet are created (and journaled, so laptops receive them).
    """
    from app.models import District

    name = _check_laptop_name(name)
    names = [d.strip() for d in districts if d.strip()]
    if not names:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "name at least one district (or * for all)"), where="--districts")
    password = password or secrets.token_urlsafe(18)
    engine = connect(url)
    try:
        with engine.begin() as conn:
            if conn.scalar(select(sync_laptop.c.id).where(sync_laptop.c.name == name)) is not None:
                raise SyncError(QT_TRANSLATE_NOOP("errors", "a laptop called {name} is already registered"),
                                where="--name", name=name)
            role = _role_for(conn, name)
            group = group_role(conn)
            conn.execute(text(f"CREATE ROLE {_q(role)} LOGIN PASSWORD '{password.replace(chr(39), chr(39) * 2)}' "
                              f"IN ROLE {_q(group)}"))
            laptop_id = uuid.uuid4()
            every = names == ["*"]
            conn.execute(insert(sync_laptop).values(id=laptop_id, name=name, role_name=role, all_districts=every,
                                                    package_key=secrets.token_bytes(PACKAGE_KEY_BYTES)))
            if not every:
                district = District.__table__
                ids = []
                for d in names:
                    found = conn.scalar(select(district.c.id).where(district.c.name == d))
                    if found is None:
                        found = _create_district(conn, d)
                    ids.append(found)
                conn.execute(insert(sync_laptop_district), [dict(laptop_id=laptop_id, district_id=i) for i in ids])
    except DBAPIError as e:
        raise _unreachable(url, e) from e
    finally:
        engine.dispose()
    laptop_url = make_url(server_url(url)).set(username=role, password=password)
    return Registration(name, role, password, laptop_url.render_as_string(hide_password=False)
                        .replace("postgresql+psycopg://", "postgresql://"))


def new_package_key(url: str, name: str) -> None:
    """Give a registered laptop a new package key (it lost its ledger, or the key may have leaked).

    The office's next package for it carries the new key, signed with the old one too, so a laptop
    that holds the old key can trust it; over the network the laptop reads it at its next sync. The
    office accepts only packages signed with the new key from then on.
    """
    engine = connect(url)
    try:
        with engine.begin() as conn:
            found = conn.execute(update(sync_laptop).where(sync_laptop.c.name == name).values(
                previous_package_key=sync_laptop.c.package_key, package_key=secrets.token_bytes(PACKAGE_KEY_BYTES),
                package_key_confirmed=False)).rowcount
    except DBAPIError as e:
        raise _unreachable(url, e) from e
    finally:
        engine.dispose()
    if not found:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "no laptop called {name} is registered on the server"),
                        where="--name", name=name)


def _create_district(conn: Connection, name: str) -> uuid.UUID:
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    district_id = uuid.uuid4()
    record = dict(id=str(district_id), name=name, created_at=now.isoformat(), updated_at=now.isoformat())
    insert_records(conn, "district", [record])
    conn.execute(insert(sync_change).values(Change(uuid.uuid4(), "district", district_id, None, "create", dumps(record),
                                                   operator_name=SERVER_LAPTOP, at=now).as_row()))
    return district_id


@dataclass(frozen=True)
class LaptopInfo:
    id: uuid.UUID
    name: str
    all_districts: bool
    district_ids: tuple[uuid.UUID, ...]
    package_key: bytes | None = field(default=None, repr=False)
    previous_package_key: bytes | None = field(default=None, repr=False)
    package_key_confirmed: bool = True  # False: the office's packages for it carry the key


def _laptop_info(conn: Connection, row: Any) -> LaptopInfo:
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
    return _laptop_info(conn, row)


def registered_laptop(conn: Connection, name: str, where: str) -> LaptopInfo:
    """On the administrator's connection: the laptop registered under ``name`` (a package's claim)."""
    row = conn.execute(select(sync_laptop).where(sync_laptop.c.name == name)).first()
    if row is None or name == SERVER_LAPTOP:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "no laptop called {name} is registered on the server"),
                        where=where, name=name)
    return _laptop_info(conn, row)


def confirm_package_key(conn: Connection, me: LaptopInfo) -> None:
    """A package signed with the laptop's key came in: the key stops travelling, the old one is forgotten."""
    if not me.package_key_confirmed or me.previous_package_key is not None:
        conn.execute(update(sync_laptop).where(sync_laptop.c.id == me.id).values(
            package_key_confirmed=True, previous_package_key=None))


def outside_scope(conn: Connection, me: LaptopInfo, changes: list[Change]) -> list[Change]:
    """On the administrator's connection, before anything is written: the changes that touch a district
    the laptop is not registered for (the record's district now, or the one a new or moved record goes to).

    A record the server does not have yet is placed by its parent: on the server, or created in the
    same batch. A change whose district cannot be found is left to ``receive`` (missing: refused).
    """
    if me.all_districts:
        return []
    allowed = set(me.district_ids)
    created = {c.entity_id: c for c in changes if c.action == "create" and c.entity in DISTRICT_PATHS}
    known: dict[uuid.UUID, uuid.UUID | None] = {}
    by_entity: dict[str, list[uuid.UUID]] = {}
    for c in changes:
        if c.entity in DISTRICT_PATHS and c.entity != "district":
            by_entity.setdefault(c.entity, []).append(c.entity_id)
    for entity, ids in by_entity.items():
        found = districts_of(conn, entity, list(set(ids)))
        known.update({i: found.get(i) for i in ids})  # None: not on the server (looked up once)

    def parent_district(entity: str, column: str, value: object, depth: int) -> uuid.UUID | None:
        if value is None or depth > len(DISTRICT_PATHS):
            return None
        parent = next(iter(Base.metadata.tables[entity].c[column].foreign_keys)).column.table.name
        return district_of(parent, uuid.UUID(str(value)), depth + 1)

    def district_of(entity: str, entity_id: uuid.UUID, depth: int = 0) -> uuid.UUID | None:
        if entity == "district":
            return entity_id
        if entity_id not in known:  # a parent no change of the batch names
            known[entity_id] = districts_of(conn, entity, [entity_id]).get(entity_id)
        if known.get(entity_id) is None and entity_id in created:
            column = DISTRICT_PATHS[entity][0]
            known[entity_id] = parent_district(entity, column, created[entity_id].decoded().get(column), depth)
        return known.get(entity_id)

    refused = []
    for c in changes:
        if c.entity not in DISTRICT_PATHS:
            continue  # city-wide tables: every laptop may change them
        touched = {district_of(c.entity, c.entity_id)}
        path = DISTRICT_PATHS[c.entity]
        if path and c.action == "create":
            touched.add(parent_district(c.entity, path[0], (c.decoded() or {}).get(path[0]), 0))
        elif path and c.field == path[0]:  # moved to another town (or district)
            touched.add(parent_district(c.entity, path[0], c.decoded(), 0))
        touched.discard(None)
        if touched - allowed:
            refused.append(c)
    return refused


def act_as(conn: Connection, laptop_name: str) -> LaptopInfo:
    """On the administrator's connection: continue as the laptop's role (its policies apply), for packages."""
    role = conn.scalar(select(sync_laptop.c.role_name).where(sync_laptop.c.name == laptop_name))
    if role is None:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "no laptop called {name} is registered on the server"),
                        where="--laptop", name=laptop_name)
    conn.execute(text(f"SET LOCAL ROLE {_q(role)}"))
    return whoami(conn)


def fetch_changes(conn: Connection, me: LaptopInfo, since: int) -> tuple[list[Change], int]:
    """The other laptops' changes after ``since`` that this role may see, in order; and the newest sequence."""
    top = conn.scalar(text("SELECT coalesce(max(seq), 0) FROM sync_change")) or 0
    rows = conn.execute(select(sync_change).where(sync_change.c.seq > since, sync_change.c.seq <= top,
                                                  sync_change.c.laptop_id != me.id).order_by(sync_change.c.seq))
    changes = [Change(r.change_id, r.entity, r.entity_id, r.field, r.action, r.value, r.operator_name, r.operator_role,
                      r.at, r.district_id, r.base_seq, r.seq, r.laptop_name) for r in rows]
    return changes, max(top, since)


def _stale(conn: Connection, me: LaptopInfo, changes: list[Change], base_seq: int) -> set[int]:
    ids = list({c.entity_id for c in changes})
    newer: dict[uuid.UUID, set[str | None]] = {}
    for i in range(0, len(ids), 5000):
        for entity_id, changed in conn.execute(
                select(sync_change.c.entity_id, sync_change.c.field).distinct()
                .where(sync_change.c.seq > base_seq, sync_change.c.laptop_id != me.id,
                       sync_change.c.entity_id.in_(ids[i:i + 5000]))):
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


def receive(conn: Connection, me: LaptopInfo, changes: list[Change], base_seq: int, *,
            reject_stale: bool) -> PushResult:
    """Apply a laptop's changes and journal them, in the caller's transaction (as the laptop's role).

    Changes already journaled (same change id) are skipped. A change to something another laptop
    changed after ``base_seq`` is refused: ``StalePush`` is raised (network sync: pull first and
    retry) or, with ``reject_stale``, it is listed as rejected (USB packages). So is a change to a
    record that the role cannot see.
    """
    result = PushResult()
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})
    known: set[uuid.UUID] = set()
    ids = [c.change_id for c in changes]
    for i in range(0, len(ids), 5000):
        known |= set(conn.scalars(select(sync_change.c.change_id).where(sync_change.c.change_id.in_(ids[i:i + 5000]))))
    fresh = [c for c in changes if c.change_id not in known]
    result.already = len(changes) - len(fresh)
    stale = _stale(conn, me, fresh, base_seq)
    if stale and not reject_stale:
        raise StalePush()
    for n in sorted(stale):
        result.rejected.append((fresh[n], "stale"))
    todo = _sorted([c for n, c in enumerate(fresh) if n not in stale])
    creates: dict[str, list[Change]] = {}
    for c in todo:
        if c.action == "create":
            creates.setdefault(c.entity, []).append(c)
    applied: list[Change] = []
    for entity in sorted(creates, key=table_order):
        batch = creates[entity]
        table = table_of(entity)
        existing: set[uuid.UUID] = set()
        batch_ids = [c.entity_id for c in batch]
        for i in range(0, len(batch_ids), 5000):
            existing |= set(conn.scalars(select(table.c.id).where(table.c.id.in_(batch_ids[i:i + 5000]))))
        new = [c for c in batch if c.entity_id not in existing]
        insert_records(conn, entity, [c.decoded() for c in new])
        applied += new
        for c in batch:
            if c.entity_id in existing:
                values = {k: v for k, v in c.decoded().items() if k not in BOOKKEEPING}
                update_record(conn, entity, c.entity_id, values, c.at)
                applied.append(c)
    for c in todo:
        if c.action == "create":
            continue
        if c.action == "delete":
            c.district_id = conn.scalar(text("SELECT sasaeai_district_of(:e, :i)"), {"e": c.entity, "i": c.entity_id})
            found = delete_record(conn, c.entity, c.entity_id)
            if not found:
                result.rejected.append((c, "missing"))
                continue
        else:
            if update_record(conn, c.entity, c.entity_id, {c.field: c.decoded()}, c.at) == 0:
                result.rejected.append((c, "missing"))
                continue
        applied.append(c)
    order = {id(c): n for n, c in enumerate(todo)}
    applied.sort(key=lambda c: order[id(c)])
    rows = [dict(c.as_row(), base_seq=base_seq) for c in applied]
    for i in range(0, len(rows), 2000):
        conn.execute(pg_insert(sync_change).on_conflict_do_nothing(index_elements=["change_id"]), rows[i:i + 2000])
    result.accepted = applied
    return result


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

