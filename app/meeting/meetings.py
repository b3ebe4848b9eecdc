"""The liaison meeting (福祉連絡会): meeting records, the yearly review of every person of concern,
the due and overdue list, and the report of what changed since the last meeting."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.core import validators as check
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.records import live
from app.core.views import PersonView
from app.emergency import cards as emergency
from app.meeting.views import (
    ENDING_OUTCOMES,
    ArchivedView,
    AttendeeView,
    ChangeAction,
    ChangeItem,
    ChangeKind,
    ChangeReport,
    DueItem,
    DueReason,
    MeetingFields,
    MeetingView,
    QueueItem,
    ReviewFields,
    ReviewView,
)
from app.models import AuditAction, AuditEntry, EmergencyCard, Household, Person, Town, stored, utcnow
from app.models.audit import operator_of
from app.models.meeting import AttendeeRole, Meeting, MeetingAttendee, MeetingKind, PersonReview, ReviewOutcome
from app.models.watch import WatchLink
from app.privacy import audit
from app.watch import network as watch
from app.watch.list_rows import day_of_stored, uuid_of_stored

MAX_NAME = 200
MAX_ROLE_NOTE = 100
MAX_REVIEW_NOTE = 500  # a short note: what changed, in a sentence or two
MAX_ATTENDEES = 100

# Which archive reason of the audit log each watch-ending outcome is.
_ARCHIVE_REASON = {
    ReviewOutcome.MOVED_AWAY: audit.ArchiveReason.MOVED_AWAY,
    ReviewOutcome.ENTERED_FACILITY: audit.ArchiveReason.FACILITY,
    ReviewOutcome.DIED: audit.ArchiveReason.DIED,
}


# ---------------------------------------------------------------- dates


def review_cutoff(today: date) -> date:
    """The same day a year before ``today`` (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def review_due(last_reviewed: date | None, today: date) -> bool:
    """Due when never reviewed, or last reviewed a year ago or longer (the meeting is at least yearly)."""
    return last_reviewed is None or last_reviewed <= review_cutoff(today)


def _as_utc(value: date | datetime) -> datetime:
    """A date means the start of that day, local time; naive datetimes are local time too."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(timezone.utc)


# ---------------------------------------------------------------- validation


def _meeting_kind(value: MeetingKind | str) -> MeetingKind:
    return check.choice(MeetingKind, value, where="kind", param="kind",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown kind of meeting: {kind}"))


def _attendee_role(value: AttendeeRole | str, where: str) -> AttendeeRole:
    return check.choice(AttendeeRole, value, where=where, param="role",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown role: {role}"))


def _outcome(value: ReviewOutcome | str) -> ReviewOutcome:
    return check.choice(ReviewOutcome, value, where="outcome", param="outcome",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown review outcome: {outcome}"))


# ---------------------------------------------------------------- meetings


def _attendee_view(a: MeetingAttendee) -> AttendeeView:
    return AttendeeView(a.id, a.name, AttendeeRole(a.role), a.role_note)


def _review_counts(session: Session, meeting_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not meeting_ids:
        return {}
    rows = session.execute(
        select(PersonReview.meeting_id, func.count()).where(
            PersonReview.meeting_id.in_(meeting_ids), PersonReview.deleted_at.is_(None))
        .group_by(PersonReview.meeting_id)).all()
    return {meeting_id: n for meeting_id, n in rows if meeting_id is not None}


def _meeting_view(session: Session, m: Meeting, count: int | None = None) -> MeetingView:
    if count is None:
        count = _review_counts(session, [m.id]).get(m.id, 0)
    return MeetingView(m.id, m.town_id, m.held_on, MeetingKind(m.kind), m.notes,
                       tuple(_attendee_view(a) for a in m.attendees), count, m.deleted_at is not None)


def _load_meeting(session: Session, meeting_id: uuid.UUID, *, include_deleted: bool = False) -> Meeting:
    return live(session, Meeting, meeting_id, QT_TRANSLATE_NOOP("errors", "This meeting is no longer in the ledger."),
                include_archived=include_deleted)


def _apply_meeting(m: Meeting, fields: MeetingFields, today: date) -> None:
    m.held_on = check.past_date(fields.held_on, today, "held_on")
    m.kind = _meeting_kind(fields.kind)
    m.notes = (fields.notes or "").strip()
    if len(fields.attendees) > MAX_ATTENDEES:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Too many attendees: {count} (at most {limit})."),
                          where="attendees", count=len(fields.attendees), limit=MAX_ATTENDEES)
    rows = []
    for i, a in enumerate(fields.attendees, start=1):
        where = f"attendees {i}"
        rows.append(MeetingAttendee(
            name=check.text(a.name, MAX_NAME, where, required=True), role=_attendee_role(a.role, where),
            role_note=check.text(a.role_note, MAX_ROLE_NOTE, where), sort_order=i))
    m.attendees = rows


def add_meeting(session: Session, town_id: uuid.UUID, fields: MeetingFields, *, today: date | None = None,
                meeting_id: uuid.UUID | None = None) -> MeetingView:
    """Record a meeting held on ``fields.held_on`` (today or earlier) with its attendees by role."""
    if session.get(Town, town_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    m = Meeting(id=meeting_id or uuid.uuid4(), town_id=town_id)
    _apply_meeting(m, fields, today or date.today())
    session.add(m)
    session.flush()
    return _meeting_view(session, m)


def edit_meeting(session: Session, meeting_id: uuid.UUID, fields: MeetingFields, *,
                 today: date | None = None) -> MeetingView:
    """Replace the meeting's date, kind, notes and attendance list.

    A corrected date moves the reviews recorded at the meeting on its day with it (they were made that day;
    a review given another day by hand keeps its own).
    """
    m = _load_meeting(session, meeting_id)
    was = m.held_on
    _apply_meeting(m, fields, today or date.today())
    if m.held_on != was:
        for r in session.scalars(select(PersonReview).where(
                PersonReview.meeting_id == m.id, PersonReview.reviewed_on == was, PersonReview.deleted_at.is_(None))):
            r.reviewed_on = m.held_on
    session.flush()
    return _meeting_view(session, m)


def delete_meeting(session: Session, meeting_id: uuid.UUID) -> MeetingView:
    """A tombstone: the meeting leaves the list; its reviews stay (they happened)."""
    m = _load_meeting(session, meeting_id)
    m.deleted_at = utcnow()
    session.flush()
    return _meeting_view(session, m)


def restore_meeting(session: Session, meeting_id: uuid.UUID) -> MeetingView:
    m = _load_meeting(session, meeting_id, include_deleted=True)
    m.deleted_at = None
    session.flush()
    return _meeting_view(session, m)


def get_meeting(session: Session, meeting_id: uuid.UUID) -> MeetingView:
    return _meeting_view(session, _load_meeting(session, meeting_id, include_deleted=True))


def list_meetings(session: Session, town_id: uuid.UUID) -> list[MeetingView]:
    """The town's meetings, newest first."""
    rows = session.scalars(
        select(Meeting).where(Meeting.town_id == town_id, Meeting.deleted_at.is_(None))
        .options(selectinload(Meeting.attendees))
        .order_by(Meeting.held_on.desc(), Meeting.created_at.desc())).all()
    counts = _review_counts(session, [m.id for m in rows])
    return [_meeting_view(session, m, counts.get(m.id, 0)) for m in rows]


def last_meeting(session: Session, town_id: uuid.UUID, *, before: date | None = None) -> MeetingView | None:
    """The latest meeting (held before ``before``, when given: today's meeting is not the "last" one)."""
    query = select(Meeting).where(Meeting.town_id == town_id, Meeting.deleted_at.is_(None))
    if before is not None:
        query = query.where(Meeting.held_on < before)
    m = session.scalars(query.order_by(Meeting.held_on.desc(), Meeting.created_at.desc()).limit(1)).first()
    return _meeting_view(session, m) if m is not None else None


# ---------------------------------------------------------------- reviews


def _person_view(p: Person) -> PersonView:
    return PersonView(p.id, p.household_id, p.name, p.kana, p.birth_date, p.phone, p.of_concern, p.concerns)


def _review_view(r: PersonReview | _LastReview, *, household_now_empty: bool = False) -> ReviewView:
    return ReviewView(r.id, r.person_id, r.meeting_id, r.reviewed_on, ReviewOutcome(r.outcome), r.note,
                      r.recorded_by, bool(r.archived_person), household_now_empty)


def _live_person(session: Session, person_id: uuid.UUID) -> Person:
    # A person archived by an earlier review (moved away, died) can still be reviewed again: only a gone
    # household makes them unknown.
    return live(session, Person, person_id, QT_TRANSLATE_NOOP("errors", "This person is no longer in the ledger."),
                include_archived=True, parent=lambda p: p.household)


def record_review(session: Session, person_id: uuid.UUID, fields: ReviewFields, *,
                  today: date | None = None) -> ReviewView:
    """Stamp the review of a person of concern; moved away, entered a facility and died archive them.

    At a meeting, a second review of the same person replaces the first (the first is withdrawn).
    """
    today = today or date.today()
    outcome = _outcome(fields.outcome)
    note = check.text(fields.note, MAX_REVIEW_NOTE, "note")
    p = _live_person(session, person_id)
    meeting = None
    if fields.meeting_id is not None:
        meeting = _load_meeting(session, fields.meeting_id)
        if meeting.town_id != p.household.town_id:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "This meeting is of another town."), where="meeting")
    reviewed_on = check.past_date(fields.reviewed_on or (meeting.held_on if meeting else today), today, "reviewed_on")
    recorded_by = check.text(fields.recorded_by, MAX_NAME, "recorded_by") or operator_of(session).name[:MAX_NAME]
    if meeting is not None:
        for earlier in session.scalars(select(PersonReview).where(
                PersonReview.person_id == person_id, PersonReview.meeting_id == meeting.id,
                PersonReview.deleted_at.is_(None))):
            withdraw_review(session, earlier.id)
    if p.deleted_at is not None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{name} is archived: restore them before a review."),
                          where="person", name=p.name)
    if not p.of_concern:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{name} is not marked as a person of concern."),
                          where="person", name=p.name)
    review = PersonReview(person_id=p.id, meeting_id=meeting.id if meeting else None, reviewed_on=reviewed_on,
                          outcome=outcome, note=note, recorded_by=recorded_by)
    session.add(review)
    session.flush()
    empty = False
    if outcome in ENDING_OUTCOMES:
        audit.archive_person(session, p.id, _ARCHIVE_REASON[outcome], note)
        review.archived_person = True
        session.flush()
        empty = not any(q.deleted_at is None for q in p.household.persons)
    return _review_view(review, household_now_empty=empty)


