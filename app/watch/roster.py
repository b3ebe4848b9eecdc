"""Roster import: a flat table, one row per person, as municipalities and 社協 hand them around.

Japanese or English headers are detected (the UI may map columns by hand instead); dates may be
西暦 or 和暦; new households land on the "unplaced" list, near their 町丁目 when the address is known.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jaconv
from sqlalchemy import String, bindparam, func, insert, select, type_coerce, update
from sqlalchemy.orm import Session, selectinload

from app.core.batches import chunks
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.phones import normalise_phone
from app.core.sheets import (
    ChangeKind,
    Choice,
    FieldChange,
    Option,
    Preview,
    PreviewRow,
    cell_error,
    cell_ref,
    cell_text,
    check_length,
    open_workbook,
)
from app.core.text import fold, search_key
from app.core.views import HouseholdFields, PersonFields
from app.core.wareki import parse_date
from app.core.workbook_guard import check_text_size, csv_rows, first_sheet, sheet_rows
from app.households import households
from app.models import Household, HouseholdCategory, Person, utcnow
from app.models.audit import (
    AuditAction,
    AuditEntry,
    collection_text,
    created_rows,
    entry_row,
    updated_rows,
)
from app.models.entities import household_category_link
from app.models.watch import Watcher, WatcherRole, WatchLink
from app.towns.addresses import AddressTable
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields

FIELDS = ("name", "kana", "address", "phone", "birth_date", "household_kind", "concerns", "watchers", "of_concern")
HEADER_WORDS = {
    "name": ("氏名", "名前", "氏名漢字", "対象者氏名", "name", "fullname", "full name"),
    "kana": ("フリガナ", "ふりがな", "カナ", "氏名カナ", "氏名フリガナ", "よみがな", "読み", "kana", "furigana"),
    "address": ("住所", "所在地", "現住所", "address"),
    "phone": ("電話", "電話番号", "TEL", "連絡先", "phone", "telephone"),
    "birth_date": ("生年月日", "誕生日", "birth", "birthday", "date of birth", "birth date", "dob"),
    "household_kind": ("世帯区分", "世帯類型", "世帯の状況", "世帯", "household", "household type"),
    "concerns": ("気になるところ", "気になること", "心配なこと", "concerns"),
    "watchers": ("見守り者", "見守り支援者", "見守り", "watchers", "watcher"),
    "of_concern": ("気がかり", "要援護", "要支援", "of concern"),
}
# Longest first, so 「氏名カナ」 is kana and 「見守り者氏名」 is watchers, not name.
_SYNONYMS = sorted(((fold(w), f) for f, words in HEADER_WORDS.items() for w in words), key=lambda x: -len(x[0]))
KIND_WORDS = [  # 世帯区分 text → household category code
    (("一人暮らし", "独居", "単身", "ひとり暮らし"), "single_elderly"),
    (("夫婦",), "elderly_couple"),
    (("障",), "disability"),
    (("子育て",), "child_rearing"),
    (("外国",), "foreign_resident"),
    (("気がかり",), "of_concern"),
]
ROLE_WORDS = [
    (("区長",), WatcherRole.DISTRICT_HEAD),
    (("民生",), WatcherRole.WELFARE_COMMISSIONER),
    (("推進員",), WatcherRole.WELFARE_PROMOTER),
    (("老人家庭相談員", "家庭相談員"), WatcherRole.ELDERLY_HOME_COUNSELLOR),
    (("近所", "隣", "近隣"), WatcherRole.NEIGHBOUR),
    (("家族", "親族", "長男", "長女", "次男", "次女", "息子", "娘", "兄", "姉", "弟", "妹", "親戚"), WatcherRole.RELATIVE),
]
YES = {"○", "〇", "◯", "●", "1", "はい", "有", "あり", "yes", "y", "true", "要"}
_WATCHER_SPLIT = re.compile(r"[、,，;；/／\n]+")
_ROLE_NOTE = re.compile(r"^(?P<name>.+?)\s*[(（](?P<role>[^)）]*)[)）]\s*$")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−ｰーｰ－"})
MAX_NAME, MAX_ADDRESS, MAX_PHONE, MAX_TEXT = 200, 300, 50, 2000


@dataclass(frozen=True)
class RosterColumns:
    """Where the roster's fields are: detected, or mapped by hand in the UI (field → 1-based column)."""

    sheet: str
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[str, int]


@dataclass
class _Row:
    row: int
    name: str
    kana: str = ""
    address: str = ""
    phone: str = ""
    birth_date: date | None = None
    kinds: tuple[str, ...] = ()
    concerns: str = ""
    of_concern: bool = False
    watchers: tuple[tuple[str, WatcherRole], ...] = ()


