"""Import public reference layers (shelters, community halls, clinics) from CSV, GeoJSON or Shapefile, defects reported.

Every row either becomes a feature or is named in the report (file, row, column, what); a row
whose position is unusable is kept without a position, so it is listed but not drawn.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sqlalchemy import String, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, Translate, english
from app.core.workbook_guard import csv_rows, read_text_file
from app.models import utcnow
from app.models.emergency import ReferenceFeature, ReferenceKind
from app.towns.gis_files import ASSUMED, CoordinateSystem, is_gis_file, open_gis_file

# Japan's extent with its outlying islands; a point outside it is a typo, not a place.
JAPAN_LAT = (20.0, 46.0)
JAPAN_LON = (122.0, 154.0)

ECHIZEN_CREDIT = "越前市オープンデータ（code4fukui/echizencity-hazardmap）"
GSI_CREDIT = "国土地理院 指定緊急避難場所・指定避難所データ（国土地理院コンテンツ利用規約）"
# The real files in shared/data: their kind and the credit line data/README.md asks us to keep.
KNOWN_SOURCES: dict[str, tuple[ReferenceKind, str]] = {
    "hinanjo.csv": (ReferenceKind.SHELTER, ECHIZEN_CREDIT),
    "kominkan_from_aed.csv": (ReferenceKind.COMMUNITY_HALL, ECHIZEN_CREDIT),
    "iryokikan.csv": (ReferenceKind.CLINIC, ECHIZEN_CREDIT),
    "gsi_evacuation_shiteihinanjo.geojson": (ReferenceKind.DESIGNATED_SHELTER, GSI_CREDIT),
    "gsi_emergency_shiteikinkyu.geojson": (ReferenceKind.SHELTER, GSI_CREDIT),
}

# Header names seen in Japanese open data, per field (compared after NFKC and lower-casing).
COLUMNS = {
    "name": ("name", "名称", "施設名", "施設・場所名", "避難所名", "施設名称", "医療機関名"),
    "address": ("address", "住所", "所在地"),
    "lat": ("lat", "latitude", "緯度", "y"),
    "lon": ("lon", "lng", "long", "longitude", "経度", "x"),
    "district": ("area", "echizen_city_area", "地区", "地区名"),
    "phone": ("telephone", "tel", "phone", "電話番号", "電話"),
}
_DISTRICT_SUFFIX = "地区"
# The ledger's room for each text (the columns of reference_features); a longer value is cut, and said.
LIMITS: dict[str, int] = {key: cast(String, ReferenceFeature.__table__.c[key].type).length or 0
                          for key in ("name", "address", "phone", "district")}


class Severity:
    FIXED = "fixed"  # imported, with the correction said
    PARTIAL = "partial"  # imported without the bad value (e.g. no position)
    SKIPPED = "skipped"  # not imported (the reason says why)
    NOTE = "note"  # about the whole file


# Where a problem is, per (a feature of a GIS file, a row or feature is named, a column or field is named).
_PLACES = {
    (False, True, True): QT_TRANSLATE_NOOP("import", "row {row}, column {column}"),
    (False, True, False): QT_TRANSLATE_NOOP("import", "row {row}"),
    (False, False, True): QT_TRANSLATE_NOOP("import", "column {column}"),
    (True, True, True): QT_TRANSLATE_NOOP("import", "feature {row}, field {column}"),
    (True, True, False): QT_TRANSLATE_NOOP("import", "feature {row}"),
    (True, False, True): QT_TRANSLATE_NOOP("import", "field {column}"),
}
SEVERITY_WORDS = {
    Severity.FIXED: QT_TRANSLATE_NOOP("import", "fixed"),
    Severity.PARTIAL: QT_TRANSLATE_NOOP("import", "partial"),
    Severity.SKIPPED: QT_TRANSLATE_NOOP("import", "skipped"),
    Severity.NOTE: QT_TRANSLATE_NOOP("import", "note"),
}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # 1-based line of the file counting the header (CSV) or feature number (GeoJSON)
    column: str
    severity: str
    what: str  # English template, QT_TRANSLATE_NOOP(context, …)
    params: dict = field(default_factory=dict, hash=False, compare=False)
    context: str = "import"  # "errors" for a directory's refusal (a LedgerError's template) found while reading

    def place(self, translate: Translate = english) -> str:
        """Where in the file (「row 3, column 名称」), without the file's name; "" for the file as a whole."""
        # A GeoJSON or Shapefile has features and their fields (as gis_files.GisDefect says), not rows and columns.
        template = _PLACES.get((is_gis_file(Path(self.file)), self.row is not None, bool(self.column)))
        return translate("import", template).format(row=self.row, column=self.column) if template else ""

    def reason(self, translate: Translate = english) -> str:
        """Where in the file and what (the message of an error about this file, which names the file itself)."""
        what = translate(self.context, self.what).format(**self.params)
        place = self.place(translate)
        return translate("import", "{place}: {what}").format(place=place, what=what) if place else what

    def message(self, translate: Translate = english) -> str:
        """The file, where in it and what, in English or (``translate``) the window's language."""
        if self.place():
            return translate("import", "{file}, {problem}").format(file=self.file, problem=self.reason(translate))
        return translate("import", "{file}: {problem}").format(file=self.file, problem=self.reason(translate))

    def line(self, translate: Translate = english) -> str:
        """The problem as a report lists it: 「skipped: hinanjo.csv, row 4, column 名称: No name: row not imported.」"""
        return translate("import", "{severity}: {problem}").format(
            severity=translate("import", SEVERITY_WORDS.get(self.severity, self.severity)),
            problem=self.message(translate))


