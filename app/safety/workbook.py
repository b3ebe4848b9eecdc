"""The safety check in Excel: a checklist to type into and read back, and the incident's log for the city.

The checklist's 「状況（入力）」 column takes the same Japanese labels as the screen, chosen from a list that refuses
anything else in Excel (「避難済み」 with the shelter in its own column; the read-back also takes 「避難済み（避難所名）」
and the paper's box words, from a file edited elsewhere or ``incident record``). Reading it back checks every row
first: one bad cell is named (sheet, row, column) and nothing is recorded.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.sheet_rows import SheetRows, save_workbook
from app.core.sheets import (
    FONT_NAME,
    SharedStyles,
    cell_error,
    cell_text,
    check_length,
    open_workbook,
    print_layout,
    wrapped_lines,
)
from app.models import District, Household, Person, Town
from app.models.safety import CheckMethod, Incident, SafetyStatus
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import Audience, as_audience, rule_line
from app.privacy.sharing import SharingContext, current_sharing
from app.safety.incidents import events_of, get_incident, latest_key, record_events
from app.safety.papers import BOX_LABELS, masked_rows
from app.safety.rollcall import district_counts, roll_call
from app.safety.views import METHOD_LABELS, STATUS_LABELS, EventFields, EventView, IncidentView

if TYPE_CHECKING:  # openpyxl is imported when a sheet is read or written, not when the app starts (issue 17)
    from openpyxl.styles import NamedStyle

SHEET = "安否確認"
LOG_SHEET = "記録"
COUNTS_SHEET = "地区別集計"
HEADERS = ("地図番号", "町名", "氏名", "電話", "ハザード", "現在の状況", "状況（入力）", "避難所名", "確認者",
           "確認日時", "方法", "メモ", "ID")
COL = {name: i + 1 for i, name in enumerate(HEADERS)}
FIRST_ROW = 4  # rows 1–3: title, rule, headers
TITLE = "安否確認チェックリスト　"  # then the incident's name
CHECKLIST_WIDTHS = (8, 10, 16, 14, 30, 18, 18, 16, 12, 16, 8, 24)  # Excel characters, from column A (ハザード: 「想定区域外（洪水・土砂災害）」 on one line)
# 確認日時, 地区, 町名, 地図番号, 氏名, 状況, 避難所名, 確認者, 方法, メモ, 記録日時, 記録した端末
LOG_WIDTHS = (17, 12, 14, 8, 16, 16, 20, 20, 12, 30, 17, 16)
LINE_PT = 16  # points: one line of the checklist's 11 pt type
def _key(text: str) -> str:
    """A status as typed, compared without width or spaces: 「無事(自宅)」 and 「無事（自宅）」 are one."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# The labels of the list, and the paper checklist's box labels (無事, 避難, 要支援, 入院等, 不能): a volunteer
# copies the ticked paper into the sheet with the words printed on it.
_STATUS_OF = {_key(label): status for labels in (STATUS_LABELS, BOX_LABELS) for status, label in labels.items()}
_METHOD_OF = {label: method for method, label in METHOD_LABELS.items()}
_TYPED = frozenset({"状況（入力）", "避難所名", "確認者", "確認日時", "方法", "メモ"})  # the columns to fill in
_EVACUATED_WITH = re.compile(r"^避難(?:済み)?[（(](.*)[）)]$")


def _styles() -> dict[str, NamedStyle]:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body, wrapped = Font(name=FONT_NAME), Alignment(vertical="center", wrap_text=True)  # a long note on more lines
    return {"安否 表題": NamedStyle(font=Font(name=FONT_NAME, size=14, bold=True)),
            "安否 注記": NamedStyle(font=Font(name=FONT_NAME, size=9)),
            "安否 見出し": NamedStyle(font=Font(name=FONT_NAME, bold=True), fill=PatternFill("solid", fgColor="E8E8E8"),
                                  border=box),
            "安否 値": NamedStyle(font=body, border=box, alignment=wrapped),
            "安否 日時": NamedStyle(font=body, border=box, alignment=wrapped, number_format="yyyy/mm/dd hh:mm"),
            "安否 入力": NamedStyle(font=body, border=box, fill=PatternFill("solid", fgColor="FFF8DC"))}


