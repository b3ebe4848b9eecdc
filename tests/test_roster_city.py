"""The roster in a city (issue 17): of the members at the roster's addresses only those a row names there are read
whole (the rest from the person index, for their households' sort orders), only the watchers a row names are kept,
and the preview goes to the collector's oldest generation at once. What the preview shows and the apply writes
stays as before: a member living at another row's address is still offered by name and birth date, and a watcher
is still found by name."""

from __future__ import annotations

import gc
from datetime import date

from sqlalchemy import select

from app.models import Person
from app.models.watch import Watcher, WatchLink
from app.watch import roster
from tests.test_query_counts import counting, make_town, write_roster


def test_the_members_at_the_rosters_addresses_are_read_whole_only_where_a_row_names_them(ledger, tmp_path):
    """At 150,000 households the roster's addresses held 15,000 members, a third of them named there."""
    # GIVEN a town of 4 households of two members each, and a roster naming one member of each at their address
    town = make_town(ledger, "大町", 4)
    path = write_roster(tmp_path / "roster.csv", town.name, 4)
    # WHEN the roster is previewed
    with ledger.Session() as s:
        with counting(ledger.engine, with_params=True) as statements:
            preview = roster.read_roster(s, path, town.id)
        whole = [(st, p) for st, p in statements if "FROM person" in st and "person.kana" in st
                 and "birth_date = json_extract" not in st]
        homes = [(st, p) for st, p in statements if "FROM person" in st and "sort_order" in st
                 and "person.kana" not in st and "max(" not in st]
        assert len(whole) == 1 and len(homes) == 1, [st for st, _ in statements]
        read = s.connection().exec_driver_sql(*whole[0]).all()
        plan = [row[-1] for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {homes[0][0]}", homes[0][1])]
    # THEN the named members were matched, only they were read whole, and the others came from the index alone
    assert [r.kind.value for r in preview.rows].count("updated") == 4
    assert sorted(row[2] for row in read) == [f"山田 キヨ{i}" for i in range(4)]
    assert any("COVERING INDEX ix_person_household_first" in step for step in plan), plan


def test_a_member_at_another_rows_address_is_still_offered_by_name_and_birth_date(ledger, tmp_path):
    # GIVEN 山田 キヨ0 (born 1940-03-02) at 大町0番地, and a roster with a row at that address for someone else and a
    # row naming 山田 キヨ0 with her birth date at an address of nobody
    town = make_town(ledger, "大町", 2)
    with ledger.Session.begin() as s:
        member = s.execute(select(Person).where(Person.name == "山田 キヨ0")).scalars().one()
        member.birth_date = date(1940, 3, 2)
    path = tmp_path / "roster.csv"
    path.write_text("氏名,住所,生年月日\n新しい 人,大町0番地,\n山田 キヨ0,大町99番地,昭和15年3月2日\n", encoding="utf-8")
    # WHEN the roster is previewed
    with ledger.Session() as s:
        preview = roster.read_roster(s, path, town.id)
    # THEN the new person joins her household, and she is offered for the second row, at her own address
    kinds = [r.kind.value for r in preview.rows]
    assert kinds == ["added", "needs_decision"], kinds
    assert [o.label for o in preview.rows[1].options][1] == "山田 キヨ0（大町0番地）"


def test_a_watcher_the_roster_names_is_linked_and_the_others_are_left_alone(ledger, tmp_path):
    # GIVEN a town with watchers 近所 花子0 and 近所 花子1, and a new watcher-to-be nobody knows
    town = make_town(ledger, "大町", 2)
    path = tmp_path / "roster.csv"
    path.write_text("氏名,住所,見守り者\n新しい 人,大町新0番地,近所 花子1、民生 太郎（民生委員）\n", encoding="utf-8")
    # WHEN the roster is imported
    with ledger.Session.begin() as s:
        roster.apply_roster(s, roster.read_roster(s, path, town.id))
    # THEN the new person is watched by the known 近所 花子1 (no second one is made) and a new 民生 太郎
    with ledger.Session() as s:
        names = s.execute(select(Watcher.name).where(Watcher.town_id == town.id).order_by(Watcher.name)).scalars().all()
        added = s.execute(select(Person.id).where(Person.name == "新しい 人")).scalar_one()
        linked = s.execute(select(Watcher.name).join(WatchLink, WatchLink.watcher_id == Watcher.id)
                           .where(WatchLink.person_id == added).order_by(WatchLink.sort_order)).scalars().all()
    assert names == sorted(["近所 花子0", "近所 花子1", "民生 太郎"])
    assert linked == ["近所 花子1", "民生 太郎"]


def test_the_preview_is_kept_in_the_collectors_oldest_generation(ledger, tmp_path):
    """Its young passes walked the 80,000 objects of a 10,000-row preview for 40-150 ms between read and apply."""
    # GIVEN a town and a roster of its members and new ones
    town = make_town(ledger, "大町", 3)
    path = write_roster(tmp_path / "roster.csv", town.name, 3)
    # WHEN the roster is previewed
    with ledger.Session() as s:
        preview = roster.read_roster(s, path, town.id)
    # THEN its rows are not among the young objects the collector walks next
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation)}
    assert not young & {id(r) for r in preview.rows}
    assert not young & {id(r) for r in preview.records}
