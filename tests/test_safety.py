"""The safety check's services: incidents, append-only events, the latest rule, hazard order, counts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

import pytest
import shapely
from sqlalchemy import select

from app.core.errors import LedgerError
from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households as hh
from app.models import SafetyEvent, WatchLink
from app.models.hazard import HazardKind, HazardLayer, HazardZone
from app.models.safety import CheckMethod, SafetyStatus
from app.models.watch import WatcherRole
from app.safety import incidents
from app.safety.rollcall import district_counts, roll_call, status_counts
from app.safety.views import EventFields
from app.towns.towns import create_town
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields

T0 = datetime(2026, 7, 8, 6, 0, tzinfo=timezone.utc)  # a fixed morning: nothing depends on today


def add_zone(s, kind: HazardKind, box: tuple[float, float, float, float], *, rank=None, zone_class=None,
             phenomenon=None, detail="") -> None:
    layer = HazardLayer(kind=kind, source=f"test-{kind.value}.geojson")
    s.add(layer)
    s.flush()
    geometry = shapely.box(*box)
    s.add(HazardZone(layer_id=layer.id, kind=kind, rank=rank, zone_class=zone_class, phenomenon=phenomenon,
                     detail=detail, geometry=shapely.to_wkb(geometry), minx=box[0], miny=box[1], maxx=box[2],
                     maxy=box[3]))
    s.flush()


@dataclass
class World:
    town_id: uuid.UUID
    other_town_id: uuid.UUID
    persons: dict[str, uuid.UUID]
    numbers: dict[str, int]


def make_world(ledger) -> World:
    """GIVEN 余川町 (味真野地区) with four persons of concern: 山田 in a flood zone 3–5 m, 佐藤 in a landslide
    special warning zone, 鈴木 outside every zone, 田中 without a position; a neighbour who is not of concern;
    and 東町 (北新庄地区) with 高橋, of concern, in a 0.5–3 m flood zone. 山田's watchers: 民生委員 川村 and 隣人 森."""
    with ledger.Session.begin() as s:
        town = create_town(s, "味真野地区", "余川町")
        other = create_town(s, "北新庄地区", "東町")
        add_zone(s, HazardKind.FLOOD, (136.10, 35.90, 136.11, 35.91), rank=3, detail="日野川")
        add_zone(s, HazardKind.FLOOD, (136.20, 35.90, 136.21, 35.91), rank=2, detail="日野川")
        add_zone(s, HazardKind.SEDIMENT, (136.12, 35.90, 136.13, 35.91), zone_class=2, phenomenon=2)
        persons, numbers = {}, {}
        for name, town_id, point, phone in (
                ("鈴木　ミツ", town.id, (136.15, 35.95), "0778-22-0003"),
                ("山田　ハル", town.id, (136.105, 35.905), "0778-22-0001"),
                ("田中　トメ", town.id, None, "0778-22-0004"),
                ("佐藤　キヨ", town.id, (136.125, 35.905), "0778-22-0002"),
                ("高橋　ヨシ", other.id, (136.205, 35.905), "0778-24-0005")):
            h = hh.add_household(s, town_id, MapPoint(Crs.GEO, *point) if point else None,
                                 HouseholdFields(name=name.split("　")[0] + "家", address=f"{name[:2]}1-1"))
            p = hh.add_person(s, h.id, PersonFields(name, phone=phone, of_concern=True))
            persons[name.split("　")[0]] = p.id
            numbers[name.split("　")[0]] = h.map_number
        neighbour = hh.add_household(s, town.id, MapPoint(Crs.GEO, 136.105, 35.906), HouseholdFields(name="森家"))
        hh.add_person(s, neighbour.id, PersonFields("森　一郎"))
        kawamura = watch.add_watcher(s, town.id, WatcherFields("川村　民子", role=WatcherRole.WELFARE_COMMISSIONER,
                                                               phone="090-1111-2222"))
        mori = watch.add_watcher(s, town.id, WatcherFields("森　一郎", role=WatcherRole.NEIGHBOUR))
        for w in (kawamura, mori):
            watch.link_watcher(s, persons["山田"], w.id, LinkFields(involvement="声かけ"))
        watch.link_watcher(s, persons["佐藤"], kawamura.id, LinkFields(involvement="訪問"))
    return World(town.id, other.id, persons, numbers)


@pytest.fixture
def world(ledger):
    return make_world(ledger)


