"""A roster with a bad cell is refused naming the cell, and nothing is imported: an unknown 世帯区分, a birth
date in the future, a phone that is no number."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import LedgerError
from app.core.sheets import ChangeKind
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


def test_a_local_number_without_its_area_code_is_kept_as_typed(ledger, town, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [HEADER, GOOD, ["田中　トメ", "余川町5", "22-1234", "", ""]])
    with ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town.id, today=TODAY))
    phones = {p[0]: p[2] for _address, persons, _kinds in state(ledger, town.id) for p in persons}
    assert phones == {"山田　ハル": "0778-22-1234", "田中　トメ": "22-1234"}


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
