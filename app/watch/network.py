"""Step II: watchers, their links to persons of concern, and the gap (persons nobody watches)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, selectinload

from app.core import validators as check
from app.core.batches import chunks
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.records import live
from app.core.text import search_key
from app.core.views import PersonView
from app.models import Household, Person, Town, stored, utcnow
from app.models.watch import Watcher, WatcherRole, WatchFrequency, WatchLink
from app.watch.list_rows import read_concerns
from app.watch.views import (
    ConcernView,
    LinkFields,
    WatcherFields,
    WatcherView,
    WatchLineView,
    WatchLinkView,
)

MAX_NAME = 200
MAX_ADDRESS = 300
MAX_PHONE = 50
MAX_INVOLVEMENT = 500

# The common answers to 「どんな関わり方ですか？」, offered as choices next to free text.
COMMON_INVOLVEMENTS = ("声かけ", "安否確認", "ゴミ出し", "買い物", "通院の付き添い", "雪かき", "配食")


# ---------------------------------------------------------------- validation


def _role(value: WatcherRole | str) -> WatcherRole:
    return check.choice(WatcherRole, value, where="role", param="role",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown watcher role: {role}"))


def _frequency(value: WatchFrequency | str | None) -> WatchFrequency | None:
    return check.optional_choice(WatchFrequency, value, where="frequency", param="frequency",
                                 unknown=QT_TRANSLATE_NOOP("errors", "Unknown frequency: {frequency}"))


# ---------------------------------------------------------------- views


def watcher_view(w: Watcher) -> WatcherView:
    return WatcherView(
        w.id, w.town_id, w.name, w.kana, w.phone, w.address, WatcherRole(w.role), w.household_id, w.deleted_at is not None
    )


def _link_view(link: WatchLink) -> WatchLinkView:
    return WatchLinkView(
        link.id,
        link.person_id,
        watcher_view(link.watcher),
        link.involvement,
        WatchFrequency(link.frequency) if link.frequency else None,
        link.since,
        link.note,
    )


def _active_links(session: Session, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[WatchLink]]:
    """Live links of the given persons whose watcher is not archived, in form order (ORM objects: the write paths)."""
    ids = list(person_ids)
    found: dict[uuid.UUID, list[WatchLink]] = defaultdict(list)
    if not ids:
        return found
    for chunk in chunks(ids):  # SQLite takes at most 32,766 variables per statement
        rows = session.scalars(
            select(WatchLink)
            .join(Watcher, WatchLink.watcher_id == Watcher.id)
            .where(WatchLink.person_id.in_(chunk), WatchLink.deleted_at.is_(None), Watcher.deleted_at.is_(None))
            .options(selectinload(WatchLink.watcher))
            .order_by(WatchLink.person_id, WatchLink.sort_order, WatchLink.created_at)
        )
        for link in rows:
            found[link.person_id].append(link)
    return found


def _person_view(p: Person) -> PersonView:
    return PersonView(p.id, p.household_id, p.name, p.kana, p.birth_date, p.phone, p.of_concern, p.concerns)


def _concern_view(p: Person, links: list[WatchLink]) -> ConcernView:
    h = p.household
    return ConcernView(_person_view(p), h.id, h.map_number, h.name, h.address, tuple(_link_view(x) for x in links),
                       p.sort_order, h.lat, h.lon)


# ---------------------------------------------------------------- the lists, read as plain rows (Core)
# A city holds thousands of persons of concern: the lists are read as rows of the columns they show, straight
# into the frozen views, in a fixed number of queries whatever the size (tests/test_list_reads.py,
# app/watch/list_rows.py).


def list_concerns(session: Session, town_id: uuid.UUID) -> list[ConcernView]:
    """The town's persons of concern in map-number order, each with their current watchers (two queries)."""
    return read_concerns(session, town_id)


def persons_without_watcher(session: Session, town_id: uuid.UUID) -> list[ConcernView]:
    """The gap the liaison meeting must close: persons of concern nobody watches yet."""
    return [c for c in list_concerns(session, town_id) if not c.links]


