"""Two cards a page with one card too long for half a page: it gets a page of its own, the cards keep the order
asked, and the card after it shares the next page with the one after that (a pin: this already held)."""

from __future__ import annotations

import re
import subprocess

from app.emergency import cards as emergency
from app.emergency.card_pdf import export_cards
from app.emergency.views import CardFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards, pdf_pages  # noqa: F401

NOTES = ("降圧剤（アムロジピン5mg 朝1錠）、ワーファリン服用中のため出血注意、ペニシリン・卵アレルギー、"
         "糖尿病でインスリン注射（朝夕）、心臓ペースメーカー")


def test_a_long_card_alone_keeps_the_order_and_the_next_two_share_a_page(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)[:4]
        emergency.save_card(s, views[1].person.id, CardFields(medical_notes=NOTES * 6, kept_at=NOTES * 2))
    numbers = [str(v.map_number) for v in views]
    path = tmp_path / "cards.pdf"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=[v.person.id for v in views], per_page=2, audience=Audience.STAFF)
    pages = []
    for page in range(1, pdf_pages(path) + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        pages.append(re.findall(r"No\.(\d+)", text))
    assert pages == [numbers[:1], numbers[1:2], numbers[2:]]
