"""個別避難計画 on paper: one A4 page per person as PDF (with the map extract), and Excel (one row per person).

The consent rule applies as on every paper (app/privacy/masking.py): a person the audience may not see by
name, or whose plan has no recorded consent to share it (本人の同意（情報提供） "no" or still "unknown": anything
short of "yes" is no, as for a person's consent), is printed with only the map number, town and hazards at home; their
name, address, needs, contacts, supporters and the map extract (which would show the house) are left out.
Every page and sheet prints the rule applied. The default audience is the watchers and the commissioner,
who carry the plans out; ``Audience.STAFF`` for the council's own copy.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.pdf_fonts import add_japanese_font
from app.core.sheets import FONT_NAME, SharedStyles, header_text, kinsoku_breaks, print_layout, wrapped_lines
from app.core.text import cell_baseline, wrapper_at
from app.core.views import PersonView
from app.core.wareki import to_wareki, wareki_or_blank
from app.plans import minimap
from app.plans.plans import get_plans, list_plans
from app.plans.views import CONSENT_LABELS, START_LABELS, HomeHazards, PlanFields, PlanView, ShelterChoice
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import (
    ANONYMOUS_NAME,
    PERSON_BLANKS,
    Audience,
    as_audience,
    export_rule,
    hidden_persons,
    lifts_consent,
    rule_line,
)
from app.privacy.sharing import SharingContext, current_sharing

if TYPE_CHECKING:  # openpyxl is imported when plans are written to Excel, not when the app starts (issue 17)
    from openpyxl.styles import NamedStyle

TITLE = "個別避難計画"
# Said on every page and sheet handed to watchers: a made plan is shown only with the person's consent to share it.
PLAN_CONSENT_RULE = "計画は本人の同意（情報提供）が「同意あり」のもののみ記載（同意なし・未確認は匿名）"
DEFAULT_AUDIENCE = Audience.WATCHERS


def plan_consent_applies(audience: Audience, sharing: SharingContext | None) -> bool:
    """Whether the plans' own consent rule holds for this copy: a plan is shown by name only with the person's
    consent to share it, except in 社協's own copy and where disaster mode lifts the consent rule."""
    return Audience(audience) is not Audience.STAFF and not lifts_consent(audience, sharing)


def plan_rule(audience: Audience, sharing: SharingContext | None) -> str:
    """The rule a copy of the plans applies, as its preview names it: the export's rule, then the plans' own."""
    return "　".join(x for x in (export_rule(audience, sharing).ja,
                                PLAN_CONSENT_RULE if plan_consent_applies(audience, sharing) else "") if x)


@dataclass(frozen=True)
class PlanPaper:
    """A plan as printed: the view, and whether the person is shown anonymously."""

    view: PlanView
    anonymous: bool


def mask_plan(v: PlanView) -> PlanView:
    """A plan shown anonymously: the map number, town and hazards at home stay; everything personal goes."""
    return replace(v, person=replace(v.person, **PERSON_BLANKS), address="", lat=None, lon=None,
                   fields=PlanFields(start_when=v.fields.start_when), shelter=ShelterChoice(), contacts=(),
                   family_doctor="", family_doctor_phone="", care_level="", supporters=(), flags=())


def plans_for(session: Session, town_id: uuid.UUID | None, audience: Audience = Audience.STAFF,
              person_ids: Sequence[uuid.UUID] | None = None, sharing: SharingContext | None = None) -> list[PlanPaper]:
    """The plans to print (every person needing support, blank forms for those without a plan), masked by the
    consent rule under ``sharing`` (the ledger's current mode when None: 災害時 lifts it for responders).
    ``town_id`` None: ``person_ids``' plans of whichever towns (the priority list's 地区), by town and map number."""
    audience = as_audience(audience)
    sharing = current_sharing(session) if sharing is None else sharing
    if town_id is None:
        views = sorted(get_plans(session, list(dict.fromkeys(person_ids or ())), live_only=True),
                       key=lambda v: (v.town_name, v.map_number))
    else:
        views = list_plans(session, town_id)
    if person_ids is not None:
        wanted = set(person_ids)
        views = [v for v in views if v.person.id in wanted]
    # A blank form's 服薬 is left to fill by hand: the card's medical notes are printed on the card only (as its
    # window promises); a plan that is made has its own, as saved from the plan window.
    views = [v if v.has_plan else replace(v, fields=replace(v.fields, medication="")) for v in views]
    hidden = hidden_persons(session, (v.person.id for v in views), audience, sharing)
    if plan_consent_applies(audience, sharing):
        hidden |= {v.person.id for v in views if v.has_plan and v.fields.consent != "yes"}
    return [PlanPaper(mask_plan(v), True) if v.person.id in hidden else PlanPaper(v, False) for v in views]


