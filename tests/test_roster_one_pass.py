"""Roster import reads its sheet once (issue 17): a sheet that declares no size (as openpyxl's write-only mode and
other tools write them) is not read through a first time just to find its size; what the sheet holds is read
whatever size it declares, and formulas and bad cells are refused as before."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.core.errors import LedgerError
from app.watch.roster.reading import read_rows

HEADER = ["氏名", "フリガナ", "住所", "電話番号", "生年月日"]
ROWS = [[f"山田　ハル{i}", "ヤマダ ハル", f"余川町{i}", "0778-22-0001", "昭和15年3月2日"] for i in range(1, 6)]


def write_only(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名簿")
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def sheet_opens(monkeypatch) -> list[str]:  # noqa: ANN001
    """The worksheet parts opened from the package from now on."""
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def counting(self, name, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if str(getattr(name, "filename", name)).startswith("xl/worksheets/"):
            opened.append(str(getattr(name, "filename", name)))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", counting)
    return opened


@pytest.mark.timeout(60)
def test_a_sheet_without_a_declared_size_is_read_once(tmp_path, monkeypatch):
    # GIVEN a roster written in openpyxl's write-only mode: its sheet declares no size
    path = write_only(tmp_path / "roster.xlsx", [HEADER, *ROWS])
    with zipfile.ZipFile(path) as package:
        assert b"<dimension" not in package.read("xl/worksheets/sheet1.xml")
    opened = sheet_opens(monkeypatch)
    # WHEN it is read
    _columns, records = read_rows(path)
    # THEN every row is there, and the sheet was read through once
    assert [r.name for r in records] == [r[0] for r in ROWS]
    assert opened == ["xl/worksheets/sheet1.xml"]


@pytest.mark.timeout(60)
def test_rows_beyond_the_declared_size_are_read_and_a_formula_among_them_refused(tmp_path):
    # GIVEN a sheet declaring A1:B2 that holds six rows, its last one with a formula
    path = tmp_path / "roster.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    for r in [HEADER, *ROWS]:
        ws.append(r)
    wb.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    start = sheet.index(b'<dimension ref="')
    end = sheet.index(b'"', start + len(b'<dimension ref="'))
    parts["xl/worksheets/sheet1.xml"] = sheet[:start] + b'<dimension ref="A1:B2' + sheet[end:]
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert load_workbook(path, read_only=True).worksheets[0].max_row == 2
    # WHEN it is read THEN every row is there
    _columns, records = read_rows(path)
    assert [(r.row, r.name) for r in records] == [(i + 2, r[0]) for i, r in enumerate(ROWS)]
    # AND a formula in a written-only sheet is refused naming its cell
    bad = write_only(tmp_path / "bad.xlsx", [HEADER, *ROWS, ["=HYPERLINK(\"x\")", "", "余川町9", "", ""]])
    with pytest.raises(LedgerError) as caught:
        read_rows(bad)
    assert caught.value.params["cell"] == "A7"
