"""The consent rule on the papers made for community members: who is printed by name, what is blanked.

Each export takes an ``audience`` (app.services.privacy.Audience). A person whose consent does not
cover that audience is printed as 「（匿名）」 with their reading, address, phone numbers, birth date,
health notes and relatives left blank; the map number stays, so the paper still matches the map.
Every sheet and page prints the rule it applied (``rule_line``). Audience.STAFF prints everything
and says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Person
from app.services.batches import chunks
from app.services.emergency_views import CardView
from app.services.errors import QT_TRANSLATE_NOOP, LedgerError
from app.services.privacy import ANONYMOUS_NAME, Audience, community_view_rule, export_rule
from app.services.watch_views import ConcernView

__all__ = ["ANONYMOUS_NAME", "Audience", "as_audience", "hidden_persons", "mask_card", "mask_concern", "rule_line"]


def as_audience(audience: Audience | str) -> Audience:
    """``audience`` as an Audience; a clear error for anything else (e.g. a mistyped command-line value)."""
    try:
        return Audience(audience)
    except ValueError:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Unknown audience {audience}: use staff, watchers, agencies "
                                                      "or community."), where="audience",
                          audience=str(audience)) from None


def rule_line(audience: Audience) -> str:
    """The line every sheet and page carries: 「表示ルール: …」."""
    return f"表示ルール: {export_rule(Audience(audience)).ja}"


def hidden_persons(session: Session, person_ids: Iterable[uuid.UUID], audience: Audience) -> set[uuid.UUID]:
    """The persons among ``person_ids`` that ``audience`` may not see by name (a few statements, in chunks)."""
    audience = as_audience(audience)
    ids = list(dict.fromkeys(person_ids))
    if audience is Audience.STAFF or not ids:
        return set()
    hidden: set[uuid.UUID] = set()
    for chunk in chunks(ids):
        for row in session.execute(
            select(Person.id, Person.consent, Person.consent_watchers, Person.consent_agencies, Person.consent_map,
                   Person.deleted_at).where(Person.id.in_(chunk))
        ):
            if not community_view_rule(row, audience).show_name:
                hidden.add(row.id)
    return hidden


def mask_card(v: CardView) -> CardView:
    """The card / sheet row of a person shown anonymously: only the map number, town, the area's support
    centre and shelter, the welfare commissioner and the watchers remain."""
    person = replace(v.person, name=ANONYMOUS_NAME, kana="", birth_date=None, phone="", concerns="")
    return replace(v, person=person, household_name="", address="", contacts=(), family_doctor=None,
                   family_doctor_text="", care_level="", medical_notes="", care_manager_name="", care_office=None,
                   kept_at="", note="")


def mask_concern(c: ConcernView) -> ConcernView:
    """A person of concern on the watch-network form, shown anonymously (the watchers stay)."""
    person = replace(c.person, name=ANONYMOUS_NAME, kana="", birth_date=None, phone="", concerns="")
    return replace(c, person=person, household_name="", address="")