def get_concern(session: Session, person_id: uuid.UUID) -> ConcernView:
    p = _load_person(session, person_id)
    return _concern_view(p, _active_links(session, [p.id]).get(p.id, []))


def watch_lines(session: Session, town_id: uuid.UUID, *, concerns: list[ConcernView] | None = None
                ) -> list[WatchLineView]:
    """Lines for the map layer: only watchers who live in a live mapped household of the town get one.

    ``concerns`` is the town's ``list_concerns`` when the caller has just read it: the lines are then its links,
    and only the watchers' homes are read (one query over the town's watchers, no pass over its members)."""
    if concerns is None:
        concerns = list_concerns(session, town_id)
    mapped = _mapped_watchers(session, town_id, Watcher.id)
    return [WatchLineView(link.id, c.person.id, c.household_id, link.watcher.id, link.watcher.household_id,
                          link.watcher.role)
            for c in concerns for link in c.links
            if link.watcher.id in mapped and link.watcher.household_id is not None]  # mapped: it has a household


def line_keys(session: Session, town_id: uuid.UUID, links: list[tuple]) -> list[tuple]:
    """``watch_lines`` as stored keys, for the page (``features.line_columns``): of the links ``read_concerns``
    gave as keys (``lines=``), those whose watcher lives in a live household of the town; no view, no UUID made."""
    mapped = _mapped_watchers(session, town_id, stored(Watcher.id, "watcher_key"))
    return [link for link in links if link[3] in mapped]


def _mapped_watchers(session: Session, town_id: uuid.UUID, column: Any) -> set:
    """The town's live watchers who live in a live household of the town: ``column`` of each (an id, or a key)."""
    home = aliased(Household)
    return set(session.scalars(
        select(column).join(home, home.id == Watcher.household_id)
        .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None), home.town_id == town_id,
               home.deleted_at.is_(None))))


# ---------------------------------------------------------------- watchers


def _load_watcher(session: Session, watcher_id: uuid.UUID, *, include_archived: bool = False) -> Watcher:
    return live(session, Watcher, watcher_id, QT_TRANSLATE_NOOP("errors", "This watcher is no longer in the ledger."),
                include_archived=include_archived)


def _load_person(session: Session, person_id: uuid.UUID) -> Person:
    return live(session, Person, person_id, QT_TRANSLATE_NOOP("errors", "This member is no longer in the ledger."),
                parent=lambda p: p.household)


def _apply_watcher(session: Session, w: Watcher, fields: WatcherFields) -> None:
    w.name = check.text(fields.name, MAX_NAME, "name", required=True)
    w.kana = check.text(fields.kana, MAX_NAME, "kana")
    w.phone = check.text(fields.phone, MAX_PHONE, "phone")
    w.address = check.text(fields.address, MAX_ADDRESS, "address")
    w.role = _role(fields.role)
    if fields.household_id is not None:
        h = session.get(Household, fields.household_id)
        if h is None or h.deleted_at is not None or h.town_id != w.town_id:
            raise LedgerError(
                QT_TRANSLATE_NOOP("errors", "The watcher's household is not on this town's map."), where="household"
            )
    w.household_id = fields.household_id
    w.search_key = search_key(w.name, w.kana)


