"""The liaison meeting in the window: a meeting record, the review walk-through with the map following,
outcomes that end a watch (archived, never deleted, undoable), due list, changes and overview."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem

from app.models.meeting import ReviewOutcome
from app.ui.mainwindow.actions import MainAction
from app.ui.meeting_panel import MeetingDialog
from app.watch import network as watch
from tests.test_ui_map import page_state, window  # noqa: F401 - the window fixture


def start_meeting(window, days_ago: int = 0):
    from PySide6.QtCore import QDate

    window.show_step(3)
    dialog = MeetingDialog(window)
    dialog.held_on.setDate(QDate.currentDate().addDays(-days_ago))
    dialog.attendees.setItem(0, 0, QTableWidgetItem("区長　一郎"))
    dialog.notes.setPlainText("令和8年度 第1回")
    return window.meeting.new_meeting(dialog)


def test_reviewing_every_person_with_the_map_following(qtbot, window):
    meeting = start_meeting(window)
    assert meeting is not None and [a.name for a in meeting.attendees] == ["区長　一郎"]
    panel = window.meeting_panel
    assert panel.current_meeting() == meeting.id
    queue = panel.queue
    assert [q.map_number for q in queue] == sorted(q.map_number for q in queue)  # map-number order
    panel.persons.choose(queue[0].person.id)
    assert page_state(qtbot, window)["selected"] == str(queue[0].household_id)
    review = window.meeting.record_outcome(ReviewOutcome.UNCHANGED, "元気にしている")
    assert review is not None and review.meeting_id == meeting.id and review.note == "元気にしている"
    assert panel.current_person() == queue[1].person.id  # on to the next person
    assert panel.progress.text().startswith("1 ")



def test_with_no_meeting_chosen_the_progress_line_counts_no_reviews_at_a_meeting(qtbot, window):
    start_meeting(window)
    panel = window.meeting_panel
    panel.persons.choose(panel.queue[0].person.id)
    assert window.meeting.record_outcome(ReviewOutcome.UNCHANGED) is not None
    assert panel.progress.text().startswith("1 of ")  # a meeting chosen: its reviews are counted
    # WHEN the user chooses "no meeting: review only"
    panel.meeting.setCurrentIndex(0)
    # THEN the line says no meeting is chosen, and still counts who is due, not "0 of N reviewed at this meeting"
    due = sum(1 for q in panel.queue if q.due)
    assert panel.progress.text() == (f"No meeting chosen: reviews are recorded without one; "
                                     f"due for review: {due} of {len(panel.queue)}")
    # and choosing the meeting again counts its review
    panel.meeting.setCurrentIndex(1)
    assert panel.progress.text().startswith("1 of ")


def test_a_watcher_found_for_someone_at_the_meeting_is_counted_on_their_line_of_the_meeting_at_once(qtbot, window):
    """At the liaison meeting the town finds a watcher for a person nobody watched (in Step II, beside the meeting):
    back on the meeting's page, that person's line says so, and so does taking the watcher off again."""
    from app.meeting import meetings
    from tests.test_ui_watch import add_watcher

    start_meeting(window)
    panel = window.meeting_panel
    gap = next(q for q in panel.queue if q.watcher_count == 0)
    watcher = next(link.watcher for c in window.watch_panel.concerns for link in c.links)
    panel.persons.choose(gap.person.id)
    assert "watchers: 0" in panel.detail.text()
    # WHEN the watcher is added in Step II
    window.show_step(1)
    assert add_watcher(window, gap.person.id, watcher) is not None
    # THEN the meeting's line for them counts one watcher, and the rest of the queue is as it was
    window.show_step(3)
    assert panel.item(gap.person.id).watcher_count == 1 and "watchers: 1" in panel.detail.text()
    with window.ledger.Session() as s:
        assert panel.queue == meetings.review_queue(s, window.towns.town.id, meeting_id=panel.current_meeting())
    # AND undone, it counts none again
    window.actions[MainAction.UNDO].trigger()
    assert panel.item(gap.person.id).watcher_count == 0 and "watchers: 0" in panel.detail.text()


def test_moving_away_archives_the_person_and_undo_restores(qtbot, window, monkeypatch):
    start_meeting(window)
    panel = window.meeting_panel
    target = panel.queue[0]
    panel.persons.choose(target.person.id)
    monkeypatch.setattr(window, "confirm", lambda _q: False)
    assert window.meeting.record_outcome(ReviewOutcome.MOVED_AWAY) is None  # asked first, and declined
    monkeypatch.setattr(window, "confirm", lambda _q: True)
    review = window.meeting.record_outcome(ReviewOutcome.MOVED_AWAY, "息子さん宅へ転居")
    assert review.archived_person
    with window.ledger.Session() as s:
        assert target.person.id not in {c.person.id for c in watch.list_concerns(s, window.towns.town.id)}
    assert target.person.id not in {q.person.id for q in panel.queue}
    window.actions[MainAction.UNDO].trigger()
    with window.ledger.Session() as s:
        assert target.person.id in {c.person.id for c in watch.list_concerns(s, window.towns.town.id)}


def test_due_list_changes_and_overview(qtbot, window):
    shown = []
    due = window.meeting.show_due_list(show=shown.append)
    assert len(due.visible_rows()) > 0
    assert window.meeting.show_changes(show=shown.append) is None  # no meeting yet: says so instead
    assert "no liaison meeting" in window.statusBar().currentMessage()
    start_meeting(window, days_ago=7)  # last week's meeting: what changed since then
    window.households.add_household(__import__("app.core.views", fromlist=["x"]).MapPoint(
        __import__("app.core.views", fromlist=["x"]).Crs.PIXEL, 200.0, 200.0))
    changes = window.meeting.show_changes(show=shown.append)
    assert changes is not None and len(changes.visible_rows()) >= 1
    ov = window.meeting.show_overview(show=shown.append)
    rows = ov.visible_rows()
    names = [r[0] for r in rows]
    assert "ひだまり町" in names
    row = names.index("ひだまり町")
    assert int(rows[row][1]) == 61  # households: the demo's 60 and the one just added


def test_self_check_is_answered_kept_and_compared_over_the_years(qtbot, window):
    from app.meeting.selfcheck import Trend
    from app.meeting.selfcheck_items import ITEMS
    from app.models.meeting import CheckerKind
    from app.ui.selfcheck_dialog import SelfCheckDialog, trend_text

    shown: list[SelfCheckDialog] = []
    dialog = window.meeting.show_self_check(show=shown.append)
    assert shown == [dialog] and len(dialog.boxes) == len(ITEMS) == 21  # the seed's 21 items, ①–④
    dialog.choose(2024, CheckerKind.COUNCIL_STAFF)
    assert not any(box.isChecked() for box in dialog.boxes.values())
    for item_id in ("1-1", "1-2", "2-1"):
        dialog.boxes[item_id].setChecked(True)
    dialog.item_notes["1-2"].setText("住民と合同で実施")
    dialog.checker_name.setText("社協　花子")
    assert dialog.save() is not None
    dialog.choose(2025, CheckerKind.COUNCIL_STAFF)  # a new year starts empty
    assert not any(box.isChecked() for box in dialog.boxes.values())
    for item_id in ("1-2", "2-1", "4-1"):
        dialog.boxes[item_id].setChecked(True)
    assert dialog.save() is not None

    # A new window finds both years kept, per checker kind.
    again = window.meeting.show_self_check(show=shown.append)
    again.choose(2024, CheckerKind.COUNCIL_STAFF)
    assert {i for i, box in again.boxes.items() if box.isChecked()} == {"1-1", "1-2", "2-1"}
    assert again.item_notes["1-2"].text() == "住民と合同で実施" and again.checker_name.text() == "社協　花子"
    again.choose(2024, CheckerKind.RESIDENT)
    assert not any(box.isChecked() for box in again.boxes.values())

    again.kind.setCurrentIndex(again.kind.findData(CheckerKind.COUNCIL_STAFF))
    result = again.refresh_comparison()
    assert result.years == (2024, 2025)
    assert [i.id for i in result.improved()] == ["4-1"] and [i.id for i in result.worsened()] == ["1-1"]
    # one item each way reads right (never "1 items")
    assert "1 items" not in again.summary.text() and "newly in place 1, no longer in place 1" in again.summary.text()
    table = again.comparison
    rows = {table.item(r, 0).text().split(" ")[0]: [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}
    assert rows["1-1"][1:] == ["✓", "", trend_text(Trend.WORSENED)]
    assert rows["4-1"][1:] == ["", "✓", trend_text(Trend.IMPROVED)]
    assert rows["①"][1:3] == ["2 / 4", "1 / 4"]  # ① 早期発見: two ticked in 2024, one in 2025
