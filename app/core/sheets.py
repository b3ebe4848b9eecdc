"""Shared pieces of the Excel imports: opening a workbook safely, cell text, errors naming a cell, previews."""

from __future__ import annotations

import enum
import logging
import math
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.text import NO_LINE_END, NO_LINE_START, LineWrapper
from app.core.workbook_guard import check_package

if TYPE_CHECKING:  # openpyxl is imported where a workbook is read or written, not when the app starts (issue 17)
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.styles import NamedStyle
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

log = logging.getLogger(__name__)

# The papers' font: a Universal Design face made for readability, installed with Windows 10 and later; Excel
# picks a fallback where it is not installed.
FONT_NAME = "BIZ UDゴシック"

# Text a spreadsheet may take for a formula (OWASP "CSV injection"): it starts with one of these, also after
# leading spaces (some spreadsheets trim them on import), or with a tab or a carriage return.
FORMULA_START = ("=", "+", "-", "@")
_CONTROL_START = ("\t", "\r")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could run ``text`` as a formula: exports keep such text as text.

    The one rule of every export: the Excel writers here, and ``_csv_safe`` in app/privacy/audit.py for
    the audit log's CSV."""
    return isinstance(text, str) and (text[:1] in _CONTROL_START or text.lstrip()[:1] in FORMULA_START)


def xlsx_text(text: str) -> str:
    """User text as an Excel cell can hold it: line breaks as LF (a bare CR would turn into LF when the file
    is read anyway) and without the control characters XML cannot carry (openpyxl refuses them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected .xlsx and old .xls files


def open_workbook(path: Path, *, sized: bool = True) -> Workbook:
    """Open an .xlsx for streaming reads, turning every way a file can be unusable into a LedgerError.

    ``sized=False`` for a reader that ignores the sheets' declared size (``workbook_guard.sheet_rows``): openpyxl
    otherwise reads every sheet that declares none (as openpyxl's own write-only mode writes them) through once
    just to find that out, before the rows are read."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Cannot read the file: {reason}"), where=path.name,
                          reason=exc.strerror or str(exc)) from exc
    if head == OLE_MAGIC:
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "The workbook is password-protected or in the old .xls format. "
                                        "Remove the password or save it as .xlsx, then import again."),
            where=path.name,
        )
    if not zipfile.is_zipfile(path):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "This is not an Excel workbook (.xlsx)."), where=path.name)
    check_package(path)  # before openpyxl unpacks anything: a zip bomb is refused here
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=False) if sized else _load_unsized(path)
    except Exception as exc:  # openpyxl raises many kinds for a broken package
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The workbook cannot be read: {reason}"), where=path.name,
                          reason=str(exc) or type(exc).__name__) from exc


def _load_unsized(path: Path) -> Workbook:
    """openpyxl's read-only load, its worksheets made without their size probe (chart sheets left out)."""
    from openpyxl import load_workbook
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:  # the size stays unknown, as after reset_dimensions()
            pass

    class Reader(ExcelReader):
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                    ws = UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                    ws.sheet_state = sheet.state or "visible"
                    self.wb._sheets.append(ws)  # type: ignore[attr-defined] # as openpyxl's own reader does

    try:
        reader = Reader(path, read_only=True, data_only=False)
        reader.read()
    except (AttributeError, TypeError):  # an openpyxl whose reader differs from 3.1's: its own load, probe and all
        log.debug("openpyxl's reader changed: the sheets are sized first", exc_info=True)
        return load_workbook(path, read_only=True, data_only=False)
    return reader.wb