def add_watcher(
    session: Session, town_id: uuid.UUID, fields: WatcherFields, *, watcher_id: uuid.UUID | None = None
) -> WatcherView:
    if session.get(Town, town_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    w = Watcher(id=watcher_id or uuid.uuid4(), town_id=town_id)
    _apply_watcher(session, w, fields)
    session.add(w)
    session.flush()
    return watcher_view(w)


def edit_watcher(session: Session, watcher_id: uuid.UUID, fields: WatcherFields) -> WatcherView:
    w = _load_watcher(session, watcher_id)
    _apply_watcher(session, w, fields)
    session.flush()
    return watcher_view(w)


def get_watcher(session: Session, watcher_id: uuid.UUID) -> WatcherView:
    return watcher_view(_load_watcher(session, watcher_id, include_archived=True))


def archive_watcher(session: Session, watcher_id: uuid.UUID) -> WatcherView:
    """Retire a watcher: their links stop counting, but stay so undo (restore) brings them back."""
    w = _load_watcher(session, watcher_id)
    w.deleted_at = utcnow()
    session.flush()
    return watcher_view(w)


def restore_watcher(session: Session, watcher_id: uuid.UUID) -> WatcherView:
    w = _load_watcher(session, watcher_id, include_archived=True)
    w.deleted_at = None
    session.flush()
    return watcher_view(w)


def list_watchers(session: Session, town_id: uuid.UUID, *, include_archived: bool = False) -> list[WatcherView]:
    query = select(Watcher).where(Watcher.town_id == town_id).order_by(Watcher.search_key, Watcher.name)
    if not include_archived:
        query = query.where(Watcher.deleted_at.is_(None))
    return [watcher_view(w) for w in session.scalars(query)]


# ---------------------------------------------------------------- links


def _load_link(session: Session, link_id: uuid.UUID, *, include_deleted: bool = False) -> WatchLink:
    return live(session, WatchLink, link_id, QT_TRANSLATE_NOOP("errors", "This watch link is no longer in the ledger."),
                include_archived=include_deleted)


def _apply_link(link: WatchLink, fields: LinkFields) -> None:
    link.involvement = check.text(fields.involvement, MAX_INVOLVEMENT, "involvement")
    link.frequency = _frequency(fields.frequency)
    link.since = fields.since
    link.note = (fields.note or "").strip()


def link_watcher(
    session: Session,
    person_id: uuid.UUID,
    watcher_id: uuid.UUID,
    fields: LinkFields = LinkFields(),
    *,
    link_id: uuid.UUID | None = None,
) -> WatchLinkView:
    """Record that ``watcher_id`` watches over ``person_id`` (a person of concern of the same town)."""
    person = _load_person(session, person_id)
    watcher = _load_watcher(session, watcher_id)
    if not person.of_concern:
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "{name} is not marked as a person of concern."), where="person", name=person.name
        )
    if watcher.town_id != person.household.town_id:
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "{watcher} is a watcher of another town."), where="watcher", watcher=watcher.name
        )
    existing = session.scalars(
        select(WatchLink).where(WatchLink.person_id == person_id, WatchLink.watcher_id == watcher_id)
    ).all()
    if any(x.deleted_at is None for x in existing):
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "{watcher} already watches over {name}."),
            where="watcher",
            watcher=watcher.name,
            name=person.name,
        )
    last = session.scalar(
        select(func.max(WatchLink.sort_order)).where(WatchLink.person_id == person_id, WatchLink.deleted_at.is_(None))
    )
    # An unlinked pair comes back as the same record: its history (created_at) stays with it.
    link = existing[0] if existing and link_id is None else WatchLink(id=link_id or uuid.uuid4())
    link.person_id, link.watcher, link.deleted_at = person_id, watcher, None
    link.sort_order = (last if last is not None else -1) + 1
    _apply_link(link, fields)
    session.add(link)
    session.flush()
    return _link_view(link)


def edit_link(session: Session, link_id: uuid.UUID, fields: LinkFields) -> WatchLinkView:
    link = _load_link(session, link_id)
    _apply_link(link, fields)
    session.flush()
    return _link_view(link)


def unlink(session: Session, link_id: uuid.UUID) -> WatchLinkView:
    """The watcher no longer watches this person; the link stays as a tombstone for undo."""
    link = _load_link(session, link_id)
    link.deleted_at = utcnow()
    session.flush()
    return _link_view(link)


def restore_link(session: Session, link_id: uuid.UUID) -> WatchLinkView:
    link = _load_link(session, link_id, include_deleted=True)
    clash = session.scalar(
        select(WatchLink.id).where(
            WatchLink.person_id == link.person_id,
            WatchLink.watcher_id == link.watcher_id,
            WatchLink.deleted_at.is_(None),
            WatchLink.id != link.id,
        )
    )
    if clash is None:
        link.deleted_at = None
        session.flush()
    return _link_view(link)
