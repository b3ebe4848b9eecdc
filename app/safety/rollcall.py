"""The roll call of an incident: every person needing support in its towns, deepest hazard first, with the
check that shows for each (``incidents.latest_key``), and the counts per status and per 地区.

Hazard order: each household's exposure from app/hazards (through ``hazard_score``); a household whose
position is unknown comes last, never silently "safe".

City-sized (8,000 persons, bench/safety.py): Core selects of the columns shown, the latest checks in one query,
the exposures of just the roll call's households; after a check the window reads only that household's latest
checks and moves its counts by the old and new status (``RollCallCounts``) instead of counting everyone again.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from operator import itemgetter
from typing import cast

from sqlalchemy import ColumnElement, Label, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.hazards.exposure import ExposureView, exposures_for
from app.models import District, Household, Person, Town, Watcher, WatcherRole, WatchLink, stored
from app.models.safety import SafetyEvent, SafetyStatus
from app.models.writes import large_cache
from app.safety.incidents import event_view, get_incident
from app.safety.views import STATUS_COLORS, STATUS_LABELS, DistrictCount, EventView, RollCallRow

UNKNOWN_HAZARD = "不明（位置が地図上にない）"
_CHUNK = 10_000  # ids per IN (…) list: one query for a city's roll call (SQLite allows 32,766 parameters)

# A sediment zone weighs like a depth: the special warning zone (建物が壊れ命に危険) between 3–5 m and
# 5–10 m of water, the warning zone between 0.5–3 m and 3–5 m (depth ranks ×10).
_SEDIMENT_SCORE = {2: 35, 1: 25}


def hazard_score(e: ExposureView | None) -> int | None:
    """How deep the household's hazard is (higher first); None when its position is unknown."""
    if e is None or not e.known:
        return None
    depths = [r for r in (e.flood_rank, e.storm_surge_rank, e.tsunami_rank) if r]
    score = max((10 * r for r in depths), default=0)
    return max(score, _SEDIMENT_SCORE.get(e.sediment_class or 0, 0))


def latest_checks(session: Session, incident_id: uuid.UUID, person_ids: Iterable[uuid.UUID] | None = None
                  ) -> dict[uuid.UUID, EventView]:
    """Each person's check that shows (of ``person_ids``; of everyone when None), by the fixed rule
    (``incidents.latest_key``: the latest ``checked_at``, then ``recorded_at``, then the id) in one query: the
    events ranked per person by a window function."""
    e = SafetyEvent
    rank = func.row_number().over(partition_by=e.person_id,
                                  order_by=(e.checked_at.desc(), e.recorded_at.desc(), e.id.desc())).label("n")
    query = select(e.id, e.incident_id, e.person_id, e.status, e.shelter_text, e.shelter_id, e.checked_by,
                   e.checked_at, e.method, e.note, e.recorded_at, e.recorded_on, rank).where(e.incident_id == incident_id)
    ids = None if person_ids is None else list(person_ids)
    found: dict[uuid.UUID, EventView] = {}
    for start in range(0, 1 if ids is None else len(ids), _CHUNK):
        ranked = (query if ids is None else query.where(e.person_id.in_(ids[start:start + _CHUNK]))).subquery()
        # A Core row has the attribute names of a SafetyEvent: the same view as the history's.
        found.update((row.person_id, event_view(cast(SafetyEvent, row)))
                     for row in session.execute(select(ranked).where(ranked.c.n == 1)))
    return found


def _watchers(session: Session, person_ids: list[uuid.UUID]) -> dict[str, list[tuple[str, bool]]]:
    """Each person's active watchers by name, in form order, with whether each is a 民生児童委員 (by the person's
    key as the database holds it). The ids as a list: an index probe each, no second pass over the town."""
    by_person: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for start in range(0, len(person_ids), _CHUNK):
        rows = session.execute(
            select(_raw(WatchLink.person_id), Watcher.name, Watcher.role)
            .join(Watcher, Watcher.id == WatchLink.watcher_id)
            .where(WatchLink.person_id.in_(person_ids[start:start + _CHUNK]), WatchLink.deleted_at.is_(None),
                   Watcher.deleted_at.is_(None))
            .order_by(WatchLink.sort_order, Watcher.name))
        for person_id, name, role in rows:
            by_person[person_id].append((name, WatcherRole(role) is WatcherRole.WELFARE_COMMISSIONER))
    return by_person


def _raw(column: InstrumentedAttribute) -> Label:
    """A key as the database holds it: hex text in SQLite, turned into a UUID once per distinct value here
    (the column type would build one per row and per column)."""
    return stored(column, f"{column.class_.__tablename__}_{column.key}")


class _Keys(dict):
    """Raw keys → UUIDs, each built once."""

    def __missing__(self, raw: str | uuid.UUID) -> uuid.UUID:
        value = self[raw] = raw if isinstance(raw, uuid.UUID) else uuid.UUID(raw)
        return value


def roll_call(session: Session, incident_id: uuid.UUID, *, town_id: uuid.UUID | None = None,
              household_id: uuid.UUID | None = None) -> list[RollCallRow]:
    """Every person of concern in the incident's towns (or in one of them), deepest hazard first.

    With ``household_id``, only that household's persons (after a check: the window redraws one row and one
    ring); their ``hazard_order`` then counts within the household only.

    Core selects of the columns shown (no ORM objects): the persons with their household, town and 地区; the
    latest event of each in one query; the watchers in one; the exposures of just these households in one."""
    if household_id is None:  # the whole roll call: its pages are read more than once, decrypted once
        with large_cache(session):
            return _roll_call(session, incident_id, town_id, None)
    return _roll_call(session, incident_id, town_id, household_id)


