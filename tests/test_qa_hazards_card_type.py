"""緊急連絡カード on paper: a long medical note stays readable (7 pt or more) and is never cut silently.

Found at two cards a page: a long 服薬・アレルギー等 note shrank to 5 pt to fit its row, unreadable for the older
people the card is for; longer still, it was cut at the row's end with a bare 「…」.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from app.emergency import cards as emergency
from app.emergency.card_pdf import CONTINUED, MIN_TEXT_SIZE, export_cards
from app.emergency.views import CardFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards, flat, pdf_pages, pdf_text  # noqa: F401

NOTES = ("降圧剤（アムロジピン5mg 朝1錠）、ワーファリン服用中のため出血注意、ペニシリン・卵アレルギー、"
         "糖尿病でインスリン注射（朝夕）、心臓ペースメーカー。夜間に胸の痛みを訴えることがあり、ニトログリセリン"
         "舌下錠を枕元に置いている。腎機能低下（透析なし）のため造影剤注意。")


def text_sizes(path: Path) -> dict[str, float]:
    """Each word pdftotext finds and the height of its box in points (the type size, near enough)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
    return {t: float(b) - float(a) for a, b, t in re.findall(pattern, out)}


@pytest.fixture
def two_long_cards(demo_cards):
    """(ledger, town id, person ids) of two demo persons: one with a long note, one with a very long one."""
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        first, second = emergency.list_cards(s, town_id)[:2]
        emergency.save_card(s, first.person.id, CardFields(medical_notes=NOTES), [])
        emergency.save_card(s, second.person.id, CardFields(medical_notes=(NOTES * 30)[:3990] + "最後の一文。"), [])
    return ledger, town_id, [first.person.id, second.person.id]


def test_a_long_note_at_two_cards_a_page_prints_whole_in_readable_type(two_long_cards, tmp_path):
    ledger, town_id, (person_id, _) = two_long_cards
    path = tmp_path / "cards.pdf"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=[person_id], per_page=2, audience=Audience.STAFF)
    assert pdf_pages(path) == 1
    assert flat(NOTES) in pdf_text(path, raw=True)  # whole
    sizes = text_sizes(path)
    note_words = [size for word, size in sizes.items() if word and word in NOTES]
    assert note_words
    assert min(note_words) >= MIN_TEXT_SIZE  # 5 pt before: unreadable
    assert min(sizes.values()) >= MIN_TEXT_SIZE - 1  # nor any other value shrunk below it (the rule's 8 pt aside)


def test_a_note_too_long_for_its_card_says_it_continues_in_the_ledger(two_long_cards, tmp_path):
    ledger, town_id, person_ids = two_long_cards
    path = tmp_path / "cards.pdf"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=person_ids, per_page=2, audience=Audience.STAFF)
    text = pdf_text(path, raw=True)
    # The very long note grows its card to a page of its own and, longer than a page holds in readable type,
    # ends with 「…（続きは台帳）」 instead of a bare 「…」 (or 5 pt type)
    assert pdf_pages(path) == 2
    assert flat(NOTES) in text and flat(CONTINUED) in text and "最後の一文" not in text
    assert min(text_sizes(path).values()) >= MIN_TEXT_SIZE - 1
