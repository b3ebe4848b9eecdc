"""Step I: households, their members and categories on the town map."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable, Sequence
from functools import cache
from typing import cast

from sqlalchemy import (
    Column,
    ColumnDefault,
    ColumnElement,
    ScalarSelect,
    Select,
    Table,
    bindparam,
    case,
    exists,
    func,
    inspect,
    select,
)
from sqlalchemy.orm import Session, selectinload

from app.core import validators as check
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.records import live
from app.core.text import search_key
from app.core.views import (
    CategoryView,
    Crs,
    HouseholdFields,
    HouseholdView,
    MapPoint,
    PersonFields,
    PersonView,
)
from app.models import BaseMap, BaseMapKind, GatheringPlace, Household, HouseholdCategory, Person, Town, utcnow
from app.models.audit import AuditEntry, Origin, created_entries, record_label
from app.models.entities import household_category_link
from app.models.writes import insert_plain
from app.towns.basemaps import follow, placing_georeference

MAX_NAME = 200
MAX_ADDRESS = 300


# ---------------------------------------------------------------- categories


def list_categories(session: Session) -> list[CategoryView]:
    rows = session.scalars(select(HouseholdCategory).order_by(HouseholdCategory.priority, HouseholdCategory.code))
    return [_category_view(c) for c in rows]


def _category_view(c: HouseholdCategory) -> CategoryView:
    return CategoryView(c.id, c.code, c.label, c.color, c.shape, c.letter, c.priority, c.builtin)


def _categories_by_code(session: Session, codes: Iterable[str]) -> list[HouseholdCategory]:
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        return []
    found = {c.code: c for c in session.scalars(select(HouseholdCategory).where(HouseholdCategory.code.in_(wanted)))}
    missing = [code for code in wanted if code not in found]
    if missing:
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "Unknown household category: {code}"), where="categories", code=missing[0]
        )
    return [found[code] for code in wanted]


# ---------------------------------------------------------------- households


def _view(h: Household) -> HouseholdView:
    geo, pixel = positions(h)
    persons = tuple(_person_view(p) for p in h.persons if p.deleted_at is None)
    return HouseholdView(
        id=h.id,
        town_id=h.town_id,
        map_number=h.map_number,
        name=h.name,
        address=h.address,
        note=h.note,
        geo=geo,
        pixel=pixel,
        category_codes=tuple(c.code for c in sorted(h.categories, key=lambda c: (c.priority, c.code))),
        persons=persons,
        deleted=h.deleted_at is not None,
        approximate=bool(h.position_approximate),
    )


def _person_view(p: Person) -> PersonView:
    return PersonView(p.id, p.household_id, p.name, p.kana, p.birth_date, p.phone, p.of_concern, p.concerns)


def _load(session: Session, household_id: uuid.UUID, *, include_deleted: bool = False) -> Household:
    return live(session, Household, household_id,
                QT_TRANSLATE_NOOP("errors", "This household is no longer in the ledger."), include_archived=include_deleted)


def check_point(point: MapPoint) -> None:
    if not (math.isfinite(point.x) and math.isfinite(point.y)):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The position is not a number."), where="position")
    if point.crs is Crs.GEO and not (-90 <= point.y <= 90 and -180 <= point.x <= 180):
        raise LedgerError(
            QT_TRANSLATE_NOOP("errors", "Latitude {lat} / longitude {lon} is not on Earth."),
            where="position",
            lat=point.y,
            lon=point.x,
        )


def set_position(record: Household | GatheringPlace, point: MapPoint | None) -> None:
    """Store ``point`` in the record's geographic or pixel columns (the other pair is kept)."""
    if point is None:
        return
    check_point(point)
    if point.crs is Crs.GEO:
        record.lon, record.lat = point.x, point.y
    else:
        record.map_x, record.map_y = point.x, point.y
    if isinstance(record, Household):
        record.position_approximate = False  # placed by hand: no longer a guess


def place_at(session: Session, record: Household | GatheringPlace, point: MapPoint | None, *,
             image_base_map: bool = True) -> None:
    """``set_position``; on a town map tied to the ground (issue 15) the other coordinate pair follows.

    ``basemaps.follow`` computes the other pair and marks it derived, so later control points redo only
    that pair and never the one the user just set: placed on the georeferenced page (longitude/latitude),
    the pixel on the scan is computed (none when the spot is off the scan); placed in pixels, the
    longitude/latitude is. ``image_base_map=False``: the caller read in this transaction that the town's base
    map is no image, so nothing ties it to the ground and the georeference is not looked up.
    """
    set_position(record, point)
    if point is None:
        return
    georef = placing_georeference(session, record.town_id) if image_base_map else None
    if georef is None:
        # No transform: both pairs (where present) are the user's own.
        record.derived_coordinate = None
        return
    follow(record, georef, point.crs)


