"""An add on the map (issue 17): the household the operation wrote travels with the change notice, so the map,
the panel and the status line show it without reading it again, and the add stays a handful of statements.

Each shortcut is checked against the plain read it replaced (the oracle): the notice's views against the ledger
read afterwards, the one-household exposure against the list read."""

from __future__ import annotations

import dataclasses
import threading
import uuid

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import event

from app.core.errors import NotFound
from app.core.views import Crs, HouseholdFields, HouseholdView, MapPoint, PersonFields
from app.hazards.exposure import _computed, exposure_of, exposures_for, hazards_at, load_zones
from app.hazards.importer import import_hazard, remove_layer
from app.households import households
from app.households.households import add_household, delete_household, move_household, set_position
from app.models import Household
from app.towns import basemaps
from app.towns.basemaps import follow
from app.towns.georeference import ControlPoint, GeoreferenceError, _fit, fit
from app.towns.towns import create_town
from app.ui.mainwindow.actions import MainAction
from app.ui.operations import OpChanges
from tests.hazard_files import A33_FIELDS, HOME, around, flood, sediment, write_geojson, write_shapefile
from tests.test_edit_path import assert_status_true
from tests.test_ui_map import READY_MS, on_the_drawn_map, page_state, quiet, window  # noqa: F401 - the window fixture


