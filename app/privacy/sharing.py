"""The sharing mode: 平常時 (the consent rule) or 災害時 (災害対策基本法第49条の11第3項).

In disaster mode the list of persons needing evacuation support may be given to responders (the
watchers and welfare commissioner, the agencies) without the persons' consent, when lives are at risk.
A switch is a deliberate act: who decided and why are required, and it is recorded (a
``sharing_mode_change`` row, which the audit log shows as any other change). Switching back is recorded
the same way.

The mode is this laptop's own (app/models/sharing.py says why) and lives in its ledger, never in a global:
a paper writer reads it with ``current_sharing(session)`` and hands the ``SharingContext`` to the masking
module (app/privacy/masking.py), so only papers made while disaster mode is on are unmasked and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models.audit import REASON_INFO_KEY
from app.models.base import utcnow
from app.models.sharing import SharingMode, SharingModeChange

__all__ = ["DISASTER_LAW", "NORMAL", "SharingContext", "SharingMode", "current_sharing", "local_time", "mode_history",
           "switch_mode"]

DISASTER_LAW = "災害時の提供（災害対策基本法第49条の11第3項）"
MODE_LABELS = {SharingMode.NORMAL: "平常時", SharingMode.DISASTER: "災害時"}


@dataclass(frozen=True)
class SharingContext:
    """The mode a paper is made under, and (in disaster mode) who switched it on, why and when."""

    mode: SharingMode = SharingMode.NORMAL
    who: str = ""
    why: str = ""
    since: datetime | None = None

    @property
    def disaster(self) -> bool:
        return self.mode is SharingMode.DISASTER

    @property
    def since_text(self) -> str:
        """When the mode was switched on, in local time (e.g. 2026-12-01 10:30)."""
        return local_time(self.since)

    def stamp(self) -> str:
        """What every page of a paper made in disaster mode says (empty in normal times)."""
        if not self.disaster:
            return ""
        return f"{DISASTER_LAW}　切替: {self.who}　{self.since_text}　理由: {self.why}"


NORMAL = SharingContext()


def local_time(at: datetime | None) -> str:
    """A recorded time (UTC; SQLite gives it back without its zone) as the clock on the wall showed it."""
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class ModeChangeView:
    mode: SharingMode
    who: str
    why: str
    at: datetime

    @property
    def mode_label(self) -> str:
        return MODE_LABELS[self.mode]


def _latest(session: Session) -> SharingModeChange | None:
    return session.scalars(select(SharingModeChange).order_by(SharingModeChange.at.desc(),
                                                              SharingModeChange.created_at.desc()).limit(1)).first()


def current_sharing(session: Session) -> SharingContext:
    """The ledger's mode now: normal times unless the last recorded switch was into disaster mode."""
    last = _latest(session)
    if last is None or last.mode is not SharingMode.DISASTER:
        return NORMAL
    return SharingContext(SharingMode.DISASTER, last.operator_name, last.reason, last.at)


def switch_mode(session: Session, mode: SharingMode | str, *, who: str, why: str = "",
                at: datetime | None = None) -> SharingContext:
    """Switch to ``mode`` and record it. Into disaster mode needs who and why; back to normal needs who.

    Refused (LedgerError, nothing recorded) without them, or when the ledger is already in that mode.
    """
    try:
        mode = SharingMode(mode)
    except ValueError:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Unknown sharing mode {mode}: use normal or disaster."),
                          where="mode", mode=str(mode)) from None
    who, why = (who or "").strip(), (why or "").strip()
    if not who:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Say who decides to switch the sharing mode."),
                          where="who")
    if mode is SharingMode.DISASTER and not why:
        raise LedgerError(QT_TRANSLATE_NOOP(
            "errors", "Say why names are given without consent (e.g. the evacuation order in force)."),
            where="why")
    if current_sharing(session).mode is mode:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The ledger is already in this sharing mode."), where="mode")
    change = SharingModeChange(mode=mode, operator_name=who[:200], reason=why, at=at or utcnow())
    session.add(change)
    before = session.info.get(REASON_INFO_KEY)
    session.info[REASON_INFO_KEY] = why  # the history of changes says why, beside who
    try:
        session.flush()
    finally:
        if before is None:
            session.info.pop(REASON_INFO_KEY, None)
        else:
            session.info[REASON_INFO_KEY] = before
    return current_sharing(session)


def mode_history(session: Session) -> list[ModeChangeView]:
    """Every switch, the newest first."""
    rows = session.scalars(select(SharingModeChange).order_by(SharingModeChange.at.desc(),
                                                              SharingModeChange.created_at.desc()))
    return [ModeChangeView(r.mode, r.operator_name, r.reason, r.at) for r in rows]
