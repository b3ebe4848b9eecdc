"""The map page on the real WebEngine page: the base map fills the view, the legend never hides a household
and keeps its state across starts, and a scanned map tied to the ground is drawn in real coordinates."""

from __future__ import annotations

import uuid

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtTest import QTest

from app.core.views import Crs, MapPoint
from app.emergency import cards as emergency
from app.households import households
from app.maps.features import legend, reference_collection
from app.maps.page import PageLabels
from app.maps.query import town_layer
from app.maps.view import LEGEND_OPEN, MapView
from app.models import ReferenceFeature
from app.models.emergency import ReferenceKind
from app.paths import basemap_dir
from app.towns import basemaps
from app.towns.georeference import ControlPoint
from tests.page_calls import run_json

READY_MS = 60_000
# The map's part of the window at 1280×1000 (beside the household panel), the whole of it, and a small view.
SIZES = [QSize(810, 870), QSize(1280, 1000), QSize(480, 360)]
MARKER_HALF = 20  # a household's symbol with its rings reaches this far from its position (CSS px)


# Everything a test reads off the screen, in the page's CSS pixels: where each feature is drawn
# (map.latLngToContainerPoint, moved by the container's offset), the legend, the map's box, the base map.
LAYOUT = """(function () {
  var m = sasaeai.leafletMap(), c = m.getContainer().getBoundingClientRect();
  function rect(el) { if (!el) { return null; } var r = el.getBoundingClientRect();
                      return [r.left, r.top, r.right, r.bottom]; }
  return {
    container: [c.left, c.top, c.right, c.bottom],
    legend: rect(document.querySelector('.sasaeai-legend')),
    legendOpen: document.querySelector('.legend-toggle').getAttribute('aria-expanded') === 'true',
    base: rect(document.querySelector('.leaflet-image-layer')),
    zoom: m.getZoom(),
    features: sasaeai.featureData().map(function (f) {
      var p = m.latLngToContainerPoint([f.geometry.coordinates[1], f.geometry.coordinates[0]]);
      return { id: String(f.id), layer: f.properties.layer, x: c.left + p.x, y: c.top + p.y };
    })
  };
})()"""


def layout_at_rest(qtbot, view: MapView) -> dict:
    """The layout once the page has stopped refitting (a resize is answered a frame later)."""
    last: list = [None]

    def still() -> bool:
        now = run_json(qtbot, view, LAYOUT)
        same = now == last[0]
        last[0] = now
        return same

    qtbot.wait(150)
    qtbot.waitUntil(still, timeout=10_000)
    return last[0]


def open_town(qtbot, ledger, town_id: uuid.UUID, size: QSize, settings: QSettings | None = None) -> MapView:
    """The town in a map view of ``size``, loaded as the window loads it."""
    view = MapView(basemap_dir(ledger.data_dir), settings=settings)
    qtbot.addWidget(view)
    view.resize(size)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=READY_MS):
        show_again(view, ledger, town_id)
    return view


def show_again(view: MapView, ledger, town_id: uuid.UUID) -> None:
    """A new page for the town in ``view``, as the window builds it; ``ready`` follows."""
    with ledger.Session() as s:
        base = basemaps.base_map_of(s, ledger.data_dir, town_id)
        categories = households.list_categories(s)
    view.show_town(base, legend(categories), None, PageLabels(), center=(35.9, 136.17))
    with ledger.Session() as s:
        view.set_features(town_layer(s, town_id, base.crs).for_page())
        refs = emergency.list_reference_features(s) if base.crs is Crs.GEO else []
    view.set_references(reference_collection(refs), [])


def close(view: MapView) -> None:
    assert view.js_errors == [], "the page reported JavaScript errors"
    view.shutdown()


def demo_town(ledger) -> uuid.UUID:
    from app.towns import towns

    with ledger.Session() as s:
        return towns.list_towns(s)[0].id


