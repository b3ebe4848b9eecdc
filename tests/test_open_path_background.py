"""The town's households are read off the UI thread while the page starts up (WebEngine loads a page only while
the UI thread runs its event loop), then sent: the map is ready only with them, and nothing of an earlier read,
an edit made meanwhile or the projector's mode is lost on the way.
"""

from __future__ import annotations

from app.core.views import Crs, HouseholdFields, MapPoint
from app.households import households
from app.maps.query import town_features
from tests.test_mapquery import edge_town  # noqa: F401 - the fixture: households of every awkward kind
from tests.test_open_path_labels import READY_MS, label_town, page_features, window  # noqa: F401 - fixtures


def _sent_during(window, action) -> list[tuple[str, str]]:
    sent: list[tuple[str, str]] = []

    def keep(name: str, args: str) -> None:
        sent.append((name, args))

    window.map_view.bridge.invoke.connect(keep)
    try:
        action()
    finally:
        window.map_view.bridge.invoke.disconnect(keep)
    return sent


def test_the_map_is_ready_with_every_household_on_the_page(qtbot, window, ledger):
    # GIVEN a town opened in the window (the fixture waits for "map ready")
    # THEN the page already holds the town's whole layer: "ready" waited for the background read
    with ledger.Session() as s:
        expected = town_features(s, window.towns.town.id, window.map_view.crs)["features"]
    assert page_features(qtbot, window) == expected
    # and the window knows which of the page's features are households (a click is told apart by it)
    assert {i for i, kind in window.towns.kinds.items() if kind == "household"} == {
        f["id"] for f in expected if f["properties"]["layer"] == "household"}


def test_a_town_loaded_again_during_the_read_gets_only_the_newer_read(qtbot, window, ledger):
    town_id = window.towns.town.id

    def twice() -> None:
        with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
            window.towns.load_town(town_id)  # its read is dropped by the next load
            with ledger.Session.begin() as s:
                households.add_household(s, town_id, MapPoint(Crs.GEO, 136.25, 35.95), HouseholdFields(name="新築の家"))
            window.towns.load_town(town_id)

    sent = _sent_during(window, twice)
    # THEN the page got the households once, and they include the household added between the loads
    assert [name for name, _ in sent].count("setFeatures") == 1
    labels = {f["properties"].get("label") for f in page_features(qtbot, window)}
    assert "新築の家" in labels
    with ledger.Session() as s:
        assert page_features(qtbot, window) == town_features(s, town_id, window.map_view.crs)["features"]


def test_edits_made_while_the_households_are_read_are_not_undone_by_them(qtbot, window, ledger):
    with ledger.Session() as s:
        features = town_features(s, window.towns.town.id, window.map_view.crs)["features"]
    homes = [f for f in features if f["properties"]["layer"] == "household"]
    moved = {**homes[0], "geometry": {"type": "Point", "coordinates": [136.3, 35.99]}}
    gone = homes[1]["id"]
    # WHEN the map is edited between the load and the households' arrival (the page gets no households yet)
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
        window.map_view.upsert(moved)
        window.map_view.remove(gone)
    # THEN the edits come after the households, and win
    got = {f["id"]: f for f in page_features(qtbot, window)}
    assert got[moved["id"]]["geometry"]["coordinates"] == [136.3, 35.99]
    assert gone not in got
    assert len(got) == len(features) - 1


def test_a_projector_turned_on_during_the_read_is_sent_no_names(qtbot, window):
    def load_then_projector() -> None:
        with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
            window.towns.load_town(window.towns.town.id)
            # the mode changes under the read (the window's own switch reloads the town; this is the race)
            window.projector.on = True

    sent = _sent_during(window, load_then_projector)
    assert "setFeatures" in [name for name, _ in sent]
    assert not any(word in args for _, args in sent for word in ("表札の家", "余川町9-9", "前 花子", "佐藤家"))
    window.projector.on = False
