"""Step III: the agency directory, emergency contact cards and contacts, who still lacks one, nearest shelter."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core import validators as check
from app.core.batches import chunks, no_gc_pauses
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.records import live
from app.core.text import fold, search_key
from app.core.views import PersonView
from app.emergency.card_rows import agency_rows, card_rows, contacts_of
from app.emergency.hazard_shelter import ShelterFinder
from app.emergency.views import (
    AgencyFields,
    AgencyView,
    CardFields,
    CardRole,
    CardView,
    ContactFields,
    ContactView,
    Missing,
    NearestShelter,
    ReferenceFeatureView,
)
from app.models import Household, Person, Town, utcnow
from app.models.emergency import Agency, AgencyKind, EmergencyCard, EmergencyContact, ReferenceFeature, ReferenceKind
from app.models.watch import Watcher, WatchLink
from app.watch import network as watch
from app.watch.list_rows import uuid_of_stored
from app.watch.views import ConcernView

MAX_NAME, MAX_ADDRESS, MAX_PHONE, MAX_SHORT, MAX_LONG = 200, 300, 50, 100, 4000
MIN_CONTACTS = 2  # the Echizen card asks for two people to call, in order
EARTH_RADIUS_M = 6_371_008.8


# ---------------------------------------------------------------- validation


def _kind(value: AgencyKind | str) -> AgencyKind:
    return check.choice(AgencyKind, value, where="kind", param="kind",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown kind of agency: {kind}"))


def check_lat_lon(lat: float | None, lon: float | None, where: str = "position") -> None:
    if lat is None and lon is None:
        return
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Latitude {lat} / longitude {lon} is not on Earth."),
                          where=where, lat=lat, lon=lon)


# ---------------------------------------------------------------- agencies


def agency_view(a: Agency | Row[Any]) -> AgencyView:
    """From the object, or from a plain row of the agency table (list reads)."""
    return AgencyView(
        a.id, AgencyKind(a.kind), a.name, a.phone, a.address, a.kana, a.fax, a.area_served, a.services,
        a.office_number, a.note, a.lat, a.lon, a.source, a.credit, a.deleted_at is not None,
    )


def _load_agency(session: Session, agency_id: uuid.UUID, *, include_archived: bool = False) -> Agency:
    return live(session, Agency, agency_id, QT_TRANSLATE_NOOP("errors", "This agency is no longer in the directory."),
                include_archived=include_archived)


def apply_agency(a: Agency, fields: AgencyFields) -> None:
    a.kind = _kind(fields.kind)
    a.name = check.text(fields.name, MAX_NAME, "name", required=True)
    a.kana = check.text(fields.kana, MAX_NAME, "kana")
    a.phone = check.text(fields.phone, MAX_PHONE, "phone")
    a.fax = check.text(fields.fax, MAX_PHONE, "fax")
    a.address = check.text(fields.address, MAX_ADDRESS, "address")
    a.area_served = check.text(fields.area_served, MAX_LONG, "area_served")
    a.services = check.text(fields.services, MAX_LONG, "services")
    a.office_number = check.text(fields.office_number, 20, "office_number")
    a.note = check.text(fields.note, MAX_LONG, "note")
    check_lat_lon(fields.lat, fields.lon)
    a.lat, a.lon = fields.lat, fields.lon
    a.source = check.text(fields.source, 255, "source")
    a.credit = check.text(fields.credit, MAX_LONG, "credit")
    a.search_key = search_key(a.name, a.kana, a.address, a.phone)


def add_agency(session: Session, fields: AgencyFields, *, agency_id: uuid.UUID | None = None) -> AgencyView:
    a = Agency(id=agency_id or uuid.uuid4())
    apply_agency(a, fields)
    session.add(a)
    session.flush()
    return agency_view(a)


def edit_agency(session: Session, agency_id: uuid.UUID, fields: AgencyFields) -> AgencyView:
    a = _load_agency(session, agency_id)
    apply_agency(a, fields)
    session.flush()
    return agency_view(a)


def get_agency(session: Session, agency_id: uuid.UUID) -> AgencyView:
    return agency_view(_load_agency(session, agency_id, include_archived=True))


def archive_agency(session: Session, agency_id: uuid.UUID) -> AgencyView:
    """Take an agency out of the pickers; cards that name it keep printing it until relinked."""
    a = _load_agency(session, agency_id)
    a.deleted_at = utcnow()
    session.flush()
    return agency_view(a)


def restore_agency(session: Session, agency_id: uuid.UUID) -> AgencyView:
    a = _load_agency(session, agency_id, include_archived=True)
    a.deleted_at = None
    session.flush()
    return agency_view(a)


def list_agencies(
    session: Session,
    kinds: Iterable[AgencyKind | str] | None = None,
    *,
    text: str = "",
    include_archived: bool = False,
) -> list[AgencyView]:
    """The directory in kind then kana/name order; ``text`` matches name, kana, address or phone."""
    query = select(Agency)
    if kinds is not None:
        query = query.where(Agency.kind.in_([_kind(k) for k in kinds]))
    if not include_archived:
        query = query.where(Agency.deleted_at.is_(None))
    if text.strip():
        query = query.where(Agency.search_key.contains(fold(text)))
    rows = [agency_view(a) for a in session.scalars(query)]
    order = list(AgencyKind)
    return sorted(rows, key=lambda a: (order.index(a.kind), fold(a.kana or a.name)))


def persons_linked_to(session: Session, agency_id: uuid.UUID) -> list[PersonView]:
    """Persons whose card names this agency (as doctor, care office or support centre)."""
    cards = session.scalars(
        select(EmergencyCard)
        .join(Person, EmergencyCard.person_id == Person.id)
        .where(
            EmergencyCard.deleted_at.is_(None),
            Person.deleted_at.is_(None),
            or_(EmergencyCard.family_doctor_id == agency_id, EmergencyCard.care_office_id == agency_id,
                EmergencyCard.support_centre_id == agency_id),
        )
        .options(selectinload(EmergencyCard.person))
    )
    return [_person_view(c.person) for c in cards]


# ---------------------------------------------------------------- cards and contacts


def _person_view(p: Person) -> PersonView:
    return PersonView(p.id, p.household_id, p.name, p.kana, p.birth_date, p.phone, p.of_concern, p.concerns)


def _load_person(session: Session, person_id: uuid.UUID) -> Person:
    return live(session, Person, person_id, QT_TRANSLATE_NOOP("errors", "This person is no longer in the ledger."),
                parent=lambda p: p.household)


def _card(session: Session, person_id: uuid.UUID, *, include_deleted: bool = False) -> EmergencyCard | None:
    card = session.scalar(select(EmergencyCard).where(EmergencyCard.person_id == person_id))
    if card is not None and card.deleted_at is not None and not include_deleted:
        return None
    return card


def _contacts(session: Session, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[EmergencyContact]]:
    found: dict[uuid.UUID, list[EmergencyContact]] = {}
    if not person_ids:
        return found
    for chunk in chunks(person_ids):  # SQLite takes at most 32,766 variables per statement
        rows = session.scalars(
            select(EmergencyContact)
            .where(EmergencyContact.person_id.in_(chunk), EmergencyContact.deleted_at.is_(None))
            .order_by(EmergencyContact.priority, EmergencyContact.created_at)
        )
        for c in rows:
            found.setdefault(c.person_id, []).append(c)
    return found


def _contact_view(c: EmergencyContact) -> ContactView:
    return ContactView(c.id, c.person_id, c.priority, c.name, c.relationship, c.phone, c.address)


def missing_items(card: EmergencyCard | Row[Any] | None,
                  contacts: Sequence[EmergencyContact | ContactView]) -> tuple[Missing, ...]:
    """What keeps a card from being complete (reported, never a reason to refuse saving). ``card`` is the
    object or a plain row of the card table (list reads)."""
    missing: list[Missing] = []
    if card is None:
        missing.append(Missing.CARD)
    if len(contacts) < MIN_CONTACTS:
        missing.append(Missing.CONTACTS)
    if any(not c.phone for c in contacts):
        missing.append(Missing.CONTACT_PHONE)
    if card is not None:
        if card.family_doctor_id is None and not card.family_doctor_text:
            missing.append(Missing.FAMILY_DOCTOR)
        if card.support_centre_id is None:
            missing.append(Missing.SUPPORT_CENTRE)
        if not card.welfare_commissioner_name:
            missing.append(Missing.WELFARE_COMMISSIONER)
        if not card.kept_at:
            missing.append(Missing.KEPT_AT)
        if card.review_on is None:
            missing.append(Missing.REVIEW_DATE)
    return tuple(missing)


def _agency_or_none(a: Agency | None) -> AgencyView | None:
    return agency_view(a) if a is not None else None


def _card_view(
    p: Person,
    card: EmergencyCard | None,
    contacts: list[EmergencyContact],
    watchers: tuple[str, ...],
    shelter: NearestShelter,
) -> CardView:
    h = p.household
    common: dict[str, Any] = dict(
        person=_person_view(p), household_id=h.id, map_number=h.map_number, household_name=h.name,
        address=h.address, town_name=h.town.name, contacts=tuple(_contact_view(c) for c in contacts),
        watchers=watchers, shelter=shelter, missing=missing_items(card, contacts),
    )
    if card is None:
        return CardView(has_card=False, **common)
    return CardView(
        has_card=True,
        family_doctor=_agency_or_none(card.family_doctor),
        family_doctor_text=card.family_doctor_text,
        care_level=card.care_level,
        medical_notes=card.medical_notes,
        care_manager_name=card.care_manager_name,
        care_office=_agency_or_none(card.care_office),
        support_centre=_agency_or_none(card.support_centre),
        welfare_commissioner_name=card.welfare_commissioner_name,
        welfare_commissioner_phone=card.welfare_commissioner_phone,
        kept_at=card.kept_at,
        note=card.note,
        made_on=card.made_on,
        review_on=card.review_on,
        **common,
    )


def watcher_names(session: Session, town_id: uuid.UUID,
                  person_id: uuid.UUID | None = None) -> dict[uuid.UUID, tuple[str, ...]]:
    """Each person of concern's current watchers (Step II), by person id, for the sheet's 見守り者 column.

    One query (names only, no ORM objects); ``person_id`` narrows it to one person.
    """
    query = (
        select(WatchLink.person_id, Watcher.name)
        .join(Watcher, WatchLink.watcher_id == Watcher.id)
        .join(Person, Person.id == WatchLink.person_id)
        .join(Household, Person.household_id == Household.id)
        # Watchers belong to the town of the persons they watch (link_watcher checks it): starting from the
        # town's watchers lets SQLite read the links and then each person by key, not every member of the town.
        .where(Watcher.town_id == town_id, Household.town_id == town_id, Household.deleted_at.is_(None),
               Person.deleted_at.is_(None), Person.of_concern.is_(True), WatchLink.deleted_at.is_(None),
               Watcher.deleted_at.is_(None))
        .order_by(WatchLink.person_id, WatchLink.sort_order, WatchLink.created_at)
    )
    if person_id is not None:
        query = query.where(WatchLink.person_id == person_id)
    found: dict[uuid.UUID, list[str]] = {}
    for pid, name in session.execute(query):
        found.setdefault(pid, []).append(name)
    return {pid: tuple(names) for pid, names in found.items()}


def _check_agency(session: Session, agency_id: uuid.UUID | None, where: str) -> uuid.UUID | None:
    if agency_id is None:
        return None
    # An archived agency stays on the cards that name it (the directory shows it as archived).
    return live(session, Agency, agency_id, QT_TRANSLATE_NOOP("errors", "This agency is no longer in the directory."),
                include_archived=True, where=where).id


def _apply_card(session: Session, card: EmergencyCard, f: CardFields) -> None:
    card.family_doctor_id = _check_agency(session, f.family_doctor_id, "family_doctor")
    card.family_doctor_text = check.text(f.family_doctor_text, MAX_ADDRESS, "family_doctor")
    card.care_level = check.text(f.care_level, MAX_SHORT, "care_level")
    card.medical_notes = check.text(f.medical_notes, MAX_LONG, "medical_notes")
    card.care_manager_name = check.text(f.care_manager_name, MAX_NAME, "care_manager")
    card.care_office_id = _check_agency(session, f.care_office_id, "care_office")
    card.support_centre_id = _check_agency(session, f.support_centre_id, "support_centre")
    card.welfare_commissioner_name = check.text(f.welfare_commissioner_name, MAX_NAME, "welfare_commissioner")
    card.welfare_commissioner_phone = check.text(f.welfare_commissioner_phone, MAX_PHONE, "welfare_commissioner_phone")
    card.kept_at = check.text(f.kept_at, MAX_NAME, "kept_at")
    card.note = check.text(f.note, MAX_LONG, "note")
    if f.made_on and f.review_on and f.review_on < f.made_on:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The review date is before the date the card was made."),
                          where="review_on")
    card.made_on, card.review_on = f.made_on, f.review_on


def _check_contacts(contacts: Sequence[ContactFields]) -> list[ContactFields]:
    checked = []
    for i, c in enumerate(contacts, start=1):
        if not any((c.name.strip(), c.phone.strip(), c.relationship.strip(), c.address.strip())):
            continue  # an empty row of the form: nothing typed
        where = f"contacts[{i}]"
        checked.append(ContactFields(
            check.text(c.name, MAX_NAME, f"{where}.name", required=True),
            check.text(c.relationship, MAX_SHORT, f"{where}.relationship"),
            check.text(c.phone, MAX_PHONE, f"{where}.phone"),
            check.text(c.address, MAX_ADDRESS, f"{where}.address"),
        ))
    return checked


def save_card(
    session: Session,
    person_id: uuid.UUID,
    fields: CardFields,
    contacts: Sequence[ContactFields] | None = None,
) -> CardView:
    """Create or update a person's card; ``contacts`` (in priority order) replace the old list when given.

    An incomplete card is saved as it is: ``CardView.missing`` says what it still lacks.
    """
    p = _load_person(session, person_id)
    checked = _check_contacts(contacts) if contacts is not None else None
    card = _card(session, person_id, include_deleted=True)
    if card is None:
        card = EmergencyCard(person_id=person_id)
        session.add(card)
    card.deleted_at = None
    _apply_card(session, card, fields)
    if checked is not None:
        _replace_contacts(session, person_id, checked)
    session.flush()
    session.refresh(card)
    return get_card(session, p.id)


def _replace_contacts(session: Session, person_id: uuid.UUID, contacts: Sequence[ContactFields]) -> None:
    now = utcnow()
    for old in _contacts(session, [person_id]).get(person_id, []):
        old.deleted_at = now  # tombstones: undo can bring the old list back
    for priority, c in enumerate(contacts, start=1):
        session.add(EmergencyContact(person_id=person_id, priority=priority, name=c.name,
                                     relationship=c.relationship, phone=c.phone, address=c.address))


def set_contacts(session: Session, person_id: uuid.UUID, contacts: Sequence[ContactFields]) -> tuple[ContactView, ...]:
    """Replace a person's emergency contacts with ``contacts``, first called first."""
    _load_person(session, person_id)
    _replace_contacts(session, person_id, _check_contacts(contacts))
    session.flush()
    return tuple(_contact_view(c) for c in _contacts(session, [person_id]).get(person_id, []))


