"""The map page trusts nothing it is sent, and the app trusts nothing the page says.

Text from files and from the ledger shows as text on the real page (never markup), the page's
Content-Security-Policy lets only the app's own scripts run, page script cannot reach the network,
and the bridge refuses what no honest page would report.
"""

from __future__ import annotations

import io
import json
import logging
import math
import socket
import sqlite3
import uuid
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.core.text import markup_to_text
from app.core.views import BaseMapView, Crs, MapPoint
from app.maps.page import CONTENT_SECURITY_POLICY, PageLabels
from app.maps.view import MapView
from app.towns import basemaps
from app.ui.dialogs import BaseMapChoiceDialog
from app.ui.mainwindow.actions import MainAction
from tests.page_calls import run_js, run_json
from tests.test_ui_map import READY_MS, ledger_households, page_state, window  # noqa: F401 - fixture

# What a hostile MBTiles file, roster or layer could carry. Each would set window.__pwned if it ran.
PAYLOADS = {
    "img onerror": '<img src=x onerror="window.__pwned=1;document.title=\'pwned\'">',
    "script": "<script>window.__pwned=1;document.title='pwned'</script>",
    "svg onload": '"><svg onload="window.__pwned=1;document.title=\'pwned\'">',
    "javascript: url": 'javascript:window.__pwned=1//<a href="javascript:window.__pwned=1">x</a>',
}
EVERY_PAYLOAD = "".join(PAYLOADS.values())

# Anything made from a payload: an image, an inline script, a link to javascript:, an element with a handler.
MADE_FROM_PAYLOAD = """(function () {
  var made = document.querySelectorAll('img[src="x"], script:not([src]), a[href^="javascript"], iframe, object, embed');
  var handlers = Array.prototype.filter.call(document.querySelectorAll("*"), function (el) {
    return Array.prototype.some.call(el.attributes, function (a) { return a.name.indexOf("on") === 0; });
  });
  return made.length + handlers.length;
})()"""

TOWN_BOUNDS = (136.15, 35.89, 136.19, 35.92)  # west, south, east, north: around Echizen


def png_bytes(size: int = 256, colour: tuple[int, int, int] = (200, 220, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, format="PNG")
    return out.getvalue()


def make_mbtiles(path: Path, attribution: str) -> Path:
    """A small real MBTiles file: one PNG tile at zoom 14 over Echizen, and the given attribution."""
    zoom = 14
    lon, lat = (TOWN_BOUNDS[0] + TOWN_BOUNDS[2]) / 2, (TOWN_BOUNDS[1] + TOWN_BOUNDS[3]) / 2
    n = 2 ** zoom
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        conn.executemany("INSERT INTO metadata VALUES (?, ?)", [
            ("name", "越前 test"), ("format", "png"), ("minzoom", str(zoom)), ("maxzoom", str(zoom)),
            ("bounds", ",".join(map(str, TOWN_BOUNDS))), ("attribution", attribution)])
        conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (zoom, x, n - 1 - y, png_bytes()))  # TMS rows
    conn.close()
    return path


@pytest.fixture
def host(qtbot):
    """A shown widget holding map views made by a test (the way the printed map makes its own)."""
    widget = QWidget()
    widget.resize(900, 700)
    qtbot.addWidget(widget)
    widget.show()
    views: list[MapView] = []
    yield widget, views
    for view in views:
        view.shutdown()