def text_width(text: str) -> int:
    """``text``'s width in Excel characters: a full-width character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrapped_lines(text: str, width: float, *, size: float = 11.0, margin: float = 1.0) -> int:
    """How many lines ``text`` takes, wrapped in a column ``width`` Excel characters wide, in ``size`` pt type:
    Excel measures a column in characters of its 11 pt font, a full-width one counting two; ``margin``
    characters are left for the cell's padding. A typed line break (LF, CR LF or CR) starts a line. The
    papers set a row's height from it, since Excel keeps a wrapped row one line tall unless told."""
    room = max(1.0, (width - margin) * 11.0 / size)
    # A line that fits even if every character were full width (most cells of a sheet) is not measured: a
    # sheet of 10,000 persons asks for 140,000 cells.
    if 2 * len(text) <= room and "\n" not in text and "\r" not in text:
        return 1
    return sum(1 if 2 * len(line) <= room else
               max(1, math.ceil(text_width(line) / room))
               for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


class _ExcelWidths:
    """What ``LineWrapper`` measures with for a workbook: a character's width in Excel's half-width characters
    (a full-width one counts two), as ``wrapped_lines`` counts them."""

    get_string_width = staticmethod(text_width)


_EXCEL_WRAPPER = LineWrapper(_ExcelWidths())


def kinsoku_breaks(text: str, width: float, *, size: float = 11.0) -> str:
    """A wrapped cell's text for a workbook, its lines broken where 行頭禁則 needs it, in a column ``width`` Excel
    characters wide, in ``size`` pt type.

    A spreadsheet program wraps a cell between Japanese characters by its own rule, not the PDF's: LibreOffice
    Calc printed 「デイサービスセンタ」 / 「ーひまわり」, and Excel's rule and widths are not ours either. A long cell
    that holds such a character (or an opening bracket that could end a line) is broken into lines here by the
    PDF's rule (``LineWrapper``: 行頭禁則, 行末禁則, a number kept whole), each line within the column's width as
    ``wrapped_lines`` counts it (the row's height comes from the same count): no line is left for the program to
    wrap. Any other cell keeps its text exactly as typed (searching it in Excel finds a name whole), as does
    every short one."""
    room = max(1.0, (width - 1.0) * 11.0 / size)  # wrapped_lines' room, with its margin of one character
    if not text or 2 * len(text) <= room:
        return text
    if not _kinsoku_matters(text):
        return text
    return "\n".join(_EXCEL_WRAPPER.lines(text.replace("\r\n", "\n").replace("\r", "\n"), room))


# The characters 禁則 is about, found by one search in C rather than a look at every character in Python.
_KINSOKU_CHARS = re.compile("[" + re.escape("".join(sorted(NO_LINE_START | NO_LINE_END))) + "]")


def _kinsoku_matters(text: str) -> bool:
    """Could a line of ``text`` start or end on a character 禁則 forbids there? A half-width bracket counts only
    beside Japanese (「公民館(架空)」): text all in half-width (「=HYPERLINK("…")」, a URL) is kept as typed."""
    for m in _KINSOKU_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if (i > 0 and ch in NO_LINE_START) or (i < len(text) - 1 and ch in NO_LINE_END):
            if not ch.isascii() or not (text[i - 1:i].isascii() and text[i + 1:i + 2].isascii()):
                return True
    return False


_A4 = (595.28, 841.89)  # points, portrait
LEAST_SCALE = 10  # Excel's smallest print scale (%)


def column_points(width: float) -> float:
    """A column ``width`` Excel characters wide, in points, as wide as a program may print it: a character of the
    default 11 pt font is 7 pixels (5.25 pt) in Excel's Calibri, but 7 pt in DejaVu Sans, which LibreOffice
    prints with where neither Calibri nor its look-alike Carlito is installed (a page measured with Excel's
    width had its last column printed on a page of its own there)."""
    return width * 7.0


def print_scale(ws, width: float, height: float, *, least: int = LEAST_SCALE) -> int:  # noqa: ANN001
    """Print ``ws`` at a fixed scale (%), the largest (at most 100) at which a page of ``width`` × ``height`` points
    (the widest and tallest page the writer laid out) fits A4 between the sheet's margins, its orientation and
    margins set before; never below ``least``.

    For a sheet the writer breaks into pages itself (``row_breaks``): under fit-to-page Excel ignores the manual
    page breaks (Microsoft documents it) and shrinks only to fit the width, so its pages would break elsewhere;
    LibreOffice picks a scale of its own. At a fixed scale both print the pages laid out. The scale is returned."""
    from openpyxl.worksheet.properties import PageSetupProperties

    paper_w, paper_h = _A4 if ws.page_setup.orientation != "landscape" else _A4[::-1]
    m = ws.page_margins
    room_w, room_h = paper_w - 72 * (m.left + m.right), paper_h - 72 * (m.top + m.bottom)
    scale = max(least, min(100, math.floor(100 * min(room_w / max(width, 1.0), room_h / max(height, 1.0)))))
    props = ws.sheet_properties.pageSetUpPr
    if props is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    else:
        props.fitToPage = False
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = None
    ws.page_setup.scale = scale
    return scale


def cell_ref(row: int, column: int) -> str:
    """Excel's name of a cell from 1-based row and column: (3, 2) → "B3"."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"


def cell_error(template: str, sheet: str, row: int, column: int, **params: object) -> LedgerError:
    """An error naming the sheet, row and cell; ``template`` names them itself ({sheet}, {row} and {cell}), so the
    error has no ``where`` (its prefix 「安否確認!G9: 」 would say the place twice, once not in the user's words)."""
    ref = cell_ref(row, column)
    return LedgerError(template, where=None, sheet=sheet, row=row, cell=ref, **params)


def cell_text(cell: object, sheet: str, row: int, column: int) -> str:
    """The text a volunteer sees in a cell; formulas are refused (their result is not in the file)."""
    if cell is None:
        return ""
    value = getattr(cell, "value", cell)
    if value is None:
        return ""
    if getattr(cell, "data_type", None) == "f":
        raise cell_error(
            QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell} holds a formula; "
                                        "type the value itself instead."),
            sheet, row, column,
        )
    if isinstance(value, bool):
        return "○" if value else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def check_length(text: str, limit: int, what: str, sheet: str, row: int, column: int) -> str:
    if len(text) > limit:
        raise cell_error(
            QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, cell {cell}: the {what} is {length} characters "
                                        "long (at most {limit})."),
            sheet, row, column, what=what, length=len(text), limit=limit,
        )
    return text


