"""A town as GeoJSON for QGIS: readable by a GeoJSON reader, lon/lat in Japan, consent honoured, text kept plain."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import shape

from app.core.errors import LedgerError
from app.models import GatheringPlace, Household, Person
from app.models.entities import PlaceKind
from app.privacy.masking import Audience
from app.towns.geojson_export import export_geojson
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields
from tests.conftest import run_app

SCRIPT_NAME = "<script>alert('x')</script>山田"
FORMULA_ADDRESS = '=HYPERLINK("http://example.invalid","越前市余川町1-1")'


@pytest.fixture
def mapped_town(ledger, town):
    """GIVEN 余川町 with a consenting household (odd text in its name and address), an anonymous one watched
    by the first, one placed only on an image (no geographic position) and a salon."""
    with ledger.Session.begin() as s:
        yamada = Household(town_id=town.id, map_number=1, name=SCRIPT_NAME, address=FORMULA_ADDRESS,
                           lat=35.887373, lon=136.226656)
        sato = Household(town_id=town.id, map_number=2, name="佐藤", address="越前市余川町2-2",
                         lat=35.8881, lon=136.2279)
        pixel_only = Household(town_id=town.id, map_number=3, name="鈴木", map_x=120.0, map_y=80.0)
        s.add_all([yamada, sato, pixel_only])
        s.flush()
        s.add(Person(household_id=yamada.id, name="山田花子", consent="yes", consent_watchers=True,
                     consent_agencies=True, consent_map=True))
        hidden = Person(household_id=sato.id, name="佐藤一郎", of_concern=True, consent="unknown")
        s.add(hidden)
        s.add(GatheringPlace(town_id=town.id, name="いきいきサロン", kind=PlaceKind.SALON, schedule="毎週水曜",
                             lat=35.8875, lon=136.2270))
        s.flush()
        watcher = watch.add_watcher(s, town.id, WatcherFields(name="山田花子", household_id=yamada.id))
        watch.link_watcher(s, hidden.id, watcher.id, LinkFields(involvement="朝の声かけ 佐藤一郎さん宅"))
    return town


def export(ledger, town, tmp_path, audience):
    out = tmp_path / f"{audience}.geojson"
    with ledger.Session() as s:
        result = export_geojson(s, town.id, out, audience)
    return result, json.loads(out.read_text(encoding="utf-8")), out.read_text(encoding="utf-8")


def test_every_feature_opens_with_shapely_in_lon_lat_order_within_japan(ledger, mapped_town, tmp_path):
    result, data, _ = export(ledger, mapped_town, tmp_path, Audience.STAFF)
    assert data["type"] == "FeatureCollection" and "crs" not in data  # RFC 7946: WGS84, no crs member
    geometries = [shape(f["geometry"]) for f in data["features"]]
    assert [g.geom_type for g in geometries] == ["Point", "Point", "Point", "LineString"]
    for g in geometries:
        for lon, lat in g.coords:
            assert 122 <= lon <= 154 and 20 <= lat <= 46  # longitude first
    assert geometries[0].coords[0] == (136.226656, 35.887373)
    link = data["features"][3]
    assert link["properties"]["watcher_map_number"] == 1 and link["properties"]["watched_map_number"] == 2
    assert list(geometries[3].coords) == [(136.226656, 35.887373), (136.2279, 35.8881)]  # watcher → watched
    assert (result.households, result.places, result.links) == (2, 1, 1)


def test_a_household_only_on_an_image_is_left_out_and_counted(ledger, mapped_town, tmp_path):
    result, data, _ = export(ledger, mapped_town, tmp_path, Audience.STAFF)
    numbers = [f["properties"].get("map_number") for f in data["features"] if f["properties"]["layer"] == "household"]
    assert numbers == [1, 2]
    assert result.left_out_households == 1 and "left out" in result.summary() and "1 households" in result.summary()


def test_anonymous_members_have_no_name_anywhere_in_the_file(ledger, mapped_town, tmp_path):
    result, data, text = export(ledger, mapped_town, tmp_path, Audience.WATCHERS)
    assert "佐藤一郎" not in text  # not in the household, not on the watch link, not in its involvement
    assert "佐藤" not in text  # the household's name (the head's) goes too, and its address
    sato = data["features"][1]["properties"]
    assert sato["map_number"] == 2 and sato["name"] == "" and sato["address"] == "" and sato["anonymous_members"] == 1
    assert result.anonymous_members == 1
    assert "見守り者・民生委員への提供に同意した人のみ" in data["note"] and data["audience"] == "watchers"
    # Staff see everyone (and the file says so).
    _, staff, staff_text = export(ledger, mapped_town, tmp_path, Audience.STAFF)
    assert "佐藤一郎" in staff_text and "社協職員用" in staff["note"]


def test_user_text_comes_out_as_the_same_plain_string(ledger, mapped_town, tmp_path):
    _, data, text = export(ledger, mapped_town, tmp_path, Audience.COMMUNITY)
    yamada = data["features"][0]["properties"]
    assert yamada["name"] == SCRIPT_NAME and yamada["address"] == FORMULA_ADDRESS
    assert yamada["members"] == "山田花子"
    assert "&lt;" not in text and "<br" not in text and "<b>" not in text  # no markup or escaping of ours
    assert data["features"][3]["properties"]["watcher"] == ""  # the community gets no watcher names


def test_export_geojson_from_the_command_line(ledger, mapped_town, tmp_path):
    out = tmp_path / "余川町.geojson"
    result = run_app("export-geojson", "--town", "余川町", "--out", str(out), "--audience", "community",
                     "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert "2 households, 1 gathering places, 1 watch links" in result.stdout and "left out" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["audience"] == "community" and all(shape(f["geometry"]).is_valid for f in data["features"])
    bad = run_app("export-geojson", "--town", "余川町", "--out", str(tmp_path / "x.xlsx"),
                  "--data-dir", str(tmp_path / "data"))
    assert bad.returncode == 1 and "x.xlsx" in bad.stderr and not (tmp_path / "x.xlsx").exists()


def test_a_failed_export_keeps_the_previous_file(ledger, mapped_town, tmp_path):
    out = tmp_path / "town.geojson"
    out.write_text("previous", encoding="utf-8")
    with pytest.raises(LedgerError), ledger.Session() as s:
        export_geojson(s, mapped_town.id, out, "neighbours")  # not an audience
    assert out.read_text(encoding="utf-8") == "previous"


def test_a_georeferenced_town_map_brings_its_image_only_households_in(ledger, mapped_town, tmp_path):
    from app.models.entities import BaseMap, BaseMapKind, MapControlPoint

    # GIVEN the town's scanned map (1000×800 px) tied to the ground by three points (a plain affine scan)
    with ledger.Session.begin() as s:
        base = BaseMap(town_id=mapped_town.id, kind=BaseMapKind.IMAGE, file_name="scan.png", width=1000, height=800)
        s.add(base)
        s.flush()
        for i, (x, y, lon, lat) in enumerate([(0, 0, 136.22, 35.88), (1000, 0, 136.23, 35.88),
                                              (0, 800, 136.22, 35.888)]):
            s.add(MapControlPoint(town_id=mapped_town.id, image_width=1000, image_height=800, x=x, y=y, lon=lon,
                                  lat=lat, ordinal=i))
    result, data, _ = export(ledger, mapped_town, tmp_path, Audience.STAFF)
    suzuki = next(f for f in data["features"] if f["properties"].get("map_number") == 3)
    lon, lat = suzuki["geometry"]["coordinates"]  # pixel (120, 80), y up from the bottom-left
    assert lon == pytest.approx(136.2212, abs=1e-6) and lat == pytest.approx(35.8808, abs=1e-6)
    assert result.left_out_households == 0 and result.georeferenced
