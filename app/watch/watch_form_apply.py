"""Matching a read watch-network form against the ledger: the preview's rows, and with ``execute`` the writes."""

from __future__ import annotations

import unicodedata
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.phones import normalise_phone
from app.core.sheets import (
    ChangeKind,
    Choice,
    FieldChange,
    Option,
    PreviewRow,
    cell_error,
    cell_ref,
)
from app.core.text import fold, search_key
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import Household, Person
from app.models.watch import Watcher, WatcherRole, WatchLink
from app.privacy.masking import ANONYMOUS_NAME
from app.towns.addresses import AddressTable
from app.watch import network as watch
from app.watch.roster import keys
from app.watch.views import LinkFields, WatcherFields
from app.watch.watch_form_layout import MASKABLE, FormBlock, FormPreview, FormSheet


@dataclass
class _TownIndex:
    persons: dict[uuid.UUID, Person]  # the persons the form can name: by a hidden key on it, or by a name on it
    by_name_address: dict[tuple[str, str], list[Person]]
    by_name: dict[str, list[Person]]
    links: dict[uuid.UUID, list[WatchLink]]
    watchers: dict[str, list[Watcher]]
    watching: Counter[uuid.UUID] = field(default_factory=Counter)  # live links per watcher: whom else they watch


def _index(session: Session, sheet: FormSheet, key_rows: Counter) -> _TownIndex:
    """The persons of the sheet's town its blocks can name, and the town's watchers and watch lines.

    Not the whole town (a city's 95,000 members): the persons whose hidden key is on the sheet, and for a block
    without a key of one of them (a retyped form, a copied block), the persons a match by name can offer — of that
    name (folded), and of concern or at that address — read through the name's index. Every match below is by
    key, or by name among these, so it finds what reading the whole town found."""
    live = (Household.town_id == sheet.town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None))
    persons = {p.id: p for p in session.scalars(
        select(Person).join(Household, Person.household_id == Household.id)
        .where(*live, keys.ids_in("person.id", {b.key.hex for b in sheet.blocks if b.key}, "form_keys"))
        .options(selectinload(Person.household)))}
    unkeyed = [b for b in sheet.blocks if b.key not in persons or key_rows[b.key] > 1]
    if unkeyed:
        persons.update((p.id, p) for p in session.scalars(
            select(Person).join(Household, Person.household_id == Household.id)
            .where(*live, keys.person_name_in({fold(b.name) for b in unkeyed}, "form_names"),
                   or_(Person.of_concern, keys.household_address_in({fold(b.address) for b in unkeyed},
                                                                    "form_addresses")))
            .options(selectinload(Person.household))))
    # In the map's order, as the town's lists: the order a choice between persons of one name offers them in.
    persons = dict(sorted(persons.items(), key=lambda item: (item[1].household.map_number, item[1].sort_order)))
    idx = _TownIndex(persons, defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list))
    for p in persons.values():
        idx.by_name_address[(fold(p.name), fold(p.household.address))].append(p)
        idx.by_name[fold(p.name)].append(p)
    live_links = (Watcher.town_id == sheet.town_id, WatchLink.deleted_at.is_(None), Watcher.deleted_at.is_(None))
    idx.watching.update(dict(session.execute(  # whom else a watcher watches: every live line of theirs counts
        select(WatchLink.watcher_id, func.count()).join(Watcher, WatchLink.watcher_id == Watcher.id)
        .where(*live_links).group_by(WatchLink.watcher_id)).all()))
    for link in session.scalars(
        select(WatchLink).join(Watcher, WatchLink.watcher_id == Watcher.id)
        .where(*live_links, keys.ids_in("watch_link.person_id", {i.hex for i in persons}, "form_persons"))
        .options(selectinload(WatchLink.watcher)).order_by(WatchLink.sort_order)
    ):
        idx.links[link.person_id].append(link)
    for w in session.scalars(select(Watcher).where(Watcher.town_id == sheet.town_id, Watcher.deleted_at.is_(None))):
        idx.watchers[fold(w.name)].append(w)
    return idx


