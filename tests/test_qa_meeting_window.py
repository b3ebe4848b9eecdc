"""The liaison meeting (Step IV) in the window, as the 区長 uses it: wording, and reaching Step IV."""

from __future__ import annotations

import re

from app.__main__ import build_parser
from app.models.meeting import ReviewOutcome
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def test_step_iv_can_be_opened_from_the_command_line():
    # WHEN someone asks for the liaison meeting's step (to show it, or to capture it for a manual)
    args = build_parser().parse_args(["--demo", "--step", "4"])
    # THEN it is accepted, like steps I to III
    assert args.step == 4


def test_ending_a_watch_asks_in_plain_english(qtbot, window, monkeypatch):
    window.show_step(3)
    panel = window.meeting_panel
    panel.persons.choose(panel.queue[0].person.id)
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda q: (asked.append(q), False)[1])
    # WHEN the 区長 presses "Moved away"
    window.meeting.record_outcome(ReviewOutcome.MOVED_AWAY)
    # THEN the question reads as a sentence, not "that they Moved away"
    assert asked and "that they" not in asked[0] and "“Moved away”" in asked[0]


def test_the_person_shown_never_reads_1_watchers(qtbot, window):
    window.show_step(3)
    panel = window.meeting_panel
    # The count is told as "watchers: N", which reads right for 0, 1 and 2 (never "1 watchers").
    for q in panel.queue[:4]:
        panel.persons.choose(q.person.id)
        text = panel.detail.text()
        assert f"watchers: {q.watcher_count}" in text and not re.search(r"\b1 watchers\b", text)


def _meeting_with_a_review(window, monkeypatch, days_ago: int = 3):
    from tests.test_ui_meeting import start_meeting

    made = start_meeting(window, days_ago=days_ago)
    panel = window.meeting_panel
    panel.persons.choose(panel.queue[0].person.id)
    review = window.meeting.record_outcome(ReviewOutcome.UNCHANGED, "元気")
    return made, review


def test_a_meeting_with_a_wrong_day_and_a_name_missing_is_corrected_and_undone(qtbot, window, monkeypatch):
    from datetime import date, timedelta

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QTableWidgetItem

    from app.meeting import meetings
    from app.ui.mainwindow.actions import MainAction
    from app.ui.meeting_panel import MeetingDialog

    made, review = _meeting_with_a_review(window, monkeypatch)
    panel = window.meeting_panel
    assert panel.current_meeting() == made.id and panel.edit_button.isEnabled()
    # WHEN the 区長 opens the meeting to correct it: it shows what was recorded
    dialog = MeetingDialog(window, panel.meeting_view(made.id))
    qtbot.addWidget(dialog)
    assert dialog.attendees.item(0, 0).text() == "区長　一郎" and dialog.notes.toPlainText() == "令和8年度 第1回"
    assert not dialog.has_unsaved_edits()
    # and they correct the day (it was held a day earlier) and add the 民生委員 who came too
    right = date.today() - timedelta(days=4)
    dialog.held_on.setDate(QDate(right.year, right.month, right.day))
    dialog.attendees.setItem(1, 0, QTableWidgetItem("民生　花子"))
    dialog.accept()  # OK
    edited = window.meeting.edit_meeting(dialog)
    # THEN the meeting reads as corrected, and the review made at it carries the meeting's day
    assert edited is not None and edited.held_on == right
    assert [a.name for a in edited.attendees] == ["区長　一郎", "民生　花子"]
    with window.ledger.Session() as s:
        assert [r.reviewed_on for r in meetings.meeting_reviews(s, made.id)] == [right]
    assert panel.current_meeting() == made.id
    # and undo puts the meeting back as it was
    window.actions[MainAction.UNDO].trigger()
    with window.ledger.Session() as s:
        back = meetings.get_meeting(s, made.id)
        assert back.held_on == made.held_on and [a.name for a in back.attendees] == ["区長　一郎"]
        assert [r.reviewed_on for r in meetings.meeting_reviews(s, made.id)] == [made.held_on]


def test_a_meeting_entered_twice_is_deleted_after_asking_and_undo_brings_it_back(qtbot, window, monkeypatch):
    from app.meeting import meetings
    from app.ui.mainwindow.actions import MainAction

    made, review = _meeting_with_a_review(window, monkeypatch)
    panel = window.meeting_panel
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda q: (asked.append(q), False)[1])
    # WHEN the 区長 presses Delete and says No: nothing happens
    panel.delete_button.click()
    assert len(asked) == 1 and "kept" in asked[0]
    assert panel.current_meeting() == made.id
    # WHEN they say Yes: the meeting leaves the list; the review made at it stays in the ledger
    monkeypatch.setattr(window, "confirm", lambda q: True)
    panel.delete_button.click()
    with window.ledger.Session() as s:
        assert made.id not in {m.id for m in meetings.list_meetings(s, window.towns.town.id)}
        assert review.id in {r.id for r in meetings.list_reviews(s, review.person_id)}
    assert panel.current_meeting() is None and not panel.delete_button.isEnabled()
    assert not any(q.reviewed_at_meeting for q in panel.queue)
    # and undo brings the meeting back to the list
    window.actions[MainAction.UNDO].trigger()
    assert panel.meeting.findData(str(made.id)) > 0


