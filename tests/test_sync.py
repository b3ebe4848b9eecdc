"""Sync between laptops through the office server (a real PostgreSQL): merges, conflicts, map numbers.

GIVEN laptops registered for a district, WHEN they edit offline and sync, THEN what a user sees on
each laptop (and on the server) is what these tests assert.
"""

from __future__ import annotations

from sqlalchemy import create_engine, select, text

from app.core.views import HouseholdFields, PersonFields
from app.households import households as hh
from app.models import Household, Person, Town
from app.sync import list_conflicts, resolve_conflict, sync, sync_status
from app.towns.towns import create_town
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

DISTRICT = "味真野地区"


def _seed(laptop, town="余川町", households=3):
    with laptop.ledger.Session.begin() as s:
        t = create_town(s, DISTRICT, town)
        ids = []
        for n in range(households):
            h = hh.add_household(s, t.id, None, HouseholdFields(name=f"世帯{n + 1}", address=f"余川町{n + 1}"))
            hh.add_person(s, h.id, PersonFields(name=f"住民 {n + 1}", kana=f"じゅうみん {n + 1}", phone="0778-22-0000"))
            ids.append(h.id)
    return t.id, ids


def _two_laptops_synced(make_laptop, households=3):
    """GIVEN laptops A and B of one district, A's town (``households`` of them) already on both."""
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    town_id, ids = _seed(a, households=households)
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    return a, b, town_id, ids


def _households(laptop):
    with laptop.ledger.Session() as s:
        return {h.id: (h.map_number, h.name, h.note, h.deleted_at is not None)
                for h in s.scalars(select(Household))}


def _persons(laptop):
    with laptop.ledger.Session() as s:
        return {p.id: (p.name, p.phone) for p in s.scalars(select(Person))}


def test_a_second_laptop_receives_the_district_and_independent_edits_merge(make_laptop):
    # GIVEN laptop A with a town of three households, synced; laptop B for the same district
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    _, ids = _seed(a)
    first = sync(a.ledger, a.url)
    assert first.sent > 0 and first.new_conflicts == 0
    got = sync(b.ledger, b.url)
    # THEN B sees A's households and persons
    assert got.applied > 0
    assert _households(b) == _households(a)
    assert _persons(b) == _persons(a)
    # WHEN A renames one household and B changes a person's phone and notes another household
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, ids[0], HouseholdFields(name="山田家", address="余川町1"))
    with b.ledger.Session.begin() as s:
        person = s.scalars(select(Person).where(Person.name == "住民 2")).one()
        hh.edit_person(s, person.id, PersonFields(name="住民 2", kana="じゅうみん 2", phone="0778-22-9999"))
        hh.edit_household(s, ids[2], HouseholdFields(name="世帯3", address="余川町3", note="犬がいる"))
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    # THEN both laptops show all three edits, and nothing waits or conflicts
    assert _households(a) == _households(b)
    assert _households(a)[ids[0]][1] == "山田家"
    assert _households(a)[ids[2]][2] == "犬がいる"
    assert ("住民 2", "0778-22-9999") in _persons(a).values()
    for laptop in (a, b):
        with laptop.ledger.Session() as s:
            status = sync_status(s)
        assert status.pending_changes == 0 and status.open_conflicts == 0
        assert status.laptop_name == laptop.name and "***" in status.server_url or status.server_url.find(laptop.password) == -1
    # AND search on B finds the name typed on A (the search key followed the received edit)
    from app.households.search import search
    with b.ledger.Session() as s:
        assert any(hit.household_id == ids[0] for hit in search(s, "山田"))


def test_the_same_field_edited_on_two_laptops_is_a_conflict_and_nothing_is_lost(make_laptop):
    a, b, _, ids = _two_laptops_synced(make_laptop)
    # WHEN both laptops change the note of the same household offline
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, ids[1], HouseholdFields(name="世帯2", address="余川町2", note="Aの記録: 入院中"))
    with b.ledger.Session.begin() as s:
        hh.edit_household(s, ids[1], HouseholdFields(name="世帯2", address="余川町2", note="Bの記録: 退院した"))
    sync(a.ledger, a.url)
    report = sync(b.ledger, b.url)
    # THEN B keeps its own note, and a conflict shows both values with who and when
    assert report.new_conflicts == 1
    assert _households(b)[ids[1]][2] == "Bの記録: 退院した"
    with b.ledger.Session() as s:
        [conflict] = list_conflicts(s)
        assert sync_status(s).open_conflicts == 1
    assert conflict.field == "note" and conflict.kind == "field"
    assert conflict.local_value == "Bの記録: 退院した" and conflict.remote_value == "Aの記録: 入院中"
    assert conflict.remote_laptop == "laptop-a" and conflict.remote_at is not None
    # AND B's note did not reach the server or A while the conflict is open
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    assert _households(a)[ids[1]][2] == "Aの記録: 入院中"
    # WHEN B's user keeps their own value, THEN it travels to A at the next syncs
    with b.ledger.Session.begin() as s:
        resolve_conflict(s, conflict.id, "mine")
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    assert _households(a)[ids[1]][2] == "Bの記録: 退院した"
    assert _households(a) == _households(b)
    with a.ledger.Session() as s:
        assert list_conflicts(s) == []


