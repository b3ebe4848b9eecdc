"""The 見守りネットワーク記録用紙 (watch-network record form) in Excel: export per town, import with a preview.

Laid out like the 越前市社協 paper form: four persons of concern per A4 page, 「気がかりな人」 on the
left (氏名・住所・TEL・気になるところ) and their 「見守り者」 (氏名・関わり方) on the right.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.sheets import (
    ChangeKind,
    Choice,
    FieldChange,
    Option,
    Preview,
    PreviewRow,
    SharedStyles,
    cell_error,
    cell_ref,
    cell_text,
    check_length,
    header_text,
    open_workbook,
)
from app.core.text import fold, search_key
from app.core.views import HouseholdFields, PersonFields
from app.core.wareki import to_wareki
from app.core.workbook_guard import sheet_rows
from app.households import households
from app.models import Household, Person, utcnow
from app.models.watch import Watcher, WatcherRole, WatchLink
from app.privacy.masking import ANONYMOUS_NAME, Audience, as_audience, hidden_persons, mask_concern, rule_line
from app.towns import towns
from app.towns.addresses import AddressTable
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields

TITLE = "見守りネットワーク記録用紙"
META_SHEET = "_sasaeai"
FORMAT_NAME = "watch-network-form"
FONT_NAME = "BIZ UDゴシック"
LABEL_NAME, LABEL_ADDRESS, LABEL_PHONE, LABEL_CONCERNS = "氏名", "住所", "TEL", "気になるところ"
PHONE_LABELS = {"TEL", "tel", "電話", "電話番号", "TEL.", "ＴＥＬ"}
PERSON_KEY, WATCH_KEY, MASK_KEY = "key:person", "key:watch", "key:masked"
# What an anonymised block leaves blank (in the hidden MASK_KEY column): blank there means "not shown", not "erased".
MASKABLE = ("name", "address", "phone", "concerns")
MASKED_FIELDS = ",".join(MASKABLE)
DEFAULT_AUDIENCE = Audience.WATCHERS  # the form goes to the 区長 and 民生児童委員 of the town

# Columns of the exported sheet (1-based); the import finds them again by their headers.
COL_LABEL, COL_VALUE, COL_WATCHER, COL_INVOLVEMENT, COL_PERSON_KEY, COL_WATCH_KEY, COL_MASK_KEY = 1, 2, 3, 4, 5, 6, 7
HEADER_ROW = 4
MAX_COLUMNS = 32  # columns read from an edited form (it uses 7; every row is scanned for the 氏名 label)
FIRST_ROW = 5
BLOCK_ROWS = 6  # rows per person: at least six watcher lines, as on the paper form
PER_PAGE = 4
ROW_HEIGHT = 31.5
MAX_NAME, MAX_ADDRESS, MAX_PHONE, MAX_CONCERNS, MAX_INVOLVEMENT = 200, 300, 50, 2000, 500

_thin = Side(style="thin", color="000000")
_thick = Side(style="medium", color="000000")
_grey = PatternFill("solid", fgColor="EDEDED")


# ---------------------------------------------------------------- export

_HEADING_ROW = 3  # 「気がかりな人」「見守り者」 above the column headings of HEADER_ROW


def _font(size: float = 11, bold: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold)


def _sheet_title(name: str) -> str:
    for ch in '[]:*?/\\':
        name = name.replace(ch, "・")
    return name[:31] or "町内"


def _border(col: int, top: bool, bottom: bool) -> Border:
    return Border(left=_thick if col in (COL_LABEL, COL_WATCHER) else _thin,
                  right=_thick if col in (COL_VALUE, COL_INVOLVEMENT) else _thin,
                  top=_thick if top else _thin, bottom=_thick if bottom else _thin)


def _block_style(col: int, part: str) -> str:
    """The named style of a block cell: column 1–4 and the row's part of the block (top, upper, lower, bottom)."""
    return f"見守り用紙 {col}{part}"


