"""緊急連絡カード PDF: Japanese text fills each line and breaks between characters, with 行頭禁則."""

from __future__ import annotations

import subprocess

import pytest

from app.core.text import NO_LINE_START
from app.emergency import cards as emergency
from app.emergency.card_pdf import export_cards
from app.emergency.views import CardFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards  # noqa: F401

NOTES = ("降圧剤（アムロジピン5mg 朝1錠）、ワーファリン服用中のため出血注意、ペニシリン・卵アレルギー、"
         "糖尿病でインスリン注射（朝夕）、心臓ペースメーカー")


@pytest.mark.parametrize("per_page", [1, 2])
def test_a_long_medical_note_fills_each_line_instead_of_breaking_at_the_space(demo_cards, tmp_path, per_page):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        person_id = emergency.list_cards(s, town_id)[0].person.id
        emergency.save_card(s, person_id, CardFields(medical_notes=NOTES))
    path = tmp_path / "card.pdf"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=[person_id], per_page=per_page, audience=Audience.STAFF)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("降圧剤"))
    note_lines = []
    for line in lines[first:]:
        note_lines.append(line)
        if "".join(note_lines).replace(" ", "").endswith("ペースメーカー"):
            break
    assert "".join(note_lines).replace(" ", "") == NOTES.replace(" ", "")  # printed whole, in order
    # The first line runs on past the space: 「降圧剤（アムロジピン5mg」 alone wasted most of the line.
    assert note_lines[0].startswith("降圧剤（アムロジピン5mg 朝1錠）、ワーファリン")
    # Every line but the last is full: about as long as the first.
    assert all(len(x) >= len(note_lines[0]) - 3 for x in note_lines[:-1])
    assert not [x for x in note_lines[1:] if x[:1] in NO_LINE_START]  # 行頭禁則: no 「ー」「）」「、」 first
    assert not [x for x in note_lines if x[:1].isspace()]  # a line broken at a space does not start indented
