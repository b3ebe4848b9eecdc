"""Search households by name, kana reading or address, ignoring width and hiragana/katakana.

Queries of three characters or more go through the FTS5 trigram index (``app.models.search_index``),
so a city of 100,000 persons answers from the index. Shorter ones (below the trigram size) go through
the character pairs of the entries (``search_pair``, migration 0015): a two-character query is one pair,
a one-character query the pairs starting with it. When that query is common, the town is walked in
map-number order instead until ``limit`` households have matched, which stops early exactly because the
query is common: for one character its households, each one's entries tested; for two characters every
entry in map-number order, each tested with one probe of the query's pair. Either way no query reads every entry, and the answer is
the same: matching households in map-number order.

Which way is cheaper depends on the town's size: reading ``n`` matching entries costs about ``n``
random page reads, walking costs about ``households × limit / n`` (the walk stops after ``limit``
hits). The two meet near ``n = √(households × limit)``: the pairs are read below that count, the
walk above it (``dense_from``). A fixed threshold of 300 made a query with 300 entries walk
8,000 households of a 50,000-household town (0.3 s) where its pairs took 2 ms.

Either way the matching entries are put in map-number order before anything else is read: each entry keeps its
household's map number (``search_entry.map_number``, migration 0019), and the small index ``ix_search_entry_rank``
(entry, map number) orders them from a few pages; only the first households' entries, rows and members are then
read, until ``limit`` live households of the town are found. Before, every matching entry was followed to its row,
its household and (for a person) the person's row, three to five pages each, every one decrypted by SQLCipher on a
first search: at 150,000 households 山田 キヨ (320 entries) took 31-34 ms of CPU cold and 府中3丁目 (1,790) 55-62 ms;
now 11-12 and 13-14 ms. A common two-character query walks ``ix_search_entry_order`` (map number, entry) and
probes the query's pair for each entry (府中, 8,857 entries: 21-25 → 5-7 ms cold). The statements are plain SQL
(SQLite's MATERIALIZED, INDEXED BY and CROSS JOIN fix the plan), so a first search compiles nothing either.

At 150,000 households the index pages a query touches (its FTS or pair entries, the entries, their
households) no longer fit SQLite's default page cache of 8 MB: every page read again is decrypted again.
The connection that answers a search keeps a cache of ``SEARCH_CACHE_KIB`` from its first search on
(``_search_cache``): measured in CPU time beside the default on a 150,000-household ledger, a query of
1,790 entries went from 86–111 ms to 13–18 ms and every query length below 20 ms once its pages were read.

A bulk write of many households and persons (the roster import) may build their entries set-wise instead
(``entries_in_bulk``): the same entries, with the same numbers, as the triggers would have made.
"""

from __future__ import annotations

import functools
import json
import math
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.core.text import fold
from app.core.views import SearchHit
from app.models.search_index import PAIR_END, PAIR_KEY_LIMIT, PAIR_TABLE, TRIGRAM

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
    connection = session.connection()  # plain SQL, each statement written once (_statement): the user is typing
    params: dict[str, object] = {"key": key, "limit": limit}
    if town_id is not None:
        params["town_id"] = town_id.hex  # as SQLAlchemy's Uuid stores it in SQLite
    if len(key) >= TRIGRAM:
        way = "trigram"
        params["phrase"] = '"' + key.replace('"', '""') + '"'  # the quoted phrase makes FTS5 read plain text
    else:
        way = "one" if len(key) == 1 else "two"
        params["last"] = key + LAST_CHARACTER
        if town_id is not None:
            dense = dense_from(session, town_id, limit)
            if (connection.exec_driver_sql(_count(way), {**params, "dense": dense}).scalar() or 0) >= dense:
                way = "walk" if way == "one" else "walk pairs"
    rows = connection.exec_driver_sql(_statement(way, town_id is not None), params).all()
    towns: dict[str, uuid.UUID] = {} if town_id is None else {town_id.hex: town_id}
    hits: list[SearchHit] = []
    for hid, tid, map_number, name, address, first_name, matched_name in rows:
        town = towns.get(tid) or towns.setdefault(tid, uuid.UUID(hex=tid))
        label = name or (address if first_name is None else first_name)  # no live member: the address
        hits.append(SearchHit(uuid.UUID(hex=hid), town, map_number, label, address, matched_name or ""))
    return hits


