"""Opening a town loads only what the open needs (issue 17: start time and memory a user notices).

openpyxl (about 7 MB) is imported when a workbook is read or written, folium (with jinja2, branca and requests,
about 23 MB) not at all: the map page's few lines of Leaflet are written by app/maps/page.py itself. A fresh
process opens the demo's town in the real window, waits until its map is drawn and Steps II/III are filled in,
and says which of them it has imported; then it writes the watch-network form and reads it back, which imports
openpyxl, so the lazy imports still reach the code that needs them.

numpy and shapely (about 17 MB) and pyshp (3 MB) are imported when a town has hazard zones, shelters, control
points or a GIS file to read. The demo has all of them (its map is a scan tied to the ground, its hazard zones
and shelters are imported), so that test opens a generated town instead: households on a plain map, no hazard
data, as most towns are; then it imports a hazard file into it, and the zones reach the exposures and the page.

Pillow (a picture checked or warped), ijson (a GeoJSON file read), phonenumbers' metadata (a number parsed) and
xml.sax with urllib.request and http.client (a sheet written): 81 modules, about 3.5 MB of the app's anonymous
memory and 5 MB of its resident set, imported by the work that needs them, not by the open of a town on a plain
map (the demo's scanned map uses Pillow as it opens).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.sheet_rows import ILLEGAL_CHARACTERS_RE

ROOT = Path(__file__).resolve().parent.parent

OPEN_THE_TOWN = r"""
import json, sys, tempfile
from pathlib import Path

from app.ui.app import prepare_webengine, settings_for
prepare_webengine()
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.models import open_ledger
from app.models.engine import DEMO_PASSPHRASE
from app.paths import ledger_path
from app.ui.mainwindow import MainWindow

HEAVY = ("openpyxl", "folium", "branca", "jinja2", "requests", "et_xmlfile", "ijson", "phonenumbers", "xml.sax")
data_dir = Path(sys.argv[1])
app = QApplication.instance() or QApplication([sys.argv[0]])
ledger = open_ledger(ledger_path(data_dir), DEMO_PASSPHRASE)
window = MainWindow(ledger, settings_for(data_dir), demo=True)
loop = QEventLoop()
ready = []
window.map_ready.connect(lambda: (ready.append(True), loop.quit()))
QTimer.singleShot(240_000, loop.quit)
window.show()
window.towns.open_initial_town()
loop.exec()
after_open = sorted(name for name in HEAVY if name in sys.modules)
households = window.towns.town.household_count if ready else 0
blocked = list(window.map_view.guard.blocked)

scratch = tempfile.TemporaryDirectory(prefix="sasaeai-lazy-")  # removed at exit
form = Path(scratch.name) / "form.xlsx"
job = window.imports.export_watch_form(form)
outcome = []
if job is not None:
    job.ended.connect(lambda: (outcome.append(job.outcome), loop.quit()))
    QTimer.singleShot(240_000, loop.quit)
    loop.exec()
import openpyxl
sheets = openpyxl.load_workbook(form).sheetnames if outcome == ["succeeded"] else []
print(json.dumps({"ready": bool(ready), "households": households, "blocked": blocked, "after_open": after_open,
                  "form": outcome, "sheets": sheets}))
window.close()
ledger.close()
"""


OPEN_A_TOWN_WITHOUT_HAZARDS = r"""
import json, sys
from pathlib import Path

from app.ui.app import prepare_webengine, settings_for
prepare_webengine()
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.models import open_ledger
from app.paths import ledger_path
from app.ui.mainwindow import MainWindow

LAZY = ("numpy", "shapely", "shapefile", "PIL", "ijson", "phonenumbers", "xml.sax")
data_dir, hazard_file = Path(sys.argv[1]), Path(sys.argv[2])
app = QApplication.instance() or QApplication([sys.argv[0]])
ledger = open_ledger(ledger_path(data_dir))  # SASAEAI_PASSPHRASE
window = MainWindow(ledger, settings_for(data_dir))
loop = QEventLoop()
ready = []
window.map_ready.connect(lambda: (ready.append(True), loop.quit()))
QTimer.singleShot(240_000, loop.quit)
window.show()
window.towns.open_initial_town()
loop.exec()
after_open = sorted(name for name in LAZY if name in sys.modules)
town = window.towns.town
households = town.household_count if ready else 0
# A household added on the map, as a user does: its panel shows its exposure (「ハザード情報なし」).
from app.core.views import Crs, MapPoint

