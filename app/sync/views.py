"""What sync hands to the UI: plain views (status, report, conflicts) and the translatable labels of
its stages and of the kinds of conflict."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from app.core.errors import QT_TRANSLATE_NOOP
from app.safety.views import JoinView

Progress = Callable[[str, int, int], None]  # (stage, done, total)

STAGES = {
    "connect": QT_TRANSLATE_NOOP("sync", "Connecting to the office server"),
    "pull": QT_TRANSLATE_NOOP("sync", "Receiving changes from other laptops"),
    "apply": QT_TRANSLATE_NOOP("sync", "Applying received changes"),
    "push": QT_TRANSLATE_NOOP("sync", "Sending this laptop's changes"),
    "push-applied": QT_TRANSLATE_NOOP("sync", "Saving on the office server"),
    "push-committed": QT_TRANSLATE_NOOP("sync", "Saved on the office server"),
    "done": QT_TRANSLATE_NOOP("sync", "Sync finished"),
}
CONFLICT_KINDS = {
    "field": QT_TRANSLATE_NOOP("sync", "Changed here and on another laptop"),
    "archive": QT_TRANSLATE_NOOP("sync", "Archived on another laptop, changed here"),
    "edit_on_archived": QT_TRANSLATE_NOOP("sync", "Changed on another laptop, archived here"),
    "deleted": QT_TRANSLATE_NOOP("sync", "Removed on another laptop, changed here"),
    "renumbered": QT_TRANSLATE_NOOP("sync", "Map number taken on another laptop: this household got a new one"),
}


def no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True)
class SyncStatus:
    last_sync_at: datetime | None
    pending_changes: int
    open_conflicts: int
    server_url: str  # without the password; "" when never synced over the network
    laptop_name: str  # "" when not registered
    last_sync_kind: str = ""


@dataclass(frozen=True)
class ConflictView:
    id: int
    kind: str
    kind_label: str
    entity: str
    entity_id: uuid.UUID
    field: str | None
    label: str
    local_value: object
    local_operator: str
    local_at: datetime | None
    remote_value: object
    remote_operator: str
    remote_laptop: str
    remote_at: datetime | None
    resolution: str | None


@dataclass
class SyncReport:
    received: int = 0  # other laptops' changes read
    applied: int = 0  # ... written here
    sent: int = 0  # this laptop's changes stored on the server
    already_sent: int = 0  # stored by an earlier, interrupted sync
    rejected: int = 0
    new_conflicts: int = 0
    renumbered: list[str] = field(default_factory=list)
    outside_scope: int = 0  # local changes to districts this laptop is not registered for: kept here only
    server_seq: int = 0
    attempts: int = 1
    joined: list[JoinView] = field(default_factory=list)  # incidents joined (two laptops started one for a town)
