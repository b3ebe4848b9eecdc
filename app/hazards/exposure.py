"""Each household's exposure: the deepest flood rank, the sediment zone and class, storm surge and tsunami.

Computed from the household's longitude/latitude with shapely's STRtree: the points go in the tree and
each zone (prepared by GEOS for the predicate) asks which points it covers, so 50,000 households against
10,000 polygons take well under the 2 s of bench/hazards.py. A point on a zone's edge counts as inside.

Stored in ``household_exposure`` with the position used. Refreshed for every household when a layer is
imported or removed (``refresh_all``), and for a household whose position no longer matches its stored
row (moved through the service, an undo, a sync) when it is read: ``exposure_of``, ``exposures`` and
``exposures_for`` never return a stale value, and never write (a stale row is computed in memory). A household without lat/lon is "unknown", never silently safe.

A refresh writes only what changed: one Core query reads every household beside its stored row, the values
are computed for all at once, and only the rows that differ are updated or inserted, by one DBAPI executemany
of plain tuples inside the session's transaction (SQLAlchemy's per-row parameter handling and the UUID
conversions cost more than SQLite's own work). ``computed_at`` is when a row's values last changed. The
result is the table a recomputation from nothing would write (tests/test_hazards.py checks it).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING, SupportsInt, cast

from sqlalchemy import ColumnElement, Select, String, Table, bindparam, delete, exists, select, true, type_coerce
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, NotFound
from app.hazards.codes import (
    DEPTH_RANKS,
    KIND_SHORT,
    SEDIMENT_CLASSES,
    SEDIMENT_PHENOMENA,
    depth_label,
    depth_order,
    depth_text,
)
from app.models import Household, utcnow
from app.models.hazard import HazardKind, HazardLayer, HazardZone, HouseholdExposure
from app.models.writes import large_cache

if TYPE_CHECKING:  # numpy and shapely are imported when zones are read, not when the app starts (issue 17)
    import numpy as np

_CHUNK = 500  # ids per IN (…) list
_EXPOSURE = cast(Table, HouseholdExposure.__table__)  # Core statements: no ORM bookkeeping per row
_ZONES = cast(Table, HazardZone.__table__)


@dataclass(frozen=True)
class PointHazards:
    """The hazards found at some points, one array entry per point (0 / "" = none)."""

    flood_rank: np.ndarray
    flood_river: list[str]
    sediment_kind: np.ndarray
    sediment_class: np.ndarray
    storm_surge_rank: np.ndarray
    tsunami_rank: np.ndarray
    storm_surge_text: list[str]  # the file's depth class of the zone found (「0.3m以上1.0m未満」), "" = none
    tsunami_text: list[str]


@dataclass(frozen=True)
class Zones:
    """Zones loaded for a computation (live layers only), geometries parsed."""

    kind: np.ndarray  # HazardKind values as str
    rank: np.ndarray
    zone_class: np.ndarray
    phenomenon: np.ndarray
    detail: list[str]
    geometry: np.ndarray  # shapely geometries


def load_zones(session: Session, west: float, south: float, east: float, north: float,
               kinds: Iterable[HazardKind] | None = None) -> Zones:
    """The zones of layers in use whose bounding box meets the box (the indexed pre-filter)."""
    import numpy as np
    import shapely

    z, layer = _ZONES, cast(Table, HazardLayer.__table__)
    kind = type_coerce(z.c.kind, String)  # the stored value ("flood"), not an enum built per row
    query = (select(kind, z.c.rank, z.c.zone_class, z.c.phenomenon, z.c.detail, z.c.geometry)
             .join(layer, layer.c.id == z.c.layer_id)
             .where(layer.c.archived_at.is_(None), z.c.minx <= east, z.c.maxx >= west,
                    z.c.miny <= north, z.c.maxy >= south))
    if kinds is not None:
        query = query.where(kind.in_([HazardKind(k).value for k in kinds]))
    rows = session.execute(query).all()
    return Zones(
        kind=np.array([r[0] for r in rows], dtype=object),
        rank=np.array([r[1] or 0 for r in rows], dtype=np.int64),
        zone_class=np.array([r[2] or 0 for r in rows], dtype=np.int64),
        phenomenon=np.array([r[3] or 0 for r in rows], dtype=np.int64),
        detail=[r[4] or "" for r in rows],
        geometry=shapely.from_wkb(np.array([r[5] for r in rows], dtype=object)) if rows else np.array([]),
    )


def _best(n: int, points: np.ndarray, zones: np.ndarray, score: np.ndarray) -> np.ndarray:
    """For each of ``n`` points, the zone with the highest score among its pairs (-1 = none)."""
    import numpy as np

    out = np.full(n, -1, dtype=np.int64)
    if len(points) == 0:
        return out
    order = np.lexsort((score, points))
    p, z = points[order], zones[order]
    last = np.r_[p[1:] != p[:-1], True]
    out[p[last]] = z[last]
    return out


def hazards_at(zones: Zones, lons: np.ndarray, lats: np.ndarray) -> PointHazards:
    """The hazards at each point (longitude/latitude arrays), deepest rank and strictest class first."""
    import numpy as np
    import shapely

    n = len(lons)
    zero = np.zeros(n, dtype=np.int64)
    if n == 0 or len(zones.kind) == 0:
        return PointHazards(zero, [""] * n, zero.copy(), zero.copy(), zero.copy(), zero.copy(), [""] * n, [""] * n)
    tree = shapely.STRtree(shapely.points(lons, lats))
    # Each zone (the input, prepared for the predicate) finds the points it covers.
    zone_idx, point_idx = tree.query(zones.geometry, predicate="intersects")

    def best_of(kind: HazardKind, score: np.ndarray) -> np.ndarray:
        mask = zones.kind[zone_idx] == kind.value
        return _best(n, point_idx[mask], zone_idx[mask], score[zone_idx[mask]])

    def take(best: np.ndarray, values: np.ndarray) -> np.ndarray:
        return np.where(best >= 0, values[np.maximum(best, 0)], 0)

    flood = best_of(HazardKind.FLOOD, zones.rank)
    # The special warning zone first; among equal classes the lower phenomenon code, for a stable answer.
    sediment = best_of(HazardKind.SEDIMENT, zones.zone_class * 10 - zones.phenomenon)
    # Storm surge and tsunami zones carry the file's own depth class: among zones of one rank the class reaching
    # deepest wins (「2.0m以上3.0m未満」 over 「0.5m以上1.0m未満」), and its text is what the household reads.
    text_kinds = np.flatnonzero((zones.kind == HazardKind.STORM_SURGE.value) | (zones.kind == HazardKind.TSUNAMI.value))
    order = zones.rank * 100_000
    for i in text_kinds.tolist():
        order[i] = depth_order(zones.detail[i], int(zones.rank[i]))
    surge, tsunami = best_of(HazardKind.STORM_SURGE, order), best_of(HazardKind.TSUNAMI, order)

    def texts(best: np.ndarray) -> list[str]:
        return [depth_text(zones.detail[b], int(zones.rank[b])) if b >= 0 else "" for b in best.tolist()]

    return PointHazards(
        flood_rank=take(flood, zones.rank),
        flood_river=[zones.detail[b] if b >= 0 else "" for b in flood],
        sediment_kind=take(sediment, zones.phenomenon),
        sediment_class=take(sediment, zones.zone_class),
        storm_surge_rank=take(surge, zones.rank),
        tsunami_rank=take(tsunami, zones.rank),
        storm_surge_text=texts(surge),
        tsunami_text=texts(tsunami),
    )


def _nz(value: SupportsInt) -> int | None:
    return int(value) or None


# The stored values compared and written: a row is rewritten only when one of them changed.
_VALUES = ("lat", "lon", "flood_rank", "flood_river", "sediment_kind", "sediment_class", "storm_surge_rank",
           "tsunami_rank", "storm_surge_text", "tsunami_text")


def _computed(session: Session, households: Sequence[tuple[uuid.UUID, float | None, float | None]],
              kinds: frozenset[HazardKind] | None = None) -> list[tuple]:
    """One tuple of ``_VALUES`` per household, in order (vectorised: no Python work per zone).

    ``kinds``: the kinds of hazard data in use, when the caller read them in the same transaction; with none
    in use no zone can be found (``load_zones`` reads only layers in use), so none are read.
    """
    if kinds is not None and not kinds:
        return [(lat, lon, None, "", None, None, None, None, "", "") for _, lat, lon in households]
    import numpy as np

    n = len(households)
    lats = np.array([h[1] for h in households], dtype=float)  # None → NaN
    lons = np.array([h[2] for h in households], dtype=float)
    placed = np.flatnonzero(~(np.isnan(lats) | np.isnan(lons)))
    flood = np.zeros(n, dtype=np.int64)
    kind, klass, surge, tsunami = flood.copy(), flood.copy(), flood.copy(), flood.copy()
    river = [""] * n
    surge_text, tsunami_text = [""] * n, [""] * n
    if len(placed):
        zones = load_zones(session, lons[placed].min(), lats[placed].min(), lons[placed].max(), lats[placed].max())
        found = hazards_at(zones, lons[placed], lats[placed])
        flood[placed], kind[placed], klass[placed] = found.flood_rank, found.sediment_kind, found.sediment_class
        surge[placed], tsunami[placed] = found.storm_surge_rank, found.tsunami_rank
        for k, i in enumerate(placed.tolist()):
            river[i] = found.flood_river[k]
            surge_text[i], tsunami_text[i] = found.storm_surge_text[k], found.tsunami_text[k]
    return [(lat, lon, f or None, r, k or None, c or None, s or None, t or None, st, tt)
            for (_, lat, lon), f, r, k, c, s, t, st, tt in zip(
                households, flood.tolist(), river, kind.tolist(), klass.tolist(), surge.tolist(), tsunami.tolist(),
                surge_text, tsunami_text, strict=True)]


def _refresh(session: Session, where: ColumnElement[bool]) -> int:
    """Recompute the exposure of the live households matching ``where`` and write only what changed.

    One Core query reads each household's position beside its stored row; rows whose values are the same
    are left as they are (``computed_at`` says when the values last changed), changed rows are updated and
    missing rows inserted with one executemany each, plain parameters, no ORM objects.
    """
    h, e = cast(Table, Household.__table__), _EXPOSURE
    # The keys travel as the database holds them (no uuid.UUID built and parsed back 100,000 times).
    raw_id, stored_id = type_coerce(h.c.id, String), type_coerce(e.c.household_id, String)
    rows = session.execute(select(raw_id, h.c.lat, h.c.lon, stored_id, *[e.c[name] for name in _VALUES])
                           .select_from(h.outerjoin(e, e.c.household_id == h.c.id))
                           .where(h.c.deleted_at.is_(None), where)).all()
    values = _computed(session, [(r[0], r[1], r[2]) for r in rows])
    updates, inserts = [], []
    for r, v in zip(rows, values, strict=True):
        if r[3] is None:
            inserts.append((*v, r[0]))
        elif (r[4], r[5], r[6], r[7] or "", r[8], r[9], r[10], r[11], r[12] or "", r[13] or "") != v:
            updates.append((*v, r[0]))
    _write(session, sorted(updates, key=itemgetter(-1)), sorted(inserts, key=itemgetter(-1)))
    return len(rows)


def _write(session: Session, updates: list[tuple], inserts: list[tuple]) -> None:
    """One DBAPI executemany each, inside the session's transaction, in key order (the index is written in
    order). Plain tuples: SQLAlchemy's per-row parameter handling cost more than SQLite's own work."""
    if not updates and not inserts:
        return
    connection = session.connection()
    dialect = connection.dialect
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    column = _EXPOSURE.c.computed_at
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    now = process(utcnow()) if process else utcnow()
    names = (*_VALUES, "computed_at")
    if updates:
        connection.exec_driver_sql(
            f"UPDATE household_exposure SET {', '.join(f'{n} = {mark}' for n in names)} WHERE household_id = {mark}",
            [(*u[:-1], now, u[-1]) for u in updates])
    if inserts:
        connection.exec_driver_sql(
            f"INSERT INTO household_exposure ({', '.join(names)}, household_id) VALUES ({', '.join([mark] * (len(names) + 1))})",
            [(*i[:-1], now, i[-1]) for i in inserts])


def refresh_households(session: Session, household_ids: Iterable[uuid.UUID]) -> int:
    """Recompute and store the exposure of these households (e.g. after a move)."""
    ids = list(household_ids)
    return sum(_refresh(session, Household.id.in_(ids[start:start + _CHUNK])) for start in range(0, len(ids), _CHUNK))


def refresh_town(session: Session, town_id: uuid.UUID) -> int:
    return _refresh(session, Household.town_id == town_id)



def refresh_all(session: Session) -> int:
    """Recompute every household's exposure (after a layer is imported or removed); rows of households
    deleted since are dropped, so the table is what a full recomputation would write."""
    with large_cache(session):
        gone = select(Household.id).where(Household.deleted_at.is_not(None))
        session.execute(delete(_EXPOSURE).where(_EXPOSURE.c.household_id.in_(gone)))
        return _refresh(session, true())


# ------------------------------------------------------------------------------------------------ reading

def level_of_rank(rank: int | None) -> int:
    """A depth rank (1 = under 0.5 m … 6 = over 20 m) as a level 0–4: ranks 4–6 (5 m and deeper, the
    first floor under water) count alike."""
    return min(4, rank) if rank else 0


def main_hazard(flood_rank: int | None, sediment_class: int | None, storm_surge_rank: int | None,
                tsunami_rank: int | None) -> HazardKind | None:
    """The hazard a household evacuates from: the deepest at home, as a level 0–4 (depth ranks 4–6, the first
    floor under water, alike; a 特別警戒区域 4, a 警戒区域 3), flood first when two are as deep; None outside
    every zone. The card, the sheet and the evacuation plan all use this rule."""
    levels = [(level_of_rank(flood_rank), 3, HazardKind.FLOOD),
              (4 if (sediment_class or 0) >= 2 else 3 if sediment_class else 0, 2, HazardKind.SEDIMENT),
              (level_of_rank(storm_surge_rank), 1, HazardKind.STORM_SURGE),
              (level_of_rank(tsunami_rank), 0, HazardKind.TSUNAMI)]
    top, _, kind = max(levels)
    return kind if top else None


@dataclass(frozen=True)
class ExposureView:
    """One household's hazards, with the Japanese labels printed in the panel, the lists and the papers."""

    household_id: uuid.UUID
    map_number: int
    known: bool  # False: the household has no longitude/latitude, so its exposure is unknown
    layers: frozenset[HazardKind]  # the kinds of hazard data in the ledger when read
    flood_rank: int | None
    flood_river: str
    sediment_kind: int | None
    sediment_class: int | None
    storm_surge_rank: int | None
    tsunami_rank: int | None
    computed_at: datetime | None
    storm_surge_text: str = ""  # the file's own depth class (「0.3m以上1.0m未満」); "" = the rank's label
    tsunami_text: str = ""

    @property
    def flood_label(self) -> str:
        return depth_label(self.flood_rank)

    @property
    def sediment_kind_label(self) -> str:
        return SEDIMENT_PHENOMENA.get(self.sediment_kind, "") if self.sediment_kind else ""

    @property
    def sediment_class_label(self) -> str:
        return SEDIMENT_CLASSES.get(self.sediment_class, "") if self.sediment_class else ""

    @property
    def storm_surge_label(self) -> str:
        return self.storm_surge_text or depth_label(self.storm_surge_rank)

    @property
    def tsunami_label(self) -> str:
        return self.tsunami_text or depth_label(self.tsunami_rank)

    @property
    def exposed(self) -> bool:
        return any((self.flood_rank, self.sediment_class, self.storm_surge_rank, self.tsunami_rank))

    @property
    def summary(self) -> str:
        """One line: 「洪水 3.0m以上5.0m未満（日野川）・土砂災害特別警戒区域（土石流）」, or why there is none."""
        if not self.known:
            return "不明（位置が地図上にない）"
        if not self.layers:
            return "ハザード情報なし"
        parts = []
        if self.flood_rank:
            parts.append(f"洪水 {self.flood_label}" + (f"（{self.flood_river}）" if self.flood_river else ""))
        if self.sediment_class:
            parts.append(f"{self.sediment_class_label}（{self.sediment_kind_label}）")
        if self.storm_surge_rank:
            parts.append(f"高潮 {self.storm_surge_label}")
        if self.tsunami_rank:
            parts.append(f"津波 {self.tsunami_label}")
        if parts:
            return "・".join(parts)
        # Outside the zones of the kinds imported, and only of those: a house on a slope is not "safe" because only
        # the flood data is in the ledger.
        return "想定区域外（" + "・".join(word for kind, word in KIND_SHORT.items() if kind in self.layers) + "）"


