"""Search in one statement (issue 17): the page of households and, for each, its label and the member that matched
come from one query (the members are no longer read in a second one), with the same answer as before: the
household's name, else its first live member's, else its address; the first live member whose key holds the query."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select

import app.households.search as search_module
from app.core.text import fold
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.households.search import search
from app.models import Household, Person
from tests.test_search import generated_town  # noqa: F401 - the fixture

QUERIES = ("や", "山", "ぬ", "やま", "府中", "丁目", "ぬえ", "やまだ", "府中3", "存在しない")


def the_old_answer(s, hits, query):  # noqa: ANN001, ANN201
    """(household, town, map number, label, address, matched) as the search made them from its members' own read."""
    key = fold(query)
    answer = []
    for h in hits:
        home = s.get(Household, h.household_id)
        people = [(p.name, p.search_key) for p in s.scalars(
            select(Person).where(Person.household_id == home.id, Person.deleted_at.is_(None)).order_by(Person.sort_order))]
        label = home.name or (people[0][0] if people else home.address)
        matched = next((name for name, person_key in people if key in person_key), "")
        answer.append((home.id, home.town_id, home.map_number, label, home.address, matched))
    return answer


def statements(ledger):  # noqa: ANN001, ANN201
    said: list[str] = []
    event.listen(ledger.engine, "before_cursor_execute", lambda *args: said.append(args[2]))
    return said


@pytest.mark.timeout(120)
def test_every_way_gives_the_labels_and_matches_the_members_give(generated_town, monkeypatch):  # noqa: F811
    ledger, town_id = generated_town
    with ledger.Session.begin() as s:  # a household whose first member is gone, one with no member, one unnamed
        h = households.add_household(s, town_id, None, HouseholdFields(name="", address="鵺町1"))
        gone = households.add_person(s, h.id, PersonFields(name="鵺野 一郎", kana="ぬえの いちろう"))
        households.add_person(s, h.id, PersonFields(name="鵺野 ヌエ", kana="ぬえの ぬえ"))
        households.delete_person(s, gone.id)
        households.add_household(s, town_id, None, HouseholdFields(name="", address="鵺町2"))
    for always in (None, 1, 10**9):  # as the town's size decides / every short query walks the town / none does
        if always is not None:
            monkeypatch.setattr(search_module, "dense_from", lambda _s, _town, _limit, always=always: always)
        for town in (town_id, None):
            with ledger.Session() as s:
                for query in (*QUERIES, "鵺", "鵺町"):
                    hits = search(s, query, town_id=town)
                    got = [(h.household_id, h.town_id, h.map_number, h.label, h.address, h.matched) for h in hits]
                    assert got == the_old_answer(s, hits, query), (always, town, query)
    with ledger.Session() as s:
        assert [(h.label, h.matched) for h in search(s, "鵺", town_id=town_id)] == [("鵺野 ヌエ", "鵺野 ヌエ"),
                                                                                     ("鵺町2", "")]


@pytest.mark.timeout(120)
def test_a_search_reads_its_members_in_the_same_statement(generated_town):  # noqa: F811
    ledger, town_id = generated_town
    with ledger.Session() as s:
        search(s, "やまだ", town_id=town_id)  # the connection's cache is raised on the first search
        said = statements(ledger)
        assert len(search(s, "やまだ", town_id=town_id)) > 1
        assert len(said) == 1  # the trigram query and its members
        said.clear()
        assert search(s, "やま", town_id=town_id)
        assert len(said) == 3  # the town's size, the pairs' count, then the households with their members