def open_page(qtbot, host, tmp_path: Path, text: str) -> tuple[MapView, dict[str, str]]:
    """The real page with ``text`` in every place text reaches it; returns the view and the feature ids."""
    widget, views = host
    folder = tmp_path / "basemaps"
    folder.mkdir(exist_ok=True)
    image = folder / f"{uuid.uuid4().hex}.png"
    image.write_bytes(png_bytes(400))
    view = MapView(folder, widget)
    views.append(view)
    view.resize(widget.size())
    view.show()
    # A georeferenced scanned map with a credit line, so the public reference layers show as well.
    base = BaseMapView(None, "image", image, text, 400, 400, text, None, None, TOWN_BOUNDS)
    legend = [{"code": "evil", "label": text, "color": text, "shape": text, "letter": text, "priority": 1},
              {"code": "plain", "label": "一人暮らし", "color": "#1f77b4", "shape": "circle", "letter": "独",
               "priority": 2}]
    labels = PageLabels(legend_title=text, other_household=text, person_of_concern=text, place=text, gap=text,
                        toggle_legend=text, drag_hint=text, approximate=text, roles={"neighbour": text})
    ids = {"household": str(uuid.uuid4()), "place": str(uuid.uuid4()), "reference": str(uuid.uuid4())}
    lon, lat = 136.17, 35.905

    def point(dx: float) -> dict:
        return {"type": "Point", "coordinates": [lon + dx, lat]}

    features = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": ids["household"], "geometry": point(0.0),
         "properties": {"layer": "household", "mapNumber": text, "label": text, "address": text,
                        "categories": ["evil"], "ofConcern": True, "approximate": True}},
        {"type": "Feature", "id": ids["place"], "geometry": point(0.002),
         "properties": {"layer": "place", "label": text, "kind": text, "schedule": text}},
    ]}
    references = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": ids["reference"], "geometry": point(-0.002),
         "properties": {"layer": "reference", "kind": "shelter", "label": text, "address": text}}]}
    with qtbot.waitSignal(view.ready, timeout=READY_MS):
        view.show_town(base, legend, features, labels, center=(lat, lon))
        view.set_lines([{"id": str(uuid.uuid4()), "from": ids["place"], "to": ids["household"], "role": text,
                         "personId": text}])
        view.set_gaps([ids["household"]])
        view.set_references(references, [text, "国土地理院"])
        view.show_references(True)
        view.select(ids["household"])  # the drag handle carries the drag hint
    return view, ids


def tooltip_text(qtbot, view: MapView, feature_id: str) -> str:
    assert run_js(qtbot, view, f"sasaeai.showTooltip({json.dumps(feature_id)})") is True
    return run_js(qtbot, view, "document.querySelector('.sasaeai-tooltip').textContent")


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
def test_markup_from_any_source_shows_as_text_and_never_runs(qtbot, host, tmp_path, payload):
    # GIVEN the payload as the base map's credit, category label, colour, shape and letter, every legend label,
    # a household's name, address and map number, a gathering place's name and opening times, a public
    # shelter's name and address, a reference layer's credit line and a watch line's role
    view, ids = open_page(qtbot, host, tmp_path, payload)
    # THEN nothing ran
    qtbot.wait(300)  # an <img onerror> would have fired by now
    assert run_js(qtbot, view, "typeof window.__pwned") == "undefined"
    assert run_js(qtbot, view, "document.title") != "pwned"
    # AND no element was made from it
    assert run_js(qtbot, view, MADE_FROM_PAYLOAD) == 0
    # AND it shows literally where it belongs
    credits = run_js(qtbot, view, "document.querySelector('.sasaeai-credits').textContent")
    assert credits.count(payload) == 1 and "国土地理院" in credits  # the base map's credit and the layer's
    assert page_state_of(qtbot, view)["attribution"] == credits
    legend = run_js(qtbot, view, "document.querySelector('.sasaeai-legend').textContent")
    assert legend.count(payload) >= 6  # title, the category, other, concern, place, gap, the neighbour line
    assert run_js(qtbot, view, "document.querySelector('.sasaeai-legend text').textContent") == payload  # the letter
    assert run_js(qtbot, view, "document.querySelector('.drag-handle').title") == payload
    household = tooltip_text(qtbot, view, ids["household"])
    assert household.count(payload) == 4  # map number, name, address, the "position guessed" note
    assert tooltip_text(qtbot, view, ids["place"]).count(payload) == 2  # name and opening times
    assert tooltip_text(qtbot, view, ids["reference"]).count(payload) == 2  # name and address
    assert run_js(qtbot, view, "typeof window.__pwned") == "undefined"
    assert run_js(qtbot, view, MADE_FROM_PAYLOAD) == 0
    assert view.js_errors == [], "the page reported errors or CSP violations"


def page_state_of(qtbot, view: MapView) -> dict:
    box: dict = {}
    view.state(lambda result: box.setdefault("state", result))
    qtbot.waitUntil(lambda: "state" in box, timeout=10_000)
    return box["state"]


