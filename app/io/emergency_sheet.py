"""The town's 緊急連絡表 (emergency contact sheet): one row per person needing support, in Excel and PDF.

A4 landscape, header row on every page, fitted to the page width, town name, date and page x / y.
Medical notes stay off the sheet (it is passed around) unless the caller asks for them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties
from sqlalchemy.orm import Session

from app.io.pdf_fonts import add_japanese_font
from app.io.sheets import write_text
from app.services import emergency, towns
from app.services.emergency import SortOrder
from app.services.emergency_views import CardView
from app.services.errors import QT_TRANSLATE_NOOP, LedgerError
from app.services.wareki import to_wareki

TITLE = "緊急連絡表"
FONT_NAME = "BIZ UDゴシック"  # Excel picks a fallback where it is not installed
HEADERS = ("番号", "氏名", "ふりがな", "住所", "TEL", "緊急連絡先", "かかりつけ医", "ケアマネジャー",
           "地域包括支援センター", "見守り者", "備考")
# Column widths in Excel characters and in PDF millimetres (277 mm = A4 landscape less 10 mm margins).
XLSX_WIDTHS = (6, 14, 14, 22, 13, 30, 20, 22, 20, 16, 26)
PDF_WIDTHS = (9, 26, 24, 26, 27, 37, 27, 28, 28, 22, 23)
HEADER_ROW = 3
MEDICAL_LABEL = "医療メモ"


@dataclass(frozen=True)
class SheetData:
    town: str
    district: str
    printed_on: date
    rows: list[tuple[str, ...]]  # one per person, in HEADERS order, every value a string ("" when unknown)
    person_ids: list[uuid.UUID]


def _agency_line(name: str, phone: str) -> str:
    return "\n".join(x for x in (name, phone) if x)


def sheet_row(v: CardView, *, include_medical: bool = False) -> tuple[str, ...]:
    contacts = "\n".join(
        f"{c.priority}. {c.name}" + (f"（{c.relationship}）" if c.relationship else "") + (f" {c.phone}" if c.phone else "")
        for c in v.contacts
    )
    care = "\n".join(x for x in (v.care_manager_name, v.care_office.name if v.care_office else "",
                                  v.care_office.phone if v.care_office else "") if x)
    centre = _agency_line(v.support_centre.name, v.support_centre.phone) if v.support_centre else ""
    notes = [v.care_level, v.note]
    if v.shelter.label:
        notes.append(f"避難所: {v.shelter.label}")
    if include_medical and v.medical_notes:
        notes.append(f"{MEDICAL_LABEL}: {v.medical_notes}")
    if not v.has_card:
        notes.append("カード未作成")
    return (
        str(v.map_number), v.person.name, v.person.kana, v.address, v.person.phone, contacts,
        _agency_line(v.family_doctor_label, v.family_doctor_phone), care, centre, "\n".join(v.watchers),
        "\n".join(x for x in notes if x),
    )


def sheet_data(
    session: Session, town_id: uuid.UUID, *, order: str = SortOrder.KANA, include_medical: bool = False,
    printed_on: date | None = None,
) -> SheetData:
    if order not in (SortOrder.KANA, SortOrder.MAP_NUMBER):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Sort by kana or by map number."), where="order")
    town = towns.get_town(session, town_id)
    views = emergency.list_cards(session, town_id, order=order)
    return SheetData(town.name, town.district_name, printed_on or date.today(),
                     [sheet_row(v, include_medical=include_medical) for v in views], [v.person.id for v in views])


# ---------------------------------------------------------------- Excel


def write_xlsx(data: SheetData, path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws["A1"] = f"{TITLE}　{data.district} {data.town}"
    ws["A1"].font = Font(name=FONT_NAME, size=16, bold=True)
    ws["A2"] = f"作成日 {to_wareki(data.printed_on)}（{data.printed_on.isoformat()}）　{len(data.rows)} 名"
    ws["A2"].font = Font(name=FONT_NAME, size=11)
    for col, (title, width) in enumerate(zip(HEADERS, XLSX_WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, title)
        cell.font = Font(name=FONT_NAME, size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor="E4E4E4")
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[cell.column_letter].width = width
    for r, row in enumerate(data.rows, start=HEADER_ROW + 1):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(r, col)
            write_text(cell, value)  # names or notes starting with = + - @ stay text
            cell.font = Font(name=FONT_NAME, size=10.5)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if col == 1 else None)
        lines = max(v.count("\n") + 1 for v in row)
        ws.row_dimensions[r].height = max(30, 15 * lines)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    font = f'&"{FONT_NAME},標準"'
    ws.oddHeader.left.text = f"{font}{TITLE}　{data.district} {data.town}"
    ws.oddHeader.right.text = f"{font}作成日 {data.printed_on:%Y/%m/%d}"
    ws.oddFooter.center.text = f"{font}&P / &N ページ"
    ws.oddFooter.right.text = f"{font}取り扱い注意（個人情報）"
    path = Path(path)
    wb.save(path)
    return path


# ---------------------------------------------------------------- PDF


def _pdf_class():  # noqa: ANN202 - fpdf is imported late: only PDF output needs it
    from fpdf import FPDF

    class SheetPDF(FPDF):
        heading = ""
        printed = ""
        family = "jp"

        def header(self) -> None:
            self.set_font(self.family, size=12)
            self.cell(0, 7, self.heading, align="L")
            self.set_x(self.l_margin)
            self.cell(0, 7, self.printed, align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(1)

        def footer(self) -> None:
            self.set_y(-10)
            self.set_font(self.family, size=10)
            self.cell(0, 6, f"{self.page_no()} / {{nb}} ページ", align="C")
            self.set_x(self.l_margin)
            self.cell(0, 6, "取り扱い注意（個人情報）", align="R")

    return SheetPDF


def write_pdf(data: SheetData, path: Path) -> Path:
    from fpdf.enums import TableCellFillMode
    from fpdf.fonts import FontFace

    pdf = _pdf_class()(orientation="landscape", format="A4")
    pdf.family = add_japanese_font(pdf)
    pdf.heading = f"{TITLE}　{data.district} {data.town}（{len(data.rows)} 名）"
    pdf.printed = f"作成日 {to_wareki(data.printed_on)}"
    pdf.set_title(f"{TITLE} {data.town}")
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(True, margin=14)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(pdf.family, size=9.5)
    with pdf.table(
        col_widths=PDF_WIDTHS, line_height=4.6, text_align="LEFT", first_row_as_headings=True,
        headings_style=FontFace(emphasis="", fill_color=(228, 228, 228)),
        cell_fill_mode=TableCellFillMode.ROWS, cell_fill_color=(247, 247, 247), padding=1,
    ) as table:
        table.row(HEADERS)
        for row in data.rows:
            table.row(row)
    path = Path(path)
    pdf.output(str(path))
    return path


def export_sheet(
    session: Session, town_id: uuid.UUID, path: Path, *, order: str = SortOrder.KANA, include_medical: bool = False,
    printed_on: date | None = None,
) -> Path:
    """Write the town's sheet to ``path``: .xlsx or .pdf by its suffix (the CLI's export-contacts)."""
    path = Path(path)
    data = sheet_data(session, town_id, order=order, include_medical=include_medical, printed_on=printed_on)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(data, path)
    if suffix == ".pdf":
        return write_pdf(data, path)
    raise LedgerError(QT_TRANSLATE_NOOP("errors", "Save the sheet as .xlsx or .pdf."), where=path.name)
