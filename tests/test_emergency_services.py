"""Step III services: cards and contacts (what is missing), agencies, overdue reviews, nearest shelter, 0003."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.core.errors import LedgerError
from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.demo.geography import DESIGNATED
from app.emergency import cards as emergency
from app.emergency.views import (
    SHELTER_REACH_M,
    AgencyFields,
    CardFields,
    CardRole,
    ContactFields,
    Missing,
    ShelterStatus,
)
from app.households import households
from app.models import Base
from app.models.emergency import AgencyKind
from tests.conftest import session_day
from tests.emergency_fixtures import demo_cards  # noqa: F401 - fixture

TWO = [ContactFields("山田　健太", "長男", "090-0000-0001", "福井市"), ContactFields("山田　直子", "長女", "090-0000-0002")]


@pytest.fixture
def person(ledger, town):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, MapPoint(Crs.GEO, 136.1682, 35.9083),
                                     HouseholdFields(name="山田家", address="余川町1-1"))
        return households.add_person(s, h.id, PersonFields("山田　ハル", kana="やまだ　はる", of_concern=True))


def test_a_card_with_one_contact_is_saved_and_says_the_second_is_missing(ledger, person):
    with ledger.Session.begin() as s:
        card = emergency.save_card(s, person.id, CardFields(kept_at="冷蔵庫の扉"), TWO[:1])
    assert card.has_card and Missing.CONTACTS in card.missing
    with ledger.Session.begin() as s:
        card = emergency.save_card(s, person.id, CardFields(kept_at="冷蔵庫の扉"), TWO)
    assert Missing.CONTACTS not in card.missing
    assert [c.name for c in card.contacts] == ["山田　健太", "山田　直子"]
    assert [c.priority for c in card.contacts] == [1, 2]


def test_a_person_without_a_card_is_listed_and_a_bad_review_date_changes_nothing(ledger, town, person):
    with ledger.Session.begin() as s:
        assert [v.person.name for v in emergency.persons_without_card(s, town.id)] == ["山田　ハル"]
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        emergency.save_card(s, person.id, CardFields(made_on=date(2026, 5, 1), review_on=date(2026, 4, 1)), TWO)
    assert err.value.where == "review_on"
    with ledger.Session.begin() as s:
        v = emergency.get_card(s, person.id)
    assert not v.has_card and v.contacts == ()


def test_agencies_are_linked_to_persons_and_archived_ones_leave_the_picker(ledger, person):
    with ledger.Session.begin() as s:
        clinic = emergency.add_agency(s, AgencyFields(AgencyKind.CLINIC, "ひなた内科", "0778-22-0000"))
        emergency.add_agency(s, AgencyFields("community_support_centre", "包括センター東", "0778-22-1111"))
        card = emergency.link_agency(s, person.id, CardRole.FAMILY_DOCTOR, clinic.id)
    assert card.family_doctor_label == "ひなた内科" and card.family_doctor_phone == "0778-22-0000"
    with ledger.Session.begin() as s:
        assert [p.name for p in emergency.persons_linked_to(s, clinic.id)] == ["山田　ハル"]
        assert [a.name for a in emergency.list_agencies(s, [AgencyKind.CLINIC])] == ["ひなた内科"]
        emergency.archive_agency(s, clinic.id)
        assert emergency.list_agencies(s, [AgencyKind.CLINIC]) == []
        assert emergency.get_card(s, person.id).family_doctor_label == "ひなた内科"  # still printed until relinked
    with pytest.raises(LedgerError), ledger.Session.begin() as s:
        emergency.add_agency(s, AgencyFields("pharmacy", "薬局"))


def test_nearest_designated_shelter_is_named_with_its_distance(ledger, person):
    from app.towns.reference_layers import import_layer
    from tests.emergency_fixtures import ECHIZEN

    with ledger.Session.begin() as s:
        assert emergency.get_card(s, person.id).shelter.status is ShelterStatus.NO_SHELTERS
        import_layer(s, ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson")
        shelter = emergency.nearest_designated_shelter(s, person.household_id)
    assert shelter.status is ShelterStatus.FOUND
    assert shelter.distance_m is not None and shelter.distance_m < 2000
    assert shelter.name in shelter.label and "m" in shelter.label


def test_haversine_gives_metres():
    # A hundredth of a degree of latitude is 1.11 km; of longitude at 36°N, 0.90 km.
    assert emergency.haversine_m(35.90, 136.17, 35.91, 136.17) == pytest.approx(1112, abs=2)
    assert emergency.haversine_m(36.0, 136.17, 36.0, 136.18) == pytest.approx(900, abs=2)
    assert emergency.haversine_m(35.0, 136.0, 36.0, 136.0) == pytest.approx(111_195, rel=0.001)


def test_demo_town_flags_a_missing_card_an_overdue_review_and_unknown_shelter_positions(demo_cards):
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        views = emergency.list_cards(s, town_id)
        assert len(emergency.persons_without_card(s, town_id)) == 1
        overdue = emergency.overdue_reviews(s, town_id, today=session_day())  # the demo counts from its day
        incomplete = emergency.incomplete_cards(s, town_id)
    assert len(overdue) == 1 and overdue[0].review_on < session_day()
    assert any(Missing.CONTACTS in v.missing for v in incomplete)
    # The demo town lies at a fictional place in the sea, tens of km from Echizen's real 指定避難所 imported here:
    # every card names one of the demo's own, fictional sites within reach. A household in one of the demo's
    # hazard zones is sent to a site open for that hazard; the others to the nearest of its 指定避難所.
    assert all(v.shelter.status is ShelterStatus.FOUND and "架空" in v.shelter.name
               and v.shelter.distance_m < SHELTER_REACH_M for v in views)
    for_hazard = [v for v in views if v.shelter.hazard]
    nearest = [v for v in views if not v.shelter.hazard]
    assert for_hazard and nearest
    assert {v.shelter.name for v in nearest} <= {unicodedata.normalize("NFKC", name) for name in DESIGNATED}
    assert len({v.person.id for v in views}) == len(views)


def test_migration_0003_matches_the_models(ledger):
    from app.models.search_index import include_object  # the FTS5 tables are kept by SQL, not by models

    with ledger.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []
