"""Step II's list read straight from the driver's rows (app/watch/list_rows.py) shows exactly what the service's
read showed before it (the typed-row read it replaced, kept here as the oracle), on the demo town and on a town with every awkward case;
and the plans' list of persons needing support is the same one query gives as the three it replaced."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import Row, String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.views import HouseholdFields, PersonFields, PersonView
from app.emergency import cards as emergency
from app.emergency.views import CardFields, ContactFields
from app.households import households
from app.models import Household, Person, Town, open_ledger
from app.models.emergency import EmergencyCard
from app.models.plans import EvacuationPlan
from app.models.watch import Watcher, WatcherRole, WatchFrequency, WatchLink
from app.paths import ledger_path
from app.plans import plans
from app.plans.views import PlanFields
from app.towns import towns
from app.watch import network as watch
from app.watch.list_rows import read_concerns, uuid_of_hex
from app.watch.views import ConcernView, LinkFields, WatcherFields, WatcherView, WatchLinkView
from bench.generate import generate
from tests.test_list_reads import _variety

pytestmark = pytest.mark.timeout(300)


# ---------------------------------------------------------------- the oracle: the service's read before list_rows
# (app/watch/network.py up to 2026-12-01), through SQLAlchemy's typed rows.

def _concern_rows(session: Session, town_id: uuid.UUID) -> list[Row]:
    """The town's live persons of concern with their household's columns, in map-number order (one query).

    Each row: id, household_id, name, kana, birth_date, phone, of_concern, concerns, sort_order, map_number,
    household_name, address, lat, lon."""
    return list(session.execute(
        select(Person.id, Person.household_id, Person.name, Person.kana, Person.birth_date, Person.phone,
               Person.of_concern, Person.concerns, Person.sort_order, Household.map_number,
               Household.name.label("household_name"), Household.address, Household.lat, Household.lon)
        .join(Household, Person.household_id == Household.id)
        # The town compared through coalesce(), which no index serves: SQLite then reads the members in one pass
        # and each one's household by key, rather than every household of the town and its members by index
        # (pages read out of order and decrypted again: twice as slow for a city of 50,000 households).
        .where(func.coalesce(Household.town_id, Household.town_id) == town_id, Household.deleted_at.is_(None),
               Person.deleted_at.is_(None), Person.of_concern.is_(True))
        .order_by(Household.map_number, Person.sort_order)
    ))


def _person_view_of(row: Row) -> PersonView:
    """A PersonView from a row of ``concern_rows`` (or any row with the same person columns)."""
    return PersonView(row.id, row.household_id, row.name, row.kana, row.birth_date, row.phone, row.of_concern,
                      row.concerns)


def _town_links(session: Session, town_id: uuid.UUID, person_id: uuid.UUID | None = None
                ) -> dict[str, list[WatchLinkView]]:
    """Live links whose watcher is a live watcher of the town, by the person's id as stored (hex), in form order
    (one query).

    Watchers belong to the town of the persons they watch (``link_watcher`` checks it): starting from the
    town's watchers, SQLite reads the links by key and never every member of the town. The person's and the
    watcher's ids are read as their stored text and made into UUIDs once each (a city has 8,600 links of
    2,500 watchers)."""
    raw = (lambda column: type_coerce(column, String))  # noqa: E731
    query = (
        select(WatchLink.id, raw(WatchLink.person_id).label("person_key"), WatchLink.involvement, WatchLink.frequency,
               WatchLink.since, WatchLink.note, raw(Watcher.id).label("watcher_key"), Watcher.name, Watcher.kana,
               Watcher.phone, Watcher.address, Watcher.role, Watcher.household_id)
        .join(Watcher, WatchLink.watcher_id == Watcher.id)
        .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None), WatchLink.deleted_at.is_(None))
        .order_by(WatchLink.person_id, WatchLink.sort_order, WatchLink.created_at)
    )
    if person_id is not None:
        query = query.where(WatchLink.person_id == person_id)
    watchers: dict[str, WatcherView] = {}
    persons: dict[str, uuid.UUID] = {}
    found: dict[str, list[WatchLinkView]] = defaultdict(list)
    for r in session.execute(query):
        w = watchers.get(r.watcher_key)
        if w is None:
            w = watchers[r.watcher_key] = WatcherView(uuid.UUID(r.watcher_key), town_id, r.name, r.kana, r.phone,
                                                      r.address, WatcherRole(r.role), r.household_id, False)
        pid = persons.get(r.person_key)
        if pid is None:
            pid = persons[r.person_key] = uuid.UUID(r.person_key)
        found[r.person_key].append(WatchLinkView(r.id, pid, w, r.involvement,
                                                 WatchFrequency(r.frequency) if r.frequency else None, r.since,
                                                 r.note))
    return found


def _concerns_of_rows(rows: list[Row], links: dict[str, list[WatchLinkView]]) -> list[ConcernView]:
    return [ConcernView(_person_view_of(r), r.household_id, r.map_number, r.household_name, r.address,
                        tuple(links.get(r.id.hex, ())), r.sort_order, r.lat, r.lon) for r in rows]



def _old_list_concerns(session: Session, town_id: uuid.UUID) -> list[ConcernView]:
    """The town's persons of concern in map-number order, each with their current watchers (two queries)."""
    with no_gc_pauses():
        rows = _concern_rows(session, town_id)
        return _concerns_of_rows(rows, _town_links(session, town_id) if rows else {})



