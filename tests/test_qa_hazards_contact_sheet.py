"""The town's 緊急連絡表 (Step III) as Excel: its printed page header dates it the way its body does."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from app.emergency.contact_sheet import export_sheet
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards  # noqa: F401


def test_the_excel_page_header_dates_the_sheet_in_wareki_as_its_body_does(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    path = tmp_path / "sheet.xlsx"
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, path, printed_on=date(2026, 12, 3), audience=Audience.STAFF)
    ws = load_workbook(path).active
    body = ws["A2"].value
    header = ws.oddHeader.right.text
    # The body says 「作成日 令和8年12月3日（2026-12-03）」; every printed page's header said 「作成日 2026/12/03」
    assert body.startswith("作成日 令和8年12月3日")
    assert header.endswith("作成日 令和8年12月3日")
    assert "2026/12/03" not in header
