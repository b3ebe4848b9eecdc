"""The emergency sheet's read: the watchers it prints, and how it reaches them (the read must not grow with the
rest of the ledger: at 150,000 households the links read through the watchers' index took 0.34 s)."""

from __future__ import annotations

from sqlalchemy import select, text

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.emergency.contact_sheet import sheet_data
from app.households import households
from app.models import Household, Person
from app.models.watch import Watcher, WatchLink
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields
from tests.emergency_fixtures import demo_cards  # noqa: F401
from tests.test_query_counts import counting


def _old_watcher_names(s, town_id) -> dict:  # noqa: ANN001
    """The names as the sheet read them before (the links through the town's watchers, one query)."""
    found: dict = {}
    for person_id, name in s.execute(
        select(WatchLink.person_id, Watcher.name).join(Watcher, WatchLink.watcher_id == Watcher.id)
        .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None), WatchLink.deleted_at.is_(None))
        .order_by(WatchLink.person_id, WatchLink.sort_order, WatchLink.created_at)
    ):
        found.setdefault(person_id, []).append(name)
    return found


def test_the_sheet_prints_each_persons_live_watchers_of_the_town_in_form_order(demo_cards):
    # GIVEN a person of concern with watchers out of their linking order, an unlinked one, an archived one,
    # and one of another town
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        person = s.execute(select(Person).join(Household).where(Household.town_id == town_id,
                                                                Person.of_concern.is_(True),
                                                                Person.deleted_at.is_(None))
                           .order_by(Household.map_number)).scalars().first()
        other = towns.create_town(s, "味真野地区", "よその町")
        mine = [watch.add_watcher(s, town_id, WatcherFields(f"見守り {n}")) for n in ("一", "二", "三", "四", "五")]
        stranger = watch.add_watcher(s, other.id, WatcherFields("よその 人"))
        links = [watch.link_watcher(s, person.id, w.id, LinkFields("声かけ")) for w in mine]
        s.add(WatchLink(person_id=person.id, watcher_id=stranger.id, sort_order=0))  # e.g. the household moved town
        for link, order in zip(links[:3], (7, 5, 6), strict=True):
            s.execute(WatchLink.__table__.update().where(WatchLink.id == link.id).values(sort_order=order))
        watch.unlink(s, links[3].id)
        s.execute(Watcher.__table__.update().where(Watcher.id == mine[4].id).values(deleted_at=text("CURRENT_TIMESTAMP")))
        # WHEN the staff's sheet is made
        data = sheet_data(s, town_id, audience=Audience.STAFF)
        old = _old_watcher_names(s, town_id)
    # THEN the person's row names the town's live linked watchers in form order, no one else
    row = data.rows[data.person_ids.index(person.id)]
    names = row[9].split("\n")
    assert names[-3:] == ["見守り 二", "見守り 三", "見守り 一"]
    assert not {"見守り 四", "見守り 五", "よその 人"} & set(names)
    # ... and every person's watchers are the ones the old read printed
    for pid, r in zip(data.person_ids, data.rows, strict=True):
        if r[9]:
            assert r[9] == "\n".join(old[pid])


def test_the_sheets_read_reaches_links_in_one_pass_and_counts_no_households(ledger):
    # GIVEN a town with a watched person of concern
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "小町")
        h = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 1, 1), HouseholdFields(name="山田家"))
        p = households.add_person(s, h.id, PersonFields(name="山田 キヨ", of_concern=True))
        w = watch.add_watcher(s, town.id, WatcherFields("近所 花子"))
        watch.link_watcher(s, p.id, w.id, LinkFields("声かけ"))

    # WHEN the sheet is read
    with ledger.Session() as s:
        with counting(ledger.engine, with_params=True) as statements:
            data = sheet_data(s, town.id)
        assert data.rows[0][9] == "近所 花子"
        plans = []
        for statement, params in statements:
            if statement.lstrip().upper().startswith("SELECT"):
                plans += [row[-1] for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)]
    # THEN no link is read by key through an index (each would be a page of its own in a city's ledger) and
    # the town's households are not counted (the sheet prints the town's name only)
    assert not [p for p in plans if "watch_link USING INDEX" in p], plans
    assert not [st for st, _ in statements if "count(" in st.lower() and "household" in st.lower()]
