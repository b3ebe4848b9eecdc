"""Generated hazard files in the 国土数値情報 schema (A31a, A33, A49, A40), GeoJSON and Shapefile.

No real A31a/A33 file is among the public data the project keeps (tests/data), so the tests write their own around known points of Echizen
(the real GSI shelters' coordinates); they are fictional zones, not the published ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import shapefile
from shapely.geometry import box, mapping

# The household of the shelter test, in 粟田部町 near the real GSI sites (岡本小学校, 新在家公園, 花筐小学校).
HOME = (136.2415, 35.9150)  # lon, lat
JGD2011_PRJ = ('GEOGCS["JGD2011",DATUM["Japanese_Geodetic_Datum_2011",SPHEROID["GRS_1980",6378137,298.257222101]],'
               'PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]')
JGD2011_CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6668"}}


def flood(geom, rank: int | str, river: str = "日野川") -> tuple:
    return geom, {"A31a_201": "8606040001", "A31a_202": river, "A31a_203": 2, "A31a_204": "福井県",
                  "A31a_205": rank}


def sediment(geom, phenomenon: int | str, zone_class: int | str, name: str = "粟田部町-1") -> tuple:
    return geom, {"A33_001": phenomenon, "A33_002": zone_class, "A33_003": "18", "A33_004": "I-1",
                  "A33_005": name, "A33_006": "越前市粟田部町"}


def write_geojson(path: Path, features: Iterable[tuple], crs: dict | None = JGD2011_CRS) -> Path:
    """Written one feature at a time, so a file of 200,000 polygons is never built in memory."""
    with path.open("w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection", "name": "%s",' % path.stem)
        if crs:
            f.write(' "crs": %s,' % json.dumps(crs))
        f.write(' "features": [\n')
        for i, (geom, props) in enumerate(features):
            if i:
                f.write(",\n")
            f.write(json.dumps({"type": "Feature", "properties": props,
                                "geometry": mapping(geom) if geom is not None else None}, ensure_ascii=False))
        f.write("\n]}\n")
    return path


def write_shapefile(path: Path, features: Iterable[tuple], fields: list[tuple]) -> Path:
    """A polygon Shapefile with a JGD2011 .prj and a .cpg (UTF-8), as QGIS writes it."""
    with shapefile.Writer(str(path.with_suffix("")), shapeType=shapefile.POLYGON, encoding="utf-8") as w:
        for field in fields:
            w.field(*field)
        for geom, props in features:
            w.shape(mapping(geom))
            w.record(*[props.get(f[0]) for f in fields])
    path.with_suffix(".prj").write_text(JGD2011_PRJ, encoding="utf-8")
    path.with_suffix(".cpg").write_text("UTF-8", encoding="utf-8")
    return path


A31A_FIELDS = [("A31a_201", "C", 10), ("A31a_202", "C", 50), ("A31a_203", "N", 2), ("A31a_204", "C", 50),
               ("A31a_205", "N", 2)]
A33_FIELDS = [("A33_001", "N", 1), ("A33_002", "N", 1), ("A33_003", "C", 2), ("A33_004", "C", 20),
              ("A33_005", "C", 50), ("A33_006", "C", 100)]


def around(lon: float, lat: float, half_m: float) -> object:
    """A square of side 2 × half_m metres around a point."""
    dlat = half_m / 111_320
    dlon = half_m / 90_300  # at 35.9° N
    return box(lon - dlon, lat - dlat, lon + dlon, lat + dlat)


def many_small_polygons(count: int, west: float = 136.10, south: float = 35.85) -> Iterator[tuple]:
    """``count`` 20 m squares on a grid over the city, ranks 1–6 in turn (generated, never held)."""
    side = int(count ** 0.5) + 1
    step = 0.0004
    for i in range(count):
        x, y = west + (i % side) * step, south + (i // side) * step
        yield flood(box(x, y, x + 0.0002, y + 0.0002), i % 6 + 1)
