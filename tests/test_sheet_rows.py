"""Rows written as XML text (app/core/sheet_rows.py) read back exactly as openpyxl's own write-only cells."""

from __future__ import annotations

import tracemalloc
import uuid

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.pagebreak import Break

from app.core.sheet_rows import SheetRows, save_workbook
from app.core.sheets import SharedStyles
from app.core.views import PersonView
from app.models.watch import WatcherRole
from app.privacy.masking import Audience
from app.privacy.sharing import NORMAL
from app.watch.views import ConcernView, WatcherView, WatchLinkView

# Text a user may type: formula-like, control characters XML cannot carry, markup, spaces at either end,
# line breaks of every kind, characters outside the BMP, and empty cells with and without a style.
HOSTILE = ["=SUM(A1:A2)", " +81", "-1", "@cmd", "\tx", "\rx", "a\r\nb\rc\nd", "x\x01y\x1fz", "a & <b> > c; &amp;",
           "  lead", "trail  ", "   ", "絵文字😀𠮷", "普通の文字", "", None, "1", "TRUE", "<!--x-->", "]]>"]


def _styles() -> dict[str, NamedStyle]:
    thin = Side(style="thin", color="000000")
    return {"枠": NamedStyle(font=Font(name="BIZ UDゴシック", size=10.5), border=Border(left=thin, bottom=thin),
                            alignment=Alignment(vertical="top", wrap_text=True)),
            "見出し": NamedStyle(font=Font(name="BIZ UDゴシック", size=11, bold=True),
                              fill=PatternFill("solid", fgColor="E4E4E4"))}


def _cell(c) -> tuple:  # noqa: ANN001 - an openpyxl cell as read back
    sides = tuple(getattr(getattr(c.border, s), "style", None) for s in ("left", "right", "top", "bottom"))
    return (c.value, c.data_type, c.style, c.font.name, c.font.sz, c.font.b, c.fill.fill_type, sides,
            c.alignment.vertical, c.alignment.wrap_text, c.quotePrefix)


def _read(path) -> tuple[list[list[tuple]], dict[int, float | None], list[str], list[int]]:  # noqa: ANN001
    ws = load_workbook(path).active
    cells = [[_cell(c) for c in row] for row in ws.iter_rows()]
    return (cells, {r: d.ht for r, d in ws.row_dimensions.items() if d.ht}, sorted(map(str, ws.merged_cells.ranges)),
            [b.id for b in ws.row_breaks.brk])


def test_rows_written_as_text_read_back_as_openpyxls_own_cells_with_formula_like_text_kept_as_text(tmp_path):
    """GIVEN hostile text in styled and unstyled cells, rows with and without a height
    WHEN one workbook is written through SheetRows and one through openpyxl's write-only cells
    THEN every cell reads back with the same value, type, style and quote prefix, every row with the same height,
    the same merged ranges and page breaks."""
    rows = [(HOSTILE[i:i + 5], ["枠", "見出し", None, "枠", None], 45 if i % 2 else None)
            for i in range(0, len(HOSTILE), 5)]
    rows.append(([None, "", "x"], ["見出し", None, None], 20))
    rows.append(([7, 150000, 0, "8"], ["枠", None, "見出し", "枠"], None))  # map numbers: numbers, beside text "8"

    oracle = Workbook(write_only=True)
    styles = SharedStyles(oracle, _styles())
    ws = oracle.create_sheet("表")
    for r, (values, names, height) in enumerate(rows, start=1):
        if height:
            ws.row_dimensions[r].height = height
        ws.append([styles.cell(ws, v, n) if (v not in (None, "") or n) else None
                   for v, n in zip(values, names, strict=True)])
    ws.merged_cells = MultiCellRange([CellRange("A5:B5"), CellRange("F1:F3")])
    ws.row_breaks.brk = [Break(id=2), Break(id=4)]
    oracle.save(tmp_path / "oracle.xlsx")

    ours = Workbook(write_only=True)
    styles = SharedStyles(ours, _styles())
    ws = ours.create_sheet("表")
    written = SheetRows(ws, styles)
    for values, names, height in rows:
        written.append(values, names, height)
    written.merge(5, 1, 5, 2)
    written.merge(1, 6, 3, 6)
    written.page_break(2)
    written.page_break(4)
    save_workbook(ours, tmp_path / "ours.xlsx", [written])

    expected, expected_heights, expected_merges, expected_breaks = _read(tmp_path / "oracle.xlsx")
    got, heights, merges, breaks = _read(tmp_path / "ours.xlsx")
    assert got == expected
    assert heights == expected_heights == {2: 45, 4: 45, 5: 20}
    assert merges == expected_merges == ["A5:B5", "F1:F3"] and breaks == expected_breaks == [2, 4]
    assert got[0][0][0] == "=SUM(A1:A2)" and got[0][0][1] == "s" and got[0][0][-1] is True  # text, never a formula
    assert got[1][1][0] == "a\nb\nc\nd" and got[1][2][0] == "xyz"
    assert [c[:2] for c in got[5][:4]] == [(7, "n"), (150000, "n"), (0, "n"), ("8", "s")]  # numbers stay numbers