class Statements:
    """The SQL statements the engine runs while counting."""

    def __init__(self, engine) -> None:  # noqa: ANN001
        self.engine, self.seen = engine, []

    def _one(self, _conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        self.seen.append(" ".join(statement.split()))

    def __enter__(self) -> list[str]:
        event.listen(self.engine, "before_cursor_execute", self._one)
        return self.seen

    def __exit__(self, *_exc) -> None:  # noqa: ANN002
        event.remove(self.engine, "before_cursor_execute", self._one)


def notices(window) -> list[OpChanges]:
    got: list[OpChanges] = []
    window.operations.changed.connect(got.append)
    return got


def assert_views_are_the_ledger(window, changes: OpChanges) -> None:
    """Every view the notice carries is what the ledger holds once the operation is committed."""
    with window.ledger.Session() as s:
        for view in changes.views:
            assert view.id in changes.households
            assert view == households.get_household(s, view.id, include_deleted=True)


# ---------------------------------------------------------------- the notice


def test_merged_notices_keep_one_view_per_household_the_later_one():
    with_view = OpChanges.of_household
    first = add_household_view(1, "旧")
    second = add_household_view(1, "新")
    other = add_household_view(2, "別")
    merged = with_view(first) | with_view(second) | with_view(other)
    assert merged.households == {first.id, other.id}
    assert merged.view_of(first.id) == second and merged.view_of(other.id) == other
    assert len(merged.views) == 2
    assert merged == OpChanges(households=frozenset({first.id, other.id}))  # views are not what changed
    assert OpChanges(households=frozenset({first.id})).view_of(first.id) is None  # not carried: read it


def add_household_view(n: int, name: str) -> HouseholdView:
    return HouseholdView(uuid.UUID(int=n), uuid.UUID(int=99), n, name, "", "", None, None, ())


def test_an_add_its_undo_and_redo_reach_the_map_panel_and_status_line_with_the_ledger_view(qtbot, window):
    got = notices(window)
    spot = on_the_drawn_map(window, 410.0, 260.0)
    added = window.households.add_household(spot, HouseholdFields(name="新宅家", category_codes=("elderly_couple",)))
    assert added is not None and got[-1].view_of(added.id) == added
    assert_views_are_the_ledger(window, got[-1])
    assert str(added.id) in page_state(qtbot, window)["ids"]
    assert window.households.selected_id == added.id and window.households.panel.household == added
    assert_status_true(window)
    window.map_view.bridge.featureMoved(str(added.id), spot.x + 0.0003, spot.y)  # dragged on the page
    assert got[-1].view_of(added.id).geo == MapPoint(Crs.GEO, spot.x + 0.0003, spot.y)
    assert_views_are_the_ledger(window, got[-1])
    window.households.add_person(PersonFields(name="新宅 ハナ", of_concern=True))
    assert got[-1].persons_of_concern and [p.name for p in got[-1].view_of(added.id).persons] == ["新宅 ハナ"]
    assert_views_are_the_ledger(window, got[-1])
    assert [p.name for p in window.households.panel.household.persons] == ["新宅 ハナ"]
    for _ in range(3):  # the member, the move, the add
        window.actions[MainAction.UNDO].trigger()
        assert_views_are_the_ledger(window, got[-1])
    assert got[-1].view_of(added.id).deleted
    assert str(added.id) not in page_state(qtbot, window)["ids"]  # the undone add took its symbol away
    assert_status_true(window)
    window.actions[MainAction.REDO].trigger()
    assert_views_are_the_ledger(window, got[-1])
    assert str(added.id) in page_state(qtbot, window)["ids"]  # and the redo brought it back
    assert_status_true(window)


def test_a_household_changed_without_a_view_is_read(qtbot, window):
    """A notice with ids only (an import, a meeting's review) still has the map show the ledger's state."""
    spot = on_the_drawn_map(window, 430.0, 280.0)
    added = window.households.add_household(spot)
    with window.ledger.Session.begin() as s:  # changed behind the window's back, then announced by id
        households.delete_household(s, added.id)
    window.operations.notify(OpChanges.of_households([added.id]))
    assert str(added.id) not in page_state(qtbot, window)["ids"]
    assert_status_true(window)


def outside_every_zone(window) -> MapPoint:
    """A spot of the demo's drawn map in no hazard zone (inside one, the panel looks up the nearest shelters)."""
    with window.ledger.Session() as s:
        for x, y in ((470.0, 320.0), (100.0, 80.0), (700.0, 80.0), (100.0, 550.0), (700.0, 550.0), (400.0, 50.0)):
            spot = on_the_drawn_map(window, x, y)
            found = hazards_at(load_zones(s, spot.x, spot.y, spot.x, spot.y), np.array([spot.x]), np.array([spot.y]))
            if not any(int(a[0]) for a in (found.flood_rank, found.sediment_class, found.storm_surge_rank,
                                            found.tsunami_rank)):
                return spot
    raise AssertionError("no spot of the demo's map outside every hazard zone")


def test_an_add_on_the_map_runs_a_handful_of_statements_and_reads_nothing_back(qtbot, window):
    window.households.add_household(on_the_drawn_map(window, 450.0, 300.0))  # the first one warms caches
    spot = outside_every_zone(window)
    quiet(qtbot, window)  # the open's reads on threads, counted beside the add, made this fail now and then
    with Statements(window.ledger.engine) as seen:
        added = window.households.add_household(spot)
    assert added is not None
    inserts = [s.split(" (")[0] for s in seen if s.startswith("INSERT")]
    assert len(inserts) == len(set(inserts)), inserts  # one insert per table
    assert "INSERT INTO household" in inserts
    reads_back = [s for s in seen if s.startswith("SELECT") and " FROM household " in s
                  and "household.id = ?" in s and "household_exposure" not in s]
    assert reads_back == []  # the view came with the operation; only the exposure reads it (joined)
    assert not [s for s in seen if "FROM person " in s]  # a new household has no members to read
    # the town, its next number and whether its map is a scan (the demo's is: its base map and control points are
    # read), the audit entry, the household, its exposure, the zones near it (the demo has hazard data in use)
    assert len(seen) <= 7, seen
    assert_status_true(window)


def test_the_add_service_reads_the_town_once_and_inserts_once_per_table(ledger):
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町")
        first = add_household(s, town.id, MapPoint(Crs.GEO, 136.2, 35.9))
        delete_household(s, first.id)  # a deleted household keeps its number
    with Statements(ledger.engine) as seen, ledger.Session.begin() as s:
        added = add_household(s, town.id, MapPoint(Crs.GEO, 136.21, 35.91),
                              HouseholdFields(name="新宅家", category_codes=("elderly_couple",)))
    assert added.map_number == first.map_number + 1 and added.persons == ()
    inserts = [s.split(" (")[0] for s in seen if s.startswith("INSERT")]
    assert len(inserts) == len(set(inserts)), inserts
    assert len([s for s in seen if " FROM town" in s]) == 1  # the town checked and numbered in one statement
    assert not [s for s in seen if "FROM person" in s or "FROM household " in s and "household.id = ?" in s]
    # the town, next number and kind of map, the categories, then the inserts (household, its category link, the
    # audit entry); no georeference looked up on a town with no scan
    assert len(seen) <= 5, seen
    with ledger.Session() as s:
        assert households.get_household(s, added.id) == added
    with pytest.raises(NotFound), ledger.Session() as s:
        add_household(s, uuid.uuid4(), None)


def test_the_position_a_move_puts_back_on_undo_is_the_views(ledger):
    """``position_of`` (read before a drag, for its undo) against the household's view (the oracle)."""
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町")
        homes = [add_household(s, town.id, point).id for point in (
            MapPoint(Crs.GEO, 136.2, 35.9), MapPoint(Crs.PIXEL, 120.5, 80.25), None)]
        gone = add_household(s, town.id, MapPoint(Crs.GEO, 136.3, 35.8)).id
        delete_household(s, gone)
    with ledger.Session() as s:
        for hid in homes:
            for crs in Crs:
                assert households.position_of(s, hid, crs) == households.get_household(s, hid).point(crs)
        assert households.position_of(s, homes[0], Crs.GEO) == MapPoint(Crs.GEO, 136.2, 35.9)
        for missing in (gone, uuid.uuid4()):
            with pytest.raises(NotFound):
                households.position_of(s, missing, Crs.GEO)


# ---------------------------------------------------------------- one household's exposure


@pytest.fixture
def town(ledger):
    with ledger.Session.begin() as s:
        return create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))


