"""The safety check's incidents in the window: started in a non-modal dialog, closed after asking (every event
kept, new checks refused in the panel), the papers written from the window as real files, a ticked Excel
checklist read back through the preview, and the 災害対策本部's projector view with counts and no names."""

from __future__ import annotations

import subprocess
from datetime import timedelta

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app.models import Household, Incident, Person, SafetyEvent
from app.models.safety import IncidentKind, SafetyStatus
from app.safety import incidents
from app.safety.papers import GroupBy
from app.safety.rollcall import district_counts
from app.safety.views import STATUS_COLORS, STATUS_LABELS, EventFields
from app.safety.workbook import COL, FIRST_ROW, LOG_SHEET, SHEET
from app.sync import SyncReport
from app.ui.mainwindow.actions import MainAction
from tests.test_ui_map import window  # noqa: F401 - the window fixture

JOB_MS = 60_000


def open_panel(window):
    window.actions[MainAction.SAFETY].trigger()
    return window.safety.panel


def close_demo_incident(window, monkeypatch) -> list[str]:
    """Close the demo's open incident with the panel's button, answering Yes; the questions asked."""
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda question: asked.append(question) or True)
    window.safety.panel.close_button.click()
    return asked


def events_of(window, incident_id) -> list:
    with window.ledger.Session() as s:
        return incidents.events_of(s, incident_id)


def test_start_record_two_close_then_new_checks_are_refused_in_the_panel(qtbot, window, monkeypatch):
    panel = open_panel(window)
    demo = window.safety.incident
    assert demo is not None and demo.name in panel.incident_label.text()
    # GIVEN the demo's incident closed: the panel is empty and says how to start one
    asked = close_demo_incident(window, monkeypatch)
    assert len(asked) == 1 and demo.name in asked[0] and "kept" in asked[0]
    assert window.safety.incident is None and panel.empty.isVisibleTo(panel) and not panel.work.isVisibleTo(panel)
    assert panel.rows() == [] and window.safety.counts.text() == ""
    # WHEN the user clicks Start: a non-modal dialog, the current town checked, the time now
    panel.start_button.click()
    dialog = window.safety.start_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.checked_towns() == [window.towns.town.id]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no name yet: said in the dialog, nothing started, no box
    assert "name" in dialog.problem.text().lower() and dialog.isVisible() and window.safety.incident is None
    dialog.name.setText("豪雨（テスト）")
    dialog.kind.setCurrentIndex(dialog.kind.findData(IncidentKind.FLOOD))
    ok.click()
    # THEN the incident is open in the ledger and the panel shows it with its roll call, all unchecked
    started = window.safety.incident
    assert started is not None and started.name == "豪雨（テスト）" and started.kind is IncidentKind.FLOOD
    assert started.id != demo.id and window.safety.start_dialog is None
    assert "豪雨（テスト）" in panel.incident_label.text() and panel.work.isVisibleTo(panel)
    shown = panel.rows()
    assert len(shown) > 2 and {r.status for r in shown} == {SafetyStatus.UNCHECKED}
    # WHEN two statuses are recorded with one click each
    first, second = shown[0], shown[1]
    for row, status in ((first, SafetyStatus.SAFE_HOME), (second, SafetyStatus.NEEDS_HELP)):
        assert panel.list.choose(row.person_id)
        qtbot.mouseClick(panel.buttons[status], Qt.MouseButton.LeftButton)
    with window.ledger.Session() as s:
        latest = incidents.latest_events(s, started.id)
    assert {p: e.status for p, e in latest.items()} == {first.person_id: SafetyStatus.SAFE_HOME,
                                                        second.person_id: SafetyStatus.NEEDS_HELP}
    assert "要支援・要救助 1" in window.safety.counts.text()
    # WHEN the incident is closed from the panel (asked first)
    asked = close_demo_incident(window, monkeypatch)
    assert len(asked) == 1 and "豪雨（テスト）" in asked[0] and "2 checks" in asked[0]
    # THEN both events stay, the panel is empty again, and a check that still arrives is refused in the panel
    with window.ledger.Session() as s:
        assert not incidents.get_incident(s, started.id).is_open
    assert len(events_of(window, started.id)) == 2
    assert panel.empty.isVisibleTo(panel) and not panel.notice.isVisibleTo(panel)
    panel.record.emit(first.person_id, EventFields(SafetyStatus.UNREACHABLE))
    assert panel.notice.isVisibleTo(panel) and "No incident is open" in panel.notice.text()
    assert len(events_of(window, started.id)) == 2
    # AND undo reopens the same incident (nothing was ever removed)
    window.actions[MainAction.UNDO].trigger()
    assert window.safety.incident is not None and window.safety.incident.id == started.id
    assert {r.person_id: r.status for r in panel.rows()}[second.person_id] is SafetyStatus.NEEDS_HELP