def write_checklist_xlsx(session: Session, incident_id: uuid.UUID, path: Path, *, town_id: uuid.UUID | None = None,
                         audience: Audience | str = Audience.WATCHERS, sharing: SharingContext | None = None) -> Path:
    """The roll call as a sheet to type the checks into (hazard order); counted out as a paper with names."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    audience = as_audience(audience)
    sharing = current_sharing(session) if sharing is None else sharing
    incident = get_incident(session, incident_id)
    rows = masked_rows(session, roll_call(session, incident_id, town_id=town_id), audience, sharing)
    serial = register_copies(session, paper="safety_checklist", audience=audience, town_id=town_id, sharing=sharing,
                             file_name=path.name)
    # Each row goes to the file as it is made, as the sheet's XML (SheetRows: a city's roll call neither grows the
    # process with cell objects nor waits on openpyxl's per-cell writer); the layout, the lists and the hidden
    # column are openpyxl's, set before the rows.
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    last = FIRST_ROW + max(len(rows), 1) - 1
    # The lists stop a typo in Excel itself (a list without an error message accepts anything, and the mistake
    # is found only when the file is read back, after the volunteer has gone); the message says what to do.
    choices = DataValidation(type="list", formula1='"' + ",".join(STATUS_LABELS.values()) + '"', allow_blank=True,
                             showErrorMessage=True, errorStyle="stop", errorTitle="状況（入力）",
                             error="一覧から選んでください：" + "、".join(STATUS_LABELS.values()) +
                                   "。避難所は「避難済み」を選び、避難所名の欄に書いてください。")
    choices.add(f"G{FIRST_ROW}:G{last}")
    methods = DataValidation(type="list", formula1='"' + ",".join(METHOD_LABELS.values()) + '"', allow_blank=True,
                             showErrorMessage=True, errorStyle="stop", errorTitle="方法",
                             error="一覧から選んでください：" + "、".join(METHOD_LABELS.values()) + "。")
    methods.add(f"K{FIRST_ROW}:K{last}")
    ws.data_validations.append(choices)  # what Worksheet.add_data_validation does (a write-only sheet lacks it)
    ws.data_validations.append(methods)
    print_layout(ws, CHECKLIST_WIDTHS, title_rows=f"{FIRST_ROW - 1}:{FIRST_ROW - 1}")
    ws.column_dimensions["M"].hidden = True  # the person's id: how a typed row finds its person again
    ws.freeze_panes = f"A{FIRST_ROW}"
    sheet = SheetRows(ws, SharedStyles(wb, _styles()))
    # Row 1's hidden last cell says which incident the file was printed for (read back: checked).
    sheet.append([f"{TITLE}{incident.name}", *[None] * (COL["ID"] - 2), str(incident.id)],
                 ["安否 表題", *[None] * (COL["ID"] - 1)])
    sheet.append([f"{rule_line(audience, sharing)}　{serial_line(serial)}"], ["安否 注記"])
    sheet.append(HEADERS, ["安否 見出し"] * len(HEADERS))
    column_styles = ["安否 入力" if name in _TYPED else "安否 値" for name in HEADERS]
    for r in rows:
        values = (r.map_number, r.town_name, r.name, r.phone, r.hazard_label, r.status_text, "", "", "", None, "",
                  "", str(r.person_id))
        lines = max(wrapped_lines(str(v or ""), w) for v, w in zip(values, CHECKLIST_WIDTHS, strict=False))
        # A wrapped hazard or status: the row as tall as its lines, not over the next row. The map number stays a
        # number; user text stays text, never a formula (SheetRows).
        sheet.append(values, column_styles, LINE_PT * lines + 2 if lines > 1 else None)
    return save_workbook(wb, path, [sheet])


@dataclass(frozen=True)
class ReadBack:
    """What a typed checklist recorded."""

    recorded: int
    skipped: int  # rows left empty (still unchecked)


def typed_status(text: str, sheet: str, row: int) -> tuple[SafetyStatus, str]:
    """A status as a volunteer types it (the list's labels, the paper's box words, 「避難（避難所名）」, either width
    of brackets): the status and the shelter named. The checklist's read-back and ``incident record --status``."""
    if _key(text) in _STATUS_OF:
        return _STATUS_OF[_key(text)], ""
    if m := _EVACUATED_WITH.match(text):
        return SafetyStatus.EVACUATED, m.group(1).strip()
    raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, column 状況（入力） ({cell}): 「{value}」 "
                                                 "is not a status; use one of {labels}."),
                     sheet, row, COL["状況（入力）"], value=text, labels="、".join(STATUS_LABELS.values()))