def test_taking_their_value_ends_the_conflict_without_sending_anything_back(make_laptop):
    a, b, _, ids = _two_laptops_synced(make_laptop)
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, ids[0], HouseholdFields(name="田中家", address="余川町1"))
    with b.ledger.Session.begin() as s:
        hh.edit_household(s, ids[0], HouseholdFields(name="中田家", address="余川町1"))
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    with b.ledger.Session.begin() as s:
        [conflict] = list_conflicts(s)
        resolve_conflict(s, conflict.id, "theirs")
    assert _households(b)[ids[0]][1] == "田中家"
    with b.ledger.Session() as s:
        assert sync_status(s).pending_changes == 0
    sync(b.ledger, b.url)
    assert _households(a) == _households(b)


def test_an_archive_from_another_laptop_waits_for_confirmation_when_the_record_was_edited_here(make_laptop):
    a, b, _, ids = _two_laptops_synced(make_laptop)
    # WHEN A archives (deletes in the UI) a household that B edited offline
    with a.ledger.Session.begin() as s:
        hh.delete_household(s, ids[2])
    with b.ledger.Session.begin() as s:
        hh.edit_household(s, ids[2], HouseholdFields(name="世帯3", address="余川町3", note="見守り継続"))
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    # THEN on B the household stays on the map, with an archive conflict to confirm
    assert _households(b)[ids[2]][3] is False
    with b.ledger.Session() as s:
        [conflict] = list_conflicts(s)
    assert conflict.kind == "archive" and conflict.field == "deleted_at"
    # AND B's note still reaches A (nothing typed is lost), on the archived record
    sync(a.ledger, a.url)
    assert _households(a)[ids[2]][2] == "見守り継続"
    # WHEN B confirms the archive, THEN it is archived on B too
    with b.ledger.Session.begin() as s:
        resolve_conflict(s, conflict.id, "theirs")
    assert _households(b)[ids[2]][3] is True
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    assert _households(a) == _households(b)


def test_an_edit_from_another_laptop_to_a_record_archived_here_asks_before_the_archive_is_sent(make_laptop):
    a, b, _, ids = _two_laptops_synced(make_laptop)
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, ids[0], HouseholdFields(name="世帯1", address="余川町1", note="娘さんが同居を始めた"))
    with b.ledger.Session.begin() as s:
        hh.delete_household(s, ids[0])
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    with b.ledger.Session() as s:
        [conflict] = list_conflicts(s)
    assert conflict.kind == "edit_on_archived"
    assert _households(b)[ids[0]][2] == "娘さんが同居を始めた"  # the edit is kept here too
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    assert _households(a)[ids[0]][3] is False  # the archive was not sent while unconfirmed
    with b.ledger.Session.begin() as s:
        resolve_conflict(s, conflict.id, "mine")
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    assert _households(a)[ids[0]][3] is True


def test_two_laptops_adding_households_to_one_town_keep_distinct_map_numbers(make_laptop):
    a, b, town_id, _ = _two_laptops_synced(make_laptop, households=2)
    # WHEN both add a household offline: each takes number 3
    with a.ledger.Session.begin() as s:
        new_a = hh.add_household(s, town_id, None, HouseholdFields(name="新築A"))
    with b.ledger.Session.begin() as s:
        new_b = hh.add_household(s, town_id, None, HouseholdFields(name="新築B"))
    assert new_a.map_number == new_b.map_number == 3
    sync(a.ledger, a.url)
    report = sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    # THEN B's household got number 4, B is told so, and both laptops agree
    assert report.renumbered and "新築B" in report.renumbered[0]
    assert _households(a)[new_a.id][0] == 3 and _households(a)[new_b.id][0] == 4
    assert _households(a) == _households(b)
    with b.ledger.Session() as s:
        [note] = list_conflicts(s)
    assert note.kind == "renumbered" and note.local_value == 4 and note.remote_value == 3


def test_a_laptop_that_already_had_the_district_adopts_the_servers_district_and_sends_its_records(make_laptop):
    # GIVEN a laptop whose ledger was filled before sync existed, and another one
    a = make_laptop("laptop-a", [DISTRICT])
    _seed(a, households=4)
    b = make_laptop("laptop-b", [DISTRICT])
    _seed(b, town="大虫町", households=2)
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    # THEN both have both towns in one district, under the server's district id
    for laptop in (a, b):
        with laptop.ledger.Session() as s:
            assert sorted(t.name for t in s.scalars(select(Town))) == ["余川町", "大虫町"]
            assert len({t.district_id for t in s.scalars(select(Town))}) == 1
    assert _households(a) == _households(b) and len(_households(a)) == 6


