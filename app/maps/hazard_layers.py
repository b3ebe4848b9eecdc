"""Hazard zones for the map page: one switchable layer per kind, in the official colours, with legend and credit.

Qt-free. The zones a town's page shows are read once per page (``MapView.show_town`` → the window sends
them after the households), clipped to the town's map extent and simplified for the view, so a prefecture's
A31a file never reaches the page whole; the result is kept per town and per layers in use (an edit to a
household does not rebuild it; importing or removing a layer does, because the layers' ids change).

Colours:
- depth ranks (洪水・高潮・津波): 国土交通省「水害ハザードマップ作成の手引き」(平成28年4月) 浸水深の標準配色,
  RGB 0.5m未満 247,245,169 / 0.5–3m 255,216,192 / 3–5m 255,183,183 / 5–10m 255,145,145 /
  10–20m 242,133,201 / 20m以上 220,122,220 (国土交通省「H28 下水道による都市浸水対策について」p.44,
  http://www.sewagekb.org/content/MLIT/Urban%20flood%20control/pageindices/index44.html).
- 土砂災害警戒区域 yellow, 土砂災害特別警戒区域 red: their common names イエローゾーン / レッドゾーン
  (e.g. 岡山県 https://tottori.pref.okayama.jp/31294.htm); the guideline fixes no RGB, these are the
  yellow and red the prefectures' maps use.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.views import BaseMapView, Crs
from app.hazards.codes import CREDITS, DEPTH_RANKS, KIND_LABELS, SEDIMENT_CLASSES, depth_order, depth_text
from app.hazards.exposure import load_zones
from app.hazards.importer import Extent, list_layers
from app.models import Household
from app.models.hazard import HazardKind

DEPTH_COLOURS: dict[int, str] = {
    1: "#f7f5a9",  # 0.5m未満 (247,245,169)
    2: "#ffd8c0",  # 0.5m以上3.0m未満 (255,216,192)
    3: "#ffb7b7",  # 3.0m以上5.0m未満 (255,183,183)
    4: "#ff9191",  # 5.0m以上10.0m未満 (255,145,145)
    5: "#f285c9",  # 10.0m以上20.0m未満 (242,133,201)
    6: "#dc7adc",  # 20.0m以上 (220,122,220)
}
SEDIMENT_COLOURS: dict[int, str] = {1: "#ffe100", 2: "#e60012"}  # 警戒区域 yellow, 特別警戒区域 red
DEPTH_KINDS = (HazardKind.FLOOD, HazardKind.STORM_SURGE, HazardKind.TSUNAMI)
# Kinds whose file writes each zone's depth class as text in its prefecture's own classes (A49, A40): the legend
# lists those classes, each in the colour of the standard rank the zone is drawn in.
TEXT_CLASS_KINDS = (HazardKind.STORM_SURGE, HazardKind.TSUNAMI)
ORDER = (HazardKind.FLOOD, HazardKind.STORM_SURGE, HazardKind.TSUNAMI, HazardKind.SEDIMENT)
# The view's simplification: a thousandth of the extent's width (about half a metre on a town map).
SIMPLIFY_SHARE = 1 / 1000


def style_key(kind: HazardKind, rank: int | None, zone_class: int | None) -> str:
    """The class the page gives a zone's path: 「flood-3」, 「sediment-2」."""
    return f"{kind.value}-{zone_class if kind is HazardKind.SEDIMENT else rank}"


