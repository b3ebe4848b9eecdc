"""Writing the watch-network record form: four persons of concern per A4 page, the consent rule on each."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from sqlalchemy.orm import Session

from app.core.sheets import (
    SharedStyles,
    header_text,
)
from app.core.wareki import to_wareki
from app.models import utcnow
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import Audience, as_audience, hidden_persons, mask_concern, rule_line
from app.privacy.sharing import SharingContext, current_sharing
from app.towns import towns
from app.watch import network as watch
from app.watch.watch_form_layout import (
    BLOCK_ROWS,
    COL_INVOLVEMENT,
    COL_LABEL,
    COL_MASK_KEY,
    COL_PERSON_KEY,
    COL_VALUE,
    COL_WATCH_KEY,
    COL_WATCHER,
    DEFAULT_AUDIENCE,
    FIRST_ROW,
    FONT_NAME,
    FORMAT_NAME,
    HEADER_ROW,
    LABEL_ADDRESS,
    LABEL_CONCERNS,
    LABEL_NAME,
    LABEL_PHONE,
    MASK_KEY,
    MASKED_FIELDS,
    META_SHEET,
    PER_PAGE,
    PERSON_KEY,
    ROW_HEIGHT,
    TITLE,
    WATCH_KEY,
)

_thin = Side(style="thin", color="000000")
_thick = Side(style="medium", color="000000")
_grey = PatternFill("solid", fgColor="EDEDED")


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


def export_form(session: Session, town_id: uuid.UUID, path: Path, *, audience: Audience = DEFAULT_AUDIENCE,
                sharing: SharingContext | None = None) -> Path:
    """Write the town's watch-network record form to ``path`` (.xlsx); returns the path.

    ``audience`` decides who is printed by name: by default the 区長 and 民生児童委員 who receive the
    form (Audience.WATCHERS). A person whose consent does not cover it is printed as 「（匿名）」 with
    address, TEL and 気になるところ blank and marked in a hidden column, so importing the form back
    changes nothing for them. The rule applied is printed at the foot of every page, with the serial under
    which the copy is registered in the printed copies ledger (the caller commits ``session``). ``sharing``:
    the mode it is made under (the ledger's current one when not given; in disaster mode everyone is named).

    Written in openpyxl's write-only mode with named styles: time and memory grow with the rows only.
    """
    audience = as_audience(audience)
    town = towns.get_town(session, town_id)
    concerns = watch.list_concerns(session, town_id)
    sharing = current_sharing(session) if sharing is None else sharing
    hidden = hidden_persons(session, (c.person.id for c in concerns), audience, sharing)
    serial = register_copies(session, paper="watch_form", audience=audience, town_id=town_id, town_name=town.name,
                             sharing=sharing, file_name=Path(path).name)
    rule = rule_line(audience, sharing)  # the serial goes in the page header: the cells stay those of the last copy
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
    # The blocks' rows take the sheet's default height: no row record of its own for 48,000 rows of a city.
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = ROW_HEIGHT, True
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
    breaks = []
    empty = _EmptyCells(ws, cell)
    for index, concern in enumerate([*concerns, *([None] * blanks)]):
        masked = concern is not None and concern.person.id in hidden
        row = _write_block(ws, cell, empty, row, mask_concern(concern) if concern is not None and masked else concern,
                           masked, merges)
        if (index + 1) % PER_PAGE == 0:
            # The consent rule at the foot of every page, then the page break.
            ws.row_dimensions[row].height = 20
            ws.append([cell(ws, rule, "見守り用紙 表示ルール")])
            merges.append(CellRange(min_row=row, min_col=COL_LABEL, max_row=row, max_col=COL_INVOLVEMENT))
            breaks.append(Break(id=row))
            row += 1
    ws.row_breaks.brk = breaks  # set once: openpyxl checks every break again on each append
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
    ws.oddHeader.left.text = serial_line(serial)
    ws.oddHeader.right.font = FONT_NAME
    ws.oddFooter.center.text = "&P / &N"

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    for pair in (("format", FORMAT_NAME), ("version", "1"), ("town_id", str(town.id)), ("town", town.name),
                 ("district", town.district_name), ("sheet", ws.title), ("exported_at", utcnow().isoformat()),
                 ("audience", audience.value), ("serial", serial), ("sharing_mode", sharing.mode.value)):
        meta.append([cell(meta, pair[0]), cell(meta, pair[1])])
    path = Path(path)
    wb.save(path)
    return path


class _EmptyCells:
    """One empty cell per named style, appended wherever the form has an empty box in that style: the write-only
    sheet writes each cell out as it is appended, so one object serves them all (most of a city's form is
    empty boxes for writing by hand)."""

    def __init__(self, ws, cell) -> None:  # noqa: ANN001 - write-only worksheet, SharedStyles.cell
        self.ws, self.cell = ws, cell
        self.cells: dict[str, object] = {}  # style name -> its one empty openpyxl cell

    def __call__(self, style: str):  # noqa: ANN204 - an openpyxl Cell
        found = self.cells.get(style)
        if found is None:
            found = self.cells[style] = self.cell(self.ws, None, style)
        return found


def _write_block(ws, cell, empty: _EmptyCells, top: int, concern, masked: bool,  # noqa: ANN001, PLR0913
                 merges: list[CellRange]) -> int:
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

        def box(value, col: int):  # noqa: ANN001, ANN202 - text or None; an openpyxl Cell
            return cell(ws, value, _block_style(col, part)) if value else empty(_block_style(col, part))

        ws.append([
            box(labels[i] if i < 4 else None, COL_LABEL),
            box(values[i] if i < 4 else None, COL_VALUE),
            box(link.watcher.name if link else None, COL_WATCHER),
            box(link.involvement if link else None, COL_INVOLVEMENT),
            # The hidden key columns: no cell at all where there is no key (write-only mode skips None).
            cell(ws, str(concern.person.id)) if concern and i == 0 else None,
            cell(ws, str(link.id)) if link else None,
            cell(ws, MASKED_FIELDS) if masked and i == 0 else None,
        ])
    return bottom + 1
