"""Tying a scanned town map to the ground: control points, the fitted transform, and its residuals.

Pixel coordinates are those of an image base map: x right, y up from the bottom-left corner, in image
pixels (as ``Household.map_x``/``map_y``). Geographic coordinates are longitude/latitude in WGS84;
JGD2011 is taken as the same datum (they differ by well under a metre in Japan).

With 3 to 5 control points the transform is affine; with 6 or more it is a second-order polynomial.
Both are fitted by least squares (``numpy.linalg.lstsq``) in normalised coordinates; the polynomial's
inverse (geographic to pixel) is found by Newton iteration from the affine fit of the same points.

The services that store control points with a town's base map (``set_control_points``,
``clear_control_points``, ``georeference_of``, ``unplaced_for``) are in :mod:`app.towns.basemaps`.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError

if TYPE_CHECKING:  # numpy is imported when a map is tied to the ground, not when the app starts (issue 17)
    import numpy as np

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)
MIN_POINTS = 3
POLYNOMIAL_POINTS = 6
SAME_PIXEL_PX = 1.0  # two points closer than this on the image are the same point
SAME_PLACE_M = 0.5  # two points closer than this on the ground are the same place
COLLINEAR_RATIO = 1e-3  # smallest / largest spread of the points below this: on one line
_NEWTON_STEPS = 30
_MESH_CELL = 16  # output pixels per side of one cell of the warp's mesh (each cell mapped bilinearly)


class GeoreferenceError(LedgerError):
    """Control points that cannot tie the map to the ground; nothing was changed."""


@dataclass(frozen=True)
class ControlPoint:
    """A point found both on the image (pixels, y up) and on the ground (WGS84)."""

    x: float
    y: float
    lon: float
    lat: float
    label: str = ""


@dataclass(frozen=True)
class GeoreferenceView:
    """A town's control points and how well they fit; ``previous_points`` is what an undo sets back."""

    points: tuple[ControlPoint, ...]
    kind: str | None  # "affine" | "polynomial"; None without control points
    residuals_m: tuple[float, ...]
    rms_m: float | None
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    previous_points: tuple[ControlPoint, ...] = ()

    @classmethod
    def of(cls, georef: Georeference | None, previous: Sequence[ControlPoint] = ()) -> GeoreferenceView:
        if georef is None:
            return cls((), None, (), None, None, tuple(previous))
        return cls(georef.points, georef.kind, georef.residuals_m, georef.rms_m, georef.bounds(), tuple(previous))


def point_name(index: int, point: ControlPoint) -> str:
    """How a message names a point: its number from 1, and its label when it has one."""
    return f"{index + 1} ({point.label})" if point.label else str(index + 1)


