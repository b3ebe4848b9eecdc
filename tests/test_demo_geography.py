"""The demo town on fictional ground (issues 15 and 16): tied to an empty spot far from any real place, with
fictional shelters and two hazard layers in the 国土数値情報 schema, so every household has an exposure; and a
household a user moved keeps that position when the control points change (``place_at`` → ``follow``)."""

from __future__ import annotations

import csv
import json
import unicodedata

import numpy as np
import pytest
from PIL import Image

from app.core.views import Crs, MapPoint
from app.demo.geography import DESIGNATED, HAZARD_CREDITS, MAP_CREDIT
from app.hazards.exposure import exposures
from app.hazards.importer import list_layers
from app.hazards.shelters import flagged_for, nearest_valid_shelter
from app.households.households import add_household, move_household
from app.models import Household
from app.models.hazard import HazardKind
from app.towns import basemaps, towns
from app.towns.georeference import ControlPoint, ground_distance_m
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from tests.conftest import DATA

EMPTY_KM = 10.0  # no real shelter, 町丁目 point or facility within this of the demo town


def _demo_town(ledger):
    with ledger.Session() as s:
        return towns.list_towns(s)[0]


def real_points() -> list[tuple[str, float, float]]:
    """Every real point of tests/data: GSI shelters, Echizen's shelters, halls, clinics, AEDs, 町丁目."""
    points = []
    for name in ("gsi_emergency_shiteikinkyu.geojson", "gsi_evacuation_shiteihinanjo.geojson"):
        for f in json.loads((DATA / "echizen" / name).read_text(encoding="utf-8"))["features"]:
            lon, lat = f["geometry"]["coordinates"][:2]
            points.append((name, float(lon), float(lat)))
    for name in ("hinanjo.csv", "kominkan_from_aed.csv", "iryokikan.csv", "aed.csv"):
        with (DATA / "echizen" / name).open(encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                lat, lon = row.get("lat") or row.get("緯度"), row.get("lon") or row.get("経度")
                if lat and lon:
                    points.append((name, float(lon), float(lat)))
    with (DATA / "echizen" / "oaza_chome_isj2019.csv").open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            lat, lon = row.get("緯度"), row.get("経度")
            if lat and lon:
                points.append(("oaza_chome_isj2019.csv", float(lon), float(lat)))
    return points


def test_the_demo_is_tied_to_an_empty_place_and_says_the_place_is_fictional(demo_ledger):
    town = _demo_town(demo_ledger)
    with demo_ledger.Session() as s:
        base = basemaps.base_map_of(s, demo_ledger.data_dir, town.id)
        placed = s.query(Household).filter(Household.town_id == town.id).all()
    # THEN the drawn map is drawn in real coordinates, with the credit line saying it is fictional
    assert base.georeferenced and base.crs is Crs.GEO
    assert base.attribution == MAP_CREDIT and "架空の町・位置は架空" in base.attribution
    # and every household has both coordinates
    assert placed and all(h.lon is not None and h.map_x is not None for h in placed)
    # and nothing real lies within EMPTY_KM of the town (open sea)
    points = real_points()
    assert len(points) > 500  # the real files were read
    west, south, east, north = base.bounds
    lons = np.array([p[1] for p in points])
    lats = np.array([p[2] for p in points])
    corners = [(west, south), (west, north), (east, south), (east, north)]
    nearest = min(float(ground_distance_m(lon, lat, lons, lats).min()) for lon, lat in corners)
    assert nearest > EMPTY_KM * 1000


def test_the_demo_has_its_fictional_shelters_with_a_flag_per_hazard(demo_ledger):
    from app.emergency.cards import list_reference_features

    with demo_ledger.Session() as s:
        refs = list_reference_features(s)
    by_name = {r.name: r for r in refs}
    assert all("架空" in r.name for r in refs)
    shelters = [r for r in refs if r.kind.value == "shelter"]
    assert len(shelters) == 3
    with demo_ledger.Session() as s:
        from app.models import ReferenceFeature

        attributes = {f.name: f.attributes for f in s.query(ReferenceFeature).filter(
            ReferenceFeature.deleted_at.is_(None), ReferenceFeature.kind == "shelter")}
    open_for_floods = {name for name in attributes if flagged_for(attributes[name], HazardKind.FLOOD)}
    assert any("小学校" in n for n in open_for_floods) and any("八幡山" in n for n in open_for_floods)
    assert not any("公園" in n for n in open_for_floods)  # one not open for floods
    assert any(r.kind.value == "community_hall" for r in refs) and any(r.kind.value == "clinic" for r in refs)
    # where people stay (指定避難所): the school and the 公民館, as in most towns
    assert sorted(r.name for r in refs if r.kind.value == "designated_shelter") == sorted(
        unicodedata.normalize("NFKC", name) for name in DESIGNATED)  # names are read as NFKC
    assert all(r.lat is not None for r in by_name.values())


def test_the_demo_has_a_flood_and_a_landslide_layer_and_households_exposed_to_each(demo_ledger):
    town = _demo_town(demo_ledger)
    with demo_ledger.Session() as s:
        layers = {layer.kind: layer for layer in list_layers(s)}
        found = exposures(s, town.id)
        flooded = [e for e in found if e.flood_rank]
        slope = [e for e in found if e.sediment_class]
        # A household in the flood zone is sent to a site open for floods and outside the zone.
        deepest = max(flooded, key=lambda e: e.flood_rank)
        shelter = nearest_valid_shelter(s, deepest.household_id, HazardKind.FLOOD)
    assert set(layers) == {HazardKind.FLOOD, HazardKind.SEDIMENT}
    assert layers[HazardKind.FLOOD].credit == HAZARD_CREDITS[HazardKind.FLOOD] and "架空" in layers[HazardKind.FLOOD].credit
    assert "架空" in layers[HazardKind.SEDIMENT].credit
    assert flooded and slope
    assert {e.flood_rank for e in flooded} >= {1, 2}
    assert {e.sediment_class for e in slope} == {1, 2}  # the 警戒区域 and the 特別警戒区域 inside it
    assert any(e for e in found if not e.exposed)  # and most of the town lies outside
    assert shelter.name and "公園" not in shelter.name


def test_the_side_panel_shows_the_households_exposure(qtbot, demo_ledger, demo_dir):
    town = _demo_town(demo_ledger)
    with demo_ledger.Session() as s:
        target = next(e for e in exposures(s, town.id) if e.flood_rank and e.sediment_class)
        safe = next(e for e in exposures(s, town.id) if e.known and not e.exposed)
    w = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.map_ready, timeout=60_000):
        w.towns.open_initial_town()
        w.show()
    w.households.select_household(target.household_id)
    text = w.household_panel.hazard.text()
    assert "洪水" in text and target.flood_label in text and "土砂災害" in text
    assert "架空" in text  # the nearest site open for it is named
    w.households.select_household(safe.household_id)
    assert w.household_panel.hazard.text().startswith("想定区域外")