def _kinds_in_use(session: Session) -> frozenset[HazardKind]:
    return frozenset(HazardKind(k) for k in session.scalars(
        select(HazardLayer.kind).where(HazardLayer.archived_at.is_(None)).distinct()))


def exposure_of(session: Session, household_id: uuid.UUID) -> ExposureView:
    """The household's exposure for the side panel (a read: see ``exposures_for``).

    One query: the household's position, its stored row and which kinds of hazard data are in use (one EXISTS
    per kind); a household just added or moved has its exposure computed in memory (the zones near it read).
    """
    row = session.execute(_one_household_query(), {"household_id": household_id}).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This household is no longer in the ledger."))
    used = frozenset(kind for kind, yes in zip(HazardKind, row[_ROW_COLUMNS:], strict=True) if yes)
    return _exposure_views(session, [row[:_ROW_COLUMNS]], used)[household_id]


@cache
def _one_household_query() -> Select:
    """``exposure_of``'s statement, built once (the same for every household): the row and the kinds in use."""
    layer = cast(Table, HazardLayer.__table__)
    in_use = [exists().where(layer.c.kind == kind, layer.c.archived_at.is_(None)) for kind in HazardKind]
    return (_exposure_query().add_columns(*in_use)
            .where(cast(Table, Household.__table__).c.id == bindparam("household_id")))


