"""Search households by name, kana reading or address, ignoring width and hiragana/katakana.

Queries of three characters or more go through the FTS5 trigram index (``app.models.search_index``),
so a city of 100,000 persons answers from the index. Shorter ones (below the trigram size) go through
the character pairs of the entries (``search_pair``, migration 0015): a two-character query is one pair,
a one-character query the pairs starting with it. When that query is common, the town's households
are walked in map-number order instead and each is tested until ``limit`` have matched, which stops
early exactly because the query is common. Either way no query reads every entry, and the answer is
the same: matching households in map-number order.

Which way is cheaper depends on the town's size: reading ``n`` matching entries costs about ``n``
random page reads, walking costs about ``households × limit / n`` (the walk stops after ``limit``
hits). The two meet near ``n = √(households × limit)``: the pairs are read below that count, the
walk above it (``dense_from``). A fixed threshold of 300 made a query with 300 entries walk
8,000 households of a 50,000-household town (0.3 s) where its pairs took 2 ms.

At 150,000 households the index pages a query touches (its FTS or pair entries, the entries, their
households) no longer fit SQLite's default page cache of 8 MB: every page read again is decrypted again.
The connection that answers a search keeps a cache of ``SEARCH_CACHE_KIB`` from its first search on
(``_search_cache``): measured in CPU time beside the default on a 150,000-household ledger, a query of
1,790 entries went from 86–111 ms to 13–18 ms and every query length below 20 ms once its pages were read.

A bulk write of many households and persons (the roster import) may build their entries set-wise instead
(``entries_in_bulk``): the same entries, with the same numbers, as the triggers would have made.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import ColumnElement, Integer, Text, Uuid, bindparam, column, func, literal_column, or_, select, table
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.core.text import fold
from app.core.views import SearchHit
from app.models import Household, Person
from app.models.search_index import PAIR_END, PAIR_KEY_LIMIT, PAIR_TABLE, TRIGRAM, search_entry

HIT_COLUMNS = (Household.id, Household.town_id, Household.map_number, Household.name, Household.address)
search_pair = table(PAIR_TABLE, column("pair", Text), column("entry_id", Integer))
DENSE = 300  # the least count of matching entries for which walking the town in map-number order can be cheaper
LAST_CHARACTER = "\U0010ffff"
SEARCH_CACHE_KIB = 32_000  # SQLite's page cache of a connection that answers searches (its default is 2,000 KiB)
_CACHE_SET = "sasaeai.search_cache"  # marks, in the pooled connection's info, a cache already raised


def _search_cache(session: Session) -> None:
    """Raise the page cache of the session's connection to ``SEARCH_CACHE_KIB`` (never lower it), once per
    connection: it stays raised, so the pages one search read are there for the next keystroke. Memory
    grows only as pages are read, up to that size."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or connection.info.get(_CACHE_SET):
        return
    # A setting of the connection, not a query: said to the driver directly (no statement events, so the statements
    # of a search are the same on its first keystroke as on the next).
    dbapi = connection.connection.dbapi_connection
    if dbapi is None:
        return
    cursor = dbapi.cursor()
    try:
        size = cursor.execute("PRAGMA cache_size").fetchone()[0] or -2000  # < 0: KiB; > 0: pages
        page = cursor.execute("PRAGMA page_size").fetchone()[0] or 4096
        kib = -size if size < 0 else size * page // 1024
        if kib < SEARCH_CACHE_KIB:
            cursor.execute(f"PRAGMA cache_size = {-SEARCH_CACHE_KIB}")
    finally:
        cursor.close()
    connection.info[_CACHE_SET] = True


