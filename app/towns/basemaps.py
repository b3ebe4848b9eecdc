"""Choosing a town's base map: an image of the town map, an MBTiles pack, or a plain background.

A new base map is checked completely before anything changes; a bad file leaves the town's
previous base map in place. Files are copied into the data folder, never referenced where
the user happened to keep them; replaced files are kept (nothing the user gave us is lost).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.views import BaseMapView, Crs
from app.models import BaseMap, BaseMapKind, GatheringPlace, Household, MapControlPoint, Town
from app.paths import basemap_dir
from app.towns.basemap_files import BaseMapError, inspect_image, inspect_mbtiles
from app.towns.georeference import (
    ControlPoint,
    Georeference,
    GeoreferenceError,
    GeoreferenceView,
    fit,
    ground_distance_m,
    warp_image,
)

IMAGE_SUFFIXES = {"png": ".png", "jpeg": ".jpg"}


def _town(session: Session, town_id: uuid.UUID) -> Town:
    town = session.get(Town, town_id)
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    return town


def _unusable(path: Path, error: BaseMapError) -> LedgerError:
    # The file's own template and fields, so the window translates the whole message (not an English "{reason}").
    return LedgerError(error.template, where=Path(path).name, **error.params)


def _copy_in(data_dir: Path, src: Path, suffix: str) -> str:
    """Copy ``src`` into the base-map folder atomically; returns the new file's name."""
    folder = basemap_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{suffix}"
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, folder / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return name


def _digest(path: Path) -> str:
    """SHA-256 of a file: which scan a town's control points are on, on every laptop that has it."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _replace(session: Session, town: Town, new: BaseMap) -> None:
    old = session.scalar(select(BaseMap).where(BaseMap.town_id == town.id))
    if old is not None:
        session.delete(old)
        session.flush()  # the unique town_id must be free before the new row goes in
    new.town_id = town.id
    session.add(new)
    session.flush()
    session.expire(town, ["base_map"])


def set_image_base_map(
    session: Session,
    data_dir: Path,
    town_id: uuid.UUID,
    src: Path,
    *,
    bounds: tuple[float, float, float, float] | None = None,
) -> BaseMapView:
    """Use a scanned or exported town map (PNG/JPEG) as the town's base map.

    Without ``bounds`` (west, south, east, north) the image is used in pixel coordinates.
    """
    town = _town(session, town_id)
    try:
        info = inspect_image(Path(src))
    except BaseMapError as e:
        raise _unusable(src, e) from e
    name = _copy_in(data_dir, Path(src), IMAGE_SUFFIXES[info.format])
    new = BaseMap(kind=BaseMapKind.IMAGE, file_name=name, original_name=Path(src).name,
                  width=info.width, height=info.height, image_sha256=_digest(basemap_dir(data_dir) / name))
    if bounds is not None:
        new.west, new.south, new.east, new.north = bounds
    _replace(session, town, new)
    return base_map_of(session, data_dir, town_id)


def set_mbtiles_base_map(session: Session, data_dir: Path, town_id: uuid.UUID, src: Path) -> BaseMapView:
    """Use a raster MBTiles pack (for example 地理院タイル prepared offline) as the town's base map."""
    town = _town(session, town_id)
    try:
        info = inspect_mbtiles(Path(src))
    except BaseMapError as e:
        raise _unusable(src, e) from e
    name = _copy_in(data_dir, Path(src), ".mbtiles")
    new = BaseMap(kind=BaseMapKind.MBTILES, file_name=name, original_name=Path(src).name,
                  attribution=info.attribution, min_zoom=info.min_zoom, max_zoom=info.max_zoom)
    if info.bounds is not None:
        new.west, new.south, new.east, new.north = info.bounds
    _replace(session, town, new)
    if info.center is not None and town.center_lat is None:
        town.center_lon, town.center_lat = info.center[0], info.center[1]
    return base_map_of(session, data_dir, town_id)


def set_plain_base_map(session: Session, data_dir: Path, town_id: uuid.UUID) -> BaseMapView:
    town = _town(session, town_id)
    _replace(session, town, BaseMap(kind=BaseMapKind.PLAIN))
    return base_map_of(session, data_dir, town_id)


def _warped_path(data_dir: Path, bm: BaseMap, georef: Georeference) -> Path:
    """The warped image's file, named after the scan and its control points (remade when they change)."""
    digest = hashlib.sha256(repr((bm.file_name, bm.width, bm.height,
                                  [(p.x, p.y, p.lon, p.lat) for p in georef.points])).encode()).hexdigest()[:16]
    return basemap_dir(data_dir) / f"{Path(bm.file_name or 'image').stem}.warped-{digest}.png"


