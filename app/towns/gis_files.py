"""Read GIS layers (GeoJSON, Shapefile) one feature at a time, with the coordinate system checked.

``open_gis_file(path)`` gives a ``GisFile``: iterate it for ``(geometry, properties, feature number)``
(a shapely geometry, or None when the feature's geometry is unusable), one feature at a time, so a
file of a million polygons is never held in memory (GeoJSON is streamed with ``ijson``; a Shapefile
is read record by record with ``pyshp``). Every defect is kept in ``GisFile.defects`` naming the
file, the feature number and the field.

Coordinate systems: JGD2011 (EPSG:6668), JGD2000 (EPSG:4612) and WGS84 (EPSG:4326) longitude/latitude
are accepted and taken as the same datum (they differ by well under a metre in Japan). A projected
system (平面直角座標系 EPSG:6669–6687 or 2443–2461, Web Mercator, UTM …) and other datums (the old
Tokyo datum, 400 m off) are refused with a message naming the file and the system found. When a file
states none, WGS84/JGD2011 is assumed and ``GisFile.crs.assumed`` says so.
"""

from __future__ import annotations

import codecs
import math
import re
import struct
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError

if TYPE_CHECKING:  # shapely and pyshp are imported when a GIS file is read, not when the app starts (issue 17)
    from shapely.geometry.base import BaseGeometry


def _ijson():  # noqa: ANN202 - one of ijson's backend modules
    """ijson's backend, imported by the first GeoJSON file read, not by an open (issue 17: memory)."""
    try:  # the C backend when its wheel is there; named statically so a frozen build bundles it
        import ijson.backends.yajl2_c as ijson_backend
    except ImportError:  # pragma: no cover - pure Python fallback, slower but the same results
        import ijson.backends.python as ijson_backend
    return ijson_backend


GEOJSON_SUFFIXES = (".geojson", ".json")
_TAIL = 1 << 16  # the end of a GeoJSON file searched for a crs member written after the features
SHAPEFILE_SUFFIXES = (".shp",)

# Geographic systems read as longitude/latitude, taken as one datum (JGD2011 ≈ JGD2000 ≈ WGS84 in Japan).
GEOGRAPHIC = {6668: "JGD2011", 4612: "JGD2000", 4326: "WGS84"}
# Projected systems seen in Japanese files, named in the refusal.
_PROJECTED_NAMES = {3857: "Web Mercator", 900913: "Web Mercator", 3395: "World Mercator",
                    4301: "Tokyo datum (日本測地系)"}
for _zone in range(1, 20):
    _PROJECTED_NAMES[6668 + _zone] = f"JGD2011 平面直角座標系 第{_zone}系"
    _PROJECTED_NAMES[2442 + _zone] = f"JGD2000 平面直角座標系 第{_zone}系"
    _PROJECTED_NAMES[30160 + _zone] = f"Tokyo 平面直角座標系 第{_zone}系"
for _zone in range(51, 57):
    _PROJECTED_NAMES[6637 + _zone] = f"JGD2011 UTM zone {_zone}N"
    _PROJECTED_NAMES[32600 + _zone] = f"WGS84 UTM zone {_zone}N"
    _PROJECTED_NAMES[3046 + _zone] = f"JGD2000 UTM zone {_zone}N"

# The .cpg names of the encodings Japanese files use.
_CPG = {"utf8": "utf-8", "utf-8": "utf-8", "65001": "utf-8", "sjis": "cp932", "shift_jis": "cp932",
        "shift-jis": "cp932", "cp932": "cp932", "932": "cp932", "ms932": "cp932", "windows-31j": "cp932",
        "ansi 932": "cp932"}
DEFAULT_DBF_ENCODING = "cp932"  # Japanese government files without a .cpg are Shift_JIS


@cache
def _cut_short() -> tuple[type[Warning], ...]:
    """pyshp 3 warns (PossiblyCorruptFileHeader) when a .shp is shorter than its header says: read as an error."""
    import shapefile

    return tuple(c for c in (getattr(shapefile, "PossiblyCorruptFileHeader", None),) if c is not None)


