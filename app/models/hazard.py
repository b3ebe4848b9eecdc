"""Hazard layers (国土数値情報 A31a/A33/A49/A40), their zones, and each household's stored exposure (issue 16).

These are public data and values derived from them: they do not sync (not in app/sync/core.py's tables;
every laptop imports the same public file) and they are not ``Record``s, so the audit hook (which doubles
as the sync journal) does not log a million polygons. The import itself is the user action; its layer row
says what, from which file and when.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class HazardKind(enum.StrEnum):
    FLOOD = "flood"  # 洪水浸水想定区域 (A31a)
    SEDIMENT = "sediment"  # 土砂災害警戒区域 (A33)
    STORM_SURGE = "storm_surge"  # 高潮浸水想定区域 (A49)
    TSUNAMI = "tsunami"  # 津波浸水想定 (A40)


def _kind_enum() -> Enum:
    return Enum(HazardKind, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class HazardLayer(Base):
    """One imported file; re-importing the same file archives the old layer (its zones stay, unused)."""

    __tablename__ = "hazard_layer"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[HazardKind] = mapped_column(_kind_enum())
    source: Mapped[str] = mapped_column(String(255))  # the file's name
    credit: Mapped[str] = mapped_column(Text, default="")
    spec_version: Mapped[str] = mapped_column(String(100), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    feature_count: Mapped[int] = mapped_column(default=0)  # zones kept (inside the city's extent)
    skipped_count: Mapped[int] = mapped_column(default=0)  # outside the extent or defective
    archived_at: Mapped[datetime | None]


class HazardZone(Base):
    """One polygon of a layer: its rank or class codes and its geometry (WKB, longitude/latitude)."""

    __tablename__ = "hazard_zone"
    __table_args__ = (Index("ix_hazard_zone_bbox", "minx", "maxx", "miny", "maxy"),)

    # An integer key: a million rows are inserted in batches and never travel between ledgers.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    layer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hazard_layer.id"), index=True)
    kind: Mapped[HazardKind] = mapped_column(_kind_enum())
    rank: Mapped[int | None]  # depth rank (flood, storm surge, tsunami), 1 = shallowest
    zone_class: Mapped[int | None]  # sediment: 1 警戒区域, 2 特別警戒区域
    phenomenon: Mapped[int | None]  # sediment: 1 急傾斜地の崩壊, 2 土石流, 3 地すべり
    detail: Mapped[str] = mapped_column(Text, default="")  # river name, zone name or the file's depth text
    feature_number: Mapped[int] = mapped_column(default=0)  # in the file, for messages
    geometry: Mapped[bytes] = mapped_column(LargeBinary)
    minx: Mapped[float] = mapped_column(Float)
    miny: Mapped[float] = mapped_column(Float)
    maxx: Mapped[float] = mapped_column(Float)
    maxy: Mapped[float] = mapped_column(Float)


class HouseholdExposure(Base):
    """A household's hazards as last computed, with the position they were computed for.

    A row whose position differs from the household's (moved by any path: the service, undo, sync) is
    stale and recomputed when read.
    """

    __tablename__ = "household_exposure"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"),
                                                    primary_key=True)
    lat: Mapped[float | None]  # the position used; None = the household had no lat/lon (unknown)
    lon: Mapped[float | None]
    flood_rank: Mapped[int | None]
    flood_river: Mapped[str] = mapped_column(Text, default="")
    sediment_kind: Mapped[int | None]
    sediment_class: Mapped[int | None]
    storm_surge_rank: Mapped[int | None]
    tsunami_rank: Mapped[int | None]
    # The file's own depth class of the storm surge / tsunami zone found, as it writes it (「0.3m以上1.0m未満」,
    # finer than the rank beside it); "" when none was found.
    storm_surge_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    tsunami_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
