"""The overview workbook's column headings as printed: each broken where a reader would, none cut in a word."""

from __future__ import annotations

import unicodedata

from openpyxl import load_workbook

from app.meeting.overview import overview
from app.meeting.overview_excel import SHEET, export_overview_xlsx
from app.towns.towns import add_town


def wide(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_every_heading_fits_its_column_line_by_line_and_breaks_only_between_words(demo_ledger, tmp_path):
    with demo_ledger.Session.begin() as s:
        add_town(s, "みなみ地区", "あさひ町")
    with demo_ledger.Session() as s:
        ov = overview(s)
    ws = load_workbook(export_overview_xlsx(ov, tmp_path / "集計.xlsx"))[SHEET]
    headings = {c.column_letter: c.value for c in ws[3] if c.column > 2}
    lines = {h.replace("\n", ""): h.split("\n") for h in headings.values()}
    # THEN no heading is left for Excel or LibreOffice to cut where they like: each line fits its column
    for letter, heading in headings.items():
        width = ws.column_dimensions[letter].width
        assert all(wide(line) <= width + 1 for line in heading.split("\n")), (heading, width)
    # and the long ones are broken as a reader would say them (never 「見直し済み（12か月以内」 / 「）」)
    assert lines["見直し済み（12か月以内）"] == ["見直し済み", "（12か月以内）"]
    assert lines["一人暮らし高齢者"] == ["一人暮らし", "高齢者"]
    assert lines["緊急連絡カード作成"] == ["緊急連絡", "カード作成"]
    assert lines["障がいのある人がいる世帯"] == ["障がいのある", "人がいる世帯"]
    assert lines["見守りなし"] == ["見守りなし"]  # a short heading stays on one line
