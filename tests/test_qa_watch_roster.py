"""A roster with a bad cell is refused naming the cell, and nothing is imported: an unknown 世帯区分, a birth
date in the future, a phone that is no number. A local phone without its area code is completed, or kept with a
warning, the preview naming its cell."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import LedgerError
from app.core.sheets import ChangeKind
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.watch.roster import apply_roster, read_roster
from tests.test_roster import state, xlsx

HEADER = ["氏名", "住所", "電話", "生年月日", "世帯区分"]
GOOD = ["山田　ハル", "余川町1", "0778-22-1234", "昭和15年3月2日", "一人暮らし"]
TODAY = date(2030, 4, 1)  # the clock of these tests: a birth date in 2029 is in the past


def _refused(ledger, town, tmp_path, bad_row) -> str:
    """The error met importing a roster whose third row is ``bad_row``; the ledger is checked unchanged."""
    path = xlsx(tmp_path / "r.xlsx", [HEADER, GOOD, bad_row])
    before = state(ledger, town.id)
    with pytest.raises(LedgerError) as raised, ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town.id, today=TODAY))
    assert state(ledger, town.id) == before == []  # not even the good row before it
    return raised.value.message()


def test_an_unknown_household_kind_is_refused_naming_its_cell_and_the_words_read(ledger, town, tmp_path):
    message = _refused(ledger, town, tmp_path, ["田中　トメ", "余川町5", "", "", "高齢"])
    assert "名簿" in message and "row 3" in message and "E3" in message and "「高齢」" in message, message
    for word in ("一人暮らし", "高齢者夫婦", "障がい", "子育て", "外国籍", "気がかり"):
        assert word in message, (word, message)


def test_a_birth_date_in_the_future_is_refused_naming_its_cell(ledger, town, tmp_path):
    message = _refused(ledger, town, tmp_path, ["田中　トメ", "余川町5", "", "2099/1/2", ""])
    assert "名簿" in message and "D3" in message and "2099/1/2" in message and "future" in message, message


def test_a_birth_date_before_the_day_the_import_is_made_is_read(ledger, town, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [HEADER, GOOD, ["田中　トメ", "余川町5", "", "2029/12/31", ""]])
    with ledger.Session.begin() as s:
        preview = read_roster(s, path, town.id, today=TODAY)
    assert [r.birth_date for r in preview.records] == [date(1940, 3, 2), date(2029, 12, 31)]


def test_a_phone_that_is_no_number_is_refused_naming_its_cell(ledger, town, tmp_path):
    message = _refused(ledger, town, tmp_path, ["田中　トメ", "余川町5", "abc", "", ""])
    assert "名簿" in message and "C3" in message and "「abc」" in message, message


def _import(ledger, town, path):
    """Read ``path`` for ``town``, import it, and read it again: (the first preview, the second)."""
    with ledger.Session.begin() as s:
        first = read_roster(s, path, town.id, today=TODAY)
        apply_roster(s, first)
    with ledger.Session.begin() as s:
        return first, read_roster(s, path, town.id, today=TODAY)


def _phones(ledger, town):
    return {p[0]: p[2] for _address, persons, _kinds in state(ledger, town.id) for p in persons}


def test_a_local_number_gets_the_area_code_of_the_towns_numbers_and_the_preview_says_so(ledger, town, tmp_path):
    # GIVEN a town whose ledger holds fixed-line numbers of 0778, one of a neighbouring town's code 0776, and a
    # mobile's (no area code)
    with ledger.Session.begin() as s:
        home = households.add_household(s, town.id, None, HouseholdFields(address="余川町9"))
        for name, phone in [("木村　一", "0778-22-0001"), ("木村　二", "0778-23-0002"), ("木村　三", "090-1234-5678"),
                            ("木村　四", "0776-22-0004")]:
            households.add_person(s, home.id, PersonFields(name, phone=phone))
    # and a roster with a local number for a new person, and the full number of another typed locally
    path = xlsx(tmp_path / "r.xlsx", [HEADER, GOOD, ["田中　トメ", "余川町5", "22-5678", "", ""],
                                      ["木村　一", "余川町9", "22-0001", "", ""]])

    # WHEN it is read and imported, then read again
    first, again = _import(ledger, town, path)

    # THEN the preview says, naming the cell, which number each local one becomes and where the code comes from
    assert [(n.severity, n.sheet, n.row, n.cell) for n in first.notes] == [("notice", "名簿", 3, "C3"),
                                                                           ("notice", "名簿", 4, "C4")]
    line = first.notes[0].line()
    assert "row 3, cell C3" in line and "「22-5678」" in line and "0778-22-5678" in line and "0778" in line, line
    assert "3 of the town's 4 fixed-line numbers" in line, line  # the ledger's three and the roster's 0778-22-1234
    # AND the numbers are stored in their printed national form: the one typed locally is the same number
    assert [(r.label, r.kind) for r in first.rows][2] == ("木村　一", ChangeKind.UNCHANGED)
    assert _phones(ledger, town) == {"山田　ハル": "0778-22-1234", "田中　トメ": "0778-22-5678",
                                     "木村　一": "0778-22-0001", "木村　二": "0778-23-0002", "木村　三": "090-1234-5678",
                                     "木村　四": "0776-22-0004"}
    # AND the same roster again changes nothing
    assert [r.kind for r in again.rows] == [ChangeKind.UNCHANGED] * 3
    assert [(n.cell, n.params["phone"]) for n in again.notes] == [("C3", "0778-22-5678"), ("C4", "0778-22-0001")]


def test_a_local_number_is_kept_as_typed_with_a_warning_when_the_town_has_no_area_code(ledger, town, tmp_path):
    # GIVEN a new town and a roster whose only other number is a mobile's
    path = xlsx(tmp_path / "r.xlsx", [HEADER, ["山田　ハル", "余川町1", "090-1234-5678", "", ""],
                                      ["田中　トメ", "余川町5", "22-1234", "", ""]])
    # WHEN it is imported, and again
    first, again = _import(ledger, town, path)
    # THEN the number is kept as typed, and the preview warns at its cell that the area code is missing
    assert _phones(ledger, town) == {"山田　ハル": "090-1234-5678", "田中　トメ": "22-1234"}
    assert [(n.severity, n.row, n.cell) for n in first.notes] == [("warning", 3, "C3")]
    assert "row 3, cell C3" in first.notes[0].line() and "no area code" in first.notes[0].line()
    assert [r.kind for r in again.rows] == [ChangeKind.UNCHANGED] * 2


def test_a_local_number_that_the_towns_area_code_does_not_make_valid_is_kept_with_a_warning(ledger, town, tmp_path):
    # GIVEN a town of Tokyo numbers (area code 03: a subscriber number there has eight digits)
    path = xlsx(tmp_path / "r.xlsx", [HEADER, ["山田　ハル", "余川町1", "03-1234-5678", "", ""],
                                      ["田中　トメ", "余川町5", "22-1234", "", ""]])
    # WHEN a six-digit local number is imported
    first, again = _import(ledger, town, path)
    # THEN 03-22-1234 is no number: kept as typed, with a warning naming the cell and the code tried
    assert _phones(ledger, town)["田中　トメ"] == "22-1234"
    assert [(n.severity, n.cell) for n in first.notes] == [("warning", "C3")]
    assert "03" in first.notes[0].line() and "no valid" in first.notes[0].line()
    assert [r.kind for r in again.rows] == [ChangeKind.UNCHANGED] * 2


def test_a_roster_imported_again_with_a_phone_excel_kept_as_a_number_changes_nothing(ledger, town, tmp_path):
    # GIVEN a roster whose phone Excel keeps as a number (0778221234 → 778221234), imported once
    path = xlsx(tmp_path / "r.xlsx", [HEADER, ["山田　ハル", "余川町1", 778221234, "", ""]])
    with ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town.id, today=TODAY))
    # WHEN the same roster is read again, THEN nothing changes: the phone is the one the ledger keeps
    with ledger.Session.begin() as s:
        preview = read_roster(s, path, town.id, today=TODAY)
    assert [(r.kind, r.changes) for r in preview.rows] == [(ChangeKind.UNCHANGED, ())]
    # AND a new number for a known person is stored in its printed form, as a new person's is
    path = xlsx(tmp_path / "r2.xlsx", [HEADER, ["山田　ハル", "余川町1", 778229999, "", ""]])
    with ledger.Session.begin() as s:
        preview = read_roster(s, path, town.id, today=TODAY)
        assert [(c.field, c.new) for r in preview.rows for c in r.changes] == [("phone", "0778-22-9999")]
        apply_roster(s, preview)
    assert state(ledger, town.id)[0][1][0][2] == "0778-22-9999"


def test_the_preview_window_shows_the_completed_number_at_its_cell(ledger, town, tmp_path, qtbot):
    from app.ui.import_dialogs import ImportPreviewDialog

    # GIVEN a roster with a full number of the town and a local one
    path = xlsx(tmp_path / "r.xlsx", [HEADER, GOOD, ["田中　トメ", "余川町5", "22-5678", "", ""]])
    with ledger.Session.begin() as s:
        preview = read_roster(s, path, town.id, today=TODAY)
    # WHEN its preview window opens, THEN it says above the rows what the local number becomes, at which cell
    dialog = ImportPreviewDialog(preview, "名簿の取り込み")
    qtbot.addWidget(dialog)
    assert not dialog.notes.isHidden()
    assert "row 3, cell C3" in dialog.notes.text() and "0778-22-5678" in dialog.notes.text(), dialog.notes.text()
