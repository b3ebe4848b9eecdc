"""The main window on the real WebEngine page: map bridge, undo, panel edits, filter, search, base maps."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from app.core.views import Crs, MapPoint
from app.households import households
from app.towns import basemaps
from app.ui.app import settings_for
from app.ui.dialogs import BaseMapChoiceDialog
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow.actions import MainAction
from tests.conftest import MBTILES
from tests.page_calls import run_js, run_json, settle

READY_MS = 60_000


@pytest.fixture
def window(qtbot, demo_ledger, demo_dir):
    w = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    yield w
    assert w.map_view.js_errors == [], "the page reported JavaScript errors"


def quiet(qtbot, window) -> None:
    """Wait for the open's own reads to end: Steps II and III's lists, then the sync status line's counts run on
    threads once the map is drawn. A test counting the statements of one edit waits for them first."""
    qtbot.waitUntil(lambda: window.sync.label.text() != "" and not window.towns.reading, timeout=READY_MS)


def page_state(qtbot, window) -> dict:
    box: dict = {}
    window.map_view.state(lambda result: box.setdefault("state", result))
    qtbot.waitUntil(lambda: "state" in box, timeout=10_000)
    return box["state"]


def texts_on_page(qtbot, window) -> None:
    """The households' labels and addresses, and the members' names, are on the page: they follow the households
    (``TownController.texts_pending``); then a round trip over the channel, which waits behind them there."""
    qtbot.waitUntil(lambda: not window.towns.texts_pending, timeout=READY_MS)
    page_state(qtbot, window)


def page_passes(qtbot, window) -> int:
    """How many times the page has painted its households, once every call sent has run there (a ping)."""
    settle(qtbot, window.map_view)
    return int(run_json(qtbot, window.map_view, "sasaeai._.paints.full + sasaeai._.paints.partial"))


def ledger_households(window):
    with window.ledger.Session() as s:
        return {str(h.id): h for h in households.list_households(s, window.towns.town.id)}


def test_page_shows_every_household_of_the_ledger(qtbot, window):
    texts_on_page(qtbot, window)
    state = page_state(qtbot, window)
    in_ledger = ledger_households(window)
    household_ids = [i for i in state["ids"] if i in in_ledger]
    assert sorted(household_ids) == sorted(in_ledger)
    assert len(state["ids"]) == len(in_ledger) + 2  # and the two gathering places
    assert state["baseLoaded"] is True
    # What the page holds (sent compact) is exactly the town's GeoJSON layer.
    from app.maps.query import town_features

    with window.ledger.Session() as s:
        expected = town_features(s, window.towns.town.id, window.map_view.crs)["features"]
    assert json.loads(run_js(qtbot, window, "JSON.stringify(sasaeai.featureData())")) == expected


def on_the_drawn_map(window, x: float, y: float) -> MapPoint:
    """Where a spot of the demo's drawn map (its pixels) lies on the ground the page is drawn in."""
    with window.ledger.Session() as s:
        georef = basemaps.georeference_of(s, window.towns.town.id)
    assert georef is not None and window.map_view.crs is Crs.GEO  # the demo is tied to (fictional) ground
    return MapPoint(Crs.GEO, *georef.to_geo(x, y))


def assert_placed(household, geo: MapPoint, pixel: tuple[float, float]) -> None:
    """Both coordinates kept: the longitude/latitude the page reported, and the spot on the scan under it."""
    assert household.geo == geo
    assert household.pixel is not None
    assert household.pixel.x == pytest.approx(pixel[0], abs=0.01)
    assert household.pixel.y == pytest.approx(pixel[1], abs=0.01)


