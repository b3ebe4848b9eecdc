"""An unnamed household's label (its first member's name) reaches the page after the map is drawn.

The open sends the households with an unnamed household labelled by its address, and the first members'
names once the map is ready (``query.member_labels``): together they must be exactly the town's layer.
"""

from __future__ import annotations

import json

import pytest

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households
from app.maps.query import member_labels, town_features, town_layer
from app.models import Person
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from tests.page_calls import run_js
from tests.test_mapquery import edge_town  # noqa: F401 - the fixture: households of every awkward kind
from tests.test_ui_map import texts_on_page

READY_MS = 60_000


@pytest.fixture
def label_town(ledger, edge_town):  # noqa: F811
    """The edge town, and unnamed households whose label depends on their members' order and names."""
    with ledger.Session.begin() as s:
        # empty name (not None), members in sort order 2 then 1: the second added comes first
        h = households.add_household(s, edge_town.id, MapPoint(Crs.GEO, 136.19, 35.92), HouseholdFields(name=""))
        later = households.add_person(s, h.id, PersonFields(name="後 次郎"))
        earlier = households.add_person(s, h.id, PersonFields(name="前 花子"))
        s.get(Person, later.id).sort_order, s.get(Person, earlier.id).sort_order = 2, 1
        # only a deleted member: labelled by its address
        gone = households.add_household(s, edge_town.id, MapPoint(Crs.GEO, 136.2, 35.93),
                                        HouseholdFields(address="余川町9-9"))
        households.delete_person(s, households.add_person(s, gone.id, PersonFields(name="去った 人")).id)
        # a named household's members never give its label
        named = households.add_household(s, edge_town.id, MapPoint(Crs.GEO, 136.21, 35.94), HouseholdFields(name="表札の家"))
        households.add_person(s, named.id, PersonFields(name="住人 一"))
    return edge_town


def with_member_labels(session, town_id, crs):
    """The layer as the page ends up holding it: the first message's rows, then the member labels put in."""
    layer = town_layer(session, town_id, crs, members_later=True)
    ids, labels = member_labels(session, layer.unnamed)
    later = dict(zip(ids, labels, strict=True))
    for row in layer.households:
        row[4] = later.get(row[0], row[4])
    return layer.feature_collection()


@pytest.mark.parametrize("crs", [Crs.PIXEL, Crs.GEO])
def test_addresses_then_member_names_give_the_same_layer(ledger, label_town, crs):
    with ledger.Session() as s:
        expected = town_features(s, label_town.id, crs)
        assert with_member_labels(s, label_town.id, crs) == expected
        first = town_layer(s, label_town.id, crs, members_later=True).feature_collection()
    labels = {f["properties"]["label"] for f in expected["features"] if f["properties"]["layer"] == "household"}
    # the edge town's awkward cases are placed on the pixel map, these on the geographic one
    members, addresses = {Crs.PIXEL: ({"山田 キヨ"}, {"余川町1-1"}), Crs.GEO: ({"前 花子"}, {"余川町9-9"})}[crs]
    assert members | addresses <= labels
    # the first message labels an unnamed household by its address, never by a member
    assert not members & {f["properties"]["label"] for f in first["features"]}


def page_features(qtbot, window) -> list:
    # The texts, then the members' names (once the map is ready), are read off the UI thread: wait until they are
    # on the page.
    texts_on_page(qtbot, window)
    return json.loads(run_js(qtbot, window, "JSON.stringify(sasaeai.featureData())"))


@pytest.fixture
def window(qtbot, ledger, label_town, tmp_path):
    w = MainWindow(ledger, settings_for(tmp_path / "settings"))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    yield w
    assert w.map_view.js_errors == [], "the page reported JavaScript errors"


def test_the_page_holds_the_members_names_once_the_map_is_drawn(qtbot, window, ledger):
    with ledger.Session() as s:
        expected = town_features(s, window.towns.town.id, window.map_view.crs)["features"]
    got = page_features(qtbot, window)
    assert got == expected
    assert "前 花子" in {f["properties"].get("label") for f in got}


def test_the_projector_is_never_sent_a_members_name(qtbot, window):
    sent: list[tuple[str, str]] = []
    window.map_view.bridge.invoke.connect(lambda name, args: sent.append((name, args)))
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.projector.set_projector(True)
    page_features(qtbot, window)
    assert "setFeatures" in [name for name, _ in sent]
    assert not any("前 花子" in args or "山田" in args for _, args in sent)
    # and back: the names return
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.projector.set_projector(False, confirm=False)
    assert "前 花子" in {f["properties"].get("label") for f in page_features(qtbot, window)}


def test_a_household_changed_before_the_names_arrive_keeps_its_new_label(qtbot, window, ledger):
    # The page gets an upsert between the households and the members' names (an edit while the map was
    # still drawing): the name sent later, read for the first message's unnamed households, must not win.
    with ledger.Session() as s:
        features = town_features(s, window.towns.town.id, window.map_view.crs)["features"]
    target = next(f for f in features if f["properties"].get("label") == "前 花子")
    renamed = {**target, "properties": {**target["properties"], "label": "新しい 名前"}}
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
        window.map_view.upsert(renamed)
    labels = {f["id"]: f["properties"].get("label") for f in page_features(qtbot, window)}
    assert labels[target["id"]] == "新しい 名前"
    assert "山田 キヨ" not in labels.values()  # (a pixel-map household: not on this geographic map)
    assert sorted(v for v in labels.values() if v == "前 花子") == []
