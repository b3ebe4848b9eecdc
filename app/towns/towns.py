"""Districts (地区) and towns (町内)."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import validators as check
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.views import TownView
from app.core.workbook_guard import csv_rows, read_text_file
from app.models import District, Household, Town, utcnow

MAX_NAME = 100


def _clean_name(value: str, where: str) -> str:
    return check.required_text(value, MAX_NAME, where)


def create_town(
    session: Session, district_name: str, town_name: str, *, center: tuple[float, float] | None = None
) -> TownView:
    """Create a town in a district (the district is created when new)."""
    district_name = _clean_name(district_name, "district")
    town_name = _clean_name(town_name, "town")
    district = session.scalar(select(District).where(District.name == district_name))
    if district is None:
        district = District(name=district_name)
        session.add(district)
        session.flush()
    elif (other := session.scalar(select(Town).where(Town.district_id == district.id, Town.name == town_name))):
        raise _town_taken(district, other, town_name)
    town = Town(district_id=district.id, name=town_name)
    if center is not None:
        town.center_lat, town.center_lon = center
    session.add(town)
    session.flush()
    return _view(town, district, 0)


def _view(town: Town, district: District, count: int) -> TownView:
    center = (town.center_lat, town.center_lon) if town.center_lat is not None and town.center_lon is not None else None
    return TownView(town.id, town.name, district.id, district.name, center, count)


def list_towns(session: Session) -> list[TownView]:
    counts = (
        select(Household.town_id, func.count().label("n"))
        .where(Household.deleted_at.is_(None))
        .group_by(Household.town_id)
        .subquery()
    )
    rows = session.execute(
        select(Town, District, func.coalesce(counts.c.n, 0))
        .join(District, Town.district_id == District.id)
        .outerjoin(counts, counts.c.town_id == Town.id)
        .where(Town.archived_at.is_(None), District.archived_at.is_(None))  # archived: kept, not listed
        .order_by(District.name, Town.name)
    )
    return [_view(t, d, n) for t, d, n in rows]


def get_town(session: Session, town_id: uuid.UUID) -> TownView:
    town = session.get(Town, town_id)
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    count = session.scalar(
        select(func.count()).select_from(Household).where(Household.town_id == town_id, Household.deleted_at.is_(None))
    )
    return _view(town, town.district, count or 0)


def find_town(session: Session, name: str) -> TownView:
    """Find a town by its name, or by "district town" when two districts share a town name."""
    name = name.strip()
    matches = [t for t in list_towns(session) if name in (t.name, t.full_name, f"{t.district_name}{t.name}")]
    if not matches:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No town called {name} in this ledger."), where="town", name=name)
    if len(matches) > 1:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Several towns are called {name}; add the district name."),
                          where="town", name=name)
    return matches[0]


# ---------------------------------------------------------------- setting up a city: districts and towns (issue 15)

@dataclass(frozen=True)
class DistrictView:
    id: uuid.UUID
    name: str
    archived: bool
    towns: tuple[TownView, ...] = ()  # its towns, archived ones included (each says so in ``archived_towns``)
    archived_towns: frozenset[uuid.UUID] = frozenset()


@dataclass(frozen=True)
class DistrictImport:
    """What ``import_districts`` did: the districts added, and those the ledger already had."""

    added: tuple[str, ...]
    existing: tuple[str, ...]
    added_ids: tuple[uuid.UUID, ...] = ()  # the districts made, in the order of ``added`` (what an undo archives)

    def summary(self) -> str:
        return f"{len(self.added)} districts added, {len(self.existing)} already in the ledger"


def _district(session: Session, district_id: uuid.UUID) -> District:
    district = session.get(District, district_id)
    if district is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This district is no longer in the ledger."))
    return district


def _unique_district_name(session: Session, name: str, except_id: uuid.UUID | None = None) -> str:
    name = _clean_name(unicodedata.normalize("NFKC", name), "district")
    other = session.scalar(select(District).where(District.name == name))
    if other is not None and other.id != except_id:
        if other.archived_at is not None:  # hidden from the lists: say where it is (an undone add is archived)
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "There is already a district called {name}, archived: "
                                                          "tick “Show archived” and bring it back instead."),
                              where="district", name=name)
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "There is already a district called {name}."),
                          where="district", name=name)
    return name


def _town_taken(district: District, town: Town, name: str) -> LedgerError:
    """The refusal of a second town called ``name`` in ``district``, saying so when the one there is archived."""
    if town.archived_at is not None:
        return LedgerError(QT_TRANSLATE_NOOP("errors", "{district} already has a town called {town}, archived: "
                                                       "tick “Show archived” and bring it back instead."),
                           where="town", district=district.name, town=name)
    return LedgerError(QT_TRANSLATE_NOOP("errors", "{district} already has a town called {town}."),
                       where="town", district=district.name, town=name)


def list_districts(session: Session, *, include_archived: bool = True) -> list[DistrictView]:
    """Every district with its towns (archived ones too, marked), by name."""
    towns: dict[uuid.UUID, list[TownView]] = {}
    archived_towns: set[uuid.UUID] = set()
    for town in session.scalars(select(Town).order_by(Town.name)):
        towns.setdefault(town.district_id, []).append(_view(town, town.district, 0))
        if town.archived_at is not None:
            archived_towns.add(town.id)
    out = []
    for d in session.scalars(select(District).order_by(District.name)):
        if d.archived_at is not None and not include_archived:
            continue
        mine = tuple(towns.get(d.id, ()))
        out.append(DistrictView(d.id, d.name, d.archived_at is not None, mine,
                                frozenset(t.id for t in mine if t.id in archived_towns)))
    return out


def add_district(session: Session, name: str) -> DistrictView:
    district = District(name=_unique_district_name(session, name))
    session.add(district)
    session.flush()
    return DistrictView(district.id, district.name, False)


def rename_district(session: Session, district_id: uuid.UUID, name: str) -> DistrictView:
    district = _district(session, district_id)
    district.name = _unique_district_name(session, name, district.id)
    session.flush()
    return DistrictView(district.id, district.name, district.archived_at is not None)


def add_town(session: Session, district_name: str, town_name: str, *,
             center: tuple[float, float] | None = None) -> TownView:
    """A new town in a district (the district is created when new); the name the command line and dialog use."""
    return create_town(session, unicodedata.normalize("NFKC", district_name),
                       unicodedata.normalize("NFKC", town_name), center=center)


def rename_town(session: Session, town_id: uuid.UUID, name: str) -> TownView:
    town = session.get(Town, town_id)
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    name = _clean_name(unicodedata.normalize("NFKC", name), "town")
    other = session.scalar(select(Town).where(Town.district_id == town.district_id, Town.name == name))
    if other is not None and other.id != town.id:
        raise _town_taken(town.district, other, name)
    town.name = name
    session.flush()
    return get_town(session, town.id)


def set_district_archived(session: Session, district_id: uuid.UUID, archived: bool) -> DistrictView:
    """Archive a district (kept with its towns and everything in them; hidden from the lists) or bring it back."""
    district = _district(session, district_id)
    district.archived_at = utcnow() if archived else None
    session.flush()
    return DistrictView(district.id, district.name, archived)


def set_districts_archived(session: Session, district_ids: tuple[uuid.UUID, ...] | list[uuid.UUID],
                           archived: bool) -> list[DistrictView]:
    """Archive several districts at once, or bring them back (an import undone and redone as one step)."""
    return [set_district_archived(session, district_id, archived) for district_id in district_ids]


def set_town_archived(session: Session, town_id: uuid.UUID, archived: bool) -> TownView:
    """Archive a town instead of deleting it: its households, papers and history stay in the ledger."""
    town = session.get(Town, town_id)
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    town.archived_at = utcnow() if archived else None
    session.flush()
    return get_town(session, town.id)


DISTRICT_COLUMNS = ("chiku", "地区", "地区名", "district", "name", "名称")


def import_districts(session: Session, path: Path) -> DistrictImport:
    """Add the districts listed in a CSV (one per row, like resources/data/echizen_chiku_list.csv).

    Every row is checked first; a bad row is named and nothing is added. Districts already in the ledger
    are left as they are.
    """
    path = Path(path)
    text = read_text_file(path)
    rows = csv_rows(text, path.name)
    header = [unicodedata.normalize("NFKC", h).strip().lower() for h in next(rows, [])]
    column = next((header.index(c) for c in DISTRICT_COLUMNS if c in header), None)
    if column is None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "No district column (chiku, 地区, 地区名 or name) in the header "
                                                      "row."), where=f"{path.name}, row 1")
    names: list[str] = []
    first_row: dict[str, int] = {}
    for number, values in enumerate(rows, start=2):
        if not any(v.strip() for v in values):
            continue
        where = f"{path.name}, row {number}, column {header[column]}"
        name = check.required_text(unicodedata.normalize("NFKC", values[column] if column < len(values) else ""),
                                   MAX_NAME, where)
        if name in first_row:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "{name} is listed twice (first on row {first})."),
                              where=where, name=name, first=first_row[name])
        first_row[name] = number
        names.append(name)
    known = set(session.scalars(select(District.name).where(District.name.in_(names))))
    made = [District(name=name) for name in names if name not in known]
    session.add_all(made)
    session.flush()
    return DistrictImport(tuple(d.name for d in made), tuple(n for n in names if n in known),
                          tuple(d.id for d in made))
