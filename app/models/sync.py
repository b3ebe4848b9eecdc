"""Sync bookkeeping: the laptop's sync state and conflicts (every ledger), the office server's
registered laptops, change journal and sync log (PostgreSQL only), and which district each table's
rows belong to (the scope the server enforces with row-level security)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import NAMING_CONVENTION, Base, utcnow

# --- on the laptop (and harmlessly on the server too: the same migrations run everywhere) -------------


class SyncState(Base):
    """The one row (id 1) saying who this ledger is to the server and how far it has synced.

    ``pushed_audit_id``: audit entries up to this id were sent (None: never synced; the first sync
    sends every record). ``pulled_seq``: server journal rows up to this sequence were received.
    Both marks are committed in the same local transaction as the data they describe.
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    ledger_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # makes this ledger's change ids unique
    laptop_name: Mapped[str] = mapped_column(String(100), default="")
    # The laptop's own server URL, password included: the ledger file is encrypted.
    server_url: Mapped[str] = mapped_column(Text, default="")
    district_ids: Mapped[list] = mapped_column(JSON, default=list)  # as text; ["*"] = every district
    pushed_audit_id: Mapped[int | None]
    pulled_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[datetime | None]
    last_sync_kind: Mapped[str] = mapped_column(String(20), default="")  # "network" or "package"
    # The key the office gave this laptop at registration: it signs the USB packages both ways.
    package_key: Mapped[bytes | None] = mapped_column(LargeBinary)


class SyncUnpushedRecord(Base):
    """A record that existed before the first sync (no audit entry tells of it): sent whole, once."""

    __tablename__ = "sync_unpushed_record"

    entity: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)


class SyncPulledRange(Base):
    """Audit entries written while applying other laptops' changes: history, not changes to send."""

    __tablename__ = "sync_pulled_range"

    first_audit_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_audit_id: Mapped[int]


