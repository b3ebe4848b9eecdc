"""The safety check's Excel files as a volunteer and the city open them: the checklist's lists refuse a typo in
Excel itself, and the log's counts sheet says what it counts and as of when."""

from __future__ import annotations

from datetime import datetime, timedelta

from openpyxl import load_workbook

from app.models.safety import SafetyStatus
from app.safety import incidents
from app.safety.views import METHOD_LABELS, STATUS_LABELS, EventFields
from app.safety.workbook import COL, COUNTS_SHEET, FIRST_ROW, SHEET, export_log, write_checklist_xlsx
from tests.test_safety import T0, incident, world  # noqa: F401 - fixtures


def _validation_of(ws, cell: str):
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, cell
    return found[0]


def test_the_checklists_status_and_method_lists_stop_a_typo_with_a_message_in_japanese(ledger, world, incident,
                                                                                       tmp_path):
    # GIVEN the checklist of 7月豪雨 (5 persons: rows 4–8)
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    ws = load_workbook(path)[SHEET]
    last = ws.max_row
    assert last == FIRST_ROW + 4
    # WHEN a volunteer types into 状況（入力） or 方法 something not in the list
    status = _validation_of(ws, f"G{FIRST_ROW}")
    method = _validation_of(ws, f"K{last}")
    # THEN Excel stops it (not just a list to pick from) and says in Japanese what to choose instead
    for dv, labels in ((status, STATUS_LABELS), (method, METHOD_LABELS)):
        assert dv.type == "list" and dv.showErrorMessage and dv.errorStyle == "stop"
        assert dv.error.startswith("一覧から選んでください") and all(label in dv.error for label in labels.values())
        assert dv.errorTitle
    assert "避難所名" in status.error  # where the shelter goes now that 「避難済み（…）」 cannot be typed
    # AND every row to type into is covered, the columns are the ones typed into
    assert f"G{last}" in status.sqref and f"K{FIRST_ROW}" in method.sqref
    assert ws.cell(3, COL["状況（入力）"]).value == "状況（入力）" and ws.cell(3, COL["方法"]).value == "方法"


def _local(t: datetime) -> str:
    return t.astimezone().strftime("%Y/%m/%d %H:%M")


def test_the_logs_counts_sheet_names_the_incident_and_the_time_its_counts_are_true(ledger, world, incident,
                                                                                  tmp_path):
    # GIVEN a check recorded in 7月豪雨 (started at T0)
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["鈴木"], EventFields(SafetyStatus.SAFE_HOME, "森"))
        # WHEN the log is written for the city five hours after the start
        export_log(s, incident.id, tmp_path / "open.xlsx", audience="staff", at=T0 + timedelta(hours=5))
    ws = load_workbook(tmp_path / "open.xlsx")[COUNTS_SHEET]
    # THEN the counts page says whose counts they are and as of when, above the table's header
    assert ws["A1"].value == "地区別集計　7月豪雨" and ws["A1"].font.b
    assert ws["A2"].value == f"{_local(T0 + timedelta(hours=5))} 現在（発生 {_local(T0)}）"
    assert ws["A3"].value == "地区" and ws.print_title_rows.replace("$", "") == "3:3"  # the header on every printed page
    assert [r[0] for r in ws.iter_rows(min_row=4, values_only=True)][-1] == "合計"
    # WHEN it is written again days after the incident was closed
    with ledger.Session.begin() as s:
        incidents.close_incident(s, incident.id, at=T0 + timedelta(days=2))
        export_log(s, incident.id, tmp_path / "closed.xlsx", audience="staff", at=T0 + timedelta(days=10))
    # THEN its counts are as of the close (nothing could change after it), not of the day it was written
    ws = load_workbook(tmp_path / "closed.xlsx")[COUNTS_SHEET]
    assert ws["A2"].value == f"{_local(T0 + timedelta(days=2))} 終了時点（発生 {_local(T0)}）"