def _styles() -> dict[str, NamedStyle]:
    """Every style the form uses, each registered once as a named style (write-only export)."""
    styles = {
        "見守り用紙 表題": NamedStyle(font=_font(18, bold=True), alignment=Alignment(horizontal="center",
                                                                                   vertical="center")),
        "見守り用紙 町名見出し": NamedStyle(font=_font(12, bold=True), border=Border(bottom=_thin)),
        "見守り用紙 町名": NamedStyle(font=_font(14, bold=True), border=Border(bottom=_thin)),
        "見守り用紙 作成日見出し": NamedStyle(font=_font(10), border=Border(bottom=_thin),
                                        alignment=Alignment(horizontal="right", vertical="center")),
        "見守り用紙 作成日": NamedStyle(font=_font(10), border=Border(bottom=_thin)),
        "見守り用紙 表示ルール": NamedStyle(font=_font(10), alignment=Alignment(vertical="center", wrap_text=True)),
    }
    for row in (_HEADING_ROW, HEADER_ROW):
        for col in range(COL_LABEL, COL_INVOLVEMENT + 1):
            styles[f"見守り用紙 列名{row}{col}"] = NamedStyle(
                font=_font(12 if row == _HEADING_ROW else 11, bold=True), fill=_grey,
                alignment=Alignment(horizontal="center", vertical="center"),
                border=_border(col, row == _HEADING_ROW, row == HEADER_ROW))
    for col in range(COL_LABEL, COL_INVOLVEMENT + 1):
        for part in ("top", "upper", "lower", "bottom"):
            styles[_block_style(col, part)] = NamedStyle(
                font=_font(12 if col == COL_VALUE and part == "top" else 11,
                           bold=col == COL_VALUE and part == "top"),
                alignment=Alignment(vertical="top" if part in ("lower", "bottom") and col <= COL_VALUE else "center",
                                    horizontal="center" if col == COL_LABEL else "left",
                                    wrap_text=True, shrink_to_fit=False),
                border=_border(col, part == "top", part == "bottom"),
                fill=_grey if col == COL_LABEL else PatternFill())
    return styles


