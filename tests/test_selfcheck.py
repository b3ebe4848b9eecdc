"""The organisation self-check (section 4 of the seed): the items as the seed words them, answers kept per
year and checker kind, and compared with earlier years."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import LedgerError
from app.meeting import selfcheck
from app.meeting.selfcheck import SelfCheckFields, Trend, compare_years, fiscal_year, save_self_check
from app.meeting.selfcheck_items import CHECKER_KIND_LABELS, ITEMS, MECHANISMS, items_of
from app.models.meeting import CheckerKind
from tests.conftest import DATA

# Section 4 of the seed report, cut unchanged (tests/data/README.md).
SEED = DATA / "seed" / "000_48bd7124126cd07a_section4.txt"
TODAY = date(2026, 11, 27)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_check_list_has_the_seeds_items_under_its_four_mechanisms():
    assert [m.title for m in MECHANISMS] == [
        "早期発見・早期把握の仕組み", "相談から困りごとを見逃さない仕組み", "オーダーメイドな支援調整の仕組み",
        "社会参加の場づくり・放っておかない地域づくりの仕組み"]
    assert [len(items_of(m.number)) for m in MECHANISMS] == [4, 5, 5, 7]
    assert len({i.id for i in ITEMS}) == len(ITEMS) == 21
    assert ITEMS[0].id == "1-1" and ITEMS[-1].id == "4-7"
    assert list(CHECKER_KIND_LABELS.values()) == ["自治体職員", "社協職員", "その他福祉関係者", "一般住民"]


def test_every_item_is_worded_exactly_as_in_the_seed():
    seed = _flat(SEED.read_text(encoding="utf-8"))
    section = seed[seed.index("チェック者：□自治体職員"):seed.index("５これまでの議論の振り返りと整理")]
    # The PDF text breaks some items around the sentence end (「い」 / 「る。」 on their own lines).
    section = section.replace("①早期発見・早期把握の仕組み", "")
    positions = []
    for item in ITEMS:
        head, tail = item.text[:-2], item.text[-2:]
        assert head in section, item.id
        positions.append(section.index(head))
        assert tail[-1] == "。"
    assert positions == sorted(positions)  # in the seed's order


def test_a_years_answers_are_kept_per_checker_kind(ledger):
    with ledger.Session.begin() as s:
        save_self_check(s, SelfCheckFields(2025, "council_staff", {"1-1", "2-1"}, {"2-1": "総合相談窓口を開設"},
                                           checker_name="地域福祉課"), today=TODAY)
        save_self_check(s, SelfCheckFields(2025, CheckerKind.RESIDENT, {"4-1"}), today=TODAY)
    with ledger.Session.begin() as s:
        staff = selfcheck.get_self_check(s, 2025, "council_staff")
        resident = selfcheck.get_self_check(s, 2025, CheckerKind.RESIDENT)
        listed = selfcheck.list_self_checks(s)
        assert selfcheck.get_self_check(s, 2024, "council_staff") is None
    assert staff.checked_ids == {"1-1", "2-1"} and resident.checked_ids == {"4-1"}
    assert staff.checker_label == "社協職員" and staff.checker_name == "地域福祉課"
    assert staff.answered_on == TODAY
    assert [a.note for a in staff.answers if a.item.id == "2-1"] == ["総合相談窓口を開設"]
    assert len(staff.answers) == 21 and staff.score() == (2, 21) and staff.score(1) == (1, 4)
    assert [(v.year, v.checker_kind) for v in listed] == [(2025, CheckerKind.COUNCIL_STAFF), (2025, CheckerKind.RESIDENT)]


def test_answering_the_same_year_again_replaces_the_answers(ledger):
    with ledger.Session.begin() as s:
        save_self_check(s, SelfCheckFields(2025, "council_staff", {"1-1", "1-2"}), today=TODAY)
        save_self_check(s, SelfCheckFields(2025, "council_staff", {"1-2", "3-5"}), today=TODAY)
    with ledger.Session.begin() as s:
        assert selfcheck.get_self_check(s, 2025, "council_staff").checked_ids == {"1-2", "3-5"}
        assert len(selfcheck.list_self_checks(s)) == 1


def test_compare_years_shows_what_improved_and_what_slipped(ledger):
    with ledger.Session.begin() as s:
        save_self_check(s, SelfCheckFields(2023, "council_staff", {"1-1"}), today=TODAY)
        save_self_check(s, SelfCheckFields(2024, "council_staff", {"1-1", "1-2", "4-4"}), today=TODAY)
        save_self_check(s, SelfCheckFields(2025, "council_staff", {"1-2", "2-1", "4-4"}), today=TODAY)
        save_self_check(s, SelfCheckFields(2025, "resident", set()), today=TODAY)  # another checker: not mixed in
    with ledger.Session.begin() as s:
        cmp = compare_years(s, "council_staff")
        gap = compare_years(s, "council_staff", years=[2023, 2024, 2026 - 1, 2022])
    assert cmp.years == (2023, 2024, 2025)
    row = {c.item.id: c for c in cmp.items}
    assert row["1-1"].by_year == (True, True, False) and row["1-1"].trend is Trend.WORSENED
    assert row["2-1"].trend is Trend.IMPROVED and row["1-2"].trend is Trend.SAME
    assert [i.id for i in cmp.improved()] == ["2-1"] and [i.id for i in cmp.worsened()] == ["1-1"]
    assert cmp.mechanism_scores[1] == (1, 2, 1) and cmp.mechanism_scores[4] == (0, 1, 1)
    assert cmp.totals == (1, 3, 3)
    assert gap.years == (2022, 2023, 2024, 2025) and gap.totals == (None, 1, 3, 3)
    assert {c.item.id: c.by_year for c in gap.items}["1-1"][0] is None  # 2022 was not answered


def test_a_year_nobody_answered_is_skipped_when_comparing(ledger):
    with ledger.Session.begin() as s:
        save_self_check(s, SelfCheckFields(2022, "municipal_staff", {"3-1"}), today=TODAY)
        save_self_check(s, SelfCheckFields(2025, "municipal_staff", set()), today=TODAY)
        cmp = compare_years(s, "municipal_staff", years=[2022, 2024, 2025])
    assert {c.item.id: c.trend for c in cmp.items}["3-1"] is Trend.WORSENED


@pytest.mark.parametrize("fields", [
    SelfCheckFields(2025, "mayor", {"1-1"}),
    SelfCheckFields(2025, "council_staff", {"5-1"}),
    SelfCheckFields(2025, "council_staff", (), {"9-9": "?"}),
    SelfCheckFields(1999, "council_staff"),
    SelfCheckFields(2027, "council_staff"),  # 2027年度 has not begun on 2026-11-27
    SelfCheckFields(2025, "council_staff", answered_on=date(2026, 12, 1)),
    SelfCheckFields(2025, "council_staff", checker_name="名" * 201),
])
def test_a_bad_check_list_is_refused_and_nothing_is_kept(ledger, fields):
    with pytest.raises(LedgerError):
        with ledger.Session.begin() as s:
            save_self_check(s, fields, today=TODAY)
    with ledger.Session.begin() as s:
        assert selfcheck.list_self_checks(s) == []


def test_the_fiscal_year_starts_in_april():
    assert fiscal_year(date(2027, 3, 31)) == 2026
    assert fiscal_year(date(2026, 4, 1)) == 2026