lon, lat = json.loads(sys.argv[3])
added = window.households.add_household(MapPoint(Crs.GEO, lon + 0.0005, lat + 0.0005))
after_add = sorted(name for name in LAZY if name in sys.modules)
from app.core.phones import normalise_phone

phone = normalise_phone("０７７６３３５７７７").text  # phonenumbers' metadata, imported by the first number

from app.hazards.exposure import exposures
from app.hazards.importer import import_hazard
from app.maps.hazard_layers import hazard_overlay

with ledger.Session.begin() as s:
    imported = import_hazard(s, hazard_file)
with ledger.Session() as s:
    exposed = [e.flood_rank for e in exposures(s, town.id) if e.exposed]
    drawn = hazard_overlay(s, town.id, (lon - 0.02, lat - 0.02, lon + 0.02, lat + 0.02))
print(json.dumps({"ready": bool(ready), "households": households, "after_open": after_open,
                  "added": added is not None, "after_add": after_add, "phone": phone, "kept": imported.kept, "exposed": exposed,
                  "drawn": [(layer["kind"], len(layer["features"])) for layer in drawn]}))
window.close()
ledger.close()
"""


@pytest.mark.timeout(600)
def test_a_town_without_hazard_data_opens_without_numpy_shapely_or_pyshp_and_a_hazard_file_still_imports(tmp_path):
    from bench.generate import CENTER, generate
    from tests.hazard_files import around, flood, write_geojson

    made = generate(tmp_path / "data", 300)  # no exposure row stored yet: each is computed when read
    lat, lon = CENTER
    hazard_file = write_geojson(tmp_path / "A31a.geojson", [flood(around(lon, lat, 400), 3, "日野川")])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    done = subprocess.run([sys.executable, "-c", OPEN_A_TOWN_WITHOUT_HAZARDS, str(made.data_dir), str(hazard_file),
                           json.dumps([lon, lat])], cwd=ROOT, env=env, capture_output=True, text=True, timeout=560)
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(next(line for line in reversed(done.stdout.splitlines()) if line.startswith("{")))
    assert got["ready"] and got["households"] == 300, got
    assert got["after_open"] == [], f"imported by opening a town without hazard data: {got['after_open']}"
    assert got["added"] and got["after_add"] == [], f"imported by adding a household: {got['after_add']}"
    assert got["phone"] == "0776-33-5777"
    # The lazy imports still reach the code: the zone is stored, the households inside it are exposed, and the
    # page's layer has it.
    assert got["kept"] == 1
    assert got["exposed"] and set(got["exposed"]) == {3}, got
    assert got["drawn"] == [["flood", 1]], got


@pytest.mark.timeout(600)
def test_opening_a_town_imports_neither_openpyxl_nor_folium_and_a_form_still_writes(demo_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    done = subprocess.run([sys.executable, "-c", OPEN_THE_TOWN, str(demo_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=560)
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(next(line for line in reversed(done.stdout.splitlines()) if line.startswith("{")))
    assert got["ready"], "the demo's map was not drawn with its lists filled in"
    assert got["households"] > 0 and got["blocked"] == []
    assert got["after_open"] == [], f"imported by opening a town: {got['after_open']}"
    assert got["form"] == ["succeeded"] and got["sheets"], got


def test_the_sheets_drop_the_same_control_characters_as_openpyxl():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as OPENPYXLS

    assert (ILLEGAL_CHARACTERS_RE.pattern, ILLEGAL_CHARACTERS_RE.flags) == (OPENPYXLS.pattern, OPENPYXLS.flags)
    every = "".join(chr(c) for c in range(0x80)) + "\ufffe漢字\u3000"
    assert ILLEGAL_CHARACTERS_RE.sub("", every) == OPENPYXLS.sub("", every)


def test_with_the_module_sources_forgotten_a_traceback_still_shows_the_failing_line():
    """``forget_module_sources`` drops the lines PySide6 read from every module (28 MB of the app's heap): a
    crash report's traceback reads the line again from the file."""
    import linecache
    import traceback

    import app.hazards.exposure as module
    from app.ui.app import forget_module_sources

    linecache.getlines(module.__file__)
    assert module.__file__ in linecache.cache
    forget_module_sources()
    assert module.__file__ not in linecache.cache
    try:
        module.level_of_rank("three")  # type: ignore[arg-type]  # min(4, "three"): a TypeError inside the module
    except TypeError:
        report = traceback.format_exc()
    assert "return min(4, rank) if rank else 0" in report
