"""Plain views and input fields of the liaison meeting: meetings, reviews, the due list, the change report."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from app.core.errors import QT_TRANSLATE_NOOP
from app.core.views import PersonView
from app.models.meeting import AttendeeRole, MeetingKind, ReviewOutcome

MEETING_KIND_LABELS = {
    MeetingKind.TOWN_LIAISON: "町内福祉連絡会",
    MeetingKind.DISTRICT_NETWORK: "地区福祉ネットワーク会議",
}
ATTENDEE_ROLE_LABELS = {
    AttendeeRole.DISTRICT_HEAD: "区長",
    AttendeeRole.WELFARE_COMMISSIONER: "民生児童委員",
    AttendeeRole.WELFARE_PROMOTER: "福祉推進員",
    AttendeeRole.ELDERLY_HOME_COUNSELLOR: "老人家庭相談員",
    AttendeeRole.GROUP_LEADER: "各種団体長・世話役",
    AttendeeRole.RESIDENT: "町内の住民",
    AttendeeRole.COUNCIL_STAFF: "社協職員",
    AttendeeRole.OTHER: "その他",
}
# Worded with care: these are read aloud at the meeting, sometimes in front of neighbours and family.
OUTCOME_LABELS = {
    ReviewOutcome.UNCHANGED: "変わりなし",
    ReviewOutcome.CHANGED: "状況に変化あり",
    ReviewOutcome.MOVED_AWAY: "転居された",
    ReviewOutcome.ENTERED_FACILITY: "施設に入所された",
    ReviewOutcome.IN_HOSPITAL: "入院中",
    ReviewOutcome.DIED: "お亡くなりになった",
}
OUTCOME_TEXT = {
    ReviewOutcome.UNCHANGED: QT_TRANSLATE_NOOP("meetings", "No change"),
    ReviewOutcome.CHANGED: QT_TRANSLATE_NOOP("meetings", "Circumstances have changed"),
    ReviewOutcome.MOVED_AWAY: QT_TRANSLATE_NOOP("meetings", "Has moved away"),
    ReviewOutcome.ENTERED_FACILITY: QT_TRANSLATE_NOOP("meetings", "Has moved into a care facility"),
    ReviewOutcome.IN_HOSPITAL: QT_TRANSLATE_NOOP("meetings", "In hospital"),
    ReviewOutcome.DIED: QT_TRANSLATE_NOOP("meetings", "Has passed away"),
}
# Outcomes after which the town no longer watches over the person: the person is archived (never deleted).
ENDING_OUTCOMES = frozenset({ReviewOutcome.MOVED_AWAY, ReviewOutcome.ENTERED_FACILITY, ReviewOutcome.DIED})


@dataclass(frozen=True)
class AttendeeFields:
    name: str
    role: AttendeeRole | str = AttendeeRole.OTHER
    role_note: str = ""  # the role in words when it is OTHER (「老人会長」)


@dataclass(frozen=True)
class MeetingFields:
    held_on: date
    kind: MeetingKind | str = MeetingKind.TOWN_LIAISON
    notes: str = ""
    attendees: tuple[AttendeeFields, ...] = ()


@dataclass(frozen=True)
class AttendeeView:
    id: uuid.UUID
    name: str
    role: AttendeeRole
    role_note: str

    @property
    def role_label(self) -> str:
        if self.role is AttendeeRole.OTHER and self.role_note:
            return self.role_note
        return ATTENDEE_ROLE_LABELS[self.role]


@dataclass(frozen=True)
class MeetingView:
    id: uuid.UUID
    town_id: uuid.UUID
    held_on: date
    kind: MeetingKind
    notes: str
    attendees: tuple[AttendeeView, ...] = ()
    review_count: int = 0
    deleted: bool = False

    @property
    def kind_label(self) -> str:
        return MEETING_KIND_LABELS[self.kind]

    def attendees_by_role(self) -> dict[AttendeeRole, tuple[AttendeeView, ...]]:
        """Attendees grouped by role, in the order of ``AttendeeRole`` (区長 first)."""
        return {role: found for role in AttendeeRole
                if (found := tuple(a for a in self.attendees if a.role is role))}


@dataclass(frozen=True)
class ReviewFields:
    outcome: ReviewOutcome | str
    note: str = ""
    meeting_id: uuid.UUID | None = None
    reviewed_on: date | None = None  # default: the meeting's date, else today
    recorded_by: str = ""  # default: the operator


@dataclass(frozen=True)
class ReviewView:
    id: uuid.UUID
    person_id: uuid.UUID
    meeting_id: uuid.UUID | None
    reviewed_on: date
    outcome: ReviewOutcome
    note: str
    recorded_by: str
    archived_person: bool  # this review archived the person (moved away, facility, died)
    household_now_empty: bool = False  # nobody left in the household: the UI may offer to take it off the map

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    @property
    def ends_watch(self) -> bool:
        return self.outcome in ENDING_OUTCOMES


@dataclass(frozen=True)
class QueueItem:
    """One person of concern to go through at the meeting, in map-number order."""

    person: PersonView
    household_id: uuid.UUID
    map_number: int
    household_name: str
    address: str
    watcher_count: int
    last_review: ReviewView | None
    due: bool  # not reviewed in the last 12 months
    reviewed_at_meeting: bool = False  # already reviewed at the meeting given to review_queue


@dataclass(frozen=True)
class ArchivedView:
    person: PersonView
    household_id: uuid.UUID
    map_number: int
    archived_at: datetime
    outcome: ReviewOutcome | None  # None: archived outside a review (deleted in the side panel)
    reviewed_on: date | None
    note: str


class DueReason(enum.StrEnum):
    NEVER_REVIEWED = "never_reviewed"  # a person of concern with no review at all
    REVIEW_OVERDUE = "review_overdue"  # last reviewed 12 months ago or longer
    CARD_REVIEW_OVERDUE = "card_review_overdue"  # the emergency card's 見直し日 has passed
    NO_WATCHER = "no_watcher"  # a person of concern nobody watches
    NO_CARD = "no_card"  # no emergency contact card


DUE_REASON_TEXT = {
    DueReason.NEVER_REVIEWED: QT_TRANSLATE_NOOP("meetings", "Never reviewed at a liaison meeting"),
    DueReason.REVIEW_OVERDUE: QT_TRANSLATE_NOOP("meetings", "Not reviewed in the last 12 months"),
    DueReason.CARD_REVIEW_OVERDUE: QT_TRANSLATE_NOOP("meetings", "The emergency card is past its review date"),
    DueReason.NO_WATCHER: QT_TRANSLATE_NOOP("meetings", "Nobody watches over this person yet"),
    DueReason.NO_CARD: QT_TRANSLATE_NOOP("meetings", "No emergency contact card yet"),
}
DUE_REASON_LABELS = {
    DueReason.NEVER_REVIEWED: "未見直し",
    DueReason.REVIEW_OVERDUE: "見直しから12か月以上",
    DueReason.CARD_REVIEW_OVERDUE: "緊急連絡カードの見直し日超過",
    DueReason.NO_WATCHER: "見守り者なし",
    DueReason.NO_CARD: "緊急連絡カード未作成",
}


@dataclass(frozen=True)
class DueItem:
    person: PersonView
    household_id: uuid.UUID
    map_number: int
    reason: DueReason
    since: date | None = None  # last review (REVIEW_OVERDUE) or the card's review date (CARD_REVIEW_OVERDUE)

    @property
    def reason_label(self) -> str:
        return DUE_REASON_LABELS[self.reason]


class ChangeKind(enum.StrEnum):
    HOUSEHOLD = "household"
    PERSON = "person"
    WATCH_LINK = "watch_link"
    EMERGENCY_CARD = "emergency_card"


class ChangeAction(enum.StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    ARCHIVED = "archived"  # households taken off the map, persons archived, watch links ended
    RESTORED = "restored"


@dataclass(frozen=True)
class ChangeItem:
    kind: ChangeKind
    action: ChangeAction
    entity_id: uuid.UUID
    person_id: uuid.UUID | None  # apply the privacy rules to ``label`` with this
    household_id: uuid.UUID | None
    map_number: int | None
    label: str  # the household's or person's name; for a watch link "watcher → person"
    fields: tuple[str, ...]  # the columns that changed (CHANGED)
    recorded_by: tuple[str, ...]  # operators, in the order they made changes; () when unknown
    at: datetime  # the latest change
    reason: str = ""  # why it was archived (moved_away, facility, died …), from the audit log


@dataclass(frozen=True)
class ChangeReport:
    town_id: uuid.UUID
    since: datetime
    until: datetime | None
    source: str  # "audit": from the audit log, with who; "timestamps": record times only, who unknown
    items: tuple[ChangeItem, ...]

    def of(self, kind: ChangeKind, action: ChangeAction | None = None) -> tuple[ChangeItem, ...]:
        return tuple(i for i in self.items if i.kind is kind and (action is None or i.action is action))
