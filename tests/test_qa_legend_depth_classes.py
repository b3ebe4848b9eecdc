"""The map's legend of a storm surge or tsunami layer lists the file's own depth classes.

Found on the demo town: a 津波浸水想定 file (A40) whose zones are written 「0.3m以上1.0m未満」 and 「1.0m以上2.0m未満」
showed on the map's legend as one row 「0.5m以上3.0m未満」 (the standard rank the zones are drawn in), while the
household's panel over the same zone read 「津波 0.3m以上1.0m未満」: the volunteer read two depths for one place.
"""

from __future__ import annotations

import json

import pytest

from app.hazards.importer import Extent, import_hazard
from app.maps.hazard_layers import DEPTH_COLOURS, hazard_overlay
from app.models.hazard import HazardKind
from app.towns import basemaps, towns
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from tests.hazard_files import around, write_geojson
from tests.page_calls import run_js

READY_MS = 60_000
CLASSES = ("0.3m以上1.0m未満", "1.0m以上2.0m未満", "0.5m未満")  # as the file writes them, not in order


@pytest.fixture
def tsunami_on_the_town(demo_ledger, tmp_path):
    """A tsunami layer with three zones on the demo town's map, in the prefecture's own classes."""
    with demo_ledger.Session.begin() as s:
        town = towns.list_towns(s)[0]
        west, south, east, north = basemaps.base_map_of(s, demo_ledger.data_dir, town.id).bounds
        lat = (south + north) / 2
        lons = [west + (east - west) * share for share in (0.2, 0.5, 0.8)]
        path = write_geojson(tmp_path / "A40-18.geojson", [
            (around(lon, lat, 60), {"A40_001": "福井県", "A40_002": "架空", "A40_003": depth})
            for lon, depth in zip(lons, CLASSES, strict=True)])
        result = import_hazard(s, path, HazardKind.TSUNAMI, extent=Extent(west - 0.05, south - 0.05, east + 0.05,
                                                                            north + 0.05))
        assert result.kept == 3
        return town.id, (west, south, east, north)


def test_the_overlay_lists_the_files_classes_shallowest_first_each_in_its_ranks_colour(demo_ledger,
                                                                                      tsunami_on_the_town):
    town_id, extent = tsunami_on_the_town
    with demo_ledger.Session() as s:
        layers = {layer["kind"]: layer for layer in hazard_overlay(s, town_id, extent)}
    legend = [(e["label"], e["fill"]) for e in layers["tsunami"]["legend"]]
    # 0.3–1.0 m and 1.0–2.0 m are drawn in the 0.5–3.0 m colour, under 0.5 m in its own
    assert legend == [("0.5m未満", DEPTH_COLOURS[1]), ("0.3m以上1.0m未満", DEPTH_COLOURS[2]),
                      ("1.0m以上2.0m未満", DEPTH_COLOURS[2])]
    # the flood layer keeps the standard ranks
    assert all(e["label"].endswith(("未満", "以上")) for e in layers["flood"]["legend"])


def test_the_maps_legend_reads_the_files_tsunami_classes(qtbot, demo_ledger, demo_dir, tsunami_on_the_town):
    window = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.open_initial_town()
        window.show()
    qtbot.waitUntil(lambda: "津波浸水想定" in (run_js(qtbot, window, "(document.querySelector("
                                                       "'.legend-hazards') || {}).textContent || ''") or ""),
                    timeout=10_000)
    rows = run_js(qtbot, window, "(function () { var box = document.querySelector("
                                 "'.legend-hazards input[data-kind=\"tsunami\"]').closest('.hazard-section');"
                                 "return JSON.stringify(Array.from(box.querySelectorAll('.hazard-entry')).map(function (r) {"
                                 "return [r.textContent, r.querySelector('rect').getAttribute('fill')]; })); })()")
    rows = json.loads(rows)
    window.grab().save("/tmp/qa-legend/legend-tsunami.png")
    # The legend names the classes the household's panel prints, each in the colour its zones are drawn in
    assert rows == [["0.5m未満", DEPTH_COLOURS[1]], ["0.3m以上1.0m未満", DEPTH_COLOURS[2]],
                    ["1.0m以上2.0m未満", DEPTH_COLOURS[2]]]
    box: dict = {}
    window.map_view.call("hazardState", callback=lambda r: box.setdefault("r", r))
    qtbot.waitUntil(lambda: "r" in box, timeout=10_000)
    state = box["r"]["tsunami"]
    assert state["drawn"] == 3 and set(state["fills"].values()) == {DEPTH_COLOURS[1], DEPTH_COLOURS[2]}
    assert window.map_view.js_errors == []