_SKEW = timedelta(minutes=10)  # another laptop's clock a little ahead is not a check "in the future"


def _checked_at(cell: object, sheet: str, row: int, now: datetime) -> datetime | None:
    """The check's time as typed: a date and time, or a time of day alone (the last such moment, not one still to
    come: 23:30 read back at 08:00 is last night's). A time later than now is refused: it would show over every
    real check made until then (the latest check is the one that shows)."""
    value = getattr(cell, "value", None)
    column = COL["確認日時"]
    if value is None or value == "":
        return None
    checked: datetime | None
    if isinstance(value, datetime):
        checked = value.astimezone(timezone.utc) if value.tzinfo else value.astimezone()
    else:
        text = cell_text(cell, sheet, row, column)
        checked = _parsed(text, now)
        if checked is None:
            raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, column 確認日時 ({cell}): 「{value}」 "
                                                         "is not a date and time; write e.g. 2026-07-08 09:30 or 09:30."),
                             sheet, row, column, value=text)
    if checked > now + _SKEW:
        raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, column 確認日時 ({cell}): {value} is "
                                                     "later than now; write when the check was made."),
                         sheet, row, column, value=f"{checked.astimezone():%Y-%m-%d %H:%M}")
    return checked


def _parsed(text: str, now: datetime) -> datetime | None:
    text = text.replace("/", "-")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            of_day = time.fromisoformat(text)
        except ValueError:
            return None
        local_now = now.astimezone()
        parsed = datetime.combine(local_now.date(), of_day).astimezone()  # typed in local time
        return parsed - timedelta(days=1) if parsed > local_now + _SKEW else parsed
    return parsed if parsed.tzinfo else parsed.astimezone()  # typed in local time


@dataclass(frozen=True)
class ChecklistLine:
    """One typed row of a checklist as it will be recorded (what the preview shows)."""

    row: int
    person_id: uuid.UUID
    map_number: str
    name: str
    fields: EventFields


@dataclass(frozen=True)
class ChecklistPreview:
    """What reading a typed checklist back would record, and every bad row named; nothing is written yet."""

    path: Path
    lines: tuple[ChecklistLine, ...]
    errors: tuple[LedgerError, ...]
    skipped: int  # rows left empty (still unchecked)


def _line(session: Session, incident_id: uuid.UUID, row_number: int, row: tuple, now: datetime
          ) -> ChecklistLine | None:
    cells = {name: row[col - 1] if len(row) >= col else None for name, col in COL.items()}
    typed = cell_text(cells["状況（入力）"], SHEET, row_number, COL["状況（入力）"])
    if not typed:
        return None
    status, shelter = typed_status(typed, SHEET, row_number)
    try:
        person_id = uuid.UUID(cell_text(cells["ID"], SHEET, row_number, COL["ID"]))
    except ValueError:
        raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, column ID ({cell}): the row's "
                                                     "hidden person id was changed or removed."),
                         SHEET, row_number, COL["ID"]) from None
    method_text = cell_text(cells["方法"], SHEET, row_number, COL["方法"])
    if method_text and method_text not in _METHOD_OF:
        raise cell_error(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, column 方法 ({cell}): 「{value}」 "
                                                     "is not a method; use 訪問, 電話 or その他."),
                         SHEET, row_number, COL["方法"], value=method_text)
    shelter = shelter or cell_text(cells["避難所名"], SHEET, row_number, COL["避難所名"])
    fields = EventFields(
        status=status,
        checked_by=check_length(cell_text(cells["確認者"], SHEET, row_number, COL["確認者"]), 200, "checker",
                                SHEET, row_number, COL["確認者"]),
        method=_METHOD_OF.get(method_text, CheckMethod.VISIT),
        note=cell_text(cells["メモ"], SHEET, row_number, COL["メモ"]),
        shelter_text=check_length(shelter, 300, "shelter", SHEET, row_number, COL["避難所名"]),
        checked_at=_checked_at(cells["確認日時"], SHEET, row_number, now) or now)
    try:
        record_events(session, incident_id, [(person_id, fields)])  # the service's own checks, rolled back below
    except LedgerError as e:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}: {reason}"), where=f"{SHEET}!{row_number}",
                          sheet=SHEET, row=row_number, reason=e) from None
    return ChecklistLine(row_number, person_id, cell_text(cells["地図番号"], SHEET, row_number, COL["地図番号"]),
                         cell_text(cells["氏名"], SHEET, row_number, COL["氏名"]), fields)