@dataclass
class RosterPreview(Preview):
    town_id: uuid.UUID | None = None
    columns: RosterColumns | None = None
    records: list[_Row] = field(default_factory=list)
    # The town as the preview read it, and the ledger's audit high-water mark then: apply reuses it when no
    # change has been written since (every change writes an audit entry), instead of reading the town again.
    _town: tuple[tuple, _Town] | None = field(default=None, repr=False, compare=False)


# ---------------------------------------------------------------- reading


def detect_field(header: str) -> str | None:
    key = fold(re.sub(r"[()（）\[\]【】・:：]", "", header))
    if not key:
        return None
    for word, name in _SYNONYMS:
        if key == word or key.startswith(word):
            return name
    return None


def _rows(path: Path) -> Iterator[tuple[str, int, list[object]]]:
    """(sheet, row number, cells) streamed from an .xlsx (read-only mode) or a .csv file."""
    if path.suffix.lower() in (".csv", ".txt"):
        check_text_size(path)
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "cp932"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "The text encoding of this CSV file is unknown."),
                              where=path.name)
        for number, cells in enumerate(csv_rows(text, path.name), start=1):
            yield path.stem, number, list(cells)
        return
    wb = open_workbook(path)
    try:
        ws = first_sheet(wb, path.name)
        for number, cells in sheet_rows(ws, path.name):
            yield ws.title, number, list(cells)
    finally:
        wb.close()


def detect_columns(path: Path) -> RosterColumns:
    """Find the header row (in the first 20 rows) and which column holds which field."""
    return _detect(_rows(Path(path)), Path(path))


def _detect(rows: Iterable[tuple[str, int, list[object]]], path: Path) -> RosterColumns:
    best = None
    for sheet, number, cells in rows:
        headers = tuple(cell_text(c, sheet, number, i + 1) for i, c in enumerate(cells))
        while headers and not headers[-1]:  # rows come as wide as the reading bound (workbook_guard.sheet_rows)
            headers = headers[:-1]
        mapping: dict[str, int] = {}
        for i, h in enumerate(headers):
            f = detect_field(h)
            if f and f not in mapping:
                mapping[f] = i + 1
        if best is None or len(mapping) > len(best.mapping):
            best = RosterColumns(sheet, number, headers, mapping)
        if "name" in mapping and len(mapping) >= 2 or number >= 20:
            break
    if best is None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is empty."), where=path.name)
    return best


def _phone(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    text = re.sub(r"\s+", "", text)
    # Excel drops the leading 0 of a phone number typed as a number (0778221234 → 778221234).
    if text.isdigit() and len(text) in (9, 10) and not text.startswith("0"):
        text = "0" + text
    return text


def _full_width_kana(text: str) -> str:
    # ｸﾞｴﾝ → グエン, but a full-width space in 「山田　ハル」 stays as typed.
    return jaconv.h2z(text, kana=True, ascii=False, digit=False)


def _yes(text: str) -> bool:
    return fold(text) in {fold(y) for y in YES}


def _kinds(text: str) -> tuple[str, ...]:
    return tuple(code for words, code in KIND_WORDS if any(w in text for w in words))


def _watchers(text: str) -> tuple[tuple[str, WatcherRole], ...]:
    found = []
    for part in _WATCHER_SPLIT.split(text):
        part = part.strip()
        if not part:
            continue
        role = WatcherRole.OTHER
        if m := _ROLE_NOTE.match(part):
            part, note = m["name"].strip(), m["role"]
            role = next((r for words, r in ROLE_WORDS if any(w in note for w in words)), WatcherRole.OTHER)
        found.append((part, role))
    return tuple(found)


def read_roster(session: Session, path: Path, town_id: uuid.UUID, *,
                columns: RosterColumns | None = None) -> RosterPreview:
    """Read a roster for ``town_id`` and work out what importing it would change; nothing is written."""
    path = Path(path)
    stream = _rows(path)  # one pass over the file: the header rows are kept and read again below
    if columns is None:
        head: list[tuple[str, int, list[object]]] = []
        columns = _detect((head.append(x) or x for x in stream), path)
        stream = itertools.chain(head, stream)
    if "name" not in columns.mapping:
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "Sheet {sheet}: no 氏名 (name) column was found in the header row {row}; "
                                        "choose the columns by hand."),
            where=columns.sheet, sheet=columns.sheet, row=columns.header_row,
        )
    m = columns.mapping
    records: list[_Row] = []
    for sheet, number, cells in stream:
        if number <= columns.header_row:
            continue

        def text(f: str, _cells=cells, _sheet=sheet, _n=number) -> str:  # noqa: ANN001
            col = m.get(f, 0)
            return cell_text(_cells[col - 1], _sheet, _n, col) if 0 < col <= len(_cells) else ""

        values = {f: text(f) for f in FIELDS if f in m}
        if not any(values.values()):
            continue  # empty rows between groups are common in hand-kept rosters
        name = check_length(values.get("name", ""), MAX_NAME, "name", sheet, number, m["name"])
        if not name:
            raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: the name (氏名) "
                                                         "is empty."), sheet, number, m["name"])
        row = _Row(number, _full_width_kana(name))
        row.kana = _full_width_kana(check_length(values.get("kana", ""), MAX_NAME, "kana", sheet, number,
                                                 m.get("kana", 0)))
        row.address = unicodedata.normalize("NFKC", check_length(values.get("address", ""), MAX_ADDRESS,
                                                                 "address", sheet, number, m.get("address", 0)))
        row.phone = check_length(_phone(values.get("phone", "")), MAX_PHONE, "phone number", sheet, number,
                                 m.get("phone", 0))
        if birth := values.get("birth_date", ""):
            try:
                row.birth_date = parse_date(birth).to_date()
            except ValueError:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is "
                                                             "not a date (e.g. 昭和15年3月2日 or 1940/3/2)."),
                                 sheet, number, m["birth_date"], text=birth) from None
        row.kinds = _kinds(values.get("household_kind", ""))
        row.concerns = check_length(values.get("concerns", ""), MAX_TEXT, "concerns", sheet, number,
                                    m.get("concerns", 0))
        row.watchers = _watchers(values.get("watchers", ""))
        for watcher_name, _ in row.watchers:
            check_length(watcher_name, MAX_NAME, "watcher's name", sheet, number, m["watchers"])
        row.of_concern = bool(row.concerns or row.watchers or "of_concern" in row.kinds
                              or _yes(values.get("of_concern", "")))
        records.append(row)
    preview = RosterPreview(path=path, town_id=town_id, columns=columns, records=records)
    preview.rows = _plan(session, preview, execute=False)
    return preview


