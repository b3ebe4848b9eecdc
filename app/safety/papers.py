"""安否確認チェックリスト: printable A4 checklists per 民生委員, per watcher and per shelter (PDF).

Each row: map number, name (by the consent rule of app/privacy/masking.py under the current sharing mode:
in disaster mode the list may go to responders by name), phone, hazard, and one box to tick per status.
Every paper is counted out in the printed copies ledger and carries its serial and the rule it applied.
"""

from __future__ import annotations

import enum
import math
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.pdf_fonts import add_japanese_font
from app.core.text import LineWrapper, cell_baseline, wrapper_at
from app.hazards.shelters import nearest_valid_shelters
from app.models.hazard import HazardKind
from app.models.safety import IncidentKind, SafetyStatus
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import PERSON_BLANKS, Audience, as_audience, hidden_persons, rule_line
from app.privacy.sharing import SharingContext, current_sharing
from app.safety.incidents import get_incident
from app.safety.rollcall import roll_call
from app.safety.views import STATUS_LABELS, RollCallRow

TITLE = "安否確認チェックリスト"
NO_COMMISSIONER = "（担当民生委員なし）"
NO_WATCHER = "（見守り者なし）"
NO_SHELTER = "（避難先未定）"
# The boxes to tick: every status but 未確認 (an empty row is unchecked).
BOX_STATUSES = tuple(s for s in SafetyStatus if s is not SafetyStatus.UNCHECKED)
BOX_LABELS = {SafetyStatus.SAFE_HOME: "無事", SafetyStatus.EVACUATED: "避難",
               SafetyStatus.NEEDS_HELP: "要支援", SafetyStatus.HOSPITAL: "入院等", SafetyStatus.UNREACHABLE: "不能"}
_HAZARD_OF = {IncidentKind.FLOOD: HazardKind.FLOOD, IncidentKind.SEDIMENT: HazardKind.SEDIMENT}


class GroupBy(enum.StrEnum):
    COMMISSIONER = "commissioner"  # one list per 民生児童委員
    WATCHER = "watcher"  # one list per watcher (a person watched by two is on both)
    SHELTER = "shelter"  # one list per shelter: where the person is, or where they should go


@dataclass(frozen=True)
class ChecklistGroup:
    title: str  # 「民生委員: 川村　民子」
    rows: tuple[RollCallRow, ...]


def _shelters_of(session: Session, rows: Sequence[RollCallRow], hazard: HazardKind | None) -> list[str]:
    """Where each person is (an evacuated person's shelter), else where they should go for ``hazard``."""
    def there(row: RollCallRow) -> str:
        latest = row.latest
        return latest.shelter_text if latest and latest.status is SafetyStatus.EVACUATED and latest.shelter_text else ""

    if hazard is None:
        return [there(r) or NO_SHELTER for r in rows]
    nearest = nearest_valid_shelters(session, (r.household_id for r in rows if not there(r)), hazard)
    return [there(r) or nearest[r.household_id].name or NO_SHELTER for r in rows]


def checklist_groups(session: Session, incident_id: uuid.UUID, group_by: GroupBy | str, *,
                     town_id: uuid.UUID | None = None) -> list[ChecklistGroup]:
    """The roll call cut into one list per 民生委員, watcher or shelter (hazard order inside each)."""
    try:
        group_by = GroupBy(group_by)
    except ValueError:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Group the checklists by commissioner, watcher or shelter."),
                          where="group_by") from None
    rows = roll_call(session, incident_id, town_id=town_id)
    groups: dict[str, list[RollCallRow]] = defaultdict(list)
    if group_by is GroupBy.SHELTER:
        hazard = _HAZARD_OF.get(get_incident(session, incident_id).kind)
        for r, shelter in zip(rows, _shelters_of(session, rows, hazard), strict=True):
            groups[f"避難所: {shelter}"].append(r)
    else:
        prefix, names_of, none = (("民生委員", lambda r: r.commissioners, NO_COMMISSIONER)
                                  if group_by is GroupBy.COMMISSIONER else
                                  ("見守り者", lambda r: r.watchers, NO_WATCHER))
        for r in rows:
            for name in names_of(r) or (none,):
                groups[f"{prefix}: {name}"].append(r)
    # Named groups by name, the catch-all ones last.
    order = sorted(groups, key=lambda title: (title.endswith("）"), title))
    return [ChecklistGroup(title, tuple(groups[title])) for title in order]


