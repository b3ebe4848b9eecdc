"""SQLAlchemy models of the ledger, its engine factory and its migrations. No Qt here."""

from app.models.audit import AuditAction, AuditEntry, Operator
from app.models.base import Base, stored, utcnow
from app.models.emergency import Agency, AgencyKind, EmergencyCard, EmergencyContact, ReferenceFeature, ReferenceKind
from app.models.engine import Ledger, open_ledger
from app.models.entities import (
    BaseMap,
    BaseMapKind,
    District,
    GatheringPlace,
    Household,
    HouseholdCategory,
    MapControlPoint,
    Person,
    PlaceKind,
    Town,
    household_category_link,
)
from app.models.hazard import HazardKind, HazardLayer, HazardZone, HouseholdExposure
from app.models.ledger_info import LedgerInfo  # noqa: F401 - registers the table on Base.metadata
from app.models.meeting import (
    AttendeeRole,
    CheckerKind,
    Meeting,
    MeetingAttendee,
    MeetingKind,
    PersonReview,
    ReviewOutcome,
    SelfCheck,
    SelfCheckAnswer,
)
from app.models.plans import EvacuationPlan, PlanStart, PlanSupporter
from app.models.safety import CheckMethod, Incident, IncidentKind, SafetyEvent, SafetyStatus
from app.models.sharing import CopyOutcome, PrintedCopy, SharingMode, SharingModeChange
from app.models.sync import SyncConflict, SyncState  # noqa: F401 - registers the sync tables on Base.metadata
from app.models.watch import Watcher, WatcherRole, WatchFrequency, WatchLink

__all__ = [
    "Agency",
    "AuditAction",
    "AuditEntry",
    "Operator",
    "AgencyKind",
    "EmergencyCard",
    "EmergencyContact",
    "ReferenceFeature",
    "ReferenceKind",
    "Base",
    "BaseMap",
    "BaseMapKind",
    "District",
    "GatheringPlace",
    "Household",
    "HouseholdCategory",
    "HazardKind",
    "HazardLayer",
    "HazardZone",
    "HouseholdExposure",
    "MapControlPoint",
    "Ledger",
    "Person",
    "PlaceKind",
    "Town",
    "WatchFrequency",
    "WatchLink",
    "Watcher",
    "WatcherRole",
    "household_category_link",
    "open_ledger",
    "AttendeeRole",
    "CheckerKind",
    "Meeting",
    "MeetingAttendee",
    "MeetingKind",
    "PersonReview",
    "ReviewOutcome",
    "SelfCheck",
    "SelfCheckAnswer",
    "EvacuationPlan",
    "PlanStart",
    "PlanSupporter",
    "CheckMethod",
    "Incident",
    "IncidentKind",
    "SafetyEvent",
    "SafetyStatus",
    "CopyOutcome",
    "PrintedCopy",
    "SharingMode",
    "SharingModeChange",
    "stored",
    "utcnow",
]