def link_agency(session: Session, person_id: uuid.UUID, role: CardRole | str, agency_id: uuid.UUID | None) -> CardView:
    """Point one of a person's card links at a directory agency (None unlinks); makes the card if needed."""
    _load_person(session, person_id)
    role = CardRole(role)
    card = _card(session, person_id, include_deleted=True)
    if card is None:
        card = EmergencyCard(person_id=person_id)
        session.add(card)
    card.deleted_at = None
    if agency_id is not None:
        _load_agency(session, agency_id)
    setattr(card, f"{role.value}_id", agency_id)
    session.flush()
    session.refresh(card)
    return get_card(session, person_id)


def delete_card(session: Session, person_id: uuid.UUID) -> CardView:
    card = _card(session, person_id)
    if card is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This person has no emergency contact card."))
    card.deleted_at = utcnow()
    session.flush()
    return get_card(session, person_id)


def restore_card(session: Session, person_id: uuid.UUID) -> CardView:
    card = _card(session, person_id, include_deleted=True)
    if card is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This person has no emergency contact card."))
    card.deleted_at = None
    session.flush()
    return get_card(session, person_id)


def get_card(session: Session, person_id: uuid.UUID) -> CardView:
    p = _load_person(session, person_id)
    watchers = watcher_names(session, p.household.town_id, p.id).get(p.id, ())
    return _card_view(p, _card(session, p.id), _contacts(session, [p.id]).get(p.id, []), watchers,
                      nearest_designated_shelter(session, p.household_id))


