"""The map page's ``L.map`` is the one folium made before: same options, same scale bar, same box.

The page no longer imports folium to write those few lines (issue 17: folium with jinja2, branca and requests
was about 23 MB of every open's memory). folium stays installed for the benchmark's naive page; here it is the
oracle the page's own lines are compared with, for a scanned town map and a geographic one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import folium  # the test extra installs it: the oracle
import pytest

from app.core.views import BaseMapView, Crs
from app.maps.page import DEFAULT_CENTER, build_page, page_spec

# What the page's ``begin`` (resources/web/sasaeai/start.js) makes of the spec's "crs"
LEAFLET_CRS = {"pixel": "L.CRS.Simple", "geo": "L.CRS.EPSG3857"}


def scanned() -> BaseMapView:
    return BaseMapView(None, "image", Path("/data/basemaps/0123456789abcdef.png"), "x", 800, 600, "", 0, 1, None)


def geographic() -> BaseMapView:
    return BaseMapView(None, "mbtiles", Path("/data/basemaps/0123456789abcdef.mbtiles"), "x", None, None, "", 0, 18,
                       (136.0, 35.8, 136.3, 36.0))


def folium_map(base: BaseMapView, center: tuple[float, float] | None) -> tuple[str, str, str]:
    """What the page held when folium made it: the map's script, its <div> and the map's name."""
    pixel = base.crs is Crs.PIXEL
    m = folium.Map(location=list(center or DEFAULT_CENTER) if not pixel else [0, 0], zoom_start=16 if not pixel else 0,
                   tiles=None, crs="Simple" if pixel else "EPSG3857", control_scale=not pixel,
                   zoom_snap=0.25 if pixel else 1, prefer_canvas=False, attribution_control=False)
    root = m.get_root()
    root.render()
    return root.script.render(), root.html.render(), m.get_name()


def leaflet_call(script: str, name: str) -> tuple[str, dict, bool]:
    """The CRS, the other options of ``L.map(name, {...})`` and whether a scale bar is added, from folium's script."""
    [crs] = re.findall(r"crs: (L\.CRS\.\w+)", script)
    options = {}
    center = re.search(r'"?center"?: (\[[^\]]*\])', script)
    assert center is not None
    options["center"] = json.loads(center.group(1))
    for key, value in re.findall(r'"(zoom|zoomControl|preferCanvas|zoomSnap|attributionControl)": ([\w.]+)', script):
        options[key] = json.loads(value)
    assert f'L.map(\n                "{name}"' in script
    return crs, options, re.search(rf"L\.control\.scale\([^)]*\)\.addTo\({name}\);", script) is not None


def our_call(spec: dict) -> tuple[str, dict, bool]:
    """The same of the page's ``begin``: the CRS it picks, the options it is given, and the scale bar it adds to a
    geographic map."""
    return LEAFLET_CRS[spec["crs"]], spec["options"], spec["crs"] == "geo"


@pytest.mark.parametrize("base_map", [scanned, geographic], ids=["scanned", "geographic"])
@pytest.mark.parametrize("center", [None, (36.05, 136.25)], ids=["default-centre", "town-centre"])
def test_the_page_makes_the_map_folium_made(tmp_path, base_map, center):
    base = base_map()
    page = build_page(tmp_path).read_text(encoding="utf-8")
    assert '<div class="folium-map" id="map"></div>' in page
    old_script, old_div, old_name = folium_map(base, center)
    assert old_div.strip() == f'<div class="folium-map" id="{old_name}" ></div>'
    ours = our_call(json.loads(json.dumps(page_spec(base, [], center=center))))  # as the channel carries it
    assert ours == leaflet_call(old_script, old_name)
    assert len(ours[1]) == 6


def test_a_scanned_map_is_in_pixels_and_a_geographic_one_where_the_town_is():
    pixel = page_spec(scanned(), [])
    geo = page_spec(geographic(), [], center=(36.05, 136.25))
    assert pixel["crs"] == "pixel" and pixel["options"]["center"] == [0.0, 0.0]
    assert geo["crs"] == "geo" and geo["options"]["center"] == [36.05, 136.25]
    start = (Path(__file__).resolve().parents[1] / "resources/web/sasaeai/start.js").read_text(encoding="utf-8")
    assert f'spec.crs === "pixel" ? {LEAFLET_CRS["pixel"]} : {LEAFLET_CRS["geo"]}' in start
