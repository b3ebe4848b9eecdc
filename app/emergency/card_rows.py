"""Step III's list read as plain rows (Core): the town's cards, contacts and the agencies they name, each in one
query whatever the size of the town (app/emergency/cards.py makes the views)."""

from __future__ import annotations

import functools
import uuid

from sqlalchemy import Row, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from app.core.batches import chunks
from app.models import Household, Person, stored
from app.models.emergency import Agency, EmergencyCard, EmergencyContact


def card_rows(session: Session, town_id: uuid.UUID) -> list[Row]:
    """The live cards of the town's live persons, with the person's and household's columns (one query).

    Read from the card table (SQLite goes card → person → household by key, never over every member); the town
    is checked on the rows, so the planner is not tempted to start from the town's households."""
    rows = session.execute(
        select(EmergencyCard.person_id, EmergencyCard.family_doctor_id, EmergencyCard.family_doctor_text,
               EmergencyCard.care_level, EmergencyCard.medical_notes, EmergencyCard.care_manager_name,
               EmergencyCard.care_office_id, EmergencyCard.support_centre_id, EmergencyCard.welfare_commissioner_name,
               EmergencyCard.welfare_commissioner_phone, EmergencyCard.kept_at, EmergencyCard.note,
               EmergencyCard.made_on, EmergencyCard.review_on,
               Person.household_id, Person.name, Person.kana, Person.birth_date, Person.phone, Person.of_concern,
               Person.concerns, Person.sort_order, Household.town_id, Household.map_number,
               Household.name.label("household_name"), Household.address, Household.lat, Household.lon)
        .join(Person, Person.id == EmergencyCard.person_id)
        .join(Household, Household.id == Person.household_id)
        .where(EmergencyCard.deleted_at.is_(None), Person.deleted_at.is_(None), Household.deleted_at.is_(None))
    )
    return [r for r in rows if r.town_id == town_id]


def town_contacts(session: Session, town_id: uuid.UUID) -> dict[uuid.UUID, list[Row]]:
    """Live emergency contacts of the town's live persons, by person, first called first (one query, read from
    the contacts: the town is checked on the rows, as in ``card_rows``)."""
    rows = session.execute(
        select(EmergencyContact.id, EmergencyContact.person_id, EmergencyContact.priority, EmergencyContact.name,
               EmergencyContact.relationship, EmergencyContact.phone, EmergencyContact.address, Household.town_id)
        .join(Person, Person.id == EmergencyContact.person_id)
        .join(Household, Household.id == Person.household_id)
        .where(EmergencyContact.deleted_at.is_(None))
        .order_by(EmergencyContact.priority, EmergencyContact.created_at)
    )
    found: dict[uuid.UUID, list[Row]] = {}
    for r in rows:
        if r.town_id == town_id:
            found.setdefault(r.person_id, []).append(r)
    return found


def agency_rows(session: Session, ids: set[uuid.UUID]) -> list[Row]:
    """The agencies the cards name, archived ones included, every column (one query per 5,000 agencies)."""
    found: list[Row] = []
    for chunk in chunks(sorted(ids)):
        found += session.execute(select(*Agency.__table__.c).where(Agency.id.in_(chunk)))
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
