"""The 緊急連絡カード workbook as it is printed: one card a page in Excel too (a fixed print scale, not fit-to-page,
under which Excel ignores the manual page breaks), and no printed line of a long value starts with 「ー」「、」「）」…"""

from __future__ import annotations

import re
import subprocess

from openpyxl import load_workbook

from app.core.text import NO_LINE_START
from app.emergency import cards as emergency
from app.emergency.card_pdf import TITLE, card_fields, export_cards
from app.emergency.views import AgencyFields, CardFields, ContactFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards, flat  # noqa: F401
from tests.office_print import needs_libreoffice, printed

NOTE = ("降圧剤（アムロジピン５ｍｇ　朝１錠）、ワーファリン服用中。ペースメーカー装着、ヨーグルト・チーズ・"
        "ピーナッツにアレルギー（じんましん）。デイサービスセンターひまわり、ショートステイ利用中。")
CENTRE = "北ひだまり地域包括支援センター（ブランチ・サポートセンター）"


def _long_cards(ledger, town_id, count: int = 4):  # noqa: ANN001, ANN202
    """``count`` persons whose medical notes, contacts and support centre are long texts full of ー、。）, shifted
    by one character from one card to the next so that some fall where a spreadsheet wraps the value column."""
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)[:count]
        centre = next(v.support_centre for v in emergency.list_cards(s, town_id) if v.support_centre)
        emergency.edit_agency(s, centre.id, AgencyFields(centre.kind, CENTRE, centre.phone))
        for n, v in enumerate(views):
            emergency.save_card(s, v.person.id, CardFields(
                medical_notes="ひ" * n + NOTE, care_manager_name="ひ" * n + "居宅介護支援センターひまわり　ケアマネージャー",
                support_centre_id=centre.id), contacts=[
                ContactFields("ひ" * n + "サービス付き高齢者向け住宅ひまわりケアハウス　ソーシャルワーカー", "ケアマネージャー",
                              "090-0000-0606", "ひ" * n + "福井県越前市ひだまり町一丁目、グリーンハイツ・サンシャイン（２ー３）")])
        return [v.person.id for v in views]


@needs_libreoffice
def test_the_cards_workbook_prints_one_card_a_page_at_a_fixed_scale_with_no_line_starting_with_a_long_vowel(
        demo_cards, tmp_path):
    ledger, town_id = demo_cards
    ids = _long_cards(ledger, town_id)
    path = tmp_path / "cards.xlsx"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=ids, audience=Audience.STAFF)
    with ledger.Session() as s:
        views = [v for v in emergency.list_cards(s, town_id) if v.person.id in set(ids)]
    # THEN the sheet does not ask to be fitted to the page (Excel would ignore its page breaks): it prints at a
    # fixed scale, and breaks after every card
    ws = load_workbook(path).active
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert 10 <= ws.page_setup.scale <= 100
    assert len(ws.row_breaks.brk) == len(views)
    # AND every value is held as written, but for the lines broken (white space aside)
    blocks: list[dict[str, str]] = []
    for a, b in ws.iter_rows(values_only=True, max_col=2):
        if a == TITLE:
            blocks.append({})
        elif a and blocks:
            blocks[-1][a] = flat(b or "")
    assert blocks == [{label: flat(value) for label, value in card_fields(v)} for v in views]
    assert sum(flat(NOTE) in b["服薬・アレルギー等"] for b in blocks) == len(views)
    # WHEN LibreOffice Calc prints it
    pdf, pages = printed(path, tmp_path)
    # THEN a page a card, in the writer's order
    assert len(pages) == len(views), [p[:60] for p in pages]
    for page, v in zip(pages, views, strict=True):
        assert f"No.{v.map_number}" in page and flat(v.person.name) in flat(page)
    # AND no printed line starts with a 行頭禁則 character (Calc wrapped 「センタ」 / 「ー」 before)
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r"<word [^>]*>([^<]*)</word>", out)
    assert [w for w in words if w[:1] in NO_LINE_START] == []
    assert sum("ペースメ" in w for w in words) == len(views)  # every note printed
