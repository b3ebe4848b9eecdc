"""Hazard zones (issue 16): import of 国土数値情報 files, each household's exposure, the nearest valid shelter.

The files are generated in the national schema around real Echizen points (tests/hazard_files.py); no real
A31a/A33 file is among the public data the project keeps (tests/data).
"""

from __future__ import annotations

import gc
import tracemalloc

import pytest
from shapely.geometry import box as square
from sqlalchemy import delete, func, select

from app.core.errors import LedgerError
from app.core.views import Crs, MapPoint
from app.hazards.exposure import exposure_of, exposures, refresh_all, refresh_households
from app.hazards.importer import Extent, import_hazard, list_layers, remove_layer
from app.hazards.shelters import ValidShelterStatus, nearest_valid_shelter, nearest_valid_shelters
from app.households.households import add_household, delete_household, move_household
from app.models import ReferenceFeature
from app.models.hazard import HazardKind, HazardLayer, HazardZone, HouseholdExposure
from app.towns.reference_layers import import_layer
from app.towns.towns import create_town
from tests.conftest import DATA
from tests.hazard_files import (
    A31A_FIELDS,
    A33_FIELDS,
    HOME,
    around,
    flood,
    many_small_polygons,
    sediment,
    write_geojson,
    write_shapefile,
)

GSI = DATA / "echizen" / "gsi_emergency_shiteikinkyu.geojson"
FAR_AWAY = square(139.70, 35.60, 139.71, 35.61)  # Tokyo: outside the city's extent


@pytest.fixture
def town(ledger):
    with ledger.Session.begin() as s:
        return create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))


def _add(ledger, town, lon, lat):
    with ledger.Session.begin() as s:
        return add_household(s, town.id, MapPoint(Crs.GEO, lon, lat) if lon is not None else None).id


def test_the_kind_is_guessed_from_the_schema_and_ranks_read_with_their_labels(ledger, town, tmp_path):
    # GIVEN a flood file (A31a) and a sediment Shapefile (A33), neither saying which it is
    home = _add(ledger, town, *HOME)
    flood_file = write_geojson(tmp_path / "A31a-23_18_8606040001.geojson", [flood(around(*HOME, 100), 3, "鞍谷川")])
    sediment_file = write_shapefile(tmp_path / "A33-23_18.shp", [sediment(around(*HOME, 50), 2, 2)], A33_FIELDS)
    with ledger.Session.begin() as s:
        # WHEN both are imported without a kind
        first = import_hazard(s, flood_file)
        second = import_hazard(s, sediment_file)
        view = exposure_of(s, home)
    # THEN each kind was guessed, and the household reads the official labels
    assert (first.kind, first.kind_guessed, first.kept) == (HazardKind.FLOOD, True, 1)
    assert (second.kind, second.kept) == (HazardKind.SEDIMENT, 1)
    assert second.crs.epsg == 6668
    assert (view.flood_rank, view.flood_label, view.flood_river) == (3, "3.0m以上5.0m未満", "鞍谷川")
    assert (view.sediment_kind_label, view.sediment_class_label) == ("土石流", "土砂災害特別警戒区域")
    assert view.summary == "洪水 3.0m以上5.0m未満（鞍谷川）・土砂災害特別警戒区域（土石流）"
    with ledger.Session() as s:
        layers = list_layers(s)
    assert [layer.credit for layer in layers] == [
        "国土数値情報（洪水浸水想定区域データ）（国土交通省）を加工して作成",
        "国土数値情報（土砂災害警戒区域データ）（国土交通省）を加工して作成"]


def test_clipping_drops_the_features_outside_the_city(ledger, town, tmp_path):
    _add(ledger, town, *HOME)
    path = write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 100), 2), flood(FAR_AWAY, 5),
                                                     flood(around(HOME[0] + 0.5, HOME[1], 100), 4)])
    with ledger.Session.begin() as s:
        result = import_hazard(s, path)
    assert (result.kept, result.outside) == (1, 2)
    with ledger.Session() as s:
        assert s.scalars(select(HazardZone.rank)).all() == [2]