@pytest.fixture
def incident(ledger, world):
    with ledger.Session.begin() as s:
        return incidents.start_incident(s, "7月豪雨", [world.town_id, world.other_town_id], kind="flood",
                                        started_at=T0)


def test_the_roll_call_lists_every_person_of_concern_deepest_hazard_first_unknown_last(ledger, world, incident):
    with ledger.Session.begin() as s:
        rows = roll_call(s, incident.id)
    # THEN the landslide special zone and the 3–5 m flood come first, the 0.5–3 m flood next, then outside
    # every zone, and the person without a position last; the neighbour (not of concern) is not listed
    assert [r.name for r in rows] == ["佐藤　キヨ", "山田　ハル", "高橋　ヨシ", "鈴木　ミツ", "田中　トメ"]
    assert [r.hazard_order for r in rows] == [0, 1, 2, 3, 4]
    assert "土砂災害特別警戒区域" in rows[0].hazard_label and "日野川" in rows[1].hazard_label
    assert rows[4].hazard_label.startswith("不明")
    # AND every one is still unchecked, with their watchers and 民生委員 named
    assert {r.status for r in rows} == {SafetyStatus.UNCHECKED} and rows[0].status_text == "未確認"
    yamada = rows[1]
    assert yamada.watchers == ("川村　民子", "森　一郎") and yamada.commissioners == ("川村　民子",)
    assert yamada.map_number == world.numbers["山田"] and yamada.phone == "0778-22-0001"


def test_a_check_is_recorded_as_a_new_event_and_the_history_keeps_every_one(ledger, world, incident):
    yamada = world.persons["山田"]
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, yamada, EventFields(SafetyStatus.UNREACHABLE, "川村", CheckMethod.PHONE,
                                                                   checked_at=T0 + timedelta(hours=1)))
        incidents.record_event(s, incident.id, yamada, EventFields(SafetyStatus.EVACUATED, "川村", CheckMethod.VISIT,
                                                                   shelter_text="味真野小学校",
                                                                   checked_at=T0 + timedelta(hours=2)))
    with ledger.Session.begin() as s:
        history = incidents.history(s, incident.id, yamada)
        row = next(r for r in roll_call(s, incident.id) if r.person_id == yamada)
    # THEN the list shows the latest, 避難済み（味真野小学校）, and the history both checks, latest first
    assert row.status_text == "避難済み（味真野小学校）" and row.latest.checked_by == "川村"
    assert [e.status for e in history] == [SafetyStatus.EVACUATED, SafetyStatus.UNREACHABLE]
    assert history[1].method_label == "電話" and history[0].recorded_on != ""


def test_no_service_can_change_or_delete_an_event(ledger, world, incident):
    # GIVEN the safety-check modules: THEN none offers an edit, an archive or a delete of an event
    from app.safety import rollcall

    names = {n for module in (incidents, rollcall) for n in dir(module)}
    assert not {n for n in names if any(w in n for w in ("edit", "update", "delete", "remove", "archive"))}
    # AND closing the incident keeps its events, and refuses new ones
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["佐藤"], EventFields(SafetyStatus.SAFE_HOME, "森"))
        incidents.close_incident(s, incident.id, at=T0 + timedelta(days=3))
    with ledger.Session.begin() as s:
        assert len(s.scalars(select(SafetyEvent)).all()) == 1
        assert not incidents.get_incident(s, incident.id).is_open
    with pytest.raises(LedgerError, match="closed"), ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["佐藤"], EventFields(SafetyStatus.NEEDS_HELP, "森"))
    with ledger.Session() as s:
        assert len(s.scalars(select(SafetyEvent)).all()) == 1


def test_the_latest_check_time_wins_even_when_typed_in_out_of_order(ledger, world, incident):
    sato = world.persons["佐藤"]
    # WHEN a paper checklist from the morning is typed in after a later phone check
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, sato, EventFields(SafetyStatus.NEEDS_HELP, "消防団", CheckMethod.OTHER,
                                                                 checked_at=T0 + timedelta(hours=5)))
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, sato, EventFields(SafetyStatus.SAFE_HOME, "川村", CheckMethod.VISIT,
                                                                 checked_at=T0 + timedelta(hours=1)))
    with ledger.Session() as s:
        row = next(r for r in roll_call(s, incident.id) if r.person_id == sato)
        history = incidents.history(s, incident.id, sato)
    # THEN the later check (要支援・要救助) still shows; the earlier one is in the history
    assert row.status is SafetyStatus.NEEDS_HELP
    assert [e.status for e in history] == [SafetyStatus.NEEDS_HELP, SafetyStatus.SAFE_HOME]


