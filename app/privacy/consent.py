"""Consent (同意) per person: what each agreed to share, and with whom (app.privacy.masking applies it)."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core import validators as check
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.records import live
from app.models import Person
from app.models.audit import operator_of


class ConsentStatus(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"  # never asked, or the answer is not on file: treated as "no"


@dataclass(frozen=True)
class ConsentView:
    """A person's consent; attribute names match the ``Person`` columns so rules take either."""

    person_id: uuid.UUID
    consent: ConsentStatus
    consent_watchers: bool
    consent_agencies: bool
    consent_map: bool
    consent_date: date | None
    consent_recorded_by: str


@dataclass(frozen=True)
class ConsentFields:
    status: ConsentStatus
    share_with_watchers: bool = False
    share_with_agencies: bool = False
    show_on_community_map: bool = False
    date: date | None = None  # defaults to today
    recorded_by: str = ""  # defaults to the operator


def _view(p: Person) -> ConsentView:
    return ConsentView(person_id=p.id, consent=ConsentStatus(p.consent or ConsentStatus.UNKNOWN),
                       consent_watchers=bool(p.consent_watchers), consent_agencies=bool(p.consent_agencies),
                       consent_map=bool(p.consent_map), consent_date=p.consent_date,
                       consent_recorded_by=p.consent_recorded_by or "")


def _person(session: Session, person_id: uuid.UUID) -> Person:
    # Consent is kept for archived members too (a review may bring them back).
    return live(session, Person, person_id, QT_TRANSLATE_NOOP("errors", "this person is not in the ledger"),
                include_archived=True)


def get_consent(session: Session, person_id: uuid.UUID) -> ConsentView:
    return _view(_person(session, person_id))


def record_consent(session: Session, person_id: uuid.UUID, fields: ConsentFields, *,
                   today: date | None = None) -> ConsentView:
    """Record what the person agreed to; scopes only count with a "yes", so they are cleared otherwise."""
    status = check.choice(ConsentStatus, fields.status, where="consent", param="status",
                          unknown=QT_TRANSLATE_NOOP("errors", "consent must be yes, no or unknown"))
    today = today or date.today()
    when = check.past_date(fields.date or today, today, "consent_date",
                           future=QT_TRANSLATE_NOOP("errors", "the consent date is in the future"))
    p = _person(session, person_id)
    agreed = status is ConsentStatus.YES
    p.consent = status.value
    p.consent_watchers = agreed and fields.share_with_watchers
    p.consent_agencies = agreed and fields.share_with_agencies
    p.consent_map = agreed and fields.show_on_community_map
    p.consent_date = when
    p.consent_recorded_by = (fields.recorded_by.strip() or operator_of(session).name)[:200]
    session.flush()
    return _view(p)
