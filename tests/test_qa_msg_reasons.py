"""A message that gives another one's reason (「Sheet …, cell …: {reason}」, 「first: {problem}」) says it in the
window's language, naming the place once; the command line keeps English throughout."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from app.core.errors import LedgerError
from app.emergency import agency_files
from app.safety import incidents
from app.safety.workbook import COL, FIRST_ROW, SHEET, preview_checklist_xlsx, write_checklist_xlsx
from app.ui.dialogs import error_text
from app.watch.watch_form import read_form
from tests.test_basemap_errors import japanese  # noqa: F401 - fixture
from tests.test_safety import incident, make_world, world  # noqa: F401 - fixtures


def test_a_check_refused_by_a_closed_incident_is_said_in_japanese(japanese, ledger, world, incident, tmp_path):
    # GIVEN a checklist filled in, and the incident closed before it is read back
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    wb = load_workbook(path)
    wb[SHEET].cell(FIRST_ROW, COL["状況（入力）"], "無事（自宅）")
    wb.save(path)
    with ledger.Session.begin() as s:
        incidents.close_incident(s, incident.id)
    # WHEN it is read
    with ledger.Session() as s:
        preview = preview_checklist_xlsx(s, incident.id, path)
    # THEN the row's refusal is in Japanese, the sheet and row said once
    assert [error_text(e) for e in preview.errors] == [
        f"シート「{SHEET}」{FIRST_ROW}行目：災害「7月豪雨」の対応は終了しています。確認を追加できません。"]
    # AND the command line's English names the row once, with no English program word inside
    assert str(preview.errors[0]).endswith(
        f"Sheet {SHEET}, row {FIRST_ROW}: The incident 7月豪雨 is closed: no check can be added.")


def test_a_form_of_a_town_not_in_the_ledger_says_so_in_japanese(japanese, ledger, town, tmp_path):
    # GIVEN a form typed by hand for 東町, a town this ledger does not have
    wb = Workbook()
    ws = wb.active
    ws.title = "東町"
    ws.append(["町名", "東町"])
    ws.append(["", "", "氏名", "関わり方"])
    ws.append(["氏名", "山田　ハル", "川村　一郎", "声かけ"])
    wb.save(tmp_path / "form.xlsx")
    # WHEN it is read
    with pytest.raises(LedgerError) as raised, ledger.Session() as s:
        read_form(s, tmp_path / "form.xlsx")
    # THEN the cell is named once and why is in Japanese, without the program's word 「town:」
    assert error_text(raised.value) == "シート「東町」1行目、セルB1：この台帳に「東町」という町内はありません。"
    assert str(raised.value) == "Sheet 東町, row 1, cell B1: No town called 東町 in this ledger."


def test_an_agency_list_refused_names_its_file_once_and_the_first_problem_in_japanese(japanese, ledger, tmp_path):
    # GIVEN an agency list with a row without a name
    path = tmp_path / "包括.csv"
    path.write_text("センター名,所在地1,電話番号\nほやねっと明倫,福井市木田1丁目3308,0776-33-5777\n"
                    ",福井市明里町9-20,0776-33-6800\n", encoding="utf-8")
    with ledger.Session.begin() as s:
        preview = agency_files.read_agencies(s, path, kind="community_support_centre")
        # WHEN it is imported
        with pytest.raises(LedgerError) as raised:
            agency_files.apply_agencies(s, preview)
    # THEN the file is named once, the first problem (row and column) in Japanese
    text = error_text(raised.value)
    assert text.count("包括.csv") == 1
    assert text.startswith("包括.csv: 1行を取り込めません。最初の問題：")
    assert "名称がありません。" in text and "3" in text and "センター名" in text and "No name" not in text
    assert str(raised.value) == "包括.csv: 1 rows cannot be imported; first: row 3, column センター名: No name."