def test_the_same_check_time_is_decided_by_when_it_was_recorded(ledger, world, incident):
    suzuki = world.persons["鈴木"]
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, suzuki, EventFields(SafetyStatus.UNREACHABLE, "A", checked_at=T0))
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, suzuki, EventFields(SafetyStatus.SAFE_HOME, "B", checked_at=T0))
    with ledger.Session() as s:
        assert next(r for r in roll_call(s, incident.id) if r.person_id == suzuki).status is SafetyStatus.SAFE_HOME


def test_counts_per_status_and_per_district_carry_no_names(ledger, world, incident):
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["山田"], EventFields(SafetyStatus.EVACUATED, "川村",
                                                                                  shelter_text="味真野小学校"))
        incidents.record_event(s, incident.id, world.persons["佐藤"], EventFields(SafetyStatus.NEEDS_HELP, "川村"))
        incidents.record_event(s, incident.id, world.persons["高橋"], EventFields(SafetyStatus.SAFE_HOME, "北"))
        rows = roll_call(s, incident.id)
    counts = status_counts(rows)
    assert counts == {SafetyStatus.UNCHECKED: 2, SafetyStatus.SAFE_HOME: 1, SafetyStatus.EVACUATED: 1,
                      SafetyStatus.NEEDS_HELP: 1, SafetyStatus.HOSPITAL: 0, SafetyStatus.UNREACHABLE: 0}
    by_district = district_counts(rows)
    assert [(d.district_name, d.total) for d in by_district] == [("北新庄地区", 1), ("味真野地区", 4)]
    assert by_district[1].counts[SafetyStatus.NEEDS_HELP] == 1 and by_district[1].counts[SafetyStatus.UNCHECKED] == 2
    # AND nothing of a person is in them: no name, map number or shelter
    text = repr(by_district)
    assert not any(part in text for part in ("山田", "佐藤", "高橋", "鈴木", "田中", "味真野小学校"))


def test_a_check_outside_the_incidents_towns_or_with_a_bad_value_records_nothing(ledger, world):
    with ledger.Session.begin() as s:
        only_here = incidents.start_incident(s, "土砂災害", [world.town_id], kind="sediment", started_at=T0)
    with pytest.raises(LedgerError, match="outside the towns"), ledger.Session.begin() as s:
        incidents.record_events(s, only_here.id, [
            (world.persons["山田"], EventFields(SafetyStatus.SAFE_HOME, "川村")),
            (world.persons["高橋"], EventFields(SafetyStatus.SAFE_HOME, "川村"))])
    with pytest.raises(LedgerError, match="kind"), ledger.Session.begin() as s:
        incidents.start_incident(s, "地震", [world.town_id], kind="volcano")
    with ledger.Session() as s:
        assert s.scalars(select(SafetyEvent)).all() == []
        assert [i.name for i in incidents.list_incidents(s)] == ["土砂災害"]


def _orm_roll_call(s, incident_id):
    """The roll call worked out independently, from ORM objects and the whole town's exposures (the way it was
    first written): what the Core selects of ``roll_call`` must give, row for row."""
    from app.hazards.exposure import exposures
    from app.models import District, Household, Person, Town, Watcher, WatchLink
    from app.safety.rollcall import UNKNOWN_HAZARD, hazard_score
    from app.safety.views import RollCallRow

    incident = incidents.get_incident(s, incident_id)
    hazards = {e.household_id: e for t in incident.town_ids for e in exposures(s, t)}
    latest = {}
    for e in s.scalars(select(SafetyEvent).where(SafetyEvent.incident_id == incident_id)):
        key = (e.checked_at, e.recorded_at, str(e.id))
        if e.person_id not in latest or key > latest[e.person_id][0]:
            latest[e.person_id] = (key, e)
    made = []
    for person in s.scalars(select(Person).where(Person.of_concern.is_(True), Person.deleted_at.is_(None))):
        home = s.get(Household, person.household_id)
        if home.deleted_at is not None or home.town_id not in incident.town_ids:
            continue
        town = s.get(Town, home.town_id)
        district = s.get(District, town.district_id)
        links = sorted(((link.sort_order, w.name, w.role) for link in s.scalars(select(WatchLink).where(
            WatchLink.person_id == person.id, WatchLink.deleted_at.is_(None)))
            if (w := s.get(Watcher, link.watcher_id)).deleted_at is None))
        score = hazard_score(hazards.get(home.id))
        made.append(((score is None, -(score or 0), town.name, home.map_number, person.sort_order, person.name),
                     RollCallRow(person.id, home.id, home.town_id, town.name, district.id, district.name,
                                 home.map_number, person.name, person.kana, person.phone, home.address, home.lat,
                                 home.lon, 0, UNKNOWN_HAZARD if score is None else hazards[home.id].summary,
                                 tuple(n for _, n, _ in links),
                                 tuple(n for _, n, r in links if r == WatcherRole.WELFARE_COMMISSIONER),
                                 incidents.event_view(latest[person.id][1]) if person.id in latest else None)))
    made.sort(key=lambda pair: pair[0])
    return [replace(row, hazard_order=n) for n, (_, row) in enumerate(made)]


