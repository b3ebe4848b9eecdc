"""How a town reaches the real WebEngine page: the households as one binary message fetched once from the app's
scheme at a one-time URL, the calls made meanwhile applied after it in order, the watch lines and the members'
labels as columns of fixed-width ids (issue 17: the UI thread's hand-over and the page's parse).
"""

from __future__ import annotations

import json
import uuid

from PySide6.QtCore import QSize

from app.core.views import Crs
from app.maps.features import household_feature, line_specs
from app.maps.page import CONTENT_SECURITY_POLICY
from app.maps.query import page_columns, town_layer
from app.watch import network as watch
from tests.page_calls import run_json
from tests.test_map_canvas import ledger_homes
from tests.test_map_fit import close, demo_town, open_town

SIZE = QSize(1000, 800)


def page_call(qtbot, view, function: str, *args):
    """A call through the bridge, as the app makes it (queued behind any call still waiting on the page)."""
    with qtbot.waitCallback(timeout=10_000) as done:
        view.call(function, *args, callback=done)
    return done.args[0]


def sent_messages(view) -> list[tuple[str, str]]:
    sent: list[tuple[str, str]] = []
    view.bridge.invoke.connect(lambda name, args: sent.append((name, args)))
    return sent


def fetch_again(qtbot, view, url: str) -> str:
    """What the page gets when it asks for ``url`` itself (as a script that got in would)."""
    run_json(qtbot, view, f"""(function () {{ window.__again = null;
        fetch({json.dumps(url)}).then(function (r) {{ window.__again = r.ok ? "served " + r.status : "refused"; }},
                                      function (e) {{ window.__again = "refused"; }});
        return true; }})()""")
    qtbot.waitUntil(lambda: run_json(qtbot, view, "window.__again") is not None, timeout=10_000)
    return run_json(qtbot, view, "window.__again")


def test_the_households_go_as_one_binary_message_served_once(qtbot, demo_ledger):
    # GIVEN a town on the page
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        sent = sent_messages(view)
        with demo_ledger.Session() as s:
            layer = town_layer(s, town_id, Crs.GEO)
        # WHEN its households are sent again
        view.set_features(layer.for_page())
        page_call(qtbot, view, "ping")
        # THEN the bridge carried a short message naming a one-time URL of the app's scheme, and no household
        name, message = sent[0]
        households = json.loads(message)[1]["households"]
        assert name == "setFeatures" and len(message) < 2_000
        assert not [h for h in homes if str(h.id) in message or h.label in message]
        assert households["url"].startswith("sasaeai://town/") and len(households["url"]) > 50
        # AND the page read every household from it, exactly as the ledger has them
        assert run_json(qtbot, view, "sasaeai.featureData()") == layer.feature_collection()["features"]
        # AND the URL was served once: the page itself cannot have it again, nor a URL never offered
        assert fetch_again(qtbot, view, households["url"]) == "refused"
        assert fetch_again(qtbot, view, "sasaeai://town/" + "A" * 43) == "refused"
        # AND the page may connect to the app's scheme only
        directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
        assert directives["connect-src"] == "sasaeai:"
        view.js_errors.clear()  # the refused fetches were reported by Chromium: what this test wanted
    finally:
        close(view)


def test_calls_made_while_the_page_fetches_the_households_apply_after_them_in_order(qtbot, demo_ledger):
    # GIVEN a town on the page
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        homes, _ = ledger_homes(demo_ledger, town_id)
        moved, gone = homes[3], homes[5]
        feature = household_feature(moved, Crs.GEO)
        feature["geometry"]["coordinates"] = [moved.geo.x + 0.0003, moved.geo.y]
        # WHEN the households are sent again and, right after, one is moved, one removed and one selected
        with demo_ledger.Session() as s:
            view.set_features(town_layer(s, town_id, Crs.GEO).for_page())
        view.upsert(feature)
        view.remove(gone.id)
        view.select(moved.id)
        first = page_call(qtbot, view, "state")
        qtbot.wait(300)  # time enough for a fetch still under way to land
        # THEN the page shows the town with those changes (none undone by the households arriving later)
        for state in (first, page_call(qtbot, view, "state")):
            assert state["positions"][str(moved.id)] == [moved.geo.x + 0.0003, moved.geo.y]
            assert str(gone.id) not in state["ids"] and len(state["ids"]) == len(homes) - 1 + 2  # and two places
            assert state["selected"] == str(moved.id)
    finally:
        close(view)


def test_text_reaches_the_page_as_it_was_written(qtbot, demo_ledger):
    # GIVEN households whose labels and addresses hold a byte order mark, characters beyond the BMP, markup
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        texts = ["\ufeff先頭", "𠮷野家 😀", "<b>&amp;</b>", "", "\u0000x", "a\u2028b"]
        rows = [[str(uuid.UUID(int=i + 1)), 136.17 + i * 1e-4, 35.9, i + 1, texts[i], texts[-1 - i], [], False, False]
                for i in range(len(texts))]
        view.set_features({"households": page_columns(rows), "features": []})
        data = page_call(qtbot, view, "featureData")
        # THEN each is the very same text, in the same household
        assert [(f["id"], f["properties"]["label"], f["properties"]["address"]) for f in data] == \
            [(r[0], r[4], r[5]) for r in rows]
        assert page_call(qtbot, view, "showTooltip", rows[2][0]) is True
        tip = run_json(qtbot, view, "document.querySelector('.sasaeai-tooltip').textContent")
        assert "<b>&amp;</b>" in tip  # text, never markup
    finally:
        close(view)


def test_watch_lines_and_labels_go_as_columns_and_draw_as_before(qtbot, demo_ledger):
    # GIVEN a town with watch lines
    town_id = demo_town(demo_ledger)
    view = open_town(qtbot, demo_ledger, town_id, SIZE)
    try:
        with demo_ledger.Session() as s:
            specs = line_specs(watch.watch_lines(s, town_id))
        assert len(specs) >= 3
        sent = sent_messages(view)
        # WHEN they are sent
        view.set_lines(specs)
        state = page_call(qtbot, view, "state")
        # THEN one message of columns, no object per line
        name, message = sent[0]
        assert name == "setLines" and '"from":' in message and message.count('"from":') == 1
        columns = json.loads(message)[1]
        assert isinstance(columns["from"], str) and len(columns["from"]) == 36 * len(specs)
        # AND the page holds each line between its households, in its role's style, as a list of specs did
        positions = state["positions"]
        assert [(line["id"], line["latlngs"]) for line in state["lines"]] == sorted(
            (spec["id"], [positions[spec["from"]], positions[spec["to"]]]) for spec in specs)
        person = next(iter(specs))["personId"]
        page_call(qtbot, view, "highlightPerson", person)
        network = run_json(qtbot, view, "sasaeai._.networkHouseholds()")
        assert network == {h: True for spec in specs if spec["personId"] == person for h in (spec["from"], spec["to"])}
        # AND labels sent the same way (ids as one string) are what the tooltip shows
        homes, _ = ledger_homes(demo_ledger, town_id)
        sent.clear()
        view.set_labels([str(homes[0].id), str(homes[1].id)], ["一の人", "二の人"])
        data = {f["id"]: f["properties"]["label"] for f in page_call(qtbot, view, "featureData")}
        assert isinstance(json.loads(sent[0][1])[1]["ids"], str)
        assert (data[str(homes[0].id)], data[str(homes[1].id)]) == ("一の人", "二の人")
    finally:
        close(view)