def withdraw_review(session: Session, review_id: uuid.UUID) -> ReviewView:
    """Undo a review entered by mistake; a person it archived comes back."""
    r = session.get(PersonReview, review_id)
    if r is None or r.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This review is no longer in the ledger."))
    r.deleted_at = utcnow()
    session.flush()
    if r.archived_person and r.person.deleted_at is not None:
        audit.restore_person(session, r.person_id, "review withdrawn")
    return _review_view(r)


def list_reviews(session: Session, person_id: uuid.UUID) -> list[ReviewView]:
    """A person's reviews, newest first."""
    rows = session.scalars(select(PersonReview).where(
        PersonReview.person_id == person_id, PersonReview.deleted_at.is_(None))
        .order_by(PersonReview.reviewed_on.desc(), PersonReview.created_at.desc()))
    return [_review_view(r) for r in rows]


def meeting_reviews(session: Session, meeting_id: uuid.UUID) -> list[ReviewView]:
    rows = session.scalars(select(PersonReview).where(
        PersonReview.meeting_id == meeting_id, PersonReview.deleted_at.is_(None)).order_by(PersonReview.created_at))
    return [_review_view(r) for r in rows]


class _LastReview(NamedTuple):
    """A person's latest live review: the columns ``_review_view`` reads, made from the driver's plain row."""

    id: uuid.UUID
    person_id: uuid.UUID
    meeting_id: uuid.UUID | None
    reviewed_on: date
    outcome: ReviewOutcome
    note: str
    recorded_by: str
    archived_person: bool


