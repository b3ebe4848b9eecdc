"""The demo town's fictional geography: a place on the ground, shelters, and hazard zones, all invented.

「ひだまり町」 is not a real town, so its drawn map is tied to an EMPTY spot: open sea in the Sea of Japan,
about 30 km west-north-west of 越前岬 and farther still from any town (tests/test_demo_geography.py checks
that no real shelter, 町丁目 point or facility of tests/data lies within several kilometres). The map's
credit line says so. On that fictional ground the demo gets what a real town would import:

- 指定緊急避難場所 in the GSI file's schema with one flag per hazard (the school open for floods and
  landslides, the park not open for floods, the shrine's hill open for floods but not for landslides),
  the 指定避難所 where people stay (the school and the 公民館, as in most towns; GSI's schema too: Step III's
  card names the nearest), a 公民館 and a clinic, each named 「（架空）」;
- a 洪水浸水想定区域 along ひだまり川 in the 国土数値情報 A31a schema (depth rank ``A31a_205`` growing toward
  the river) and a 土砂災害警戒区域 on 八幡山 in the A33 schema (a 警戒区域 with a 特別警戒区域 inside).

They are written as files by this module and read back through the same importers a user's files go
through (``app/towns/reference_layers.py``, ``app/hazards/importer.py``); every credit line says
「架空」. Shapes follow the river and hill of the drawn map (``hidamari-town.json``), in its pixels, and are
carried onto the ground by the same georeference as the map.
"""

from __future__ import annotations

import json
import math
import uuid
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box, mapping
from shapely.ops import unary_union
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.map import DemoTownMap
from app.hazards.importer import Extent, import_hazard
from app.models import BaseMap
from app.models.emergency import ReferenceKind
from app.models.hazard import HazardKind
from app.towns import basemaps
from app.towns.georeference import ControlPoint, Georeference
from app.towns.reference_layers import import_layer

# South-west corner of the drawn map on the fictional ground: open sea (see the module's docstring).
ORIGIN = (135.7000, 36.2000)  # lon, lat
METRES_PER_PIXEL = 0.3  # the drawn map's scale bar: 50 px = 15 m
_EARTH_M_PER_DEG = 111_320.0

MAP_CREDIT = "ひだまり町（架空の町・位置は架空）"
REFERENCE_CREDIT = "避難場所・施設：架空のデモデータ"
HAZARD_CREDITS = {
    HazardKind.FLOOD: "洪水浸水想定区域：架空のデモデータ（国土数値情報A31aの形式）",
    HazardKind.SEDIMENT: "土砂災害警戒区域：架空のデモデータ（国土数値情報A33の形式）",
}
LAYER_FOLDER = "demo-layers"  # in the demo's data folder: the generated files, for a look in QGIS
FLOOD_FILE = "hidamari_A31a_flood_fictional.geojson"
SEDIMENT_FILE = "hidamari_A33_sediment_fictional.geojson"
SHELTER_FILE = "hidamari_shelters_fictional.geojson"
DESIGNATED_FILE = "hidamari_hinanjo_fictional.geojson"
HALL_FILE = "hidamari_kominkan_fictional.geojson"
CLINIC_FILE = "hidamari_clinic_fictional.geojson"
JGD2011 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6668"}}

RIVER_NAME = "ひだまり川"
# Depth rank (A31a_205) by distance from the river's centre line, in map pixels (0.3 m each): deeper nearer.
FLOOD_BANDS = ((4, 70.0), (3, 150.0), (2, 260.0), (1, 380.0))
WARNING_REACH_PX = 130.0  # 警戒区域 of a steep slope reaches about 40 m from the hill
SPECIAL_REACH_PX = 60.0  # 特別警戒区域: the foot of the slope, nearer

