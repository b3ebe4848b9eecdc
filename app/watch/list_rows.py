"""Step II's list read straight from the driver's rows (``network.list_concerns`` is this read).

A city has 7,700 persons of concern and 8,600 watch links. Read through SQLAlchemy's typed result rows, every id
went through the Uuid processor, every date through the SQLite date parser and every cell through a ``Row``
attribute lookup: three quarters of the read. Here the two queries are the same Core statements (same SQL, same
plan, same order) as the typed-row read they replaced (kept in tests/test_list_rows.py as the oracle), with the
ids read as their stored text; each id and date is made once (a household's persons share one UUID, a watcher's
links one ``WatcherView``), and rows are unpacked as plain tuples.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from typing import Any, overload

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.views import PersonView
from app.hazards.exposure import exposure_columns
from app.models import Household, Person, stored
from app.models.watch import Watcher, WatcherRole, WatchFrequency, WatchLink
from app.watch.views import ConcernView, WatcherView, WatchLinkView

_new = object.__new__
_set = object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def uuid_of_hex(key: str) -> uuid.UUID:
    """``uuid.UUID(key)`` for the 32 hex digits SQLite stores, without its parsing of other spellings (half the
    cost; a city's lists make 25,000 of them). Hand-written: fills the two slots ``UUID.__init__`` fills."""
    value = _new(uuid.UUID)
    _set(value, "int", int(key, 16))
    _set(value, "is_safe", _UNKNOWN)
    return value


class _Ids(dict):
    """Stored key -> its UUID, made the first time the key is asked for (a UUID or None stands for itself). Asked
    through the dict's own ``__getitem__``: a key seen before costs no Python call (a city's lists ask 44,000
    times for 20,000 keys)."""

    __slots__ = ()

    def __missing__(self, key: Any) -> uuid.UUID | None:
        value = self[key] = None if key is None else uuid_of_stored(key)
        return value


def id_maker() -> Any:
    """The UUID of a stored key, made once per key (a household's persons, a watcher's links share one); a read
    that goes on to other rows of the same households passes it along (``read_concerns(make=...)``)."""
    return _Ids().__getitem__


def uuid_of_stored(key: str | uuid.UUID) -> uuid.UUID:
    """The UUID of a key read as stored (``stored(...)``): hex text from SQLite, a UUID from PostgreSQL's driver."""
    if isinstance(key, uuid.UUID):
        return key
    return uuid_of_hex(key) if len(key) == 32 else uuid.UUID(key)


@overload
def day_of_stored(value: None) -> None: ...
@overload
def day_of_stored(value: str | date) -> date: ...
def day_of_stored(value: Any) -> date | None:
    """A stored date: ISO text in SQLite (as SQLAlchemy writes it), a ``date`` from PostgreSQL's driver."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


_FREQUENCIES = {f.value: f for f in WatchFrequency}


def _frequency(value: str | None) -> WatchFrequency | None:
    """A stored frequency (read as text: no Enum processor per link); an unknown one fails as the processor did."""
    return (_FREQUENCIES.get(value) or WatchFrequency(value)) if value else None


def concern_statement(town_id: uuid.UUID, *, exposures: bool = False):  # noqa: ANN201 - a Select
    """The town's live persons of concern with their household's columns, in map-number order, with the ids and
    dates read as stored; with ``exposures``, each household's stored exposure row after them (outer join: none
    when the household has none yet)."""
    query = (
        select(stored(Person.id, "person_key"), stored(Person.household_id, "household_key"), Person.name,
               Person.kana, stored(Person.birth_date, "born"), Person.phone, Person.concerns, Person.sort_order,
               Household.map_number, Household.name.label("household_name"), Household.address, Household.lat,
               Household.lon)
        .join(Household, Person.household_id == Household.id)
        # coalesce(): no index serves it, so SQLite reads the members in one pass and each one's household by key.
        # The member's deletion through coalesce() too: SQLite then takes ix_person_of_concern, whose entries are in
        # row order, and reads the member pages front to back (ix_person_of_concern_home, in household-id order,
        # jumped over the whole table: a third more of the read's SQL time). Equal keys keep their row order
        # either way (a household's members with the same sort_order: tests/test_lists_order_ties.py).
        .where(func.coalesce(Household.town_id, Household.town_id) == town_id, Household.deleted_at.is_(None),
               func.coalesce(Person.deleted_at, Person.deleted_at).is_(None), Person.of_concern.is_(True))
        .order_by(Household.map_number, Person.sort_order)
    )
    if exposures:
        exposure, columns = exposure_columns()
        query = query.add_columns(*columns).outerjoin(exposure, exposure.c.household_id == Household.id)
    return query


def link_statement(town_id: uuid.UUID):  # noqa: ANN201 - a Select
    """Live links whose watcher is a live watcher of the town, in form order (starting from the town's watchers,
    SQLite reads the links by key and never every member of the town)."""
    return (
        select(stored(WatchLink.id, "link_key"), stored(WatchLink.person_id, "person_key"), WatchLink.involvement,
               stored(WatchLink.frequency, "frequency"), stored(WatchLink.since, "since"), WatchLink.note,
               stored(Watcher.id, "watcher_key"), Watcher.name, Watcher.kana, Watcher.phone,
               # the role and frequency as stored: made into their enums once per watcher, by a dict per link
               Watcher.address, stored(Watcher.role, "role"), stored(Watcher.household_id, "home_key"))
        .join(Watcher, WatchLink.watcher_id == Watcher.id)
        .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None), WatchLink.deleted_at.is_(None))
        .order_by(WatchLink.person_id, WatchLink.sort_order, WatchLink.created_at)
    )


def read_concerns(session: Session, town_id: uuid.UUID, make: Any = None, *, homes: list | None = None,
                  lines: list | None = None) -> list[ConcernView]:
    """The town's persons of concern in map-number order, each with their current watchers (two queries): the
    list ``network.list_concerns`` gives (tests/test_list_rows.py compares it with the typed-row read). ``make``:
    an ``id_maker()`` to share with later reads. ``homes``: a list that gets each household's row for
    ``exposures_of_rows`` (its stored exposure, read in the same query), one per household in map-number order.
    ``lines``: a list that gets each link as its stored keys for ``network.line_keys`` (link, person, the person's
    household, watcher, the watcher's household, role), in the order of the list and of each person's links."""
    with no_gc_pauses():
        make = make or id_maker()
        db = session.connection()  # Core rows: no ORM loading step per row
        rows = db.execute(concern_statement(town_id, exposures=homes is not None)).all()
        if not rows:
            return []
        if homes is not None:
            last = None
            for row in rows:  # a household's members are next to each other (map-number order)
                if row[1] != last:
                    last = row[1]
                    homes.append((last, row[8], *row[11:]))  # id, number, lat, lon, stored
        links: dict[Any, list[WatchLinkView]] = defaultdict(list)
        keys: dict[Any, list[tuple]] = defaultdict(list)  # person key -> its links' keys (with ``lines``)
        watchers: dict[Any, WatcherView] = {}
        for (link_key, person_key, involvement, frequency, since, note, watcher_key, name, kana, phone, address,
             role, home_key) in db.execute(link_statement(town_id)).all():  # all(): one fetch, not one per row
            w = watchers.get(watcher_key)
            if w is None:
                w = watchers[watcher_key] = WatcherView(make(watcher_key), town_id, name, kana, phone, address,
                                                        WatcherRole(role), make(home_key), False)
            links[person_key].append(WatchLinkView(uuid_of_stored(link_key), make(person_key), w, involvement,
                                                   _frequency(frequency), day_of_stored(since), note))
            if lines is not None:
                keys[person_key].append((link_key, watcher_key, home_key, role))
        if lines is not None:
            lines += [(link_key, row[0], row[1], watcher_key, home_key, role)
                      for row in rows if row[0] in keys for link_key, watcher_key, home_key, role in keys[row[0]]]
        empty: tuple = ()
        return [ConcernView(PersonView(make(pid), home, name, kana, day_of_stored(born), phone, True, concerns),
                            home, number, household_name, address,
                            tuple(links[pid]) if pid in links else empty, order, lat, lon)
                for (pid, hid, name, kana, born, phone, concerns, order, number, household_name, address, lat, lon,
                     *_stored) in rows
                for home in (make(hid),)]
