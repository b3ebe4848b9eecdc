"""What each audience, and the projector, may see of a person or a household: one rule, one list of what is personal.

Who is shown by name is decided by ``community_view_rule`` (a person's consent against the audience).
What is personal is written once: ``PERSON_BLANKS`` (about a person), ``HOUSEHOLD_BLANKS`` (about a
household) and ``CARE_BLANKS`` (what a person's emergency card adds). Every mask blanks exactly those:
the card and sheet row (``mask_card``), the watch-network form (``mask_concern``), the map feature
(``anonymous_feature``) and the compact town layer (``anonymous_rows``). The map number always stays,
so a paper or the projector still matches the map. Audience.STAFF sees everything and says so.

The sharing mode (app/privacy/sharing.py) is a parameter, never a global: a writer reads it from the ledger
(``current_sharing(session)``) and passes it in. In disaster mode (災害対策基本法第49条の11第3項) the watchers
and the agencies see every name, and ``rule_line`` says so with who switched it on, when and why.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.batches import chunks
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models import Person
from app.privacy.consent import ConsentStatus, ConsentView
from app.privacy.sharing import NORMAL, SharingContext, SharingMode

if TYPE_CHECKING:  # only named in annotations: masking sits below Steps II and III
    from app.emergency.views import CardView
    from app.watch.views import ConcernView

__all__ = [
    "ANONYMOUS_NAME", "CARE_BLANKS", "HOUSEHOLD_BLANKS", "PERSON_BLANKS", "Audience", "ViewRule", "anonymous_feature",
    "anonymous_rows", "as_audience", "community_view_rule", "export_rule", "hidden_persons", "lifts_consent",
    "mask_card",
    "mask_concern", "mask_fields", "may_show_name", "name_shown", "rule_line", "shown_name",
]


class Audience(enum.StrEnum):
    """Who will see a view, print or export."""

    STAFF = "staff"  # 社協 staff working in the ledger itself
    WATCHERS = "watchers"  # the person's watchers and the welfare commissioner (民生児童委員)
    AGENCIES = "agencies"  # 地域包括支援センター, care office, family doctor, city office
    COMMUNITY = "community"  # community map, liaison-meeting projector, prints handed to residents


def as_audience(audience: Audience | str) -> Audience:
    """``audience`` as an Audience; a clear error for anything else (e.g. a mistyped command-line value)."""
    try:
        return Audience(audience)
    except ValueError:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Unknown audience {audience}: use staff, watchers, agencies "
                                                      "or community."), where="audience",
                          audience=str(audience)) from None


# ------------------------------------------------------------------ the rule: who is shown by name

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


# The Person (or ConsentView) consent column that covers each audience but the staff.
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


# 災害時 (disaster mode, app/privacy/sharing.py): the responders (watchers and the welfare commissioner, the
# agencies) get every name, whatever the consent (災害対策基本法第49条の11第3項). The community (prints handed to
# residents, the projector) keeps the consent rule: the Act lets the list go to those who help, not to all.
DISASTER_AUDIENCES = frozenset({Audience.WATCHERS, Audience.AGENCIES})
DISASTER_RULES = {
    audience: ViewRule(audience, True, "disaster-49-11-3",
                       "災害時の提供（災害対策基本法第49条の11第3項）: 同意の有無を問わず全員の氏名を表示",
                       "Disaster mode (Disaster Countermeasures Basic Act, Art. 49-11(3)): every name shown, "
                       "whatever the consent")
    for audience in DISASTER_AUDIENCES
}


def _mode_of(mode: SharingMode | SharingContext | str | None) -> SharingMode:
    if isinstance(mode, SharingContext):
        return mode.mode
    return SharingMode(mode) if mode is not None else SharingMode.NORMAL


def lifts_consent(audience: Audience, mode: SharingMode | SharingContext | str | None) -> bool:
    """Does ``mode`` show ``audience`` every name, whatever the consent? Only disaster mode, only responders."""
    return _mode_of(mode) is SharingMode.DISASTER and Audience(audience) in DISASTER_AUDIENCES


def export_rule(audience: Audience, mode: SharingMode | SharingContext | str | None = None) -> ViewRule:
    """The line an export or print must carry to say which rule it applied (the consent rule in normal
    times; the mode is given by the caller, who read it from the ledger: ``sharing.current_sharing``)."""
    audience = Audience(audience)
    return DISASTER_RULES[audience] if lifts_consent(audience, mode) else EXPORT_RULES[audience]


def rule_line(audience: Audience, sharing: SharingContext = NORMAL) -> str:
    """The line every sheet and page carries: 「表示ルール: …」; in disaster mode, when it lifted the consent
    rule, also who switched it on, when and why."""
    audience = Audience(audience)
    line = f"表示ルール: {export_rule(audience, sharing).ja}"
    if lifts_consent(audience, sharing):
        line += f"（切替: {sharing.who}　{sharing.since_text}　理由: {sharing.why}）"
    return line


def community_view_rule(person: Person | ConsentView, audience: Audience,
                        mode: SharingMode | SharingContext | str | None = None) -> ViewRule:
    """May ``person`` be shown by name to ``audience``? Anything short of a recorded "yes" with that scope is no,
    except in disaster mode (``mode``, given by the caller) for the responders."""
    audience = Audience(audience)
    if audience is Audience.STAFF:
        return EXPORT_RULES[Audience.STAFF]
    if getattr(person, "deleted_at", None) is not None:
        return ViewRule(audience, False, "archived", "記録終了（転出・入所・死亡など）のため非表示",
                        "Archived (moved away, facility, died): not shown")
    if lifts_consent(audience, mode):
        return DISASTER_RULES[audience]
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


def name_shown(audience: Audience, mode: SharingMode | SharingContext | str | None = None
               ) -> Callable[[ConsentView], bool]:
    """``community_view_rule(person, audience, mode).show_name`` for many live persons read as plain rows (with the
    columns a ConsentView has): the rule is worked out once per kind of consent, not once per person."""
    audience = as_audience(audience)
    if audience is Audience.STAFF:
        return lambda person: True
    scope = _SCOPE_OF[audience]
    decided: dict[tuple[Any, bool], bool] = {}

    def shown(person: ConsentView) -> bool:
        if getattr(person, "deleted_at", None) is not None:
            return False
        kind = (person.consent, bool(getattr(person, scope)))
        show = decided.get(kind)
        if show is None:
            show = decided[kind] = community_view_rule(person, audience, mode).show_name
        return show

    return shown


def may_show_name(person: Person | ConsentView, audience: Audience) -> bool:
    return community_view_rule(person, audience).show_name


def hidden_persons(session: Session, person_ids: Iterable[uuid.UUID], audience: Audience,
                   mode: SharingMode | SharingContext | str | None = None) -> set[uuid.UUID]:
    """The persons among ``person_ids`` that ``audience`` may not see by name (a few statements, in chunks);
    ``mode`` is the sharing mode the paper is made under (normal times when not given)."""
    audience = as_audience(audience)
    ids = list(dict.fromkeys(person_ids))
    if audience is Audience.STAFF or not ids:
        return set()
    hidden: set[uuid.UUID] = set()
    for chunk in chunks(ids):
        for row in session.execute(
            select(Person.id, Person.consent, *(getattr(Person, column) for column in _SCOPE_OF.values()),
                   Person.deleted_at).where(Person.id.in_(chunk))
        ):
            # The row has the columns the rule reads (consent, scopes, deleted_at), as a ConsentView does.
            if not community_view_rule(cast("ConsentView", row), audience, mode).show_name:
                hidden.add(row.id)
    return hidden


# ------------------------------------------------------------------ what is personal, written once

ANONYMOUS_NAME = "（匿名）"

# What is personal about a person (PersonView fields), and what each becomes when the person is not shown.
PERSON_BLANKS: Mapping[str, Any] = MappingProxyType(
    {"name": ANONYMOUS_NAME, "kana": "", "birth_date": None, "phone": "", "concerns": ""})
# What is personal about a household: its name (on the map, its label, which falls back to a member's name
# or the address) and its address.
HOUSEHOLD_BLANKS: Mapping[str, Any] = MappingProxyType({"name": "", "address": ""})
# What a person's emergency card (CardView) adds: relatives, doctor, care and health notes, where it is kept.
CARE_BLANKS: Mapping[str, Any] = MappingProxyType(
    {"contacts": (), "family_doctor": None, "family_doctor_text": "", "care_level": "", "medical_notes": "",
     "care_manager_name": "", "care_office": None, "kept_at": "", "note": ""})


def _household_blanks(name_field: str) -> dict[str, Any]:
    """HOUSEHOLD_BLANKS under the field names of one kind of view (which calls the household's name ``name_field``)."""
    return {name_field if key == "name" else key: value for key, value in HOUSEHOLD_BLANKS.items()}


_VIEW_HOUSEHOLD_BLANKS = _household_blanks("household_name")  # CardView, ConcernView
_MAP_HOUSEHOLD_BLANKS = _household_blanks("label")  # the page's household properties (mapdata, mapquery)


def shown_name(person: Person, audience: Audience, placeholder: str = ANONYMOUS_NAME) -> str:
    """The name to print for ``audience``: the person's name, or ``placeholder`` when the rule says no."""
    return person.name if may_show_name(person, audience) else placeholder


def mask_card(v: CardView) -> CardView:
    """The card / sheet row of a person shown anonymously: only the map number, town, the area's support
    centre and shelter, the welfare commissioner and the watchers remain."""
    return replace(v, person=replace(v.person, **PERSON_BLANKS), **_VIEW_HOUSEHOLD_BLANKS, **CARE_BLANKS)


_FIELD_BLANKS: Mapping[str, Any] = MappingProxyType({**PERSON_BLANKS, **_VIEW_HOUSEHOLD_BLANKS, **CARE_BLANKS})


def mask_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """A card's fields read as one flat dict (the person's, the household's under CardView's names, the card's),
    blanked as ``mask_card`` blanks the view: the dict, changed in place."""
    for key, value in _FIELD_BLANKS.items():
        if key in fields:
            fields[key] = value
    return fields


def mask_concern(c: ConcernView) -> ConcernView:
    """A person of concern on the watch-network form, shown anonymously (the watchers stay)."""
    return replace(c, person=replace(c.person, **PERSON_BLANKS), **_VIEW_HOUSEHOLD_BLANKS)


def anonymous_feature(feature: dict[str, Any] | None) -> dict[str, Any] | None:
    """A map feature as a projector or a community print may show it: its map number, never a name.

    Gathering places keep their names (they are public places); households lose every personal field.
    """
    if feature is None or feature["properties"].get("layer") != "household":
        return feature
    return dict(feature, properties=dict(feature["properties"], **_MAP_HOUSEHOLD_BLANKS))


def anonymous_rows(rows: Iterable[Sequence[Any]], keys: Sequence[str], first: int) -> list[list[Any]]:
    """Compact household rows (the values of ``keys`` from index ``first`` on) as ``anonymous_feature`` leaves them."""
    at = [(first + keys.index(key), value) for key, value in _MAP_HOUSEHOLD_BLANKS.items() if key in keys]
    out = []
    for row in rows:
        masked = list(row)
        for index, value in at:
            masked[index] = value
        out.append(masked)
    return out
