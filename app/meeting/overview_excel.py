"""The overview (集計) as an Excel workbook: a table per town with district subtotals and a total,
and a bar chart of watched / not watched persons of concern per town that people read at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core.japanese import format_date
from app.core.sheets import active_sheet, write_text
from app.meeting.overview import COLUMN_LABELS, Overview, OverviewRow

if TYPE_CHECKING:  # openpyxl is imported when the overview is written, not when the app starts (issue 17)
    from openpyxl import Workbook

SHEET = "集計"
CHART_SHEET = "グラフ"
TITLE = "支え合いマップ 集計"
DISTRICT_TOTAL = "地区計"
GRAND_TOTAL = "合計"
_COUNTS = ("persons_of_concern", "watched", "not_watched", "cards", "reviews_up_to_date", "reviews_due")


COUNTS_ONLY_RULE = "表示ルール: 人数の集計のみ（氏名・連絡先・健康状態は含みません）"


def headers(ov: Overview) -> list[str]:
    return (["地区", "町内", COLUMN_LABELS["households"]] + [c.label for c in ov.categories]
            + [COLUMN_LABELS[key] for key in _COUNTS])


def _values(ov: Overview, row: OverviewRow) -> list[int]:
    return ([row.households] + [row.category(c.code) for c in ov.categories]
            + [getattr(row, key) for key in _COUNTS])


def export_overview_xlsx(ov: Overview, out: Path) -> Path:
    """Write the overview to ``out`` (.xlsx): sheet 「集計」 with the table, sheet 「グラフ」 with the chart."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    _BOLD = Font(bold=True)
    _SUBTOTAL_FILL = PatternFill("solid", fgColor="EEEEEE")
    out = Path(out)
    wb = Workbook()
    ws = active_sheet(wb)
    ws.title = SHEET
    write_text(ws.cell(row=1, column=1), f"{TITLE}（{format_date(ov.today, wareki=True)}現在）")
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    write_text(ws.cell(row=2, column=1), COUNTS_ONLY_RULE)  # like every export, it says what it shows of people
    head = headers(ov)
    for c, text in enumerate(head, start=1):
        cell = ws.cell(row=3, column=c)
        write_text(cell, text)
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    r = 4
    for row in ov.rows():
        if row.level == "town":
            names = [row.district_name, row.town_name]
        elif row.level == "district":
            names = [row.district_name, DISTRICT_TOTAL]
        else:
            names = [GRAND_TOTAL, ""]
        for c, text in enumerate(names, start=1):
            write_text(ws.cell(row=r, column=c), text)  # town names are user text: never a formula
        for c, n in enumerate(_values(ov, row), start=3):
            ws.cell(row=r, column=c, value=n)
        if row.level != "town":
            for c in range(1, len(head) + 1):
                ws.cell(row=r, column=c).font = _BOLD
                ws.cell(row=r, column=c).fill = _SUBTOTAL_FILL
        r += 1
    ws.freeze_panes = "C4"
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 14
    for c in range(3, len(head) + 1):
        ws.column_dimensions[get_column_letter(c)].width = 11
    ws.row_dimensions[3].height = 45
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the towns need: a city's list is never shrunk onto one
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "3:3"  # the column headings on every page

    _chart_sheet(wb, ov)
    wb.save(out)
    return out


def _chart_sheet(wb: Workbook, ov: Overview) -> None:
    """Town by town: 見守りあり and 見守りなし stacked, so the gap stands out in red."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font
    from openpyxl.worksheet.properties import PageSetupProperties

    _BOLD = Font(bold=True)
    ws = wb.create_sheet(CHART_SHEET)
    for c, text in enumerate(["町内", COLUMN_LABELS["watched"], COLUMN_LABELS["not_watched"]], start=1):
        write_text(ws.cell(row=1, column=c), text)
        ws.cell(row=1, column=c).font = _BOLD
    for r, row in enumerate(ov.towns, start=2):
        write_text(ws.cell(row=r, column=1), row.town_name)
        ws.cell(row=r, column=2, value=row.watched)
        ws.cell(row=r, column=3, value=row.not_watched)
    if not ov.towns:
        return
    last = len(ov.towns) + 1
    chart = BarChart()
    chart.type = "bar"  # horizontal: long town names stay readable
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "気がかりな人の見守り状況"
    chart.y_axis.title = "人数"
    chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    watched, gap = chart.series
    watched.graphicalProperties.solidFill = "1F77B4"
    gap.graphicalProperties.solidFill = "D62728"
    chart.height = max(7.5, 1.0 * len(ov.towns) + 3)
    chart.width = 18
    ws.add_chart(chart, "E2")
    # Printed, the chart is one piece: an A4 landscape page with the town list beside it, never cut in two.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
