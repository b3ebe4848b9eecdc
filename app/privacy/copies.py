"""The printed copies ledger: every paper that carries names is counted out under a serial and back in.

A paper writer calls ``register_copies`` in the session it reads the ledger with, before it writes the
file, and prints the serial it gets (``serial_line``) on every page or sheet. The row says what paper,
for which audience, which town, how many copies, by whom, when and in which sharing mode. The liaison
meeting lists the copies not yet back (``outstanding_copies``) and records, in one click, their return or
destruction (``close_copy``). Papers with numbers only (the printed map, the overview's counts) are not
registered: they carry nobody's name.

The serial is ``YYYY-NNNN``: the year the paper was made (local time) and its number in that year on this
laptop (the table does not sync: app/models/sharing.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models.audit import operator_of
from app.models.base import utcnow
from app.models.sharing import CopyOutcome, PrintedCopy, SharingMode
from app.privacy.sharing import NORMAL, SharingContext, local_time

__all__ = ["PAPER_TITLES", "CopyOutcome", "CopyView", "close_copy", "list_copies", "outstanding_copies",
           "register_copies", "serial_line"]

SERIAL_LABEL = "管理番号"
# The papers that carry names, by their code; a new paper adds itself here (its Japanese title).
PAPER_TITLES = {
    "emergency_sheet": "緊急連絡表",
    "emergency_cards": "緊急連絡カード",
    "watch_form": "見守りネットワーク記録用紙",
    "geojson": "GeoJSON（地図データ）",
    "evacuation_plans": "個別避難計画",
    "safety_checklist": "安否確認チェックリスト",
    "audit_history": "変更の記録（監査ログ）",
}


@dataclass(frozen=True)
class CopyView:
    id: uuid.UUID
    serial: str
    paper: str
    title: str
    audience: str
    town_name: str
    copies: int
    made_by: str
    made_at: datetime
    mode: SharingMode
    file_name: str
    outcome: CopyOutcome | None
    closed_by: str
    closed_at: datetime | None

    @property
    def made_at_text(self) -> str:
        return local_time(self.made_at)

    @property
    def closed_at_text(self) -> str:
        return local_time(self.closed_at)


def _view(c: PrintedCopy) -> CopyView:
    return CopyView(c.id, c.serial, c.paper, c.title, c.audience, c.town_name, c.copies, c.made_by, c.made_at,
                    c.mode, c.file_name, c.outcome, c.closed_by, c.closed_at)


def serial_line(serial: str) -> str:
    """How the serial is printed on the paper: 「管理番号 2026-0001」."""
    return f"{SERIAL_LABEL} {serial}"


def register_copies(session: Session, *, paper: str, audience: str, town_id: uuid.UUID | None = None,
                    town_name: str = "", copies: int = 1, sharing: SharingContext = NORMAL, file_name: str = "",
                    title: str = "", made_by: str | None = None, at: datetime | None = None) -> str:
    """Count out ``copies`` of a paper carrying names; returns its serial (e.g. 2026-0001) to print on it.

    ``paper`` is a code (``PAPER_TITLES``; ``title`` names a paper not listed there); ``audience`` who it is
    for; ``sharing`` the mode it is made under; ``made_by`` the session's operator unless given. The row is
    added to ``session`` (flushed, not committed): the caller's transaction keeps or drops it with the file.
    """
    if copies < 1:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The number of copies must be 1 or more."), where="copies")
    at = at or utcnow()
    year = (at if at.tzinfo is not None else at.replace(tzinfo=timezone.utc)).astimezone().year
    number = (session.scalar(select(func.max(PrintedCopy.number)).where(PrintedCopy.year == year)) or 0) + 1
    serial = f"{year}-{number:04d}"
    session.add(PrintedCopy(
        serial=serial, year=year, number=number, paper=paper, title=title or PAPER_TITLES.get(paper, paper),
        audience=str(getattr(audience, "value", audience)), town_id=town_id, town_name=town_name, copies=copies,
        made_by=made_by if made_by is not None else operator_of(session).name, made_at=at, mode=sharing.mode,
        file_name=file_name[:300]))
    session.flush()
    return serial


def list_copies(session: Session) -> list[CopyView]:
    """Every copy ever counted out, the newest first."""
    return [_view(c) for c in session.scalars(select(PrintedCopy).order_by(PrintedCopy.year.desc(),
                                                                           PrintedCopy.number.desc()))]


def outstanding_copies(session: Session) -> list[CopyView]:
    """The copies not yet returned or destroyed, the oldest first (those to ask back first)."""
    return [_view(c) for c in session.scalars(select(PrintedCopy).where(PrintedCopy.outcome.is_(None))
                                              .order_by(PrintedCopy.year, PrintedCopy.number))]


def close_copy(session: Session, copy_id: uuid.UUID, outcome: CopyOutcome | str = CopyOutcome.RETURNED, *,
               who: str | None = None, at: datetime | None = None) -> CopyView:
    """Record that a copy came back (or was destroyed): who and when; the row stays in the ledger."""
    row = session.get(PrintedCopy, copy_id)
    if row is None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "This printed copy is not in the ledger."), where="copy")
    if row.outcome is not None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Copy {serial} was already recorded as returned or "
                                                      "destroyed."), where=row.serial, serial=row.serial)
    row.outcome = CopyOutcome(outcome)
    row.closed_by = who if who is not None else operator_of(session).name
    row.closed_at = at or utcnow()
    session.flush()
    return _view(row)


def reopen_copy(session: Session, copy_id: uuid.UUID) -> CopyView:
    """Undo of ``close_copy``: the copy is outstanding again (the audit log keeps both steps)."""
    row = session.get(PrintedCopy, copy_id)
    if row is None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "This printed copy is not in the ledger."), where="copy")
    row.outcome, row.closed_by, row.closed_at = None, "", None
    session.flush()
    return _view(row)
