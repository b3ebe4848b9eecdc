"""``sasaeai-map import-hazard`` on a real ledger: the one-line summary, defects named, --dry-run, --kind."""

from __future__ import annotations

from contextlib import closing

import pytest
from sqlalchemy import func, select

from app.__main__ import main
from app.core.views import Crs, MapPoint
from app.hazards.exposure import exposures
from app.households.households import add_household
from app.models import Town, open_ledger
from app.models.hazard import HazardZone
from app.paths import ledger_path
from app.towns.towns import create_town
from tests.hazard_files import A33_FIELDS, HOME, around, flood, sediment, write_geojson, write_shapefile


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    with closing(open_ledger(ledger_path(folder))) as ledger, ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        add_household(s, town.id, MapPoint(Crs.GEO, *HOME))
    return folder


def run(capsys, data_dir, *args):
    code = main([*args, "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _zones(data_dir) -> int:
    with closing(open_ledger(ledger_path(data_dir))) as ledger, ledger.Session() as s:
        return s.scalar(select(func.count()).select_from(HazardZone))


def test_import_hazard_prints_a_summary_names_defects_and_the_household_is_exposed(capsys, data_dir, tmp_path):
    path = write_geojson(tmp_path / "A31a-23_18.geojson", [
        flood(around(*HOME, 100), 2), flood(around(139.7, 35.6, 100), 3), flood(around(*HOME, 200), "深い")])
    code, out, _ = run(capsys, data_dir, "import-hazard", str(path))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == ("imported: flood (guessed from the attributes): 1 zones kept inside the city's extent, "
                        "1 outside skipped, 1 skipped for defects, 1 defects reported")
    assert "A31a-23_18.geojson, feature 3, A31a_205: 「深い」 is not a depth rank" in out
    with closing(open_ledger(ledger_path(data_dir))) as ledger, ledger.Session.begin() as s:
        town_id = s.scalar(select(Town.id))
        [view] = exposures(s, town_id)
    assert view.flood_label == "0.5m以上3.0m未満"


def test_dry_run_changes_nothing_and_kind_can_be_given(capsys, data_dir, tmp_path):
    path = write_shapefile(tmp_path / "A33-23_18.shp", [sediment(around(*HOME, 50), 1, 2)], A33_FIELDS)
    code, out, _ = run(capsys, data_dir, "import-hazard", str(path), "--kind", "sediment", "--dry-run")
    assert code == 0 and out.startswith("would import (dry run): sediment (as given): 1 zones kept")
    assert "JGD2011 (EPSG:6668) from the .prj file" in out
    assert _zones(data_dir) == 0


def test_a_file_of_the_wrong_kind_is_refused_by_name(capsys, data_dir, tmp_path):
    path = write_geojson(tmp_path / "shelters.geojson", [(around(*HOME, 10), {"名称": "公民館"})])
    code, _, err = run(capsys, data_dir, "import-hazard", str(path))
    assert code == 1 and "shelters.geojson" in err and "Cannot tell which hazard" in err
    assert _zones(data_dir) == 0
