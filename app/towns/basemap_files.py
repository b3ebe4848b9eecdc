"""Check and read a town's base-map files: one picture (PNG/JPEG) or an MBTiles tile set.

Pure Python (sqlite3 + Pillow, no Qt) so the checks run and are tested without a GUI.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError

__all__ = [
    "MAX_IMAGE_SIDE",
    "BaseMapError",
    "ImageInfo",
    "MBTilesInfo",
    "MBTilesReader",
    "inspect_image",
    "inspect_mbtiles",
    "sniff_mime",
]

StrPath = str | os.PathLike[str]

log = logging.getLogger(__name__)

# Larger pictures take gigabytes of memory to decode on the modest PCs volunteers use.
MAX_IMAGE_SIDE: Final[int] = 20_000

# Beyond this no real tile pyramid exists; larger numbers only come from broken metadata.
_MAX_ZOOM_LEVEL: Final[int] = 30

_SQLITE_MAGIC: Final[bytes] = b"SQLite format 3\x00"
_SQLITE_HEADER_SIZE: Final[int] = 100

_FORMAT_TO_MIME: Final[dict[str, str]] = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}
_MIME_TO_FORMAT: Final[dict[str, str]] = {mime: fmt for fmt, mime in _FORMAT_TO_MIME.items()}
# Tools disagree on spelling ("jpg" is the MBTiles spec's own word for JPEG).
_RASTER_FORMAT_NAMES: Final[dict[str, str]] = {
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "image/png": "png",
    "image/jpeg": "jpeg",
    "webp": "webp",
    "image/webp": "webp",
}
_VECTOR_FORMAT_NAMES: Final[frozenset[str]] = frozenset(
    {"pbf", "mvt", "application/x-protobuf", "application/vnd.mapbox-vector-tile"}
)
# MPO is how Pillow labels JPEGs from cameras that embed a second frame; they are still JPEG files.
_PILLOW_FORMATS: Final[dict[str, str]] = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg"}


class BaseMapError(LedgerError):
    """A base-map file cannot be used: an English template (QT_TRANSLATE_NOOP("errors", …)) naming the file
    as 「{name}」, so the window shows it in the user's language (app/ui/dialogs.py error_text);
    ``str(error)`` is the English message."""

    def __init__(self, template: str, path: StrPath, **params: object) -> None:
        self.path: Path = Path(path)
        super().__init__(template, name=self.path.name, **params)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    format: str  # "png" or "jpeg"


@dataclass(frozen=True)
class MBTilesInfo:
    name: str | None
    attribution: str | None
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    center: tuple[float, float, int] | None  # lon, lat, zoom
    tile_format: str  # "png", "jpeg" or "webp"
    tile_count: int


def sniff_mime(data: bytes) -> str | None:
    """Return the MIME type the leading bytes of ``data`` reveal, or None if unrecognised."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"\x1f\x8b"):
        return "application/gzip"
    return None


# --------------------------------------------------------------------------- messages


# Each message is one whole template (no English fragments pasted in), so it translates as a sentence.


def _not_mbtiles(path: Path) -> BaseMapError:
    return BaseMapError(
        QT_TRANSLATE_NOOP("errors", "「{name}」 is not an MBTiles map file. "
                                    "Please choose a map file whose name ends in .mbtiles."),
        path,
    )


def _vector_tiles(path: Path) -> BaseMapError:
    return BaseMapError(
        QT_TRANSLATE_NOOP("errors", "「{name}」 holds vector (PBF) tiles; Sasaeai Map needs raster tiles "
                                    "(PNG or JPEG). Please ask for a version of the map made of PNG or JPEG tiles."),
        path,
    )


def _damaged_image(path: Path) -> BaseMapError:
    return BaseMapError(
        QT_TRANSLATE_NOOP("errors", "The picture 「{name}」 is damaged or incomplete and cannot be shown. "
                                    "Please copy it again, or open it in a picture program and save it again."),
        path,
    )


def _unreadable(path: Path, exc: OSError) -> BaseMapError:
    return BaseMapError(QT_TRANSLATE_NOOP("errors", "「{name}」 could not be read ({reason})."), path,
                        reason=exc.strerror or str(exc))


# --------------------------------------------------------------------------- shared checks