# -- place_at follows the georeference (issue 15) ----------------------------------------------------------

W, H = 1000, 800
LON0, LAT0 = 136.17, 35.90
DEG = 0.2 / 90_000  # about 0.2 m per pixel


def _points(shift: float = 0.0) -> list[ControlPoint]:
    return [ControlPoint(x, y, LON0 + x * DEG + shift * DEG * y / H, LAT0 + y * DEG) for x, y in
            ((0, 0), (W, 0), (0, H), (W, H))]


@pytest.fixture
def scan_town(ledger, town, tmp_path):
    path = tmp_path / "scan.png"
    Image.new("RGB", (W, H), "#ffffff").save(path)
    with ledger.Session.begin() as s:
        basemaps.set_image_base_map(s, ledger.data_dir, town.id, path)
        basemaps.set_control_points(s, town.id, _points())
    return town


def _row(ledger, hid):
    with ledger.Session() as s:
        h = s.get(Household, hid)
        return h.map_x, h.map_y, h.lon, h.lat, h.derived_coordinate


def test_a_household_moved_on_the_ground_keeps_that_position_when_the_points_change(ledger, scan_town):
    # GIVEN a household placed on the scan (its latitude/longitude computed) and another never moved
    with ledger.Session.begin() as s:
        moved = add_household(s, scan_town.id, MapPoint(Crs.PIXEL, 400, 300)).id
        still = add_household(s, scan_town.id, MapPoint(Crs.PIXEL, 600, 500)).id
    assert _row(ledger, moved)[4] == "geo"
    # WHEN a user moves the first one on the georeferenced map
    lon, lat = LON0 + 450 * DEG, LAT0 + 320 * DEG
    with ledger.Session.begin() as s:
        move_household(s, moved, MapPoint(Crs.GEO, lon, lat))
    assert _row(ledger, moved)[2:] == (lon, lat, "pixel")
    # AND the control points change (the scan turns out to be sheared)
    with ledger.Session.begin() as s:
        basemaps.set_control_points(s, scan_town.id, _points(shift=40.0))
        georef = basemaps.georeference_of(s, scan_town.id)
    # THEN the user's geographic position is kept exactly, and its pixel follows the new points
    x, y, glon, glat, derived = _row(ledger, moved)
    assert (glon, glat) == (lon, lat) and derived == "pixel"
    assert (x, y) == pytest.approx(georef.to_pixel(lon, lat), abs=1e-6)
    # and the one only ever placed on the scan keeps its pixel and gets its ground position from the new points
    x, y, glon, glat, derived = _row(ledger, still)
    assert (x, y) == (600, 500) and derived == "geo"
    assert (glon, glat) == pytest.approx(georef.to_geo(600, 500), abs=1e-12)


def test_the_demos_plans_go_to_a_shelter_on_the_map_and_print_the_way_there(demo_ledger, tmp_path):
    from app.plans import papers, plans
    from app.privacy.masking import Audience
    from tests.emergency_fixtures import pdf_pages, pdf_text

    town = _demo_town(demo_ledger)
    with demo_ledger.Session() as s:
        made = plans.list_plans(s, town.id, only_with_plan=True)
        path = papers.export_plans(s, town.id, tmp_path / "plans.pdf", audience=Audience.STAFF)
    # THEN every demo plan names a shelter with a position (the one the plan window suggests)
    assert made and all(p.shelter.feature_id is not None and p.shelter.lat is not None for p in made)
    # and each printed plan draws the way from home to it, not 「地図なし」
    pages = [pdf_text(path, n) for n in range(1, pdf_pages(path) + 1)]
    for plan in made:
        page = next(text for text in pages if f"No.{plan.map_number}" in text)
        assert "自宅" in page and "直線距離の目安" in page and "地図なし" not in page
