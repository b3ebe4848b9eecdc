"""Storm surge (A49) and tsunami (A40) depth classes written as text keep their own range.

Found on the demo town: a zone whose 津波浸水想定 class is 「0.3m以上1.0m未満」 showed on the household's panel as
「0.5m未満」 (it was ranked by its lower bound, 0.3 m, into the rank 0–0.5 m, and the rank's label printed), and
it ranked as shallow as a zone under 0.5 m, so a house with up to 1 m of water came after one with a few cm.
"""

from __future__ import annotations

import pytest

from app.core.views import Crs, MapPoint
from app.hazards.exposure import exposure_of, exposures_for, main_hazard
from app.hazards.importer import import_hazard
from app.households.households import add_household
from app.models.hazard import HazardKind
from app.safety.rollcall import hazard_score
from app.towns.towns import create_town
from tests.hazard_files import HOME, around, flood, write_geojson

EAST = (HOME[0] + 0.01, HOME[1])  # about 900 m east of HOME


def tsunami(geom, depth: str) -> tuple:
    return geom, {"A40_001": "福井県", "A40_002": "架空", "A40_003": depth}


def storm_surge(geom, depth: str) -> tuple:
    return geom, {"A49_001": "18", "A49_002": "福井県", "A49_003": depth}


@pytest.fixture
def homes(ledger):
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        return [add_household(s, town.id, MapPoint(Crs.GEO, lon, lat)).id for lon, lat in (HOME, EAST)]


def test_a_tsunami_class_shows_what_the_file_says_and_ranks_deeper_than_under_half_a_metre(ledger, homes, tmp_path):
    from app.ui.mainwindow.households import exposure_text

    deep, shallow = homes
    # GIVEN an A40 file: 0.3–1.0 m over one home, under 0.5 m over the other
    path = write_geojson(tmp_path / "A40-18.geojson", [tsunami(around(*HOME, 100), "0.3m以上1.0m未満"),
                                                        tsunami(around(*EAST, 100), "0.5m未満")])
    with ledger.Session.begin() as s:
        import_hazard(s, path)
    # WHEN the households' panels read their exposure
    with ledger.Session() as s:
        views = exposures_for(s, homes)
        panel = exposure_text(s, deep)
    # THEN the first reads the file's own class, not 「0.5m未満」 ...
    assert views[deep].tsunami_label == "0.3m以上1.0m未満"
    assert views[deep].summary == "津波 0.3m以上1.0m未満"
    assert panel.splitlines()[0] == "津波 0.3m以上1.0m未満"
    assert views[shallow].summary == "津波 0.5m未満"
    # ... and it ranks deeper than the zone under 0.5 m (the roll call puts it first)
    assert views[deep].tsunami_rank > views[shallow].tsunami_rank
    assert hazard_score(views[deep]) > hazard_score(views[shallow])


def test_a_storm_surge_home_reads_the_deepest_of_nested_classes_and_a_flood_rank_compares_by_depth(ledger, homes,
                                                                                                  tmp_path):
    home = homes[0]
    # GIVEN nested A49 zones (under 0.5 m around, 0.3–1.0 m and 1.0–2.0 m nearer) and a flood under 0.5 m
    surge = write_geojson(tmp_path / "A49-18.geojson", [storm_surge(around(*HOME, 400), "0.5m未満"),
                                                         storm_surge(around(*HOME, 200), "1.0m以上2.0m未満"),
                                                         storm_surge(around(*HOME, 100), "0.3m以上1.0m未満")])
    with ledger.Session.begin() as s:
        import_hazard(s, surge)
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 400), 1)]))
    with ledger.Session() as s:
        view = exposure_of(s, home)
    # THEN the deepest class holding the home is read, as the file writes it
    assert view.storm_surge_label == "1.0m以上2.0m未満"
    assert view.summary == "洪水 0.5m未満（日野川）・高潮 1.0m以上2.0m未満"
    assert view.flood_river == "日野川"  # the river's name stays the river's name
    # ... and the storm surge (up to 2 m) is the hazard the household evacuates from, not the shallower flood
    assert main_hazard(view.flood_rank, view.sediment_class, view.storm_surge_rank,
                       view.tsunami_rank) is HazardKind.STORM_SURGE
