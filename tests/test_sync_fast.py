"""The fast paths of a first sync write and read exactly what the plain ways did (issue 17).

GIVEN tricky rows (Japanese text, empty and missing values, enums, aware and naive times, dates, booleans,
JSON), WHEN they are written through the bulk step (``insert_plain``: plain tuples through the driver) or
put in their JSON form (``row_json``: one encoder per column) or stored on the server from that JSON form
as it is, THEN what comes back is what Core's ``insert``, ``encode`` per value and ``decode_row`` gave.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import create_engine, insert, select

from app.models import AuditAction, AuditEntry, Base, Household, Person, open_ledger
from app.models.audit import Operator, Origin, created_entries, expand_created
from app.models.entities import household_category_link
from app.models.writes import Writes, insert_plain, large_cache
from app.office.server import init_server
from app.paths import ledger_path
from app.privacy.audit import entry_rows
from app.sync import core
from app.sync.core import SYNCED_TABLES, encode, row_json
from bench.generate import generate
from tests.sync_fixtures import pg_admin_url, server_url  # noqa: F401 - fixtures

JST = timezone(timedelta(hours=9))


def _entries() -> list[dict]:
    """Audit rows as the applier and the roster make them, with every awkward value the log holds."""
    hid, pid = uuid.uuid4(), uuid.uuid4()
    origin = Origin(Operator("田中民生委員", "welfare commissioner"), "sync: laptop-a",
                    datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=JST))
    person = dict(id=pid, household_id=hid, name="山田　ハル", kana="やまだ はる", phone="", birth_date=date(1931, 4, 1),
                  of_concern=True, note=None, deleted_at=datetime(2026, 11, 30, 23, 59, tzinfo=timezone.utc))
    rows = created_entries(origin, "person", person)
    rows += created_entries(Origin(Operator("", ""), ""), "household", dict(id=hid, name="", note="改行\nと'引用符'"))
    rows.append(dict(rows[0], action=AuditAction.ARCHIVE, field="deleted_at", old_value=None, new_value=None,
                     entity_id=None, person_id=None, household_id=None, label=""))
    return rows


def _read(conn) -> list[tuple]:  # noqa: ANN001
    a = AuditEntry.__table__
    return [tuple(r)[1:] for r in conn.execute(select(a).order_by(a.c.id))]


def test_the_bulk_step_writes_the_same_audit_rows_as_core_insert(ledger):
    # GIVEN entries with Japanese text, None, enums and times in two zones
    rows = _entries()
    with ledger.Session.begin() as s:
        conn = s.connection()
        a = AuditEntry.__table__
        conn.execute(a.delete())
        # WHEN written once through Core and once through the bulk step
        conn.execute(insert(a), rows)
        core_rows = _read(conn)
        conn.execute(a.delete())
        insert_plain(conn, a, rows)
        plain_rows = _read(conn)
    # THEN the log reads back the same, value for value (times as the ORM stores them)
    assert len(core_rows) == len(rows) == 3  # a created record is one entry (its fields in a JSON object)
    assert plain_rows == core_rows
    with ledger.Session() as s:
        shown = s.scalars(select(AuditEntry).where(AuditEntry.entity == "person").order_by(AuditEntry.id)).first()
        assert shown.label == "山田　ハル" and shown.operator_name == "田中民生委員"
        assert shown.action is AuditAction.CREATE
        assert ("kana", "やまだ はる") in expand_created(shown.field, shown.new_value)


def test_rows_that_leave_out_a_defaulted_column_get_its_default_as_core_would(ledger):
    # GIVEN an entry without its ``at`` (a column with a Python-side default) and one with it
    full = _entries()[0]
    short = {k: v for k, v in full.items() if k != "at"}
    with ledger.Session.begin() as s:
        conn = s.connection()
        a = AuditEntry.__table__
        conn.execute(a.delete())
        # WHEN they go through the bulk step, the two kinds interleaved
        insert_plain(conn, a, [dict(full, field="1"), dict(short, field="2"), dict(full, field="3")])
        got = list(conn.execute(select(a.c.at, a.c.field).order_by(a.c.id)))
    # THEN all are written in their order, the short one stamped with the time it was written
    assert [r.field for r in got] == ["1", "2", "3"]
    assert got[1].at is not None and got[1].at != got[0].at and got[0].at == got[2].at


def test_writes_rows_sends_plain_rows_and_their_entries_in_the_callers_transaction(ledger, town):
    # GIVEN a household row (every column given) and its entries, given to the bulk step
    hid = uuid.uuid4()
    now = datetime.now(timezone.utc)
    row = dict(id=hid, town_id=town.id, map_number=77, name="佐藤家", address="余川町77", note="", lat=35.9, lon=136.2,
               map_x=None, map_y=None, position_approximate=True, derived_coordinate=None, search_key="",
               deleted_at=None, created_at=now, updated_at=now)
    assert set(row) == {c.key for c in Household.__table__.columns}
    with ledger.Session.begin() as s:
        writes = Writes(s, Origin(Operator("受信", ""), "sync: laptop-b"))
        writes.rows(Household, [row], created_entries(writes.origin, "household", row))
        writes.send()
    # THEN the household is there and its creation is in the log under the sender's operator
    with ledger.Session() as s:
        h = s.get(Household, hid)
        assert (h.name, h.map_number, h.position_approximate, h.lat) == ("佐藤家", 77, True, 35.9)
        entries = entry_rows(s.scalars(select(AuditEntry).where(AuditEntry.entity_id == hid)))
        assert {e.field for e in entries} == {"town_id", "map_number", "name", "address", "lat", "lon",
                                              "position_approximate"}
        assert {(e.operator_name, e.reason, e.label) for e in entries} == {("受信", "sync: laptop-b", "佐藤家")}


def test_the_page_cache_is_put_back_after_a_large_batch(ledger):
    with ledger.Session() as s:
        before = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        with large_cache(s, 32_768):
            assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -32_768
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before


def test_the_json_form_of_every_synced_row_is_what_encode_gives_per_value(tmp_path):
    # GIVEN a generated district (persons, watchers, links, categories) and a few rows with odd values
    generate(tmp_path / "d", 60)
    ledger = open_ledger(ledger_path(tmp_path / "d"))
    try:
        with ledger.Session.begin() as s:
            p = s.scalars(select(Person)).first()
            p.deleted_at = datetime(2026, 12, 1, 0, 0, 1, tzinfo=JST)
            p.note = ""
            p.birth_date = None
        with ledger.Session() as s:
            conn = s.connection()
            compared = 0
            for name in SYNCED_TABLES:
                table = Base.metadata.tables[name]
                for row in conn.execute(select(table)).mappings():
                    # THEN the one-encoder-per-column form equals the value-by-value form
                    assert row_json(table, row) == {c.key: encode(c, row[c.key]) for c in table.columns}
                    compared += 1
        assert compared > 200
    finally:
        ledger.close()


def _district_json(ledger) -> dict[str, list[dict]]:  # noqa: ANN001
    """The district's districts, towns, households and persons in their JSON form, as a laptop sends them."""
    with ledger.Session() as s:
        conn = s.connection()
        return {name: [row_json(Base.metadata.tables[name], r)
                       for r in conn.execute(select(Base.metadata.tables[name])).mappings()]
                for name in ("district", "town", "household", "person")}


