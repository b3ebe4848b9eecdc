"""The printed copies ledger: every paper carrying names gets a serial printed on it and a row (what, for whom,
which town, how many, by whom, when, mode); the copies still out are listed until their return or destruction
is recorded."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest

from app.core.errors import LedgerError
from app.privacy.copies import CopyOutcome, close_copy, list_copies, outstanding_copies, register_copies
from app.privacy.masking import Audience
from app.privacy.sharing import SharingMode, switch_mode
from app.towns.geojson_export import export_geojson
from tests.emergency_fixtures import flat
from tests.test_export_consent import PAPERS, consent_town, export, pdf_raw  # noqa: F401

SERIAL = re.compile(r"^\d{4}-\d{4}$")
PAPER_CODE = {"form": "watch_form", "sheet": "emergency_sheet", "cards": "emergency_cards"}


def printed_serials(path) -> set[str]:
    """Every 管理番号 printed in the file: its cells and page headers (Excel), or its text (PDF)."""
    if path.suffix == ".pdf":
        text = flat(pdf_raw(path))
    else:
        wb = openpyxl.load_workbook(path)
        parts = [str(c.value) for ws in wb.worksheets if ws.sheet_state == "visible"
                 for row in ws.iter_rows() for c in row if c.value is not None]
        parts += [h.text or "" for ws in wb.worksheets for h in (ws.oddHeader.left, ws.oddHeader.center)]
        text = flat("\n".join(parts))
    return set(re.findall(r"管理番号(\d{4}-\d{4})", text))


@pytest.mark.parametrize("kind, suffix", PAPERS)
def test_every_paper_with_names_carries_its_serial_and_has_a_row(consent_town, tmp_path, kind, suffix):
    ledger, town_id, _agreed, _refused = consent_town
    with ledger.Session.begin() as s:
        path = export(kind, s, town_id, tmp_path / f"paper{suffix}", audience=Audience.AGENCIES)
    with ledger.Session() as s:
        rows = list_copies(s)
    assert len(rows) == 1
    row = rows[0]
    assert SERIAL.match(row.serial)
    assert printed_serials(path) == {row.serial}  # printed on it (every card, page or sheet header)
    assert (row.paper, row.audience, row.town_name, row.copies, row.mode) == (
        PAPER_CODE[kind], "agencies", "余川町", 1, SharingMode.NORMAL)
    assert row.made_by == ledger.operator.name and row.file_name == path.name and row.outcome is None


def test_serials_follow_each_other_and_a_disaster_copy_says_its_mode(consent_town, tmp_path):
    ledger, town_id, _agreed, _refused = consent_town
    with ledger.Session.begin() as s:
        export("sheet", s, town_id, tmp_path / "a.xlsx")
        switch_mode(s, SharingMode.DISASTER, who="本部長", why="避難指示")
        export("cards", s, town_id, tmp_path / "b.pdf")
        export_geojson(s, town_id, tmp_path / "c.geojson", Audience.WATCHERS)
    with ledger.Session() as s:
        rows = list(reversed(list_copies(s)))
    years = {r.serial[:4] for r in rows}
    assert len(years) == 1 and [r.serial[5:] for r in rows] == ["0001", "0002", "0003"]
    assert [r.mode for r in rows] == [SharingMode.NORMAL, SharingMode.DISASTER, SharingMode.DISASTER]
    assert json.loads((tmp_path / "c.geojson").read_text(encoding="utf-8"))["serial"] == rows[2].serial


def test_a_failed_write_counts_nothing_out(consent_town, tmp_path):
    ledger, town_id, _agreed, _refused = consent_town
    with pytest.raises(LedgerError), ledger.Session.begin() as s:
        export("sheet", s, town_id, tmp_path / "sheet.docx")  # not a format the sheet is written in
    with ledger.Session() as s:
        assert list_copies(s) == []


def test_outstanding_copies_leave_the_list_once_returned_or_destroyed(ledger, tmp_path):
    with ledger.Session.begin() as s:
        first = register_copies(s, paper="emergency_sheet", audience="watchers", town_name="余川町", copies=3)
        second = register_copies(s, paper="evacuation_plans", audience="agencies", town_name="余川町")
    with ledger.Session() as s:
        out = outstanding_copies(s)
    assert [c.serial for c in out] == [first, second]
    assert out[1].title == "個別避難計画" and out[0].copies == 3
    with ledger.Session.begin() as s:
        closed = close_copy(s, out[0].id, CopyOutcome.DESTROYED, who="民生　花子")
    assert closed.outcome is CopyOutcome.DESTROYED and closed.closed_by == "民生　花子" and closed.closed_at
    with ledger.Session() as s:
        assert [c.serial for c in outstanding_copies(s)] == [second]
        assert len(list_copies(s)) == 2  # the row stays: the ledger remembers every copy
    with pytest.raises(LedgerError, match="already"), ledger.Session.begin() as s:
        close_copy(s, out[0].id)
