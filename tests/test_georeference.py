"""Tying a scanned town map to the ground (issue 15): the fit, its residuals, and what it does to positions.

The scan is synthetic: a 1:2,500 住宅地図 scanned at 300 dpi (0.2117 m per pixel), turned 5° and laid
near 越前市. Control points come from a known transform with small known noise; the residuals are
checked against an independent least-squares fit (normal equations in local metres).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from app.core.views import Crs, MapPoint
from app.households.households import add_household, get_household, move_household
from app.models import AuditEntry
from app.towns import basemaps
from app.towns.georeference import ControlPoint, GeoreferenceError, fit, warp_image

M_PER_PX = 0.0254 / 300 * 2500  # 1:2,500 at 300 dpi
R = 6_371_008.8
LON0, LAT0 = 136.1700, 35.9000
K = math.cos(math.radians(LAT0))
TURN = math.radians(5)
W, H = 2000, 1500


def metres_to_geo(e, n):
    return LON0 + np.degrees(np.asarray(e) / (R * K)), LAT0 + np.degrees(np.asarray(n) / R)


def geo_to_metres(lon, lat):
    return np.radians(np.asarray(lon) - LON0) * R * K, np.radians(np.asarray(lat) - LAT0) * R


def affine_truth(x, y):
    """Ground metres east/north of a pixel: the scan's scale and a 5° turn."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    e = M_PER_PX * (math.cos(TURN) * x - math.sin(TURN) * y) + 30
    n = M_PER_PX * (math.sin(TURN) * x + math.cos(TURN) * y) - 20
    return e, n


def polynomial_truth(x, y):
    """The same with a paper-shrink distortion that grows across the sheet (second order)."""
    e, n = affine_truth(x, y)
    x, y = np.asarray(x, float), np.asarray(y, float)
    return e + 4e-6 * x * x - 2e-6 * x * y, n + 3e-6 * y * y + 1e-6 * x * y


PIXELS = [(120, 140), (1880, 210), (1010, 1400), (300, 1300), (1700, 1250), (950, 700),
          (500, 600), (1500, 500), (1200, 1100)]
NOISE_M = np.random.default_rng(15).uniform(-0.3, 0.3, size=(len(PIXELS), 2))


def control_points(truth, count, noise=True):
    pts = []
    for i, (x, y) in enumerate(PIXELS[:count]):
        e, n = truth(x, y)
        if noise:
            e, n = e + NOISE_M[i, 0], n + NOISE_M[i, 1]
        lon, lat = metres_to_geo(e, n)
        pts.append(ControlPoint(x, y, float(lon), float(lat), f"P{i + 1}"))
    return pts


def reference_residuals(points, polynomial):
    """Independent fit: normal equations (AᵀA)c = Aᵀb solved by hand, in local metres around the points' mean."""
    x = np.array([p.x for p in points], float)
    y = np.array([p.y for p in points], float)
    u, v = (x - x.mean()) / 1000, (y - y.mean()) / 1000
    cols = [np.ones_like(u), u, v] + ([u * u, u * v, v * v] if polynomial else [])
    a = np.stack(cols, axis=1)
    e, n = geo_to_metres([p.lon for p in points], [p.lat for p in points])
    fitted = []
    for b in (e, n):
        c = np.linalg.solve(a.T @ a, a.T @ b)
        fitted.append(a @ c - b)
    res = np.hypot(*fitted)
    return res, math.sqrt(float(np.mean(res ** 2)))


@pytest.mark.parametrize(("count", "truth", "kind"), [
    (3, affine_truth, "affine"), (5, affine_truth, "affine"),
    (6, polynomial_truth, "polynomial"), (9, polynomial_truth, "polynomial")])
def test_residuals_and_rms_match_an_independent_least_squares_fit(count, truth, kind):
    points = control_points(truth, count)
    georef = fit(points, W, H)
    assert georef.kind == kind
    expected, expected_rms = reference_residuals(points, kind == "polynomial")
    assert np.allclose(georef.residuals_m, expected, atol=0.002)
    assert georef.rms_m == pytest.approx(expected_rms, abs=0.002)
    if count in (3, 6):  # as many points as unknowns: an exact fit
        assert georef.rms_m < 0.001
    else:  # the noise (±0.3 m) shows, and no more
        assert 0.02 < georef.rms_m < 0.45


