"""An edit on the map costs what one household costs, however large the town: the list of households not on the map
yet is kept up to date from the edit itself (never read again on the UI thread: a pass over every household), and
the page takes more households than it was loaded with."""

from __future__ import annotations

import threading
import uuid

import pytest

from app.core.views import HouseholdFields
from app.households import households
from app.ui.mainwindow.actions import MainAction
from app.ui.operations import OpChanges
from tests.page_calls import run_json
from tests.test_add_path import held_unplaced_read  # noqa: F401 - the fixture
from tests.test_map_canvas import SIZE, drawn, ledger_homes, moved_feature, same_as_full
from tests.test_map_fit import READY_MS, close, demo_town, open_town
from tests.test_ui_map import on_the_drawn_map, window  # noqa: F401 - the window fixture


def add_unplaced(window, names: list[str]) -> list[uuid.UUID]:  # noqa: F811
    with window.ledger.Session.begin() as s:
        return [households.add_household(s, window.towns.town.id, None, HouseholdFields(name=name)).id
                for name in names]


def listed(window) -> list[uuid.UUID]:  # noqa: F811
    return window.households.unplaced.visible_ids()


READ_IN_PLACE = households.unplaced_households  # the oracle's read (the tests count the window's)


def ledger_list(window) -> list[uuid.UUID]:  # noqa: F811
    with window.ledger.Session() as s:
        return [v.id for v in READ_IN_PLACE(s, window.towns.town.id, window.map_view.crs)]


@pytest.fixture
def reads_on_ui_thread(monkeypatch) -> list[uuid.UUID]:
    """The town ids of every read of the unplaced list made on the UI thread."""
    reads = []

    def counted(s, town_id, crs):
        if threading.current_thread() is threading.main_thread():
            reads.append(town_id)
        return READ_IN_PLACE(s, town_id, crs)

    monkeypatch.setattr(households, "unplaced_households", counted)
    return reads


def test_pinning_unpinning_and_deleting_keep_the_unplaced_list_as_the_ledger_has_it(qtbot, window,  # noqa: F811
                                                                                  reads_on_ui_thread):
    # GIVEN three households not on the map yet, listed once the map is drawn
    first, second, third = add_unplaced(window, ["未配置一家", "未配置二家", "未配置三家"])
    window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: window.map_view.is_ready and len(listed(window)) == 3, timeout=READY_MS)
    assert listed(window) == ledger_list(window) == [first, second, third]
    reads_on_ui_thread.clear()  # the window's own read: in the background
    # WHEN the second is pinned on the map
    window.households.start_pinning(second)
    house = on_the_drawn_map(window, 321.0, 123.0)
    window.map_view.bridge.mapClicked(house.x, house.y)
    # THEN it leaves the list, the others keep their order, and the title counts them
    assert listed(window) == ledger_list(window) == [first, third]
    assert "(2)" in window.households.unplaced_box.title()
    # WHEN it is unpinned (undo): it is back in its place, by map number
    window.actions[MainAction.UNDO].trigger()
    assert listed(window) == ledger_list(window) == [first, second, third]
    assert "(3)" in window.households.unplaced_box.title()
    # WHEN the first is deleted, then the last two pinned: the list empties and hides
    window.operations.run("delete", lambda s: households.delete_household(s, first),
                          lambda s: households.restore_household(s, first), changes=OpChanges.of_household)
    assert listed(window) == ledger_list(window) == [second, third]
    for hid in (second, third):
        window.households.start_pinning(hid)
        window.map_view.bridge.mapClicked(house.x, house.y)
    assert listed(window) == ledger_list(window) == []
    assert not window.households.unplaced_box.isVisibleTo(window)
    # AND the town's list was never read again on the UI thread
    assert reads_on_ui_thread == []


def test_a_pin_while_the_list_is_read_is_applied_to_what_the_read_returns(qtbot, window,  # noqa: F811
                                                                         held_unplaced_read):  # noqa: F811
    started, release, on_ui_thread, _read = held_unplaced_read
    # GIVEN two households not on the map yet, and the list's background read holding what it read
    first, second = add_unplaced(window, ["未配置甲家", "未配置乙家"])
    window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: window.map_view.is_ready and started.is_set(), timeout=READY_MS)
    # WHEN the first is pinned before the read is back
    window.households.start_pinning(first)
    house = on_the_drawn_map(window, 321.0, 123.0)
    window.map_view.bridge.mapClicked(house.x, house.y)
    assert on_ui_thread == []  # the list is not read again in place
    release.set()
    qtbot.waitUntil(lambda: window.households._unplaced_read is None, timeout=READY_MS)
    # THEN the list shows only the second, as the ledger has it now (the read saw both)
    assert listed(window) == ledger_list(window) == [second]
    assert "(1)" in window.households.unplaced_box.title()


def test_households_added_beyond_those_the_page_was_loaded_with_are_drawn_as_a_full_repaint_draws_them(
        qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        loaded = run_json(qtbot, view, "sasaeai.householdCount()")
        same_as_full(qtbot, view)  # from here on the passes are counted
        # GIVEN the demo town's households on the page; WHEN a quarter as many again are added, one by one, each
        # beside a household of the town
        added = []
        for i, home in enumerate(homes[: len(homes) // 4]):
            feature = moved_feature(home, home.geo.x + 0.00002, home.geo.y + 0.00002)
            feature["id"] = str(uuid.UUID(int=i + 1))
            view.upsert(feature)
            added.append(feature["id"])
            got = same_as_full(qtbot, view)
            # THEN each add repaints its neighbourhood only, with the pixels of a full repaint
            assert got["diff"] == 0 and got["partial"] >= 1 and got["full"] == 0, f"add {i + 1}: {got}"
        # AND every household is on the page and drawn, the new ones too
        assert run_json(qtbot, view, "sasaeai.householdCount()") == loaded + len(added)
        assert set(added) <= set(drawn(qtbot, view))
    finally:
        close(view)