def dense_from(session: Session, town_id: uuid.UUID, limit: int) -> int:
    """The count of matching entries from which walking the town beats reading the entries: √(households ×
    limit), at least ``DENSE``. The town's highest map number stands for its size (one index probe)."""
    households = session.connection().exec_driver_sql(
        "SELECT max(map_number) FROM household WHERE town_id = :town_id", {"town_id": town_id.hex}).scalar() or 0
    return max(DENSE, math.isqrt(households * max(limit, 1)))


def _pairs(way: str) -> str:
    if way == "one":  # every pair that starts with the character
        return "pair > :key AND pair <= :last"
    return "pair = :key"


@functools.cache
def _count(way: str) -> str:
    """How many pairs match, counted up to ``:dense``."""
    return f"SELECT count(*) FROM (SELECT 1 FROM {PAIR_TABLE} WHERE {_pairs(way)} LIMIT :dense)"


# A matching entry leads to its household; a person's entry only while the person is not deleted.
_LIVE = "(e.kind = 'h' OR EXISTS (SELECT 1 FROM person AS p WHERE p.id = e.owner_id AND p.deleted_at IS NULL))"
_HOUSEHOLD = "h.id, h.town_id, h.map_number, h.name, h.address"


@functools.cache
def _statement(way: str, in_town: bool) -> str:
    """The search's one statement for a way of finding the households (parameters: key, last, phrase, limit,
    town_id): the page of matching households in map-number order, and for each of them (only those: the page's
    limit applies first) its first live member and the first one whose key holds the query (ix_person_household_first).
    Ids come back as their stored text: a hit needs one UUID per household, and the town's is shared.

    Plain SQL, for SQLite's own words (MATERIALIZED, INDEXED BY, CROSS JOIN) and so that a first search compiles
    nothing (SQLAlchemy's compilation and cache key were 7-10 ms of the first search's CPU)."""
    town = " AND h.town_id = :town_id" if in_town else ""
    # Followed from an entry in map-number order, its live household of the town. The entries come from a
    # subquery that yields them in that order (a materialized one, or a co-routine kept apart from this join by
    # its LIMIT); CROSS JOIN keeps it the outer loop, so DISTINCT ... LIMIT keeps the first households and stops.
    followed = ("CROSS JOIN search_entry AS e CROSS JOIN household AS h WHERE e.entry_id = ranked.entry_id "
                f"AND h.id = e.household_id AND h.deleted_at IS NULL{town} AND {_LIVE} LIMIT :limit")
    if way == "walk":  # a common query of one character: the town's households in map-number order,
        # each one's few entries tested (stops early exactly because the query is common)
        hit = (f"SELECT {_HOUSEHOLD} FROM household AS h WHERE h.deleted_at IS NULL{town} AND EXISTS ("
               f"SELECT 1 FROM search_entry AS e WHERE e.household_id = h.id AND instr(e.key, :key) > 0 AND {_LIVE}) "
               "ORDER BY h.map_number LIMIT :limit")
    elif way == "walk pairs":  # a common query of two characters: every entry in map-number order from
        # ix_search_entry_order, each tested with one probe of the query's pairs (the few pages of one pair), until
        # the page is full; keys too long to have pairs are tested alone
        hit = (f"SELECT DISTINCT {_HOUSEHOLD} FROM (SELECT r.entry_id FROM search_entry AS r "
               f"INDEXED BY ix_search_entry_order WHERE EXISTS (SELECT 1 FROM {PAIR_TABLE} AS sp "
               "WHERE sp.pair = :key AND sp.entry_id = r.entry_id) OR r.entry_id IN (SELECT entry_id FROM search_entry "
               f"WHERE length(search_entry.key) > {PAIR_KEY_LIMIT} AND instr(search_entry.key, :key) > 0) "
               f"ORDER BY r.map_number, r.entry_id LIMIT -1) AS ranked {followed}")
    else:
        if way == "trigram":  # the FTS5 index's entries
            entries = "SELECT rowid FROM search_fts WHERE search_fts MATCH :phrase"
        else:  # the pairs give the entries; keys too long to have pairs are tested alone (a partial index)
            entries = (f"SELECT entry_id FROM {PAIR_TABLE} WHERE {_pairs(way)} UNION SELECT entry_id FROM search_entry "
                       f"WHERE length(search_entry.key) > {PAIR_KEY_LIMIT} AND instr(search_entry.key, :key) > 0")
        # The matching entries in map-number order from ix_search_entry_rank alone (a few small pages, not each
        # entry's row and household), then followed in that order until ``limit`` live households of the town are
        # found: only the first households' pages are read.
        hit = (f"WITH matched(entry_id) AS MATERIALIZED ({entries}), "
               "ranked AS MATERIALIZED (SELECT r.entry_id FROM search_entry AS r INDEXED BY ix_search_entry_rank "
               "WHERE r.entry_id IN matched ORDER BY r.map_number, r.entry_id) "
               f"SELECT DISTINCT {_HOUSEHOLD} FROM ranked {followed}")
    members = "FROM person WHERE person.household_id = hit.id AND person.deleted_at IS NULL"
    return (f"SELECT hit.id, hit.town_id, hit.map_number, hit.name, hit.address, "
            f"(SELECT person.name {members} ORDER BY person.sort_order LIMIT 1), "
            f"(SELECT person.name {members} AND instr(person.search_key, :key) > 0 ORDER BY person.sort_order LIMIT 1) "
            f"FROM ({hit}) AS hit ORDER BY hit.map_number")


