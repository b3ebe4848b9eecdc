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
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.views import PersonView
from app.models import Household, Person
from app.models.watch import Watcher, WatcherRole, WatchFrequency, WatchLink
from app.watch.views import ConcernView, WatcherView, WatchLinkView


def _text(column: Any, label: str) -> Any:
    """The column as its driver gives it (hex text in SQLite, a UUID from PostgreSQL's driver): no processor."""
    return type_coerce(column, String).label(label)


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


def id_maker() -> Any:
    """The UUID of a stored key, made once per key (a household's persons, a watcher's links share one); a read
    that goes on to other rows of the same households passes it along (``read_concerns(make=...)``)."""
    made: dict[Any, uuid.UUID | None] = {}

    def make(key: Any) -> uuid.UUID | None:
        try:
            return made[key]
        except KeyError:
            value = made[key] = key if key is None or isinstance(key, uuid.UUID) else _uuid(key)
            return value
    return make


def _uuid(key: str) -> uuid.UUID:
    return uuid_of_hex(key) if len(key) == 32 else uuid.UUID(key)


def _day(value: Any) -> date | None:
    """A stored date: ISO text in SQLite (as SQLAlchemy writes it), a ``date`` from PostgreSQL's driver."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


_FREQUENCIES = {f.value: f for f in WatchFrequency}


def _frequency(value: str | None) -> WatchFrequency | None:
    """A stored frequency (read as text: no Enum processor per link); an unknown one fails as the processor did."""
    return (_FREQUENCIES.get(value) or WatchFrequency(value)) if value else None


def concern_statement(town_id: uuid.UUID):  # noqa: ANN201 - a Select
    """The town's live persons of concern with their household's columns, in map-number order, with the ids and
    dates read as stored."""
    return (
        select(_text(Person.id, "person_key"), _text(Person.household_id, "household_key"), Person.name, Person.kana, _text(Person.birth_date, "born"),
               Person.phone, Person.concerns, Person.sort_order, Household.map_number, Household.name.label("household_name"),
               Household.address, Household.lat, Household.lon)
        .join(Household, Person.household_id == Household.id)
        # coalesce(): no index serves it, so SQLite reads the members in one pass and each one's household by key
        .where(func.coalesce(Household.town_id, Household.town_id) == town_id, Household.deleted_at.is_(None),
               Person.deleted_at.is_(None), Person.of_concern.is_(True))
        .order_by(Household.map_number, Person.sort_order)
    )


def link_statement(town_id: uuid.UUID):  # noqa: ANN201 - a Select
    """Live links whose watcher is a live watcher of the town, in form order (starting from the town's watchers,
    SQLite reads the links by key and never every member of the town)."""
    return (
        select(_text(WatchLink.id, "link_key"), _text(WatchLink.person_id, "person_key"), WatchLink.involvement, _text(WatchLink.frequency, "frequency"),
               _text(WatchLink.since, "since"), WatchLink.note, _text(Watcher.id, "watcher_key"), Watcher.name, Watcher.kana, Watcher.phone,
               # the role and frequency as stored: made into their enums once per watcher, by a dict per link
               Watcher.address, _text(Watcher.role, "role"), _text(Watcher.household_id, "home_key"))
        .join(Watcher, WatchLink.watcher_id == Watcher.id)
        .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None), WatchLink.deleted_at.is_(None))
        .order_by(WatchLink.person_id, WatchLink.sort_order, WatchLink.created_at)
    )


def concern_homes(town_id: uuid.UUID):  # noqa: ANN201 - a Select
    """The ids of the households on the Step II list (a live person of concern in a live household of the town),
    for a statement to select them by (``exposures_in``) instead of binding thousands of ids."""
    return (select(Person.household_id).join(Household, Person.household_id == Household.id)
            .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None),
                   Person.of_concern.is_(True)))


def read_concerns(session: Session, town_id: uuid.UUID, make: Any = None) -> list[ConcernView]:
    """The town's persons of concern in map-number order, each with their current watchers (two queries): the
    list ``network.list_concerns`` gives (tests/test_list_rows.py compares it with the typed-row read). ``make``:
    an ``id_maker()`` to share with later reads."""
    with no_gc_pauses():
        make = make or id_maker()
        db = session.connection()  # Core rows: no ORM loading step per row
        rows = db.execute(concern_statement(town_id)).all()
        if not rows:
            return []
        links: dict[Any, list[WatchLinkView]] = defaultdict(list)
        watchers: dict[Any, WatcherView] = {}
        for (link_key, person_key, involvement, frequency, since, note, watcher_key, name, kana, phone, address,
             role, home_key) in db.execute(link_statement(town_id)):
            w = watchers.get(watcher_key)
            if w is None:
                w = watchers[watcher_key] = WatcherView(make(watcher_key), town_id, name, kana, phone, address,
                                                        WatcherRole(role), make(home_key), False)
            links[person_key].append(WatchLinkView(_uuid(link_key) if isinstance(link_key, str) else link_key,
                                                   make(person_key), w, involvement, _frequency(frequency),
                                                   _day(since), note))
        empty: tuple = ()
        return [ConcernView(PersonView(make(pid), make(hid), name, kana, _day(born), phone, True, concerns),
                            make(hid), number, household_name, address,
                            tuple(links[pid]) if pid in links else empty, order, lat, lon)
                for (pid, hid, name, kana, born, phone, concerns, order, number, household_name, address, lat, lon)
                in rows]
