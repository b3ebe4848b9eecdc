"""The command line for scripts: make-demo, towns, and the same entry point as the console script."""

from __future__ import annotations

import pytest

from app.models.engine import DEMO_PASSPHRASE, PASSPHRASE_ENV
from tests.conftest import DATA, run_app


@pytest.fixture(autouse=True)
def _the_demo_passphrase(monkeypatch):
    """The ledgers here are made by make-demo: scripts give the demo's passphrase, as a user would."""
    monkeypatch.setenv(PASSPHRASE_ENV, DEMO_PASSPHRASE)


def test_make_demo_then_towns_lists_the_demo_town(tmp_path):
    made = run_app("make-demo", "--data-dir", str(tmp_path))
    assert made.returncode == 0, made.stderr
    assert "ひだまり町" in made.stdout and "60 households" in made.stdout
    listed = run_app("towns", "--data-dir", str(tmp_path))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == ["ひだまり町"]


def test_make_demo_never_overwrites_a_ledger(tmp_path):
    assert run_app("make-demo", "--data-dir", str(tmp_path)).returncode == 0
    before = (tmp_path / "ledger.sqlite3").read_bytes()
    again = run_app("make-demo", "--data-dir", str(tmp_path))
    assert again.returncode != 0
    assert "already" in again.stderr
    assert (tmp_path / "ledger.sqlite3").read_bytes() == before