# The triggers that make a new household's or person's search entry and a new entry's pairs (migrations 0019, 0015).
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
    except BaseException:
        # Where SQLite itself rolled the transaction back (a full disk, an I/O error), the drop went with it and
        # the triggers are back: put back only in a transaction still open, and let the caller hear its own error.
        if dbapi.in_transaction:
            _put_back(connection, stored)
        raise
    _put_back(connection, stored)


def _put_back(connection: Connection, stored: dict[str, str]) -> None:
    for name in BULK_TRIGGERS:
        connection.exec_driver_sql(stored[name])


def _bulk_entries(session: Session, households: Sequence[uuid.UUID], persons: Sequence[uuid.UUID]) -> None:
    connection = session.connection()
    before = connection.exec_driver_sql("SELECT coalesce(max(entry_id), 0) FROM search_entry").scalar()
    # As search_household_ai and search_person_ai (migration 0019's), in the order the rows were given (json_each's key).
    connection.exec_driver_sql(
        "INSERT INTO search_entry(owner_id, household_id, kind, key, map_number) "
        "SELECT h.id, h.id, 'h', h.search_key, h.map_number "
        "FROM json_each(?) AS given CROSS JOIN household AS h ON h.id = given.value ORDER BY given.key",
        (json.dumps([h.hex for h in households]),))
    connection.exec_driver_sql(
        "INSERT INTO search_entry(owner_id, household_id, kind, key, map_number) "
        "SELECT p.id, p.household_id, 'p', p.search_key, (SELECT map_number FROM household WHERE id = p.household_id) "
        "FROM json_each(?) AS given CROSS JOIN person AS p ON p.id = given.value ORDER BY given.key",
        (json.dumps([p.hex for p in persons]),))
    # As search_pair_ai, for every entry just made (the FTS trigger has indexed them on the way).
    connection.exec_driver_sql(
        f"INSERT OR IGNORE INTO {PAIR_TABLE}(pair, entry_id) "
        f"SELECT substr(e.key || char({ord(PAIR_END)}), n.n, 2) AS pair, e.entry_id FROM search_entry AS e "
        f"JOIN search_number AS n ON n.n <= length(e.key) WHERE e.entry_id > ? AND length(e.key) <= {PAIR_KEY_LIMIT} "
        "ORDER BY pair, e.entry_id", (before,))
