"""Incidents and their safety-check events: start, close, record a check, read the history.

Events are append-only: this module has no way to change or remove one. A correction is a new check.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.validators import optional_text
from app.models import Household, Person, Town
from app.models.safety import CheckMethod, Incident, IncidentKind, SafetyEvent, SafetyStatus
from app.models.sync import SyncState
from app.safety.views import EventFields, EventView, IncidentView


class IncidentError(LedgerError):
    """An incident or a check that cannot be recorded as given; nothing was written."""


def _aware(value: datetime | None) -> datetime | None:
    """SQLite gives timestamps back without their zone; every stored one is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _now() -> datetime:
    return datetime.now(timezone.utc)


def incident_view(i: Incident) -> IncidentView:
    started = _aware(i.started_at)
    assert started is not None
    return IncidentView(i.id, i.name, IncidentKind(i.kind), started, _aware(i.closed_at),
                        tuple(uuid.UUID(str(t)) for t in i.town_ids or ()), i.note or "")


def event_view(e: SafetyEvent) -> EventView:
    checked, recorded = _aware(e.checked_at), _aware(e.recorded_at)
    assert checked is not None and recorded is not None
    return EventView(e.id, e.incident_id, e.person_id, SafetyStatus(e.status), e.shelter_text or "", e.shelter_id,
                     e.checked_by or "", checked, CheckMethod(e.method), e.note or "", recorded, e.recorded_on or "")


def this_laptop(session: Session) -> str:
    """The name this ledger syncs under, or the computer's name before it was ever registered."""
    name = session.scalar(select(SyncState.laptop_name).where(SyncState.id == 1))
    return name or socket.gethostname()[:100]


def _kind(value: IncidentKind | str) -> IncidentKind:
    try:
        return IncidentKind(value)
    except ValueError:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "Unknown kind of incident {kind}: use flood, sediment, "
                                                        "earthquake or other."), where="kind", kind=str(value)) from None


def start_incident(session: Session, name: str, town_ids: Iterable[uuid.UUID], *, kind: IncidentKind | str =
                   IncidentKind.OTHER, started_at: datetime | None = None, note: str = "") -> IncidentView:
    """Start the safety check for a disaster in these towns."""
    name = (name or "").strip()
    if not name:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "Give the incident a name."), where="name")
    if len(name) > 200:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "The name is {length} characters long (at most 200)."),
                            where="name", length=len(name))
    kind = _kind(kind)
    towns = list(dict.fromkeys(town_ids))
    if not towns:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "Choose at least one town for the incident."), where="towns")
    known = set(session.scalars(select(Town.id).where(Town.id.in_(towns))))
    if missing := [t for t in towns if t not in known]:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such town: {town}"), where="towns", town=str(missing[0]))
    # One open incident per town: a second one would split its checks, and every screen, checklist and
    # ``incident close`` would take the newest without asking.
    for other in open_incidents(session):
        if shared := [t for t in towns if t in other.town_ids]:
            raise IncidentError(QT_TRANSLATE_NOOP("errors", "The incident {incident} is still open in {town}: "
                                                            "record its checks there, or close it before starting "
                                                            "another one."),
                                where="towns", incident=other.name, town=session.get_one(Town, shared[0]).name)
    incident = Incident(name=name, kind=kind, started_at=started_at or _now(),
                        town_ids=[str(t) for t in towns], note=note or "")
    session.add(incident)
    session.flush()
    return incident_view(incident)


def _load(session: Session, incident_id: uuid.UUID) -> Incident:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such incident."), where="incident")
    return incident


def get_incident(session: Session, incident_id: uuid.UUID) -> IncidentView:
    return incident_view(_load(session, incident_id))


def close_incident(session: Session, incident_id: uuid.UUID, *, at: datetime | None = None) -> IncidentView:
    """Close the incident: its events stay, no new check can be recorded."""
    incident = _load(session, incident_id)
    if incident.closed_at is not None:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "The incident {name} is already closed."), where="incident",
                            name=incident.name)
    incident.closed_at = at or _now()
    session.flush()
    return incident_view(incident)


def reopen_incident(session: Session, incident_id: uuid.UUID) -> IncidentView:
    """Undo a close (or a start undone): the incident takes checks again; nothing of it was ever removed."""
    incident = _load(session, incident_id)
    incident.closed_at = None
    session.flush()
    return incident_view(incident)


def list_incidents(session: Session) -> list[IncidentView]:
    """Newest first."""
    return [incident_view(i) for i in session.scalars(select(Incident).order_by(Incident.started_at.desc(),
                                                                                  Incident.id))]


