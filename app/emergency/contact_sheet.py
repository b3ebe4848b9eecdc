"""The town's 緊急連絡表 (emergency contact sheet): one row per person needing support, in Excel and PDF.

A4 landscape, header row on every page, fitted to the page width, town name, date and page x / y.
Medical notes stay off the sheet (it is passed around) unless the caller asks for them.

Who receives it: the town's 区長 and 民生児童委員 keep it for emergencies, so the default audience is
``Audience.WATCHERS``: a person who did not consent to sharing with watchers and the welfare
commissioner is printed as 「（匿名）」 with only the map number, the area's support centre, shelter and
watchers; the rule applied is printed under the title on every page (app/privacy/masking.py).
Pass ``Audience.AGENCIES`` for the copy handed to the 地域包括支援センター, ``Audience.STAFF`` for the
council's own copy (everything shown, and the sheet says so).
"""

from __future__ import annotations

import functools
import uuid
import warnings
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.pdf_fonts import add_japanese_font
from app.core.sheet_rows import SheetRows, save_workbook
from app.core.sheets import FONT_NAME, SharedStyles, header_text, kinsoku_breaks, print_layout, wrapped_lines
from app.core.text import LineWrapper, cell_baseline, fold
from app.core.wareki import to_wareki
from app.emergency import cards as emergency
from app.emergency.card_rows import agency_rows, contacts_of, sheet_person_rows
from app.emergency.cards import SortOrder
from app.emergency.views import CardView
from app.models import District, Town, stored
from app.models.watch import Watcher, WatchLink
from app.models.writes import large_cache
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import Audience, as_audience, mask_fields, name_shown, rule_line
from app.privacy.sharing import NORMAL, SharingContext, current_sharing

if TYPE_CHECKING:
    from openpyxl.styles import NamedStyle

    from app.privacy.consent import ConsentView

TITLE = "緊急連絡表"
HEADERS = ("番号", "氏名", "ふりがな", "住所", "TEL", "緊急連絡先", "かかりつけ医", "ケアマネジャー",
           "地域包括支援センター", "見守り者", "備考")
NUMBER, TEL, CONTACTS, NOTES = (HEADERS.index(h) for h in ("番号", "TEL", "緊急連絡先", "備考"))
# Column widths in Excel characters and in PDF millimetres (277 mm = A4 landscape less 10 mm margins). Every
# heading fits its column on one line by ``wrapped_lines``' count (「地域包括支援センター」 takes 20 and a cell leaves
# one for its padding: at 20 a program could print 「…センタ」 / 「ー」). In the PDF a phone (0778-00-5106) fits its
# column whole (TEL, かかりつけ医), and 備考 (care level, shelter, medical note) takes the room the names can spare: at
# 23 mm its rows ran to eight lines and a page held three persons.
XLSX_WIDTHS = (6, 14, 14, 22, 13, 30, 20, 22, 22, 16, 26)
PDF_WIDTHS = (9, 24, 20, 26, 27, 37, 27, 26, 26, 20, 35)
# A wrapped line of a row's 10.5 pt text in points (Noto Sans CJK's line is 1.45 em, 15.2 pt: at 15 a row's last
# line touched its bottom border in LibreOffice's print), and the row's padding; two lines are the sheet's default.
XLSX_LINE_PT, XLSX_PADDING_PT = 16, 2
RULE_ROW = 3  # the consent rule applied, printed with the header row on every page
HEADER_ROW = 4
MEDICAL_LABEL = "医療メモ"
DEFAULT_AUDIENCE = Audience.WATCHERS


@dataclass(frozen=True)
class SheetData:
    town: str
    district: str
    printed_on: date
    rows: list[tuple[str, ...]]  # one per person, in HEADERS order, every value a string ("" when unknown)
    person_keys: list[str]  # the rows' persons, as their stored ids (hex text)
    audience: Audience = Audience.STAFF
    hidden: int = 0  # persons printed anonymously
    sharing: SharingContext = NORMAL  # the mode it was made under (app/privacy/sharing.py)
    serial: str = ""  # its number in the printed copies ledger (app/privacy/copies.py)

    @property
    def person_ids(self) -> list[uuid.UUID]:
        """The rows' persons: made when asked (the sheet itself prints none)."""
        return [uuid.UUID(hex=key) for key in self.person_keys]

    @property
    def rule(self) -> str:
        """The rule applied (and, in disaster mode, who switched it on, when, why), then the serial."""
        line = rule_line(self.audience, self.sharing)
        return f"{line}　{serial_line(self.serial)}" if self.serial else line