def masked_rows(session: Session, rows: Sequence[RollCallRow], audience: Audience,
                sharing: SharingContext) -> list[RollCallRow]:
    """The rows as ``audience`` may see them: a person not shown by name keeps only the map number and status."""
    hidden = hidden_persons(session, (r.person_id for r in rows), audience, sharing)
    blank = {k: PERSON_BLANKS[k] for k in ("name", "kana", "phone")}
    return [replace(r, address="", **blank) if r.person_id in hidden else r for r in rows]


ROW_H = 10.0  # mm: a row with room to tick
LINE_H = 3.2  # mm: one line of a wrapped cell at the smallest size
_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)  # pt: a value shrinks this far, then wraps (smaller is not read on paper)


def _fitted(wrappers: dict[float, LineWrapper], value: str, width: float) -> tuple[float, list[str]]:
    """The size a cell's value is printed at and its lines: one line when it fits at 7 pt or more, else
    wrapped at 7 pt within the cell (a hazard of two zones), never running over the next column, broken as the
    sheet's cells are (行頭禁則: fpdf2's multi_cell left 「）」 alone on a line). ``wrappers``: one per size."""
    room = width - 2 * wrappers[_SIZES[0]].pdf.c_margin
    for size in _SIZES:
        if wrappers[size].width(value) <= room:
            return size, [value]
    lines = wrappers[_SIZES[-1]].lines(value, room)
    return _SIZES[-1], [line for line in lines if line] or [value]


def _draw_cell(pdf, lines: list[str], x: float, y: float, w: float, row_h: float) -> None:  # noqa: ANN001
    """A bordered cell with its lines drawn directly, where fpdf2's cell would put them (a cell laid out as styled
    text, nine a row, was most of a city's checklists); more than one line: the block centred in the row."""
    pdf.rect(x, y, w, row_h)
    line_h = row_h if len(lines) == 1 else LINE_H
    top = y + (row_h - len(lines) * line_h) / 2
    for n, line in enumerate(lines):
        if line:
            pdf.text(x + pdf.c_margin, cell_baseline(pdf, top + n * line_h, line_h), line)


