"""Step II's list is in map-number order, then each household's order; members of one household with the same
place in it (an import or a sync can give them that) keep the order they were entered in, whichever index SQLite
reads the persons of concern by (app/watch/list_rows.py ``concern_statement``)."""

from __future__ import annotations

from sqlalchemy import update

from app.core.views import Crs, MapPoint, PersonFields
from app.households.households import add_household, add_person
from app.models import Person
from app.ui.mainwindow.town import read_town_details
from app.watch import network as watch


def test_members_with_the_same_place_in_their_household_keep_the_order_they_were_entered_in(ledger, town):
    # GIVEN two households, each with persons of concern entered one after the other, all at the same place
    with ledger.Session.begin() as s:
        first = add_household(s, town.id, MapPoint(Crs.GEO, 136.19, 35.92))
        second = add_household(s, town.id, MapPoint(Crs.GEO, 136.20, 35.93))
        names = {first.id: [], second.id: []}
        for i in range(6):
            home = (second.id, first.id)[i % 2]
            names[home].append(add_person(s, home, PersonFields(name=f"同順{i}", of_concern=True)).name)
        add_person(s, first.id, PersonFields(name="ふつう"))
        s.execute(update(Person).values(sort_order=0))
    # WHEN the window's lists are read, and Step II's list is read again after an edit
    with ledger.Session() as s:
        details = read_town_details(s, town.id, None)
        again = watch.list_concerns(s, town.id)
    # THEN map-number order, and within a household the order of entry
    expected = names[first.id] + names[second.id]
    assert [c.person.name for c in details.concerns] == expected
    assert [c.person.name for c in again] == expected
    assert [c.person.name for c in details.cards] == expected
    assert [q.person.name for q in details.queue] == expected