def export_form(session: Session, town_id: uuid.UUID, path: Path, *, audience: Audience = DEFAULT_AUDIENCE) -> Path:
    """Write the town's watch-network record form to ``path`` (.xlsx); returns the path.

    ``audience`` decides who is printed by name: by default the 区長 and 民生児童委員 who receive the
    form (Audience.WATCHERS). A person whose consent does not cover it is printed as 「（匿名）」 with
    address, TEL and 気になるところ blank and marked in a hidden column, so importing the form back
    changes nothing for them. The rule applied is printed at the foot of every page.

    Written in openpyxl's write-only mode with named styles: time and memory grow with the rows only.
    """
    audience = as_audience(audience)
    town = towns.get_town(session, town_id)
    concerns = watch.list_concerns(session, town_id)
    hidden = hidden_persons(session, (c.person.id for c in concerns), audience)
    rule = rule_line(audience)
    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, _styles())
    cell = styles.cell
    ws = wb.create_sheet(_sheet_title(town.name))

    # Column widths, hidden key columns, frozen panes and fit-to-page go before the first row (write-only).
    widths = {COL_LABEL: 12, COL_VALUE: 31, COL_WATCHER: 17, COL_INVOLVEMENT: 27, COL_PERSON_KEY: 38,
              COL_WATCH_KEY: 38, COL_MASK_KEY: 24}
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for col in (COL_PERSON_KEY, COL_WATCH_KEY, COL_MASK_KEY):
        ws.column_dimensions[get_column_letter(col)].hidden = True  # match keys: invisible and never printed
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    merges = [CellRange(min_row=1, min_col=1, max_row=1, max_col=COL_INVOLVEMENT),
              CellRange(min_row=_HEADING_ROW, min_col=COL_LABEL, max_row=HEADER_ROW, max_col=COL_VALUE),
              CellRange(min_row=_HEADING_ROW, min_col=COL_WATCHER, max_row=_HEADING_ROW, max_col=COL_INVOLVEMENT)]

    ws.row_dimensions[1].height = 34
    ws.append([cell(ws, TITLE, "見守り用紙 表題")])
    ws.row_dimensions[2].height = 26
    ws.append([cell(ws, "町名", "見守り用紙 町名見出し"), cell(ws, town.name, "見守り用紙 町名"),
               cell(ws, "作成日", "見守り用紙 作成日見出し"), cell(ws, to_wareki(date.today()), "見守り用紙 作成日")])
    heading = {(_HEADING_ROW, COL_LABEL): "気がかりな人", (_HEADING_ROW, COL_WATCHER): "見守り者",
               (HEADER_ROW, COL_WATCHER): LABEL_NAME, (HEADER_ROW, COL_INVOLVEMENT): "関わり方"}
    for row in (_HEADING_ROW, HEADER_ROW):
        ws.row_dimensions[row].height = 22
        cells = [cell(ws, heading.get((row, col)), f"見守り用紙 列名{row}{col}")
                 for col in range(COL_LABEL, COL_INVOLVEMENT + 1)]
        if row == HEADER_ROW:
            cells += [cell(ws, PERSON_KEY), cell(ws, WATCH_KEY), cell(ws, MASK_KEY)]
        ws.append(cells)

    # Fill the last page with empty blocks, as on the paper form, for persons added by hand.
    blanks = (-len(concerns)) % PER_PAGE if concerns else PER_PAGE
    row = FIRST_ROW
    for index, concern in enumerate([*concerns, *([None] * blanks)]):
        masked = concern is not None and concern.person.id in hidden
        row = _write_block(ws, cell, row, mask_concern(concern) if masked else concern, masked, merges)
        if (index + 1) % PER_PAGE == 0:
            # The consent rule at the foot of every page, then the page break.
            ws.row_dimensions[row].height = 20
            ws.append([cell(ws, rule, "見守り用紙 表示ルール")])
            merges.append(CellRange(min_row=row, min_col=COL_LABEL, max_row=row, max_col=COL_INVOLVEMENT))
            ws.row_breaks.append(Break(id=row))
            row += 1
    last = row - 1
    ws.merged_cells = MultiCellRange(merges)  # built once: openpyxl's merge_cells is quadratic in the merges

    ws.print_area = f"A1:{get_column_letter(COL_INVOLVEMENT)}{last}"
    ws.print_title_rows = f"1:{HEADER_ROW}"  # title, 町名 and the column headings on every page
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.6
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
    ws.print_options.horizontalCentered = True
    ws.oddHeader.right.text = f"町名：{header_text(town.name)}"
    ws.oddHeader.right.font = FONT_NAME
    ws.oddFooter.center.text = "&P / &N"

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    for pair in (("format", FORMAT_NAME), ("version", "1"), ("town_id", str(town.id)), ("town", town.name),
                 ("district", town.district_name), ("sheet", ws.title), ("exported_at", utcnow().isoformat()),
                 ("audience", audience.value)):
        meta.append([cell(meta, pair[0]), cell(meta, pair[1])])
    path = Path(path)
    wb.save(path)
    return path


