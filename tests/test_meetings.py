"""The liaison meeting: meeting records, the review of each person of concern (archive, restore, undo),
the due and overdue list and the report of what changed, on the demo town with a faked clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from app.core.errors import LedgerError, NotFound
from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.emergency import cards as emergency
from app.households import households
from app.meeting import meetings
from app.meeting.views import (
    AttendeeFields,
    ChangeAction,
    ChangeKind,
    DueReason,
    MeetingFields,
    ReviewFields,
)
from app.models import AuditEntry, Operator, Person, utcnow
from app.models.meeting import AttendeeRole, MeetingKind, ReviewOutcome
from app.privacy import audit
from app.towns import towns
from app.watch import network as watch
from app.watch.views import LinkFields
from tests.conftest import session_day

TODAY = date(2026, 11, 27)  # the faked clock: every service gets today= explicitly
DEMO_DAY = session_day()  # the day the demo was made: its cards' review dates and its records' times count from it
MEETING_DAY = date(2026, 11, 20)
RECORDER = Operator("山田　花子", "民生児童委員")


@pytest.fixture
def demo(demo_ledger):
    """(ledger, town id) of the demo town ひだまり町."""
    with demo_ledger.Session.begin() as s:
        return demo_ledger, towns.find_town(s, "ひだまり町").id


def _meeting(s, town_id, day=MEETING_DAY, today=TODAY):
    return meetings.add_meeting(s, town_id, MeetingFields(day, MeetingKind.TOWN_LIAISON, "年1回の連絡会", (
        AttendeeFields("田中　一郎", AttendeeRole.DISTRICT_HEAD),
        AttendeeFields("佐藤　和子", AttendeeRole.WELFARE_COMMISSIONER),
        AttendeeFields("鈴木　清", AttendeeRole.WELFARE_PROMOTER),
        AttendeeFields("高橋　節子", AttendeeRole.ELDERLY_HOME_COUNSELLOR),
        AttendeeFields("伊藤　博", AttendeeRole.OTHER, "老人会長"),
    )), today=today)


# ---------------------------------------------------------------- meetings


def test_a_meeting_keeps_its_date_kind_notes_and_attendees_by_role(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        older = meetings.add_meeting(s, town_id, MeetingFields(date(2025, 11, 14), "district_network"), today=TODAY)
        m = _meeting(s, town_id)
    with led.Session.begin() as s:
        got = meetings.get_meeting(s, m.id)
        listed = meetings.list_meetings(s, town_id)
    assert (got.held_on, got.kind, got.kind_label, got.notes) == (MEETING_DAY, MeetingKind.TOWN_LIAISON,
                                                                   "町内福祉連絡会", "年1回の連絡会")
    by_role = got.attendees_by_role()
    assert [a.name for a in by_role[AttendeeRole.DISTRICT_HEAD]] == ["田中　一郎"]
    assert [a.role_label for a in got.attendees] == ["区長", "民生児童委員", "福祉推進員", "老人家庭相談員", "老人会長"]
    assert [x.id for x in listed] == [m.id, older.id]  # newest first
    assert listed[1].kind_label == "地区福祉ネットワーク会議"


def test_editing_a_meeting_replaces_its_attendance_and_deleting_it_can_be_undone(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        m = _meeting(s, town_id)
        meetings.edit_meeting(s, m.id, MeetingFields(MEETING_DAY, attendees=(AttendeeFields("田中　一郎", "district_head"),)),
                              today=TODAY)
    with led.Session.begin() as s:
        assert [a.name for a in meetings.get_meeting(s, m.id).attendees] == ["田中　一郎"]
        meetings.delete_meeting(s, m.id)
        assert meetings.list_meetings(s, town_id) == []
        assert meetings.last_meeting(s, town_id) is None
        meetings.restore_meeting(s, m.id)
        assert meetings.last_meeting(s, town_id).id == m.id


@pytest.mark.parametrize("fields", [
    MeetingFields(TODAY + timedelta(days=1)),  # not held yet
    MeetingFields(MEETING_DAY, kind="party"),
    MeetingFields(MEETING_DAY, attendees=(AttendeeFields("  ", "district_head"),)),
    MeetingFields(MEETING_DAY, attendees=(AttendeeFields("田中", "mayor"),)),
    MeetingFields(MEETING_DAY, attendees=(AttendeeFields("田中" * 101, "district_head"),)),
    MeetingFields(None),  # type: ignore[arg-type]
])
def test_a_bad_meeting_is_refused_and_nothing_is_saved(demo, fields):
    led, town_id = demo
    with pytest.raises(LedgerError):
        with led.Session.begin() as s:
            meetings.add_meeting(s, town_id, fields, today=TODAY)
    with led.Session.begin() as s:
        assert meetings.list_meetings(s, town_id) == []


# ---------------------------------------------------------------- review queue and outcomes


def test_the_review_queue_walks_every_person_of_concern_in_map_number_order(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        queue = meetings.review_queue(s, town_id, today=TODAY)
        concerns = watch.list_concerns(s, town_id)
        gap = {c.person.id for c in watch.persons_without_watcher(s, town_id)}
    numbers = [i.map_number for i in queue]
    assert len(queue) >= 10 and numbers == sorted(numbers)
    assert [i.person.id for i in queue] == [c.person.id for c in concerns]
    assert all(i.due and i.last_review is None for i in queue)  # nobody reviewed yet in the demo
    assert {i.person.id for i in queue if i.watcher_count == 0} == gap and gap


def test_an_unchanged_review_stamps_the_meeting_date_and_who_recorded_it(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        s.info["operator"] = RECORDER
        m = _meeting(s, town_id)
        first = meetings.review_queue(s, town_id, today=TODAY)[0]
        r = meetings.record_review(s, first.person.id, ReviewFields("unchanged", "変わりなく元気", meeting_id=m.id),
                                   today=TODAY)
    with led.Session.begin() as s:
        queue = meetings.review_queue(s, town_id, today=TODAY, meeting_id=m.id)
    assert (r.reviewed_on, r.outcome_label, r.recorded_by, r.archived_person) == (MEETING_DAY, "変わりなし",
                                                                                  "山田　花子", False)
    assert queue[0].person.id == first.person.id  # still watched: still in the queue
    assert queue[0].reviewed_at_meeting and not queue[0].due
    assert queue[0].last_review.note == "変わりなく元気"
    assert not any(i.reviewed_at_meeting for i in queue[1:])
    with led.Session.begin() as s:
        assert meetings.get_meeting(s, m.id).review_count == 1


@pytest.mark.parametrize("outcome, reason", [
    (ReviewOutcome.MOVED_AWAY, audit.ArchiveReason.MOVED_AWAY),
    (ReviewOutcome.ENTERED_FACILITY, audit.ArchiveReason.FACILITY),
    (ReviewOutcome.DIED, audit.ArchiveReason.DIED),
])
def test_an_outcome_that_ends_the_watch_archives_the_person_and_restore_brings_them_back(demo, outcome, reason):
    led, town_id = demo
    with led.Session.begin() as s:
        m = _meeting(s, town_id)
        person = meetings.review_queue(s, town_id, today=TODAY)[0].person
        r = meetings.record_review(s, person.id, ReviewFields(outcome, "10月のこと", meeting_id=m.id), today=TODAY)
    assert r.archived_person and r.ends_watch
    with led.Session.begin() as s:
        # Off every list of the town ...
        assert person.id not in {i.person.id for i in meetings.review_queue(s, town_id, today=TODAY)}
        assert person.id not in {c.person.id for c in watch.list_concerns(s, town_id)}
        assert person.id not in {v.person.id for v in emergency.list_cards(s, town_id)}
        assert person.id not in {d.person.id for d in meetings.due_list(s, town_id, TODAY)}
        # ... but never deleted: the record and the reason are kept.
        row = s.get(Person, person.id)
        assert row is not None and row.deleted_at is not None
        archived = meetings.archived_persons(s, town_id)
        assert [(a.person.id, a.outcome, a.reviewed_on, a.note) for a in archived] == [
            (person.id, outcome, MEETING_DAY, "10月のこと")]
        assert {a.person_id: a.reason for a in audit.archived_persons(s)}[person.id] is reason
        assert meetings.list_reviews(s, person.id)[0].outcome is outcome
    with led.Session.begin() as s:
        meetings.restore_person(s, person.id, note="戻られた")
    with led.Session.begin() as s:
        assert person.id in {i.person.id for i in meetings.review_queue(s, town_id, today=TODAY)}
        assert meetings.archived_persons(s, town_id) == []


@pytest.mark.parametrize("outcome", [ReviewOutcome.CHANGED, ReviewOutcome.IN_HOSPITAL])
def test_changed_and_in_hospital_keep_the_person_watched(demo, outcome):
    led, town_id = demo
    with led.Session.begin() as s:
        person = meetings.review_queue(s, town_id, today=TODAY)[0].person
        r = meetings.record_review(s, person.id, ReviewFields(outcome, "入院中、来月退院予定"), today=TODAY)
    with led.Session.begin() as s:
        queue = meetings.review_queue(s, town_id, today=TODAY)
    assert not r.archived_person and r.reviewed_on == TODAY  # no meeting: stamped with today
    assert queue[0].person.id == person.id and queue[0].last_review.outcome is outcome


def test_withdrawing_a_died_review_entered_by_mistake_brings_the_person_back(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        person = meetings.review_queue(s, town_id, today=TODAY)[0].person
        r = meetings.record_review(s, person.id, ReviewFields("died"), today=TODAY)
    with led.Session.begin() as s:
        meetings.withdraw_review(s, r.id)
    with led.Session.begin() as s:
        assert person.id in {i.person.id for i in meetings.review_queue(s, town_id, today=TODAY)}
        assert meetings.list_reviews(s, person.id) == []


def test_reviewing_again_at_the_same_meeting_replaces_the_first_answer(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        m = _meeting(s, town_id)
        person = meetings.review_queue(s, town_id, today=TODAY)[0].person
        meetings.record_review(s, person.id, ReviewFields("moved_away", meeting_id=m.id), today=TODAY)
        meetings.record_review(s, person.id, ReviewFields("unchanged", meeting_id=m.id), today=TODAY)
    with led.Session.begin() as s:
        assert [r.outcome for r in meetings.list_reviews(s, person.id)] == [ReviewOutcome.UNCHANGED]
        assert person.id in {i.person.id for i in meetings.review_queue(s, town_id, today=TODAY)}


def test_the_last_member_leaving_says_the_household_is_now_empty(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        alone = next(i for i in meetings.review_queue(s, town_id, today=TODAY)
                     if len(households.get_household(s, i.household_id).persons) == 1)
        r = meetings.record_review(s, alone.person.id, ReviewFields("entered_facility"), today=TODAY)
    assert r.household_now_empty
    with led.Session.begin() as s:  # the household stays on the map until someone takes it off
        assert households.get_household(s, alone.household_id).deleted is False


@pytest.mark.parametrize("bad", ["not_of_concern", "future", "outcome", "long_note", "other_town", "archived"])
def test_a_bad_review_is_refused_and_changes_nothing(demo, bad):
    led, town_id = demo
    with led.Session.begin() as s:
        queue = meetings.review_queue(s, town_id, today=TODAY)
        person = queue[0].person
        fields = ReviewFields("unchanged")
        if bad == "not_of_concern":
            person = next(p for h in households.list_households(s, town_id) for p in h.persons if not p.of_concern)
        elif bad == "future":
            fields = ReviewFields("unchanged", reviewed_on=TODAY + timedelta(days=1))
        elif bad == "outcome":
            fields = ReviewFields("gone")
        elif bad == "long_note":
            fields = ReviewFields("changed", "あ" * 501)
        elif bad == "other_town":
            other = towns.create_town(s, "さくら地区", "となり町")
            fields = ReviewFields("unchanged", meeting_id=_meeting(s, other.id).id)
        elif bad == "archived":
            meetings.record_review(s, person.id, ReviewFields("moved_away"), today=TODAY)
    with pytest.raises(LedgerError):
        with led.Session.begin() as s:
            meetings.record_review(s, person.id, fields, today=TODAY)
    with led.Session.begin() as s:
        assert len(meetings.list_reviews(s, person.id)) == (1 if bad == "archived" else 0)


def test_restoring_a_person_whose_household_is_off_the_map_is_refused(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        item = meetings.review_queue(s, town_id, today=TODAY)[0]
        meetings.record_review(s, item.person.id, ReviewFields("died"), today=TODAY)
        households.delete_household(s, item.household_id)
    with pytest.raises(LedgerError):
        with led.Session.begin() as s:
            meetings.restore_person(s, item.person.id)
    with pytest.raises(NotFound):
        with led.Session.begin() as s:
            meetings.restore_person(s, item.household_id)  # not a person's id


# ---------------------------------------------------------------- due and overdue


def test_the_due_list_gives_every_gap_with_its_reason(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        due = meetings.due_list(s, town_id, DEMO_DAY)
        concerns = watch.list_concerns(s, town_id)
        no_watcher = {c.person.id for c in watch.persons_without_watcher(s, town_id)}
        no_card = {v.person.id for v in emergency.persons_without_card(s, town_id)}
        card_overdue = {v.person.id for v in emergency.overdue_reviews(s, town_id, DEMO_DAY)}
    by_reason = {reason: {d.person.id for d in due if d.reason is reason} for reason in DueReason}
    assert by_reason[DueReason.NEVER_REVIEWED] == {c.person.id for c in concerns}
    assert by_reason[DueReason.NO_WATCHER] == no_watcher and no_watcher
    assert by_reason[DueReason.NO_CARD] == no_card and no_card
    assert by_reason[DueReason.CARD_REVIEW_OVERDUE] == card_overdue and card_overdue
    assert by_reason[DueReason.REVIEW_OVERDUE] == set()
    numbers = [d.map_number for d in due]
    assert numbers == sorted(numbers)
    assert all(d.since is not None for d in due if d.reason is DueReason.CARD_REVIEW_OVERDUE)
    assert {d.reason_label for d in due} >= {"未見直し", "見守り者なし", "緊急連絡カード未作成"}


def test_a_card_review_date_passes_as_the_clock_moves_on(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        cards = [v for v in emergency.list_cards(s, town_id) if v.has_card and v.review_on]
        latest = max(v.review_on for v in cards)
        before = meetings.due_list(s, town_id, latest)
        after = meetings.due_list(s, town_id, latest + timedelta(days=1))
    overdue = lambda rows: {d.person.id for d in rows if d.reason is DueReason.CARD_REVIEW_OVERDUE}  # noqa: E731
    assert overdue(after) == {v.person.id for v in cards}
    assert len(overdue(before)) < len(overdue(after))


def test_a_review_counts_for_twelve_months_and_then_is_due_again(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        first, second = meetings.review_queue(s, town_id, today=TODAY)[:2]
        meetings.record_review(s, first.person.id, ReviewFields("unchanged", reviewed_on=date(2025, 11, 28)),
                               today=TODAY)
        meetings.record_review(s, second.person.id, ReviewFields("unchanged", reviewed_on=date(2025, 11, 27)),
                               today=TODAY)

    def reasons(person_id, today):
        with led.Session.begin() as s:
            return {d.reason: d.since for d in meetings.due_list(s, town_id, today) if d.person.id == person_id}

    assert DueReason.REVIEW_OVERDUE not in reasons(first.person.id, TODAY)  # 11 months and 30 days ago
    assert reasons(second.person.id, TODAY)[DueReason.REVIEW_OVERDUE] == date(2025, 11, 27)  # a full year ago
    assert reasons(first.person.id, TODAY + timedelta(days=1))[DueReason.REVIEW_OVERDUE] == date(2025, 11, 28)
    assert DueReason.NEVER_REVIEWED not in reasons(second.person.id, TODAY)
    with led.Session.begin() as s:
        queue = {i.person.id: i for i in meetings.review_queue(s, town_id, today=TODAY)}
    assert not queue[first.person.id].due and queue[second.person.id].due


def test_the_twelve_months_of_a_leap_day():
    assert meetings.review_cutoff(date(2028, 2, 29)) == date(2027, 2, 28)
    assert meetings.review_due(date(2027, 3, 1), date(2028, 2, 29)) is False
    assert meetings.review_due(None, date(2028, 2, 29)) is True


# ---------------------------------------------------------------- what changed since the last meeting


def test_the_change_report_lists_what_was_added_changed_archived_and_linked_and_by_whom(demo):
    led, town_id = demo
    mark = utcnow()  # everything before this (the demo itself) is "before the last meeting"
    with led.Session.begin() as s:
        s.info["operator"] = RECORDER
        queue = meetings.review_queue(s, town_id, today=TODAY)
        h = households.add_household(s, town_id, MapPoint(Crs.PIXEL, 5, 5),
                                     HouseholdFields(name="新井家", address="ひだまり町9-9", category_codes=("single_elderly",)))
        newcomer = households.add_person(s, h.id, PersonFields("新井　トシ子", of_concern=True, concerns="物忘れ"))
        edited = queue[1].person
        households.edit_person(s, edited.id, PersonFields(edited.name, edited.kana, edited.birth_date, edited.phone,
                                                          True, "足が不自由で外出が減った（悪化）"))
        meetings.record_review(s, queue[0].person.id, ReviewFields("died"), today=TODAY)
        watcher = watch.list_watchers(s, town_id)[0]
    with led.Session.begin() as s:
        s.info["operator"] = Operator("佐藤　和子", "福祉推進員")
        watch.link_watcher(s, newcomer.id, watcher.id, LinkFields("毎朝の声かけ"))
        other = towns.create_town(s, "さくら地区", "となり町")
        households.add_household(s, other.id, None, HouseholdFields(name="よその家"))
    with led.Session.begin() as s:
        report = meetings.changes_since(s, town_id, mark)
    assert report.source == "audit"
    added_homes = report.of(ChangeKind.HOUSEHOLD, ChangeAction.ADDED)
    assert [(i.label, i.map_number, i.recorded_by) for i in added_homes] == [("新井家", h.map_number, ("山田　花子",))]
    assert [i.label for i in report.of(ChangeKind.PERSON, ChangeAction.ADDED)] == ["新井　トシ子"]
    changed = report.of(ChangeKind.PERSON, ChangeAction.CHANGED)
    assert [(i.person_id, i.fields) for i in changed] == [(edited.id, ("concerns",))]
    archived = report.of(ChangeKind.PERSON, ChangeAction.ARCHIVED)
    assert [(i.person_id, i.reason.split(":")[0]) for i in archived] == [(queue[0].person.id, "died")]
    links = report.of(ChangeKind.WATCH_LINK, ChangeAction.ADDED)
    assert [(i.label, i.recorded_by) for i in links] == [(f"{watcher.name} → 新井　トシ子", ("佐藤　和子",))]
    assert "よその家" not in {i.label for i in report.items}  # another town's change
    assert len(report.items) == 5  # nothing from before the mark (the whole demo was made before it)


def test_the_change_report_since_the_last_meeting_starts_on_that_day(demo):
    led, town_id = demo
    today = DEMO_DAY  # the demo was made today: its records carry the clock's times (pytest --clock moves both)
    with led.Session.begin() as s:
        assert meetings.changes_since_last_meeting(s, town_id, today=today) is None
        meetings.add_meeting(s, town_id, MeetingFields(today - timedelta(days=1)), today=today)
        _meeting(s, town_id, day=today, today=today)  # today's meeting is the current one, not the last
        report = meetings.changes_since_last_meeting(s, town_id, today=today)
        before = meetings.changes_since(s, town_id, today + timedelta(days=1))
    assert report.since.astimezone().date() == today - timedelta(days=1)
    assert len(report.of(ChangeKind.HOUSEHOLD, ChangeAction.ADDED)) == 60  # the demo was made today
    assert before.items == ()


def test_without_an_audit_log_the_change_report_uses_record_times_and_says_who_is_unknown(demo):
    led, town_id = demo
    mark = utcnow()
    with led.Session.begin() as s:
        h = households.add_household(s, town_id, None, HouseholdFields(name="新井家"))
        s.execute(delete(AuditEntry))  # as in a ledger made before the audit log existed
    with led.Session.begin() as s:
        assert s.scalar(select(AuditEntry.id).limit(1)) is None
        report = meetings.changes_since(s, town_id, mark)
    assert report.source == "timestamps"
    assert [(i.entity_id, i.action, i.recorded_by) for i in report.items] == [(h.id, ChangeAction.ADDED, ())]


def test_a_watch_link_taken_up_again_counts_as_new_and_an_ended_one_as_ended(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        watched = [c for c in watch.list_concerns(s, town_id) if len(c.links) >= 1][:2]
        again, ended = watched[0].links[0], watched[1].links[0]
        watch.unlink(s, again.id)
    mark = utcnow()
    with led.Session.begin() as s:
        watch.link_watcher(s, again.person_id, again.watcher.id, LinkFields("声かけ"))  # the same record comes back
        watch.unlink(s, ended.id)
    with led.Session.begin() as s:
        report = meetings.changes_since(s, town_id, mark)
    assert [i.entity_id for i in report.of(ChangeKind.WATCH_LINK, ChangeAction.ADDED)] == [again.id]
    assert [i.entity_id for i in report.of(ChangeKind.WATCH_LINK, ChangeAction.ARCHIVED)] == [ended.id]
