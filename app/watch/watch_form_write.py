"""Writing the watch-network record form: four persons of concern per A4 page, the consent rule on each."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.core.sheet_rows import SheetRows, save_workbook
from app.core.sheets import FONT_NAME, SharedStyles, column_points, header_text, print_scale, wrapped_lines
from app.core.wareki import to_wareki
from app.models import utcnow
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import Audience, as_audience, hidden_persons, mask_concern, rule_line
from app.privacy.sharing import SharingContext, current_sharing
from app.towns import towns
from app.watch import network as watch
from app.watch.views import ConcernView
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
    FORMAT_NAME,
    HEADER_ROW,
    LABEL_ADDRESS,
    LABEL_CONCERNS,
    LABEL_CONTINUED,
    LABEL_NAME,
    LABEL_PHONE,
    MASK_KEY,
    MASKED_FIELDS,
    META_SHEET,
    PAGE_HEIGHT,
    PERSON_KEY,
    ROW_HEIGHT,
    TITLE,
    WATCH_KEY,
)

if TYPE_CHECKING:  # openpyxl is imported when a form is written, not when the app starts (issue 17)
    from openpyxl.styles import Border, Font, NamedStyle, PatternFill, Side


@cache
def _lines() -> tuple[Side, Side, PatternFill]:
    """The thin and thick lines and the grey fill of the form's cells."""
    from openpyxl.styles import PatternFill, Side

    return Side(style="thin", color="000000"), Side(style="medium", color="000000"), PatternFill("solid", fgColor="EDEDED")


_HEADING_ROW = 3  # 「気がかりな人」「見守り者」 above the column headings of HEADER_ROW


def _font(size: float = 11, bold: bool = False) -> Font:
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=size, bold=bold)


def _sheet_title(name: str) -> str:
    for ch in '[]:*?/\\':
        name = name.replace(ch, "・")
    return name[:31] or "町内"


def _border(col: int, top: bool, bottom: bool) -> Border:
    from openpyxl.styles import Border

    _thin, _thick, _ = _lines()
    return Border(left=_thick if col in (COL_LABEL, COL_WATCHER) else _thin,
                  right=_thick if col in (COL_VALUE, COL_INVOLVEMENT) else _thin,
                  top=_thick if top else _thin, bottom=_thick if bottom else _thin)


def _block_style(col: int, part: str) -> str:
    """The named style of a block cell: column 1–4 and the row's part of the block (top, upper, lower, bottom)."""
    return f"見守り用紙 {col}{part}"


