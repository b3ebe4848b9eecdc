"""The search's rank (migration 0019): each search entry keeps its household's map number, so a search orders its
matching entries from ``ix_search_entry_rank`` and follows only the first households' entries (the pages a first
search decrypts at 150,000 households: bench/, never timed here). The copy must follow every change of a map number
or of a member's household, and the early stop must still give the lowest map numbers."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import app.households.search as search_module
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.households.search import search
from app.models import Household, Person

pytestmark = pytest.mark.timeout(120)


def stale(s) -> int:  # noqa: ANN001
    """Entries whose map number is not their household's."""
    return s.execute(text("SELECT count(*) FROM search_entry AS e JOIN household AS h ON h.id = e.household_id "
                          "WHERE e.map_number IS NOT h.map_number")).scalar()


def test_every_entry_keeps_its_households_map_number_through_adds_moves_and_renumbering(ledger, town):
    # GIVEN households with members
    with ledger.Session.begin() as s:
        homes = [households.add_household(s, town.id, None, HouseholdFields(name=f"家{n}", address=f"町{n}"))
                 for n in range(3)]
        members = [households.add_person(s, h.id, PersonFields(name=f"山田 {n}", kana="ヤマダ"))
                   for n, h in enumerate(homes)]
        assert s.execute(text("SELECT count(*) FROM search_entry WHERE map_number IS NULL")).scalar() == 0
        assert stale(s) == 0
    # WHEN a member moves to another household and a household gets another map number
    with ledger.Session.begin() as s:
        s.get(Person, members[0].id).household_id = homes[2].id
        s.get(Household, homes[1].id).map_number = 900
    # THEN every entry has its household's number
    with ledger.Session() as s:
        assert stale(s) == 0
        assert s.execute(text("SELECT map_number FROM search_entry WHERE owner_id = :id"),
                         {"id": members[0].id.hex}).scalar() == s.get(Household, homes[2].id).map_number
        assert s.execute(text("SELECT count(*) FROM search_entry WHERE map_number = 900")).scalar() == 2


@pytest.mark.parametrize("query", ["山田き", "山田", "山"])  # trigram, a pair, the pairs starting with it
@pytest.mark.parametrize("dense", [10**9, 1])  # short queries read the rank / walk the entries in map-number order
def test_the_first_households_by_map_number_even_when_the_entries_run_the_other_way(ledger, town, monkeypatch, query,
                                                                                    dense):
    # GIVEN more matching households than a page holds, their members added from the last household to the first
    # (the entries' numbers run against the map numbers) and one household renumbered to the front
    monkeypatch.setattr(search_module, "dense_from", lambda _s, _town, _limit: dense)
    with ledger.Session.begin() as s:
        homes = [households.add_household(s, town.id, None, HouseholdFields(name="", address=f"町{n}"))
                 for n in range(70)]
        for h in reversed(homes):
            households.add_person(s, h.id, PersonFields(name="山田 キヨ", kana="ヤマダ キヨ"))
        s.get(Household, homes[-1].id).map_number = 0
    # WHEN the user searches (the page holds 50)
    with ledger.Session() as s:
        got = [(h.household_id, h.map_number) for h in search(s, query, town_id=town.id)]
        everything = [(h.household_id, h.map_number) for h in search(s, query, town_id=town.id, limit=1000)]
    # THEN the 50 lowest map numbers, in order, the renumbered household first
    with ledger.Session() as s:
        expected = sorted(((h.id, s.get(Household, h.id).map_number) for h in homes), key=lambda pair: pair[1])
    assert everything == expected
    assert got == expected[:50]
    assert got[0] == (homes[-1].id, 0)


@pytest.mark.parametrize(("query", "way", "index"), [("山田き", "trigram", "ix_search_entry_rank"),
                                                     ("山田", "two", "ix_search_entry_rank"),
                                                     ("山", "one", "ix_search_entry_rank"),
                                                     ("山田", "walk pairs", "ix_search_entry_order")])
def test_a_search_orders_its_entries_from_the_rank_index_alone(ledger, town, query, way, index):
    # GIVEN the statement a search of the town runs
    key = search_module.fold(query)
    statement = search_module._statement(way, True)
    params = {"key": key, "last": key + search_module.LAST_CHARACTER, "phrase": f'"{key}"', "limit": 50,
              "town_id": town.id.hex}
    # WHEN SQLite plans it
    with ledger.Session() as s:
        plan = [row[3] for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
    # THEN the matching entries are ordered from the covering rank index, and only then followed to their rows
    assert any(f"COVERING INDEX {index}" in step for step in plan), plan
