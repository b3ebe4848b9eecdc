"""Consent (同意) per person decides who may see their name; every export can say which rule it applied."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.errors import LedgerError
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import Operator, Person
from app.privacy import consent as privacy
from app.privacy import masking
from app.privacy.audit import ArchiveReason, archive_person
from app.privacy.consent import ConsentFields, ConsentStatus
from app.privacy.masking import Audience


@pytest.fixture
def person_id(ledger, town):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前家"))
        return households.add_person(s, h.id, PersonFields(name="越前ハル", of_concern=True)).id


def _rule(ledger, person_id, audience):
    with ledger.Session() as s:
        return masking.community_view_rule(s.get(Person, person_id), audience)


def test_a_person_without_recorded_consent_is_anonymous_outside_the_staff(ledger, person_id):
    with ledger.Session() as s:
        assert privacy.get_consent(s, person_id).consent is ConsentStatus.UNKNOWN
    for audience in (Audience.WATCHERS, Audience.AGENCIES, Audience.COMMUNITY):
        rule = _rule(ledger, person_id, audience)
        assert not rule.show_name and rule.code == "consent-unknown"
    assert _rule(ledger, person_id, Audience.STAFF).show_name


def test_consent_to_the_community_map_shows_the_name_there_only(ledger, person_id):
    ledger.operator = Operator("田中", "民生委員")
    with ledger.Session.begin() as s:
        view = privacy.record_consent(s, person_id, ConsentFields(ConsentStatus.YES, show_on_community_map=True))
    assert (view.consent_date, view.consent_recorded_by) == (date.today(), "田中")
    community = _rule(ledger, person_id, Audience.COMMUNITY)
    assert community.show_name and "同意あり" in community.ja and "Consented" in community.en
    agencies = _rule(ledger, person_id, Audience.AGENCIES)
    assert not agencies.show_name and agencies.code == "scope-refused"
    assert "関係機関" in agencies.text and "agencies" in agencies.text
    with ledger.Session() as s:
        assert masking.shown_name(s.get(Person, person_id), Audience.COMMUNITY) == "越前ハル"
        assert masking.shown_name(s.get(Person, person_id), Audience.AGENCIES) == masking.ANONYMOUS_NAME


def test_a_refusal_clears_every_scope(ledger, person_id):
    with ledger.Session.begin() as s:
        view = privacy.record_consent(s, person_id, ConsentFields(
            ConsentStatus.NO, share_with_watchers=True, share_with_agencies=True, show_on_community_map=True,
            date=date(2026, 4, 1), recorded_by="社協 佐藤"))
    assert not (view.consent_watchers or view.consent_agencies or view.consent_map)
    assert view.consent_recorded_by == "社協 佐藤"
    assert _rule(ledger, person_id, Audience.WATCHERS).code == "consent-refused"


def test_an_archived_person_is_never_shown_to_the_community(ledger, person_id):
    with ledger.Session.begin() as s:
        privacy.record_consent(s, person_id, ConsentFields(ConsentStatus.YES, show_on_community_map=True))
        archive_person(s, person_id, ArchiveReason.MOVED_AWAY)
    rule = _rule(ledger, person_id, Audience.COMMUNITY)
    assert not rule.show_name and rule.code == "archived"


def test_a_consent_date_in_the_future_is_refused(ledger, person_id):
    with ledger.Session.begin() as s, pytest.raises(LedgerError):
        privacy.record_consent(s, person_id, ConsentFields(ConsentStatus.YES, date=date.today() + timedelta(days=3)))


def test_consent_changes_are_in_the_audit_log(ledger, person_id):
    from app.privacy.audit import list_audit

    with ledger.Session.begin() as s:
        privacy.record_consent(s, person_id, ConsentFields(ConsentStatus.YES, share_with_watchers=True))
    with ledger.Session() as s:
        changed = {(r.field, r.old_value, r.new_value) for r in list_audit(s, person_id=person_id)}
    assert ("consent", "unknown", "yes") in changed and ("consent_watchers", "false", "true") in changed


def test_every_audience_has_an_export_rule_line_in_japanese_and_english():
    for audience in Audience:
        rule = masking.export_rule(audience)
        assert rule.audience is audience and " / " in rule.text
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in rule.ja)
        assert rule.en.isascii()