def test_the_deeper_rank_wins_and_moving_out_refreshes_the_exposure(ledger, town, tmp_path):
    # GIVEN a household inside a rank-1 zone and, nested in it, a rank-3 zone (two rivers)
    home = _add(ledger, town, *HOME)
    path = write_shapefile(tmp_path / "A31a-23_18.shp", [flood(around(*HOME, 400), 1, "日野川"),
                                                         flood(around(*HOME, 60), 3, "鞍谷川")], A31A_FIELDS)
    with ledger.Session.begin() as s:
        import_hazard(s, path)
        assert (exposure_of(s, home).flood_rank, exposure_of(s, home).flood_river) == (3, "鞍谷川")
    # WHEN it is moved 200 m east (out of the deep zone, still in the shallow one), then far out of both
    with ledger.Session.begin() as s:
        move_household(s, home, MapPoint(Crs.GEO, HOME[0] + 200 / 90_300, HOME[1]))
    with ledger.Session.begin() as s:
        assert exposure_of(s, home).flood_label == "0.5m未満"  # the view follows the move at once
        assert s.get(HouseholdExposure, home).flood_rank == 3  # a read writes nothing: the stored row is as it was
        refresh_households(s, [home])
        assert s.get(HouseholdExposure, home).flood_rank == 1  # until the next refresh brings it up to date
    with ledger.Session.begin() as s:
        move_household(s, home, MapPoint(Crs.GEO, HOME[0] + 0.02, HOME[1]))
    with ledger.Session.begin() as s:
        view = exposure_of(s, home)
    assert view.known and not view.exposed and view.summary == "想定区域外（洪水）"  # the one kind imported


def test_a_household_without_lat_lon_is_unknown_never_safe(ledger, town, tmp_path):
    placed = _add(ledger, town, *HOME)
    unplaced = _add(ledger, town, None, None)
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 100), 2)]))
        views = {v.household_id: v for v in exposures(s, town.id)}
    assert views[placed].exposed
    assert not views[unplaced].known and views[unplaced].summary == "不明（位置が地図上にない）"


def test_the_nearest_valid_shelter_skips_one_without_the_flood_flag_and_one_inside_the_zone(ledger, town, tmp_path):
    # GIVEN the real GSI 指定緊急避難場所 file: 花筐小学校 (nearest, no 洪水 flag), 岡本小学校 (洪水, but we put
    # it inside the flood zone), 新在家公園 (洪水, outside)
    with ledger.Session.begin() as s:
        import_layer(s, GSI)
        flags = s.scalars(select(ReferenceFeature.attributes).where(ReferenceFeature.name == "岡本小学校")).one()
    assert flags["洪水"] == "1" and flags["崖崩れ、土石流及び地滑り"] == "1"  # the flags are kept at import
    home = _add(ledger, town, *HOME)
    zone = square(136.2405, 35.9140, 136.2450, 35.9160)  # the household and 岡本小学校, not 新在家公園
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(zone, 3)]))
        # WHEN the shelter for its flood is asked for
        shelter = nearest_valid_shelter(s, home, HazardKind.FLOOD)
    # THEN 新在家公園, about 390 m away; the flagged site inside the zone was passed over
    assert shelter.status is ValidShelterStatus.FOUND
    assert shelter.name == "新在家公園" and 350 < shelter.distance_m < 420
    assert shelter.skipped_inside == 1 and not shelter.inside_zone
    assert shelter.label == "新在家公園（約 390 m）" or shelter.label.startswith("新在家公園（約 ")


def test_a_whole_lists_shelters_asked_at_once_are_each_households_own(ledger, town, tmp_path):
    # The shelter checklists ask for every person's household in one pass (a city's 8,000 persons): each household
    # gets its own nearest site, as when asked alone.
    with ledger.Session.begin() as s:
        import_layer(s, GSI)
    home = _add(ledger, town, *HOME)  # in the flood zone, beside 岡本小学校 (also in it)
    south = _add(ledger, town, 136.2220, 35.8910)  # about 40 m from あかしや公園 (洪水), 3 km from home
    unplaced = _add(ledger, town, None, None)
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(square(136.2405, 35.9140, 136.2450, 35.9160), 3)]))
        together = nearest_valid_shelters(s, [south, home, unplaced, south], HazardKind.FLOOD)
        alone = {h: nearest_valid_shelter(s, h, HazardKind.FLOOD) for h in (home, south, unplaced)}
    assert together == alone
    assert together[home].name == "新在家公園" and together[home].skipped_inside == 1
    assert together[south].name == "あかしや公園" and together[south].distance_m < 60
    assert together[south].skipped_inside == 0  # 岡本小学校 in the zone is farther from it than あかしや公園
    assert together[unplaced].status is ValidShelterStatus.NO_POSITION


