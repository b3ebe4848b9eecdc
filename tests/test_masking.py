"""One definition of what is personal: the card, the watch-network form, the map feature and the compact town
layer blank the same fields for a person the audience may not see by name, and the staff see everything."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.emergency import cards as emergency
from app.emergency.views import AgencyFields, CardFields, ContactFields
from app.households import households
from app.maps import features as mapdata
from app.maps.query import HOUSEHOLD_KEYS, town_layer
from app.models.emergency import AgencyKind
from app.privacy import masking
from app.privacy.consent import ConsentFields, ConsentStatus, record_consent
from app.privacy.masking import ANONYMOUS_NAME, Audience
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields

DAY = date(2026, 11, 27)
# The invented household and person, and everything personal about them the papers or the map could carry.
HOUSEHOLD = HouseholdFields(name="越前家", address="余川町3-3", category_codes=("of_concern",))
PERSON = PersonFields("越前　秘子", kana="えちぜん ひこ", birth_date=date(1941, 2, 3), phone="0778-12-3456",
                      of_concern=True, concerns="物忘れが増えた")
CARD = dict(family_doctor_text="夜間は山田先生", care_level="要介護2", medical_notes="心臓の薬",
            care_manager_name="介護　支援子", kept_at="冷蔵庫の扉", note="犬がいる")
CONTACT = ContactFields("越前　一郎", "長男", "090-1234-5678", "東京都港区1-1")
DOCTOR, CARE_OFFICE = "山田内科医院", "ひなた居宅介護支援事業所"
PERSONAL = {HOUSEHOLD.name, HOUSEHOLD.address, PERSON.name, PERSON.kana, PERSON.birth_date, PERSON.phone,
            PERSON.concerns, *CARD.values(), CONTACT.name, CONTACT.phone, CONTACT.address, DOCTOR, CARE_OFFICE}
# The consent that covers every audience but one: a mistake in any mask or scope shows up for that one.
SCOPES = {Audience.WATCHERS: "share_with_watchers", Audience.AGENCIES: "share_with_agencies",
          Audience.COMMUNITY: "show_on_community_map"}


def leaves(value) -> set:
    """Every plain value inside a view, a GeoJSON feature or a compact row."""
    if dataclasses.is_dataclass(value):
        return set().union(*(leaves(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, dict):
        return set().union(*(leaves(v) for v in value.values()))
    if isinstance(value, list | tuple):
        return set().union(*(leaves(v) for v in value))
    return {value}


@pytest.fixture
def invented(ledger, town):
    """GIVEN one placed household of concern with one person, an emergency card, a relative and a watcher."""
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 10, 20), HOUSEHOLD)
        p = households.add_person(s, h.id, PERSON)
        doctor = emergency.add_agency(s, AgencyFields(AgencyKind.CLINIC, DOCTOR))
        office = emergency.add_agency(s, AgencyFields(AgencyKind.HOME_CARE_SUPPORT_OFFICE, CARE_OFFICE))
        emergency.save_card(s, p.id, CardFields(family_doctor_id=doctor.id, care_office_id=office.id, **CARD),
                            [CONTACT])
        w = watch.add_watcher(s, town.id, WatcherFields("見守り　近所"))
        watch.link_watcher(s, p.id, w.id, LinkFields("朝の声かけ"))
    return ledger, town.id, h.id, p.id, h.map_number


def views_for(ledger, town_id, household_id, person_id, audience):
    """The four views of the same person and household as ``audience`` receives them."""
    with ledger.Session() as s:
        hidden = person_id in masking.hidden_persons(s, [person_id], audience)
        card = emergency.get_card(s, person_id)
        [concern] = [c for c in watch.list_concerns(s, town_id) if c.person.id == person_id]
        feature = mapdata.household_feature(households.get_household(s, household_id), Crs.PIXEL)
        layer = town_layer(s, town_id, Crs.PIXEL)
    if hidden:
        card, concern, feature, layer = (masking.mask_card(card), masking.mask_concern(concern),
                                         masking.anonymous_feature(feature), layer.anonymous())
    [row] = [r for r in layer.households if r[0] == str(household_id)]
    return {"card": card, "concern": concern, "feature": feature, "row": dict(zip(HOUSEHOLD_KEYS, row[-len(HOUSEHOLD_KEYS):], strict=True))}


@pytest.mark.parametrize("audience", list(SCOPES))
def test_a_person_the_audience_may_not_see_has_every_personal_field_blank_everywhere(invented, audience):
    ledger, town_id, household_id, person_id, number = invented
    with ledger.Session.begin() as s:
        record_consent(s, person_id, ConsentFields(ConsentStatus.YES, date=DAY, recorded_by="職員",
                                                   **{f: a is not audience for a, f in SCOPES.items()}), today=DAY)

    views = views_for(ledger, town_id, household_id, person_id, audience)

    for kind, view in views.items():
        assert not leaves(view) & PERSONAL, f"{kind} shows {leaves(view) & PERSONAL} to {audience}"
    for kind in ("card", "concern"):
        view = views[kind]
        assert {f: getattr(view.person, f) for f in masking.PERSON_BLANKS} == dict(masking.PERSON_BLANKS)
        assert (view.household_name, view.address, view.map_number) == ("", "", number)
        assert view.person.name == ANONYMOUS_NAME
    assert views["concern"].links and views["card"].watchers  # who watches over them stays on the papers
    assert {f: getattr(views["card"], f) for f in masking.CARE_BLANKS} == dict(masking.CARE_BLANKS)
    for props in (views["feature"]["properties"], views["row"]):
        assert (props["label"], props["address"], props["mapNumber"]) == ("", "", number)


def test_the_staff_see_everything_whatever_the_consent(invented):
    ledger, town_id, household_id, person_id, number = invented
    with ledger.Session.begin() as s:
        record_consent(s, person_id, ConsentFields(ConsentStatus.NO, date=DAY, recorded_by="職員"), today=DAY)

    views = views_for(ledger, town_id, household_id, person_id, Audience.STAFF)

    assert PERSONAL <= leaves(views["card"])
    assert {PERSON.name, PERSON.kana, PERSON.birth_date, PERSON.phone, PERSON.concerns, HOUSEHOLD.name,
            HOUSEHOLD.address} <= leaves(views["concern"])
    for props in (views["feature"]["properties"], views["row"]):
        assert (props["label"], props["address"], props["mapNumber"]) == (HOUSEHOLD.name, HOUSEHOLD.address, number)
