"""The overview (集計): counts per town and district, for 社協 staff and the district network meeting.

Households by category, persons of concern, watched or not, emergency cards made, reviews up to
date. Counts only, never names: the overview may be shown and printed freely.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, NotFound
from app.meeting.meetings import review_cutoff
from app.models import District, EmergencyCard, Household, HouseholdCategory, Person, Town, household_category_link
from app.models.meeting import PersonReview
from app.models.watch import Watcher, WatchLink


@dataclass(frozen=True)
class OverviewCategory:
    code: str
    label: str
    color: str


@dataclass(frozen=True)
class OverviewRow:
    """The counts of one town, one district (its towns added up) or the whole ledger."""

    level: str  # "town", "district" or "total"
    district_id: uuid.UUID | None
    district_name: str
    town_id: uuid.UUID | None
    town_name: str
    households: int = 0
    by_category: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    persons_of_concern: int = 0
    watched: int = 0
    cards: int = 0  # emergency contact cards made (anyone's, not only persons of concern)
    reviews_up_to_date: int = 0  # persons of concern reviewed in the last 12 months

    @property
    def not_watched(self) -> int:
        return self.persons_of_concern - self.watched

    @property
    def reviews_due(self) -> int:
        return self.persons_of_concern - self.reviews_up_to_date

    @property
    def name(self) -> str:
        return self.town_name or self.district_name

    def category(self, code: str) -> int:
        return self.by_category.get(code, 0)


@dataclass(frozen=True)
class Overview:
    today: date
    categories: tuple[OverviewCategory, ...]
    towns: tuple[OverviewRow, ...]  # by district, then town name
    districts: tuple[OverviewRow, ...]
    total: OverviewRow

    def rows(self) -> list[OverviewRow]:
        """Each district's towns followed by the district's subtotal, then the total: the table as printed."""
        out: list[OverviewRow] = []
        for d in self.districts:
            out += [t for t in self.towns if t.district_id == d.district_id]
            out.append(d)
        out.append(self.total)
        return out


COLUMN_TEXT = {
    "households": QT_TRANSLATE_NOOP("overview", "Households"),
    "persons_of_concern": QT_TRANSLATE_NOOP("overview", "Persons of concern"),
    "watched": QT_TRANSLATE_NOOP("overview", "Watched"),
    "not_watched": QT_TRANSLATE_NOOP("overview", "Not watched"),
    "cards": QT_TRANSLATE_NOOP("overview", "Emergency cards made"),
    "reviews_up_to_date": QT_TRANSLATE_NOOP("overview", "Reviewed in the last 12 months"),
    "reviews_due": QT_TRANSLATE_NOOP("overview", "Review due"),
}
COLUMN_LABELS = {
    "households": "世帯数",
    "persons_of_concern": "気がかりな人",
    "watched": "見守りあり",
    "not_watched": "見守りなし",
    "cards": "緊急連絡カード作成",
    "reviews_up_to_date": "見直し済み（12か月以内）",
    "reviews_due": "見直し未了",
}


def _counts(session: Session, query) -> dict[uuid.UUID, int]:  # noqa: ANN001 - a (town_id, count) select
    return {town_id: n for town_id, n in session.execute(query)}


def overview(session: Session, *, district_id: uuid.UUID | None = None, today: date | None = None) -> Overview:
    """Counts per town, per district and in total (only ``district_id``'s towns when given)."""
    today = today or date.today()
    town_query = (select(Town, District).join(District, Town.district_id == District.id)
                  .order_by(District.name, Town.name))
    if district_id is not None:
        if session.get(District, district_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This district is no longer in the ledger."))
        town_query = town_query.where(Town.district_id == district_id)
    towns = list(session.execute(town_query))
    town_ids = [t.id for t, _ in towns]
    categories = tuple(OverviewCategory(c.code, c.label, c.color) for c in session.scalars(
        select(HouseholdCategory).order_by(HouseholdCategory.priority, HouseholdCategory.code)))

    live_home = (Household.deleted_at.is_(None), Household.town_id.in_(town_ids))
    households = _counts(session, select(Household.town_id, func.count()).where(*live_home)
                         .group_by(Household.town_id))
    by_category: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for town_id, code, n in session.execute(
            select(Household.town_id, HouseholdCategory.code, func.count())
            .join(household_category_link, household_category_link.c.household_id == Household.id)
            .join(HouseholdCategory, HouseholdCategory.id == household_category_link.c.category_id)
            .where(*live_home).group_by(Household.town_id, HouseholdCategory.code)):
        by_category[town_id][code] = n

    def persons(*conditions) -> dict[uuid.UUID, int]:  # noqa: ANN002
        return _counts(session, select(Household.town_id, func.count(Person.id))
                       .join(Household, Person.household_id == Household.id)
                       .where(*live_home, Person.deleted_at.is_(None), *conditions).group_by(Household.town_id))

    watched_ids = (select(WatchLink.person_id).join(Watcher, WatchLink.watcher_id == Watcher.id)
                   .where(WatchLink.deleted_at.is_(None), Watcher.deleted_at.is_(None)))
    reviewed_ids = select(PersonReview.person_id).where(PersonReview.deleted_at.is_(None),
                                                        PersonReview.reviewed_on > review_cutoff(today))
    carded_ids = select(EmergencyCard.person_id).where(EmergencyCard.deleted_at.is_(None))
    concern = Person.of_concern.is_(True)
    of_concern = persons(concern)
    watched = persons(concern, Person.id.in_(watched_ids))
    reviewed = persons(concern, Person.id.in_(reviewed_ids))
    cards = persons(Person.id.in_(carded_ids))

    town_rows = tuple(
        OverviewRow("town", d.id, d.name, t.id, t.name, households.get(t.id, 0), dict(by_category.get(t.id, {})),
                    of_concern.get(t.id, 0), watched.get(t.id, 0), cards.get(t.id, 0), reviewed.get(t.id, 0))
        for t, d in towns)
    district_rows = []
    for d_id in dict.fromkeys(r.district_id for r in town_rows):
        mine = [r for r in town_rows if r.district_id == d_id]
        district_rows.append(_sum("district", mine, d_id, mine[0].district_name))
    return Overview(today, categories, town_rows, tuple(district_rows), _sum("total", list(town_rows), None, ""))


def _sum(level: str, rows: list[OverviewRow], district_id: uuid.UUID | None, district_name: str) -> OverviewRow:
    by_category: dict[str, int] = defaultdict(int)
    for r in rows:
        for code, n in r.by_category.items():
            by_category[code] += n
    return OverviewRow(level, district_id, district_name, None, "",
                       sum(r.households for r in rows), dict(by_category),
                       sum(r.persons_of_concern for r in rows), sum(r.watched for r in rows),
                       sum(r.cards for r in rows), sum(r.reviews_up_to_date for r in rows))