def test_the_roll_call_of_a_generated_town_is_the_same_as_an_independent_orm_computation(ledger):
    import random

    from sqlalchemy import update

    from app.hazards.exposure import exposures_for, refresh_town
    from app.models import Household, HouseholdExposure
    from app.safety.rollcall import RollCallCounts, latest_checks

    rng = random.Random(16)
    # GIVEN two towns of the incident in two 地区 and one outside it, flood and landslide zones, ~300 persons of
    # concern (some households without a position, some deleted, some persons not of concern or deleted)
    with ledger.Session.begin() as s:
        here, there = create_town(s, "味真野地区", "余川町"), create_town(s, "北新庄地区", "東町")
        elsewhere = create_town(s, "北新庄地区", "西町")
        add_zone(s, HazardKind.FLOOD, (136.10, 35.90, 136.14, 35.94), rank=3, detail="日野川")
        add_zone(s, HazardKind.FLOOD, (136.12, 35.92, 136.16, 35.96), rank=5, detail="鞍谷川")
        add_zone(s, HazardKind.SEDIMENT, (136.15, 35.90, 136.17, 35.92), zone_class=2, phenomenon=1)
        add_zone(s, HazardKind.SEDIMENT, (136.16, 35.91, 136.19, 35.93), zone_class=1, phenomenon=3)
        watchers = {t.id: [watch.add_watcher(s, t.id, WatcherFields(f"見守り{t.name}{i}",
                                                                     role=rng.choice(list(WatcherRole))))
                           for i in range(6)] for t in (here, there, elsewhere)}
        persons, homes = [], []
        for i in range(220):
            town = rng.choice([here, here, there, elsewhere])
            point = None if i % 17 == 0 else MapPoint(Crs.GEO, 136.08 + rng.random() * 0.13,
                                                      35.88 + rng.random() * 0.1)
            home = hh.add_household(s, town.id, point, HouseholdFields(name=f"世帯{i}", address=f"{i}番地"))
            homes.append(home.id)
            for k in range(rng.choice([1, 1, 2, 3])):
                p = hh.add_person(s, home.id, PersonFields(f"人{i}-{k}", kana=f"ひと{i}", phone=f"0778-{i:04d}",
                                                           of_concern=rng.random() < 0.8))
                persons.append(p.id)
                for w in rng.sample(watchers[town.id], rng.choice([0, 1, 2, 3]) if p.of_concern else 0):
                    watch.link_watcher(s, p.id, w.id, LinkFields(involvement="声かけ"))
        for home_id in rng.sample(homes, 8):
            hh.delete_household(s, home_id)
        for person_id in rng.sample(persons, 10):
            hh.delete_person(s, person_id)
        for link in rng.sample(s.scalars(select(WatchLink)).all(), 15):
            link.deleted_at = T0
        incident = incidents.start_incident(s, "7月豪雨", [here.id, there.id], kind="flood", started_at=T0)
    # AND exposures stored for one town, then households moved behind the stored rows' back (as a sync does)
    with ledger.Session.begin() as s:
        refresh_town(s, here.id)
        moved = rng.sample([h for h in homes if s.get(Household, h).town_id == here.id], 15)
        s.execute(update(Household).where(Household.id.in_(moved)).values(lat=35.905, lon=136.165))
    # AND checks typed in out of order: equal check times, equal check and record times (the id decides)
    with ledger.Session() as s:
        concern = [r.person_id for r in roll_call(s, incident.id)]
    times = [T0 + timedelta(hours=h) for h in (3, 1, 2, 2, 5)]
    for _ in range(6):
        batch = [(p, EventFields(rng.choice(list(SafetyStatus)), rng.choice(["川村", "森"]),
                                 checked_at=rng.choice(times))) for p in rng.sample(concern, 60)]
        with ledger.Session.begin() as s:
            incidents.record_events(s, incident.id, batch + batch[:10])

    # WHEN the roll call is read
    with ledger.Session() as s:
        rows = roll_call(s, incident.id)
        stored = {e.household_id: (e.lat, e.lon) for e in s.scalars(select(HouseholdExposure))}
    # THEN it is row for row what the ORM computation gives (persons, order, hazards, watchers, latest checks)
    with ledger.Session() as s:
        expected = _orm_roll_call(s, incident.id)
        s.rollback()  # that computation stores exposures: never kept
    assert len(rows) > 150 and rows == expected
    assert {r.status for r in rows} == set(SafetyStatus) and any(r.hazard_label.startswith("不明") for r in rows)
    # AND the read wrote nothing: the moved households' stored rows still hold the old position
    with ledger.Session() as s:
        assert {e.household_id: (e.lat, e.lon) for e in s.scalars(select(HouseholdExposure))} == stored
        assert all(stored[h] != (35.905, 136.165) for h in moved if h in stored)
        fresh = exposures_for(s, moved)
    assert all(fresh[h].sediment_class == 2 for h in moved if h in fresh)  # computed for the new position
    # AND one household's rows, and the latest checks of a few persons, agree with the whole roll call
    by_person = {r.person_id: r for r in rows}
    one = rows[0].household_id
    with ledger.Session() as s:
        alone = roll_call(s, incident.id, household_id=one)
        some = latest_checks(s, incident.id, [r.person_id for r in rows[:40]])
    assert [replace(r, hazard_order=by_person[r.person_id].hazard_order) for r in alone] == [
        r for r in rows if r.household_id == one]
    assert some == {r.person_id: r.latest for r in rows[:40] if r.latest is not None}
    # AND counts kept one check at a time are the recount's
    tally = RollCallCounts(rows)
    changed = [replace(r, latest=replace(rows[-1].latest or some[next(iter(some))], person_id=r.person_id,
                                         status=SafetyStatus.NEEDS_HELP)) for r in rows[:25]]
    for old, new in zip(rows[:25], changed, strict=True):
        tally.replace(old, new)
    assert tally.statuses() == status_counts(changed + rows[25:])
    assert tally.districts() == district_counts(changed + rows[25:])


