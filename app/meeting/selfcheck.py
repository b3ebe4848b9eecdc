"""The organisation self-check (体制チェック表): answered once a year (年度) per kind of checker, kept in
the ledger, and compared with earlier years item by item and per mechanism."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core import validators as check
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.meeting.selfcheck_items import CHECKER_KIND_LABELS, ITEMS, ITEMS_BY_ID, MECHANISMS, CheckItem
from app.models.meeting import CheckerKind, SelfCheck, SelfCheckAnswer

MAX_NAME = 200
MAX_NOTE = 1000
FIRST_YEAR = 2000


def fiscal_year(day: date) -> int:
    """年度: April to March (2027-03-31 is in 2026年度)."""
    return day.year if day.month >= 4 else day.year - 1


@dataclass(frozen=True)
class SelfCheckFields:
    year: int  # 年度
    checker_kind: CheckerKind | str
    checked: Iterable[str] = ()  # ids of the ticked items ("1-1" …); the others are not ticked
    item_notes: Mapping[str, str] = field(default_factory=dict)  # a remark per item, optional
    checker_name: str = ""
    answered_on: date | None = None  # default: today
    note: str = ""


@dataclass(frozen=True)
class AnswerView:
    item: CheckItem
    checked: bool
    note: str = ""


@dataclass(frozen=True)
class SelfCheckView:
    id: uuid.UUID
    year: int
    checker_kind: CheckerKind
    checker_name: str
    answered_on: date | None
    note: str
    answers: tuple[AnswerView, ...]  # every item of the check list, in the seed's order

    @property
    def checker_label(self) -> str:
        return CHECKER_KIND_LABELS[self.checker_kind]

    @property
    def checked_ids(self) -> frozenset[str]:
        return frozenset(a.item.id for a in self.answers if a.checked)

    def score(self, mechanism: int | None = None) -> tuple[int, int]:
        """(ticked, items) of one mechanism, or of the whole list."""
        mine = [a for a in self.answers if mechanism is None or a.item.mechanism == mechanism]
        return sum(a.checked for a in mine), len(mine)


class Trend(enum.StrEnum):
    IMPROVED = "improved"  # not ticked in the earlier year, ticked in the later one
    WORSENED = "worsened"
    SAME = "same"
    UNKNOWN = "unknown"  # one of the two years was not answered


@dataclass(frozen=True)
class ItemComparison:
    item: CheckItem
    by_year: tuple[bool | None, ...]  # aligned with YearComparison.years; None: that year not answered
    trend: Trend  # the latest answered year against the answered year before it


@dataclass(frozen=True)
class YearComparison:
    checker_kind: CheckerKind
    years: tuple[int, ...]
    items: tuple[ItemComparison, ...]
    # Per mechanism (1 … 4), per year: ticked items, or None when the year was not answered.
    mechanism_scores: dict[int, tuple[int | None, ...]] = field(hash=False, compare=False)
    totals: tuple[int | None, ...] = ()

    def improved(self) -> tuple[CheckItem, ...]:
        return tuple(c.item for c in self.items if c.trend is Trend.IMPROVED)

    def worsened(self) -> tuple[CheckItem, ...]:
        return tuple(c.item for c in self.items if c.trend is Trend.WORSENED)


def _kind(value: CheckerKind | str) -> CheckerKind:
    return check.choice(CheckerKind, value, where="checker_kind", param="kind",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown kind of checker: {kind}"))


def _year(value: object, today: date) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not FIRST_YEAR <= value <= fiscal_year(today):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The year must be between {first} and {last}."), where="year",
                          first=FIRST_YEAR, last=fiscal_year(today))
    return value


def _item_id(value: str, where: str) -> str:
    if value not in ITEMS_BY_ID:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Unknown check list item: {item}"), where=where, item=value)
    return value


def _view(sc: SelfCheck) -> SelfCheckView:
    answers = {a.item_id: a for a in sc.answers}
    return SelfCheckView(
        sc.id, sc.year, CheckerKind(sc.checker_kind), sc.checker_name, sc.answered_on, sc.note,
        tuple(AnswerView(item, bool(answers[item.id].checked) if item.id in answers else False,
                         answers[item.id].note if item.id in answers else "") for item in ITEMS))


def _find(session: Session, year: int, kind: CheckerKind) -> SelfCheck | None:
    return session.scalars(select(SelfCheck).where(SelfCheck.year == year, SelfCheck.checker_kind == kind)
                           .options(selectinload(SelfCheck.answers))).first()


def save_self_check(session: Session, fields: SelfCheckFields, *, today: date | None = None) -> SelfCheckView:
    """Keep a year's answers of one kind of checker; answering the same year again replaces them."""
    today = today or date.today()
    year = _year(fields.year, today)
    kind = _kind(fields.checker_kind)
    checked = {_item_id(i, "checked") for i in fields.checked}
    notes = {_item_id(i, "item_notes"): check.optional_text(text, MAX_NOTE, f"item_notes {i}")
             for i, text in dict(fields.item_notes).items()}
    answered_on = fields.answered_on or today
    if answered_on > today:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The date {date} is in the future."), where="answered_on",
                          date=answered_on.isoformat())
    sc = _find(session, year, kind)
    if sc is None:
        sc = SelfCheck(year=year, checker_kind=kind)
        session.add(sc)
    sc.checker_name = check.optional_text(fields.checker_name, MAX_NAME, "checker_name")
    sc.answered_on = answered_on
    sc.note = check.optional_text(fields.note, MAX_NOTE, "note")
    existing = {a.item_id: a for a in sc.answers}
    for item in ITEMS:  # every item gets a row: an unticked box is an answer too
        row = existing.get(item.id)
        if row is None:
            row = SelfCheckAnswer(item_id=item.id)
            sc.answers.append(row)
        row.checked = item.id in checked
        row.note = notes.get(item.id, "")
    session.flush()
    return _view(sc)