def comparable(view):
    return dataclasses.replace(view, computed_at=None)  # a value recomputed on read is stamped when read


def assert_exposure_is_the_list_read(ledger, ids) -> None:
    with ledger.Session() as s:
        listed = exposures_for(s, ids)
        for hid in ids:
            if hid in listed:
                assert comparable(exposure_of(s, hid)) == comparable(listed[hid])
            else:
                with pytest.raises(NotFound):
                    exposure_of(s, hid)


def test_one_households_exposure_is_what_the_list_read_gives(ledger, town, tmp_path):
    lon, lat = HOME

    def add(point):
        with ledger.Session.begin() as s:
            return add_household(s, town.id, point).id

    inside = add(MapPoint(Crs.GEO, lon, lat))
    edge = add(MapPoint(Crs.GEO, lon + 0.0008, lat))
    outside = add(MapPoint(Crs.GEO, lon + 0.05, lat + 0.05))
    unplaced = add(None)
    pixel_only = add(MapPoint(Crs.PIXEL, 10, 10))
    gone = add(MapPoint(Crs.GEO, lon, lat))
    ids = [inside, edge, outside, unplaced, pixel_only, gone]
    assert_exposure_is_the_list_read(ledger, ids)  # no hazard data yet
    with ledger.Session.begin() as s:
        layer = import_hazard(s, write_geojson(tmp_path / "A31a-23_18_8606040001.geojson",
                                               [flood(around(lon, lat, 100), 3, "鞍谷川")]))
        import_hazard(s, write_shapefile(tmp_path / "A33-23_18.shp", [sediment(around(lon, lat, 50), 2, 2)],
                                         A33_FIELDS))
        delete_household(s, gone)
    assert_exposure_is_the_list_read(ledger, ids)  # stored rows
    with ledger.Session.begin() as s:
        move_household(s, outside, MapPoint(Crs.GEO, lon, lat))  # stored row now stale until written again
    with ledger.Session() as s:
        assert exposure_of(s, outside).flood_rank == 3 and exposure_of(s, inside).sediment_class == 2
    assert_exposure_is_the_list_read(ledger, ids)
    with ledger.Session.begin() as s:
        remove_layer(s, layer.layer_id)  # an archived layer is no longer in use
    with ledger.Session() as s:
        view = exposure_of(s, inside)
        assert view.flood_rank is None and view.sediment_class == 2
    assert_exposure_is_the_list_read(ledger, ids)


# ---------------------------------------------------------------- the georeference an add uses


def placed_the_old_way(session, town_id, point: MapPoint) -> tuple:
    """The oracle: the position ``place_at`` gave before the add read the base map's kind with the town (the
    georeference looked up on every add)."""
    h = Household(town_id=town_id)
    set_position(h, point)
    georef = basemaps.placing_georeference(session, town_id)
    if georef is None:
        h.derived_coordinate = None
    else:
        follow(h, georef, point.crs)
    return h.lon, h.lat, h.map_x, h.map_y, h.derived_coordinate


def stored_position(session, household_id) -> tuple:
    h = session.get(Household, household_id)
    return h.lon, h.lat, h.map_x, h.map_y, h.derived_coordinate