def symbol_shown(feature: dict, layout: dict) -> tuple[float, float, float, float]:
    """The screen rectangle of a feature's symbol, as far as the map's box shows it (it clips at its edges)."""
    left, top, right, bottom = layout["container"]
    x, y = feature["x"], feature["y"]
    return (max(left, x - MARKER_HALF), max(top, y - MARKER_HALF), min(right, x + MARKER_HALF),
            min(bottom, y + MARKER_HALF))


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_legend_hides_no_household_and_the_town_map_fills_the_view(qtbot, demo_ledger, size):
    view = open_town(qtbot, demo_ledger, demo_town(demo_ledger), size)
    try:
        got = layout_at_rest(qtbot, view)
        homes = [f for f in got["features"] if f["layer"] == "household"]
        assert len(homes) == 60
        left, top, right, bottom = got["container"]
        for f in got["features"]:
            # every household is in the map's view, and no part of its symbol is under the legend
            assert left <= f["x"] <= right and top <= f["y"] <= bottom, f
            assert not overlaps(symbol_shown(f, got), got["legend"]), (f, got["legend"])
        # The town map fills the view: as wide or as tall as the map's box, touching both of its edges.
        b = got["base"]
        fills_width = abs(b[0] - left) <= 1 and abs(b[2] - right) <= 1 and b[1] >= top - 1 and b[3] <= bottom + 1
        fills_height = abs(b[1] - top) <= 1 and abs(b[3] - bottom) <= 1 and b[0] >= left - 1 and b[2] <= right + 1
        assert fills_width or fills_height, (b, got["container"])
        # A small view gets the legend as a button, which the keyboard reaches; a large one gets it open.
        assert got["legendOpen"] is (size.width() >= 700)
        assert run_json(qtbot, view, "document.querySelector('.legend-toggle').tagName") == "BUTTON"
        if not got["legendOpen"]:
            # From the keyboard: the button takes the focus and Enter opens the legend, beside the map still.
            run_json(qtbot, view, "document.querySelector('.legend-toggle').focus() || 1")
            view.setFocus()
            QTest.keyClick(view.focusProxy(), Qt.Key.Key_Return)
            opened = layout_at_rest(qtbot, view)
            assert opened["legendOpen"] is True
            assert not [f for f in opened["features"] if overlaps(symbol_shown(f, opened), opened["legend"])]
    finally:
        close(view)


def test_the_map_refits_when_the_view_changes_size_until_the_user_zooms(qtbot, demo_ledger):
    view = open_town(qtbot, demo_ledger, demo_town(demo_ledger), QSize(810, 870))
    try:
        before = layout_at_rest(qtbot, view)
        view.resize(QSize(1200, 600))
        after = layout_at_rest(qtbot, view)
        assert after["zoom"] != before["zoom"]
        b, c = after["base"], after["container"]
        assert abs(b[1] - c[1]) <= 1 and abs(b[3] - c[3]) <= 1  # a wide view: the map fills its height
        # The user zooms in (the + button): from then on a resize keeps the user's view.
        run_json(qtbot, view, "document.querySelector('.leaflet-control-zoom-in').click() || 1")
        zoomed = layout_at_rest(qtbot, view)
        assert zoomed["zoom"] > after["zoom"]
        view.resize(QSize(900, 700))
        assert layout_at_rest(qtbot, view)["zoom"] == zoomed["zoom"]
    finally:
        close(view)


def test_going_to_a_household_keeps_the_scale_the_town_map_was_fitted_to(qtbot, demo_ledger):
    """Choosing a person in Steps II and III, or a search result, brings the household to the middle of the map;
    the map fitted to the view (a zoom between whole steps) used to shrink to the whole step below."""
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, QSize(696, 594))  # the map of a 1280 x 760 window
    try:
        fitted = layout_at_rest(qtbot, view)
        assert fitted["zoom"] != int(fitted["zoom"])  # the town fills the view between two zoom steps
        left, top, right, bottom = fitted["container"]
        with demo_ledger.Session() as s:
            homes = {str(h.id) for h in households.list_households(s, town_id)}
        # the household farthest from the middle, toward the upper right
        far = max((f for f in fitted["features"] if f["id"] in homes), key=lambda f: f["x"] - f["y"])
        view.select(far["id"], pan=True)
        moved = layout_at_rest(qtbot, view)
        assert moved["zoom"] == fitted["zoom"]
        spot = next(f for f in moved["features"] if f["id"] == far["id"])
        # nearer the middle (as far as the map's bounds let it go), never off the view
        assert left < spot["x"] < right and top < spot["y"] < bottom
        assert abs(spot["x"] - (left + right) / 2) < abs(far["x"] - (left + right) / 2) - 20
    finally:
        close(view)


