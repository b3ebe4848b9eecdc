"""One set of checks for what users type (app/core/validators.py) and one loader for archived records
(app/core/records.py): each rule's message names the field, and the services say the same through them."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

import pytest

from app.core import validators as check
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.records import live
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import Household, Person
from app.towns import towns
from app.watch import network as watch
from app.watch.views import WatcherFields

TODAY = date(2026, 11, 20)


class Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


LABELS = {Colour.RED: "赤", Colour.BLUE: "青"}
UNKNOWN = QT_TRANSLATE_NOOP("errors", "Unknown colour: {colour}")


def test_optional_text_is_stripped_and_blank_is_allowed():
    assert check.optional_text("  越前 ハル　", 10, "name") == "越前 ハル"
    assert check.optional_text(None, 10, "name") == ""
    assert check.optional_text("   ", 10, "name") == ""


def test_text_over_its_limit_names_the_field_and_both_lengths():
    with pytest.raises(LedgerError) as caught:
        check.optional_text("あ" * 11, 10, "address")
    assert caught.value.where == "address"
    assert str(caught.value) == "address: Too long: 11 characters (at most 10)."
    # the limit counts what is kept: surrounding spaces do not count
    assert check.optional_text(" " + "あ" * 10 + " ", 10, "address") == "あ" * 10


def test_required_text_refuses_blank_with_the_fields_own_message():
    with pytest.raises(LedgerError) as caught:
        check.required_text("  ", 10, "contacts[2].name")
    assert str(caught.value) == "contacts[2].name: Please enter a name."
    with pytest.raises(LedgerError) as caught:
        check.required_text(None, 10, "name", missing=QT_TRANSLATE_NOOP("errors", "A member needs a name."))
    assert str(caught.value) == "name: A member needs a name."
    with pytest.raises(LedgerError, match=r"^name: Too long: 3 characters \(at most 2\)\.$"):
        check.required_text("abc", 2, "name")
    assert check.text(" 花子 ", 10, "name", required=True) == "花子"
    assert check.text(" ", 10, "name") == ""


def test_choice_takes_a_member_its_value_or_its_label():
    assert check.choice(Colour, Colour.RED, where="colour", unknown=UNKNOWN, param="colour") is Colour.RED
    assert check.choice(Colour, "blue", where="colour", unknown=UNKNOWN, param="colour") is Colour.BLUE
    assert check.choice(Colour, " 赤 ", where="colour", unknown=UNKNOWN, param="colour", labels=LABELS) is Colour.RED


def test_an_unknown_choice_names_the_field_and_shows_what_was_given():
    with pytest.raises(LedgerError) as caught:
        check.choice(Colour, "green", where="rows[3].colour", unknown=UNKNOWN, param="colour", labels=LABELS)
    assert str(caught.value) == "rows[3].colour: Unknown colour: green"
    # a label is only a label where the caller offers them
    with pytest.raises(LedgerError, match="Unknown colour: 赤"):
        check.choice(Colour, "赤", where="colour", unknown=UNKNOWN, param="colour")


def test_an_optional_choice_left_empty_is_none():
    assert check.optional_choice(Colour, "", where="colour", unknown=UNKNOWN) is None
    assert check.optional_choice(Colour, None, where="colour", unknown=UNKNOWN) is None
    assert check.optional_choice(Colour, "red", where="colour", unknown=UNKNOWN) is Colour.RED
    with pytest.raises(LedgerError, match="^colour: Unknown colour: pink$"):
        check.optional_choice(Colour, "pink", where="colour", unknown=UNKNOWN, param="colour")


def test_a_date_must_be_a_date_and_not_in_the_future():
    assert check.past_date(TODAY, TODAY, "held_on") == TODAY
    assert check.past_date(date(2020, 1, 2), TODAY, "held_on") == date(2020, 1, 2)
    with pytest.raises(LedgerError, match=r"^held_on: The date 2026-11-21 is in the future\.$"):
        check.past_date(date(2026, 11, 21), TODAY, "held_on")
    for not_a_date in (None, "2026-11-01", datetime(2026, 11, 1, 9, 0)):
        with pytest.raises(LedgerError, match=r"^reviewed_on: Please enter a date\.$"):
            check.past_date(not_a_date, TODAY, "reviewed_on")
    with pytest.raises(LedgerError, match="^consent_date: the consent date is in the future$"):
        check.past_date(date(2027, 1, 1), TODAY, "consent_date",
                        future=QT_TRANSLATE_NOOP("errors", "the consent date is in the future"))


def test_a_phone_number_is_printed_the_japanese_way_and_odd_text_is_kept():
    assert check.phone("０７７８２２００５５", "phone") == "0778-22-0055"
    assert check.phone("  ", "phone") == ""
    assert check.phone("夜は不在", "phone") == "夜は不在"
    with pytest.raises(LedgerError, match=r"^fax: Too long: 51 characters \(at most 50\)\.$"):
        check.phone("1" * 51, "fax")


# ---------------------------------------------------------------- the services say it through them


@pytest.fixture
def town(ledger):
    with ledger.Session.begin() as s:
        return towns.create_town(s, "北日野", "余川町")


def test_the_services_report_bad_input_by_field(ledger, town):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前"))
        with pytest.raises(LedgerError, match="^name: A member needs a name.$"):
            households.add_person(s, h.id, PersonFields(" "))
        with pytest.raises(LedgerError, match=r"^kana: Too long: 201 characters \(at most 200\)\.$"):
            households.add_person(s, h.id, PersonFields("越前 ハル", kana="あ" * 201))
        with pytest.raises(LedgerError, match="^role: Unknown watcher role: captain$"):
            watch.add_watcher(s, town.id, WatcherFields("近所 花子", role="captain"))
        with pytest.raises(LedgerError, match="^town: Please enter a name.$"):
            towns.create_town(s, "北日野", "  ")
        p = households.add_person(s, h.id, PersonFields("越前 ハル", phone="０７７８２２００５５"))
        assert p.phone == "0778-22-0055"


# ---------------------------------------------------------------- loading a live record


def test_live_refuses_a_missing_or_archived_record_and_takes_it_back_when_asked(ledger, town):
    gone = QT_TRANSLATE_NOOP("errors", "This household is no longer in the ledger.")
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前"))
        assert live(s, Household, h.id, gone).name == "越前"
        with pytest.raises(NotFound, match="^This household is no longer in the ledger.$"):
            live(s, Household, uuid.uuid4(), gone)
        households.delete_household(s, h.id)
        with pytest.raises(NotFound):
            live(s, Household, h.id, gone)
        with pytest.raises(NotFound, match="^household: This household"):
            live(s, Household, None, gone, where="household")
        assert live(s, Household, h.id, gone, include_archived=True).deleted_at is not None


def test_a_member_of_an_archived_household_is_gone_even_when_archived_members_are_allowed(ledger, town):
    gone = QT_TRANSLATE_NOOP("errors", "This person is no longer in the ledger.")
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前"))
        p = households.add_person(s, h.id, PersonFields("越前 ハル", of_concern=True))
        assert live(s, Person, p.id, gone, parent=lambda q: q.household).name == "越前 ハル"
        households.delete_household(s, h.id)
        with pytest.raises(NotFound):
            live(s, Person, p.id, gone, include_archived=True, parent=lambda q: q.household)
        # and the services that edit persons of concern refuse alike
        with pytest.raises(NotFound, match="This member is no longer in the ledger."):
            watch.get_concern(s, p.id)
        households.restore_household(s, h.id)
        assert watch.get_concern(s, p.id).person.name == "越前 ハル"
