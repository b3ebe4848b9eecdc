"""Applying a previewed roster: the rows ``plan`` matched become new households, members, categories,
watchers and watch links (or updates of known members), collected as plain rows and written in bulk
through the ledger's one audited write path (app/models/writes.py), in the caller's transaction."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.phones import normalise_phone
from app.core.sheets import PreviewRow
from app.core.text import fold, search_key
from app.households.search import entries_in_bulk
from app.models import Household, Person, utcnow
from app.models.audit import REASON_INFO_KEY, Origin
from app.models.entities import household_category_link
from app.models.watch import Watcher, WatcherRole, WatchLink
from app.models.writes import LinkChange, RowChange, Writes, large_cache
from app.towns.addresses import AddressTable
from app.watch.roster.matching import Known, RosterPreview, Town, plan, town_for
from app.watch.roster.reading import RosterRow

_CACHE_KIB = 131_072  # SQLite's page cache while the import writes (large_cache)
# The fields a household created by the import is logged with (the position only when the address was found).
_HOUSEHOLD_FIELDS = ("town_id", "map_number", "name", "address", "note")


class RosterWriter:
    """Collects the import's inserts and updates as plain rows, for ``plan`` to fill row by row; ``send``
    writes them with their audit entries (one per field set or changed) as executemany batches."""

    def __init__(self, session: Session, town_id: uuid.UUID, town: Town, address_table: AddressTable | None,
                 origin: Origin) -> None:
        self.session, self.town_id, self.town, self.address_table = session, town_id, town, address_table
        self.origin = origin
        self.now = utcnow()
        self.households: list[dict] = []
        self.located: list[dict] = []  # new households placed near their 町丁目
        self.persons: list[dict] = []
        self.person_updates: list[RowChange] = []
        self.category_links: list[dict] = []
        self.category_changes: list[LinkChange] = []
        self.watchers: list[dict] = []
        self.links: list[dict] = []
        self.revived: list[RowChange] = []
        # What this import adds, kept apart from ``town`` (which the preview may hand to the next apply).
        self.next_map_number = town.next_map_number
        self.categories_of: dict[uuid.UUID, set[str]] = {}
        self.sort_orders: dict[uuid.UUID, int] = {}
        self.watchers_by_name = {k: list(v) for k, v in town.watchers.items()}
        self.new_links: set[tuple[uuid.UUID, uuid.UUID]] = set()
        self.link_orders: dict[uuid.UUID, int] = {}
        # Per import (no roster text outlives it): names, kana and watchers' names repeat, and so may phones.
        self.fold = functools.lru_cache(maxsize=None)(fold)
        self.search_key = functools.lru_cache(maxsize=None)(search_key)
        self.phone = functools.lru_cache(maxsize=None)(lambda text: normalise_phone(text).text)

    def categories(self, household_id: uuid.UUID) -> set[str]:
        """The household's categories as this import has left them so far."""
        if household_id not in self.categories_of:
            self.categories_of[household_id] = set(self.town.household_categories.get(household_id, ()))
        return self.categories_of[household_id]

    # ------------------------------------------------ collecting

    def add_household(self, address: str) -> uuid.UUID:
        address = address.strip()
        household_id = uuid.uuid4()
        values: dict[str, object] = dict(id=household_id, town_id=self.town_id, map_number=self.next_map_number, name="",
                      address=address, note="", search_key=self.search_key("", address),
                      lat=None, lon=None, position_approximate=False, created_at=self.now, updated_at=self.now)
        self.next_map_number += 1
        if self.address_table is not None and (hit := self.address_table.locate(address)):
            values.update(lat=hit.lat, lon=hit.lon, position_approximate=True)
            self.located.append(values)
        else:
            self.households.append(values)
        self.categories_of[household_id] = set()
        return household_id

    def add_person(self, household_id: uuid.UUID, r: RosterRow) -> uuid.UUID:
        name, kana = r.name.strip(), r.kana.strip()
        order = self.sort_orders.get(household_id, self.town.last_sort_order.get(household_id, -1)) + 1
        self.sort_orders[household_id] = order
        person_id = uuid.uuid4()
        self.persons.append(dict(id=person_id, household_id=household_id, name=name, kana=kana,
                                 birth_date=r.birth_date, phone=self.phone(r.phone), of_concern=r.of_concern,
                                 concerns=r.concerns.strip(), sort_order=order, search_key=self.search_key(name, kana),
                                 created_at=self.now, updated_at=self.now))
        return person_id

    def update_person(self, r: RosterRow, p: Known) -> None:
        # An empty roster cell never erases what the ledger knows; a person is matched once per import.
        kana = r.kana or p.kana
        new = dict(kana=kana, phone=r.phone or p.phone, concerns=r.concerns or p.concerns,
                   birth_date=r.birth_date or p.birth_date, of_concern=p.of_concern or r.of_concern)
        # The key only when it changes (every write path keeps it as search_key(name, kana)): writing it, even
        # unchanged, makes the search index's triggers rewrite the member's entry, FTS row and pairs.
        if (key := self.search_key(p.name, kana)) != self.search_key(p.name, p.kana):
            new["search_key"] = key
        record = dict(id=p.id, household_id=p.household_id, name=p.name, kana=p.kana, phone=p.phone,
                      concerns=p.concerns, birth_date=p.birth_date, of_concern=p.of_concern)
        self.person_updates.append(RowChange(record, new))
        self.add_categories(p.household_id, r)

    def add_categories(self, household_id: uuid.UUID, r: RosterRow) -> None:
        have = self.categories(household_id)
        added = []
        for code in [*r.kinds, *(["of_concern"] if r.of_concern else [])]:
            if code not in have and code in self.town.categories:
                have.add(code)
                added.append(code)
                self.category_links.append(dict(household_id=household_id, category_id=self.town.categories[code][0]))
        if added:
            record = dict(id=household_id, name=self.town.household_names.get(household_id, ""))
            self.category_changes.append(LinkChange("household", record, "categories",
                                                    added=tuple(self.town.categories[c][1] for c in added)))

    def link_watchers(self, person_id: uuid.UUID, r: RosterRow) -> None:
        for name, role in r.watchers:
            key = self.fold(name)
            known = self.watchers_by_name.get(key, [])
            if known:
                watcher_id = known[0]  # the first of namesakes: the roster gives nothing better to tell them apart
            else:
                watcher_id = uuid.uuid4()
                self.watchers.append(dict(id=watcher_id, town_id=self.town_id, name=name.strip(), kana="", phone="",
                                          address="", role=WatcherRole(role), household_id=None,
                                          search_key=self.search_key(name.strip(), ""), created_at=self.now,
                                          updated_at=self.now))
                self.watchers_by_name.setdefault(key, []).append(watcher_id)
            pair = (person_id, watcher_id)
            if pair in self.town.live_links or pair in self.new_links:
                continue
            self.new_links.add(pair)
            if (dead := self.town.dead_links.get(pair)) is not None:
                # As link_watcher: an unlinked pair comes back as the same record (its history stays with it).
                self.revived.append(RowChange(dead, dict(deleted_at=None, sort_order=self._next_link_order(person_id),
                                                         involvement="", frequency=None, since=None, note="")))
                continue
            self.links.append(dict(id=uuid.uuid4(), person_id=person_id, watcher_id=watcher_id, involvement="",
                                   note="", sort_order=self._next_link_order(person_id), created_at=self.now,
                                   updated_at=self.now))

    def _next_link_order(self, person_id: uuid.UUID) -> int:
        order = self.link_orders.get(person_id, self.town.last_link_order.get(person_id, -1)) + 1  # as link_watcher
        self.link_orders[person_id] = order
        return order

    # ------------------------------------------------ writing

    def send(self, progress: Callable[[int, int], None] | None) -> None:
        writes = Writes(self.session, self.origin)
        writes.insert(Household, self.households, logged=_HOUSEHOLD_FIELDS)
        writes.insert(Household, self.located, logged=(*_HOUSEHOLD_FIELDS, "lat", "lon", "position_approximate"))
        writes.insert(Person, self.persons)
        writes.update(Person, self.person_updates)
        writes.link(household_category_link, self.category_links, self.category_changes)
        writes.insert(Watcher, self.watchers)
        writes.insert(WatchLink, self.links)
        writes.update(WatchLink, self.revived)
        # The new households' and persons' search entries and pairs set-wise, not a trigger per row (search.py).
        with entries_in_bulk(self.session, [h["id"] for h in (*self.households, *self.located)],
                             [p["id"] for p in self.persons]):
            writes.send(progress)


