"""A geographic town whose households were placed from real Echizen addresses (the 位置参照情報 大字・町丁目 table
of tests/data/echizen/oaza_chome_isj2019.csv, as a roster's addresses are), under a flood zone generated in the
国土数値情報 A31a schema, with the real GSI 指定緊急避難場所 file: exposure and the shelter open for floods."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from app.core.views import Crs, HouseholdFields, MapPoint
from app.hazards.exposure import exposures
from app.hazards.importer import import_hazard
from app.hazards.shelters import ValidShelterStatus, nearest_valid_shelter
from app.households import households
from app.models.emergency import ReferenceFeature
from app.models.hazard import HazardKind
from app.towns.addresses import AddressTable
from app.towns.reference_layers import import_layer
from app.towns.towns import create_town
from tests.conftest import DATA
from tests.hazard_files import around, flood, write_geojson

ECHIZEN = DATA / "echizen"
# Real addresses of 越前市 (house numbers invented); two of them in 粟田部町中央, by the river.
ADDRESSES = {
    "by the river 1": "福井県越前市粟田部町中央一丁目3-5",
    "by the river 2": "越前市粟田部町中央二丁目1-1",
    "upstream": "越前市相木町12",
    "hills": "越前市赤坂町5-2",
    "town centre": "越前市あおば町2-7",
}


@pytest.fixture
def echizen_town(ledger):
    """(town id, {key: household id}, {key: located point}) of 粟田部町 households placed from their addresses."""
    table = AddressTable.from_isj_csv(ECHIZEN / "oaza_chome_isj2019.csv")
    placed, points = {}, {}
    with ledger.Session.begin() as s:
        town = create_town(s, "南中山地区", "粟田部町")
        for number, (key, address) in enumerate(ADDRESSES.items(), start=1):
            match = table.locate(address)
            assert match is not None, address  # every address lies in a real 大字・町丁目
            points[key] = (match.lon, match.lat)
            h = households.add_household(s, town.id, MapPoint(Crs.GEO, match.lon, match.lat),
                                         HouseholdFields(name=f"世帯{number}", address=address))
            placed[key] = h.id
        import_layer(s, ECHIZEN / "gsi_emergency_shiteikinkyu.geojson")
    return town.id, placed, points


def test_households_placed_from_addresses_get_their_flood_rank_and_a_shelter_open_for_floods(ledger, echizen_town,
                                                                                              tmp_path):
    town_id, placed, points = echizen_town
    # GIVEN a rank-3 (3–5 m) flood zone over the two 町丁目 by the river, in the national schema
    zone = around(*points["by the river 1"], 150).union(around(*points["by the river 2"], 150))
    path = write_geojson(tmp_path / "A31a-18-generated.geojson", [flood(zone, 3, "鞍谷川")])
    with ledger.Session.begin() as s:
        result = import_hazard(s, path)
    assert result.kind is HazardKind.FLOOD
    with ledger.Session() as s:
        by_id = {e.household_id: e for e in exposures(s, town_id)}
        flooded = {key for key, hid in placed.items() if by_id[hid].flood_rank is not None}
        # THEN exactly the households by the river are exposed, with the zone's rank and river
        assert flooded == {"by the river 1", "by the river 2"}
        assert {by_id[placed[k]].flood_rank for k in flooded} == {3}
        assert all(by_id[placed[k]].flood_river == "鞍谷川" for k in flooded)
        # AND each is sent to a real site flagged for floods that lies outside the zone
        for key in flooded:
            shelter = nearest_valid_shelter(s, placed[key], HazardKind.FLOOD)
            assert shelter.status is ValidShelterStatus.FOUND and shelter.distance_m < 5_000
            site = s.get(ReferenceFeature, shelter.feature_id)
            assert site.attributes.get("洪水") == "1"
            assert not zone.contains(Point(site.lon, site.lat))
