"""The emergency card never prints a shelter that lies in the very hazard zone the household must leave as if it
were safe.

Found on the demo town with a deep flood zone over the whole town (a 10–20 m 想定最大規模 zone of a big river):
every site open for floods lay in the zone too, so the card fell back to the nearest 指定避難所 — also in the
10–20 m zone — and printed 「ひだまり小学校(架空)（約 50 m）」 with no mark, exactly as for a house on dry ground,
while the household panel said no site was open for the flood. The card now marks it 「・想定区域内」, as it does
a flagged site left only in a shallower zone.
"""

from __future__ import annotations

import pytest

from app.core.views import Crs, MapPoint, PersonFields
from app.emergency import cards as emergency
from app.emergency.card_pdf import export_cards
from app.emergency.views import CardFields, ShelterStatus
from app.hazards.importer import import_hazard
from app.households.households import add_household, add_person
from app.privacy.masking import Audience
from app.towns.reference_layers import import_layer
from app.towns.towns import create_town
from tests.conftest import DATA
from tests.emergency_fixtures import flat, pdf_text
from tests.hazard_files import HOME, around, flood, write_geojson

ECHIZEN = DATA / "echizen"
AWAY = (HOME[0] + 0.02, HOME[1])  # about 1.8 km east: on a dry island the zone leaves out


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


def test_a_designated_shelter_inside_the_homes_own_hazard_zone_is_marked_on_the_card(ledger, town, tmp_path):
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
