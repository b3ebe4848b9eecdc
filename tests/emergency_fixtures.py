"""Shared setup of the Step III tests: the demo ledger with its demo cards and the real shelter layer."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import pytest

from app.demo.emergency import seed_demo_emergency
from app.towns import towns
from app.towns.reference_layers import import_layer
from tests.conftest import DATA, session_day

ECHIZEN = DATA / "echizen"
FUKUI = DATA / "fukui"


@pytest.fixture
def demo_cards(demo_ledger):
    """(ledger, town id) of the demo town with demo agencies, cards and the 指定避難所 layer."""
    with demo_ledger.Session.begin() as s:
        town = towns.find_town(s, "ひだまり町")
        seed_demo_emergency(s, town.id, random.Random(7), session_day())
        import_layer(s, ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson")
    return demo_ledger, town.id


def flat(text: str) -> str:
    """Text without any white space: pdftotext lays table cells out with spaces where 「　」 was."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, page: int | None = None, *, raw: bool = False) -> str:
    """The PDF's text (one page or all), flattened: compare with ``flat(expected)``.

    ``raw`` keeps the order the text was drawn in, so a table cell wrapped over two lines reads whole.
    """
    args = ["pdftotext", "-raw" if raw else "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return flat(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]