def test_a_shelter_for_a_landslide_needs_its_flag_and_no_household_position_says_so(ledger, town, tmp_path):
    with ledger.Session.begin() as s:
        import_layer(s, GSI)
    home = _add(ledger, town, *HOME)
    unplaced = _add(ledger, town, None, None)
    with ledger.Session.begin() as s:
        shelter = nearest_valid_shelter(s, home, HazardKind.SEDIMENT)
        nowhere = nearest_valid_shelter(s, unplaced, HazardKind.SEDIMENT)
    # 花筐小学校 is nearer but has no 崖崩れ flag; 岡本小学校 has it (no sediment zones imported)
    assert shelter.name == "岡本小学校"
    assert nowhere.status is ValidShelterStatus.NO_POSITION


def test_a_defect_row_is_named_and_skipped(ledger, town, tmp_path):
    _add(ledger, town, *HOME)
    path = write_geojson(tmp_path / "A33.geojson", [sediment(around(*HOME, 50), 1, 1),
                                                    sediment(around(*HOME, 80), 1, 9),
                                                    sediment(None, 2, 1)])
    with ledger.Session.begin() as s:
        result = import_hazard(s, path)
    assert (result.kept, result.defective) == (1, 2)
    messages = [d.message() for d in result.defects]
    assert "A33.geojson, feature 2, A33_002: 「9」 is not a zone class (1 警戒区域, 2 特別警戒区域): feature skipped." in messages
    assert any(m.startswith("A33.geojson, feature 3, geometry") for m in messages)


def test_a_failed_import_leaves_nothing(ledger, town, tmp_path):
    _add(ledger, town, *HOME)
    path = tmp_path / "A31a.geojson"
    good = [flood(around(HOME[0] + i * 1e-4, HOME[1], 5), 1) for i in range(4500)]  # past two batches
    write_geojson(path, good)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) - 200], encoding="utf-8")  # cut short: the JSON breaks at the end
    with pytest.raises(LedgerError), ledger.Session.begin() as s:
        import_hazard(s, path)
    with ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(HazardZone)) == 0
        assert s.scalar(select(func.count()).select_from(HazardLayer)) == 0


def test_reimport_archives_the_old_layer_and_removing_a_layer_clears_the_exposure(ledger, town, tmp_path):
    home = _add(ledger, town, *HOME)
    path = tmp_path / "A31a.geojson"
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(path, [flood(around(*HOME, 100), 2)]))
    with ledger.Session.begin() as s:
        again = import_hazard(s, write_geojson(path, [flood(around(*HOME, 100), 4)]))
        assert again.replaced == 1 and exposure_of(s, home).flood_rank == 4
        assert s.scalar(select(func.count()).select_from(HazardLayer)) == 2  # archived, not deleted
    with ledger.Session.begin() as s:
        remove_layer(s, again.layer_id)
        view = exposure_of(s, home)
    assert view.flood_rank is None and view.summary == "ハザード情報なし"


def test_a_dry_run_changes_nothing(ledger, town, tmp_path):
    _add(ledger, town, *HOME)
    with ledger.Session.begin() as s:
        result = import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 100), 2)]),
                               dry_run=True)
    assert result.kept == 1
    with ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(HazardLayer)) == 0


def test_an_empty_ledger_has_no_extent_to_clip_to(ledger, tmp_path):
    with pytest.raises(LedgerError, match="extent"), ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 100), 2)]))


def test_a_large_file_imports_in_a_stream(ledger, town, tmp_path):
    # GIVEN 100,000 small polygons written one by one (about 28 MB of GeoJSON). 100,000 rather than the
    # 200,000 of bench/hazards.py: tracemalloc (which this test needs) multiplies the reader's cost, and this
    # test takes ~40 s at 100,000 on the shared 2-core development machine; 200,000 would leave too thin a
    # margin under the suite's 300 s limit on a slow, busy CI machine. The peak does not grow with the count
    # (batches of 2,000); bench/RESULTS.md times the import of 200,000 without tracemalloc.
    count = 100_000
    path = write_geojson(tmp_path / "A31a-big.geojson", many_small_polygons(count))
    size = path.stat().st_size
    gc.collect()
    tracemalloc.start()
    try:
        with ledger.Session.begin() as s:
            result = import_hazard(s, path, extent=Extent(136.0, 35.8, 136.4, 36.1))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.kept == count
    # THEN the peak (about 5 MB, batches and the sessions' own) stays well below the file's size; holding
    # the features parsed as Python objects would take about ten times the file
    assert peak < size / 2, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file"


