"""The overview: counts per town and district on the demo ledger, and its Excel export read back."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from app.core.errors import NotFound
from app.core.views import HouseholdFields
from app.emergency import cards as emergency
from app.households import households
from app.meeting import meetings
from app.meeting.overview import overview
from app.meeting.overview_excel import CHART_SHEET, SHEET, export_overview_xlsx
from app.meeting.views import ReviewFields
from app.towns import towns
from app.watch import network as watch

TODAY = date(2026, 11, 27)


@pytest.fixture
def demo(demo_ledger):
    with demo_ledger.Session.begin() as s:
        return demo_ledger, towns.find_town(s, "ひだまり町").id


def test_the_overview_counts_what_the_town_lists_show(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        ov = overview(s, today=TODAY)
        homes = households.list_households(s, town_id)
        concerns = watch.list_concerns(s, town_id)
        cards = [v for v in emergency.list_cards(s, town_id) if v.has_card]
    [row] = ov.towns
    assert (row.district_name, row.town_name) == ("さくら地区", "ひだまり町")
    assert row.households == len(homes) == 60
    assert row.category("single_elderly") == sum("single_elderly" in h.category_codes for h in homes) > 0
    assert row.category("of_concern") == sum("of_concern" in h.category_codes for h in homes) > 0
    assert row.persons_of_concern == len(concerns)
    assert row.watched == sum(c.has_watcher for c in concerns) and row.not_watched > 0
    assert row.cards == len(cards) > 0
    assert (row.reviews_up_to_date, row.reviews_due) == (0, len(concerns))
    assert ov.total.households == row.households and ov.districts[0].persons_of_concern == row.persons_of_concern


def test_reviews_and_archived_persons_move_the_counts(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        before = overview(s, today=TODAY).towns[0]
        first, second = meetings.review_queue(s, town_id, today=TODAY)[:2]
        meetings.record_review(s, first.person.id, ReviewFields("unchanged", reviewed_on=date(2026, 5, 1)), today=TODAY)
        meetings.record_review(s, second.person.id, ReviewFields("died"), today=TODAY)
        households.delete_household(s, households.list_households(s, town_id)[-1].id)
    with led.Session.begin() as s:
        after = overview(s, today=TODAY).towns[0]
        a_year_on = overview(s, today=date(2027, 5, 1)).towns[0]
    assert after.reviews_up_to_date == 1
    assert after.persons_of_concern == before.persons_of_concern - 1  # archived: no longer counted
    assert after.households == before.households - 1
    assert a_year_on.reviews_up_to_date == 0  # twelve months later the review is due again


def test_towns_add_up_to_their_district_and_a_district_can_be_chosen(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        other = towns.create_town(s, "さくら地区", "あおば町")
        households.add_household(s, other.id, None, HouseholdFields(name="青葉家", category_codes=("single_elderly",)))
        far = towns.create_town(s, "みなみ地区", "うみべ町")
        households.add_household(s, far.id, None, HouseholdFields(name="海辺家"))
    with led.Session.begin() as s:
        ov = overview(s, today=TODAY)
        sakura = overview(s, district_id=other.district_id, today=TODAY)
        with pytest.raises(NotFound):
            overview(s, district_id=town_id, today=TODAY)  # a town's id is not a district's
    assert [r.town_name for r in ov.towns] == ["あおば町", "ひだまり町", "うみべ町"]
    district = {d.district_name: d for d in ov.districts}
    assert district["さくら地区"].households == 61 and district["みなみ地区"].households == 1
    assert district["さくら地区"].category("single_elderly") == ov.towns[1].category("single_elderly") + 1
    assert ov.total.households == 62
    assert [r.level for r in ov.rows()] == ["town", "town", "district", "town", "district", "total"]
    assert [r.town_name for r in sakura.towns] == ["あおば町", "ひだまり町"] and sakura.total.households == 61


def test_the_excel_overview_has_japanese_headers_the_counts_and_a_chart(demo, tmp_path):
    led, town_id = demo
    with led.Session.begin() as s:
        towns.create_town(s, "みなみ地区", "=HYPERLINK(\"x\")町")  # a town name that looks like a formula
        ov = overview(s, today=TODAY)
    out = export_overview_xlsx(ov, tmp_path / "集計.xlsx")
    wb = load_workbook(out)
    ws = wb[SHEET]
    assert "令和8年11月27日" in ws["A1"].value
    assert ws["A2"].value.startswith("表示ルール") and "氏名" in ws["A2"].value  # it says it holds no names
    head = [c.value.replace("\n", "") for c in ws[3]]  # a long heading is printed on two lines
    assert head[:3] == ["地区", "町内", "世帯数"] and "一人暮らし高齢者" in head
    assert head[-6:] == ["気がかりな人", "見守りあり", "見守りなし", "緊急連絡カード作成", "見直し済み（12か月以内）", "見直し未了"]
    rows = {(r[0].value, r[1].value): [c.value for c in r] for r in ws.iter_rows(min_row=4)}
    hidamari = rows[("さくら地区", "ひだまり町")]
    town = ov.towns[0]
    assert hidamari[2] == 60 and hidamari[-6:] == [town.persons_of_concern, town.watched, town.not_watched,
                                                   town.cards, 0, town.persons_of_concern]
    assert rows[("さくら地区", "地区計")][2] == 60 and rows[("合計", None)][2] == 60
    odd = next(r for r in ws.iter_rows(min_row=4) if r[1].value and "HYPERLINK" in r[1].value)
    assert odd[1].data_type == "s"  # kept as text, never run as a formula
    chart_ws = wb[CHART_SHEET]
    assert [c.value for c in chart_ws[1]][:3] == ["町内", "見守りあり", "見守りなし"]
    assert len(chart_ws._charts) == 1