# ---------------------------------------------------------------- the town as plain rows (bulk path)


@dataclass
class _Known:
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
class _Town:
    persons: list[_Known]
    homes: dict[str, list[uuid.UUID]]  # folded address → live households
    watchers: dict[str, list[uuid.UUID]]  # folded name → live watchers
    categories: dict[str, tuple[uuid.UUID, str]]  # code → (id, label)
    household_categories: dict[uuid.UUID, set[str]]
    last_sort_order: dict[uuid.UUID, int]  # household → highest member sort order (archived members too)
    live_links: set[tuple[uuid.UUID, uuid.UUID]]  # (person, watcher)
    dead_links: dict[tuple[uuid.UUID, uuid.UUID], dict]  # unlinked pairs → the record linking again revives
    last_link_order: dict[uuid.UUID, int]  # person → highest sort order of their live links
    household_names: dict[uuid.UUID, str]
    next_map_number: int
    by_name_address: dict[tuple[str, str], list[_Known]] = field(default_factory=dict)
    by_name_birth: dict[tuple[str, date], list[_Known]] = field(default_factory=dict)


def _raw(column):  # noqa: ANN001, ANN202 - a UUID column read as its stored text (no per-value processing)
    return type_coerce(column, String)


def _load_town(session: Session, town_id: uuid.UUID) -> _Town:
    """Everything matching and writing need, in a fixed number of Core queries whatever the town's size."""
    folded = functools.lru_cache(maxsize=None)(fold)  # names repeat, and members share their household's address
    # Ids come back as the stored hex text and become one shared UUID each: a city's 100,000 members point at
    # 50,000 households, and SQLAlchemy's per-value UUID processing was a third of this function's time.
    as_id = functools.lru_cache(maxsize=None)(lambda text: uuid.UUID(hex=text))
    live_household = (Household.town_id == town_id, Household.deleted_at.is_(None))
    household_categories: dict[uuid.UUID, set[str]] = defaultdict(set)
    for hid, code in session.execute(
        select(_raw(household_category_link.c.household_id), HouseholdCategory.code)
        .join(HouseholdCategory, HouseholdCategory.id == household_category_link.c.category_id)
        .join(Household, Household.id == household_category_link.c.household_id).where(Household.town_id == town_id)
    ):
        household_categories[as_id(hid)].add(code)
    persons = [
        _Known(pid, as_id(hid), name, kana, phone, concerns, birth, bool(of_concern), address)
        for pid, hid, name, kana, phone, concerns, birth, of_concern, address in session.execute(
            select(_raw(Person.id), _raw(Person.household_id), Person.name, Person.kana, Person.phone, Person.concerns,
                   Person.birth_date, Person.of_concern, Household.address)
            .join(Household, Person.household_id == Household.id)
            .where(*live_household, Person.deleted_at.is_(None))
        )
    ]
    homes: dict[str, list[uuid.UUID]] = defaultdict(list)
    household_names: dict[uuid.UUID, str] = {}
    for hid, address, name in session.execute(
            select(_raw(Household.id), Household.address, Household.name).where(*live_household)):
        hid = as_id(hid)
        household_names[hid] = name
        if address:
            homes[folded(address)].append(hid)
    watchers: dict[str, list[uuid.UUID]] = defaultdict(list)
    for wid, name in session.execute(select(Watcher.id, Watcher.name)
                                     .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None))):
        watchers[folded(name)].append(wid)
    last_sort_order = {as_id(hid): top for hid, top in session.execute(
        select(_raw(Person.household_id), func.max(Person.sort_order)).join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id).group_by(Person.household_id))}
    live_links: set[tuple[uuid.UUID, uuid.UUID]] = set()
    dead_links: dict[tuple[uuid.UUID, uuid.UUID], dict] = {}
    last_link_order: dict[uuid.UUID, int] = {}
    for link in session.execute(
        select(WatchLink.id, WatchLink.person_id, WatchLink.watcher_id, WatchLink.deleted_at, WatchLink.sort_order,
               WatchLink.involvement, WatchLink.frequency, WatchLink.since, WatchLink.note)
        .join(Watcher, Watcher.id == WatchLink.watcher_id).where(Watcher.town_id == town_id)
        .order_by(WatchLink.created_at)
    ).mappings():
        pair = (link["person_id"], link["watcher_id"])
        if link["deleted_at"] is None:
            live_links.add(pair)
            last_link_order[pair[0]] = max(link["sort_order"], last_link_order.get(pair[0], -1))
        else:
            dead_links.setdefault(pair, dict(link))
    categories = {code: (cid, label) for cid, code, label in session.execute(
        select(HouseholdCategory.id, HouseholdCategory.code, HouseholdCategory.label))}
    top = session.scalar(select(func.max(Household.map_number)).where(Household.town_id == town_id))
    by_name_address: dict[tuple[str, str], list[_Known]] = defaultdict(list)
    by_name_birth: dict[tuple[str, date], list[_Known]] = defaultdict(list)
    for p in persons:
        name = folded(p.name)
        by_name_address[(name, folded(p.address))].append(p)
        if p.birth_date:
            by_name_birth[(name, p.birth_date)].append(p)
    return _Town(persons, homes, watchers, categories, household_categories, last_sort_order, live_links,
                 {k: v for k, v in dead_links.items() if k not in live_links}, last_link_order, household_names,
                 (top or 0) + 1,
                 by_name_address, by_name_birth)


