"""Roster import: a flat table, one row per person, as municipalities and 社協 hand them around.

Japanese or English headers are detected (the UI may map columns by hand instead); dates may be
西暦 or 和暦; new households land on the "unplaced" list, near their 町丁目 when the address is known.
"""

from __future__ import annotations

import csv
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jaconv
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.io.sheets import (
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
from app.models import Household, HouseholdCategory, Person
from app.models.watch import Watcher, WatcherRole, WatchLink
from app.services import households, watch
from app.services.addresses import AddressTable
from app.services.errors import QT_TRANSLATE_NOOP, LedgerError
from app.services.text import fold, search_key
from app.services.views import HouseholdFields, PersonFields
from app.services.wareki import parse_date
from app.services.watch_views import LinkFields, WatcherFields

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
        for number, cells in enumerate(csv.reader(text.splitlines()), start=1):
            yield path.stem, number, list(cells)
        return
    wb = open_workbook(path)
    try:
        ws = wb.worksheets[0]
        for number, cells in enumerate(ws.iter_rows(), start=1):
            yield ws.title, number, list(cells)
    finally:
        wb.close()


def detect_columns(path: Path) -> RosterColumns:
    """Find the header row (in the first 20 rows) and which column holds which field."""
    best = None
    for sheet, number, cells in _rows(Path(path)):
        headers = tuple(cell_text(c, sheet, number, i + 1) for i, c in enumerate(cells))
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
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is empty."), where=Path(path).name)
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
    columns = columns or detect_columns(path)
    if "name" not in columns.mapping:
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "Sheet {sheet}: no 氏名 (name) column was found in the header row {row}; "
                                        "choose the columns by hand."),
            where=columns.sheet, sheet=columns.sheet, row=columns.header_row,
        )
    m = columns.mapping
    records: list[_Row] = []
    for sheet, number, cells in _rows(path):
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


def _plan(session: Session, preview: RosterPreview, *, execute: bool,
          address_table: AddressTable | None = None) -> list[PreviewRow]:  # noqa: C901
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
        matches = by_name_address.get(key, [])
        reason = ""
        target: Person | None = None
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
            continue
        if target is None and matches:
            options = (Option(Choice.SKIP, "取り込まない"),
                       *(Option(p.id, f"{p.name}（{p.household.address or '住所なし'}）") for p in matches),
                       Option(Choice.NEW, "新しい人として追加"))
            rows.append(row(ChangeKind.NEEDS_DECISION, reason=reason, options=options))
            if decision is None or decision is Choice.SKIP:
                continue
            target = next((p for p in matches if p.id == decision), None)
            if target is None and decision is not Choice.NEW:
                continue
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


def apply_roster(session: Session, preview: RosterPreview, *,
                 address_table: AddressTable | None = None) -> list[PreviewRow]:
    """Write the previewed roster in the caller's transaction; rows still needing a decision are left out."""
    return _plan(session, preview, execute=True, address_table=address_table)
