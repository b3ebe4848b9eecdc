"""A first sync's sending laptop reads its records and sends them without making or parsing anything twice
(issue 17), and what it reads and stores is what the plain ways gave.

GIVEN a generated district (one record with odd values), WHEN laptop A reads its records (ids as stored
text, matched to the asked-for id objects), finds their districts, and the server stores the creates from
their JSON text as it is, THEN the records, the districts and the stored rows equal the plain ways', and a
create made on this laptop is not parsed back nor encoded again on its way to the server.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError

from app.models import Base, Person, open_ledger
from app.models.entities import household_category_link
from app.models.sync import DISTRICT_PATHS, SyncUnpushedRecord
from app.paths import ledger_path
from app.sync import core, journal, protocol, sync, sync_status
from app.sync.core import SYNCED_TABLES, Change, district_sql, districts_of, dumps, row_json, table_of
from bench.generate import DISTRICT, generate
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures
from tests.test_sync_server import _two_districts

JST = timezone(timedelta(hours=9))


@pytest.fixture
def district(tmp_path):
    generate(tmp_path / "d", 50)
    ledger = open_ledger(ledger_path(tmp_path / "d"))
    with ledger.Session.begin() as s:
        p = s.scalars(select(Person)).first()
        p.deleted_at = datetime(2026, 12, 1, 0, 0, 1, tzinfo=JST)
        p.note = "「引用」\\ と \"二重\""
        p.created_at = datetime(2026, 11, 30, 8, 0, 0, 123, tzinfo=timezone.utc)
    with ledger.Session.begin() as s:  # times as other writers may have spelled them: read the long way
        s.execute(text("UPDATE household SET updated_at = '2026-12-01 09:30:15' WHERE rowid = 1"))
        s.execute(text("UPDATE household SET updated_at = '2026-12-01T09:30:15.5' WHERE rowid = 2"))
    yield ledger
    ledger.close()


def test_records_read_with_their_ids_as_text_equal_the_rows_json_form_keyed_by_the_given_ids(district):
    with district.Session() as s:
        conn = s.connection()
        compared = 0
        for entity in SYNCED_TABLES:
            table = table_of(entity)
            ids = [uuid.UUID(str(i)) for i in conn.scalars(select(table.c.id))]  # objects of our own
            # WHEN the records are read a table at a time
            found = journal.records_of(conn, entity, ids)
            # THEN each is the row's JSON form (households with their sorted categories) ...
            plain = {}
            for row in conn.execute(select(table)).mappings():
                plain[row["id"]] = row_json(table, row)
                if entity == "household":
                    plain[row["id"]]["categories"] = journal.categories_of(conn, row["id"])
            assert found == plain
            # ... under the very id objects asked for (no UUID made per row)
            given = {id(i) for i in ids}
            assert all(id(k) in given for k in found)
            compared += len(found)
        assert compared > 150


@pytest.mark.parametrize("whole_table_from", [10**9, 1])
def test_districts_read_with_ids_as_text_are_the_typed_reads_and_keyed_by_the_given_ids(district, monkeypatch,
                                                                                        whole_table_from):
    monkeypatch.setattr(core, "WHOLE_TABLE_FROM", whole_table_from)  # 1: the table read whole, most of it asked for
    with district.Session() as s:
        conn = s.connection()
        for entity in ("town", "household", "person", "watcher", "watch_link"):
            table = table_of(entity)
            ids = [uuid.UUID(str(i)) for i in conn.scalars(select(table.c.id))]
            if len(ids) > 4:
                left = ids.pop(len(ids) // 2)  # one of the table's not asked for: not in the answer
            ids.append(uuid.uuid4())  # not here: left out
            typed = {r.id: r.district_id for r in conn.execute(
                text(f"SELECT r.id AS id, {district_sql(entity, 'r')} AS district_id FROM {entity} r")
                .columns(id=table.c.id.type, district_id=table.c.id.type))}
            if len(typed) > 4:
                typed.pop(left)
            found = districts_of(conn, entity, ids)
            assert found == typed and len(found) == len(ids) - 1
            assert all(isinstance(d, uuid.UUID) for d in found.values())
            given = {id(i) for i in ids}
            assert all(id(k) in given for k in found)


def test_a_create_made_here_gives_its_record_without_parsing_its_value(monkeypatch):
    record = {"id": str(uuid.uuid4()), "name": "山田", "note": None, "categories": ["b", "a"]}
    change = Change(uuid.uuid4(), "household", uuid.UUID(record["id"]), None, "create", dumps(record),
                    made_from=record)
    monkeypatch.setattr(core.json, "loads", lambda *a, **k: pytest.fail("parsed its own value again"))
    got = change.record()
    assert got == record and got is not record  # a copy: the sender's record stays as it was dumped
    monkeypatch.undo()
    assert Change(change.change_id, "household", change.entity_id, None, "create", change.value).record() == record
    assert change == Change(change.change_id, "household", change.entity_id, None, "create", change.value,
                            at=change.at)  # equal to the same change received (``made_from`` is not compared)


def test_creates_stored_from_their_json_text_equal_those_stored_from_their_records(server_url, district,  # noqa: F811
                                                                                  monkeypatch):
    with district.Session() as s:
        conn = s.connection()
        records = {name: list(journal.records_of(conn, name, list(conn.scalars(select(table_of(name).c.id))))
                              .values()) for name in ("district", "town", "household", "person")}
    naive = dict(records["town"][0], updated_at=records["town"][0]["updated_at"].replace("+00:00", ""))
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    real_dumps = json.dumps
    try:
        stored = {}
        for how in ("records", "texts"):
            with engine.begin() as pg:
                for name, rows in records.items():
                    if name == "town":
                        rows = [naive, *rows[1:]]  # a time without its zone: UTC (that batch goes the slow way)
                    if how == "records":
                        core.insert_records(pg, name, rows)
                        continue
                    texts = [dumps(r) for r in rows]
                    encoded: list[int] = []
                    monkeypatch.setattr(core.json, "dumps", lambda data, **k: encoded.append(len(data))
                                        or real_dumps(data, **k))
                    core.insert_records(pg, name, rows, texts)
                    monkeypatch.setattr(core.json, "dumps", real_dumps)
                    # THEN the records' own text goes to the server (only the categories' links are encoded)
                    links = sum(len(r["categories"]) for r in rows) if name == "household" else 0
                    assert sum(encoded) == (len(rows) if name == "town" else links)
                stored[how] = {name: sorted(tuple(str(v) for v in r)
                                            for r in pg.execute(select(Base.metadata.tables[name])))
                               for name in records}
                stored[how]["link"] = sorted(tuple(str(v) for v in r) for r in pg.execute(select(household_category_link)))
                pg.execute(household_category_link.delete())
                for name in reversed(list(records)):
                    pg.execute(Base.metadata.tables[name].delete())
        assert len(stored["texts"]["person"]) == len(records["person"]) > 50
        assert stored["texts"]["link"]
        assert stored["texts"] == stored["records"]
    finally:
        engine.dispose()


def test_journal_rows_copied_in_are_stored_as_those_sent_as_json_and_the_policies_still_hold(make_laptop,  # noqa: F811
                                                                                            server_url, monkeypatch):
    # GIVEN two laptops of two districts, each with a household on the server
    north, south = _two_districts(make_laptop)
    admin = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with admin.connect() as pg:
        homes = dict(pg.execute(text("SELECT t.name, h.id FROM household h JOIN town t ON t.id = h.town_id")).all())
        north_district = pg.execute(text("SELECT id FROM district WHERE name = '北日野地区'")).scalar_one()
        south_district = pg.execute(text("SELECT d.id FROM district d JOIN town t ON t.district_id = d.id "
                                         "WHERE t.name = '余川町'")).scalar_one()
        top = pg.execute(text("SELECT max(seq) FROM sync_change")).scalar_one()
    laptop = create_engine(north.url.replace("postgresql://", "postgresql+psycopg://"))

    def rows(n: int) -> list[dict]:
        return [dict(Change(uuid.uuid4(), "household", homes["矢船町"], "note", "update",
                            dumps(f"メモ {k}\t「引用」\\ と \"二重\"\n改行"), "北日野 太郎", "民生委員",
                            datetime(2026, 12, 2, 9, k, tzinfo=JST), north_district, top).as_row(), base_seq=top)
                for k in range(n)]

    def stored(ids: list[uuid.UUID]) -> list[tuple]:
        with admin.connect() as pg:
            return [tuple(r) for r in pg.execute(text(
                "SELECT entity, entity_id, field, action, value, district_id, laptop_name, base_seq, operator_name, "
                "operator_role, at FROM sync_change WHERE change_id = ANY(:ids) ORDER BY seq"), {"ids": ids})]

    try:
        kept = {}
        for way, copy_from in (("json", 10**9), ("copy", 1)):
            monkeypatch.setattr(protocol, "COPY_FROM", copy_from)
            sent = rows(5)
            # WHEN the rows are journaled as the laptop's role, then sent again
            for _ in range(2):
                with laptop.begin() as conn:
                    protocol.journal_rows(conn, sent)
            kept[way] = stored([r["change_id"] for r in sent])
        # THEN they are stored once each, in their order, the same either way
        assert len(kept["copy"]) == 5 and kept["copy"] == kept["json"]
        assert [v for *_, v in kept["copy"]] == sorted(v for *_, v in kept["copy"])
        # AND a copied-in row naming the other district's household is refused with the rest
        monkeypatch.setattr(protocol, "COPY_FROM", 1)
        spy = rows(3)
        spy[1]["entity_id"] = homes["余川町"]
        with pytest.raises(DBAPIError) as refused:
            with laptop.begin() as conn:
                protocol.journal_rows(conn, spy)
        assert getattr(refused.value.orig, "sqlstate", None) == "42501"
        assert stored([r["change_id"] for r in spy]) == []
        # AND copied in with their districts taken from the server's rows (a first sync's receive): a row naming
        # another district for a record of this one is stored with its record's district, not refused ...
        wrong = [dict(r, district_id=south_district) for r in rows(3)]
        with laptop.begin() as conn:
            protocol.journal_rows(conn, wrong, districts_of_tables={"household"})
        assert [r[5] for r in stored([r["change_id"] for r in wrong])] == [north_district] * 3
        # ... but a change to a record of the other district, which this laptop cannot see, is refused with the lot
        # (its record's district is not one of the laptop's)
        spy = rows(3)
        spy[1]["entity_id"] = homes["余川町"]
        with pytest.raises(DBAPIError) as refused:
            with laptop.begin() as conn:
                protocol.journal_rows(conn, spy, districts_of_tables={"household"})
        assert getattr(refused.value.orig, "sqlstate", None) == "42501"
        assert stored([r["change_id"] for r in spy]) == []
    finally:
        laptop.dispose()
        admin.dispose()


def test_a_first_sync_copied_in_settles_every_snapshot_record_and_reaches_the_other_laptop(make_laptop,  # noqa: F811
                                                                                           tmp_path, monkeypatch):
    # GIVEN laptop A's generated district, sent the way a large first sync is (its journal copied in)
    monkeypatch.setattr(protocol, "COPY_FROM", 10)
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    a.ledger.close()
    generate(tmp_path / "a-data", 40)
    a.ledger = open_ledger(ledger_path(tmp_path / "a-data"))
    with a.ledger.Session() as s:
        records = sum(s.scalar(select(func.count()).select_from(table_of(e))) or 0 for e in SYNCED_TABLES)
    # WHEN A syncs
    first = sync(a.ledger, a.url)
    # THEN every record went once (the district is the server's, received first), none waits to be sent, and a
    # second sync sends nothing
    assert first.sent == records - 1 > 100
    with a.ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(SyncUnpushedRecord)) == 0
        assert sync_status(s).pending_changes == 0
    assert sync(a.ledger, a.url).sent == 0
    # AND B receives the same records
    assert sync(b.ledger, b.url).received == records
    for entity in ("household", "person", "watch_link"):
        with a.ledger.Session() as sa, b.ledger.Session() as sb:
            ids = list(sa.scalars(select(table_of(entity).c.id)))
            assert journal.records_of(sb.connection(), entity, ids) == journal.records_of(sa.connection(), entity, ids)


def test_a_first_sync_journals_each_record_in_its_district_read_a_table_at_a_time(make_laptop, server_url,  # noqa: F811
                                                                                  tmp_path, monkeypatch):
    # GIVEN laptop A's generated district, sent the way a large first sync is (its journal copied in)
    monkeypatch.setattr(protocol, "COPY_FROM", 10)
    a = make_laptop("laptop-a", [DISTRICT])
    a.ledger.close()
    generate(tmp_path / "a-data", 30)
    a.ledger = open_ledger(ledger_path(tmp_path / "a-data"))
    # WHEN A syncs
    assert sync(a.ledger, a.url).sent > 100
    # THEN the server's districts of many records of a table at once are those of each record alone, for every
    # table that syncs by district, and each create is journaled in its record's district
    admin = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with admin.connect() as pg:
            for entity in DISTRICT_PATHS:
                each = dict(pg.execute(text(f"SELECT id, sasaeai_district_of(:e, id) FROM {entity}"), {"e": entity}).all())
                many = dict(pg.execute(text(f"SELECT id, district_id FROM sasaeai_districts_of(:e, ARRAY(SELECT id "
                                            f"FROM {entity}))"), {"e": entity}).all())
                assert many == each, entity
                journaled = dict(pg.execute(text("SELECT entity_id, district_id FROM sync_change WHERE entity = :e "
                                                 "AND action = 'create'"), {"e": entity}).all())
                assert journaled == each, entity
                if entity in ("district", "household", "person", "watch_link", "emergency_card", "emergency_contact"):
                    assert each and None not in each.values(), entity
    finally:
        admin.dispose()
