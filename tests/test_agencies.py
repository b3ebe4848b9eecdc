"""Agency directory import: real lists, phones completed and hyphenated, bad rows named, all or nothing."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from app.core.errors import LedgerError
from app.core.phones import normalise_phone
from app.emergency import cards as emergency
from app.emergency.agency_files import Action, apply_agencies, read_agencies
from app.models.emergency import AgencyKind
from tests.emergency_fixtures import ECHIZEN, FUKUI
from tests.test_ui_map import window  # noqa: F401 - the window fixture

HOYANET = FUKUI / "hoyanet_chiikihoukatsu.csv"
MHLW = ECHIZEN / "mhlw_kaigo_jigyosho_partial.csv"


def test_fukui_support_centres_get_the_area_code_and_hyphens(ledger):
    with ledger.Session.begin() as s:
        preview = read_agencies(s, HOYANET, kind="community_support_centre", default_area_code="0776")
        assert preview.count(Action.ADD) == 14 and not preview.problems
        apply_agencies(s, preview)
    with ledger.Session.begin() as s:
        centres = emergency.list_agencies(s, [AgencyKind.COMMUNITY_SUPPORT_CENTRE])
    meirin = next(a for a in centres if a.name == "ほやねっと明倫")
    assert meirin.phone == "0776-33-5777"
    assert meirin.address == "福井市木田1丁目3308 うららの家内" and meirin.area_served == "豊・木田"
    assert all(a.phone.startswith("0776-") for a in centres)
    assert meirin.credit


def test_without_an_area_code_each_short_phone_is_reported_and_kept_as_written(ledger):
    with ledger.Session.begin() as s:
        preview = read_agencies(s, HOYANET, kind="community_support_centre")
    phones = [p for p in preview.problems if p.column == "電話番号"]
    assert [p.row for p in phones] == list(range(2, 16))
    assert preview.rows[0].fields.phone == "33-5777"


def test_mhlw_offices_merge_their_services_and_the_tokyo_geocode_is_left_out(ledger):
    with ledger.Session.begin() as s:
        preview = read_agencies(s, MHLW)
        apply_agencies(s, preview)
    merged = [p for p in preview.problems if "merged" in p.message()]
    assert len(merged) == 10 and len(preview.rows) == 56 - 10
    tokyo = [p for p in preview.problems if p.row == 46]
    assert tokyo and "km" in tokyo[0].message()
    with ledger.Session.begin() as s:
        agencies = {a.name: a for a in emergency.list_agencies(s)}
    kokoro = next(a for name, a in agencies.items() if name.startswith("小規模多機能ホーム") and "こころ" in name)
    assert kokoro.lat is None and kokoro.address
    full_width = [a for a in agencies.values() if a.phone == "0778-22-0055"]
    assert full_width  # 「０７７８－２２－００５５」 normalised
    hayashi = next(a for a in agencies.values() if a.office_number == "1810314383")
    assert len(hayashi.services.split("\n")) == 2


def test_reimporting_the_same_list_changes_nothing(ledger):
    with ledger.Session.begin() as s:
        apply_agencies(s, read_agencies(s, MHLW))
    with ledger.Session.begin() as s:
        again = read_agencies(s, MHLW)
        assert again.count(Action.UNCHANGED) == len(again.rows)
        assert apply_agencies(s, again) == 0
        assert len(emergency.list_agencies(s)) == 46


def test_a_bad_row_refuses_the_whole_excel_list_and_says_where(ledger, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "種別", "電話番号", "住所"])
    ws.append(["ひなた内科", "診療所", "0778-22-1234", "越前市府中1-1"])
    ws.append(["", "病院", "0778-22-9999", "越前市府中2-2"])
    wb.save(tmp_path / "list.xlsx")
    with ledger.Session.begin() as s:
        preview = read_agencies(s, tmp_path / "list.xlsx")
        assert preview.rows[0].fields.kind is AgencyKind.CLINIC
        assert [(p.file, p.row, p.column) for p in preview.errors] == [("list.xlsx", 3, "名称")]
        with pytest.raises(LedgerError) as err:
            apply_agencies(s, preview)
    assert "list.xlsx" in str(err.value) and "row 3" in str(err.value)
    with ledger.Session.begin() as s:
        assert emergency.list_agencies(s) == []


def test_phone_numbers_print_in_the_japanese_hyphenated_form():
    assert normalise_phone("0778220367").text == "0778-22-0367"
    assert normalise_phone("０７７８－２２－００５５").text == "0778-22-0055"
    assert normalise_phone("09012345678").text == "090-1234-5678"
    assert normalise_phone("119").text == "119"
    assert not normalise_phone("不明").ok and normalise_phone("不明").text == "不明"


# ---------------------------------------------------------------- through the window


@pytest.fixture
def answers(monkeypatch):
    """The user's answers to the window's questions (kind of agencies, area code); records what was asked."""
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []
    given: dict[str, tuple] = {}

    def get_item(parent, title, label, items, *args):
        asked.append("kind")
        choice = given.get("kind")
        return (choice, True) if choice is not None else ("", False)

    def get_text(parent, title, label, *args, **kwargs):
        asked.append("area code")
        code = given.get("area code")
        return (code, True) if code is not None else ("", False)

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked, given


def agency_phones(window) -> dict[str, str]:
    with window.ledger.Session() as s:
        return {a.name: a.phone for a in emergency.list_agencies(s)}


@pytest.mark.expects_dialog
def test_the_window_asks_the_kind_and_the_area_code_then_writes_the_list(qtbot, window, answers):
    from app.emergency.views import AGENCY_KIND_LABELS

    asked, given = answers
    given["kind"] = AGENCY_KIND_LABELS[AgencyKind.COMMUNITY_SUPPORT_CENTRE]
    given["area code"] = " 0776 "
    before = agency_phones(window)
    previews = []
    # WHEN the support centres' list (no kind column, phones without the area code) is imported from the window
    with qtbot.waitSignal(window.emergency.agencies_imported, timeout=60_000) as ended:
        assert window.emergency.import_agencies(HOYANET, confirm=lambda p: previews.append(p) or True)
        assert asked == []  # the file is read in the background: nothing asked before it is read
    # THEN it asked what kind they are, then their area code, and wrote the 14 centres, hyphenated
    assert ended.args == [True] and asked == ["kind", "area code"]
    added = {n: p for n, p in agency_phones(window).items() if n not in before}
    assert len(added) == 14 and added["ほやねっと明倫"] == "0776-33-5777"
    assert previews[0].count(Action.ADD) == 14


@pytest.mark.expects_dialog
def test_no_answer_to_the_area_code_imports_nothing(qtbot, window, answers):
    asked, given = answers
    before = agency_phones(window)
    with qtbot.waitSignal(window.emergency.agencies_imported, timeout=60_000) as ended:
        assert window.emergency.import_agencies(HOYANET, kind="community_support_centre", confirm=lambda p: True)
    assert ended.args == [False] and asked == ["area code"]
    assert agency_phones(window) == before


def test_a_bad_list_through_the_window_is_reported_and_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    from app.ui.mainwindow import emergency as controller

    errors = []
    monkeypatch.setattr(controller, "show_error", lambda parent, e: errors.append(e))
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "種別", "電話番号", "住所"])
    ws.append(["ひなた内科", "診療所", "0778-22-1234", "越前市府中1-1"])
    ws.append(["", "病院", "0778-22-9999", "越前市府中2-2"])
    wb.save(tmp_path / "list.xlsx")
    before = agency_phones(window)
    with qtbot.waitSignal(window.emergency.agencies_imported, timeout=60_000) as ended:
        assert window.emergency.import_agencies(tmp_path / "list.xlsx", confirm=lambda p: True)
    assert ended.args == [False]
    assert len(errors) == 1 and "list.xlsx" in str(errors[0]) and "row 3" in str(errors[0])
    assert agency_phones(window) == before