@pytest.mark.parametrize(("count", "truth"), [(3, affine_truth), (6, polynomial_truth), (9, polynomial_truth)])
def test_a_pixel_gets_its_true_latitude_and_longitude_within_a_metre(count, truth):
    georef = fit(control_points(truth, count), W, H)
    for x, y in [(800, 900), (1999, 1), (50, 1450), (1400, 300)]:
        lon, lat = georef.to_geo(x, y)
        e, n = geo_to_metres(lon, lat)
        te, tn = truth(x, y)
        assert math.hypot(e - te, n - tn) < 1.0


@pytest.mark.parametrize("count", [3, 6, 9])
def test_pixel_to_ground_and_back_is_lossless_within_a_hundredth_of_a_pixel(count):
    georef = fit(control_points(polynomial_truth, count), W, H)
    xs, ys = np.meshgrid(np.linspace(0, W, 11), np.linspace(0, H, 9))
    for x, y in zip(xs.ravel(), ys.ravel(), strict=True):
        bx, by = georef.to_pixel(*georef.to_geo(x, y))
        assert math.hypot(bx - x, by - y) < 0.01


def test_bounds_cover_the_image_corners():
    georef = fit(control_points(affine_truth, 3, noise=False), W, H)
    west, south, east, north = georef.bounds()
    for x, y in [(0, 0), (W, 0), (0, H), (W, H)]:
        lon, lat = georef.to_geo(x, y)
        assert west - 1e-9 <= lon <= east + 1e-9 and south - 1e-9 <= lat <= north + 1e-9
    assert (east - west) * R * K * math.pi / 180 > W * M_PER_PX  # turned 5°: wider than the sheet


def _with(points, index, **change):
    pts = list(points)
    pts[index] = ControlPoint(**{**pts[index].__dict__, **change})
    return pts


GOOD = control_points(affine_truth, 4)
BAD_POINTS = {
    "fewer than 3": (GOOD[:2], "At least 3 control points"),
    "collinear": ([ControlPoint(100 * i, 100 * i, *map(float, metres_to_geo(*affine_truth(100 * i, 100 * i))))
                   for i in range(1, 5)], "one straight line on the image"),
    "same pixel": (_with(GOOD, 2, x=GOOD[0].x + 0.3, y=GOOD[0].y), "point 3 (P3) is at the same place on the image"),
    "same place": (_with(GOOD, 3, lon=GOOD[1].lon, lat=GOOD[1].lat), "point 4 (P4) has the same latitude and longitude"),
    "outside the image": (_with(GOOD, 1, x=W + 40), "point 2 (P2) (2040, 210) is outside the image"),
    "places on one line": ([ControlPoint(x, y, LON0 + 0.001 * i, LAT0 + 0.001 * i, "")
                            for i, (x, y) in enumerate(PIXELS[:4])], "one straight line on the ground"),
}


@pytest.mark.parametrize("case", list(BAD_POINTS))
def test_bad_control_points_are_refused_by_the_fit_with_a_message_naming_them(case):
    points, message = BAD_POINTS[case]
    with pytest.raises(GeoreferenceError) as e:
        fit(points, W, H)
    assert message in str(e.value)


# -- In the ledger ---------------------------------------------------------------------------------

@pytest.fixture
def scan(tmp_path) -> Path:
    path = tmp_path / "住宅地図.png"
    Image.new("RGB", (W, H), "#f4f1e8").save(path)
    return path


def _image_town(ledger, town, scan):
    with ledger.Session.begin() as s:
        basemaps.set_image_base_map(s, ledger.data_dir, town.id, scan)


def _add(ledger, town, point):
    with ledger.Session.begin() as s:
        return add_household(s, town.id, point).id


def _coords(ledger, hid):
    with ledger.Session() as s:
        h = get_household(s, hid)
        from app.models import Household
        row = s.get(Household, hid)
        return (row.map_x, row.map_y, row.lon, row.lat) if h else None