def open_incidents(session: Session, town_id: uuid.UUID | None = None) -> list[IncidentView]:
    """Open incidents, newest first; only those covering ``town_id`` when given."""
    found = [i for i in list_incidents(session) if i.is_open]
    return [i for i in found if town_id is None or town_id in i.town_ids]


def current_incident(session: Session, town_id: uuid.UUID | None = None) -> IncidentView:
    """The newest open incident (covering ``town_id`` when given): what ``incident record`` writes to."""
    found = open_incidents(session, town_id)
    if not found:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No incident is open: start one first."), where="incident")
    return found[0]


def _checked_person(session: Session, incident: Incident, person_id: uuid.UUID) -> Person:
    row = session.execute(select(Person, Household.town_id).join(Household, Household.id == Person.household_id)
                          .where(Person.id == person_id)).first()
    if row is None or row[0].deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This person is no longer in the ledger."), where="person")
    if str(row[1]) not in {str(t) for t in incident.town_ids or ()}:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "{name} lives outside the towns of the incident {incident}."),
                            where="person", name=row[0].name, incident=incident.name)
    if not row[0].of_concern:  # the check would be kept but shown nowhere: the roll call lists persons of concern
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "{name} is not on the roll call of {incident}: it lists the "
                                                        "persons of concern. Tick “Person of concern” for "
                                                        "{name} first to record a check."),
                            where="person", name=row[0].name, incident=incident.name)
    return row[0]


def _check_fields(fields: EventFields, where: str) -> None:
    # The field's name as the checklist and the panel print it: the message says where in the user's words.
    for value, limit, label in ((fields.checked_by, 200, "確認者"), (fields.shelter_text, 300, "避難所")):
        optional_text(value, limit, f"{where}, {label}")
    try:
        SafetyStatus(fields.status)
        CheckMethod(fields.method)
    except ValueError as exc:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "Unknown status or method: {value}"), where=where,
                            value=str(exc)) from None


def record_event(session: Session, incident_id: uuid.UUID, person_id: uuid.UUID, fields: EventFields) -> EventView:
    """Record one check as a new event (the only write there is: events are never changed)."""
    return record_events(session, incident_id, [(person_id, fields)])[0]


def record_events(session: Session, incident_id: uuid.UUID,
                  checks: Sequence[tuple[uuid.UUID, EventFields]]) -> list[EventView]:
    """Record several checks at once (a checklist read back): all are checked first, then all written."""
    incident = _load(session, incident_id)
    if incident.closed_at is not None:
        raise IncidentError(QT_TRANSLATE_NOOP("errors", "The incident {name} is closed: no check can be added."),
                            where="incident", name=incident.name)
    for person_id, fields in checks:
        _checked_person(session, incident, person_id)
        _check_fields(fields, "event")
    laptop, now = this_laptop(session), _now()
    events = [SafetyEvent(incident_id=incident.id, person_id=person_id, status=SafetyStatus(f.status),
                          shelter_text=(f.shelter_text or "").strip() if f.status is SafetyStatus.EVACUATED else "",
                          shelter_id=f.shelter_id if f.status is SafetyStatus.EVACUATED else None,
                          checked_by=(f.checked_by or "").strip(), checked_at=f.checked_at or now,
                          method=CheckMethod(f.method), note=f.note or "", recorded_at=now, recorded_on=laptop)
              for person_id, f in checks]
    session.add_all(events)
    session.flush()
    return [event_view(e) for e in events]


def latest_key(e: EventView) -> tuple[datetime, datetime, str]:
    """The fixed rule for which check shows: the latest ``checked_at``, then ``recorded_at``, then the id.

    Every laptop applies it to the same set of events, so after a sync all show the same status."""
    return (e.checked_at, e.recorded_at, str(e.id))


def events_of(session: Session, incident_id: uuid.UUID, person_ids: Iterable[uuid.UUID] | None = None
              ) -> list[EventView]:
    query = select(SafetyEvent).where(SafetyEvent.incident_id == incident_id)
    if person_ids is not None:
        query = query.where(SafetyEvent.person_id.in_(list(person_ids)))
    return [event_view(e) for e in session.scalars(query)]


def latest_events(session: Session, incident_id: uuid.UUID) -> dict[uuid.UUID, EventView]:
    """Each person's check that shows (``latest_key``)."""
    latest: dict[uuid.UUID, EventView] = {}
    for e in events_of(session, incident_id):
        if e.person_id not in latest or latest_key(e) > latest_key(latest[e.person_id]):
            latest[e.person_id] = e
    return latest


def history(session: Session, incident_id: uuid.UUID, person_id: uuid.UUID) -> list[EventView]:
    """Every check of one person, the one that shows first."""
    return sorted(events_of(session, incident_id, [person_id]), key=latest_key, reverse=True)
