"""The demo town's base map: a picture and its layout committed in resources/demo/, drawn once by
tools/draw_demo_map.py and only read by the app (app.demo.map)."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from PIL import Image, ImageChops, ImageStat

from app.demo.map import MAP_IMAGE, MAP_LAYOUT, DemoTownMap, demo_map_image, load_demo_town_map
from app.households import households, places
from app.towns import basemaps, towns
from tests.conftest import REPO

TOOL = REPO / "tools" / "draw_demo_map.py"


def _min_distance(points: list[tuple[float, float]]) -> float:
    return min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:])


@pytest.fixture(scope="module")
def layout() -> DemoTownMap:
    return load_demo_town_map()


def test_the_committed_map_picture_is_a_png_of_the_size_its_layout_says(layout):
    # GIVEN the picture and layout committed in resources/demo/
    # WHEN the picture is opened
    with Image.open(demo_map_image()) as im:
        # THEN it is a PNG exactly as large as the layout it goes with
        assert im.format == "PNG"
        assert im.size == (layout.width, layout.height) == (1600, 1100)
    assert demo_map_image().stat().st_size < 400_000  # small enough to keep in the repository


def test_every_lot_and_place_of_the_layout_lies_inside_the_picture_apart_from_the_others(layout):
    # GIVEN the committed layout, WHEN its lots and places are read
    spots = layout.lots + layout.places
    # THEN there are lots enough for the demo's sixty households, a community hall and a salon
    assert len(layout.lots) >= 80
    assert [p.block for p in layout.places] == ["公民館", "サロン"]
    # and every one lies inside the picture, named, and at least 20 px from any other
    for spot in spots:
        assert 0 < spot.x < layout.width and 0 < spot.y < layout.height
        assert spot.block
    assert _min_distance([(p.x, p.y) for p in spots]) >= 20.0


def test_the_layout_counts_up_from_the_bottom_left_corner_of_the_picture(layout):
    # GIVEN the community hall, drawn just north of the 県道 (in the upper half of the picture)
    hall = layout.places[0]
    # THEN its y counts upwards from the bottom (Leaflet CRS.Simple), so it is above the middle
    assert hall.block == "公民館"
    assert hall.y > layout.height / 2


def test_the_demo_base_map_is_the_committed_picture(demo_ledger, demo_dir, layout):
    # GIVEN the demo ledger, WHEN its town's base map is read
    with demo_ledger.Session() as s:
        [town] = towns.list_towns(s)
        base = basemaps.base_map_of(s, demo_dir, town.id)
    # THEN it is a copy of the committed picture, byte for byte, used in pixel coordinates
    assert base.kind == "image"
    assert base.path.read_bytes() == demo_map_image().read_bytes()
    assert (base.width, base.height) == (layout.width, layout.height)


def test_the_demo_households_and_gathering_places_sit_on_the_lots_of_the_layout(demo_ledger, layout):
    # GIVEN the demo ledger, WHEN its households and gathering places are read
    with demo_ledger.Session() as s:
        [town] = towns.list_towns(s)
        homes = households.list_households(s, town.id)
        gathering = places.list_places(s, town.id)
    # THEN each household stands on a house lot of the layout, and the places on the hall and the salon
    lots = {(lot.x, lot.y) for lot in layout.lots}
    assert homes and all((h.pixel.x, h.pixel.y) in lots for h in homes)
    assert sorted((p.pixel.x, p.pixel.y) for p in gathering) == sorted((p.x, p.y) for p in layout.places)


def test_the_tool_refuses_to_draw_the_map_without_a_japanese_font(tmp_path):
    # GIVEN a "font" file that is not a font at all
    bogus = tmp_path / "not-a-font.ttc"
    bogus.write_bytes(b"definitely not a font")
    # WHEN the tool is asked to draw with it
    run = subprocess.run([sys.executable, str(TOOL), "--font", str(bogus), "--out-dir", str(tmp_path / "out")],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    # THEN it refuses, says why, and writes nothing
    assert run.returncode == 2
    assert "no Japanese font" in run.stderr and str(bogus) in run.stderr
    assert not (tmp_path / "out").exists()


def test_the_tool_draws_the_committed_map_again(tmp_path, layout):
    # GIVEN Debian's fonts-noto-cjk (./dev.sh installs it; the tool names it and draws with nothing else)
    out = tmp_path / "demo"
    # WHEN the tool draws the map into a fresh folder
    run = subprocess.run([sys.executable, str(TOOL), "--out-dir", str(out)],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, (
        "tools/draw_demo_map.py could not draw the demo map; without a Japanese font this fails on purpose: "
        f"install Debian's fonts-noto-cjk (./dev.sh does).\n{run.stderr}")
    # THEN its layout is the committed one, character for character
    assert (out / MAP_LAYOUT).read_text(encoding="utf-8") == (demo_map_image().parent / MAP_LAYOUT).read_text(
        encoding="utf-8")
    # and its picture has the committed size and looks like it (Pillow and FreeType versions may move a
    # few pixels of the labels, so not byte for byte); a picture not drawn again after a change differs more
    with Image.open(out / MAP_IMAGE) as fresh, Image.open(demo_map_image()) as committed:
        assert fresh.size == committed.size == (layout.width, layout.height)
        difference = ImageChops.difference(fresh.convert("RGB"), committed.convert("RGB"))
    assert max(ImageStat.Stat(difference).mean) < 2.0
