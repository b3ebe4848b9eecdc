"""What the safety check shows: Japanese labels of statuses and methods, and the plain views of its lists."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from app.models.safety import CheckMethod, IncidentKind, SafetyStatus

# The labels on screen, on the papers and in the Excel checklist (read back by the same labels).
STATUS_LABELS = MappingProxyType({
    SafetyStatus.UNCHECKED: "未確認",
    SafetyStatus.SAFE_HOME: "無事（自宅）",
    SafetyStatus.EVACUATED: "避難済み",
    SafetyStatus.NEEDS_HELP: "要支援・要救助",
    SafetyStatus.HOSPITAL: "入院・施設",
    SafetyStatus.UNREACHABLE: "連絡不能",
})
# The ring drawn around a household on the map (colour-blind safe enough with the legend's labels).
STATUS_COLORS = MappingProxyType({
    SafetyStatus.UNCHECKED: "#9e9e9e",
    SafetyStatus.SAFE_HOME: "#2e7d32",
    SafetyStatus.EVACUATED: "#1565c0",
    SafetyStatus.NEEDS_HELP: "#d50000",
    SafetyStatus.HOSPITAL: "#6a1b9a",
    SafetyStatus.UNREACHABLE: "#ff6f00",
})
METHOD_LABELS = MappingProxyType({CheckMethod.VISIT: "訪問", CheckMethod.PHONE: "電話", CheckMethod.OTHER: "その他"})
KIND_LABELS = MappingProxyType({IncidentKind.FLOOD: "洪水", IncidentKind.SEDIMENT: "土砂災害",
                                IncidentKind.EARTHQUAKE: "地震", IncidentKind.OTHER: "その他"})


def status_text(status: SafetyStatus, shelter: str = "") -> str:
    """「避難済み（味真野小学校）」: the label, with the shelter for an evacuated person."""
    label = STATUS_LABELS[status]
    return f"{label}（{shelter}）" if status is SafetyStatus.EVACUATED and shelter else label


@dataclass(frozen=True)
class IncidentView:
    id: uuid.UUID
    name: str
    kind: IncidentKind
    started_at: datetime
    closed_at: datetime | None
    town_ids: tuple[uuid.UUID, ...]
    note: str

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class JoinView:
    """One incident joined into another (two laptops started one for the same town before they synced)."""

    kept_id: uuid.UUID
    kept_name: str
    joined_id: uuid.UUID
    joined_name: str
    moved: int  # checks moved to the kept incident
    kept_started_at: datetime
    joined_started_at: datetime


@dataclass(frozen=True)
class EventView:
    """One check of one person (never changed once recorded)."""

    id: uuid.UUID
    incident_id: uuid.UUID
    person_id: uuid.UUID
    status: SafetyStatus
    shelter_text: str
    shelter_id: uuid.UUID | None
    checked_by: str
    checked_at: datetime
    method: CheckMethod
    note: str
    recorded_at: datetime
    recorded_on: str

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.shelter_text)

    @property
    def method_label(self) -> str:
        return METHOD_LABELS[self.method]


@dataclass(frozen=True)
class EventFields:
    """What a user enters for one check (``checked_at`` None: now)."""

    status: SafetyStatus
    checked_by: str = ""
    method: CheckMethod = CheckMethod.VISIT
    note: str = ""
    shelter_text: str = ""
    shelter_id: uuid.UUID | None = None
    checked_at: datetime | None = None


@dataclass(frozen=True)
class RollCallRow:
    """One person needing support in the roll call, with their hazard and latest status."""

    person_id: uuid.UUID
    household_id: uuid.UUID
    town_id: uuid.UUID
    town_name: str
    district_id: uuid.UUID
    district_name: str
    map_number: int
    name: str
    kana: str
    phone: str
    address: str
    lat: float | None
    lon: float | None
    hazard_order: int  # 0 first: deepest hazard first, unknown last
    hazard_label: str
    watchers: tuple[str, ...]  # 見守り者 (every role)
    commissioners: tuple[str, ...]  # 民生児童委員 among them
    latest: EventView | None

    @property
    def status(self) -> SafetyStatus:
        return self.latest.status if self.latest else SafetyStatus.UNCHECKED

    @property
    def status_text(self) -> str:
        return self.latest.status_text if self.latest else STATUS_LABELS[SafetyStatus.UNCHECKED]


@dataclass(frozen=True)
class DistrictCount:
    """Counts per status in one 地区: what the 災害対策本部's projector shows (no names, no map numbers)."""

    district_name: str
    counts: dict[SafetyStatus, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())