def _agency_line(name: str, phone: str) -> str:
    return "\n".join(x for x in (name, phone) if x)


def _row_of(f: dict[str, Any], include_medical: bool) -> tuple[str, ...]:
    """The sheet's row from a card's fields read as one flat dict (``card_fields``)."""
    contacts = "\n".join(
        f"{priority}. {name}" + (f"（{relationship}）" if relationship else "") + (f" {phone}" if phone else "")
        for priority, name, relationship, phone in f["contacts"]
    )
    office = f["care_office"]
    care = "\n".join(x for x in (f["care_manager_name"], office.name if office else "", office.phone if office else "")
                     if x)
    centre = f["support_centre"]
    doctor = f["family_doctor"]
    notes = [f["care_level"], f["note"]]
    if f["shelter"]:
        notes.append(f"避難所: {f['shelter']}")
    if include_medical and f["medical_notes"]:
        notes.append(f"{MEDICAL_LABEL}: {f['medical_notes']}")
    if not f["has_card"]:
        notes.append("カード未作成")
    return (
        str(f["map_number"]), f["name"], f["kana"], f["address"], f["phone"], contacts,
        _agency_line(doctor.name, doctor.phone) if doctor is not None else f["family_doctor_text"],
        care, _agency_line(centre.name, centre.phone) if centre else "", "\n".join(f["watchers"]),
        "\n".join(x for x in notes if x),
    )


def card_fields(v: CardView) -> dict[str, Any]:
    """What the sheet prints of a card view, as the flat dict ``_row_of`` reads (and ``mask_fields`` blanks)."""
    return {
        "map_number": v.map_number, "name": v.person.name, "kana": v.person.kana, "address": v.address,
        "phone": v.person.phone, "contacts": [(c.priority, c.name, c.relationship, c.phone) for c in v.contacts],
        "family_doctor": v.family_doctor, "family_doctor_text": v.family_doctor_text,
        "care_manager_name": v.care_manager_name, "care_office": v.care_office, "support_centre": v.support_centre,
        "care_level": v.care_level, "note": v.note, "shelter": v.shelter.label, "medical_notes": v.medical_notes,
        "has_card": v.has_card, "watchers": v.watchers,
    }


def sheet_row(v: CardView, *, include_medical: bool = False) -> tuple[str, ...]:
    return _row_of(card_fields(v), include_medical)