def card_views(session: Session, persons: Sequence[Person]) -> dict[uuid.UUID, CardView]:
    """``get_card`` of each of these live persons (their households and towns loaded), in one pass: the cards,
    contacts and watchers read together and the shelters found together (``nearest_shelters``)."""
    ids = [p.id for p in persons]
    cards: dict[uuid.UUID, EmergencyCard] = {}
    for chunk in chunks(ids):
        cards.update((c.person_id, c) for c in session.scalars(
            select(EmergencyCard).where(EmergencyCard.person_id.in_(chunk), EmergencyCard.deleted_at.is_(None))))
    contacts = _contacts(session, ids)
    watchers: dict[uuid.UUID, tuple[str, ...]] = {}
    for town_id in dict.fromkeys(p.household.town_id for p in persons):
        watchers.update(watcher_names(session, town_id))
    shelters = nearest_shelters(session, ((p.household.lat, p.household.lon) for p in persons))
    return {p.id: _card_view(p, cards.get(p.id), contacts.get(p.id, []), watchers.get(p.id, ()),
                             shelters[(p.household.lat, p.household.lon)]) for p in persons}


def persons_needing_support(session: Session, town_id: uuid.UUID) -> list[Person]:
    """Persons of concern, and anyone else who already has a card, in map-number order."""
    has_card = select(EmergencyCard.person_id).where(EmergencyCard.deleted_at.is_(None))
    return list(session.scalars(
        select(Person)
        .join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None),
               or_(Person.of_concern.is_(True), Person.id.in_(has_card)))
        .options(selectinload(Person.household).selectinload(Household.town))
        .order_by(Household.map_number, Person.sort_order)
    ))