def test_a_household_placed_on_the_scan_gets_its_latitude_and_longitude(ledger, town, scan):
    _image_town(ledger, town, scan)
    on_scan = _add(ledger, town, MapPoint(Crs.PIXEL, 800, 900))
    truth_lon, truth_lat = metres_to_geo(*affine_truth(1500, 400))
    on_ground = _add(ledger, town, MapPoint(Crs.GEO, float(truth_lon), float(truth_lat)))
    far_away = _add(ledger, town, MapPoint(Crs.GEO, 136.3, 36.0))  # kilometres off the sheet
    with ledger.Session() as s:
        assert [u.id for u in basemaps.unplaced_for(s, town.id)] == [on_ground, far_away]  # pixels are what count
    with ledger.Session.begin() as s:
        view = basemaps.set_control_points(s, town.id, control_points(affine_truth, 3))
    assert view.kind == "affine" and view.previous_points == ()
    x, y, lon, lat = _coords(ledger, on_scan)
    assert (x, y) == (800, 900)  # never moved
    e, n = geo_to_metres(lon, lat)
    assert math.hypot(e - affine_truth(800, 900)[0], n - affine_truth(800, 900)[1]) < 1.0
    x, y, lon, lat = _coords(ledger, on_ground)
    assert (lon, lat) == (float(truth_lon), float(truth_lat))
    assert math.hypot(x - 1500, y - 400) < 1.0 / M_PER_PX
    assert _coords(ledger, far_away)[:2] == (None, None)  # not on this sheet: not given a pixel
    with ledger.Session() as s:
        base = basemaps.base_map_of(s, ledger.data_dir, town.id)
        # Drawn in geographic coordinates now: the far household is placed, the unplaced list is empty.
        assert base.georeferenced and base.crs is Crs.GEO and base.warped_path.exists()
        assert basemaps.unplaced_for(s, town.id) == []


def test_refitting_redoes_computed_positions_and_undo_brings_them_back_but_never_a_users(ledger, town, scan):
    _image_town(ledger, town, scan)
    computed = _add(ledger, town, MapPoint(Crs.PIXEL, 800, 900))
    moved = _add(ledger, town, MapPoint(Crs.PIXEL, 1200, 300))
    first = control_points(affine_truth, 3, noise=False)
    with ledger.Session.begin() as s:
        basemaps.set_control_points(s, town.id, first)
    before = _coords(ledger, computed)
    with ledger.Session.begin() as s:  # a user moves it on the geographic map: that position is theirs now
        move_household(s, moved, MapPoint(Crs.GEO, LON0 + 0.0001, LAT0 + 0.0001))  # off the scan
    with ledger.Session.begin() as s:
        view = basemaps.set_control_points(s, town.id, control_points(affine_truth, 5))
    assert view.previous_points == tuple(first)
    after = _coords(ledger, computed)
    assert after[:2] == before[:2] and after[2:] != before[2:]
    assert _coords(ledger, moved)[2:] == (LON0 + 0.0001, LAT0 + 0.0001)
    with ledger.Session.begin() as s:  # the undo the window does
        basemaps.set_control_points(s, town.id, view.previous_points)
    assert _coords(ledger, computed) == pytest.approx(before, abs=1e-9)
    with ledger.Session.begin() as s:  # and undoing the first georeference takes the computed ones away
        cleared = basemaps.clear_control_points(s, town.id)
        assert cleared.previous_points == tuple(first)
        assert basemaps.georeference_of(s, town.id) is None
    assert _coords(ledger, computed) == (800, 900, None, None)
    assert _coords(ledger, moved) == (None, None, LON0 + 0.0001, LAT0 + 0.0001)


@pytest.mark.parametrize("case", list(BAD_POINTS))
def test_bad_control_points_change_nothing_in_the_ledger(ledger, town, scan, case):
    _image_town(ledger, town, scan)
    hid = _add(ledger, town, MapPoint(Crs.PIXEL, 800, 900))
    good = control_points(affine_truth, 3)
    with ledger.Session.begin() as s:
        basemaps.set_control_points(s, town.id, good)
    before = _coords(ledger, hid)
    with ledger.Session() as s:
        audit = s.scalar(select(func.count()).select_from(AuditEntry))
    points, message = BAD_POINTS[case]
    with pytest.raises(GeoreferenceError, match=message.replace("(", r"\(").replace(")", r"\)")):
        with ledger.Session.begin() as s:
            basemaps.set_control_points(s, town.id, points)
    with ledger.Session() as s:
        assert basemaps.georeference_view(s, town.id).points == tuple(good)
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit
    assert _coords(ledger, hid) == before


