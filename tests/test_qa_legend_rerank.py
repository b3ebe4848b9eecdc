"""Storm surge and tsunami zones imported before the deepest-part rule are ranked again, once.

Found on a ledger upgraded from the previous release: its 津波浸水想定 zones 「0.3m以上1.0m未満」 had been stored as
rank 1 (the old rule ranked a class by its lower bound, 0.3 m, into 0.5m未満), so after the upgrade the map still
drew them in the colour of 「0.5m未満」 and the roll call still sorted a house with up to 1 m of water as shallow as
one with a few centimetres, though a newly imported file ranks the same class 0.5–3.0 m.
"""

from __future__ import annotations

import pytest
from sqlalchemy import String, text, type_coerce, update

from app.core.views import Crs, MapPoint
from app.hazards.exposure import exposures_for, refresh_all
from app.hazards.importer import _ZONES, import_hazard, rerank_text_zones
from app.households.households import add_household
from app.maps.hazard_layers import DEPTH_COLOURS, hazard_overlay
from app.models.ledger_info import HAZARD_TEXT_RANKS, read_info
from app.safety.rollcall import hazard_score
from app.towns.towns import create_town
from tests.hazard_files import HOME, around, flood, write_geojson

EAST = (HOME[0] + 0.01, HOME[1])  # about 900 m east of HOME
WEST = (HOME[0] - 0.01, HOME[1])
TOWN_EXTENT = (HOME[0] - 0.02, HOME[1] - 0.02, HOME[0] + 0.03, HOME[1] + 0.02)


def tsunami(geom, depth: str) -> tuple:
    return geom, {"A40_001": "福井県", "A40_002": "架空", "A40_003": depth}


def storm_surge(geom, depth: str) -> tuple:
    return geom, {"A49_001": "18", "A49_002": "福井県", "A49_003": depth}


def old_ranks(session) -> None:
    """What the previous release stored: a text class ranked by its lower bound, no marker, exposures from it."""
    kind = type_coerce(_ZONES.c.kind, String)
    for depth, rank in (("0.3m以上1.0m未満", 1), ("2.0m以上5.0m未満", 2)):
        session.execute(update(_ZONES).where(kind.in_(["tsunami", "storm_surge"]), _ZONES.c.detail == depth)
                        .values(rank=rank))
    session.execute(text("DELETE FROM ledger_info WHERE key = :k"), {"k": HAZARD_TEXT_RANKS})
    refresh_all(session)


@pytest.fixture
def old_ledger(ledger, tmp_path):
    """Three homes: one in a tsunami zone 0.3–1.0 m and a flood zone under 0.5 m (its ranks are codes, never
    touched), one in a tsunami zone under 0.5 m, one in a storm surge zone 2.0–5.0 m; all stored with the old
    ranks."""
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        homes = [add_household(s, town.id, MapPoint(Crs.GEO, lon, lat)).id for lon, lat in (HOME, EAST, WEST)]
        import_hazard(s, write_geojson(tmp_path / "A40-18.geojson", [
            tsunami(around(*HOME, 100), "0.3m以上1.0m未満"), tsunami(around(*EAST, 100), "0.5m未満")]))
        import_hazard(s, write_geojson(tmp_path / "A49-18.geojson", [
            storm_surge(around(*WEST, 100), "2.0m以上5.0m未満")]))
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 50), 1)]))
        old_ranks(s)
    with ledger.Session() as s:  # given: the old ledger's view
        views = exposures_for(s, homes)
        assert views[homes[0]].tsunami_rank == views[homes[1]].tsunami_rank == 1
        assert views[homes[2]].storm_surge_rank == 2
    return town.id, homes


