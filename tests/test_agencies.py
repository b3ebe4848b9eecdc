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