def _fingerprint(session: Session, town_id: uuid.UUID) -> tuple:
    """What changes whenever the ledger does: every change writes audit entries (app/models/audit.py)."""
    return (town_id, session.scalar(select(func.max(AuditEntry.id))), id(session.get_bind()))


def _town_for(session: Session, preview: RosterPreview) -> _Town:
    """The town as plain rows: the preview's copy when nothing has been written since, else read again."""
    fingerprint = _fingerprint(session, preview.town_id)
    if preview._town is not None and preview._town[0] == fingerprint:
        return preview._town[1]
    town = _load_town(session, preview.town_id)
    preview._town = (fingerprint, town)
    return town


def _known_changes(r: _Row, p: _Known, have: set[str]) -> list[FieldChange]:
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


def _plan(session: Session, preview: RosterPreview, *, execute: bool, address_table: AddressTable | None = None,
          progress: Callable[[int, int], None] | None = None) -> list[PreviewRow]:  # noqa: C901
    """Match every roster row against the town (plain rows, a fixed number of queries); with ``execute``,
    collect the writes and send them in bulk at the end (``_BulkWriter``)."""
    town_id = preview.town_id
    sheet = preview.columns.sheet if preview.columns else ""
    name_col = preview.columns.mapping.get("name", 1) if preview.columns else 1
    town = _town_for(session, preview)
    by_name_address, by_name_birth = town.by_name_address, town.by_name_birth
    writer = _BulkWriter(session, town_id, town, address_table) if execute else None
    new_homes: dict[str, uuid.UUID] = {}
    seen: set[uuid.UUID] = set()
    seen_new: set[tuple[str, str]] = set()
    rows: list[PreviewRow] = []

    for r in preview.records:
        ref = cell_ref(r.row, name_col)
        decision = preview.decisions.get((sheet, r.row))

        def row(kind: ChangeKind, changes=(), reason="", options=(), _r=r, _ref=ref) -> PreviewRow:  # noqa: ANN001
            return PreviewRow(kind, "person", sheet, _r.row, _ref, _r.name, tuple(changes), reason, tuple(options))

        key = (fold(r.name), fold(r.address))
        found = _match(r, key, by_name_address, by_name_birth, seen, seen_new, decision, row, rows,
                       lambda p: p.address)
        if found is _SKIP:
            continue
        target: _Known | None = found
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
            home_id = new_homes.get(fold(r.address)) if r.address else None
            if home_id is None and r.address and len(town.homes.get(fold(r.address), [])) == 1:
                home_id = town.homes[fold(r.address)][0]
            if home_id is None:
                home_id = writer.add_household(r.address)
                if r.address:
                    new_homes[fold(r.address)] = home_id
            person_id = writer.add_person(home_id, r)
            writer.add_categories(home_id, r)
            writer.link_watchers(person_id, r)
    if writer is not None:
        writer.write(progress)
    return rows