def test_the_legend_state_survives_a_restart_of_the_view(qtbot, demo_ledger, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, QSize(1280, 1000), settings)
    try:
        assert layout_at_rest(qtbot, view)["legendOpen"] is True
        run_json(qtbot, view, "document.querySelector('.legend-toggle').click() || 1")  # the user closes it
        qtbot.waitUntil(lambda: settings.value(LEGEND_OPEN) is not None, timeout=5_000)
        closed = layout_at_rest(qtbot, view)
        assert closed["legendOpen"] is False
        assert closed["container"][2] > 1200  # closed, it is a narrow button: the map takes the room
    finally:
        close(view)
    settings.sync()
    # GIVEN a new start of the view, with the settings read back from the file
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    view = open_town(qtbot, demo_ledger, town_id, QSize(1280, 1000), again)
    try:
        assert layout_at_rest(qtbot, view)["legendOpen"] is False
        run_json(qtbot, view, "document.querySelector('.legend-toggle').click() || 1")  # opened again
        qtbot.waitUntil(lambda: again.value(LEGEND_OPEN) in (True, "true"), timeout=5_000)
    finally:
        close(view)
    small = open_town(qtbot, demo_ledger, town_id, QSize(480, 360), again)
    try:
        assert layout_at_rest(qtbot, small)["legendOpen"] is True  # the user's choice wins over the size
    finally:
        close(small)


# ---------------------------------------------------------------- a scanned map tied to the ground

WIDTH, HEIGHT = 400, 300
WEST, SOUTH = 136.1600, 35.9000
DEG_PER_PX_LON, DEG_PER_PX_LAT = 0.5 / 90_180, 0.5 / 111_000  # about half a metre a pixel


def ground(x: float, y: float) -> tuple[float, float]:
    """Where pixel (x, y) of the test scan is (lon, lat): north up, half a metre a pixel."""
    return WEST + x * DEG_PER_PX_LON, SOUTH + y * DEG_PER_PX_LAT


@pytest.fixture
def tied_town(ledger, town, tmp_path):
    """A town on a scanned map tied to the ground by three points, with two households and a shelter."""
    scan = tmp_path / "scan.png"
    img = Image.new("RGB", (WIDTH, HEIGHT), "#f0ead8")
    ImageDraw.Draw(img).rectangle((0, 0, WIDTH - 1, HEIGHT - 1), outline="#333", width=4)
    img.save(scan)
    with ledger.Session.begin() as s:
        basemaps.set_image_base_map(s, ledger.data_dir, town.id, scan)
        homes = [households.add_household(s, town.id, MapPoint(Crs.PIXEL, x, y)).id for x, y in ((100, 80), (300, 220))]
        basemaps.set_control_points(s, town.id, [ControlPoint(x, y, *ground(x, y), f"p{i}")
                                                  for i, (x, y) in enumerate(((0, 0), (400, 0), (0, 300)))])
        s.add(ReferenceFeature(kind=ReferenceKind.DESIGNATED_SHELTER, name="ひだまり小学校", lat=ground(200, 150)[1],
                               lon=ground(200, 150)[0], source="shelters.csv", source_row=2))
    return town.id, homes


def test_a_scanned_map_tied_to_the_ground_is_drawn_in_real_coordinates(qtbot, ledger, tied_town):
    town_id, homes = tied_town
    view = open_town(qtbot, ledger, town_id, QSize(800, 600))
    try:
        assert view.crs is Crs.GEO
        overlay = run_json(qtbot, view, """(function () {
          var out = null; sasaeai.leafletMap().eachLayer(function (l) {
            if (l instanceof L.ImageOverlay) { var b = l.getBounds();
              out = { url: l._url, bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] }; } });
          return out; })()""")
        # The warped scan, served through the app's scheme, between the scan's corners on the ground.
        assert overlay["url"].startswith("sasaeai://basemap/") and ".warped-" in overlay["url"]
        expected = (*ground(0, 0), *ground(WIDTH, HEIGHT))
        assert overlay["bounds"] == pytest.approx(expected, abs=1e-7)
        assert view.scheme_handler.served >= 1  # the warped image was served (a failed load is a page error)
        state = view_state(qtbot, view)
        for hid, (x, y) in zip(homes, ((100, 80), (300, 220)), strict=True):
            assert state["positions"][str(hid)] == pytest.approx(ground(x, y), abs=1e-7)  # lon, lat
        lon, lat = ground(100, 80)
        drawn = run_json(qtbot, view, f"""(function () {{ var m = sasaeai.leafletMap();
          var hit = sasaeai.drawnSymbols().filter(function (d) {{ return d[0] === '{homes[0]}'; }})[0];
          var want = m.latLngToContainerPoint([{lat!r}, {lon!r}]);
          return [hit[1], hit[2], want.x, want.y]; }})()""")
        assert drawn[:2] == pytest.approx(drawn[2:], abs=1)  # its symbol is drawn where that ground is on screen
        assert state["references"] == 1 and state["referencesShown"] is True  # the shelter is on the scan
        got = layout_at_rest(qtbot, view)
        b, c = got["base"], got["container"]
        assert (abs(b[0] - c[0]) <= 1 and abs(b[2] - c[2]) <= 1) or (abs(b[1] - c[1]) <= 1 and abs(b[3] - c[3]) <= 1)
    finally:
        close(view)


