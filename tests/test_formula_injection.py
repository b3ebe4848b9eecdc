"""Every Excel and CSV export keeps user text as text: nothing a volunteer typed ever runs as a formula.

Text starting with = + - @ (also after leading spaces), a tab or a carriage return is what Excel and
LibreOffice may take for a formula (OWASP "CSV injection"). In .xlsx it is written as a string cell with
quotePrefix set (shown and edited as text); in .csv it gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.core.sheets import SharedStyles, looks_like_formula, write_text
from app.core.views import HouseholdFields, PersonFields
from app.emergency import cards as emergency
from app.emergency.card_pdf import export_cards
from app.emergency.contact_sheet import export_sheet
from app.emergency.views import AgencyFields, CardFields, ContactFields
from app.households import households
from app.meeting.overview import overview
from app.meeting.overview_excel import export_overview_xlsx
from app.models import HouseholdCategory, Operator, Person
from app.models.watch import Watcher, WatchLink
from app.privacy import audit
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields
from app.watch.watch_form import export_form
from tests.office_print import needs_libreoffice, printed

DAY = date(2026, 11, 27)
LINK = '=HYPERLINK("http://x.invalid","click")'
PLUS, MINUS, AT, TAB = "+1+1", "-2+3", "@SUM(A1)", "\t=1+1"


@pytest.fixture
def hostile(ledger):
    """GIVEN a ledger whose every printed text starts like a formula: town, district and category names,
    persons, watchers, involvement, card fields, contacts, agencies and the operator of the audit log."""
    ledger.operator = Operator(LINK, PLUS)  # the name the audit log prints beside each change
    with ledger.Session.begin() as s:
        town = towns.create_town(s, MINUS + "地区", AT + "町")
        s.add(HouseholdCategory(code="formula", label="=1+1", color="#336699", shape="circle", letter="F",
                                priority=200))
        h1 = households.add_household(s, town.id, None, HouseholdFields(address=MINUS, category_codes=("formula",)))
        p1 = households.add_person(s, h1.id, PersonFields(LINK, kana=PLUS, phone="+1-555-0100", of_concern=True,
                                                          concerns=AT))
        h2 = households.add_household(s, town.id, None, HouseholdFields(address="@余川町2"))
        p2 = households.add_person(s, h2.id, PersonFields("二人目", phone="-", of_concern=True, concerns=PLUS))
        w1 = watch.add_watcher(s, town.id, WatcherFields(AT))
        w2 = watch.add_watcher(s, town.id, WatcherFields("二番目の見守り者"))
        watch.link_watcher(s, p1.id, w1.id, LinkFields("=1+1"))
        link2 = watch.link_watcher(s, p2.id, w2.id, LinkFields(MINUS))
        centre = emergency.add_agency(s, AgencyFields("community_support_centre", "=包括センター", phone="-"))
        office = emergency.add_agency(s, AgencyFields("home_care_support_office", "+居宅介護支援", phone="+81-778"))
        emergency.save_card(s, p1.id, CardFields(
            family_doctor_text=MINUS, care_level=PLUS, medical_notes=AT, care_manager_name=LINK,
            care_office_id=office.id, support_centre_id=centre.id, welfare_commissioner_name="=民生委員",
            welfare_commissioner_phone="+81-90-0000-0000", kept_at="@冷蔵庫", note=MINUS,
            made_on=DAY, review_on=DAY),
            [ContactFields("=長男", relationship="+子", phone="+81-3-0000-0000", address="@東京都")])
        # Text that reached the ledger another way (an older version, another laptop) may still start with a
        # tab: the services strip it, the exports must not count on that.
        s.get(Person, p2.id).name = TAB
        s.get(Watcher, w2.id).name = TAB
        s.get(WatchLink, link2.id).involvement = "\t+1+1"
        emergency.save_card(s, p2.id, CardFields(note=TAB))
    with ledger.Session() as s:
        stored = {(p.name, p.phone) for p in s.scalars(select(Person))}
    assert stored == {(LINK, "+1-555-0100"), (TAB, "-")}  # kept as entered: phones too
    return ledger, town.id


# ---------------------------------------------------------------- reading the files back


def cells(path: Path) -> list:
    wb = openpyxl.load_workbook(path)
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def assert_text_stays_text(path: Path, printed: set[str], *, alone: set[str] = frozenset()) -> None:
    """THEN no cell of the workbook is a formula; every text that looks like one is a string with quotePrefix;
    each of ``alone`` is the whole of some cell, as typed; each of ``printed`` is in some cell."""
    found = cells(path)
    assert found
    formulas = [c.coordinate for c in found if c.data_type == "f"]
    assert not formulas, f"{path.name}: formula cells {formulas}"
    risky = [c for c in found if isinstance(c.value, str) and looks_like_formula(c.value)]
    assert risky, f"{path.name}: the export printed none of the risky texts"
    for c in risky:
        assert c.data_type == "s" and c.quotePrefix, (path.name, c.coordinate, c.value)
    values = [c.value for c in found if isinstance(c.value, str)]
    for text in alone:
        matches = [c for c in found if c.value == text]
        assert matches, f"{path.name}: no cell holds exactly {text!r}"
        assert all(c.data_type == "s" and c.quotePrefix for c in matches), text
    for text in printed:
        assert any(text in v for v in values), f"{path.name}: {text!r} is not printed"


# ---------------------------------------------------------------- each export


def test_watch_form_keeps_names_addresses_phones_concerns_watchers_and_involvement_as_text(hostile, tmp_path):
    ledger, town_id = hostile
    with ledger.Session.begin() as s:
        path = export_form(s, town_id, tmp_path / "form.xlsx", audience=Audience.STAFF)
    alone = {LINK, PLUS, MINUS, AT, TAB, "-", "+1-555-0100", "=1+1", "\t+1+1", AT + "町"}
    assert_text_stays_text(path, alone, alone=alone)
    meta = openpyxl.load_workbook(path)["_sasaeai"]
    town_cells = [row[1] for row in meta.iter_rows() if row[0].value in ("town", "district")]
    assert [c.value for c in town_cells] == [AT + "町", MINUS + "地区"]
    assert all(c.data_type == "s" and c.quotePrefix for c in town_cells)


def test_emergency_contact_sheet_keeps_every_column_as_text(hostile, tmp_path):
    ledger, town_id = hostile
    with ledger.Session.begin() as s:
        path = export_sheet(s, town_id, tmp_path / "sheet.xlsx", printed_on=DAY, audience=Audience.STAFF)
    alone = {LINK, PLUS, MINUS, TAB, "-"}
    printed = alone | {"=長男", "+子", "=包括センター", "+居宅介護支援", AT + "町", MINUS + "地区"}
    assert_text_stays_text(path, printed, alone=alone)


def test_emergency_cards_in_excel_keep_every_field_as_text(hostile, tmp_path):
    ledger, town_id = hostile
    with ledger.Session.begin() as s:
        path = export_cards(s, town_id, tmp_path / "cards.xlsx", audience=Audience.STAFF)
    alone = {LINK, PLUS, MINUS, AT, TAB, "-", "=民生委員 +81-90-0000-0000", "+81-3-0000-0000", "@東京都",
             "@冷蔵庫", "=長男 （+子）", "=包括センター -", "+居宅介護支援 +81-778"}
    assert_text_stays_text(path, alone, alone=alone)


def test_overview_workbook_keeps_district_town_and_category_names_as_text(hostile, tmp_path):
    ledger, _town_id = hostile
    with ledger.Session() as s:
        ov = overview(s, today=DAY)
    path = export_overview_xlsx(ov, tmp_path / "overview.xlsx")
    alone = {MINUS + "地区", AT + "町", "=1+1"}
    assert_text_stays_text(path, alone, alone=alone)
    assert len([c for c in cells(path) if c.value == AT + "町"]) == 2  # the table and the chart's data


def test_audit_log_keeps_operator_names_labels_and_values_as_text_in_excel_and_csv(hostile, tmp_path):
    ledger, _town_id = hostile
    with ledger.Session() as s:
        rows = audit.list_audit(s)
    assert any(r.operator_name == LINK for r in rows) and any(r.new_value == TAB for r in rows)
    path = audit.export_audit_xlsx(rows, tmp_path / "log.xlsx")
    alone = {LINK, PLUS, MINUS, AT, TAB, "-"}
    assert_text_stays_text(path, alone, alone=alone)

    out = audit.export_audit_csv(rows, tmp_path / "log.csv")
    with open(out, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    texts = [c for line in table[1:] for c in line]
    for text in alone:
        assert "'" + text in texts, text  # the apostrophe OWASP advises; the text after it is as typed
    risky = [c for c in texts if looks_like_formula(c)]
    assert not risky, risky  # nothing left that a spreadsheet could run


# ---------------------------------------------------------------- the rule itself


@pytest.mark.parametrize(("text", "risky"), [
    (LINK, True), (PLUS, True), (MINUS, True), (AT, True), (TAB, True), ("\r=1+1", True), ("\tabc", True),
    ("  =1+1", True), ("\u3000+1", True), ("\n@x", True),  # after leading (also full-width) spaces
    ("-", True), ("+81-778", True),  # phones: still readable, written as text
    ("余川町1-2", False), ("0778-22-0055", False), ("a=b", False), ("", False), ("＝全角", False),
])
def test_which_texts_are_kept_from_becoming_formulas(text, risky):
    assert looks_like_formula(text) is risky


def test_both_cell_writers_keep_text_as_typed_and_clean_what_xml_cannot_carry(tmp_path):
    """GIVEN text with a carriage return or a control character pasted in WHEN written by write_text (normal
    workbooks) and SharedStyles.cell (write-only workbooks) THEN both read back alike: CR as a line break,
    the control character gone, formula-like text a string with quotePrefix, other text without it."""
    from openpyxl import Workbook
    from openpyxl.styles import NamedStyle

    texts = ["\r=1+1", "a\r\nb", "bell\x07" + PLUS, PLUS, "普通の文字", "0778-22-0055"]
    expected = ["\n=1+1", "a\nb", "bell" + PLUS, PLUS, "普通の文字", "0778-22-0055"]
    normal = Workbook()
    for r, text in enumerate(texts, start=1):
        write_text(normal.active.cell(row=r, column=1), text)
    normal.save(tmp_path / "normal.xlsx")
    streamed = Workbook(write_only=True)
    styles = SharedStyles(streamed, {"本文": NamedStyle()})
    ws = streamed.create_sheet("s")
    for text in texts:
        ws.append([styles.cell(ws, text, "本文")])
    streamed.save(tmp_path / "streamed.xlsx")
    for name in ("normal.xlsx", "streamed.xlsx"):
        got = [row[0] for row in openpyxl.load_workbook(tmp_path / name).active.iter_rows()]
        assert [c.value for c in got] == expected, name
        assert [bool(c.quotePrefix) for c in got] == [True, False, False, True, False, False], name
        assert {c.data_type for c in got} == {"s"}, name


# ---------------------------------------------------------------- what paper shows


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@needs_libreoffice
def test_libreoffice_prints_formula_like_text_literally(hostile, tmp_path):
    ledger, town_id = hostile
    with ledger.Session.begin() as s:
        path = export_form(s, town_id, tmp_path / "form.xlsx", audience=Audience.STAFF)
    text = flat("".join(printed(path, tmp_path, layout="-raw")[1]))
    for typed in (LINK, PLUS, MINUS, AT, "=1+1", AT + "町"):
        assert flat(typed) in text, typed  # printed as typed: 「+1+1」, not 2; 「-2+3」, not 1
    assert "click" not in text.replace(flat(LINK), "")  # no hyperlink was made of it
    assert "#NAME?" not in text and "Err:" not in text