def search(session: Session, text: str, *, town_id: uuid.UUID | None = None, limit: int = 50) -> list[SearchHit]:
    """Households whose name or address, or one of whose members' name or kana, contains ``text``."""
    key = fold(text)
    if not key:
        return []
    _search_cache(session)
    # A matching entry leads to its household; a person's entry only while the person is not deleted.
    live_member = select(Person.id).where(Person.id == search_entry.c.owner_id, Person.deleted_at.is_(None))
    live = or_(search_entry.c.kind == "h", live_member.exists())
    if len(key) >= TRIGRAM:
        # Driven by the index. The quoted phrase ("" inside) makes FTS5 read the query as plain text.
        matches = sql("SELECT rowid FROM search_fts WHERE search_fts MATCH :phrase").bindparams(
            bindparam("phrase", '"' + key.replace('"', '""') + '"'))
        query = (
            select(*HIT_COLUMNS)
            .select_from(search_entry)
            # "+" keeps SQLite from starting at the households: the few index hits must drive the join.
            .join(Household, Household.id == literal_column("+search_entry.household_id", Uuid))
            .where(search_entry.c.entry_id.in_(matches), Household.deleted_at.is_(None), live)
            .group_by(Household.id)
        )
    else:
        query = _short_query(session, key, live, town_id, limit)
    query = query.order_by(Household.map_number).limit(limit)
    if town_id is not None:
        query = query.where(Household.town_id == town_id)
    households = session.execute(query).all()
    members: dict[uuid.UUID, list[tuple[str, str]]] = {}
    if households:
        # Plain columns, not ORM objects: the answer is needed while the user types.
        for household_id, name, person_key in session.execute(
            select(Person.household_id, Person.name, Person.search_key)
            .where(Person.household_id.in_([h.id for h in households]), Person.deleted_at.is_(None))
            .order_by(Person.sort_order)
        ):
            members.setdefault(household_id, []).append((name, person_key))
    hits: list[SearchHit] = []
    for h in households:
        people = members.get(h.id, [])
        matched = next((name for name, person_key in people if key in person_key), "")
        label = h.name or (people[0][0] if people else h.address)
        hits.append(SearchHit(h.id, h.town_id, h.map_number, label, h.address, matched))
    return hits


def dense_from(session: Session, town_id: uuid.UUID, limit: int) -> int:
    """The count of matching entries from which walking the town beats reading the entries: √(households ×
    limit), at least ``DENSE``. The town's highest map number stands for its size (one index probe)."""
    households = session.scalar(select(func.max(Household.map_number)).where(Household.town_id == town_id)) or 0
    return max(DENSE, math.isqrt(households * max(limit, 1)))


def _short_query(session: Session, key: str, live, town_id: uuid.UUID | None, limit: int):  # noqa: ANN001, ANN202
    """Households matching a query of one or two characters (ordering and limit are added by the caller)."""
    pairs: ColumnElement[bool]
    if len(key) == 1:  # every pair that starts with the character
        pairs = (search_pair.c.pair > key) & (search_pair.c.pair <= key + LAST_CHARACTER)
    else:
        pairs = search_pair.c.pair == key
    dense = dense_from(session, town_id, limit) if town_id is not None else None
    common = dense is not None and (session.scalar(select(func.count()).select_from(
        select(literal_column("1")).select_from(search_pair).where(pairs).limit(dense).subquery())) or 0) >= dense
    if common:
        # Common: walk the town's households in map-number order, testing each one's few entries.
        matching = (select(literal_column("1")).select_from(search_entry)
                    .where(search_entry.c.household_id == Household.id, func.instr(search_entry.c.key, key) > 0, live)
                    .exists())
        return select(*HIT_COLUMNS).where(Household.deleted_at.is_(None), matching)
    # Rare: the pairs give the entries; keys too long to have pairs are tested alone (a partial index).
    long_keys = (select(search_entry.c.entry_id)
                 .where(sql(f"length(search_entry.key) > {PAIR_KEY_LIMIT}"), func.instr(search_entry.c.key, key) > 0))
    entries = select(search_pair.c.entry_id).where(pairs).union(long_keys)
    found = (select(search_entry.c.household_id).where(search_entry.c.entry_id.in_(entries), live)
             .distinct().subquery("found"))
    # "+" keeps SQLite from walking the households: the few matching entries must drive the join.
    return (select(*HIT_COLUMNS).select_from(found)
            .join(Household, Household.id == literal_column("+found.household_id", Uuid))
            .where(Household.deleted_at.is_(None)))


