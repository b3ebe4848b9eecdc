"""Choosing a town's base map: an image of the town map, an MBTiles pack, or a plain background.

A new base map is checked completely before anything changes; a bad file leaves the town's
previous base map in place. Files are copied into the data folder, never referenced where
the user happened to keep them; replaced files are kept (nothing the user gave us is lost).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.views import BaseMapView
from app.models import BaseMap, BaseMapKind, Town
from app.paths import basemap_dir
from app.towns.basemap_files import BaseMapError, inspect_image, inspect_mbtiles

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
                  width=info.width, height=info.height)
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


def base_map_of(session: Session, data_dir: Path, town_id: uuid.UUID) -> BaseMapView:
    """The town's base map; a plain background when none was chosen."""
    _town(session, town_id)
    bm = session.scalar(select(BaseMap).where(BaseMap.town_id == town_id))
    if bm is None:
        return BaseMapView(town_id, BaseMapKind.PLAIN.value, None, None, None, None, None, None, None, None)
    bounds = (bm.west, bm.south, bm.east, bm.north) if bm.west is not None else None
    path = basemap_dir(data_dir) / bm.file_name if bm.file_name else None
    return BaseMapView(town_id, bm.kind.value, path, bm.original_name, bm.width, bm.height, bm.attribution,
                       bm.min_zoom, bm.max_zoom, bounds)
