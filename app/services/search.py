"""Search households by name, kana reading or address, ignoring width and hiragana/katakana."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import Household, Person
from app.services.text import fold
from app.services.views import SearchHit


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(session: Session, text: str, *, town_id: uuid.UUID | None = None, limit: int = 50) -> list[SearchHit]:
    """Households whose name or address, or one of whose members' name or kana, contains ``text``."""
    key = fold(text)
    if not key:
        return []
    pattern = _like(key)
    member = (
        select(Person.household_id)
        .where(Person.deleted_at.is_(None), Person.search_key.like(pattern, escape="\\"))
    )
    query = (
        select(Household)
        .where(
            Household.deleted_at.is_(None),
            or_(Household.search_key.like(pattern, escape="\\"), Household.id.in_(member)),
        )
        .order_by(Household.map_number)
        .limit(limit)
    )
    if town_id is not None:
        query = query.where(Household.town_id == town_id)
    hits: list[SearchHit] = []
    households = list(session.scalars(query))
    persons: dict[uuid.UUID, list[Person]] = {}
    if households:
        for p in session.scalars(
            select(Person).where(Person.household_id.in_([h.id for h in households]), Person.deleted_at.is_(None))
            .order_by(Person.sort_order)
        ):
            persons.setdefault(p.household_id, []).append(p)
    for h in households:
        members = persons.get(h.id, [])
        matched = next((p.name for p in members if key in p.search_key), "")
        label = h.name or (members[0].name if members else h.address)
        hits.append(SearchHit(h.id, h.town_id, h.map_number, label, h.address, matched))
    return hits
