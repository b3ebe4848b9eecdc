"""Facts about the ledger file itself, kept inside it (encrypted with it): key → text.

Local to this file: never audited, never synced. ``KIND`` says whether the ledger holds invented
people only (the demo) or real ones.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.models.base import Base

KIND = "kind"
KIND_DEMO = "demo"
KIND_REAL = "real"


class LedgerInfo(Base):
    __tablename__ = "ledger_info"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


def read_info(session: Session, key: str, default: str = "") -> str:
    row = session.get(LedgerInfo, key)
    return row.value if row is not None else default


def write_info(session: Session, key: str, value: str) -> None:
    row = session.get(LedgerInfo, key)
    if row is None:
        session.add(LedgerInfo(key=key, value=value))
    else:
        row.value = value