@dataclass
class LayerPreview:
    """What an import would add; ``apply_layer`` writes it in one transaction."""

    path: Path
    kind: ReferenceKind
    credit: str
    features: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    crs: CoordinateSystem = ASSUMED  # the coordinate system read, or assumed when the file states none

    @property
    def source(self) -> str:
        return self.path.name

    def summary(self) -> str:
        placed = sum(1 for f in self.features if f["lat"] is not None)
        return (f"{len(self.features)} features ({placed} with a position), "
                f"{len(self.problems)} problems reported")


def _norm_header(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def _find_columns(headers: list[str]) -> dict[str, str]:
    normalised = {_norm_header(h): h for h in headers}
    found = {}
    for key, names in COLUMNS.items():
        for name in names:
            if _norm_header(name) in normalised:
                found[key] = normalised[_norm_header(name)]
                break
    return found


def _district(value: str, file: str, row: int, column: str, problems: list[Problem]) -> tuple[str, str]:
    """「国高地区地区」 and 「東地区」 both become the bare name (「国高」, 「東」) used by the other files."""
    text = unicodedata.normalize("NFKC", value).strip()
    bare = text
    while bare.endswith(_DISTRICT_SUFFIX) and len(bare) > len(_DISTRICT_SUFFIX):
        bare = bare[: -len(_DISTRICT_SUFFIX)]
    if text.count(_DISTRICT_SUFFIX) > 1:
        problems.append(Problem(file, row, column, Severity.FIXED,
                                QT_TRANSLATE_NOOP("import", "地区 「{old}」 has 「地区」 twice; stored as 「{new}」."),
                                {"old": text, "new": bare}))
    return bare, text


def _position(lat_text: object, lon_text: object, file: str, row: int, columns: tuple[str, str],
              problems: list[Problem]) -> tuple[float | None, float | None]:
    def number(text: object, column: str) -> float | None:
        if text is None or (isinstance(text, str) and not text.strip()):
            problems.append(Problem(file, row, column, Severity.PARTIAL,
                                    QT_TRANSLATE_NOOP("import", "No {column}: imported without a position."),
                                    {"column": column}))
            return None
        try:
            return float(unicodedata.normalize("NFKC", str(text)).strip())
        except ValueError:
            problems.append(Problem(file, row, column, Severity.PARTIAL,
                                    QT_TRANSLATE_NOOP("import", "「{value}」 is not a number: imported without a position."),
                                    {"value": text}))
            return None

    lat, lon = number(lat_text, columns[0]), number(lon_text, columns[1])
    if lat is None or lon is None:
        return None, None
    for value, (low, high), column in ((lat, JAPAN_LAT, columns[0]), (lon, JAPAN_LON, columns[1])):
        if not low <= value <= high:
            problems.append(Problem(
                file, row, column, Severity.PARTIAL,
                QT_TRANSLATE_NOOP("import", "{column} {value} is outside Japan ({low}–{high}): imported without a "
                                            "position; correct it by hand."),
                {"column": column, "value": value, "low": low, "high": high}))
            return None, None
    return lat, lon


def _fit(key: str, value: str, file: str, row: int, column: str, problems: list[Problem]) -> str:
    """A name, address, phone or 地区 longer than the ledger keeps: imported cut (the place stays on the map,
    the official list is not refused for one long cell) and reported where it is, so it can be shortened."""
    limit = LIMITS[key]
    if len(value) <= limit:
        return value
    kept = value[:limit]
    problems.append(Problem(file, row, column, Severity.FIXED,
                            QT_TRANSLATE_NOOP("import", "{length} characters, longer than the {limit} kept: stored cut "
                                                        "after 「…{end}」; shorten it in the file and import again."),
                            {"length": len(value), "limit": limit, "end": kept[-10:]}))
    return kept


def _feature(name: str, address: str, phone: str, district: tuple[str, str], lat: float | None,
             lon: float | None, row: int, attributes: dict, file: str, columns: dict[str, str],
             problems: list[Problem]) -> dict:
    """One feature; ``columns`` names the file's column (or field) of each text, for the problems it reports."""
    texts = {key: _fit(key, value, file, row, columns[key], problems)
             for key, value in (("name", name), ("address", address), ("phone", phone), ("district", district[0]))}
    return {**texts, "raw_district": district[1], "lat": lat, "lon": lon, "source_row": row,
            "attributes": attributes}


def _read_csv(path: Path, text: str, problems: list[Problem]) -> list[dict]:
    file = path.name
    reader = csv_rows(text, file)  # quoted line breaks kept, CRLF files read like LF ones
    try:
        headers = next(reader)
    except StopIteration:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is empty."), where=file) from None
    headers = [h.strip() for h in headers]
    cols = _find_columns(headers)
    if "name" not in cols:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "No name column (name, 名称, 施設名 …) in the header row."),
                          where=f"{file}, row 1")
    if "lat" not in cols or "lon" not in cols:
        problems.append(Problem(file, 1, "", Severity.NOTE,
                                QT_TRANSLATE_NOOP("import", "No latitude/longitude columns: features have no position.")))
    index = {h: i for i, h in enumerate(headers)}
    features: list[dict] = []
    for row_number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(headers):
            problems.append(Problem(file, row_number, "", Severity.FIXED,
                                    QT_TRANSLATE_NOOP("import", "{count} values for {expected} columns; the missing "
                                                                "ones are left empty."),
                                    {"count": len(values), "expected": len(headers)}))
        record = {h: (values[i].strip() if i < len(values) else "") for h, i in index.items()}

        def get(key: str) -> str:
            return record.get(cols[key], "") if key in cols else ""

        name = unicodedata.normalize("NFKC", get("name")).strip()
        if not name:
            problems.append(Problem(file, row_number, cols["name"], Severity.SKIPPED,
                                    QT_TRANSLATE_NOOP("import", "No name: row not imported.")))
            continue
        lat, lon = (_position(get("lat"), get("lon"), file, row_number, (cols["lat"], cols["lon"]), problems)
                    if "lat" in cols and "lon" in cols else (None, None))
        district = _district(get("district"), file, row_number, cols.get("district", ""), problems)
        used = {cols[k] for k in cols}
        attributes = {h: v for h, v in record.items() if h not in used and v}
        features.append(_feature(name, get("address"), get("phone"), district, lat, lon, row_number, attributes,
                                 file, {key: cols.get(key, key) for key in LIMITS}, problems))
    return features


