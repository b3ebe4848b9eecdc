"""The town's 緊急連絡表 on paper: a phone number is never cut in two at the end of a line."""

from __future__ import annotations

import math
import re
import subprocess
import unicodedata

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from app.emergency import cards as emergency
from app.emergency.contact_sheet import export_sheet, sheet_data
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards  # noqa: F401


def test_every_contact_phone_prints_whole_on_one_line_of_the_sheet(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    path = tmp_path / "sheet.pdf"
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)
        export_sheet(s, town_id, path, audience=Audience.STAFF)
    lines = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    phones = {c.phone for v in views for c in v.contacts if c.phone}
    assert len(phones) > 10
    # ... and every other phone the sheet holds: the person's, the doctor's, the care manager's, the centre's
    with ledger.Session() as s:
        rows = sheet_data(s, town_id, audience=Audience.STAFF).rows
    phones |= {p for row in rows for cell in row for p in re.findall(r"0\d{1,4}-\d{1,4}-\d{3,4}", str(cell or ""))}
    assert {"0778-00-4000", "0778-00-2000"} <= phones
    cut = sorted(p for p in phones if not any(p in line for line in lines))
    assert cut == []  # 「0」 at a line's end and 「90-0000-0606」 on the next reads as another number


def wrapped_lines(text: str, width: float) -> int:
    """Lines of ``text`` in a column ``width`` Excel characters wide, a Japanese character taking two."""
    room = width - 1
    return sum(max(1, math.ceil(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) / room))
               for line in text.split("\n"))


def test_excel_sheet_rows_are_tall_enough_for_wrapped_cells(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    path = tmp_path / "sheet.xlsx"
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, path, audience=Audience.STAFF, include_medical=True)
    ws = load_workbook(path).active
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, 12)]
    default = ws.sheet_format.defaultRowHeight
    checked = 0
    for row in ws.iter_rows(min_row=5, max_col=11):
        if row[0].value is None:
            continue
        lines = max(wrapped_lines(str(c.value or ""), w) for c, w in zip(row, widths, strict=True))
        height = ws.row_dimensions[row[0].row].height or default
        # A long support centre's name wraps: its phone on the third line was cut off at 30 pt.
        assert height >= 14 * lines, (row[1].value, [c.value for c in row if c.value])
        checked += 1
    assert checked > 10
