"""Import a 国土数値情報 hazard file (GeoJSON or Shapefile), clipped to the city, streamed in batches.

The file is read one feature at a time through ``app/towns/gis_files.py``; only features whose bounding
box meets the city's extent are kept (whole, not cut: a zone's edge stays where the file draws it), and
they are inserted a few thousand at a time inside the caller's transaction, so a file of a million
polygons never sits in memory and a failure part-way leaves nothing. Defects are named by feature number
and field; a dry run reads and reports everything and writes nothing.
"""

from __future__ import annotations

import math
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import cast

from sqlalchemy import CursorResult, String, Table, func, select, type_coerce, update
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.hazards.codes import (
    CREDITS,
    DEPTH_RANKS,
    SEDIMENT_CLASSES,
    SEDIMENT_PHENOMENA,
    SPEC_VERSIONS,
    code,
    depth_rank_of_text,
    guess_kind,
)
from app.hazards.exposure import refresh_all
from app.models import BaseMap, Household, Ledger, ReferenceFeature, Town, utcnow
from app.models.hazard import HazardKind, HazardLayer, HazardZone
from app.models.ledger_info import HAZARD_TEXT_RANKS, HAZARD_TEXT_RANKS_DEEPEST, read_info, write_info
from app.models.writes import large_cache
from app.towns.gis_files import CoordinateSystem, GisDefect, open_gis_file

BATCH = 2000  # zones per INSERT: memory stays flat, the transaction stays one
PAD_M = 2000.0  # the city's extent is padded by this much on every side
METRES_PER_DEGREE = 111_320.0
_MAX_DETAIL = 300
_ZONES = cast(Table, HazardZone.__table__)  # Core inserts: no ORM bookkeeping per row


@dataclass(frozen=True)
class Extent:
    """A longitude/latitude box."""

    west: float
    south: float
    east: float
    north: float

    def padded(self, metres: float) -> Extent:
        dlat = metres / METRES_PER_DEGREE
        mid = math.radians((self.south + self.north) / 2)
        dlon = metres / (METRES_PER_DEGREE * max(math.cos(mid), 0.01))
        return Extent(self.west - dlon, self.south - dlat, self.east + dlon, self.north + dlat)

    def meets(self, bounds: tuple[float, float, float, float]) -> bool:
        minx, miny, maxx, maxy = bounds
        return minx <= self.east and maxx >= self.west and miny <= self.north and maxy >= self.south


@dataclass
class HazardImport:
    """What an import did (or would do, in a dry run)."""

    file: str
    kind: HazardKind
    kind_guessed: bool
    extent: Extent
    crs: CoordinateSystem | None = None
    kept: int = 0
    outside: int = 0  # features outside the city's extent, skipped
    defective: int = 0  # features skipped for a defect
    defects: list[GisDefect] = field(default_factory=list)
    layer_id: uuid.UUID | None = None
    replaced: int = 0  # earlier layers from the same file archived
    dry_run: bool = False

    @property
    def read(self) -> int:
        return self.kept + self.outside + self.defective

    def summary(self) -> str:
        how = "guessed from the attributes" if self.kind_guessed else "as given"
        return (f"{self.kind.value} ({how}): {self.kept} zones kept inside the city's extent, "
                f"{self.outside} outside skipped, {self.defective} skipped for defects, "
                f"{len(self.defects)} defects reported")


def city_extent(session: Session) -> Extent | None:
    """The box around everything the ledger places on the ground, or None when nothing is placed yet.

    Households' and reference features' positions, towns' centres and MBTiles/georeferenced map bounds.
    """
    xs: list[float] = []
    ys: list[float] = []

    def take(row: tuple) -> None:
        lon_min, lat_min, lon_max, lat_max = row
        if None not in row:
            xs.extend((lon_min, lon_max))
            ys.extend((lat_min, lat_max))

    for model in (Household, ReferenceFeature):
        take(session.execute(select(func.min(model.lon), func.min(model.lat), func.max(model.lon),
                                    func.max(model.lat)).where(model.deleted_at.is_(None))).one())
    take(session.execute(select(func.min(Town.center_lon), func.min(Town.center_lat), func.max(Town.center_lon),
                                func.max(Town.center_lat))).one())
    take(session.execute(select(func.min(BaseMap.west), func.min(BaseMap.south), func.max(BaseMap.east),
                                func.max(BaseMap.north))).one())
    if not xs:
        return None
    return Extent(min(xs), min(ys), max(xs), max(ys))


