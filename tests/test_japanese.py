"""Japanese conventions: 和暦 dates and era boundaries, ages, phone numbers, 五十音 order, kana readings."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.japanese import age, format_date, gojuon_key, parse_date, suggest_kana
from app.core.phones import normalise_phone
from app.core.views import HouseholdFields, PersonFields
from app.households import households


@pytest.mark.parametrize("day, wareki", [
    (date(2019, 4, 30), "平成31年4月30日"),   # the last day of 平成
    (date(2019, 5, 1), "令和元年5月1日"),     # the first day of 令和 is 元年
    (date(1989, 1, 7), "昭和64年1月7日"),
    (date(1989, 1, 8), "平成元年1月8日"),
    (date(1926, 12, 25), "昭和元年12月25日"),
    (date(2025, 4, 1), "令和7年4月1日"),
])
def test_wareki_formatting_across_era_boundaries(day, wareki):
    assert format_date(day, wareki=True) == wareki
    assert parse_date(wareki).to_date() == day


@pytest.mark.parametrize("typed, expected", [
    ("S15.3.2", date(1940, 3, 2)),
    ("昭和15年3月2日", date(1940, 3, 2)),
    ("１９４０－０３－０２", date(1940, 3, 2)),
    ("H31.4.30", date(2019, 4, 30)),
])
def test_dates_typed_the_japanese_ways(typed, expected):
    assert parse_date(typed).to_date() == expected


def test_an_impossible_era_date_is_refused():
    with pytest.raises(ValueError, match="平成"):
        parse_date("平成32年1月1日")  # 平成 ended in its 31st year


def test_unknown_date_prints_as_an_empty_field():
    assert format_date(None, wareki=True) == ""
    assert format_date(date(2025, 4, 1), wareki=False) == "2025-04-01"


def test_age_counts_full_years():
    assert age(date(1940, 3, 2), date(2026, 3, 1)) == 85
    assert age(date(1940, 3, 2), date(2026, 3, 2)) == 86
    assert age(None) is None


@pytest.mark.parametrize("raw, printed", [
    ("０７７８－２２－００５５", "0778-22-0055"),
    ("0778220055", "0778-22-0055"),
    ("090 1234 5678", "090-1234-5678"),
])
def test_phone_numbers_are_normalised_the_japanese_way(raw, printed):
    assert normalise_phone(raw).text == printed


def test_member_phone_is_stored_normalised(ledger, town):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields())
        p = households.add_person(s, h.id, PersonFields(name="山田　キヨ", phone="０７７８２２００５５"))
    assert p.phone == "0778-22-0055"


def test_names_sort_in_gojuon_order_by_reading():
    people = [("わたなべ", "渡辺"), ("がとう", "我藤"), ("あおき", "青木"), ("かとう", "加藤"), ("イトウ", "伊藤"),
              ("ｻﾄｳ", "佐藤"), ("きむら", "木村")]
    ordered = [name for kana, name in sorted(people, key=lambda p: gojuon_key(*p))]
    assert ordered == ["青木", "伊藤", "加藤", "我藤", "木村", "佐藤", "渡辺"]


def test_kana_is_suggested_for_a_typed_name():
    assert suggest_kana("山田　太郎") == "やまだ　たろう"
    assert suggest_kana("佐藤 トシ子", katakana=True) == "サトウ トシコ"
    assert suggest_kana("  ") == ""


def test_kana_suggestion_reads_surnames_as_names_and_keeps_what_it_cannot_read():
    # Surnames that pykakasi read as words (おやま, へいや, かん): the reading engine knows them as names.
    assert suggest_kana("小山　和子") == "こやま　かずこ"
    assert suggest_kana("平野 キヨ") == "ひらの きよ"
    assert suggest_kana("関") == "せき"
    # Punctuation stays as typed (not 「キゴウ」); a character the dictionary lacks is left for the user to fill.
    assert suggest_kana("中村・美智子") == "なかむら・みちこ"
    assert suggest_kana("𠮷田").startswith("𠮷")