@dataclass(frozen=True)
class CoordinateSystem:
    """The geographic system a file's coordinates are read in."""

    epsg: int  # 6668, 4612 or 4326
    source: str  # "crs" (GeoJSON's legacy member), "prj" (the Shapefile's .prj), "" when assumed
    found: str = ""  # the name as the file writes it

    @property
    def assumed(self) -> bool:
        return not self.source

    @property
    def name(self) -> str:
        return f"{GEOGRAPHIC[self.epsg]} (EPSG:{self.epsg})"

    def note(self) -> str:
        """One line for the report: which system, and whether it was stated or assumed."""
        if self.assumed:
            return ("No coordinate system stated: assumed WGS84 / JGD2011 longitude/latitude "
                    "(EPSG:4326 / EPSG:6668).")
        where = "the crs member" if self.source == "crs" else "the .prj file"
        return (f"Coordinate system {self.name} from {where}; read as longitude/latitude "
                "(JGD2011, JGD2000 and WGS84 agree within a metre in Japan).")


ASSUMED = CoordinateSystem(4326, "")


@dataclass(frozen=True)
class GisDefect:
    """Something wrong with one feature (or the file): file, feature number, field, what."""

    file: str
    feature: int | None
    field: str
    what: str  # English template, QT_TRANSLATE_NOOP("import", …)
    params: dict = dataclass_field(default_factory=dict, hash=False, compare=False)
    repaired: bool = False  # the feature is still given (e.g. a self-intersecting polygon made valid)

    def message(self) -> str:
        where = self.file + (f", feature {self.feature}" if self.feature is not None else "") + (
            f", {self.field}" if self.field else "")
        return f"{where}: {self.what.format(**self.params)}"


def _refuse(file: str, found: str) -> LedgerError:
    return LedgerError(QT_TRANSLATE_NOOP(
        "errors", "The coordinates are in {system}, not longitude/latitude. Save the file in JGD2011 "
                  "(EPSG:6668) or WGS84 (EPSG:4326) first, e.g. with QGIS's Export → Save Features As."),
        where=file, system=found)


def _epsg_system(code: int, file: str, source: str, found: str) -> CoordinateSystem:
    if code in GEOGRAPHIC:
        return CoordinateSystem(code, source, found)
    name = _PROJECTED_NAMES.get(code, "")
    raise _refuse(file, f"{found} ({name})" if name and name not in found else found)


def crs_of_geojson(member: object, file: str) -> CoordinateSystem:
    """The system named by a GeoJSON ``crs`` member (2008 spec; RFC 7946 dropped it and means WGS84)."""
    if member is None:
        return ASSUMED
    props = member.get("properties") if isinstance(member, dict) else None
    props = props if isinstance(props, dict) else {}
    text = str(props.get("name") or props.get("code") or props.get("href") or "").strip()
    if re.search(r"CRS:?84$|CRS84", text, re.IGNORECASE):
        return CoordinateSystem(4326, "crs", text)
    match = re.search(r"EPSG:*(?:[\d.]*:)?:?(\d+)\s*$", text, re.IGNORECASE) or re.fullmatch(r"\s*(\d+)\s*", text)
    if not match:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Unknown coordinate system {system} in the crs member."),
                          where=file, system=text or str(member)[:80])
    return _epsg_system(int(match.group(1)), file, "crs", text)