def test_add_and_move_through_the_bridge_then_undo_both(qtbot, window):
    before = ledger_households(window)
    added, moved = on_the_drawn_map(window, 500.0, 400.0), on_the_drawn_map(window, 620.5, 433.0)
    # GIVEN add mode WHEN the page reports a click on the map's drawn area
    window.actions[MainAction.ADD_HOUSEHOLD].setChecked(True)
    passes_before = page_passes(qtbot, window)
    window.map_view.bridge.mapClicked(added.x, added.y)
    after_add = ledger_households(window)
    [new_id] = set(after_add) - set(before)
    assert_placed(after_add[new_id], added, (500.0, 400.0))
    assert after_add[new_id].map_number == max(h.map_number for h in before.values()) + 1
    assert page_state(qtbot, window)["positions"][new_id] == [added.x, added.y]
    assert page_state(qtbot, window)["selected"] == new_id
    assert page_passes(qtbot, window) == passes_before + 1  # the new symbol and its selection: one repaint
    assert window.household_panel.household.id == after_add[new_id].id  # the new one is selected

    # WHEN the page reports the marker dragged
    window.map_view.bridge.featureMoved(new_id, moved.x, moved.y)
    assert_placed(ledger_households(window)[new_id], moved, (620.5, 433.0))
    assert page_state(qtbot, window)["positions"][new_id] == [moved.x, moved.y]

    # WHEN undo: the move goes back, in the ledger and on the page
    window.actions[MainAction.UNDO].trigger()
    assert_placed(ledger_households(window)[new_id], added, (500.0, 400.0))
    assert page_state(qtbot, window)["positions"][new_id] == [added.x, added.y]
    # WHEN undo again: the household is gone from both
    window.actions[MainAction.UNDO].trigger()
    assert new_id not in ledger_households(window)
    assert new_id not in page_state(qtbot, window)["ids"]
    # and redo brings it back where it was added
    window.actions[MainAction.REDO].trigger()
    assert_placed(ledger_households(window)[new_id], added, (500.0, 400.0))
    assert new_id in page_state(qtbot, window)["ids"]


def test_a_click_off_the_drawn_map_adds_nothing(qtbot, window):
    before = ledger_households(window)
    window.actions[MainAction.ADD_HOUSEHOLD].setChecked(True)
    off = on_the_drawn_map(window, -400.0, -400.0)  # in the sea beyond the scan's corner
    window.map_view.bridge.mapClicked(off.x, off.y)
    assert ledger_households(window).keys() == before.keys()
    assert window.map_view.refused  # and the page's report was refused, not half-applied


def test_click_without_add_mode_adds_nothing(qtbot, window):
    before = ledger_households(window)
    inside = on_the_drawn_map(window, 300.0, 300.0)
    window.map_view.bridge.mapClicked(inside.x, inside.y)
    assert ledger_households(window).keys() == before.keys()
    assert window.map_view.refused == []  # a click on the map, only not in add mode


def test_editing_in_the_panel_changes_the_ledger_and_undo_restores_it(qtbot, window):
    target = next(h for h in ledger_households(window).values() if h.name)
    window.map_view.bridge.featureClicked(str(target.id))
    panel = window.household_panel
    assert panel.name.text() == target.name
    panel.name.setText("新しい名前")
    panel.name.editingFinished.emit()
    assert ledger_households(window)[str(target.id)].name == "新しい名前"
    window.actions[MainAction.UNDO].trigger()
    assert ledger_households(window)[str(target.id)].name == target.name
    assert panel.name.text() == target.name


def test_category_checkbox_in_the_panel_changes_the_symbol_data(qtbot, window):
    target = next(h for h in ledger_households(window).values() if not h.category_codes)
    window.households.select_household(target.id)
    window.household_panel.category_check("single_elderly").click()  # as a click on the box does
    assert ledger_households(window)[str(target.id)].category_codes == ("single_elderly",)


def test_delete_asks_first_and_undo_brings_it_back(qtbot, window, monkeypatch):
    target = next(iter(ledger_households(window).values()))
    window.households.select_household(target.id)
    monkeypatch.setattr(window, "confirm", lambda _question: False)
    window.actions[MainAction.DELETE].trigger()
    assert str(target.id) in ledger_households(window)
    monkeypatch.setattr(window, "confirm", lambda _question: True)
    window.actions[MainAction.DELETE].trigger()
    assert str(target.id) not in ledger_households(window)
    assert str(target.id) not in page_state(qtbot, window)["ids"]
    window.actions[MainAction.UNDO].trigger()
    assert str(target.id) in ledger_households(window)
    assert str(target.id) in page_state(qtbot, window)["ids"]


def test_filter_by_category_shows_only_those_households(qtbot, window):
    in_ledger = ledger_households(window)
    for code in ("of_concern", "elderly_couple", "disability", "child_rearing", "foreign_resident", "vacant_house",
                 "none", "place"):
        window.filter_box.set_checked(code, False)
    visible = set(page_state(qtbot, window)["visible"])
    expected = {i for i, h in in_ledger.items() if "single_elderly" in h.category_codes}
    assert visible == expected and expected