def _write_block(ws, cell, top: int, concern, masked: bool, merges: list[CellRange]) -> int:  # noqa: ANN001, PLR0913
    """Append one person's block (openpyxl worksheet, SharedStyles.cell, ConcernView | None); returns the next row."""
    links = list(concern.links) if concern else []
    rows = max(BLOCK_ROWS, len(links) + 1)  # always one empty line for a watcher written in by hand
    bottom = top + rows - 1
    labels = [LABEL_NAME, LABEL_ADDRESS, LABEL_PHONE, LABEL_CONCERNS]
    values = [concern.person.name, concern.address, concern.person.phone, concern.person.concerns] if concern else [""] * 4
    # 気になるところ gets the rest of the block: room to write by hand.
    merges.append(CellRange(min_row=top + 3, min_col=COL_LABEL, max_row=bottom, max_col=COL_LABEL))
    merges.append(CellRange(min_row=top + 3, min_col=COL_VALUE, max_row=bottom, max_col=COL_VALUE))
    for i in range(rows):
        r = top + i
        part = "top" if r == top else "bottom" if r == bottom else "upper" if i < 3 else "lower"
        link = links[i] if i < len(links) else None
        ws.row_dimensions[r].height = ROW_HEIGHT
        ws.append([
            cell(ws, labels[i] if i < 4 else None, _block_style(COL_LABEL, part)),
            cell(ws, values[i] if i < 4 else None, _block_style(COL_VALUE, part)),
            cell(ws, link.watcher.name if link else None, _block_style(COL_WATCHER, part)),
            cell(ws, link.involvement if link else None, _block_style(COL_INVOLVEMENT, part)),
            # The hidden key columns: no cell at all where there is no key (write-only mode skips None).
            cell(ws, str(concern.person.id)) if concern and i == 0 else None,
            cell(ws, str(link.id)) if link else None,
            cell(ws, MASKED_FIELDS) if masked and i == 0 else None,
        ])
    return bottom + 1


# ---------------------------------------------------------------- import: reading the file


@dataclass
class _WatcherRow:
    row: int
    column: int  # the 氏名 column, for the preview's cell
    name: str
    involvement: str
    key: uuid.UUID | None


@dataclass
class _Block:
    sheet: str
    row: int
    column: int
    name: str = ""
    address: str = ""
    phone: str = ""
    concerns: list[str] = field(default_factory=list)
    key: uuid.UUID | None = None
    watchers: list[_WatcherRow] = field(default_factory=list)
    masked: frozenset[str] = frozenset()  # fields the export left blank for consent (MASK_KEY column)

    @property
    def empty(self) -> bool:
        return not (self.name or self.address or self.phone or any(self.concerns) or self.watchers)


@dataclass
class _SheetData:
    title: str
    town_id: uuid.UUID
    town_name: str
    blocks: list[_Block]


@dataclass
class FormPreview(Preview):
    sheets: list[_SheetData] = field(default_factory=list)

    @property
    def town_ids(self) -> list[uuid.UUID]:
        return [s.town_id for s in self.sheets]


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None  # a retyped or damaged key: fall back to matching by name and address


def _read_meta(wb, file: str = "") -> dict[str, str]:  # noqa: ANN001 - openpyxl workbook
    if META_SHEET not in wb.sheetnames:
        return {}
    meta = {}
    for _r, row in sheet_rows(wb[META_SHEET], file, max_col=2, max_row=50, values_only=True):
        if row and row[0]:
            meta[str(row[0])] = "" if row[1] is None else str(row[1])
    return meta if meta.get("format") == FORMAT_NAME else {}