def base_map_of(session: Session, data_dir: Path, town_id: uuid.UUID) -> BaseMapView:
    """The town's base map; a plain background when none was chosen.

    A georeferenced image says so and gives its warped image (made here when missing) and its bounds.
    """
    _town(session, town_id)
    bm = session.scalar(select(BaseMap).where(BaseMap.town_id == town_id))
    if bm is None:
        return BaseMapView(town_id, BaseMapKind.PLAIN.value, None, None, None, None, None, None, None, None)
    west, south, east, north = bm.west, bm.south, bm.east, bm.north
    bounds = ((west, south, east, north) if west is not None and south is not None and east is not None
              and north is not None else None)
    path = basemap_dir(data_dir) / bm.file_name if bm.file_name else None
    georef = _georeference(session, bm)
    if georef is not None and path is not None:
        warped = _warped_path(data_dir, bm, georef)
        bounds = warp_image(path, georef, warped) if not warped.exists() else georef.bounds()
        return BaseMapView(town_id, bm.kind.value, path, bm.original_name, bm.width, bm.height, bm.attribution,
                           bm.min_zoom, bm.max_zoom, bounds, georeferenced=True, warped_path=warped)
    return BaseMapView(town_id, bm.kind.value, path, bm.original_name, bm.width, bm.height, bm.attribution,
                       bm.min_zoom, bm.max_zoom, bounds)


# -- Georeferencing an image base map (issue 15) -------------------------------------------------

PIXEL_TOLERANCE = 0.01  # a derived pixel coordinate still "as computed" within this (pixels)
GROUND_TOLERANCE_M = 0.01  # a derived geographic coordinate still "as computed" within this (metres)


def _point_rows(session: Session, bm: BaseMap) -> list[MapControlPoint]:
    """The town's control points taken on this image (its size and file digest: the same scan), in their order.

    Points belong to the town and sync between laptops; each laptop keeps its own base-map row and file.
    Points from before ledger 0022 have no digest and match an image of their size, as they did then, when the
    town has no points with the image's own digest (the same scan chosen again after the upgrade stays on the
    ground).
    """
    same_size = select(MapControlPoint).where(
        MapControlPoint.town_id == bm.town_id, MapControlPoint.image_width == bm.width,
        MapControlPoint.image_height == bm.height,
    ).order_by(MapControlPoint.ordinal, MapControlPoint.created_at)
    if bm.image_sha256 is not None:
        rows = list(session.scalars(same_size.where(MapControlPoint.image_sha256 == bm.image_sha256)))
        if rows:
            return rows
    return list(session.scalars(same_size.where(MapControlPoint.image_sha256.is_(None))))


def _points(session: Session, bm: BaseMap) -> tuple[ControlPoint, ...]:
    return tuple(ControlPoint(p.x, p.y, p.lon, p.lat, p.label) for p in _point_rows(session, bm))


def _georeference(session: Session, bm: BaseMap | None) -> Georeference | None:
    if bm is None or bm.kind is not BaseMapKind.IMAGE or not bm.width or not bm.height:
        return None
    points = _points(session, bm)
    if not points:
        return None
    try:
        return fit(points, bm.width, bm.height)
    except GeoreferenceError:  # points saved by an older rule; the window shows them to be fixed
        return None


def _image_base_map(session: Session, town_id: uuid.UUID) -> BaseMap:
    _town(session, town_id)
    bm = session.scalar(select(BaseMap).where(BaseMap.town_id == town_id))
    if bm is None or bm.kind is not BaseMapKind.IMAGE or not bm.width or not bm.height:
        raise LedgerError(QT_TRANSLATE_NOOP(
            "errors", "Only a town map image can be tied to the ground: choose an image as the base map first."))
    return bm


def georeference_of(session: Session, town_id: uuid.UUID) -> Georeference | None:
    """The town's image tied to the ground, or None (no image, or no control points)."""
    _town(session, town_id)
    return placing_georeference(session, town_id)


def placing_georeference(session: Session, town_id: uuid.UUID) -> Georeference | None:
    """``georeference_of`` for a record of the town being placed (its town exists): on every move and add.

    One small query, no Town load; a plain or tiled map (no image) reads nothing more.
    """
    bm = session.scalar(select(BaseMap).where(BaseMap.town_id == town_id, BaseMap.kind == BaseMapKind.IMAGE))
    return _georeference(session, bm)