def test_each_add_is_placed_with_the_base_map_and_control_points_of_that_moment(ledger, tmp_path):
    """Adds between base-map changes (plain → scan → its control points → other points → cleared → plain), each
    placed as the georeference looked up at that moment places it, on either kind of map."""
    scan = tmp_path / "住宅地図.png"
    Image.new("RGB", (2000, 1500), "#f4f1e8").save(scan)
    points = [ControlPoint(120, 140, 136.1703, 35.8998), ControlPoint(1880, 210, 136.1744, 35.9003),
              ControlPoint(1010, 1400, 136.1720, 35.9027)]
    moved = [ControlPoint(p.x, p.y, p.lon + 0.0004, p.lat - 0.0002) for p in points]
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町")
    changes = [
        lambda s: None,  # a plain map
        lambda s: basemaps.set_image_base_map(s, ledger.data_dir, town.id, scan),  # a scan, not tied yet
        lambda s: basemaps.set_control_points(s, town.id, points),
        lambda s: basemaps.set_control_points(s, town.id, moved),
        lambda s: basemaps.clear_control_points(s, town.id),
        lambda s: basemaps.set_plain_base_map(s, ledger.data_dir, town.id),
    ]
    spots = [MapPoint(Crs.PIXEL, 800, 900), MapPoint(Crs.GEO, 136.1725, 35.9010), MapPoint(Crs.GEO, 136.3, 36.0)]
    seen_derived = set()
    for change in changes:
        with ledger.Session.begin() as s:
            change(s)
        for spot in spots:
            with ledger.Session.begin() as s:
                want = placed_the_old_way(s, town.id, spot)
                added = add_household(s, town.id, spot)
            with ledger.Session() as s:
                assert stored_position(s, added.id) == want, (change, spot)
            seen_derived.add(want[4])
        with ledger.Session.begin() as s:  # the change and the add in one transaction: the add sees the change
            change(s)
            want = placed_the_old_way(s, town.id, spots[0])
            added = add_household(s, town.id, spots[0])
            assert stored_position(s, added.id) == want
    assert seen_derived == {None, "geo", "pixel"}  # the scan tied to the ground did derive both ways


def test_an_add_on_a_map_that_is_no_scan_does_not_look_up_a_georeference(ledger):
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町")
        add_household(s, town.id, MapPoint(Crs.GEO, 136.2, 35.9))  # warms the statements
    with Statements(ledger.engine) as seen, ledger.Session.begin() as s:
        add_household(s, town.id, MapPoint(Crs.GEO, 136.21, 35.91))
    assert not [s for s in seen if "FROM base_map" in s and "EXISTS" not in s]
    assert not [s for s in seen if "FROM map_control_point" in s]


def test_a_fit_kept_for_the_same_points_is_the_fit_made_anew():
    points = [ControlPoint(120, 140, 136.1703, 35.8998), ControlPoint(1880, 210, 136.1744, 35.9003),
              ControlPoint(1010, 1400, 136.1720, 35.9027), ControlPoint(300, 1300, 136.1705, 35.9020),
              ControlPoint(1700, 1250, 136.1740, 35.9025), ControlPoint(950, 700, 136.1722, 35.9010, "寺")]
    for some in (points[:3], points):
        kept = fit(some, 2000, 1500)
        assert fit(tuple(some), 2000, 1500) is kept  # asked again (every add and move on the scan): not refitted
        anew = _fit.__wrapped__(tuple(some), 2000, 1500)  # the oracle: fitted from nothing
        assert (kept.kind, kept.points, kept.residuals_m, kept.rms_m) == (anew.kind, anew.points, anew.residuals_m,
                                                                          anew.rms_m)
        for x, y in ((0, 0), (800, 900), (2000, 1500)):
            assert kept.to_geo(x, y) == anew.to_geo(x, y)
            assert kept.to_pixel(*anew.to_geo(x, y)) == anew.to_pixel(*anew.to_geo(x, y))
    moved = [*points[:2], ControlPoint(1010, 1400, 136.1721, 35.9027)]
    assert fit(moved, 2000, 1500).to_geo(800, 900) != fit(points[:3], 2000, 1500).to_geo(800, 900)
    assert fit(points[:3], 2000, 1400) is not fit(points[:3], 2000, 1500)  # another image: another fit
    with pytest.raises(GeoreferenceError):
        fit(points[:2], 2000, 1500)  # too few: refused every time, nothing kept