def _text(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()[:_MAX_DETAIL] if value not in (None, "") else ""


def _defect(result: HazardImport, number: int, name: str, what: str, **params: object) -> None:
    if "value" in params and _text(params["value"]) == "":  # an empty or absent field, not 「None」 misread
        what, params = QT_TRANSLATE_NOOP("import", "No value: feature skipped."), {}
    result.defects.append(GisDefect(result.file, number, name, what, params))


def _codes(kind: HazardKind, props: dict, number: int, result: HazardImport) -> dict | None:
    """The zone's codes read from its attributes, or None (and a defect named) when unusable."""
    if kind is HazardKind.FLOOD:
        rank = code(props.get("A31a_205"), DEPTH_RANKS)
        if rank is None:
            _defect(result, number, "A31a_205", QT_TRANSLATE_NOOP(
                "import", "「{value}」 is not a depth rank (1–6 in the 浸水深ランクコード): feature skipped."),
                value=props.get("A31a_205"))
            return None
        return {"rank": rank, "zone_class": None, "phenomenon": None, "detail": _text(props.get("A31a_202"))}
    if kind is HazardKind.SEDIMENT:
        phenomenon = code(props.get("A33_001"), SEDIMENT_PHENOMENA)
        zone_class = code(props.get("A33_002"), SEDIMENT_CLASSES)
        if phenomenon is None:
            _defect(result, number, "A33_001", QT_TRANSLATE_NOOP(
                "import", "「{value}」 is not a phenomenon code (1 急傾斜地の崩壊, 2 土石流, 3 地すべり): feature skipped."),
                value=props.get("A33_001"))
        if zone_class is None:
            _defect(result, number, "A33_002", QT_TRANSLATE_NOOP(
                "import", "「{value}」 is not a zone class (1 警戒区域, 2 特別警戒区域): feature skipped."),
                value=props.get("A33_002"))
        if phenomenon is None or zone_class is None:
            return None
        return {"rank": None, "zone_class": zone_class, "phenomenon": phenomenon,
                "detail": _text(props.get("A33_005") or props.get("A33_004"))}
    name = "A49_003" if kind is HazardKind.STORM_SURGE else "A40_003"
    rank = depth_rank_of_text(props.get(name))
    if rank is None:
        _defect(result, number, name, QT_TRANSLATE_NOOP(
            "import", "「{value}」 is not a depth class (e.g. 「0.5m以上3.0m未満」): feature skipped."),
            value=props.get(name))
        return None
    return {"rank": rank, "zone_class": None, "phenomenon": None, "detail": _text(props.get(name))}


def _features(path: Path, result: HazardImport) -> Iterator[tuple]:
    layer = open_gis_file(path)
    try:
        yield from layer
    finally:
        result.crs = layer.crs
        result.defects.extend(layer.defects)


def import_hazard(session: Session, path: Path, kind: HazardKind | str | None = None, *,
                  extent: Extent | None = None, credit: str | None = None,
                  dry_run: bool = False) -> HazardImport:
    """Read ``path`` and store its zones inside the city's extent as one new layer (nothing when ``dry_run``).

    The same file imported before is replaced: its layer is archived (kept, no longer used). Exposures are
    then recomputed for every household. Raises LedgerError (nothing written) when the file is unreadable,
    NothingImported (a dry run too) when it gives not one zone inside the extent.
    """
    with large_cache(session):  # the zones' bounding-box index is written all over: keep its pages decrypted
        return _import(session, path, kind, extent=extent, credit=credit, dry_run=dry_run)


def _import(session: Session, path: Path, kind: HazardKind | str | None, *, extent: Extent | None,
            credit: str | None, dry_run: bool) -> HazardImport:
    path = Path(path)
    file = path.name
    if extent is None:
        extent = city_extent(session)
        if extent is None:
            raise LedgerError(QT_TRANSLATE_NOOP(
                "errors", "The ledger places nothing on the ground yet (no household, shelter or town with a "
                          "position), so the city's extent is unknown: add them first or give the extent."),
                where=file)
        extent = extent.padded(PAD_M)
    chosen = HazardKind(kind) if kind is not None else None
    result = HazardImport(file, chosen or HazardKind.FLOOD, chosen is None, extent, dry_run=dry_run)
    layer_id = uuid.uuid4()
    batch: list[tuple] = []
    now = utcnow()
    features = _features(path, result)
    for geometry, props, number in features:
        if chosen is None:
            chosen = guess_kind(props, file)
            result.kind = chosen
        if geometry is None:
            result.defective += 1  # the reader has named the defect
            continue
        if geometry.geom_type not in ("Polygon", "MultiPolygon"):
            if geometry.geom_type == "GeometryCollection":  # a repaired polygon may come back so
                import shapely  # imported when a hazard file is read, not when the app starts (issue 17)

                geometry = shapely.union_all([g for g in geometry.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
            if geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
                _defect(result, number, "geometry", QT_TRANSLATE_NOOP(
                    "import", "A {type}, not an area: feature skipped."), type=geometry.geom_type)
                result.defective += 1
                continue
        bounds = geometry.bounds
        if not extent.meets(bounds):
            result.outside += 1
            continue
        values = _codes(chosen, props, number, result)
        if values is None:
            result.defective += 1
            continue
        result.kept += 1
        if dry_run:
            continue
        batch.append((values["rank"], values["zone_class"], values["phenomenon"], values["detail"], number,
                      geometry, *bounds))  # the geometry becomes WKB for the whole batch at once
        if len(batch) >= BATCH:
            if result.kept == len(batch):  # the first batch: the layer row goes in first
                _add_layer(session, layer_id, chosen, file, credit, now)
            _insert_zones(session, layer_id, chosen, batch)
            batch = []
    if chosen is None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file holds no features."), where=file)
    result.kind = chosen
    if result.kept == 0:
        # Nothing usable: an empty layer would replace the same file's good one and clear every exposure (a dry
        # run says so too, rather than that it would import).
        raise _nothing_to_import(result)
    if dry_run:
        return result
    if session.get(HazardLayer, layer_id) is None:
        _add_layer(session, layer_id, chosen, file, credit, now)
    if batch:
        _insert_zones(session, layer_id, chosen, batch)
    layer = session.get_one(HazardLayer, layer_id)
    layer.feature_count = result.kept
    layer.skipped_count = result.outside + result.defective
    for old in session.scalars(select(HazardLayer).where(
            HazardLayer.source == file, HazardLayer.kind == chosen, HazardLayer.id != layer_id,
            HazardLayer.archived_at.is_(None))):
        old.archived_at = now  # archived, not deleted: its zones stay, no longer used
        result.replaced += 1
    result.layer_id = layer_id
    session.flush()
    rerank_text_zones(session, refresh=False)  # a ledger from before: its other layers too, in the one refresh
    refresh_all(session)
    return result


class NothingImported(LedgerError):
    """The file gave not one zone to keep: refused, nothing written; ``result`` lists every defect."""

    def __init__(self, template: str, result: HazardImport, **params: object) -> None:
        self.result = result
        super().__init__(template, where=result.file, **params)


def _nothing_to_import(result: HazardImport) -> NothingImported:
    if result.defective:
        first = next((d for d in result.defects if not d.repaired and d.feature is not None), None)
        return NothingImported(QT_TRANSLATE_NOOP(
            "errors", "Not one zone can be imported: of the {count} features, {defective} have a defect (the "
                      "first: feature {feature}, {field}) and {outside} lie outside the city's extent. Nothing was imported; the zones "
                      "already in the ledger are unchanged."),
            result, count=result.read, defective=result.defective, outside=result.outside,
            feature=first.feature if first else "?", field=first.field if first else "?")
    e = result.extent
    return NothingImported(QT_TRANSLATE_NOOP(
        "errors", "Not one of the file's {count} zones lies within the city's extent (longitude {west:.3f}–{east:.3f}, "
                  "latitude {south:.3f}–{north:.3f}): is it another area's file? Nothing was imported; the zones "
                  "already in the ledger are unchanged."),
        result, count=result.read, west=e.west, east=e.east, south=e.south, north=e.north)


_ZONE_COLUMNS = ("rank", "zone_class", "phenomenon", "detail", "feature_number", "geometry", "minx", "miny", "maxx",
                 "maxy")


def _insert_zones(session: Session, layer_id: uuid.UUID, kind: HazardKind, batch: list[tuple]) -> None:
    """One DBAPI executemany of plain tuples inside the session's transaction (SQLAlchemy's per-row parameter
    handling cost more than SQLite's own work); the layer's key and kind are converted once per batch."""
    import numpy as np
    import shapely

    connection = session.connection()
    dialect = connection.dialect

    def stored(column: str, value: object) -> object:
        process = _ZONES.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        return process(value) if process else value

    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    head = (stored("layer_id", layer_id), stored("kind", kind))
    wkb = shapely.to_wkb(np.array([row[5] for row in batch], dtype=object))
    connection.exec_driver_sql(
        f"INSERT INTO hazard_zone (layer_id, kind, {', '.join(_ZONE_COLUMNS)}) "
        f"VALUES ({', '.join([mark] * (len(_ZONE_COLUMNS) + 2))})",
        [(*head, *row[:5], blob, *row[6:]) for row, blob in zip(batch, wkb.tolist(), strict=True)])


def _add_layer(session: Session, layer_id: uuid.UUID, kind: HazardKind, file: str, credit: str | None,
               now: datetime) -> None:
    session.add(HazardLayer(id=layer_id, kind=kind, source=file[:255],
                            credit=(credit if credit is not None else CREDITS[kind]).strip(),
                            spec_version=SPEC_VERSIONS[kind], imported_at=now))
    session.flush()


def remove_layer(session: Session, layer_id: uuid.UUID) -> None:
    """Archive a layer (its zones stay in the file, unused) and recompute every household's exposure."""
    layer = session.get(HazardLayer, layer_id)
    if layer is None or layer.archived_at is not None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "This hazard layer is no longer in the ledger."))
    layer.archived_at = utcnow()
    session.flush()
    rerank_text_zones(session, refresh=False)
    refresh_all(session)


TEXT_RANKED = (HazardKind.STORM_SURGE, HazardKind.TSUNAMI)  # their files write each zone's depth class as text


def rerank_text_zones(session: Session, *, refresh: bool = True) -> int:
    """Once per ledger: rank the stored storm surge and tsunami zones again from their text class by the rule of
    ``depth_rank_of_text`` (the rank holding the class's deepest part) and, when one changed, recompute every
    household's exposure; returns how many zones changed.

    A ledger whose zones were imported before that rule ranked a class by its lower bound: 「0.3m以上1.0m未満」 was
    stored as rank 1 (under 0.5 m), so the map drew it, and the roll call sorted its households, as the shallowest.
    Run in the caller's transaction after a ledger is opened (and by every import and removal); a marker in
    ``ledger_info`` makes later calls a single read. ``refresh=False``: the caller recomputes the exposures itself.
    """
    if read_info(session, HAZARD_TEXT_RANKS) == HAZARD_TEXT_RANKS_DEEPEST:
        return 0
    changed = 0
    kinds = [k.value for k in TEXT_RANKED]
    kind = type_coerce(_ZONES.c.kind, String)  # the stored value ("tsunami"), as exposure.load_zones reads it
    texts = session.execute(select(kind, _ZONES.c.detail).where(kind.in_(kinds)).distinct()).all()
    for zone_kind, text in texts:  # a file has a few classes; its zones are many
        rank = depth_rank_of_text(text)
        if rank is None:
            continue
        changed += cast(CursorResult, session.execute(
            update(_ZONES).where(kind == zone_kind, _ZONES.c.detail == text,
                                 (_ZONES.c.rank.is_(None)) | (_ZONES.c.rank != rank))
            .values(rank=rank))).rowcount
    write_info(session, HAZARD_TEXT_RANKS, HAZARD_TEXT_RANKS_DEEPEST)
    session.flush()
    if changed and refresh:
        refresh_all(session)
    return changed


def bring_up_to_date(ledger: Ledger) -> None:
    """What a ledger needs once it is opened by this version (the window and the command line call it before they
    read it): its storm surge and tsunami zones ranked by this version's rule (``rerank_text_zones``), in one
    transaction; a single read once done."""
    with ledger.Session.begin() as s:
        rerank_text_zones(s)


@dataclass(frozen=True)
class LayerView:
    id: uuid.UUID
    kind: HazardKind
    source: str
    credit: str
    spec_version: str
    feature_count: int


def list_layers(session: Session) -> list[LayerView]:
    """The layers in use, with their credit lines (for the map's legend and the papers)."""
    rows = session.scalars(select(HazardLayer).where(HazardLayer.archived_at.is_(None))
                           .order_by(HazardLayer.kind, HazardLayer.imported_at))
    return [LayerView(r.id, HazardKind(r.kind), r.source, r.credit, r.spec_version, r.feature_count) for r in rows]