def exposures(session: Session, town_id: uuid.UUID) -> list[ExposureView]:
    """Every household's exposure in a town, by map number (the lists and the papers; a read)."""
    ids = session.scalars(select(Household.id).where(Household.town_id == town_id, Household.deleted_at.is_(None))
                          .order_by(Household.map_number)).all()
    found = exposures_for(session, ids)
    return [found[i] for i in ids if i in found]


_READ_CHUNK = 10_000  # ids per IN (…) list in a read: one query for a roll call (SQLite allows 32,766 parameters)


def exposures_for(session: Session, household_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, ExposureView]:
    """The exposure of just these households, by household id (deleted or unknown ids are left out).

    A read: one Core query (per 10,000 ids) reads each household's position beside its stored row; a row that
    is missing or was computed for another position is recomputed in memory, and nothing is written (the
    stored row is brought up to date by the next write: a move, an import, ``refresh_households``)."""
    h = cast(Table, Household.__table__)
    query = _exposure_query()
    ids = list(dict.fromkeys(household_ids))
    rows: list = []
    for start in range(0, len(ids), _READ_CHUNK):
        rows.extend(session.execute(query.where(h.c.id.in_(ids[start:start + _READ_CHUNK]))).all())
    return _exposure_views(session, rows, _kinds_in_use(session))


