"""Import the agency directory from a CSV or Excel list: a preview first, then all rows in one transaction.

Reads lists like 福井市's 地域包括支援センター (phones without the area code) and the MHLW care
office open data (one row per service, so offices repeat); every bad row is named by file, row, column.
"""

from __future__ import annotations

import enum
import statistics
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.phones import normalise_phone
from app.core.sheets import open_workbook
from app.core.workbook_guard import csv_rows, first_sheet, read_text_file, sheet_rows
from app.emergency import cards as emergency
from app.emergency.views import AgencyFields
from app.models.emergency import Agency, AgencyKind
from app.towns.reference_layers import JAPAN_LAT, JAPAN_LON, Problem, Severity

COLUMNS = {
    "name": ("センター名", "事業所名", "名称", "機関名", "施設名", "name"),
    "kana": ("事業所名カナ", "ふりがな", "フリガナ", "カナ", "kana"),
    "address": ("所在地", "所在地1", "住所", "address"),
    "address2": ("所在地2", "方書（ビル名等）", "方書", "建物名"),
    "phone": ("電話番号", "電話", "tel", "phone"),
    "fax": ("fax番号", "fax"),
    "office_number": ("事業所番号", "事業所no", "office_number"),
    "services": ("サービスの種類", "サービス種類"),
    "area_served": ("担当地区", "担当圏域", "担当区域"),
    "note": ("備考", "note"),
    "lat": ("緯度", "lat", "latitude"),
    "lon": ("経度", "lon", "lng", "longitude"),
    "kind": ("種別", "kind"),
}
# サービスの種類 of the MHLW list → directory kind; other services stay OTHER.
SERVICE_KINDS = {
    "居宅介護支援": AgencyKind.HOME_CARE_SUPPORT_OFFICE,
    "介護予防支援": AgencyKind.COMMUNITY_SUPPORT_CENTRE,
    "地域包括支援センター": AgencyKind.COMMUNITY_SUPPORT_CENTRE,
}
KIND_WORDS = {  # a 種別 column in Japanese
    "市役所": AgencyKind.CITY_OFFICE, "行政": AgencyKind.CITY_OFFICE,
    "地域包括支援センター": AgencyKind.COMMUNITY_SUPPORT_CENTRE, "包括": AgencyKind.COMMUNITY_SUPPORT_CENTRE,
    "居宅介護支援事業所": AgencyKind.HOME_CARE_SUPPORT_OFFICE, "居宅": AgencyKind.HOME_CARE_SUPPORT_OFFICE,
    "診療所": AgencyKind.CLINIC, "医院": AgencyKind.CLINIC, "クリニック": AgencyKind.CLINIC,
    "病院": AgencyKind.HOSPITAL, "消防": AgencyKind.FIRE_AMBULANCE, "救急": AgencyKind.FIRE_AMBULANCE,
    "社協": AgencyKind.SOCIAL_WELFARE_COUNCIL, "社会福祉協議会": AgencyKind.SOCIAL_WELFARE_COUNCIL,
}
MAX_COLUMNS = 64  # the MHLW list has about 30; every cell of every row is kept as text
OUTLIER_KM = 50  # an office this far from the list's other offices was geocoded to the wrong town
MHLW_CREDIT = "厚生労働省 介護サービス情報公表システム オープンデータ"
KNOWN_CREDITS = {
    "hoyanet_chiikihoukatsu.csv": "福井市オープンデータ（code4fukui/opendata-fukui）",
    "mhlw_kaigo_jigyosho_partial.csv": MHLW_CREDIT,
}


