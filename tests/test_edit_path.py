"""An edit on the map: what the window shows after it (the status line, Step II, the unplaced list) stays exactly
what the ledger holds, now that the window reads only what changed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core.views import Crs, HouseholdFields, MapPoint
from app.households import households, places
from app.maps.query import town_layer
from app.towns import basemaps, towns
from app.towns.georeference import ControlPoint
from app.ui.mainwindow.actions import MainAction
from app.ui.operations import OpChanges
from tests.test_ui_map import READY_MS, on_the_drawn_map, window  # noqa: F401 - the window fixture


def expected_counts(window) -> tuple[int, int]:
    """The oracle: the town's households as its view counts them, the places as the page's layer draws them."""
    with window.ledger.Session() as s:
        town_id = window.towns.town.id
        return (towns.get_town(s, town_id).household_count,
                len(town_layer(s, town_id, window.map_view.crs).places))


def assert_status_true(window) -> None:
    n, p = expected_counts(window)
    assert f": {n} households, {p} gathering places" in window.towns.status.text()


def test_the_status_line_counts_right_through_add_move_delete_undo_and_redo(qtbot, window):
    assert_status_true(window)
    start = window.towns.status.text()
    spot = on_the_drawn_map(window, 300.0, 140.0)
    added = window.households.add_household(spot)
    assert_status_true(window)
    assert start not in window.towns.status.text()  # one more household: the line changed
    window.map_view.bridge.featureMoved(str(added.id), spot.x + 0.0002, spot.y)  # dragged on the page
    assert_status_true(window)
    window.operations.run("Delete household", lambda s: households.delete_household(s, added.id),
                          lambda s: households.restore_household(s, added.id), changes=OpChanges.of_household)
    assert window.towns.status.text() == start  # the deleted one is not counted
    window.actions[MainAction.UNDO].trigger()  # restored
    assert_status_true(window)
    window.actions[MainAction.UNDO].trigger()  # the move undone
    window.actions[MainAction.UNDO].trigger()  # the add undone
    assert window.towns.status.text() == start
    window.actions[MainAction.REDO].trigger()  # the add again (a restore)
    assert_status_true(window)
    assert start not in window.towns.status.text()


def test_the_status_line_counts_gathering_places_added_deleted_and_restored(qtbot, window):
    before = expected_counts(window)
    spot = on_the_drawn_map(window, 280.0, 150.0)
    added = window.households.add_place(spot, places.PlaceFields("いきいきサロン", "salon", "", ""))
    assert added is not None
    assert expected_counts(window)[1] == before[1] + 1
    assert_status_true(window)
    window.operations.run("delete", lambda s: places.delete_place(s, added.id),
                          lambda s: places.restore_place(s, added.id),
                          changes=OpChanges.of_place)
    assert expected_counts(window) == before
    assert_status_true(window)  # a deleted place is no longer counted (the page no longer draws it)
    window.actions[MainAction.UNDO].trigger()
    assert_status_true(window)
    assert expected_counts(window)[1] == before[1] + 1


def test_the_status_line_follows_a_change_of_town(qtbot, window):
    first = window.towns.town
    with window.ledger.Session.begin() as s:
        other = towns.create_town(s, first.district_name, "みどり町")
        for i in range(3):
            households.add_household(s, other.id, MapPoint(Crs.GEO, 136.17 + i * 0.001, 35.9),
                                     HouseholdFields(name=f"緑{i}家"))
        households.add_household(s, other.id, None, HouseholdFields(name="未配置家"))  # counted, though unplaced
    window.towns.refresh_towns()
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(other.id)
    assert "みどり町: 4 households, 0 gathering places" in window.towns.status.text()
    assert_status_true(window)
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(first.id)
    assert_status_true(window)


def test_editing_a_household_on_the_step_ii_list_reads_that_list_again(qtbot, window):
    qtbot.waitUntil(lambda: bool(window.watch_panel.concerns), timeout=READY_MS)
    concern = window.watch_panel.concerns[0]
    with window.ledger.Session() as s:
        before = households.get_household(s, concern.household_id)
    window.households.select_household(before.id)
    window.households.edit_selected(HouseholdFields(before.name, "ひだまり町99丁目9", before.note,
                                                    before.category_codes))
    qtbot.waitUntil(lambda: any(c.household_id == before.id and c.address == "ひだまり町99丁目9"
                                for c in window.watch_panel.concerns), timeout=READY_MS)
    # and again after the list was refilled (the window's set of those households follows the new list)
    window.actions[MainAction.UNDO].trigger()
    qtbot.waitUntil(lambda: any(c.household_id == before.id and c.address == before.address
                                for c in window.watch_panel.concerns), timeout=READY_MS)


def test_the_unplaced_list_read_once_the_map_is_drawn_is_the_one_read_in_place(qtbot, window):
    with window.ledger.Session.begin() as s:
        for i in range(3):
            households.add_household(s, window.towns.town.id, None, HouseholdFields(name=f"未配置{i}家"))
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: window.households.unplaced.count() == 3, timeout=READY_MS)  # read in the background
    with window.ledger.Session() as s:
        oracle = households.unplaced_households(s, window.towns.town.id, window.map_view.crs)
    assert window.households.unplaced.count() == len(oracle) == 3
    assert all(window.households.unplaced.has(v.id) for v in oracle)
    assert "(3)" in window.households.unplaced_box.title() and window.households.unplaced_box.isVisibleTo(window)
    # a pin made right away is not undone by a later read
    window.households.pin(oracle[0].id, on_the_drawn_map(window, 321.0, 123.0))
    qtbot.wait(200)
    assert window.households.unplaced.count() == 2 and not window.households.unplaced.has(oracle[0].id)


def test_placing_on_a_georeferenced_map_uses_the_same_transform_as_the_town_view(qtbot, window):
    town_id = window.towns.town.id
    with window.ledger.Session() as s:
        full, quick = basemaps.georeference_of(s, town_id), basemaps.placing_georeference(s, town_id)
    assert full is not None and quick is not None
    for x, y in ((0.0, 0.0), (321.0, 123.0), (800.0, 600.0)):
        assert quick.to_geo(x, y) == full.to_geo(x, y)
    # new control points: the next placement follows them at once (nothing kept from before)
    points = tuple(ControlPoint(p.x * 0.99, p.y * 0.99, p.lon, p.lat, p.label) for p in full.points)
    assert window.towns.save_control_points(town_id, points)
    with window.ledger.Session() as s:
        full2, quick2 = basemaps.georeference_of(s, town_id), basemaps.placing_georeference(s, town_id)
    assert quick2.to_geo(321.0, 123.0) == full2.to_geo(321.0, 123.0) != full.to_geo(321.0, 123.0)
    qtbot.waitUntil(lambda: window.map_view.is_ready, timeout=READY_MS)
    added = window.households.add_household(MapPoint(Crs.GEO, *full2.to_geo(321.0, 123.0)))
    assert added.pixel is not None
    assert abs(added.pixel.x - 321.0) < 0.01 and abs(added.pixel.y - 123.0) < 0.01


def test_the_status_line_counts_right_for_a_household_unplaced_at_the_load(qtbot, window):
    with window.ledger.Session.begin() as s:
        new = households.add_household(s, window.towns.town.id, None, HouseholdFields(name="新井家"))
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
    assert_status_true(window)
    start = window.towns.status.text()
    window.households.pin(new.id, on_the_drawn_map(window, 321.0, 123.0))  # placed: still one household
    assert window.towns.status.text() == start
    window.operations.run("Delete household", lambda s: households.delete_household(s, new.id),
                          lambda s: households.restore_household(s, new.id), changes=OpChanges.of_household)
    assert_status_true(window)
    assert window.towns.status.text() != start
    window.actions[MainAction.UNDO].trigger()
    assert window.towns.status.text() == start
    window.actions[MainAction.UNDO].trigger()  # unpinned again
    assert window.towns.status.text() == start
    assert_status_true(window)


@pytest.mark.expects_dialog
def test_an_undo_the_ledger_refuses_is_said_changes_nothing_and_leaves_the_stack(qtbot, window, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: said.append(text))
    town = window.towns.town
    old = town.name
    # GIVEN the town renamed from the window (one step on the undo stack) ...
    window.operations.run("Rename town", lambda s: towns.rename_town(s, town.id, "試し町"),
                          lambda s: towns.rename_town(s, town.id, old), changes=OpChanges(towns=True))
    before = window.operations.undo_stack.count()
    # ... and then a town of the old name in the same district, as a sync would bring it
    with window.ledger.Session.begin() as s:
        towns.add_town(s, town.district_name, old)
    # WHEN the rename is undone
    window.actions[MainAction.UNDO].trigger()
    # THEN the ledger refused it: the name stays, the user is told which step and why, and the step is off the stack
    with window.ledger.Session() as s:
        assert towns.get_town(s, town.id).name == "試し町"
    assert len(said) == 1 and said[0].startswith("“Rename town” could not be undone:") and old in said[0]
    assert window.operations.undo_stack.count() == before - 1
    assert window.operations.undo_stack.undoText() != "Rename town"
