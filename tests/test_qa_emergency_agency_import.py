"""An agency list with rows the directory cannot hold: the preview names each one by row and column."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from app.core.errors import LedgerError
from app.emergency import cards as emergency
from app.emergency.agency_files import apply_agencies, read_agencies
from tests.conftest import run_app

LONG_NAME = "ひだまり" * 60  # 240 characters: the directory holds 200
LONG_PHONE = "0778-00-5555 内線1234 夜間は0778-00-6666 休日は救急当番医（市の広報で確認）"


def write_list(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "種別", "電話番号", "所在地"])
    ws.append(["ひなた内科", "診療所", "0778-22-1234", "越前市府中1-1"])
    ws.append([LONG_NAME, "病院", "0778-22-9999", "越前市府中2-2"])
    ws.append(["あおぞら病院", "病院", LONG_PHONE, "越前市府中3-3"])
    wb.save(path)
    return path


def test_a_value_too_long_for_the_directory_is_named_by_row_and_column_in_the_preview(ledger, tmp_path):
    path = write_list(tmp_path / "list.xlsx")
    with ledger.Session.begin() as s:
        preview = read_agencies(s, path)
        assert [(p.row, p.column) for p in preview.errors] == [(3, "名称"), (4, "電話番号")]
        assert "240" in preview.errors[0].message() and "200" in preview.errors[0].message()
        assert [r.fields.name for r in preview.rows] == ["ひなた内科"]  # the preview counts only what can be added
        with pytest.raises(LedgerError) as err:
            apply_agencies(s, preview)
    assert "row 3" in str(err.value) and "名称" in str(err.value)
    with ledger.Session.begin() as s:
        assert emergency.list_agencies(s) == []  # all or nothing


def test_the_dry_run_lists_the_rows_the_import_will_refuse(ledger, tmp_path):
    path = write_list(tmp_path / "list.xlsx")
    data_dir = ledger.path.parent  # the test's ledger (its passphrase is in the environment)
    dry = run_app("--data-dir", str(data_dir), "import-agencies", str(path), "--dry-run")
    assert "row 3, column 名称" in dry.stdout and "row 4, column 電話番号" in dry.stdout, dry.stdout + dry.stderr
    real = run_app("--data-dir", str(data_dir), "import-agencies", str(path))
    assert real.returncode != 0 and "row 3, column 名称" in real.stderr  # not just "name: Too long"
