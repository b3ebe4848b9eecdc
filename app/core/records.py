"""Loading one record by id for an edit: archived (soft-deleted) or missing records are refused alike."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from app.core.errors import NotFound


class SoftDeleted(Protocol):
    """A record archived by setting ``deleted_at`` rather than deleted (every edited table of the ledger)."""

    @property
    def deleted_at(self) -> datetime | None: ...


R = TypeVar("R", bound=SoftDeleted)


def live(session: Session, model: type[R], record_id: uuid.UUID | None, missing: str, *,
         include_archived: bool = False, parent: Callable[[R], SoftDeleted | None] | None = None,
         where: str | None = None) -> R:
    """The ``model`` record with this id, or NotFound(``missing``) when there is none or it is archived.

    ``include_archived`` takes an archived record too (to restore it or to show it in the archive);
    ``parent`` names the record it lives in (a member's household): when that is archived the record is
    gone for the user whatever ``include_archived`` says.
    """
    record = session.get(model, record_id) if record_id is not None else None
    if record is None or (record.deleted_at is not None and not include_archived):
        raise NotFound(missing, where=where)
    if parent is not None:
        owner = parent(record)
        if owner is None or owner.deleted_at is not None:
            raise NotFound(missing, where=where)
    return record
