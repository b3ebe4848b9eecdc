"""Matching roster rows to the town's households and persons: only the members a row names at their address
or with their birth date and the households whose folded address a row holds, found in SQL through the
indexes of migrations 0016 and 0017 (a fixed number of queries, never the whole town); each row matched by
name and address, else name and birth date, and the preview of what importing would change. ``plan`` also
drives the writer when the roster is applied."""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP
from app.core.sheets import ChangeKind, Choice, FieldChange, Option, Preview, PreviewRow, cell_ref
from app.core.text import fold
from app.models import AuditEntry, Household, HouseholdCategory, Person, stored
from app.models.entities import household_category_link
from app.models.watch import Watcher, WatchLink
from app.watch.roster import keys
from app.watch.roster.area_codes import RosterNote
from app.watch.roster.reading import RosterColumns, RosterRow

if TYPE_CHECKING:
    from app.watch.roster.applying import RosterWriter


@dataclass
class RosterPreview(Preview):
    town_id: uuid.UUID | None = None
    columns: RosterColumns | None = None
    records: list[RosterRow] = field(default_factory=list)
    # What the preview tells about cells imported all the same: a local phone completed with the town's area
    # code (a notice), or kept as typed (a warning); roster/area_codes.py.
    notes: list[RosterNote] = field(default_factory=list)
    # The town as the preview read it, and the ledger's audit high-water mark then: apply reuses it when no
    # change has been written since (every change writes an audit entry), instead of reading the town again.
    _town: tuple[tuple, Town] | None = field(default=None, repr=False, compare=False)


@dataclass
class Known:
    """A member of the town as the import sees them: plain values, no ORM object."""

    raw_id: str  # the stored hex text: only the members a roster row matches need a UUID object
    household_id: uuid.UUID
    name: str
    kana: str
    phone: str
    concerns: str
    birth_date: date | None
    of_concern: bool
    address: str

    @functools.cached_property
    def id(self) -> uuid.UUID:
        return uuid.UUID(hex=self.raw_id)


@dataclass
class Town:
    """The part of the town a roster touches, as matching and writing need it, read once per preview (see
    ``town_for``): the members a roster row may match, the households whose folded address it holds, and of
    those households and members their categories, sort orders, names and watch links."""

    persons: list[Known]  # live members a roster row names at their address, or by name and birth date
    homes: dict[str, list[uuid.UUID]]  # folded address (a roster row's) → live households
    watchers: dict[str, list[uuid.UUID]]  # folded name (a roster row's watcher's) → live watchers
    categories: dict[str, tuple[uuid.UUID, str]]  # code → (id, label)
    household_categories: dict[uuid.UUID, set[str]]
    last_sort_order: dict[uuid.UUID, int]  # household → highest member sort order (archived members too)
    live_links: set[tuple[uuid.UUID, uuid.UUID]]  # (person, watcher)
    dead_links: dict[tuple[uuid.UUID, uuid.UUID], dict]  # unlinked pairs → the record linking again revives
    last_link_order: dict[uuid.UUID, int]  # person → highest sort order of their live links
    household_names: dict[uuid.UUID, str]
    next_map_number: int
    by_name_address: dict[tuple[str, str], list[Known]] = field(default_factory=dict)
    by_name_birth: dict[tuple[str, date], list[Known]] = field(default_factory=dict)



