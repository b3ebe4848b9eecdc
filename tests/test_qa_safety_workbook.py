"""The safety check's Excel files as a volunteer and the city open them: the checklist's lists refuse a typo in
Excel itself, and the log's counts sheet says what it counts and as of when."""

from __future__ import annotations

from openpyxl import load_workbook

from app.safety.views import METHOD_LABELS, STATUS_LABELS
from app.safety.workbook import COL, FIRST_ROW, SHEET, write_checklist_xlsx
from tests.test_safety import incident, world  # noqa: F401 - fixtures


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