def test_an_mbtiles_attribution_with_markup_shows_as_text_on_the_town_map(qtbot, window, tmp_path):
    # GIVEN an MBTiles file whose attribution would replace the page if it were HTML, after a real credit
    attribution = ('<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a> '
                   + EVERY_PAYLOAD + "<img src=x onerror=\"document.body.innerHTML='taken over'\"> {{ 7*7 }}")
    mbtiles = make_mbtiles(tmp_path / "evil.mbtiles", attribution)
    # WHEN it is chosen as the town's base map (the page is built again, as at the next start)
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        assert window.towns.choose_base_map(BaseMapChoiceDialog.MBTILES, mbtiles)
    assert window.map_view.crs is Crs.GEO and window.map_view.scheme_handler.served > 0  # the tile was shown
    qtbot.wait(300)
    # THEN the map is still the map, nothing ran, no element was made from the file's markup
    assert run_js(qtbot, window, "document.querySelectorAll('.leaflet-container, .sasaeai-legend').length") == 2
    assert "taken over" not in run_js(qtbot, window, "document.body.textContent")
    assert run_js(qtbot, window, "typeof window.__pwned") == "undefined"
    assert run_js(qtbot, window, MADE_FROM_PAYLOAD) == 0
    assert run_js(qtbot, window, "document.querySelectorAll('.sasaeai-credits a').length") == 0
    # AND the credit reads the text of the file's credit: the tiles' source, no tags, the template text as typed
    # (then the demo's own layers' credit lines, each as text too)
    credit, *layer_credits = page_state(qtbot, window)["attribution"].split(" | ")
    assert credit == markup_to_text(attribution)
    assert credit.startswith("地理院タイル ") and credit.endswith("{{ 7*7 }}") and "<" not in credit
    assert layer_credits and all("架空" in c and "<" not in c for c in layer_credits)


def test_the_page_runs_only_the_apps_script_files_and_reports_what_it_stopped(qtbot, host, tmp_path, caplog):
    view, _ids = open_page(qtbot, host, tmp_path, "ひだまり町")
    assert view.js_errors == [], "the page itself keeps to its policy"
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        # WHEN page script adds an inline script, an inline handler and a javascript: link, and calls eval
        run_js(qtbot, view, """(function () {
            var s = document.createElement("script"); s.textContent = "window.__inline = 1";
            document.body.appendChild(s);
            var b = document.createElement("button"); b.setAttribute("onclick", "window.__handler = 1");
            document.body.appendChild(b); b.click();
            var a = document.createElement("a"); a.href = "javascript:window.__link = 1"; document.body.appendChild(a);
            a.click();
            var d = document.createElement("script"); d.src = "data:text/javascript,window.__data = 1";
            document.body.appendChild(d);
            return true;
        })()""")
        evaluated = run_js(qtbot, view,
                       "(function () { try { return String(eval('6 * 7')); } catch (e) { return e.name; } })()")
        made_function = run_js(qtbot, view,
                           "(function () { try { return String(new Function('return 6 * 7')()); } "
                           "catch (e) { return e.name; } })()")
        # THEN none of it ran
        assert evaluated == "EvalError" and made_function == "EvalError"
        qtbot.wait(300)
        assert run_js(qtbot, view, "[typeof window.__inline, typeof window.__handler, typeof window.__link, "
                               "typeof window.__data].join()") == "undefined,undefined,undefined,undefined"
        # AND each violation reached the log, through the bridge
        qtbot.waitUntil(lambda: sum("CSP violation" in e for e in view.js_errors) >= 4, timeout=10_000)
    reported = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("CSP violation: script-src-elem" in m for m in reported)
    assert any("CSP violation: script-src-attr" in m for m in reported)
    assert any("CSP violation: script-src" in m and "eval" in m for m in reported)


def test_data_urls_are_allowed_for_images_only():
    # Leaflet cancels a tile still loading by pointing it at a blank data: GIF; an image cannot run script,
    # and a data: URL never leaves the machine. Scripts, styles, frames and connections get no data: URL.
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["img-src"].split() == ["'self'", "sasaeai:", "data:"]
    assert [name for name, sources in directives.items() if "data:" in sources] == ["img-src"]
    assert directives["script-src"] == "'self' qrc:" and directives["default-src"] == "'none'"


