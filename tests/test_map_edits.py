"""Edits on the real WebEngine page: what a filter counts after edits, the drag handle as the selection moves on, and
a household moved twice, undone and redone through the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from app.core.views import Crs, MapPoint
from app.households import households
from app.maps.features import household_feature
from app.ui.mainwindow.actions import MainAction
from tests.page_calls import run_json, settle
from tests.test_map_canvas import ledger_homes, on_screen
from tests.test_map_fit import close, demo_town, open_town
from tests.test_ui_map import window  # noqa: F401 - the demo's main window, its town's map ready

SIZE = QSize(1280, 1000)  # the whole demo town is in view


def filtered(qtbot, view, codes: list[str] | None) -> tuple[int, set[str]]:
    """What the page answers to a filter (the count it shows), and the ids it then shows."""
    box: list = []
    view.call("setFilter", codes, callback=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0], set(run_json(qtbot, view, "sasaeai.visibleIds()"))


def test_a_filter_counts_what_it_shows_after_households_are_added_changed_and_removed(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        for codes in (["of_concern"], ["none"], None):
            count, shown = filtered(qtbot, view, codes)
            assert count == len(shown) > 0
        # GIVEN one household given another category, one new household with none, one removed, one sent twice
        changed = household_feature(homes[0], Crs.GEO)
        changed["properties"]["categories"] = ["of_concern"]
        view.upsert(changed)
        new = household_feature(homes[1], Crs.GEO)
        new["id"] = "00000000-0000-4000-8000-00000000abcd"
        new["properties"]["categories"] = []
        view.upsert(new)
        view.upsert(new)
        gone = next(h for h in homes[2:] if "of_concern" in h.category_codes)
        view.remove(str(gone.id))
        settle(qtbot, view)
        # WHEN filtered THEN each count is what the page shows, and the shown follow the edits
        concern_count, concern = filtered(qtbot, view, ["of_concern"])
        assert concern_count == len(concern)
        assert str(homes[0].id) in concern and str(gone.id) not in concern
        none_count, none = filtered(qtbot, view, ["none"])
        assert none_count == len(none) and new["id"] in none
        every_count, every = filtered(qtbot, view, None)
        assert every_count == len(every) == len(homes) + 2  # the new one in, the removed one out, and the 2 places
    finally:
        close(view)


def test_the_drag_handle_follows_the_selection_and_speaks_for_the_household_now_selected(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        # two households with symbols of one size (no one of concern there): the same handle is moved
        a, b = [h for h in homes if not household_feature(h, Crs.GEO)["properties"]["ofConcern"]][:2]
        view.select(str(a.id))
        view.select(str(b.id))
        settle(qtbot, view)
        # THEN one handle, over the household now selected
        handles = run_json(qtbot, view, """(function () {
            var box = sasaeai.leafletMap().getContainer().getBoundingClientRect();
            return Array.from(document.querySelectorAll('.drag-handle')).map(function (el) {
                var r = el.getBoundingClientRect();
                return [r.left + r.width / 2 - box.left, r.top + r.height / 2 - box.top]; }); })()""")
        assert len(handles) == 1
        x, y = on_screen(qtbot, view, b.geo.x, b.geo.y)
        assert handles[0] == pytest.approx([x, y], abs=1)
        # WHEN it is clicked THEN the page reports the household now selected
        with qtbot.waitSignal(view.feature_clicked, timeout=10_000) as clicked:
            run_json(qtbot, view, "(function () { document.querySelector('.drag-handle').click(); return true; })()")
        assert clicked.args == [str(b.id)]
    finally:
        close(view)


def test_a_household_moved_twice_goes_back_step_by_step_and_forward_again(qtbot, window):  # noqa: F811
    with window.ledger.Session() as s:
        home = next(h for h in households.list_households(s, window.towns.town.id) if h.geo is not None)
    start = home.geo
    first, second = (MapPoint(Crs.GEO, start.x + d, start.y) for d in (0.0002, 0.0004))

    def where() -> MapPoint | None:
        with window.ledger.Session() as s:
            return households.get_household(s, home.id).geo

    # GIVEN the household dragged twice on the page
    window.map_view.bridge.featureMoved(str(home.id), first.x, first.y)
    window.map_view.bridge.featureMoved(str(home.id), second.x, second.y)
    assert where() == second
    # WHEN undone twice THEN it goes back where each move found it
    window.actions[MainAction.UNDO].trigger()
    assert where() == first
    window.actions[MainAction.UNDO].trigger()
    assert where() == start
    # WHEN redone twice THEN it comes forward again, and undone once more it goes back one step
    window.actions[MainAction.REDO].trigger()
    window.actions[MainAction.REDO].trigger()
    assert where() == second
    window.actions[MainAction.UNDO].trigger()
    assert where() == first