_OUTCOMES = {o.value: o for o in ReviewOutcome}


def _last_reviews(session: Session, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, _LastReview]:
    """Each person's latest live review (the newest ``reviewed_on``, then the newest entered).

    One query over the review table alone: SQL keeps each person's latest live review (a window, no list of
    thousands of ids to bind), and only the rows of ``person_ids`` are made into ids, dates and enums. The
    typed-row read it replaced (one query per 5,000 persons, every review's ids made) is the oracle in
    tests/test_lists_fill.py.
    """
    wanted = set(person_ids)
    found: dict[uuid.UUID, _LastReview] = {}
    if not wanted:
        return found
    newest = func.row_number().over(partition_by=PersonReview.person_id,
                                    order_by=(PersonReview.reviewed_on.desc(), PersonReview.created_at.desc()))
    ranked = select(stored(PersonReview.id, "id"), stored(PersonReview.person_id, "person_id"),
                    stored(PersonReview.meeting_id, "meeting_id"), stored(PersonReview.reviewed_on, "reviewed_on"),
                    stored(PersonReview.outcome, "outcome"), PersonReview.note, PersonReview.recorded_by,
                    PersonReview.archived_person.label("archived_person"), newest.label("n"),
                    ).where(PersonReview.deleted_at.is_(None)).subquery()
    raw = session.connection().execute(select(
        ranked.c.id, ranked.c.person_id, ranked.c.meeting_id, ranked.c.reviewed_on, ranked.c.outcome,
        ranked.c.note, ranked.c.recorded_by, ranked.c.archived_person).where(ranked.c.n == 1))
    for rid, person_key, meeting_key, day, outcome, note, recorded_by, archived in raw:
        person_id = uuid_of_stored(person_key)
        if person_id not in wanted:  # another town's, or a person not asked about
            continue
        found[person_id] = _LastReview(
            uuid_of_stored(rid), person_id, None if meeting_key is None else uuid_of_stored(meeting_key),
            day_of_stored(day),
            _OUTCOMES.get(outcome) or ReviewOutcome(outcome), note, recorded_by, bool(archived))
    return found