def apply_roster(session: Session, preview: RosterPreview, *, address_table: AddressTable | None = None,
                 progress: Callable[[int, int], None] | None = None) -> list[PreviewRow]:
    """Write the previewed roster in the caller's transaction; rows still needing a decision are left out.

    Matching is redone against the ledger as it is now, with the decisions taken on the preview. The
    writes go in bulk with their audit entries (operator: the session's; reason: the session's, else
    "roster: <file name>"); ``progress(done, total)`` is called after each batch. A cancel that makes a
    statement raise (app/ui/worker.py) and any error propagate: the caller's transaction rolls
    everything back, data and audit entries alike.
    """
    assert preview.town_id is not None, "a roster preview is made for a town"
    reason = session.info.get(REASON_INFO_KEY) or f"roster: {preview.path.name}"
    with no_gc_pauses():  # as read_roster: the rows and their audit entries are many small objects
        writer = RosterWriter(session, preview.town_id, town_for(session, preview), address_table,
                              Origin.of(session, reason=str(reason)))
        rows = plan(session, preview, writer)
        # The new rows' random ids land on pages all over the indexes (writes.py). At 150,000 households the pages
        # an import of 10,000 rows touches outgrow the usual 64 MB (about 110 MB were touched): with 128 MB the
        # writes took a fifth less CPU; the memory is SQLite's pages actually read, given back after.
        with large_cache(session, _CACHE_KIB):
            writer.send(progress)
    return rows
