"""Tying a scanned town map to the ground in the window: three clicks on the image, three known places, Save, Undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from app.core.views import Crs, HouseholdFields, MapPoint
from app.households import households
from app.towns import basemaps, georeference
from app.towns.reference_layers import import_layer
from app.towns.towns import create_town
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow.actions import MainAction
from tests.conftest import DATA

READY_MS = 60_000
WIDTH, HEIGHT = 400, 300
# Three designated emergency evacuation sites of Echizen (国土地理院's file), far apart, and where a volunteer
# finds them on the scan (pixels, y up from the bottom-left).
SCHOOLS = {
    "味真野小学校": ((136.23284, 35.891024), (120.0, 40.0)),
    "北新庄小学校": ((136.21063, 35.913952), (60.0, 210.0)),
    "服間小学校": ((136.264434, 35.935634), (350.0, 270.0)),
}


@pytest.fixture
def window(qtbot, ledger, tmp_path):
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#e8e0c8"))
    png = tmp_path / "scan.png"
    assert image.save(str(png))
    with ledger.Session.begin() as s:
        town = create_town(s, "味真野地区", "余川町")
        basemaps.set_image_base_map(s, ledger.data_dir, town.id, png)
        import_layer(s, DATA / "echizen" / "gsi_emergency_shiteikinkyu.geojson")
        home = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 200.0, 150.0), HouseholdFields(name="上田家"))
    w = MainWindow(ledger, settings_for(tmp_path))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.map_drawn, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    w.home_id = home.id
    yield w
    if w.towns.georeference_dialog is not None:
        w.towns.georeference_dialog.close()


def open_dialog(qtbot, window):
    window.actions[MainAction.GEOREFERENCE].trigger()
    qtbot.waitUntil(lambda: window.towns.georeference_dialog is not None, timeout=30_000)  # after the address table
    dialog = window.towns.georeference_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.waitExposed(dialog)
    # The volunteer zooms the reference to the schools' part of the city.
    lons = [lonlat[0] for lonlat, _px in SCHOOLS.values()]
    lats = [lonlat[1] for lonlat, _px in SCHOOLS.values()]
    corner_a = dialog.geo_view.scene_pos(min(lons), max(lats))
    corner_b = dialog.geo_view.scene_pos(max(lons), min(lats))
    dialog.geo_view.fit_all(QRectF(corner_a, corner_b).normalized().adjusted(-800, -800, 800, 800))
    return dialog


def click_image(dialog, x: float, y: float) -> None:
    QTest.mouseClick(dialog.image_view.viewport(), Qt.MouseButton.LeftButton, pos=dialog.image_view.viewport_pos(x, y))


def click_place(dialog, lon: float, lat: float) -> None:
    QTest.mouseClick(dialog.geo_view.viewport(), Qt.MouseButton.LeftButton, pos=dialog.geo_view.viewport_pos(lon, lat))


def table(dialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def pair_the_schools(dialog) -> None:
    for (lon, lat), (x, y) in SCHOOLS.values():
        click_image(dialog, x, y)
        click_place(dialog, lon, lat)


def test_three_clicks_on_three_shelters_tie_the_map_and_undo_unties_it(qtbot, window):
    # GIVEN the dialog over a town map image and the city's shelters
    dialog = open_dialog(qtbot, window)
    assert not dialog.save_button.isEnabled()
    # WHEN the volunteer clicks each school on the scan, then the same school among the known places
    pair_the_schools(dialog)
    # THEN the table lists the three pairs with the place's name, its image position and a residual of ~0 m
    rows = table(dialog)
    assert [r[dialog.COL_PLACE] for r in rows] == list(SCHOOLS)
    for row, ((_lonlat, (x, y))) in zip(rows, SCHOOLS.values(), strict=True):
        assert row[dialog.COL_PIXEL] == f"{x:.0f}, {y:.0f}"
        assert float(row[dialog.COL_RESIDUAL]) == pytest.approx(0.0, abs=0.05)
    assert "0.0 m" in dialog.rms.text()
    assert dialog.problem.text() == ""
    assert dialog.save_button.isEnabled()
    # WHEN Save: one undoable command, and the map is drawn again
    with qtbot.waitSignal(window.map_drawn, timeout=READY_MS):
        dialog.save_button.click()
    town_id = window.towns.town.id
    with window.ledger.Session() as s:
        saved = basemaps.georeference_of(s, town_id)
        home = households.get_household(s, window.home_id)
    assert saved is not None
    for point, (name, ((lon, lat), (x, y))) in zip(saved.points, SCHOOLS.items(), strict=True):
        assert (point.label, point.lon, point.lat) == (name, lon, lat)
        assert (point.x, point.y) == pytest.approx((x, y), abs=1.0)  # where the click landed, within a pixel
    # ... the household placed on the scan now has a latitude and longitude, where the scan says it is
    expected = georeference.fit(saved.points, WIDTH, HEIGHT).to_geo(200.0, 150.0)
    assert home.geo is not None
    assert (home.geo.x, home.geo.y) == pytest.approx(expected, abs=1e-7)
    assert home.pixel == MapPoint(Crs.PIXEL, 200.0, 150.0)  # the position the volunteer set is kept
    assert not dialog.save_button.isEnabled()  # nothing is left unsaved
    assert window.operations.undo_stack.canUndo()
    # WHEN Undo (the window's undo stack) THEN the control points are gone
    with qtbot.waitSignal(window.map_drawn, timeout=READY_MS):
        window.actions[MainAction.UNDO].trigger()
    with window.ledger.Session() as s:
        assert basemaps.georeference_of(s, town_id) is None
        home = households.get_household(s, window.home_id)
    assert home.geo is None and home.pixel == MapPoint(Crs.PIXEL, 200.0, 150.0)  # as before


def test_three_points_on_one_line_are_explained_and_nothing_is_saved(qtbot, window):
    dialog = open_dialog(qtbot, window)
    # GIVEN three points on one straight line of the image
    for ((lon, lat), _px), x in zip(SCHOOLS.values(), (50.0, 150.0, 250.0), strict=True):
        click_image(dialog, x, 100.0)
        click_place(dialog, lon, lat)
    # THEN the dialog says what is wrong (no modal box, no crash) and Save is not possible
    assert len(table(dialog)) == 3
    assert "straight line" in dialog.problem.text() or "直線" in dialog.problem.text()
    assert all(r[dialog.COL_RESIDUAL] == "—" for r in table(dialog))
    assert not dialog.save_button.isEnabled()
    dialog.save()
    with window.ledger.Session() as s:
        assert basemaps.georeference_of(s, window.towns.town.id) is None
    assert not window.operations.undo_stack.canUndo()


def test_removing_a_bad_point_updates_the_rms(qtbot, window):
    dialog = open_dialog(qtbot, window)
    pair_the_schools(dialog)
    # GIVEN a fourth point tied to the wrong place (the scan's centre is not 万葉中学校)
    click_image(dialog, 200.0, 150.0)
    click_place(dialog, 136.213091, 35.892126)
    assert table(dialog)[3][dialog.COL_PLACE] == "万葉中学校"
    residuals = [float(r[dialog.COL_RESIDUAL]) for r in table(dialog)]
    assert max(residuals) > 50 and residuals[3] == max(residuals)  # the bad point stands out
    rms_with_bad = dialog.georeference.rms_m
    assert f"{rms_with_bad:.1f} m" in dialog.rms.text()
    # WHEN the volunteer selects it and presses Delete
    dialog.table.selectRow(3)
    dialog.table.setFocus()
    QTest.keyClick(dialog.table, Qt.Key.Key_Delete)
    # THEN three points are left and the RMS is that of the three good ones
    assert len(table(dialog)) == 3
    assert dialog.georeference.rms_m < 0.05 < rms_with_bad
    assert "0.0 m" in dialog.rms.text()
    # ... and the button removes one too
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert len(table(dialog)) == 2
    assert not dialog.save_button.isEnabled()
    assert "1" in dialog.rms.text()  # one more point needed


def test_a_place_is_found_by_folded_text_or_typed_as_coordinates(qtbot, window):
    dialog = open_dialog(qtbot, window)
    # A place from the list: katakana finds the hiragana name, full-width too.
    click_image(dialog, 100.0, 100.0)
    dialog.search.setText("イマダテ")
    visible = [dialog.place_list.item(i) for i in range(dialog.place_list.count())
               if not dialog.place_list.item(i).isHidden()]
    assert [i.text() for i in visible] == ["越前市いまだて芸術館（避難場所）"]
    dialog.use_listed.click()
    assert table(dialog)[0][dialog.COL_PLACE] == "越前市いまだて芸術館"
    # Typed latitude and longitude, in full-width digits; swapped ones are refused with a message.
    click_image(dialog, 300.0, 100.0)
    dialog.lat_edit.setText("136.2")
    dialog.lon_edit.setText("35.9")
    dialog.use_typed.click()
    assert len(table(dialog)) == 1
    assert "swapped" in dialog.problem.text() or "逆" in dialog.problem.text()
    dialog.lat_edit.setText("３５．９０１２")
    dialog.lon_edit.setText("136.2001")
    dialog.use_typed.click()
    assert len(table(dialog)) == 2
    assert table(dialog)[1][dialog.COL_LAT] == "35.901200"
    # A place chosen before a point on the image is explained, not added.
    dialog.choose_place(dialog.places[0])
    assert len(table(dialog)) == 2 and dialog.problem.text() != ""


def test_a_scan_other_than_the_one_tied_says_the_town_has_points_for_another_image(qtbot, window, tmp_path):
    from app.ui.dialogs import BaseMapChoiceDialog

    town_id = window.towns.town.id
    with window.ledger.Session.begin() as s:  # GIVEN the town tied to the ground on its scan (as a sync brings it)
        basemaps.set_control_points(s, town_id, [georeference.ControlPoint(x, y, lon, lat, name)
                                                 for name, ((lon, lat), (x, y)) in SCHOOLS.items()])
        scan = basemaps.base_map_of(s, window.ledger.data_dir, town_id).path
    kept = tmp_path / "the-tied-scan.png"
    kept.write_bytes(scan.read_bytes())
    other = tmp_path / "another-scan.png"
    image = QImage(WIDTH + 100, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#d0d8e0"))
    assert image.save(str(other))
    # WHEN another scan is chosen as the town's map
    with qtbot.waitSignal(window.map_drawn, timeout=READY_MS):
        assert window.towns.choose_base_map(BaseMapChoiceDialog.IMAGE, other)
    # THEN the map is in pixels, and the status bar says the town has points for another image and what to do
    assert window.map_view.crs is Crs.PIXEL
    said = window.statusBar().currentMessage()
    assert f"This town has 3 control points taken on another map image ({WIDTH}×{HEIGHT} pixels)" in said
    # WHEN the tied scan is chosen again THEN the map is on the ground and nothing more is said about points
    window.statusBar().clearMessage()
    with qtbot.waitSignal(window.map_drawn, timeout=READY_MS):
        assert window.towns.choose_base_map(BaseMapChoiceDialog.IMAGE, kept)
    assert window.map_view.crs is Crs.GEO
    assert "control points" not in window.statusBar().currentMessage()