def test_page_script_cannot_reach_the_network(qtbot, host, tmp_path, caplog):
    # GIVEN a listening port on this machine: if anything left the page, it would arrive here
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    view, _ids = open_page(qtbot, host, tmp_path, "ひだまり町")
    try:
        with caplog.at_level(logging.WARNING):
            # WHEN page script tries fetch, XHR, an image, a beacon and a WebSocket, out and to the local port
            for target in ("http://example.invalid/", f"http://127.0.0.1:{port}/"):
                result = run_js(qtbot, view, f"""(function () {{
                    var url = {json.dumps(target)}, done = [];
                    fetch(url + "fetch").then(function () {{ window.__fetched = 1; }}, function () {{}});
                    try {{ var x = new XMLHttpRequest(); x.open("GET", url + "xhr"); x.send(); }} catch (e) {{}}
                    var img = new Image(); img.src = url + "image.png"; document.body.appendChild(img);
                    try {{ navigator.sendBeacon(url + "beacon", "x"); }} catch (e) {{}}
                    try {{ new WebSocket(url.replace("http", "ws") + "socket"); }} catch (e) {{ done.push(e.name); }}
                    return true;
                }})()""")
                assert result is True
            # THEN each was stopped by the policy and logged
            qtbot.waitUntil(lambda: sum("CSP violation: connect-src" in e for e in view.js_errors) >= 4
                            and sum("CSP violation: img-src" in e for e in view.js_errors) >= 2, timeout=10_000)
            qtbot.wait(500)
            assert run_js(qtbot, view, "typeof window.__fetched") == "undefined"
            # AND the page may not navigate away (no policy covers that): refused and logged
            run_js(qtbot, view, f"location.href = 'http://127.0.0.1:{port}/navigate'; true")
            qtbot.waitUntil(lambda: bool(view.refused), timeout=10_000)
            qtbot.wait(500)
        # AND nothing arrived at the port, and the map is still there
        with pytest.raises(BlockingIOError):
            listener.accept()
    finally:
        listener.close()
    assert run_js(qtbot, view, "typeof sasaeai.state") == "function"
    assert view.guard.blocked == []  # the policy stopped everything before it became a request
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "example.invalid/fetch" in logged and f"127.0.0.1:{port}/navigate" in logged


ATTACK = """new QWebChannel(qt.webChannelTransport, function (channel) {
    var bridge = channel.objects.bridge;
    %s
});
true"""


def test_the_bridge_refuses_what_no_honest_page_would_report(qtbot, window, caplog):
    hh = ledger_households(window)
    target = next(h for h in hh.values() if h.geo is not None)
    with window.ledger.Session() as s:
        base = basemaps.base_map_of(s, window.ledger.data_dir, window.towns.town.id)
        georef = basemaps.georeference_of(s, window.towns.town.id)
    assert window.map_view.crs is Crs.GEO and georef is not None  # the demo's scan is tied to (fictional) ground

    def on_page(x: float, y: float) -> str:
        """A spot of the scan (its pixels) as the page reports it: longitude, latitude."""
        return "%r, %r" % georef.to_geo(x, y)

    before = {i: (h.geo, h.pixel) for i, h in hh.items()}
    window.actions[MainAction.ADD_HOUSEHOLD].setChecked(True)  # a click on the map would add a household
    tid = json.dumps(str(target.id))
    honest = MapPoint(Crs.GEO, *georef.to_geo(321.5, 210.25))
    calls = [
        "bridge.featureMoved('00000000-0000-0000-0000-000000000000', 135.701, 36.201);",  # not on the page
        f"bridge.featureMoved({tid}, {on_page(base.width + 50, 100)});",  # east of the town map
        f"bridge.featureMoved({tid}, {on_page(100, -1)});",  # south of it
        "bridge.featureClicked('<img src=x>');",
        f"bridge.mapClicked({on_page(-20, base.height / 2)});",
        f"bridge.mapClicked({on_page(base.width / 2, base.height * 3)});",
        # AND one honest move, last: calls arrive in order, so when it has landed the others were handled
        f"bridge.featureMoved({tid}, {honest.x!r}, {honest.y!r});",
    ]
    with caplog.at_level(logging.WARNING, logger="app.maps.view"):
        # WHEN a script in the page opens the channel itself and calls the bridge the way the page script does
        assert run_js(qtbot, window, ATTACK % "\n".join(calls)) is True
        qtbot.waitUntil(lambda: ledger_households(window)[str(target.id)].geo == honest, timeout=10_000)
    # THEN the six false reports were refused and logged, and the ledger changed only by the honest move
    assert len(window.map_view.refused) == 6
    assert sum("refused what the map page reported" in r.getMessage() for r in caplog.records) == 6
    after = ledger_households(window)
    assert after.keys() == before.keys()  # no household added by a click off the map
    assert {i: (h.geo, h.pixel) for i, h in after.items() if i != str(target.id)} == \
        {i: p for i, p in before.items() if i != str(target.id)}
    window.actions[MainAction.UNDO].trigger()
    restored = ledger_households(window)[str(target.id)]
    assert restored.geo == before[str(target.id)][0]  # the pair the move is undone in, exactly
    # and the spot on the scan, computed back from it (lossless far within a pixel)
    assert (restored.pixel.x, restored.pixel.y) == (pytest.approx(before[str(target.id)][1].x, abs=1e-6),
                                                    pytest.approx(before[str(target.id)][1].y, abs=1e-6))