def review_queue(session: Session, town_id: uuid.UUID, *, today: date | None = None,
                 meeting_id: uuid.UUID | None = None, concerns: list[watch.ConcernView] | None = None
                 ) -> list[QueueItem]:
    """Every person of concern of the town in map-number order, to walk through at the meeting.

    ``concerns`` is the town's ``watch.list_concerns`` when the caller has just read it.
    """
    today = today or date.today()
    if concerns is None:
        concerns = watch.list_concerns(session, town_id)
    last = _last_reviews(session, (c.person.id for c in concerns))
    done: set[uuid.UUID] = set()
    if meeting_id is not None:
        done = set(session.scalars(select(PersonReview.person_id).where(
            PersonReview.meeting_id == meeting_id, PersonReview.deleted_at.is_(None))))
    items = []
    for c in concerns:
        r = last.get(c.person.id)
        items.append(QueueItem(c.person, c.household_id, c.map_number, c.household_name, c.address, len(c.links),
                               _review_view(r) if r else None, review_due(r.reviewed_on if r else None, today),
                               c.person.id in done))
    return items


def archived_persons(session: Session, town_id: uuid.UUID) -> list[ArchivedView]:
    """The town's archived persons, newest first, with the review that ended the watch (if any)."""
    persons = list(session.scalars(
        select(Person).join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id, Person.deleted_at.is_not(None))
        .options(selectinload(Person.household)).order_by(Person.deleted_at.desc())))
    ending: dict[uuid.UUID, PersonReview] = {}
    if persons:
        for r in session.scalars(select(PersonReview).where(
                PersonReview.person_id.in_([p.id for p in persons]), PersonReview.archived_person.is_(True),
                PersonReview.deleted_at.is_(None)).order_by(PersonReview.created_at.desc())):
            ending.setdefault(r.person_id, r)
    out = []
    for p in persons:
        if p.deleted_at is None:  # the query's condition (mypy does not see it)
            continue
        last = ending.get(p.id)
        out.append(ArchivedView(_person_view(p), p.household_id, p.household.map_number, p.deleted_at,
                                ReviewOutcome(last.outcome) if last else None, last.reviewed_on if last else None,
                                last.note if last else ""))
    return out