def _awkward(ledger, town_id) -> None:  # noqa: ANN001
    """On top of ``_variety``: a watcher of another town linked straight in the ledger (as a merge could leave
    it), links with and without a frequency and a start date, a watcher without a home, a person of concern
    without kana or birth date, one whose household was removed, a removed member with a card, cards and plans
    of persons not of concern, an archived plan."""
    with ledger.Session.begin() as s:
        concerns = watch.list_concerns(s, town_id)
        other = towns.add_town(s, "別地区", "別町")
        stranger = watch.add_watcher(s, other.id, WatcherFields("他町 見守", kana="たちょう みまもり"))
        s.add(WatchLink(id=uuid.uuid4(), person_id=concerns[2].person.id, watcher_id=stranger.id,
                        involvement="声かけ", sort_order=9))
        homeless = watch.add_watcher(s, town_id, WatcherFields("家なし 見守", phone="090-1111-2222"))
        for i, c in enumerate(concerns[3:9]):
            watch.link_watcher(s, c.person.id, homeless.id, LinkFields(
                involvement="ゴミ出し", frequency=WatchFrequency.WEEKLY if i % 2 else None,
                since=date(2024, 4, 1 + i) if i % 3 else None, note="メモ" if i % 2 else ""))
        home = households.add_household(s, town_id, None, HouseholdFields())  # not placed: no position, no name
        households.add_person(s, home.id, PersonFields(name="仮名なし", of_concern=True))
        gone = concerns[30]
        households.delete_household(s, gone.household_id)
        carded = concerns[31]
        emergency.save_card(s, carded.person.id, CardFields(kept_at="台所"), [ContactFields("妹", phone="0778-1")])
        households.delete_person(s, carded.person.id)
        carded_ids = select(EmergencyCard.person_id)
        plain = s.scalars(select(Person).join(Household).where(
            Household.town_id == town_id, Household.deleted_at.is_(None), Person.of_concern.is_(False),
            Person.deleted_at.is_(None), Person.id.not_in(carded_ids)).order_by(Household.map_number).limit(2)).all()
        plans.save_plan(s, plain[0].id, PlanFields(shelter_text="公民館"))
        plans.save_plan(s, plain[1].id, PlanFields(shelter_text="学校"))
        plans.archive_plan(s, plain[1].id)
        plans.save_plan(s, concerns[40].person.id, PlanFields(shelter_text="体育館"))


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    gen = generate(tmp_path_factory.mktemp("rows") / "data", 400)
    ledger = open_ledger(ledger_path(gen.data_dir))
    _variety(ledger, gen.town_id)
    _awkward(ledger, gen.town_id)
    yield ledger, gen.town_id
    ledger.close()