def crs_of_prj(text: str, file: str) -> CoordinateSystem:
    """The system described by a .prj (WKT 1, ESRI's or OGC's, or WKT 2)."""
    wkt = text.strip()
    head = wkt.split("[", 1)[0].strip().upper()
    names = re.findall(r'"([^"]*)"', wkt)
    found = names[0] if names else wkt[:60]
    ids = re.findall(r'(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]', wkt, re.IGNORECASE)
    if head in ("PROJCS", "PROJCRS", "PROJECTEDCRS"):
        raise _refuse(file, found + (f" (EPSG:{ids[-1]})" if ids else ""))
    if head not in ("GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS", "GEODETICCRS"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The .prj file does not describe a coordinate system: "
                                                      "「{text}」."), where=file, text=wkt[:80])
    if ids and int(ids[-1]) in GEOGRAPHIC:
        return CoordinateSystem(int(ids[-1]), "prj", found)
    squashed = re.sub(r"[\s_\-]", "", wkt.upper())
    if "TOKYO" in squashed:
        raise _refuse(file, f"{found} (Tokyo datum 日本測地系, about 400 m off)")
    for key, code in (("JGD2011", 6668), ("JAPANESEGEODETICDATUM2011", 6668), ("JGD2000", 4612),
                      ("JAPANESEGEODETICDATUM2000", 4612), ("WGS1984", 4326), ("WGS84", 4326)):
        if key in squashed:
            return CoordinateSystem(code, "prj", found)
    raise _refuse(file, found)


# ---------------------------------------------------------------------------------------------- features