def positions(record: Household | GatheringPlace) -> tuple[MapPoint | None, MapPoint | None]:
    """The record's (geographic, pixel) positions, each None when not placed on such a map."""
    geo = MapPoint(Crs.GEO, record.lon, record.lat) if record.lat is not None and record.lon is not None else None
    pixel = (
        MapPoint(Crs.PIXEL, record.map_x, record.map_y)
        if record.map_x is not None and record.map_y is not None
        else None
    )
    return geo, pixel


def _apply_fields(session: Session, h: Household, fields: HouseholdFields) -> None:
    h.name = check.optional_text(fields.name, MAX_NAME, "name")
    h.address = check.optional_text(fields.address, MAX_ADDRESS, "address")
    h.note = fields.note.strip()
    h.categories = _categories_by_code(session, fields.category_codes)


def _refresh_search_key(h: Household) -> None:
    h.search_key = search_key(h.name, h.address)


def _highest_number(town_id: uuid.UUID | ColumnElement[uuid.UUID]) -> ScalarSelect[int | None]:
    # Deleted households keep their numbers: a printed map must never point at a new house.
    return select(func.max(Household.map_number)).where(Household.town_id == town_id).scalar_subquery()


def next_map_number(session: Session, town_id: uuid.UUID) -> int:
    return (session.scalar(select(_highest_number(town_id))) or 0) + 1


@cache
def _town_for_add() -> Select:
    """``add_household``'s one read, built once: the town, its highest map number, and whether its base map is an
    image (only an image can be tied to the ground: ``placing_georeference`` is None for any other map)."""
    town_id = bindparam("town_id", type_=Town.__table__.c.id.type)
    highest = _highest_number(town_id)
    image = exists().where(BaseMap.town_id == town_id, BaseMap.kind == BaseMapKind.IMAGE)
    return select(Town.id, highest, image).where(Town.id == town_id)


def add_household(
    session: Session,
    town_id: uuid.UUID,
    point: MapPoint | None,
    fields: HouseholdFields = HouseholdFields(),
    *,
    household_id: uuid.UUID | None = None,
    map_number: int | None = None,
) -> HouseholdView:
    """Add a household at ``point`` (None: not yet placed on the map).

    The town is checked, its highest map number read and whether its base map is an image in one statement; the
    new household has no members, so its view reads none.
    """
    town = session.execute(_town_for_add(), {"town_id": town_id}).first()
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    h = Household(id=household_id or uuid.uuid4(), town_id=town_id, persons=[])
    h.map_number = map_number or (town[1] or 0) + 1  # next_map_number's, read with the town
    _apply_fields(session, h, fields)
    place_at(session, h, point, image_base_map=bool(town[2]))
    _refresh_search_key(h)
    _insert_new(session, h)
    return _view(h)


def _insert_new(session: Session, h: Household) -> None:
    """Write a new household (built but never added to the session) with its categories and its audit entry.

    Plain inserts through the driver (``insert_plain``), not a flush of the ORM's unit of work: the flush was a
    third of the service's CPU at 10,000 households, and compiled its statements at the first add. The entry is the
    one the flush hook would write (``created_entries`` of the fields that were set, and the categories' labels).
    The household is not in the session's identity map: a later read in the same session selects it.
    """
    state = inspect(h)
    values = {attr.key: state.dict.get(attr.key) for attr in state.mapper.column_attrs}
    labels = [record_label(c) or str(c.id) for c in h.categories]  # as the hook names a linked record
    entries = created_entries(Origin.of(session), "household", values, record=h,
                              collections={"categories": labels} if labels else None)
    table = cast(Table, Household.__table__)
    row = {c.key: values[c.key] if c.key in state.dict else _scalar_default(c) for c in table.c}
    row["created_at"] = row["updated_at"] = utcnow()
    connection = session.connection()
    insert_plain(connection, table, [row])
    insert_plain(connection, household_category_link, [{"household_id": h.id, "category_id": c.id}
                                                       for c in h.categories])
    insert_plain(connection, cast(Table, AuditEntry.__table__), entries)


