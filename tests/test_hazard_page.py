"""Hazard zones on the real map page (issue 16): official colours per rank, a switch per kind, the credit
line as text, and households over a zone still clickable. The demo town carries a fictional A31a flood
layer and an A33 landslide layer (app/demo/geography.py)."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.hazards.exposure import exposures
from app.maps.hazard_layers import DEPTH_COLOURS, SEDIMENT_COLOURS, hazard_overlay, page_extent
from app.towns import basemaps
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from tests.page_calls import run_js

READY_MS = 60_000


@pytest.fixture
def window(qtbot, demo_ledger, demo_dir):
    w = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(w)
    w.resize(1280, 900)
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    yield w
    assert w.map_view.js_errors == [], "the page reported JavaScript errors"


def hazard_state(qtbot, window) -> dict:
    box: dict = {}
    window.map_view.call("hazardState", callback=lambda r: box.setdefault("r", r))
    qtbot.waitUntil(lambda: "r" in box, timeout=10_000)
    return box["r"]


def _rgb(hex_colour: str) -> str:
    return hex_colour.lower()


def test_the_zones_are_drawn_in_the_official_colour_of_each_rank_and_class(qtbot, window):
    # GIVEN the demo town with its flood (ranks 1–4) and landslide (警戒区域, 特別警戒区域) layers
    state = hazard_state(qtbot, window)
    # THEN both layers are on the map, every zone drawn
    assert set(state) == {"flood", "sediment"}
    assert state["flood"]["shown"] and state["flood"]["drawn"] == state["flood"]["zones"] == 4
    assert state["sediment"]["drawn"] == 2
    # and each path's fill, read off the page, is the guideline's colour for its depth rank or zone class
    assert state["flood"]["fills"] == {f"flood-{r}": DEPTH_COLOURS[r] for r in (1, 2, 3, 4)}
    assert state["flood"]["fills"]["flood-1"] == "#f7f5a9" and state["flood"]["fills"]["flood-4"] == "#ff9191"
    assert state["sediment"]["fills"] == {"sediment-1": SEDIMENT_COLOURS[1], "sediment-2": SEDIMENT_COLOURS[2]}
    # and the legend names each rank as text beside its swatch
    legend = run_js(qtbot, window, "document.querySelector('.legend-hazards').textContent")
    for text in ("洪水浸水想定区域", "0.5m未満", "0.5m以上3.0m未満", "5.0m以上10.0m未満", "土砂災害警戒区域",
                 "土砂災害特別警戒区域"):
        assert text in legend


def test_a_layer_switches_off_and_on_with_its_credit_line(qtbot, window):
    credit = "洪水浸水想定区域：架空のデモデータ（国土数値情報A31aの形式）"
    attribution = "document.querySelector('.sasaeai-credits').textContent"
    assert credit in run_js(qtbot, window, attribution)
    assert "架空の町・位置は架空" in run_js(qtbot, window, attribution)  # the demo's map says it is fictional
    # WHEN the user unticks the flood layer's box in the legend
    run_js(qtbot, window, "document.querySelector('input[data-kind=\"flood\"]').click(); true")
    state = hazard_state(qtbot, window)
    # THEN its zones and its credit line leave the map; the landslide layer stays
    assert state["flood"]["shown"] is False and state["flood"]["drawn"] == 0
    assert state["sediment"]["drawn"] == 2
    assert credit not in run_js(qtbot, window, attribution)
    assert run_js(qtbot, window, "document.querySelectorAll('path.hazard-flood-1').length") == 0
    # WHEN it is switched on again (from Python this time)
    window.map_view.show_hazard("flood", True)
    state = hazard_state(qtbot, window)
    assert state["flood"]["shown"] and state["flood"]["drawn"] == 4
    assert credit in run_js(qtbot, window, attribution)
    assert run_js(qtbot, window, "document.querySelector('input[data-kind=\"flood\"]').checked") is True


CREDITS_BOX = """(function () {
  var b = document.querySelector('.sasaeai-credits'), r = b.getBoundingClientRect();
  return JSON.stringify({height: r.height, width: r.width, folded: b.classList.contains('folded'),
                         expanded: b.getAttribute('aria-expanded'), role: b.getAttribute('role'),
                         label: getComputedStyle(b, '::before').content, text: b.textContent,
                         lineHeight: parseFloat(getComputedStyle(b).lineHeight)});
})()"""


def test_on_a_laptop_the_credits_fold_into_a_sources_button_that_opens_them(qtbot, window):
    """At 1280 x 760 the map's credits (base map, flood and landslide layers) took three lines over the map's
    corner: folded into one button, they open with a click or from the keyboard, and print whole."""
    window.resize(1280, 760)

    def box() -> dict:
        return json.loads(run_js(qtbot, window, CREDITS_BOX))

    qtbot.waitUntil(lambda: box()["folded"], timeout=10_000)
    folded = box()
    assert folded["height"] <= 2 * folded["lineHeight"] + 8  # one line: the button
    assert folded["role"] == "button" and folded["expanded"] == "false" and "Sources" in folded["label"]
    # The credits are still the control's text (what a printed map and the page's state report).
    assert "架空の町・位置は架空" in folded["text"] and "洪水浸水想定区域" in folded["text"]
    run_js(qtbot, window, "document.querySelector('.sasaeai-credits').click(); true")
    opened = box()
    assert not opened["folded"] and opened["expanded"] == "true"
    assert opened["height"] > 2 * opened["lineHeight"]  # the credits, whole, on their lines
    # From the keyboard: the button takes the focus and Enter folds it again.
    run_js(qtbot, window, "var b = document.querySelector('.sasaeai-credits'); b.focus(); "
                          "b.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); true")
    assert box()["folded"]
    # A printed map shows its credits whole.
    run_js(qtbot, window, "sasaeai.setPrintMode(true); true")
    printed = box()
    assert not printed["folded"] and printed["role"] is None
    run_js(qtbot, window, "sasaeai.setPrintMode(false); true")
    assert box()["folded"]


def test_a_household_over_a_zone_is_still_clicked(qtbot, window):
    # GIVEN a household in the deepest flood band the demo has
    with window.ledger.Session() as s:
        exposed = max((e for e in exposures(s, window.towns.town.id) if e.flood_rank), key=lambda e: e.flood_rank)
    target = str(exposed.household_id)
    # WHEN the page shows it and the volunteer clicks on its symbol with the mouse
    script = f"""(function () {{
        var m = sasaeai.leafletMap(), f = sasaeai.featureData().filter(function (x) {{ return x.id === "{target}"; }})[0];
        var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        m.panTo(ll, {{animate: false}});
        var p = m.latLngToContainerPoint(ll), r = m.getContainer().getBoundingClientRect();
        var x = r.left + p.x, y = r.top + p.y, el = document.elementFromPoint(x, y);
        // The zones drawn under that point (they take no pointer events, so hit-test their shapes).
        var zones = Array.prototype.filter.call(document.querySelectorAll("path.hazard"), function (path) {{
            var local = new DOMPoint(x, y).matrixTransform(path.getScreenCTM().inverse());
            return path.isPointInFill(local);
        }}).length;
        return JSON.stringify({{x: x, y: y, tag: el.tagName, pane: el.parentNode.className, zones: zones}});
    }})()"""
    hit = json.loads(run_js(qtbot, window, script))
    # THEN the topmost thing there is the households' canvas, with a zone beneath it
    assert hit["tag"] == "CANVAS" and "symbols" in hit["pane"] and hit["zones"] >= 1
    with qtbot.waitSignal(window.map_view.feature_clicked, timeout=10_000) as clicked:
        QTest.mouseClick(window.map_view.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(round(hit["x"]), round(hit["y"])))
    # and the click reaches the household, whose panel opens with its exposure
    assert clicked.args == [target]
    qtbot.waitUntil(lambda: window.households.selected_id == exposed.household_id, timeout=10_000)


def test_zones_are_cut_to_the_town_and_kept_until_a_layer_changes(demo_ledger, demo_dir):
    with demo_ledger.Session() as s:
        from app.towns import towns

        town = towns.list_towns(s)[0]
        base = basemaps.base_map_of(s, demo_ledger.data_dir, town.id)
        extent = page_extent(s, town.id, base)
        first = hazard_overlay(s, town.id, extent)
        again = hazard_overlay(s, town.id, extent)
    # The same layers: the page's data is not built again (the very same object comes back).
    assert again is first
    west, south, east, north = extent
    for layer in first:
        for feature in layer["features"]:
            for ring in _rings(feature["geometry"]):
                for lon, lat in ring:
                    assert west - 1e-9 <= lon <= east + 1e-9 and south - 1e-9 <= lat <= north + 1e-9
    # A map in pixels (not tied to the ground) gets no zones at all.
    assert hazard_overlay(None, town.id, None) == []  # type: ignore[arg-type]


def _rings(geometry: dict):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield from polygon


def test_the_scale_bar_is_in_metres_alone(qtbot, window):
    """Leaflet's scale bar adds feet and miles under the metres by default: no one reading a town's map here
    measures in feet."""
    lines = json.loads(run_js(qtbot, window, "JSON.stringify(Array.from("
                                             "document.querySelectorAll('.leaflet-control-scale-line'), e => e.textContent))"))
    assert len(lines) == 1 and re.fullmatch(r"\d+ k?m", lines[0]), lines