_SKIP = object()  # _match: the row is not imported (a duplicate, or a decision still to make or to skip)


def _match(r: _Row, key: tuple[str, str], by_name_address: dict, by_name_birth: dict, seen: set, seen_new: set,
           decision: object, row: Callable[..., PreviewRow], rows: list[PreviewRow],
           address_of: Callable[[Any], str]) -> Any:
    """The member a roster row is about: by name and address, else name and birth date; None for a new
    person; ``_SKIP`` when the row waits for (or was given) a decision not to import. Appends the
    "needs a decision" preview rows on the way. Shared by the bulk and the row-by-row apply."""
    matches = by_name_address.get(key, [])
    reason = ""
    target = None
    if len(matches) == 1:
        target = matches[0]
    elif matches:
        reason = QT_TRANSLATE_NOOP("import", "Several members have this name and address.")
    elif r.birth_date and (same := by_name_birth.get((fold(r.name), r.birth_date))):
        matches = same
        reason = QT_TRANSLATE_NOOP("import", "A member with this name and birth date lives at another address.")
    if target is not None and target.id in seen or target is None and not matches and key in seen_new:
        rows.append(row(ChangeKind.NEEDS_DECISION, reason=QT_TRANSLATE_NOOP(
            "import", "This person is in the roster twice."), options=(Option(Choice.SKIP, "取り込まない"),)))
        return _SKIP
    if target is None and matches:
        options = (Option(Choice.SKIP, "取り込まない"),
                   *(Option(p.id, f"{p.name}（{address_of(p) or '住所なし'}）") for p in matches),
                   Option(Choice.NEW, "新しい人として追加"))
        rows.append(row(ChangeKind.NEEDS_DECISION, reason=reason, options=options))
        if decision is None or decision is Choice.SKIP:
            return _SKIP
        target = next((p for p in matches if p.id == decision), None)
        if target is None and decision is not Choice.NEW:
            return _SKIP
    return target