def test_the_server_keeps_who_synced_what_and_when(make_laptop, server_url):
    a = make_laptop("laptop-a", [DISTRICT])
    _seed(a, households=1)
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:  # the server's clock stamps the log (pytest --clock cannot move it)
        started = conn.execute(text("SELECT clock_timestamp()")).scalar()
    sync(a.ledger, a.url)
    with engine.connect() as conn:
        log = conn.execute(text("SELECT laptop_name, role_name, kind, pushed, finished_at FROM sync_log")).all()
        journal = conn.execute(text("SELECT DISTINCT laptop_name, operator_name FROM sync_change "
                                    "WHERE laptop_name = 'laptop-a'")).all()
    engine.dispose()
    assert [(r.laptop_name, r.role_name, r.kind) for r in log] == [("laptop-a", a.role, "network")]
    assert log[0].pushed > 0 and log[0].finished_at >= started
    assert journal and journal[0].laptop_name == "laptop-a"


def test_records_of_a_district_the_laptop_is_not_registered_for_stay_on_that_laptop(make_laptop, server_url):
    # GIVEN a laptop registered for 味真野地区 whose ledger also holds a town of 北日野地区
    a = make_laptop("laptop-a", [DISTRICT])
    _seed(a, households=1)
    with a.ledger.Session.begin() as s:
        other = create_town(s, "北日野地区", "矢船町")
        hh.add_household(s, other.id, None, HouseholdFields(name="矢船町の世帯"))
    report = sync(a.ledger, a.url)
    # THEN the other district's records are not sent (and the laptop is told), its own are
    assert report.outside_scope >= 3  # the district, the town, the household
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM district ORDER BY name")).scalars().all() == [DISTRICT]
        assert conn.execute(text("SELECT count(*) FROM household WHERE name = '矢船町の世帯'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 1
    engine.dispose()
    assert _households(a)  # still all here


def test_two_laptops_pushing_the_same_field_at_once_one_is_applied_the_other_becomes_a_conflict(make_laptop,
                                                                                                server_url):
    import threading

    # GIVEN laptops A and B of one district, both holding 住民 2
    a, b, _, _ = _two_laptops_synced(make_laptop)
    phones = {a.name: "0778-11-1111", b.name: "0778-22-2222"}
    person_id = None
    for laptop in (a, b):
        with laptop.ledger.Session.begin() as s:
            person = s.scalars(select(Person).where(Person.name == "住民 2")).one()
            person_id = person.id
            hh.edit_person(s, person.id, PersonFields(name="住民 2", kana="じゅうみん 2", phone=phones[laptop.name]))
    # WHEN both change the same person's phone offline and sync at the same moment
    barrier = threading.Barrier(2, timeout=30)
    reports, errors = {}, {}

    def run(laptop) -> None:
        try:
            barrier.wait()
            reports[laptop.name] = sync(laptop.ledger, laptop.url)
        except Exception as e:  # reported below, never lost in the thread
            errors[laptop.name] = e

    threads = [threading.Thread(target=run, args=(laptop,), name=f"sync-{laptop.name}") for laptop in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a sync hung (deadlock?)"
    assert errors == {}
    # THEN exactly one value is on the server ...
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        on_server = conn.execute(text("SELECT phone FROM person WHERE id = :i"), {"i": person_id}).scalar_one()
        journal = conn.execute(text("SELECT laptop_name FROM sync_change WHERE entity_id = :i AND field = 'phone'"),
                               {"i": person_id}).scalars().all()
    engine.dispose()
    assert on_server in phones.values()
    winner, loser = (a, b) if on_server == phones[a.name] else (b, a)
    assert journal == [winner.name]  # the other value was never applied there
    # ... and after a further sync each, the winner shows it, with nothing to resolve
    sync(winner.ledger, winner.url)
    sync(loser.ledger, loser.url)
    assert _persons(winner)[person_id][1] == on_server
    with winner.ledger.Session() as s:
        assert list_conflicts(s) == []
    # AND the other laptop has exactly one conflict for that field, keeping both values
    with loser.ledger.Session() as s:
        [conflict] = list_conflicts(s)
    assert (conflict.entity_id, conflict.field, conflict.kind) == (person_id, "phone", "field")
    assert conflict.local_value == phones[loser.name] and conflict.remote_value == on_server
    assert conflict.remote_laptop == winner.name
    assert reports[loser.name].new_conflicts == 1 and reports[winner.name].new_conflicts == 0
    # WHEN its user takes the other value, THEN both laptops and the server agree
    with loser.ledger.Session.begin() as s:
        resolve_conflict(s, conflict.id, "theirs")
    sync(loser.ledger, loser.url)
    sync(winner.ledger, winner.url)
    assert _persons(a) == _persons(b) and _persons(a)[person_id][1] == on_server
