"""緊急連絡カード as PDF (one or two per A4) and Excel: one card per person, every field, empty boxes, fonts."""

from __future__ import annotations

import math

from openpyxl import load_workbook

from app.emergency import cards as emergency
from app.emergency.card_pdf import card_fields, export_cards
from app.privacy.masking import Audience, export_rule
from tests.emergency_fixtures import demo_cards, flat, pdf_fonts, pdf_pages, pdf_text  # noqa: F401


def test_pdf_has_one_card_per_page_with_the_persons_fields_and_medical_notes(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)
        export_cards(s, town_id, tmp_path / "cards.pdf", audience=Audience.STAFF)
    path = tmp_path / "cards.pdf"
    assert pdf_pages(path) == len(views)
    for page, v in enumerate(views, start=1):
        text = pdf_text(path, page)
        assert flat(v.person.name) in text and f"No.{v.map_number}" in text
        assert flat(v.address) in text and flat(v.person.phone) in text
        for c in v.contacts:
            assert flat(c.name) in text and flat(c.phone) in text
        if v.medical_notes:
            assert flat(v.medical_notes) in text  # the card stays with the person: medical notes belong on it
        if v.family_doctor_label:
            assert flat(v.family_doctor_label) in text
        # Two contact boxes even when fewer are known, and the labels of every field.
        for label, _ in card_fields(v):
            assert flat(label) in text
        assert "None" not in text
    assert all(f[-5] == "yes" for f in pdf_fonts(path))
    assert b"/FontFile2" in path.read_bytes()


def test_two_cards_per_page_fit_every_person_on_half_the_pages(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)
        export_cards(s, town_id, tmp_path / "cards.pdf", per_page=2, audience=Audience.STAFF)
    text = pdf_text(tmp_path / "cards.pdf")
    assert pdf_pages(tmp_path / "cards.pdf") == math.ceil(len(views) / 2)
    for v in views:
        assert text.count(flat(v.person.name)) == 1
    assert "切り取り線" in text


def test_a_person_without_a_card_gets_empty_boxes_not_none(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        bare = emergency.persons_without_card(s, town_id)[0]
        export_cards(s, town_id, tmp_path / "one.xlsx", person_ids=[bare.person.id], audience=Audience.STAFF)
        export_cards(s, town_id, tmp_path / "one.pdf", person_ids=[bare.person.id], audience=Audience.STAFF)
    ws = load_workbook(tmp_path / "one.xlsx").active
    values = {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert values["氏名"] == bare.person.name
    assert values["緊急連絡先1"] is None and values["緊急連絡先2"] is None and values["かかりつけ医"] is None
    text = pdf_text(tmp_path / "one.pdf")
    assert pdf_pages(tmp_path / "one.pdf") == 1 and flat(bare.person.name) in text and "None" not in text


def test_excel_cards_put_each_value_beside_its_label_one_block_per_person(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)
        export_cards(s, town_id, tmp_path / "cards.xlsx", audience=Audience.STAFF)
    ws = load_workbook(tmp_path / "cards.xlsx").active
    blocks, current, rules = [], None, []
    for a, b in ws.iter_rows(values_only=True, max_col=2):
        if a == "緊急連絡カード":
            current = {}
            blocks.append(current)
        elif a is None and b and b.startswith("表示ルール"):
            rules.append(flat(b))  # the consent rule applied and the copy's serial, under every card
        elif a and current is not None:
            current[a] = flat(b or "")  # a long value's lines broken by 行頭禁則 (kinsoku_breaks)
    assert len(blocks) == len(views) == len(ws.row_breaks.brk) == len(rules)
    assert len(set(rules)) == 1 and rules[0].startswith(flat("表示ルール: " + export_rule(Audience.STAFF).ja + "　管理番号 "))
    for block, v in zip(blocks, views, strict=True):
        assert block == {label: flat(value) for label, value in card_fields(v)}
    assert ws.page_setup.paperSize == 9 or str(ws.page_setup.paperSize) == "9"


def test_the_towns_cards_read_together_are_each_card_as_read_alone(demo_cards):
    # The plans of a town are printed with each person's card (contacts, doctor, care level) read for all at once.
    ledger, town_id = demo_cards
    with ledger.Session() as s:
        persons = emergency.persons_needing_support(s, town_id)
        together = emergency.card_views(s, persons)
        alone = {p.id: emergency.get_card(s, p.id) for p in persons}
    assert list(together) == [p.id for p in persons] and together == alone
    assert any(v.has_card and v.contacts for v in together.values())  # the demo's cards are there to compare
    assert any(v.watchers for v in together.values()) and all(v.shelter.name for v in together.values())
