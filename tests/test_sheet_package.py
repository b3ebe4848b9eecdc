"""The file ``save_workbook`` writes (app/core/sheet_rows.py): openpyxl's own package, each part packed once straight
into the file, the rows put into their worksheet whether they stayed in memory (a small sheet) or went to the
temporary file on the way (a big one)."""

from __future__ import annotations

import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, NamedStyle

from app.core import sheet_rows
from app.core.sheet_rows import SheetRows, save_workbook
from app.core.sheets import SharedStyles


def _workbook(rows: int, width: int = 3) -> tuple[Workbook, SheetRows]:
    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, {"本文": NamedStyle(font=Font(name="BIZ UDゴシック", size=10.5))})
    ws = wb.create_sheet("名簿")
    ws.column_dimensions["A"].width = 12
    ws.oddFooter.center.text = "&P / &N"
    written = SheetRows(ws, styles)
    for r in range(rows):
        written.append([f"=行{r}" if c == 0 else f"{r}-{c}" for c in range(width)], ["本文"] * width)
    return wb, written


def _parts(path) -> list[tuple[str, int]]:  # noqa: ANN001
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        return [(i.filename, i.compress_type) for i in z.infolist()]


def test_a_saved_sheet_is_openpyxls_package_with_the_rows_and_every_other_part_as_openpyxl_writes_it(tmp_path):
    """GIVEN two write-only workbooks with the same rows written through SheetRows
    WHEN the first is saved with save_workbook and the second with openpyxl's own save (which leaves the rows out)
    THEN both files hold the same parts in the same order, each once and deflated; every part but the sheet and
    the document's times is the same byte for byte, and the sheet reads back with its rows, text kept as text."""
    ours, written = _workbook(5)
    save_workbook(ours, tmp_path / "ours.xlsx", [written])
    twin, _ = _workbook(5)
    twin.save(tmp_path / "bare.xlsx")

    assert _parts(tmp_path / "ours.xlsx") == _parts(tmp_path / "bare.xlsx")
    assert {kind for _, kind in _parts(tmp_path / "ours.xlsx")} == {zipfile.ZIP_DEFLATED}
    with zipfile.ZipFile(tmp_path / "ours.xlsx") as a, zipfile.ZipFile(tmp_path / "bare.xlsx") as b:
        differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert set(differ) <= {"docProps/core.xml", "xl/worksheets/sheet1.xml"} and "xl/worksheets/sheet1.xml" in differ
    ws = load_workbook(tmp_path / "ours.xlsx").active
    assert [[c.value for c in row] for row in ws.iter_rows()] == [[f"=行{r}", f"{r}-1", f"{r}-2"] for r in range(5)]
    assert ws["A1"].data_type == "s" and ws["A1"].quotePrefix  # never a formula
    assert ws.column_dimensions["A"].width == 12 and ws.oddFooter.center.text == "&P / &N"


def test_rows_held_in_memory_and_rows_gone_to_the_temporary_file_both_land_in_the_sheet_in_order(tmp_path, monkeypatch):
    """GIVEN a sheet small enough that its rows never leave memory, and one whose rows went to the temporary file
    in several batches with some still held at the end
    WHEN each is saved
    THEN every row reads back in its place, and only the big sheet made a temporary file."""
    monkeypatch.setattr(sheet_rows, "_FLUSH_ROWS", 4)
    small, small_rows = _workbook(3)
    big, big_rows = _workbook(10)
    assert small_rows._file is None and big_rows._file is not None

    save_workbook(small, tmp_path / "small.xlsx", [small_rows])
    save_workbook(big, tmp_path / "big.xlsx", [big_rows])

    for path, rows in (("small.xlsx", 3), ("big.xlsx", 10)):
        ws = load_workbook(tmp_path / path).active
        assert [row[1].value for row in ws.iter_rows()] == [f"{r}-1" for r in range(rows)]
