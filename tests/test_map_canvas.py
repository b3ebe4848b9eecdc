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
from tests.page_calls import run_json, settle
from tests.test_map_fit import close, demo_town, open_town

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


def painted(qtbot, view, x: float, y: float, *, paint_first: bool = True) -> bool:
    """Whether the households' canvas has paint at this point of the map's box (``paint_first``: after a repaint
    asked for and not yet run, which runs as the page's next task; False: as the canvas is now)."""
    return run_json(qtbot, view, f"""(function () {{
        if ({'true' if paint_first else 'false'}) {{ sasaeai._.paintNow(); }}
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
        served: list[bytes] = []
        offer = view.scheme_handler.offer
        view.scheme_handler.offer = lambda data: (served.append(data), offer(data))[1]  # type: ignore[method-assign]
        with demo_ledger.Session() as s:
            view.set_features(town_layer(s, town_id, Crs.GEO).anonymous().for_page())
        with qtbot.waitCallback(timeout=10_000) as done:  # the page has fetched and read them
            view.call("ping", callback=done)
        assert len(sent) == 2 and len(served) == 1
        # nothing personal crossed the bridge, nor went in the binary message (as UTF-16, how it is sent)
        assert names and not [n for n in names if n in sent[0] or n.encode("utf-16-le") in served[0]]
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


# The canvas's pixels now, then after a full repaint: how many bytes differ, and which passes ran since the last call.
SAME_AS_FULL = """(function () {
    var P = sasaeai._, before = Object.assign({}, P.paints);
    P.paintNow();
    var c = document.querySelector("canvas.sasaeai-households"), ctx = c.getContext("2d");
    var partial = ctx.getImageData(0, 0, c.width, c.height).data;
    var painted = 0;
    for (var i = 3; i < partial.length; i += 4) { if (partial[i]) { painted++; } }
    P.redraw(); P.paintNow();
    var whole = ctx.getImageData(0, 0, c.width, c.height).data, diff = 0, most = 0, where = [];
    for (var j = 0; j < whole.length; j++) {
      var d = Math.abs(whole[j] - partial[j]);
      if (d) { diff++; most = Math.max(most, d); }
      if (d > 16 && where.length < 12) { where.push([(j >> 2) % c.width, Math.floor((j >> 2) / c.width), j & 3, whole[j], partial[j]]); }
    }
    var counts = P.lastCounts || { full: 0, partial: 0 };
    P.lastCounts = Object.assign({}, P.paints);
    return { diff: diff, most: most, where: where, width: c.width, height: c.height, painted: painted, partial: before.partial - counts.partial, full: before.full - counts.full - 0 };
})()"""


def same_as_full(qtbot, view) -> dict:
    settle(qtbot, view)
    return run_json(qtbot, view, SAME_AS_FULL)


def moved_feature(home, lon: float, lat: float) -> dict:
    feature = household_feature(home, Crs.GEO)
    feature["geometry"]["coordinates"] = [lon, lat]
    return feature


def at_screen(qtbot, view, x: float, y: float) -> tuple[float, float]:
    """The longitude and latitude at a point of the map's box."""
    p = run_json(qtbot, view, f"(function () {{ var p = sasaeai.leafletMap().containerPointToLatLng([{x}, {y}]);"
                              " return [p.lng, p.lat]; })()")
    return p[0], p[1]


@pytest.mark.parametrize("crowded", [False, True], ids=["symbols", "plain-shapes"])
def test_an_edit_repaints_only_its_neighbourhood_with_the_pixels_of_a_full_repaint(qtbot, demo_ledger, crowded):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        if crowded:  # a whole city in view: plain shapes, one path per category set (here the demo's 60)
            run_json(qtbot, view, "(function () { sasaeai._.dense = 10; sasaeai._.redraw(); return true; })()")
        same_as_full(qtbot, view)  # from here on the passes are counted
        where = drawn(qtbot, view)
        a, b, c = homes[3], homes[4], homes[20]
        ax, ay, _ = where[str(a.id)]
        bx, by, _ = where[str(b.id)]
        size = run_json(qtbot, view, "[sasaeai.leafletMap().getSize().x, sasaeai.leafletMap().getSize().y]")

        def check(what: str, expect_partial: bool = True) -> None:
            got = same_as_full(qtbot, view)
            if crowded:
                # One path per category set: the rasterizer smooths a pixel a few steps differently depending on
                # the other circles in the path (a full pass beside a full pass too, far from the change); a
                # symbol missing or left behind differs by a hundred steps or more.
                assert got["most"] <= 16, f"{what}: differs from a full repaint: {got}"
            else:
                assert got["diff"] == 0, f"{what}: {got['diff']} bytes differ from a full repaint: {got}"
            assert got["painted"] > 0
            if expect_partial:
                assert got["partial"] >= 1 and got["full"] == 0, f"{what}: {got}"

        # GIVEN a household moved half onto another one (their symbols overlap)
        view.upsert(moved_feature(a, *at_screen(qtbot, view, bx + 9, by + 6)))
        check("moved onto a neighbour")
        # the one painted on top still answers a click there, and nothing is left where it was
        order = list(drawn(qtbot, view))  # in the order painted: the later is on top
        on_top = max(str(a.id), str(b.id), key=order.index)
        assert run_json(qtbot, view, f"sasaeai._.hitAt(L.point({bx + 9}, {by + 6}))") == on_top
        assert run_json(qtbot, view, f"sasaeai._.hitAt(L.point({ax}, {ay}))") != str(a.id)
        # a new household added on top of the two, then selected (an edit sends upsert then select)
        new = moved_feature(c, *at_screen(qtbot, view, bx + 4, by - 5))
        new["id"] = "00000000-0000-4000-8000-00000000abcd"
        view.upsert(new)
        view.select(new["id"])
        check("added on top and selected")
        assert run_json(qtbot, view, f"sasaeai._.hitAt(L.point({bx + 4}, {by - 5}))") == new["id"]
        # the other one selected
        view.select(str(b.id))
        check("another selected")
        # moved across the view's edge: half over the canvas's edge, then off it, then back in
        view.upsert(moved_feature(a, *at_screen(qtbot, view, size[0] + 0.1 * size[0] - 4, size[1] / 2)))
        check("half over the canvas's edge")
        view.upsert(moved_feature(a, *at_screen(qtbot, view, size[0] + 0.1 * size[0] + 60, size[1] / 2)))
        check("off the canvas")
        assert str(a.id) not in drawn(qtbot, view)
        view.upsert(moved_feature(a, *at_screen(qtbot, view, size[0] - 3, 3)))
        check("back in, at the view's corner")
        assert str(a.id) in drawn(qtbot, view)
        # removed: the new one, then one under another
        view.remove(new["id"])
        check("the new one removed")
        view.remove(str(b.id))
        check("one under another removed")
        assert new["id"] not in drawn(qtbot, view) and str(b.id) not in drawn(qtbot, view)
        # the hit grid agrees with a full pass's
        partial_grid = drawn(qtbot, view)
        run_json(qtbot, view, "(function () { sasaeai._.redraw(); sasaeai._.paintNow(); return true; })()")
        assert drawn(qtbot, view) == partial_grid
    finally:
        close(view)


def test_an_edit_shows_by_itself_and_calls_sent_together_are_painted_in_one_pass(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        home = homes[7]
        spot = next((x, y) for x in range(40, 400, 20) for y in range(40, 400, 20)
                    if not painted(qtbot, view, x, y, paint_first=False))  # empty canvas round a corner
        # WHEN a household is moved there and nothing else happens (no round trip, no click)
        view.upsert(moved_feature(home, *at_screen(qtbot, view, *spot)))
        # THEN the canvas shows it there by itself, with nothing asking for a repaint
        qtbot.waitUntil(lambda: painted(qtbot, view, *spot, paint_first=False), timeout=2_000)
        # AND an edit's upsert and select, sent a moment apart as the window sends them (it fills its panel in
        # between), are painted in one pass when sent together (apart, each was painted by itself)
        def passes() -> int:
            settle(qtbot, view)
            before = run_json(qtbot, view, "sasaeai._.paints")
            for i in range(6):
                target = at_screen(qtbot, view, spot[0] + i % 3, spot[1])
                with view.together():
                    view.upsert(moved_feature(home, *target))
                    QTest.qWait(5)
                    view.select(str(home.id) if i % 2 else None)
                settle(qtbot, view)
            after = run_json(qtbot, view, "sasaeai._.paints")
            return after["partial"] + after["full"] - before["partial"] - before["full"]

        assert passes() == 6
        assert painted(qtbot, view, *spot, paint_first=False)
    finally:
        close(view)

def test_a_moved_household_takes_its_watch_lines_with_it_and_no_other(qtbot, demo_ledger):
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        first = [{"id": "line-a", "from": str(homes[0].id), "to": str(homes[1].id), "role": "watcher"},
                 {"id": "line-b", "from": str(homes[2].id), "to": str(homes[3].id), "role": "watcher"}]
        view.set_lines(first)
        # the lines sent again: those of the first set no longer follow their households
        view.set_lines([first[1], {"id": "line-c", "from": str(homes[4].id), "to": str(homes[0].id), "role": "watcher"}])
        lon, lat = homes[0].geo.x + 0.0005, homes[0].geo.y + 0.0004
        view.upsert(moved_feature(homes[0], lon, lat))
        settle(qtbot, view)
        lines = {row["id"]: row for row in run_json(qtbot, view, "sasaeai._.lineState()")}
        assert set(lines) == {"line-b", "line-c"}
        assert lines["line-c"]["latlngs"] == [[homes[4].geo.x, homes[4].geo.y], [lon, lat]]
        assert lines["line-b"]["latlngs"] == [[homes[2].geo.x, homes[2].geo.y], [homes[3].geo.x, homes[3].geo.y]]
        # and a household moved again moves its line again
        view.upsert(moved_feature(homes[4], lon + 0.0002, lat))
        settle(qtbot, view)
        lines = {row["id"]: row for row in run_json(qtbot, view, "sasaeai._.lineState()")}
        assert lines["line-c"]["latlngs"] == [[lon + 0.0002, lat], [lon, lat]]
    finally:
        close(view)
