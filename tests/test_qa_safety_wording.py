"""The safety check's English counts read as English: 「1 check」, 「1 row」, 「1 person」, never 「1 checks」."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox

from app.safety.workbook import COL, FIRST_ROW, SHEET, preview_checklist_xlsx, write_checklist_xlsx
from app.ui.incident_dialog import ChecklistPreviewDialog
from tests.test_cli_incidents import data_dir, run  # noqa: F401 - fixture
from tests.test_safety import incident, world  # noqa: F401 - fixtures


def test_the_read_back_preview_says_1_check_and_1_row(qtbot, ledger, world, incident, tmp_path):
    # GIVEN 東町's checklist (one person) left empty, and the whole checklist (5 persons) with one check typed
    with ledger.Session.begin() as s:
        one = write_checklist_xlsx(s, incident.id, tmp_path / "east.xlsx", town_id=world.other_town_id,
                                   audience="staff")
        every = write_checklist_xlsx(s, incident.id, tmp_path / "all.xlsx", audience="staff")
    wb = load_workbook(every)
    wb[SHEET].cell(FIRST_ROW, COL["状況（入力）"], "無事（自宅）")
    wb.save(every)
    # WHEN each is read back into the preview
    with ledger.Session() as s:
        empty, typed = preview_checklist_xlsx(s, incident.id, one), preview_checklist_xlsx(s, incident.id, every)
    dialogs = [ChecklistPreviewDialog(p, "7月豪雨") for p in (empty, typed)]
    for d in dialogs:
        qtbot.addWidget(d)
    # THEN the counts are said in the singular where they are one
    assert dialogs[0].summary.text() == "east.xlsx: 0 checks to record in 7月豪雨, 1 row left empty."
    assert dialogs[1].summary.text() == "all.xlsx: 1 check to record in 7月豪雨, 4 rows left empty."
    ok = dialogs[1].buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Record 1 check" and ok.isEnabled()


def test_the_command_line_says_1_person_and_1_check(capsys, data_dir, tmp_path):
    # GIVEN an incident in 東町, where one person needs support
    code, out, err = run(capsys, data_dir, "incident", "start", "--town", "東町", "--name", "火災")
    assert code == 0 and out == "started the incident 火災 (other) in 東町: 1 person needing support to check", err
    # WHEN one check is recorded, the log written and the incident closed
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "東町", "--map-number", "1",
                         "--status", "無事（自宅）")
    assert code == 0, err
    code, out, err = run(capsys, data_dir, "incident", "export", "--out", str(tmp_path / "log.xlsx"))
    # THEN each line counts in the singular
    assert code == 0 and out == f"wrote 1 check of 火災 to {tmp_path / 'log.xlsx'}", err
    code, out, err = run(capsys, data_dir, "incident", "close")
    assert code == 0 and out == "closed the incident 火災; its 1 check is kept", err
