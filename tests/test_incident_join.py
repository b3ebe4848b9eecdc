"""Two incidents open for one town (two laptops each started one before a sync): the join keeps the one started
first, moves the other's checks to it and closes the other with a note (never removed)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from app.models import Incident, SafetyEvent
from app.models.safety import CheckMethod, SafetyStatus
from app.safety import incidents
from app.safety.rollcall import roll_call
from app.safety.views import EventFields
from tests.test_safety import T0, make_world


def _second_incident(ledger, town_ids, started_at):
    """As a sync brings it: another laptop's incident, written without this laptop's one-open-per-town check."""
    with ledger.Session.begin() as s:
        other = Incident(name="令和8年 大雨", kind="flood", started_at=started_at, town_ids=[str(t) for t in town_ids])
        s.add(other)
        s.flush()
        return other.id


def test_two_open_incidents_of_a_town_join_into_the_first_started_with_every_check(ledger):
    w = make_world(ledger)
    with ledger.Session.begin() as s:
        first = incidents.start_incident(s, "令和8年 大雨", [w.town_id], kind="flood", started_at=T0)
    second = _second_incident(ledger, [w.town_id, w.other_town_id], T0 + timedelta(minutes=5))
    with ledger.Session.begin() as s:
        # 山田 checked on both: the second incident's 9:00 check is the latest; 佐藤 and 高橋 only on the second
        incidents.record_event(s, first.id, w.persons["山田"], EventFields(SafetyStatus.NEEDS_HELP, "川村",
                                                                           checked_at=T0 + timedelta(hours=2)))
        incidents.record_event(s, second, w.persons["山田"], EventFields(
            SafetyStatus.EVACUATED, "消防団", CheckMethod.PHONE, shelter_text="味真野小学校",
            checked_at=T0 + timedelta(hours=3)))
        incidents.record_event(s, second, w.persons["佐藤"], EventFields(SafetyStatus.SAFE_HOME, "森",
                                                                         checked_at=T0 + timedelta(hours=1)))
        incidents.record_event(s, second, w.persons["高橋"], EventFields(SafetyStatus.HOSPITAL, "森",
                                                                         checked_at=T0 + timedelta(hours=1)))
    # WHEN the two are joined
    with ledger.Session.begin() as s:
        joins = incidents.join_open_incidents(s)
    # THEN one incident is open in the town, its roll call has every check, the latest of 山田 shows
    assert [(j.kept_id, j.joined_id, j.moved) for j in joins] == [(first.id, second, 3)]
    with ledger.Session() as s:
        assert [i.id for i in incidents.open_incidents(s, w.town_id)] == [first.id]
        assert [i.id for i in incidents.open_incidents(s, w.other_town_id)] == [first.id]  # it took 東町 too
        shown = {r.name: r.status_text for r in roll_call(s, first.id)}
        assert shown["山田　ハル"] == "避難済み（味真野小学校）"
        assert shown["佐藤　キヨ"] == "無事（自宅）" and shown["高橋　ヨシ"] == "入院・施設"
        assert len(incidents.history(s, first.id, w.persons["山田"])) == 2
        # the joined one is kept, closed, and says whom it was joined into
        joined = incidents.get_incident(s, second)
        assert not joined.is_open and "「令和8年 大雨」に統合" in joined.note
        assert incidents.joined_into(joined.note) == first.id
        assert incidents.events_of(s, second) == []
    # AND joining again changes nothing and tells nothing
    with ledger.Session.begin() as s:
        assert incidents.join_open_incidents(s) == []


def test_a_tie_on_the_start_keeps_the_smaller_id_and_a_late_check_follows_the_join(ledger):
    w = make_world(ledger)
    a = _second_incident(ledger, [w.town_id], T0)
    b = _second_incident(ledger, [w.town_id], T0)
    kept, joined = sorted((a, b), key=str)
    with ledger.Session.begin() as s:
        assert [(j.kept_id, j.joined_id, j.moved) for j in incidents.join_open_incidents(s)] == [(kept, joined, 0)]
    # WHEN a check recorded on a laptop that had not heard of the join arrives on the joined incident
    with ledger.Session.begin() as s:
        s.add(SafetyEvent(incident_id=joined, person_id=w.persons["鈴木"], status=SafetyStatus.SAFE_HOME,
                          checked_at=T0 + timedelta(hours=1), recorded_at=T0 + timedelta(hours=1)))
    with ledger.Session.begin() as s:
        joins = incidents.join_open_incidents(s)
    # THEN it moves to the kept incident too, and the user is told of that one check
    assert [(j.kept_id, j.joined_id, j.moved) for j in joins] == [(kept, joined, 1)]
    with ledger.Session() as s:
        assert {r.name: r.status_text for r in roll_call(s, kept)}["鈴木　ミツ"] == "無事（自宅）"
        assert s.scalar(select(func.count()).select_from(Incident)) == 2  # nothing removed