def exposure_columns() -> tuple[Table, list]:
    """The stored exposures' table and the columns ``exposures_of_rows`` reads from it, for a read that goes through
    the households anyway: it joins the table (outer, on ``household_id``) and selects these columns after the
    household's stored id, map number, lat and lon (Step II's list: app/watch/list_rows.py)."""
    e = _EXPOSURE
    return e, [e.c.lat, e.c.lon, e.c.flood_rank, e.c.flood_river, e.c.sediment_kind, e.c.sediment_class,
               e.c.storm_surge_rank, e.c.tsunami_rank, e.c.computed_at, e.c.storm_surge_text, e.c.tsunami_text]


def exposures_of_rows(session: Session, rows: Sequence, made: Callable[[str], uuid.UUID] | None = None
                      ) -> dict[uuid.UUID, ExposureView]:
    """``exposures_for`` of the households whose rows the caller read (one per household: the household's id as
    stored, map number, lat, lon, then ``exposure_columns()``); a missing or stale row is computed in memory.
    ``made`` gives the UUID of a stored key when the caller already made it (the concern list's households)."""
    return _exposure_views(session, rows, _kinds_in_use(session), made)


_ROW_COLUMNS = 15  # of ``_exposure_query``: id, number, lat, lon, then ``exposure_columns()``


