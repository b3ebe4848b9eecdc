"""Plain, immutable views of ledger records, handed to the UI instead of live ORM objects."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class Crs(enum.StrEnum):
    """How a town's map places things: geographic (lat/lon) or pixels on an image."""

    GEO = "geo"
    PIXEL = "pixel"


@dataclass(frozen=True)
class MapPoint:
    """A position on a town's map: ``x`` is longitude or pixel x; ``y`` is latitude or pixel y (up)."""

    crs: Crs
    x: float
    y: float


@dataclass(frozen=True)
class CategoryView:
    id: uuid.UUID
    code: str
    label: str
    color: str
    shape: str
    letter: str
    priority: int
    builtin: bool


@dataclass(frozen=True)
class PersonView:
    id: uuid.UUID
    household_id: uuid.UUID
    name: str
    kana: str = ""
    birth_date: date | None = None
    phone: str = ""
    of_concern: bool = False
    concerns: str = ""


@dataclass(frozen=True)
class HouseholdView:
    id: uuid.UUID
    town_id: uuid.UUID
    map_number: int
    name: str
    address: str
    note: str
    geo: MapPoint | None
    pixel: MapPoint | None
    category_codes: tuple[str, ...]
    persons: tuple[PersonView, ...] = ()
    deleted: bool = False
    approximate: bool = False  # the geographic position is guessed from the address until pinned

    def point(self, crs: Crs) -> MapPoint | None:
        return self.geo if crs is Crs.GEO else self.pixel

    @property
    def of_concern(self) -> bool:
        return "of_concern" in self.category_codes or any(p.of_concern for p in self.persons)

    @property
    def label(self) -> str:
        """What a list shows: the household name, else its first member, else its address."""
        if self.name:
            return self.name
        if self.persons:
            return self.persons[0].name
        return self.address


@dataclass(frozen=True)
class PlaceView:
    id: uuid.UUID
    town_id: uuid.UUID
    name: str
    kind: str
    schedule: str
    note: str
    geo: MapPoint | None
    pixel: MapPoint | None
    deleted: bool = False

    def point(self, crs: Crs) -> MapPoint | None:
        return self.geo if crs is Crs.GEO else self.pixel


@dataclass(frozen=True)
class BaseMapView:
    town_id: uuid.UUID
    kind: str  # "image", "mbtiles" or "plain"
    path: Path | None
    original_name: str | None
    width: int | None
    height: int | None
    attribution: str | None
    min_zoom: int | None
    max_zoom: int | None
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    # An image tied to the ground by control points (issue 15): drawn geographically from ``warped_path``
    # (the image resampled onto Web Mercator, transparent outside) between ``bounds``; ``path`` stays the scan.
    georeferenced: bool = False
    warped_path: Path | None = None

    @property
    def crs(self) -> Crs:
        if self.kind == "image" and self.bounds is None:
            return Crs.PIXEL
        return Crs.GEO


@dataclass(frozen=True)
class TownView:
    id: uuid.UUID
    name: str
    district_id: uuid.UUID
    district_name: str
    center: tuple[float, float] | None = None  # lat, lon
    household_count: int = 0

    @property
    def full_name(self) -> str:
        return f"{self.district_name} {self.name}"


@dataclass(frozen=True)
class HouseholdFields:
    """The editable fields of a household, as the side panel submits them."""

    name: str = ""
    address: str = ""
    note: str = ""
    category_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonFields:
    name: str
    kana: str = ""
    birth_date: date | None = None
    phone: str = ""
    of_concern: bool = False
    concerns: str = ""


@dataclass(frozen=True)
class SearchHit:
    household_id: uuid.UUID
    town_id: uuid.UUID
    map_number: int
    label: str
    address: str
    matched: str = field(default="")