def test_search_box_finds_and_selects_a_household(qtbot, window):
    target = next(h for h in ledger_households(window).values() if h.persons)
    kana = target.persons[0].kana
    window.search_box.field.setText(kana.replace("　", ""))
    qtbot.waitUntil(lambda: window.search_box.hits.count() > 0, timeout=5_000)
    window.search_box.hits.itemClicked.emit(window.search_box.hits.item(0))
    assert window.households.selected_id is not None
    assert any(p.kana == kana for p in window.household_panel.household.persons)
    assert page_state(qtbot, window)["selected"] == str(window.households.selected_id)


def test_bad_base_map_file_shows_a_message_and_keeps_the_map(qtbot, window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    bad = tmp_path / "scan.png"
    bad.write_text("not a picture")
    with window.ledger.Session() as s:
        before = basemaps.base_map_of(s, window.ledger.data_dir, window.towns.town.id)
    assert window.towns.choose_base_map(BaseMapChoiceDialog.IMAGE, bad) is False
    assert shown and "scan.png" in shown[0]
    with window.ledger.Session() as s:
        assert basemaps.base_map_of(s, window.ledger.data_dir, window.towns.town.id) == before
    assert window.map_view.is_ready  # the page was not rebuilt


def test_mbtiles_base_map_is_served_through_the_scheme_with_nothing_leaving(qtbot, window):
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        assert window.towns.choose_base_map(BaseMapChoiceDialog.MBTILES, MBTILES / "consbio_geography-class-png.mbtiles")
    assert window.map_view.crs is Crs.GEO
    assert window.map_view.scheme_handler.served > 0
    assert window.map_view.guard.blocked == []


def test_every_ask_of_the_base_map_scheme_gets_an_answer(qtbot, window):
    # The page is not trusted: whatever tile address its script makes, the app answers it (a tile, or a refusal),
    # never leaving the ask open (a fetch that never ends holds every call to the page behind it).
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        assert window.towns.choose_base_map(BaseMapChoiceDialog.MBTILES, MBTILES / "consbio_geography-class-png.mbtiles")
    run_js(qtbot, window, """(function () {
        var url = sasaeai._.config.base.url;
        function at(z, x, y) { return url.replace("{z}", z).replace("{x}", x).replace("{y}", y); }
        window.__asks = {};
        function ask(name, address) {
          fetch(address).then(function (r) { window.__asks[name] = r.ok ? "tile" : "refused " + r.status; },
                              function () { window.__asks[name] = "refused"; });
        }
        ask("a tile", at(0, 0, 0));
        ask("off the world", at(1, 5, 0));
        ask("a number too long to read", at(1, "9".repeat(5000), 0));
        ask("a zoom too long to read", at("1".repeat(5000), 0, 0));
        ask("no such file", "sasaeai://basemap/" + "0".repeat(32) + ".mbtiles/0/0/0");
        return true;
    })()""")
    qtbot.waitUntil(lambda: len(run_json(qtbot, window, "window.__asks")) == 5, timeout=10_000)
    asks = run_json(qtbot, window, "window.__asks")
    assert asks["a tile"] == "tile"
    assert all(answer.startswith("refused") for name, answer in asks.items() if name != "a tile")


def test_a_message_offered_to_the_last_page_is_kept_while_the_next_page_loads_then_withdrawn(qtbot, window):
    # The last page still runs while the next one loads (a new base map, the projector turned on right after an
    # open): a message it was just sent (the households' labels) must still be there when it asks, or its fetch
    # fails and it reports an error. Once the next page is up, nothing may fetch it any more.
    handler = window.map_view.scheme_handler
    url = handler.offer("近藤家".encode())
    token = url.rsplit("/", 1)[1]
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
        assert token in handler.offers()  # the next page is loading: the last one may still ask
    assert token not in handler.offers()
    run_js(qtbot, window, f"""(function () {{
        fetch({json.dumps(url)}).then(function (r) {{ window.__asked = r.ok ? "served" : "refused " + r.status; }},
                                      function () {{ window.__asked = "refused"; }});
        return true;
    }})()""")
    qtbot.waitUntil(lambda: run_json(qtbot, window, "window.__asked || null") is not None, timeout=10_000)
    assert run_json(qtbot, window, "window.__asked").startswith("refused")


def test_nothing_leaves_the_machine_and_the_guard_would_stop_it(qtbot, window):
    assert window.map_view.guard.blocked == []
    assert window.map_view.scheme_handler.served >= 1  # the town-map image came through the scheme
    # The guard is real: going to the internet from the map view is blocked and recorded.
    window.map_view.page().load(QUrl("https://tile.example.org/0/0/0.png"))
    qtbot.waitUntil(lambda: bool(window.map_view.guard.blocked), timeout=10_000)
    assert window.map_view.guard.blocked[0].startswith("https://tile.example.org/")


def test_window_remembers_its_town(qtbot, window, demo_dir):
    window.close()
    assert settings_for(demo_dir).value("ledger/last_town") == str(window.towns.town.id)


def test_all_three_steps_are_reachable(qtbot, window):
    for index, action in enumerate(window.actions.steps):
        action.trigger()
        assert window.steps.currentIndex() == index


def test_selected_household_gets_a_drag_handle(qtbot, window):
    target = next(iter(ledger_households(window)))
    window.map_view.bridge.featureClicked(target)
    assert page_state(qtbot, window)["handle"] == target
    assert run_js(qtbot, window, "document.querySelectorAll('.drag-handle').length") == 1
    window.households.select_household(None)
    assert page_state(qtbot, window)["handle"] is None


def test_markup_in_a_name_shows_as_text_and_never_runs(qtbot, window):
    payload = '<img src=x onerror="document.title=\'pwned\'">'
    target = next(h for h in ledger_households(window).values())
    window.households.select_household(target.id)
    window.household_panel.name.setText(payload)
    window.household_panel.name.editingFinished.emit()
    assert ledger_households(window)[str(target.id)].name == payload
    page_state(qtbot, window)  # the update has reached the page
    assert run_js(qtbot, window, f"sasaeai.showTooltip('{target.id}')") is True
    tooltip_text = run_js(qtbot, window, "document.querySelector('.sasaeai-tooltip').textContent")
    assert payload in tooltip_text
    assert run_js(qtbot, window, "document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert run_js(qtbot, window, "document.title") != "pwned"
    assert window.household_panel.title.text().endswith(payload)  # the panel shows it literally too


def test_the_town_arrives_as_columns_in_one_message_and_the_page_holds_the_same_layer(qtbot, window):
    from app.maps.query import town_features

    sent: list[str] = []
    window.map_view.bridge.invoke.connect(lambda name, _args: sent.append(name))
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
    texts_on_page(qtbot, window)
    with window.ledger.Session() as s:
        expected = town_features(s, window.towns.town.id, window.map_view.crs)["features"]
    assert json.loads(run_js(qtbot, window, "JSON.stringify(sasaeai.featureData())")) == expected
    state = page_state(qtbot, window)
    assert len(state["visible"]) == len(expected) and state["lines"] and all(line["drawn"] for line in state["lines"]
                                                                              if state["linesVisible"])
    assert sent.count("setFeatures") == 1 and "upsert" not in sent  # the whole town in one message


def test_at_1280_by_1000_the_legend_hides_no_household_and_remembers_being_closed(qtbot, window, demo_dir):
    from tests.test_map_fit import LAYOUT, overlaps, symbol_shown

    window.resize(1280, 1000)

    def layout() -> dict:
        return json.loads(run_js(qtbot, window, f"JSON.stringify({LAYOUT})"))

    last: list = [None]

    def still() -> bool:
        now = layout()
        same, last[0] = now == last[0], now
        return same

    qtbot.wait(200)
    qtbot.waitUntil(still, timeout=10_000)
    got = last[0]
    assert got["legendOpen"] is True
    for f in got["features"]:
        assert not overlaps(symbol_shown(f, got), got["legend"]), f  # households 42, 44, 49 … are no longer under it
    # The user closes the legend (from the keyboard: it is a button) and the window keeps that choice.
    run_js(qtbot, window, "document.querySelector('.legend-toggle').focus() || 1")
    run_js(qtbot, window, "document.querySelector('.legend-toggle').click() || 1")
    qtbot.waitUntil(lambda: window.settings.value("map/legend_open") in (False, "false"), timeout=5_000)
    window.settings.sync()
    assert "legend_open=false" in (demo_dir / "settings.ini").read_text(encoding="utf-8")
