"""Step II tables: watchers (見守り者) and the watch links that tie them to persons of concern."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record
from app.models.entities import Household, Person


def _enum(cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value; 30 characters because "elderly_home_counsellor" is 23."""
    return Enum(cls, native_enum=False, length=30, values_callable=lambda e: [m.value for m in e])


class WatcherRole(enum.StrEnum):
    DISTRICT_HEAD = "district_head"  # 区長
    WELFARE_COMMISSIONER = "welfare_commissioner"  # 民生児童委員
    WELFARE_PROMOTER = "welfare_promoter"  # 福祉推進員
    ELDERLY_HOME_COUNSELLOR = "elderly_home_counsellor"  # 老人家庭相談員
    NEIGHBOUR = "neighbour"
    RELATIVE = "relative"
    OTHER = "other"


class WatchFrequency(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    TWICE_A_MONTH = "twice_a_month"
    MONTHLY = "monthly"
    WHEN_NEEDED = "when_needed"


class Watcher(Record, Base):
    """見守り者: someone who keeps an eye on persons of concern; may live in a mapped household."""

    __tablename__ = "watcher"
    __table_args__ = (Index("ix_watcher_town_deleted", "town_id", "deleted_at"),)

    town_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("town.id"))
    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[WatcherRole] = mapped_column(_enum(WatcherRole), default=WatcherRole.OTHER)
    # Set when the watcher lives in a household on the map, so the map can draw the watch line.
    household_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL"), index=True
    )
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)  # indexed on a laptop only (migration 0023)
    deleted_at: Mapped[datetime | None]  # archived: kept so old links and undo still resolve

    household: Mapped[Household | None] = relationship()
    links: Mapped[list[WatchLink]] = relationship(back_populates="watcher", order_by="WatchLink.sort_order")


class WatchLink(Record, Base):
    """A watcher's involvement (関わり方) with one person of concern."""

    __tablename__ = "watch_link"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    watcher_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("watcher.id", ondelete="CASCADE"), index=True)
    involvement: Mapped[str] = mapped_column(Text, default="")
    frequency: Mapped[WatchFrequency | None] = mapped_column(_enum(WatchFrequency))
    since: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    # Order of the watcher rows on the form, so a round trip through Excel keeps them in place.
    sort_order: Mapped[int] = mapped_column(default=0)
    deleted_at: Mapped[datetime | None]

    person: Mapped[Person] = relationship()
    watcher: Mapped[Watcher] = relationship(back_populates="links")