def _styles() -> dict[str, NamedStyle]:
    """Every style the form uses, each registered once as a named style (write-only export)."""
    from openpyxl.styles import Alignment, Border, NamedStyle, PatternFill

    _thin, _thick, _grey = _lines()
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

    The blocks' rows are written as XML text (app/core/sheet_rows.py), the rest by openpyxl's write-only mode,
    in named styles: time and memory grow with the rows only.
    """
    audience = as_audience(audience)
    town = towns.get_town(session, town_id)
    concerns = watch.list_concerns(session, town_id)
    sharing = current_sharing(session) if sharing is None else sharing
    hidden = hidden_persons(session, (c.person.id for c in concerns), audience, sharing)
    serial = register_copies(session, paper="watch_form", audience=audience, town_id=town_id, town_name=town.name,
                             sharing=sharing, file_name=Path(path).name)
    # The serial goes in the page header: the cells stay those of the last copy.
    return write_form(path, town_id=town.id, town_name=town.name, district=town.district_name, concerns=concerns,
                      hidden=hidden, rule=rule_line(audience, sharing), serial=serial, audience=audience,
                      sharing=sharing)


def write_form(path: Path, *, town_id: uuid.UUID, town_name: str, district: str,  # noqa: PLR0913
               concerns: Iterable[ConcernView], hidden: Collection[uuid.UUID], rule: str, serial: str,
               audience: Audience, sharing: SharingContext) -> Path:
    """Write the form of ``concerns`` (read one at a time: memory grows with the merged ranges only), the persons
    in ``hidden`` anonymised, ``rule`` at the foot of every page and ``serial`` in the page header."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, _styles())
    cell = styles.cell
    ws = wb.create_sheet(_sheet_title(town_name))

    # Column widths, hidden key columns, frozen panes and fit-to-page go before the first row (write-only).
    for col, width in _WIDTHS.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for col in (COL_PERSON_KEY, COL_WATCH_KEY, COL_MASK_KEY):
        ws.column_dimensions[get_column_letter(col)].hidden = True  # match keys: invisible and never printed
    ws.freeze_panes = f"A{FIRST_ROW}"
    # The blocks' rows take the sheet's default height: no row record of its own for 48,000 rows of a city.
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = ROW_HEIGHT, True
    rows = SheetRows(ws, styles)
    rows.merge(1, 1, 1, COL_INVOLVEMENT)
    rows.merge(_HEADING_ROW, COL_LABEL, HEADER_ROW, COL_VALUE)
    rows.merge(_HEADING_ROW, COL_WATCHER, _HEADING_ROW, COL_INVOLVEMENT)
    rows.append([TITLE], ["見守り用紙 表題"], _TITLE_HEIGHTS[0])
    rows.append(["町名", town_name, "作成日", to_wareki(date.today())],
                ["見守り用紙 町名見出し", "見守り用紙 町名", "見守り用紙 作成日見出し", "見守り用紙 作成日"],
                _TITLE_HEIGHTS[1])
    heading = {(_HEADING_ROW, COL_LABEL): "気がかりな人", (_HEADING_ROW, COL_WATCHER): "見守り者",
               (HEADER_ROW, COL_WATCHER): LABEL_NAME, (HEADER_ROW, COL_INVOLVEMENT): "関わり方"}
    for row in (_HEADING_ROW, HEADER_ROW):
        values = [heading.get((row, col)) for col in range(COL_LABEL, COL_INVOLVEMENT + 1)]
        names = [f"見守り用紙 列名{row}{col}" for col in range(COL_LABEL, COL_INVOLVEMENT + 1)]
        if row == HEADER_ROW:
            values += [PERSON_KEY, WATCH_KEY, MASK_KEY]
        rows.append(values, names + [None] * 3, _TITLE_HEIGHTS[row - 1])

    page = _Page(rows, rule)
    for concern in concerns:
        masked = concern.person.id in hidden
        _write_block(page, mask_concern(concern) if masked else concern, masked)
    # Fill the last page with empty blocks, as on the paper form, for persons added by hand.
    empty = BLOCK_ROWS * ROW_HEIGHT
    while page.used == 0 or page.used + empty <= PAGE_HEIGHT:
        _write_block(page, None, False)
    page.end()
    last = rows.row

    ws.print_area = f"A1:{get_column_letter(COL_INVOLVEMENT)}{last}"
    ws.print_title_rows = f"1:{HEADER_ROW}"  # title, 町名 and the column headings on every page
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "portrait"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.bottom = _MARGIN_TOP, _MARGIN_BOTTOM
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
    # A fixed scale, not fit-to-page: the pages are the ones the blocks were laid out on (FULL_PAGE, below).
    print_scale(ws, column_points(sum(_WIDTHS[c] for c in range(1, COL_INVOLVEMENT + 1))), FULL_PAGE)
    ws.print_options.horizontalCentered = True
    ws.oddHeader.right.text = f"町名：{header_text(town_name)}"
    ws.oddHeader.left.text = serial_line(serial)
    ws.oddHeader.right.font = FONT_NAME
    ws.oddFooter.center.text = "&P / &N"

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    for pair in (("format", FORMAT_NAME), ("version", "1"), ("town_id", str(town_id)), ("town", town_name),
                 ("district", district), ("sheet", ws.title), ("exported_at", utcnow().isoformat()),
                 ("audience", audience.value), ("serial", serial), ("sharing_mode", sharing.mode.value)):
        meta.append([cell(meta, pair[0]), cell(meta, pair[1])])
    return save_workbook(wb, path, [rows])


_WIDTHS = {COL_LABEL: 12, COL_VALUE: 31, COL_WATCHER: 17, COL_INVOLVEMENT: 27, COL_PERSON_KEY: 38,
           COL_WATCH_KEY: 38, COL_MASK_KEY: 24}
# The heights of the rows printed at the top of every page (title, 町名, the two heading rows) and of the consent
# rule at the foot of every page, in points.
_TITLE_HEIGHTS = (34.0, 26.0, 22.0, 22.0)
_RULE_HEIGHT = 20.0
_MARGIN_TOP = _MARGIN_BOTTOM = 0.6  # inches; the page header and footer lines sit in them
# The fullest page the writer lays out (its headings, PAGE_HEIGHT of blocks and the consent rule), in points: it is
# printed at the fixed scale at which it fits between A4's margins (``print_scale``). Fit-to-page is not used: a
# spreadsheet program then picks the scale itself (LibreOffice shrinks to fit the fullest page it finds, about 85%;
# Excel only to fit the width, 100% here, where a full page of 904 points runs over A4's 756 and gets page breaks
# of its own inside the blocks; Excel also ignores the manual page breaks under fit-to-page). At a fixed scale
# both print the pages the writer broke (tests/test_qa_watch_form_pages.py compares them with LibreOffice's PDF).
FULL_PAGE = sum(_TITLE_HEIGHTS) + PAGE_HEIGHT + _RULE_HEIGHT
_LINE = 15.0  # points per wrapped line of the 11-point text


