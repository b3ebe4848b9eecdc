"""Reading a roster file and checking every cell: the header row and which column holds which field,
then one ``RosterRow`` per person, normalised (full-width kana, 和暦 dates, phones), or a clear error
naming sheet, row and cell. Nothing here touches the ledger."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jaconv

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.phones import Phone, normalise_phone
from app.core.sheets import cell_error, cell_text, check_length, open_workbook
from app.core.text import fold
from app.core.wareki import parse_date
from app.core.workbook_guard import check_text_size, csv_rows, first_sheet, sheet_rows
from app.models.watch import WatcherRole

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
    # Every way a roster spells 一人暮らし: 独り and ひとり, with or without the ら (送り仮名) of 暮らし.
    (("一人暮らし", "独り暮らし", "ひとり暮らし", "一人暮し", "独り暮し", "ひとり暮し", "独居", "単身"), "single_elderly"),
    (("夫婦",), "elderly_couple"),
    (("障",), "disability"),
    (("子育て",), "child_rearing"),
    (("外国",), "foreign_resident"),
    (("気がかり",), "of_concern"),
]
# What the error for an unknown 世帯区分 lists: one word of each kind above (a cell holding any of them is read).
KIND_EXAMPLES = "「一人暮らし」「独居」「高齢者夫婦」「障がい」「子育て」「外国籍」「気がかり」"
ROLE_WORDS = [
    (("区長",), WatcherRole.DISTRICT_HEAD),
    (("民生",), WatcherRole.WELFARE_COMMISSIONER),
    (("推進員",), WatcherRole.WELFARE_PROMOTER),
    (("老人家庭相談員", "家庭相談員"), WatcherRole.ELDERLY_HOME_COUNSELLOR),
    (("近所", "隣", "近隣"), WatcherRole.NEIGHBOUR),
    (("家族", "親族", "長男", "長女", "次男", "次女", "息子", "娘", "兄", "姉", "弟", "妹", "親戚"), WatcherRole.RELATIVE),
]
YES = {"○", "〇", "◯", "●", "1", "はい", "有", "あり", "yes", "y", "true", "要"}
_YES_KEYS = frozenset(fold(y) for y in YES)
_WATCHER_SPLIT = re.compile(r"[、,，;；/／\n]+")
_ROLE_NOTE = re.compile(r"^(?P<name>.+?)\s*[(（](?P<role>[^)）]*)[)）]\s*$")
_LOCAL_NUMBER = re.compile(r"[1-9]\d{0,3}-?\d{4}")
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
class RosterRow:
    """One person of the roster, as read and normalised."""

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
    local_phone: bool = False  # ``phone`` is a local number typed without its area code (22-1234)


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
    wb = open_workbook(path, sized=False)  # sheet_rows reads what the sheet holds, whatever size it declares
    try:
        ws = first_sheet(wb, path.name)
        for number, values in sheet_rows(ws, path.name):
            yield ws.title, number, list(values)
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


def _phone(text: str) -> Phone:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    text = re.sub(r"\s+", "", text)
    # Excel drops the leading 0 of a phone number typed as a number (0778221234 → 778221234).
    if text.isdigit() and len(text) in (9, 10) and not text.startswith("0"):
        text = "0" + text
    read = normalise_phone(text)  # in its printed form (0778-22-1234), as every other screen of the ledger keeps it
    if not read.ok and _LOCAL_NUMBER.fullmatch(text):
        return Phone(text, True)  # a local number without its area code (22-1234), as town rosters write them
    return read


def _full_width_kana(text: str) -> str:
    # ｸﾞｴﾝ → グエン, but a full-width space in 「山田　ハル」 stays as typed.
    return jaconv.h2z(text, kana=True, ascii=False, digit=False)


def _yes(text: str) -> bool:
    return bool(text) and fold(text) in _YES_KEYS


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



def _birth_date(text: str) -> date:
    return parse_date(text).to_date()


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _cached(function):  # noqa: ANN001, ANN202
    """``function`` remembering its results for one read: names, addresses, dates and kinds repeat in a roster
    (a household's members share their address). Kept per read, so no roster text outlives it."""
    return functools.lru_cache(maxsize=None)(function)


def _kept(rows: Iterable[tuple[str, int, list[object]]], into: list) -> Iterator[tuple[str, int, list[object]]]:
    for row in rows:
        into.append(row)
        yield row


def read_rows(path: Path, columns: RosterColumns | None = None, *,
              today: date | None = None) -> tuple[RosterColumns, list[RosterRow]]:
    """The columns (detected unless given) and every person row of the file, checked cell by cell; a birth date
    after ``today`` (by default the computer's date) is refused."""
    path = Path(path)
    today = today or date.today()
    stream = _rows(path)  # one pass over the file: the header rows are kept and read again below
    if columns is None:
        head: list[tuple[str, int, list[object]]] = []
        columns = _detect(_kept(stream, head), path)
        stream = itertools.chain(head, stream)
    if "name" not in columns.mapping:
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "Sheet {sheet}: no 氏名 (name) column was found in the header row {row}; "
                                        "choose the columns by hand."),
            where=columns.sheet, sheet=columns.sheet, row=columns.header_row,
        )
    m = columns.mapping
    records: list[RosterRow] = []
    full_width_kana, nfkc, phone, birth_date = (_cached(_full_width_kana), _cached(_nfkc), _cached(_phone),
                                                _cached(_birth_date))
    kinds, watchers, yes = _cached(_kinds), _cached(_watchers), _cached(_yes)
    mapped = [(f, m[f]) for f in FIELDS if f in m]
    for sheet, number, cells in stream:
        if number <= columns.header_row:
            continue
        width = len(cells)
        values = {f: cell_text(cells[col - 1], sheet, number, col) if 0 < col <= width else "" for f, col in mapped}
        if not any(values.values()):
            continue  # empty rows between groups are common in hand-kept rosters
        name = check_length(values.get("name", ""), MAX_NAME, "name", sheet, number, m["name"])
        if not name:
            raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: the name (氏名) "
                                                         "is empty."), sheet, number, m["name"])
        row = RosterRow(number, full_width_kana(name))
        row.kana = full_width_kana(check_length(values.get("kana", ""), MAX_NAME, "kana", sheet, number,
                                                m.get("kana", 0)))
        row.address = nfkc(check_length(values.get("address", ""), MAX_ADDRESS, "address", sheet, number,
                                         m.get("address", 0)))
        if typed := check_length(values.get("phone", ""), MAX_PHONE, "phone number", sheet, number,
                                 m.get("phone", 0)):
            number_read = phone(typed)
            if not number_read.ok:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is "
                                                             "not a phone number (one number per cell, e.g. 0778-22-1234)."),
                                 sheet, number, m["phone"], text=typed)
            row.phone = number_read.text
            # Completed with the town's area code, or warned about, once the town is known (roster/area_codes.py).
            row.local_phone = _LOCAL_NUMBER.fullmatch(row.phone) is not None
        if birth := values.get("birth_date", ""):
            try:
                row.birth_date = birth_date(birth)
            except ValueError:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is "
                                                             "not a date (e.g. 昭和15年3月2日 or 1940/3/2)."),
                                 sheet, number, m["birth_date"], text=birth) from None
            if row.birth_date > today:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: the birth date "
                                                             "「{text}」 is in the future."),
                                 sheet, number, m["birth_date"], text=birth)
        row.kinds = kinds(kind := values.get("household_kind", ""))
        if kind and not row.kinds:
            raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: 「{text}」 is not a "
                                                         "household kind (世帯区分) the ledger knows. Write one of "
                                                         "{kinds}, or leave the cell empty."),
                             sheet, number, m["household_kind"], text=kind, kinds=KIND_EXAMPLES)
        row.concerns = check_length(values.get("concerns", ""), MAX_TEXT, "concerns", sheet, number,
                                    m.get("concerns", 0))
        row.watchers = watchers(values.get("watchers", ""))
        for watcher_name, _ in row.watchers:
            check_length(watcher_name, MAX_NAME, "watcher's name", sheet, number, m["watchers"])
        row.of_concern = bool(row.concerns or row.watchers or "of_concern" in row.kinds
                              or yes(values.get("of_concern", "")))
        records.append(row)
    return columns, records
