"""Plain views and input fields of Step III: agencies, emergency contacts, cards, reference features."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date

from app.core.errors import QT_TRANSLATE_NOOP
from app.core.views import PersonView
from app.models.emergency import AgencyKind, ReferenceKind

# The Japanese label of each agency kind, as printed on cards and shown in pickers.
AGENCY_KIND_LABELS = {
    AgencyKind.CITY_OFFICE: "市役所・行政",
    AgencyKind.COMMUNITY_SUPPORT_CENTRE: "地域包括支援センター",
    AgencyKind.HOME_CARE_SUPPORT_OFFICE: "居宅介護支援事業所",
    AgencyKind.CLINIC: "診療所・医院",
    AgencyKind.HOSPITAL: "病院",
    AgencyKind.FIRE_AMBULANCE: "消防・救急",
    AgencyKind.SOCIAL_WELFARE_COUNCIL: "社会福祉協議会",
    AgencyKind.OTHER: "その他",
}
REFERENCE_KIND_LABELS = {
    ReferenceKind.SHELTER: "避難場所",
    ReferenceKind.DESIGNATED_SHELTER: "指定避難所",
    ReferenceKind.COMMUNITY_HALL: "公民館",
    ReferenceKind.CLINIC: "医療機関",
}


class CardRole(enum.StrEnum):
    """Which agency link of a card: the family doctor, the care office, the support centre."""

    FAMILY_DOCTOR = "family_doctor"
    CARE_OFFICE = "care_office"
    SUPPORT_CENTRE = "support_centre"


class Missing(enum.StrEnum):
    """What a card still lacks to be complete; the UI shows these, saving is never refused for them."""

    CARD = "card"
    CONTACTS = "contacts"  # fewer than two emergency contacts
    CONTACT_PHONE = "contact_phone"  # a contact without a phone number
    FAMILY_DOCTOR = "family_doctor"
    SUPPORT_CENTRE = "support_centre"
    WELFARE_COMMISSIONER = "welfare_commissioner"
    KEPT_AT = "kept_at"
    REVIEW_DATE = "review_date"


# QT_TRANSLATE_NOOP("emergency", …) texts for Missing, in English (the UI translates them).
MISSING_TEXT = {
    Missing.CARD: QT_TRANSLATE_NOOP("emergency", "No emergency contact card yet"),
    Missing.CONTACTS: QT_TRANSLATE_NOOP("emergency", "Fewer than two emergency contacts"),
    Missing.CONTACT_PHONE: QT_TRANSLATE_NOOP("emergency", "An emergency contact has no phone number"),
    Missing.FAMILY_DOCTOR: QT_TRANSLATE_NOOP("emergency", "No family doctor"),
    Missing.SUPPORT_CENTRE: QT_TRANSLATE_NOOP("emergency", "No community general support centre"),
    Missing.WELFARE_COMMISSIONER: QT_TRANSLATE_NOOP("emergency", "No welfare commissioner in charge"),
    Missing.KEPT_AT: QT_TRANSLATE_NOOP("emergency", "Where the card is kept is not recorded"),
    Missing.REVIEW_DATE: QT_TRANSLATE_NOOP("emergency", "No review date"),
}


@dataclass(frozen=True, slots=True)
class AgencyFields:
    kind: AgencyKind | str
    name: str
    phone: str = ""
    address: str = ""
    kana: str = ""
    fax: str = ""
    area_served: str = ""
    services: str = ""
    office_number: str = ""
    note: str = ""
    lat: float | None = None
    lon: float | None = None
    source: str = ""
    credit: str = ""


@dataclass(frozen=True, slots=True)
class AgencyView:
    id: uuid.UUID
    kind: AgencyKind
    name: str
    phone: str
    address: str
    kana: str = ""
    fax: str = ""
    area_served: str = ""
    services: str = ""
    office_number: str = ""
    note: str = ""
    lat: float | None = None
    lon: float | None = None
    source: str = ""
    credit: str = ""
    archived: bool = False

    @property
    def kind_label(self) -> str:
        return AGENCY_KIND_LABELS[self.kind]


@dataclass(frozen=True, slots=True)
class ContactFields:
    name: str
    relationship: str = ""  # 続柄
    phone: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class ContactView:
    id: uuid.UUID
    person_id: uuid.UUID
    priority: int
    name: str
    relationship: str
    phone: str
    address: str


@dataclass(frozen=True, slots=True)
class CardFields:
    family_doctor_id: uuid.UUID | None = None
    family_doctor_text: str = ""  # when the doctor is not in the directory
    care_level: str = ""
    medical_notes: str = ""
    care_manager_name: str = ""
    care_office_id: uuid.UUID | None = None
    support_centre_id: uuid.UUID | None = None
    welfare_commissioner_name: str = ""
    welfare_commissioner_phone: str = ""
    kept_at: str = ""
    note: str = ""
    made_on: date | None = None
    review_on: date | None = None


# Past this, "the nearest shelter" says nothing useful (a layer of another city, a household placed far
# off): the card leaves the field to be filled in by hand rather than print a shelter tens of km away.
SHELTER_REACH_M = 10_000


class ShelterStatus(enum.StrEnum):
    FOUND = "found"
    NO_POSITION = "no_position"  # the household is not placed on a geographic map (e.g. pixel map only)
    NO_SHELTERS = "no_shelters"  # no designated shelter with a position has been imported
    NONE_NEAR = "none_near"  # the nearest is farther than anyone walks to a shelter (SHELTER_REACH_M): wrong layer?


@dataclass(frozen=True, slots=True)
class NearestShelter:
    status: ShelterStatus
    name: str = ""
    address: str = ""
    distance_m: float | None = None
    feature_id: uuid.UUID | None = None
    hazard: str = ""  # 「洪水」 when the site was chosen open for the hazard at home (issue 16), else ""
    inside_zone: bool = False  # only a site in a shallower zone was left

    @property
    def label(self) -> str:
        """What a card prints: 「武生東小学校（約 650 m）」, or 「洪水時: 新在家公園（約 390 m）」 for a household in a
        hazard zone; empty (a field to fill by hand) when unknown."""
        if self.status is not ShelterStatus.FOUND or self.distance_m is None:
            return ""
        d = self.distance_m
        distance = f"約 {round(d / 10) * 10:.0f} m" if d < 1000 else f"約 {d / 1000:.1f} km"
        place = f"{self.name}（{distance}" + ("・想定区域内" if self.inside_zone else "") + "）"
        return f"{self.hazard}時: {place}" if self.hazard else place


@dataclass(frozen=True, slots=True)
class CardView:
    """Everything the card, the sheet and the Step III panel show for one person."""

    person: PersonView
    household_id: uuid.UUID
    map_number: int
    household_name: str
    address: str
    town_name: str
    has_card: bool
    contacts: tuple[ContactView, ...] = ()
    family_doctor: AgencyView | None = None
    family_doctor_text: str = ""
    care_level: str = ""
    medical_notes: str = ""
    care_manager_name: str = ""
    care_office: AgencyView | None = None
    support_centre: AgencyView | None = None
    welfare_commissioner_name: str = ""
    welfare_commissioner_phone: str = ""
    kept_at: str = ""
    note: str = ""
    made_on: date | None = None
    review_on: date | None = None
    watchers: tuple[str, ...] = ()
    shelter: NearestShelter = field(default_factory=lambda: NearestShelter(ShelterStatus.NO_POSITION))
    missing: tuple[Missing, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def family_doctor_label(self) -> str:
        if self.family_doctor is not None:
            return self.family_doctor.name
        return self.family_doctor_text

    @property
    def family_doctor_phone(self) -> str:
        return self.family_doctor.phone if self.family_doctor is not None else ""

    def review_overdue(self, today: date) -> bool:
        return self.has_card and self.review_on is not None and self.review_on < today


@dataclass(frozen=True, slots=True)
class ReferenceFeatureView:
    id: uuid.UUID
    kind: ReferenceKind
    name: str
    address: str
    phone: str
    district: str
    lat: float | None
    lon: float | None
    attributes: dict = field(default_factory=dict, hash=False, compare=False)
    source: str = ""
    credit: str = ""

    @property
    def kind_label(self) -> str:
        return REFERENCE_KIND_LABELS[self.kind]