def test_an_incident_closed_on_another_laptop_refuses_a_click_with_a_message_in_the_panel(qtbot, window):
    panel = open_panel(window)
    incident = window.safety.incident
    target = next(r for r in panel.rows() if r.status is SafetyStatus.UNCHECKED)
    before = len(events_of(window, incident.id))
    # GIVEN the incident closed in the ledger (a sync from the office) while this panel still shows it
    with window.ledger.Session.begin() as s:
        incidents.close_incident(s, incident.id)
    # WHEN the user clicks a status
    assert panel.list.choose(target.person_id)
    qtbot.mouseClick(panel.buttons[SafetyStatus.SAFE_HOME], Qt.MouseButton.LeftButton)
    # THEN nothing is recorded; the panel says why (no modal box: the guard would fail the test) and is empty
    assert len(events_of(window, incident.id)) == before
    assert panel.notice.isVisibleTo(panel) and incident.name in panel.notice.text() and "closed" in panel.notice.text()
    assert window.safety.incident is None and panel.empty.isVisibleTo(panel)


def test_after_a_sync_joins_two_incidents_of_the_town_the_panel_shows_one_with_every_check_and_says_so_once(
        qtbot, window, tmp_path):
    panel = open_panel(window)
    here = window.safety.incident
    target = next(r for r in panel.rows() if r.status is SafetyStatus.UNCHECKED)
    checked_here = len(events_of(window, here.id))
    # GIVEN another laptop's incident for this town, started an hour before this one, with one check of its own
    with window.ledger.Session.begin() as s:
        other = Incident(name="大雨（本部）", kind="flood", started_at=here.started_at - timedelta(hours=1),
                         town_ids=[str(t) for t in here.town_ids])
        s.add(other)
        s.flush()
        s.add(SafetyEvent(incident_id=other.id, person_id=target.person_id, status=SafetyStatus.EVACUATED,
                          shelter_text="公民館", checked_at=here.started_at, recorded_at=here.started_at,
                          recorded_on="laptop-b"))
        other_id = other.id
    # WHEN the sync that brought it has joined them (what the applier does after a pull) and ends
    with window.ledger.Session.begin() as s:
        joins = incidents.join_open_incidents(s)
    window.sync._after_sync(SyncReport(joined=joins))
    # THEN the panel shows the incident started first, with this laptop's checks and the other's
    assert window.safety.incident is not None and window.safety.incident.id == other_id
    assert len(events_of(window, other_id)) == checked_here + 1 and events_of(window, here.id) == []
    shown = {r.person_id: r.status_text for r in panel.rows()}
    assert shown[target.person_id] == "避難済み（公民館）"
    # AND it says once, in the panel, which was joined into which and how many checks came
    text = panel.notice.text()
    assert panel.notice.isVisibleTo(panel) and here.name in text and "大雨（本部）" in text
    assert f"{checked_here} checks" in text and text.count("was joined into") == 1
    # AND the status bar's sync report counts the join
    assert "they were joined into one (1)" in window.statusBar().currentMessage()
    panel.grab().save("/tmp/joined.png")
    with window.ledger.Session() as s:  # the joined one is kept, closed, with its note
        assert not incidents.get_incident(s, here.id).is_open


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace(" ", "").replace("　", "")


def test_checklist_pdfs_the_excel_checklist_and_the_log_are_written_from_the_window(qtbot, window, tmp_path):
    open_panel(window)
    papers = window.safety.papers
    rows = list(window.safety.rows.values())
    for group_by, heading in ((GroupBy.COMMISSIONER, "民生委員:"), (GroupBy.WATCHER, "見守り者:"),
                              (GroupBy.SHELTER, "避難所:")):
        target = tmp_path / f"{group_by.value}.pdf"
        with qtbot.waitSignal(papers.exported, timeout=JOB_MS) as written:
            assert papers.export_checklists(group_by, target) is not None
        assert written.args == [target] and target.read_bytes().startswith(b"%PDF")
        text = _pdf_text(target)
        assert "安否確認チェックリスト" in text and heading in text and window.safety.incident.name in text
        assert all(str(r.map_number) in text for r in rows)  # every person of concern is on a list, by number
    sheet = tmp_path / "checklist.xlsx"
    with qtbot.waitSignal(papers.exported, timeout=JOB_MS):
        papers.export_excel(sheet)
    ws = load_workbook(sheet)[SHEET]
    assert ws.max_row - FIRST_ROW + 1 == len(rows)
    assert sorted(ws.cell(r, COL["地図番号"]).value for r in range(FIRST_ROW, ws.max_row + 1)) == sorted(
        r.map_number for r in rows)
    log = tmp_path / "log.xlsx"
    with qtbot.waitSignal(papers.exported, timeout=JOB_MS):
        papers.export_log(log)
    logged = load_workbook(log)[LOG_SHEET]
    assert logged.max_row - 3 == len(events_of(window, window.safety.incident.id)) > 0
    assert not list(tmp_path.glob(".sasaeai-writing-*"))  # no half-written file left behind