class _BulkWriter:
    """Collects the import's inserts and updates as plain rows, with the audit entries the row-by-row path's
    flushes would write, and sends them as Core executemany batches in the caller's transaction."""

    BATCH = 1000  # rows per statement: the cancel check (one per statement) and progress stay responsive

    def __init__(self, session: Session, town_id: uuid.UUID, town: _Town, address_table: AddressTable | None) -> None:
        self.session, self.town_id, self.town, self.address_table = session, town_id, town, address_table
        self.now = utcnow()
        self.households: list[dict] = []
        self.persons: list[dict] = []
        self.person_updates: dict[uuid.UUID, dict] = {}
        self.category_links: list[dict] = []
        self.watchers: list[dict] = []
        self.links: list[dict] = []
        self.revived: list[dict] = []
        self.audit: list[dict] = []
        # What this import adds, kept apart from ``town`` (which the preview may hand to the next apply).
        self.next_map_number = town.next_map_number
        self.categories_of: dict[uuid.UUID, set[str]] = {}
        self.sort_orders: dict[uuid.UUID, int] = {}
        self.watchers_by_name = {k: list(v) for k, v in town.watchers.items()}
        self.new_links: set[tuple[uuid.UUID, uuid.UUID]] = set()
        self.link_orders: dict[uuid.UUID, int] = {}

    def categories(self, household_id: uuid.UUID) -> set[str]:
        """The household's categories as this import has left them so far."""
        if household_id not in self.categories_of:
            self.categories_of[household_id] = set(self.town.household_categories.get(household_id, ()))
        return self.categories_of[household_id]

    # ------------------------------------------------ collecting

    def add_household(self, address: str) -> uuid.UUID:
        values = dict(id=uuid.uuid4(), town_id=self.town_id, map_number=self.next_map_number, name="",
                      address=address.strip(), note="", search_key=search_key("", address.strip()),
                      lat=None, lon=None, position_approximate=False, created_at=self.now, updated_at=self.now)
        self.next_map_number += 1
        # As households.add_household: the fields it sets, then (as a separate flush) the guessed position.
        self.audit += created_rows(self.session, "household", values,
                                   logged=("town_id", "map_number", "name", "address", "note"))
        if self.address_table is not None and (hit := self.address_table.locate(address)):
            moved = dict(lat=hit.lat, lon=hit.lon, position_approximate=True)
            self.audit += updated_rows(self.session, "household", values, values, moved)
            values.update(moved)
        self.households.append(values)
        self.categories_of[values["id"]] = set()
        return values["id"]

    def add_person(self, household_id: uuid.UUID, r: _Row) -> uuid.UUID:
        name, kana = r.name.strip(), r.kana.strip()
        order = self.sort_orders.get(household_id, self.town.last_sort_order.get(household_id, -1)) + 1
        self.sort_orders[household_id] = order
        values = dict(id=uuid.uuid4(), household_id=household_id, name=name, kana=kana, birth_date=r.birth_date,
                      phone=normalise_phone(r.phone).text, of_concern=r.of_concern, concerns=r.concerns.strip(),
                      sort_order=order, search_key=search_key(name, kana), created_at=self.now, updated_at=self.now)
        self.audit += created_rows(self.session, "person", values, logged=(
            "household_id", "name", "kana", "birth_date", "phone", "of_concern", "concerns", "sort_order"))
        self.persons.append(values)
        return values["id"]

    def update_person(self, r: _Row, p: _Known) -> None:
        new = dict(kana=r.kana or p.kana, phone=r.phone or p.phone, concerns=r.concerns or p.concerns,
                   birth_date=r.birth_date or p.birth_date, of_concern=p.of_concern or r.of_concern)
        old = dict(kana=p.kana, phone=p.phone, concerns=p.concerns, birth_date=p.birth_date, of_concern=p.of_concern)
        values = dict(id=p.id, household_id=p.household_id, name=p.name)
        entries = updated_rows(self.session, "person", values, old, new)
        if entries:
            self.audit += entries
            new["search_key"] = search_key(p.name, new["kana"])
            self.person_updates.setdefault(p.id, {}).update(new)  # a person is matched once per import
        self.add_categories(p.household_id, r)

    def add_categories(self, household_id: uuid.UUID, r: _Row) -> None:
        have = self.categories(household_id)
        added = []
        for code in [*r.kinds, *(["of_concern"] if r.of_concern else [])]:
            if code not in have and code in self.town.categories:
                have.add(code)
                added.append(code)
                self.category_links.append(dict(household_id=household_id, category_id=self.town.categories[code][0]))
        if added:  # as the hook logs a many-to-many change: field "categories", the labels added
            self.audit.append(entry_row(
                self.session, action=AuditAction.UPDATE, entity="household", entity_id=household_id,
                household_id=household_id, label=self._household_label(household_id), field="categories",
                old=None, new=collection_text(self.town.categories[c][1] for c in added)))

    def _household_label(self, household_id: uuid.UUID) -> str:
        return self.town.household_names.get(household_id, "")[:300]  # the hook's label: the name (表札)

    def link_watchers(self, person_id: uuid.UUID, r: _Row) -> None:
        for name, role in r.watchers:
            known = self.watchers_by_name.get(fold(name), [])
            if known:
                watcher_id = known[0]  # the first of namesakes: the roster gives nothing better to tell them apart
            else:
                values = dict(id=uuid.uuid4(), town_id=self.town_id, name=name.strip(), kana="", phone="",
                              address="", role=WatcherRole(role), household_id=None,
                              search_key=search_key(name.strip(), ""), created_at=self.now, updated_at=self.now)
                self.audit += created_rows(self.session, "watcher", values, logged=("town_id", "name", "role"))
                self.watchers.append(values)
                watcher_id = values["id"]
                self.watchers_by_name.setdefault(fold(name), []).append(watcher_id)
            pair = (person_id, watcher_id)
            if pair in self.town.live_links or pair in self.new_links:
                continue
            self.new_links.add(pair)
            if (dead := self.town.dead_links.get(pair)) is not None:
                # As link_watcher: an unlinked pair comes back as the same record (its history stays with it).
                new = dict(deleted_at=None, sort_order=self._next_link_order(person_id), involvement="",
                           frequency=None, since=None, note="")
                self.audit += updated_rows(self.session, "watch_link", dead, dead, new)
                self.revived.append(dict(_id=dead["id"], **new))
                continue
            values = dict(id=uuid.uuid4(), person_id=person_id, watcher_id=watcher_id, involvement="",
                          note="", sort_order=self._next_link_order(person_id), created_at=self.now,
                          updated_at=self.now)
            # The services set the watcher through the relationship, so the hook logs person and order only.
            self.audit += created_rows(self.session, "watch_link", values, logged=("person_id", "sort_order"))
            self.links.append(values)

    def _next_link_order(self, person_id: uuid.UUID) -> int:
        order = self.link_orders.get(person_id, self.town.last_link_order.get(person_id, -1)) + 1  # as link_watcher
        self.link_orders[person_id] = order
        return order

    # ------------------------------------------------ writing

    def write(self, progress: Callable[[int, int], None] | None) -> None:
        link_table = household_category_link
        person, link = Person.__table__, WatchLink.__table__
        updates = [dict(_id=pid, **values) for pid, values in self.person_updates.items()]
        steps = [(insert(Household.__table__), self.households), (insert(person), self.persons),
                 (update(person).where(person.c.id == bindparam("_id")), updates),
                 (insert(link_table), self.category_links), (insert(Watcher.__table__), self.watchers),
                 (insert(WatchLink.__table__), self.links),
                 (update(link).where(link.c.id == bindparam("_id")), self.revived),
                 (insert(AuditEntry.__table__), self.audit)]
        total, done = sum(len(rows) for _, rows in steps), 0
        for statement, rows in steps:
            for batch in chunks(rows, self.BATCH):
                self.session.execute(statement, batch)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        self.session.expire_all()  # ORM objects loaded before the bulk writes must not hide them