class Action(enum.StrEnum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass
class AgencyRow:
    row: int  # first line of the file this agency came from
    fields: AgencyFields
    action: Action = Action.ADD
    existing_id: uuid.UUID | None = None


@dataclass
class AgencyPreview:
    path: Path
    rows: list[AgencyRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Rows that stop the import: fix the file (or skip them) and read it again."""
        return [p for p in self.problems if p.severity == Severity.SKIPPED]

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action is action)

    def summary(self) -> str:
        return (f"add {self.count(Action.ADD)}, update {self.count(Action.UPDATE)}, "
                f"unchanged {self.count(Action.UNCHANGED)}, problems {len(self.problems)}")


def _norm(text: object) -> str:
    return unicodedata.normalize("NFKC", "" if text is None else str(text)).strip()


def _table(path: Path) -> list[list[str]]:
    """The file's rows as text: CSV (UTF-8 with or without BOM, or Shift_JIS) or the first sheet of an .xlsx."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        wb = open_workbook(path, sized=False)  # sheet_rows reads what the sheet holds, whatever size it declares
        try:
            ws = first_sheet(wb, path.name)
            return [["" if v is None else str(v) for v in row]
                    for _n, row in sheet_rows(ws, path.name, max_col=MAX_COLUMNS, values_only=True)]
        finally:
            wb.close()
    if path.suffix.lower() not in (".csv", ".txt"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Agency lists are read from .csv or .xlsx files."),
                          where=path.name)
    return list(csv_rows(read_text_file(path), path.name))


def _columns(headers: list[str]) -> dict[str, int]:
    normalised = [_norm(h).lower() for h in headers]
    found: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for name in names:
            if _norm(name).lower() in normalised:
                found[key] = normalised.index(_norm(name).lower())
                break
    return found


def _kind_of(text: str) -> AgencyKind | None:
    try:
        return AgencyKind(text)
    except ValueError:
        pass
    for word, kind in KIND_WORDS.items():
        if word in text:
            return kind
    return None


def read_agencies(
    session: Session,
    path: Path,
    *,
    kind: AgencyKind | str | None = None,
    default_area_code: str = "",
    credit: str | None = None,
) -> AgencyPreview:
    """Read an agency list into a preview (nothing written); rows already in the directory become updates.

    ``kind`` applies to every row (e.g. a list of 地域包括支援センター); without it the kind comes from
    a 種別 or サービスの種類 column. ``default_area_code`` completes local phone numbers (福井市: 0776).
    """
    path = Path(path)
    file = path.name
    rows = _table(path)
    if not rows:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The file is empty."), where=file)
    headers = [_norm(h) for h in rows[0]]
    cols = _columns(headers)
    if "name" not in cols:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "No name column (センター名, 事業所名, 名称 …) in the header row."),
                          where=f"{file}, row 1")
    fixed_kind = AgencyKind(kind) if kind is not None else None
    if fixed_kind is None and "kind" not in cols and "services" not in cols:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Please choose what kind of agencies the list holds."),
                          where=file)
    credit = (credit if credit is not None else KNOWN_CREDITS.get(file, "")).strip()
    preview = AgencyPreview(path)
    problems = preview.problems
    by_number: dict[str, AgencyRow] = {}

    def header(key: str) -> str:
        return headers[cols[key]] if key in cols else ""

    for row_number, values in enumerate(rows[1:], start=2):
        if not any(_norm(v) for v in values):
            continue

        def get(key: str) -> str:
            i = cols.get(key)
            return _norm(values[i]) if i is not None and i < len(values) else ""

        name = get("name")
        if not name:
            problems.append(Problem(file, row_number, header("name"), Severity.SKIPPED,
                                    QT_TRANSLATE_NOOP("import", "No name.")))
            continue
        service = get("services")
        row_kind = fixed_kind or _kind_of(get("kind")) or SERVICE_KINDS.get(service) or AgencyKind.OTHER
        phone = normalise_phone(get("phone"), default_area_code)
        if get("phone") and not phone.ok:
            problems.append(Problem(file, row_number, header("phone"), Severity.FIXED, QT_TRANSLATE_NOOP(
                "import", "「{phone}」 is not a complete phone number (area code?): kept as written."),
                {"phone": get("phone")}))
        fax = normalise_phone(get("fax"), default_area_code)
        lat = lon = None
        if get("lat") and get("lon"):
            try:
                lat, lon = float(get("lat")), float(get("lon"))
            except ValueError:
                problems.append(Problem(file, row_number, header("lat"), Severity.PARTIAL,
                                        QT_TRANSLATE_NOOP("import", "The position is not a number: left out.")))
            else:
                if not (JAPAN_LAT[0] <= lat <= JAPAN_LAT[1] and JAPAN_LON[0] <= lon <= JAPAN_LON[1]):
                    problems.append(Problem(file, row_number, header("lon"), Severity.PARTIAL, QT_TRANSLATE_NOOP(
                        "import", "{lat}, {lon} is outside Japan: the position is left out."),
                        {"lat": lat, "lon": lon}))
                    lat = lon = None
        address = " ".join(x for x in (get("address"), get("address2")) if x)
        number = get("office_number")
        if number and number in by_number:
            # The MHLW list has one row per service: one office, its services listed together.
            first = by_number[number]
            if service and service not in first.fields.services.split("\n"):
                services = "\n".join(x for x in (first.fields.services, service) if x)
                first.fields = _replace(first.fields, services=services)
                if row_kind is not AgencyKind.OTHER and first.fields.kind is AgencyKind.OTHER:
                    first.fields = _replace(first.fields, kind=row_kind)
            problems.append(Problem(file, row_number, header("office_number"), Severity.FIXED, QT_TRANSLATE_NOOP(
                "import", "Same office ({number}) as row {first}: merged into one entry."),
                {"number": number, "first": first.row}))
            continue
        entry = AgencyRow(row_number, AgencyFields(
            kind=row_kind, name=name, phone=phone.text, address=address, kana=get("kana"), fax=fax.text,
            area_served=get("area_served"), services=service, office_number=number, note=get("note"),
            lat=lat, lon=lon, source=file, credit=credit,
        ))
        refused = _refusal(entry.fields)
        if refused is not None:  # found now, named by row and column: not at writing, by field name only
            field_name, error = refused
            problems.append(Problem(file, row_number, header(FIELD_COLUMNS.get(field_name, field_name)) or field_name,
                                    Severity.SKIPPED, error.template, dict(error.params), context="errors"))
            continue
        if number:
            by_number[number] = entry
        preview.rows.append(entry)
    _drop_outliers(preview)
    _match_existing(session, preview)
    return preview


