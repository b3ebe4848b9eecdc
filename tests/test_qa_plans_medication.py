"""服薬 and the emergency card's medical notes (「服薬・アレルギー等」): a NEW plan starts from the card's notes and its
window says where they came from; a plan that is made keeps its own 服薬 whatever the card says later; and a blank
form printed for a person without a plan does not carry the card's notes (the card's window promises they are
printed on the card only)."""

from __future__ import annotations

from app.emergency import cards as emergency
from app.emergency.views import CardFields
from app.plans import papers, plans
from app.plans.views import PlanFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import flat, pdf_text
from tests.plan_fixtures import plan_town  # noqa: F401 - the fixture
from tests.test_ui_map import window  # noqa: F401 - the window fixture

NOTES = "ワーファリン服用中、そばアレルギー"


def test_a_made_plan_keeps_its_medication_and_a_blank_form_does_not_print_the_cards_notes(ledger, plan_town, tmp_path):
    person = plan_town.persons["alone_deep"]
    with ledger.Session.begin() as s:
        emergency.save_card(s, person, CardFields(care_level="要介護2", medical_notes=NOTES))
        # a new plan starts from the card
        assert plans.get_plan(s, person).fields.medication == NOTES
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "blank.pdf", audience=Audience.STAFF,
                                   person_ids=[person])
    # THEN the blank form to fill in by hand has the person, and an empty 服薬: not the card's notes
    text = pdf_text(path, 1, raw=True)
    assert flat("川辺　ハル") in text and "服薬" in text and "ワーファリン" not in text
    with ledger.Session.begin() as s:
        plans.save_plan(s, person, PlanFields(medication="血圧の薬（朝）", consent="yes"), [])
        emergency.save_card(s, person, CardFields(care_level="要介護2", medical_notes="別の薬に変わった"))
    with ledger.Session.begin() as s:
        # a plan that is made keeps its own 服薬 when the card changes, and prints it
        assert plans.get_plan(s, person).fields.medication == "血圧の薬（朝）"
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "made.pdf", audience=Audience.STAFF,
                                   person_ids=[person])
    text = pdf_text(path, 1, raw=True)
    assert flat("血圧の薬（朝）") in text and "別の薬" not in text


def test_the_plan_window_says_a_new_plans_medication_came_from_the_card(qtbot, window):
    window.plans.show_list()
    rows = window.plans.panel.list.visible_views()
    with window.ledger.Session() as s:
        new = next(r for r in rows if not r.has_plan and emergency.get_card(s, r.id).medical_notes)
        notes = emergency.get_card(s, new.id).medical_notes
    made = next(r for r in rows if r.has_plan)
    dialog = window.plans.open_plan(new.id)
    assert dialog.medication.text() == notes
    assert dialog.medication_source.isVisibleTo(dialog)
    assert "emergency card" in dialog.medication_source.text()
    other = window.plans.open_plan(made.id)
    assert not other.medication_source.isVisibleTo(other)
    dialog.close()
    other.close()
