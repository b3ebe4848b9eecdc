"""Setting up a town from the command line: add-town, set-base-map, georeference (issue 15), on a real ledger."""

from __future__ import annotations

from contextlib import closing

import pytest
from PIL import Image

from app.__main__ import main
from app.core.views import Crs, MapPoint
from app.households.households import add_household
from app.models import Household, open_ledger
from app.paths import ledger_path
from app.towns import basemaps
from app.towns.towns import find_town
from tests.conftest import MBTILES
from tests.test_georeference import H, W, affine_truth, control_points, geo_to_metres


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    open_ledger(ledger_path(folder)).close()
    return folder


def run(capsys, data_dir, *args):
    code = main([*args, "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_town_then_an_image_then_three_points_place_a_household_on_the_ground(capsys, data_dir, tmp_path):
    code, out, _ = run(capsys, data_dir, "add-town", "--district", "味真野地区", "--name", "余川町",
                       "--center", "35.9,136.17")
    assert code == 0 and out.strip() == "added the town 余川町 to the district 味真野地区 centred at 35.900000,136.170000"
    scan = tmp_path / "住宅地図.png"
    Image.new("RGB", (W, H), "white").save(scan)
    code, out, err = run(capsys, data_dir, "set-base-map", "--town", "余川町", str(scan))
    assert code == 0, err
    assert "住宅地図.png (2000×1500 pixels)" in out and len(out.strip().splitlines()) == 1
    with closing(open_ledger(ledger_path(data_dir))) as ledger, ledger.Session.begin() as s:
        hid = add_household(s, find_town(s, "余川町").id, MapPoint(Crs.PIXEL, 800, 900)).id

    points = control_points(affine_truth, 5)
    code, out, err = run(capsys, data_dir, "georeference", "--town", "余川町",
                         *[a for p in points for a in ("--point", f"{p.x},{p.y},{p.lon!r},{p.lat!r},{p.label}")])
    assert code == 0, err
    lines = out.rstrip().splitlines()
    assert len(lines) == 6 and lines[0].startswith("  point 1 (P1): (120, 140)")
    assert all(" m" in line and "residual" in line for line in lines[:5])
    assert "with 5 points (affine), RMS" in lines[5] and "0 households without a position" in lines[5]
    with closing(open_ledger(ledger_path(data_dir))) as ledger, ledger.Session() as s:
        view = basemaps.georeference_view(s, find_town(s, "余川町").id)
        assert lines[5].split("RMS ")[1].startswith(f"{view.rms_m:.2f} m")
        for line, residual in zip(lines[:5], view.residuals_m, strict=True):
            assert line.endswith(f"residual {residual:.2f} m")
        h = s.get(Household, hid)
        e, n = geo_to_metres(h.lon, h.lat)
        te, tn = affine_truth(800, 900)
        assert abs(e - te) < 1 and abs(n - tn) < 1

    # Switched to a tile pack and back to a plain background, the household keeps both positions.
    code, out, err = run(capsys, data_dir, "set-base-map", "--town", "余川町",
                         str(MBTILES / "consbio_geography-class-png.mbtiles"))
    assert code == 0, err
    assert "the tile pack consbio_geography-class-png.mbtiles; 0 households without a position" in out
    code, out, err = run(capsys, data_dir, "set-base-map", "--town", "余川町", "--plain")
    assert code == 0 and "a plain background; 0 households" in out
    with closing(open_ledger(ledger_path(data_dir))) as ledger, ledger.Session() as s:
        h = s.get(Household, hid)
        assert (h.map_x, h.map_y) == (800, 900) and h.lat is not None


@pytest.mark.parametrize(("points", "message"), [
    (["100,100,136.17,35.9", "200,200,136.171,35.901"], "At least 3 control points"),
    (["100,100,136.17,35.9", "200,200,136.171,35.901", "300,300,136.17,35.901"], "one straight line on the image"),
    (["100,100,136.17,35.9", "5000,200,136.171,35.901", "300,900,136.17,35.902"], "Control point 2 (5000, 200) is outside"),
    (["100,100,136.17,35.9", "100.2,100,136.171,35.901", "300,900,136.17,35.902"], "point 2 is at the same place"),
    (["100,100,136.17,35.9", "north,100,136.171,35.901"], "--point north,100,136.171,35.901: expected 4 numbers"),
])
def test_georeference_refuses_bad_points_and_changes_nothing(capsys, data_dir, tmp_path, points, message):
    run(capsys, data_dir, "add-town", "--district", "味真野地区", "--name", "余川町")
    scan = tmp_path / "scan.png"
    Image.new("RGB", (1000, 1000), "white").save(scan)
    run(capsys, data_dir, "set-base-map", "--town", "余川町", str(scan))
    before = ledger_path(data_dir).read_bytes()
    code, out, err = run(capsys, data_dir, "georeference", "--town", "余川町", *[a for p in points for a in ("--point", p)])
    assert code == 1 and out == ""
    assert message in err
    with closing(open_ledger(ledger_path(data_dir))) as ledger, ledger.Session() as s:
        assert basemaps.georeference_of(s, find_town(s, "余川町").id) is None
    assert ledger_path(data_dir).read_bytes() == before


def test_a_plain_background_cannot_be_georeferenced_and_a_duplicate_town_is_refused(capsys, data_dir):
    assert run(capsys, data_dir, "add-town", "--district", "味真野地区", "--name", "余川町")[0] == 0
    code, _, err = run(capsys, data_dir, "add-town", "--district", "味真野地区", "--name", "余川町")
    assert code == 1 and "already has a town called 余川町" in err
    code, _, err = run(capsys, data_dir, "georeference", "--town", "余川町", "--point", "1,1,136,35",
                       "--point", "5,1,136.1,35", "--point", "1,5,136,35.1")
    assert code == 1 and "Only a town map image can be tied to the ground" in err
    code, _, err = run(capsys, data_dir, "set-base-map", "--town", "余川町")
    assert code == 2 and "--plain" in err
