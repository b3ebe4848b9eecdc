"""Plain views and input fields of the evacuation plans (個別避難計画), handed to the window and the papers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from app.core.errors import QT_TRANSLATE_NOOP
from app.core.views import PersonView
from app.emergency.views import ContactView
from app.models.plans import PlanStart

START_LABELS: dict[str, str] = {  # PlanStart is a StrEnum: a plan's plain stored value finds its label too
    PlanStart.ELDERLY_EVACUATION: "高齢者等避難（警戒レベル3）で避難を始める",
    PlanStart.EVACUATION_ORDER: "避難指示（警戒レベル4）で避難を始める",
    PlanStart.OTHER: "その他",
}
CONSENT_LABELS = {"yes": "同意あり", "no": "同意なし", "unknown": "未確認"}
CONSENT_VALUES = tuple(CONSENT_LABELS)


@dataclass(frozen=True)
class SupporterFields:
    """One evacuation supporter as the dialog submits it: drawn from a watcher, a ledger member, or typed."""

    name: str = ""
    relation: str = ""
    phone: str = ""
    consent: str = "unknown"
    watcher_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PlanFields:
    shelter_id: uuid.UUID | None = None
    shelter_text: str = ""
    route_note: str = ""
    transport: str = ""
    start_when: PlanStart | str = PlanStart.ELDERLY_EVACUATION
    start_note: str = ""
    mobility: str = ""
    medical_devices: str = ""
    medication: str = ""
    communication: str = ""
    consent: str = "unknown"
    consent_date: date | None = None
    made_on: date | None = None
    reviewed_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Flag:
    """A warning about a plan or a supporter, with its reason: ``en`` (a QT_TRANSLATE_NOOP("plans", …) template
    the window translates, with ``params``) and ``ja`` (what a paper prints)."""

    code: str
    en: str
    ja: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, template: str | None = None) -> str:
        return (template or self.en).format(**dict(self.params))


# The codes of the checks, and their English templates (translated in the window's "plans" context).
SUPPORTER_OF_CONCERN = "supporter_of_concern"
SUPPORTER_SAME_ZONE = "supporter_same_zone"
SUPPORTER_BUSY = "supporter_busy"
FEW_SUPPORTERS = "few_supporters"
NO_SHELTER = "no_shelter"
FLAG_TEXT = {
    SUPPORTER_OF_CONCERN: QT_TRANSLATE_NOOP("plans", "{name} is a person needing support themself"),
    SUPPORTER_SAME_ZONE: QT_TRANSLATE_NOOP("plans", "{name} lives in the same hazard zone ({zone})"),
    SUPPORTER_BUSY: QT_TRANSLATE_NOOP("plans", "{name} already supports {count} plans (more than {limit})"),
    FEW_SUPPORTERS: QT_TRANSLATE_NOOP("plans", "Only {count} supporter(s): a plan needs two or more"),
    NO_SHELTER: QT_TRANSLATE_NOOP("plans", "No shelter chosen yet"),
}


@dataclass(frozen=True)
class HomeHazards:
    """The hazards at a household, as the hazard layers say (``known`` is False without a lat/lon)."""

    known: bool = False
    flood_rank: int | None = None
    flood_river: str = ""
    sediment_kind: int | None = None
    sediment_class: int | None = None  # 1 警戒区域, 2 特別警戒区域
    storm_surge_rank: int | None = None
    tsunami_rank: int | None = None
    labels: tuple[str, ...] = ()  # one Japanese line per hazard, as printed
    # with none: what the exposure says instead (「想定区域外（洪水・土砂災害）」: only the kinds imported were
    # checked; 「ハザード情報なし」: none was)
    unexposed: str = "想定区域外"

    @property
    def exposed(self) -> bool:
        return bool(self.flood_rank or self.sediment_class or self.storm_surge_rank or self.tsunami_rank)

    @property
    def text(self) -> str:
        if not self.known:
            return "不明（位置が緯度経度で登録されていない）"
        return "、".join(self.labels) if self.labels else self.unexposed


@dataclass(frozen=True)
class ShelterChoice:
    """Where the person evacuates to: a shelter of the imported layer (with its position) or a typed place."""

    name: str = ""
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    distance_m: float | None = None
    feature_id: uuid.UUID | None = None

    @property
    def label(self) -> str:
        if not self.name:
            return ""
        if self.distance_m is None:
            return self.name
        d = self.distance_m
        distance = f"約 {round(d / 10) * 10:.0f} m" if d < 1000 else f"約 {d / 1000:.1f} km"
        return f"{self.name}（{distance}）"


@dataclass(frozen=True)
class SupporterView:
    id: uuid.UUID
    name: str
    relation: str
    phone: str
    consent: str
    watcher_id: uuid.UUID | None
    person_id: uuid.UUID | None
    ordinal: int
    flags: tuple[Flag, ...] = ()

    def fields(self) -> SupporterFields:
        return SupporterFields(self.name, self.relation, self.phone, self.consent, self.watcher_id, self.person_id)


@dataclass(frozen=True)
class PlanView:
    """Everything the plan form, its paper and the plan window show for one person (a blank plan when
    ``has_plan`` is False: the form is then filled from what the ledger already knows)."""

    person: PersonView
    household_id: uuid.UUID
    map_number: int
    address: str
    town_name: str
    lat: float | None
    lon: float | None
    has_plan: bool
    fields: PlanFields
    plan_id: uuid.UUID | None = None
    shelter: ShelterChoice = field(default_factory=ShelterChoice)  # the chosen one (or the suggestion)
    suggested_shelter: ShelterChoice = field(default_factory=ShelterChoice)  # nearest valid for the hazard
    hazards: HomeHazards = field(default_factory=HomeHazards)
    contacts: tuple[ContactView, ...] = ()
    family_doctor: str = ""
    family_doctor_phone: str = ""
    care_level: str = ""
    supporters: tuple[SupporterView, ...] = ()
    flags: tuple[Flag, ...] = ()  # about the whole plan (fewer than two supporters …)
    archived: bool = False

    @property
    def all_flags(self) -> tuple[Flag, ...]:
        return self.flags + tuple(f for s in self.supporters for f in s.flags)