class SortOrder:
    KANA = "kana"  # 五十音順
    MAP_NUMBER = "map_number"


def kana_key(view: CardView) -> tuple:
    """五十音 order: folded kana (katakana → hiragana), persons without kana last, then map number."""
    kana = fold(view.person.kana)
    return (kana == "", kana or fold(view.person.name), view.map_number)


def list_cards(session: Session, town_id: uuid.UUID, *, order: str = SortOrder.MAP_NUMBER,
               concerns: list[ConcernView] | None = None) -> list[CardView]:
    """One view per person needing support in the town: the rows of the sheet and the pile of cards.

    Persons of concern, and anyone else who has a card, in map-number order. Read as plain rows in a fixed number
    of queries; ``concerns`` is the town's ``watch.list_concerns`` when the caller has just read it (the persons
    of concern and their watchers are then not read again)."""
    town = session.get(Town, town_id)
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    if concerns is None:
        concerns = watch.list_concerns(session, town_id)
    with no_gc_pauses():
        return _card_views(session, town, concerns, order)


def _card_views(session: Session, town: Town, concerns: list[ConcernView], order: str) -> list[CardView]:
    town_id = town.id
    concern_keys = [c.person.id.hex for c in concerns]  # the persons' ids as stored: the cards' and contacts' keys
    cards, holders = card_rows(session, town_id, set(concern_keys))
    # (map number, order in the household, person, person key, household id, household name, address, lat, lon, card
    # row, watchers): what each person's view needs, gathered in one pass rather than looked up by id per row
    persons = [(c.map_number, c.sort_order, c.person, key, c.household_id, c.household_name, c.address, c.lat, c.lon,
                cards.get(key), tuple(link.watcher.name for link in c.links))
               for c, key in zip(concerns, concern_keys, strict=True)]
    persons += [(r.map_number, r.sort_order, PersonView(r.person_id, r.household_id, r.name, r.kana, r.birth_date,
                                                        r.phone, r.of_concern, r.concerns),
                 r.person_id.hex, r.household_id, r.household_name, r.address, r.lat, r.lon, cards[r.person_id.hex], ())
                for r in holders]
    persons.sort(key=lambda p: (p[0], p[1]))  # stable: the persons of concern keep their order
    contacts = contacts_of(session, {p[3] for p in persons})
    agencies = {key: agency_view(r) for key, r in agency_rows(  # by their ids as stored, as the card rows name them
        session, {a for r in cards.values() for a in (r.family_doctor_id, r.care_office_id, r.support_centre_id)}
    ).items()}
    shelters = nearest_shelters(session, ((p[7], p[8]) for p in persons))
    town_name = town.name
    no_contacts: tuple[ContactView, ...] = ()
    views = []
    # The views are made with their fields in order (a city's 7,700 cards: keywords cost a fifth of the loop);
    # tests/test_list_reads.py compares every field with the views made from the ORM objects.
    for number, _, person, key, household_id, household_name, address, lat, lon, card, watchers in persons:
        found = contacts.get(key)
        pid = person.id
        mine = tuple([ContactView(uuid_of_stored(cid), pid, priority, name, relationship, phone, where)
                      for cid, _key, priority, name, relationship, phone, where in found]) if found else no_contacts
        shelter, missing = shelters[(lat, lon)], missing_items(card, mine)
        if card is None:
            views.append(CardView(person, household_id, number, household_name, address, town_name, False, mine,
                                  watchers=watchers, shelter=shelter, missing=missing))
            continue
        (_key, doctor, doctor_text, care_level, medical_notes, care_manager, office, centre, commissioner,
         commissioner_phone, kept_at, note, made_on, review_on) = card
        views.append(CardView(
            person, household_id, number, household_name, address, town_name, True, mine, agencies.get(doctor),
            doctor_text, care_level, medical_notes, care_manager, agencies.get(office), agencies.get(centre),
            commissioner, commissioner_phone, kept_at, note, made_on, review_on, watchers, shelter, missing))
    if order == SortOrder.KANA:
        views.sort(key=kana_key)
    return views