def test_records_stored_from_their_json_form_equal_those_stored_from_decoded_values(server_url, tmp_path):  # noqa: F811
    # GIVEN the JSON form of a generated district's households and persons (one with odd values)
    generate(tmp_path / "d", 40)
    ledger = open_ledger(ledger_path(tmp_path / "d"))
    try:
        with ledger.Session.begin() as s:
            p = s.scalars(select(Person)).first()
            p.deleted_at = datetime(2026, 12, 1, 0, 0, 1, tzinfo=JST)
            p.note = "「引用」\\ と \"二重\""
        records = _district_json(ledger)
    finally:
        ledger.close()
    for h in records["household"][:3]:
        h["updated_at"] = h["updated_at"].replace("+00:00", "")  # a time without its zone: UTC
    init_server(server_url)
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        stored = {}
        for how in ("decoded", "json"):
            with engine.begin() as pg:
                for name, rows in records.items():
                    if how == "json":
                        core.insert_records(pg, name, rows)
                    else:  # the way before: every value decoded, then through its bind processor
                        table = Base.metadata.tables[name]
                        core.bulk_insert(pg, table, [core.decode_row(table, r) for r in rows])
                stored[how] = {name: sorted(tuple(str(v) for v in r)
                                            for r in pg.execute(select(Base.metadata.tables[name])))
                               for name in records}
                pg.execute(household_category_link.delete())
                for name in reversed(list(records)):
                    pg.execute(Base.metadata.tables[name].delete())
        # THEN the server holds the same rows either way
        assert len(stored["json"]["person"]) == len(records["person"]) > 40
        assert stored["json"] == stored["decoded"]
    finally:
        engine.dispose()


