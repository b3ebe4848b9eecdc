"""The town's 緊急連絡表 on paper: a phone number is never cut in two at the end of a line."""

from __future__ import annotations

import subprocess

from app.emergency import cards as emergency
from app.emergency.contact_sheet import export_sheet
from app.privacy.masking import Audience
from tests.emergency_fixtures import demo_cards  # noqa: F401


def test_every_contact_phone_prints_whole_on_one_line_of_the_sheet(demo_cards, tmp_path):
    ledger, town_id = demo_cards
    path = tmp_path / "sheet.pdf"
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)
        export_sheet(s, town_id, path, audience=Audience.STAFF)
    lines = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    phones = {c.phone for v in views for c in v.contacts if c.phone}
    assert len(phones) > 10
    cut = sorted(p for p in phones if not any(p in line for line in lines))
    assert cut == []  # 「0」 at a line's end and 「90-0000-0606」 on the next reads as another number
