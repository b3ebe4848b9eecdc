"""The office server on a real PostgreSQL: a laptop's role — used with
raw SQL, not through the app — can read and change only its own districts."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import psycopg
import pytest
from sqlalchemy import create_engine, text

from app.core.views import HouseholdFields, PersonFields
from app.households import households as hh
from app.sync import sync
from app.towns.towns import create_town
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures


def _engine(url: str):
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def _two_districts(make_laptop):
    north = make_laptop("north", ["北日野地区"])
    south = make_laptop("south", ["味真野地区"])
    for laptop, district, town in ((north, "北日野地区", "矢船町"), (south, "味真野地区", "余川町")):
        with laptop.ledger.Session.begin() as s:
            t = create_town(s, district, town)
            h = hh.add_household(s, t.id, None, HouseholdFields(name=f"{town}の世帯"))
            hh.add_person(s, h.id, PersonFields(name=f"{town} 花子", phone="0778-00-0000"))
        sync(laptop.ledger, laptop.url)
    return north, south


def test_a_laptop_role_cannot_read_or_change_another_districts_rows_with_raw_sql(make_laptop, server_url):
    north, south = _two_districts(make_laptop)
    admin = _engine(server_url)
    with admin.connect() as conn:
        south_household = conn.execute(text("SELECT h.id FROM household h JOIN town t ON t.id = h.town_id "
                                             "WHERE t.name = '余川町'")).scalar_one()
        south_person = conn.execute(text("SELECT id FROM person WHERE household_id = :h"),
                                    {"h": south_household}).scalar_one()
        south_town = conn.execute(text("SELECT id FROM town WHERE name = '余川町'")).scalar_one()
    admin.dispose()
    # The north laptop connects with its own login, straight to PostgreSQL.
    with psycopg.connect(north.url, autocommit=True) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM household")]
        assert names == ["矢船町の世帯"]  # its own district only
        assert conn.execute("SELECT count(*) FROM person WHERE id = %s", (south_person,)).fetchone()[0] == 0
        assert [r[0] for r in conn.execute("SELECT name FROM district")] == ["北日野地区"]
        # the journal shows its district's changes only
        districts = {r[0] for r in conn.execute("SELECT DISTINCT district_id FROM sync_change")}
        north_district = conn.execute("SELECT id FROM district").fetchone()[0]
        assert districts == {north_district, None}
        city_wide = {r[0] for r in conn.execute("SELECT DISTINCT entity FROM sync_change WHERE district_id IS NULL")}
        assert city_wide == {"household_category"}  # the city-wide directory every laptop shares
        # changing the south's rows changes nothing
        assert conn.execute("UPDATE household SET note = 'x' WHERE id = %s", (south_household,)).rowcount == 0
        assert conn.execute("UPDATE person SET phone = '1' WHERE id = %s", (south_person,)).rowcount == 0
        assert conn.execute("DELETE FROM person WHERE id = %s", (south_person,)).rowcount == 0
        # adding a household to the south's town is refused
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO household (id, town_id, map_number, address, name, note, position_approximate,"
                         " search_key, created_at, updated_at) VALUES (%s, %s, 99, '', 'spy', '', false, '', now(), now())",
                         (uuid.uuid4(), south_town))
        # moving its own household into the south's town is refused too
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE household SET town_id = %s", (south_town,))
        # a journal row claiming the south's household is given the record's real district, then refused
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO sync_change (change_id, laptop_id, laptop_name, district_id, entity, entity_id,"
                         " field, action, value, base_seq, operator_name, operator_role, at) VALUES "
                         "(%s, %s, '', %s, 'household', %s, 'note', 'update', '\"x\"', 1000000, '', '', now())",
                         (uuid.uuid4(), uuid.uuid4(), north_district, south_household))
        # the registry of laptops and the audit log are not readable, the journal not writable in place
        assert conn.execute("SELECT name FROM sync_laptop").fetchall() == [("north",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM audit_entry")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE sync_change SET value = 'null'")
    # AND the south's data on the server is untouched
    admin = _engine(server_url)
    with admin.connect() as conn:
        assert conn.execute(text("SELECT note FROM household WHERE id = :h"), {"h": south_household}).scalar_one() == ""
        assert conn.execute(text("SELECT phone FROM person WHERE id = :p"), {"p": south_person}).scalar_one() \
            == "0778-00-0000"
        assert conn.execute(text("SELECT count(*) FROM household WHERE name = 'spy'")).scalar_one() == 0
    admin.dispose()


def test_the_server_refuses_a_stale_change_sent_with_raw_sql(make_laptop, server_url):
    # GIVEN two laptops of one district that both have a household
    a = make_laptop("laptop-a", ["味真野地区"])
    b = make_laptop("laptop-b", ["味真野地区"])
    with a.ledger.Session.begin() as s:
        t = create_town(s, "味真野地区", "余川町")
        h = hh.add_household(s, t.id, None, HouseholdFields(name="世帯"))
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    with psycopg.connect(b.url) as conn:
        base = conn.execute("SELECT max(seq) FROM sync_change").fetchone()[0]
    # WHEN A changes the note and syncs
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, h.id, HouseholdFields(name="世帯", note="Aのメモ"))
    sync(a.ledger, a.url)
    # THEN B sending a change to that note based on what it saw before is refused by the server itself
    with psycopg.connect(b.url) as conn:
        with pytest.raises(psycopg.Error) as refused:
            conn.execute("INSERT INTO sync_change (change_id, laptop_id, laptop_name, entity, entity_id, field, action,"
                         " value, base_seq, operator_name, operator_role, at) VALUES "
                         "(%s, %s, '', 'household', %s, 'note', 'update', '\"B\"', %s, '', '', %s)",
                         (uuid.uuid4(), uuid.uuid4(), h.id, base, datetime.now(timezone.utc)))
        assert refused.value.sqlstate == "SA409"