FIELD_COLUMNS = {"position": "lat"}  # a field the directory checks → the key of its column in COLUMNS


def _refusal(fields: AgencyFields) -> tuple[str, LedgerError] | None:
    """The field the directory would refuse (a name or phone too long for it …) and why, or None: the
    same checks as writing, so the preview shows the row and column instead of the import failing later."""
    try:
        emergency.apply_agency(Agency(), fields)
    except LedgerError as e:
        return (e.where or ""), e
    return None


def _replace(fields: AgencyFields, **changes: Any) -> AgencyFields:
    from dataclasses import replace

    return replace(fields, **changes)


def _drop_outliers(preview: AgencyPreview) -> None:
    placed = [(r, r.fields.lat, r.fields.lon) for r in preview.rows
              if r.fields.lat is not None and r.fields.lon is not None]
    if len(placed) < 3:
        return
    mid_lat = statistics.median(lat for _r, lat, _lon in placed)
    mid_lon = statistics.median(lon for _r, _lat, lon in placed)
    for r, lat, lon in placed:
        km = emergency.haversine_m(mid_lat, mid_lon, lat, lon) / 1000
        if km > OUTLIER_KM:
            preview.problems.append(Problem(preview.path.name, r.row, "緯度/経度", Severity.PARTIAL, QT_TRANSLATE_NOOP(
                "import", "The position is {km:.0f} km from the other offices in the list (geocoded to the wrong "
                          "place?): left out."), {"km": km}))
            r.fields = _replace(r.fields, lat=None, lon=None)


def _same(a: Agency, f: AgencyFields) -> bool:
    return all(getattr(a, k) == getattr(f, k) for k in (
        "name", "phone", "address", "kana", "fax", "area_served", "services", "office_number", "note", "lat", "lon",
    )) and a.kind == f.kind


def _match_existing(session: Session, preview: AgencyPreview) -> None:
    """Re-importing a list updates its agencies: match by office number, else by kind and name."""
    live = list(session.scalars(select(Agency).where(Agency.deleted_at.is_(None))))
    by_number = {a.office_number: a for a in live if a.office_number}
    by_name: dict[tuple[AgencyKind | str, str], Agency] = {(a.kind, _norm(a.name)): a for a in live}
    for r in preview.rows:
        found = by_number.get(r.fields.office_number) if r.fields.office_number else None
        found = found or by_name.get((r.fields.kind, _norm(r.fields.name)))
        if found is not None:
            r.existing_id = found.id
            r.action = Action.UNCHANGED if _same(found, r.fields) else Action.UPDATE


def check_importable(preview: AgencyPreview) -> None:
    """Refuse the whole file when a row has an error, as writing it would (a dry run refuses it the same way)."""
    if preview.errors:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{count} rows cannot be imported; first: {problem}"),
                          where=preview.path.name, count=len(preview.errors), problem=preview.errors[0])


def apply_agencies(session: Session, preview: AgencyPreview) -> int:
    """Write every row of the preview, or nothing: a row with an error refuses the whole file."""
    check_importable(preview)
    written = 0
    with session.begin_nested():  # the caller's transaction stays usable if a row still fails validation
        for r in preview.rows:
            if r.action is Action.ADD:
                emergency.add_agency(session, r.fields)
            elif r.action is Action.UPDATE and r.existing_id is not None:
                emergency.edit_agency(session, r.existing_id, r.fields)
            else:
                continue
            written += 1
    return written