def restore_person(session: Session, person_id: uuid.UUID, *, note: str = "") -> PersonView:
    """Bring an archived person back (e.g. they came home from the facility): back in the queue and lists."""
    p = session.get(Person, person_id)
    if p is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This person is no longer in the ledger."))
    if p.household.deleted_at is not None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{name}'s household is off the map: restore the household "
                                                      "first."), where="household", name=p.name)
    audit.restore_person(session, person_id, check.text(note, MAX_REVIEW_NOTE, "note"))
    return _person_view(p)


# ---------------------------------------------------------------- due and overdue


def due_list(session: Session, town_id: uuid.UUID, today: date | None = None) -> list[DueItem]:
    """What the meeting must look at, in map-number order, one row per person and reason.

    Persons of concern not reviewed in the last 12 months (or never), emergency cards past their
    review date, persons of concern nobody watches, persons of concern with no emergency card.
    """
    today = today or date.today()
    concerns = watch.list_concerns(session, town_id)
    last = _last_reviews(session, (c.person.id for c in concerns))
    rows: dict[uuid.UUID, list[DueItem]] = defaultdict(list)
    order: dict[uuid.UUID, tuple[int, int]] = {}
    for i, c in enumerate(concerns):
        order[c.person.id] = (c.map_number, i)
        r = last.get(c.person.id)
        if r is None:
            rows[c.person.id].append(DueItem(c.person, c.household_id, c.map_number, DueReason.NEVER_REVIEWED))
        elif review_due(r.reviewed_on, today):
            rows[c.person.id].append(
                DueItem(c.person, c.household_id, c.map_number, DueReason.REVIEW_OVERDUE, r.reviewed_on))
        if not c.links:
            rows[c.person.id].append(DueItem(c.person, c.household_id, c.map_number, DueReason.NO_WATCHER))
    for i, card in enumerate(emergency.list_cards(session, town_id, concerns=concerns)):
        pid = card.person.id
        order.setdefault(pid, (card.map_number, len(concerns) + i))
        if card.review_overdue(today):
            rows[pid].append(DueItem(card.person, card.household_id, card.map_number, DueReason.CARD_REVIEW_OVERDUE,
                                     card.review_on))
        elif not card.has_card:
            rows[pid].append(DueItem(card.person, card.household_id, card.map_number, DueReason.NO_CARD))
    reason_rank = {reason: n for n, reason in enumerate(DueReason)}
    out = []
    for pid in sorted(rows, key=lambda pid: order[pid]):
        out += sorted(rows[pid], key=lambda d: reason_rank[d.reason])
    return out


# ---------------------------------------------------------------- what changed since the last meeting