class SyncConflict(Base):
    """The same field changed here and on another laptop since the last sync; both values kept.

    ``kind``: "field", "archive" (archived there, edited here), "edit_on_archived" (edited there,
    archived here), "deleted" (removed there, edited here), "renumbered" (map number taken there:
    this household got a new one). Values are JSON text. The local value stays in the record until
    ``resolution`` says "mine" (then it is sent at the next sync; ``pushed`` once it was) or
    "theirs" (then the other laptop's value was written here).
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_entity", "entity_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str | None] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(300), default="")
    local_value: Mapped[str | None] = mapped_column(Text)
    local_operator: Mapped[str] = mapped_column(String(200), default="")
    local_at: Mapped[datetime | None]
    local_audit_id: Mapped[int] = mapped_column(default=0)  # newest local entry the conflict covers
    remote_value: Mapped[str | None] = mapped_column(Text)
    remote_operator: Mapped[str] = mapped_column(String(200), default="")
    remote_laptop: Mapped[str] = mapped_column(String(100), default="")
    remote_at: Mapped[datetime | None]
    remote_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolution: Mapped[str | None] = mapped_column(String(10))
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
    pushed: Mapped[bool] = mapped_column(default=False)


# --- on the office server only (PostgreSQL): not part of the laptop's schema -------------------------

server_metadata = MetaData(naming_convention=NAMING_CONVENTION)

sync_laptop = Table(
    "sync_laptop", server_metadata,
    Column("id", Uuid, primary_key=True, default=uuid.uuid4),
    Column("name", String(100), nullable=False, unique=True),
    Column("role_name", String(63), nullable=False, unique=True),  # its PostgreSQL login role
    Column("all_districts", Boolean, nullable=False, default=False),  # the office's own ledger
    # HMAC key of its USB packages (secrets.token_bytes(32)); the previous one until the new one is confirmed.
    Column("package_key", LargeBinary, nullable=False),
    Column("previous_package_key", LargeBinary),
    # True once a package signed with the key came in: until then the office's packages carry it.
    Column("package_key_confirmed", Boolean, nullable=False, server_default=false()),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

sync_laptop_district = Table(
    "sync_laptop_district", server_metadata,
    Column("laptop_id", Uuid, ForeignKey("sync_laptop.id", ondelete="CASCADE"), primary_key=True),
    Column("district_id", Uuid, primary_key=True),
)

# seq is set by a trigger under a lock (app.office.server), so it grows in commit order.
sync_change = Table(
    "sync_change", server_metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False, server_default=FetchedValue()),
    Column("change_id", Uuid, nullable=False, unique=True),  # idempotent push: sent twice, stored once
    Column("laptop_id", Uuid, nullable=False),
    Column("laptop_name", String(100), nullable=False, default=""),
    Column("district_id", Uuid),  # None: a city-wide record (agency directory, categories)
    Column("entity", String(100), nullable=False),
    Column("entity_id", Uuid, nullable=False),
    Column("field", String(100)),  # None for create and delete
    Column("action", String(10), nullable=False),  # create / update / archive / restore / delete
    Column("value", Text),  # JSON: the field's value, or the whole record for create
    Column("base_seq", BigInteger, nullable=False, default=0),  # what the laptop had seen
    Column("operator_name", String(200), nullable=False, default=""),
    Column("operator_role", String(100), nullable=False, default=""),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_sync_change_entity", "entity_id", "seq"),
    Index("ix_sync_change_district", "district_id", "seq"),
)

sync_log = Table(
    "sync_log", server_metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("laptop_id", Uuid, nullable=False),
    Column("laptop_name", String(100), nullable=False, default=""),
    Column("role_name", String(63), nullable=False, server_default=func.current_user()),
    Column("kind", String(20), nullable=False),  # network / package-in / package-out
    Column("finished_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("pushed", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
    Column("pulled", Integer, nullable=False, default=0),
    Column("pulled_up_to", BigInteger, nullable=False, default=0),
    Column("detail", Text, nullable=False, default=""),
)

# --- what syncs, and whose district each row is in ----------------------------------------------------

# Per synced table: the foreign-key columns leading to the district, the last one naming it.
# An empty path: the row is the district. Tables absent here do not sync (base maps point at files
# on one computer, so a control point names its town instead; the search index and audit log are derived;
# the sync tables are per ledger).
DISTRICT_PATHS: dict[str, tuple[str, ...]] = {
    "district": (),
    "town": ("district_id",),
    "household": ("town_id", "district_id"),
    "person": ("household_id", "town_id", "district_id"),
    "gathering_place": ("town_id", "district_id"),
    # The town's map image tied to the ground; the image file and the base-map row stay on each laptop.
    "map_control_point": ("town_id", "district_id"),
    "watcher": ("town_id", "district_id"),
    "watch_link": ("person_id", "household_id", "town_id", "district_id"),
    "emergency_contact": ("person_id", "household_id", "town_id", "district_id"),
    "emergency_card": ("person_id", "household_id", "town_id", "district_id"),
    "meeting": ("town_id", "district_id"),
    "meeting_attendee": ("meeting_id", "town_id", "district_id"),
    "person_review": ("person_id", "household_id", "town_id", "district_id"),
    "evacuation_plan": ("person_id", "household_id", "town_id", "district_id"),
    "plan_supporter": ("plan_id", "person_id", "household_id", "town_id", "district_id"),
    # Append-only: each check is a new row, so two laptops never conflict on one (app/safety/rollcall.py).
    "safety_event": ("person_id", "household_id", "town_id", "district_id"),
}
# City-wide tables every laptop reads and may change.
CITY_WIDE = ("household_category", "agency", "reference_feature", "self_check", "self_check_answer",
             "incident")  # an incident may cover towns of several districts
# Link tables without an id of their own, synced as a field of their owner.
LINK_PATHS: dict[str, tuple[str, ...]] = {"household_category_link": ("household_id", "town_id", "district_id")}
