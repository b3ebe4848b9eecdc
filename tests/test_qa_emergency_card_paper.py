"""緊急連絡カード on paper: long addresses, phones and medical notes stay whole and inside the card."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.emergency import cards as emergency
from app.emergency.card_pdf import export_cards, write_cards_pdf
from app.emergency.views import CardFields, ContactFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards, flat, pdf_pages, pdf_text  # noqa: F401

MM = 72 / 25.4
NOTES = ("降圧剤（アムロジピン5mg 朝1錠）、ワーファリン服用中のため出血注意、ペニシリン・卵アレルギー、"
         "糖尿病でインスリン注射（朝夕）、心臓ペースメーカー")
FAR_ADDRESS = "愛知県名古屋市中村区名駅四丁目二十七番一号　ミッドランドスクエアレジデンス二十五階二五〇三号室"
TWO_PHONES = "090-0000-5235 / 0770-22-1234（勤務先・平日9時〜17時）"
KEPT_AT = "冷蔵庫の扉（マグネットの透明袋）と玄関の靴箱の上の救急医療情報キット"


@pytest.fixture
def long_card(demo_cards):
    """(ledger, town id, person id) of a demo person whose card has long notes, address and phones."""
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        v = next(x for x in emergency.list_cards(s, town_id) if x.contacts)
        emergency.save_card(s, v.person.id, CardFields(care_level="要介護2", medical_notes=NOTES, kept_at=KEPT_AT),
                            [ContactFields("吉田　聡", "妹", "090-0000-9949", FAR_ADDRESS),
                             ContactFields("吉田　真由美", "弟", TWO_PHONES, "敦賀市")])
    return ledger, town_id, v.person.id


def words(path: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(x min, y min, x max, y max, text) of every word pdftotext finds on the page, in points."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(pattern, out)]


@pytest.mark.parametrize(("per_page", "margin_mm"), [(1, 12), (2, 9)])
def test_long_notes_address_and_phones_print_whole_inside_the_card(long_card, tmp_path, per_page, margin_mm):
    ledger, town_id, person_id = long_card
    path = tmp_path / "card.pdf"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=[person_id], per_page=per_page, audience=Audience.STAFF)
    assert pdf_pages(path) == 1
    text = pdf_text(path, raw=True)
    for value in (NOTES, FAR_ADDRESS, TWO_PHONES, KEPT_AT):
        assert flat(value) in text  # printed whole: nothing cut off
    right_edge = (210 - margin_mm) * MM  # the card's right border on A4 portrait
    outside = [w for w in words(path, 1) if w[2] > right_edge + 0.5]
    assert outside == []  # no text runs past the card (nor off the paper)


def test_excel_card_rows_are_tall_enough_for_long_values_and_the_rule_is_not_cut(long_card, tmp_path):
    ledger, town_id, person_id = long_card
    path = tmp_path / "card.xlsx"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=[person_id], audience=Audience.STAFF)
    ws = load_workbook(path).active
    value_width = ws.column_dimensions["B"].width
    seen = set()
    for row in ws.iter_rows(min_row=2):
        label, value = row[0], row[1]
        text = flat(value.value or "")  # a long value's lines are broken by 行頭禁則 (kinsoku_breaks)
        if text not in {flat(v) for v in (NOTES, FAR_ADDRESS, TWO_PHONES, KEPT_AT)}:
            continue
        seen.add(text)
        size = value.font.size
        per_line = (value_width - 1) * 11 / size / 2  # full-width characters on one line of the cell
        lines = math.ceil(len(text) / per_line)
        assert value.alignment.wrap_text
        assert ws.row_dimensions[value.row].height >= lines * size * 1.2, label.value  # every line shows
    assert seen == {flat(v) for v in (NOTES, FAR_ADDRESS, TWO_PHONES, KEPT_AT)}
    # The rule and the copy's serial: one wrapped cell with nothing beside it to cut it off.
    footer = next(r for r in ws.iter_rows() if any(str(c.value or "").startswith("表示ルール") for c in r))
    texts = [c for c in footer if c.value]
    assert len(texts) == 1 and texts[0].alignment.wrap_text
    assert "全員の氏名を表示" in texts[0].value and "管理番号" in texts[0].value
    assert ws.row_dimensions[texts[0].row].height >= 2 * texts[0].font.size * 1.2  # two lines at least


@pytest.mark.parametrize(("per_page", "reason"), [
    (1, "氾濫が迫り浸水想定区域と土砂災害警戒区域に住む避難行動要支援者の安否確認と避難支援を消防団自主防災組織民生委員と急ぐ必要があるため"),
    (2, "おそれが高まり浸水想定区域と土砂災害警戒区域に住む避難行動要支援者の安否確認と避難支援を消防団自主防災組織民生委員と急ぐ必要があるため"),
], ids=["one-a-page", "two-a-page"])
def test_a_blank_cards_long_rule_keeps_its_full_stop_on_its_line(tmp_path, per_page, reason):
    # With no one to print, one blank card is printed to fill in by hand, the rule under it. A disaster-mode rule
    # ends with the reason the staff typed; fpdf2's multi_cell broke it so that 「。」 started the last line alone.
    rule = ("表示ルール: 災害時の避難支援等関係者への提供（本人の同意によらない）。提供者: 福祉課 越前 花子、"
            f"2026年7月1日 9:00、理由: {reason}。")
    path = write_cards_pdf([], tmp_path / "blank.pdf", per_page=per_page, rule=rule)
    drawn = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in drawn.splitlines() if line.strip()]
    assert "".join(lines).replace(" ", "") == rule.replace(" ", "")  # the whole rule, nothing else on the page
    assert not [line for line in lines if line.startswith(("。", "、", "）"))], lines
    assert len(lines) >= 2  # broken over lines, inside the page's margins
    margin = 12 if per_page == 1 else 9
    assert all(margin * MM - 1 <= w[0] and w[2] <= (210 - margin) * MM + 1 for w in words(path, 1))
