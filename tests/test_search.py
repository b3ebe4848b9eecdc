"""Search by name, kana reading or address, ignoring full/half width and hiragana/katakana."""

from __future__ import annotations

import pytest

from app.services import households
from app.services.search import search
from app.services.text import fold
from app.services.views import HouseholdFields, PersonFields


@pytest.fixture
def filled(ledger, town):
    with ledger.Session.begin() as s:
        a = households.add_household(s, town.id, None, HouseholdFields(name="山田家", address="余川町1丁目12-3"))
        households.add_person(s, a.id, PersonFields(name="山田 キヨ", kana="ヤマダ キヨ"))
        b = households.add_household(s, town.id, None, HouseholdFields(name="佐藤家", address="余川町２丁目５－１"))
        households.add_person(s, b.id, PersonFields(name="佐藤 正男", kana="さとう まさお"))
    return a, b


@pytest.mark.parametrize("query, expected", [
    ("やまだ", "山田家"),          # hiragana finds a katakana reading
    ("ﾔﾏﾀﾞ", "山田家"),            # half-width katakana too
    ("ヤマダキヨ", "山田家"),       # spaces in the reading do not matter
    ("サトウ", "佐藤家"),          # katakana finds a hiragana reading
    ("正男", "佐藤家"),
    ("１丁目１２", "山田家"),       # full-width digits find half-width ones
    ("2丁目5-1", "佐藤家"),        # and the other way round, dash included
])
def test_search_ignores_width_and_kana(ledger, town, filled, query, expected):
    with ledger.Session() as s:
        hits = search(s, query, town_id=town.id)
    assert [h.label for h in hits] == [expected]


def test_search_reports_the_member_that_matched(ledger, town, filled):
    with ledger.Session() as s:
        [hit] = search(s, "きよ")
    assert hit.matched == "山田 キヨ"


def test_search_finds_nothing_for_blank_or_unknown_and_skips_deleted(ledger, town, filled):
    with ledger.Session.begin() as s:
        households.delete_household(s, filled[0].id)
    with ledger.Session() as s:
        assert search(s, "   ") == []
        assert search(s, "鈴木") == []
        assert search(s, "やまだ") == []


def test_like_wildcards_in_the_query_are_plain_text(ledger, town, filled):
    with ledger.Session() as s:
        assert search(s, "%") == []
        assert search(s, "_") == []


def test_fold():
    assert fold("ＡＢＣ　ｶﾀｶﾅ") == fold("abc かたかな") == "abcかたかな"
