"""Consent (同意) per person, and the rule every community view, print and export applies before showing a name."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.models import Person
from app.models.audit import operator_of
from app.services.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound


class ConsentStatus(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"  # never asked, or the answer is not on file: treated as "no"


class Audience(enum.StrEnum):
    """Who will see a view, print or export."""

    STAFF = "staff"  # 社協 staff working in the ledger itself
    WATCHERS = "watchers"  # the person's watchers and the welfare commissioner (民生児童委員)
    AGENCIES = "agencies"  # 地域包括支援センター, care office, family doctor, city office
    COMMUNITY = "community"  # community map, liaison-meeting projector, prints handed to residents


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


@dataclass(frozen=True)
class ViewRule:
    """Whether a person may be shown by name to an audience, and the rule that decided it."""

    audience: Audience
    show_name: bool
    code: str
    ja: str
    en: str

    @property
    def text(self) -> str:
        return f"{self.ja} / {self.en}"


_SCOPE_OF = {Audience.WATCHERS: "consent_watchers", Audience.AGENCIES: "consent_agencies",
             Audience.COMMUNITY: "consent_map"}
_SCOPE_NAME = {Audience.WATCHERS: ("見守り者・民生委員への提供", "sharing with watchers and the welfare commissioner"),
               Audience.AGENCIES: ("関係機関への提供", "sharing with agencies"),
               Audience.COMMUNITY: ("地域の地図への氏名表示", "showing the name on community maps")}

# What an export prints about the rule it applied, per audience (one line, Japanese / English).
EXPORT_RULES = {
    Audience.STAFF: ViewRule(Audience.STAFF, True, "staff",
                             "社協職員用: 全員の氏名を表示（同意の有無を問わない）",
                             "For council staff: every name shown, whatever the consent"),
    Audience.WATCHERS: ViewRule(Audience.WATCHERS, False, "consent-watchers",
                                "見守り者・民生委員への提供に同意した人のみ氏名を表示、他は匿名",
                                "Names only of persons who consented to sharing with watchers and the "
                                "welfare commissioner; others anonymous"),
    Audience.AGENCIES: ViewRule(Audience.AGENCIES, False, "consent-agencies",
                                "関係機関への提供に同意した人のみ氏名を表示、他は匿名",
                                "Names only of persons who consented to sharing with agencies; others anonymous"),
    Audience.COMMUNITY: ViewRule(Audience.COMMUNITY, False, "consent-map",
                                 "地域の地図への氏名表示に同意した人のみ氏名を表示、他は匿名の記号",
                                 "Names only of persons who consented to the community map; others as an "
                                 "anonymous symbol"),
}


def export_rule(audience: Audience) -> ViewRule:
    """The line an export or print must carry to say which consent rule it applied."""
    return EXPORT_RULES[Audience(audience)]


def community_view_rule(person: Person | ConsentView, audience: Audience) -> ViewRule:
    """May ``person`` be shown by name to ``audience``? Anything short of a recorded "yes" with that scope is no."""
    audience = Audience(audience)
    if audience is Audience.STAFF:
        return EXPORT_RULES[Audience.STAFF]
    if getattr(person, "deleted_at", None) is not None:
        return ViewRule(audience, False, "archived", "記録終了（転出・入所・死亡など）のため非表示",
                        "Archived (moved away, facility, died): not shown")
    status = ConsentStatus(person.consent or ConsentStatus.UNKNOWN)
    scope_ja, scope_en = _SCOPE_NAME[audience]
    if status is ConsentStatus.UNKNOWN:
        return ViewRule(audience, False, "consent-unknown", "同意未確認のため匿名",
                        "Consent not recorded: shown anonymously")
    if status is ConsentStatus.NO:
        return ViewRule(audience, False, "consent-refused", "同意なしのため匿名", "No consent: shown anonymously")
    if not getattr(person, _SCOPE_OF[audience]):
        return ViewRule(audience, False, "scope-refused", f"{scope_ja}に同意なしのため匿名",
                        f"No consent to {scope_en}: shown anonymously")
    return ViewRule(audience, True, "consented", f"{scope_ja}に同意あり", f"Consented to {scope_en}")


def may_show_name(person: Person | ConsentView, audience: Audience) -> bool:
    return community_view_rule(person, audience).show_name


ANONYMOUS_NAME = "（匿名）"


def shown_name(person: Person, audience: Audience, placeholder: str = ANONYMOUS_NAME) -> str:
    """The name to print for ``audience``: the person's name, or ``placeholder`` when the rule says no."""
    return person.name if may_show_name(person, audience) else placeholder


def _view(p: Person) -> ConsentView:
    return ConsentView(person_id=p.id, consent=ConsentStatus(p.consent or ConsentStatus.UNKNOWN),
                       consent_watchers=bool(p.consent_watchers), consent_agencies=bool(p.consent_agencies),
                       consent_map=bool(p.consent_map), consent_date=p.consent_date,
                       consent_recorded_by=p.consent_recorded_by or "")


def _person(session: Session, person_id: uuid.UUID) -> Person:
    p = session.get(Person, person_id)
    if p is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "this person is not in the ledger"))
    return p


def get_consent(session: Session, person_id: uuid.UUID) -> ConsentView:
    return _view(_person(session, person_id))


def record_consent(session: Session, person_id: uuid.UUID, fields: ConsentFields, *,
                   today: date | None = None) -> ConsentView:
    """Record what the person agreed to; scopes only count with a "yes", so they are cleared otherwise."""
    try:
        status = ConsentStatus(fields.status)
    except ValueError:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "consent must be yes, no or unknown"), where="consent") from None
    today = today or date.today()
    when = fields.date or today
    if when > today:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "the consent date is in the future"), where="consent_date")
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
