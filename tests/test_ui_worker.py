"""Long imports run off the UI thread; Cancel leaves the ledger exactly as it was."""

from __future__ import annotations

import openpyxl
from sqlalchemy import func, select

from app.models import Person
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def big_roster(path, rows: int = 3000):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("名簿")
    ws.append(["氏名", "フリガナ", "住所", "電話", "生年月日"])
    for i in range(rows):
        ws.append([f"試験　太郎{i}", f"しけん　たろう{i}", f"ひだまり町9丁目{i}-1", "0778-00-1234", "昭和20年1月1日"])
    wb.save(path)
    return path


def person_count(window) -> int:
    with window.ledger.Session() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_cancelling_a_long_roster_import_changes_nothing(qtbot, window, tmp_path):
    path = big_roster(tmp_path / "roster.xlsx")
    before = person_count(window)
    window.imports.progress_hook = lambda dialog, cancel: cancel.set()  # the user presses Cancel at once
    assert window.imports.import_roster(path, confirm=lambda p: True) is False
    assert person_count(window) == before
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_long_roster_import_completes_in_the_background(qtbot, window, tmp_path):
    path = big_roster(tmp_path / "roster.xlsx", rows=500)
    before = person_count(window)
    assert window.imports.import_roster(path, confirm=lambda p: True) is True
    assert person_count(window) == before + 500
