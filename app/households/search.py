"""Search households by name, kana reading or address, ignoring width and hiragana/katakana.

Queries of three characters or more go through the FTS5 trigram index (``app.models.search_index``),
so a city of 100,000 persons answers from the index; shorter ones (below the trigram size) read the
index entries once with a plain substring test and return the matching households in map-number order.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Uuid, bindparam, func, literal_column, or_, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.core.text import fold
from app.core.views import SearchHit
from app.models import Household, Person
from app.models.search_index import TRIGRAM, search_entry

HIT_COLUMNS = (Household.id, Household.town_id, Household.map_number, Household.name, Household.address)


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
            select(*HIT_COLUMNS)
            .select_from(search_entry)
            # "+" keeps SQLite from starting at the households: the few index hits must drive the join.
            .join(Household, Household.id == literal_column("+search_entry.household_id", Uuid))
            .where(search_entry.c.entry_id.in_(matches), Household.deleted_at.is_(None), live)
            .group_by(Household.id)
        )
    else:
        # Below the trigram size: one pass over the index entries (instr: a plain substring test, no
        # pattern), then the matching households in map-number order up to ``limit``.
        matching = select(search_entry.c.household_id).where(func.instr(search_entry.c.key, key) > 0, live)
        query = select(*HIT_COLUMNS).where(Household.deleted_at.is_(None), Household.id.in_(matching))
    query = query.order_by(Household.map_number).limit(limit)
    if town_id is not None:
        query = query.where(Household.town_id == town_id)
    households = session.execute(query).all()
    members: dict[uuid.UUID, list[tuple[str, str]]] = {}
    if households:
        # Plain columns, not ORM objects: the answer is needed while the user types.
        for household_id, name, person_key in session.execute(
            select(Person.household_id, Person.name, Person.search_key)
            .where(Person.household_id.in_([h.id for h in households]), Person.deleted_at.is_(None))
            .order_by(Person.sort_order)
        ):
            members.setdefault(household_id, []).append((name, person_key))
    hits: list[SearchHit] = []
    for h in households:
        people = members.get(h.id, [])
        matched = next((name for name, person_key in people if key in person_key), "")
        label = h.name or (people[0][0] if people else h.address)
        hits.append(SearchHit(h.id, h.town_id, h.map_number, label, h.address, matched))
    return hits
