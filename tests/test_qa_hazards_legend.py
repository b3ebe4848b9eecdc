"""The map's legend names only the hazards drawn on the town's map.

Found on the demo town: after importing the city's tsunami file, whose zones all lie along the coast away from
the town, the town's legend showed a ticked 「津波浸水想定」 heading with nothing under it (and its credit line),
as if a tsunami layer were drawn; a volunteer looked for the zones on the map and found none.
"""

from __future__ import annotations

import pytest

from app.hazards.importer import Extent, import_hazard
from app.models.hazard import HazardKind
from app.towns import basemaps, towns
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from tests.hazard_files import around, write_geojson
from tests.page_calls import run_js

READY_MS = 60_000
TSUNAMI_CREDIT = "国土数値情報（津波浸水想定データ）（国土交通省）を加工して作成"


@pytest.fixture
def tsunami_off_the_town(demo_ledger, tmp_path):
    """A tsunami layer with one zone 1.5 km east of the demo town's map, inside the city's extent."""
    with demo_ledger.Session.begin() as s:
        town = towns.list_towns(s)[0]
        west, south, east, north = basemaps.base_map_of(s, demo_ledger.data_dir, town.id).bounds
        lon, lat = east + 0.018, (south + north) / 2
        path = write_geojson(tmp_path / "A40-18.geojson", [(around(lon, lat, 100), {
            "A40_001": "福井県", "A40_002": "架空", "A40_003": "0.3m以上1.0m未満"})])
        result = import_hazard(s, path, HazardKind.TSUNAMI, extent=Extent(west - 0.05, south - 0.05, east + 0.05,
                                                                            north + 0.05))
    assert result.kept == 1


def test_a_hazard_with_no_zone_on_the_towns_map_has_no_legend_heading_nor_credit(qtbot, demo_ledger, demo_dir,
                                                                                 tsunami_off_the_town):
    window = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.open_initial_town()
        window.show()
    qtbot.waitUntil(lambda: "洪水浸水想定区域" in (run_js(qtbot, window, "(document.querySelector("
                                                          "'.legend-hazards') || {}).textContent || ''") or ""),
                    timeout=10_000)
    legend = run_js(qtbot, window, "document.querySelector('.legend-hazards').textContent")
    # The flood and landslide zones drawn on the town's map keep their headings and ranks ...
    assert "洪水浸水想定区域" in legend and "土砂災害特別警戒区域" in legend
    # ... the tsunami layer, with no zone here, has no heading, no switch and no credit line
    assert "津波" not in legend
    assert run_js(qtbot, window, "document.querySelectorAll('input[data-kind=\"tsunami\"]').length") == 0
    assert TSUNAMI_CREDIT not in run_js(qtbot, window, "document.querySelector('.sasaeai-credits').textContent")
    assert window.map_view.js_errors == []
