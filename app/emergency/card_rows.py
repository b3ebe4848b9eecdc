"""Step III's list read as plain rows (Core): the town's cards, contacts and the agencies they name, each in one
query whatever the size of the town (app/emergency/cards.py makes the views)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Collection

from sqlalchemy import Row, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from app.core.batches import chunks
from app.models import Household, Person, stored
from app.models.emergency import Agency, EmergencyCard, EmergencyContact

# The card's columns; its person's and agencies' ids as stored (hex text, compared and looked up as they are: a UUID
# made for each of a city's cards cost more than the read), under the names ``missing_items`` reads, in the order
# ``cards._card_views`` unpacks them.
CARD_COLUMNS = (stored(EmergencyCard.person_id, "person_key"), stored(EmergencyCard.family_doctor_id, "family_doctor_id"),
                EmergencyCard.family_doctor_text, EmergencyCard.care_level, EmergencyCard.medical_notes,
                EmergencyCard.care_manager_name, stored(EmergencyCard.care_office_id, "care_office_id"),
                stored(EmergencyCard.support_centre_id, "support_centre_id"),
                EmergencyCard.welfare_commissioner_name, EmergencyCard.welfare_commissioner_phone,
                EmergencyCard.kept_at, EmergencyCard.note, EmergencyCard.made_on, EmergencyCard.review_on)


def card_rows(session: Session, town_id: uuid.UUID, known: Collection[str]) -> tuple[dict[str, Row], list[Row]]:
    """The live cards of the town's live persons, by person key (the card's columns, ids as stored), and the
    persons and households of those who hold one but are not in ``known`` (the stored ids of the town's live persons
    already read: its persons of concern).

    The cards are read from their table alone and kept where their person is known; only the others' persons are
    looked up, by key, with the town checked in SQL. Joined to every card's person and household, the read looked
    up both for each card: 150 ms against 17 ms at 50,000 households with their cards."""
    known = known if isinstance(known, (set, frozenset)) else set(known)
    db = session.connection()  # Core rows: no ORM step per row
    live = {r[0]: r for r in db.execute(select(*CARD_COLUMNS).where(EmergencyCard.deleted_at.is_(None))).all()}
    cards = {key: r for key, r in live.items() if key in known}
    holders: list[Row] = []
    for chunk in chunks(sorted(key for key in live if key not in known)):
        holders += session.execute(
            select(Person.id.label("person_id"), Person.household_id, Person.name, Person.kana, Person.birth_date,
                   Person.phone, Person.of_concern, Person.concerns, Person.sort_order, Household.map_number,
                   Household.name.label("household_name"), Household.address, Household.lat, Household.lon)
            .join(Household, Household.id == Person.household_id)
            .where(Person.id.in_([uuid.UUID(hex=key) for key in chunk]), Person.deleted_at.is_(None),
                   Household.deleted_at.is_(None), Household.town_id == town_id))
    cards.update((r.person_id.hex, live[r.person_id.hex]) for r in holders)
    return cards, holders


def contacts_of(session: Session, person_keys: Collection[str]) -> dict[str, list[Row]]:
    """Live emergency contacts of the persons ``person_keys`` (their ids as stored: ``stored(Person.id)``), by
    person, first called first; each row: contact_key, person_key, priority, name, relationship, phone, address
    (the keys as stored). One read of the contact table alone. Joined to the persons and households to find
    the town's, it looked up both for every contact (150 ms against 15 ms at 50,000 households)."""
    wanted = person_keys if isinstance(person_keys, (set, frozenset)) else set(person_keys)
    rows = session.connection().execute(  # Core rows: no ORM step per row
        # the contact's id as stored: made a UUID by the list that shows it (the sheet prints none)
        select(stored(EmergencyContact.id, "contact_key"), stored(EmergencyContact.person_id, "person_key"),
               EmergencyContact.priority, EmergencyContact.name, EmergencyContact.relationship, EmergencyContact.phone,
               EmergencyContact.address)
        .where(EmergencyContact.deleted_at.is_(None))
        .order_by(EmergencyContact.priority, EmergencyContact.created_at)
    ).all()  # one fetch of them all: iterated, the result fetched them one call per row
    found: dict[str, list[Row]] = {}
    for r in rows:
        key = r[1]  # person_key
        if key in wanted:
            found.setdefault(key, []).append(r)
    return found


def agency_rows(session: Session, keys: Collection[str | None]) -> dict[str, Row]:
    """The agencies the cards name (``keys``: their ids as stored, as the card rows hold them; empty and None
    skipped), archived ones included, every column, by stored key (one query per 5,000 agencies)."""
    found: dict[str, Row] = {}
    for chunk in chunks(sorted({key for key in keys if key})):
        found.update((r.id.hex, r) for r in session.execute(
            select(*Agency.__table__.c).where(Agency.id.in_([uuid.UUID(hex=key) for key in chunk]))))
    return found


# ---------------------------------------------------------------- the emergency contact sheet (app/emergency/contact_sheet.py)
# The sheet shows a few columns of each person needing support: they are read straight into plain tuples, one query
# per kind of row (persons with their card; the watchers in app/emergency/contact_sheet.py), ids kept as their stored
# text; contacts and agencies are read as Step III reads them.



def sheet_person_rows(session: Session, town_id: uuid.UUID) -> list[Row]:
    """The town's live persons needing support (of concern, or with a live card) with the columns the sheet prints,
    their consent and their card's, in map-number order, persons of concern first within a place (one query).

    Each row: person_key, name, kana, phone, of_concern, consent, consent_watchers, consent_agencies, consent_map,
    deleted_at (always None: with the consent, the columns the consent rule reads), map_number, address, lat,
    lon, has_card, family_doctor_key, family_doctor_text, care_level, medical_notes,
    care_manager_name, care_office_key, support_centre_key, note."""
    return list(session.execute(_sheet_persons(), {"town_id": town_id}))


@functools.cache
def _sheet_persons() -> Select:
    """``sheet_person_rows``' statement, built once (the town is a parameter)."""
    card = EmergencyCard
    return (
        select(stored(Person.id, "person_key"), Person.name, Person.kana, Person.phone, Person.of_concern,
               Person.consent, Person.consent_watchers, Person.consent_agencies, Person.consent_map,
               Person.deleted_at, Household.map_number, Household.address, Household.lat, Household.lon,
               card.person_id.is_not(None).label("has_card"), stored(card.family_doctor_id, "family_doctor_key"),
               card.family_doctor_text, card.care_level, card.medical_notes, card.care_manager_name,
               stored(card.care_office_id, "care_office_key"),
               stored(card.support_centre_id, "support_centre_key"), card.note)
        .join(Household, Person.household_id == Household.id)
        .outerjoin(card, (card.person_id == Person.id) & card.deleted_at.is_(None))
        # The town through coalesce(), which no index serves: SQLite starts from the persons of concern
        # (ix_person_of_concern) and the live cards, then reads each one's household by key, never the town's
        # households and all their members.
        .where(func.coalesce(Household.town_id, Household.town_id) == bindparam("town_id"),
               Household.deleted_at.is_(None), Person.deleted_at.is_(None),
               # Tested on the member alone, before its household is read: most members need no support.
               or_(Person.of_concern.is_(True),
                   Person.id.in_(select(card.person_id).where(card.deleted_at.is_(None)).scalar_subquery())))
        .order_by(Household.map_number, Person.sort_order, Person.of_concern.is_not(True))
    )