def _load_town(session: Session, town_id: uuid.UUID, records: list[RosterRow]) -> Town:
    """What matching and writing need for these roster rows, in a fixed number of Core queries: only the
    members a row names at their address or by birth date and the households whose folded address it holds
    (read through the indexes of migrations 0016 and 0017, app/watch/roster/keys.py), never the whole town."""
    folded = functools.lru_cache(maxsize=None)(fold)  # names repeat, and members share their household's address
    # Ids come back as the stored hex text and become one shared UUID each (SQLAlchemy's per-value UUID
    # processing costs more than the queries).
    as_id = functools.lru_cache(maxsize=None)(lambda text: uuid.UUID(hex=text))
    addresses = {folded(r.address) for r in records}  # '' too: a row without one matches a member without one
    live_household = (Household.town_id == town_id, Household.deleted_at.is_(None))
    # Matched by name and address: the members of the households at the roster's addresses (the address's
    # index leads, the name is checked here) ...
    homes: dict[str, list[uuid.UUID]] = defaultdict(list)
    household_names: dict[uuid.UUID, str] = {}
    at_home: dict[str, tuple[str, int]] = {}  # stored id → (address, map number)
    for hid, address, name, map_number in session.execute(
            select(stored(Household.id), Household.address, Household.name, Household.map_number)
            .where(*live_household, keys.household_address_in(addresses))):
        household_names[as_id(hid)] = name
        at_home[hid] = (address, map_number)
        if address:  # a new member joins a household only by its address
            homes[folded(address)].append(as_id(hid))
    # Every member of those households, archived ones too (their sort orders count), from the person index alone
    # (keys.home_members); a whole row is read only for a live member whose name a roster row gives at their
    # address: at 150,000 households the roster's addresses hold 15,000 members, a third of them named there.
    pairs = {(folded(r.name), folded(r.address)) for r in records}
    last_sort_order: dict[uuid.UUID, int] = {}
    named: list[int] = []
    for rowid, hid, order, name, live in keys.home_members(session, at_home):
        home = as_id(hid)
        last_sort_order[home] = max(order, last_sort_order.get(home, order))
        if live and (folded(name), folded(at_home[hid][0])) in pairs:
            named.append(rowid)
    members = []
    for pid, hid, name, kana, phone, concerns, birth, of_concern, order in session.execute(
            select(stored(Person.id), stored(Person.household_id), Person.name, Person.kana, Person.phone,
                   Person.concerns, Person.birth_date, Person.of_concern, Person.sort_order)
            .where(keys.rowids_in("person", named, "named"))):
        address, map_number = at_home[hid]
        members.append((map_number, order, (pid, hid, name, kana, phone, concerns, birth, of_concern, address)))
    members.sort(key=lambda m: m[:2])  # the order the members are offered in (by_name_address)
    found: list[Any] = [m[2] for m in members]
    # ... else by name and birth date, anywhere in the town (one search of the name's index per pair), for the
    # rows no member matches by name and address: ``_match`` asks the birth date only of those (a member at
    # another row's address whom no row names there is found here too).
    at_address = {(folded(name), folded(address)) for _, _, name, _, _, _, _, _, address in found}
    births = {(folded(r.name), r.birth_date.isoformat()) for r in records
              if r.birth_date and (folded(r.name), folded(r.address)) not in at_address}
    found += keys.members_by_name_and_birth(session, town_id, births)
    persons: list[Known] = []
    read: set[str] = set()
    for pid, hid, name, kana, phone, concerns, birth, of_concern, address in found:
        if pid not in read:  # a member named at their address may match another row's birth date too
            read.add(pid)
            persons.append(Known(pid, as_id(hid), name, kana, phone, concerns, birth, bool(of_concern), address))
    touched = {p.household_id.hex for p in persons} | {hid for hid, (address, _) in at_home.items() if address}
    elsewhere = {p.household_id.hex for p in persons if p.household_id not in household_names}  # homes' read above
    for hid, name in session.execute(select(stored(Household.id), Household.name)
                                     .where(keys.ids_in("household.id", elsewhere, "matched_households"))):
        household_names[as_id(hid)] = name
    household_categories: dict[uuid.UUID, set[str]] = defaultdict(set)
    for hid, code in session.execute(
        select(stored(household_category_link.c.household_id), HouseholdCategory.code)
        .join(HouseholdCategory, HouseholdCategory.id == household_category_link.c.category_id)
        .where(keys.ids_in("household_category_link.household_id", touched, "touched"))
    ):
        household_categories[as_id(hid)].add(code)
    # Only the watchers a roster row names: a city has thousands, and each kept one is a UUID made here and copied
    # by the writer.
    named_watchers = {folded(name) for r in records for name, _ in r.watchers}
    watchers: dict[str, list[uuid.UUID]] = defaultdict(list)
    for wid, name in session.execute(select(stored(Watcher.id), Watcher.name)
                                     .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None))):
        if (key := folded(name)) in named_watchers:
            watchers[key].append(as_id(wid))
    last_sort_order.update({as_id(hid): top for hid, top in session.execute(  # households found by birth only
        select(stored(Person.household_id), func.max(Person.sort_order))
        .where(keys.ids_in("person.household_id", touched - at_home.keys(), "elsewhere_touched"))
        .group_by(Person.household_id))})
    live_links: set[tuple[uuid.UUID, uuid.UUID]] = set()
    dead_links: dict[tuple[uuid.UUID, uuid.UUID], dict] = {}
    last_link_order: dict[uuid.UUID, int] = {}
    # Only the matched members' links (a new member has none), found by member; the town is checked on the rows
    # (with the town in SQL, SQLite went through every link of the town's watchers: twice the time at 50,000
    # households, and growing with the town rather than with the roster).
    link_columns = (WatchLink.id, WatchLink.person_id, WatchLink.watcher_id, WatchLink.deleted_at,
                    WatchLink.sort_order, WatchLink.involvement, WatchLink.frequency, WatchLink.since, WatchLink.note)
    for watcher_town, *values in session.execute(
        select(Watcher.town_id, *link_columns).select_from(WatchLink).join(Watcher, Watcher.id == WatchLink.watcher_id)
        .where(keys.ids_in("watch_link.person_id", {p.raw_id for p in persons}, "matched"))
        .order_by(WatchLink.created_at)
    ):
        if watcher_town != town_id:
            continue
        link = dict(zip((c.key for c in link_columns), values))
        pair = (link["person_id"], link["watcher_id"])
        if link["deleted_at"] is None:
            live_links.add(pair)
            last_link_order[pair[0]] = max(link["sort_order"], last_link_order.get(pair[0], -1))
        else:
            dead_links.setdefault(pair, dict(link))
    categories = {code: (cid, label) for cid, code, label in session.execute(
        select(HouseholdCategory.id, HouseholdCategory.code, HouseholdCategory.label))}
    top = session.scalar(select(func.max(Household.map_number)).where(Household.town_id == town_id))
    by_name_address: dict[tuple[str, str], list[Known]] = defaultdict(list)
    by_name_birth: dict[tuple[str, date], list[Known]] = defaultdict(list)
    for p in persons:
        name = folded(p.name)
        by_name_address[(name, folded(p.address))].append(p)
        if p.birth_date:
            by_name_birth[(name, p.birth_date)].append(p)
    return Town(persons, homes, watchers, categories, household_categories, last_sort_order, live_links,
                {k: v for k, v in dead_links.items() if k not in live_links}, last_link_order, household_names,
                (top or 0) + 1,
                by_name_address, by_name_birth)