def georeference_view(session: Session, town_id: uuid.UUID) -> GeoreferenceView:
    """The town's control points and their residuals (empty without any)."""
    return GeoreferenceView.of(georeference_of(session, town_id))


@dataclass(frozen=True)
class OtherImagePoints:
    """Control points of the town taken on an image that is not its base map (another laptop's scan, or one
    replaced here): they sync and are kept, but place nothing until that image is the base map again."""

    width: int
    height: int
    points: int


def points_on_other_images(session: Session, town_id: uuid.UUID) -> list[OtherImagePoints]:
    """The town's control points that its base map does not use, by the image size they were taken on."""
    bm = session.scalar(select(BaseMap).where(BaseMap.town_id == town_id, BaseMap.kind == BaseMapKind.IMAGE))
    used = {p.id for p in _point_rows(session, bm)} if bm is not None else set()
    counts: dict[tuple[int, int], int] = {}
    for point_id, width, height in session.execute(select(
            MapControlPoint.id, MapControlPoint.image_width, MapControlPoint.image_height).where(
            MapControlPoint.town_id == town_id)):
        if point_id not in used:
            size = (width or 0, height or 0)
            counts[size] = counts.get(size, 0) + 1
    return [OtherImagePoints(w, h, n) for (w, h), n in sorted(counts.items())]


def _records(session: Session, town_id: uuid.UUID) -> list[Household | GatheringPlace]:
    # Archived ones too: restoring one brings it back where it was, on either kind of map.
    households = session.scalars(select(Household).where(Household.town_id == town_id)).all()
    places = session.scalars(select(GatheringPlace).where(GatheringPlace.town_id == town_id)).all()
    return [*households, *places]


def _still_derived(rec: Household | GatheringPlace, old: Georeference | None) -> bool:
    """Is the coordinate the old georeference computed still what it computed (no user moved it)?"""
    if old is None or rec.derived_coordinate is None:
        return False
    mx, my, lon, lat = rec.map_x, rec.map_y, rec.lon, rec.lat
    if mx is None or my is None or lon is None or lat is None:
        return False
    if rec.derived_coordinate == "geo":
        glon, glat = old.to_geo(mx, my)
        return float(ground_distance_m(glon, glat, lon, lat)) <= GROUND_TOLERANCE_M
    x, y = old.to_pixel(lon, lat)
    return abs(x - mx) <= PIXEL_TOLERANCE and abs(y - my) <= PIXEL_TOLERANCE


def follow(record: Household | GatheringPlace, georef: Georeference, placed: Crs) -> None:
    """After a user placed ``record`` in ``placed`` coordinates, compute the other pair from them.

    For services that move a household or place on a georeferenced town map: the computed pair is
    marked (``derived_coordinate``), so later control points redo it and never the user's own pair.
    A spot off the scan gets no pixel position.
    """
    if placed is Crs.PIXEL:
        _derive(record, georef, "geo")
        return
    record.derived_coordinate = "pixel"  # the geographic pair is the user's now
    _derive(record, georef, "pixel")


def _derive(rec: Household | GatheringPlace, georef: Georeference, derived: str) -> None:
    if derived == "geo":
        if rec.map_x is not None and rec.map_y is not None:
            rec.lon, rec.lat = georef.to_geo(rec.map_x, rec.map_y)
            rec.derived_coordinate = "geo"
        return
    if rec.lon is None or rec.lat is None:
        return
    x, y = georef.to_pixel(rec.lon, rec.lat)
    if 0 <= x <= georef.width and 0 <= y <= georef.height:
        rec.map_x, rec.map_y = x, y
        rec.derived_coordinate = "pixel"
    elif rec.derived_coordinate == "pixel":  # off this image now: it is listed as not placed on it
        rec.map_x = rec.map_y = None
        rec.derived_coordinate = None


def _fill_positions(session: Session, town_id: uuid.UUID, old: Georeference | None,
                    new: Georeference | None) -> None:
    """Give every household and place the coordinate it lacks; redo those the old points computed.

    A coordinate a user set is never overwritten; a derived one a user has since moved counts as set.
    Without ``new`` (the points cleared) the coordinates the old points computed are taken away again.
    """
    for rec in _records(session, town_id):
        if rec.derived_coordinate is not None:
            if _still_derived(rec, old):
                if new is None:
                    if rec.derived_coordinate == "geo":
                        rec.lon = rec.lat = None
                    else:
                        rec.map_x = rec.map_y = None
                    rec.derived_coordinate = None
                else:
                    _derive(rec, new, rec.derived_coordinate)
                continue
            rec.derived_coordinate = None  # moved by a user since (or from another image): both are theirs
        if new is None:
            continue
        has_pixel = rec.map_x is not None and rec.map_y is not None
        has_geo = rec.lon is not None and rec.lat is not None
        if has_pixel and not has_geo:
            _derive(rec, new, "geo")
        elif has_geo and not has_pixel:
            _derive(rec, new, "pixel")