def _spelling(name: str) -> str:
    """A name as written, whatever its spaces and the width of its letters: 「山本 トシ子」 = 「山本　トシ子」."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _person_label(p: Person) -> str:
    return f"{p.name}（{p.household.address or '住所なし'}）"


def plan(session: Session, preview: FormPreview, *, execute: bool,
          address_table: AddressTable | None = None) -> list[PreviewRow]:
    """Match every block and watcher row; with ``execute``, also write the changes (caller's transaction)."""
    rows: list[PreviewRow] = []
    # A hidden person key on two rows (a block copied by hand) says nothing about which row is that person.
    key_rows = Counter(b.key for sheet in preview.sheets for b in sheet.blocks if b.key)
    for sheet in preview.sheets:
        idx = _index(session, sheet, key_rows)
        claimed: set[uuid.UUID] = set()
        new_watchers: dict[str, uuid.UUID] = {}
        for block in sheet.blocks:
            ref = cell_ref(block.row, block.column)
            decision = preview.decisions.get((sheet.title, block.row))
            problem = _key_problem(session, block, idx, key_rows)
            if problem:
                # Nothing is written for the row until the user says who it is.
                target, row = _decide_key_problem(block, idx, claimed, decision, ref, problem)
                rows.append(row)
                if target is None:
                    continue
                person = idx.persons.get(target)
                if person is not None and (block.masked or block.name == ANONYMOUS_NAME):
                    block = _unmasked(block, person)
                if person is not None:
                    claimed.add(person.id)
                if execute:
                    person = _write_person(session, sheet.town_id, block, person, target, address_table)
                links = idx.links.get(target, []) if person is not None and person.id in idx.persons else []
                rows.extend(_plan_watchers(session, sheet, block, target, links, idx, new_watchers,
                                           preview.decisions, execute))
                continue
            if block.masked or block.name == ANONYMOUS_NAME:
                known = idx.persons.get(block.key) if block.key else None
                if known is None:  # never add a person called 「（匿名）」: who it was is not on the form
                    rows.append(PreviewRow(
                        ChangeKind.NEEDS_DECISION, "person", sheet.title, block.row, ref, block.name, (),
                        QT_TRANSLATE_NOOP("import", "This person was printed anonymously and is no longer in "
                                                    "the ledger; the row cannot be imported."),
                        (Option(Choice.SKIP, "取り込まない"),)))
                    continue
                block = _unmasked(block, known)
            target, row = _match_person(block, idx, claimed, decision, ref)
            rows.append(row)
            if target is None:
                continue
            person = idx.persons.get(target)
            if person is not None:
                claimed.add(person.id)
            if execute and row.kind in (ChangeKind.ADDED, ChangeKind.UPDATED, ChangeKind.NEEDS_DECISION):
                person = _write_person(session, sheet.town_id, block, person, target, address_table)
            links = idx.links.get(target, []) if person is not None and person.id in idx.persons else []
            rows.extend(_plan_watchers(session, sheet, block, target, links, idx, new_watchers,
                                       preview.decisions, execute))
    return rows


def _key_problem(session: Session, block: FormBlock, idx: _TownIndex, key_rows: Counter) -> str:
    """Why the block's hidden person key cannot be trusted (an English template, QT_TRANSLATE_NOOP("import", …)),
    or "" when it is absent or names one live person of the sheet's town, on this row only."""
    if block.key is None:
        return ""  # a retyped form: matched by name and address
    if key_rows[block.key] > 1:
        return QT_TRANSLATE_NOOP("import", "The hidden key of this row is on another row of the form too (a copied "
                                           "block?): choose who this row is.")
    if block.key in idx.persons:
        return ""
    owner = session.get(Person, block.key)
    if owner is None:
        return QT_TRANSLATE_NOOP("import", "The hidden key of this row belongs to no one in the ledger (a form "
                                           "from another ledger?): choose who this row is.")
    if owner.deleted_at is not None or owner.household.deleted_at is not None:
        return QT_TRANSLATE_NOOP("import", "The hidden key of this row belongs to a person who was archived: "
                                           "choose who this row is.")
    return QT_TRANSLATE_NOOP("import", "The hidden key of this row belongs to a person of another town (a block "
                                       "copied from another town's form?): choose who this row is.")


def _decide_key_problem(block: FormBlock, idx: _TownIndex, claimed: set[uuid.UUID], decision, ref: str,  # noqa: ANN001
                        reason: str) -> tuple[uuid.UUID | None, PreviewRow]:
    """A row whose hidden key is duplicated, foreign, archived or unknown: always listed as needing a decision
    (skipped by default); the choices are the key's own person when they live in this town, the persons of
    the town with this name, or a new person. A person already taken by an earlier row stays undecided."""
    anonymous = bool(block.masked) or block.name == ANONYMOUS_NAME
    keyed = idx.persons.get(block.key) if block.key else None
    candidates = [keyed] if keyed is not None else []
    if not anonymous:
        same = idx.by_name_address.get((fold(block.name), fold(block.address)), []) or [
            p for p in idx.by_name.get(fold(block.name), []) if p.of_concern]
        candidates += [p for p in same if p is not keyed]
    options = [Option(Choice.SKIP, "取り込まない"), *(Option(p.id, _person_label(p)) for p in candidates)]
    if not anonymous:  # who an anonymous block was is not on the form: it cannot become a new person
        options.append(Option(Choice.NEW, "新しい人として追加"))
    target: uuid.UUID | None = None
    changes: list[FieldChange] = []
    if decision is Choice.NEW and not anonymous:
        target = uuid.uuid5(uuid.NAMESPACE_OID, f"{block.sheet}:{block.row}:{block.name}")
    elif isinstance(decision, uuid.UUID) and decision in idx.persons and decision not in claimed \
            and any(o.value == decision for o in options):
        target = decision
        person = idx.persons[decision]
        changes = _person_changes(_unmasked(block, person) if anonymous else block, person)
    return target, PreviewRow(ChangeKind.NEEDS_DECISION, "person", block.sheet, block.row, ref, block.name,
                              tuple(changes), reason, tuple(options))


def _unmasked(block: FormBlock, p: Person) -> FormBlock:
    """The block as if the export had shown everything: a cell the consent rule left blank (or the
    「（匿名）」 placeholder) means "not shown" and takes the ledger's value; anything written in is an edit."""
    ledger = {"name": p.name, "address": p.household.address, "phone": p.phone, "concerns": p.concerns}
    written = {"name": block.name, "address": block.address, "phone": block.phone,
               "concerns": block.concerns[0] if block.concerns else ""}
    shown = {}
    for f in MASKABLE:
        value = written[f]
        if (f in block.masked and not value.strip()) or (f == "name" and value == ANONYMOUS_NAME):
            value = ledger[f]
        shown[f] = value
    return replace(block, name=shown["name"], address=shown["address"], phone=shown["phone"],
                   concerns=[shown["concerns"]] if shown["concerns"] else [])


def _match_person(block: FormBlock, idx: _TownIndex, claimed: set[uuid.UUID], decision, ref: str
                  ) -> tuple[uuid.UUID | None, PreviewRow]:  # noqa: ANN001 - decision: uuid | Choice | None
    def row(kind: ChangeKind, changes=(), reason="", options=()) -> PreviewRow:  # noqa: ANN001
        return PreviewRow(kind, "person", block.sheet, block.row, ref, block.name, tuple(changes), reason,
                          tuple(options))

    person = idx.persons.get(block.key) if block.key else None
    reason = ""
    candidates: list[Person] = []
    if person is None:
        candidates = idx.by_name_address.get((fold(block.name), fold(block.address)), [])
        if len(candidates) == 1:
            person, candidates = candidates[0], []
        elif candidates:
            reason = QT_TRANSLATE_NOOP("import", "Several members have this name and address.")
        else:
            candidates = [p for p in idx.by_name.get(fold(block.name), []) if p.of_concern]
            if candidates:
                reason = QT_TRANSLATE_NOOP("import", "A person of concern has this name but another address.")
    if person is not None and person.id in claimed:
        candidates, person = [person], None
        reason = QT_TRANSLATE_NOOP("import", "This person is on the form twice.")
    if person is None and not candidates:
        return uuid.uuid5(uuid.NAMESPACE_OID, f"{block.sheet}:{block.row}:{block.name}"), row(ChangeKind.ADDED)
    if person is None:
        options = [Option(Choice.SKIP, "取り込まない"), *(Option(p.id, _person_label(p)) for p in candidates),
                   Option(Choice.NEW, "新しい人として追加")]
        if decision is None or decision is Choice.SKIP:
            return None, row(ChangeKind.NEEDS_DECISION, reason=reason, options=options)
        if decision is Choice.NEW:
            return uuid.uuid5(uuid.NAMESPACE_OID, f"{block.sheet}:{block.row}:{block.name}"), row(
                ChangeKind.NEEDS_DECISION, reason=reason, options=options)
        person = idx.persons.get(decision) if isinstance(decision, uuid.UUID) else None
        if person is None:
            return None, row(ChangeKind.NEEDS_DECISION, reason=reason, options=options)
    changes = _person_changes(block, person)
    return person.id, row(ChangeKind.UPDATED if changes else ChangeKind.UNCHANGED, changes)


def _person_changes(block: FormBlock, p: Person) -> list[FieldChange]:
    new = {"name": block.name, "address": block.address, "phone": block.phone,
           "concerns": block.concerns[0] if block.concerns else ""}
    old = {"name": p.name, "address": p.household.address, "phone": p.phone, "concerns": p.concerns}
    # The form's address and phone are read folded (「２丁目」, 「0778-22-0055」): the ledger's, kept as typed, too.
    seen = {**old, "address": _nfkc(old["address"]), "phone": normalise_phone(old["phone"]).text}
    changes = [FieldChange(k, old[k], new[k]) for k in new if seen[k].strip() != new[k].strip()]
    # A name retyped with another space or width (「越前 花子」 for 「越前　花子」) is the same name, as a watcher's is.
    changes = [c for c in changes if c.field != "name" or _spelling(c.old) != _spelling(c.new)]
    if not p.of_concern:
        changes.append(FieldChange("of_concern", "", "○"))
    return changes


def _write_person(session: Session, town_id: uuid.UUID, block: FormBlock, person: Person | None,
                  new_id: uuid.UUID, address_table: AddressTable | None) -> Person:
    concerns = block.concerns[0] if block.concerns else ""
    if person is None:
        h = households.add_household(session, town_id, None, HouseholdFields(
            address=block.address, category_codes=("of_concern",)))
        if address_table is not None and (hit := address_table.locate(block.address)):
            household = session.get_one(Household, h.id)
            household.lat, household.lon, household.position_approximate = hit.lat, hit.lon, True
        households.add_person(session, h.id, PersonFields(block.name, phone=block.phone, of_concern=True,
                                                          concerns=concerns), person_id=new_id)
        return session.get_one(Person, new_id)
    if _spelling(person.name) != _spelling(block.name):  # the same name retyped keeps the ledger's spelling
        person.name = block.name
    person.phone, person.concerns, person.of_concern = block.phone, concerns, True
    person.search_key = search_key(person.name, person.kana)
    if _nfkc(person.household.address).strip() != block.address.strip():
        person.household.address = block.address
        person.household.search_key = search_key(person.household.name, person.household.address)
    session.flush()
    return person


def _plan_watchers(session: Session, sheet: FormSheet, block: FormBlock, person_id: uuid.UUID,
                   links: list[WatchLink], idx: _TownIndex, new_watchers: dict[str, uuid.UUID],
                   decisions: dict, execute: bool) -> list[PreviewRow]:  # noqa: C901
    by_id = {x.id: x for x in links}
    by_name = {fold(x.watcher.name): x for x in links}
    used: set[uuid.UUID] = set()
    seen = {w.key for w in block.watchers if w.key}  # lines still on the form, cleared or not
    rows = []
    for w in block.watchers:
        ref = cell_ref(w.row, w.column)

        def row(kind: ChangeKind, changes=(), reason="", options=(), _w=w, _ref=ref) -> PreviewRow:  # noqa: ANN001
            return PreviewRow(kind, "watcher", sheet.title, _w.row, _ref, _w.name, tuple(changes), reason,
                              tuple(options))

        decision = decisions.get((sheet.title, w.row))
        link = by_id.get(w.key) if w.key else None
        if not w.name:  # the visible cells were cleared but the hidden key is still there
            if link is not None:
                options: tuple[Option, ...] = (Option(Choice.SKIP, "そのまま残す"), Option(Choice.REMOVE, "見守りをやめる"))
                rows.append(PreviewRow(ChangeKind.NEEDS_DECISION, "watcher", sheet.title, w.row, ref,
                                       link.watcher.name, (FieldChange("watcher", link.watcher.name, ""),),
                                       QT_TRANSLATE_NOOP("import", "The watcher was erased from the form."),
                                       options))
                if execute and decision is Choice.REMOVE:
                    watch.unlink(session, link.id)
            continue
        if link is None or fold(link.watcher.name) != fold(w.name) and fold(w.name) in by_name:
            link = by_name.get(fold(w.name))
        replaced: WatchLink | None = None
        if link is not None and link.id == w.key and fold(link.watcher.name) != fold(w.name) \
                and idx.watching[link.watcher_id] > 1:
            # Another name written over the line of a watcher who also watches other persons: someone else
            # watches this person now. Renaming the watcher would rename them on every other person's line
            # too (and those lines, still saying the old name, would rename them back).
            replaced, link = link, None
            used.add(replaced.id)
        if link is not None and link.id in used:
            rows.append(row(ChangeKind.NEEDS_DECISION, reason=QT_TRANSLATE_NOOP(
                "import", "This watcher is listed twice for the same person."), options=(Option(Choice.SKIP, "取り込まない"),)))
            continue
        if link is not None:
            used.add(link.id)
            changes = []
            # A name retyped with another space or width (「山本 トシ子」) is the same name. A spelling fixed on the
            # line renames the watcher, unless they also watch other persons: their lines say the old name.
            renamed = _spelling(link.watcher.name) != _spelling(w.name) and idx.watching[link.watcher_id] <= 1
            if renamed:
                changes.append(FieldChange("watcher", link.watcher.name, w.name))
            if link.involvement.strip() != w.involvement:
                changes.append(FieldChange("involvement", link.involvement, w.involvement))
            rows.append(row(ChangeKind.UPDATED if changes else ChangeKind.UNCHANGED, changes))
            if execute and changes:
                if renamed:
                    link.watcher.name = w.name
                    link.watcher.search_key = search_key(link.watcher.name, link.watcher.kana)
                link.involvement = w.involvement
                session.flush()
            continue
        # A watcher new to this person: an existing watcher of the town, one added earlier in this file, or new.
        key = fold(w.name)
        known = idx.watchers.get(key, [])
        watcher_id: uuid.UUID | None
        if key in new_watchers:
            watcher_id = new_watchers[key]
        elif len(known) == 1:
            watcher_id = known[0].id
        elif known:
            options = (Option(Choice.SKIP, "取り込まない"), *(Option(k.id, f"{k.name}（{k.address or '住所なし'}）")
                                                         for k in known), Option(Choice.NEW, "新しい見守り者"))
            rows.append(row(ChangeKind.NEEDS_DECISION, reason=QT_TRANSLATE_NOOP(
                "import", "Several watchers of the town have this name."), options=options))
            if decision is None or decision is Choice.SKIP:
                continue
            watcher_id = None if decision is Choice.NEW else decision
        else:
            watcher_id = None
        if not (rows and rows[-1].row == w.row and rows[-1].kind is ChangeKind.NEEDS_DECISION):
            if replaced is None:
                rows.append(row(ChangeKind.ADDED, (FieldChange("involvement", "", w.involvement),)))
            else:
                rows.append(row(ChangeKind.UPDATED, (FieldChange("watcher", replaced.watcher.name, w.name),
                                                     FieldChange("involvement", replaced.involvement,
                                                                 w.involvement))))
        if execute:
            if replaced is not None:
                watch.unlink(session, replaced.id)
            if watcher_id is None:
                watcher_id = watch.add_watcher(session, sheet.town_id, WatcherFields(
                    w.name, role=WatcherRole.OTHER)).id
                new_watchers[key] = watcher_id
            try:
                watch.link_watcher(session, person_id, watcher_id, LinkFields(w.involvement))
            except LedgerError as exc:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: {reason}"),
                                 sheet.title, w.row, w.column, reason=exc) from exc
        elif watcher_id is None:
            new_watchers[key] = uuid.uuid4()  # later rows of this file link the same new watcher
    if block.key == person_id:
        # The form was exported with every watcher of this person on a line of its own: one that is on no line
        # now had its row deleted (or cut and pasted elsewhere). Said, and kept unless the user says otherwise.
        missing = [x for x in links if x.id not in used and x.id not in seen]
        for n, link in enumerate(missing, start=1):
            where = (sheet.title, -(block.row * 1000 + n))  # on no row of the sheet: a decision of its own
            rows.append(PreviewRow(
                ChangeKind.NEEDS_DECISION, "watcher", sheet.title, where[1], cell_ref(block.row, block.column),
                link.watcher.name, (FieldChange("watcher", link.watcher.name, ""),),
                QT_TRANSLATE_NOOP("import", "This watcher's line is no longer in this person's block of the form "
                                            "(its row was deleted or moved)."),
                (Option(Choice.SKIP, "そのまま残す"), Option(Choice.REMOVE, "見守りをやめる"))))
            if execute and decisions.get(where) is Choice.REMOVE:
                watch.unlink(session, link.id)
    return rows


def apply_form(session: Session, preview: FormPreview, *, address_table: AddressTable | None = None) -> list[PreviewRow]:
    """Write the previewed import in the caller's transaction; returns what was done.

    Matching is redone against the ledger as it is now, with the decisions taken on the preview;
    rows still needing a decision are left out. Any error propagates and the caller's
    ``Session.begin()`` rolls everything back.
    """
    return plan(session, preview, execute=True, address_table=address_table)
