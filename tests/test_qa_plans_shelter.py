"""A plan whose shelter is not the nearest one opens showing its own shelter, and a Save of another field keeps it
(the window used to show, and then save, the nearest shelter instead)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app.models.emergency import ReferenceFeature
from app.plans import plans
from app.plans.views import PlanFields
from app.towns.reference_layers import import_layer
from app.ui.plan_dialog import PlanDialog
from tests.conftest import DATA
from tests.plan_fixtures import plan_town  # noqa: F401 - the fixture

SHELTERS = DATA / "echizen" / "gsi_emergency_shiteikinkyu.geojson"


def test_a_chosen_shelter_other_than_the_nearest_shows_and_stays(qtbot, ledger, plan_town):
    person = plan_town.persons["couple"]
    with ledger.Session.begin() as s:
        import_layer(s, SHELTERS)
        suggested = plans.get_plan(s, person).suggested_shelter
        other = next(f for f in s.scalars(select(ReferenceFeature).where(ReferenceFeature.lat.is_not(None)))
                     if f.id != suggested.feature_id)
        # GIVEN the family chose another shelter than the nearest (their daughter's side of town)
        plans.save_plan(s, person, PlanFields(shelter_id=other.id, consent="yes"), [])
        view = plans.get_plan(s, person)
    assert view.shelter.feature_id == other.id and view.shelter.name == other.name
    dialog = PlanDialog(view, [])
    qtbot.addWidget(dialog)
    # THEN the window shows that shelter
    assert other.name in dialog.shelter.currentText()
    # AND saving a change of another field keeps it
    saved = []
    dialog.saved.connect(lambda pid, fields, supporters: saved.append(fields))
    dialog.medication.setText("血圧の薬")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert saved and saved[0].shelter_id == other.id
    dialog.medication.setText(view.fields.medication)  # nothing left unsaved (no window saves it here)
