"""Search at the size of a core city (150,000 households): the connection that answers a search keeps a page cache
large enough for the index pages a query reads, so the next keystroke does not decrypt them again
(app/households/search.py ``_search_cache``; the speed itself is measured by bench/, never here)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.households.search import SEARCH_CACHE_KIB, search

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def filled(ledger, town):
    with ledger.Session.begin() as s:
        for n in range(30):
            h = households.add_household(s, town.id, None, HouseholdFields(name=f"山田家{n}", address=f"府中{n % 4}丁目{n}"))
            households.add_person(s, h.id, PersonFields(name=f"山田 キヨ{n}", kana="ヤマダ キヨ"))
    return town


def _cache_kib(s) -> int:  # noqa: ANN001
    size = s.execute(text("PRAGMA cache_size")).scalar()
    return -size if size < 0 else size * s.execute(text("PRAGMA page_size")).scalar() // 1024


def test_a_search_keeps_a_large_page_cache_on_its_connection_and_finds_the_same(ledger, filled):
    # GIVEN a fresh connection with SQLite's default page cache, and the answers of every query length
    with ledger.Session() as s:
        assert _cache_kib(s) < SEARCH_CACHE_KIB
        queries = ("山田 キヨ", "府中1丁目", "府中", "やま", "や", "山", "存在しない名前", "ぬえ")
        # WHEN the user searches
        first = {q: search(s, q, town_id=filled.id) for q in queries}
        # THEN the connection keeps the larger cache, and searching again finds the same households in order
        assert _cache_kib(s) >= SEARCH_CACHE_KIB
        assert {q: search(s, q, town_id=filled.id) for q in queries} == first
    assert [h.label for h in first["府中1丁目"]] == [f"山田家{n}" for n in range(1, 30, 4)]
    assert len(first["やま"]) == 30 and first["ぬえ"] == []


def test_a_search_never_lowers_a_larger_cache(ledger, filled):
    # GIVEN a connection whose cache is already larger (a batch of writes raised it)
    with ledger.Session() as s:
        s.execute(text(f"PRAGMA cache_size = {-4 * SEARCH_CACHE_KIB}"))
        # WHEN the user searches
        search(s, "やま", town_id=filled.id)
        # THEN it is left as it was
        assert _cache_kib(s) == 4 * SEARCH_CACHE_KIB