def _plain(value: object) -> object:
    """A property value as JSON can hold it (dates as ISO text, bytes decoded, NaN as None)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _shape(raw: object) -> BaseGeometry:
    """``shapely.geometry.shape``, with a direct path for a polygon (the hazard files' million features): its
    rings straight to GEOS, the same geometry for two fifths less time. Anything unusual takes ``shape``."""
    import shapely
    from shapely.geometry import shape

    if isinstance(raw, dict) and raw.get("type") == "Polygon":
        rings = raw.get("coordinates")
        if isinstance(rings, list) and rings and all(isinstance(r, list) and len(r) >= 4 for r in rings):
            try:
                return shapely.polygons(rings[0], holes=rings[1:] or None)
            except (ValueError, TypeError, shapely.errors.GEOSException):
                pass  # ragged or non-numeric coordinates: shape() names the reason
    return shape(raw)


def _check_geometry(raw: object, file: str, number: int, defects: list[GisDefect]) -> BaseGeometry | None:
    if raw is None:
        defects.append(GisDefect(file, number, "geometry", QT_TRANSLATE_NOOP("import", "No geometry.")))
        return None
    try:
        geom = _shape(raw)
    except Exception as exc:  # noqa: BLE001 - shapely raises many kinds for malformed coordinates
        defects.append(GisDefect(file, number, "geometry",
                                 QT_TRANSLATE_NOOP("import", "Not a valid geometry: {reason}."),
                                 {"reason": str(exc)[:120] or type(exc).__name__}))
        return None
    if geom.is_empty:
        defects.append(GisDefect(file, number, "geometry", QT_TRANSLATE_NOOP("import", "Empty geometry.")))
        return None
    west, south, east, north = geom.bounds
    if not all(math.isfinite(v) for v in (west, south, east, north)) or not (
            -180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        defects.append(GisDefect(
            file, number, "geometry",
            QT_TRANSLATE_NOOP("import", "Coordinates out of range ({x}, {y}): not longitude/latitude (a projected "
                                        "file without its .prj or crs?)."),
            {"x": west, "y": south}))
        return None
    if not geom.is_valid:
        import shapely

        reason = shapely.is_valid_reason(geom)
        geom = shapely.make_valid(geom)
        defects.append(GisDefect(file, number, "geometry",
                                 QT_TRANSLATE_NOOP("import", "Invalid geometry ({reason}): repaired."),
                                 {"reason": reason}, repaired=True))
    return geom


def _missing(props: dict, required: Sequence[str], file: str, number: int, defects: list[GisDefect]) -> None:
    for name in required:
        value = props.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            defects.append(GisDefect(file, number, name, QT_TRANSLATE_NOOP("import", "Missing property {name}."),
                                     {"name": name}))



# GeoJSON nests at most about eight deep (collection, feature, geometry, coordinates, polygon, ring, position;
# a GeometryCollection or a property a few more); JSON nested far deeper is a hostile or broken file, which the
# C parser would follow until the machine runs out of memory.
MAX_NESTING = 64
_SCAN_CHUNK = 1 << 18  # 256 kB: the scan's arrays stay a few MB, whatever the file


def check_nesting(path: Path, file: str, limit: int = MAX_NESTING) -> bool:
    """Refuse a JSON file whose brackets nest deeper than ``limit``, before any parser builds it: a streaming scan
    with numpy, 256 kB at a time, that skips what stands inside strings (a quote counts unless an odd number of
    backslashes stands before it). True when the file ends with a bracket or a string left open: cut off."""
    import numpy as np

    depth, in_string, run = 0, False, 0  # run: backslashes ending the previous chunk
    with path.open("rb") as f:
        while chunk := f.read(_SCAN_CHUNK):
            a = np.frombuffer(chunk, dtype=np.uint8)
            n = a.size
            at = np.arange(n, dtype=np.int32)
            backslash = a == 0x5C
            last_other = np.maximum.accumulate(np.where(backslash, -1, at))  # last non-backslash at or before i
            before = np.empty(n, dtype=np.int32)  # backslashes standing right before position i
            before[0] = run
            before[1:] = at[:-1] - last_other[:-1] + np.where(last_other[:-1] == -1, run, 0)
            quote = (a == 0x22) & (before % 2 == 0)
            toggles = np.cumsum(quote, dtype=np.int32) + int(in_string)
            inside = (toggles % 2 == 1) & ~quote
            step = (((a == 0x5B) | (a == 0x7B)) & ~inside).astype(np.int32)
            step -= (((a == 0x5D) | (a == 0x7D)) & ~inside).astype(np.int32)
            levels = depth + np.cumsum(step, dtype=np.int32)
            if int(levels.max()) > limit:
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "Not valid GeoJSON: brackets nested more than {limit} "
                                                              "deep."), where=file, limit=limit)
            depth, in_string = int(levels[-1]), bool(toggles[-1] % 2 == 1)
            run = int(n - 1 - last_other[-1]) + (run if last_other[-1] == -1 else 0)
    return depth > 0 or in_string

class GisFile:
    """One GeoJSON or Shapefile layer; iterate for ``(geometry | None, properties, feature number)``."""

    def __init__(self, path: Path, required: Sequence[str] = (), encoding: str | None = None) -> None:
        self.path = Path(path)
        self.file = self.path.name
        self.required = tuple(required)
        self.defects: list[GisDefect] = []
        self.count = 0  # features read so far
        suffix = self.path.suffix.lower()
        if suffix in GEOJSON_SUFFIXES:
            self.format = "geojson"
            self.crs = ASSUMED  # until a crs member says otherwise (it is read as the file streams)
            self.encoding = "utf-8"
        elif suffix in SHAPEFILE_SUFFIXES:
            self.format = "shapefile"
            prj = self.path.with_suffix(".prj")
            self.crs = crs_of_prj(_read_small(prj), prj.name) if prj.exists() else ASSUMED
            self.encoding = encoding or self._dbf_encoding()
        else:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "GIS layers are read from .geojson or .shp files."),
                              where=self.file)
        if not self.path.is_file():
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "No such file."), where=str(self.path))

    def __iter__(self) -> Iterator[tuple[BaseGeometry | None, dict, int]]:
        return self._geojson() if self.format == "geojson" else self._shapefile()

    # ------------------------------------------------------------------------------------ GeoJSON
    def _feature(self, item: object, number: int) -> tuple[BaseGeometry | None, dict, int]:
        self.count = number
        # A feature without "type" is taken as one (hand-made files leave it out); any other type is not.
        if not isinstance(item, dict) or item.get("type", "Feature") != "Feature":
            self.defects.append(GisDefect(self.file, number, "type",
                                          QT_TRANSLATE_NOOP("import", "Not a GeoJSON Feature.")))
            return None, {}, number
        props = item.get("properties")
        if props is not None and not isinstance(props, dict):
            self.defects.append(GisDefect(self.file, number, "properties",
                                          QT_TRANSLATE_NOOP("import", "The properties are not an object.")))
        props = {str(k): _plain(v) for k, v in props.items()} if isinstance(props, dict) else {}
        _missing(props, self.required, self.file, number, self.defects)
        return _check_geometry(item.get("geometry"), self.file, number, self.defects), props, number

    def _geojson(self) -> Iterator[tuple[BaseGeometry | None, dict, int]]:
        """Up to three passes over the bytes, in ijson's C backend where it is installed: the members before
        ``features`` (``type``, ``crs``: a few events), the features built one by one by ``ijson.items`` (no
        Python per JSON token), then the members after ``features`` (a pass over every token, so only when
        ``type`` was not before the features, or a ``crs`` not yet read may be in the file's last 64 KB)."""
        from ijson.common import JSONError

        ijson_backend = _ijson()
        top: dict[str, object] = {}
        number = 0
        try:
            seen_features = self._members(top, before_features=True)
            check_nesting(self.path, self.file)
            if seen_features:
                with self._open_json() as f:
                    for item in ijson_backend.items(f, "features.item", use_float=True):
                        number += 1
                        yield self._feature(item, number)
                if "type" not in top or ("crs" not in top and self._tail_names_crs()):
                    self._members(top, before_features=False)
        except JSONError as exc:
            with self._open_json() as f:
                if not f.read(_SCAN_CHUNK).strip():
                    raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is empty."), where=self.file) from exc
            if check_nesting(self.path, self.file, limit=1 << 30):
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file ends in the middle of feature {number}: it "
                                                              "was cut off, e.g. while copying or downloading. Copy "
                                                              "the whole file again."),
                                  where=self.file, number=number + 1) from exc
            # The parser's first line only: the lines after it point at the text with "(right here) ------^".
            reason = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
            if number == 0:
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "Not valid GeoJSON before its first feature: {reason}"),
                                  where=self.file, reason=reason) from exc
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Not valid GeoJSON after feature {number}: {reason}"),
                              where=self.file, number=number, reason=reason) from exc
        except OSError as exc:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Cannot read the file: {reason}"), where=self.file,
                              reason=exc.strerror or str(exc)) from exc
        kind = top.get("type")
        if kind == "Feature" and not seen_features:
            yield self._feature(top, 1)
        elif kind != "FeatureCollection" and not seen_features:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Not a GeoJSON FeatureCollection or Feature."),
                              where=self.file)

    def _open_json(self) -> BinaryIO:
        """The file for the parser, past a UTF-8 byte order mark (Windows Notepad writes one; JSON parsers may skip
        it, and ijson's does not)."""
        f = self.path.open("rb")
        if f.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
            f.seek(0)
        return f

    def _tail_names_crs(self) -> bool:
        with self.path.open("rb") as f:
            f.seek(max(0, self.path.stat().st_size - _TAIL))
            return b'"crs"' in f.read()

    def _members(self, top: dict[str, object], *, before_features: bool) -> bool:
        """Read the top-level members other than ``features`` into ``top``: those before it (then stop, and
        say whether a ``features`` array was found) or those after it (its events skipped)."""
        from ijson.common import ObjectBuilder

        ijson_backend = _ijson()
        builder: ObjectBuilder | None = None
        building = ""  # the top-level key whose value is being built
        with self._open_json() as f:
            for prefix, event, value in ijson_backend.parse(f, use_float=True):
                if builder is not None:
                    builder.event(event, value)
                    if prefix == building and event in ("end_map", "end_array"):
                        self._top_member(building, builder.value, top)
                        builder = None
                    continue
                if prefix == "" and event not in ("start_map", "map_key", "end_map"):
                    raise LedgerError(QT_TRANSLATE_NOOP("errors", "Not a GeoJSON FeatureCollection or Feature."),
                                      where=self.file)
                if prefix == "features" or prefix.startswith("features."):
                    if before_features and prefix == "features" and event == "start_array":
                        return True
                    continue
                if prefix and "." not in prefix:
                    if event in ("start_map", "start_array"):
                        builder, building = ObjectBuilder(), prefix
                        builder.event(event, value)
                    else:
                        self._top_member(prefix, value, top)
        return False

    def _top_member(self, key: str, value: object, top: dict[str, object]) -> None:
        top[key] = value
        if key == "crs":
            self.crs = crs_of_geojson(value, self.file)  # a projected system stops the read here

    # ---------------------------------------------------------------------------------- Shapefile
    def _dbf_encoding(self) -> str:
        cpg = self.path.with_suffix(".cpg")
        if cpg.exists():
            name = _read_small(cpg).strip().lower()
            if name in _CPG:
                return _CPG[name]
            try:
                return codecs.lookup(name).name
            except LookupError:
                self.defects.append(GisDefect(cpg.name, None, "", QT_TRANSLATE_NOOP(
                    "import", "Unknown encoding 「{name}」: the attributes are read as Shift_JIS (cp932)."),
                    {"name": name}))
                return DEFAULT_DBF_ENCODING
        # No .cpg: Shift_JIS as Japanese government files are, unless the text is clearly UTF-8.
        dbf = self.path.with_suffix(".dbf")
        try:
            with dbf.open("rb") as f:
                sample = f.read(1 << 16)
            sample[32:].decode("utf-8")
            if any(b >= 0x80 for b in sample[32:]):
                return "utf-8"
        except (OSError, UnicodeDecodeError):
            pass
        return DEFAULT_DBF_ENCODING

    def _shapefile(self) -> Iterator[tuple[BaseGeometry | None, dict, int]]:
        if not self.path.with_suffix(".dbf").exists():
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "The Shapefile has no .dbf file beside it (its "
                                                          "attributes): copy the .shp, .shx, .dbf, .prj and .cpg "
                                                          "files together."), where=self.file)
        import shapefile

        cut_short = _cut_short()
        number = 0
        try:
            with warnings.catch_warnings():
                for category in cut_short:
                    warnings.simplefilter("error", category)
                reader = shapefile.Reader(str(self.path), encoding=self.encoding)
            with reader:
                for number, item in enumerate(reader.iterShapeRecords(), start=1):
                    self.count = number
                    props = {str(k): _plain(v) for k, v in item.record.as_dict().items()}
                    _missing(props, self.required, self.file, number, self.defects)
                    if item.shape.shapeType == shapefile.NULL:
                        raw = None
                    else:
                        raw = item.shape.__geo_interface__
                    yield _check_geometry(raw, self.file, number, self.defects), props, number
        except cut_short as exc:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is shorter than its header says: it was cut "
                                                          "short (an interrupted copy?) or is not a Shapefile."),
                              where=self.file) from exc
        except UnicodeDecodeError as exc:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Feature {number}: the attributes are not {encoding} text; "
                                                          "add a .cpg file naming the encoding (UTF-8 or SJIS)."),
                              where=self.file, number=number + 1, encoding=self.encoding) from exc
        except (shapefile.ShapefileException, struct.error, ValueError, IndexError, OSError) as exc:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Not a readable Shapefile after feature {number}: "
                                                          "{reason}"),
                              where=self.file, number=number, reason=str(exc)[:160] or type(exc).__name__) from exc


def _read_small(path: Path) -> str:
    try:
        raw = path.read_bytes()[:65536]
    except OSError as exc:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Cannot read the file: {reason}"), where=path.name,
                          reason=exc.strerror or str(exc)) from exc
    return unicodedata.normalize("NFKC", raw.decode("utf-8", "replace").lstrip("\ufeff"))


def open_gis_file(path: Path, required: Sequence[str] = (), encoding: str | None = None) -> GisFile:
    """A GeoJSON or Shapefile layer to iterate; ``required`` properties missing on a feature are reported."""
    return GisFile(Path(path), required, encoding)


def is_gis_file(path: Path) -> bool:
    return Path(path).suffix.lower() in GEOJSON_SUFFIXES + SHAPEFILE_SUFFIXES
