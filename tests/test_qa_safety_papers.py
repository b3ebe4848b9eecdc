"""The safety check's papers as a volunteer holds them: nothing printed over the boxes to tick, and a typed
checklist read back only into the incident it was printed for."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.core.errors import LedgerError
from app.models import SafetyEvent
from app.models.hazard import HazardKind
from app.models.safety import SafetyStatus
from app.safety import incidents
from app.safety.papers import ChecklistGroup, export_checklists, write_checklists_pdf
from app.safety.rollcall import roll_call
from app.safety.views import EventFields
from app.safety.workbook import (
    COL,
    FIRST_ROW,
    SHEET,
    export_log,
    preview_checklist_xlsx,
    read_checklist_xlsx,
    write_checklist_xlsx,
)
from tests.test_paper_layout import width_of
from tests.test_safety import add_zone, incident, make_world, world  # noqa: F401 - fixtures

MM = 72 / 25.4  # PDF points per millimetre


def _words(path, page: int) -> list[tuple[float, float, float, float, str]]:
    """Every word of one page of the PDF with its box (points), as pdftotext places it."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def test_a_long_hazard_stays_inside_its_cell_and_never_runs_over_the_boxes(ledger, world, incident, tmp_path):
    # GIVEN 山田's house lies in a flood zone and in a landslide warning zone: a hazard of two zones
    with ledger.Session.begin() as s:
        add_zone(s, HazardKind.SEDIMENT, (136.10, 35.90, 136.11, 35.91), zone_class=1, phenomenon=1)
    with ledger.Session.begin() as s:
        label = next(r.hazard_label for r in roll_call(s, incident.id) if r.person_id == world.persons["山田"])
        assert "洪水" in label and "土砂" in label and len(label) > 30
        # WHEN the commissioners' checklists are printed
        path = export_checklists(s, incident.id, tmp_path / "list.pdf", group_by="commissioner", audience="staff")
    words = _words(path, 1)  # 民生委員 川村's page
    # THEN every word of 山田's hazard lies left of the first box's column (margin 10 + 11 + 34 + 26 + 33 mm)
    edge = (10 + 11 + 34 + 26 + 33) * MM
    name = next(w for w in words if w[4] == "山田")
    row = [w for w in words if name[1] - 20 <= w[1] <= name[1] + 20 and w[0] > (10 + 11 + 34 + 26) * MM - 1]
    hazard = [w for w in row if w[0] < edge]
    assert hazard, words
    assert all(w[2] <= edge + 0.5 for w in hazard), [w for w in hazard if w[2] > edge + 0.5]
    assert not [w for w in row if w[0] >= edge]  # nothing printed in the boxes' columns
    # and the whole label is printed (wrapped, not cut)
    assert "".join(w[4] for w in sorted(hazard, key=lambda w: (w[1], w[0]))).replace(" ", "") == label.replace(" ", "")
    # and it is printed at a size one can read on paper (7 pt or more: a word's box at least 2.4 mm high)
    assert all(w[3] - w[1] >= 7 * 0.95 for w in hazard)


def _type_a_check(path, status: str = "無事（自宅）") -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    ws.cell(FIRST_ROW, COL["状況（入力）"], status)
    ws.cell(FIRST_ROW, COL["確認者"], "川村")
    wb.save(path)


def _events(ledger, incident_id) -> int:
    with ledger.Session() as s:
        return len(s.scalars(select(SafetyEvent).where(SafetyEvent.incident_id == incident_id)).all())


def test_a_checklist_printed_for_another_incident_is_refused_by_name_and_nothing_is_recorded(
        ledger, world, incident, tmp_path):
    # GIVEN the checklist of 7月豪雨 typed into, and a second incident (the next day's earthquake) in the same towns
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
        incidents.close_incident(s, incident.id)  # one open incident per town: the flood's check is over
        quake = incidents.start_incident(s, "8月地震", incident.town_ids, kind="earthquake",
                                         started_at=incident.started_at + timedelta(days=30))
    _type_a_check(path)
    # WHEN it is read back while 8月地震 is the incident shown
    with ledger.Session.begin() as s, pytest.raises(LedgerError) as refused:
        preview_checklist_xlsx(s, quake.id, path)
    # THEN it is refused, naming the file and both incidents; no check is added to either
    message = str(refused.value)
    assert "check.xlsx" in message and "7月豪雨" in message and "8月地震" in message
    assert _events(ledger, quake.id) == 0 and _events(ledger, incident.id) == 0
    # and read back into its own incident (open again, the earthquake's closed) it records its check
    with ledger.Session.begin() as s:
        incidents.close_incident(s, quake.id)
        incidents.reopen_incident(s, incident.id)
        assert read_checklist_xlsx(s, incident.id, path).recorded == 1
    assert _events(ledger, incident.id) == 1