def _fingerprint(session: Session, town_id: uuid.UUID) -> tuple:
    """What changes whenever the ledger does: every change writes audit entries (app/models/audit.py)."""
    return (town_id, session.scalar(select(func.max(AuditEntry.id))), id(session.get_bind()))


def town_for(session: Session, preview: RosterPreview) -> Town:
    """The town as plain rows: the preview's copy when nothing has been written since, else read again."""
    assert preview.town_id is not None, "a roster preview is made for a town"
    fingerprint = _fingerprint(session, preview.town_id)
    if preview._town is not None and preview._town[0] == fingerprint:
        return preview._town[1]
    town = _load_town(session, preview.town_id, preview.records)
    preview._town = (fingerprint, town)
    return town


def _known_changes(r: RosterRow, p: Known, have: set[str]) -> list[FieldChange]:
    changes = []
    for f, old, new in (("kana", p.kana, r.kana), ("phone", p.phone, r.phone), ("concerns", p.concerns, r.concerns)):
        if new and new != old:  # an empty roster cell never erases what the ledger knows
            changes.append(FieldChange(f, old, new))
    if r.birth_date and r.birth_date != p.birth_date:
        changes.append(FieldChange("birth_date", str(p.birth_date or ""), r.birth_date.isoformat()))
    if r.of_concern and not p.of_concern:
        changes.append(FieldChange("of_concern", "", "○"))
    if missing := [k for k in r.kinds if k not in have]:
        changes.append(FieldChange("household_kind", "、".join(sorted(have)), "、".join(sorted(have | set(missing)))))
    return changes


