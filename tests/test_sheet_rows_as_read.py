"""The 緊急連絡表 in Excel as a user reads it back: each town's own persons whichever town was printed first,
rows as tall as their longest cell, typed text kept as text (markup, control characters, formula-like text)."""

from __future__ import annotations

import math
import unicodedata
from datetime import date

from openpyxl import load_workbook

from app.core.views import HouseholdFields, PersonFields
from app.emergency import cards as emergency
from app.emergency.contact_sheet import HEADER_ROW, HEADERS, XLSX_WIDTHS, export_sheet
from app.emergency.views import CardFields, ContactFields
from app.households import households
from app.privacy.masking import Audience
from app.towns import towns
from tests.emergency_fixtures import demo_cards  # noqa: F401

DAY = date(2026, 11, 27)


def _rows(path):  # noqa: ANN001, ANN202
    ws = load_workbook(path).active
    return ws, list(ws.iter_rows(min_row=HEADER_ROW + 1))


def _wrapped(text: str, width: float) -> int:
    """Lines of ``text`` in a column ``width`` Excel characters wide, a Japanese character taking two."""
    return sum(max(1, math.ceil(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) / (width - 1)))
               for line in text.split("\n"))


def _column(name: str) -> int:
    return HEADERS.index(name)


def test_each_towns_sheet_lists_its_own_persons_whichever_town_is_printed_first(demo_cards, tmp_path):
    # GIVEN the demo town and a second town with one person of concern
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        other = towns.add_town(s, "北新庄地区", "となり町").id
        home = households.add_household(s, other, None, HouseholdFields(address="となり町1-1"))
        households.add_person(s, home.id, PersonFields(name="隣　花子", kana="となり　はなこ", of_concern=True))
    # WHEN both sheets are printed one after the other in one session, then the first town's again
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "demo.xlsx", printed_on=DAY, audience=Audience.STAFF)
        export_sheet(s, other, tmp_path / "other.xlsx", printed_on=DAY, audience=Audience.STAFF)
        export_sheet(s, town_id, tmp_path / "demo-again.xlsx", printed_on=DAY, audience=Audience.STAFF)
        demo_names = {v.person.name for v in emergency.list_cards(s, town_id)}
    # THEN each lists its own persons only, and the first town's sheet is the same both times
    names = lambda path: [row[_column("氏名")].value for row in _rows(path)[1]]  # noqa: E731
    assert names(tmp_path / "other.xlsx") == ["隣　花子"]
    assert set(names(tmp_path / "demo.xlsx")) == demo_names
    assert "隣　花子" not in demo_names
    assert names(tmp_path / "demo-again.xlsx") == names(tmp_path / "demo.xlsx")


def test_rows_are_as_tall_as_their_longest_cell_and_typed_text_reads_back_as_typed(demo_cards, tmp_path):
    # GIVEN a person with three emergency contacts and a card whose note holds markup and control characters,
    # and another whose note is formula-like text
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        with_card = [v for v in emergency.list_cards(s, town_id) if v.has_card]
        tall, formula = with_card[0].person.id, with_card[1].person.id
        emergency.set_contacts(s, tall, [ContactFields(name=f"連絡{n}", phone=f"090-0000-000{n}") for n in (1, 2, 3)])
        emergency.save_card(s, tall, CardFields(note="a & <b> > c\x01d\re"))
        emergency.save_card(s, formula, CardFields(note="=HYPERLINK(\"http://example.invalid\")"))
        export_sheet(s, town_id, tmp_path / "sheet.xlsx", printed_on=DAY, audience=Audience.STAFF)
    # WHEN the sheet is read back
    ws, rows = _rows(tmp_path / "sheet.xlsx")
    by_contacts = {row[_column("緊急連絡先")].value: row for row in rows}
    row = next(r for text, r in by_contacts.items() if text and "連絡3" in text)
    # THEN the three contacts are three lines of a row 45 pt tall (15 pt a line), rows of two lines (as wrapped
    # in their columns) keep the sheet's height
    assert row[_column("緊急連絡先")].value.count("\n") == 2
    assert ws.row_dimensions[row[0].row].height >= 45
    for r in rows:
        lines = max(_wrapped(str(c.value or ""), w) for c, w in zip(r, XLSX_WIDTHS, strict=False))
        height = ws.row_dimensions[r[0].row].height
        assert height is None if lines <= 2 else height >= 15 * lines, (lines, height)
    # AND the note's markup is text, its control character gone, its carriage return a line break
    notes = [r[_column("備考")].value or "" for r in rows]
    assert any(note.startswith("a & <b> > cd\ne") for note in notes)
    # AND formula-like text stays text
    cell = next(r[_column("備考")] for r in rows if (r[_column("備考")].value or "").startswith("=HYPERLINK"))
    assert cell.data_type == "s" and cell.quotePrefix


def test_cards_and_contacts_read_from_their_tables_alone_stay_with_their_own_persons_and_town(demo_cards, tmp_path):
    # The cards and contacts are read without their persons' households (the town is not on those rows): a card
    # holder who is not of concern is still listed with their contacts in order, and another town's person of
    # concern, their card and their contacts stay off this town's list and sheet.
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        other = towns.add_town(s, "北新庄地区", "となり町").id
        there = households.add_household(s, other, None, HouseholdFields(address="となり町1-1"))
        neighbour = households.add_person(s, there.id, PersonFields(name="隣　花子", kana="となり　はなこ",
                                                                    of_concern=True))
        emergency.save_card(s, neighbour.id, CardFields(care_level="要介護3"),
                            [ContactFields("隣　一郎", "長男", "090-1111-1111")])
        home = households.add_household(s, town_id, None, HouseholdFields(address="ひだまり町9丁目1-1"))
        holder = households.add_person(s, home.id, PersonFields(name="山田　太郎", kana="やまだ　たろう"))
        emergency.save_card(s, holder.id, CardFields(care_level="要支援1"),
                            [ContactFields("山田　一郎", "長男", "090-2222-2222"),
                             ContactFields("山田　次郎", "次男", "090-3333-3333")])
    with ledger.Session() as s:
        views = emergency.list_cards(s, town_id)
        theirs = emergency.list_cards(s, other)
    mine = [v for v in views if v.person.id == holder.id]
    assert len(mine) == 1 and mine[0].has_card and mine[0].care_level == "要支援1"
    assert [(c.name, c.person_id) for c in mine[0].contacts] == [("山田　一郎", holder.id), ("山田　次郎", holder.id)]
    assert neighbour.id not in {v.person.id for v in views}
    assert "隣　一郎" not in {c.name for v in views for c in v.contacts}
    assert [(v.person.name, [c.name for c in v.contacts]) for v in theirs] == [("隣　花子", ["隣　一郎"])]
    with ledger.Session.begin() as s:
        export_sheet(s, town_id, tmp_path / "home.xlsx", printed_on=DAY, audience=Audience.STAFF)
    _, rows = _rows(tmp_path / "home.xlsx")
    text = "\n".join(str(c.value) for row in rows for c in row if c.value)
    assert "山田　太郎" in text and "1. 山田　一郎" in text and "2. 山田　次郎" in text
    assert "隣" not in text