def test_a_ticked_excel_checklist_read_back_through_the_window_records_its_checks(qtbot, window, tmp_path):
    panel = open_panel(window)
    incident = window.safety.incident
    sheet = tmp_path / "checklist.xlsx"
    with qtbot.waitSignal(window.safety.papers.exported, timeout=JOB_MS):
        window.safety.papers.export_excel(sheet)
    # GIVEN a volunteer ticks two unchecked persons (typed into Excel, here with openpyxl)
    wb = load_workbook(sheet)
    ws = wb[SHEET]
    unchecked = {str(r.person_id): r for r in panel.rows() if r.status is SafetyStatus.UNCHECKED}
    lines = [n for n in range(FIRST_ROW, ws.max_row + 1) if ws.cell(n, COL["ID"]).value in unchecked][:2]
    assert len(lines) == 2
    ws.cell(lines[0], COL["状況（入力）"], "避難済み（味真野小学校）")
    ws.cell(lines[0], COL["確認者"], "川村")
    ws.cell(lines[1], COL["状況（入力）"], "連絡不能")
    ws.cell(lines[1], COL["方法"], "電話")
    wb.save(sheet)
    ids = [unchecked[ws.cell(n, COL["ID"]).value].person_id for n in lines]
    before = len(events_of(window, incident.id))
    # WHEN it is read back from the window: the preview lists the two checks, nothing is recorded yet
    shown: list = []
    with qtbot.waitSignal(window.safety.papers.preview_shown, timeout=JOB_MS):
        window.safety.papers.read_back(sheet, show=shown.append)
    dialog = shown[0]
    assert dialog.table.rowCount() == 2 and dialog.messages == []
    assert {dialog.table.item(r, 3).text() for r in range(2)} == {"避難済み（味真野小学校）", "連絡不能"}
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert len(events_of(window, incident.id)) == before
    # WHEN the user accepts, THEN both are recorded in one go and the panel shows them
    with qtbot.waitSignal(window.safety.papers.read_back_done, timeout=JOB_MS) as done:
        dialog.accept()
    assert (done.args[0].recorded, len(events_of(window, incident.id))) == (2, before + 2)
    statuses = {r.person_id: r.status_text for r in panel.rows()}
    assert [statuses[i] for i in ids] == ["避難済み（味真野小学校）", "連絡不能"]


def test_a_bad_row_in_a_read_back_checklist_is_named_in_the_preview_and_nothing_is_recorded(qtbot, window, tmp_path):
    open_panel(window)
    incident = window.safety.incident
    sheet = tmp_path / "checklist.xlsx"
    with qtbot.waitSignal(window.safety.papers.exported, timeout=JOB_MS):
        window.safety.papers.export_excel(sheet)
    wb = load_workbook(sheet)
    ws = wb[SHEET]
    ws.cell(FIRST_ROW, COL["状況（入力）"], "無事（自宅）")
    ws.cell(FIRST_ROW + 1, COL["状況（入力）"], "たぶん無事")
    wb.save(sheet)
    before = len(events_of(window, incident.id))
    shown: list = []
    with qtbot.waitSignal(window.safety.papers.preview_shown, timeout=JOB_MS):
        window.safety.papers.read_back(sheet, show=shown.append)
    dialog = shown[0]
    assert len(dialog.messages) == 1 and dialog.errors.isVisibleTo(dialog)
    error = dialog.messages[0]
    assert f"Sheet {SHEET}, row {FIRST_ROW + 1}, column 状況（入力） (G{FIRST_ROW + 1})" in error and "たぶん無事" in error
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()
    assert len(events_of(window, incident.id)) == before