@pytest.mark.parametrize("value", [True, 1.5, 3.0])
def test_only_text_and_whole_numbers_go_into_rows(value, tmp_path):
    """A yes/no or a fraction is refused, not written as a number nobody asked for (True would be 1)."""
    wb = Workbook(write_only=True)
    rows = SheetRows(wb.create_sheet("表"), SharedStyles(wb, _styles()))
    with pytest.raises(TypeError, match="whole numbers"):
        rows.append([value], ["枠"])


def test_a_workbook_saved_with_rows_of_another_sheet_or_rows_appended_by_openpyxl_is_refused(tmp_path):
    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, _styles())
    ws = wb.create_sheet("表")
    ws.append(["appended by openpyxl"])
    rows = SheetRows(ws, styles)
    rows.append(["x"], ["枠"])
    with pytest.raises(ValueError, match="appended"):
        save_workbook(wb, tmp_path / "x.xlsx", [rows])


def _concerns(n: int):  # noqa: ANN202 - ConcernViews made one at a time, as a city's are read
    town = uuid.uuid4()
    for i in range(n):
        pid = uuid.uuid4()
        person = PersonView(pid, uuid.uuid4(), f"見守 太郎{i}", "みまもり", None, f"0778-{i:06d}", True,
                            f"ひとり暮らし {i}")
        links = tuple(WatchLinkView(uuid.uuid4(), pid, WatcherView(uuid.uuid4(), town, f"近所 花子{i}-{k}", "", "", "",
                                                                     WatcherRole.NEIGHBOUR, None),
                                    f"声かけ {k}", None, None, "") for k in range(2))
        yield ConcernView(person, uuid.uuid4(), i + 1, f"見守{i}", f"越前市府中{i}丁目", links)


def test_watch_form_streams_its_blocks_memory_grows_only_by_the_merged_ranges(tmp_path):
    """Rows go to the file as they are made; what stays until the file is saved are the two merged ranges of each
    block and a page break every four (openpyxl writes them after the rows); a block's 30 cells kept would cost
    several kB."""
    from app.watch.watch_form_write import write_form

    peaks = {}
    for n in (200, 1600):
        tracemalloc.start()
        write_form(tmp_path / f"{n}.xlsx", town_id=uuid.uuid4(), town_name="ひだまり町", district="北新庄地区",
                   concerns=_concerns(n), hidden=set(), rule="表示ルール", serial="2026-0001",
                   audience=Audience.STAFF, sharing=NORMAL)
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    per_person = (peaks[1600] - peaks[200]) / 1400
    assert per_person < 2000, peaks  # about 1.2 kB here
    ws = load_workbook(tmp_path / "1600.xlsx", read_only=True).worksheets[0]
    names = [row[1] for row in ws.iter_rows(min_row=5, max_col=2, values_only=True) if row[0] == "氏名"]
    assert names[0] == "見守 太郎0" and names[1599] == "見守 太郎1599" and len(names) == 1600
