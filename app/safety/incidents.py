"""Incidents and their safety-check events: start, close, record a check, read the history; join two incidents
that two laptops started for one town before they synced.

Events are append-only: this module has no way to remove one, and a correction is a new check. The one change an
event ever sees is the join's: it moves to the incident its own was joined into, every field of the check kept.
"""

from __future__ import annotations

import re
import socket
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.validators import optional_text
from app.models import Household, Person, Town
from app.models.safety import CheckMethod, Incident, IncidentKind, SafetyEvent, SafetyStatus
from app.models.sync import SyncState
from app.safety.views import EventFields, EventView, IncidentView, JoinView


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
    """Record one check as a new event (a check is never changed; only a join moves it to another incident)."""
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


# --- two laptops started an incident for one town before they synced ---------------------------------------------
# The joined incident's note ends with this line: the user reads whom it was joined into, the join reads the id
# (checks recorded on a laptop that had not heard of the join yet follow it at that laptop's next sync).
# The count of checks it held is written there too: a laptop that receives the join sees the checks already on
# the kept incident (they travel once, with where they are now), so the note is what tells it how many came.
JOINED_NOTE = "「{name}」に統合（確認 {count} 件） [{id}]"
_JOINED = re.compile(r"に統合（確認 (\d+) 件） \[([0-9a-f-]{36})\]\s*$")


def joined_into(note: str | None) -> uuid.UUID | None:
    """The incident this one was joined into (``join_open_incidents``), from its note; None when it was not."""
    found = _JOINED.search(note or "")
    return uuid.UUID(found.group(2)) if found else None


def _joined_count(note: str | None) -> int:
    found = _JOINED.search(note or "")
    return int(found.group(1)) if found else 0


def _first(i: Incident) -> tuple[datetime, str]:
    started = _aware(i.started_at)
    assert started is not None
    return (started, str(i.id))


def joined_incidents(session: Session) -> set[uuid.UUID]:
    """The incidents joined into another so far (read before a sync applies what it received)."""
    return {i for i, note in session.execute(select(Incident.id, Incident.note)) if joined_into(note) is not None}


def join_open_incidents(session: Session, known: Iterable[uuid.UUID] | None = None) -> list[JoinView]:
    """Join the open incidents that share a town into the one started first (ties: the smaller id), in the caller's
    transaction: the others' checks move to it, it covers their towns too, and each other one is closed with a note
    saying whom it was joined into (never removed). Checks still on an incident joined earlier follow it too (they
    were recorded on a laptop that had not heard of the join yet).

    Deterministic: every laptop that holds the same incidents writes the same values (the joined one's close is
    its own start), so the changes a sync carries agree and nothing conflicts. The roll call then shows, for a
    person checked on both laptops, the check of the fixed rule (``latest_key``).

    Returns the joins to tell the user about: every incident joined but not in ``known`` (default: the ones joined
    before this call; a sync passes those joined before it applied what it received, so a join another laptop made
    is told here too), and any incident of ``known`` whose late checks moved now."""
    every = list(session.scalars(select(Incident)))
    by_id = {i.id: i for i in every}
    told = set(known) if known is not None else {i.id for i in every if joined_into(i.note) is not None}
    while True:
        open_ones = sorted((i for i in every if i.closed_at is None), key=_first)
        pair = next(((k, i) for n, i in enumerate(open_ones) for k in open_ones[:n]
                     if set(k.town_ids or ()) & set(i.town_ids or ())), None)
        if pair is None:
            break
        target, incident = pair
        target.town_ids = list(dict.fromkeys([*(target.town_ids or ()), *(incident.town_ids or ())]))
        incident.closed_at = incident.started_at
        count = session.scalar(select(func.count()).select_from(SafetyEvent)
                               .where(SafetyEvent.incident_id == incident.id)) or 0
        line = JOINED_NOTE.format(name=target.name, count=count, id=target.id)
        incident.note = f"{incident.note}\n{line}" if incident.note else line
    # Where each joined incident's checks go: along the joins to the incident that stayed open.
    home: dict[uuid.UUID, uuid.UUID] = {}
    for incident in every:
        seen, at = {incident.id}, incident
        while (nxt := joined_into(at.note)) is not None and nxt in by_id and nxt not in seen:
            seen.add(nxt)
            at = by_id[nxt]
        if at is not incident:
            home[incident.id] = at.id
    moved: dict[uuid.UUID, int] = {}
    if home:
        for event in session.scalars(select(SafetyEvent).where(SafetyEvent.incident_id.in_(list(home)))
                                     .order_by(SafetyEvent.id)):
            moved[event.incident_id] = moved.get(event.incident_id, 0) + 1
            event.incident_id = home[event.incident_id]
    session.flush()
    news = sorted((i for i in home if i not in told), key=lambda i: _first(by_id[i]))
    late = sorted((i for i in moved if i in told), key=lambda i: _first(by_id[i]))

    def view(i: uuid.UUID, count: int) -> JoinView:
        kept, joined = by_id[home[i]], by_id[i]
        return JoinView(kept.id, kept.name, joined.id, joined.name, count, _first(kept)[0], _first(joined)[0])

    return [view(i, _joined_count(by_id[i].note)) for i in news] + [view(i, moved[i]) for i in late]
