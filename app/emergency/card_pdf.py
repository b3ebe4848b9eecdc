"""緊急連絡カード: one card per person in big type, as PDF (one per A4, or two per A4 to cut) and Excel.

The card stays with the person (e.g. on the fridge), so it carries the medical notes; anything
not yet known prints as an empty box to fill in by hand.

Who receives them: the 民生児童委員 prints the cards, fills them in with each person and keeps a copy,
so the default audience is ``Audience.WATCHERS``. A person whose consent does not cover the audience
gets a card with 「（匿名）」 and only the map number, support centre, commissioner and shelter filled in
(app/privacy/masking.py); every card prints the rule applied. ``Audience.AGENCIES`` for the copies handed
to the care manager or 地域包括支援センター, ``Audience.STAFF`` for the council's own copy.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.pdf_fonts import add_japanese_font
from app.core.sheets import FONT_NAME, SharedStyles, column_points, kinsoku_breaks, print_scale, wrapped_lines
from app.core.text import LineWrapper, cell_baseline, wrapper_at
from app.core.wareki import wareki_or_blank
from app.emergency import cards as emergency
from app.emergency.cards import SortOrder
from app.emergency.views import CardView
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import Audience, as_audience, hidden_persons, mask_card, rule_line
from app.privacy.sharing import SharingContext, current_sharing
from app.towns import towns

if TYPE_CHECKING:  # openpyxl is imported when cards are written to Excel, not when the app starts (issue 17)
    from openpyxl.styles import NamedStyle

TITLE = "緊急連絡カード"
CONTACT_SLOTS = 2  # the card always shows at least two contact boxes to fill
PER_PAGE_CHOICES = (1, 2)
DEFAULT_AUDIENCE = Audience.WATCHERS


def card_fields(v: CardView) -> list[tuple[str, str]]:
    """The card's (label, value) lines in print order; a value is "" when unknown (an empty box)."""
    p = v.person
    lines = [
        ("氏名", p.name),
        ("ふりがな", p.kana),
        ("生年月日", wareki_or_blank(p.birth_date)),
        ("住所", v.address),
        ("電話", p.phone),
        ("地図番号", str(v.map_number)),
    ]
    contacts = list(v.contacts)
    for i in range(max(CONTACT_SLOTS, len(contacts))):
        c = contacts[i] if i < len(contacts) else None
        lines.append((f"緊急連絡先{i + 1}", " ".join(x for x in (c.name, f"（{c.relationship}）" if c.relationship else "") if x) if c else ""))
        lines.append((f"連絡先{i + 1} 電話", c.phone if c else ""))
        lines.append((f"連絡先{i + 1} 住所", c.address if c else ""))
    lines += [
        ("かかりつけ医", v.family_doctor_label),
        ("医療機関 電話", v.family_doctor_phone),
        ("要介護度・障害", v.care_level),
        ("服薬・アレルギー等", v.medical_notes),
        ("ケアマネジャー", v.care_manager_name),
        ("居宅介護支援事業所", " ".join(x for x in (v.care_office.name, v.care_office.phone) if x) if v.care_office else ""),
        ("地域包括支援センター", " ".join(x for x in (v.support_centre.name, v.support_centre.phone) if x)
         if v.support_centre else ""),
        ("担当民生委員", " ".join(x for x in (v.welfare_commissioner_name, v.welfare_commissioner_phone) if x)),
        ("最寄りの指定避難所", v.shelter.label),
        ("カードの保管場所", v.kept_at),
        ("作成日", wareki_or_blank(v.made_on)),
        ("見直し日", wareki_or_blank(v.review_on)),
    ]
    return lines