def _wrapped(text: str | None, column: int) -> int:
    """How many lines ``text`` wraps to in ``column`` (none for no text)."""
    return wrapped_lines(text, _WIDTHS[column], margin=2) if text else 0


class _Page:
    """The page being filled: its blocks' rows take at most PAGE_HEIGHT (four blocks of six lines); a block
    that does not fit in what is left starts the next page, never a page that does not say whose lines they are."""

    def __init__(self, rows: SheetRows, rule: str) -> None:
        self.rows, self.rule, self.used = rows, rule, 0.0

    def end(self) -> None:
        """The consent rule at the foot of the page, then the page break."""
        row = self.rows.append([self.rule], ["見守り用紙 表示ルール"], _RULE_HEIGHT)
        self.rows.merge(row, COL_LABEL, row, COL_INVOLVEMENT)
        self.rows.page_break(row)
        self.used = 0.0


# The styles of a block's rows, by the row's part of the block: columns 1–4, then the hidden key columns.
_PART_STYLES = {part: [_block_style(col, part) for col in range(COL_LABEL, COL_INVOLVEMENT + 1)] + [None] * 3
                for part in ("top", "upper", "lower", "bottom")}


def _write_block(page: _Page, concern, masked: bool) -> None:  # noqa: ANN001, C901 - a ConcernView or None
    """Append one person's block (a ConcernView, or None for an empty block to fill in by hand): on the page
    being filled if it fits, else from the top of the next one; a block longer than a page goes on over the
    next ones, each of them starting with the person's name (LABEL_CONTINUED)."""
    rows = page.rows
    links = list(concern.links) if concern else []
    count = max(BLOCK_ROWS, len(links) + 1)  # always one empty line for a watcher written in by hand
    labels = [LABEL_NAME, LABEL_ADDRESS, LABEL_PHONE, LABEL_CONCERNS]
    values = [concern.person.name, concern.address, concern.person.phone, concern.person.concerns] if concern else [""] * 4
    # A line whose text wraps to more lines than the row holds grows (else the paper cuts it off); so does the
    # last line of the block when 気になるところ needs more room than its rows give.
    heights = [ROW_HEIGHT] * count
    for i in range(count):
        link = links[i] if i < len(links) else None
        need = max(_wrapped(values[i], COL_VALUE) if i < 3 else 0,
                   _wrapped(link.watcher.name, COL_WATCHER) if link else 0,
                   _wrapped(link.involvement, COL_INVOLVEMENT) if link else 0)
        heights[i] = max(ROW_HEIGHT, need * _LINE + 4)
    short = _wrapped(values[3], COL_VALUE) * _LINE + 4 - sum(heights[3:])
    if short > 0:
        heights[-1] += short
    if page.used and page.used + sum(heights) > PAGE_HEIGHT:
        page.end()
    top = rows.row + 1
    concerns_end = 0  # the last line of 気になるところ's cell: the block's last on its first page
    for i in range(count):
        # The four lines of the person stay together; a watcher's line that the page has no room for goes on
        # the next page, under the person's name again.
        continued = i >= 4 and page.used + heights[i] > PAGE_HEIGHT
        if continued:
            concerns_end = concerns_end or rows.row
            page.end()
        part = "top" if i == 0 or continued else "bottom" if i == count - 1 else "upper" if i < 3 else "lower"
        link = links[i] if i < len(links) else None
        rows.append([
            labels[i] if i < 4 else LABEL_CONTINUED if continued else None,
            values[i] if i < 4 else values[0] if continued else None,
            link.watcher.name if link else None,
            link.involvement if link else None,
            # The hidden key columns: no cell at all where there is no key.
            str(concern.person.id) if concern and i == 0 else None,
            str(link.id) if link else None,
            MASKED_FIELDS if masked and i == 0 else None,
        ], _PART_STYLES[part], heights[i] if heights[i] > ROW_HEIGHT else None)
        page.used += heights[i]
    # 気になるところ gets the rest of the block (on its first page): room to write by hand.
    concerns_end = concerns_end or rows.row
    if concerns_end > top + 3:
        rows.merge(top + 3, COL_LABEL, concerns_end, COL_LABEL)
        rows.merge(top + 3, COL_VALUE, concerns_end, COL_VALUE)
