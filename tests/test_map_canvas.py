"""The households on the real WebEngine page: typed-array columns over the bridge, one canvas pass.

The page draws exactly the ledger's households (count, place on screen, symbol of their first category),
a click on a drawn one selects it, a masked town shows no name anywhere the page holds or shows, and an
edit moves one symbol without sending the town again (what crossed the bridge is counted).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtTest import QTest

from app.core.views import Crs
from app.households import households
from app.maps.features import household_feature
from app.maps.query import town_layer
from tests.test_map_fit import close, demo_town, open_town, run_json

SIZE = QSize(1280, 1000)  # the whole demo town is in view


def ledger_homes(ledger, town_id):
    with ledger.Session() as s:
        homes = [h for h in households.list_households(s, town_id) if h.geo is not None]
        priority = {c.code: c.priority for c in households.list_categories(s)}
    return homes, priority


def drawn(qtbot, view) -> dict[str, tuple[float, float, str]]:
    rows = run_json(qtbot, view, "sasaeai.drawnSymbols()")
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def on_screen(qtbot, view, lon: float, lat: float) -> tuple[float, float]:
    p = run_json(qtbot, view, f"(function () {{ var p = sasaeai.leafletMap().latLngToContainerPoint([{lat!r}, {lon!r}]);"
                              " return [p.x, p.y]; })()")
    return p[0], p[1]


def painted(qtbot, view, x: float, y: float) -> bool:
    """Whether the households' canvas has paint at this point of the map's box."""
    return run_json(qtbot, view, f"""(function () {{
        sasaeai._.paintNow();  // a repaint asked for and not yet run (it runs as the next task)
        var c = document.querySelector("canvas.sasaeai-households"), r = c.getBoundingClientRect();
        var box = sasaeai.leafletMap().getContainer().getBoundingClientRect(), k = c.width / r.width;
        var px = Math.round((box.left + {x} - r.left) * k), py = Math.round((box.top + {y} - r.top) * k);
        return c.getContext("2d").getImageData(px, py, 1, 1).data[3] > 0; }})()""")


def test_the_canvas_draws_exactly_the_households_of_the_ledger(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, priority = ledger_homes(demo_ledger, town_id)
        got = drawn(qtbot, view)
        ids = {k for k in got if k in {str(h.id) for h in homes}}
        # every household of the ledger is drawn once, nothing else but the gathering places
        assert ids == {str(h.id) for h in homes} and len(homes) == 60
        assert all(code == "place" for k, (_x, _y, code) in got.items() if k not in ids)
        for h in homes:
            x, y, code = got[str(h.id)]
            # where its longitude and latitude are on the screen, within a pixel, with paint there
            assert abs(x - on_screen(qtbot, view, h.geo.x, h.geo.y)[0]) <= 1
            assert abs(y - on_screen(qtbot, view, h.geo.x, h.geo.y)[1]) <= 1
            assert painted(qtbot, view, x, y)
            # in the symbol of its first category by priority, or the plain one
            first = min(h.category_codes, key=lambda c: (priority[c], c)) if h.category_codes else "none"
            assert code == first, h.map_number
        # the page holds the same layer as the ledger reads (the columns decode to the same GeoJSON)
        with demo_ledger.Session() as s:
            expected = town_layer(s, town_id, Crs.GEO).feature_collection()["features"]
        assert run_json(qtbot, view, "sasaeai.featureData()") == expected
        # the 気がかり filter leaves only those households drawn
        shown = run_json(qtbot, view, 'sasaeai.setFilter(["of_concern"])')
        concern = {str(h.id) for h in homes if "of_concern" in h.category_codes}
        assert shown == len(concern) and set(drawn(qtbot, view)) == concern
    finally:
        close(view)


def test_a_click_on_a_drawn_household_selects_it(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        target = homes[7]
        x, y, _code = drawn(qtbot, view)[str(target.id)]
        box = run_json(qtbot, view, "(function () { var r = sasaeai.leafletMap().getContainer()"
                                    ".getBoundingClientRect(); return [r.left, r.top]; })()")
        with qtbot.waitSignal(view.feature_clicked, timeout=10_000) as clicked:
            QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(round(box[0] + x), round(box[1] + y)))
        assert clicked.args == [str(target.id)]
        state = run_json(qtbot, view, "sasaeai.state()")
        assert state["selected"] == str(target.id) and state["handle"] == str(target.id)
    finally:
        close(view)


def test_a_masked_town_shows_no_name_and_sends_none(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        names = {h.label for h in homes if h.label} | {h.address for h in homes if h.address}
        sent: list[str] = []
        view.bridge.invoke.connect(lambda name, args: sent.append(args))
        with demo_ledger.Session() as s:
            view.set_features(town_layer(s, town_id, Crs.GEO).anonymous().for_page())
        qtbot.waitUntil(lambda: bool(sent), timeout=10_000)
        assert names and not [n for n in names if n in sent[0]]  # nothing personal crossed the bridge
        data = run_json(qtbot, view, "sasaeai.featureData()")
        assert len(data) >= len(homes) and not [n for n in names if n in json.dumps(data, ensure_ascii=False)]
        assert run_json(qtbot, view, f"sasaeai.showTooltip('{homes[3].id}')") is True
        tip = run_json(qtbot, view, "document.querySelector('.sasaeai-tooltip').textContent")
        assert tip.startswith(f"No.{homes[3].map_number}") and not [n for n in names if n in tip]
    finally:
        close(view)


def test_an_edit_moves_one_symbol_without_sending_the_town_again(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        before = drawn(qtbot, view)
        target = homes[11]
        feature = household_feature(target, Crs.GEO)
        lon, lat = target.geo.x + 0.0004, target.geo.y - 0.0003
        feature["geometry"]["coordinates"] = [lon, lat]
        sent: list[tuple[str, str]] = []
        view.bridge.invoke.connect(lambda name, args: sent.append((name, args)))
        view.upsert(feature)
        run_json(qtbot, view, "sasaeai.ping()")
        qtbot.waitUntil(lambda: bool(sent), timeout=10_000)
        # one small message: the one household, not the town
        assert [name for name, _ in sent] == ["upsert"] and len(sent[0][1]) < 1000
        after = drawn(qtbot, view)
        assert set(after) == set(before)
        moved = {k for k in after if after[k] != before[k]}
        assert moved == {str(target.id)}
        assert after[str(target.id)][:2] == pytest.approx(on_screen(qtbot, view, lon, lat), abs=1)
        assert run_json(qtbot, view, "sasaeai.state()")["positions"][str(target.id)] == [lon, lat]
    finally:
        close(view)



def test_plain_geojson_draws_the_same_households_as_the_columns(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        from_columns = drawn(qtbot, view)
        with demo_ledger.Session() as s:
            geojson = town_layer(s, town_id, Crs.GEO).feature_collection()
        view.set_features(geojson)
        assert run_json(qtbot, view, "sasaeai.featureData()") == geojson["features"]
        assert drawn(qtbot, view) == from_columns
    finally:
        close(view)


def test_a_crowded_view_is_drawn_in_plain_shapes_and_still_answers_clicks(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        full = drawn(qtbot, view)
        # GIVEN more symbols in view than the page draws one by one (a whole city; here the demo's 60)
        run_json(qtbot, view, "(function () { sasaeai._.dense = 10; sasaeai.select(null); return true; })()")
        crowded = drawn(qtbot, view)
        # THEN the same households are drawn at the same places, with paint there
        assert {k: v[:2] for k, v in crowded.items()} == {k: v[:2] for k, v in full.items()}
        assert all(painted(qtbot, view, x, y) for x, y, _code in crowded.values())
        # and a click on one still finds it
        homes, _ = ledger_homes(demo_ledger, town_id)
        x, y, _code = crowded[str(homes[5].id)]
        assert run_json(qtbot, view, f"sasaeai._.hitAt(L.point({x}, {y}))") == str(homes[5].id)
    finally:
        close(view)