def get_self_check(session: Session, year: int, checker_kind: CheckerKind | str) -> SelfCheckView | None:
    sc = _find(session, year, _kind(checker_kind))
    return _view(sc) if sc is not None else None


def list_self_checks(session: Session) -> list[SelfCheckView]:
    """Every kept check list, newest year first, checker kinds in the seed's order."""
    order = {k: n for n, k in enumerate(CheckerKind)}
    rows = [_view(sc) for sc in session.scalars(select(SelfCheck).options(selectinload(SelfCheck.answers)))]
    return sorted(rows, key=lambda v: (-v.year, order[v.checker_kind]))


def compare_years(session: Session, checker_kind: CheckerKind | str, years: Iterable[int] | None = None
                  ) -> YearComparison:
    """One kind of checker's answers side by side, oldest year first (all answered years by default)."""
    kind = _kind(checker_kind)
    found = {sc.year: _view(sc) for sc in session.scalars(
        select(SelfCheck).where(SelfCheck.checker_kind == kind).options(selectinload(SelfCheck.answers)))}
    chosen = tuple(sorted(set(years))) if years is not None else tuple(sorted(found))
    sheets = [found.get(y) for y in chosen]
    answered = [s for s in sheets if s is not None]
    items = []
    for item in ITEMS:
        by_year = tuple((item.id in s.checked_ids) if s is not None else None for s in sheets)
        trend = Trend.UNKNOWN
        if len(answered) >= 2:  # a year nobody answered is skipped, not read as "not ticked"
            before, now = item.id in answered[-2].checked_ids, item.id in answered[-1].checked_ids
            trend = Trend.SAME if before == now else (Trend.IMPROVED if now else Trend.WORSENED)
        items.append(ItemComparison(item, by_year, trend))
    scores = {m.number: tuple(s.score(m.number)[0] if s is not None else None for s in sheets) for m in MECHANISMS}
    totals = tuple(s.score()[0] if s is not None else None for s in sheets)
    return YearComparison(kind, chosen, tuple(items), scores, totals)
