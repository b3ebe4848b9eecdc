"""The ledger's tables: districts, towns, households, persons, gathering places, base maps."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Column, Enum, ForeignKey, Index, String, Table, Text, UniqueConstraint, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record


def _enum(cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value (readable in the file, stable across renames of members)."""
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class BaseMapKind(enum.StrEnum):
    IMAGE = "image"  # a scanned or exported town map (PNG/JPEG)
    MBTILES = "mbtiles"  # a raster tile pack
    PLAIN = "plain"  # no base map: a plain background


class PlaceKind(enum.StrEnum):
    SALON = "salon"
    MEETING_HALL = "meeting_hall"
    CAFE = "cafe"
    OTHER = "other"


class District(Record, Base):
    """地区 (自治振興会単位): a group of towns."""

    __tablename__ = "district"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    archived_at: Mapped[datetime | None]  # archived, never deleted: its towns and their records stay
    towns: Mapped[list[Town]] = relationship(back_populates="district", order_by="Town.name")


class Town(Record, Base):
    """町内: the unit whose liaison meeting draws one map."""

    __tablename__ = "town"
    __table_args__ = (UniqueConstraint("district_id", "name"),)

    district_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("district.id"))
    name: Mapped[str] = mapped_column(String(100))
    # Where a geographic map opens when the town has no households yet.
    center_lat: Mapped[float | None]
    center_lon: Mapped[float | None]
    archived_at: Mapped[datetime | None]  # archived, never deleted: hidden from the town list, records kept

    district: Mapped[District] = relationship(back_populates="towns")
    households: Mapped[list[Household]] = relationship(back_populates="town")
    base_map: Mapped[BaseMap | None] = relationship(back_populates="town", uselist=False)


class BaseMap(Record, Base):
    """The background a town is drawn on; one per town, replaced (never edited in place)."""

    __tablename__ = "base_map"

    town_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("town.id"), unique=True)
    kind: Mapped[BaseMapKind] = mapped_column(_enum(BaseMapKind))
    # File name inside the data folder's basemaps/ directory (None for a plain background).
    file_name: Mapped[str | None] = mapped_column(String(255))
    original_name: Mapped[str | None] = mapped_column(String(255))
    width: Mapped[int | None]  # image size in pixels
    height: Mapped[int | None]
    # SHA-256 of the image file (None before migration 0022): the town's control points name the scan they are on.
    image_sha256: Mapped[str | None] = mapped_column(String(64))
    attribution: Mapped[str | None] = mapped_column(Text)
    min_zoom: Mapped[int | None]
    max_zoom: Mapped[int | None]
    # Geographic bounds (MBTiles, or an image georeferenced to a box); None = pixel coordinates.
    west: Mapped[float | None]
    south: Mapped[float | None]
    east: Mapped[float | None]
    north: Mapped[float | None]

    town: Mapped[Town] = relationship(back_populates="base_map")


class MapControlPoint(Record, Base):
    """A point found on a town's map image (pixels, y up) and on the ground (WGS84 longitude/latitude).

    It belongs to the town and syncs with the town's district (migration 0022), not to this laptop's base-map row
    (which never syncs): a laptop uses the town's points when its own image of the town has the size the points
    were taken on (size and ``image_sha256``: the same scan, however it came to this laptop). Moving a point edits its row, so two laptops
    moving the same point meet as a conflict on that field.
    """

    __tablename__ = "map_control_point"

    town_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("town.id"), index=True)
    image_width: Mapped[int | None]
    image_height: Mapped[int | None]
    image_sha256: Mapped[str | None] = mapped_column(String(64))
    # Before 0022 the laptop's base-map row; no longer set (kept for the downgrade).
    base_map_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("base_map.id", ondelete="CASCADE"), index=True)
    x: Mapped[float]
    y: Mapped[float]
    lon: Mapped[float]
    lat: Mapped[float]
    label: Mapped[str] = mapped_column(String(200), default="")
    ordinal: Mapped[int] = mapped_column(default=0)


class HouseholdCategory(Record, Base):
    """A kind of household to mark (一人暮らし高齢者, 高齢者夫婦世帯, 気がかり, …); users may add more."""

    __tablename__ = "household_category"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(100))  # Japanese label, as printed on the legend
    color: Mapped[str] = mapped_column(String(9))  # "#rrggbb"
    shape: Mapped[str] = mapped_column(String(20))  # circle, square, triangle, diamond, pentagon, hexagon, star
    letter: Mapped[str] = mapped_column(String(2))  # one character drawn inside the symbol
    priority: Mapped[int] = mapped_column(default=100)  # lower wins when a household has several
    builtin: Mapped[bool] = mapped_column(default=False)


