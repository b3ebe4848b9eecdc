"""Households imported without a position wait on a list until a volunteer pins them on the map."""

from __future__ import annotations

import pytest

from app.core.views import Crs, HouseholdFields, MapPoint
from app.households import households
from app.ui.mainwindow.actions import MainAction
from tests.test_ui_map import on_the_drawn_map, page_state, window  # noqa: F401 - the window fixture


def test_an_unplaced_household_is_listed_then_pinned_and_undo_unpins(qtbot, window):
    with window.ledger.Session.begin() as s:
        new = households.add_household(s, window.towns.town.id, None, HouseholdFields(name="新井家", address="ひだまり町9丁目1"))
    window.towns.load_town(window.towns.town.id)
    # the unplaced list is read in the background once the map is drawn
    qtbot.waitUntil(lambda: window.map_view.is_ready and window.households.unplaced.count() == 1, timeout=60_000)
    assert window.households.unplaced_box.isVisibleTo(window) and window.households.unplaced.count() == 1
    assert str(new.id) not in page_state(qtbot, window)["ids"]
    window.households.unplaced.choose(new.id)
    window.households.pin_button.click()
    house = on_the_drawn_map(window, 321.0, 123.0)  # a spot of the demo's drawn map, on its (fictional) ground
    window.map_view.bridge.mapClicked(house.x, house.y)  # the volunteer clicks where the house is
    assert page_state(qtbot, window)["positions"][str(new.id)] == [house.x, house.y]
    assert window.households.unplaced.count() == 0
    with window.ledger.Session() as s:
        pinned = households.get_household(s, new.id)
    assert pinned.point(Crs.GEO) == house  # and the spot on the scan under it, both kept
    assert (pinned.pixel.x, pinned.pixel.y) == (pytest.approx(321.0, abs=0.01), pytest.approx(123.0, abs=0.01))
    window.actions[MainAction.UNDO].trigger()
    assert window.households.unplaced.count() == 1
    assert str(new.id) not in page_state(qtbot, window)["ids"]
    with window.ledger.Session() as s:
        unpinned = households.get_household(s, new.id)
    assert unpinned.geo is None and unpinned.pixel is None  # off the scan too, as before it was pinned


def test_a_guessed_position_is_marked_until_the_house_is_pinned(ledger, town):
    from app.maps.query import town_features
    from app.models import Household

    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, MapPoint(Crs.GEO, 136.17, 35.90), HouseholdFields(name="推定家"))
        s.get(Household, h.id).position_approximate = True  # as a roster import places it from the 町丁目
    with ledger.Session() as s:
        [feature] = town_features(s, town.id, Crs.GEO)["features"]
    assert feature["properties"]["approximate"] is True
    with ledger.Session.begin() as s:
        households.move_household(s, h.id, MapPoint(Crs.GEO, 136.171, 35.901))  # dragged to the real house
    with ledger.Session() as s:
        [feature] = town_features(s, town.id, Crs.GEO)["features"]
    assert feature["properties"]["approximate"] is False
