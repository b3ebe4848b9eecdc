"""GeoJSON for the map page: one Feature per household or gathering place, in the town's CRS.

The page draws what these carry; user text is passed as data (the page escapes it), never as HTML.
"""

from __future__ import annotations

from typing import Any

from app.core.views import CategoryView, Crs, HouseholdView, MapPoint, PlaceView
from app.emergency.views import ReferenceFeatureView
from app.watch.views import ConcernView, WatchLineView


def _geometry(point: MapPoint) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [point.x, point.y]}


def household_feature(h: HouseholdView, crs: Crs) -> dict[str, Any] | None:
    """The household as a Feature, or None when it has no position on this kind of map."""
    point = h.point(crs)
    if point is None or h.deleted:
        return None
    # Members' names stay out: the page never shows them, and what it does not need it should not hold.
    return {
        "type": "Feature",
        "id": str(h.id),
        "geometry": _geometry(point),
        "properties": {
            "layer": "household",
            "mapNumber": h.map_number,
            "label": h.label,
            "address": h.address,
            "categories": list(h.category_codes),
            "ofConcern": h.of_concern,
            "approximate": h.approximate and crs is Crs.GEO,
        },
    }


def place_feature(p: PlaceView, crs: Crs) -> dict[str, Any] | None:
    point = p.point(crs)
    if point is None or p.deleted:
        return None
    return {
        "type": "Feature",
        "id": str(p.id),
        "geometry": _geometry(point),
        "properties": {"layer": "place", "label": p.name, "kind": p.kind, "schedule": p.schedule},
    }


def feature_collection(households: list[HouseholdView], places: list[PlaceView], crs: Crs) -> dict[str, Any]:
    features = [household_feature(h, crs) for h in households] + [place_feature(p, crs) for p in places]
    return {"type": "FeatureCollection", "features": [f for f in features if f is not None]}


def legend(categories: list[CategoryView]) -> list[dict[str, Any]]:
    """Symbol definitions for the page: each category has a colour AND a shape AND a letter."""
    return [
        {"code": c.code, "label": c.label, "color": c.color, "shape": c.shape, "letter": c.letter,
         "priority": c.priority}
        for c in categories
    ]


def line_specs(lines: list[WatchLineView]) -> list[dict[str, Any]]:
    """Watch lines for the page: from the watcher's household to the watched person's household.

    The page draws them between the households' current symbols, so moving a household moves its lines.
    """
    return [
        {"id": str(line.link_id), "from": str(line.watcher_household_id), "to": str(line.person_household_id),
         "role": line.role.value, "personId": str(line.person_id)}
        for line in lines
    ]


def gap_households(concerns: list[ConcernView]) -> list[str]:
    """Households where a person of concern has nobody watching over them yet."""
    return sorted({str(c.household_id) for c in concerns if not c.has_watcher})


def reference_collection(features: list[ReferenceFeatureView]) -> dict[str, Any]:
    """Shelters, community halls and clinics with a position, for the page's reference layer."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": str(f.id), "geometry": {"type": "Point", "coordinates": [f.lon, f.lat]},
             "properties": {"layer": "reference", "kind": f.kind.value, "label": f.name, "address": f.address}}
            for f in features if f.lat is not None and f.lon is not None
        ],
    }