def test_a_checklist_of_an_earlier_incident_of_the_same_name_is_refused_by_its_hidden_incident(
        ledger, world, incident, tmp_path):
    # GIVEN the checklist of 7月豪雨 typed into, and next year's incident with the same name in the same towns
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
        incidents.close_incident(s, incident.id)
        next_year = incidents.start_incident(s, incident.name, incident.town_ids, kind=incident.kind,
                                             started_at=incident.started_at + timedelta(days=365))
    _type_a_check(path)
    # WHEN it is read back into next year's incident, THEN the title cannot tell them apart, the hidden id does:
    # refused, nothing recorded
    with ledger.Session.begin() as s, pytest.raises(LedgerError, match="7月豪雨"):
        read_checklist_xlsx(s, next_year.id, path)
    assert _events(ledger, next_year.id) == 0 and _events(ledger, incident.id) == 0


def test_an_older_checklist_without_the_hidden_incident_is_checked_by_its_title(ledger, world, incident, tmp_path):
    # GIVEN a checklist of 7月豪雨 whose hidden incident cell is empty (as printed before it was written)
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "old.xlsx", audience="staff")
        incidents.close_incident(s, incident.id)
        quake = incidents.start_incident(s, "8月地震", incident.town_ids, kind="earthquake",
                                         started_at=incident.started_at + timedelta(days=30))
    wb = load_workbook(path)
    wb[SHEET].cell(1, COL["ID"]).value = None
    wb.save(path)
    _type_a_check(path)
    # WHEN it is read back into 8月地震, THEN its title names 7月豪雨: refused, nothing recorded
    with ledger.Session.begin() as s, pytest.raises(LedgerError, match="7月豪雨"):
        read_checklist_xlsx(s, quake.id, path)
    assert _events(ledger, quake.id) == 0
    # and into 7月豪雨 (open again) it is read as before
    with ledger.Session.begin() as s:
        incidents.close_incident(s, quake.id)
        incidents.reopen_incident(s, incident.id)
        assert read_checklist_xlsx(s, incident.id, path).recorded == 1