def read_form(session: Session, path: Path) -> FormPreview:
    """Read an edited form and work out what importing it would change; nothing is written."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        meta = _read_meta(wb, path.name)
        found = []
        for ws in wb.worksheets:
            if ws.title == META_SHEET:
                continue
            parsed = _read_sheet(ws, path.name)
            if parsed is not None:
                found.append((ws.title, *parsed))
        if not found:
            raise LedgerError(
                QT_TRANSLATE_NOOP("errors", "No sheet holds a 見守りネットワーク記録用紙 (a header row with "
                                            "「氏名」 and 「関わり方」). Sheets in the file: {sheets}"),
                where=path.name, sheets="、".join(wb.sheetnames),
            )
        sheets = []
        for title, town_cell, blocks in found:
            town_id, town_name = _town_of(session, title, town_cell, meta, len(found))
            sheets.append(_SheetData(title, town_id, town_name, blocks))
    finally:
        wb.close()
    preview = FormPreview(path=path, sheets=sheets)
    preview.rows = _plan(session, preview, execute=False)
    return preview


def _town_of(session: Session, title: str, town_cell: tuple[str, int, int] | None, meta: dict[str, str],
             sheet_count: int) -> tuple[uuid.UUID, str]:
    # The hidden key first (the sheet may have been renamed), then the 町名 written on the sheet.
    key = _uuid(meta.get("town_id", ""))
    if key is not None and (sheet_count == 1 or meta.get("sheet") == title):
        try:
            t = towns.get_town(session, key)
            return t.id, t.name
        except NotFound:
            pass
    if town_cell is None or not town_cell[0]:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}: the town name (町名) is missing."),
                          where=title, sheet=title)
    name, row, col = town_cell
    try:
        t = towns.find_town(session, name)
    except LedgerError as exc:
        raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: {reason}"),
                         title, row, col, reason=exc.message()) from exc
    return t.id, t.name


def _read_sheet(ws, file: str = "") -> tuple[tuple[str, int, int] | None, list[_Block]] | None:  # noqa: ANN001, C901
    """Parse one worksheet; None when it is not a watch-network form."""
    title = ws.title
    header: dict[str, int] = {}
    header_row = 0
    town_cell = None
    blocks: list[_Block] = []
    current: _Block | None = None
    label_col = value_col = 0
    section = ""
    for r, cells in sheet_rows(ws, file, max_col=MAX_COLUMNS):
        if not header_row:
            texts = [(i + 1, cell_text(c, title, r, i + 1)) for i, c in enumerate(cells)]
            for i, (col, text) in enumerate(texts):
                if text == "町名" and town_cell is None:
                    rest = [(c2, t2) for c2, t2 in texts[i + 1:] if t2]
                    town_cell = (rest[0][1], r, rest[0][0]) if rest else ("", r, col + 1)
            values = {text: col for col, text in texts if text}
            if LABEL_NAME in values and "関わり方" in values:
                header_row = r
                header = {"watcher": values[LABEL_NAME], "involvement": values["関わり方"],
                          "person_key": values.get(PERSON_KEY, 0), "watch_key": values.get(WATCH_KEY, 0),
                          "masked": values.get(MASK_KEY, 0)}
            elif r > 30:
                return None
            continue

        def text(col: int) -> str:
            return cell_text(cells[col - 1], title, r, col) if 0 < col <= len(cells) else ""

        if not label_col:
            # The person labels sit in the first column (left of the watcher columns) that says 氏名.
            for i in range(len(cells)):
                if i + 1 not in (header["watcher"], header["involvement"]) and text(i + 1) == LABEL_NAME:
                    label_col, value_col = i + 1, i + 2
                    break
        label = text(label_col) if label_col else ""
        if label == LABEL_NAME:
            current = _Block(title, r, value_col)
            blocks.append(current)
            current.name = check_length(text(value_col), MAX_NAME, "name", title, r, value_col)
            current.key = _uuid(text(header["person_key"]))
            current.masked = frozenset(f for f in text(header["masked"]).split(",") if f in MASKABLE)
            section = LABEL_NAME
        elif current is not None and label == LABEL_ADDRESS:
            current.address = check_length(text(value_col), MAX_ADDRESS, "address", title, r, value_col)
            section = label
        elif current is not None and label in PHONE_LABELS:
            current.phone = check_length(text(value_col), MAX_PHONE, "phone number", title, r, value_col)
            section = LABEL_PHONE
        elif current is not None and label.startswith("気になる"):
            current.concerns.append(text(value_col))
            section = LABEL_CONCERNS
        elif current is not None and section == LABEL_CONCERNS and value_col and text(value_col):
            current.concerns.append(text(value_col))  # a continuation line of 気になるところ
        name = text(header["watcher"])
        involvement = text(header["involvement"])
        key = _uuid(text(header["watch_key"]))
        if name or involvement or key:
            if current is None:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: this watcher "
                                                             "is above the first person of concern (氏名)."),
                                 title, r, header["watcher"])
            check_length(name, MAX_NAME, "watcher's name", title, r, header["watcher"])
            check_length(involvement, MAX_INVOLVEMENT, "involvement", title, r, header["involvement"])
            current.watchers.append(_WatcherRow(r, header["watcher"], name, involvement, key))
    if not header_row:
        return None
    for block in blocks:
        concerns = "\n".join(x for x in block.concerns if x)
        check_length(concerns, MAX_CONCERNS, "concerns", title, block.row + 3, block.column)
        block.concerns = [concerns] if concerns else []
        if block.empty:
            continue
        if not block.name and not ("name" in block.masked and block.key):
            raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: the name (氏名) "
                                                         "of this person of concern is empty."),
                             title, block.row, block.column)
        for w in block.watchers:
            if not w.name and w.involvement:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: the watcher's "
                                                             "name (氏名) is empty."), title, w.row, w.column)
    return town_cell, [b for b in blocks if not b.empty]


# ---------------------------------------------------------------- import: planning and applying


@dataclass
class _TownIndex:
    persons: dict[uuid.UUID, Person]
    by_name_address: dict[tuple[str, str], list[Person]]
    by_name: dict[str, list[Person]]
    links: dict[uuid.UUID, list[WatchLink]]
    watchers: dict[str, list[Watcher]]


def _index(session: Session, town_id: uuid.UUID) -> _TownIndex:
    persons = list(session.scalars(
        select(Person).join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None))
        .options(selectinload(Person.household))
    ))
    idx = _TownIndex({p.id: p for p in persons}, defaultdict(list), defaultdict(list), defaultdict(list),
                     defaultdict(list))
    for p in persons:
        idx.by_name_address[(fold(p.name), fold(p.household.address))].append(p)
        idx.by_name[fold(p.name)].append(p)
    for link in session.scalars(
        select(WatchLink).join(Watcher, WatchLink.watcher_id == Watcher.id)
        .where(Watcher.town_id == town_id, WatchLink.deleted_at.is_(None), Watcher.deleted_at.is_(None))
        .options(selectinload(WatchLink.watcher)).order_by(WatchLink.sort_order)
    ):
        idx.links[link.person_id].append(link)
    for w in session.scalars(select(Watcher).where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None))):
        idx.watchers[fold(w.name)].append(w)
    return idx


def _person_label(p: Person) -> str:
    return f"{p.name}（{p.household.address or '住所なし'}）"


def _plan(session: Session, preview: FormPreview, *, execute: bool,
          address_table: AddressTable | None = None) -> list[PreviewRow]:
    """Match every block and watcher row; with ``execute``, also write the changes (caller's transaction)."""
    rows: list[PreviewRow] = []
    # A hidden person key on two rows (a block copied by hand) says nothing about which row is that person.
    key_rows = Counter(b.key for sheet in preview.sheets for b in sheet.blocks if b.key)
    for sheet in preview.sheets:
        idx = _index(session, sheet.town_id)
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


def _key_problem(session: Session, block: _Block, idx: _TownIndex, key_rows: Counter) -> str:
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


def _decide_key_problem(block: _Block, idx: _TownIndex, claimed: set[uuid.UUID], decision, ref: str,  # noqa: ANN001
                        reason: str) -> tuple[uuid.UUID | None, PreviewRow]:
    """A row whose hidden key is duplicated, foreign, archived or unknown: always listed as needing a decision
    (skipped by default); the choices are the key's own person when they live in this town, the persons of
    the town with this name, or a new person. A person already taken by an earlier row stays undecided."""
    anonymous = bool(block.masked) or block.name == ANONYMOUS_NAME
    keyed = idx.persons.get(block.key)
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


def _unmasked(block: _Block, p: Person) -> _Block:
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


def _match_person(block: _Block, idx: _TownIndex, claimed: set[uuid.UUID], decision, ref: str
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


def _person_changes(block: _Block, p: Person) -> list[FieldChange]:
    new = {"name": block.name, "address": block.address, "phone": block.phone,
           "concerns": block.concerns[0] if block.concerns else ""}
    old = {"name": p.name, "address": p.household.address, "phone": p.phone, "concerns": p.concerns}
    changes = [FieldChange(k, old[k], new[k]) for k in new if old[k].strip() != new[k].strip()]
    if not p.of_concern:
        changes.append(FieldChange("of_concern", "", "○"))
    return changes


def _write_person(session: Session, town_id: uuid.UUID, block: _Block, person: Person | None,
                  new_id: uuid.UUID, address_table: AddressTable | None) -> Person:
    concerns = block.concerns[0] if block.concerns else ""
    if person is None:
        h = households.add_household(session, town_id, None, HouseholdFields(
            address=block.address, category_codes=("of_concern",)))
        if address_table is not None and (hit := address_table.locate(block.address)):
            household = session.get(Household, h.id)
            household.lat, household.lon, household.position_approximate = hit.lat, hit.lon, True
        households.add_person(session, h.id, PersonFields(block.name, phone=block.phone, of_concern=True,
                                                          concerns=concerns), person_id=new_id)
        return session.get(Person, new_id)
    person.name, person.phone, person.concerns, person.of_concern = block.name, block.phone, concerns, True
    person.search_key = search_key(person.name, person.kana)
    if person.household.address.strip() != block.address.strip():
        person.household.address = block.address
        person.household.search_key = search_key(person.household.name, person.household.address)
    session.flush()
    return person


def _plan_watchers(session: Session, sheet: _SheetData, block: _Block, person_id: uuid.UUID,
                   links: list[WatchLink], idx: _TownIndex, new_watchers: dict[str, uuid.UUID],
                   decisions: dict, execute: bool) -> list[PreviewRow]:  # noqa: C901
    by_id = {x.id: x for x in links}
    by_name = {fold(x.watcher.name): x for x in links}
    used: set[uuid.UUID] = set()
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
                options = (Option(Choice.SKIP, "そのまま残す"), Option(Choice.REMOVE, "見守りをやめる"))
                rows.append(PreviewRow(ChangeKind.NEEDS_DECISION, "watcher", sheet.title, w.row, ref,
                                       link.watcher.name, (FieldChange("watcher", link.watcher.name, ""),),
                                       QT_TRANSLATE_NOOP("import", "The watcher was erased from the form."),
                                       options))
                if execute and decision is Choice.REMOVE:
                    watch.unlink(session, link.id)
            continue
        if link is None or fold(link.watcher.name) != fold(w.name) and fold(w.name) in by_name:
            link = by_name.get(fold(w.name))
        if link is not None and link.id in used:
            rows.append(row(ChangeKind.NEEDS_DECISION, reason=QT_TRANSLATE_NOOP(
                "import", "This watcher is listed twice for the same person."), options=(Option(Choice.SKIP, "取り込まない"),)))
            continue
        if link is not None:
            used.add(link.id)
            changes = []
            if link.watcher.name.strip() != w.name:
                changes.append(FieldChange("watcher", link.watcher.name, w.name))
            if link.involvement.strip() != w.involvement:
                changes.append(FieldChange("involvement", link.involvement, w.involvement))
            rows.append(row(ChangeKind.UPDATED if changes else ChangeKind.UNCHANGED, changes))
            if execute and changes:
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
            rows.append(row(ChangeKind.ADDED, (FieldChange("involvement", "", w.involvement),)))
        if execute:
            if watcher_id is None:
                watcher_id = watch.add_watcher(session, sheet.town_id, WatcherFields(
                    w.name, role=WatcherRole.OTHER)).id
                new_watchers[key] = watcher_id
            try:
                watch.link_watcher(session, person_id, watcher_id, LinkFields(w.involvement))
            except LedgerError as exc:
                raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: {reason}"),
                                 sheet.title, w.row, w.column, reason=exc.message()) from exc
        elif watcher_id is None:
            new_watchers[key] = uuid.uuid4()  # later rows of this file link the same new watcher
    return rows


def apply_form(session: Session, preview: FormPreview, *, address_table: AddressTable | None = None) -> list[PreviewRow]:
    """Write the previewed import in the caller's transaction; returns what was done.

    Matching is redone against the ledger as it is now, with the decisions taken on the preview;
    rows still needing a decision are left out. Any error propagates and the caller's
    ``Session.begin()`` rolls everything back.
    """
    return _plan(session, preview, execute=True, address_table=address_table)
