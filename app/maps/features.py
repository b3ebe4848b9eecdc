"""GeoJSON for the map page: one Feature per household or gathering place, in the town's CRS.

The page draws what these carry; user text is passed as data (the page escapes it), never as HTML.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class LineColumns:
    """The watch lines as the page takes them (``MapView.set_lines``): per field one string of ids as
    ``str(uuid.UUID)`` writes them, 36 characters each, and the roles as numbers into ``role_names``; no object per
    line (a city's 8,600 lines were half the UI thread's time and a third of the page's parse as objects)."""

    ids: str = ""
    froms: str = ""  # the watchers' households
    tos: str = ""  # the households of the persons watched
    person_ids: str = ""
    roles: tuple[int, ...] = ()
    role_names: tuple[str, ...] = ()

    def message(self) -> dict[str, Any]:
        return {"ids": self.ids, "from": self.froms, "to": self.tos, "personIds": self.person_ids,
                "roles": self.roles, "roleNames": self.role_names}

    def __len__(self) -> int:
        return len(self.roles)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """One spec per line, as the page makes them: {id, from, to, role, personId}."""
        for i, role in enumerate(self.roles):
            cut = slice(i * _ID, (i + 1) * _ID)
            yield {"id": self.ids[cut], "from": self.froms[cut], "to": self.tos[cut],
                   "role": self.role_names[role], "personId": self.person_ids[cut]}


_ID = 36  # an id as str(uuid.UUID) writes it
# Where each of the 32 hex digits of a stored key goes in its 8-4-4-4-12 spelling.
_DIGIT_AT = tuple(i + (i >= 8) + (i >= 12) + (i >= 16) + (i >= 20) for i in range(32))


def _spelled(keys: Sequence[Any]) -> str:
    """Stored keys (32 hex digits in SQLite, UUIDs from PostgreSQL's driver) as one string of ids as
    ``str(uuid.UUID)`` writes them: a copy per digit position over all the keys at once, no string per id."""
    try:
        digits = "".join(keys).lower()
    except TypeError:  # not text: UUIDs
        digits = ""
    if len(digits) != 32 * len(keys):
        digits = "".join(uuid.UUID(str(key)).hex for key in keys)
    hexes = digits.encode("ascii")
    spelled = bytearray(b"-" * (_ID * len(keys)))
    for digit, at in enumerate(_DIGIT_AT):
        spelled[at::_ID] = hexes[digit::32]
    return spelled.decode("ascii")


def _columns(links: Sequence[Any], persons: Sequence[Any], tos: Sequence[Any], froms: Sequence[Any],
             roles: Sequence[str]) -> LineColumns:
    numbers = {role: i for i, role in enumerate(dict.fromkeys(roles))}  # in order of first use
    return LineColumns(_spelled(links), _spelled(froms), _spelled(tos), _spelled(persons),
                       tuple(map(numbers.__getitem__, roles)), tuple(numbers))


def line_columns(keys: list[tuple]) -> LineColumns:
    """``network.line_keys`` for the page: made from the stored keys, no UUID or string made per line."""
    if not keys:
        return LineColumns()
    links, persons, tos, _watchers, froms, roles = zip(*keys, strict=True)
    return _columns(links, persons, tos, froms, roles)


def line_specs(lines: list[WatchLineView]) -> LineColumns:
    """Watch lines for the page: from the watcher's household to the watched person's household.

    The page draws them between the households' current symbols, so moving a household moves its lines.
    """
    return _columns([x.link_id.hex for x in lines], [x.person_id.hex for x in lines],
                    [x.person_household_id.hex for x in lines], [x.watcher_household_id.hex for x in lines],
                    [x.role.value for x in lines])


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
