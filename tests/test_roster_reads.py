"""What the roster's match reads (issue 17): the members at the roster's addresses come from the person table
alone, their households having been read once already (looking each one up again by key was 0.1 s of the
0.25 s read at 150,000 households); the sort order a new member gets still counts archived members."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Person
from app.watch import roster
from tests.test_query_counts import counting, make_town, write_roster


def test_the_members_at_the_rosters_addresses_are_read_without_looking_up_their_households_again(ledger, tmp_path):
    # GIVEN a town and a roster of its members (and new ones)
    town = make_town(ledger, "大町", 4)
    path = write_roster(tmp_path / "roster.csv", town.name, 4)

    # WHEN the roster is previewed
    with ledger.Session() as s:
        with counting(ledger.engine, with_params=True) as statements:
            preview = roster.read_roster(s, path, town.id)
        members = [(st, p) for st, p in statements if "FROM person" in st and "person.kana" in st
                   and "json_each" in st and "birth_date = json_extract" not in st]
        assert len(members) == 1, [st for st, _ in statements]
        plan = [row[-1] for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {members[0][0]}", members[0][1])]
    # THEN the members were matched (updated rows), and their read touched no household row
    assert [r.kind.value for r in preview.rows].count("updated") == 4
    assert not [step for step in plan if "household " in f"{step} " and "SEARCH person" not in step], plan


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