def _scalar_default(column: Column[object]) -> object:
    """A column's Python-side default when it is a plain value (name, note: ""), else None."""
    default = column.default
    return default.arg if isinstance(default, ColumnDefault) and default.is_scalar else None


def get_household(session: Session, household_id: uuid.UUID, *, include_deleted: bool = False) -> HouseholdView:
    return _view(_load(session, household_id, include_deleted=include_deleted))


def position_of(session: Session, household_id: uuid.UUID, crs: Crs) -> MapPoint | None:
    """A live household's position on this kind of map (what undoing a move puts back), as its view's ``point``."""
    x, y = (Household.lon, Household.lat) if crs is Crs.GEO else (Household.map_x, Household.map_y)
    row = session.execute(select(x, y).where(Household.id == household_id, Household.deleted_at.is_(None))).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This household is no longer in the ledger."))
    return MapPoint(crs, row[0], row[1]) if row[0] is not None and row[1] is not None else None


def move_household(session: Session, household_id: uuid.UUID, point: MapPoint) -> HouseholdView:
    h = _load(session, household_id)
    place_at(session, h, point)
    session.flush()
    return _view(h)


def clear_position(session: Session, household_id: uuid.UUID, crs: Crs) -> HouseholdView:
    """Take a household off this kind of map again (undo of pinning an unplaced household).

    On a georeferenced town map the other pair computed from it (``basemaps.follow``) goes too: it was
    never placed there by anyone.
    """
    h = _load(session, household_id)
    if h.derived_coordinate is not None:
        other = "pixel" if crs is Crs.GEO else "geo"
        if h.derived_coordinate == other:
            if crs is Crs.GEO:
                h.map_x = h.map_y = None
            else:
                h.lat = h.lon = None
        h.derived_coordinate = None
    if crs is Crs.GEO:
        h.lat = h.lon = None
    else:
        h.map_x = h.map_y = None
    session.flush()
    return _view(h)


def live_count(session: Session, town_id: uuid.UUID) -> int:
    """The town's live households, placed or not (what its view counts), on the index of town and deletion."""
    return session.scalar(select(func.count()).select_from(Household).where(
        Household.town_id == town_id, Household.deleted_at.is_(None))) or 0


def placed_place_count(session: Session, town_id: uuid.UUID, crs: Crs) -> int:
    """The town's live gathering places placed on a ``crs`` map: those its page draws."""
    x, y = ((GatheringPlace.lon, GatheringPlace.lat) if crs is Crs.GEO
            else (GatheringPlace.map_x, GatheringPlace.map_y))
    return session.scalar(select(func.count()).select_from(GatheringPlace).where(
        GatheringPlace.town_id == town_id, GatheringPlace.deleted_at.is_(None), x.isnot(None), y.isnot(None))) or 0