def cards_for(session: Session, town_id: uuid.UUID, person_ids: Sequence[uuid.UUID] | None = None,
              *, order: str = SortOrder.MAP_NUMBER, audience: Audience = Audience.STAFF,
              sharing: SharingContext | None = None) -> list[CardView]:
    """The cards to print: the whole town, or only ``person_ids`` (in the town's order); persons the
    ``audience`` may not see by name under ``sharing`` (the ledger's current mode when not given) come back
    anonymised (the default here, STAFF, shows everyone)."""
    views = emergency.list_cards(session, town_id, order=order)
    if person_ids is not None:
        wanted = set(person_ids)
        views = [v for v in views if v.person.id in wanted]
    sharing = current_sharing(session) if sharing is None else sharing
    hidden = hidden_persons(session, (v.person.id for v in views), audience, sharing)
    return [mask_card(v) if v.person.id in hidden else v for v in views]


# ---------------------------------------------------------------- PDF


MIN_TEXT_SIZE = 7.0  # pt: the smallest a value shrinks to (smaller is unreadable for older users)
LINE_SPACING = 1.15
CONTINUED = "…（続きは台帳）"  # ends a value too long for its card even at MIN_TEXT_SIZE: never cut silently
ROW_PAD = 1.0  # mm above and below a value's lines


def _line_h(size: float) -> float:
    return size * LINE_SPACING * 25.4 / 72


def _lines(pdf, value: str, width: float, size: float) -> list[str]:  # noqa: ANN001
    pdf.set_font_size(size)  # the one family every card is printed in (set_font: a tenth of a city's cards)
    # Japanese fills each line and breaks between characters (with 行頭禁則), as on the contact sheet: fpdf2's
    # own wrapping breaks only at a space, so 「降圧剤（アムロジピン5mg 朝1錠）…」 left a short first line.
    wrapper = wrapper_at(pdf, size)  # one per (font, size): widths measured once
    if "\n" not in value and wrapper.width(value) <= width:  # most values: one line, no layout needed
        return [value]
    return wrapper.lines(value, width) or [""]


