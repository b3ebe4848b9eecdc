"""The town's 緊急連絡表 (Step III): the Excel page header dates it the way its body does; no line of the PDF, nor
of the workbook as LibreOffice Calc prints it, starts with 「ー」, 「ッ」 or another 行頭禁則 character."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from openpyxl import load_workbook

from app.core.text import NO_LINE_END, NO_LINE_START
from app.emergency import cards as emergency
from app.emergency.contact_sheet import HEADER_ROW, export_sheet, sheet_data
from app.emergency.views import AgencyFields, CardFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards  # noqa: F401
from tests.office_print import needs_libreoffice, printed


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


LONG_NOTE = "デイサービスセンターひまわり　ケアマネージャー、ショートステイ・ホームヘルパー利用中。"


@needs_libreoffice
def test_no_line_of_the_excel_sheet_printed_by_libreoffice_starts_with_a_long_vowel_mark(demo_cards, tmp_path):
    # GIVEN persons whose notes and care managers are long texts with 「ー」「、」「。」「・」, shifted by one character
    # from one person to the next so that some fall where the program wraps the narrow columns
    ledger, town_id = demo_cards
    path = tmp_path / "sheet.xlsx"
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)[:8]
        for n, v in enumerate(views):
            emergency.save_card(s, v.person.id, CardFields(
                note="ひ" * n + LONG_NOTE, care_manager_name="ひ" * n + "居宅介護支援センターひまわり　ケアマネージャー"))
        export_sheet(s, town_id, path, printed_on=date(2026, 12, 3), audience=Audience.STAFF)
    # WHEN LibreOffice Calc prints the workbook
    pdf, _ = printed(path, tmp_path)
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r"<word [^>]*>([^<]*)</word>", out)
    # THEN every note is printed (as lines of its cell), and no printed line starts with a 行頭禁則 character
    # (「センタ」 / 「ー」 before: Calc's own wrapping)
    assert sum("ケアマ" in w for w in words) >= 16
    assert [w for w in words if w[:1] in NO_LINE_START] == []
    assert [w for w in words if w[-1:] in NO_LINE_END] == []  # nor ends with an opening bracket (行末禁則)
    # AND the workbook holds each note as written, but for the lines broken (where a space fell, in its place)
    ws = load_workbook(path).active
    with ledger.Session.begin() as s:
        data = sheet_data(s, town_id, audience=Audience.STAFF)
    def unbroken(text: str | None) -> str:
        return re.sub(r"\s", "", text or "")

    expected = sorted((row[0], row[1], unbroken(row[-1])) for row in data.rows)
    held = sorted((row[0].value, row[1].value, unbroken(row[-1].value)) for row in ws.iter_rows(min_row=HEADER_ROW + 1))
    assert held == expected
    assert sum(unbroken(LONG_NOTE) in note for _, _, note in held) == 8