def persons_without_card(session: Session, town_id: uuid.UUID) -> list[CardView]:
    return [v for v in list_cards(session, town_id) if not v.has_card]


def incomplete_cards(session: Session, town_id: uuid.UUID) -> list[CardView]:
    """Cards that exist but still lack something (fewer than two contacts, no doctor …)."""
    return [v for v in list_cards(session, town_id) if v.has_card and v.missing]


def overdue_reviews(session: Session, town_id: uuid.UUID, today: date | None = None) -> list[CardView]:
    """Cards whose 見直し日 has passed: the liaison meeting reviews these first."""
    today = today or date.today()
    return [v for v in list_cards(session, town_id) if v.review_overdue(today)]


# ---------------------------------------------------------------- reference features and shelters


def reference_view(f: ReferenceFeature) -> ReferenceFeatureView:
    return ReferenceFeatureView(f.id, ReferenceKind(f.kind), f.name, f.address, f.phone, f.district, f.lat, f.lon,
                                dict(f.attributes or {}), f.source, f.credit)


def list_reference_features(
    session: Session, kinds: Iterable[ReferenceKind | str] | None = None
) -> list[ReferenceFeatureView]:
    query = select(ReferenceFeature).where(ReferenceFeature.deleted_at.is_(None))
    if kinds is not None:
        query = query.where(ReferenceFeature.kind.in_([ReferenceKind(k) for k in kinds]))
    return [reference_view(f) for f in session.scalars(query.order_by(ReferenceFeature.kind, ReferenceFeature.source,
                                                                     ReferenceFeature.source_row))]


