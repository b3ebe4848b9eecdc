"""Gathering places (たまり場): salons, meeting halls, cafés where neighbours meet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.views import MapPoint, PlaceView
from app.households.households import positions, set_position
from app.models import GatheringPlace, PlaceKind, Town, utcnow


@dataclass(frozen=True)
class PlaceFields:
    name: str
    kind: str = PlaceKind.OTHER.value
    schedule: str = ""
    note: str = ""


def _view(p: GatheringPlace) -> PlaceView:
    geo, pixel = positions(p)
    return PlaceView(p.id, p.town_id, p.name, p.kind.value, p.schedule, p.note, geo, pixel, p.deleted_at is not None)


def _apply(p: GatheringPlace, fields: PlaceFields) -> None:
    if not fields.name.strip():
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "A gathering place needs a name."), where="name")
    try:
        kind = PlaceKind(fields.kind)
    except ValueError:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Unknown kind of place: {kind}"), where="kind",
                          kind=fields.kind) from None
    p.name, p.kind = fields.name.strip(), kind
    p.schedule, p.note = fields.schedule.strip(), fields.note.strip()


def _load(session: Session, place_id: uuid.UUID, *, include_deleted: bool = False) -> GatheringPlace:
    p = session.get(GatheringPlace, place_id)
    if p is None or (p.deleted_at is not None and not include_deleted):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This gathering place is no longer in the ledger."))
    return p


def add_place(session: Session, town_id: uuid.UUID, point: MapPoint | None, fields: PlaceFields,
              *, place_id: uuid.UUID | None = None) -> PlaceView:
    if session.get(Town, town_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    p = GatheringPlace(id=place_id or uuid.uuid4(), town_id=town_id)
    _apply(p, fields)
    set_position(p, point)
    session.add(p)
    session.flush()
    return _view(p)


def edit_place(session: Session, place_id: uuid.UUID, fields: PlaceFields) -> PlaceView:
    p = _load(session, place_id)
    _apply(p, fields)
    session.flush()
    return _view(p)


def move_place(session: Session, place_id: uuid.UUID, point: MapPoint) -> PlaceView:
    p = _load(session, place_id)
    set_position(p, point)
    session.flush()
    return _view(p)


def delete_place(session: Session, place_id: uuid.UUID) -> PlaceView:
    p = _load(session, place_id)
    p.deleted_at = utcnow()
    session.flush()
    return _view(p)


def restore_place(session: Session, place_id: uuid.UUID) -> PlaceView:
    p = _load(session, place_id, include_deleted=True)
    p.deleted_at = None
    session.flush()
    return _view(p)


def get_place(session: Session, place_id: uuid.UUID, *, include_deleted: bool = False) -> PlaceView:
    return _view(_load(session, place_id, include_deleted=include_deleted))


def list_places(session: Session, town_id: uuid.UUID) -> list[PlaceView]:
    rows = session.scalars(
        select(GatheringPlace)
        .where(GatheringPlace.town_id == town_id, GatheringPlace.deleted_at.is_(None))
        .order_by(GatheringPlace.name)
    )
    return [_view(p) for p in rows]
