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
from app.maps.page import DEFAULT_CENTER, build_page

SCRIPT_URL = re.compile(r'<script src="(file://[^"]+/map-[0-9a-f]+\.js)"></script>')


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
    """The CRS, the other options of ``L.map(name, {...})`` and whether a scale bar is added, from either script
    (ours up to the hand-over, whose settings have keys of the same names)."""
    script = script.split("sasaeai.attach(")[0]
    [crs] = re.findall(r"crs: (L\.CRS\.\w+)", script)
    options = {}
    center = re.search(r'"?center"?: (\[[^\]]*\])', script)
    assert center is not None
    options["center"] = json.loads(center.group(1))
    for key, value in re.findall(r'"(zoom|zoomControl|preferCanvas|zoomSnap|attributionControl)": ([\w.]+)', script):
        options[key] = json.loads(value)
    assert f'L.map(\n                "{name}"' in script or f'L.map("{name}"' in script
    return crs, options, re.search(rf"L\.control\.scale\([^)]*\)\.addTo\({name}\);", script) is not None


@pytest.mark.parametrize("base_map", [scanned, geographic], ids=["scanned", "geographic"])
@pytest.mark.parametrize("center", [None, (36.05, 136.25)], ids=["default-centre", "town-centre"])
def test_the_page_makes_the_map_folium_made(tmp_path, base_map, center):
    base = base_map()
    page = build_page(tmp_path, base, [], center=center).read_text(encoding="utf-8")
    [script_url] = SCRIPT_URL.findall(page)
    ours = Path(script_url[len("file://"):]).read_text(encoding="utf-8")
    [name] = re.findall(r"sasaeai\.attach\((map_[0-9a-f]{32}), ", ours)
    assert f'<div class="folium-map" id="{name}"></div>' in page
    old_script, old_div, old_name = folium_map(base, center)
    assert old_div.strip() == f'<div class="folium-map" id="{old_name}" ></div>'
    assert leaflet_call(ours, name) == leaflet_call(old_script, old_name)
    assert len(leaflet_call(ours, name)[1]) == 6


def test_a_scanned_map_is_in_pixels_without_a_scale_bar_and_a_geographic_one_has_one(tmp_path):
    pixel = build_page(tmp_path / "a", scanned(), [])
    geo = build_page(tmp_path / "b", geographic(), [], center=(36.05, 136.25))
    scripts = [Path(SCRIPT_URL.findall(p.read_text("utf-8"))[0][len("file://"):]).read_text("utf-8") for p in (pixel, geo)]
    assert "L.CRS.Simple" in scripts[0] and "L.control.scale(" not in scripts[0]
    assert "L.CRS.EPSG3857" in scripts[1] and "[36.05, 136.25]" in scripts[1]
    # in metres alone (folium's and Leaflet's default adds feet and miles)
    assert "L.control.scale({imperial: false})" in scripts[1]
