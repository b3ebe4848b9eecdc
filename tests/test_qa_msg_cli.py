"""A dry run on the command line says what the import would do: it refuses what the import refuses, with the same
message, and lists the persons and watchers a form would change, not only counts."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl import Workbook

from app.emergency import cards as emergency
from app.models.engine import DEMO_PASSPHRASE, PASSPHRASE_ENV
from tests.conftest import DATA, run_app


def test_an_agency_list_the_import_refuses_is_refused_by_the_dry_run_with_the_same_message(ledger, tmp_path):
    # GIVEN an agency list with a row whose 名称 is empty
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "種別", "電話番号"])
    ws.append(["ひなた内科", "診療所", "0778-22-1234"])
    ws.append(["", "病院", "0778-22-9999"])
    wb.save(tmp_path / "list.xlsx")
    data_dir = ledger.path.parent
    # WHEN it is tried with --dry-run, then imported
    dry = run_app("--data-dir", str(data_dir), "import-agencies", str(tmp_path / "list.xlsx"), "--dry-run")
    real = run_app("--data-dir", str(data_dir), "import-agencies", str(tmp_path / "list.xlsx"))
    # THEN both refuse it the same way: the same exit status and message, never 「would import」
    assert real.returncode == dry.returncode == 1
    assert dry.stderr == real.stderr == ("error: list.xlsx: 1 rows cannot be imported; "
                                         "first: row 3, column 名称: No name.\n")
    assert "would import" not in dry.stdout
    # AND both list the rows to fix
    assert "  skipped: list.xlsx, row 3, column 名称: No name." in dry.stdout.splitlines() == real.stdout.splitlines()
    with ledger.Session() as s:
        assert emergency.list_agencies(s) == []


@pytest.fixture
def demo_form(tmp_path, monkeypatch):
    """The demo's watch-network record form of ひだまり町 exported by the command line (the demo's passphrase)."""
    monkeypatch.setenv(PASSPHRASE_ENV, DEMO_PASSPHRASE)
    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    form = tmp_path / "見守り.xlsx"
    exported = run_app("export-form", "--town", "ひだまり町", "--out", str(form), "--data-dir", str(data))
    assert exported.returncode == 0, exported.stderr
    return data, form


def test_the_dry_run_of_a_form_lists_each_change_and_each_row_needing_a_decision(demo_form):
    data, form = demo_form
    # GIVEN a form on which a volunteer changed one watcher's 関わり方 and erased another watcher's name
    wb = openpyxl.load_workbook(form)
    ws = wb.worksheets[0]
    named = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "氏名" and ws.cell(r, 2).value != "（匿名）"]
    changed, erased = named[0], named[1] + 1  # the first watcher line of one person, the second of the next
    name, old = ws.cell(changed, 3).value, ws.cell(changed, 4).value
    gone = ws.cell(erased, 3).value
    ws.cell(changed, 4).value = "毎朝のゴミ出しを手伝う"
    ws.cell(erased, 3).value = None
    ws.cell(erased, 4).value = None
    wb.save(form)
    # WHEN it is tried with --dry-run
    dry = run_app("import-form", str(form), "--dry-run", "--data-dir", str(data))
    # THEN besides the counts, the changed watcher line is named by sheet, cell and name, with the old and new value
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[0] == "would import (dry run): added 0, updated 1, unchanged 32, needs a decision 1"
    assert f"  update {ws.title}!C{changed} {name}  involvement: {old} → 毎朝のゴミ出しを手伝う" in lines
    # AND the erased watcher is named with why it needs a decision and what happens without one
    assert (f"  decide {ws.title}!C{erased} {gone}  watcher: {gone} → —  The watcher was erased from the form. "
            "(not decided here: そのまま残す)") in lines
    assert len(lines) == 3


@pytest.mark.parametrize("dry_run", [("--dry-run",), ()])
def test_a_shelter_list_for_a_missing_ledger_is_refused_by_the_dry_run_too(tmp_path, dry_run):
    # GIVEN a data folder without a ledger (a mistyped --data-dir)
    # WHEN a shelter list is imported there, with or without --dry-run
    done = run_app("--data-dir", str(tmp_path / "nowhere"), "import-layer", str(DATA / "echizen" / "hinanjo.csv"),
                   *dry_run)
    # THEN both say there is no ledger there, and the dry run never says 「would import」
    assert done.returncode == 1
    assert done.stderr == f"error: no ledger at {tmp_path / 'nowhere' / 'ledger.sqlite3'}\n"
    assert done.stdout == ""
