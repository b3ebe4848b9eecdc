"""The office server (PostgreSQL), the office's side: prepare it, register laptops, and what the
administrator's connection does for USB packages (check a package's laptop and scope, act as it).

Laptops never import this package: a laptop needs only app.sync.

Scope is the server's job, not the client's: every laptop logs in as its own PostgreSQL role, whose
row-level security policies show and let it change only its districts' rows (and its districts'
journal rows); a trigger on the journal stamps who sent each change, checks its district against
the record, refuses a change to a field another laptop changed after the sender's ``base_seq``, and
hands out the sequence numbers under a lock, so they become visible in order.

USB packages have no login: each laptop gets a random package key at registration (kept in
``sync_laptop``; the laptop reads it through its own login, or finds it in the office's first package)
and the packages both ways carry an HMAC made with it (app.sync.packages checks them).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.core.errors import QT_TRANSLATE_NOOP
from app.models import Base
from app.models.engine import upgrade
from app.models.sync import CITY_WIDE, DISTRICT_PATHS, LINK_PATHS, sync_change, sync_laptop, sync_laptop_district
from app.sync.core import (
    ADVISORY_LOCK,
    Change,
    SyncError,
    district_joins,
    district_sql,
    districts_of,
    dumps,
    insert_records,
)
from app.sync.protocol import STALE_SQLSTATE, LaptopInfo, connect, laptop_info, server_url, unreachable, whoami

SERVER_LAPTOP = "server"  # the pseudo-laptop the office's administrator role writes as
PACKAGE_KEY_BYTES = 32


@dataclass(frozen=True)
class Registration:
    name: str
    role: str
    password: str
    url: str  # what the laptop syncs with: its own role and password


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def group_role(conn: Connection) -> str:
    return f"{conn.scalar(text('SELECT current_database()'))}_laptops"[:63]


def _in_scope(district: str) -> str:
    """A policy's test that the district is one of the laptop's: the laptop's districts are read once per
    statement (``sasaeai_in_scope(d)`` is the same test, one query per row)."""
    return f"((SELECT sasaeai_all_districts()) OR ({district}) IN (SELECT sasaeai_my_districts()))"


def _security_sql(group: str) -> list[str]:
    g = _q(group)
    cases = "\n".join(
        f"    WHEN '{entity}' THEN RETURN (SELECT {district_sql(entity, 'r')} FROM {entity} r WHERE r.id = row_id);"
        for entity in DISTRICT_PATHS if entity != "district")
    # Each entity's districts for an array of ids, set-wise (the journal's lookups of a first sync, protocol.journal_rows).
    lookups = "\n".join(
        f"    WHEN '{entity}' THEN RETURN QUERY SELECT r.id, {district} FROM {entity} r {joins} WHERE r.id = ANY(ids);"
        for entity in DISTRICT_PATHS if entity != "district" for joins, district in [district_joins(entity, "r")])
    district_checks = "\n".join(
        f"""          IF EXISTS (SELECT 1 FROM new_rows n JOIN {entity} r ON r.id = n.entity_id
                     WHERE n.entity = '{entity}' AND n.district_id IS DISTINCT FROM {district_sql(entity, 'r')}) THEN
            RAISE EXCEPTION 'a change to % names another district than the record''s', '{entity}'
              USING ERRCODE = 'insufficient_privilege';
          END IF;"""
        for entity in DISTRICT_PATHS if entity != "district")
    city_wide = ", ".join(f"'{e}'" for e in CITY_WIDE)
    statements = [
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN CREATE ROLE {g} NOLOGIN; END IF;
        END $$""",
        """CREATE OR REPLACE FUNCTION sasaeai_in_scope(d uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT EXISTS (SELECT 1 FROM sync_laptop l LEFT JOIN sync_laptop_district x ON x.laptop_id = l.id
                           WHERE l.role_name = current_user AND (l.all_districts OR x.district_id = d)) $$""",
        # For the policies: evaluated once per statement (an InitPlan and a hashed subplan), not once per row.
        """CREATE OR REPLACE FUNCTION sasaeai_all_districts() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT coalesce(bool_or(all_districts), false) FROM sync_laptop WHERE role_name = current_user $$""",
        """CREATE OR REPLACE FUNCTION sasaeai_my_districts() RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
            SELECT x.district_id FROM sync_laptop l JOIN sync_laptop_district x ON x.laptop_id = l.id
             WHERE l.role_name = current_user $$""",
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
        # ``sasaeai_district_of`` for many records of one table at once, read as its owner as that one is (the
        # laptop's policies nested in every table of a district's path cost 10 us a row); it tells no more than it.
        f"""CREATE OR REPLACE FUNCTION sasaeai_districts_of(entity text, ids uuid[])
            RETURNS TABLE (id uuid, district_id uuid)
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
        BEGIN
          CASE entity
            WHEN 'district' THEN RETURN QUERY SELECT r.id, r.id FROM district r WHERE r.id = ANY(ids);
{lookups}
            ELSE RETURN;
          END CASE;
        END $$""",
        # Per row only what cannot wait: who sends it, its sequence number (under the lock, so they become
        # visible in order), a district not given. The district and stale checks are done once per statement
        # on the inserted rows.
        f"""CREATE OR REPLACE FUNCTION sasaeai_change_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          me uuid; me_name text;
        BEGIN
          SELECT id, name INTO me, me_name FROM sync_laptop WHERE role_name = current_user;
          IF me IS NULL THEN
            RAISE EXCEPTION 'role % is not a registered laptop', current_user USING ERRCODE = 'insufficient_privilege';
          END IF;
          PERFORM pg_advisory_xact_lock({ADVISORY_LOCK});
          NEW.laptop_id := me;
          NEW.laptop_name := me_name;
          IF NEW.entity = 'district' THEN
            NEW.district_id := NEW.entity_id;
          ELSIF NEW.district_id IS NULL THEN  -- not given (receive() always gives it): the record's, if any
            NEW.district_id := sasaeai_district_of(NEW.entity, NEW.entity_id);
          END IF;
          NEW.seq := nextval('sync_change_seq');
          NEW.received_at := now();
          RETURN NEW;
        END $$""",
        # Once per statement, on all its rows: each change names its record's district (the sender computes
        # it, receive() sets it from the server's rows), and none touches a field another laptop changed after
        # the sender's base_seq (among the journal rows that laptop may see, as its policy shows them).
        f"""CREATE OR REPLACE FUNCTION sasaeai_change_after_insert() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public AS $$
        DECLARE
          stale record;
        BEGIN
{district_checks}
          SELECT n.entity, n.entity_id, n.base_seq INTO stale FROM new_rows n
            JOIN sync_laptop l ON l.id = n.laptop_id
            JOIN sync_change c ON c.entity_id = n.entity_id AND c.seq > n.base_seq AND c.laptop_id <> n.laptop_id
           WHERE (c.field IS NOT DISTINCT FROM n.field OR c.field IS NULL OR n.field IS NULL
                  OR c.field = 'deleted_at' OR n.field = 'deleted_at')
             AND ((c.district_id IS NULL AND c.entity IN ({city_wide})) OR l.all_districts
                  OR c.district_id IN (SELECT x.district_id FROM sync_laptop_district x WHERE x.laptop_id = l.id))
           LIMIT 1;
          IF FOUND THEN
            RAISE EXCEPTION 'stale change to % %: another laptop changed it after sequence %',
              stale.entity, stale.entity_id, stale.base_seq USING ERRCODE = '{STALE_SQLSTATE}';
          END IF;
          RETURN NULL;
        END $$""",
        "DROP TRIGGER IF EXISTS sasaeai_change_before_insert ON sync_change",
        """CREATE TRIGGER sasaeai_change_before_insert BEFORE INSERT ON sync_change
           FOR EACH ROW EXECUTE FUNCTION sasaeai_change_before_insert()""",
        "DROP TRIGGER IF EXISTS sasaeai_change_after_insert ON sync_change",
        """CREATE TRIGGER sasaeai_change_after_insert AFTER INSERT ON sync_change
           REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sasaeai_change_after_insert()""",
        f"GRANT USAGE ON SCHEMA public TO {g}",
        # A first sync's journal rows are copied into a temporary table (app.sync.protocol.journal_rows).
        f"DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), '{group}'); END $$",
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
        statements += policy(entity, _in_scope(district_sql(entity, entity)))
    for entity in CITY_WIDE:
        statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {entity} TO {g}")
        statements += policy(entity, "true")
    statements += policy("sync_change", f"(district_id IS NULL AND entity IN ({city_wide})) OR {_in_scope('district_id')}")
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
            raise unreachable(url, e) from e
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
        raise unreachable(url, e) from e
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
        raise unreachable(url, e) from e
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


def registered_laptop(conn: Connection, name: str, where: str) -> LaptopInfo:
    """On the administrator's connection: the laptop registered under ``name`` (a package's claim)."""
    row = conn.execute(select(sync_laptop).where(sync_laptop.c.name == name)).first()
    if row is None or name == SERVER_LAPTOP:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "no laptop called {name} is registered on the server"),
                        where=where, name=name)
    return laptop_info(conn, row)


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
