"""The town's 緊急連絡表 in Excel and PDF: every person once, every field in its column, print settings."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from app.core.errors import LedgerError
from app.core.sheets import wrapped_lines
from app.core.text import fold
from app.emergency import cards as emergency
from app.emergency.contact_sheet import HEADER_ROW, HEADERS, MEDICAL_LABEL, RULE_ROW, export_sheet
from app.emergency.views import CardFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards, flat, pdf_fonts, pdf_pages, pdf_text  # noqa: F401

DAY = date(2026, 11, 27)


def _col(name: str) -> int:
    return HEADERS.index(name)


def _read_rows(path):
    ws = load_workbook(path).active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    return ws, rows


def test_excel_sheet_has_every_person_once_with_each_field_in_its_column(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)
        export_sheet(s, town_id, tmp_path / "sheet.xlsx", printed_on=DAY, audience=Audience.STAFF)
    ws, rows = _read_rows(tmp_path / "sheet.xlsx")
    assert [c.value for c in ws[HEADER_ROW]] == list(HEADERS)
    by_number = {}
    for row in rows:
        by_number.setdefault(row[_col("番号")], []).append(row)
    assert len(rows) == len(views)
    for v in views:
        row = next(r for r in by_number[str(v.map_number)] if r[_col("氏名")] == v.person.name)
        assert row[_col("ふりがな")] == v.person.kana
        assert row[_col("住所")] == v.address
        assert row[_col("TEL")] == v.person.phone
        # A long cell may hold line breaks where 行頭禁則 needs them (in place of a space, if one fell there):
        # each value reads whole without them.
        for c in v.contacts:
            assert flat(c.name) in flat(row[_col("緊急連絡先")]) and c.phone in row[_col("緊急連絡先")]
        if v.family_doctor_label:
            assert flat(v.family_doctor_label) in flat(row[_col("かかりつけ医")])
        if v.care_manager_name:
            assert flat(v.care_manager_name) in flat(row[_col("ケアマネジャー")])
        if v.support_centre:
            assert flat(v.support_centre.name) in flat(row[_col("地域包括支援センター")])
        for w in v.watchers:
            assert flat(w) in flat(row[_col("見守り者")] or "")
        if not v.has_card:
            assert "カード未作成" in row[_col("備考")]
    assert not any("None" in str(value) for row in rows for value in row if value is not None)
    assert len({(r[_col("番号")], r[_col("氏名")]) for r in rows}) == len(rows)


def test_excel_sheet_is_sorted_by_kana_or_by_map_number(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "kana.xlsx", printed_on=DAY, audience=Audience.STAFF)
        export_sheet(s, town_id, tmp_path / "number.xlsx", order="map_number", printed_on=DAY, audience=Audience.STAFF)
    _, kana_rows = _read_rows(tmp_path / "kana.xlsx")
    _, number_rows = _read_rows(tmp_path / "number.xlsx")
    kanas = [fold(r[_col("ふりがな")]) for r in kana_rows]
    assert kanas == sorted(kanas)
    numbers = [int(r[_col("番号")]) for r in number_rows]
    assert numbers == sorted(numbers)
    assert sorted(map(tuple, kana_rows)) == sorted(map(tuple, number_rows))


def test_excel_sheet_prints_a4_landscape_fitted_with_repeated_header_town_date_and_pages(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "sheet.xlsx", printed_on=DAY, audience=Audience.STAFF)
    ws = load_workbook(tmp_path / "sheet.xlsx").active
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"  # 9 = A4
    assert ws.print_title_rows.replace("$", "") == f"{RULE_ROW}:{HEADER_ROW}"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert "ひだまり町" in ws.oddHeader.left.text and "令和8年11月27日" in ws.oddHeader.right.text  # 和暦, as the body
    assert "&P / &N" in ws.oddFooter.center.text
    # The header and footer lines have room in the margins (at least 0.25 in, 18 pt): not printed under the title.
    margins = ws.page_margins
    assert margins.top - margins.header >= 0.25 and margins.bottom - margins.footer >= 0.25
    assert ws["A1"].font.name == "BIZ UDゴシック"


def test_every_heading_of_the_excel_sheet_prints_on_one_line(demo_cards, tmp_path):
    # A heading that wraps can be broken anywhere by the spreadsheet program: 「地域包括支援センター」 in a column
    # one character too narrow printed as 「…センタ」 / 「ー」.
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "sheet.xlsx", printed_on=DAY, audience=Audience.STAFF)
    ws = load_workbook(tmp_path / "sheet.xlsx").active
    for col, heading in enumerate(HEADERS, start=1):
        width = ws.column_dimensions[get_column_letter(col)].width
        assert ws.cell(HEADER_ROW, col).value == heading
        assert wrapped_lines(heading, width) == 1, (heading, width)


def test_medical_notes_stay_off_the_sheet_unless_asked_and_formula_text_stays_text(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        person = next(v for v in emergency.list_cards(s, town_id) if v.has_card)
        emergency.save_card(s, person.person.id, CardFields(medical_notes="ペニシリンにアレルギー", note="=HYPERLINK(\"x\")"))
        export_sheet(s, town_id, tmp_path / "plain.xlsx", printed_on=DAY, audience=Audience.STAFF)
        export_sheet(s, town_id, tmp_path / "medical.xlsx", include_medical=True, printed_on=DAY, audience=Audience.STAFF)
        export_sheet(s, town_id, tmp_path / "plain.pdf", printed_on=DAY, audience=Audience.STAFF)
    ws, plain = _read_rows(tmp_path / "plain.xlsx")
    assert not any("ペニシリン" in str(v) for row in plain for v in row)
    assert "ペニシリン" not in pdf_text(tmp_path / "plain.pdf")
    _, medical = _read_rows(tmp_path / "medical.xlsx")
    assert any("ペニシリン" in str(v) for row in medical for v in row)
    # (the note's cell goes on with the shelter the card names)
    note = next(c for row in ws.iter_rows(min_row=HEADER_ROW + 1) for c in row
                if str(c.value).startswith("=HYPERLINK(\"x\")"))
    assert note.data_type == "s"


def test_pdf_sheet_lists_every_person_once_with_page_numbers_and_an_embedded_japanese_font(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id, order="kana")
        export_sheet(s, town_id, tmp_path / "sheet.pdf", printed_on=DAY, audience=Audience.STAFF)
    text = pdf_text(tmp_path / "sheet.pdf", raw=True)
    pages = pdf_pages(tmp_path / "sheet.pdf")
    assert pages >= 2
    for v in views:
        assert text.count(flat(v.person.name)) == 1, v.person.name
    positions = [text.index(flat(v.person.name)) for v in views]
    assert positions == sorted(positions)  # 五十音 order on paper too
    for page in range(1, pages + 1):
        page_text = pdf_text(tmp_path / "sheet.pdf", page)
        assert f"{page}/{pages}ページ" in page_text
        assert "緊急連絡表" in page_text and "ひだまり町" in page_text and "令和8年11月27日" in page_text
        assert "緊急連絡先" in page_text and "かかりつけ医" in page_text  # the header row on every page
    assert "None" not in text
    fonts = pdf_fonts(tmp_path / "sheet.pdf")
    assert fonts and all("yes" == f[-5] for f in fonts)  # the emb column
    assert b"/FontFile2" in (tmp_path / "sheet.pdf").read_bytes()


def test_a_page_of_the_pdf_sheet_holds_six_persons_with_their_medical_notes(demo_cards, tmp_path):
    # The 備考 column (care level, shelter and its distance, medical note) is wide enough that a row is a few lines:
    # at 23 mm it took eight, and a page held three persons (a city's sheet ran to twice the paper)
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id, order="kana")
        export_sheet(s, town_id, tmp_path / "sheet.pdf", printed_on=DAY, audience=Audience.STAFF,
                     include_medical=True)
    first_page = pdf_text(tmp_path / "sheet.pdf", 1)
    assert MEDICAL_LABEL in first_page
    assert sum(flat(v.person.name) in first_page for v in views) >= 6


def test_unknown_format_and_order_are_refused(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with pytest.raises(LedgerError), ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "sheet.docx")
    with pytest.raises(LedgerError), ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "sheet.xlsx", order="age", audience=Audience.STAFF)
    assert not (tmp_path / "sheet.docx").exists()


def test_excel_sheet_streams_its_rows_memory_grows_only_by_the_shared_strings(tmp_path):
    """Write-only mode: rows go to the file as they are made, no cell objects stay in memory; what grows is
    openpyxl's table of distinct strings (about 40 bytes per string; a kept cell costs several times that)."""
    import tracemalloc

    from app.emergency.contact_sheet import SheetData, write_xlsx

    peaks = {}
    for n in (1000, 8000):
        rows = [tuple(f"{h}{i}" for h in HEADERS) for i in range(n)]
        data = SheetData("ひだまり町", "北新庄地区", DAY, rows, [], Audience.STAFF)
        tracemalloc.start()
        write_xlsx(data, tmp_path / f"{n}.xlsx")
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    per_row = (peaks[8000] - peaks[1000]) / 7000  # 11 distinct strings per row here
    assert per_row < 1000, peaks
    ws = load_workbook(tmp_path / "8000.xlsx", read_only=True).active
    assert sum(1 for _ in ws.iter_rows(min_row=HEADER_ROW + 1)) == 8000


