"""What the roster's match reads (issue 17): the members at the roster's addresses come from the person table
alone, their households having been read once already (looking each one up again by key was 0.1 s of the
0.25 s read at 150,000 households), their watch links by member, the town checked on the rows (a link to another
town's watcher neither blocks nor orders this town's links); the sort order a new member gets still counts
archived members."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Person
from app.models.watch import WatchLink
from app.watch import network as watch
from app.watch import roster
from app.watch.views import WatcherFields
from tests.test_query_counts import counting, make_town, write_roster


def _previewed(ledger, tmp_path, town_name: str, read) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """Preview a roster of a town's 4 members (and new ones): the preview's kinds of row and the query plan of the
    one statement ``read(statement)`` picks."""
    town = make_town(ledger, town_name, 4)
    path = write_roster(tmp_path / "roster.csv", town.name, 4)
    with ledger.Session() as s:
        with counting(ledger.engine, with_params=True) as statements:
            preview = roster.read_roster(s, path, town.id)
        picked = [(st, p) for st, p in statements if read(st)]
        assert len(picked) == 1, [st for st, _ in statements]
        plan = [row[-1] for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {picked[0][0]}", picked[0][1])]
    return [r.kind.value for r in preview.rows], plan


def test_the_members_at_the_rosters_addresses_are_read_without_looking_up_their_households_again(ledger, tmp_path):
    # GIVEN a town and a roster of its members (and new ones) WHEN the roster is previewed
    kinds, plan = _previewed(ledger, tmp_path, "大町", lambda st: "FROM person" in st and "person.kana" in st
                             and "json_each" in st and "birth_date = json_extract" not in st)
    # THEN the members were matched (updated rows), and their read touched no household row
    assert kinds.count("updated") == 4
    assert not [step for step in plan if "household " in f"{step} " and "SEARCH person" not in step], plan


def test_the_matched_members_links_are_read_through_the_members_index_not_the_towns_watchers(ledger, tmp_path):
    """Reading them through the town's watchers went over every link of the town (twice the time at 50,000
    households, growing with the town rather than with the roster)."""
    # GIVEN a town whose members have watchers, and a roster of them WHEN the roster is previewed
    kinds, plan = _previewed(ledger, tmp_path, "大町", lambda st: "FROM watch_link" in st)
    # THEN the members were matched, and their links were found by member, the watchers by key
    assert kinds.count("updated") == 4
    assert any("ix_watch_link_person_id" in step for step in plan), plan
    assert not any("town_id" in step for step in plan), plan


def test_a_new_member_of_a_known_household_comes_after_its_archived_members(ledger, tmp_path):
    # GIVEN a household whose last member (by sort order) is archived
    town = make_town(ledger, "小町", 1)
    with ledger.Session.begin() as s:
        members = s.execute(select(Person).order_by(Person.sort_order)).scalars().all()
        household_id = members[0].household_id
        members[-1].sort_order = 9
        members[-1].deleted_at = members[-1].created_at
    path = tmp_path / "roster.csv"
    path.write_text(f"氏名,住所\n新しい 人,{town.name}0番地\n", encoding="utf-8")
    # WHEN a roster adds a person at the household's address
    with ledger.Session.begin() as s:
        roster.apply_roster(s, roster.read_roster(s, path, town.id))
    # THEN the new member comes after the archived one
    with ledger.Session() as s:
        added = s.execute(select(Person).where(Person.name == "新しい 人")).scalars().one()
    assert (added.household_id, added.sort_order) == (household_id, 10)


def test_a_link_to_another_towns_watcher_is_left_alone_and_does_not_count_in_the_new_links_order(ledger, tmp_path):
    # GIVEN a member of 大町 watched by 近所 花子0 (order 0) and, from an older ledger, by a watcher of 小町 (order 5)
    town = make_town(ledger, "大町", 1)
    other = make_town(ledger, "小町", 1)
    with ledger.Session.begin() as s:
        member = s.execute(select(Person).where(Person.name == "山田 キヨ0", Person.household.has(town_id=town.id))
                           ).scalars().one()
        outsider = watch.add_watcher(s, other.id, WatcherFields("遠方 一郎"))
        s.add(WatchLink(person_id=member.id, watcher_id=outsider.id, involvement="", note="", sort_order=5))
        member_id = member.id
    # WHEN a roster of 大町 names the member with 近所 花子0 and a new watcher
    path = tmp_path / "roster.csv"
    path.write_text(f"氏名,住所,見守り者\n山田 キヨ0,{town.name}0番地,近所 花子0、新しい 見守り\n", encoding="utf-8")
    with ledger.Session.begin() as s:
        roster.apply_roster(s, roster.read_roster(s, path, town.id))
    # THEN the known link stays single, the other town's link stays as it was, and the new watcher comes right after
    # the member's 大町 link (order 1), as if the other town's link were not there
    with ledger.Session() as s:
        links = s.execute(select(WatchLink).where(WatchLink.person_id == member_id, WatchLink.deleted_at.is_(None))
                          .order_by(WatchLink.sort_order)).scalars().all()
        got = [(link.watcher.name, link.sort_order) for link in links]
    assert got == [("近所 花子0", 0), ("新しい 見守り", 1), ("遠方 一郎", 5)]