def sheet_data(
    session: Session, town_id: uuid.UUID, *, order: str = SortOrder.KANA, include_medical: bool = False,
    printed_on: date | None = None, audience: Audience = DEFAULT_AUDIENCE, sharing: SharingContext | None = None,
) -> SheetData:
    """The sheet's rows for ``audience`` under ``sharing`` (the ledger's current sharing mode when not given).

    The same rows as ``sheet_row`` of each of ``cards.list_cards``, masked where ``hidden_persons`` says so
    (tests/test_sheet_read.py compares them), read as plain rows: one query per kind of row (persons with their
    card and consent, contacts, agencies; the watchers and their links), the consent rule worked out once per kind
    of consent."""
    if order not in (SortOrder.KANA, SortOrder.MAP_NUMBER):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Sort by kana or by map number."), where="order")
    audience = as_audience(audience)
    town, district = _town_names(session, town_id)
    sharing = current_sharing(session) if sharing is None else sharing
    # The persons' households are read by key, scattered over the household table: SQLite's default cache
    # (8 MB) spilled and decrypted the same pages again at 150,000 households.
    with no_gc_pauses(), large_cache(session):
        persons = sheet_person_rows(session, town_id)
        contacts = contacts_of(session, {r.person_key for r in persons})
        watchers = _watcher_names(session, town_id, {r.person_key for r in persons if r.of_concern})
        agencies = agency_rows(session, {k for r in persons if r.has_card
                                         for k in (r.family_doctor_key, r.care_office_key, r.support_centre_key)})
        shelters = emergency.nearest_shelters(session, ((r.lat, r.lon) for r in persons))
        shown = name_shown(audience, sharing)
        # (sort key, map number, masked, fields, person key)
        entries = []
        for r in persons:
            key = r.person_key
            f = {
                "map_number": r.map_number, "name": r.name, "kana": r.kana, "address": r.address, "phone": r.phone,
                "contacts": [(c.priority, c.name, c.relationship, c.phone) for c in contacts.get(key, ())],
                "watchers": watchers.get(key, ()) if r.of_concern else (), "shelter": shelters[(r.lat, r.lon)].label,
                "has_card": r.has_card, "family_doctor": None, "family_doctor_text": "", "care_manager_name": "",
                "care_office": None, "support_centre": None, "care_level": "", "note": "", "medical_notes": "",
            }
            if r.has_card:
                f.update(family_doctor=agencies.get(r.family_doctor_key), family_doctor_text=r.family_doctor_text,
                         care_manager_name=r.care_manager_name, care_office=agencies.get(r.care_office_key),
                         support_centre=agencies.get(r.support_centre_key), care_level=r.care_level, note=r.note,
                         medical_notes=r.medical_notes)
            entries.append((r, key, f, not shown(cast("ConsentView", r))))  # the row has a ConsentView's columns
        if order == SortOrder.KANA:
            entries.sort(key=lambda e: _kana_key(e[0]))
            if any(e[3] for e in entries):
                # In 五十音 order an anonymous row's place would hint at the reading of the name: they go last
                # (in map-number order, which the map shows anyway).
                entries = [e for e in entries if not e[3]] + sorted((e for e in entries if e[3]),
                                                                    key=lambda e: e[0].map_number)
        rows = [_row_of(mask_fields(f) if masked else f, include_medical) for _, _, f, masked in entries]
        person_keys = [key for _, key, _, _ in entries]
    return SheetData(town, district, printed_on or date.today(), rows, person_keys, audience,
                     sum(1 for e in entries if e[3]), sharing)


def _town_names(session: Session, town_id: uuid.UUID) -> tuple[str, str]:
    """(town name, district name): all the sheet prints of its town (``towns.get_town`` also counts the town's
    households: 37 ms at 150,000)."""
    found = session.execute(select(Town.name, District.name).join(District, District.id == Town.district_id)
                            .where(Town.id == town_id)).first()
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    return found[0], found[1]



def _watcher_names(session: Session, town_id: uuid.UUID, person_keys: set[str]) -> dict[str, tuple[str, ...]]:
    """The names of the live watchers of the town linked to each of ``person_keys`` (stored ids), in form
    order (sort order, then when linked).

    The live links are read in one pass over the link table, and the town's watchers by their index: reading
    the links through the watchers' index visits each link's row by key, all over the table (at 150,000
    households, 25,000 links: 0.34 s against 0.03 s)."""
    if not person_keys:
        return {}
    names = {key: name for key, name in session.execute(
        select(stored(Watcher.id), Watcher.name).where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None)))}
    links = [(person, order, linked, names[watcher]) for person, watcher, order, linked in session.execute(
        select(stored(WatchLink.person_id), stored(WatchLink.watcher_id), WatchLink.sort_order, stored(WatchLink.created_at))
        .where(WatchLink.deleted_at.is_(None))) if person in person_keys and watcher in names]
    links.sort(key=lambda x: x[:3])
    found: dict[str, list[str]] = {}
    for person, _, _, name in links:
        found.setdefault(person, []).append(name)
    return {key: tuple(found_names) for key, found_names in found.items()}


def _kana_key(r) -> tuple:  # noqa: ANN001 - a row of sheet_person_rows
    """``cards.kana_key`` of the row's person: folded kana, persons without kana last, then map number."""
    kana = fold(r.kana)
    return (kana == "", kana or fold(r.name), r.map_number)


# ---------------------------------------------------------------- Excel

