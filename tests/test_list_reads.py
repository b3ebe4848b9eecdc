"""The lists of Steps II and III and the meeting's queue, read as plain rows (Core), show exactly what an
independent read through the ORM objects shows, on a generated town; and their statement count does not
grow with the town."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import selectinload

from app.emergency import cards as emergency
from app.emergency.views import AgencyFields, CardFields, ContactFields
from app.households import households
from app.meeting import meetings
from app.meeting.views import MeetingFields, ReviewFields
from app.models import Household, Person, open_ledger
from app.models.emergency import AgencyKind
from app.models.meeting import ReviewOutcome
from app.models.watch import Watcher, WatchLink
from app.paths import ledger_path
from app.towns import reference_layers
from app.watch import network as watch
from app.watch.views import WatchLineView
from bench.generate import generate

ECHIZEN = Path(__file__).parent / "data" / "echizen"
DAY = date(2026, 11, 20)


def _variety(ledger, town_id) -> None:  # noqa: ANN001
    """Everything the lists distinguish: cards with agencies and contacts, a card of a person not of concern,
    reviews, an archived watcher, a removed link, a removed member, a watcher whose home left the map, shelters."""
    with ledger.Session.begin() as s:
        reference_layers.import_layer(s, ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson")
        doctor = emergency.add_agency(s, AgencyFields(AgencyKind.CLINIC, "武生 診療所", phone="0778-22-1111"))
        centre = emergency.add_agency(s, AgencyFields(AgencyKind.COMMUNITY_SUPPORT_CENTRE, "中央 包括", phone="0778-22-2222"))
        office = emergency.add_agency(s, AgencyFields(AgencyKind.HOME_CARE_SUPPORT_OFFICE, "しあわせ 居宅", phone="0778-22-3333"))
        concerns = watch.list_concerns(s, town_id)
        for i, c in enumerate(concerns[:40]):  # every field of a card, each with values of its own
            emergency.save_card(s, c.person.id, CardFields(
                family_doctor_id=doctor.id if i % 2 else None, family_doctor_text="" if i % 2 else "町の医院",
                support_centre_id=centre.id if i % 3 else None, care_office_id=office.id if i % 5 else None,
                care_level="要介護1", medical_notes=f"服薬 {i}", care_manager_name=f"ケアマネ {i}",
                welfare_commissioner_name="民生 一郎" if i % 2 else "", welfare_commissioner_phone=f"0778-33-{i:04}",
                kept_at="冷蔵庫", note=f"メモ {i}", made_on=date(2025, 4, 1 + i % 20),
                review_on=date(2026, 1, 1) if i % 4 == 0 else None),
                [ContactFields(f"長男{i}", "長男", "090-0000-0000"), ContactFields(f"長女{i}", "長女", "")][: 1 + i % 2])
        others = s.scalars(select(Person).join(Household).where(Household.town_id == town_id,
                                                                  Person.of_concern.is_(False)).limit(3)).all()
        for p in others:  # anyone with a card is on the sheet, of concern or not
            emergency.save_card(s, p.id, CardFields(kept_at="玄関"), [ContactFields("知人", phone="0778-00-0000")])
        meeting = meetings.add_meeting(s, town_id, MeetingFields(DAY), today=DAY)
        for c in concerns[:10]:
            meetings.record_review(s, c.person.id, ReviewFields(ReviewOutcome.UNCHANGED, "元気", meeting.id), today=DAY)
        meetings.record_review(s, concerns[11].person.id, ReviewFields(ReviewOutcome.CHANGED, reviewed_on=date(2025, 1, 5)),
                               today=DAY)
        linked = [c for c in concerns if c.links]
        watch.unlink(s, linked[0].links[0].id)
        watch.archive_watcher(s, linked[1].links[0].watcher.id)
        households.delete_person(s, concerns[20].person.id)
        homed = s.scalars(select(Watcher).where(Watcher.town_id == town_id, Watcher.household_id.is_not(None))).first()
        households.delete_household(s, homed.household_id)


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    gen = generate(tmp_path_factory.mktemp("town") / "data", 600)
    ledger = open_ledger(ledger_path(gen.data_dir))
    _variety(ledger, gen.town_id)
    yield ledger, gen.town_id
    ledger.close()


def _orm_concern_persons(s, town_id):  # noqa: ANN001, ANN202
    return s.scalars(select(Person).join(Household, Person.household_id == Household.id)
                     .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None),
                            Person.of_concern.is_(True))
                     .options(selectinload(Person.household)).order_by(Household.map_number, Person.sort_order)).all()


def test_concerns_read_as_rows_are_those_the_orm_objects_give(town):
    ledger, town_id = town
    with ledger.Session() as s:
        core = watch.list_concerns(s, town_id)
        persons = _orm_concern_persons(s, town_id)
        orm = [watch.get_concern(s, p.id) for p in persons]  # one person at a time, through the ORM objects
    assert len(core) == len(orm) > 50
    assert core == orm
    assert [(c.sort_order, c.lat, c.lon) for c in core] == [(p.sort_order, p.household.lat, p.household.lon)
                                                            for p in persons]
    assert sum(len(c.links) for c in core) > 50 and any(not c.links for c in core)


def test_watch_lines_are_the_links_of_watchers_living_on_the_map(town):
    ledger, town_id = town
    with ledger.Session() as s:
        core = watch.watch_lines(s, town_id)
        given = watch.watch_lines(s, town_id, concerns=watch.list_concerns(s, town_id))
        expected = []
        for p in _orm_concern_persons(s, town_id):
            links = s.scalars(select(WatchLink).join(Watcher).where(
                WatchLink.person_id == p.id, WatchLink.deleted_at.is_(None), Watcher.deleted_at.is_(None))).all()
            for link in links:
                home = s.get(Household, link.watcher.household_id) if link.watcher.household_id else None
                if home is not None and home.deleted_at is None and home.town_id == town_id:
                    expected.append(WatchLineView(link.id, p.id, p.household_id, link.watcher_id, home.id,
                                                  link.watcher.role))
    assert len(expected) > 50
    assert sorted(core, key=str) == sorted(given, key=str) == sorted(expected, key=str)


def test_cards_read_as_rows_are_those_the_orm_objects_give(town):
    ledger, town_id = town
    with ledger.Session() as s:
        core = emergency.list_cards(s, town_id)
        given = emergency.list_cards(s, town_id, concerns=watch.list_concerns(s, town_id))
        orm = [emergency.get_card(s, p.id) for p in emergency.persons_needing_support(s, town_id)]
    assert core == given == orm
    assert sum(v.has_card for v in core) >= 40  # persons of concern (one since removed) and 3 others
    assert any(v.family_doctor for v in core) and any(v.support_centre for v in core) and any(v.care_office for v in core)
    assert any(v.welfare_commissioner_name and v.note and v.made_on for v in core)
    assert any(not v.person.of_concern for v in core)
    assert {v.shelter.status.value for v in core} == {"found"}


def test_review_queue_and_due_list_show_each_persons_latest_review(town):
    ledger, town_id = town
    with ledger.Session() as s:
        queue = meetings.review_queue(s, town_id, today=DAY)
        for item in queue:
            reviews = meetings.list_reviews(s, item.person.id)
            assert item.last_review == (reviews[0] if reviews else None)
        due = meetings.due_list(s, town_id, today=DAY)
    assert sum(item.last_review is not None for item in queue) == 11  # ten at the meeting, one long ago
    reasons = {d.reason.value for d in due}
    assert {"never_reviewed", "review_overdue", "no_watcher", "no_card", "card_review_overdue"} <= reasons


def _statements(ledger, call) -> int:  # noqa: ANN001
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        seen.append(statement)

    with ledger.Session() as s:
        s.connection()  # the session's first statements (pragmas) are not the list's
        event.listen(ledger.engine, "before_cursor_execute", count)
        try:
            call(s)
        finally:
            event.remove(ledger.engine, "before_cursor_execute", count)
    return len(seen)


def _town_details(town_id):  # noqa: ANN001, ANN202 - what the window reads off the UI thread once the map is drawn
    def read(s):  # noqa: ANN001, ANN202
        concerns = watch.list_concerns(s, town_id)
        return (watch.watch_lines(s, town_id, concerns=concerns), emergency.list_cards(s, town_id, concerns=concerns),
                meetings.review_queue(s, town_id, concerns=concerns, today=DAY))
    return read


@pytest.fixture(scope="module")
def two_sizes(tmp_path_factory):
    gens = [generate(tmp_path_factory.mktemp(f"size{n}") / "data", n) for n in (40, 400)]
    ledgers = [open_ledger(ledger_path(g.data_dir)) for g in gens]
    yield list(zip(ledgers, (g.town_id for g in gens), strict=True))
    for ledger in ledgers:
        ledger.close()


@pytest.mark.parametrize("what", ["details", "concerns", "cards", "due"])
def test_statement_count_of_the_lists_does_not_grow_with_the_town(two_sizes, what):
    counts = []
    for ledger, town_id in two_sizes:
        call = {"details": _town_details(town_id),
                "concerns": lambda s, t=town_id: watch.list_concerns(s, t),
                "cards": lambda s, t=town_id: emergency.list_cards(s, t),
                "due": lambda s, t=town_id: meetings.due_list(s, t, today=DAY)}[what]
        counts.append(_statements(ledger, call))
    assert counts[0] == counts[1] <= 12