def _exposure_query() -> Select:
    """Each live household's id (as stored), number and position beside its stored exposure row (``_ROW_COLUMNS``)."""
    h, (e, stored) = cast(Table, Household.__table__), exposure_columns()
    return (select(type_coerce(h.c.id, String), h.c.map_number, h.c.lat, h.c.lon, *stored)
            .select_from(h.outerjoin(e, e.c.household_id == h.c.id)).where(h.c.deleted_at.is_(None)))


def _exposure_views(session: Session, rows: Sequence, kinds: frozenset[HazardKind],
                    made: Callable[[str], uuid.UUID] | None = None) -> dict[uuid.UUID, ExposureView]:
    """Views of ``_exposure_query`` rows; a row missing or computed for another position is recomputed in memory.
    ``made``: the UUID of a stored key, when the caller has it already."""
    stale = [r for r in rows if r[12] is None or (r[4], r[5]) != (r[2], r[3])]  # no stored row, or moved since
    fresh: dict[str, tuple] = {}
    if stale:
        now = utcnow()
        for r, v in zip(stale, _computed(session, [(r[0], r[2], r[3]) for r in stale], kinds), strict=True):
            fresh[r[0]] = (*v[2:8], now, *v[8:])
    found = {}
    for r in rows:
        flood, river, kind, klass, surge, tsunami, at, surge_text, tsunami_text = fresh.get(r[0]) or r[6:_ROW_COLUMNS]
        # The key as the database holds it (hex text in SQLite; a UUID already from PostgreSQL's driver).
        household_id = r[0] if isinstance(r[0], uuid.UUID) else made(r[0]) if made is not None else uuid.UUID(r[0])
        found[household_id] = ExposureView(household_id, r[1], r[2] is not None and r[3] is not None, kinds, flood,
                                           river or "", kind, klass, surge, tsunami, at, surge_text or "",
                                           tsunami_text or "")
    return found


__all__ = ["DEPTH_RANKS", "ExposureView", "exposure_of", "exposures", "exposure_columns", "exposures_for", "exposures_of_rows", "hazards_at", "level_of_rank",
           "load_zones", "main_hazard", "refresh_all", "refresh_households", "refresh_town"]
