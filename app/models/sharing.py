"""The two modes of sharing (平常時 / 災害時) and the printed copies ledger (issue 16).

Both tables are this laptop's own: never synced (not in app/models/sync.py's lists). A switch into
disaster mode is a decision of the person at this laptop, for the papers this laptop prints; another
laptop in the same district may still be in normal times and must not change mode behind its
operator's back. Both are Records, so the audit log (the history of changes) shows every switch and every return.

The copies ledger *should* sync, scoped by the copy's town's district: the office's privacy officer must see
every laptop's copies still out for the district, and a copy printed on one laptop may come back at another.
It must not sync yet, for these reasons (decided 2026-12; each is a change of its own to make first):

- The serial printed on the paper (``YYYY-NNNN``, app/privacy/copies.py) is numbered per laptop and unique in
  this table: two laptops both print 2026-0001, and receiving the other's would break the sync (the unique
  constraint) or, worse, make two papers answer to one serial when returned. The serial must name its laptop
  before copies travel, and the serials already printed on two laptops must be told apart (they cannot be
  renumbered as map numbers are: the number is on paper).
- Its district would come from ``town_id``, which has no foreign key on purpose (the ledger outlives a removed
  town), and a paper for the whole district or city (the safety workbook's) has no town at all: it needs its
  own ``district_id`` kept at printing, or it cannot be scoped by the server's row-level security.
- ``file_name`` is where this laptop wrote the file (it may carry a person's or a folder's name) and the server
  holds nothing like it: it must stay on the laptop, the one field that does not travel.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Record, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class SharingMode(enum.StrEnum):
    NORMAL = "normal"  # 平常時: the consent rule
    DISASTER = "disaster"  # 災害時: 災害対策基本法第49条の11第3項, names to responders without consent


class CopyOutcome(enum.StrEnum):
    RETURNED = "returned"  # 回収
    DESTROYED = "destroyed"  # 廃棄（シュレッダー等）


class SharingModeChange(Record, Base):
    """One switch of the sharing mode: to which mode, who decided, why, when. Never edited, never deleted."""

    __tablename__ = "sharing_mode_change"

    mode: Mapped[SharingMode] = mapped_column(_enum(SharingMode))
    operator_name: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    @property
    def label(self) -> str:  # the audit log's name for the record
        return "災害時への切替" if self.mode is SharingMode.DISASTER else "平常時への切替"


class PrintedCopy(Record, Base):
    """A paper carrying names, counted out under its serial (2026-0001) and back in (returned or destroyed)."""

    __tablename__ = "printed_copy"
    __table_args__ = (UniqueConstraint("serial"), UniqueConstraint("year", "number", name="uq_printed_copy_number"))

    serial: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    paper: Mapped[str] = mapped_column(String(50))  # what paper: a code, e.g. "emergency_sheet"
    title: Mapped[str] = mapped_column(String(200), default="")  # its name as printed, e.g. 緊急連絡表
    audience: Mapped[str] = mapped_column(String(20))
    # No foreign key: the ledger of copies must outlive an archived or removed town.
    town_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    town_name: Mapped[str] = mapped_column(String(200), default="")
    copies: Mapped[int] = mapped_column(Integer, default=1)
    made_by: Mapped[str] = mapped_column(String(200), default="")
    made_at: Mapped[datetime] = mapped_column(default=utcnow)
    mode: Mapped[SharingMode] = mapped_column(_enum(SharingMode), default=SharingMode.NORMAL)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[CopyOutcome | None] = mapped_column(_enum(CopyOutcome))
    closed_by: Mapped[str] = mapped_column(String(200), default="")
    closed_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")

    @property
    def label(self) -> str:  # the audit log's name for the record
        return f"{self.serial} {self.title}"
