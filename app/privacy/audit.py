"""Reading the audit log (by person, household, date), exporting it, and archiving / restoring persons with a reason."""

from __future__ import annotations

import csv
import enum
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from sqlalchemy import Select, and_, false, or_, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.sheet_rows import SheetRows, save_workbook
from app.core.sheets import SharedStyles, looks_like_formula, print_layout
from app.models import AuditAction, AuditEntry, Person, utcnow
from app.models.audit import REASON_INFO_KEY, expand_created
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import Audience, export_rule
from app.privacy.sharing import current_sharing


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    operator_name: str
    operator_role: str
    action: AuditAction
    entity: str
    entity_id: uuid.UUID | None
    person_id: uuid.UUID | None
    household_id: uuid.UUID | None
    label: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str


HEADERS = ("日時 time", "操作者 operator", "役割 role", "操作 action", "対象 entity", "ID", "person", "household",
           "名前 name", "項目 field", "変更前 old", "変更後 new", "理由 reason")


class ArchiveReason(enum.StrEnum):
    MOVED_AWAY = "moved_away"  # 転出
    FACILITY = "facility"  # 施設入所
    DIED = "died"  # 死亡
    OTHER = "other"


ARCHIVE_REASON_LABELS = {ArchiveReason.MOVED_AWAY: "転出", ArchiveReason.FACILITY: "施設入所",
                         ArchiveReason.DIED: "死亡", ArchiveReason.OTHER: "その他"}


def _rows(e: AuditEntry, newest_first: bool) -> list[AuditRow]:
    pairs = expand_created(e.field, e.new_value) if e.action is AuditAction.CREATE else [(e.field, e.new_value)]
    return [AuditRow(at=e.at, operator_name=e.operator_name, operator_role=e.operator_role, action=e.action,
                     entity=e.entity, entity_id=e.entity_id, person_id=e.person_id, household_id=e.household_id,
                     label=e.label, field=field, old_value=e.old_value, new_value=new_value, reason=e.reason)
            for field, new_value in (reversed(pairs) if newest_first else pairs)]


def entry_rows(entries: Iterable[AuditEntry], *, newest_first: bool = False) -> list[AuditRow]:
    """The rows entries show as, in their order: a created record's one entry (``CREATED_FIELDS``) as one row
    per field set, in the order they were set (the last first with ``newest_first``), as a ledger with one
    entry per field (made before issue 17) lists them; any other entry as its one row."""
    return [row for e in entries for row in _rows(e, newest_first)]


def _bound(value: date | datetime | None, *, end: bool) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):  # a whole day: up to and including ``until``
        value = datetime.combine(value + timedelta(days=1) if end else value, time.min).astimezone()
    return value if value.tzinfo else value.astimezone()


def _audit_query(session: Session, *, person_id: uuid.UUID | None, household_id: uuid.UUID | None,
                 since: date | datetime | None, until: date | datetime | None) -> Select:
    """The entries of a person (with their household's own and everything tied to them), of a household, between
    two days or moments; newest first."""
    query = select(AuditEntry)
    if person_id is not None:
        person = session.get(Person, person_id)
        own_household = person.household_id if person is not None else None
        query = query.where(or_(
            AuditEntry.person_id == person_id,
            and_(AuditEntry.entity == "household", AuditEntry.entity_id == own_household)
            if own_household is not None else false(),
        ))
    if household_id is not None:
        query = query.where(AuditEntry.household_id == household_id)
    start, stop = _bound(since, end=False), _bound(until, end=True)
    if start is not None:
        query = query.where(AuditEntry.at >= start.astimezone(timezone.utc))
    if stop is not None:
        if isinstance(until, datetime):
            query = query.where(AuditEntry.at <= stop.astimezone(timezone.utc))
        else:
            query = query.where(AuditEntry.at < stop.astimezone(timezone.utc))
    return query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def list_audit(session: Session, *, person_id: uuid.UUID | None = None, household_id: uuid.UUID | None = None,
               since: date | datetime | None = None, until: date | datetime | None = None,
               limit: int | None = None) -> list[AuditRow]:
    """Entries newest first. ``person_id`` also brings the entries of the person's household itself
    and of everything tied to the person (watch links, emergency contacts, cards)."""
    query = _audit_query(session, person_id=person_id, household_id=household_id, since=since, until=until)
    if limit is not None:  # an entry shows as one row or more: ``limit`` entries give at least ``limit`` rows
        query = query.limit(limit)
    rows = entry_rows(session.scalars(query), newest_first=True)
    return rows if limit is None else rows[:limit]


# A row's fields, each named as the entry's column it comes from (read off a row as it is: astuple deep-copies).
_ROW_FIELDS = tuple(f.name for f in fields(AuditRow))
_CHUNK = 2000  # entries fetched at a time


def iter_audit(session: Session, *, person_id: uuid.UUID | None = None, household_id: uuid.UUID | None = None,
               since: date | datetime | None = None, until: date | datetime | None = None) -> Iterator[AuditRow]:
    """The rows of ``list_audit`` without a limit, read a chunk at a time (the whole history of a city, for an
    export: memory stays flat). Plain columns, no entry objects."""
    query = _audit_query(session, person_id=person_id, household_id=household_id, since=since, until=until)
    query = query.with_only_columns(*(getattr(AuditEntry, name) for name in _ROW_FIELDS))
    for entry in session.execute(query.execution_options(yield_per=_CHUNK)):
        yield from _rows(entry, newest_first=True)  # type: ignore[arg-type]  # a row has the entry's attributes