def test_the_excel_checklists_rows_are_as_tall_as_their_wrapped_hazard(ledger, world, incident, tmp_path):
    # GIVEN 山田's hazard of two zones, longer than the ハザード column is wide
    with ledger.Session.begin() as s:
        add_zone(s, HazardKind.SEDIMENT, (136.10, 35.90, 136.11, 35.91), zone_class=1, phenomenon=1)
    # WHEN the Excel checklist is written
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    ws = load_workbook(path)[SHEET]
    width = ws.column_dimensions["E"].width
    rows = {ws.cell(r, COL["氏名"]).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    # THEN 山田's row is tall enough for every line of the wrapped hazard (a line of 11 pt type: 15 pt or more),
    # not the default one-line height that prints it over the next row
    yamada = rows["山田　ハル"]
    hazard = ws.cell(yamada, COL["ハザード"]).value
    lines = -(-width_of(hazard) // int(width))
    assert lines >= 2
    assert (ws.row_dimensions[yamada].height or 0) >= 15 * lines
    # and a row whose every value fits on one line keeps the sheet's own height
    suzuki = rows["鈴木　ミツ"]
    assert ws.row_dimensions[suzuki].height is None


def _typed(path, rows: dict[int, tuple[str, object]]) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for row, (status, checked) in rows.items():
        ws.cell(row, COL["状況（入力）"], status)
        ws.cell(row, COL["確認日時"], checked)
    wb.save(path)


def test_a_time_of_day_typed_last_night_is_read_back_as_last_night_not_tonight(ledger, world, incident, tmp_path):
    # GIVEN the checklist: 佐藤 (first row) found needing help at 23:30 last night, typed as a time only (as text,
    # and as Excel keeps a typed time), read back the next morning at 08:00
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    _typed(path, {FIRST_ROW: ("要支援・要救助", "23:30"), FIRST_ROW + 1: ("無事（自宅）", time(22, 15))})
    morning = datetime(2026, 7, 9, 8, 0).astimezone()
    with ledger.Session.begin() as s:
        assert read_checklist_xlsx(s, incident.id, path, now=morning).recorded == 2
    # THEN the checks are of last night, not of tonight (still to come)
    with ledger.Session() as s:
        latest = incidents.latest_events(s, incident.id)
    sato, yamada = latest[world.persons["佐藤"]], latest[world.persons["山田"]]
    assert sato.checked_at == datetime(2026, 7, 8, 23, 30).astimezone()
    assert yamada.checked_at == datetime(2026, 7, 8, 22, 15).astimezone()
    # and a check made at 09:00 in the panel shows over last night's: 佐藤 was rescued
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["佐藤"], EventFields(
            SafetyStatus.EVACUATED, "川村", shelter_text="味真野小学校",
            checked_at=datetime(2026, 7, 9, 9, 0).astimezone()))
    with ledger.Session() as s:
        assert incidents.latest_events(s, incident.id)[world.persons["佐藤"]].status is SafetyStatus.EVACUATED


def test_a_check_time_later_than_now_is_named_and_nothing_is_recorded(ledger, world, incident, tmp_path):
    # GIVEN a checklist where the year was mistyped: 2027 for 2026
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    _typed(path, {FIRST_ROW: ("要支援・要救助", datetime(2027, 7, 8, 9, 30)),
                  FIRST_ROW + 1: ("無事（自宅）", datetime(2026, 7, 8, 9, 0))})
    now = datetime(2026, 7, 8, 10, 0).astimezone()
    # WHEN it is read back, THEN the preview names the cell and the time, and nothing is recorded
    with ledger.Session() as s:
        preview = preview_checklist_xlsx(s, incident.id, path, now=now)
    assert len(preview.errors) == 1
    message = str(preview.errors[0])
    assert f"J{FIRST_ROW}" in message and "2027-07-08 09:30" in message
    with ledger.Session.begin() as s, pytest.raises(LedgerError):
        read_checklist_xlsx(s, incident.id, path, now=now)
    assert _events(ledger, incident.id) == 0


def test_statuses_copied_from_the_ticked_paper_are_read_back(ledger, world, incident, tmp_path):
    # GIVEN the Excel checklist, typed from the paper's ticked boxes with the words printed over them, one with
    # half-width brackets as a keyboard gives them
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    wb = load_workbook(path)
    ws = wb[SHEET]
    rows = {ws.cell(r, COL["氏名"]).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    typed = {"佐藤　キヨ": "要支援", "山田　ハル": "避難(味真野小学校)", "鈴木　ミツ": "無事(自宅)", "田中　トメ": "不能",
             "高橋　ヨシ": "入院等"}
    for name, status in typed.items():
        ws.cell(rows[name], COL["状況（入力）"], status)
    wb.save(path)
    # WHEN it is read back, THEN every row is recorded with the status the paper meant
    with ledger.Session.begin() as s:
        preview = preview_checklist_xlsx(s, incident.id, path, now=datetime(2026, 7, 8, 12, 0).astimezone())
        assert [str(e) for e in preview.errors] == []
    with ledger.Session.begin() as s:
        assert read_checklist_xlsx(s, incident.id, path).recorded == 5
    with ledger.Session() as s:
        latest = incidents.latest_events(s, incident.id)
    shown = {name: latest[world.persons[name.split("　")[0]]].status_text for name in typed}
    assert shown == {"佐藤　キヨ": "要支援・要救助", "山田　ハル": "避難済み（味真野小学校）", "鈴木　ミツ": "無事（自宅）",
                     "田中　トメ": "連絡不能", "高橋　ヨシ": "入院・施設"}


def test_the_logs_counts_per_district_end_with_the_sums_and_every_count_is_boxed(ledger, world, incident, tmp_path):
    # GIVEN checks in both 地区 of the incident
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["鈴木"], EventFields(SafetyStatus.SAFE_HOME, "森"))
        incidents.record_event(s, incident.id, world.persons["高橋"], EventFields(SafetyStatus.HOSPITAL, "北"))
        # WHEN the log for the city is written
        export_log(s, incident.id, tmp_path / "log.xlsx", audience="staff")
    ws = load_workbook(tmp_path / "log.xlsx")["地区別集計"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))  # rows 1–2: title, as of when
    header, districts, last = rows[0], rows[1:-1], rows[-1]
    assert {r[0] for r in districts} == {"味真野地区", "北新庄地区"}
    # THEN its last row holds the sums over every 地区, per status and in all (5 persons: 4 + 1)
    assert last[0] == "合計" and header[-1] == "計"
    assert list(last[1:]) == [sum(r[c] for r in districts) for c in range(1, len(header))]
    assert last[-1] == 5 and last[header.index("無事（自宅）")] == 1 and last[header.index("入院・施設")] == 1
    # and every count, the 計 column too, is in a box as printed
    for row in ws.iter_rows(min_row=4):
        assert all(c.border.left.style == "thin" and c.border.right.style == "thin" for c in row), row[0].value


