"""Recording a liaison meeting as the 区長 does: everyone who came, on the day it was held."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidgetItem

from app.ui.meeting_panel import MeetingDialog
from tests.test_ui_map import window  # noqa: F401 - the window fixture

CAME = ["区長　一郎", "民生　花子", "推進　次郎", "推進　三郎", "相談　久子", "班長　四郎", "班長　五郎", "班長　六子",
        "老人会　七郎", "社協　八重"]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_a_meeting_of_ten_is_recorded_with_all_ten_attendees(qtbot, window):
    window.show_step(3)
    dialog = MeetingDialog(window)
    dialog.held_on.setDate(qdate(date.today() - timedelta(days=1)))
    # GIVEN ten people came: the 区長 types each name in the next empty row
    for row, name in enumerate(CAME):
        assert row < dialog.attendees.rowCount(), f"no row for the {row + 1}th attendee"
        dialog.attendees.setItem(row, 0, QTableWidgetItem(name))
    # THEN there is always an empty row for one more, and all ten are recorded
    assert dialog.attendees.rowCount() == len(CAME) + 1
    made = window.meeting.new_meeting(dialog)
    assert made is not None and [a.name for a in made.attendees] == CAME


def test_a_meeting_cannot_be_dated_after_today(qtbot):
    dialog = MeetingDialog()
    qtbot.addWidget(dialog)
    # WHEN the 区長 tries to enter next week's meeting ahead of time
    dialog.held_on.setDate(qdate(date.today() + timedelta(days=7)))
    # THEN the day stays today (the ledger would refuse a later day, and what was typed would be lost)
    assert dialog.fields().held_on == date.today()


def test_a_note_typed_for_one_person_is_not_recorded_for_the_next_one_chosen(qtbot, window):
    from app.meeting import meetings
    from app.models.meeting import ReviewOutcome
    from tests.test_ui_meeting import start_meeting

    start_meeting(window)
    panel = window.meeting_panel
    first, second = panel.queue[0], panel.queue[1]
    # GIVEN a note typed for the first person, then the second chosen in the list before any button
    panel.persons.choose(first.person.id)
    panel.note.setText("入院中、来月退院予定")
    panel.persons.choose(second.person.id)
    # THEN the note field is empty for the second person, and their review carries no note of the first
    assert panel.note.text() == ""
    panel.outcome_buttons[ReviewOutcome.UNCHANGED].click()
    with window.ledger.Session() as s:
        assert [r.note for r in meetings.list_reviews(s, second.person.id)] == [""]
    # and back on the first person, the note typed for them is there still, recorded with their review
    panel.persons.choose(first.person.id)
    assert panel.note.text() == "入院中、来月退院予定"
    panel.outcome_buttons[ReviewOutcome.IN_HOSPITAL].click()
    with window.ledger.Session() as s:
        assert [r.note for r in meetings.list_reviews(s, first.person.id)] == ["入院中、来月退院予定"]


def test_the_meeting_list_text_is_one_translatable_message(qtbot, window, tmp_path):
    """In Japanese the meetings read 「令和8年11月26日  reviews: 0」: the word was hidden from the translators."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from tests.test_ui_meeting import start_meeting

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    source = Path(__file__).resolve().parents[1] / "app" / "ui" / "meeting_panel.py"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), str(source), "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    seen = {m.findtext("source") for c in ET.parse(fresh).getroot().iter("context")
            if c.findtext("name") == "MeetingPanel" for m in c.iter("message")}
    made = start_meeting(window, days_ago=1)
    shown = window.meeting_panel.meeting.currentText()
    # THEN what the list shows comes whole from a message the translators get
    assert "reviews: 0" in shown and made is not None
    assert any(s and "reviews:" in s and "{" in s for s in seen), sorted(s for s in seen if s and "review" in s)


def test_after_a_person_moved_away_the_walk_through_goes_on_to_the_next_not_back_to_the_top(qtbot, window):
    from app.models.meeting import ReviewOutcome
    from tests.test_ui_map import page_state
    from tests.test_ui_meeting import start_meeting

    start_meeting(window)
    panel = window.meeting_panel
    queue = panel.queue
    # GIVEN the meeting leaves the first three for later and takes the fourth person, who has moved away
    panel.persons.choose(queue[3].person.id)
    assert window.meeting.record_outcome(ReviewOutcome.MOVED_AWAY, "息子さん宅へ", confirm=False) is not None
    # THEN the list (and the map) go on to the fifth person, not back to the first
    assert queue[3].person.id not in {q.person.id for q in panel.queue}
    assert panel.current_person() == queue[4].person.id
    assert page_state(qtbot, window)["selected"] == str(queue[4].household_id)