def _read_gis(path: Path, problems: list[Problem]) -> tuple[list[dict], CoordinateSystem]:
    """GeoJSON or Shapefile through the GIS reader: each feature streamed, its defects reported."""
    file = path.name
    layer = open_gis_file(path)
    features: list[dict] = []
    for geometry, props, number in layer:
        cols = _find_columns(list(props))
        name = unicodedata.normalize("NFKC", str(props.get(cols.get("name", ""), "") or "")).strip()
        if not name:  # the field named, or the name a file of this kind would use
            problems.append(Problem(file, number, cols.get("name", "name"), Severity.SKIPPED,
                                    QT_TRANSLATE_NOOP("import", "No name: feature not imported.")))
            continue
        lat = lon = None
        if geometry is not None:
            point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
            if geometry.geom_type != "Point":
                problems.append(Problem(file, number, "geometry", Severity.FIXED,
                                        QT_TRANSLATE_NOOP("import", "A {type}, not a point: placed at a point "
                                                                    "inside it."), {"type": geometry.geom_type}))
            lat, lon = _position(point.y, point.x, file, number, ("latitude", "longitude"), problems)
        district = _district(str(props.get(cols["district"]) or "") if "district" in cols else "", file, number,
                             cols.get("district", ""), problems)
        used = set(cols.values())
        attributes = {k: v for k, v in props.items() if k not in used and v not in (None, "")}
        features.append(_feature(name, str(props.get(cols.get("address", ""), "") or ""),
                                 str(props.get(cols.get("phone", ""), "") or ""), district, lat, lon, number,
                                 attributes, file, {key: cols.get(key, key) for key in LIMITS}, problems))
    for defect in layer.defects:
        # A feature without a usable geometry is still imported (listed, not drawn); the defect says why.
        problems.append(Problem(defect.file, defect.feature, defect.field,
                                Severity.FIXED if defect.repaired else Severity.PARTIAL,
                                defect.what, defect.params))
    return features, layer.crs


