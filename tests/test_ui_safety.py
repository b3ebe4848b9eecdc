"""The safety check in the window, on the real page: the demo incident's roll call, a status recorded with one
click (and undone, as a new event), the counts in the status bar, and the ring on the map."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import SafetyEvent
from app.models.safety import CheckMethod, SafetyStatus
from app.safety import incidents
from app.safety.views import STATUS_COLORS
from app.ui.mainwindow.actions import MainAction
from tests.page_calls import run_js
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def rings(qtbot, window) -> dict:
    return {r["householdId"]: r for r in json.loads(run_js(qtbot, window, "JSON.stringify(sasaeai.statusRings())"))}


def ring_becomes(qtbot, window, household_id, color: str) -> dict:
    """The household's ring as the page draws it, once it has ``color`` (read back with runJavaScript)."""
    for _ in range(50):
        ring = rings(qtbot, window).get(str(household_id))
        if ring is not None and ring["color"] == color:
            return ring
        qtbot.wait(200)
    raise AssertionError(f"the ring of {household_id} never turned {color}: {rings(qtbot, window).get(str(household_id))}")


def test_the_panel_records_a_status_with_one_click_and_the_ring_appears_on_the_map(qtbot, window):
    # GIVEN the demo's incident, opened from the menu
    window.actions[MainAction.SAFETY].trigger()
    panel = window.safety.panel
    shown = panel.rows()
    assert len(shown) > 5 and [r.hazard_order for r in shown] == sorted(r.hazard_order for r in shown)
    assert "未確認" in window.safety.counts.text() and "大雨" in panel.incident_label.text()
    target = next(r for r in shown if r.status is SafetyStatus.UNCHECKED)
    assert ring_becomes(qtbot, window, target.household_id, STATUS_COLORS[SafetyStatus.UNCHECKED])["drawn"] is True
    # WHEN the user picks the person, types who and how, and clicks 要支援・要救助
    assert panel.list.choose(target.person_id)
    panel.checked_by.setText("川村")
    panel.method.setCurrentIndex(panel.method.findData(CheckMethod.PHONE))
    panel.note.setText("2階に取り残されている")
    qtbot.mouseClick(panel.buttons[SafetyStatus.NEEDS_HELP], Qt.MouseButton.LeftButton)
    # THEN the ledger has the event, the list and history show it, the status bar counts it, the ring turns red
    with window.ledger.Session() as s:
        latest = incidents.latest_events(s, window.safety.incident.id)[target.person_id]
    assert (latest.status, latest.checked_by, latest.method, latest.note) == (
        SafetyStatus.NEEDS_HELP, "川村", CheckMethod.PHONE, "2階に取り残されている")
    row = next(r for r in panel.rows() if r.person_id == target.person_id)
    assert row.status_text == "要支援・要救助"
    assert panel.history.item(0).text().count("要支援・要救助") == 1
    ring = ring_becomes(qtbot, window, target.household_id, STATUS_COLORS[SafetyStatus.NEEDS_HELP])
    assert ring["drawn"] is True and "要支援・要救助" in ring["label"]
    # WHEN the user undoes it, THEN a new event puts 未確認 back: both stay in the history, the ring is grey again
    with window.ledger.Session() as s:
        before = len(s.scalars(select(SafetyEvent)).all())
    window.actions[MainAction.UNDO].trigger()
    with window.ledger.Session() as s:
        assert len(s.scalars(select(SafetyEvent)).all()) == before + 1
        history = incidents.history(s, window.safety.incident.id, target.person_id)
    assert [e.status for e in history][:2] == [SafetyStatus.UNCHECKED, SafetyStatus.NEEDS_HELP]
    ring_becomes(qtbot, window, target.household_id, STATUS_COLORS[SafetyStatus.UNCHECKED])


def test_a_watcher_found_for_someone_during_the_roll_call_is_on_their_row_at_once(qtbot, window):
    """On the day, the roll call names who watches over each person (whom to ask): a watcher added to a person in
    Step II while the roll call is open is on that person's row, and gone again when undone."""
    from tests.test_ui_watch import add_watcher

    window.actions[MainAction.SAFETY].trigger()
    panel = window.safety.panel
    concerns = {c.person.id: c for c in window.watch_panel.concerns}
    target = next(r for r in panel.rows() if not r.watchers and r.person_id in concerns)
    watcher = next(link.watcher for c in concerns.values() for link in c.links)
    assert add_watcher(window, target.person_id, watcher) is not None
    assert next(r for r in panel.rows() if r.person_id == target.person_id).watchers == (watcher.name,)
    window.actions[MainAction.UNDO].trigger()
    assert next(r for r in panel.rows() if r.person_id == target.person_id).watchers == ()


def test_the_status_filter_shows_only_persons_with_that_status(qtbot, window):
    window.actions[MainAction.SAFETY].trigger()
    panel = window.safety.panel
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(SafetyStatus.EVACUATED))
    assert panel.rows() and {r.status for r in panel.rows()} == {SafetyStatus.EVACUATED}
    panel.status_filter.setCurrentIndex(0)
    assert len(panel.rows()) == len(window.safety.rows)


def test_every_paper_and_the_projector_are_one_menu_under_the_roll_call(qtbot):
    # GIVEN the roll call's panel: its papers and the projector view under one button (five buttons took three rows
    # of a laptop's dock from the roll call)
    from app.ui.safety_panel import SafetyPanel

    panel = SafetyPanel()
    qtbot.addWidget(panel)
    menu = panel.papers_button.menu()
    assert menu is not None
    wanted = {"Checklists (PDF)…": panel.checklists_requested, "Checklist to type into (Excel)…": panel.excel_requested,
              "Read back a ticked checklist…": panel.read_back_requested, "Log for the city (Excel)…": panel.log_requested,
              "Projector view (no names)": panel.projector_requested}
    # THEN the menu offers the five, and each asks for its own paper (or the projector), and only that one
    assert [action.text() for action in menu.actions()] == list(wanted)
    for action in menu.actions():
        asked: list[str] = []
        for text, signal in wanted.items():
            signal.connect(lambda text=text: asked.append(text))
        action.trigger()
        for signal in wanted.values():
            signal.disconnect()
        assert asked == [action.text()]