def reference_credits(session: Session) -> dict[ReferenceKind, list[str]]:
    """The credit lines to show beside each reference layer on the map (one per source file)."""
    credits: dict[ReferenceKind, list[str]] = {}
    rows = session.execute(
        select(ReferenceFeature.kind, ReferenceFeature.credit).where(ReferenceFeature.deleted_at.is_(None)).distinct()
    )
    for kind, credit in rows:
        if credit and credit not in credits.setdefault(ReferenceKind(kind), []):
            credits[ReferenceKind(kind)].append(credit)
    return credits


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (good to a few metres over a town)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _designated_shelters(session: Session, *, bulk: bool = True) -> ShelterFinder:
    """The shelter to print for a position: the nearest 指定避難所, or for a household in a hazard zone the
    nearest site open for that hazard and outside its zones (app/emergency/hazard_shelter.py)."""
    return ShelterFinder(session, list(session.scalars(select(ReferenceFeature).where(
        ReferenceFeature.kind == ReferenceKind.DESIGNATED_SHELTER, ReferenceFeature.deleted_at.is_(None),
        ReferenceFeature.lat.is_not(None), ReferenceFeature.lon.is_not(None),
    ))), bulk=bulk)


def nearest_shelters(session: Session, positions: Iterable[tuple[float | None, float | None]]
                     ) -> dict[tuple[float | None, float | None], NearestShelter]:
    """The shelter for each of these positions (a household's persons share one), worked out in one pass
    (``ShelterFinder.nearest_all``)."""
    return _designated_shelters(session).nearest_all(positions)


def nearest_designated_shelter(session: Session, household_id: uuid.UUID) -> NearestShelter:
    """The nearest 指定避難所 as the crow flies (in a hazard zone: the nearest site open for the hazard, outside
    its zones, 「洪水時: …」); says so when the household has no lat/lon (pixel maps)."""
    h = session.get(Household, household_id)
    if h is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This household is no longer in the ledger."))
    return _designated_shelters(session, bulk=False).nearest(h.lat, h.lon)