def place_with_points(session: Session, town_id: uuid.UUID) -> int:
    """After control points came from another laptop: every household and place of the town that has only one
    of its two positions gets the other from the town's points (marked as derived), as ``set_control_points``
    does for the laptop that saved them. Positions already set are left alone (the other laptop's own
    computations arrive as its edits). Returns how many records got a position; 0 without a usable image."""
    georef = placing_georeference(session, town_id)
    if georef is None:
        return 0
    placed = 0
    for rec in _records(session, town_id):
        has_pixel = rec.map_x is not None and rec.map_y is not None
        has_geo = rec.lon is not None and rec.lat is not None
        if has_pixel and not has_geo:
            _derive(rec, georef, "geo")
            placed += 1
        elif has_geo and not has_pixel:
            _derive(rec, georef, "pixel")
            placed += rec.map_x is not None
    session.flush()
    return placed


def set_control_points(session: Session, town_id: uuid.UUID, points: Sequence[ControlPoint]) -> GeoreferenceView:
    """Tie the town's image to the ground with these points (replacing any before).

    Bad points raise :class:`GeoreferenceError` before anything changes. Every household and place
    gets the coordinate it lacks. The returned view's ``previous_points`` is what an undo sets back
    (``clear_control_points`` when empty).
    """
    bm = _image_base_map(session, town_id)
    points = tuple(points)
    georef = fit(points, bm.width or 0, bm.height or 0)  # refuses bad points: nothing has changed yet
    old = _georeference(session, bm)
    previous = _points(session, bm)
    rows = _point_rows(session, bm)
    # Point i edits the row of point i (only the fields that changed): another laptop's move of the same point
    # meets this one as a conflict on that field, and the other points stay untouched.
    for i, p in enumerate(points):
        if i < len(rows):
            row = rows[i]
            for name, value in (("x", p.x), ("y", p.y), ("lon", p.lon), ("lat", p.lat), ("label", p.label),
                                ("ordinal", i), ("image_sha256", bm.image_sha256 or row.image_sha256)):
                if getattr(row, name) != value:
                    setattr(row, name, value)
        else:
            session.add(MapControlPoint(town_id=town_id, image_width=bm.width, image_height=bm.height,
                                        image_sha256=bm.image_sha256, x=p.x, y=p.y,
                                        lon=p.lon, lat=p.lat, label=p.label, ordinal=i))
    for row in rows[len(points):]:
        session.delete(row)
    session.flush()
    _fill_positions(session, town_id, old, georef)
    session.flush()
    return GeoreferenceView.of(georef, previous)


def clear_control_points(session: Session, town_id: uuid.UUID) -> GeoreferenceView:
    """Untie the image from the ground: its points go, and the coordinates they computed go with them."""
    bm = _image_base_map(session, town_id)
    old = _georeference(session, bm)
    previous = _points(session, bm)
    for row in _point_rows(session, bm):
        session.delete(row)
    session.flush()
    _fill_positions(session, town_id, old, None)
    session.flush()
    return GeoreferenceView.of(None, previous)


@dataclass(frozen=True)
class UnplacedHousehold:
    id: uuid.UUID
    map_number: int
    name: str
    address: str


def unplaced_for(session: Session, town_id: uuid.UUID) -> list[UnplacedHousehold]:
    """Households without a position on the town's current base map (listed, never hidden)."""
    _town(session, town_id)
    bm = session.scalar(select(BaseMap).where(BaseMap.town_id == town_id))
    pixel = (bm is not None and bm.kind is BaseMapKind.IMAGE and bm.west is None and _georeference(session, bm) is None)
    crs = Crs.PIXEL if pixel else Crs.GEO
    missing = (Household.map_x.is_(None) | Household.map_y.is_(None) if crs is Crs.PIXEL
               else Household.lat.is_(None) | Household.lon.is_(None))
    rows = session.scalars(select(Household).where(Household.town_id == town_id, Household.deleted_at.is_(None),
                                                   missing).order_by(Household.map_number))
    return [UnplacedHousehold(h.id, h.map_number, h.name, h.address) for h in rows]