def _draw_group(pdf, family: str, incident_name: str, group: ChecklistGroup, rule: str) -> None:  # noqa: ANN001
    # Plain cells only (no markdown, no HTML): user text is printed as typed.
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(family, size=7.5)
    wrappers = {size: wrapper_at(pdf, size) for size in _SIZES}  # one per size a value may be printed at
    # The map numbers print whole: a core city's six digits do not fit 11 mm at 7 pt, and the column widens for
    # them (from the memo's room), never breaking 「150000」 into 「15000」 over 「0」.
    longest = max((str(r.map_number) for r in group.rows), key=len, default="")
    number_w = max(11.0, math.ceil(wrappers[_SIZES[-1]].width(longest) + 2 * pdf.c_margin))
    columns = [("No.", number_w), ("氏名", 34), ("電話", 26), ("ハザード", 33)]
    box_w = 11.0
    note_w = width - sum(w for _, w in columns) - box_w * len(BOX_STATUSES)
    small = wrapper_at(pdf, 7.5)  # the rule and the note

    def page(continued: bool) -> None:
        """A new page with the title, whose list it is and the column headings: a list of more than one page
        says on each page whose it is (the pages are handed out and come back apart)."""
        pdf.add_page()
        pdf.set_font(family, size=15)
        pdf.cell(width * 0.55, 9, TITLE, new_x="RIGHT")
        pdf.set_font(family, size=10)
        pdf.cell(width * 0.45, 9, incident_name, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, size=12)
        pdf.cell(width, 8, group.title + ("（続き）" if continued else ""), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, size=7.5)
        small.paragraph(rule, width, 3.6)
        pdf.ln(1)
        pdf.set_fill_color(232, 232, 232)
        pdf.set_font(family, size=8)
        for label, w in columns:
            pdf.cell(w, 7, label, border=1, fill=True, align="C")
        for s in BOX_STATUSES:
            pdf.cell(box_w, 7, BOX_LABELS[s], border=1, fill=True, align="C")
        pdf.cell(note_w, 7, "確認者・時刻・メモ", border=1, fill=True, align="C", new_x="LMARGIN", new_y="NEXT")

    # The note on how to fill the list in, under its last row: on the paper, not below it, and never alone on a
    # page of its own (a sheet with the headings and the note only): the last row goes over with it.
    note = ("状況（" + "・".join(STATUS_LABELS[s] for s in BOX_STATUSES)
            + "）の欄に✓。避難済みは避難所名を、要支援・要救助はメモに内容を書いてください。")
    note_h = 2 + 3.6 * len(small.lines(note, width - 2 * pdf.c_margin))
    page(continued=False)
    for i, r in enumerate(group.rows, start=1):
        values = [str(r.map_number), r.name, r.phone, r.hazard_label]
        fitted = [_fitted(wrappers, value, w) for (_, w), value in zip(columns, values, strict=True)]
        row_h = max(ROW_H, max(len(lines) for _, lines in fitted) * LINE_H + 2)  # a long hazard: a taller row
        if pdf.get_y() + row_h + (note_h if i == len(group.rows) else 0) > pdf.h - pdf.b_margin:
            page(continued=True)
        x, y = pdf.l_margin, pdf.get_y()
        for (_, w), (size, lines) in zip(columns, fitted, strict=True):
            pdf.set_font_size(size)
            _draw_cell(pdf, lines, x, y, w, row_h)
            x += w
        for _ in BOX_STATUSES:
            pdf.rect(x, y, box_w, row_h)
            pdf.rect(x + box_w / 2 - 2.2, y + row_h / 2 - 2.2, 4.4, 4.4)
            x += box_w
        pdf.rect(x, y, note_w, row_h)
        pdf.set_xy(pdf.l_margin, y + row_h)
    pdf.set_font(family, size=7.5)
    pdf.ln(2)
    small.paragraph(note, width, 3.6)


def write_checklists_pdf(incident_name: str, groups: Sequence[ChecklistGroup], path: Path, rule: str) -> Path:
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", format="A4")
    family = add_japanese_font(pdf)
    pdf.set_title(TITLE)
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(False, margin=10)  # rows end 10 mm above the edge, as the other margins
    if not groups:
        groups = [ChecklistGroup("（該当者なし）", ())]
    for group in groups:
        _draw_group(pdf, family, incident_name, group, rule)
    path = Path(path)
    pdf.output(str(path))
    return path


def export_checklists(session: Session, incident_id: uuid.UUID, path: Path, *, group_by: GroupBy | str =
                      GroupBy.COMMISSIONER, town_id: uuid.UUID | None = None,
                      audience: Audience | str = Audience.WATCHERS, sharing: SharingContext | None = None) -> Path:
    """Write the checklists as one PDF (a page or more per group); counted out in the printed copies ledger
    (``session`` is committed by the caller)."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Save the checklists as .pdf."), where=path.name)
    audience = as_audience(audience)
    sharing = current_sharing(session) if sharing is None else sharing
    incident = get_incident(session, incident_id)
    groups = [ChecklistGroup(g.title, tuple(masked_rows(session, g.rows, audience, sharing)))
              for g in checklist_groups(session, incident_id, group_by, town_id=town_id)]
    serial = register_copies(session, paper="safety_checklist", audience=audience, town_id=town_id,
                             sharing=sharing, file_name=path.name)
    return write_checklists_pdf(incident.name, groups, path, f"{rule_line(audience, sharing)}　{serial_line(serial)}")