def test_a_long_note_in_the_log_gets_a_row_as_tall_as_its_lines(ledger, world, incident, tmp_path):
    # GIVEN a check with a note longer than the メモ column is wide
    note = "足が不自由で移動できない（消防へ連絡済み、家族にも電話）"
    with ledger.Session.begin() as s:
        incidents.record_event(s, incident.id, world.persons["鈴木"], EventFields(SafetyStatus.NEEDS_HELP, "森",
                                                                                 note=note))
        incidents.record_event(s, incident.id, world.persons["高橋"], EventFields(SafetyStatus.SAFE_HOME, "北"))
        # WHEN the log for the city is written
        export_log(s, incident.id, tmp_path / "log.xlsx", audience="staff")
    ws = load_workbook(tmp_path / "log.xlsx")["記録"]
    header = [c.value for c in ws[3]]
    memo = header.index("メモ") + 1
    rows = {ws.cell(r, memo).value: r for r in range(4, ws.max_row + 1)}
    width = ws.column_dimensions[ws.cell(3, memo).column_letter].width
    lines = -(-width_of(note) // int(width))
    # THEN its row is tall enough for every line of the note, and a one-line row keeps the sheet's height
    assert lines >= 2 and (ws.row_dimensions[rows[note]].height or 0) >= 15 * lines
    assert ws.row_dimensions[rows[""] if "" in rows else rows[None]].height is None


def test_a_list_longer_than_a_page_says_on_every_page_whose_it_is_and_stays_inside_the_margins(
        ledger, world, incident, tmp_path):
    # GIVEN a 民生委員 with 40 persons to check: more than one A4 page
    with ledger.Session() as s:
        rows = roll_call(s, incident.id)
    many = tuple(replace(rows[n % len(rows)], map_number=100 + n) for n in range(40))
    path = write_checklists_pdf("7月豪雨", [ChecklistGroup("民生委員: 川村　民子", many)], tmp_path / "list.pdf",
                                "表示ルール: 職員用")
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                                                            check=True).stdout).group(1))
    assert pages >= 2
    for page in range(1, pages + 1):
        words = _words(path, page)
        text = "".join(w[4] for w in words)
        # THEN every page has the title, whose list it is and the column headings
        assert "安否確認チェックリスト" in text and "川村" in text and "民子" in text, page
        assert all(h in text for h in ("氏名", "電話", "ハザード", "無事", "確認者・時刻・メモ")), page
        # and nothing is printed in the bottom 10 mm of the paper (where a printer cannot print)
        assert all(w[3] <= 297 * MM - 10 * MM for w in words), (page, max(w[3] for w in words) / MM)
    # and every person is on the list once, the note on how to fill it in at its end
    numbers = [w[4] for page in range(1, pages + 1) for w in _words(path, page) if w[4].isdigit()]
    assert [n for n in numbers if 100 <= int(n) < 140] == [str(100 + n) for n in range(40)]
    assert "の欄に" in "".join(w[4] for w in _words(path, pages))