def ground_distance_m(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres (haversine); works on numbers and numpy arrays."""
    import numpy as np

    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _terms(u: np.ndarray, v: np.ndarray, polynomial: bool) -> np.ndarray:
    """The design matrix: 1, u, v (affine) and u², uv, v² (second order)."""
    import numpy as np

    one = np.ones_like(u)
    cols = [one, u, v, u * u, u * v, v * v] if polynomial else [one, u, v]
    return np.stack(cols, axis=-1)


@dataclass(frozen=True, eq=False)
class Georeference:
    """A fitted transform between an image's pixels and the ground."""

    points: tuple[ControlPoint, ...]
    width: int
    height: int
    kind: str  # "affine" | "polynomial"
    # Normalisation: u = (x - cx) / scale, v = (y - cy) / scale; geo offsets from (lon0, lat0).
    _norm: tuple[float, float, float, float, float] = field(repr=False)
    _coef: np.ndarray = field(repr=False)  # terms × 2 (dlon, dlat)
    _affine: np.ndarray = field(repr=False)  # 3 × 2: the affine fit, the inverse's starting guess
    residuals_m: tuple[float, ...] = ()
    rms_m: float = 0.0

    # -- forward ---------------------------------------------------------------------------
    def _uv(self, x, y):
        import numpy as np

        cx, cy, scale, _, _ = self._norm
        return (np.asarray(x, dtype=float) - cx) / scale, (np.asarray(y, dtype=float) - cy) / scale

    def to_geo_many(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_geo` over numpy arrays."""
        u, v = self._uv(x, y)
        d = _terms(u, v, self.kind == "polynomial") @ self._coef
        _, _, _, lon0, lat0 = self._norm
        return d[..., 0] + lon0, d[..., 1] + lat0

    def to_geo(self, x: float, y: float) -> tuple[float, float]:
        """Longitude and latitude of an image pixel position."""
        import numpy as np

        lon, lat = self.to_geo_many(np.array([x]), np.array([y]))
        return float(lon[0]), float(lat[0])

    # -- inverse ---------------------------------------------------------------------------
    def to_pixel_many(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_pixel` over numpy arrays."""
        import numpy as np

        cx, cy, scale, lon0, lat0 = self._norm
        target = np.stack([np.asarray(lon, dtype=float) - lon0, np.asarray(lat, dtype=float) - lat0], axis=-1)
        a = self._affine  # rows: constant, u, v
        m = np.array([[a[1, 0], a[2, 0]], [a[1, 1], a[2, 1]]])
        minv = np.linalg.inv(m)
        uv = (target - a[0]) @ minv.T
        if self.kind == "polynomial":
            c = self._coef
            for _ in range(_NEWTON_STEPS):
                u, v = uv[..., 0], uv[..., 1]
                f = _terms(u, v, True) @ c - target
                # Jacobian of (dlon, dlat) with respect to (u, v).
                du = c[1] + 2 * u[..., None] * c[3] + v[..., None] * c[4]
                dv = c[2] + u[..., None] * c[4] + 2 * v[..., None] * c[5]
                j00, j01, j10, j11 = du[..., 0], dv[..., 0], du[..., 1], dv[..., 1]
                det = j00 * j11 - j01 * j10
                det = np.where(np.abs(det) < 1e-300, 1e-300, det)
                step_u = (j11 * f[..., 0] - j01 * f[..., 1]) / det
                step_v = (-j10 * f[..., 0] + j00 * f[..., 1]) / det
                uv = uv - np.stack([step_u, step_v], axis=-1)
                if np.all(np.hypot(step_u, step_v) * scale < 1e-9):
                    break
        return uv[..., 0] * scale + cx, uv[..., 1] * scale + cy

    def to_pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """Image pixel position (x right, y up) of a longitude and latitude."""
        import numpy as np

        x, y = self.to_pixel_many(np.array([lon]), np.array([lat]))
        return float(x[0]), float(y[0])

    # -- extent ----------------------------------------------------------------------------
    def bounds(self, samples: int = 64) -> tuple[float, float, float, float]:
        """(west, south, east, north) of the image's four corners and edges."""
        import numpy as np

        t = np.linspace(0.0, 1.0, samples + 1)
        w, h = float(self.width), float(self.height)
        xs = np.concatenate([t * w, t * w, np.zeros_like(t), np.full_like(t, w)])
        ys = np.concatenate([np.zeros_like(t), np.full_like(t, h), t * h, t * h])
        lon, lat = self.to_geo_many(xs, ys)
        return float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())

    def metres_per_pixel(self) -> float:
        """The scan's ground resolution near the image centre (geometric mean of both axes)."""
        cx, cy = self.width / 2, self.height / 2
        lon0, lat0 = self.to_geo(cx, cy)
        lon1, lat1 = self.to_geo(cx + 1, cy)
        lon2, lat2 = self.to_geo(cx, cy + 1)
        dx = float(ground_distance_m(lon0, lat0, lon1, lat1))
        dy = float(ground_distance_m(lon0, lat0, lon2, lat2))
        return math.sqrt(dx * dy)


def _fail(template: str, **params: object) -> GeoreferenceError:
    return GeoreferenceError(template, **params)  # type: ignore[arg-type]  # template fields, never where


def check_points(points: Sequence[ControlPoint], width: int, height: int) -> None:
    """Raise :class:`GeoreferenceError` naming the first unusable point."""
    import numpy as np

    if len(points) < MIN_POINTS:
        raise _fail(QT_TRANSLATE_NOOP(
            "errors", "At least 3 control points are needed to tie the map to the ground; there are {count}."),
            count=len(points))
    for i, p in enumerate(points):
        name = point_name(i, p)
        if not all(math.isfinite(v) for v in (p.x, p.y, p.lon, p.lat)):
            raise _fail(QT_TRANSLATE_NOOP("errors", "Control point {point}: a coordinate is not a number."),
                        point=name)
        if not (0 <= p.x <= width and 0 <= p.y <= height):
            raise _fail(QT_TRANSLATE_NOOP(
                "errors", "Control point {point} ({x:.0f}, {y:.0f}) is outside the image ({width} × {height} pixels)."),
                point=name, x=p.x, y=p.y, width=width, height=height)
        if not (-180 <= p.lon <= 180 and -90 <= p.lat <= 90):
            raise _fail(QT_TRANSLATE_NOOP(
                "errors", "Control point {point}: longitude {lon} or latitude {lat} is not on the Earth."),
                point=name, lon=p.lon, lat=p.lat)
        for j in range(i):
            q = points[j]
            if math.hypot(p.x - q.x, p.y - q.y) < SAME_PIXEL_PX:
                raise _fail(QT_TRANSLATE_NOOP(
                    "errors", "Control point {point} is at the same place on the image as point {other}."),
                    point=name, other=point_name(j, q))
            if float(ground_distance_m(p.lon, p.lat, q.lon, q.lat)) < SAME_PLACE_M:
                raise _fail(QT_TRANSLATE_NOOP(
                    "errors", "Control point {point} has the same latitude and longitude as point {other}."),
                    point=name, other=point_name(j, q))
    xy = np.array([[p.x, p.y] for p in points], dtype=float)
    lat0 = float(np.mean([p.lat for p in points]))
    k = math.cos(math.radians(lat0))
    ground = np.array([[p.lon * k, p.lat] for p in points], dtype=float)
    for what, arr in (("image", xy), ("ground", ground)):
        centred = arr - arr.mean(axis=0)
        s = np.linalg.svd(centred, compute_uv=False)
        if s[0] == 0 or s[-1] / s[0] < COLLINEAR_RATIO:
            last = len(points) - 1
            if what == "image":
                raise _fail(QT_TRANSLATE_NOOP(
                    "errors", "The control points lie on one straight line on the image (up to point {point}); "
                              "add a point away from that line."), point=point_name(last, points[last]))
            raise _fail(QT_TRANSLATE_NOOP(
                "errors", "The control points' places lie on one straight line on the ground (up to point {point}); "
                          "add a place away from that line."), point=point_name(last, points[last]))


def fit(points: Sequence[ControlPoint], width: int, height: int) -> Georeference:
    """Fit the transform: affine with 3–5 points, second-order polynomial with 6 or more.

    The same points on the same image give the same (immutable) fit, kept for the next call: every add and move
    on a scan tied to the ground asks for it (0.7–1.6 ms of numpy each time); points refused are not kept.
    """
    return _fit(tuple(points), width, height)


@lru_cache(maxsize=32)
def _fit(points: tuple[ControlPoint, ...], width: int, height: int) -> Georeference:
    import numpy as np

    check_points(points, width, height)
    cx, cy = width / 2.0, height / 2.0
    scale = max(width, height) / 2.0 or 1.0
    lon0 = float(np.mean([p.lon for p in points]))
    lat0 = float(np.mean([p.lat for p in points]))
    u = (np.array([p.x for p in points]) - cx) / scale
    v = (np.array([p.y for p in points]) - cy) / scale
    target = np.stack([np.array([p.lon for p in points]) - lon0, np.array([p.lat for p in points]) - lat0], axis=-1)
    affine, *_ = np.linalg.lstsq(_terms(u, v, False), target, rcond=None)
    polynomial = len(points) >= POLYNOMIAL_POINTS
    if polynomial:
        design = _terms(u, v, True)
        if np.linalg.matrix_rank(design) < design.shape[1]:
            raise _fail(QT_TRANSLATE_NOOP(
                "errors", "With 6 or more control points they must not all lie on one curve (up to point {point}); "
                          "move or add a point."), point=point_name(len(points) - 1, points[-1]))
        coef, *_ = np.linalg.lstsq(design, target, rcond=None)
    else:
        coef = affine
    norm = (cx, cy, scale, lon0, lat0)
    georef = Georeference(points, int(width), int(height), "polynomial" if polynomial else "affine",
                          norm, coef, affine)
    lon, lat = georef.to_geo_many(np.array([p.x for p in points]), np.array([p.y for p in points]))
    res = ground_distance_m(np.array([p.lon for p in points]), np.array([p.lat for p in points]), lon, lat)
    residuals = tuple(float(r) for r in res)
    rms = math.sqrt(sum(r * r for r in residuals) / len(residuals))
    object.__setattr__(georef, "residuals_m", residuals)
    object.__setattr__(georef, "rms_m", rms)
    return georef


# -- Warping the image onto the ground -----------------------------------------------------------

def _mercator(lon, lat):
    """Web Mercator (EPSG:3857) metres of longitudes and latitudes."""
    import numpy as np

    lam = np.radians(np.asarray(lon, dtype=float))
    phi = np.radians(np.asarray(lat, dtype=float))
    return 6378137.0 * lam, 6378137.0 * np.log(np.tan(np.pi / 4 + phi / 2))


def _inverse_mercator(mx, my):
    import numpy as np

    lon = np.degrees(np.asarray(mx, dtype=float) / 6378137.0)
    lat = np.degrees(2 * np.arctan(np.exp(np.asarray(my, dtype=float) / 6378137.0)) - np.pi / 2)
    return lon, lat


def warp_image(source_png: Path, georef: Georeference, out_png: Path,
               max_side: int = 4096) -> tuple[float, float, float, float]:
    """Resample the image onto a grid aligned with Web Mercator covering ``georef.bounds()``.

    Outside the image the result is transparent, so Leaflet can draw it as an ``imageOverlay`` between
    the returned (west, south, east, north). Its resolution is about the scan's own, at most
    ``max_side`` pixels on the longer side. The file is written atomically.
    """
    import numpy as np

    west, south, east, north = georef.bounds()
    mx0, my0 = _mercator(west, south)
    mx1, my1 = _mercator(east, north)
    mid_lat = math.radians((south + north) / 2)
    res = max(georef.metres_per_pixel(), 1e-6) / math.cos(mid_lat)  # Mercator metres per source pixel
    out_w = max(1, math.ceil((mx1 - mx0) / res))
    out_h = max(1, math.ceil((my1 - my0) / res))
    shrink = max(out_w, out_h) / max_side
    if shrink > 1:
        out_w, out_h = max(1, math.ceil(out_w / shrink)), max(1, math.ceil(out_h / shrink))
    # Corners of the mesh's cells in output pixels (row 0 at the top, north) and their source pixels.
    cols = np.unique(np.append(np.arange(0, out_w, _MESH_CELL), out_w))
    rows = np.unique(np.append(np.arange(0, out_h, _MESH_CELL), out_h))
    gc, gr = np.meshgrid(cols.astype(float), rows.astype(float))
    lon, lat = _inverse_mercator(mx0 + gc / out_w * (mx1 - mx0), my1 - gr / out_h * (my1 - my0))
    sx, sy = georef.to_pixel_many(lon, lat)
    src_col, src_row = sx, georef.height - sy  # the image's rows count down from its top
    mesh = []
    for r in range(len(rows) - 1):
        for c in range(len(cols) - 1):
            box = (int(cols[c]), int(rows[r]), int(cols[c + 1]), int(rows[r + 1]))
            quad = (src_col[r, c], src_row[r, c], src_col[r + 1, c], src_row[r + 1, c],
                    src_col[r + 1, c + 1], src_row[r + 1, c + 1], src_col[r, c + 1], src_row[r, c + 1])
            mesh.append((box, tuple(float(q) for q in quad)))
    from PIL import Image  # Pillow: only to warp a picture (issue 17: not imported by an open)

    with Image.open(source_png) as img:
        warped = img.convert("RGBA").transform((out_w, out_h), Image.Transform.MESH, mesh,
                                                resample=Image.Resampling.BILINEAR, fillcolor=(0, 0, 0, 0))
    out_png = Path(out_png)
    out_png.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out_png.parent, suffix=".part")
    os.close(fd)
    try:
        warped.save(tmp, format="PNG")
        os.replace(tmp, out_png)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return west, south, east, north