def test_towns_without_a_ledger_says_so(tmp_path):
    result = run_app("towns", "--data-dir", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "no ledger" in result.stderr
    assert not (tmp_path / "nothing" / "ledger.sqlite3").exists()


def test_data_dir_may_come_before_or_after_the_command(tmp_path):
    assert run_app("--data-dir", str(tmp_path), "make-demo").returncode == 0
    listed = run_app("--data-dir", str(tmp_path), "towns")
    assert listed.stdout.splitlines() == ["ひだまり町"]


def test_export_edit_and_import_the_watch_form_from_the_command_line(tmp_path):
    import openpyxl

    from app.models import open_ledger
    from app.towns.towns import find_town
    from app.watch import network as watch

    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    form = tmp_path / "見守り.xlsx"
    exported = run_app("export-form", "--town", "ひだまり町", "--out", str(form), "--data-dir", str(data))
    assert exported.returncode == 0, exported.stderr
    # A volunteer changes one watcher's involvement (関わり方) in Excel.
    wb = openpyxl.load_workbook(form)
    ws = wb.worksheets[0]
    involvement_cell = next(c for row in ws.iter_rows() for c in row
                            if isinstance(c.value, str) and c.value in watch.COMMON_INVOLVEMENTS)
    old_value = involvement_cell.value
    involvement_cell.value = "毎朝のゴミ出しを手伝う"
    wb.save(form)

    dry = run_app("import-form", str(form), "--dry-run", "--data-dir", str(data))
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[0] == "would import (dry run): added 0, updated 1, unchanged 33, needs a decision 0"
    assert len(lines) == 2 and lines[1].endswith(f"  involvement: {old_value} → 毎朝のゴミ出しを手伝う")  # which one

    done = run_app("import-form", str(form), "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert "updated 1" in done.stdout
    ledger = open_ledger(data / "ledger.sqlite3")
    with ledger.Session() as s:
        involvements = [link.involvement for c in watch.list_concerns(s, find_town(s, "ひだまり町").id)
                        for link in c.links]
    ledger.close()
    assert "毎朝のゴミ出しを手伝う" in involvements
    assert involvements.count(old_value) == sum(1 for v in involvements if v == old_value)


def test_import_roster_adds_people_and_bad_files_change_nothing(tmp_path):
    import openpyxl

    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    roster_file = tmp_path / "名簿.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["氏名", "フリガナ", "住所", "電話", "生年月日", "気になるところ"])
    ws.append(["新井　トメ", "アライ　トメ", "ひだまり町3丁目1-1", "０７７８－００－１１１１", "昭和15年3月2日", "足が弱い"])
    ws.append(["森下　進", "モリシタ　ススム", "ひだまり町3丁目1-2", "0778-00-2222", "S12.5.6", ""])
    ws.append(["森下　ハナ", "モリシタ　ハナ", "ひだまり町3丁目1-2", "22-3333", "S14.1.8", ""])  # no area code
    wb.save(roster_file)
    before = (data / "ledger.sqlite3").read_bytes()
    dry = run_app("import-roster", str(roster_file), "--town", "ひだまり町", "--dry-run", "--data-dir", str(data))
    assert dry.returncode == 0, dry.stderr
    assert "added 3" in dry.stdout
    assert "row 4, cell D4" in dry.stdout and "「22-3333」" in dry.stdout  # the local number, at its cell
    assert (data / "ledger.sqlite3").read_bytes() == before  # a dry run writes nothing

    wrong_town = run_app("import-roster", str(roster_file), "--town", "どこにもない町", "--data-dir", str(data))
    assert wrong_town.returncode != 0 and "どこにもない町" in wrong_town.stderr

    not_excel = tmp_path / "名簿2.xlsx"
    not_excel.write_text("氏名,住所\n")
    bad = run_app("import-roster", str(not_excel), "--town", "ひだまり町", "--data-dir", str(data))
    assert bad.returncode != 0 and "名簿2.xlsx" in bad.stderr

    done = run_app("import-roster", str(roster_file), "--town", "ひだまり町", "--data-dir", str(data))
    assert done.returncode == 0 and "added 3" in done.stdout
    assert "row 4, cell D4" in done.stdout and "「22-3333」" in done.stdout  # said after the import too
    listed = run_app("towns", "--data-dir", str(data))
    assert listed.returncode == 0


def test_emergency_outputs_and_reference_imports_from_the_command_line(tmp_path):
    import openpyxl

    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    sheet = tmp_path / "緊急連絡表.xlsx"
    done = run_app("export-contacts", "--town", "ひだまり町", "--out", str(sheet), "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    assert any("ひだまり町" in str(c.value) for row in ws.iter_rows(max_row=3) for c in row if c.value)
    cards = tmp_path / "cards.pdf"
    done = run_app("export-cards", "--town", "ひだまり町", "--out", str(cards), "--per-page", "2",
                   "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert cards.read_bytes().startswith(b"%PDF")

    layer = run_app("import-layer", str(DATA / "echizen" / "hinanjo.csv"), "--data-dir", str(data))
    assert layer.returncode == 0, layer.stderr
    assert "28 features" in layer.stdout
    assert "row 13, column lon" in layer.stdout  # the real file's bad longitude, reported by row and column

    no_kind = run_app("import-agencies", str(DATA / "fukui" / "hoyanet_chiikihoukatsu.csv"), "--data-dir", str(data))
    assert no_kind.returncode != 0 and "hoyanet_chiikihoukatsu.csv" in no_kind.stderr
    unknown = run_app("import-agencies", str(DATA / "fukui" / "hoyanet_chiikihoukatsu.csv"), "--kind", "包括",
                      "--dry-run", "--data-dir", str(data))
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr  # a usage error naming the kinds
    assert "community_support_centre (地域包括支援センター)" in unknown.stderr
    # the kind as staff write it, in Japanese, as well as its value
    agencies = run_app("import-agencies", str(DATA / "fukui" / "hoyanet_chiikihoukatsu.csv"),
                       "--kind", "地域包括支援センター", "--area-code", "0776", "--data-dir", str(data))
    assert agencies.returncode == 0, agencies.stderr
    assert agencies.stdout.startswith("imported: add 14")

    wrong = run_app("export-contacts", "--town", "ひだまり町", "--out", str(tmp_path / "x.docx"), "--data-dir", str(data))
    assert wrong.returncode != 0 and "x.docx" in wrong.stderr


def test_print_map_to_pdf_and_png_names_no_one(tmp_path):
    import subprocess

    from PIL import Image

    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    pdf = tmp_path / "map.pdf"
    done = run_app("print-map", "--town", "ひだまり町", "--out", str(pdf), "--lines", "--data-dir", str(data))
    assert done.returncode == 0, done.stderr[-2000:]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    import unicodedata

    text = unicodedata.normalize("NFKC", text)  # pdftotext may give Kangxi radicals for some kanji
    assert "ひだまり町" in text and "地図番号" in text  # Japanese for the town, whatever the locale
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "842 x 595" in info or "841.89 x 595.276" in info  # A4 landscape, in points
    from app.households import households
    from app.models import open_ledger
    from app.towns import towns

    ledger = open_ledger(data / "ledger.sqlite3")
    with ledger.Session() as s:
        names = [p.name for h in households.list_households(s, towns.find_town(s, "ひだまり町").id) for p in h.persons]
    ledger.close()
    assert not [n for n in names if n in text]
    png = tmp_path / "map.png"
    done = run_app("print-map", "--town", "ひだまり町", "--out", str(png), "--paper", "A3", "--orientation", "portrait",
                   "--data-dir", str(data))
    assert done.returncode == 0, done.stderr[-2000:]
    width, height = Image.open(png).size
    assert height > width and abs(height / width - 420 / 297) < 0.01  # A3 portrait proportions
    bad = run_app("print-map", "--town", "ひだまり町", "--out", str(tmp_path / "map.gif"), "--data-dir", str(data))
    assert bad.returncode != 0 and "map.gif" in bad.stderr


def test_backup_then_restore_from_the_command_line(tmp_path):
    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    done = run_app("backup", "--out", str(copy), "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert copy.exists() and not copy.read_bytes().startswith(b"SQLite format 3")
    # A town added after the backup is gone once the backup is restored.
    from app.models import open_ledger
    from app.towns.towns import create_town

    ledger = open_ledger(data / "ledger.sqlite3")
    with ledger.Session.begin() as s:
        create_town(s, "さくら地区", "あとから町")
    ledger.close()
    restored = run_app("restore", str(copy), "--data-dir", str(data))
    assert restored.returncode == 0, restored.stderr
    assert "kept" in restored.stdout
    assert run_app("towns", "--data-dir", str(data)).stdout.splitlines() == ["ひだまり町"]
    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_text("hello")
    refused = run_app("restore", str(bad), "--data-dir", str(data))
    assert refused.returncode != 0
    assert run_app("towns", "--data-dir", str(data)).stdout.splitlines() == ["ひだまり町"]


def test_exports_for_an_audience_from_the_command_line(tmp_path):
    import subprocess

    from app.privacy.masking import Audience, export_rule

    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    texts = {}
    for audience in ("staff", "community"):
        out = tmp_path / f"sheet-{audience}.pdf"
        done = run_app("export-contacts", "--town", "ひだまり町", "--out", str(out), "--audience", audience,
                       "--data-dir", str(data))
        assert done.returncode == 0, done.stderr
        assert export_rule(Audience(audience)).en in done.stdout  # the summary line says which rule
        texts[audience] = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert export_rule(Audience(audience)).ja.replace(" ", "")[:20] in texts[audience].replace(" ", "").replace(
            "\n", "")
    assert len(texts["community"]) < len(texts["staff"])  # names left out for community members
    bad = run_app("export-cards", "--town", "ひだまり町", "--out", str(tmp_path / "c.pdf"), "--audience", "everyone",
                  "--data-dir", str(data))
    assert bad.returncode != 0 and "--audience" in bad.stderr


def test_print_map_with_hazards_draws_the_zones_with_their_legend(tmp_path):
    import numpy as np
    from PIL import Image

    from app.maps.hazard_layers import page_styles

    # GIVEN the demo town, whose (fictional) flood and landslide zones the window shows
    data = tmp_path / "data"
    assert run_app("make-demo", "--data-dir", str(data)).returncode == 0
    plain, hazards = tmp_path / "plain.png", tmp_path / "hazards.png"
    for out, extra in ((plain, ()), (hazards, ("--hazards",))):
        done = run_app("print-map", "--town", "ひだまり町", "--out", str(out), *extra, "--data-dir", str(data))
        assert done.returncode == 0, done.stderr[-2000:]

    def swatch_pixels(path, fill: str) -> int:  # pixels of exactly a legend row's colour (the map's zones are
        rgb = np.array([int(fill[i:i + 2], 16) for i in (1, 3, 5)])  # see-through: only the legend is opaque)
        image = np.asarray(Image.open(path).convert("RGB")).astype(int)
        return int((np.abs(image - rgb).max(axis=2) <= 4).sum())

    styles = page_styles()
    # THEN the map with --hazards explains each kind's classes in its legend (the deepest flood class present, the
    # landslide warning and special warning zones), and the plain map has none of their colours
    for key in ("flood-2", "flood-4", "sediment-1", "sediment-2"):
        fill = styles[key]["fill"]
        assert swatch_pixels(hazards, fill) > 100, key
        assert swatch_pixels(plain, fill) == 0, key
    # and the zones are drawn over the town: the two maps differ over a large part of the drawing
    a = np.asarray(Image.open(plain).convert("RGB")).astype(int)
    b = np.asarray(Image.open(hazards).convert("RGB")).astype(int)
    assert a.shape == b.shape and (np.abs(a - b).max(axis=2) > 24).mean() > 0.10
