"""The town's map layer built by SQL (mapquery) is exactly what the ORM path (mapdata) builds."""

from __future__ import annotations

import pytest

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households, places
from app.households.places import PlaceFields
from app.maps.features import feature_collection
from app.maps.query import town_features
from app.towns import towns


def orm_features(session, town_id, crs):
    return feature_collection(households.list_households(session, town_id), places.list_places(session, town_id), crs)


@pytest.mark.parametrize("crs", [Crs.PIXEL, Crs.GEO])
def test_demo_town_layer_is_identical_to_the_orm_version(demo_ledger, crs):
    with demo_ledger.Session() as s:
        [town] = towns.list_towns(s)
        expected = orm_features(s, town.id, crs)
        got = town_features(s, town.id, crs)
    assert got == expected
    if crs is Crs.PIXEL:  # the demo is drawn on an image: the comparison covered real features
        assert len(got["features"]) > 50


@pytest.fixture
def edge_town(ledger, town):
    """Households of every awkward kind, in a town that shares the ledger with another town."""
    with ledger.Session.begin() as s:
        other = towns.create_town(s, "味真野地区", "別の町")
        households.add_household(s, other.id, MapPoint(Crs.PIXEL, 1, 1), HouseholdFields(name="よその家"))
        # no members, no categories, no name: labelled by its address
        households.add_household(s, town.id, MapPoint(Crs.PIXEL, 10, 20), HouseholdFields(address="余川町1-1"))
        # no name: labelled by the first member; a deleted member is left out; a member of concern
        h = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 30, 40),
                                     HouseholdFields(category_codes=("of_concern", "single_elderly")))
        households.add_person(s, h.id, PersonFields(name="山田 キヨ", of_concern=True))
        gone = households.add_person(s, h.id, PersonFields(name="去った 人"))
        households.add_person(s, h.id, PersonFields(name="山田 正男"))
        households.delete_person(s, gone.id)
        # no category, but someone of concern lives there: 気がかり all the same; one whose person of concern
        # has left is not
        k = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 32, 42), HouseholdFields(name="木村家"))
        households.add_person(s, k.id, PersonFields(name="木村 ハル", of_concern=True))
        left = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 34, 44))
        households.add_person(s, left.id, PersonFields(name="林 一郎"))
        households.delete_person(s, households.add_person(s, left.id, PersonFields(name="林 トメ", of_concern=True)).id)
        # several categories, given in the "wrong" order
        c = households.add_household(s, town.id, MapPoint(Crs.GEO, 136.17, 35.9),
                                     HouseholdFields(name="佐藤家", category_codes=("elderly_couple", "disability")))
        households.move_household(s, c.id, MapPoint(Crs.PIXEL, 50, 60))  # placed on both kinds of map
        # deleted, and unplaced
        d = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 70, 80), HouseholdFields(name="消えた家"))
        households.delete_household(s, d.id)
        households.add_household(s, town.id, None, HouseholdFields(name="未配置の家"))
        # markup is data, passed through untouched
        households.add_household(s, town.id, MapPoint(Crs.GEO, 136.18, 35.91), HouseholdFields(name="<b>&家</b>"))
        places.add_place(s, town.id, MapPoint(Crs.PIXEL, 5, 5), PlaceFields("公民館", kind="meeting_hall"))
        places.add_place(s, town.id, MapPoint(Crs.GEO, 136.16, 35.89), PlaceFields("いきいきサロン", kind="salon",
                                                                                    schedule="毎週火曜"))
        gone_place = places.add_place(s, town.id, MapPoint(Crs.PIXEL, 6, 6), PlaceFields("閉じた店"))
        places.delete_place(s, gone_place.id)
    return town


@pytest.mark.parametrize("crs", [Crs.PIXEL, Crs.GEO])
def test_edge_cases_are_identical_to_the_orm_version(ledger, edge_town, crs):
    with ledger.Session() as s:
        assert town_features(s, edge_town.id, crs) == orm_features(s, edge_town.id, crs)


def test_edge_case_layer_shows_what_a_user_expects(ledger, edge_town):
    with ledger.Session() as s:
        pixel = town_features(s, edge_town.id, Crs.PIXEL)["features"]
        geo = town_features(s, edge_town.id, Crs.GEO)["features"]
    labels = [f["properties"]["label"] for f in pixel]
    # only this town, no deleted or unplaced households, places after households
    assert labels == ["余川町1-1", "山田 キヨ", "木村家", "林 一郎", "佐藤家", "公民館"]
    by_label = {f["properties"]["label"]: f["properties"] for f in pixel}
    assert by_label["木村家"]["ofConcern"] is True and by_label["木村家"]["categories"] == []
    assert by_label["林 一郎"]["ofConcern"] is False  # the person of concern has left the household
    kiyo = pixel[1]["properties"]
    assert "山田 正男" not in str(kiyo)  # members' names are not sent to the page, which never shows them
    assert kiyo["categories"] == ["of_concern", "single_elderly"]  # by priority: 気がかり is drawn first
    assert kiyo["ofConcern"] is True
    assert pixel[0]["properties"]["ofConcern"] is False
    assert [f["properties"]["label"] for f in geo] == ["佐藤家", "<b>&家</b>", "いきいきサロン"]
    assert geo[0]["geometry"]["coordinates"] == [136.17, 35.9]
