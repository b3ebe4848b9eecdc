"""What a volunteer reads when a file is bad: the place named once, in Japanese in the Japanese UI."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.core.errors import LedgerError
from app.models.safety import SafetyEvent
from app.safety.workbook import COL, FIRST_ROW, SHEET, preview_checklist_xlsx, write_checklist_xlsx
from app.ui.dialogs import error_text
from app.ui.incident_dialog import ChecklistPreviewDialog
from app.watch.roster import read_roster
from tests.test_basemap_errors import japanese  # noqa: F401 - fixture
from tests.test_roster import xlsx
from tests.test_safety import incident, make_world, world  # noqa: F401 - fixtures


def test_a_bad_status_in_the_checklist_names_its_cell_once_in_japanese(
        japanese, qtbot, ledger, world, incident, tmp_path):
    # GIVEN a typed checklist whose second row's status is not one of the statuses
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    wb = load_workbook(path)
    wb[SHEET].cell(FIRST_ROW + 1, COL["状況（入力）"], "たぶん無事")
    wb.save(path)
    # WHEN it is read back
    with ledger.Session() as s:
        preview = preview_checklist_xlsx(s, incident.id, path)
    dialog = ChecklistPreviewDialog(preview, incident.name, None)
    qtbot.addWidget(dialog)
    row = FIRST_ROW + 1
    # THEN the preview says the sheet, row and cell once, in Japanese, with no English 「安否確認!G9: 」 before it
    assert dialog.messages == [f"シート「{SHEET}」{row}行目、状況（入力）の列（G{row}）：「たぶん無事」は状況ではありません。"
                               "未確認、無事（自宅）、避難済み、要支援・要救助、入院・施設、連絡不能 のどれかを入力してください。"]
    assert dialog.errors.toPlainText().count(SHEET) == 1
    with ledger.Session() as s:
        assert s.scalars(select(SafetyEvent)).all() == []  # and nothing was recorded


def test_a_bad_birth_date_in_a_roster_names_its_cell_once(japanese, ledger, town, tmp_path):
    # GIVEN a roster whose second person's birth date is not a date
    path = xlsx(tmp_path / "r.xlsx", [["氏名", "住所", "生年月日"], ["山田　ハル", "余川町1", "昭和15年3月2日"],
                                      ["田中　トメ", "余川町5", "そのうち"]])
    # WHEN it is read
    with pytest.raises(LedgerError) as raised, ledger.Session() as s:
        read_roster(s, path, town.id)
    # THEN the message (in the window, and on the command line) names 名簿 row 3, cell C3 once
    assert error_text(raised.value) == ("シート「名簿」3行目、セルC3：「そのうち」は日付ではありません"
                                        "（例：昭和15年3月2日、1940/3/2）。")
    assert str(raised.value) == ("Sheet 名簿, row 3, cell C3: 「そのうち」 is not a date "
                                 "(e.g. 昭和15年3月2日 or 1940/3/2).")


def test_a_sheet_level_error_does_not_repeat_its_sheet_but_keeps_a_file_name(japanese):
    # GIVEN errors whose template names the sheet, one placed at that sheet's row, one in a file
    at_row = LedgerError("Sheet {sheet}, row {row}: {reason}", where=f"{SHEET}!9", sheet=SHEET, row=9, reason="x")
    in_file = LedgerError("Sheet {sheet} has more than {limit} rows. Delete what lies below the list (even "
                          "empty-looking rows) and import again.", where="名簿.xlsx", sheet="名簿", limit=10)
    # THEN the sheet is said once, and the file name stays
    assert not error_text(at_row).startswith(f"{SHEET}!")
    assert error_text(at_row).count(SHEET) == 1
    assert error_text(in_file).startswith("名簿.xlsx")



def test_a_field_is_named_by_its_label_in_japanese_not_by_the_programs_word(japanese, ledger):
    from app.core import validators as check
    from app.safety import incidents

    # GIVEN a new incident with no name, and a phone number too long (the services name their fields)
    with pytest.raises(LedgerError) as unnamed, ledger.Session() as s:
        incidents.start_incident(s, "  ", [], kind="flood")
    with pytest.raises(LedgerError) as long_phone:
        check.optional_text("0" * 60, 50, "phone")
    # THEN the window's message names them as the window does, in Japanese, never 「name:」 or 「phone:」
    assert error_text(unnamed.value).startswith("名前：") and "name" not in error_text(unnamed.value)
    assert error_text(long_phone.value).startswith("電話：") and "phone" not in error_text(long_phone.value)


def test_a_second_open_incident_is_refused_naming_the_towns_field_in_japanese(japanese, ledger):
    from app.safety import incidents
    from app.towns import towns

    # GIVEN an incident still open in a town
    with ledger.Session.begin() as s:
        town = towns.add_town(s, "さくら地区", "ひだまり町")
        incidents.start_incident(s, "大雨", [town.id], kind="flood")
    # WHEN another is started there  THEN the message is Japanese from its first word: 「町内：…」, not 「towns: …」
    with pytest.raises(LedgerError) as second, ledger.Session() as s:
        incidents.start_incident(s, "地震", [town.id], kind="earthquake")
    text = error_text(second.value)
    assert text.startswith("町内：") and "towns" not in text and "大雨" in text


def test_every_field_a_service_names_in_an_error_has_a_label():
    import re
    from pathlib import Path

    import app
    from app.ui.dialogs import FIELD_LABELS

    # Each ``where="…"`` a service writes is shown by the windows through FIELD_LABELS: one missing is shown as the
    # program's own English word before a Japanese message.
    root = Path(app.__file__).parent
    named = {m for path in root.rglob("*.py") for m in re.findall(r'\bwhere="([a-z_]+)"', path.read_text("utf-8"))}
    assert named and not named - FIELD_LABELS.keys(), sorted(named - FIELD_LABELS.keys())