def _styles() -> dict[str, NamedStyle]:
    # Named styles shared by every cell: one style-table entry each, however many rows the town has.
    # openpyxl is imported when a sheet is written, not when the app starts (issue 17).
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    _thin = Side(style="thin", color="000000")
    _box = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
    return {
        "緊急連絡表 見出し": NamedStyle(font=Font(name=FONT_NAME, size=16, bold=True)),
        "緊急連絡表 文字": NamedStyle(font=Font(name=FONT_NAME, size=11)),
        "緊急連絡表 表示ルール": NamedStyle(font=Font(name=FONT_NAME, size=11, bold=True)),
        "緊急連絡表 列名": NamedStyle(font=Font(name=FONT_NAME, size=11, bold=True),
                                  fill=PatternFill("solid", fgColor="E4E4E4"), border=_box,
                                  alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
        "緊急連絡表 欄": NamedStyle(font=Font(name=FONT_NAME, size=10.5), border=_box,
                                 alignment=Alignment(vertical="top", wrap_text=True)),
        "緊急連絡表 番号": NamedStyle(font=Font(name=FONT_NAME, size=10.5), border=_box,
                                  alignment=Alignment(vertical="top", wrap_text=True, horizontal="center")),
    }


TEXTS_KEPT = 2048  # cells' texts whose line breaks and count a sheet keeps while it is written


def write_xlsx(data: SheetData, path: Path) -> Path:
    """Stream the sheet: its rows written as XML text (app/core/sheet_rows.py), everything else by openpyxl's
    write-only mode, in named styles; time and memory grow only with the rows."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    styles = SharedStyles(wb, _styles())
    ws = wb.create_sheet(TITLE)
    # A map number is never cut in two: a core city's 「150000」 printed as 「15000」 over 「0」 at 6 characters (the
    # page is fitted to its width: the other columns stay as they are).
    widths = (max(XLSX_WIDTHS[NUMBER], max((len(r[NUMBER]) for r in data.rows), default=0) + 2), *XLSX_WIDTHS[1:])
    # Column widths, frozen panes and fit-to-page are written before the first row in write-only mode.
    print_layout(ws, widths, title_rows=f"{RULE_ROW}:{HEADER_ROW}")
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.sheet_format.defaultRowHeight = 2 * XLSX_LINE_PT + XLSX_PADDING_PT  # a row of one or two lines
    ws.sheet_format.customHeight = True

    rows = SheetRows(ws, styles)
    rows.append([f"{TITLE}　{data.district} {data.town}"], ["緊急連絡表 見出し"], 24)
    rows.append([f"作成日 {to_wareki(data.printed_on)}（{data.printed_on.isoformat()}）　{len(data.rows)} 名"],
                ["緊急連絡表 文字"], 16)
    rows.append([data.rule], ["緊急連絡表 表示ルール"], 16)
    rows.append(HEADERS, ["緊急連絡表 列名"] * len(HEADERS), 30)
    styles_of = ["緊急連絡表 番号"] + ["緊急連絡表 欄"] * (len(HEADERS) - 1)
    # A text met again (a support centre's name and phone on a thousand rows) is broken and counted once: for this
    # sheet only (its texts are not kept after it), and the last few thousand only (memory stays flat).
    breaks, wrapped = functools.lru_cache(TEXTS_KEPT)(kinsoku_breaks), functools.lru_cache(TEXTS_KEPT)(wrapped_lines)
    for row in data.rows:
        row = tuple(map(breaks, row, widths))  # noqa: PLW2901 - the row as the sheet holds it
        # Lines as wrapped in each column, not only the typed ones: a support centre's phone under its long
        # name, or a medical note, was cut off at the row's bottom edge.
        lines = max(map(wrapped, row, widths))
        # Two lines fit the sheet's default height; names or notes starting with = + - @ stay text.
        rows.append(row, styles_of, XLSX_LINE_PT * lines + XLSX_PADDING_PT if lines > 2 else None)
    ws.print_options.horizontalCentered = True
    font = f'&"{FONT_NAME},標準"'
    ws.oddHeader.left.text = f"{font}{TITLE}　{header_text(data.district)} {header_text(data.town)}"
    ws.oddHeader.right.text = f"{font}作成日 {to_wareki(data.printed_on)}"  # 和暦, as the sheet and its PDF
    if data.serial:
        ws.oddHeader.center.text = f"{font}{serial_line(data.serial)}"
    ws.oddFooter.center.text = f"{font}&P / &N ページ"
    ws.oddFooter.right.text = f"{font}取り扱い注意（個人情報）"
    return save_workbook(wb, path, [rows])


# ---------------------------------------------------------------- PDF


def _pdf_class():  # noqa: ANN202 - fpdf is imported late: only PDF output needs it
    from fpdf import FPDF

    class SheetPDF(FPDF):
        """The page's header and footer drawn as plain text at places worked out once (fpdf2's cells measure and
        lay out their text again on every page: a third of a city's sheet); user text is printed as typed."""

        heading = ""
        printed = ""
        rule = ""
        family = "jp"
        _rule_lines: list[str] | None = None

        def header(self) -> None:
            inner = self.w - self.l_margin - self.r_margin
            top = self.get_y()
            self.set_font(self.family, size=12)
            baseline = cell_baseline(self, top, 7)
            self.text(self.l_margin + self.c_margin, baseline, self.heading)
            self.text(self.l_margin + inner - self.c_margin - self.get_string_width(self.printed), baseline,
                      self.printed)
            self.set_font(self.family, size=9.5)
            if self._rule_lines is None:  # long in disaster mode: wrapped once
                self._rule_lines = LineWrapper(self).lines(self.rule, inner - 2 * self.c_margin)
            for n, line in enumerate(self._rule_lines):
                if line:
                    self.text(self.l_margin + self.c_margin, cell_baseline(self, top + 7 + 5 * n, 5), line)
            self.set_xy(self.l_margin, top + 7 + 5 * len(self._rule_lines) + 1)

        def footer(self) -> None:
            inner = self.w - self.l_margin - self.r_margin
            self.set_font(self.family, size=10)
            baseline = cell_baseline(self, self.h - 10, 6)
            self.set_y(-10)
            self.cell(0, 6, f"{self.page_no()} / {{nb}} ページ", align="C")  # a cell: fpdf2 fills in {nb} there only
            self.text(self.l_margin + inner - self.c_margin - self.get_string_width(HANDLE_WITH_CARE), baseline,
                      HANDLE_WITH_CARE)

    return SheetPDF


HANDLE_WITH_CARE = "取り扱い注意（個人情報）"
PDF_LINE, PDF_PADDING, PDF_SIZE = 4.6, 1.0, 9.5  # mm, mm, pt
HEADING_FILL, ROW_FILL = (228, 228, 228), (247, 247, 247)  # the column names; every other row


def pdf_widths(wrapper: LineWrapper, rows: list[tuple[str, ...]]) -> tuple[float, ...]:
    """``PDF_WIDTHS``, the number column widened to the sheet's longest map number: a number is never cut in two (at
    9 mm 「41679」 printed as 「416」 over 「79」 from 10,000 households on). The room comes first from the TEL column,
    down to its longest phone, then from 緊急連絡先 and 備考 alike (at 50,000 households: 27 more pages of 1,029 if 備考
    alone gave it)."""

    def room(column: int) -> float:  # what the column's longest line takes, with its padding (and a rounding's)
        lines = {line for r in rows for line in r[column].split("\n")}
        return max(map(wrapper.width, lines), default=0.0) + 2 * PDF_PADDING + 0.1

    widths: list[float] = list(PDF_WIDTHS)
    more = room(NUMBER) - widths[NUMBER]
    if more <= 0:
        return PDF_WIDTHS
    widths[NUMBER] += more
    spare = min(more, max(0.0, widths[TEL] - room(TEL)))
    widths[TEL] -= spare
    for column in (CONTACTS, NOTES):
        widths[column] -= (more - spare) / 2
    return tuple(widths)


class _Table:
    """The sheet's table, drawn row by row with fpdf2's boxes, lines and text: the font set once, one fill and one
    line a row; the column lines and the frame once a page (fpdf2's own table lays out and measures every cell
    twice: about 10 s for a city's sheet). Plain text only, no markdown: what was typed is printed as typed."""

    def __init__(self, pdf, rows: list[tuple[str, ...]]) -> None:  # noqa: ANN001 - fpdf.FPDF, the body font set
        self.pdf, self.wrapper, self.top = pdf, LineWrapper(pdf), pdf.get_y()
        self.widths = widths = pdf_widths(self.wrapper, rows)
        self.inner = [w - 2 * PDF_PADDING for w in widths]  # the text's room in each column
        self.right = pdf.l_margin + sum(widths)

    def _close_page(self) -> None:
        """The frame and the column lines from the column names down to the last row of the page."""
        pdf, bottom = self.pdf, self.pdf.get_y()
        pdf.line(pdf.l_margin, bottom, self.right, bottom)
        x = pdf.l_margin
        for width in (0, *self.widths):
            x += width
            pdf.line(x, self.top, x, bottom)

    def row(self, cells: tuple[str, ...], fill: tuple[int, int, int] | None) -> None:
        """One row at the current position; a row that no longer fits goes to the next page, under the column
        names again."""
        pdf = self.pdf
        lines = [self.wrapper.lines(text, width) for text, width in zip(cells, self.inner, strict=True)]
        height = max(len(x) for x in lines) * PDF_LINE + 2 * PDF_PADDING
        if pdf.get_y() + height > pdf.page_break_trigger and cells is not HEADERS:
            self.close()
            pdf.add_page()
            self.top = pdf.get_y()
            self.row(HEADERS, HEADING_FILL)
        x, y = pdf.l_margin, pdf.get_y()
        if fill is not None:
            pdf.set_fill_color(*fill)
            pdf.rect(x, y, self.right - x, height, style="F")
            pdf.set_fill_color(0)  # as the text: fpdf2 wraps each text in a colour change when they differ
        pdf.line(x, y, self.right, y)
        baseline = y + PDF_PADDING + 0.8 * pdf.font_size
        for width, cell_lines in zip(self.widths, lines, strict=True):
            for n, line in enumerate(cell_lines):
                if line:
                    pdf.text(x + PDF_PADDING, baseline + PDF_LINE * n, line)
            x += width
        pdf.set_y(y + height)

    def close(self) -> None:
        self._close_page()


def write_pdf(data: SheetData, path: Path) -> Path:
    """The sheet as a PDF table: the column names on every page, every other row shaded, cells wrapped to
    their column (A4 landscape). Drawn with fpdf2's boxes and text directly, the font set once."""
    pdf = _pdf_class()(orientation="landscape", format="A4")
    pdf.family = add_japanese_font(pdf)
    pdf.heading = f"{TITLE}　{data.district} {data.town}（{len(data.rows)} 名）"
    pdf.printed = f"作成日 {to_wareki(data.printed_on)}"
    pdf.rule = data.rule
    pdf.set_title(f"{TITLE} {data.town}")
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(True, margin=14)
    pdf.alias_nb_pages()
    pdf.set_line_width(0.2)
    pdf.add_page()
    pdf.set_font(pdf.family, size=PDF_SIZE)
    table = _Table(pdf, data.rows)
    with no_gc_pauses():  # fpdf2 makes tens of thousands of small objects for a city's sheet, none in a cycle
        table.row(HEADERS, HEADING_FILL)
        for n, row in enumerate(data.rows):
            table.row(row, ROW_FILL if n % 2 == 0 else None)
        table.close()
        path = Path(path)
        with warnings.catch_warnings():
            # From 1,000 pages on the count is wider than the 「{nb}」 its place was measured by: fpdf2 still prints it
            # whole (only the footer's centring is off by a digit), and says so in a warning meant for programmers.
            warnings.filterwarnings("ignore", "The total page count", UserWarning)
            pdf.output(str(path))
    return path


def export_sheet(
    session: Session, town_id: uuid.UUID, path: Path, *, order: str = SortOrder.KANA, include_medical: bool = False,
    printed_on: date | None = None, audience: Audience = DEFAULT_AUDIENCE, sharing: SharingContext | None = None,
) -> Path:
    """Write the town's sheet to ``path``: .xlsx or .pdf by its suffix (the CLI's export-contacts).

    ``audience`` decides who is printed by name (default: the town's 区長 and 民生児童委員); ``sharing`` the
    mode (the ledger's current one when not given). The copy is registered in the printed copies ledger
    (``session`` must be committed by the caller) and its serial printed on every page.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Save the sheet as .xlsx or .pdf."), where=path.name)
    # The rows read are written while the collector is still paused: let go between the two, it went through all
    # of them (and, in a long-running app, through everything else it holds) as the workbook was begun.
    with no_gc_pauses():
        data = sheet_data(session, town_id, order=order, include_medical=include_medical, printed_on=printed_on,
                          audience=audience, sharing=sharing)
        # A paper with names: counted out in the printed copies ledger.
        data = replace(data, serial=register_copies(
            session, paper="emergency_sheet", audience=data.audience, town_id=town_id, town_name=data.town,
            sharing=data.sharing, file_name=path.name))
        return write_xlsx(data, path) if suffix == ".xlsx" else write_pdf(data, path)