@pytest.mark.timeout(120)
def test_a_city_sheet_of_over_a_thousand_pages_numbers_its_last_page_whole_and_quietly(tmp_path):
    # A city's sheet with its cards runs past 999 pages (7,729 persons: 1,005): the count, filled in at the end, is
    # then wider than the place measured for it, and fpdf2 said so on the console of whoever exported the sheet.
    import warnings

    from app.emergency.contact_sheet import SheetData, write_pdf

    tall = ("1", "越前 花子", "えちぜん はなこ", "越前市府中1丁目1-1", "0778-20-0000", "1. 越前 一郎（長男）\n090-0000-0000",
            "府中内科クリニック", "", "越前市中央地域包括支援センター", "見守り 太郎", "要介護1\n\n\n\n\n\n医療メモ: なし")
    data = SheetData("市内全域", "越前市", DAY, [tall] * 5200, ["0" * 32] * 5200)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_pdf(data, tmp_path / "city.pdf")
    pages = pdf_pages(tmp_path / "city.pdf")
    assert pages >= 1000
    assert not [w for w in caught if "page count" in str(w.message)]
    assert f"{pages}/{pages}ページ" in pdf_text(tmp_path / "city.pdf", pages)
    assert f"999/{pages}ページ" in pdf_text(tmp_path / "city.pdf", 999)


