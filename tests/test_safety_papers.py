"""The safety check's papers: the PDF checklists, the Excel checklist typed into and read back, the log."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.core.errors import LedgerError
from app.models import SafetyEvent
from app.models.safety import CheckMethod, SafetyStatus
from app.privacy.consent import ConsentFields, record_consent
from app.safety import incidents
from app.safety.papers import export_checklists
from app.safety.views import EventFields
from app.safety.workbook import COL, FIRST_ROW, SHEET, export_log, read_checklist_xlsx, write_checklist_xlsx
from tests.test_safety import incident, make_world, world  # noqa: F401 - fixtures


def _pdf_text(path) -> str:
    # pdftotext spells the ideographic space of names as spaces: compare without any
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace(" ", "").replace("　", "")


def _consent_for_watchers(ledger, person_id):
    with ledger.Session.begin() as s:
        record_consent(s, person_id, ConsentFields(status="yes", share_with_watchers=True))


def test_the_commissioners_checklist_is_a_real_pdf_with_their_persons_and_boxes(ledger, world, incident, tmp_path):
    # GIVEN 山田 consented to sharing with watchers, 佐藤 did not
    _consent_for_watchers(ledger, world.persons["山田"])
    with ledger.Session.begin() as s:
        path = export_checklists(s, incident.id, tmp_path / "list.pdf", group_by="commissioner")
    assert path.read_bytes()[:5] == b"%PDF-"
    text = _pdf_text(path)
    # THEN 民生委員 川村's page lists 山田 by name and 佐藤 by map number only; the others are on the page of
    # persons without a commissioner; every page has the boxes' labels and the rule and serial
    kawamura, rest = text.split("（担当民生委員なし）")[0], text.split("（担当民生委員なし）")[1]
    assert "民生委員:川村民子" in kawamura and "山田ハル" in kawamura and "0778-22-0001" in kawamura
    assert "佐藤" not in kawamura and "0778-22-0002" not in kawamura and "（匿名）" in kawamura
    assert str(world.numbers["佐藤"]) in kawamura
    assert all(label in kawamura for label in ("無事", "避難", "要支援", "入院等", "不能"))
    assert "表示ルール" in text and "管理番号" in text
    assert "鈴木" not in rest and "（匿名）" in rest  # no consent: anonymous on every list
    assert "森一郎" not in text  # the neighbour is not of concern


def test_the_watchers_and_shelters_checklists_group_as_they_say(ledger, world, incident, tmp_path):
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["山田"],
                               EventFields(SafetyStatus.EVACUATED, "川村", shelter_text="味真野小学校"))
        by_watcher = _pdf_text(export_checklists(s, incident.id, tmp_path / "w.pdf", group_by="watcher",
                                                 audience="staff"))
        by_shelter = _pdf_text(export_checklists(s, incident.id, tmp_path / "s.pdf", group_by="shelter",
                                                 audience="staff"))
    mori = by_watcher.split("見守り者:森一郎")[1].split("見守り者:")[0]
    assert "山田ハル" in mori and "佐藤" not in mori
    school = by_shelter.split("避難所:味真野小学校")[1].split("避難所:")[0]
    assert "山田ハル" in school and "鈴木" not in school


def test_an_excel_checklist_typed_into_is_read_back_as_events(ledger, world, incident, tmp_path):
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    # WHEN a volunteer types two checks into it (Excel, here openpyxl) and leaves the others empty
    wb = load_workbook(path)
    ws = wb[SHEET]
    rows = {ws.cell(r, COL["氏名"]).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    assert list(rows)[:2] == ["佐藤　キヨ", "山田　ハル"]  # hazard order
    yamada, sato = rows["山田　ハル"], rows["佐藤　キヨ"]
    ws.cell(yamada, COL["状況（入力）"], "避難済み（味真野小学校）")
    ws.cell(yamada, COL["確認者"], "川村")
    ws.cell(yamada, COL["方法"], "電話")
    ws.cell(yamada, COL["確認日時"], datetime(2026, 7, 8, 9, 30))
    ws.cell(sato, COL["状況（入力）"], "要支援・要救助")
    ws.cell(sato, COL["メモ"], "足を骨折、2階にいる")
    wb.save(path)
    with ledger.Session.begin() as s:
        result = read_checklist_xlsx(s, incident.id, path, now=datetime(2026, 7, 8, 12, 0).astimezone())
    assert (result.recorded, result.skipped) == (2, 3)
    with ledger.Session() as s:
        latest = incidents.latest_events(s, incident.id)
    y, t = latest[world.persons["山田"]], latest[world.persons["佐藤"]]
    assert y.status_text == "避難済み（味真野小学校）" and y.checked_by == "川村" and y.method is CheckMethod.PHONE
    assert y.checked_at == datetime(2026, 7, 8, 9, 30).astimezone()
    assert t.status is SafetyStatus.NEEDS_HELP and t.note == "足を骨折、2階にいる"


def test_a_bad_status_cell_is_named_and_nothing_is_recorded(ledger, world, incident, tmp_path):
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    wb = load_workbook(path)
    ws = wb[SHEET]
    ws.cell(FIRST_ROW, COL["状況（入力）"], "無事（自宅）")  # a good row first
    ws.cell(FIRST_ROW + 2, COL["状況（入力）"], "たぶん無事")
    wb.save(path)
    with pytest.raises(LedgerError) as raised, ledger.Session.begin() as s:
        read_checklist_xlsx(s, incident.id, path)
    message = str(raised.value)
    assert f"Sheet {SHEET}, row {FIRST_ROW + 2}, column 状況（入力） (G{FIRST_ROW + 2})" in message
    assert "たぶん無事" in message
    with ledger.Session() as s:
        assert s.scalars(select(SafetyEvent)).all() == []


def test_the_incidents_log_holds_every_check_and_the_counts_per_district(ledger, world, incident, tmp_path):
    with ledger.Session.begin() as s:
        for status in (SafetyStatus.UNREACHABLE, SafetyStatus.SAFE_HOME):
            incidents.record_event(s, incident.id, world.persons["鈴木"], EventFields(status, "森"))
        incidents.record_event(s, incident.id, world.persons["高橋"], EventFields(SafetyStatus.HOSPITAL, "北"))
        count = export_log(s, incident.id, tmp_path / "log.xlsx", audience="staff")
    assert count == 3
    wb = load_workbook(tmp_path / "log.xlsx")
    log = [[c for c in row] for row in wb["記録"].iter_rows(min_row=4, values_only=True)]
    assert [(r[4], r[5], r[7]) for r in log] == [("鈴木　ミツ", "連絡不能", "森"), ("鈴木　ミツ", "無事（自宅）", "森"),
                                                 ("高橋　ヨシ", "入院・施設", "北")]
    counts = {row[0]: row[1:] for row in wb["地区別集計"].iter_rows(min_row=4, values_only=True)}
    assert counts["味真野地区"][-1] == 4 and counts["北新庄地区"][4] == 1  # 4: 入院・施設