def _same_concerns(ledger, town_id) -> list:  # noqa: ANN001
    with ledger.Session() as s:
        expected = _old_list_concerns(s, town_id)
    with ledger.Session() as s:
        got = read_concerns(s, town_id)
    assert got == expected
    # The fields left out of equality, and the links one by one, with the types the views promise.
    assert [(c.sort_order, c.lat, c.lon) for c in got] == [(c.sort_order, c.lat, c.lon) for c in expected]
    assert [c.links for c in got] == [c.links for c in expected]
    for c in got:
        assert isinstance(c.person.id, uuid.UUID) and isinstance(c.household_id, uuid.UUID)
        assert c.person.birth_date is None or type(c.person.birth_date) is date
        assert c.person.of_concern is True
        for link in c.links:
            assert isinstance(link.id, uuid.UUID) and isinstance(link.watcher.id, uuid.UUID)
            assert link.since is None or type(link.since) is date
    return got


def test_the_rows_read_show_the_same_persons_of_concern_and_watchers_on_an_awkward_town(town):
    # GIVEN a town with removed members and households, archived watchers, a watcher of another town …
    ledger, town_id = town
    # WHEN Step II's list is read from the rows THEN it is the service's list, view for view
    got = _same_concerns(ledger, town_id)
    with ledger.Session() as s:
        stranger = s.scalars(select(Watcher.id).where(Watcher.name == "他町 見守")).one()
        removed = {p for p, in s.execute(select(Person.id).where(Person.deleted_at.is_not(None)))}
    assert len(got) > 50
    assert all(link.watcher.id != stranger for c in got for link in c.links)  # another town's watcher: not listed
    assert not removed & {c.person.id for c in got}
    homeless = [link for c in got for link in c.links if link.watcher.name == "家なし 見守"]
    assert len(homeless) == 6 and {link.frequency for link in homeless} == {None, WatchFrequency.WEEKLY}
    assert homeless[0].watcher is homeless[1].watcher  # one view per watcher, shared by its links
    with ledger.Session() as s:
        lines = watch.watch_lines(s, town_id, concerns=got)
        assert lines == watch.watch_lines(s, town_id)


def test_the_rows_read_show_the_same_list_on_the_demo_town(demo_ledger):
    with demo_ledger.Session() as s:
        town_id = s.scalars(select(Town.id)).first()
    assert len(_same_concerns(demo_ledger, town_id)) > 0


def test_a_town_without_persons_of_concern_lists_nobody(town):
    ledger, _ = town
    with ledger.Session() as s:
        other = s.scalars(select(Town.id).where(Town.name == "別町")).one()
        assert read_concerns(s, other) == _old_list_concerns(s, other) == watch.list_concerns(s, other) == []


def test_an_id_made_from_its_stored_hex_is_the_id(town):
    for _ in range(200):
        u = uuid.uuid4()
        made = uuid_of_hex(u.hex)
        assert made == u and hash(made) == hash(u) and str(made) == str(u) and made.is_safe == u.is_safe
    assert uuid_of_hex("0" * 32) == uuid.UUID(int=0)


def _needing_plans_three_queries(session, town_id) -> list[uuid.UUID]:  # noqa: ANN001 - the code replaced (oracle)
    has_plan = select(EvacuationPlan.person_id).where(EvacuationPlan.deleted_at.is_(None))
    wanted = {p.id for p in emergency.persons_needing_support(session, town_id)}
    wanted |= set(session.scalars(select(Person.id).join(Household, Person.household_id == Household.id).where(
        Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None),
        Person.id.in_(has_plan))))
    rows = session.execute(select(Person.id).join(Household, Person.household_id == Household.id)
                           .where(Person.id.in_(list(wanted))).order_by(Household.map_number, Person.sort_order))
    return [r[0] for r in rows]


def test_the_persons_needing_a_plan_are_those_the_three_queries_gave(town):
    # GIVEN persons of concern, cards of persons not of concern, a live and an archived plan, removed members
    ledger, town_id = town
    with ledger.Session() as s:
        got = plans.persons_needing_plans(s, town_id)
        assert got == _needing_plans_three_queries(s, town_id)
        planned = set(s.scalars(select(EvacuationPlan.person_id).where(EvacuationPlan.deleted_at.is_(None))))
        archived = set(s.scalars(select(EvacuationPlan.person_id).where(EvacuationPlan.deleted_at.is_not(None))))
        concern = {c.person.id for c in watch.list_concerns(s, town_id)}
    assert planned - concern and planned - concern <= set(got)  # a plan alone puts a person on the list
    assert not (archived - concern) & set(got)  # an archived plan alone does not
    assert concern <= set(got)
