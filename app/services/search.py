"""Search households by name, kana reading or address, ignoring width and hiragana/katakana.

Queries of three characters or more go through the FTS5 trigram index (``app.models.search_index``),
so a city of 100,000 persons answers from the index; shorter ones (below the trigram size) walk the
households in map-number order, matching their index entries with LIKE, and stop at ``limit`` hits.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Uuid, bindparam, literal_column, or_, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.models import Household, Person
from app.models.search_index import TRIGRAM, search_entry
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
    # A matching entry leads to its household; a person's entry only while the person is not deleted.
    live_member = select(Person.id).where(Person.id == search_entry.c.owner_id, Person.deleted_at.is_(None))
    live = or_(search_entry.c.kind == "h", live_member.exists())
    if len(key) >= TRIGRAM:
        # Driven by the index. The quoted phrase ("" inside) makes FTS5 read the query as plain text.
        matches = sql("SELECT rowid FROM search_fts WHERE search_fts MATCH :phrase").bindparams(
            bindparam("phrase", '"' + key.replace('"', '""') + '"'))
        query = (
            select(Household)
            .select_from(search_entry)
            # "+" keeps SQLite from starting at the households: the few index hits must drive the join.
            .join(Household, Household.id == literal_column("+search_entry.household_id", Uuid))
            .where(search_entry.c.entry_id.in_(matches), Household.deleted_at.is_(None), live)
            .group_by(Household.id)
        )
    else:
        # Below the trigram size: walk the households in map-number order and stop at ``limit`` hits.
        entry = (
            select(search_entry.c.entry_id)
            .where(search_entry.c.household_id == Household.id,
                   search_entry.c.key.like(_like(key), escape="\\"), live)
        )
        query = select(Household).where(Household.deleted_at.is_(None), entry.exists())
    query = query.order_by(Household.map_number).limit(limit)
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
