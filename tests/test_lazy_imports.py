"""Opening a town loads only what the open needs (issue 17: start time and memory a user notices).

openpyxl (about 7 MB) is imported when a workbook is read or written, folium (with jinja2, branca and requests,
about 23 MB) not at all: the map page's few lines of Leaflet are written by app/maps/page.py itself. A fresh
process opens the demo's town in the real window, waits until its map is drawn and Steps II/III are filled in,
and says which of them it has imported; then it writes the watch-network form and reads it back, which imports
openpyxl, so the lazy imports still reach the code that needs them.
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

HEAVY = ("openpyxl", "folium", "branca", "jinja2", "requests", "et_xmlfile")
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

form = Path(tempfile.mkdtemp(prefix="sasaeai-lazy-")) / "form.xlsx"
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
