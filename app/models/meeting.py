"""The liaison meeting (福祉連絡会): meetings and their attendees, the yearly review of each person of
concern, and the organisation self-check of the seed's section 4 (チェック表), answered per year."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record
from app.models.entities import Person, Town


def _enum(cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value; 30 characters like the other tables' enums."""
    return Enum(cls, native_enum=False, length=30, values_callable=lambda e: [m.value for m in e])


class MeetingKind(enum.StrEnum):
    TOWN_LIAISON = "town_liaison"  # 町内福祉連絡会 (per town, at least once a year)
    DISTRICT_NETWORK = "district_network"  # 地区福祉ネットワーク会議 (per 自治振興会 district)


class AttendeeRole(enum.StrEnum):
    DISTRICT_HEAD = "district_head"  # 区長
    WELFARE_COMMISSIONER = "welfare_commissioner"  # 民生児童委員
    WELFARE_PROMOTER = "welfare_promoter"  # 福祉推進員
    ELDERLY_HOME_COUNSELLOR = "elderly_home_counsellor"  # 老人家庭相談員
    GROUP_LEADER = "group_leader"  # 町内の各種団体長・世話役
    RESIDENT = "resident"  # 町内の住民
    COUNCIL_STAFF = "council_staff"  # 社協職員
    OTHER = "other"  # role typed in ``role_note``


class ReviewOutcome(enum.StrEnum):
    UNCHANGED = "unchanged"  # 変わりなし
    CHANGED = "changed"  # 状況に変化あり (still watched)
    MOVED_AWAY = "moved_away"  # 転出: ends the watch
    ENTERED_FACILITY = "entered_facility"  # 施設入所: ends the watch
    IN_HOSPITAL = "in_hospital"  # 入院中: still watched (they may come home)
    DIED = "died"  # 逝去: ends the watch


class CheckerKind(enum.StrEnum):
    """Who fills in the self-check: the boxes at the top of the seed's チェック表."""

    MUNICIPAL_STAFF = "municipal_staff"  # 自治体職員
    COUNCIL_STAFF = "council_staff"  # 社協職員
    OTHER_WELFARE = "other_welfare"  # その他福祉関係者
    RESIDENT = "resident"  # 一般住民


class Meeting(Record, Base):
    """One liaison meeting of a town (or the district meeting, recorded under the town that hosted it)."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_town_held", "town_id", "held_on"),)

    town_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("town.id"))
    held_on: Mapped[date]
    kind: Mapped[MeetingKind] = mapped_column(_enum(MeetingKind), default=MeetingKind.TOWN_LIAISON)
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None]

    town: Mapped[Town] = relationship()
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        back_populates="meeting", order_by="MeetingAttendee.sort_order", cascade="all, delete-orphan"
    )


class MeetingAttendee(Record, Base):
    """出席者: one row of the attendance list, by role."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[AttendeeRole] = mapped_column(_enum(AttendeeRole), default=AttendeeRole.OTHER)
    role_note: Mapped[str] = mapped_column(String(100), default="")  # 「老人会長」 when the role is OTHER
    sort_order: Mapped[int] = mapped_column(default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")


class PersonReview(Record, Base):
    """The review of one person of concern: what the meeting found, when, and who wrote it down."""

    __tablename__ = "person_review"
    __table_args__ = (Index("ix_person_review_person_date", "person_id", "reviewed_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), index=True)
    reviewed_on: Mapped[date]
    outcome: Mapped[ReviewOutcome] = mapped_column(_enum(ReviewOutcome))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    # True when this review archived the person (moved away, facility, died): undoing it restores them.
    archived_person: Mapped[bool] = mapped_column(default=False)
    deleted_at: Mapped[datetime | None]  # a review entered by mistake is withdrawn, not erased

    person: Mapped[Person] = relationship()
    meeting: Mapped[Meeting | None] = relationship()


class SelfCheck(Record, Base):
    """One filled-in チェック表: a year (年度) and the kind of checker who answered it."""

    __tablename__ = "self_check"
    __table_args__ = (UniqueConstraint("year", "checker_kind"),)

    year: Mapped[int]
    checker_kind: Mapped[CheckerKind] = mapped_column(_enum(CheckerKind))
    checker_name: Mapped[str] = mapped_column(String(200), default="")
    answered_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")

    answers: Mapped[list[SelfCheckAnswer]] = relationship(
        back_populates="self_check", order_by="SelfCheckAnswer.item_id", cascade="all, delete-orphan"
    )


class SelfCheckAnswer(Record, Base):
    """The tick (✔) of one item, with an optional remark; item ids come from ``app.meeting.selfcheck_items``."""

    __tablename__ = "self_check_answer"
    __table_args__ = (UniqueConstraint("self_check_id", "item_id"),)

    self_check_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("self_check.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(10))
    checked: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    self_check: Mapped[SelfCheck] = relationship(back_populates="answers")