_KIND_OF_ENTITY = {"household": ChangeKind.HOUSEHOLD, "person": ChangeKind.PERSON,
                   "watch_link": ChangeKind.WATCH_LINK, "emergency_card": ChangeKind.EMERGENCY_CARD}


def changes_since(session: Session, town_id: uuid.UUID, since: date | datetime, *,
                  until: date | datetime | None = None) -> ChangeReport:
    """Households, persons, watch links and emergency cards of the town added, changed, archived or
    restored since ``since`` (a date: from the start of that day), with who recorded each change.

    Read from the audit log; a ledger whose log is empty (made before the log existed) falls back to
    the records' own timestamps, and the report says so (``source == "timestamps"``, who unknown).
    """
    if session.get(Town, town_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    start = _as_utc(since)
    stop = _as_utc(until) if until is not None else None
    if session.scalar(select(AuditEntry.id).limit(1)) is None:
        items = _changes_from_timestamps(session, town_id, start, stop)
        return ChangeReport(town_id, start, stop, "timestamps", tuple(_sorted(items)))
    query = select(AuditEntry).where(AuditEntry.at >= start, AuditEntry.entity.in_(list(_KIND_OF_ENTITY)))
    if stop is not None:
        query = query.where(AuditEntry.at < stop)
    entries = list(session.scalars(query.order_by(AuditEntry.at, AuditEntry.id)))
    return ChangeReport(town_id, start, stop, "audit", tuple(_sorted(_changes_from_audit(session, town_id, entries))))


def changes_since_last_meeting(session: Session, town_id: uuid.UUID, *,
                               today: date | None = None) -> ChangeReport | None:
    """Changes from the day of the last meeting held before today; None when the town never met."""
    today = today or date.today()
    last = last_meeting(session, town_id, before=today)
    return changes_since(session, town_id, last.held_on) if last is not None else None


def _sorted(items: list[ChangeItem]) -> list[ChangeItem]:
    kinds = {k: n for n, k in enumerate(ChangeKind)}
    actions = {a: n for n, a in enumerate(ChangeAction)}
    return sorted(items, key=lambda i: (kinds[i.kind], actions[i.action], i.map_number or 0, i.label))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # SQLite hands back UTC wall time


def _changes_from_audit(session: Session, town_id: uuid.UUID, entries: list[AuditEntry]) -> list[ChangeItem]:
    link_ids = {e.entity_id for e in entries if e.entity == "watch_link"}
    links = {link.id: link for link in session.scalars(
        select(WatchLink).where(WatchLink.id.in_(link_ids)).options(selectinload(WatchLink.watcher)))} if link_ids else {}
    person_ids = {e.person_id for e in entries if e.person_id is not None}
    person_ids |= {link.person_id for link in links.values()}
    persons = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))} if person_ids else {}
    household_ids = {e.entity_id for e in entries if e.entity == "household"}
    household_ids |= {p.household_id for p in persons.values()}
    homes = {h.id: h for h in session.scalars(
        select(Household).where(Household.id.in_(household_ids), Household.town_id == town_id))} if household_ids else {}

    grouped: dict[tuple[str, uuid.UUID], list[AuditEntry]] = defaultdict(list)
    for e in entries:
        if e.entity_id is not None:
            grouped[(e.entity, e.entity_id)].append(e)
    items = []
    for (entity, entity_id), group in grouped.items():
        kind = _KIND_OF_ENTITY[entity]
        person_id = next((e.person_id for e in group if e.person_id), None)
        if entity == "watch_link" and entity_id in links:
            person_id = links[entity_id].person_id
        household_id = entity_id if entity == "household" else (
            persons[person_id].household_id if person_id in persons else None)
        home = homes.get(household_id) if household_id else None
        if home is None:
            continue  # another town's record (or gone for good)
        label = group[-1].label
        if kind is ChangeKind.HOUSEHOLD:
            label = home.name or home.address or label
        elif kind in (ChangeKind.PERSON, ChangeKind.EMERGENCY_CARD) and person_id in persons:
            label = persons[person_id].name
        elif kind is ChangeKind.WATCH_LINK:
            link = links.get(entity_id)
            who = persons.get(person_id) if person_id is not None else None
            label = f"{link.watcher.name if link else '?'} → {who.name if who else '?'}"
        toggles = [e for e in group if e.action in (AuditAction.ARCHIVE, AuditAction.RESTORE, AuditAction.DELETE)]
        created = any(e.action is AuditAction.CREATE for e in group)
        reason = ""
        if toggles and toggles[-1].action in (AuditAction.ARCHIVE, AuditAction.DELETE):
            action, reason = ChangeAction.ARCHIVED, toggles[-1].reason
        elif created:
            action = ChangeAction.ADDED
        elif toggles:
            # An ended watch link taken up again is a new watch link for the meeting.
            action = ChangeAction.ADDED if kind is ChangeKind.WATCH_LINK else ChangeAction.RESTORED
        else:
            action = ChangeAction.CHANGED
        fields = tuple(dict.fromkeys(e.field for e in group if e.action is AuditAction.UPDATE and e.field
                                     and e.field != "deleted_at")) if action is ChangeAction.CHANGED else ()
        if action is ChangeAction.CHANGED and not fields:
            continue
        recorded_by = tuple(dict.fromkeys(e.operator_name for e in group if e.operator_name))
        items.append(ChangeItem(kind, action, entity_id, person_id, household_id, home.map_number, label, fields,
                                recorded_by, _aware(group[-1].at), reason))
    return items


