"""A hazard file that gives not one usable zone is refused and changes nothing; a missing code is named as missing.

Found using the import the way a 社協 staff member would: re-importing the city's flood file after a bad download
(every depth rank unreadable) used to replace the good layer by an empty one, so every household's flood
exposure vanished from the map, the panels and the roll call while the command said 「imported」.
"""

from __future__ import annotations

from contextlib import closing

import pytest
from sqlalchemy import func, select

from app.__main__ import main
from app.core.views import Crs, MapPoint
from app.hazards.exposure import exposure_of
from app.hazards.importer import NothingImported, import_hazard, list_layers
from app.households.households import add_household
from app.models import open_ledger
from app.models.hazard import HazardLayer, HazardZone
from app.paths import ledger_path
from app.towns.towns import create_town
from tests.hazard_files import A31A_FIELDS, HOME, around, flood, write_geojson, write_shapefile


@pytest.fixture
def home(ledger):
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        return add_household(s, town.id, MapPoint(Crs.GEO, *HOME)).id


def _state(ledger, home) -> tuple:
    with ledger.Session() as s:
        layers = [(layer.source, layer.feature_count) for layer in list_layers(s)]
        return (layers, s.scalar(select(func.count()).select_from(HazardLayer)),
                s.scalar(select(func.count()).select_from(HazardZone)), exposure_of(s, home).flood_rank)


def test_a_file_whose_every_feature_is_defective_does_not_replace_the_good_layer(ledger, home, tmp_path):
    # GIVEN the city's flood file imported: the household stands in a 0.5–3 m zone
    path = tmp_path / "A31a-20-18.geojson"
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(path, [flood(around(*HOME, 100), 2), flood(around(*HOME, 300), 1)]))
    before = _state(ledger, home)
    assert before == ([("A31a-20-18.geojson", 2)], 1, 2, 2)

    # WHEN the same file, downloaded again but broken (no depth rank readable), is imported
    write_geojson(path, [flood(around(*HOME, 100), "深い"), flood(around(*HOME, 300), 9)])
    with pytest.raises(NothingImported) as refused, ledger.Session.begin() as s:
        import_hazard(s, path)

    # THEN it is refused, naming the file and where the first defect is, and every defect is kept for the report
    message = str(refused.value)
    assert message.startswith("A31a-20-18.geojson: Not one zone can be imported: of the 2 features, 2 have a defect "
                              "(the first: feature 1, A31a_205)")
    assert "Nothing was imported" in message
    assert [d.message() for d in refused.value.result.defects] == [
        "A31a-20-18.geojson, feature 1, A31a_205: 「深い」 is not a depth rank (1–6 in the 浸水深ランクコード): "
        "feature skipped.",
        "A31a-20-18.geojson, feature 2, A31a_205: 「9」 is not a depth rank (1–6 in the 浸水深ランクコード): "
        "feature skipped."]
    # AND the good layer stays in use: same zones, same exposure, no empty layer added
    assert _state(ledger, home) == before


def test_a_file_of_another_area_is_refused_with_the_extent_and_adds_no_empty_layer(ledger, home, tmp_path):
    path = write_geojson(tmp_path / "A31a-13.geojson", [flood(around(139.70, 35.60, 100), 3)])  # Tokyo
    with pytest.raises(NothingImported, match=r"A31a-13.geojson: Not one of the file's 1 zones lies within the "
                                              r"city's extent \(longitude 136\.2\d\d–136\.2\d\d"):
        with ledger.Session.begin() as s:
            import_hazard(s, path)
    assert _state(ledger, home) == ([], 0, 0, None)


def test_the_cli_refuses_a_projected_shapefile_without_prj_lists_the_defects_and_keeps_the_zones(
        capsys, ledger, home, tmp_path):
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(around(*HOME, 100), 2)]))
    before = _state(ledger, home)
    ledger.close()
    # A Shapefile in 平面直角座標系 metres whose .prj was lost on the way
    shp = write_shapefile(tmp_path / "A31a.shp", [flood(around(-10_000, 50_000, 100), 3)], A31A_FIELDS)
    shp.with_suffix(".prj").unlink()

    for dry_run in (["--dry-run"], []):  # the dry run says it would refuse, not that it would import
        code = main(["import-hazard", str(shp), *dry_run, "--data-dir", str(ledger.path.parent)])
        out = capsys.readouterr()

        assert code == 1 and "import" not in out.out
        lines = out.err.splitlines()
        assert lines[0].startswith("error: A31a.shp: Not one zone can be imported: of the 1 features, 1 have a "
                                   "defect (the first: feature 1, geometry)")
        assert lines[1].startswith("  A31a.shp, feature 1, geometry: Coordinates out of range")
        assert "a projected file without its .prj or crs?" in lines[1]
    with closing(open_ledger(ledger_path(ledger.path.parent))) as again:
        assert _state(again, home) == before


def test_a_missing_depth_rank_is_named_as_missing_not_as_the_value_none(ledger, home, tmp_path):
    geometry, props = flood(around(*HOME, 50), 2)
    blank = dict(props, A31a_205="  ")
    absent = {k: v for k, v in props.items() if k != "A31a_205"}
    path = write_geojson(tmp_path / "A31a.geojson", [(geometry, props), (geometry, absent), (geometry, blank)])
    with ledger.Session.begin() as s:
        result = import_hazard(s, path, dry_run=True)
    assert [d.message() for d in result.defects] == ["A31a.geojson, feature 2, A31a_205: No value: feature skipped.",
                                                     "A31a.geojson, feature 3, A31a_205: No value: feature skipped."]
