"""Declarative base: every record has a UUID key and created/updated timestamps."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import DateTime, MetaData, String, Uuid, type_coerce
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so Alembic migrations (and SQLite batch mode) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def stored(column: Any, label: str | None = None) -> Any:
    """``column`` read as the database holds it, with no conversion per value: a UUID as its hex text in SQLite (a
    UUID from PostgreSQL's driver), a date or a time as its ISO text. For reads of many rows, which make each
    distinct value into a UUID or a date once, or compare keys as they are."""
    raw = type_coerce(column, String)
    return raw if label is None else raw.label(label)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True)}


class Record:
    """Mixin: UUID primary key (ledgers on several laptops merge without renumbering)."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