def _check_incident(session: Session, ws: Any, incident: IncidentView, path: Path) -> None:
    """Refuse a checklist printed for another incident (the hidden id in the title row; a file without one by the
    incident's name in its title): its checks would be recorded as checks of this one."""
    title_row = next(ws.iter_rows(min_row=1, max_row=1, max_col=len(HEADERS)), ())
    title = cell_text(title_row[0] if title_row else None, SHEET, 1, 1)
    marked = cell_text(title_row[COL["ID"] - 1] if len(title_row) >= COL["ID"] else None, SHEET, 1, COL["ID"])
    try:
        printed_for = uuid.UUID(marked) if marked else None
    except ValueError:
        printed_for = None
    if printed_for is not None:
        if printed_for == incident.id:
            return
        other = session.get(Incident, printed_for)
        name = other.name if other is not None else title.removeprefix(TITLE.strip()).strip()
    elif title.startswith(TITLE.strip()) and title.removeprefix(TITLE.strip()).strip() != incident.name:
        name = title.removeprefix(TITLE.strip()).strip()
    else:
        return
    raise LedgerError(QT_TRANSLATE_NOOP("errors", "This checklist was printed for the incident {other}, not for "
                                                  "{incident}: nothing was recorded. Type the checks into a "
                                                  "checklist printed for {incident}."),
                      where=path.name, other=f"「{name}」", incident=f"「{incident.name}」")


def preview_checklist_xlsx(session: Session, incident_id: uuid.UUID, path: Path, *,
                           now: datetime | None = None) -> ChecklistPreview:
    """Read a typed checklist: every row it would record, and every bad row named (sheet, row, column).

    Writes nothing: each row is tried against the incident in a savepoint that is rolled back."""
    path = Path(path)
    now = now or datetime.now(timezone.utc)
    incident = get_incident(session, incident_id)
    wb = open_workbook(path)
    lines: list[ChecklistLine] = []
    errors: list[LedgerError] = []
    skipped = 0
    try:
        if SHEET not in wb.sheetnames:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "The workbook has no sheet named {sheet}."), where=path.name,
                              sheet=SHEET)
        ws = wb[SHEET]
        _check_incident(session, ws, incident, path)
        for row_number, row in enumerate(ws.iter_rows(min_row=FIRST_ROW, max_col=len(HEADERS)), start=FIRST_ROW):
            savepoint = session.begin_nested()
            try:
                line = _line(session, incident_id, row_number, row, now)
            except LedgerError as e:
                errors.append(e)
                continue
            finally:
                savepoint.rollback()
            if line is not None:
                lines.append(line)
            elif len(row) >= COL["ID"] and cell_text(row[COL["ID"] - 1], SHEET, row_number, COL["ID"]):
                skipped += 1
    finally:
        wb.close()
    return ChecklistPreview(path, tuple(lines), tuple(errors), skipped)


def record_checklist(session: Session, incident_id: uuid.UUID, preview: ChecklistPreview) -> ReadBack:
    """Record every line of a preview in the caller's transaction; refused whole when a row was bad."""
    if preview.errors:
        raise preview.errors[0]
    record_events(session, incident_id, [(line.person_id, line.fields) for line in preview.lines])
    return ReadBack(len(preview.lines), preview.skipped)


def read_checklist_xlsx(session: Session, incident_id: uuid.UUID, path: Path, *,
                        now: datetime | None = None) -> ReadBack:
    """Record every row whose 「状況（入力）」 is filled in; any bad cell stops it all (nothing recorded)."""
    return record_checklist(session, incident_id, preview_checklist_xlsx(session, incident_id, path, now=now))


def _names(session: Session, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple]:
    found: dict[uuid.UUID, tuple] = {}
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), 500):
        for row in session.execute(
                select(Person.id, Person.name, Household.map_number, Town.name, District.name)
                .join(Household, Household.id == Person.household_id).join(Town, Town.id == Household.town_id)
                .join(District, District.id == Town.district_id).where(Person.id.in_(ids[start:start + 500]))):
            found[row[0]] = tuple(row[1:])
    return found


