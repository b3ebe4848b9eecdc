"""The bench's city is filled in as a town fills it in: consent asked, emergency cards made, the city's real
指定避難所 imported.

Until the twelfth round the bench's persons had no consent and no cards: its emergency sheet printed every row as
「（匿名）」 with empty cells, and its PDF wrapped almost nothing, so the sheet's and the PDF's figures were those of
an empty paper; until the thirteenth it had no shelters, and the sheet's 避難所 was never worked out. The cards and
the consent draw from their own random generator, so the households, persons and
watchers stay those of the earlier rounds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.privacy.masking import ANONYMOUS_NAME

HOUSEHOLDS = 300


@pytest.fixture
def city(tmp_path, monkeypatch):
    monkeypatch.setenv("SASAEAI_PASSPHRASE", "test-passphrase")
    from bench.generate import generate_or_reuse

    return generate_or_reuse(tmp_path / f"ledger-{HOUSEHOLDS}", HOUSEHOLDS, shelters=True)  # as the bench runs it


def sheet_rows(made) -> list[tuple[str, ...]]:  # noqa: ANN001
    from app.emergency import contact_sheet
    from app.models import open_ledger
    from app.paths import ledger_path

    ledger = open_ledger(ledger_path(made.data_dir))
    try:
        with ledger.Session() as s:
            return contact_sheet.sheet_data(s, made.town_id).rows
    finally:
        ledger.close()


@pytest.mark.timeout(300)
def test_the_bench_sheet_names_most_persons_with_their_contacts_and_doctor(city):
    rows = sheet_rows(city)
    assert len(rows) == city.persons_of_concern
    named = [row for row in rows if row[1] != ANONYMOUS_NAME]
    # Most consented to sharing with the watchers; some refused or were not asked (printed anonymous).
    assert 0.7 * len(rows) <= len(named) < len(rows)
    with_contacts = [row for row in named if row[5].startswith("1. ")]
    with_doctor = [row for row in named if row[6]]
    assert len(with_contacts) >= 0.7 * len(named) and len(with_doctor) >= 0.6 * len(named)
    # Their relatives share their surname; some have a second contact; some persons have no card yet.
    assert all(row[5].removeprefix("1. ").split()[0] == row[1].split()[0] for row in with_contacts)
    assert any("\n2. " in row[5] for row in with_contacts)
    assert any("カード未作成" in row[-1] for row in rows)
    assert 0.7 * city.persons_of_concern <= city.cards < city.persons_of_concern


@pytest.mark.timeout(300)
def test_a_ledger_kept_from_before_the_cards_is_made_again(city):
    from bench.generate import MADE, generate_or_reuse

    made = Path(city.data_dir) / MADE
    facts = json.loads(made.read_text(encoding="utf-8"))
    facts.pop("cards")  # as a round before the twelfth kept it
    made.write_text(json.dumps(facts), encoding="utf-8")
    again = generate_or_reuse(city.data_dir, HOUSEHOLDS, shelters=True)
    assert again.town_id != city.town_id and again.cards > 0
    assert any(row[1] != ANONYMOUS_NAME for row in sheet_rows(again))


@pytest.mark.timeout(300)
def test_the_sheet_of_a_given_size_has_that_many_persons_when_some_are_taken_off(city):
    # At 150,000 households the "10,000-person sheet" takes persons of concern off the town's 23,000: those with a
    # card stayed on it (anyone with a card is listed), and the sheet measured had 21,470 persons.
    from app.emergency import contact_sheet
    from app.models import open_ledger
    from app.paths import ledger_path
    from bench.run import mark_of_concern

    ledger = open_ledger(ledger_path(city.data_dir))
    try:
        with ledger.Session() as s:
            for wanted in (city.persons_of_concern // 2, city.persons_of_concern + 25):
                assert mark_of_concern(s, city.town_id, wanted, contact_sheet) is None
                assert len(contact_sheet.sheet_data(s, city.town_id).rows) == wanted
                s.rollback()
            assert len(contact_sheet.sheet_data(s, city.town_id).rows) == city.persons_of_concern  # rolled back
    finally:
        ledger.close()


def shelter_names() -> set[str]:
    from bench.generate import SHELTERS

    return {f["properties"]["施設・場所名"] for f in json.loads(SHELTERS.read_text(encoding="utf-8"))["features"]}


@pytest.mark.timeout(300)
def test_the_bench_sheet_names_each_persons_nearest_real_shelter(city):
    names = shelter_names()
    assert city.shelters == len(names) > 10
    printed = [line.removeprefix("避難所: ") for row in sheet_rows(city) for line in row[-1].split("\n")
               if line.startswith("避難所: ")]
    assert len(printed) >= 0.7 * city.persons_of_concern
    assert all(any(label.startswith(name) for name in names) for label in printed), printed[:5]
    assert len(set(printed)) > 1  # the city spreads over several shelters' areas


@pytest.mark.timeout(300)
def test_a_ledger_kept_from_before_the_shelters_gets_them_and_keeps_everything_else(city):
    from bench.generate import AS_MADE, MADE, generate_or_reuse

    made = Path(city.data_dir) / MADE
    facts = json.loads(made.read_text(encoding="utf-8"))
    facts.pop("shelters")  # as the twelfth round kept it (before the bench kept a copy as made)
    (Path(city.data_dir) / AS_MADE).unlink()
    made.write_text(json.dumps(facts), encoding="utf-8")
    from app.emergency import cards
    from app.models import open_ledger
    from app.models.emergency import ReferenceFeature
    from app.paths import ledger_path

    ledger = open_ledger(ledger_path(city.data_dir))
    try:
        with ledger.Session.begin() as s:  # the twelfth round's city had none
            s.query(ReferenceFeature).delete()
    finally:
        ledger.close()
    again = generate_or_reuse(city.data_dir, HOUSEHOLDS, shelters=True)
    assert again.town_id == city.town_id and again.cards == city.cards and again.shelters == city.shelters
    assert (Path(city.data_dir) / AS_MADE).exists()  # the city as it is now is what later runs start from
    once_more = generate_or_reuse(city.data_dir, HOUSEHOLDS, shelters=True)  # added once, not at every run
    ledger = open_ledger(ledger_path(once_more.data_dir))
    try:
        with ledger.Session() as s:
            assert len(cards.list_reference_features(s)) == city.shelters
    finally:
        ledger.close()