def active_sheet(wb: Workbook) -> Worksheet:
    """The sheet a new workbook opens on (``Workbook()`` always makes one worksheet)."""
    from openpyxl.worksheet.worksheet import Worksheet

    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError(f"the workbook's active sheet is not a worksheet: {ws!r}")
    return ws


def write_text(cell: Cell | MergedCell, value: str) -> None:
    """Write user text so Excel and LibreOffice show it as typed, never evaluate it as a formula."""
    from openpyxl.cell.cell import MergedCell

    if isinstance(cell, MergedCell):
        raise ValueError(f"{cell.coordinate} lies inside a merged range: write to its top-left cell")
    cell.value = xlsx_text(value) if isinstance(value, str) else value
    _keep_text(cell)


def _keep_text(cell: Cell) -> None:
    # A string cell is never evaluated; quotePrefix (a style flag) keeps it text when someone edits it in Excel
    # or LibreOffice, and makes them show it as text too. The rule: looks_like_formula above.
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if looks_like_formula(cell.value):
            cell.quotePrefix = True


def header_text(text: str) -> str:
    """User text for a printed page header or footer: a lone "&" there starts a code (&P page, &B bold)."""
    return text.replace("&", "&&")


class SharedStyles:
    """The named styles of one write-only workbook, registered once; every cell takes a copy of its style's
    array, so openpyxl never hashes a new Font/Border/Alignment into the style table per cell."""

    def __init__(self, wb: Workbook, styles: dict[str, NamedStyle]) -> None:
        from openpyxl.cell.cell import Cell

        self._cell = Cell  # openpyxl's cell class, looked up once (``cell`` runs for every cell)
        for name, style in styles.items():
            style.name = name
            wb.add_named_style(style)
        self._arrays = {name: style.as_tuple() for name, style in styles.items()}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._arrays)

    def style_id(self, ws, style: str | None, *, quoted: bool = False) -> int:  # noqa: ANN001 - write-only sheet
        """The number in the workbook's style table of the cells ``cell`` makes in ``style`` (None: no style),
        for text that looks like a formula when ``quoted`` (app/core/sheet_rows.py writes it in rows)."""
        return self.cell(ws, "=" if quoted else None, style).style_id

    def cell(self, ws, value: str | float | date | None, style: str | None = None) -> Cell:  # noqa: ANN001 - write-only sheet
        """A cell to append, in the named ``style``; text stays text (as ``write_text``). An empty text is
        written as an empty styled cell (Excel shows the same; nothing goes to the shared strings)."""
        if value == "":
            value = None
        elif isinstance(value, str):
            value = xlsx_text(value)
        cell = self._cell(ws, row=1, column=1, value=value, style_array=copy(self._arrays[style]) if style else None)
        _keep_text(cell)
        return cell


