"""Safety-check events recorded offline on two laptops merge through the office server and USB packages:
both end with every event and show the same latest status, and nothing becomes a conflict."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.core.views import HouseholdFields, PersonFields
from app.households import households as hh
from app.models import Person
from app.models.safety import CheckMethod, SafetyStatus
from app.office.packages import export_package_for_laptop, import_package_at_office
from app.safety import incidents
from app.safety.rollcall import roll_call
from app.safety.views import EventFields
from app.sync import export_package, import_package, list_conflicts, sync, sync_status
from app.towns.towns import create_town
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

DISTRICT = "味真野地区"
T0 = datetime(2026, 7, 8, 6, 0, tzinfo=timezone.utc)
PASS = "usb-パスフレーズ"


def _seed_with_incident(laptop):
    with laptop.ledger.Session.begin() as s:
        town = create_town(s, DISTRICT, "余川町")
        for n, name in enumerate(("山田　ハル", "佐藤　キヨ"), start=1):
            h = hh.add_household(s, town.id, None, HouseholdFields(name=f"世帯{n}"))
            hh.add_person(s, h.id, PersonFields(name, of_concern=True))
        incident = incidents.start_incident(s, "7月豪雨", [town.id], kind="flood", started_at=T0)
    return incident


def _person(laptop, name):
    with laptop.ledger.Session() as s:
        return s.scalars(select(Person.id).where(Person.name == name)).one()


def _record_offline(a, b, incident_id):
    """WHEN both laptops check 山田 offline: A by phone at 7:00 (連絡不能) and at 9:00 (避難済み), B by a visit
    at 8:00 (要支援・要救助) — B's is typed last but A's 9:00 check is the latest."""
    yamada = _person(a, "山田　ハル")
    with a.ledger.Session.begin() as s:
        incidents.record_event(s, incident_id, yamada, EventFields(SafetyStatus.UNREACHABLE, "川村", CheckMethod.PHONE,
                                                                   checked_at=T0 + timedelta(hours=1)))
        incidents.record_event(s, incident_id, yamada, EventFields(SafetyStatus.EVACUATED, "川村", CheckMethod.PHONE,
                                                                   shelter_text="味真野小学校",
                                                                   checked_at=T0 + timedelta(hours=3)))
    with b.ledger.Session.begin() as s:
        incidents.record_event(s, incident_id, yamada, EventFields(SafetyStatus.NEEDS_HELP, "消防団", CheckMethod.VISIT,
                                                                   checked_at=T0 + timedelta(hours=2)))
        incidents.record_event(s, incident_id, _person(b, "佐藤　キヨ"),
                               EventFields(SafetyStatus.SAFE_HOME, "森", checked_at=T0 + timedelta(hours=2)))
    return yamada


def _state(laptop, incident_id, person_id):
    with laptop.ledger.Session() as s:
        every = sorted((e.status.value, e.checked_by, e.checked_at, e.recorded_on)
                       for e in incidents.events_of(s, incident_id))
        shown = {r.name: r.status_text for r in roll_call(s, incident_id)}
        assert list_conflicts(s) == [] and sync_status(s).open_conflicts == 0
    return every, shown


def test_two_laptops_recording_the_same_person_offline_end_with_every_event_and_one_latest(make_laptop):
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    incident = _seed_with_incident(a)
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    yamada = _record_offline(a, b, incident.id)
    reports = [sync(a.ledger, a.url), sync(b.ledger, b.url), sync(a.ledger, a.url)]
    # THEN nothing conflicts, both laptops hold all four events and show the same statuses
    assert all(r.new_conflicts == 0 for r in reports)
    events_a, shown_a = _state(a, incident.id, yamada)
    events_b, shown_b = _state(b, incident.id, yamada)
    assert len(events_a) == 4 and events_a == events_b
    assert {e[3] for e in events_a} == {"laptop-a", "laptop-b"}
    assert shown_a == shown_b == {"山田　ハル": "避難済み（味真野小学校）", "佐藤　キヨ": "無事（自宅）"}


def test_closing_the_incident_on_both_laptops_is_no_conflict_and_the_earliest_close_stays(make_laptop):
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    incident = _seed_with_incident(a)
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    with a.ledger.Session.begin() as s:
        incidents.close_incident(s, incident.id, at=T0 + timedelta(days=2))
    with b.ledger.Session.begin() as s:
        incidents.close_incident(s, incident.id, at=T0 + timedelta(days=1))
    reports = [sync(a.ledger, a.url), sync(b.ledger, b.url), sync(a.ledger, a.url), sync(b.ledger, b.url)]
    assert all(r.new_conflicts == 0 for r in reports)
    for laptop in (a, b):
        with laptop.ledger.Session() as s:
            assert incidents.get_incident(s, incident.id).closed_at == T0 + timedelta(days=1)
            assert list_conflicts(s) == []


def test_events_travel_by_usb_package_both_ways_and_merge_by_the_same_rule(make_laptop, server_url, tmp_path):
    a = make_laptop("laptop-a", [DISTRICT])
    u = make_laptop("usb-laptop", [DISTRICT])
    incident = _seed_with_incident(a)
    sync(a.ledger, a.url)
    export_package_for_laptop(server_url, "usb-laptop", tmp_path / "to-u-1.sasaeai", PASS)
    import_package(u.ledger, tmp_path / "to-u-1.sasaeai", PASS)
    yamada = _record_offline(a, u, incident.id)
    sync(a.ledger, a.url)
    export_package(u.ledger, tmp_path / "from-u.sasaeai", PASS)
    office = import_package_at_office(server_url, tmp_path / "from-u.sasaeai", PASS, tmp_path / "to-u-2.sasaeai")
    assert office.rejected == 0
    report = import_package(u.ledger, tmp_path / "to-u-2.sasaeai", PASS)
    sync(a.ledger, a.url)
    assert report.new_conflicts == 0
    events_a, shown_a = _state(a, incident.id, yamada)
    events_u, shown_u = _state(u, incident.id, yamada)
    assert len(events_a) == 4 and events_a == events_u
    assert shown_a == shown_u == {"山田　ハル": "避難済み（味真野小学校）", "佐藤　キヨ": "無事（自宅）"}


def _start_offline(laptop, town_id, started_at, checks):
    """One laptop, offline, starts 「令和8年 大雨」 for the town and records its checks (name, status, hour)."""
    with laptop.ledger.Session.begin() as s:
        incident = incidents.start_incident(s, "令和8年 大雨", [town_id], kind="flood", started_at=started_at)
    with laptop.ledger.Session.begin() as s:
        for name, status, hour in checks:
            incidents.record_event(s, incident.id, _person(laptop, name),
                                   EventFields(status, laptop.name, checked_at=T0 + timedelta(hours=hour)))
    return incident


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_laptops_starting_an_incident_for_one_town_offline_end_with_one_holding_every_check(make_laptop, order):
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    with a.ledger.Session.begin() as s:
        town = create_town(s, DISTRICT, "余川町")
        for n, name in enumerate(("山田　ハル", "佐藤　キヨ", "鈴木　ミツ"), start=1):
            h = hh.add_household(s, town.id, None, HouseholdFields(name=f"世帯{n}"))
            hh.add_person(s, h.id, PersonFields(name, of_concern=True))
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    # GIVEN both laptops, offline, start the town's incident (A ten minutes first) and both check 山田
    first = _start_offline(a, town.id, T0, [("山田　ハル", SafetyStatus.UNREACHABLE, 1),
                                            ("佐藤　キヨ", SafetyStatus.SAFE_HOME, 1)])
    second = _start_offline(b, town.id, T0 + timedelta(minutes=10), [("山田　ハル", SafetyStatus.EVACUATED, 2),
                                                                     ("鈴木　ミツ", SafetyStatus.NEEDS_HELP, 2)])
    # WHEN both sync, twice, in either order
    laptops = {"a": a, "b": b}
    reports: dict[str, list] = {"laptop-a": [], "laptop-b": []}
    for key in order * 2:
        reports[laptops[key].name].append(sync(laptops[key].ledger, laptops[key].url))
    # THEN nothing conflicts, and each laptop is told once what was joined (B's incident and its 2 checks)
    assert all(r.new_conflicts == 0 for rs in reports.values() for r in rs)
    for rs in reports.values():
        assert [(j.kept_id, j.joined_id, j.moved) for r in rs for j in r.joined] == [(first.id, second.id, 2)]
    # AND both show one open incident, the one started first, with every check of both and the same statuses
    seen = []
    for laptop in (a, b):
        with laptop.ledger.Session() as s:
            assert [i.id for i in incidents.open_incidents(s, town.id)] == [first.id]
            every = sorted((str(e.person_id), e.status.value, e.recorded_on) for e in incidents.events_of(s, first.id))
            shown = {r.name: r.status_text for r in roll_call(s, first.id)}
            joined = incidents.get_incident(s, second.id)  # kept, closed, saying whom it was joined into
            assert not joined.is_open and incidents.joined_into(joined.note) == first.id
            assert incidents.events_of(s, second.id) == []
            assert list_conflicts(s) == [] and sync_status(s).open_conflicts == 0
            seen.append((every, shown, joined))
    assert seen[0] == seen[1]
    assert len(seen[0][0]) == 4
    assert seen[0][1] == {"山田　ハル": "避難済み", "佐藤　キヨ": "無事（自宅）", "鈴木　ミツ": "要支援・要救助"}