def test_no_line_of_the_checklists_rule_or_note_starts_with_a_full_stop(ledger, world, incident, tmp_path):
    # The note on how to fill the list in ran one character past its line, and fpdf2 put 「。」 alone at the start of
    # the next (on every list handed out). It and the rule (long on the day of a disaster: who shared, when, why)
    # now break as the sheet's cells do: 「い。」 goes down together.
    with ledger.Session() as s:
        rows = roll_call(s, incident.id)
    rule = ("表示ルール: 災害時の避難支援等関係者への提供（本人の同意によらない）。提供者: 福祉課 越前 花子、"
            "2026年7月1日 9:00、理由: 大雨特別警報の発表により避難支援が必要なため。")
    path = write_checklists_pdf("7月豪雨", [ChecklistGroup("民生委員: 川村　民子", tuple(rows))], tmp_path / "list.pdf",
                                rule)
    drawn = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert any(line.endswith("書いてください。") or line == "い。" for line in drawn)  # the note, whole
    assert not [line for line in drawn if line.startswith(("。", "、", "）"))], drawn
    text = "".join(drawn)
    assert "理由: 大雨特別警報の発表により避難支援が必要なため。" in text and "メモに内容を書いてください。" in text
    words = _words(path, 1)  # and the rule stays inside the page's margins
    assert all(10 * MM - 1 <= w[0] and w[2] <= 200 * MM + 1 for w in words)


def test_every_map_number_prints_whole_in_its_column_whatever_its_length(ledger, world, incident, tmp_path):
    # A city's map numbers run to five digits, a core city's to six: each is printed on one line, shrunk to fit the
    # 11 mm No. column, not broken in two (「1621」 over 「5」 reads as another household).
    with ledger.Session() as s:
        rows = roll_call(s, incident.id)
    numbers = (7, 42, 16215, 99999, 150000)
    listed = tuple(replace(rows[n % len(rows)], map_number=number) for n, number in enumerate(numbers))
    path = write_checklists_pdf("7月豪雨", [ChecklistGroup("民生委員: 川村　民子", listed)], tmp_path / "list.pdf",
                                "表示ルール: 職員用")
    words = _words(path, 1)
    printed = [w for w in words if w[4].isdigit() and w[0] < (10 + 11) * MM]
    assert [w[4] for w in printed] == [str(n) for n in numbers]
    # and each inside its column, on its row: the name beside it starts past the column's padding either side
    for number in printed:
        beside = min((w for w in words if abs(w[1] - number[1]) < 2 and w[0] > number[2]), key=lambda w: w[0])
        assert beside[0] - number[2] >= 1.9 * MM, (number, beside)


def test_the_note_on_how_to_fill_a_list_in_never_goes_over_alone_and_is_the_same_size_on_every_list(
        ledger, world, incident, tmp_path):
    # A list whose rows just filled a page put the note on how to fill it in on a page of its own, under that page's
    # headings and nothing else (paper handed out for one line), in the headings' 8 pt where other lists have 7.5 pt.
    # The last row now goes over with it.
    with ledger.Session() as s:
        rows = roll_call(s, incident.id)
    sizes, two_pages = set(), 0
    for count in range(20, 30):
        listed = tuple(replace(rows[n % len(rows)], map_number=100 + n) for n in range(count))
        path = write_checklists_pdf("7月豪雨", [ChecklistGroup("民生委員: 川村　民子", listed)], tmp_path / f"{count}.pdf",
                                    "表示ルール: 職員用")
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True,
                                                                text=True, check=True).stdout).group(1))
        two_pages += pages > 1
        for page in range(1, pages + 1):  # every page has rows of the list
            assert [w for w in _words(path, page) if w[4].isdigit() and 100 <= int(w[4]) < 100 + count], (count, page)
        words = _words(path, pages)
        below = max(v[3] for v in words if v[4] == "確認者・時刻・メモ")
        note = [w for w in words if w[1] > below and (w[4].startswith("状況") or "ください" in w[4]
                                                      or w[4] in ("い。", "さい。"))]
        assert note, (count, words)
        sizes.add(round(max(w[3] - w[1] for w in note), 1))
        assert all(w[2] <= 200 * MM + 1 for w in note)  # inside the right margin
    assert two_pages  # some of these lists go over to a second page
    assert len(sizes) == 1, sizes