_FLAGS = ("洪水", "崖崩れ、土石流及び地滑り", "高潮", "地震", "津波", "大規模な火事", "内水氾濫", "火山現象")
# (name, x, y in map pixels or None for the hill's middle, hazards it is open for)
SHELTERS = (
    ("ひだまり小学校（架空）", 760.0, 176.0, ("洪水", "崖崩れ、土石流及び地滑り", "地震", "大規模な火事")),
    ("ひだまり公園（架空）", 1252.0, 413.0, ("地震", "大規模な火事")),  # NOT open for floods
    ("八幡山 八幡神社境内（架空）", None, None, ("洪水", "地震")),  # on the hill: above floods, not for landslides
)
HALL = ("ひだまり町公民館（架空）", "ひだまり町1丁目（架空）")
DESIGNATED = (SHELTERS[0][0], HALL[0])  # the 指定避難所: the school and the 公民館
CLINIC = ("ひだまり内科クリニック（架空）", 1460.0, 600.0, "ひだまり町2丁目（架空）")


def control_points(layout: DemoTownMap) -> list[ControlPoint]:
    """Four fictional control points at the map's corners: north up, 0.3 m per pixel, from ``ORIGIN``."""
    lon0, lat0 = ORIGIN
    dlon = METRES_PER_PIXEL / (_EARTH_M_PER_DEG * math.cos(math.radians(lat0)))
    dlat = METRES_PER_PIXEL / _EARTH_M_PER_DEG
    corners = (("南西", 0, 0), ("南東", layout.width, 0), ("北西", 0, layout.height), ("北東", layout.width, layout.height))
    return [ControlPoint(float(x), float(y), lon0 + x * dlon, lat0 + y * dlat, f"架空の基準点（{name}）")
            for name, x, y in corners]


def tie_to_fictional_ground(session: Session, town_id: uuid.UUID, layout: DemoTownMap) -> Georeference:
    """Georeference the demo's map image (already its base map) and say on its credit line that it is fictional."""
    basemaps.set_control_points(session, town_id, control_points(layout))
    base = session.scalars(select(BaseMap).where(BaseMap.town_id == town_id)).one()
    base.attribution = MAP_CREDIT
    session.flush()
    georef = basemaps.georeference_of(session, town_id)
    assert georef is not None  # the four corners always fit
    return georef


# ------------------------------------------------------------------------------------------ the shapes


def _frame(layout: DemoTownMap) -> Polygon:
    return box(0, 0, layout.width, layout.height)


def flood_zones(layout: DemoTownMap) -> list[tuple[int, Polygon]]:
    """(depth rank, area) bands along the river in map pixels, not overlapping, the hill left dry."""
    river = LineString(layout.river)
    hill = Polygon(layout.hill)
    frame = _frame(layout)
    zones, inner = [], None
    for rank, reach in FLOOD_BANDS:
        area = river.buffer(reach).intersection(frame).difference(hill)
        band = area if inner is None else area.difference(inner)
        zones.append((rank, band))
        inner = area
    return zones


def sediment_zones(layout: DemoTownMap) -> list[tuple[int, Polygon]]:
    """(zone class, area): the 警戒区域 round the hill and its foot, the 特別警戒区域 at the foot inside it."""
    hill = Polygon(layout.hill)
    frame = _frame(layout)
    warning = hill.buffer(WARNING_REACH_PX).intersection(frame)
    # The slope faces south (toward the town): the special zone is the strip at its foot.
    south = hill.bounds[1]
    foot = box(hill.bounds[0], south - SPECIAL_REACH_PX * 1.6, hill.bounds[2], south + SPECIAL_REACH_PX * 0.6)
    special = unary_union([foot.intersection(hill.buffer(SPECIAL_REACH_PX * 1.6))]).intersection(warning)
    return [(1, warning), (2, special)]


def _to_ground(geometry, georef: Georeference):  # noqa: ANN001, ANN202 - shapely geometries
    return shapely.transform(geometry, lambda xy: np.column_stack(georef.to_geo_many(xy[:, 0], xy[:, 1])))


# ------------------------------------------------------------------------------------------ the files


