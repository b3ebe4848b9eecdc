"""Step II's homes' hazards come with the persons of concern, in the same query (their stored exposure rows joined to
the households the list reads anyway): they are what ``exposures_for`` gives those homes, stored rows included,
and the list's read runs one statement fewer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, update

from app.core.views import Crs, MapPoint, PersonFields
from app.hazards import exposure
from app.hazards.exposure import exposures_for
from app.hazards.importer import import_hazard
from app.households.households import add_household, add_person, delete_household, delete_person
from app.models import Household
from app.models.hazard import HouseholdExposure
from app.ui.mainwindow.town import read_town_details
from tests.hazard_files import HOME, around, flood, write_geojson
from tests.test_hazards import town  # noqa: F401 - a town around HOME

NOW = datetime(2026, 12, 2, 6, 0, 0)


def _home(s, town, lon=None, lat=None, *, concern=True):  # noqa: ANN001, ANN202
    h = add_household(s, town.id, MapPoint(Crs.GEO, lon, lat) if lon is not None else None)
    add_person(s, h.id, PersonFields(name="気がかり", of_concern=concern))
    return h.id


def test_the_homes_hazards_read_with_the_concerns_are_those_exposures_for_gives(ledger, town, tmp_path,  # noqa: F811
                                                                                 monkeypatch):
    # GIVEN a flood zone around HOME and homes of persons of concern: in the zone, outside it, moved into it since
    # their row was stored, with no stored row, unplaced; a removed home and a removed person's home (not listed)
    with ledger.Session.begin() as s:
        inside = _home(s, town, *HOME)
        add_person(s, inside, PersonFields(name="二人目", of_concern=True))  # two persons, one home
        outside = _home(s, town, HOME[0] + 0.05, HOME[1])
        moved = _home(s, town, HOME[0] + 0.05, HOME[1] + 0.01)
        unstored = _home(s, town, HOME[0] + 0.05, HOME[1] - 0.01)
        unplaced = _home(s, town)
        removed = _home(s, town, *HOME)
        gone = add_household(s, town.id, MapPoint(Crs.GEO, *HOME)).id
        person = add_person(s, gone, PersonFields(name="削除", of_concern=True))
        _home(s, town, *HOME, concern=False)
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 100), 3, "鞍谷川")]))
        s.execute(update(Household).where(Household.id == moved).values(lon=HOME[0], lat=HOME[1]))  # row now stale
        s.query(HouseholdExposure).filter(HouseholdExposure.household_id == unstored).delete()
        delete_household(s, removed)
        delete_person(s, person.id)
    monkeypatch.setattr(exposure, "utcnow", lambda: NOW)  # a view computed in the read is stamped
    statements: list[str] = []
    event.listen(ledger.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    # WHEN the window's read runs
    with ledger.Session() as s:
        got = read_town_details(s, town.id, None)
    read = list(statements)
    # THEN each listed home has one view, the one exposures_for gives, its stored rank read
    with ledger.Session() as s:
        expected = exposures_for(s, [c.household_id for c in got.concerns])
    by_home = {e.household_id: e for e in got.exposures}
    assert len(by_home) == len(got.exposures) == 5
    assert by_home == expected
    assert set(by_home) == {inside, outside, moved, unstored, unplaced}
    assert [by_home[h].flood_rank for h in (inside, outside, moved)] == [3, None, 3]
    assert not by_home[unplaced].known
    # in map-number order, each home's view made once with the very UUID its concerns hold
    assert [e.map_number for e in got.exposures] == sorted(e.map_number for e in got.exposures)
    homes = {c.household_id: c.household_id for c in got.concerns}
    assert all(homes[e.household_id] is e.household_id for e in got.exposures)
    # and one pass over the persons of concern and their homes gave both
    concerns = [sql for sql in read if "person.of_concern IS 1" in sql]
    assert len(concerns) == 1 and "household_exposure.computed_at" in concerns[0]
