"""Step I services: add, move, edit, delete and restore households, members and gathering places."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from app.core.errors import LedgerError, NotFound
from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households, places
from app.households.places import PlaceFields
from app.models import Town


def add(ledger, town, point=MapPoint(Crs.PIXEL, 100, 200), **fields):
    with ledger.Session.begin() as s:
        return households.add_household(s, town.id, point, HouseholdFields(**fields))


def test_added_households_get_consecutive_map_numbers(ledger, town):
    first, second = add(ledger, town), add(ledger, town)
    assert (first.map_number, second.map_number) == (1, 2)


def test_a_deleted_households_number_is_never_reused(ledger, town):
    # Printed maps carry the numbers: a new house must not inherit a removed one's number.
    first = add(ledger, town)
    second = add(ledger, town)
    with ledger.Session.begin() as s:
        households.delete_household(s, second.id)
    third = add(ledger, town)
    assert third.map_number == 3
    with ledger.Session() as s:
        assert [h.map_number for h in households.list_households(s, town.id)] == [first.map_number, 3]


def test_move_keeps_pixel_and_geographic_positions_apart(ledger, town):
    h = add(ledger, town, MapPoint(Crs.PIXEL, 10, 20))
    with ledger.Session.begin() as s:
        households.move_household(s, h.id, MapPoint(Crs.GEO, 136.16, 35.90))
        moved = households.move_household(s, h.id, MapPoint(Crs.PIXEL, 30, 40))
    assert moved.pixel == MapPoint(Crs.PIXEL, 30, 40)
    assert moved.geo == MapPoint(Crs.GEO, 136.16, 35.90)


def test_edit_sets_fields_and_categories(ledger, town):
    h = add(ledger, town)
    with ledger.Session.begin() as s:
        edited = households.edit_household(s, h.id, HouseholdFields(
            name=" 佐藤家 ", address="ひだまり町1丁目2-3", note="犬がいる", category_codes=("elderly_couple", "of_concern")))
    assert edited.name == "佐藤家"
    assert edited.address == "ひだまり町1丁目2-3"
    # Categories come back in priority order: of concern first.
    assert edited.category_codes == ("of_concern", "elderly_couple")
    assert edited.of_concern


def test_delete_is_a_tombstone_and_restore_brings_everything_back(ledger, town):
    h = add(ledger, town, name="高橋家")
    with ledger.Session.begin() as s:
        households.add_person(s, h.id, PersonFields(name="高橋 ハル", of_concern=True, concerns="足が弱い"))
        households.delete_household(s, h.id)
    with ledger.Session() as s:
        assert households.list_households(s, town.id) == []
        with pytest.raises(NotFound):
            households.get_household(s, h.id)
    with ledger.Session.begin() as s:
        restored = households.restore_household(s, h.id)
    assert restored.name == "高橋家"
    assert [p.name for p in restored.persons] == ["高橋 ハル"]


def test_unknown_category_is_refused_and_nothing_changes(ledger, town):
    h = add(ledger, town, name="元の名前")
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        households.edit_household(s, h.id, HouseholdFields(name="新しい名前", category_codes=("no_such",)))
    assert err.value.where == "categories"
    assert "no_such" in str(err.value)
    with ledger.Session() as s:
        assert households.get_household(s, h.id).name == "元の名前"


def test_too_long_address_names_the_field(ledger, town):
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        households.add_household(s, town.id, None, HouseholdFields(address="あ" * 301))
    assert err.value.where == "address"
    assert "301" in str(err.value)


@pytest.mark.parametrize("point", [MapPoint(Crs.GEO, 200.0, 35.0), MapPoint(Crs.PIXEL, float("nan"), 1.0)])
def test_impossible_positions_are_refused(ledger, town, point):
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        households.add_household(s, town.id, point)
    assert err.value.where == "position"


def test_members_can_be_added_edited_and_removed(ledger, town):
    h = add(ledger, town)
    with ledger.Session.begin() as s:
        p = households.add_person(s, h.id, PersonFields(name="山田 キヨ", kana="やまだ きよ",
                                                         birth_date=date(1938, 3, 2), phone="0778-00-1234"))
        households.add_person(s, h.id, PersonFields(name="山田 一郎"))
        households.edit_person(s, p.id, PersonFields(name="山田 キヨ", of_concern=True, concerns="物忘れ"))
    with ledger.Session() as s:
        view = households.get_household(s, h.id)
    assert [m.name for m in view.persons] == ["山田 キヨ", "山田 一郎"]
    assert view.persons[0].of_concern and view.persons[0].concerns == "物忘れ"
    assert view.of_concern  # a person of concern makes the household stand out
    with ledger.Session.begin() as s:
        households.delete_person(s, p.id)
    with ledger.Session() as s:
        assert [m.name for m in households.get_household(s, h.id).persons] == ["山田 一郎"]


def test_a_member_needs_a_name(ledger, town):
    h = add(ledger, town)
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        households.add_person(s, h.id, PersonFields(name="  "))
    assert err.value.where == "name"


def test_filter_by_category(ledger, town):
    add(ledger, town, name="a", category_codes=("single_elderly",))
    add(ledger, town, name="b", category_codes=("elderly_couple",))
    add(ledger, town, name="c")
    with ledger.Session() as s:
        assert [h.name for h in households.list_households(s, town.id, category_codes=["single_elderly"])] == ["a"]
        assert len(households.list_households(s, town.id)) == 3


def test_gathering_places_add_move_edit_delete(ledger, town):
    with ledger.Session.begin() as s:
        p = places.add_place(s, town.id, MapPoint(Crs.PIXEL, 5, 5), PlaceFields("ふれあいサロン", "salon", "毎週水曜"))
        places.move_place(s, p.id, MapPoint(Crs.PIXEL, 7, 8))
        places.edit_place(s, p.id, PlaceFields("ふれあいサロン", "cafe", "毎週木曜"))
    with ledger.Session() as s:
        [view] = places.list_places(s, town.id)
    assert (view.kind, view.schedule, view.pixel) == ("cafe", "毎週木曜", MapPoint(Crs.PIXEL, 7, 8))
    with ledger.Session.begin() as s:
        places.delete_place(s, p.id)
        assert places.list_places(s, town.id) == []
        with pytest.raises(LedgerError):
            places.add_place(s, town.id, None, PlaceFields("x", "disco"))


def test_missing_household_says_so(ledger, town):
    with pytest.raises(NotFound), ledger.Session() as s:
        households.move_household(s, uuid.uuid4(), MapPoint(Crs.PIXEL, 1, 1))


def test_the_households_to_choose_from_are_labelled_as_the_households_list_labels_them(demo_ledger):
    """The watcher's home to choose (Add watcher…), read with one query, is labelled as the list of households
    labels it: a name; else the first member's name (a household whose first member moved away: the next one);
    else the address."""
    with demo_ledger.Session.begin() as s:
        town_id = s.scalars(select(Town.id)).one()
        homes = households.list_households(s, town_id)
        unnamed = next(h for h in homes if len(h.persons) >= 2)
        households.edit_household(s, unnamed.id, HouseholdFields(name="", address=unnamed.address))
        households.delete_person(s, unnamed.persons[0].id)  # archived: the next member labels the household
        empty = households.add_household(s, town_id, None, HouseholdFields(name="", address="越前市府中1丁目1-1"))
    with demo_ledger.Session() as s:
        expected = [(h.id, f"No.{h.map_number} {h.label}") for h in households.list_households(s, town_id)]
        chosen = households.household_choices(s, town_id)
    assert chosen == expected and len(chosen) > 50
    labels = dict(chosen)
    assert labels[unnamed.id].endswith(unnamed.persons[1].name) and labels[empty.id].endswith("越前市府中1丁目1-1")
