"""Reading files from outside safely: sizes checked before anything is inflated, sheets read within bounds.

Every importer opens untrusted files (rosters, filled-in forms, agency lists, open data). A workbook's zip
parts are checked before openpyxl unpacks any of them (a zip bomb inflates a few kB into GBs); sheets are
read row by row with a bounded width and height, whatever their ``<dimension>`` claims; and every way a
file can be broken (bad XML, a bad CSV quote, a row number past Excel's end) becomes a LedgerError that
names the file and the place, so the import is refused and the ledger left as it was.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError

MB = 1024 * 1024
# A part of the package unpacked: a sheet of 100,000 persons is about 40 MB of XML.
MAX_PART_BYTES = 200 * MB
MAX_PACKAGE_BYTES = 500 * MB
# Sheet XML packs 5–20 times; a part packed over 100 times is a bomb (or a damaged file). Small parts of
# repeated markup pack better, so the ratio is only asked of parts that unpack to more than 1 MB.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1 * MB
MAX_PARTS = 10_000
# Rows read from one sheet (empty ones count). Excel allows 1,048,576; a roster of a whole city's persons of
# concern is some tens of thousands, and a bigger list can be split.
MAX_ROWS = 100_000
MAX_COLUMNS = 256  # columns read from a sheet: what lies beyond is no importer's business
MAX_TEXT_BYTES = 100 * MB  # a CSV or GeoJSON file


def _size_error(path: Path, part: str, size: int, packed: int) -> LedgerError:
    return LedgerError(
        QT_TRANSLATE_NOOP("errors", "The workbook cannot be opened safely: its part {part} would unpack to {size} MB "
                                    "({ratio}× its packed size). A real workbook stays under {limit} MB and "
                                    "{max_ratio}×; the file is damaged or was made to harm."),
        where=path.name, part=part, size=round(size / MB, 1), ratio=round(size / max(packed, 1)),
        limit=MAX_PART_BYTES // MB, max_ratio=MAX_RATIO)


def check_package(path: Path) -> None:
    """Refuse a zip whose parts would unpack to more than a workbook ever holds, before anything is unpacked.

    The sizes are those the zip's directory declares; Python's zipfile never unpacks more than that (a part
    that holds more fails its checksum), so they bound what openpyxl can be made to read.
    """
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The workbook cannot be read: {reason}"), where=path.name,
                          reason=str(exc) or type(exc).__name__) from exc
    if len(parts) > MAX_PARTS:
        raise _size_error(path, f"({len(parts)} parts)", 0, 1)
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > MAX_PART_BYTES or (part.file_size > RATIO_FROM_BYTES
                                               and part.file_size > MAX_RATIO * max(part.compress_size, 1)):
            raise _size_error(path, part.filename, part.file_size, part.compress_size)
        if total > MAX_PACKAGE_BYTES:
            raise _size_error(path, part.filename, total, sum(p.compress_size for p in parts))


def sheet_rows(ws, file: str, *, max_col: int = MAX_COLUMNS, max_row: int | None = None,  # noqa: ANN001
               values_only: bool = False) -> Iterator[tuple[int, tuple]]:
    """(row number, cells) of a read-only sheet from row 1, each row ``max_col`` wide.

    The sheet's declared ``<dimension>`` is ignored (it may claim A1:XFD1048576, or too little); the rows
    are what the sheet holds. Past ``MAX_ROWS`` rows, or where the sheet's XML is broken, a LedgerError
    names the file, the sheet and the row.
    """
    ws.reset_dimensions()
    rows = ws.iter_rows(max_col=max_col, max_row=max_row, values_only=values_only)
    number = 0
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - openpyxl parses lazily and raises many kinds for a broken sheet
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}: the sheet cannot be read "
                                                          "({reason})."),
                              where=file, sheet=ws.title, row=number + 1,
                              reason=str(exc) or type(exc).__name__) from exc
        number += 1
        if number > MAX_ROWS:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Sheet {sheet} has more than {limit} rows. Delete what lies "
                                                          "below the list (even empty-looking rows) and import again."),
                              where=file, sheet=ws.title, limit=MAX_ROWS)
        yield number, cells


def check_text_size(path: Path) -> None:
    """Refuse a text file (CSV, GeoJSON) too big to read into memory."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Cannot read the file: {reason}"), where=path.name,
                          reason=exc.strerror or str(exc)) from exc
    if size > MAX_TEXT_BYTES:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is {size} MB; at most {limit} MB can be imported."),
                          where=path.name, size=round(size / MB), limit=MAX_TEXT_BYTES // MB)


def read_text_file(path: Path) -> str:
    """A text file (CSV, a list from Excel) within the size limit, as UTF-8 (with or without BOM) or, failing
    that, Shift_JIS: Japanese offices still publish cp932 CSVs. Neither → a LedgerError naming the file."""
    path = Path(path)
    check_text_size(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Cannot read the file: {reason}"), where=path.name,
                          reason=exc.strerror or str(exc)) from exc
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is neither UTF-8 nor Shift_JIS text."), where=path.name)


def csv_rows(text: str, file: str) -> Iterator[list[str]]:
    """The records of CSV text (quoted line breaks kept); a broken record becomes a LedgerError naming its line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a NUL byte, a field longer than 131,072 characters
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Line {line}: the file cannot be read as CSV ({reason})."),
                              where=file, line=reader.line_num, reason=str(exc)) from exc


def first_sheet(wb, file: str):  # noqa: ANN001, ANN201 - an openpyxl workbook and its worksheet
    """The first worksheet; a workbook of chart sheets only has none."""
    if not wb.worksheets:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The workbook has no worksheet."), where=file)
    return wb.worksheets[0]