@pytest.mark.timeout(60)
def test_a_city_s_map_numbers_print_whole_in_the_pdf_sheet(tmp_path):
    # From 10,000 households on a map number has five digits (a core city's, six): the number column was 9 mm
    # wide and 「41679」 printed as 「416」 over 「79」, two numbers to a volunteer's eye. The column now fits the
    # sheet's longest number; the other columns still print their text whole.
    import re
    import subprocess

    from app.emergency.contact_sheet import SheetData, write_pdf

    def row(number: str) -> tuple[str, ...]:
        return (number, "越前 花子", "えちぜん はなこ", "越前市府中1丁目1-1", "0778-20-0000",
                "1. 越前 一郎（長男）\n090-0000-0000", "府中内科クリニック\n0778-22-0000", "", "", "見守り 太郎",
                "要介護1\n避難所: 武生第五中学校（約 4.5 km）")

    numbers = ["7", "41679", "150000", "99999"]
    data = SheetData("市内全域", "越前市", DAY, [row(n) for n in numbers], ["0" * 32] * len(numbers))
    write_pdf(data, tmp_path / "city.pdf")
    drawn = subprocess.run(["pdftotext", "-raw", str(tmp_path / "city.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
    for number in numbers:
        assert re.search(rf"(^|\s){number}(\s|$)", drawn), number
    assert "416\n" not in drawn and "1500\n" not in drawn
    text = pdf_text(tmp_path / "city.pdf", raw=True)
    assert text.count("090-0000-0000") == len(numbers) and text.count("0778-22-0000") == len(numbers)
    assert text.count(flat("避難所: 武生第五中学校（約 4.5 km）")) == len(numbers)


@pytest.mark.timeout(60)
def test_a_core_city_s_map_numbers_fit_the_excel_sheet_s_number_column(tmp_path):
    # At 6 characters the column printed a core city's 「150000」 as 「15000」 over 「0」 (LibreOffice's print): it
    # now holds the sheet's longest number with room for the cell's padding; a town's sheet keeps its 6.
    from app.emergency.contact_sheet import SheetData, write_xlsx

    def row(number: str) -> tuple[str, ...]:
        return (number, "越前 花子", "えちぜん はなこ", "越前市府中1丁目1-1", "0778-20-0000", "", "", "", "", "", "")

    for numbers, least in ((["7", "150000", "99999"], len("150000") + 2), (["7", "1234"], 6)):
        path = write_xlsx(SheetData("市内全域", "越前市", DAY, [row(n) for n in numbers], ["0" * 32] * len(numbers)),
                          tmp_path / f"{len(numbers)}.xlsx")
        ws, rows = _read_rows(path)
        width = ws.column_dimensions["A"].width
        assert width >= least and (least > 6 or width == 6), width
        assert [r[0] for r in rows] == numbers
        assert all(wrapped_lines(n, width) == 1 for n in numbers)
        assert ws.column_dimensions["B"].width == 14  # the other columns as they were