def plan_lines(v: PlanView, anonymous: bool = False, *, supporter_slots: int = 2,
               contact_slots: int = 1) -> list[tuple[str, str]]:
    """The (label, value) rows of a plan in print order; "" is an empty box to fill in by hand (at least
    ``supporter_slots`` supporters and ``contact_slots`` contacts)."""
    f, p = v.fields, v.person
    start = START_LABELS[f.start_when] if not anonymous else ""
    if f.start_note:
        start = f"{start}　{f.start_note}" if f.start_when != "other" else f.start_note
    lines = [
        ("氏名", ANONYMOUS_NAME if anonymous else p.name),
        ("ふりがな", p.kana),
        ("生年月日", wareki_or_blank(p.birth_date)),
        ("住所", v.address),
        ("電話", p.phone),
        ("自宅の災害リスク", v.hazards.text if v.hazards != HomeHazards() or not anonymous else ""),
        ("避難先", v.shelter.label or f.shelter_text),
        ("避難経路", f.route_note),
        ("移動手段", f.transport),
        ("避難開始のタイミング", start),
        ("移動の支援", f.mobility),
        ("医療機器", f.medical_devices),
        ("服薬", f.medication),
        ("意思疎通", f.communication),
    ]
    supporters = list(v.supporters)
    for i in range(max(supporter_slots, len(supporters))):
        s = supporters[i] if i < len(supporters) else None
        value = ""
        if s is not None:
            value = "　".join(x for x in (s.name, f"（{s.relation}）" if s.relation else "", s.phone,
                                         f"同意: {CONSENT_LABELS.get(s.consent, s.consent)}") if x)
        lines.append((f"避難支援者{i + 1}", value))
    contacts = list(v.contacts)
    for i in range(max(contact_slots, len(contacts))):
        c = contacts[i] if i < len(contacts) else None
        lines.append((f"緊急連絡先{i + 1}", "　".join(x for x in (c.name, f"（{c.relationship}）" if c.relationship
                                                               else "", c.phone) if x) if c else ""))
    lines += [
        ("かかりつけ医", "　".join(x for x in (v.family_doctor, v.family_doctor_phone) if x)),
        ("本人の同意（情報提供）", "" if anonymous or not v.has_plan else
         CONSENT_LABELS.get(f.consent, f.consent) + (f"　{to_wareki(f.consent_date)}" if f.consent_date else "")),
        ("作成日", wareki_or_blank(f.made_on)),
        ("見直し日", wareki_or_blank(f.reviewed_on)),
        ("備考", f.note),
    ]
    return lines


def warnings_of(v: PlanView) -> list[str]:
    return [flag.ja for flag in v.all_flags]


# ---------------------------------------------------------------- PDF


ROW_H, LABEL_W, VALUE_PT, WRAP_PT, WRAP_LINE_H = 6.6, 44, 11, 9.5, 4.6
MIN_MAP_H = 60.0  # below this the map extract goes on a page of its own
FOOT_Y = 14  # the rule line, from the bottom of the page
FIRST_ROW_Y = 20  # under a page's title