def test_the_projector_view_shows_counts_per_district_and_no_name_or_map_number(qtbot, window):
    panel = open_panel(window)
    view = window.safety.show_projector()
    assert view.isVisible() and view.isFullScreen()
    expected = district_counts(window.safety.rows.values())
    assert expected and sum(d.total for d in expected) == len(window.safety.rows)

    def texts() -> list[str]:  # a status heading may be on two lines (「要支援・／要救助」): read whole
        return [label.text().replace("\n", "") for label in view.labels() if label.parent() is not None]

    shown = texts()
    for d in expected:
        assert d.district_name in shown
    assert all(STATUS_LABELS[s] in shown for s in SafetyStatus)
    assert str(sum(d.total for d in expected)) in shown
    # Each status heading is marked in its colour, as its ring on the map (a bar along the heading's top edge)
    heads = {label.text().replace("\n", ""): label for label in view.labels() if label.parent() is not None}
    for status in SafetyStatus:
        head = heads[STATUS_LABELS[status]]
        picture = head.grab().toImage()
        assert picture.pixelColor(picture.width() // 2, 2).name() == STATUS_COLORS[status], status
    # No name, reading, phone or address of anyone in the ledger, and no map number label: only counts.
    with window.ledger.Session() as s:
        people = s.execute(select(Person.name, Person.kana, Person.phone)).all()
        numbers = {f"No.{n}" for n in s.scalars(select(Household.map_number))}
        addresses = [a for a in s.scalars(select(Household.address)) if a]
    words = {w for p in people for w in p if w and len(w) > 1} | set(addresses)
    joined = "\n".join(shown)
    assert not [w for w in words if w in joined]
    assert not [n for n in numbers if n in joined]
    counts = {label.text() for label in view.labels() if label.text().isdigit()}
    allowed = {str(n) for d in expected for n in (*d.counts.values(), d.total)}
    allowed |= {str(sum(d.counts[s] for d in expected)) for s in SafetyStatus} | {str(len(window.safety.rows))}
    assert counts <= allowed
    # WHEN a status is recorded in the panel, THEN the projector's count of it goes up at once
    needs_help = STATUS_LABELS[SafetyStatus.NEEDS_HELP]
    before = sum(d.counts[SafetyStatus.NEEDS_HELP] for d in expected)
    target = next(r for r in panel.rows() if r.status is SafetyStatus.UNCHECKED)
    assert panel.list.choose(target.person_id)
    qtbot.mouseClick(panel.buttons[SafetyStatus.NEEDS_HELP], Qt.MouseButton.LeftButton)
    column = next(view.grid.getItemPosition(i)[1] for i in range(view.grid.count())
                  if view.grid.itemAt(i).widget().text().replace("\n", "") == needs_help)
    last_row = max(view.grid.getItemPosition(i)[0] for i in range(view.grid.count()))
    assert view.grid.itemAtPosition(last_row, column).widget().text() == str(before + 1)
    view.close()
    with window.ledger.Session() as s:
        assert s.scalars(select(SafetyEvent).where(SafetyEvent.person_id == target.person_id)).all()


def test_a_click_on_an_incident_a_sync_joined_meanwhile_is_recorded_in_the_one_it_was_joined_into(qtbot, window):
    panel = open_panel(window)
    here = window.safety.incident
    target = next(r for r in panel.rows() if r.status is SafetyStatus.UNCHECKED)
    # GIVEN another laptop's incident for this town, started first, and the two joined by a sync this panel has
    # not heard of yet (it still shows its own incident)
    with window.ledger.Session.begin() as s:
        other = Incident(name="大雨（本部）", kind="flood", started_at=here.started_at - timedelta(hours=1),
                         town_ids=[str(t) for t in here.town_ids])
        s.add(other)
        s.flush()
        other_id = other.id
        incidents.join_open_incidents(s)
    assert window.safety.incident.id == here.id and here.name in panel.incident_label.text()
    # WHEN the user clicks a status for a person
    assert panel.list.choose(target.person_id)
    qtbot.mouseClick(panel.buttons[SafetyStatus.SAFE_HOME], Qt.MouseButton.LeftButton)
    # THEN the click is not lost: the check is in the incident it was joined into, which the panel now shows
    with window.ledger.Session() as s:
        latest = incidents.latest_events(s, other_id)
    assert latest[target.person_id].status is SafetyStatus.SAFE_HOME
    assert events_of(window, here.id) == []
    assert window.safety.incident.id == other_id and "大雨（本部）" in panel.incident_label.text()
    assert {r.person_id: r.status for r in panel.rows()}[target.person_id] is SafetyStatus.SAFE_HOME
    # AND the panel says where it went, without a box
    text = panel.notice.text()
    assert panel.notice.isVisibleTo(panel) and here.name in text and "recorded in “大雨（本部）”" in text
    # AND undo takes the check back in that incident
    window.actions[MainAction.UNDO].trigger()
    with window.ledger.Session() as s:
        assert incidents.latest_events(s, other_id)[target.person_id].status is SafetyStatus.UNCHECKED