def test_a_household_ring_shows_its_most_urgent_status_and_counts_the_others(ledger, world, incident):
    from app.safety.rollcall import status_rings
    from app.safety.views import STATUS_COLORS

    # GIVEN 山田's household where a second person of concern lives, and checks for both and for 佐藤
    with ledger.Session.begin() as s:
        home = next(r.household_id for r in roll_call(s, incident.id) if r.person_id == world.persons["山田"])
        spouse = hh.add_person(s, home, PersonFields("山田　ゲン", of_concern=True)).id
        incidents.record_event(s, incident.id, world.persons["山田"], EventFields(SafetyStatus.SAFE_HOME, "川村"))
        incidents.record_event(s, incident.id, spouse, EventFields(SafetyStatus.NEEDS_HELP, "川村"))
        incidents.record_event(s, incident.id, world.persons["佐藤"], EventFields(SafetyStatus.EVACUATED, "森"))
        rows = roll_call(s, incident.id)
    rings = {r["householdId"]: r for r in status_rings(rows)}
    # THEN one ring per household: 山田's red (要支援・要救助 comes before 無事), both statuses in its label
    assert len(rings) == len({r.household_id for r in rows}) == 5
    assert rings[str(home)] == {"householdId": str(home), "color": STATUS_COLORS[SafetyStatus.NEEDS_HELP],
                                "label": "要支援・要救助・無事（自宅）"}
    sato = next(r.household_id for r in rows if r.person_id == world.persons["佐藤"])
    assert rings[str(sato)]["label"] == "避難済み" and rings[str(sato)]["color"] == STATUS_COLORS[SafetyStatus.EVACUATED]
    # AND nothing of a person on the page: no name in any ring
    assert not any(n in repr(rings) for n in ("山田", "佐藤", "ゲン"))
