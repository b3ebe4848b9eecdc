"""Recording a liaison meeting as the 区長 does: everyone who came, on the day it was held."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidgetItem

from app.ui.meeting_panel import MeetingDialog
from tests.test_ui_map import window  # noqa: F401 - the window fixture

CAME = ["区長　一郎", "民生　花子", "推進　次郎", "推進　三郎", "相談　久子", "班長　四郎", "班長　五郎", "班長　六子",
        "老人会　七郎", "社協　八重"]


def test_a_meeting_of_ten_is_recorded_with_all_ten_attendees(qtbot, window):
    window.show_step(3)
    dialog = MeetingDialog(window)
    dialog.held_on.setDate(QDate.currentDate().addDays(-1))
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
    dialog.held_on.setDate(QDate.currentDate().addDays(7))
    # THEN the day stays today (the ledger would refuse a later day, and what was typed would be lost)
    held = dialog.fields().held_on
    today = QDate.currentDate()
    assert held == date(today.year(), today.month(), today.day())