def plan(session: Session, preview: RosterPreview, writer: RosterWriter | None = None) -> list[PreviewRow]:  # noqa: C901
    """Match every roster row against the town (plain rows, a fixed number of queries) and say what importing
    it changes; with a ``writer`` (the apply), hand it each row's writes as well."""
    sheet = preview.columns.sheet if preview.columns else ""
    name_col = preview.columns.mapping.get("name", 1) if preview.columns else 1
    town = town_for(session, preview)
    by_name_address, by_name_birth = town.by_name_address, town.by_name_birth
    new_homes: dict[str, uuid.UUID] = {}
    seen: set[uuid.UUID] = set()
    seen_new: set[tuple[str, str]] = set()
    rows: list[PreviewRow] = []
    folded = functools.lru_cache(maxsize=None)(fold)  # names and addresses repeat (a household's members)

    for r in preview.records:
        ref = cell_ref(r.row, name_col)
        decision = preview.decisions.get((sheet, r.row))

        def row(kind: ChangeKind, changes=(), reason="", options=(), _r=r, _ref=ref) -> PreviewRow:  # noqa: ANN001
            return PreviewRow(kind, "person", sheet, _r.row, _ref, _r.name, tuple(changes), reason, tuple(options))

        key = (folded(r.name), folded(r.address))
        found = _match(r, key, by_name_address, by_name_birth, seen, seen_new, decision, row, rows)
        if found is _SKIP:
            continue
        target: Known | None = found
        if target is not None:
            seen.add(target.id)
            have = writer.categories(target.household_id) if writer is not None else \
                town.household_categories.get(target.household_id, set())
            changes = _known_changes(r, target, have)
            if not (rows and rows[-1].row == r.row):
                rows.append(row(ChangeKind.UPDATED if changes else ChangeKind.UNCHANGED, changes))
            if writer is not None:
                writer.update_person(r, target)
                writer.link_watchers(target.id, r)
            continue
        seen_new.add(key)
        if not (rows and rows[-1].row == r.row):
            rows.append(row(ChangeKind.ADDED))
        if writer is not None:
            address = key[1]
            home_id = new_homes.get(address) if r.address else None
            if home_id is None and r.address and len(town.homes.get(address, [])) == 1:
                home_id = town.homes[address][0]
            if home_id is None:
                home_id = writer.add_household(r.address)
                if r.address:
                    new_homes[address] = home_id
            person_id = writer.add_person(home_id, r)
            writer.add_categories(home_id, r)
            writer.link_watchers(person_id, r)
    return rows


_SKIP = object()  # _match: the row is not imported (a duplicate, or a decision still to make or to skip)


def _match(r: RosterRow, key: tuple[str, str], by_name_address: dict, by_name_birth: dict, seen: set, seen_new: set,
           decision: object, row: Callable[..., PreviewRow], rows: list[PreviewRow]) -> Any:
    """The member a roster row is about: by name and address, else name and birth date; None for a new
    person; ``_SKIP`` when the row waits for (or was given) a decision not to import. Appends the
    "needs a decision" preview rows on the way."""
    matches = by_name_address.get(key, [])
    reason = ""
    target = None
    if len(matches) == 1:
        target = matches[0]
    elif matches:
        reason = QT_TRANSLATE_NOOP("import", "Several members have this name and address.")
    elif r.birth_date and (same := by_name_birth.get((key[0], r.birth_date))):
        matches = same
        reason = QT_TRANSLATE_NOOP("import", "A member with this name and birth date lives at another address.")
    if target is not None and target.id in seen or target is None and not matches and key in seen_new:
        rows.append(row(ChangeKind.NEEDS_DECISION, reason=QT_TRANSLATE_NOOP(
            "import", "This person is in the roster twice."), options=(Option(Choice.SKIP, "取り込まない"),)))
        return _SKIP
    if target is None and matches:
        options = (Option(Choice.SKIP, "取り込まない"),
                   *(Option(p.id, f"{p.name}（{p.address or '住所なし'}）") for p in matches),
                   Option(Choice.NEW, "新しい人として追加"))
        rows.append(row(ChangeKind.NEEDS_DECISION, reason=reason, options=options))
        if decision is None or decision is Choice.SKIP:
            return _SKIP
        target = next((p for p in matches if p.id == decision), None)
        if target is None and decision is not Choice.NEW:
            return _SKIP
    return target
