"""Step III tables: the agency directory, emergency contacts and cards, and reference map layers."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, UniqueConstraint, orm
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record
from app.models.entities import Person


def _enum(cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value; 30 characters because "home_care_support_office" is 24."""
    return Enum(cls, native_enum=False, length=30, values_callable=lambda e: [m.value for m in e])


class AgencyKind(enum.StrEnum):
    CITY_OFFICE = "city_office"  # 市役所・支所
    COMMUNITY_SUPPORT_CENTRE = "community_support_centre"  # 地域包括支援センター
    HOME_CARE_SUPPORT_OFFICE = "home_care_support_office"  # 居宅介護支援事業所
    CLINIC = "clinic"  # 診療所・かかりつけ医
    HOSPITAL = "hospital"
    FIRE_AMBULANCE = "fire_ambulance"  # 消防・救急
    SOCIAL_WELFARE_COUNCIL = "social_welfare_council"  # 社協
    OTHER = "other"


class ReferenceKind(enum.StrEnum):
    SHELTER = "shelter"  # 避難場所 (広域・指定緊急): where to run to
    DESIGNATED_SHELTER = "designated_shelter"  # 指定避難所: where to stay
    COMMUNITY_HALL = "community_hall"  # 公民館
    CLINIC = "clinic"  # 医療機関


class Agency(Record, Base):
    """A professional agency in the directory shared by all towns."""

    __tablename__ = "agency"
    __table_args__ = (Index("ix_agency_kind_deleted", "kind", "deleted_at"),)

    kind: Mapped[AgencyKind] = mapped_column(_enum(AgencyKind), default=AgencyKind.OTHER)
    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    fax: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    area_served: Mapped[str] = mapped_column(Text, default="")  # 担当地区
    services: Mapped[str] = mapped_column(Text, default="")  # サービスの種類, one per line
    # 介護保険事業所番号 or another official number: re-importing a list updates, never duplicates.
    office_number: Mapped[str] = mapped_column(String(20), default="", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    source: Mapped[str] = mapped_column(String(255), default="")  # file it was imported from
    credit: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)  # indexed on a laptop only (migration 0023)
    deleted_at: Mapped[datetime | None]


class EmergencyContact(Record, Base):
    """緊急連絡先: a relative or friend to call, in order of priority."""

    __tablename__ = "emergency_contact"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    priority: Mapped[int] = mapped_column(default=1)  # 1 is called first
    name: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[str] = mapped_column(String(50), default="")  # 続柄
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    deleted_at: Mapped[datetime | None]

    # orm.relationship: the 続柄 column above shadows the bare name inside this class body.
    person: Mapped[Person] = orm.relationship()


class EmergencyCard(Record, Base):
    """緊急連絡カード: one per person; links the professionals involved with them."""

    __tablename__ = "emergency_card"
    __table_args__ = (UniqueConstraint("person_id"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    family_doctor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agency.id", ondelete="SET NULL"))
    # Typed when the doctor is not in the directory (e.g. 「○○医院 △△先生」).
    family_doctor_text: Mapped[str] = mapped_column(String(300), default="")
    care_level: Mapped[str] = mapped_column(String(100), default="")  # 要介護度・障害
    medical_notes: Mapped[str] = mapped_column(Text, default="")  # sensitive: 服薬・アレルギー・持病
    care_manager_name: Mapped[str] = mapped_column(String(200), default="")
    care_office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agency.id", ondelete="SET NULL"))
    support_centre_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agency.id", ondelete="SET NULL"))
    welfare_commissioner_name: Mapped[str] = mapped_column(String(200), default="")  # 担当民生委員
    welfare_commissioner_phone: Mapped[str] = mapped_column(String(50), default="")
    kept_at: Mapped[str] = mapped_column(String(200), default="")  # 保管場所 (冷蔵庫の扉 …)
    note: Mapped[str] = mapped_column(Text, default="")
    made_on: Mapped[date | None]
    review_on: Mapped[date | None]  # 見直し日
    deleted_at: Mapped[datetime | None]

    person: Mapped[Person] = relationship()
    family_doctor: Mapped[Agency | None] = relationship(foreign_keys=[family_doctor_id])
    care_office: Mapped[Agency | None] = relationship(foreign_keys=[care_office_id])
    support_centre: Mapped[Agency | None] = relationship(foreign_keys=[support_centre_id])


class ReferenceFeature(Record, Base):
    """A point of a public reference layer (shelter, community hall, clinic) with its credit line."""

    __tablename__ = "reference_feature"
    __table_args__ = (Index("ix_reference_feature_kind_deleted", "kind", "deleted_at"),)

    kind: Mapped[ReferenceKind] = mapped_column(_enum(ReferenceKind))
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    district: Mapped[str] = mapped_column(String(100), default="")  # 地区, without the 「地区」 suffix
    # None when the file's position was unusable (reported at import): listed, not drawn.
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    source: Mapped[str] = mapped_column(String(255), default="")  # file name; re-import replaces
    source_row: Mapped[int | None]
    credit: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None]