def test_fields_written_set_wise_equal_those_written_one_change_at_a_time(server_url, tmp_path):  # noqa: F811
    # GIVEN a generated district's households and persons, and an incident, in their JSON form
    generate(tmp_path / "d", 40)
    ledger = open_ledger(ledger_path(tmp_path / "d"))
    try:
        records = _district_json(ledger)
    finally:
        ledger.close()
    started = datetime(2026, 7, 1, 6, 0, tzinfo=timezone.utc)
    records["incident"] = [dict(id=str(uuid.uuid4()), name="大雨", kind="other", started_at=started.isoformat(),
                                closed_at=None, town_ids=[], note="", created_at=started.isoformat(),
                                updated_at=started.isoformat())]
    incident, town = records["incident"][0], records["town"][0]
    household, person = records["household"][0], records["person"][0]
    # ... and field changes of every kind of column that syncs: an enum, times (one in another zone), a JSON list,
    # a date, a flag, numbers, text with quotes; the same field twice (the last wins); some records changed twice
    edits = [("incident", incident, "kind", "flood"), ("incident", incident, "closed_at", "2026-07-02T09:00:00+09:00"),
             ("incident", incident, "town_ids", [town["id"]]), ("incident", incident, "note", "「引用」\\ と \"二重\""),
             ("person", person, "birth_date", "1941-02-03"), ("person", person, "of_concern", True),
             ("person", person, "phone", "0778-22-0001"), ("person", person, "phone", "0778-22-0002"),
             ("household", household, "lat", 35.9035), ("household", household, "lon", 136.1687),
             ("household", records["household"][1], "note", "見守りメモ")]
    changes = [core.Change(uuid.uuid4(), entity, uuid.UUID(record["id"]), name, "update", core.dumps(value),
                           at=started + timedelta(minutes=n)) for n, (entity, record, name, value) in enumerate(edits)]
    init_server(server_url)
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        stored, found = {}, {}
        for how in ("one by one", "set-wise"):
            with engine.begin() as pg:
                for name, rows in records.items():
                    core.insert_records(pg, name, rows)
                # WHEN they are written one change at a time, and then set-wise
                if how == "set-wise":
                    found[how] = core.update_fields(pg, changes)
                else:
                    found[how] = {id(c): core.update_record(pg, c.entity, c.entity_id, {c.field: c.decoded()}, c.at) == 1
                                  for c in changes}
                stored[how] = {name: sorted(tuple(str(v) for v in r) for r in pg.execute(select(Base.metadata.tables[name])))
                               for name in records}
                pg.execute(household_category_link.delete())
                for name in reversed(list(records)):
                    pg.execute(Base.metadata.tables[name].delete())
        # THEN every change found its record, and the server holds the same rows either way
        assert found["set-wise"] == found["one by one"] and all(found["set-wise"].values())
        assert stored["set-wise"] == stored["one by one"]
        assert any("flood" in row and f"['{town['id']}']" in row for row in stored["set-wise"]["incident"])
        assert any("0778-22-0002" in row and "1941-02-03" in row for row in stored["set-wise"]["person"])
    finally:
        engine.dispose()
