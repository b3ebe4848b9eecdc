"""Gathering places (たまり場): salons, meeting halls, cafés where neighbours meet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import validators as check
from app.core.errors import QT_TRANSLATE_NOOP, NotFound
from app.core.records import live
from app.core.views import MapPoint, PlaceView
from app.households.households import place_at, positions
from app.models import GatheringPlace, PlaceKind, Town, utcnow

MAX_NAME = 200


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
    name = check.required_text(fields.name, MAX_NAME, "name",
                               missing=QT_TRANSLATE_NOOP("errors", "A gathering place needs a name."))
    kind = check.choice(PlaceKind, fields.kind, where="kind", param="kind",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown kind of place: {kind}"))
    p.name, p.kind = name, kind
    p.schedule, p.note = fields.schedule.strip(), fields.note.strip()


def _load(session: Session, place_id: uuid.UUID, *, include_deleted: bool = False) -> GatheringPlace:
    return live(session, GatheringPlace, place_id,
                QT_TRANSLATE_NOOP("errors", "This gathering place is no longer in the ledger."),
                include_archived=include_deleted)


def add_place(session: Session, town_id: uuid.UUID, point: MapPoint | None, fields: PlaceFields,
              *, place_id: uuid.UUID | None = None) -> PlaceView:
    if session.get(Town, town_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    p = GatheringPlace(id=place_id or uuid.uuid4(), town_id=town_id)
    _apply(p, fields)
    place_at(session, p, point)
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
    place_at(session, p, point)
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