def _value_lines(pdf, value: str, width: float) -> tuple[float, list[str] | None]:  # noqa: ANN001
    """The size ``value`` is printed at, and None when it fits one line there (shrunk from VALUE_PT, down to
    WRAP_PT); else its lines wrapped at WRAP_PT."""
    size: float = VALUE_PT
    if "\n" not in value:
        while size > WRAP_PT and wrapper_at(pdf, size).width(value) > width - 2:
            size -= 0.5
        if wrapper_at(pdf, size).width(value) <= width - 2:
            return size, None
    # Broken as the cards' values are: Japanese fills each line (fpdf2's multi_cell broke at spaces and left
    # a short first line) and 行頭禁則 keeps 「。」「）」 off a line's start.
    return WRAP_PT, wrapper_at(pdf, WRAP_PT).lines(value, width - 2 - 2 * pdf.c_margin)


def _plan_page(pdf, family: str, v: PlanView, width: float, rule: str, *, more: bool = False) -> None:  # noqa: ANN001
    """A new page of ``v``'s plan: its title, town and map number (「（続き）」 on a follow-on page), and the rule."""
    pdf.add_page()
    pdf.set_font(family, size=8)
    pdf.set_xy(12, pdf.h - FOOT_Y)
    wrapper_at(pdf, 8).paragraph(rule, width, 3.6)  # a long rule (the serial, 災害時's who and why) wraps, never runs off the page
    pdf.set_xy(12, 10)
    pdf.set_font(family, size=18)
    pdf.cell(width * 0.55, 10, TITLE + ("（続き）" if more else ""), new_x="RIGHT")
    pdf.set_font(family, size=11)
    pdf.cell(width * 0.45, 10, f"{v.town_name}　No.{v.map_number}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_fill_color(232, 232, 232)  # the labels'


def _plan_row(pdf, label: str, h: float) -> float:  # noqa: ANN001
    """The grey label box of a row ``h`` high at the current line, drawn directly (as a cell would: a plan's rows
    as cells were most of a city's plans); its top."""
    y = pdf.get_y()
    pdf.set_font_size(9)
    pdf.rect(12, y, LABEL_W, h, style="DF")
    pdf.text(12 + pdf.c_margin, cell_baseline(pdf, y, h), label)
    return y


def write_plans_pdf(papers: Sequence[PlanPaper], path: Path, *, rule: str = "", title: str = "") -> Path:
    """One A4 page per person: the plan's rows, the checks' warnings, and the map extract. Text too long for one
    line is wrapped in its box (never shrunk past reading nor cut at the page's edge); a plan too long for one
    page goes on to a second, headed 「（続き）」, the map extract with it."""
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", format="A4")
    family = add_japanese_font(pdf)
    pdf.set_title(f"{TITLE}　{title}" if title else TITLE)
    pdf.set_auto_page_break(False)
    pdf.set_margins(12, 10, 12)
    width = pdf.w - 24
    bottom = pdf.h - FOOT_Y - 4  # where the rows and the map end, above the rule line
    if not papers:
        pdf.add_page()
        pdf.set_font(family, size=10)
        wrapper_at(pdf, 10).paragraph(rule, width, 6)  # a long rule wraps, never runs off the page
    for paper in papers:
        v = paper.view
        _plan_page(pdf, family, v, width, rule)
        value_w = width - LABEL_W
        for label, value in plan_lines(v, paper.anonymous):
            size, wrapped = _value_lines(pdf, value, value_w)
            if wrapped is None:
                if pdf.get_y() + ROW_H > bottom:
                    _plan_page(pdf, family, v, width, rule, more=True)
                y = _plan_row(pdf, label, ROW_H)
                pdf.set_font_size(size)
                pdf.rect(12 + LABEL_W, y, value_w, ROW_H)
                if value:
                    pdf.text(12 + LABEL_W + pdf.c_margin, cell_baseline(pdf, y, ROW_H), value)
                pdf.set_xy(12, y + ROW_H)
                continue
            while wrapped:  # a long text: in one box when it fits the page, else box by box over the pages
                room = int((bottom - pdf.get_y() - 2) // WRAP_LINE_H)
                if room < len(wrapped) and (room < 1 or len(wrapped) <= int((bottom - FIRST_ROW_Y - 2) // WRAP_LINE_H)):
                    _plan_page(pdf, family, v, width, rule, more=True)
                    continue
                part, wrapped = wrapped[:room], wrapped[room:]
                h = max(ROW_H, len(part) * WRAP_LINE_H + 2)
                y = _plan_row(pdf, label, h)
                pdf.rect(12 + LABEL_W, y, value_w, h)
                pdf.set_font_size(WRAP_PT)
                for n, line in enumerate(part):  # each line as broken, where a cell 1 mm inside the box puts it
                    if line:
                        pdf.text(12 + LABEL_W + 1 + pdf.c_margin, cell_baseline(pdf, y + 1 + n * WRAP_LINE_H,
                                                                             WRAP_LINE_H), line)
                pdf.set_xy(12, y + h)
                if wrapped:
                    _plan_page(pdf, family, v, width, rule, more=True)
        warnings = [] if paper.anonymous else warnings_of(v)[:4]
        if pdf.get_y() + 4.6 * len(warnings) > bottom:
            _plan_page(pdf, family, v, width, rule, more=True)
        pdf.set_font(family, size=8.5)
        for text in warnings:
            pdf.cell(width, 4.6, f"［確認］{text}", new_x="LMARGIN", new_y="NEXT")
        if bottom - pdf.get_y() - 2 < MIN_MAP_H:
            _plan_page(pdf, family, v, width, rule, more=True)
        top = pdf.get_y() + 2
        box = (12, top, width, bottom - top)
        home = (v.lat, v.lon) if v.lat is not None and v.lon is not None else None
        shelter = (v.shelter.lat, v.shelter.lon) if v.shelter.lat is not None and v.shelter.lon is not None else None
        if paper.anonymous:
            pdf.rect(*box)
            pdf.set_xy(12, top + box[3] / 2 - 3)
            pdf.set_font(family, size=9)
            pdf.cell(width, 6, "同意の範囲外のため地図・個人情報は表示しません", align="C")
        else:
            minimap.draw(pdf, family, box, home, shelter, v.shelter.name)
    path = Path(path)
    pdf.output(str(path))
    return path


# ---------------------------------------------------------------- Excel


def _styles() -> dict[str, NamedStyle]:
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    return {
        "計画 見出し": NamedStyle(font=Font(name=FONT_NAME, size=11, bold=True), fill=PatternFill("solid", fgColor="E8E8E8"),
                              alignment=Alignment(vertical="center", wrap_text=True)),
        "計画 記入": NamedStyle(font=Font(name=FONT_NAME, size=11), alignment=Alignment(vertical="top", wrap_text=True)),
        "計画 表示ルール": NamedStyle(font=Font(name=FONT_NAME, size=9)),
    }


_XLSX_WIDTHS = {"町名": 14, "地図番号": 8, "氏名": 14, "ふりがな": 16, "生年月日": 17, "住所": 22, "電話": 14,
                "自宅の災害リスク": 30, "作成日": 15, "見直し日": 15, "本人の同意（情報提供）": 22, "確認事項": 36}


# One line of 11 pt text in a row's height (points): Japanese in Noto Sans CJK, LibreOffice's face where BIZ UDゴシック
# is missing, takes 16 (15 cut a long route's last line off, once its lines were broken here: kinsoku_breaks).
XLSX_LINE_PT = 16


def write_plans_xlsx(papers: Sequence[PlanPaper], path: Path, *, rule: str = "", serial: str = "",
                     title: str = "") -> Path:
    """One row per person (the plan's rows as columns) and a 確認事項 column with the checks' warnings;
    user text is always text, never a formula (app/core/sheets.py). The sheet prints across many pages: each
    carries the title and town, the copy's serial and the rule in its header and footer, and its page number."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, _styles())
    cell = styles.cell
    ws = wb.create_sheet(TITLE)
    lines = partial(plan_lines, supporter_slots=max([2, *(len(p.view.supporters) for p in papers)]),
                    contact_slots=max([1, *(len(p.view.contacts) for p in papers)]))
    blank = PlanView(PersonView(uuid.UUID(int=0), uuid.UUID(int=0), ""), uuid.UUID(int=0), 0, "", "", None, None,
                     False, PlanFields())
    labels = ["町名", "地図番号"] + [label for label, _ in lines(blank)]
    header = labels + ["確認事項"]
    # Wide enough for a phone number or a date on one line, and for a sentence in two or three (a sheet of 26
    # columns: printed across pages, with the town, number and name on each; the PDF is the one-page form).
    widths = [_XLSX_WIDTHS.get(h, 24) for h in header]
    print_layout(ws, widths, fit_width=False, title_rows="2:2",
                 title_columns="A:C")
    ws.freeze_panes = "C3"
    font = f'&"{FONT_NAME},標準"'
    town = title or (papers[0].view.town_name if papers else "")
    ws.oddHeader.left.text = f"{font}{TITLE}　{header_text(town)}"
    if serial:
        ws.oddHeader.right.text = f"{font}{serial_line(serial)}"
    ws.oddFooter.left.text = f"{font}&8{header_text(rule)}"
    ws.oddFooter.right.text = f"{font}&P / &N ページ"
    ws.append([cell(ws, rule, "計画 表示ルール")])
    ws.append([cell(ws, h, "計画 見出し") for h in header])
    for number, paper in enumerate(papers, start=3):
        v = paper.view
        values = dict(lines(v, paper.anonymous))
        texts = [values.get(label, "") for label in labels[2:]] + ["" if paper.anonymous else "\n".join(warnings_of(v))]
        row = [cell(ws, v.town_name, "計画 記入"), cell(ws, v.map_number, "計画 記入")]
        # A long text's lines broken by 行頭禁則, never by the program (「…センタ」 / 「ー…」): kinsoku_breaks
        row += [cell(ws, kinsoku_breaks(text, w), "計画 記入") for text, w in zip(texts, widths[2:], strict=True)]
        # Excel and LibreOffice keep a row one line tall however its text wraps: tall enough for its longest cell
        tall = max(wrapped_lines(str(c.value or ""), w) for c, w in zip(row, widths, strict=True))
        if tall > 1:
            ws.row_dimensions[number].height = tall * XLSX_LINE_PT + 3
        ws.append(row)
    # Row 1 (the rule and the serial, for the screen) is left off the paper: printed, it ran past the first page's
    # edge and was cut, and again beside the town and name on every page after; each page's footer says it whole.
    ws.print_area = f"A2:{get_column_letter(len(header))}{len(papers) + 2}"
    path = Path(path)
    wb.save(path)
    return path


def export_plans(session: Session, town_id: uuid.UUID | None, path: Path, *, audience: Audience = DEFAULT_AUDIENCE,
                 person_ids: Sequence[uuid.UUID] | None = None, sharing: SharingContext | None = None,
                 title: str = "") -> Path:
    """Write the town's plans to ``path``: .pdf or .xlsx by its suffix (the CLI's export-plans); with
    ``town_id`` None, ``person_ids``' plans of whichever towns, ``title`` saying which (「さくら地区」: the Excel
    sheet's header, the PDF's title and the copies ledger's line).

    A paper that names anyone is counted out in the printed copies ledger (its serial printed on every page):
    the caller commits ``session`` with the file."""
    path = Path(path)
    audience = as_audience(audience)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Save the plans as .pdf or .xlsx."), where=path.name)
    sharing = current_sharing(session) if sharing is None else sharing
    papers = plans_for(session, town_id, audience, person_ids, sharing)
    rule, serial = rule_line(audience, sharing), ""
    if plan_consent_applies(audience, sharing):
        rule = f"{rule}　{PLAN_CONSENT_RULE}"
    if any(not paper.anonymous for paper in papers):
        serial = register_copies(session, paper="evacuation_plans", audience=audience, town_id=town_id,
                                 town_name=title or papers[0].view.town_name, sharing=sharing, file_name=path.name)
        rule = f"{rule}　{serial_line(serial)}"
    if suffix == ".pdf":
        return write_plans_pdf(papers, path, rule=rule, title=title)
    return write_plans_xlsx(papers, path, rule=rule, serial=serial, title=title)