def _require_nonempty_file(path: Path) -> int:
    """Return the file size, or raise a BaseMapError explaining why it cannot be read."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise BaseMapError(
            QT_TRANSLATE_NOOP("errors", "「{name}」 could not be found. It may have been moved, renamed or deleted."),
            path,
        ) from None
    except PermissionError:
        raise BaseMapError(QT_TRANSLATE_NOOP("errors", "Sasaeai Map is not allowed to read 「{name}」."), path) from None
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if path.is_dir():
        raise BaseMapError(QT_TRANSLATE_NOOP("errors", "「{name}」 is a folder, not a file."), path)
    if stat.st_size == 0:
        raise BaseMapError(
            QT_TRANSLATE_NOOP("errors", "「{name}」 is empty (it contains no data). "
                                        "It may not have finished copying; please copy it again."),
            path,
        )
    return stat.st_size


# --------------------------------------------------------------------------- pictures


def inspect_image(path: StrPath) -> ImageInfo:
    """Check that ``path`` is a whole, sensibly sized PNG or JPEG picture and return its size.

    The size is the stored pixel size; an EXIF rotation tag, if any, is not applied.
    """
    from PIL import Image, UnidentifiedImageError  # Pillow: only to check a picture (issue 17: not by an open)

    p = Path(path)
    _require_nonempty_file(p)
    try:
        with Image.open(p) as im:
            pil_format = im.format or ""
            width, height = im.size
            if pil_format not in _PILLOW_FORMATS and pil_format:
                raise BaseMapError(
                    QT_TRANSLATE_NOOP("errors", "「{name}」 is a {format} picture; Sasaeai Map can only use PNG or "
                                                "JPEG pictures. Please save it as PNG or JPEG and try again."),
                    p, format=pil_format,
                )
            if pil_format not in _PILLOW_FORMATS:
                raise BaseMapError(
                    QT_TRANSLATE_NOOP("errors", "「{name}」 is a kind of picture Sasaeai Map cannot use: it can only "
                                                "use PNG or JPEG pictures. Please save it as PNG or JPEG and try "
                                                "again."),
                    p,
                )
            if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
                raise BaseMapError(
                    QT_TRANSLATE_NOOP("errors", "The picture 「{name}」 is too large ({width} × {height} pixels). "
                                                "Pictures can be at most {limit} pixels wide and {limit} pixels "
                                                "high; please make it smaller and try again."),
                    p, width=width, height=height, limit=MAX_IMAGE_SIDE,
                )
            if width < 1 or height < 1:
                raise _damaged_image(p)
            # verify() catches bad checksums and missing chunks without decoding pixels ...
            im.verify()
        # ... but leaves the image unusable and misses cut-off pixel data, so decode a fresh copy.
        with Image.open(p) as im:
            im.load()
    except BaseMapError:
        raise
    except UnidentifiedImageError:
        raise BaseMapError(
            QT_TRANSLATE_NOOP("errors", "「{name}」 is not a picture (PNG or JPEG). "
                                        "Please choose a PNG or JPEG picture of the town map."),
            p,
        ) from None
    except Image.DecompressionBombError:
        raise BaseMapError(
            QT_TRANSLATE_NOOP("errors", "The picture 「{name}」 is too large (too many pixels). Pictures can be at "
                                        "most {limit} pixels wide and {limit} pixels high; please make it smaller "
                                        "and try again."),
            p, limit=MAX_IMAGE_SIDE,
        ) from None
    except (FileNotFoundError, PermissionError) as exc:
        # The file vanished or was locked between the checks above and the read.
        raise _unreadable(p, exc) from exc
    # Pillow's decoders raise a grab-bag of unrelated exception types on bad data.
    except Exception as exc:  # noqa: BLE001
        raise _damaged_image(p) from exc
    return ImageInfo(width=width, height=height, format=_PILLOW_FORMATS[pil_format])


# --------------------------------------------------------------------------- MBTiles


def _check_sqlite_header(path: Path, size: int) -> None:
    """Reject non-SQLite files and visibly cut-short copies before SQLite gives a vaguer error."""
    try:
        with path.open("rb") as fh:
            header = fh.read(_SQLITE_HEADER_SIZE)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not header.startswith(_SQLITE_MAGIC):
        raise _not_mbtiles(path)
    if len(header) < _SQLITE_HEADER_SIZE:
        raise BaseMapError(QT_TRANSLATE_NOOP("errors", "The MBTiles file 「{name}」 is damaged or incomplete: the "
                                                       "file stops right after it begins. Please copy it again from "
                                                       "the original."), path)
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise BaseMapError(QT_TRANSLATE_NOOP("errors", "The MBTiles file 「{name}」 is damaged or incomplete: the "
                                                       "start of the file is scrambled. Please copy it again from "
                                                       "the original."), path)
    (change_counter,) = struct.unpack(">I", header[24:28])
    (page_count,) = struct.unpack(">I", header[28:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    # SQLite only trusts the stored page count when these two counters agree; so do we.
    if page_count and change_counter == valid_for:
        expected = page_count * page_size
        if size < expected:
            percent = max(1, size * 100 // expected)
            raise BaseMapError(
                QT_TRANSLATE_NOOP("errors", "The MBTiles file 「{name}」 is damaged or incomplete: only about "
                                            "{percent}% of it is there (it may not have finished copying). Please "
                                            "copy it again from the original."),
                path, percent=percent,
            )


def _open_readonly(path: Path) -> sqlite3.Connection:
    # as_uri() percent-encodes spaces, "#", "?" and non-ASCII names that would otherwise
    # corrupt the URI; mode=ro because map files often sit on read-only or shared media.
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise BaseMapError(QT_TRANSLATE_NOOP("errors", "The MBTiles file 「{name}」 is damaged or incomplete: it "
                                                       "cannot be opened ({reason}). Please copy it again from the "
                                                       "original."), path, reason=str(exc)) from exc


@contextmanager
def _sqlite_errors_as_damage(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise BaseMapError(QT_TRANSLATE_NOOP("errors", "The MBTiles file 「{name}」 is damaged or incomplete: its "
                                                       "contents cannot be read ({reason}). Please copy it again "
                                                       "from the original."), path, reason=str(exc)) from exc


def _require_tables(conn: sqlite3.Connection, path: Path) -> None:
    present = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master "
            "WHERE type IN ('table', 'view') AND name IN ('tiles', 'metadata')"
        )
    }
    for needed in ("tiles", "metadata"):
        if needed not in present:
            raise BaseMapError(
                QT_TRANSLATE_NOOP("errors", "「{name}」 is a database file but not an MBTiles map: it has no "
                                            "“{table}” table. Please choose a map file made for map tiles."),
                path, table=needed,
            )


def _read_metadata(conn: sqlite3.Connection) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for name, value in conn.execute("SELECT name, value FROM metadata"):
        if name is None or value is None:
            continue
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        metadata[str(name).strip().lower()] = str(value).strip()
    return metadata


def _looks_like_vector(sample: bytes) -> bool:
    if sample.startswith(b"\x1f\x8b"):  # gzip, how nearly every MBTiles stores PBF
        return True
    if len(sample) >= 2 and sample[0] == 0x78 and (sample[0] << 8 | sample[1]) % 31 == 0:
        return True  # zlib, used by some older vector exporters
    return sample[:1] == b"\x1a"  # bare protobuf: field 3 ("layers"), length-delimited


def _detect_tile_format(conn: sqlite3.Connection, path: Path, metadata: dict[str, str]) -> str:
    declared = metadata.get("format", "").lower()
    if declared in _VECTOR_FORMAT_NAMES:
        raise _vector_tiles(path)
    row = conn.execute(
        "SELECT tile_data FROM tiles WHERE length(tile_data) > 0 LIMIT 1"
    ).fetchone()
    sample = _as_bytes(row[0]) if row else b""
    sniffed = _MIME_TO_FORMAT.get(sniff_mime(sample) or "")
    # The bytes are what the map view receives, so they win over a mislabelled "format".
    if sniffed is not None:
        return sniffed
    if sample and _looks_like_vector(sample):
        raise _vector_tiles(path)
    if declared in _RASTER_FORMAT_NAMES:
        return _RASTER_FORMAT_NAMES[declared]
    raise BaseMapError(
        QT_TRANSLATE_NOOP("errors", "「{name}」 holds map tiles in a form Sasaeai Map cannot show; "
                                    "it needs raster tiles (PNG or JPEG)."),
        path,
    )


def _as_bytes(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("latin-1", errors="replace")
    return b""


def _parse_zoom(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        zoom = int(text)
    except ValueError:
        return None
    return zoom if 0 <= zoom <= _MAX_ZOOM_LEVEL else None


def _parse_floats(text: str | None, count: int) -> list[float] | None:
    if not text:
        return None
    parts = text.split(",")
    if len(parts) != count:
        return None
    try:
        values = [float(part) for part in parts]
    except ValueError:
        return None
    return values if all(math.isfinite(v) for v in values) else None


def _valid_lon_lat(lon: float, lat: float) -> bool:
    return -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0


def _parse_bounds(text: str | None) -> tuple[float, float, float, float] | None:
    values = _parse_floats(text, 4)
    if values is None:
        return None
    west, south, east, north = values
    if not (_valid_lon_lat(west, south) and _valid_lon_lat(east, north) and south <= north):
        return None
    return (west, south, east, north)


def _parse_center(text: str | None, default_zoom: int) -> tuple[float, float, int] | None:
    values = _parse_floats(text, 3)
    if values is not None:
        lon, lat, zoom = values
        if not zoom.is_integer():
            return None
        zoom_level = int(zoom)
    else:
        # Some exporters write only "lon,lat"; opening at the widest zoom is a safe choice.
        values = _parse_floats(text, 2)
        if values is None:
            return None
        lon, lat = values
        zoom_level = default_zoom
    if not _valid_lon_lat(lon, lat):
        return None
    return (lon, lat, zoom_level)


def _none_if_blank(text: str | None) -> str | None:
    return text if text else None


def inspect_mbtiles(path: StrPath) -> MBTilesInfo:
    """Check that ``path`` is a readable raster MBTiles file and describe it.

    Reads the whole tile index once (to count tiles), so allow for a moment on big files.
    """
    p = Path(path)
    size = _require_nonempty_file(p)
    _check_sqlite_header(p, size)
    conn = _open_readonly(p)
    try:
        with _sqlite_errors_as_damage(p):
            _require_tables(conn, p)
            metadata = _read_metadata(conn)
            count, data_min, data_max = conn.execute(
                "SELECT count(*), min(zoom_level), max(zoom_level) FROM tiles"
            ).fetchone()
            if not count:
                raise BaseMapError(
                    QT_TRANSLATE_NOOP("errors", "「{name}」 contains no map tiles, so there is nothing to show. "
                                                "It may have been exported incompletely; please make it again."),
                    p,
                )
            tile_format = _detect_tile_format(conn, p, metadata)
    finally:
        conn.close()

    min_zoom = _parse_zoom(metadata.get("minzoom"))
    max_zoom = _parse_zoom(metadata.get("maxzoom"))
    # Metadata states the author's intended range; the tiles themselves are the fallback
    # when it is missing, garbled, or contradicts itself.
    if min_zoom is None:
        min_zoom = int(data_min)
    if max_zoom is None:
        max_zoom = int(data_max)
    if min_zoom > max_zoom:
        min_zoom, max_zoom = int(data_min), int(data_max)
    return MBTilesInfo(
        name=_none_if_blank(metadata.get("name")),
        attribution=_none_if_blank(metadata.get("attribution")),
        min_zoom=min_zoom,
        max_zoom=max_zoom,
        bounds=_parse_bounds(metadata.get("bounds")),
        center=_parse_center(metadata.get("center"), min_zoom),
        tile_format=tile_format,
        tile_count=int(count),
    )


class MBTilesReader:
    """Serve tiles from a raster MBTiles file by XYZ (slippy-map) coordinates.

    Safe to share between threads: the web view may ask for tiles from a worker thread.
    """

    def __init__(self, path: StrPath) -> None:
        self.path: Path = Path(path)
        size = _require_nonempty_file(self.path)
        _check_sqlite_header(self.path, size)
        # One connection is shared across threads; sqlite3 objects are not safe to use
        # concurrently, so every query holds this lock.
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = _open_readonly(self.path)
        try:
            with _sqlite_errors_as_damage(self.path):
                _require_tables(self._conn, self.path)
                self._format = _detect_tile_format(
                    self._conn, self.path, _read_metadata(self._conn)
                )
        except BaseException:
            self.close()
            raise

    @property
    def mime_type(self) -> str:
        return _FORMAT_TO_MIME[self._format]

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """Return the tile at XYZ ``z/x/y`` (y counted from the top), or None if there is none."""
        if z < 0 or z > _MAX_ZOOM_LEVEL:
            return None
        side = 1 << z
        if not (0 <= x < side and 0 <= y < side):
            return None
        # MBTiles stores rows TMS-style, counted from the bottom of the world.
        tms_row = side - 1 - y
        with self._lock:
            if self._conn is None:
                raise ValueError(f"MBTilesReader for {self.path.name} is closed")
            try:
                row = self._conn.execute(
                    "SELECT tile_data FROM tiles "
                    "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                    (z, x, tms_row),
                ).fetchone()
            except sqlite3.Error:
                # One unreadable tile should leave a blank square, not break the whole map.
                log.warning(
                    "Could not read tile %d/%d/%d from %s", z, x, y, self.path, exc_info=True
                )
                return None
        if row is None:
            return None
        data = _as_bytes(row[0])
        return data or None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> MBTilesReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
