"""The emergency card's and the contact sheet's shelter for a household in a hazard zone (issue 16).

The real GSI files of Echizen (指定緊急避難場所 with a flag per hazard, 指定避難所) and a generated flood zone in
the 国土数値情報 A31a schema (tests/hazard_files.py) around a household in 粟田部町.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from shapely.geometry import box as square

from app.core.views import Crs, MapPoint, PersonFields
from app.emergency import cards as emergency
from app.emergency.card_pdf import export_cards
from app.emergency.contact_sheet import HEADER_ROW, export_sheet
from app.emergency.views import CardFields, ShelterStatus
from app.hazards.importer import import_hazard, remove_layer
from app.hazards.shelters import nearest_valid_shelter
from app.households.households import add_household, add_person, move_household
from app.models.hazard import HazardKind
from app.privacy.masking import Audience
from app.towns.reference_layers import import_layer
from app.towns.towns import create_town
from tests.conftest import DATA
from tests.emergency_fixtures import flat, pdf_text
from tests.hazard_files import HOME, around, flood, write_geojson

ECHIZEN = DATA / "echizen"
# The household and 岡本小学校 (open for floods) inside, 新在家公園 (open for floods) outside.
ZONE = square(136.2405, 35.9140, 136.2450, 35.9160)
AWAY = (HOME[0] + 0.02, HOME[1])  # about 1.8 km east: outside the zone


@pytest.fixture
def town(ledger):
    with ledger.Session.begin() as s:
        import_layer(s, ECHIZEN / "gsi_emergency_shiteikinkyu.geojson")
        import_layer(s, ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson")
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        persons = {}
        for key, (lon, lat), name in (("flooded", HOME, "越前 花子"), ("dry", AWAY, "武生 一郎")):
            household = add_household(s, town.id, MapPoint(Crs.GEO, lon, lat))
            person = add_person(s, household.id, PersonFields(name, of_concern=True))
            emergency.save_card(s, person.id, CardFields(kept_at="冷蔵庫"))
            persons[key] = person
    return town, persons


def _cards(ledger, town):
    with ledger.Session() as s:
        return {v.person.name: v for v in emergency.list_cards(s, town.id)}


def _sheet_notes(path) -> dict[str, str]:
    rows = load_workbook(path).active.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    return {name: " ".join(str(v) for v in row if v) for row in rows for name in ("越前 花子", "武生 一郎")
            if any(name == v for v in row)}


def test_a_household_in_a_flood_zone_is_sent_to_a_flood_shelter_outside_it_on_card_and_sheet(ledger, town, tmp_path):
    town, persons = town
    before = _cards(ledger, town)
    # GIVEN a flood zone imported over the first household (and over 岡本小学校, the nearest site open for floods)
    with ledger.Session.begin() as s:
        layer = import_hazard(s, write_geojson(tmp_path / "A31a-23_18.geojson", [flood(ZONE, 3, "鞍谷川")]))
    # WHEN the cards and the sheet are made
    after = _cards(ledger, town)
    with ledger.Session.begin() as s:
        single = emergency.get_card(s, persons["flooded"].id).shelter
        plan_site = nearest_valid_shelter(s, persons["flooded"].household_id, HazardKind.FLOOD)
        export_sheet(s, town.id, tmp_path / "sheet.xlsx", audience=Audience.STAFF)
        export_cards(s, town.id, tmp_path / "cards.pdf", audience=Audience.STAFF)
    # THEN the flooded household's shelter is 新在家公園, about 390 m, with the hazard named; the one a plan
    # would choose, whether read for one card or for the whole list
    flooded = after["越前 花子"].shelter
    assert flooded.status is ShelterStatus.FOUND and flooded.name == "新在家公園"
    assert flooded.label.startswith("洪水時: 新在家公園（約 ") and not flooded.inside_zone
    assert 350 < flooded.distance_m < 420
    assert single == flooded and plan_site.feature_id == flooded.feature_id
    assert before["越前 花子"].shelter.label != flooded.label and "時:" not in before["越前 花子"].shelter.label
    # … and the household outside every zone keeps today's nearest 指定避難所, unprefixed
    assert after["武生 一郎"].shelter == before["武生 一郎"].shelter
    assert after["武生 一郎"].shelter.label and "時:" not in after["武生 一郎"].shelter.label
    notes = _sheet_notes(tmp_path / "sheet.xlsx")
    # (a long note holds line breaks where 行頭禁則 needs them: read without them)
    assert flat("避難所: 洪水時: 新在家公園（約 ") in flat(notes["越前 花子"])
    assert flat(after["武生 一郎"].shelter.label) in flat(notes["武生 一郎"]) and "洪水時" not in notes["武生 一郎"]
    assert flat("洪水時: 新在家公園") in pdf_text(tmp_path / "cards.pdf")
    # WHEN the layer is removed, the card goes back to the nearest 指定避難所
    with ledger.Session.begin() as s:
        remove_layer(s, layer.layer_id)
    assert _cards(ledger, town)["越前 花子"].shelter == before["越前 花子"].shelter


def test_a_household_that_moved_into_the_zone_is_sent_by_its_new_position(ledger, town, tmp_path):
    town, persons = town
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a.geojson", [flood(ZONE, 2)]))
    assert "時:" not in _cards(ledger, town)["武生 一郎"].shelter.label
    # WHEN the dry household moves next door to the flooded one (its stored exposure is now stale)
    with ledger.Session.begin() as s:
        move_household(s, persons["dry"].household_id, MapPoint(Crs.GEO, HOME[0] + 0.0002, HOME[1]))
    # THEN its card is made for the flood at its new home, in the list and alone
    moved = _cards(ledger, town)["武生 一郎"].shelter
    assert moved.hazard == "洪水" and moved.name == "新在家公園"
    with ledger.Session() as s:
        assert emergency.nearest_designated_shelter(s, persons["dry"].household_id) == moved


def _twin_shelters(path, lon, lat):
    """Two 指定避難所 at one point (a school and its gym listed apart): equally near to every household."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                 "properties": {"NO": no, "共通ID": f"E18209{no}", "都道府県名及び市町村名": "福井県越前市",
                                "施設・場所名": name, "住所": "福井県越前市粟田部町1", "備考": ""}}
                for no, name in ((1, "双子小学校"), (2, "双子小学校体育館"))]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_the_list_gives_every_household_the_shelter_its_own_card_gives(ledger, tmp_path):
    twins = (HOME[0] - 0.01, HOME[1] + 0.01)
    with ledger.Session.begin() as s:
        # GIVEN no shelter yet; a household with no position, one far from everything, one as far from two
        # shelters at one point as from each other (equal distances), and two persons at home in the flood zone
        town = create_town(s, "岡本地区", "粟田部町", center=(HOME[1], HOME[0]))
        for position, names in ((None, ["位置 不明"]), ((HOME[0] + 0.5, HOME[1]), ["遠方 次郎"]),
                                ((twins[0] + 0.003, twins[1]), ["等距 三郎"]), (AWAY, ["武生 一郎"]),
                                (HOME, ["越前 花子", "越前 太郎"])):
            household = add_household(s, town.id, MapPoint(Crs.GEO, *position) if position else None)
            for name in names:
                add_person(s, household.id, PersonFields(name, of_concern=True))

    def both():
        """The one-pass answers of the list against each card read alone."""
        with ledger.Session() as s:
            listed = emergency.list_cards(s, town.id)
            return {v.person.name: (v.shelter, emergency.get_card(s, v.person.id).shelter) for v in listed}

    before = both()
    assert all(many == one for many, one in before.values())
    assert before.pop("位置 不明")[0].status is ShelterStatus.NO_POSITION
    assert {many.status for many, _ in before.values()} == {ShelterStatus.NO_SHELTERS}
    # WHEN the twin shelters, GSI's files and a flood zone over the last household (花筐小学校, the nearest site,
    # is not open for floods; 岡本小学校 is in the zone) are imported
    with ledger.Session.begin() as s:
        import_layer(s, ECHIZEN / "gsi_emergency_shiteikinkyu.geojson")
        import_layer(s, ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson")
        import_layer(s, _twin_shelters(tmp_path / "gsi_evacuation_shiteihinanjo.geojson", *twins))
        import_hazard(s, write_geojson(tmp_path / "A31a-23_18.geojson", [flood(ZONE, 3, "鞍谷川")]))
    after = both()
    # THEN the list names for each person the shelter, the distance and the hazard its own card names
    assert all(many == one for many, one in after.values()), after
    assert after["位置 不明"][0].status is ShelterStatus.NO_POSITION
    assert after["遠方 次郎"][0].status is ShelterStatus.NONE_NEAR and after["遠方 次郎"][0].label == ""
    assert after["越前 花子"][0] == after["越前 太郎"][0]
    assert after["越前 花子"][0].label.startswith("洪水時: 新在家公園（約 ")
    assert after["等距 三郎"][0].name in ("双子小学校", "双子小学校体育館")
    assert "時:" not in after["等距 三郎"][0].label and "時:" not in after["武生 一郎"][0].label


def test_a_designated_shelter_inside_the_homes_own_hazard_zone_is_marked_on_the_card(ledger, town, tmp_path):
    # (Found on the demo town with a deep flood zone over the whole town: every site open for floods lay in the
    # zone too, and the card printed the nearest 指定避難所, also in the zone, with no mark.)
    town, persons = town
    with ledger.Session() as s:
        before = {v.person.name: v.shelter for v in emergency.list_cards(s, town.id)}
    # GIVEN a 10–20 m flood zone over the whole of the city round the household: every site open for floods,
    # and every 指定避難所 near it, lie in it; only a small island round the second household stays dry
    zone = around(*HOME, 15_000).difference(around(*AWAY, 300))
    with ledger.Session.begin() as s:
        import_hazard(s, write_geojson(tmp_path / "A31a-20-18.geojson", [flood(zone, 5, "大河川")]))
    # WHEN the cards are made, for the whole list and for one card alone
    with ledger.Session.begin() as s:
        listed = {v.person.name: v.shelter for v in emergency.list_cards(s, town.id)}
        alone = emergency.get_card(s, persons["flooded"].id).shelter
        export_cards(s, town.id, tmp_path / "cards.pdf", audience=Audience.STAFF)
    # THEN the flooded household's card still names its nearest 指定避難所, but says it is in the zone
    flooded = listed["越前 花子"]
    assert flooded.status is ShelterStatus.FOUND and flooded.name == before["越前 花子"].name
    assert flooded.inside_zone and flooded.label.endswith("・想定区域内）")
    assert "時:" not in flooded.label  # not a site open for floods: no 「洪水時」
    assert alone == flooded
    assert flat(flooded.label) in pdf_text(tmp_path / "cards.pdf")
    # AND the household on dry ground keeps its card as it was (its shelter's zone is not its hazard at home)
    dry = listed["武生 一郎"]
    assert dry == before["武生 一郎"] and dry.status is ShelterStatus.FOUND and not dry.inside_zone