def _fit_value(pdf, value: str, width: float, height: float, size: float) -> tuple[float, list[str], bool]:  # noqa: ANN001
    """The largest type size (from ``size`` down to MIN_TEXT_SIZE) at which ``value`` fits the box, its lines,
    and whether it had to be cut: one line while it can, else wrapped, so a long address or medical note is
    printed whole inside its row. Text too long even at MIN_TEXT_SIZE ends with 「…（続きは台帳）」."""
    text_size = size
    while True:
        lines = _lines(pdf, value, width, text_size)
        line_h = _line_h(text_size)
        if len(lines) * line_h <= height or text_size <= MIN_TEXT_SIZE:
            break
        text_size = max(MIN_TEXT_SIZE, text_size - 0.5)
    room = max(1, int(height // line_h))
    if len(lines) <= room:
        return text_size, lines, False
    lines = lines[:room]
    last = lines[-1]
    while last and pdf.get_string_width(last + CONTINUED) > width:
        last = last[:-1]
    lines[-1] = last + CONTINUED
    return text_size, lines, True


def _row_heights(pdf, values: list[str], width: float, total: float, size: float) -> list[float]:  # noqa: ANN001
    """Each row's height in a grid ``total`` mm tall: equal rows, except that a value needing more lines than its
    share takes room from the other rows, down to one line of slightly smaller type each (an empty box keeps room
    for a handwritten line): the long value at the card's type size when the room allows, else at the largest
    size down to MIN_TEXT_SIZE that it allows, so a long medical note stays readable instead of shrinking."""
    base = total / len(values)
    floor = min(base, _line_h(size * 0.85))
    short = [i for i, v in enumerate(values) if not v or len(_lines(pdf, v, width, size)) * _line_h(size) <= base]
    long = [i for i in range(len(values)) if i not in short]
    spare = (base - floor) * len(short)
    if not long or spare <= 0:
        return [base] * len(values)
    text_size = size
    while True:
        need = {i: len(_lines(pdf, values[i], width, text_size)) * _line_h(text_size) + 2 * ROW_PAD for i in long}
        extra = sum(max(0.0, n - base) for n in need.values())
        if extra <= spare or text_size <= MIN_TEXT_SIZE:
            break
        text_size = max(MIN_TEXT_SIZE, text_size - 0.5)
    given = min(extra, spare)
    heights = [base] * len(values)
    for i in long:
        heights[i] = base + max(0.0, need[i] - base) * given / extra if extra else base
    for i in short:
        heights[i] = base - (base - floor) * given / spare
    return heights


def _draw_value(pdf, value: str, x: float, y: float, width: float, height: float,  # noqa: ANN001
                size: float) -> None:
    pdf.rect(x, y, width, height)
    if not value:
        return
    pdf.set_font_size(size)
    pad = pdf.c_margin
    text_size, lines, _ = _fit_value(pdf, value, width - 2 * pad, height, size)
    line_h = _line_h(text_size)
    pdf.set_font_size(text_size)
    top = y + (height - len(lines) * line_h) / 2
    for i, line in enumerate(lines):
        if line:
            pdf.text(x + pad, cell_baseline(pdf, top + i * line_h, line_h), line)


def _rule_lines(pdf, rule: str, width: float) -> list[str]:  # noqa: ANN001 - fpdf.FPDF, the rule's font set
    """The lines of the rule under a card, within a cell's padding either side and broken as the values are (行頭禁則:
    fpdf2's multi_cell started a line with 「。」): the same on every card of the file, broken once (multi_cell's
    layout of it, three times a card, was a quarter of a city's cards)."""
    laid_out = pdf.__dict__.setdefault("_card_rule_lines", {})
    key = (rule, width, pdf.font_family, pdf.font_size_pt)
    if key not in laid_out:
        laid_out[key] = _lines(pdf, rule, width - 2 * pdf.c_margin, pdf.font_size_pt)
    return laid_out[key]


def _grid(pdf, v: CardView, height: float, family: str, big: bool,  # noqa: ANN001
          rule: str) -> tuple[list[tuple[str, str]], list[float], float, float]:
    """The card's fields, each row's height, the label column's width and the values' type size."""
    width = pdf.w - pdf.l_margin - pdf.r_margin
    label_w = 52 if big else 46
    size = 15 if big else 11.5
    fields = card_fields(v)
    pdf.set_font(family, size=8)
    # The rule (long in disaster mode: who, when, why) wraps under the card; the grid above makes room for it.
    rule_lines = len(_rule_lines(pdf, rule, width)) if rule else 0
    rule_h = 4 * rule_lines + (1 if rule else 0)
    pdf.set_font(family, size=size)
    heights = _row_heights(pdf, [value for _, value in fields], width - label_w - 2 * pdf.c_margin,
                           height - (14 if big else 10) - rule_h, size)
    return fields, heights, label_w, size


def _fits(pdf, v: CardView, height: float, family: str, big: bool, rule: str) -> bool:  # noqa: ANN001
    """Whether every value of the card prints whole at MIN_TEXT_SIZE or larger in ``height`` mm."""
    fields, heights, label_w, size = _grid(pdf, v, height, family, big, rule)
    width = pdf.w - pdf.l_margin - pdf.r_margin - label_w - 2 * pdf.c_margin
    return not any(value and _fit_value(pdf, value, width, h, size)[2]
                   for (_, value), h in zip(fields, heights, strict=True))


def _draw_card(pdf, v: CardView, top: float, height: float, family: str, big: bool,  # noqa: ANN001, PLR0913
               rule: str = "") -> None:
    # Plain cells only (no markdown, no HTML): user text is printed as typed.
    left, width = pdf.l_margin, pdf.w - pdf.l_margin - pdf.r_margin
    fields, heights, label_w, size = _grid(pdf, v, height, family, big, rule)
    pdf.set_xy(left, top)
    pdf.set_font(family, size=22 if big else 16)
    pdf.cell(width * 0.6, 11 if big else 8, TITLE, new_x="RIGHT")
    pdf.set_font(family, size=11 if big else 9)
    pdf.cell(width * 0.4, 11 if big else 8, f"{v.town_name}　No.{v.map_number}", align="R",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(232, 232, 232)  # the labels'
    for (label, value), row_h in zip(fields, heights, strict=True):
        y = pdf.get_y()
        pdf.set_font_size(size * 0.8)
        pdf.rect(left, y, label_w, row_h, style="DF")
        pdf.text(left + pdf.c_margin, cell_baseline(pdf, y, row_h), label)
        _draw_value(pdf, value, left + label_w, y, width - label_w, row_h, size)
        pdf.set_xy(left, y + row_h)
    if rule:
        pdf.set_font(family, size=8)
        y = pdf.get_y()
        for i, line in enumerate(_rule_lines(pdf, rule, width)):
            if line:
                pdf.text(left + pdf.c_margin, cell_baseline(pdf, y + 4 * i, 4), line)


def write_cards_pdf(views: Sequence[CardView], path: Path, *, per_page: int = 1, rule: str = "") -> Path:
    """One card per A4 page (big type), or two per page with a cut line between them; ``rule``, the consent
    rule applied, is printed under every card."""
    from fpdf import FPDF

    if per_page not in PER_PAGE_CHOICES:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Print one or two cards per page."), where="per_page")
    pdf = FPDF(orientation="portrait", format="A4")
    family = add_japanese_font(pdf)
    pdf.set_title(TITLE)
    pdf.set_auto_page_break(False)
    margin = 12 if per_page == 1 else 9
    pdf.set_margins(margin, margin, margin)
    slot = (pdf.h - 2 * margin) / per_page
    if not views:
        pdf.add_page()  # an empty PDF is no file at all: print one blank card to fill in by hand
        if rule:  # broken as under a card (fpdf2's multi_cell started a line with 「。」)
            pdf.set_font(family, size=8)
            LineWrapper(pdf).paragraph(rule, pdf.w - pdf.l_margin - pdf.r_margin, 4)
    position = 0  # the place of the next card on the current page
    half = slot - 8  # a card of two per page, above its cut line

    def full_page(v: CardView, *, new_page: bool = True) -> None:
        if new_page:
            pdf.add_page()
        _draw_card(pdf, v, margin, pdf.h - 2 * margin, family, big=True, rule=rule)

    # At two per page, a card whose notes would not print whole at a readable size grows to a page of its own.
    # Each card goes to the first place it fits, in the order asked. A full-page card that comes when the top
    # half of a page is taken waits: the next half-page card fills the bottom half, then the waiting full-page
    # card(s) follow on pages of their own, in their order, then the rest. Before, the bottom half was left blank
    # (paper wasted and, once the sheets are cut, an empty card in the pile). The order moves by that one step
    # only: a half-page card comes ahead of the full-page cards just before it, never ahead of another half-page
    # card, so a welfare officer going through the cut pile in list order (by 地図番号, 「No.」 on every card)
    # finds each card where the list has it or one place further.
    waiting: list[CardView] = []  # full-page cards waiting for the bottom half of the page to be filled
    for v in views:
        if pdf.page == 0:
            pdf.add_page()  # the text is measured on a page
        if per_page > 1 and not _fits(pdf, v, half, family, False, rule):
            if position == 1:
                waiting.append(v)
            else:
                full_page(v, new_page=position > 0)  # position 0: the first page, still empty
                position = per_page
            continue
        if position >= per_page:
            pdf.add_page()
            position = 0
        top = margin + position * slot
        _draw_card(pdf, v, top, half if per_page > 1 else slot, family, big=per_page == 1, rule=rule)
        position += 1
        if per_page > 1 and position < per_page:
            cut = top + slot - 2
            pdf.set_dash_pattern(dash=2, gap=2)
            pdf.line(0, cut, pdf.w, cut)
            pdf.set_dash_pattern()
            pdf.set_font(family, size=8)
            pdf.set_xy(margin, cut - 4)
            pdf.cell(0, 4, "－－ 切り取り線 －－", align="C")
        if position >= per_page and waiting:
            for w in waiting:
                full_page(w)
            waiting.clear()
    for w in waiting:  # no half-page card came after them: the last page's bottom half stays empty
        full_page(w)
    path = Path(path)
    pdf.output(str(path))
    return path


# ---------------------------------------------------------------- Excel


XLSX_LABEL_WIDTH, XLSX_VALUE_WIDTH = 24, 56  # Excel characters
XLSX_VALUE_PT, XLSX_LONG_PT, XLSX_RULE_PT = 15, 11, 9  # a value, a value too long for one line, the rule
XLSX_ROW_PT = 27  # a row's height: one line of a value in 15 pt, with room to write by hand
XLSX_LINE_PT = 16  # a line of a long value (11 pt) in Noto Sans CJK, LibreOffice's face where BIZ UDゴシック is missing
XLSX_TITLE_PT, XLSX_GAP_PT = 34, 15  # the card's title row; the empty row above a card (the sheet's default)
# The smallest print scale (%) the cards are shrunk to so that the tallest fits its page: a long value's 11 pt
# then prints at 7 pt, the PDF's smallest (MIN_TEXT_SIZE); a card taller still continues on a second page.
XLSX_LEAST_SCALE = 64


def _styles() -> dict[str, NamedStyle]:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    _thin = Side(style="thin", color="000000")
    _box = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
    return {
        "カード 表題": NamedStyle(font=Font(name=FONT_NAME, size=20, bold=True)),
        "カード 町名": NamedStyle(font=Font(name=FONT_NAME, size=12),
                               alignment=Alignment(horizontal="right", vertical="bottom")),
        "カード 項目": NamedStyle(font=Font(name=FONT_NAME, size=12), fill=PatternFill("solid", fgColor="E8E8E8"),
                               border=_box, alignment=Alignment(vertical="center")),
        "カード 記入": NamedStyle(font=Font(name=FONT_NAME, size=XLSX_VALUE_PT), border=_box,
                               alignment=Alignment(vertical="center", wrap_text=True, shrink_to_fit=False)),
        "カード 記入 長文": NamedStyle(font=Font(name=FONT_NAME, size=XLSX_LONG_PT), border=_box,
                                 alignment=Alignment(vertical="center", wrap_text=True, shrink_to_fit=False)),
        "カード 表示ルール": NamedStyle(font=Font(name=FONT_NAME, size=XLSX_RULE_PT),
                                  alignment=Alignment(vertical="top", wrap_text=True)),
    }


def write_cards_xlsx(views: Sequence[CardView], path: Path, *, rule: str = "", serial: str = "") -> Path:
    """One card per printed A4 page, each a block of label/value rows on one sheet (streamed, write-only);
    ``rule``, the consent rule applied, is printed under every card, beside the copy's ``serial``.

    Each card ends in a manual page break, and the sheet prints at a fixed scale at which the tallest card fits
    its page (``print_scale``), not fitted to the page: Excel ignores manual page breaks under fit-to-page, and
    the cards ran on from one page into the next. A card too tall even at ``XLSX_LEAST_SCALE`` continues on
    the next page, and the next card still starts a page of its own."""
    from openpyxl import Workbook
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, _styles())
    cell = styles.cell
    ws = wb.create_sheet(TITLE)
    ws.column_dimensions["A"].width = XLSX_LABEL_WIDTH
    ws.column_dimensions["B"].width = XLSX_VALUE_WIDTH
    # The rule and the copy's serial under the card, wrapped in the value column (the label column is too
    # narrow: a rule there was cut off by the serial beside it); long texts broken by 行頭禁則 (kinsoku_breaks).
    footer = kinsoku_breaks("　".join(x for x in (rule, serial_line(serial) if serial else "") if x),
                            XLSX_VALUE_WIDTH, size=XLSX_RULE_PT)
    footer_height = 2 + 12 * wrapped_lines(footer, XLSX_VALUE_WIDTH, size=XLSX_RULE_PT)
    row = 1
    tallest = 0.0  # points: the tallest page laid out (a card, the empty row above it and its rule)
    for v in views:
        height = XLSX_GAP_PT + XLSX_TITLE_PT
        ws.row_dimensions[row].height = XLSX_TITLE_PT
        ws.append([cell(ws, TITLE, "カード 表題"), cell(ws, f"{v.town_name}　No.{v.map_number}", "カード 町名")])
        row += 1
        for label, value in card_fields(v):
            # A value too long for one line is set smaller and its row made tall enough for every line,
            # so a long address or medical note is printed whole, not cut at the row's edge.
            long = wrapped_lines(value, XLSX_VALUE_WIDTH, size=XLSX_VALUE_PT) > 1
            if long:
                value = kinsoku_breaks(value, XLSX_VALUE_WIDTH, size=XLSX_LONG_PT)  # noqa: PLW2901 - as the cell holds it
            lines = wrapped_lines(value, XLSX_VALUE_WIDTH, size=XLSX_LONG_PT) if long else 1
            ws.row_dimensions[row].height = max(XLSX_ROW_PT, 4 + XLSX_LINE_PT * lines)
            height += ws.row_dimensions[row].height
            ws.append([cell(ws, label, "カード 項目"), cell(ws, value, "カード 記入 長文" if long else "カード 記入")])
            row += 1
        if footer:
            ws.row_dimensions[row].height = footer_height
            height += footer_height
            ws.append([None, cell(ws, footer, "カード 表示ルール")])
            row += 1
        ws.row_breaks.append(Break(id=row - 1))
        ws.append([])  # the top of the next card's page (XLSX_GAP_PT)
        row += 1
        tallest = max(tallest, height)
    if not views and footer:
        ws.row_dimensions[row].height = footer_height
        ws.append([None, cell(ws, footer, "カード 表示ルール")])
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    print_scale(ws, column_points(XLSX_LABEL_WIDTH + XLSX_VALUE_WIDTH), tallest, least=XLSX_LEAST_SCALE)
    ws.print_options.horizontalCentered = True
    path = Path(path)
    wb.save(path)
    return path


def export_cards(
    session: Session, town_id: uuid.UUID, path: Path, *, person_ids: Sequence[uuid.UUID] | None = None,
    per_page: int = 1, order: str = SortOrder.MAP_NUMBER, audience: Audience = DEFAULT_AUDIENCE,
    sharing: SharingContext | None = None,
) -> Path:
    """Write cards to ``path``: .pdf or .xlsx by its suffix (the CLI's export-cards).

    ``audience`` decides who is printed by name (default: the 民生児童委員 and the person's watchers);
    ``sharing`` the mode (the ledger's current one when not given). The copy is registered in the printed
    copies ledger (``session`` must be committed by the caller) and its serial printed under every card.
    """
    path = Path(path)
    audience = as_audience(audience)
    sharing = current_sharing(session) if sharing is None else sharing
    views = cards_for(session, town_id, person_ids, order=order, audience=audience, sharing=sharing)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Save the cards as .pdf or .xlsx."), where=path.name)
    serial = register_copies(session, paper="emergency_cards", audience=audience, town_id=town_id,
                             town_name=towns.get_town(session, town_id).name, sharing=sharing, file_name=path.name)
    rule = rule_line(audience, sharing)
    if suffix == ".pdf":
        return write_cards_pdf(views, path, per_page=per_page, rule=f"{rule}　{serial_line(serial)}")
    return write_cards_xlsx(views, path, rule=rule, serial=serial)
