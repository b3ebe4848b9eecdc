"""Individual evacuation plans (個別避難計画) and their evacuation supporters (避難支援等実施者), issue 16.

One plan per person needing support; archived (``deleted_at``) rather than deleted, like every edited table,
so the audit log records it as an archive and undo and sync can bring it back.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record
from app.models.emergency import ReferenceFeature
from app.models.entities import Person
from app.models.watch import Watcher


def _enum(cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value; 30 characters as the other tables of Steps II and III."""
    return Enum(cls, native_enum=False, length=30, values_callable=lambda e: [m.value for m in e])


class PlanStart(enum.StrEnum):
    """When the person starts to evacuate (避難開始のタイミング)."""

    ELDERLY_EVACUATION = "elderly_evacuation"  # 高齢者等避難 (警戒レベル3)
    EVACUATION_ORDER = "evacuation_order"  # 避難指示 (警戒レベル4)
    OTHER = "other"  # written in start_note


class EvacuationPlan(Record, Base):
    """個別避難計画: where and how one person evacuates, what help they need and who gives it."""

    __tablename__ = "evacuation_plan"
    __table_args__ = (UniqueConstraint("person_id"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    # The shelter from the imported layer, or a place typed by hand (both may be given: the text then explains).
    shelter_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("reference_feature.id", ondelete="SET NULL"))
    shelter_text: Mapped[str] = mapped_column(String(300), default="")
    route_note: Mapped[str] = mapped_column(Text, default="")  # 避難経路
    transport: Mapped[str] = mapped_column(String(100), default="")  # 移動手段: 徒歩, 車いす, 支援者の車 …
    start_when: Mapped[PlanStart] = mapped_column(_enum(PlanStart), default=PlanStart.ELDERLY_EVACUATION)
    start_note: Mapped[str] = mapped_column(String(200), default="")  # when start_when is OTHER
    mobility: Mapped[str] = mapped_column(Text, default="")  # 移動の支援
    medical_devices: Mapped[str] = mapped_column(Text, default="")  # 医療機器 (酸素, 吸引器 …)
    medication: Mapped[str] = mapped_column(Text, default="")  # 服薬
    communication: Mapped[str] = mapped_column(Text, default="")  # 意思疎通 (耳が遠い, 外国語 …)
    # 同意: the person's consent to sharing the plan with supporters and responders: "yes" / "no" / "unknown".
    consent: Mapped[str] = mapped_column(String(10), default="unknown")
    consent_date: Mapped[date | None]
    made_on: Mapped[date | None]
    reviewed_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None]  # archived (the person moved away, the plan was withdrawn)

    person: Mapped[Person] = relationship()
    shelter: Mapped[ReferenceFeature | None] = relationship()
    supporters: Mapped[list[PlanSupporter]] = relationship(back_populates="plan", order_by="PlanSupporter.ordinal")


class PlanSupporter(Record, Base):
    """避難支援等実施者: a watcher of the person, another member of the ledger, or a name typed by hand."""

    __tablename__ = "plan_supporter"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("evacuation_plan.id", ondelete="CASCADE"), index=True)
    watcher_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("watcher.id", ondelete="SET NULL"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")  # as printed (the watcher's name when drawn from one)
    relation: Mapped[str] = mapped_column(String(100), default="")  # 続柄・関係: 隣人, 長男, 民生委員 …
    phone: Mapped[str] = mapped_column(String(50), default="")
    consent: Mapped[str] = mapped_column(String(10), default="unknown")  # the supporter's own consent
    ordinal: Mapped[int] = mapped_column(default=0)
    deleted_at: Mapped[datetime | None]

    plan: Mapped[EvacuationPlan] = relationship(back_populates="supporters")
    watcher: Mapped[Watcher | None] = relationship()
    person: Mapped[Person | None] = relationship()