def _cells(row: AuditRow) -> list[str]:
    out = []
    for value in map(row.__getattribute__, _ROW_FIELDS):
        if value is None:
            out.append("")
        elif isinstance(value, datetime):
            out.append(value.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
        elif isinstance(value, enum.Enum):
            out.append(str(value.value))
        else:
            out.append(str(value))
    return out


def _csv_safe(text: str) -> str:
    # A spreadsheet opening the CSV must show user text as typed, never run it as a formula.
    return "'" + text if looks_like_formula(text) else text


def export_audit_csv(rows: Iterable[AuditRow], out: Path) -> Path:
    """UTF-8 with BOM, so Excel on Japanese Windows opens it without mojibake; written as ``rows`` are read."""
    out = Path(out)
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([_csv_safe(c) for c in _cells(row)])
    return out


EXCEL_ROWS = 1_048_576  # the rows an Excel sheet holds
AUDIT_SHEET = "監査ログ"
AUDIT_WIDTHS = (20, 14, 12, 9, 14, 10, 10, 10, 16, 16, 24, 24, 16)


def export_audit_xlsx(rows: Iterable[AuditRow], out: Path, *, rows_per_sheet: int = EXCEL_ROWS - 1,
                      serial: str = "") -> Path:
    """The history in Excel, written as it is read (``iter_audit``: a city's whole history keeps memory flat).

    A history longer than a sheet holds goes on in 「監査ログ (2)」 and so on, each with its column names, rather
    than stopping at Excel's last row. User text (names, operators, old and new values) stays text, even
    "=HYPERLINK(…)": a string cell, with the quote prefix so that editing it in Excel does not make it a formula."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, {})
    sheets: list[SheetRows] = []

    def new_sheet() -> SheetRows:
        ws = wb.create_sheet(AUDIT_SHEET if not sheets else f"{AUDIT_SHEET} ({len(sheets) + 1})")
        ws.freeze_panes = "A2"
        # The history names everyone: for council staff only, and it says so on every printed page.
        ws.oddHeader.center.text = f"表示ルール: {export_rule(Audience.STAFF).ja}"
        ws.oddFooter.center.text = "&P / &N"
        if serial:  # the copy's line in the printed copies ledger
            ws.oddHeader.right.text = serial_line(serial)
        print_layout(ws, AUDIT_WIDTHS, title_rows="1:1")
        sheet = SheetRows(ws, styles)
        sheet.append(HEADERS, [None] * len(HEADERS))
        sheets.append(sheet)
        return sheet

    sheet = new_sheet()
    unstyled = [None] * len(HEADERS)
    for row in rows:
        if sheet.row > rows_per_sheet:
            sheet = new_sheet()
        sheet.append(_cells(row), unstyled)
    return save_workbook(wb, Path(out), sheets)


def export_history(session: Session, out: Path, *, person_id: uuid.UUID | None = None,
                   since: date | datetime | None = None) -> Path:
    """Every row of the history of ``person_id`` (everyone when None) from ``since`` on, to ``out``: Excel or CSV by
    its suffix. The history names everyone: the file is counted out in the printed copies ledger (its serial in
    the Excel's page header; the caller commits ``session`` with the file)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Save the history as .xlsx or .csv."), where=out.name)
    serial = register_copies(session, paper="audit_history", audience=Audience.STAFF,
                             sharing=current_sharing(session), file_name=out.name)
    rows = iter_audit(session, person_id=person_id, since=since)
    return export_audit_xlsx(rows, out, serial=serial) if suffix == ".xlsx" else export_audit_csv(rows, out)


def _person(session: Session, person_id: uuid.UUID) -> Person:
    p = session.get(Person, person_id)
    if p is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "this person is not in the ledger"))
    return p


def _flush_with_reason(session: Session, reason: str) -> None:
    session.info[REASON_INFO_KEY] = reason
    try:
        session.flush()
    finally:
        session.info.pop(REASON_INFO_KEY, None)


def archive_person(session: Session, person_id: uuid.UUID, reason: ArchiveReason, note: str = "") -> None:
    """Moved away, entered a facility, died: the person leaves every list but keeps their history."""
    p = _person(session, person_id)
    if p.deleted_at is not None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{name} is already archived"), name=p.name)
    reason = ArchiveReason(reason)
    p.deleted_at = utcnow()
    _flush_with_reason(session, f"{reason.value}: {note.strip()}" if note.strip() else reason.value)


def restore_person(session: Session, person_id: uuid.UUID, note: str = "") -> None:
    p = _person(session, person_id)
    if p.deleted_at is None:
        return
    p.deleted_at = None
    _flush_with_reason(session, note.strip())


@dataclass(frozen=True)
class ArchivedPerson:
    person_id: uuid.UUID
    name: str
    household_id: uuid.UUID
    archived_at: datetime
    reason: ArchiveReason | None  # None: archived without a reason (deleted in the side panel)
    note: str


def archived_persons(session: Session) -> list[ArchivedPerson]:
    """Archived persons, newest first, with the reason of their latest archiving."""
    out = []
    for p in session.scalars(select(Person).where(Person.deleted_at.is_not(None)).order_by(Person.deleted_at.desc())):
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "person", AuditEntry.entity_id == p.id,
                                     AuditEntry.action == AuditAction.ARCHIVE)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1)).first()
        code, _, note = (entry.reason if entry is not None else "").partition(": ")
        reason = ArchiveReason(code) if code in ArchiveReason._value2member_map_ else None
        if p.deleted_at is not None:  # the query's condition: mypy does not see it
            out.append(ArchivedPerson(p.id, p.name, p.household_id, p.deleted_at, reason, note))
    return out


AUDIT_ROW_FIELDS = tuple(f.name for f in fields(AuditRow))