def legend_entries(kind: HazardKind, present: set[int],
                   classes: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """The legend's rows for a kind: every rank or class of the scale that the town's zones use.

    ``classes`` (storm surge, tsunami): the file's own depth classes on the town's map, each with the rank
    it is drawn in; the legend lists them as the file writes them (「0.3m以上1.0m未満」), shallowest first, each
    in its rank's colour, so the map reads the same depth as the household's panel."""
    if kind is HazardKind.SEDIMENT:
        return [{"key": style_key(kind, None, c), "label": SEDIMENT_CLASSES[c], "fill": SEDIMENT_COLOURS[c]}
                for c in sorted(present)]
    if classes:
        return [{"key": style_key(kind, r, None), "label": label, "fill": DEPTH_COLOURS[r]}
                for label, r in sorted(classes.items(), key=lambda item: (depth_order(item[0], item[1]), item[0]))]
    return [{"key": style_key(kind, r, None), "label": DEPTH_RANKS[r], "fill": DEPTH_COLOURS[r]}
            for r in sorted(present)]


@dataclass(frozen=True)
class _CacheKey:
    town_id: uuid.UUID
    extent: tuple[float, float, float, float]
    layers: tuple[uuid.UUID, ...]


_cache: dict[_CacheKey, list[dict[str, Any]]] = {}


def hazard_overlay(session: Session, town_id: uuid.UUID,
                   extent: tuple[float, float, float, float] | None) -> list[dict[str, Any]]:
    """The town's hazard layers for ``sasaeai.setHazards``: per kind its label, credit, legend and zones (a kind
    with no zone on the town's map is left out).

    ``extent`` (west, south, east, north) is what the page shows of the town; None (a map in pixels, not
    tied to the ground) gives no layers. Zones are cut to it and simplified; features carry only their
    style key (the page sets no text from them).
    """
    if extent is None:
        return []
    layers = list_layers(session)
    if not layers:
        return []
    key = _CacheKey(town_id, tuple(round(v, 7) for v in extent), tuple(sorted(layer.id for layer in layers)))
    if key not in _cache:
        _cache.clear()  # one town is shown at a time
        _cache[key] = _build(session, extent, layers)
    return _cache[key]


def _build(session: Session, extent: tuple[float, float, float, float], layers: list) -> list[dict[str, Any]]:  # noqa: ANN001
    # numpy and shapely are imported when a town has hazard zones to draw, not when the app starts (issue 17)
    import numpy as np
    import shapely
    from shapely.geometry import box, mapping

    west, south, east, north = extent
    frame = box(west, south, east, north)
    tolerance = (east - west) * SIMPLIFY_SHARE
    zones = load_zones(session, west, south, east, north)
    out = []
    for kind in ORDER:
        credits = sorted({layer.credit or CREDITS[kind] for layer in layers if layer.kind is kind})
        if not credits:
            continue
        mask = zones.kind == kind.value
        features, present = [], set()
        classes: dict[str, int] = {}  # storm surge, tsunami: the file's class as printed → its rank
        for i in np.flatnonzero(mask):
            geometry = shapely.intersection(zones.geometry[i], frame)
            if geometry.is_empty:
                continue
            geometry = shapely.simplify(geometry, tolerance, preserve_topology=True)
            if geometry.is_empty:
                continue
            level = int(zones.zone_class[i] if kind is HazardKind.SEDIMENT else zones.rank[i])
            present.add(level)
            if kind in TEXT_CLASS_KINDS:
                classes.setdefault(depth_text(zones.detail[i], level), level)
            rank = None if kind is HazardKind.SEDIMENT else level
            zone_class = level if kind is HazardKind.SEDIMENT else None
            features.append({"type": "Feature", "geometry": mapping(geometry),
                             "properties": {"style": style_key(kind, rank, zone_class), "level": level}})
        if not features:  # none on this town's map: no legend heading over nothing, no credit for it
            continue
        # Special zones drawn last, over the warning zones they lie in; deeper ranks over shallower.
        features.sort(key=lambda f: f["properties"]["level"])
        out.append({"kind": kind.value, "label": KIND_LABELS[kind], "credits": credits,
                    "legend": legend_entries(kind, present, classes), "features": features})
    return out


PAD_M = 300.0  # round a plain background's households


def page_extent(session: Session, town_id: uuid.UUID, base: BaseMapView) -> tuple[float, float, float, float] | None:
    """What the town's page shows on the ground: the map's bounds, or round its households on a plain map.

    None for a map in pixels (a scan not tied to the ground), where no zone can be drawn.
    """
    if base.crs is Crs.PIXEL:
        return None
    if base.bounds is not None:
        return tuple(float(v) for v in base.bounds)  # type: ignore[return-value]
    row = session.execute(select(func.min(Household.lon), func.min(Household.lat), func.max(Household.lon),
                                 func.max(Household.lat)).where(Household.town_id == town_id,
                                                                Household.deleted_at.is_(None))).one()
    if None in row:
        return None
    padded = Extent(*row).padded(PAD_M)
    return (padded.west, padded.south, padded.east, padded.north)


def page_styles() -> dict[str, dict[str, str]]:
    """Every style key's fill, for the page (also the legend's swatches)."""
    styles = {style_key(k, r, None): {"fill": c} for k in DEPTH_KINDS for r, c in DEPTH_COLOURS.items()}
    styles.update({style_key(HazardKind.SEDIMENT, None, c): {"fill": col} for c, col in SEDIMENT_COLOURS.items()})
    return styles