def test_an_old_ledgers_text_classes_are_ranked_by_their_deepest_part_once(ledger, old_ledger):
    town_id, (deep, shallow, surge) = old_ledger
    # WHEN the ledger is opened by this release
    with ledger.Session.begin() as s:
        changed = rerank_text_zones(s)
    # THEN the 0.3–1.0 m zone ranks 0.5–3.0 m, the storm surge 2.0–5.0 m zone 3.0–5.0 m ...
    assert changed == 2
    with ledger.Session() as s:
        views = exposures_for(s, [deep, shallow, surge])
        layers = {layer["kind"]: layer for layer in hazard_overlay(s, town_id, TOWN_EXTENT)}
        assert read_info(s, HAZARD_TEXT_RANKS) == "deepest"
    assert views[deep].tsunami_rank == 2 and views[shallow].tsunami_rank == 1
    assert views[surge].storm_surge_rank == 3 and views[surge].summary == "高潮 2.0m以上5.0m未満"
    assert views[deep].summary.startswith("洪水 0.5m未満")  # the flood's own rank untouched
    assert views[deep].flood_rank == 1
    # ... the roll call puts the deeper home first, and the map draws it (and lists it) in the 0.5–3.0 m colour
    assert hazard_score(views[deep]) > hazard_score(views[shallow])
    assert {(e["label"], e["fill"]) for e in layers["tsunami"]["legend"]} == {
        ("0.5m未満", DEPTH_COLOURS[1]), ("0.3m以上1.0m未満", DEPTH_COLOURS[2])}
    assert sorted(f["properties"]["style"] for f in layers["tsunami"]["features"]) == ["tsunami-1", "tsunami-2"]
    # AND a later open changes nothing (the marker): a zone altered since is left as it is
    with ledger.Session.begin() as s:
        s.execute(update(_ZONES).values(rank=1).where(_ZONES.c.detail == "0.3m以上1.0m未満"))
        assert rerank_text_zones(s) == 0
        assert s.execute(text("SELECT rank FROM hazard_zone WHERE detail = '0.3m以上1.0m未満'")).scalar() == 1


def test_the_next_import_ranks_an_old_ledgers_other_layers_too(ledger, old_ledger, tmp_path):
    town_id, (deep, shallow, surge) = old_ledger
    # WHEN another hazard file is imported into the old ledger (the tsunami layer stays as it was stored)
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a-2.geojson", [flood(around(*EAST, 50), 1, river="鞍谷川")]))
    # THEN the old tsunami zones are ranked by the new rule as well, in the import's one exposure refresh
    with ledger.Session() as s:
        views = exposures_for(s, [deep, shallow, surge])
    assert views[deep].tsunami_rank == 2 and views[shallow].tsunami_rank == 1
    assert views[surge].storm_surge_rank == 3
    assert hazard_score(views[deep]) > hazard_score(views[shallow])


def test_a_new_ledgers_zones_are_left_as_imported(ledger, tmp_path):
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        add_household(s, town.id, MapPoint(Crs.GEO, *HOME))
        import_hazard(s, write_geojson(tmp_path / "A40-18.geojson", [tsunami(around(*HOME, 100), "0.3m以上1.0m未満")]))
        assert rerank_text_zones(s) == 0
        assert s.execute(text("SELECT rank FROM hazard_zone")).scalar() == 2


def test_the_command_line_and_the_window_rank_an_old_ledger_again_as_they_open_it(ledger, old_ledger, qtbot):
    import argparse

    from PySide6.QtCore import QSettings

    from app.cli.common import ledger_of
    from app.ui.mainwindow.window import MainWindow

    _town_id, (deep, _shallow, surge) = old_ledger
    # WHEN a command of the command line opens the old ledger  THEN it reads the zones by this release's rule
    with ledger_of(argparse.Namespace(data_dir=ledger.path.parent)) as opened, opened.Session() as s:
        views = exposures_for(s, [deep, surge])
        assert views[deep].tsunami_rank == 2 and views[surge].storm_surge_rank == 3
    # ... and so does the window, before it draws a town (again from the old ranks)
    with ledger.Session.begin() as s:
        old_ranks(s)
    window = MainWindow(ledger, QSettings(str(ledger.path.parent / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    with ledger.Session() as s:
        assert exposures_for(s, [deep])[deep].tsunami_rank == 2
        assert read_info(s, HAZARD_TEXT_RANKS) == "deepest"


def test_only_a_ledger_upgraded_with_storm_surge_or_tsunami_zones_is_ranked_again_on_opening(ledger, tmp_path):
    from alembic import command

    from app.models.engine import _alembic_config

    # GIVEN a new ledger: nothing to rank again, so it is marked done from the start (opening it writes nothing:
    # a write there was the first thing every command did, before its own work)
    with ledger.Session() as s:
        assert read_info(s, HAZARD_TEXT_RANKS) == "deepest"
    # WHEN a ledger of the previous version holding tsunami zones is upgraded
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        add_household(s, town.id, MapPoint(Crs.GEO, *HOME))
        import_hazard(s, write_geojson(tmp_path / "A40-18.geojson", [tsunami(around(*HOME, 100), "0.3m以上1.0m未満")]))
    cfg = _alembic_config()
    with ledger.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0019")
        command.upgrade(cfg, "head")
    # THEN it is left for the app to rank again as it opens it
    with ledger.Session() as s:
        assert read_info(s, HAZARD_TEXT_RANKS) == ""