def test_switching_base_maps_back_and_forth_keeps_every_position(ledger, town, scan):
    from tests.conftest import MBTILES

    _image_town(ledger, town, scan)
    on_scan = _add(ledger, town, MapPoint(Crs.PIXEL, 800, 900))
    on_ground = _add(ledger, town, MapPoint(Crs.GEO, *map(float, metres_to_geo(*affine_truth(1500, 400)))))
    nowhere = _add(ledger, town, None)
    with ledger.Session.begin() as s:
        basemaps.set_control_points(s, town.id, control_points(affine_truth, 3))
    kept = {hid: _coords(ledger, hid) for hid in (on_scan, on_ground, nowhere)}
    steps = [("mbtiles", lambda s: basemaps.set_mbtiles_base_map(
                  s, ledger.data_dir, town.id, MBTILES / "consbio_geography-class-png.mbtiles")),
             ("plain", lambda s: basemaps.set_plain_base_map(s, ledger.data_dir, town.id)),
             ("image", lambda s: basemaps.set_image_base_map(s, ledger.data_dir, town.id, scan))]
    for kind, step in steps:
        with ledger.Session.begin() as s:
            assert step(s).kind == kind
            # Listed, not hidden: the one never placed is missing on every map.
            assert [u.id for u in basemaps.unplaced_for(s, town.id)] == [nowhere]
        assert {hid: _coords(ledger, hid) for hid in kept} == kept
    with ledger.Session() as s:  # the same scan chosen again: its control points are the town's, still tied
        assert basemaps.base_map_of(s, ledger.data_dir, town.id).crs is Crs.GEO
    other = scan.with_name("別の地図.png")  # another scan of the same size is not tied to the ground: pixels again
    Image.new("RGB", (W, H), "#e8f1f4").save(other)
    with ledger.Session.begin() as s:
        basemaps.set_image_base_map(s, ledger.data_dir, town.id, other)
    with ledger.Session() as s:
        assert basemaps.base_map_of(s, ledger.data_dir, town.id).crs is Crs.PIXEL


def test_only_an_image_can_be_georeferenced(ledger, town):
    with ledger.Session.begin() as s, pytest.raises(Exception, match="Only a town map image"):
        basemaps.set_control_points(s, town.id, control_points(affine_truth, 3))


# -- The warped image ------------------------------------------------------------------------------

@pytest.mark.parametrize("count", [3, 6])
def test_the_warped_image_puts_a_red_dot_at_its_latitude_and_longitude(tmp_path, count):
    w, h = 800, 600
    dot = (300, 200)  # pixels, y up
    src = tmp_path / "scan.png"
    img = Image.new("RGB", (w, h), "white")
    ImageDraw.Draw(img).ellipse((dot[0] - 3, h - dot[1] - 3, dot[0] + 3, h - dot[1] + 3), fill="red")
    img.save(src)
    pts = [ControlPoint(x * w / W, y * h / H, p.lon, p.lat) for (x, y), p in
           zip(PIXELS, control_points(polynomial_truth, count, noise=False), strict=False)]
    georef = fit(pts, w, h)
    west, south, east, north = warp_image(src, georef, tmp_path / "warped.png")
    out = np.asarray(Image.open(tmp_path / "warped.png"))
    assert out.shape[2] == 4 and out[0, 0, 3] == 0  # turned: the corner is outside the scan, transparent
    rows, cols = np.nonzero((out[..., 0] > 200) & (out[..., 1] < 100) & (out[..., 3] > 200))
    lon, lat = georef.to_geo(*dot)

    def merc_y(phi):
        return math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))

    want_col = (lon - west) / (east - west) * out.shape[1] - 0.5
    want_row = (merc_y(north) - merc_y(lat)) / (merc_y(north) - merc_y(south)) * out.shape[0] - 0.5
    assert math.hypot(cols.mean() - want_col, rows.mean() - want_row) < 1.5