MAP = "sasaeai.leafletMap()"


def map_at_rest(qtbot, window) -> None:
    """Wait until the town map stops moving (the page fits the map to the view after loading): a point
    read from the page must still be under the same spot of the map when the mouse gets there."""
    rect = "document.querySelector('.leaflet-image-layer').getBoundingClientRect()"
    last: list = [None]

    def still() -> bool:
        now = run_json(qtbot, window, rect)
        same, last[0] = now == last[0], now
        return same

    qtbot.waitUntil(lambda: still() or qtbot.wait(250), timeout=10_000)


def free_point(qtbot, window) -> tuple[int, int]:
    """A spot on the town map image, on no symbol and no control, in widget pixels (the map at rest)."""
    map_at_rest(qtbot, window)
    return tuple(run_json(qtbot, window, f"""(function () {{
        var map = {MAP}, image = document.querySelector(".leaflet-image-layer").getBoundingClientRect();
        var pts = sasaeai.visibleIds().map(function (id) {{
            var f = sasaeai.featureData().filter(function (g) {{ return String(g.id) === id; }})[0];
            var c = f.geometry.coordinates;
            return map.latLngToContainerPoint([c[1], c[0]]);
        }});
        for (var y = Math.ceil(image.top) + 20; y < image.bottom - 20; y += 10) {{
            for (var x = Math.ceil(image.left) + 20; x < image.right - 20; x += 10) {{
                var el = document.elementFromPoint(x, y);
                if (!el || el.closest(".leaflet-control") || !el.matches("canvas")) {{ continue; }}
                if (pts.every(function (p) {{ return Math.abs(p.x - x) > 40 || Math.abs(p.y - y) > 40; }})) {{
                    return [x, y];
                }}
            }}
        }}
        return null;
    }})()"""))


def to_map(qtbot, window, x: float, y: float) -> tuple[float, float]:
    ll = run_json(qtbot, window, f"(function () {{ var ll = {MAP}.containerPointToLatLng([{x}, {y}]); "
                                 "return [ll.lng, ll.lat]; })()")
    return ll[0], ll[1]


def on_screen(qtbot, window, point: MapPoint) -> tuple[float, float]:
    """Where ``point`` (the page's coordinates: longitude, latitude on the demo) is in widget pixels."""
    p = run_json(qtbot, window, f"{MAP}.latLngToContainerPoint([{point.y!r}, {point.x!r}])")
    return p["x"], p["y"]


