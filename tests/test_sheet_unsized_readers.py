"""The agency list and watch-network form readers read every sheet through ``sheet_rows`` (which ignores the size a
sheet declares), so they open the workbook without openpyxl's size probe (a pass over each sheet that declares no
size); a bad cell is still named by its sheet, row and cell."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from app.core.errors import LedgerError
from app.emergency.agency_files import read_agencies
from tests.test_watch_form import demo_town, edited_form, preview  # noqa: F401


@pytest.fixture
def probes(monkeypatch):
    """How many times openpyxl measured a sheet's size."""
    calls: list[str] = []
    real = ReadOnlyWorksheet._get_size

    def counted(self):  # noqa: ANN001, ANN202
        calls.append(self.title)
        return real(self)

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_size", counted)
    return calls


def test_an_agency_list_is_read_without_sizing_its_sheet_and_a_bad_row_is_named(ledger, tmp_path, probes):
    # GIVEN an agency list written as openpyxl's write-only mode writes it (no declared size), its third row bad
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("一覧")
    ws.append(["名称", "種別", "電話番号", "住所"])
    ws.append(["ひなた内科", "診療所", "0778-22-1234", "越前市府中1-1"])
    ws.append(["", "病院", "0778-22-9999", "越前市府中2-2"])
    wb.save(tmp_path / "list.xlsx")
    # WHEN it is read
    with ledger.Session.begin() as s:
        found = read_agencies(s, tmp_path / "list.xlsx")
    # THEN both rows are read, the bad one named by file, row and column, and no sheet was sized
    assert found.rows[0].fields.name == "ひなた内科"
    assert [(p.file, p.row, p.column) for p in found.errors] == [("list.xlsx", 3, "名称")]
    assert probes == []


def test_a_watch_form_is_read_without_sizing_its_sheets_and_a_bad_cell_is_named(demo_ledger, demo_town, tmp_path,  # noqa: F811
                                                                                probes):
    # GIVEN an exported form with a formula typed into a cell
    path = edited_form(demo_ledger, demo_town.id, tmp_path, lambda wb: wb.worksheets[0].__setitem__("B5", "=A1"))
    # WHEN it is read
    with pytest.raises(LedgerError) as err:
        preview(demo_ledger, path)
    # THEN the error names the sheet, row and cell, and no sheet was sized
    assert all(part in str(err.value) for part in ("ひだまり町", "B5", "row 5")), str(err.value)
    assert probes == []
