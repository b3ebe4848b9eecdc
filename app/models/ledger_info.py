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
# Set once the storm surge and tsunami zones' depth ranks follow the rule that ranks a class written as text by
# its deepest part (app.hazards.importer.rerank_text_zones); a ledger from before ranked them by the lower bound.
HAZARD_TEXT_RANKS = "hazard_text_ranks"
HAZARD_TEXT_RANKS_DEEPEST = "deepest"


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