# ---------------------------------------------------------------- planning and applying


def _person_changes(r: _Row, p: Person, h: Household) -> list[FieldChange]:
    changes = []
    for f, old, new in (("kana", p.kana, r.kana), ("phone", p.phone, r.phone), ("concerns", p.concerns, r.concerns)):
        if new and new != old:  # an empty roster cell never erases what the ledger knows
            changes.append(FieldChange(f, old, new))
    if r.birth_date and r.birth_date != p.birth_date:
        changes.append(FieldChange("birth_date", str(p.birth_date or ""), r.birth_date.isoformat()))
    if r.of_concern and not p.of_concern:
        changes.append(FieldChange("of_concern", "", "○"))
    have = {c.code for c in h.categories}
    if missing := [k for k in r.kinds if k not in have]:
        changes.append(FieldChange("household_kind", "、".join(sorted(have)), "、".join(sorted(have | set(missing)))))
    return changes


def _plan_rowwise(session: Session, preview: RosterPreview, *, execute: bool,
                  address_table: AddressTable | None = None) -> list[PreviewRow]:  # noqa: C901
    """The row-by-row path through the services (each row flushed, audited by the flush hook).

    Kept as the reference the bulk path (``_plan``) is tested against: same matching, same rows, same
    ledger and audit entries; ``apply_roster(..., bulk=False)`` uses it.
    """
    town_id = preview.town_id
    sheet = preview.columns.sheet if preview.columns else ""
    name_col = preview.columns.mapping.get("name", 1) if preview.columns else 1
    persons = list(session.scalars(
        select(Person).join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None))
        .options(selectinload(Person.household).selectinload(Household.categories))
    ))
    by_name_address: dict[tuple[str, str], list[Person]] = defaultdict(list)
    by_name_birth: dict[tuple[str, date], list[Person]] = defaultdict(list)
    homes: dict[str, list[uuid.UUID]] = defaultdict(list)
    for p in persons:
        by_name_address[(fold(p.name), fold(p.household.address))].append(p)
        if p.birth_date:
            by_name_birth[(fold(p.name), p.birth_date)].append(p)
    for h in session.scalars(select(Household).where(Household.town_id == town_id, Household.deleted_at.is_(None))):
        if h.address:
            homes[fold(h.address)].append(h.id)
    watchers: dict[str, list[Watcher]] = defaultdict(list)
    for w in session.scalars(select(Watcher).where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None))):
        watchers[fold(w.name)].append(w)
    categories = {c.code: c for c in session.scalars(select(HouseholdCategory))}
    new_homes: dict[str, uuid.UUID] = {}
    seen: set[uuid.UUID] = set()
    seen_new: set[tuple[str, str]] = set()
    rows: list[PreviewRow] = []

    for r in preview.records:
        ref = cell_ref(r.row, name_col)
        decision = preview.decisions.get((sheet, r.row))

        def row(kind: ChangeKind, changes=(), reason="", options=(), _r=r, _ref=ref) -> PreviewRow:  # noqa: ANN001
            return PreviewRow(kind, "person", sheet, _r.row, _ref, _r.name, tuple(changes), reason, tuple(options))

        key = (fold(r.name), fold(r.address))
        found = _match(r, key, by_name_address, by_name_birth, seen, seen_new, decision, row, rows,
                       lambda p: p.household.address)
        if found is _SKIP:
            continue
        target: Person | None = found
        if target is not None:
            seen.add(target.id)
            changes = _person_changes(r, target, target.household)
            if not (rows and rows[-1].row == r.row):
                rows.append(row(ChangeKind.UPDATED if changes else ChangeKind.UNCHANGED, changes))
            if execute:
                _update_person(session, r, target, categories)
                _link_watchers(session, town_id, target.id, r, watchers, sheet, preview)
            continue
        seen_new.add(key)
        if not (rows and rows[-1].row == r.row):
            rows.append(row(ChangeKind.ADDED))
        if execute:
            home_id = new_homes.get(fold(r.address)) if r.address else None
            if home_id is None and r.address and len(homes.get(fold(r.address), [])) == 1:
                home_id = homes[fold(r.address)][0]
            if home_id is None:
                home_id = households.add_household(session, town_id, None, HouseholdFields(address=r.address)).id
                if address_table is not None and (hit := address_table.locate(r.address)):
                    h = session.get(Household, home_id)
                    h.lat, h.lon, h.position_approximate = hit.lat, hit.lon, True
                if r.address:
                    new_homes[fold(r.address)] = home_id
            person = households.add_person(session, home_id, PersonFields(
                r.name, kana=r.kana, birth_date=r.birth_date, phone=r.phone, of_concern=r.of_concern,
                concerns=r.concerns))
            _add_categories(session.get(Household, home_id), r, categories)
            _link_watchers(session, town_id, person.id, r, watchers, sheet, preview)
    if execute:
        session.flush()
    return rows