def _report_repeats(file: str, features: list[dict], problems: list[Problem]) -> list[dict]:
    """A row repeating an earlier one (same name and position) is kept once, and said."""
    seen: dict[tuple, int] = {}
    kept = []
    for f in features:
        key = (f["name"], f["address"], f["lat"], f["lon"])
        if key in seen:
            problems.append(Problem(file, f["source_row"], "", Severity.SKIPPED,
                                    QT_TRANSLATE_NOOP("import", "Repeats row {first} (same name, address and "
                                                                "position): kept once."),
                                    {"first": seen[key]}))
            continue
        seen[key] = f["source_row"]
        kept.append(f)
    return kept


def read_layer(path: Path, kind: ReferenceKind | str | None = None, credit: str | None = None) -> LayerPreview:
    """Read a CSV, GeoJSON or Shapefile into a preview; nothing is written. Known public files bring their credit.

    GeoJSON and Shapefile go through ``gis_files`` (streamed, coordinate system checked: a projected file is
    refused); ``preview.crs`` says which system was read or assumed.
    """
    path = Path(path)
    known_kind, known_credit = KNOWN_SOURCES.get(path.name, (None, ""))
    chosen = ReferenceKind(kind) if kind is not None else known_kind
    if chosen is None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Please choose what the file holds (shelters, community halls "
                                                      "or clinics)."), where=path.name)
    problems: list[Problem] = []
    if is_gis_file(path):
        features, crs = _read_gis(path, problems)
    elif path.suffix.lower() in (".csv", ".txt"):
        features, crs = _read_csv(path, read_text_file(path), problems), ASSUMED
    else:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Reference layers are read from .csv, .geojson or .shp "
                                                      "files."), where=path.name)
    features = _report_repeats(path.name, features, problems)
    credit = (credit if credit is not None else known_credit).strip()
    if not credit:
        problems.append(Problem(path.name, None, "", Severity.NOTE,
                                QT_TRANSLATE_NOOP("import", "No credit line given: add the data's source before "
                                                            "showing it to others.")))
    suffixed = [f["source_row"] for f in features if f.pop("raw_district", "").endswith(_DISTRICT_SUFFIX)]
    if suffixed:
        # Other files write 「東」 where this one writes 「東地区」: one spelling, so layers and towns match.
        problems.append(Problem(path.name, None, "", Severity.NOTE, QT_TRANSLATE_NOOP(
            "import", "{count} rows write 地区 as 「○○地区」; stored as 「○○」 like the other files."),
            {"count": len(suffixed)}))
    return LayerPreview(path, chosen, credit, features, problems, crs)


def apply_layer(session: Session, preview: LayerPreview) -> int:
    """Write the preview: features from the same file and kind imported before are replaced (tombstoned)."""
    now = utcnow()
    old = session.scalars(select(ReferenceFeature).where(
        ReferenceFeature.source == preview.source, ReferenceFeature.kind == preview.kind,
        ReferenceFeature.deleted_at.is_(None)))
    for stale in old:
        stale.deleted_at = now
    for f in preview.features:
        session.add(ReferenceFeature(
            # read_layer cut (and reported) any text longer than LIMITS; nothing is cut here.
            kind=preview.kind, name=f["name"], address=f["address"], phone=f["phone"],
            district=f["district"], lat=f["lat"], lon=f["lon"], attributes=f["attributes"],
            source=preview.source, source_row=f["source_row"], credit=preview.credit,
        ))
    session.flush()
    return len(preview.features)


def import_layer(session: Session, path: Path, kind: ReferenceKind | str | None = None,
                 credit: str | None = None) -> LayerPreview:
    """Read and write in one go (the command line); the UI shows ``read_layer``'s preview first."""
    preview = read_layer(path, kind, credit)
    apply_layer(session, preview)
    return preview