def live_in_town(session: Session, town_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Those of ``ids`` that are live households of the town (what its household count counts), by primary key."""
    ids = list(ids)
    if not ids:
        return set()
    return set(session.scalars(select(Household.id).where(
        Household.id.in_(ids), Household.town_id == town_id, Household.deleted_at.is_(None))))


def unplaced_households(session: Session, town_id: uuid.UUID, crs: Crs) -> list[HouseholdView]:
    """Households of the town with no position on this kind of map: the list a volunteer pins from.

    Read from ``ix_household_unplaced_geo`` or ``_pixel`` alone (their WHERE is these terms and the live one), in
    their map-number order, not from every household of the town."""
    missing = (Household.lat.is_(None) | Household.lon.is_(None) if crs is Crs.GEO
               else Household.map_x.is_(None) | Household.map_y.is_(None))
    return list_households(session, town_id, where=missing)


def edit_household(session: Session, household_id: uuid.UUID, fields: HouseholdFields) -> HouseholdView:
    h = _load(session, household_id)
    _apply_fields(session, h, fields)
    _refresh_search_key(h)
    session.flush()
    return _view(h)


def delete_household(session: Session, household_id: uuid.UUID) -> HouseholdView:
    """Take a household off the map. It stays in the ledger as a tombstone, so undo can bring it back."""
    h = _load(session, household_id)
    h.deleted_at = utcnow()
    session.flush()
    return _view(h)


def restore_household(session: Session, household_id: uuid.UUID) -> HouseholdView:
    h = _load(session, household_id, include_deleted=True)
    h.deleted_at = None
    session.flush()
    return _view(h)


def list_households(
    session: Session, town_id: uuid.UUID, *, category_codes: Sequence[str] | None = None,
    where: ColumnElement[bool] | None = None,
) -> list[HouseholdView]:
    """The town's households in map-number order; with ``category_codes``, only those in any of them."""
    query = (
        select(Household)
        .where(Household.town_id == town_id, Household.deleted_at.is_(None), *(() if where is None else (where,)))
        .options(selectinload(Household.categories), selectinload(Household.persons))
        .order_by(Household.map_number)
    )
    if category_codes is not None:
        query = query.where(Household.categories.any(HouseholdCategory.code.in_(list(category_codes))))
    return [_view(h) for h in session.scalars(query)]


def first_member_name(of_household: ColumnElement[bool] | None = None) -> ScalarSelect[str | None]:
    """The name of a household's first live member (by sort order, then name), as a subquery: one index lookup
    (ix_person_household_first). ``of_household``: which household (default: the household row of the enclosing
    query)."""
    return (
        select(Person.name)
        .where(Person.household_id == Household.id if of_household is None else of_household,
               Person.deleted_at.is_(None))
        .order_by(Person.sort_order, Person.name)
        .limit(1)
        .scalar_subquery()
    )


def household_choices(session: Session, town_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """The town's households as a list to choose from, 「No.12 山田家」, labelled as ``HouseholdView.label`` (the
    name, else the first member's, else the address), in map-number order: one query, no household objects."""
    label = case((func.coalesce(Household.name, "") != "", Household.name),
                 else_=func.coalesce(first_member_name(), Household.address, ""))
    rows = session.execute(select(Household.id, Household.map_number, label)
                           .where(Household.town_id == town_id, Household.deleted_at.is_(None))
                           .order_by(Household.map_number))
    return [(hid, f"No.{number} {text}") for hid, number, text in rows]


def person_choices(session: Session, town_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """The town's persons as a list to choose from, 「No.12 山田 ハル」, in map-number order and each household's own
    order (as ``list_households`` lists them): one query of three columns, no household objects (a city's town
    took seconds through ``list_households``)."""
    rows = session.execute(
        select(Person.id, Household.map_number, Person.name).join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None))
        .order_by(Household.map_number, Household.id, Person.sort_order))
    return [(pid, f"No.{number} {name}") for pid, number, name in rows]


# ---------------------------------------------------------------- persons


def _check_person(fields: PersonFields) -> None:
    check.required_text(fields.name, MAX_NAME, "name", missing=QT_TRANSLATE_NOOP("errors", "A member needs a name."))
    check.optional_text(fields.kana, MAX_NAME, "kana")
    check.optional_text(fields.phone, check.MAX_PHONE, "phone")


def _apply_person(p: Person, fields: PersonFields) -> None:
    p.name = fields.name.strip()
    p.kana = fields.kana.strip()
    p.birth_date = fields.birth_date
    p.phone = check.phone(fields.phone, "phone")  # 「０７７８２２００５５」 → 「0778-22-0055」; kept if unusual
    p.of_concern = fields.of_concern
    p.concerns = fields.concerns.strip()
    p.search_key = search_key(p.name, p.kana)


def add_person(
    session: Session, household_id: uuid.UUID, fields: PersonFields, *, person_id: uuid.UUID | None = None
) -> PersonView:
    _check_person(fields)
    h = _load(session, household_id)
    p = Person(id=person_id or uuid.uuid4(), household_id=h.id)
    _apply_person(p, fields)
    p.sort_order = max((q.sort_order for q in h.persons), default=-1) + 1
    h.persons.append(p)
    session.flush()
    return _person_view(p)


def _load_person(session: Session, person_id: uuid.UUID, *, include_deleted: bool = False) -> Person:
    return live(session, Person, person_id, QT_TRANSLATE_NOOP("errors", "This member is no longer in the ledger."),
                include_archived=include_deleted)


def edit_person(session: Session, person_id: uuid.UUID, fields: PersonFields) -> PersonView:
    _check_person(fields)
    p = _load_person(session, person_id)
    _apply_person(p, fields)
    session.flush()
    return _person_view(p)


def delete_person(session: Session, person_id: uuid.UUID) -> None:
    _load_person(session, person_id).deleted_at = utcnow()
    session.flush()


def restore_person(session: Session, person_id: uuid.UUID) -> PersonView:
    p = _load_person(session, person_id, include_deleted=True)
    p.deleted_at = None
    session.flush()
    return _person_view(p)
