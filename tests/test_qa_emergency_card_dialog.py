"""The card dialog of Step III as welfare staff use it: dates as the View menu says, a refused save keeps the typing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from app.emergency import cards as emergency
from app.ui.emergency_panel import CardDialog
from app.ui.mainwindow.actions import MainAction
from tests.test_ui_map import window  # noqa: F401 - the window fixture

ACCEPTED, REJECTED = CardDialog.DialogCode.Accepted, CardDialog.DialogCode.Rejected


def cards(window):  # noqa: F811
    with window.ledger.Session() as s:
        return {c.person.id: c for c in emergency.list_cards(s, window.towns.town.id)}


@pytest.fixture
def step3(window):  # noqa: F811
    window.show_step(2)
    return window


def test_card_dialog_shows_its_dates_as_the_view_menu_says(qtbot, step3):
    person = next(c for c in cards(step3).values() if c.has_card and c.made_on and c.review_on)
    step3.actions[MainAction.WAREKI].setChecked(False)  # View → dates as 2026-04-01
    shown = []

    def look(dialog):
        shown.append((dialog.made_on.edit.text(), dialog.review_on.edit.text()))
        return REJECTED

    assert step3.emergency.edit_card(person.person.id, show=look) is None
    assert shown == [(person.made_on.isoformat(), person.review_on.isoformat())]
    step3.actions[MainAction.WAREKI].setChecked(True)  # and back to 令和
    step3.emergency.edit_card(person.person.id, show=look)
    assert shown[-1][0].startswith(("令和", "平成")) and "年" in shown[-1][1]


@pytest.mark.expects_dialog
def test_a_refused_save_opens_the_dialog_again_with_everything_typed(qtbot, step3, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warnings.append(text))
    person = next(c for c in cards(step3).values() if not c.has_card)
    rounds = []

    def type_then_fix(dialog):
        rounds.append((dialog.contacts.item(0, 0).text() if dialog.contacts.item(0, 0) else "",
                       dialog.medical_notes.toPlainText(), dialog.review_on.edit.text()))
        if len(rounds) == 1:  # the volunteer types a whole card, with the review date before the made date
            for col, text in enumerate(("長男　一郎", "長男", "090-0000-1111", "福井市")):
                dialog.contacts.setItem(0, col, QTableWidgetItem(text))
            dialog.medical_notes.setPlainText("ワーファリン服用中")
            dialog.made_on.edit.setText("2026-04-01")
            dialog.review_on.edit.setText("2025-04-01")
        elif len(rounds) == 2:  # told why, they fix only the review date
            dialog.review_on.edit.setText("2027-04-01")
        return ACCEPTED

    saved = step3.emergency.edit_card(person.person.id, show=type_then_fix)
    assert len(warnings) == 1 and "review date" in warnings[0]
    # The dialog came back with what was typed, not empty.
    assert rounds[1] == ("長男　一郎", "ワーファリン服用中", "2025-04-01")
    assert len(rounds) == 2 and saved is not None and saved.has_card
    card = cards(step3)[person.person.id]
    assert [c.name for c in card.contacts] == ["長男　一郎"] and card.medical_notes == "ワーファリン服用中"
    assert card.review_on.isoformat() == "2027-04-01"
    step3.actions[MainAction.UNDO].trigger()  # one undo step: the refused try left none
    assert not cards(step3)[person.person.id].has_card


@pytest.mark.expects_dialog
def test_cancelling_after_a_refused_save_saves_nothing(qtbot, step3, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    person = next(c for c in cards(step3).values() if not c.has_card)
    rounds = []

    def phone_without_name_then_cancel(dialog):
        rounds.append(dialog.contacts.item(0, 2).text() if dialog.contacts.item(0, 2) else "")
        if len(rounds) == 1:
            dialog.contacts.setItem(0, 2, QTableWidgetItem("090-0000-1111"))  # a phone, no name
            return ACCEPTED
        return REJECTED

    assert step3.emergency.edit_card(person.person.id, show=phone_without_name_then_cancel) is None
    assert rounds == ["", "090-0000-1111"]
    assert not cards(step3)[person.person.id].has_card


@pytest.mark.expects_dialog
def test_a_refused_save_names_the_field_as_the_dialog_labels_it(qtbot, step3, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warnings.append(text))
    person = next(c for c in cards(step3).values() if not c.has_card)

    def phone_in_the_third_row_without_a_name(dialog):
        if not warnings:
            dialog.contacts.setItem(0, 0, QTableWidgetItem("長男　一郎"))
            dialog.contacts.setItem(2, 2, QTableWidgetItem("090-0000-2222"))  # row 2 left empty
            return ACCEPTED
        if len(warnings) == 1:
            dialog.contacts.setItem(2, 0, QTableWidgetItem("長女　花子"))
            dialog.made_on.edit.setText("2026-04-01")
            dialog.review_on.edit.setText("2025-04-01")
            return ACCEPTED
        return REJECTED

    assert step3.emergency.edit_card(person.person.id, show=phone_in_the_third_row_without_a_name) is None
    # Not "contacts[2].name" nor "review_on": the row of the table and the label beside the field.
    assert warnings[0] == "Emergency contact 3, Name: Please enter a name."
    assert warnings[1].startswith("Review on: ")


def test_editing_a_card_keeps_its_archived_family_doctor(qtbot, step3):
    person = next(c for c in cards(step3).values() if c.has_card and c.family_doctor is not None)
    doctor = person.family_doctor
    with step3.ledger.Session.begin() as s:
        emergency.archive_agency(s, doctor.id)  # the clinic left the directory; the card still names it
    shown = []

    def change_only_the_care_level(dialog):
        shown.append(dialog.family_doctor.currentText())
        dialog.care_level.setCurrentText("要介護3")
        return ACCEPTED

    saved = step3.emergency.edit_card(person.person.id, show=change_only_the_care_level)
    assert saved is not None and saved.care_level == "要介護3"
    assert doctor.name in shown[0] and "no longer in the directory" in shown[0]
    card = cards(step3)[person.person.id]
    assert card.family_doctor is not None and card.family_doctor.id == doctor.id  # not silently unlinked
    assert card.family_doctor_label == doctor.name


def test_a_card_s_family_doctor_in_the_directory_is_chosen_as_it_is(qtbot, step3):
    # GIVEN a card whose family doctor is still in the directory
    person = next(c for c in cards(step3).values() if c.has_card and c.family_doctor is not None)
    shown = []

    def look(dialog):
        combo = dialog.family_doctor
        shown.append((combo.currentText(), [combo.itemText(i) for i in range(combo.count())]))
        return REJECTED

    # WHEN the card is opened
    step3.emergency.edit_card(person.person.id, show=look)
    # THEN the directory's own entry is chosen: not a second copy called "no longer in the directory"
    current, items = shown[0]
    assert person.family_doctor.name in current and "no longer in the directory" not in current
    assert not [text for text in items if "no longer in the directory" in text]
