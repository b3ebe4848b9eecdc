"""The plan window as welfare staff use it: after Undo it shows the plan as it now is (a later Save must not bring
back what was undone) while what was typed and not saved yet is never replaced; its dates follow the View menu's
和暦; a Save that is refused says so and names the field as the window labels it; one plan prints alone."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.models.plans import PlanStart
from app.plans import papers, plans
from app.ui.mainwindow.actions import MainAction
from app.ui.pdf_preview import PdfPreviewDialog
from tests.emergency_fixtures import flat, pdf_pages, pdf_text
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def plan_of(window, person_id):
    with window.ledger.Session() as s:
        return plans.get_plan(s, person_id)


def a_made_plan(window):
    """The plans' priority list shown, and its first person whose plan is made."""
    window.plans.show_list()
    return next(r for r in window.plans.panel.list.visible_views() if r.has_plan)


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def close_without_saving(monkeypatch, *dialogs) -> None:
    """Close plan windows that hold typing not saved, answering "Discard" when asked."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    for dialog in dialogs:
        dialog.close()


def test_undo_shows_the_plan_as_it_was_in_the_open_window_and_a_later_save_keeps_it_undone(qtbot, window):
    made = a_made_plan(window)
    before = plan_of(window, made.id)
    dialog = window.plans.open_plan(made.id)
    # GIVEN the welfare staff change the route and add a supporter, save, then think better of it and Undo
    dialog.route.setPlainText("川沿いの道を南へ")
    dialog.add_supporter(plans.SupporterFields("隣　太郎", "近所", "090-0000-3333"))
    save(dialog)
    assert plan_of(window, made.id).fields.route_note == "川沿いの道を南へ"
    window.actions[MainAction.UNDO].trigger()
    # THEN the still open window shows the route and the supporters as they are again
    assert dialog.route.toPlainText() == before.fields.route_note
    assert dialog.supporters.rowCount() == len(before.supporters)
    assert "隣　太郎" not in [dialog.supporters.item(r, 0).text() for r in range(dialog.supporters.rowCount())]
    # WHEN they then fill in the medication and save
    dialog.medication.setText("朝の薬を持参")
    save(dialog)
    # THEN the undone route and supporter do not come back with it
    after = plan_of(window, made.id)
    assert after.fields.medication == "朝の薬を持参"
    assert after.fields.route_note == before.fields.route_note
    assert [s.name for s in after.supporters] == [s.name for s in before.supporters]
    dialog.close()


def test_what_is_typed_and_not_saved_stays_when_another_plan_is_saved(qtbot, window, monkeypatch):
    window.plans.show_list()
    first, second = [r for r in window.plans.panel.list.visible_views() if r.has_plan][:2]
    typing = window.plans.open_plan(first.id)
    typing.medication.setText("夕食後の薬（まだ保存していない）")
    other = window.plans.open_plan(second.id)
    other.transport.setCurrentText("福祉タクシー")
    save(other)
    assert plan_of(window, second.id).fields.transport == "福祉タクシー"
    assert typing.medication.text() == "夕食後の薬（まだ保存していない）"
    window.actions[MainAction.UNDO].trigger()
    assert other.transport.currentText() == plan_of(window, second.id).fields.transport != "福祉タクシー"
    assert typing.medication.text() == "夕食後の薬（まだ保存していない）"
    close_without_saving(monkeypatch, typing, other)


def test_plan_dates_follow_the_view_menus_wareki_setting(qtbot, window, monkeypatch):
    window.plans.show_list()
    made = next(r for r in window.plans.panel.list.visible_views() if r.has_plan and plan_of(window, r.id).fields.made_on)
    made_on = plan_of(window, made.id).fields.made_on
    # GIVEN the user has turned 和暦 off in the View menu: the other panels show 2026-07-06
    window.actions[MainAction.WAREKI].trigger()
    assert not window.comfort.wareki
    # THEN a plan window opened now shows its dates the same way
    dialog = window.plans.open_plan(made.id)
    assert dialog.made_on.edit.text() == made_on.isoformat()
    # and an open one follows when 和暦 is turned back on; a date being typed is left as it is
    dialog.reviewed_on.edit.setText("来年の春")
    window.actions[MainAction.WAREKI].trigger()
    assert window.comfort.wareki
    assert dialog.made_on.edit.text().startswith("令和") and dialog.made_on.value() == made_on
    assert dialog.reviewed_on.edit.text() == "来年の春"
    close_without_saving(monkeypatch, dialog)


def test_save_with_a_date_that_is_not_one_says_it_did_not_save_and_which_field(qtbot, window):
    made = a_made_plan(window)
    before = plan_of(window, made.id)
    dialog = window.plans.open_plan(made.id)
    # GIVEN a medication typed and a review date written as words
    dialog.medication.setText("朝の薬を持参")
    dialog.reviewed_on.edit.setText("来年の春")
    # WHEN Save is clicked
    save(dialog)
    # THEN nothing is saved, the window says so and names the field, and what was typed is kept
    assert plan_of(window, made.id).fields == before.fields
    assert "Not saved" in dialog.problem.text() and "Reviewed on" in dialog.problem.text()
    assert dialog.medication.text() == "朝の薬を持参"
    # and once the date is put right (a year after the plan was made, whatever today is), Save saves and the
    # message goes
    dialog.reviewed_on.edit.setText((before.fields.made_on + timedelta(days=365)).isoformat())
    save(dialog)
    assert plan_of(window, made.id).fields.medication == "朝の薬を持参"
    assert dialog.problem.text() == ""
    dialog.close()


def test_a_refused_save_names_the_field_as_the_plan_window_labels_it(qtbot, window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    made = a_made_plan(window)
    before = plan_of(window, made.id)
    dialog = window.plans.open_plan(made.id)
    # GIVEN "Other" chosen as when to start, with nothing written under it
    dialog.start.setCurrentIndex(dialog.start.findData(PlanStart.OTHER))
    dialog.start_note.setText("")
    save(dialog)
    # THEN the message names the window's "When to start", not the ledger's start_note
    assert shown[-1] == "When to start: Please write when to start evacuating."
    # GIVEN then a supporter row after an empty one, with a relation and a phone but no name
    dialog.start.setCurrentIndex(dialog.start.findData(PlanStart.ELDERLY_EVACUATION))
    dialog.add_supporter(plans.SupporterFields())
    dialog.add_supporter(plans.SupporterFields("", "近所", "090-0000-3333"))
    save(dialog)
    # THEN it is named by its row in the table and its column
    row = dialog.supporters.rowCount()
    assert shown[-1].startswith(f"Supporter {row}, Name: ")
    assert "supporters[" not in " ".join(shown) and "start_note" not in " ".join(shown)
    assert plan_of(window, made.id).fields == before.fields  # nothing saved
    close_without_saving(monkeypatch, dialog)


def test_one_plan_printed_from_its_window_holds_that_person_only(qtbot, window, monkeypatch, tmp_path):
    window.plans.show_list()
    made = [r for r in window.plans.panel.list.visible_views() if r.has_plan]
    # a plan the watchers may read: the person consented to it (one still 未確認 prints anonymously for them)
    with window.ledger.Session() as s:
        named = {p.view.person.id for p in papers.plans_for(s, window.towns.town.id, papers.DEFAULT_AUDIENCE)
                 if p.view.has_plan and not p.anonymous}
    person = next(r for r in made if r.id in named)
    others = [r for r in made if r is not person]
    shown: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "open", lambda self: shown.append(self))  # the preview, not shown
    dialog = window.plans.open_plan(person.id)
    # WHEN the staff print the plan from its window, to hand it to the person's supporters
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30_000)
    preview = shown[0]
    # THEN the paper is this person's plan alone, not every plan of the town, and saved under their map number
    assert f"No{person.map_number}" in preview.suggested_name
    target = preview.save(tmp_path / "plan.pdf")
    assert pdf_pages(target) == 1
    text = pdf_text(target)
    assert flat(person.name) in text and f"No.{person.map_number}" in text
    assert not [o.name for o in others if flat(o.name) in text]
    preview.reject()
    dialog.close()


def test_a_name_with_markup_shows_as_typed_in_the_plan_window(qtbot, window):
    from sqlalchemy import update

    from app.models import Person

    made = a_made_plan(window)
    # GIVEN a person whose name came from a roster with a tag in it
    with window.ledger.Session.begin() as s:
        s.execute(update(Person).where(Person.id == made.id).values(name="<b>越前</b>　花子"))
    dialog = window.plans.open_plan(made.id)
    # THEN the window's heading shows the characters as typed, never bold text, and so do its other labels
    assert "<b>越前</b>　花子" in dialog.about.text()
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in (dialog.about, dialog.warnings, dialog.card, dialog.problem))
    dialog.close()


def test_closing_with_typing_not_saved_asks_and_cancel_keeps_it_save_saves_it(qtbot, window, monkeypatch):
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: (asked.append(text), answers.pop(0))[1])
    made = a_made_plan(window)
    dialog = window.plans.open_plan(made.id)
    # GIVEN the staff type the medication and close the window without saving
    dialog.medication.setText("朝夕の薬（お薬手帳あり）")
    dialog.close()
    # THEN they are asked first; Cancel keeps the window open with what they typed
    assert len(asked) == 1 and "not saved" in asked[0]
    assert dialog.isVisible() and dialog.medication.text() == "朝夕の薬（お薬手帳あり）"
    # WHEN they close again and choose Save: the plan is saved and the window goes
    dialog.close()
    assert plan_of(window, made.id).fields.medication == "朝夕の薬（お薬手帳あり）"
    qtbot.waitUntil(lambda: made.id not in window.plans.dialogs, timeout=5_000)


def test_closing_with_typing_not_saved_and_discard_saves_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    made = a_made_plan(window)
    before = plan_of(window, made.id)
    dialog = window.plans.open_plan(made.id)
    dialog.route.setPlainText("まだ決めていない道")
    dialog.reject()  # Escape
    qtbot.waitUntil(lambda: made.id not in window.plans.dialogs, timeout=5_000)
    assert plan_of(window, made.id).fields == before.fields
    # and a window with nothing typed closes without a question (an unexpected one fails the test)
    monkeypatch.undo()
    dialog = window.plans.open_plan(made.id)
    dialog.close()
    qtbot.waitUntil(lambda: made.id not in window.plans.dialogs, timeout=5_000)


def test_projector_mode_hides_the_plans_list_and_open_plan_windows_and_brings_them_back(qtbot, window):
    # GIVEN the plans' priority list and one person's plan open beside the map (names, medication)
    made = a_made_plan(window)
    dialog = window.plans.open_plan(made.id)
    assert window.plans.dock.isVisible() and dialog.isVisible()
    # WHEN the window goes to the meeting display
    window.projector.set_projector(True)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    # THEN neither is on the screen, and asking for them again opens nothing and says why
    assert not window.plans.dock.isVisible() and not dialog.isVisible()
    window.plans.show_list()
    assert window.plans.open_plan(made.id) is None
    assert not window.plans.dock.isVisible() and not dialog.isVisible()
    assert "projector" in window.statusBar().currentMessage()
    # WHEN the meeting display is left, THEN both are back as they were
    window.projector.set_projector(False, confirm=False)
    qtbot.waitUntil(lambda: window.plans.dock.isVisible() and dialog.isVisible())
    dialog.close()
