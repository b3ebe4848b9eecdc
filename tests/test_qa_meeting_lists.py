"""The meeting's lists as the 区長 and 民生委員 read them: the overview's rows say what each is, dates follow
the View menu's 和暦 setting, and the self-check does not lose ticks that were not saved."""

from __future__ import annotations

from tests.test_ui_map import window  # noqa: F401 - the window fixture


def test_overview_names_the_district_subtotal_and_the_total(qtbot, window):
    # GIVEN the demo ledger: one district (さくら地区) with one town (ひだまり町)
    ov = window.meeting.show_overview(show=lambda _d: None)
    names = [r[0] for r in ov.visible_rows()]
    # THEN the town is listed by its name, the district's subtotal and the grand total say what they are:
    # no row without a name, and the subtotal is not mistaken for a town called さくら地区
    assert names == ["ひだまり町", "さくら地区: district total", "Total"]
    # and the counts are the ledger's: 60 households in the town, its subtotal and the total
    assert [r[1] for r in ov.visible_rows()] == ["60", "60", "60"]


def test_self_check_ticks_not_saved_are_not_lost_when_the_checker_or_year_changes(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.meeting import selfcheck
    from app.models.meeting import CheckerKind

    def kept(year, kind):
        with window.ledger.Session() as s:
            view = selfcheck.get_self_check(s, year, kind)
        return None if view is None else {a.item.id for a in view.answers if a.checked}

    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: (asked.append(text), answers.pop(0))[1])
    dialog = window.meeting.show_self_check(show=lambda _d: None)
    dialog.choose(2024, CheckerKind.COUNCIL_STAFF)  # nothing typed yet: no question
    assert asked == []
    # GIVEN the 社協 staff tick two items and a note, then pick another checker in the list before saving
    dialog.boxes["1-1"].setChecked(True)
    dialog.boxes["1-3"].setChecked(True)
    dialog.item_notes["1-3"].setText("公民館で月1回")
    answers.append(QMessageBox.StandardButton.Cancel)
    dialog.kind.setCurrentIndex(dialog.kind.findData(CheckerKind.RESIDENT))
    # THEN they are asked first, and Cancel keeps the checker and every tick and note they made
    assert len(asked) == 1 and "not saved" in asked[0] and "FY2024" in asked[0]
    assert dialog.current_kind() is CheckerKind.COUNCIL_STAFF and dialog.year.value() == 2024
    assert {i for i, b in dialog.boxes.items() if b.isChecked()} == {"1-1", "1-3"}
    assert dialog.item_notes["1-3"].text() == "公民館で月1回"
    # WHEN they go on to another year and choose Save: the ticks are saved for 2024, the year they were made for
    answers.append(QMessageBox.StandardButton.Save)
    dialog.year.setValue(2025)
    assert kept(2024, CheckerKind.COUNCIL_STAFF) == {"1-1", "1-3"}
    assert kept(2025, CheckerKind.COUNCIL_STAFF) is None
    assert dialog.year.value() == 2025 and not any(b.isChecked() for b in dialog.boxes.values())
    # and closing with a tick not saved asks too; Discard saves nothing
    dialog.boxes["2-1"].setChecked(True)
    answers.append(QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert len(asked) == 3 and answers == []
    assert kept(2025, CheckerKind.COUNCIL_STAFF) is None


def test_what_changed_shows_days_as_the_view_menu_says(qtbot, window):
    import re

    from PySide6.QtWidgets import QLabel

    from app.core.views import Crs, MapPoint
    from app.core.wareki import to_wareki
    from app.ui.mainwindow.actions import MainAction
    from tests.test_ui_meeting import start_meeting

    def changes() -> tuple[str, list[list[str]]]:
        dialog = window.meeting.show_changes(show=lambda _d: None)
        note = " ".join(label.text() for label in dialog.findChildren(QLabel))
        return note, dialog.visible_rows()

    # GIVEN last week's meeting, and a household added since
    held = start_meeting(window, days_ago=7).held_on
    window.households.add_household(MapPoint(Crs.PIXEL, 200.0, 200.0))
    # THEN with 和暦 on (as everywhere else in the meeting: the due list, the meetings' list) the days are 令和
    note, rows = changes()
    assert f"Since {to_wareki(held)}." in note and held.isoformat() not in note
    assert rows and all(re.fullmatch(r"令和\d+年\d+月\d+日 \d\d:\d\d", r[-1]) for r in rows), rows
    # and with it off, as 2026-06-01
    window.actions[MainAction.WAREKI].setChecked(False)
    try:
        note, rows = changes()
        assert f"Since {held.isoformat()}." in note and "令和" not in note
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", r[-1]) for r in rows), rows
    finally:
        window.actions[MainAction.WAREKI].setChecked(True)


def test_what_changed_on_the_day_of_the_first_meeting_does_not_say_there_is_no_meeting(qtbot, window):
    from datetime import date

    from PySide6.QtCore import QDate

    from app.ui.meeting_panel import MeetingDialog

    # GIVEN the town's first meeting with the app, recorded on the day it is held
    window.show_step(3)
    dialog = MeetingDialog(window)
    today = date.today()
    dialog.held_on.setDate(QDate(today.year, today.month, today.day))
    assert window.meeting.new_meeting(dialog).held_on == today
    # WHEN they ask what changed since the last meeting
    assert window.meeting.show_changes(show=lambda _d: None) is None
    # THEN they are told there is no earlier meeting, not to start a meeting (they just did)
    text = window.statusBar().currentMessage()
    assert "before today" in text and "New meeting" not in text


def test_self_check_answered_day_follows_the_view_menus_wareki_setting(qtbot, window):
    from datetime import date

    from app.meeting import selfcheck
    from app.meeting.selfcheck import SelfCheckFields
    from app.models.meeting import CheckerKind
    from app.ui.mainwindow.actions import MainAction

    with window.ledger.Session.begin() as s:
        selfcheck.save_self_check(s, SelfCheckFields(year=2025, checker_kind=CheckerKind.COUNCIL_STAFF,
                                                     checked=["1-1"], answered_on=date(2025, 6, 13)))

    def status() -> str:
        dialog = window.meeting.show_self_check(show=lambda _d: None)
        dialog.choose(2025, CheckerKind.COUNCIL_STAFF)
        return dialog.status.text()

    assert "令和7年6月13日" in status()  # 和暦 on (the default), like the rest of the meeting's days
    window.actions[MainAction.WAREKI].setChecked(False)
    try:
        assert "2025-06-13" in status()
    finally:
        window.actions[MainAction.WAREKI].setChecked(True)


def test_due_list_of_a_town_with_nobody_due_says_so(qtbot, window):
    from PySide6.QtWidgets import QLabel

    from app.towns.towns import add_town

    def due_note() -> tuple[str, int]:
        dialog = window.meeting.show_due_list(show=lambda _d: None)
        return " ".join(label.text() for label in dialog.findChildren(QLabel)), len(dialog.visible_rows())

    # GIVEN the demo town, where persons are due: the list has rows and no such sentence
    note, rows = due_note()
    assert rows > 0 and "Nothing is due" not in note
    # WHEN a town with nobody due (a new town) is open
    with window.ledger.Session.begin() as s:
        town = add_town(s, "さくら地区", "みどり町")
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.towns.load_town(town.id)
    # THEN the empty list says that nothing is due, rather than showing bare headings
    note, rows = due_note()
    assert rows == 0 and "Nothing is due or overdue in this town." in note


def test_overview_bar_keeps_the_share_of_persons_not_watched_in_a_large_total(qtbot, window):
    from app.ui.mainwindow.meeting import watch_bar

    # the demo town: 10 watched, 3 not, one cell a person
    ov = window.meeting.show_overview(show=lambda _d: None)
    assert ov.visible_rows()[0][-1] == "■" * 10 + "□" * 3
    # a district of 100 watched and 40 not: 5 in 7 watched, not half and half
    bar = watch_bar(100, 40)
    assert len(bar) == 30 and bar.count("■") == 21 and bar.count("□") == 9
    # a single person not watched among many still shows; all watched shows no gap
    assert watch_bar(500, 1).count("□") == 1 and watch_bar(45, 0) == "■" * 30
