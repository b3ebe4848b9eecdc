"""The emergency contact sheet read as plain rows (app/emergency/contact_sheet.py ``sheet_data``) prints exactly what
the card views of Step III printed through the consent mask (the oracle: ``cards.list_cards`` + ``hidden_persons``
+ ``mask_card`` + ``sheet_row``), on a town with the awkward cases: every kind of consent, persons of concern
without a card, cards of persons not of concern (watched or not), deleted cards, archived persons and agencies,
persons without kana, two members with the same place in their household, disaster mode."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from app.emergency import cards as emergency
from app.emergency.cards import SortOrder
from app.emergency.contact_sheet import sheet_data, sheet_row
from app.models import Household, Person
from app.models.emergency import Agency, EmergencyCard
from app.models.watch import WatchLink
from app.privacy.masking import Audience, hidden_persons, mask_card
from app.privacy.sharing import NORMAL, SharingContext, SharingMode
from tests.emergency_fixtures import demo_cards  # noqa: F401

pytestmark = pytest.mark.timeout(300)

DISASTER = SharingContext(SharingMode.DISASTER, "災害対策本部 山田", "地震のため", datetime(2026, 12, 1, 1, 30, tzinfo=UTC))


def oracle(s, town_id, order, audience, sharing, include_medical):  # noqa: ANN001, ANN201, PLR0913
    """The sheet's rows as the card views made them before the plain-row read."""
    views = emergency.list_cards(s, town_id, order=order)
    hidden = hidden_persons(s, (v.person.id for v in views), audience, sharing)
    if order == SortOrder.KANA and hidden:
        views = [v for v in views if v.person.id not in hidden] + sorted(
            (v for v in views if v.person.id in hidden), key=lambda v: v.map_number)
    rows = [sheet_row(mask_card(v) if v.person.id in hidden else v, include_medical=include_medical) for v in views]
    return rows, [v.person.id for v in views], len(hidden)


def make_awkward(s, town_id) -> None:  # noqa: ANN001
    """Spread every kind of consent, and the edge cases of the sheet, over the demo town."""
    rng = random.Random(17)
    persons = s.execute(select(Person).join(Household).where(Household.town_id == town_id)
                        .order_by(Household.map_number, Person.sort_order)).scalars().all()
    for p in persons:
        p.consent = rng.choice(["yes", "yes", "no", "unknown"])
        p.consent_watchers, p.consent_agencies, p.consent_map = (rng.random() < 0.6 for _ in range(3))
        if rng.random() < 0.1:
            p.kana = ""
    # Cards for persons not of concern: one of them watched (the sheet prints watchers of persons of concern only).
    plain = [p for p in persons if not p.of_concern and p.deleted_at is None][:6]
    for p in plain:
        s.add(EmergencyCard(person_id=p.id, care_level="要支援1", note="独居", medical_notes="ペースメーカー"))
    links = s.execute(select(WatchLink).where(WatchLink.deleted_at.is_(None))).scalars().all()
    assert links, "the demo town has watch links"
    links[0].person_id = plain[0].id
    # A deleted card, an archived person of concern, an archived agency still named on cards.
    cards = s.execute(select(EmergencyCard).where(EmergencyCard.deleted_at.is_(None))).scalars().all()
    cards[1].deleted_at = datetime.now(UTC)
    concern = [p for p in persons if p.of_concern]
    concern[2].deleted_at = datetime.now(UTC)
    s.execute(update(Agency).where(Agency.id == next(c.support_centre_id for c in cards if c.support_centre_id))
              .values(deleted_at=datetime.now(UTC)))
    # Two members with the same place in one household, both needing support, the same kana.
    by_household: dict = {}
    for p in persons:
        if p.deleted_at is None:
            by_household.setdefault(p.household_id, []).append(p)
    pair = next(ms for ms in by_household.values() if len(ms) >= 2)
    for p in pair[:2]:
        p.sort_order, p.of_concern, p.kana = 0, True, "おなじ"
    s.flush()


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("sharing", [NORMAL, DISASTER], ids=["normal", "disaster"])
def test_sheet_read_as_plain_rows_prints_what_the_card_views_printed(demo_cards, audience, sharing):
    # GIVEN the demo town with every awkward case of the sheet
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        make_awkward(s, town_id)
        for order in (SortOrder.KANA, SortOrder.MAP_NUMBER):
            for include_medical in (False, True):
                # WHEN the sheet is read as plain rows
                data = sheet_data(s, town_id, order=order, audience=audience, sharing=sharing,
                                  include_medical=include_medical)
                # THEN every row, its place and the count of anonymous rows are those of the card views
                rows, ids, hidden = oracle(s, town_id, order, audience, sharing, include_medical)
                assert data.rows == rows
                assert data.person_ids == ids
                assert data.hidden == hidden
                assert len(rows) > 10
        if audience is Audience.WATCHERS and sharing is NORMAL:
            assert 0 < hidden < len(rows)  # the case is really there: some anonymous, some by name


def test_the_sheet_prints_the_watchers_of_persons_of_concern_and_no_one_elses(demo_cards):
    # GIVEN a person with a card but not of concern, who has a watcher
    ledger, town_id = demo_cards
    with ledger.Session.begin() as s:
        make_awkward(s, town_id)
        watched = s.execute(select(WatchLink.person_id).join(Person, Person.id == WatchLink.person_id)
                            .where(Person.of_concern.is_(False), WatchLink.deleted_at.is_(None))).scalars().first()
        # WHEN the staff's sheet is made
        data = sheet_data(s, town_id, audience=Audience.STAFF)
    # THEN the person is on it (they have a card) with no watcher printed
    row = data.rows[data.person_ids.index(watched)]
    assert row[9] == ""
    assert "ペースメーカー" not in row[10]