def _roll_call(session: Session, incident_id: uuid.UUID, town_id: uuid.UUID | None,
               household_id: uuid.UUID | None) -> list[RollCallRow]:
    incident = get_incident(session, incident_id)
    towns = [t for t in incident.town_ids if town_id is None or t == town_id]
    p, h = Person, Household
    where: list[ColumnElement[bool]] = [h.town_id.in_(towns), p.of_concern.is_(True), p.deleted_at.is_(None),
                                        h.deleted_at.is_(None)]
    if household_id is not None:
        where.append(h.id == household_id)
    rows = session.execute(
        select(_raw(p.id), _raw(h.id), _raw(h.town_id), Town.name, _raw(District.id), District.name, h.map_number,
               p.name, p.kana, p.phone, h.address, h.lat, h.lon, p.sort_order)
        .join(h, h.id == p.household_id).join(Town, Town.id == h.town_id)
        .join(District, District.id == Town.district_id).where(*where)).all()
    key = _Keys()
    person_ids = [key[r[0]] for r in rows]
    hazards = exposures_for(session, [key[r[1]] for r in rows])
    latest = latest_checks(session, incident_id, None if household_id is None else person_ids)
    watchers = _watchers(session, person_ids)
    keyed = []
    for r in rows:
        exposure = hazards.get(key[r[1]])
        score = hazard_score(exposure)
        keyed.append(((score is None, -(score or 0), r[3], r[6], r[13], r[7]), r,
                      UNKNOWN_HAZARD if score is None or exposure is None else exposure.summary))
    keyed.sort(key=itemgetter(0))
    made = []
    for n, (_, r, label) in enumerate(keyed):
        names = watchers.get(r[0], ())
        person_id = key[r[0]]
        made.append(RollCallRow(person_id, key[r[1]], key[r[2]], r[3], key[r[4]], r[5], r[6], r[7], r[8] or "",
                                r[9] or "", r[10] or "", r[11], r[12], n, label, tuple(w for w, _ in names),
                                tuple(w for w, c in names if c), latest.get(person_id)))
    return made


class RollCallCounts:
    """The counts per status, overall and per 地区 (what the status bar and the projector show), kept up to date
    one person at a time: a check takes the person's old status off and adds the new one, no recount of the
    whole roll call."""

    def __init__(self, rows: Iterable[RollCallRow] = ()) -> None:
        self._all: Counter[SafetyStatus] = Counter()
        self._districts: dict[str, Counter[SafetyStatus]] = defaultdict(Counter)
        for row in rows:
            self._add(row, 1)

    def _add(self, row: RollCallRow, sign: int) -> None:
        status = row.status
        self._all[status] += sign
        self._districts[row.district_name][status] += sign

    def replace(self, old: RollCallRow | None, new: RollCallRow | None) -> None:
        """One person's row changed (``old`` None: added; ``new`` None: gone)."""
        if old is not None:
            self._add(old, -1)
        if new is not None:
            self._add(new, 1)

    def statuses(self) -> dict[SafetyStatus, int]:
        """How many persons show each status (every status present, zeros included), in the statuses' order."""
        return {s: self._all.get(s, 0) for s in SafetyStatus}

    def districts(self) -> list[DistrictCount]:
        """Counts per status in each 地区, by district name: no name, number or address of any person."""
        return [DistrictCount(name, {s: counted.get(s, 0) for s in SafetyStatus})
                for name, counted in sorted(self._districts.items()) if counted.total() > 0]


def status_counts(rows: Iterable[RollCallRow]) -> dict[SafetyStatus, int]:
    """How many persons show each status (every status present, zeros included), in the statuses' order."""
    return RollCallCounts(rows).statuses()


def district_counts(rows: Iterable[RollCallRow]) -> list[DistrictCount]:
    """Counts per status in each 地区, by district name: no name, number or address of any person."""
    return RollCallCounts(rows).districts()


def incident_counts(session: Session, incident_id: uuid.UUID) -> tuple[dict[SafetyStatus, int], list[DistrictCount]]:
    """The status bar's and the projector's counts for an incident."""
    rows = roll_call(session, incident_id)
    return status_counts(rows), district_counts(rows)


# Which status a household's ring shows when several persons live there: the most urgent first.
URGENCY = (SafetyStatus.NEEDS_HELP, SafetyStatus.UNREACHABLE, SafetyStatus.UNCHECKED, SafetyStatus.HOSPITAL,
           SafetyStatus.EVACUATED, SafetyStatus.SAFE_HOME)


_RANK = {s: n for n, s in enumerate(URGENCY)}


def status_rings(rows: Iterable[RollCallRow]) -> list[dict]:
    """One ring per household for the map page: its most urgent status's colour and label (no names)."""
    by_household: dict[uuid.UUID, list[SafetyStatus]] = defaultdict(list)
    for r in rows:
        by_household[r.household_id].append(r.status)
    rings = []
    for household_id, statuses in by_household.items():
        if len(statuses) == 1:  # most households: one person of concern
            top, label = statuses[0], STATUS_LABELS[statuses[0]]
        else:
            counted = sorted(Counter(statuses).items(), key=lambda pair: _RANK[pair[0]])
            top = counted[0][0]
            label = "・".join(STATUS_LABELS[s] + (f" ×{n}" if n > 1 else "") for s, n in counted)
        rings.append({"householdId": str(household_id), "color": STATUS_COLORS[top], "label": label})
    return rings