def _changes_from_timestamps(session: Session, town_id: uuid.UUID, start: datetime,
                             stop: datetime | None) -> list[ChangeItem]:
    def within(value: datetime | None) -> bool:
        if value is None:
            return False
        value = _aware(value)
        return value >= start and (stop is None or value < stop)

    def action_of(record) -> ChangeAction | None:  # noqa: ANN001 - any record with the Record columns
        if within(getattr(record, "deleted_at", None)):
            return ChangeAction.ARCHIVED
        if within(record.created_at):
            return ChangeAction.ADDED
        if within(record.updated_at):
            return ChangeAction.CHANGED
        return None

    items = []
    homes = list(session.scalars(select(Household).where(Household.town_id == town_id)
                                 .options(selectinload(Household.persons))))
    for h in homes:
        if (action := action_of(h)) is not None:
            items.append(ChangeItem(ChangeKind.HOUSEHOLD, action, h.id, None, h.id, h.map_number,
                                    h.name or h.address, (), (), _aware(h.deleted_at or h.updated_at)))
        for p in h.persons:
            if (action := action_of(p)) is not None:
                items.append(ChangeItem(ChangeKind.PERSON, action, p.id, p.id, h.id, h.map_number, p.name, (), (),
                                        _aware(p.deleted_at or p.updated_at)))
    by_person = {p.id: (p, h) for h in homes for p in h.persons}
    if by_person:
        for link in session.scalars(select(WatchLink).where(WatchLink.person_id.in_(list(by_person)))
                                    .options(selectinload(WatchLink.watcher))):
            action = action_of(link)
            if action is ChangeAction.ADDED and link.deleted_at is None:
                p, h = by_person[link.person_id]
                items.append(ChangeItem(ChangeKind.WATCH_LINK, action, link.id, p.id, h.id, h.map_number,
                                        f"{link.watcher.name} → {p.name}", (), (), _aware(link.created_at)))
        for card in session.scalars(select(EmergencyCard).where(EmergencyCard.person_id.in_(list(by_person)))):
            if action_of(card) is ChangeAction.ADDED and card.deleted_at is None:
                p, h = by_person[card.person_id]
                items.append(ChangeItem(ChangeKind.EMERGENCY_CARD, ChangeAction.ADDED, card.id, p.id, h.id,
                                        h.map_number, p.name, (), (), _aware(card.created_at)))
    return items