def _add_categories(h: Household, r: _Row, categories: dict[str, HouseholdCategory]) -> None:
    codes = [*r.kinds, *(["of_concern"] if r.of_concern else [])]
    have = {c.code for c in h.categories}
    for code in codes:
        if code not in have and code in categories:
            h.categories.append(categories[code])
            have.add(code)


def _update_person(session: Session, r: _Row, p: Person, categories: dict[str, HouseholdCategory]) -> None:
    p.kana = r.kana or p.kana
    p.phone = r.phone or p.phone
    p.concerns = r.concerns or p.concerns
    p.birth_date = r.birth_date or p.birth_date
    p.of_concern = p.of_concern or r.of_concern
    p.search_key = search_key(p.name, p.kana)
    _add_categories(p.household, r, categories)
    session.flush()


def _link_watchers(session: Session, town_id: uuid.UUID, person_id: uuid.UUID, r: _Row,
                   watchers: dict[str, list[Watcher]], sheet: str, preview: RosterPreview) -> None:
    if not r.watchers:
        return
    linked = set(session.scalars(select(WatchLink.watcher_id).where(
        WatchLink.person_id == person_id, WatchLink.deleted_at.is_(None))))
    for name, role in r.watchers:
        known = watchers.get(fold(name), [])
        if known:
            w = known[0]  # the first of namesakes: the roster gives nothing better to tell them apart
        else:
            w = session.get(Watcher, watch.add_watcher(session, town_id, WatcherFields(name, role=role)).id)
            watchers[fold(name)].append(w)
        if w.id not in linked:
            watch.link_watcher(session, person_id, w.id, LinkFields())
            linked.add(w.id)


def apply_roster(session: Session, preview: RosterPreview, *, address_table: AddressTable | None = None,
                 progress: Callable[[int, int], None] | None = None, bulk: bool = True) -> list[PreviewRow]:
    """Write the previewed roster in the caller's transaction; rows still needing a decision are left out.

    Matching is redone against the ledger as it is now, with the decisions taken on the preview. The
    writes go in bulk (Core executemany, a batch per statement, audit entries written alongside through
    app.models.audit's helpers); ``progress(done, total)`` is called after each batch. A cancel that
    makes a statement raise (app/ui/worker.py) and any error propagate: the caller's transaction rolls
    everything back. ``bulk=False`` takes the row-by-row path through the services instead.
    """
    if not bulk:
        return _plan_rowwise(session, preview, execute=True, address_table=address_table)
    return _plan(session, preview, execute=True, address_table=address_table, progress=progress)