def _write(path: Path, features: list[dict]) -> Path:
    doc = {"type": "FeatureCollection", "name": path.stem, "crs": JGD2011, "features": features}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _feature(geometry, properties: dict) -> dict:  # noqa: ANN001
    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def write_hazard_files(folder: Path, layout: DemoTownMap, georef: Georeference) -> tuple[Path, Path]:
    """The A31a flood file and the A33 landslide file, in the 国土数値情報 attribute schema."""
    folder.mkdir(parents=True, exist_ok=True)
    flood = [_feature(_to_ground(area, georef), {
        "A31a_201": "0000000000", "A31a_202": RIVER_NAME, "A31a_203": 2, "A31a_204": "架空県（デモ）",
        "A31a_205": rank}) for rank, area in flood_zones(layout) if not area.is_empty]
    sediment = [_feature(_to_ground(area, georef), {
        "A33_001": 1, "A33_002": zone_class, "A33_003": "00", "A33_004": f"DEMO-{zone_class}",
        "A33_005": "八幡山（架空）", "A33_006": "ひだまり町1丁目（架空）"}) for zone_class, area in sediment_zones(layout)]
    return _write(folder / FLOOD_FILE, flood), _write(folder / SEDIMENT_FILE, sediment)


def write_reference_files(folder: Path, layout: DemoTownMap, georef: Georeference) -> tuple[Path, Path, Path, Path]:
    """The fictional 指定緊急避難場所 (GSI schema, a flag per hazard), 指定避難所 (GSI schema), the 公民館 and the
    clinic."""
    folder.mkdir(parents=True, exist_ok=True)
    hill_middle = Polygon(layout.hill).representative_point()

    def at(x: float, y: float) -> Point:
        return Point(georef.to_geo(x, y))

    shelters = []
    for number, (name, x, y, open_for) in enumerate(SHELTERS, start=1):
        spot = at(hill_middle.x, hill_middle.y) if x is None or y is None else at(x, y)
        shelters.append(_feature(spot, {
            "NO": number, "都道府県名及び市町村名": "架空県ひだまり町", "施設・場所名": name,
            "住所": "ひだまり町（架空）", **{flag: ("1" if flag in open_for else "") for flag in _FLAGS},
            "備考": "デモ用の架空の避難場所"}))
    hall_spot = layout.places[0]
    hall = [_feature(at(hall_spot.x, hall_spot.y), {"name": HALL[0], "address": HALL[1]})]
    spots = {SHELTERS[0][0]: at(SHELTERS[0][1], SHELTERS[0][2]), HALL[0]: at(hall_spot.x, hall_spot.y)}
    designated = [_feature(spots[name], {
        "NO": number, "都道府県名及び市町村名": "架空県ひだまり町", "施設・場所名": name, "住所": "ひだまり町（架空）",
        "指定緊急避難場所との住所同一": "1" if name == SHELTERS[0][0] else "", "備考": "デモ用の架空の避難所"})
        for number, name in enumerate(DESIGNATED, start=1)]
    clinic = [_feature(at(CLINIC[1], CLINIC[2]), {"name": CLINIC[0], "address": CLINIC[3], "tel": "0778-00-0000"})]
    return (_write(folder / SHELTER_FILE, shelters), _write(folder / DESIGNATED_FILE, designated),
            _write(folder / HALL_FILE, hall), _write(folder / CLINIC_FILE, clinic))


def seed_demo_geography(session: Session, data_dir: Path, layout: DemoTownMap, georef: Georeference) -> None:
    """Write the fictional layers and import them as a user would (after the households: their exposures)."""
    folder = data_dir / LAYER_FOLDER
    shelters, designated, hall, clinic = write_reference_files(folder, layout, georef)
    import_layer(session, shelters, ReferenceKind.SHELTER, REFERENCE_CREDIT)
    import_layer(session, designated, ReferenceKind.DESIGNATED_SHELTER, REFERENCE_CREDIT)
    import_layer(session, hall, ReferenceKind.COMMUNITY_HALL, REFERENCE_CREDIT)
    import_layer(session, clinic, ReferenceKind.CLINIC, REFERENCE_CREDIT)
    flood, sediment = write_hazard_files(folder, layout, georef)
    west, south, east, north = georef.bounds()
    extent = Extent(west, south, east, north).padded(500.0)
    import_hazard(session, flood, HazardKind.FLOOD, extent=extent, credit=HAZARD_CREDITS[HazardKind.FLOOD])
    import_hazard(session, sediment, HazardKind.SEDIMENT, extent=extent, credit=HAZARD_CREDITS[HazardKind.SEDIMENT])
