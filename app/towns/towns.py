"""Districts (地区) and towns (町内)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.views import TownView
from app.models import District, Household, Town


def _clean_name(value: str, where: str) -> str:
    value = value.strip()
    if not value:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Please enter a name."), where=where)
    if len(value) > 100:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Too long: {length} characters (at most {limit})."),
                          where=where, length=len(value), limit=100)
    return value


def create_town(
    session: Session, district_name: str, town_name: str, *, center: tuple[float, float] | None = None
) -> TownView:
    """Create a town in a district (the district is created when new)."""
    district_name = _clean_name(district_name, "district")
    town_name = _clean_name(town_name, "town")
    district = session.scalar(select(District).where(District.name == district_name))
    if district is None:
        district = District(name=district_name)
        session.add(district)
        session.flush()
    elif session.scalar(select(Town).where(Town.district_id == district.id, Town.name == town_name)):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{district} already has a town called {town}."),
                          where="town", district=district_name, town=town_name)
    town = Town(district_id=district.id, name=town_name)
    if center is not None:
        town.center_lat, town.center_lon = center
    session.add(town)
    session.flush()
    return _view(town, district, 0)


def _view(town: Town, district: District, count: int) -> TownView:
    center = (town.center_lat, town.center_lon) if town.center_lat is not None and town.center_lon is not None else None
    return TownView(town.id, town.name, district.id, district.name, center, count)


def list_towns(session: Session) -> list[TownView]:
    counts = (
        select(Household.town_id, func.count().label("n"))
        .where(Household.deleted_at.is_(None))
        .group_by(Household.town_id)
        .subquery()
    )
    rows = session.execute(
        select(Town, District, func.coalesce(counts.c.n, 0))
        .join(District, Town.district_id == District.id)
        .outerjoin(counts, counts.c.town_id == Town.id)
        .order_by(District.name, Town.name)
    )
    return [_view(t, d, n) for t, d, n in rows]


def get_town(session: Session, town_id: uuid.UUID) -> TownView:
    town = session.get(Town, town_id)
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    count = session.scalar(
        select(func.count()).select_from(Household).where(Household.town_id == town_id, Household.deleted_at.is_(None))
    )
    return _view(town, town.district, count or 0)


def find_town(session: Session, name: str) -> TownView:
    """Find a town by its name, or by "district town" when two districts share a town name."""
    name = name.strip()
    matches = [t for t in list_towns(session) if name in (t.name, t.full_name, f"{t.district_name}{t.name}")]
    if not matches:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No town called {name} in this ledger."), where="town", name=name)
    if len(matches) > 1:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Several towns are called {name}; add the district name."),
                          where="town", name=name)
    return matches[0]
