"""Plain, immutable views of the watch network (Step II), handed to the UI and the Excel form."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from app.core.views import PersonView
from app.models.watch import WatcherRole, WatchFrequency


@dataclass(frozen=True, slots=True)
class WatcherFields:
    """The editable fields of a watcher, as a dialog submits them."""

    name: str
    kana: str = ""
    phone: str = ""
    address: str = ""
    role: WatcherRole | str = WatcherRole.OTHER
    household_id: uuid.UUID | None = None  # the mapped household the watcher lives in, if any


@dataclass(frozen=True, slots=True)
class LinkFields:
    """How a watcher is involved with one person of concern."""

    involvement: str = ""  # 関わり方: 声かけ, 安否確認, ゴミ出し …
    frequency: WatchFrequency | str | None = None
    since: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class WatcherView:
    id: uuid.UUID
    town_id: uuid.UUID
    name: str
    kana: str
    phone: str
    address: str
    role: WatcherRole
    household_id: uuid.UUID | None
    archived: bool = False


@dataclass(frozen=True, slots=True)
class WatchLinkView:
    id: uuid.UUID
    person_id: uuid.UUID
    watcher: WatcherView
    involvement: str
    frequency: WatchFrequency | None
    since: date | None
    note: str


@dataclass(frozen=True, slots=True)
class ConcernView:
    """A person of concern with their household and the watchers currently looking after them."""

    person: PersonView
    household_id: uuid.UUID
    map_number: int
    household_name: str
    address: str
    links: tuple[WatchLinkView, ...] = ()
    # Read along for Step III, which lists the same persons (the nearest shelter, the order within a household);
    # not part of what a concern is: left out of equality.
    sort_order: int = field(default=0, compare=False, repr=False)
    lat: float | None = field(default=None, compare=False, repr=False)
    lon: float | None = field(default=None, compare=False, repr=False)

    @property
    def has_watcher(self) -> bool:
        return bool(self.links)


@dataclass(frozen=True, slots=True)
class WatchLineView:
    """One line on the map: from the watcher's household to the household of the person watched."""

    link_id: uuid.UUID
    person_id: uuid.UUID
    person_household_id: uuid.UUID
    watcher_id: uuid.UUID
    watcher_household_id: uuid.UUID
    role: WatcherRole