household_category_link = Table(
    "household_category_link",
    Base.metadata,
    Column("household_id", Uuid, ForeignKey("household.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", Uuid, ForeignKey("household_category.id"), primary_key=True),
)


UNPLACED_GEO = "deleted_at IS NULL AND (lat IS NULL OR lon IS NULL)"  # as households.unplaced_households asks
UNPLACED_PIXEL = "deleted_at IS NULL AND (map_x IS NULL OR map_y IS NULL)"


class Household(Record, Base):
    """世帯: one dwelling on the map."""

    __tablename__ = "household"
    # The indexes after the unique map number, and the search key's, serve only a laptop's lists, map and search:
    # the office server, which reads none of them, has none of them (migration 0023).
    __table_args__ = (
        UniqueConstraint("town_id", "map_number"),
        Index("ix_household_town_deleted", "town_id", "deleted_at"),
        # The live households with no position on a kind of map, in map-number order: the list to pin from is read
        # from these alone (migration 0021), not from every household of the town.
        *(Index(name, "town_id", "map_number", sqlite_where=text(where), postgresql_where=text(where))
          for name, where in (("ix_household_unplaced_geo", UNPLACED_GEO), ("ix_household_unplaced_pixel", UNPLACED_PIXEL))),
    )

    town_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("town.id"))
    # Stable number printed on maps and sheets, so paper and screen cross-reference.
    map_number: Mapped[int]
    address: Mapped[str] = mapped_column(String(300), default="")
    name: Mapped[str] = mapped_column(String(200), default="")  # 世帯主 or house name (表札)
    note: Mapped[str] = mapped_column(Text, default="")
    # Position on a geographic base map (WGS84) ...
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    # ... and on an image base map in pixel coordinates (x right, y up from the bottom-left).
    map_x: Mapped[float | None]
    map_y: Mapped[float | None]
    # True while the position is only guessed (e.g. from the address's 町丁目) and not yet pinned.
    position_approximate: Mapped[bool] = mapped_column(default=False)
    # Which coordinate a georeference computed from the other ("geo" or "pixel"); None = both as set by a user.
    derived_coordinate: Mapped[str | None] = mapped_column(String(5))
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)
    deleted_at: Mapped[datetime | None]  # deletion is a tombstone: undo and sync can bring it back

    town: Mapped[Town] = relationship(back_populates="households")
    categories: Mapped[list[HouseholdCategory]] = relationship(
        secondary=household_category_link, order_by=HouseholdCategory.priority
    )
    persons: Mapped[list[Person]] = relationship(
        back_populates="household", order_by="Person.sort_order", cascade="all, delete-orphan"
    )


class Person(Record, Base):
    """世帯員: a member of a household; may be a person of concern (気がかりな人)."""

    __tablename__ = "person"
    # These two indexes, and those of ``of_concern`` and the search key, serve only a laptop's lists, map and search:
    # the office server has none of them (migration 0023). The household's is a foreign key's: both have it.
    __table_args__ = (
        # The first live member of a household, read from the index alone: the map's label of a household
        # without a name (app/maps/query.py), one lookup per unnamed household (migration 0017).
        Index("ix_person_household_first", "household_id", "sort_order", "name", "deleted_at"),
        # The households with someone of concern, from the index alone: the map's marks (migration 0018).
        Index("ix_person_of_concern_home", "of_concern", "deleted_at", "household_id"),
    )

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200), default="")
    birth_date: Mapped[date | None]
    phone: Mapped[str] = mapped_column(String(50), default="")
    of_concern: Mapped[bool] = mapped_column(default=False, index=True)  # the concern lists look them up
    concerns: Mapped[str] = mapped_column(Text, default="")  # 気になるところ
    sort_order: Mapped[int] = mapped_column(default=0)
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)
    deleted_at: Mapped[datetime | None]
    # 同意: "yes" / "no" / "unknown" (app.privacy.consent); without "yes" every scope counts as refused.
    consent: Mapped[str] = mapped_column(String(10), default="unknown")
    consent_watchers: Mapped[bool] = mapped_column(default=False)  # share with watchers and the welfare commissioner
    consent_agencies: Mapped[bool] = mapped_column(default=False)  # share with agencies (包括, care office, doctor)
    consent_map: Mapped[bool] = mapped_column(default=False)  # shown by name on community maps and prints
    consent_date: Mapped[date | None]
    consent_recorded_by: Mapped[str] = mapped_column(String(200), default="")

    household: Mapped[Household] = relationship(back_populates="persons")


class GatheringPlace(Record, Base):
    """たまり場: where neighbours meet (salon, meeting hall, café …)."""

    __tablename__ = "gathering_place"

    town_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("town.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[PlaceKind] = mapped_column(_enum(PlaceKind), default=PlaceKind.OTHER)
    schedule: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    map_x: Mapped[float | None]
    map_y: Mapped[float | None]
    derived_coordinate: Mapped[str | None] = mapped_column(String(5))  # as Household.derived_coordinate
    deleted_at: Mapped[datetime | None]


# The search index over households and persons (its table and the triggers of migration 0005).
import app.models.search_index  # noqa: E402, F401 - registers search_entry on Base.metadata