def view_state(qtbot, view: MapView) -> dict:
    box: dict = {}
    view.state(lambda result: box.setdefault("state", result))
    qtbot.waitUntil(lambda: "state" in box, timeout=10_000)
    return box["state"]


def test_a_household_dragged_on_a_tied_map_keeps_both_coordinates(qtbot, ledger, tied_town):
    town_id, homes = tied_town
    view = open_town(qtbot, ledger, town_id, QSize(800, 600))
    try:
        moved: list = []
        view.moved.connect(lambda fid, point: moved.append((fid, point)))
        lon, lat = ground(250, 120)
        view.bridge.featureMoved(str(homes[0]), lon, lat)  # what the page reports at the end of a drag
        # and off the scan's ground: refused, put back
        view.bridge.featureMoved(str(homes[0]), WEST - 0.01, SOUTH)
        assert [fid for fid, _ in moved] == [str(homes[0])]
        with ledger.Session.begin() as s:
            households.move_household(s, homes[0], moved[0][1])
        with ledger.Session() as s:
            h = households.get_household(s, homes[0])
        assert (h.geo.x, h.geo.y) == (lon, lat)
        assert h.pixel.x == pytest.approx(250, abs=0.01) and h.pixel.y == pytest.approx(120, abs=0.01)
    finally:
        close(view)


def test_the_printed_map_keeps_its_legend_open_and_outside_the_drawing(qtbot, demo_ledger, tmp_path):
    from PySide6.QtCore import QRectF

    from app.maps.printing import drawing_rect

    # The user closed the legend in the window: a printed map still explains its symbols.
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LEGEND_OPEN, False)
    view = open_town(qtbot, demo_ledger, demo_town(demo_ledger), QSize(1199, 683), settings)  # A4 landscape
    try:
        view.set_print_mode(True)
        got = layout_at_rest(qtbot, view)
        info: dict = {}
        view.print_info(info.update)
        qtbot.waitUntil(lambda: bool(info), timeout=10_000)
        assert got["legendOpen"] is True
        x, y, w, h = info["mapRect"]
        lx, ly, lw, lh = info["legendRect"]
        assert not overlaps((x, y, x + w, y + h), (lx, ly, lx + lw, ly + lh))
        assert lw > 100 and lh > 100
        # On the sheet the frame goes round the drawing only: the legend is beside it, outside the frame.
        sheet = QRectF(100, 200, 2770, 1580)
        frame = drawing_rect(sheet, info)
        legend_on_sheet = drawing_rect(sheet, dict(info, mapRect=info["legendRect"]))
        assert not frame.intersects(legend_on_sheet)
        assert sheet.contains(frame) and sheet.contains(legend_on_sheet)
    finally:
        close(view)


@pytest.mark.parametrize("offset", [0.0, 0.37, 0.5])
def test_the_printed_scale_is_the_ground_distance_whatever_the_maps_pane_sub_pixel_offset(
        qtbot, ledger, tied_town, offset):
    """GIVEN a map tied to the ground, panned by a fraction of a pixel (where a resize or a pan leaves its pane)
    WHEN the printed map asks the page for its metres per pixel (the scale bar's length)
    THEN it is the ground distance of one screen pixel at the map's centre, as Web Mercator gives it at that zoom
    and latitude (Leaflet's rounding to whole pixels made it up to half a percent off, varying print to print)."""
    import math

    town_id, _homes = tied_town
    view = open_town(qtbot, ledger, town_id, QSize(800, 600))
    try:
        lat, zoom = run_json(qtbot, view, f"(function (m) {{ m.panBy([{offset}, 0], {{ animate: false }}); "
                                          "return [m.getCenter().lat, m.getZoom()]; })(sasaeai._.map)")
        info: dict = {}
        view.print_info(info.update)
        qtbot.waitUntil(lambda: bool(info), timeout=10_000)
        # Leaflet's distance: a sphere of 6,371 km; one pixel spans 360° / (256 · 2^zoom) of longitude.
        expected = 6_371_000 * math.cos(math.radians(lat)) * 2 * math.pi / (256 * 2 ** zoom)
        assert info["geographic"] is True
        assert info["metresPerPixel"] == pytest.approx(expected, rel=1e-6)
    finally:
        close(view)