def _as_of_line(incident: IncidentView, at: datetime) -> str:
    """When the counts were true: the export's time, or the incident's close (no check is added after it)."""
    def local(t: datetime) -> str:
        return t.astimezone().strftime("%Y/%m/%d %H:%M")

    when = f"{local(incident.closed_at)} 終了時点" if incident.closed_at is not None else f"{local(at)} 現在"
    return f"{when}（発生 {local(incident.started_at)}）"


def export_log(session: Session, incident_id: uuid.UUID, path: Path, *, audience: Audience | str = Audience.AGENCIES,
               sharing: SharingContext | None = None, at: datetime | None = None) -> int:
    """Every check of the incident (oldest first) and the counts per 地区, for the city; how many checks.

    The counts sheet says which incident and as of when (``at``, the export's time: now unless given)."""
    from openpyxl import Workbook

    from app.privacy.masking import hidden_persons

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Save the log as .xlsx."), where=path.name)
    audience = as_audience(audience)
    sharing = current_sharing(session) if sharing is None else sharing
    incident = get_incident(session, incident_id)
    events: list[EventView] = sorted(events_of(session, incident_id), key=latest_key)
    names = _names(session, [e.person_id for e in events])
    hidden = hidden_persons(session, names, audience, sharing)
    serial = register_copies(session, paper="safety_checklist", audience=audience, sharing=sharing,
                             file_name=path.name, title="安否確認の記録")
    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, _styles())
    ws = wb.create_sheet(LOG_SHEET)
    cell = styles.cell
    print_layout(ws, LOG_WIDTHS, title_rows="3:3")
    ws.freeze_panes = "A4"
    ws.append([cell(ws, f"安否確認の記録　{incident.name}", "安否 表題")])
    ws.append([cell(ws, f"{rule_line(audience, sharing)}　{serial_line(serial)}", "安否 注記")])
    ws.append([cell(ws, h, "安否 見出し") for h in ("確認日時", "地区", "町名", "地図番号", "氏名", "状況", "避難所名",
                                                   "確認者", "方法", "メモ", "記録日時", "記録した端末")])
    for n, e in enumerate(events, start=4):
        name, number, town, district = names.get(e.person_id, ("", 0, "", ""))
        local = e.checked_at.astimezone().replace(tzinfo=None)
        values = (local, district, town, number, "（匿名）" if e.person_id in hidden else name, STATUS_LABELS[e.status],
                  e.shelter_text, e.checked_by, e.method_label, e.note,
                  e.recorded_at.astimezone().replace(tzinfo=None), e.recorded_on)
        lines = max(wrapped_lines(v, w) for v, w in zip(values, LOG_WIDTHS, strict=True) if isinstance(v, str))
        if lines > 1:  # a long note or shelter: the row as tall as its lines (set before the row is written)
            ws.row_dimensions[n].height = LINE_PT * lines + 2
        ws.append([cell(ws, v, "安否 日時" if isinstance(v, datetime) else "安否 値") for v in values])
    counts = wb.create_sheet(COUNTS_SHEET)
    print_layout(counts, (16, *[16] * (len(STATUS_LABELS) + 1)), title_rows="3:3")  # 要支援・要救助: 14
    # A page the 災害対策本部 passes on alone: it says whose counts they are and when they were true.
    counts.append([cell(counts, f"地区別集計　{incident.name}", "安否 表題")])
    counts.append([cell(counts, _as_of_line(incident, at or datetime.now(timezone.utc)), "安否 注記")])
    counts.append([cell(counts, h, "安否 見出し") for h in ("地区", *STATUS_LABELS.values(), "計")])
    districts = district_counts(roll_call(session, incident_id))
    for d in districts:
        counts.append([cell(counts, d.district_name, "安否 値"), *(cell(counts, d.counts[s], "安否 値")
                                                                     for s in STATUS_LABELS),
                       cell(counts, d.total, "安否 値")])
    # The sums over every 地区, as the projector's Total row: what the 災害対策本部 reports first
    counts.append([cell(counts, "合計", "安否 見出し"), *(cell(counts, sum(d.counts[s] for d in districts), "安否 見出し")
                                                      for s in STATUS_LABELS),
                   cell(counts, sum(d.total for d in districts), "安否 見出し")])
    wb.save(path)
    return len(events)