def handle_centre(qtbot, window) -> QPoint:
    x, y = run_json(qtbot, window, "(function () { var r = document.querySelector('.drag-handle')"
                                   ".getBoundingClientRect(); "
                                   "return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    return QPoint(round(x), round(y))


def drag(qtbot, window, start: QPoint, end: QPoint) -> tuple[float, float]:
    """Press on ``start``, move to ``end`` in steps, release: with the mouse, on the view's surface.

    Returns where on the map the handle was when the button came up.
    """
    surface = window.map_view.focusProxy()
    QTest.mousePress(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(surface, start + (end - start) * (step / 10))
        qtbot.wait(30)
    # Leaflet moves the marker on animation frames and drops a move still waiting for one when the button
    # comes up: release once the handle is under the pointer.
    for _ in range(100):
        if (handle_centre(qtbot, window) - end).manhattanLength() <= 1:
            break
        qtbot.wait(20)
    centre = handle_centre(qtbot, window)
    dropped = to_map(qtbot, window, centre.x(), centre.y())
    QTest.mouseRelease(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    return dropped


def test_a_real_click_and_a_real_drag_in_the_page_reach_the_ledger(qtbot, window):
    window.resize(1280, 1000)  # a tall screen: the scanned town map leaves room above it to drop a household there
    window.splitter.setSizes([720, 560])  # (a map as wide as it is tall would fit the town map to its height)
    map_at_rest(qtbot, window)
    surface = window.map_view.focusProxy()
    assert surface is not None
    # GIVEN add mode WHEN the volunteer clicks an empty spot of the town map
    before = ledger_households(window)
    assert window.map_view.crs is Crs.GEO  # the demo's drawn map lies on (fictional) ground
    window.actions[MainAction.ADD_HOUSEHOLD].setChecked(True)  # first: its hint may change the view's size
    x, y = free_point(qtbot, window)
    expected = MapPoint(Crs.GEO, *to_map(qtbot, window, x, y))  # the ground under the pointer
    QTest.mouseClick(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    # THEN a household is in the ledger where the click was: its longitude/latitude under the pointer,
    # and the spot of the scanned map under it kept as well
    qtbot.waitUntil(lambda: len(ledger_households(window)) == len(before) + 1, timeout=10_000)
    [new_id] = set(ledger_households(window)) - set(before)
    added = ledger_households(window)[new_id].geo
    # (compared on the screen, within one screen pixel, once the map has panned the new household into view)
    map_at_rest(qtbot, window)
    at = on_screen(qtbot, window, expected)
    assert on_screen(qtbot, window, added) == (pytest.approx(at[0], abs=1.0), pytest.approx(at[1], abs=1.0))
    assert ledger_households(window)[new_id].pixel is not None
    window.actions[MainAction.ADD_HOUSEHOLD].setChecked(False)
    assert page_state(qtbot, window)["handle"] == new_id  # the new household is selected, with its drag handle

    # WHEN the volunteer drags the handle 60 px right and 40 px down
    start = handle_centre(qtbot, window)
    target = drag(qtbot, window, start, start + QPoint(60, 40))
    # THEN the household moved in the ledger to where it was dropped
    qtbot.waitUntil(lambda: ledger_households(window)[new_id].geo != added, timeout=10_000)
    moved = ledger_households(window)[new_id].geo
    dropped = on_screen(qtbot, window, MapPoint(Crs.GEO, *target))
    assert on_screen(qtbot, window, moved) == (pytest.approx(dropped[0], abs=2.0), pytest.approx(dropped[1], abs=2.0))
    assert page_state(qtbot, window)["positions"][new_id] == [moved.x, moved.y]

    # WHEN the volunteer drags it off the top of the town map
    start = handle_centre(qtbot, window)
    image_top = run_json(qtbot, window, "document.querySelector('.leaflet-image-layer').getBoundingClientRect().top")
    assert image_top > 20, "room above the town map to drop it there"
    drag(qtbot, window, start, QPoint(start.x(), round(image_top) - 15))
    # THEN the move is refused: the ledger keeps the household where it was and the handle goes back onto it
    qtbot.waitUntil(lambda: bool(window.map_view.refused), timeout=10_000)
    assert ledger_households(window)[new_id].geo == moved

    def handle_on_symbol() -> bool:
        symbol = run_json(qtbot, window, f"{MAP}.latLngToContainerPoint([{moved.y}, {moved.x}])")
        return (handle_centre(qtbot, window) - QPoint(round(symbol["x"]), round(symbol["y"]))).manhattanLength() <= 1

    qtbot.waitUntil(handle_on_symbol, timeout=10_000)


def test_a_credit_written_as_html_reads_as_its_text():
    # GIVEN credit lines as MBTiles files write them (HTML), and text that only looks like markup
    # THEN the reader sees the text: links, tags and scripts are gone, entities read as characters
    assert markup_to_text('<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>') == "地理院タイル"
    assert markup_to_text('&copy; <a href="x">OpenStreetMap</a>  contributors') == "© OpenStreetMap contributors"
    assert markup_to_text('<script>window.__pwned = 1</script><img src=x onerror="alert(1)">') == ""
    assert markup_to_text("国土地理院 1 < 2") == "国土地理院 1 < 2"
