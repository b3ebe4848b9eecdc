"""The overview (集計) as an Excel workbook: a table per town with district subtotals and a total,
and a bar chart of watched / not watched persons of concern per town that people read at a glance."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.japanese import format_date
from app.core.sheets import active_sheet, column_points, print_scale, text_width, write_text
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


COLUMN_WIDTH = 11  # a count's column: six full-width characters of a heading a line (bold, as LibreOffice prints)
_OPENING = "（(「"


def heading_lines(text: str, width: float = COLUMN_WIDTH) -> str:
    """A column heading as it is printed: on one line when it fits the column, else on two lines broken where a
    reader would (before a bracket, between kana and kanji: 「見直し済み / （12か月以内）」, 「一人暮らし / 高齢者」),
    never inside a bracket nor at one character. Excel and LibreOffice would break Japanese anywhere
    (「見直し済み（12か月以内」 / 「）」)."""
    if "\n" in text or text_width(text) <= width + 1:
        return text

    def kind(ch: str) -> str:
        name = unicodedata.name(ch, "")
        return "kana" if "HIRAGANA" in name else "kata" if "KATAKANA" in name else "cjk" if "CJK" in name else "other"

    candidates = []
    depth = 0
    for i in range(1, len(text)):
        depth += (text[i - 1] in _OPENING) - (text[i - 1] in "）)」")
        if depth > 0 or i < 2 or len(text) - i < 2:
            continue
        before, after = kind(text[i - 1]), kind(text[i])
        if text[i] in _OPENING:
            rank = 0
        elif before != after and after in ("cjk", "kata") and before in ("kana", "cjk", "kata"):
            rank = 1  # a word starts: 気がかりな|世帯, 緊急連絡|カード作成
        elif text.endswith("世帯") and i == len(text) - 2:
            rank = 1
        else:
            rank = 2  # no word boundary found: the middle, as Japanese may be broken there
        longest = max(text_width(text[:i]), text_width(text[i:]))
        # Where both lines fit the column: the best place to break; where none does: the most even lines.
        candidates.append(((0, rank, longest) if longest <= width + 1 else (1, longest, rank), i))
    if not candidates:
        return text  # too short to break: the column is made wide enough (column_width)
    _score, at = min(candidates)
    return text[:at] + "\n" + text[at:]


def column_width(heading: str, width: float = COLUMN_WIDTH) -> float:
    """The column wide enough for the heading's longest line (never narrower than a count needs)."""
    return max(width, max(text_width(line) for line in heading.split("\n")) + 1.0)


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
        write_text(cell, heading_lines(text) if c > 2 else text)
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
        ws.column_dimensions[get_column_letter(c)].width = column_width(heading_lines(head[c - 1]))
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


CHART_TOWNS = 12  # towns a chart: a chart of more would be shrunk onto its page until nobody can read it
CHART_TITLE = "気がかりな人の見守り状況"
_ROW_PT = 15  # a sheet row's height (points)
_CM = 72 / 2.54  # points a centimetre
_ROW_CM = _ROW_PT / _CM
_CHART_CM = 18  # a chart's width
_DEFAULT_COLUMN = 9.14  # a column's width (Excel characters) where none is set: 8.43 and its padding


def chart_groups(towns: tuple[OverviewRow, ...] | list[OverviewRow], size: int = CHART_TOWNS) -> list[list[int]]:
    """The towns (their indexes) of each chart: whole districts while they fit ``size`` towns, a larger district
    in parts of ``size``. A town's chart stays readable printed; a city's towns take as many pages as they need."""
    groups: list[list[int]] = []
    shared = False  # the last group holds whole districts (a small one may join it)
    districts: dict[object, list[int]] = {}
    for i, row in enumerate(towns):
        districts.setdefault(row.district_id, []).append(i)
    for members in districts.values():
        if len(members) <= size and shared and len(groups[-1]) + len(members) <= size:
            groups[-1] += members  # a small district shares the page of the one before
            continue
        for k in range(0, len(members), size):
            groups.append(members[k:k + size])
        shared = len(members) <= size
    return groups


def _chart_title(towns: tuple[OverviewRow, ...], group: list[int], groups: list[list[int]]) -> str:
    if len(groups) == 1:
        return CHART_TITLE
    names = list(dict.fromkeys(towns[i].district_name for i in group))
    where = "・".join(names) if len(names) <= 3 else f"{names[0]}〜{names[-1]}"
    return f"{CHART_TITLE}（{where}　{groups.index(group) + 1}/{len(groups)}）"


def _chart_sheet(wb: Workbook, ov: Overview) -> None:
    """Town by town: 見守りあり and 見守りなし stacked, so the gap stands out in red; a chart of up to
    ``CHART_TOWNS`` towns a page (a city's are one after the other, each on its own page)."""
    from openpyxl.chart import BarChart, Reference, Series
    from openpyxl.styles import Font
    from openpyxl.worksheet.pagebreak import Break

    _BOLD = Font(bold=True)
    ws = wb.create_sheet(CHART_SHEET)
    groups = chart_groups(ov.towns) if ov.towns else [[]]
    # Every row as tall as the chart's rows are counted (_ROW_CM): LibreOffice's own default is shorter, and a
    # chart then ran over its page break.
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = _ROW_PT, True
    at = 1  # the sheet row of each chart, its towns' numbers beside it
    blocks: list[int] = []  # the rows of each chart's page
    for n, group in enumerate(groups):
        if n:
            ws.row_breaks.append(Break(id=at - 1))  # each chart on a page of its own
        for c, text in enumerate(["町内", COLUMN_LABELS["watched"], COLUMN_LABELS["not_watched"]], start=1):
            write_text(ws.cell(row=at, column=c), text)
            ws.cell(row=at, column=c).font = _BOLD
        for r, i in enumerate(group, start=at + 1):
            row = ov.towns[i]
            write_text(ws.cell(row=r, column=1), row.town_name)
            ws.cell(row=r, column=2, value=row.watched)
            ws.cell(row=r, column=3, value=row.not_watched)
        if not group:
            return  # no town: the headings alone
        first, last = at + 1, at + len(group)
        chart = BarChart()
        chart.type = "bar"  # horizontal: long town names stay readable
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = _chart_title(ov.towns, group, groups)
        chart.y_axis.title = "人数"
        for col in (2, 3):  # 見守りあり, 見守りなし: the columns' headings name the series
            chart.series.append(Series(Reference(ws, min_col=col, min_row=first, max_row=last),
                                       title=str(ws.cell(row=at, column=col).value)))
        chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
        watched, gap = chart.series
        watched.graphicalProperties.solidFill = "1F77B4"
        gap.graphicalProperties.solidFill = "D62728"
        chart.height = max(7.5, 1.0 * len(group) + 3)
        chart.width = _CHART_CM
        ws.add_chart(chart, f"E{at + 1}")
        rows = max(int(chart.height / _ROW_CM) + 2, len(group) + 1) + 2
        blocks.append(rows)
        at += rows
    # Printed, each chart is one piece on an A4 landscape page, never cut in two nor shrunk with the others: at a
    # fixed scale at which the tallest chart's rows fit a page, not fitted to the page (Excel ignores the page
    # breaks under fit-to-page, and cut a city's charts wherever the width-fitted pages ended).
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    width = column_points(4 * _DEFAULT_COLUMN) + _CHART_CM * _CM  # the towns' numbers in A:D, then the chart
    print_scale(ws, width, max(blocks) * _ROW_PT)
