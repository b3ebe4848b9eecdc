"""Two cards a page with cards too long for half a page: each gets a page of its own and no half page is left blank
in the middle of the stack: the next half-page card fills the bottom half beside the card before it, the long card
follows on its own page (see write_cards_pdf for why this order)."""

from __future__ import annotations

import re
import subprocess

import pytest

from app.emergency import cards as emergency
from app.emergency.card_pdf import export_cards
from app.emergency.views import CardFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards, pdf_pages  # noqa: F401

NOTES = ("降圧剤（アムロジピン5mg 朝1錠）、ワーファリン服用中のため出血注意、ペニシリン・卵アレルギー、"
         "糖尿病でインスリン注射（朝夕）、心臓ペースメーカー")


def _cards_per_page(path) -> list[list[tuple[str, str]]]:  # noqa: ANN001
    """Each page's cards, top to bottom, as (map number, half): 「上」 when the card's title is in the top half
    of the page, 「下」 in the bottom half."""
    pages = []
    for page in range(1, pdf_pages(path) + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        lines = text.split("\f")[0].splitlines()
        found = [(m.group(1), n) for n, line in enumerate(lines) for m in re.finditer(r"No\.(\d+)", line)]
        pages.append([(number, "上" if n < len(lines) / 2 else "下") for number, n in found])
    return pages


@pytest.mark.parametrize(("long_cards", "expected"), [
    # the long card after a top-half card: the next card fills the bottom half (4 pages with one blank half before)
    ({1}, [[(0, "上"), (2, "下")], [(1, "上")], [(3, "上"), (4, "下")]]),
    # two long cards in a row: both wait for the one half-page card
    ({1, 2}, [[(0, "上"), (3, "下")], [(1, "上")], [(2, "上")], [(4, "上")]]),
    # a long card first: a page of its own, and the first page is not an empty one
    ({0}, [[(0, "上")], [(1, "上"), (2, "下")], [(3, "上"), (4, "下")]]),
    # a long card last: nothing comes to fill the half page before it
    ({4}, [[(0, "上"), (1, "下")], [(2, "上"), (3, "下")], [(4, "上")]]),
])
def test_long_cards_leave_no_blank_half_page_and_move_the_order_by_one_card_at_most(
        demo_cards, tmp_path, long_cards, expected):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)[:5]
        for i in long_cards:
            emergency.save_card(s, views[i].person.id, CardFields(medical_notes=NOTES * 6, kept_at=NOTES * 2))
    numbers = [str(v.map_number) for v in views]
    path = tmp_path / "cards.pdf"
    with ledger.Session.begin() as s:
        export_cards(s, town_id, path, person_ids=[v.person.id for v in views], per_page=2, audience=Audience.STAFF)
    assert _cards_per_page(path) == [[(numbers[i], half) for i, half in page] for page in expected]