# The triggers that make a new household's or person's search entry and a new entry's pairs (migrations 0005, 0015).
# ``entries_in_bulk`` sets them aside for a bulk insert; the entries' FTS trigger and every update and delete
# trigger stay as they are.
BULK_TRIGGERS = ("search_household_ai", "search_person_ai", "search_pair_ai")
BULK_FROM = 500  # the least count of new households and persons for which ``entries_in_bulk`` builds set-wise


@contextmanager
def entries_in_bulk(session: Session, households: Sequence[uuid.UUID], persons: Sequence[uuid.UUID]) -> Iterator[None]:
    """Around a bulk insert of these households and then these persons (in this order), in the caller's
    transaction: their search entries are made set-wise on leaving, not row by row by the triggers.

    The entries come out as the triggers make them: the households' and then the persons' in the order given
    (so with the same entry numbers, hence the same FTS rows), their pairs from the same SQL as migration
    0015's, inserted in the pairs' order (one pass over the pair index instead of one random descent per
    pair: measured on a 50,000-household ledger, 5,000 persons and 2,500 households, the search index's part of
    the inserts about 0.5 s of CPU less). The triggers are dropped and created again from their own stored SQL,
    inside the transaction: a rollback brings them back with the rest, and they are created again on the way
    out whatever happens inside, so no commit can leave a ledger without them. Below ``BULK_FROM`` rows, on
    another database, or where a trigger is missing, the triggers do the work as usual."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or len(households) + len(persons) < BULK_FROM:
        yield
        return
    session.flush()  # rows the ORM still holds get their entries from the triggers, before these are set aside
    names = ", ".join(f"'{n}'" for n in BULK_TRIGGERS)
    stored: dict[str, str] = dict(connection.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})").all())
    if set(stored) != set(BULK_TRIGGERS):
        yield
        return
    # The driver opens a transaction only before a write (DDL alone would be committed at once): this write of
    # nothing opens it, so the triggers' drop and creation belong to the caller's transaction.
    connection.exec_driver_sql(f"DELETE FROM {PAIR_TABLE} WHERE 0")
    dbapi = connection.connection.dbapi_connection
    if dbapi is None or not dbapi.in_transaction:
        yield
        return
    for name in BULK_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    try:
        yield
        _bulk_entries(session, households, persons)
    finally:
        for name in BULK_TRIGGERS:
            connection.exec_driver_sql(stored[name])


def _bulk_entries(session: Session, households: Sequence[uuid.UUID], persons: Sequence[uuid.UUID]) -> None:
    connection = session.connection()
    before = connection.exec_driver_sql("SELECT coalesce(max(entry_id), 0) FROM search_entry").scalar()
    # As search_household_ai and search_person_ai, in the order the rows were given (json_each's key).
    connection.exec_driver_sql(
        "INSERT INTO search_entry(owner_id, household_id, kind, key) SELECT h.id, h.id, 'h', h.search_key "
        "FROM json_each(?) AS given CROSS JOIN household AS h ON h.id = given.value ORDER BY given.key",
        (json.dumps([h.hex for h in households]),))
    connection.exec_driver_sql(
        "INSERT INTO search_entry(owner_id, household_id, kind, key) SELECT p.id, p.household_id, 'p', p.search_key "
        "FROM json_each(?) AS given CROSS JOIN person AS p ON p.id = given.value ORDER BY given.key",
        (json.dumps([p.hex for p in persons]),))
    # As search_pair_ai, for every entry just made (the FTS trigger has indexed them on the way).
    connection.exec_driver_sql(
        f"INSERT OR IGNORE INTO {PAIR_TABLE}(pair, entry_id) "
        f"SELECT substr(e.key || char({ord(PAIR_END)}), n.n, 2) AS pair, e.entry_id FROM search_entry AS e "
        f"JOIN search_number AS n ON n.n <= length(e.key) WHERE e.entry_id > ? AND length(e.key) <= {PAIR_KEY_LIMIT} "
        "ORDER BY pair, e.entry_id", (before,))
