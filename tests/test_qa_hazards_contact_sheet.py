"""The town's 緊急連絡表 (Step III): the Excel page header dates it the way its body does; no line of the PDF
starts with 「ー」, 「ッ」 or another 行頭禁則 character."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from openpyxl import load_workbook

from app.emergency import cards as emergency
from app.emergency.contact_sheet import NO_LINE_START, export_sheet
from app.emergency.views import AgencyFields
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


LONG_CENTRE = "北ひだまり地域包括支援センター"  # in the PDF's column: 「北ひだまり地域」「包括支援センタ」 then 「ー」


def test_no_line_of_the_pdf_sheet_starts_with_a_long_vowel_mark(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    path = tmp_path / "sheet.pdf"
    with ledger.Session.begin() as s:
        centre = next(v.support_centre for v in emergency.list_cards(s, town_id) if v.support_centre)
        emergency.edit_agency(s, centre.id, AgencyFields(centre.kind, LONG_CENTRE, centre.phone))
        export_sheet(s, town_id, path, printed_on=date(2026, 12, 3), audience=Audience.STAFF)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r"<word [^>]*>([^<]*)</word>", out)
    assert "ター" in words  # the centre's name wraps: 「センタ」 stays with its 「ー」
    assert not [w for w in words if w[:1] in NO_LINE_START]