def _stored_exposures(session) -> dict:
    return {r[0]: tuple(r[1:]) for r in session.execute(select(
        HouseholdExposure.household_id, HouseholdExposure.lat, HouseholdExposure.lon, HouseholdExposure.flood_rank,
        HouseholdExposure.flood_river, HouseholdExposure.sediment_kind, HouseholdExposure.sediment_class,
        HouseholdExposure.storm_surge_rank, HouseholdExposure.tsunami_rank))}


def test_the_incremental_refresh_writes_what_a_full_recomputation_would(ledger, town, tmp_path):
    # GIVEN households across a flood zone (two depths) and a landslide zone, one without a position
    homes = [_add(ledger, town, HOME[0] + i * 0.001, HOME[1]) for i in range(-4, 5)] + [_add(ledger, town, None, None)]
    deep = flood(around(*HOME, 150), 4, "鞍谷川")
    with ledger.Session.begin() as s:
        flood_layer = import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 400), 1), deep]))
        import_hazard(s, write_geojson(tmp_path / "A33.geojson", [sediment(around(HOME[0] + 0.003, HOME[1], 120), 3, 2)]))
        before = _stored_exposures(s)
    assert before[homes[4]][2:4] == (4, "鞍谷川") and before[homes[7]][4:6] == (3, 2)
    # WHEN some households move (in, out, across), one is deleted, and the flood layer is removed
    with ledger.Session.begin() as s:
        move_household(s, homes[0], MapPoint(Crs.GEO, *HOME))  # into the deep zone
        move_household(s, homes[4], MapPoint(Crs.GEO, HOME[0] + 0.05, HOME[1]))  # out of every zone
        move_household(s, homes[9], MapPoint(Crs.GEO, HOME[0] + 0.003, HOME[1]))  # placed, in the landslide zone
        delete_household(s, homes[8])
        refresh_all(s)
        moved = _stored_exposures(s)
        remove_layer(s, flood_layer.layer_id)
        incremental = _stored_exposures(s)
        # THEN the table holds exactly what a recomputation from nothing writes
        s.execute(delete(HouseholdExposure))
        refresh_all(s)
        assert _stored_exposures(s) == incremental
    assert moved[homes[0]][2] == 4 and moved[homes[4]][2:] == (None, "", None, None, None, None)
    assert moved[homes[9]][4:6] == (3, 2) and homes[8] not in moved
    assert all(v[2] is None for v in incremental.values())  # no flood left once its layer is removed
    assert incremental[homes[9]][4:6] == (3, 2)


def test_the_household_panel_says_when_every_site_open_for_the_hazard_lies_in_as_deep_a_zone(ledger, town, tmp_path):
    from app.ui.mainwindow.households import exposure_text

    # GIVEN the real GSI 指定緊急避難場所 file, and one deep flood zone over the home and every site flagged for floods
    with ledger.Session.begin() as s:
        import_layer(s, GSI)
        sites = [f for f in s.scalars(select(ReferenceFeature)) if f.lat is not None and f.attributes
                 and f.attributes.get("洪水") == "1"]
    assert len(sites) >= 2
    home = _add(ledger, town, *HOME)
    lons, lats = [f.lon for f in sites] + [HOME[0]], [f.lat for f in sites] + [HOME[1]]
    zone = square(min(lons) - 0.01, min(lats) - 0.01, max(lons) + 0.01, max(lats) + 0.01)
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(zone, 3)]))
        # WHEN the household's panel text is made
        text = exposure_text(s, home)
    # THEN it says the sites are there but all lie in zones as deep, not that there is no site with a position
    assert f"({len(sites)} sites lie in them)" in text
    assert "no site open for it with a position" not in text


def test_outside_every_zone_names_the_kinds_checked_and_no_data_is_not_called_outside(ledger, town, tmp_path):
    from app.plans.hazard_link import hazards_at

    home = _add(ledger, town, *HOME)
    # GIVEN no hazard data at all: the household and its plan say there is none, never 想定区域外
    with ledger.Session() as s:
        assert exposure_of(s, home).summary == "ハザード情報なし"
        assert hazards_at(s, home).text == "ハザード情報なし"
    # GIVEN only a flood file, whose zone lies elsewhere: outside the flood zones, and only those were checked
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(HOME[0] + 0.01, HOME[1], 200), 3)]))
    with ledger.Session() as s:
        assert exposure_of(s, home).summary == "想定区域外（洪水）"
        assert hazards_at(s, home).text == "想定区域外（洪水）"