def print_layout(ws, widths: Sequence[float], *, landscape: bool = True, fit_width: bool = True,  # noqa: ANN001
                 title_rows: str | None = None, title_columns: str | None = None) -> None:
    """A sheet people print or read on screen: its columns' widths (Excel characters, from column A), A4 in
    ``landscape`` or portrait, fitted to one page's width (``fit_width``) and as many pages tall as it needs, the
    rows and columns repeated on every page (``title_rows`` such as "3:4", ``title_columns`` such as "A:C"), and
    margins with room for the header and footer lines. In write-only mode call it before the first row (the
    widths and the fit are written before the rows)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "9"  # A4
    if fit_width:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    if title_rows:
        ws.print_title_rows = title_rows
    if title_columns:
        ws.print_title_cols = title_columns
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    # The header and footer lines sit in those margins with room for their 10 pt (openpyxl's default 0.5 in
    # left 0.1 in: LibreOffice and Excel printed the page's header under the sheet's title).
    ws.page_margins.header = ws.page_margins.footer = 0.3


class ChangeKind(enum.StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    NEEDS_DECISION = "needs_decision"


class Choice(enum.StrEnum):
    """What to do with a row that needs a decision (besides picking an existing record by id)."""

    SKIP = "skip"
    NEW = "new"
    REMOVE = "remove"


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Option:
    value: uuid.UUID | Choice
    label: str


@dataclass(frozen=True)
class PreviewRow:
    """One line of the import preview: what will happen to one person or watcher row of the file."""

    kind: ChangeKind
    record: str  # "person" or "watcher"
    sheet: str
    row: int
    cell: str
    label: str
    changes: tuple[FieldChange, ...] = ()
    reason: str = ""  # why a decision is needed (English template, QT_TRANSLATE_NOOP("import", …))
    options: tuple[Option, ...] = ()  # for NEEDS_DECISION; the first is the default

    @property
    def key(self) -> tuple[str, int]:
        return (self.sheet, self.row)


@dataclass
class Preview:
    """What an import would do; the UI shows it, lets the user decide, then calls apply."""

    path: Path
    rows: list[PreviewRow] = field(default_factory=list)
    decisions: dict[tuple[str, int], uuid.UUID | Choice] = field(default_factory=dict)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for r in self.rows if r.kind is kind)

    def decide(self, row: PreviewRow, choice: uuid.UUID | Choice) -> None:
        if choice not in [o.value for o in row.options]:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Not one of the choices for this row."),
                              where=f"{row.sheet}!{row.cell}")
        self.decisions[row.key] = choice

    def summary(self) -> str:
        """One line for the command line: 「added 3, updated 1, unchanged 12, needs a decision 0」."""
        return (f"added {self.count(ChangeKind.ADDED)}, updated {self.count(ChangeKind.UPDATED)}, "
                f"unchanged {self.count(ChangeKind.UNCHANGED)}, "
                f"needs a decision {self.count(ChangeKind.NEEDS_DECISION)}")
