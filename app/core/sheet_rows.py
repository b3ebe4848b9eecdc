"""A city's papers in Excel: the rows of a big sheet written straight as the sheet's XML, the rest by openpyxl.

openpyxl's write-only mode makes a cell object per value, hashes its style into the style table and builds an
XML element per cell (about 10 µs a cell: most of the time of a 10,000-person sheet). Here a row is one string:
each value escaped once, its style's number in the style table looked up once per named style. The rows go to
a temporary file as they come (memory does not grow with the sheet); openpyxl writes everything else (column
widths, panes, merged cells, page setup, the styles themselves) and ``save_workbook`` puts the rows into its
sheet. The cells are those openpyxl would write (inline strings, the same styles; tests/test_sheet_rows.py
compares both), text stays text as with ``SharedStyles.cell``: formula-like text gets the quote prefix.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING

from app.core.sheets import SharedStyles, looks_like_formula

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written, not when the app starts (issue 17)
    from openpyxl.workbook import Workbook

# The control characters XML cannot carry: openpyxl.cell.cell's ILLEGAL_CHARACTERS_RE, the same pattern
# (tests/test_lazy_imports.py compares them) without importing openpyxl for it.
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# What a cell's text may hold that is cleaned (a CR, those control characters) or escaped (& < >) before it is written.
_SPECIAL = re.compile(r"[\r&<>\000-\010\013\014\016-\037]")

_FLUSH_ROWS = 2000  # rows kept as text before they go to the temporary file
_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")
# What a worksheet may hold between its rows and its merged cells (ECMA-376 CT_Worksheet), and the merged cells.
_BEFORE_MERGES = re.compile(rb"<(sheetCalcPr|sheetProtection|protectedRanges|scenarios|autoFilter|sortState|"
                            rb"dataConsolidate|customSheetViews|mergeCells)\b")
# What follows the page breaks in a worksheet (ECMA-376 CT_Worksheet), or its end.
_AFTER_BREAKS = re.compile(rb"<(colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|"
                           rb"legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b"
                           rb"|</worksheet>")


class SheetRows:
    """The rows of one write-only worksheet ``ws`` (nothing may be appended to it through openpyxl), in the named
    styles of ``styles``: ``append`` one row at a time, then ``save_workbook``."""

    def __init__(self, ws, styles: SharedStyles) -> None:  # noqa: ANN001 - an openpyxl write-only worksheet
        from xml.sax.saxutils import escape  # with urllib.request and http: imported by a sheet written (issue 17)

        self._escape = escape
        self.ws = ws
        self._styles = styles
        self._ids = {name: styles.style_id(ws, name) for name in (None, *styles.names)}  # style name -> number
        self._quoted: dict[str | None, int] = {}  # the same with the quote prefix, made when first needed
        self._letters: list[str] = []
        self._rows: list[str] = []
        self._file: IO[bytes] | None = None  # made when the rows first outgrow memory (``_flush``)
        self.row = 0  # the last row written
        self._merges: list[str] = []  # "A5:A10": a few bytes each (openpyxl's CellRange checks and keeps 1 kB)
        self._breaks: list[int] = []  # rows after which a page ends

    def _letter(self, col: int) -> str:
        from openpyxl.utils import get_column_letter

        while len(self._letters) <= col:
            self._letters.append(get_column_letter(len(self._letters) + 1))
        return self._letters[col]

    def append(self, values: Iterable[str | int | None], styles: Sequence[str | None], height: float | None = None
               ) -> int:
        """Write the next row: ``values`` (text, a whole number, or None / "" for an empty cell) from column A,
        each in its style from ``styles`` (None: no style; an empty cell without a style is not written); ``height``
        in points (the sheet's default height when None). Returns the row's number."""
        r = self.row = self.row + 1
        ids, escape = self._ids, self._escape
        if len(self._letters) < len(styles):
            self._letter(len(styles) - 1)
        letters = self._letters
        out = [f'<row r="{r}" ht="{height:g}" customHeight="1">' if height else f'<row r="{r}">']
        for col, (value, style) in enumerate(zip(values, styles, strict=False)):
            if value is None or value == "":
                if style is not None:
                    out.append(f'<c r="{letters[col]}{r}" s="{ids[style]}"/>')
                continue
            if not isinstance(value, str):
                if type(value) is not int:  # noqa: E721 - not a bool, which is an int too
                    raise TypeError(f"only text and whole numbers go into these sheets, not {value!r}")
                s = f' s="{ids[style]}"' if ids[style] else ""
                out.append(f'<c r="{letters[col]}{r}"{s} t="n"><v>{value}</v></c>')  # a map number: right-aligned
                continue
            text = value
            if _SPECIAL.search(value) is not None:  # most cells: nothing to clean or escape
                # As SharedStyles.cell: line breaks as LF, no control characters XML cannot carry.
                value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
                text = escape(value)
            number = self._quoted_id(style) if looks_like_formula(value) else ids[style]
            s = f' s="{number}"' if number else ""
            space = ' xml:space="preserve"' if value != value.strip() else ""
            out.append(f'<c r="{letters[col]}{r}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>')
        out.append("</row>")
        self._rows.append("".join(out))
        if len(self._rows) >= _FLUSH_ROWS:
            self._flush()
        return r

    def merge(self, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
        """Merge a range of cells (written after the rows; openpyxl's own ``merged_cells`` must stay empty)."""
        self._merges.append(f"{self._letter(min_col - 1)}{min_row}:{self._letter(max_col - 1)}{max_row}")

    def page_break(self, row: int) -> None:
        """End the printed page after ``row`` (openpyxl's own ``row_breaks`` must stay empty)."""
        self._breaks.append(row)

    def _row_breaks(self) -> bytes:
        if not self._breaks:
            return b""
        brks = "".join(f'<brk id="{row}" min="0" max="16383" man="1"/>' for row in self._breaks)
        return f'<rowBreaks count="{len(self._breaks)}" manualBreakCount="{len(self._breaks)}">{brks}</rowBreaks>'.encode()

    def _merged_cells(self) -> bytes:
        if not self._merges:
            return b""
        refs = "".join(f'<mergeCell ref="{ref}"/>' for ref in self._merges)
        return f'<mergeCells count="{len(self._merges)}">{refs}</mergeCells>'.encode()

    def _quoted_id(self, style: str | None) -> int:
        found = self._quoted.get(style)
        if found is None:
            found = self._quoted[style] = self._styles.style_id(self.ws, style, quoted=True)
        return found

    def _flush(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by _copy_to
        self._file.write("".join(self._rows).encode("utf-8"))
        self._rows.clear()

    def _copy_to(self, out) -> None:  # noqa: ANN001 - a writable binary file
        """The rows into ``out``: those flushed to the temporary file, then those still held (a small sheet's
        rows never leave memory)."""
        if self._file is not None:
            self._file.seek(0)
            shutil.copyfileobj(self._file, out, 1024 * 1024)
            self._file.close()
        out.write("".join(self._rows).encode("utf-8"))
        self._rows.clear()


def _with_breaks(tail: bytes, breaks: bytes, part: str) -> bytes:
    """The sheet's XML after its rows, with the page breaks where ECMA-376 puts them (after the page setup)."""
    if not breaks:
        return tail
    if b"<rowBreaks" in tail:
        raise ValueError(f"{part}: break the pages through SheetRows only")
    at = _AFTER_BREAKS.search(tail)
    if at is None:
        raise ValueError(f"{part}: the worksheet has no end")
    return tail[:at.start()] + breaks + tail[at.start():]


class _Package(zipfile.ZipFile):
    """The workbook's file as openpyxl's writer fills it, each part packed once, straight into the file: the
    worksheets of ``sheets`` get their rows as openpyxl writes them (a workbook saved whole and then copied part by
    part had every part packed, unpacked and packed again: 1 ms of a small sheet's 10)."""

    def __init__(self, path: Path, sheets: Sequence[SheetRows]) -> None:
        super().__init__(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.pending = list(sheets)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None) -> None:  # noqa: ANN001
        # A worksheet's part is named once the writer numbers the sheets, just before it writes the part.
        rows = next((rows for rows in self.pending if rows.ws.path.lstrip("/") == arcname), None)
        if rows is None:
            super().write(filename, arcname, compress_type, compresslevel)
            return
        self.pending.remove(rows)
        data = Path(filename).read_bytes()  # the worksheet without its rows: small
        found = _EMPTY_SHEET_DATA.search(data)
        if found is None:
            raise ValueError(f"{arcname}: rows were appended to the sheet through openpyxl as well")
        merged = rows._merged_cells()
        if merged and _BEFORE_MERGES.match(data, found.end()):
            raise ValueError(f"{arcname}: merge the cells through SheetRows only")
        part = zipfile.ZipInfo(arcname, date_time=zipfile.ZipInfo.from_file(filename).date_time)
        part.compress_type = zipfile.ZIP_DEFLATED
        with self.open(part, "w") as out:
            out.write(data[:found.start()] + b"<sheetData>")
            rows._copy_to(out)
            out.write(b"</sheetData>" + merged + _with_breaks(data[found.end():], rows._row_breaks(), arcname))


def save_workbook(wb: Workbook, path: Path, sheets: Sequence[SheetRows]) -> Path:
    """Save the write-only workbook ``wb`` to ``path`` with the rows of ``sheets`` in their worksheets."""
    from openpyxl.writer.excel import ExcelWriter

    path = Path(path)
    wb.properties.modified = datetime.now(tz=timezone.utc).replace(tzinfo=None)  # as openpyxl's own save
    package = _Package(path, sheets)
    try:
        ExcelWriter(wb, package).save()  # every part openpyxl writes, in its order; closes the file
    finally:
        package.close()
    if package.pending:
        raise ValueError(f"sheets not in the workbook: {sorted(rows.ws.title for rows in package.pending)}")
    return path
