"""Reading an edited watch-network record form back: its sheets, town and blocks; nothing is written."""

from __future__ import annotations

import unicodedata
import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.phones import normalise_phone
from app.core.sheets import (
    cell_error,
    cell_text,
    check_length,
    open_workbook,
)
from app.core.workbook_guard import sheet_rows
from app.towns import towns
from app.watch.watch_form_apply import plan
from app.watch.watch_form_layout import (
    FORMAT_NAME,
    LABEL_ADDRESS,
    LABEL_CONCERNS,
    LABEL_CONTINUED,
    LABEL_NAME,
    LABEL_PHONE,
    MASK_KEY,
    MASKABLE,
    MAX_ADDRESS,
    MAX_COLUMNS,
    MAX_CONCERNS,
    MAX_INVOLVEMENT,
    MAX_NAME,
    MAX_PHONE,
    META_SHEET,
    PERSON_KEY,
    PHONE_LABELS,
    WATCH_KEY,
    FormBlock,
    FormPreview,
    FormSheet,
    WatcherRow,
)


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
    wb = open_workbook(path, sized=False)  # every sheet is read through sheet_rows, whatever size it declares
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
            sheets.append(FormSheet(title, town_id, town_name, blocks))
    finally:
        wb.close()
    preview = FormPreview(path=path, sheets=sheets)
    preview.rows = plan(session, preview, execute=False)
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
                         title, row, col, reason=exc) from exc
    return t.id, t.name


def _read_sheet(ws, file: str = "") -> tuple[tuple[str, int, int] | None, list[FormBlock]] | None:  # noqa: ANN001, C901
    """Parse one worksheet; None when it is not a watch-network form."""
    title = ws.title
    header: dict[str, int] = {}
    header_row = 0
    town_cell = None
    blocks: list[FormBlock] = []
    current: FormBlock | None = None
    label_col = value_col = 0
    section = ""
    for r, cells in sheet_rows(ws, file, max_col=MAX_COLUMNS):
        if not header_row:
            texts = [(i + 1, cell_text(c, title, r, i + 1)) for i, c in enumerate(cells)]
            for i, (col, found) in enumerate(texts):
                if found == "町名" and town_cell is None:
                    rest = [(c2, t2) for c2, t2 in texts[i + 1:] if t2]
                    town_cell = (rest[0][1], r, rest[0][0]) if rest else ("", r, col + 1)
            values = {found: col for col, found in texts if found}
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
            current = FormBlock(title, r, value_col)
            blocks.append(current)
            current.name = check_length(text(value_col), MAX_NAME, "name", title, r, value_col)
            current.key = _uuid(text(header["person_key"]))
            current.masked = frozenset(f for f in text(header["masked"]).split(",") if f in MASKABLE)
            section = LABEL_NAME
        elif current is not None and label == LABEL_ADDRESS:
            # Digits and dashes typed in full width (「２丁目７－１１」) read as the ledger writes them, as in a roster.
            current.address = unicodedata.normalize(
                "NFKC", check_length(text(value_col), MAX_ADDRESS, "address", title, r, value_col))
            section = label
        elif current is not None and label in PHONE_LABELS:
            # In its printed form, as everywhere else in the ledger: 「０７７８－２２－００５５」, 0778220055 and an
            # Excel number that lost its leading 0 are all 「0778-22-0055」; text that is no number stays as typed.
            current.phone = normalise_phone(
                check_length(text(value_col), MAX_PHONE, "phone number", title, r, value_col)).text
            section = LABEL_PHONE
        elif current is not None and label == LABEL_CONTINUED:
            pass  # the person's name again at the top of the next page: their watchers' lines go on below
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
            current.watchers.append(WatcherRow(r, header["watcher"], name, involvement, key))
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
