"""The Excel papers print and read as people expect, on the demo town (each written by the app, read back with
openpyxl): A4, the header and footer lines with room in the margins, the heading row on every page, and no date,
time, phone number or map number cut off or broken over two lines ("###", "0778-00-" / "2394")."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from app.emergency.contact_sheet import export_sheet
from app.models import Incident, Town
from app.plans.papers import export_plans
from app.privacy.masking import Audience
from app.safety.workbook import export_log, write_checklist_xlsx

# Columns whose values must show whole on one line: phone numbers, dates and times, map numbers.
ONE_LINE = {"TEL", "電話", "生年月日", "作成日", "見直し日", "確認日時", "記録日時", "地図番号", "番号", "日時"}


def shown(value: object, number_format: str) -> str:
    """The text a spreadsheet shows for a cell (dates and times in the cell's format, as the app sets them)."""
    if isinstance(value, datetime):
        return value.strftime("%Y/%m/%d %H:%M") if "hh:mm" in number_format else value.strftime("%Y/%m/%d")
    if isinstance(value, date):
        return value.strftime("%Y/%m/%d")
    return "" if value is None else str(value)


def width_of(text: str) -> int:
    """Excel's width units a line of text needs: a full-width (Japanese) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def check_sheet(ws: Worksheet, header_row: int, *, fit_width: bool = True) -> list[str]:
    """The sheet's print setup and its one-line columns, as (problems) a user would see on paper or screen."""
    problems = []
    margins = ws.page_margins
    if str(ws.page_setup.paperSize) != "9":
        problems.append(f"{ws.title}: not A4")
    if margins.top - margins.header < 0.25 or margins.bottom - margins.footer < 0.25:
        problems.append(f"{ws.title}: the header or footer line is printed over the sheet")
    first, _, last = (ws.print_title_rows or "0:0").replace("$", "").partition(":")
    if not int(first) <= header_row <= int(last):
        problems.append(f"{ws.title}: its heading row {header_row} is not repeated on every page")
    if fit_width and not (ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1):
        problems.append(f"{ws.title}: not fitted to the page's width")
    headers = {c.column: c.value for c in ws[header_row] if c.value}
    for column, name in headers.items():
        if str(name).split()[0] not in ONE_LINE:  # the audit's headings are bilingual: "日時 time"
            continue
        letter = get_column_letter(column)
        width = ws.column_dimensions[letter].width
        for (c,) in ws.iter_rows(min_row=header_row + 1, min_col=column, max_col=column):
            text = shown(c.value, c.number_format)
            if width_of(text) > width:
                problems.append(f"{ws.title}!{c.coordinate} {name} {text!r} needs {width_of(text)}, has {width}")
    return problems


@pytest.fixture
def demo(demo_ledger):
    with demo_ledger.Session() as s:
        town_id = s.scalars(select(Town.id)).first()
        incident_id = s.scalars(select(Incident.id)).first()
    assert town_id is not None and incident_id is not None, "the demo has a town and a safety check"
    return demo_ledger, town_id, incident_id


def test_the_emergency_contact_sheet_prints_whole(demo, tmp_path):
    ledger, town_id, _ = demo
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "sheet.xlsx", audience=Audience.STAFF)
    ws = load_workbook(tmp_path / "sheet.xlsx").active
    assert check_sheet(ws, 4) == []


def test_the_evacuation_plans_sheet_keeps_phones_and_dates_on_one_line_and_names_on_every_page(demo, tmp_path):
    ledger, town_id, _ = demo
    with ledger.Session.begin() as s:
        path = export_plans(s, town_id, tmp_path / "plans.xlsx", audience=Audience.STAFF)
    ws = load_workbook(path).active
    # 26 columns are printed across pages: not squeezed onto one, and the town, map number and name on each.
    assert check_sheet(ws, 2, fit_width=False) == []
    assert ws.print_title_cols.replace("$", "") == "A:C"
    assert [c.value for c in ws[2]][:3] == ["町名", "地図番号", "氏名"]
    assert any(ws.cell(r, 7).value for r in range(3, ws.max_row + 1)), "the demo's plans have phone numbers"


def test_the_safety_checks_log_shows_dates_and_times_not_hashes(demo, tmp_path):
    ledger, _, incident_id = demo
    with ledger.Session.begin() as s:
        assert export_log(s, incident_id, tmp_path / "log.xlsx", audience="staff") > 0
    wb = load_workbook(tmp_path / "log.xlsx")
    log, counts = wb.worksheets
    assert check_sheet(log, 3) == []
    checked = log.cell(4, 1)
    assert isinstance(checked.value, datetime) and checked.number_format == "yyyy/mm/dd hh:mm"
    assert check_sheet(counts, 3) == []  # rows 1–2: the incident's name and as of when
    assert all(counts.column_dimensions[get_column_letter(c)].width >= width_of(str(counts.cell(3, c).value))
               for c in range(1, counts.max_column + 1)), "each district count's heading shows whole"


def test_the_safety_checklist_prints_on_a4_with_its_headings_on_every_page(demo, tmp_path):
    ledger, _, incident_id = demo
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident_id, tmp_path / "checklist.xlsx", audience="staff")
    assert check_sheet(load_workbook(Path(path)).active, 3) == []


def test_the_audit_history_prints_on_a4_with_its_times_whole(demo, tmp_path):
    from app.privacy import audit

    ledger, _, _ = demo
    with ledger.Session() as s:
        rows = audit.list_audit(s, limit=200)
    assert rows, "the demo's making is in its audit log"
    ws = load_workbook(audit.export_audit_xlsx(rows, tmp_path / "audit.xlsx")).active
    assert check_sheet(ws, 1) == []
