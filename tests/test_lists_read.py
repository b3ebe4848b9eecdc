"""The window's background read of Steps II and III (``read_town_details``) gives exactly what the read it replaced
gave (kept here as the oracle: the job of ``TownController.load_details`` at 1aa463f), on a town with every awkward
case and on the demo town: the homes' exposures selected in SQL are those of the ids it bound one by one."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import select

from app.core.views import HouseholdFields, PersonFields
from app.emergency import cards as emergency
from app.hazards import exposure
from app.hazards.exposure import exposures_for
from app.households import households
from app.maps.features import gap_households, line_specs
from app.meeting import meetings
from app.models import Town
from app.ui.mainwindow.town import TownDetails, read_town_details
from app.watch import network as watch
from tests.test_list_rows import town  # noqa: F401 - the awkward town fixture

pytestmark = pytest.mark.timeout(300)
NOW = datetime(2026, 12, 2, 6, 0, 0)


def _old_read(s, town_id: uuid.UUID, keep: uuid.UUID | None) -> TownDetails:
    concerns = watch.list_concerns(s, town_id)
    all_meetings = meetings.list_meetings(s, town_id)
    meeting_id = keep or (all_meetings[0].id if all_meetings else None)
    lines = watch.watch_lines(s, town_id, concerns=concerns)
    return TownDetails(town_id, concerns, emergency.list_cards(s, town_id, concerns=concerns),
                       all_meetings, meeting_id,
                       meetings.review_queue(s, town_id, meeting_id=meeting_id, concerns=concerns),
                       list(exposures_for(s, [c.household_id for c in concerns]).values()),
                       line_specs(lines), gap_households(concerns), frozenset(c.household_id for c in concerns))


def _same(ledger, town_id, monkeypatch) -> TownDetails:  # noqa: ANN001
    monkeypatch.setattr(exposure, "utcnow", lambda: NOW)  # a household's exposure computed in the read is stamped
    with ledger.Session() as s:
        expected = _old_read(s, town_id, None)
    with ledger.Session() as s:
        got = read_town_details(s, town_id, None)
    # the exposures in any order (the panel keys them by household): read with the concerns, they come in map-number
    # order, the old read's in the order of its IN list
    assert replace(got, exposures=[]) == replace(expected, exposures=[])
    assert {e.household_id: e for e in got.exposures} == {e.household_id: e for e in expected.exposures}
    # one view per household, and its id is the very UUID the concern list holds
    homes = {c.household_id: c.household_id for c in got.concerns}
    assert len(got.exposures) == len(homes)
    assert all(homes[e.household_id] is e.household_id for e in got.exposures)
    return got


def test_the_read_gives_what_the_old_read_gave_on_an_awkward_town(town, monkeypatch):  # noqa: F811
    # GIVEN a town with removed members and households, an unplaced household with a person of concern, and a
    # household with two persons of concern and one not of concern
    ledger, town_id = town
    with ledger.Session.begin() as s:
        home = households.add_household(s, town_id, None, HouseholdFields(name="二人の家"))
        households.add_person(s, home.id, PersonFields(name="一 気がかり", of_concern=True))
        households.add_person(s, home.id, PersonFields(name="二 気がかり", of_concern=True))
        households.add_person(s, home.id, PersonFields(name="三 ふつう"))
    # WHEN the window's read runs THEN it is the old read, view for view
    got = _same(ledger, town_id, monkeypatch)
    assert len(got.concerns) > 50 and got.exposures
    assert sum(1 for c in got.concerns if c.household_id == home.id) == 2
    assert sum(1 for e in got.exposures if e.household_id == home.id) == 1


def test_the_read_gives_what_the_old_read_gave_on_the_demo_town(demo_ledger, monkeypatch):
    with demo_ledger.Session() as s:
        town_id = s.scalars(select(Town.id)).first()
    assert _same(demo_ledger, town_id, monkeypatch).concerns
