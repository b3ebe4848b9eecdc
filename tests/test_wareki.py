"""和暦 and 西暦 dates as rosters write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.core.wareki import PartialDate, parse_date, to_wareki, wareki_or_blank


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昭和15年3月2日", date(1940, 3, 2)),
        ("昭和１５年３月２日", date(1940, 3, 2)),
        ("昭和十五年三月二日", date(1940, 3, 2)),
        ("S15.3.2", date(1940, 3, 2)),
        ("s15/03/02", date(1940, 3, 2)),
        ("Ｓ１５．３．２", date(1940, 3, 2)),
        ("昭15.3.2", date(1940, 3, 2)),
        ("H31.4.30", date(2019, 4, 30)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R1.5.1", date(2019, 5, 1)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("大正14年12月1日", date(1925, 12, 1)),
        ("1940/3/2", date(1940, 3, 2)),
        ("1940-03-02", date(1940, 3, 2)),
        ("１９４０年３月２日", date(1940, 3, 2)),
        ("19400302", date(1940, 3, 2)),
        (datetime(1940, 3, 2, 0, 0), date(1940, 3, 2)),
    ],
)
def test_full_dates_in_wareki_and_seireki_are_read(text, expected):
    parsed = parse_date(text)
    assert parsed.complete and parsed.to_date() == expected


def test_a_year_alone_is_kept_as_a_year():
    assert parse_date("令和6年") == PartialDate(2024)
    assert parse_date("昭和15年3月") == PartialDate(1940, 3)
    assert parse_date("令和6年").to_date() == date(2024, 1, 1)


@pytest.mark.parametrize(
    "text", ["平成31年5月1日", "令和1年4月30日", "昭和65年1月1日", "昭和15年2月30日", "S0.1.1", "そのうち", "", "12/3"]
)
def test_days_that_do_not_exist_or_are_not_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_dates_print_in_wareki_with_gannen():
    assert to_wareki(date(2019, 5, 1)) == "令和元年5月1日"
    assert to_wareki(date(2019, 4, 30)) == "平成31年4月30日"
    assert to_wareki(date(1940, 3, 2)) == "昭和15年3月2日"


def test_a_paper_prints_an_unknown_day_as_an_empty_box():
    assert wareki_or_blank(None) == ""
    assert wareki_or_blank(date(2019, 5, 1)) == "令和元年5月1日"


def test_era_years_for_fiscal_year_labels():
    from app.core.wareki import wareki_year

    assert wareki_year(2026) == "令和8"
    assert wareki_year(2019) == "令和元"  # 2019年度 is 令和元年度 as people say it
    assert wareki_year(1989) == "平成元"
    assert wareki_year(1988) == "昭和63"
