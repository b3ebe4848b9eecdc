"""The safety check (安否確認, issue 16): incidents and their append-only safety-check events.

An event is never deleted, and its check is never edited: each check is a new row with a new UUID, so laptops
that record offline never conflict on them; which one shows is a fixed rule (app/safety/rollcall.py
``latest_rule``). The one update an event sees is its ``incident_id``, when two incidents two laptops started for
one town are joined (app/safety/incidents.py ``join_open_incidents``): every laptop moves it the same way.
Both tables sync (app/models/sync.py): an incident city-wide (its towns as a JSON list of town ids), the
events by the person's district.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Record, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class IncidentKind(enum.StrEnum):
    FLOOD = "flood"
    SEDIMENT = "sediment"
    EARTHQUAKE = "earthquake"
    OTHER = "other"


class SafetyStatus(enum.StrEnum):
    """The statuses of the roll call, in the order the lists and papers show them."""

    UNCHECKED = "unchecked"  # 未確認
    SAFE_HOME = "safe_home"  # 無事（自宅）
    EVACUATED = "evacuated"  # 避難済み（避難所名）
    NEEDS_HELP = "needs_help"  # 要支援・要救助
    HOSPITAL = "hospital"  # 入院・施設
    UNREACHABLE = "unreachable"  # 連絡不能


class CheckMethod(enum.StrEnum):
    VISIT = "visit"  # 訪問
    PHONE = "phone"  # 電話
    OTHER = "other"  # その他 (家族から, 避難所の名簿 …)


class Incident(Record, Base):
    """One disaster the safety check is run for; closed (``closed_at``), never deleted: its events stay."""

    __tablename__ = "incident"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[IncidentKind] = mapped_column(_enum(IncidentKind), default=IncidentKind.OTHER)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    town_ids: Mapped[list] = mapped_column(JSON, default=list)  # the towns it covers, as text UUIDs
    note: Mapped[str] = mapped_column(Text, default="")


class SafetyEvent(Record, Base):
    """One check of one person in one incident: append-only (a new check is a new row)."""

    __tablename__ = "safety_event"
    __table_args__ = (Index("ix_safety_event_incident_person", "incident_id", "person_id"),)

    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    status: Mapped[SafetyStatus] = mapped_column(_enum(SafetyStatus))
    # Where an evacuated person is: a designated shelter from the reference layer, or its name typed by hand.
    shelter_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("reference_feature.id", ondelete="SET NULL"))
    shelter_text: Mapped[str] = mapped_column(String(300), default="")
    checked_by: Mapped[str] = mapped_column(String(200), default="")
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)  # when the check was made (entered, or now)
    method: Mapped[CheckMethod] = mapped_column(_enum(CheckMethod), default=CheckMethod.VISIT)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)  # when it was typed into this ledger
    recorded_on: Mapped[str] = mapped_column(String(100), default="")  # the laptop's name