# ---------------------------------------------------------------- no hazard data in use


def test_with_no_hazard_data_in_use_the_exposure_reads_no_zones_and_is_what_the_zones_give(ledger, town, tmp_path):
    lon, lat = HOME
    with ledger.Session.begin() as s:
        inside = add_household(s, town.id, MapPoint(Crs.GEO, lon, lat)).id
        unplaced = add_household(s, town.id, None).id
    for step in ("no layer", "an archived layer"):
        if step == "an archived layer":  # zones in the ledger, of a layer no longer in use
            with ledger.Session.begin() as s:
                layer = import_hazard(s, write_geojson(tmp_path / "A31a-23_18_8606040001.geojson",
                                                       [flood(around(lon, lat, 100), 3, "鞍谷川")]))
                remove_layer(s, layer.layer_id)
                move_household(s, inside, MapPoint(Crs.GEO, lon + 0.00001, lat))  # its stored row is stale now
        with Statements(ledger.engine) as seen, ledger.Session() as s:
            view = exposure_of(s, inside)
        assert len(seen) == 1 and not [q for q in seen if "FROM hazard_zone" in q], seen
        assert view.known and not view.exposed and view.layers == frozenset()
        assert_exposure_is_the_list_read(ledger, [inside, unplaced])
        with ledger.Session() as s:  # the oracle: the zones read and looked through, as before
            households_ = [(str(hid), *(lambda p: (p.y, p.x) if p else (None, None))(
                households.get_household(s, hid).point(Crs.GEO))) for hid in (inside, unplaced)]
            assert _computed(s, households_, frozenset()) == _computed(s, households_)


# ---------------------------------------------------------------- an add while the unplaced list is read


@pytest.fixture
def held_unplaced_read(monkeypatch, qtbot, window):  # noqa: F811 - the window fixture
    """The background read of the unplaced list is held once read, until released; reads on the UI thread are
    counted (the read a change makes in place). Yields (started, release, reads on the UI thread, the plain read).

    The window's own reads from its first open end first: its unplaced read starts once its lists are filled, as the
    window is handed to the test, and held here it would hold the next open's reads behind it."""
    from app.ui.worker import reads_pool

    assert reads_pool().waitForDone(30_000)
    qtbot.wait(50)  # their results delivered
    release, started, on_ui_thread = threading.Event(), threading.Event(), []
    unplaced = households.unplaced_households

    def held(s, town_id, crs):
        rows = unplaced(s, town_id, crs)  # read, then held: what it returns is the ledger as it was before
        if threading.current_thread() is threading.main_thread():
            on_ui_thread.append(town_id)
        else:
            started.set()
            release.wait(60)
        return rows

    monkeypatch.setattr(households, "unplaced_households", held)
    yield started, release, on_ui_thread, unplaced
    release.set()


def test_an_add_while_the_unplaced_list_is_read_reads_no_list_on_the_ui_thread(qtbot, window, held_unplaced_read):
    started, release, on_ui_thread, read_in_place = held_unplaced_read
    with window.ledger.Session.begin() as s:
        for i in range(2):
            households.add_household(s, window.towns.town.id, None, HouseholdFields(name=f"未配置{i}家"))
    window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: window.map_view.is_ready and started.is_set(), timeout=READY_MS)
    added = window.households.add_household(on_the_drawn_map(window, 410.0, 260.0))
    assert added is not None and on_ui_thread == []  # a city's whole list is not read again in place
    release.set()
    qtbot.waitUntil(lambda: window.households._unplaced_read is None, timeout=READY_MS)
    with window.ledger.Session() as s:  # the oracle: the list read now, in place
        oracle = [v.id for v in read_in_place(s, window.towns.town.id, window.map_view.crs)]
    assert len(oracle) == 2 and added.id not in oracle
    assert window.households.unplaced.count() == 2 and all(window.households.unplaced.has(hid) for hid in oracle)
    assert "(2)" in window.households.unplaced_box.title()
    # undone, the household goes from the map; the list is not read again either (it was never on it)
    window.actions[MainAction.UNDO].trigger()
    assert on_ui_thread == [] and str(added.id) not in page_state(qtbot, window)["ids"]
    assert window.households.unplaced.count() == 2 and not window.households.unplaced.has(added.id)