def test_cancel_with_attendees_typed_asks_before_throwing_them_away(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

    from app.ui.meeting_panel import MeetingDialog

    window.show_step(3)
    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: (asked.append(text), answers.pop(0))[1])
    dialog = MeetingDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    # GIVEN the 区長 typed who came
    dialog.attendees.setItem(0, 0, QTableWidgetItem("区長　一郎"))
    dialog.attendees.setItem(1, 0, QTableWidgetItem("民生　花子"))
    # WHEN they press Cancel and then choose to go on typing: the dialog stays, with both names
    answers.append(QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert len(asked) == 1 and dialog.isVisible()
    assert [a.name for a in dialog.fields().attendees] == ["区長　一郎", "民生　花子"]
    # WHEN they press Cancel and choose Discard: the dialog closes as cancelled
    answers.append(QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == MeetingDialog.DialogCode.Rejected and answers == []
    # and Save keeps what was typed: the dialog closes as OK, and the meeting is recorded with it
    typed = MeetingDialog(window)
    qtbot.addWidget(typed)
    typed.show()
    typed.attendees.setItem(0, 0, QTableWidgetItem("推進　次郎"))
    answers.append(QMessageBox.StandardButton.Save)
    typed.reject()
    assert typed.result() == MeetingDialog.DialogCode.Accepted and len(asked) == 3
    made = window.meeting.new_meeting(typed)
    assert made is not None and [a.name for a in made.attendees] == ["推進　次郎"]
    # and an empty dialog closes without a question
    empty = MeetingDialog(window)
    qtbot.addWidget(empty)
    empty.show()
    empty.reject()
    assert len(asked) == 3 and not empty.isVisible()


def test_a_review_that_leaves_a_household_empty_offers_to_take_it_off_the_map(qtbot, window, monkeypatch):
    from app.households import households
    from app.ui.mainwindow.actions import MainAction

    window.show_step(3)
    panel = window.meeting_panel
    with window.ledger.Session() as s:
        alone = next(q for q in panel.queue if len(households.get_household(s, q.household_id).persons) == 1)
    panel.persons.choose(alone.person.id)
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda q: (asked.append(q), True)[1])
    # WHEN the 区長 records that the one person of the household passed away
    review = window.meeting.record_outcome(ReviewOutcome.DIED, "")
    assert review is not None and review.household_now_empty
    # THEN they are told nobody is left there, and asked whether to take the household off the map
    assert len(asked) == 2 and f"Nobody is left in household No.{alone.map_number}" in asked[1]
    # and Yes takes it off the map (kept in the ledger, as Step I's Delete household… does)
    with window.ledger.Session() as s:
        assert alone.household_id not in {h.id for h in households.list_households(s, window.towns.town.id)}
        assert households.get_household(s, alone.household_id, include_deleted=True).deleted
    # and Undo brings the household back (the review stays until undone too)
    window.actions[MainAction.UNDO].trigger()
    with window.ledger.Session() as s:
        assert not households.get_household(s, alone.household_id).deleted


def test_no_keeps_the_empty_household_on_the_map_and_says_so(qtbot, window, monkeypatch):
    from app.households import households

    window.show_step(3)
    panel = window.meeting_panel
    with window.ledger.Session() as s:
        alone = next(q for q in panel.queue if len(households.get_household(s, q.household_id).persons) == 1)
    panel.persons.choose(alone.person.id)
    answers = [True, False]  # yes, they moved away; no, keep the house on the map
    monkeypatch.setattr(window, "confirm", lambda q: answers.pop(0))
    assert window.meeting.record_outcome(ReviewOutcome.MOVED_AWAY, "") is not None
    assert answers == []
    with window.ledger.Session() as s:
        assert not households.get_household(s, alone.household_id).deleted
    assert f"Nobody is left in household No.{alone.map_number}" in window.statusBar().currentMessage()


def test_the_panel_and_the_due_list_say_what_each_counts_and_agree(qtbot, window):
    window.show_step(3)
    panel = window.meeting_panel
    # The panel counts the reviews due, and says so
    shown = re.search(r"due for review: (\d+)", panel.progress.text())
    assert shown is not None
    due_reviews = int(shown.group(1))
    # The due list (cards and watchers too: more rows) says how many of its persons are due for review: the same
    dialog = window.meeting.show_due_list(show=lambda _d: None)
    rows = dialog.visible_rows()
    assert len(rows) > due_reviews
    from PySide6.QtWidgets import QLabel

    note = " ".join(label.text() for label in dialog.findChildren(QLabel))
    listed = re.search(r"Due for review \(as counted above the review list\): (\d+)", note)
    assert listed is not None and int(listed.group(1)) == due_reviews
    review_whys = {"Never reviewed at a liaison meeting", "Not reviewed in the last 12 months"}
    assert len({(r[0], r[1]) for r in rows if r[2] in review_whys}) == due_reviews
    assert "emergency cards to make or review:" in note and "nobody watching yet:" in note
