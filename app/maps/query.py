"""The map layer of a whole town straight from SQL: the same GeoJSON as ``mapdata.feature_collection``.

Built with five lean Core queries (categories; every household's category links; households with their
label; the households with someone of concern, through the index on ``of_concern``; places), read off the
driver's cursor with no ORM objects nor row objects, so a city-sized ledger of 50,000 households loads in a
fraction of a second. ``tests/test_mapquery.py`` keeps it identical to the ORM version.
"""

from __future__ import annotations

import json
import sys
import uuid
from array import array
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from sqlalchemy import Connection, String, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.views import Crs
from app.models import GatheringPlace, Household, HouseholdCategory, Person
from app.models.entities import household_category_link
from app.privacy.masking import anonymous_rows


def _dashed(column: Any) -> Any:
    """SQL for a UUID column as str(uuid.UUID) writes it (the column holds 32 lower-case hex digits)."""
    hex32 = type_coerce(column, String)
    parts = [func.substr(hex32, start, length) for start, length in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))]
    return func.printf("%s-%s-%s-%s-%s", *parts)



def _columns(model: type, crs: Crs) -> tuple[Any, Any]:
    """The (x, y) columns of ``model`` for this kind of map."""
    return (model.lon, model.lat) if crs is Crs.GEO else (model.map_x, model.map_y)


# A household on the page: the Feature's id and coordinates, then these properties in this order.
HOUSEHOLD_KEYS = ("mapNumber", "label", "address", "categories", "ofConcern", "approximate")
_FIRST_KEY = 3  # a row is [id, x, y, *HOUSEHOLD_KEYS values]


@dataclass
class TownLayer:
    """A town's map layer, compact: one short list per household instead of a GeoJSON Feature.

    A city-sized town is sent to the page (and held in memory) this way; ``feature_collection``
    gives the same GeoJSON as ``mapdata.feature_collection`` for everything else.
    """

    households: list[list[Any]]  # [id, x, y, *HOUSEHOLD_KEYS values], map-number order
    places: list[dict[str, Any]] = field(default_factory=list)  # GeoJSON Features, name order
    # members_later: (feature id, 32 hex digits) of each household labelled by its address for now
    unnamed: list[tuple[str, str]] = field(default_factory=list)

    def feature_collection(self) -> dict[str, Any]:
        features = [{
            "type": "Feature",
            "id": row[0],
            "geometry": {"type": "Point", "coordinates": [row[1], row[2]]},
            "properties": {"layer": "household", **dict(zip(HOUSEHOLD_KEYS, row[_FIRST_KEY:], strict=True))},
        } for row in self.households]
        return {"type": "FeatureCollection", "features": features + self.places}

    def for_page(self, start: int = 0, stop: int | None = None) -> dict[str, Any]:
        """What ``sasaeai.setFeatures`` reads: households ``start:stop`` as columns, and the places as Features."""
        return {"type": "FeatureCollection", "households": page_columns(self.households[start:stop]),
                "features": self.places}

    def anonymous(self) -> TownLayer:
        """Map numbers only (projector, community prints): what ``masking.anonymous_feature`` leaves of each."""
        return TownLayer(anonymous_rows(self.households, HOUSEHOLD_KEYS, _FIRST_KEY), self.places)


def _le(values: array) -> bytes:
    if values.itemsize > 1 and sys.byteorder != "little":
        values.byteswap()  # the page's typed arrays are little-endian on every machine the app runs on
    return values.tobytes()


def _text_column(texts: list[str]) -> tuple[bytes, array]:
    """Texts as one UTF-16 string (what a page's string is) and where each ends, in UTF-16 code units."""
    joined = "".join(texts)
    encoded = joined.encode("utf-16-le")
    if len(encoded) == 2 * len(joined):  # no character beyond the BMP: a code unit per character
        ends = array("I", accumulate(map(len, texts)))
    else:
        ends = array("I", accumulate(len(t.encode("utf-16-le")) // 2 for t in texts))
    return encoded, ends


# The parts of PageColumns.data, in this order; each starts on a multiple of 8 bytes (a typed array's alignment).
PAGE_PARTS = ("xy", "mapNumber", "catSet", "flags", "ids", "labelEnds", "addressEnds", "labels", "addresses")


@dataclass(frozen=True)
class PageColumns:
    """Compact household rows as the page holds them, in one binary message (``sasaeai.setFeatures``).

    ``data``: the ``PAGE_PARTS`` one after the other, little-endian: ``xy`` Float64 (x, y) pairs, exactly the
    ledger's values; ``mapNumber`` Int32; ``catSet`` Uint16 index into ``cat_sets`` (the distinct category
    lists, a town has few); ``flags`` Uint8 (1 of concern, 2 approximate); ``ids`` every id in ASCII, 36 bytes
    each; ``labelEnds``/``addressEnds`` Uint32, where each text ends in ``labels``/``addresses`` (UTF-16).
    ``parts``: name -> (byte offset, byte length) in ``data``.
    """

    count: int
    ids: str
    cat_sets: list[list[str]]
    data: bytes
    parts: dict[str, tuple[int, int]]

    def header(self) -> dict[str, Any]:
        """What the page needs to read ``data``: sent beside it as JSON."""
        return {"count": self.count, "catSets": self.cat_sets, "parts": self.parts}


def page_columns(rows: list[list[Any]]) -> PageColumns:
    """Compact household rows (``TownLayer.households``) as the page holds them: see :class:`PageColumns`."""
    # One comprehension per column (not an append per value): a city's 50,000 rows in a few milliseconds.
    xy = array("d", [v for row in rows for v in (row[1], row[2])])
    numbers = array("i", [row[3] for row in rows])
    index: dict[tuple[str, ...], int] = {}
    set_of = array("H", [index.setdefault(tuple(row[6]) if row[6] else (), len(index)) for row in rows])
    flags = bytes([(1 if row[7] else 0) | (2 if row[8] else 0) for row in rows])
    ids = "".join([str(row[0]) for row in rows])
    if len(ids) != 36 * len(rows) or not ids.isascii():
        raise ValueError("household ids must be UUIDs as str(uuid.UUID) writes them")
    labels, label_ends = _text_column([row[4] for row in rows])
    addresses, address_ends = _text_column([row[5] for row in rows])
    blobs = (_le(xy), _le(numbers), _le(set_of), flags, ids.encode("ascii"), _le(label_ends), _le(address_ends),
             labels, addresses)
    parts: dict[str, tuple[int, int]] = {}
    chunks: list[bytes] = []
    at = 0
    for name, blob in zip(PAGE_PARTS, blobs, strict=True):
        parts[name] = (at, len(blob))
        pad = -len(blob) % 8
        chunks += (blob, bytes(pad))
        at += len(blob) + pad
    return PageColumns(len(rows), ids, [list(codes) for codes in index], b"".join(chunks), parts)


def town_features(session: Session, town_id: uuid.UUID, crs: Crs) -> dict[str, Any]:
    """The town's households (map-number order) and gathering places (name order) placed on a ``crs`` map."""
    return town_layer(session, town_id, crs).feature_collection()


def town_layer(session: Session, town_id: uuid.UUID, crs: Crs, *, members_later: bool = False) -> TownLayer:
    """``town_features`` in its compact form (what the window sends to the page).

    ``members_later``: an unnamed household is labelled with its address for now (and listed in
    ``unnamed``); ``member_labels`` gives those whose label is their first member's name instead (the window
    sends them once the map is drawn: at 150,000 households that lookup is a quarter of the layer's SQL).
    Both together give the same labels as without it.
    """
    with no_gc_pauses():
        return _town_layer(session.connection(), town_id, crs, members_later=members_later)


def _placed(crs: Crs, town_id: uuid.UUID) -> Any:
    hx, hy = _columns(Household, crs)
    return and_(Household.town_id == town_id, Household.deleted_at.is_(None), hx.isnot(None), hy.isnot(None))


def _first_member(of_household: Any = None) -> Any:
    """The name of a household's first member (by sort order, then name): one index lookup. ``of_household``:
    which household (default: the household row of the enclosing query)."""
    return (
        select(Person.name)
        .where(Person.household_id == Household.id if of_household is None else of_household,
               Person.deleted_at.is_(None))
        .order_by(Person.sort_order, Person.name)
        .limit(1)
        .scalar_subquery()
    )


def member_labels(session: Session, unnamed: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(feature ids, labels) of the households of ``TownLayer.unnamed`` whose first live member has a name:
    what ``town_layer(..., members_later=True)`` left as the address.

    The ids go to SQLite as one JSON array and each is looked up in ix_person_household_first alone (the
    household table is not read again): 15,000 labels in 0.04–0.15 s of CPU, off the UI thread.
    """
    if not unnamed:
        return [], []
    feature_id = dict((hid, fid) for fid, hid in unnamed)
    wanted = func.json_each(json.dumps(list(feature_id))).table_valued("value")
    first = _first_member(type_coerce(Person.household_id, String) == wanted.c.value)
    rows = _raw_rows(session.connection(), select(wanted.c.value, first).select_from(wanted))
    pairs = [(feature_id[hid], name) for hid, name in rows if name is not None]
    return [fid for fid, _ in pairs], [name for _, name in pairs]


def _raw_rows(conn: Connection, statement: Any) -> list[tuple[Any, ...]]:
    """The rows of a Core ``statement`` as the driver gives them (tuples), for columns that need no
    conversion on the way out (text, numbers; a boolean comes as 0 or 1)."""
    result = conn.execute(statement)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def _town_layer(conn: Connection, town_id: uuid.UUID, crs: Crs, *, members_later: bool = False) -> TownLayer:
    hx, hy = _columns(Household, crs)
    placed = _placed(crs, town_id)

    categories = conn.execute(select(type_coerce(HouseholdCategory.id, String), HouseholdCategory.code,
                                     HouseholdCategory.priority)).all()
    code_of = {cid: code for cid, code, _ in categories}
    priority = {code: rank for _, code, rank in categories}
    # Every household's category codes in one read of the link table (the whole ledger's: a few
    # thousand rows), grouped here, rather than a lookup per household.
    ids_of: dict[str, list[str]] = {}
    for hid, cid in _raw_rows(conn, select(type_coerce(household_category_link.c.household_id, String),
                                           type_coerce(household_category_link.c.category_id, String))):
        ids_of.setdefault(hid, []).append(cid)
    # The label of a household without a name is its first member's (by sort order, then name), else its
    # address: one index lookup per unnamed household, not a read of every member of the town.
    # (members_later: the address for now, ``member_labels`` later.)
    label = case((func.coalesce(Household.name, "") != "", Household.name),
                 else_=Household.address if members_later else func.coalesce(_first_member(), Household.address))
    # Straight off the driver's cursor: plain tuples, no row objects for 50,000 households.
    homes = _raw_rows(conn, (
        select(_dashed(Household.id), type_coerce(Household.id, String), Household.map_number, label,
               Household.address, hx, hy, Household.position_approximate,
               func.coalesce(Household.name, "") == "")
        .where(placed)
        .order_by(Household.map_number)
    ))
    # The households with someone of concern, through ix_person_of_concern (a few thousand rows of any town).
    concern = {hid for (hid,) in _raw_rows(conn, (
        select(type_coerce(Person.household_id, String))
        .where(Person.of_concern.is_(True), Person.deleted_at.is_(None))
        .distinct()
    ))}
    # A town has few distinct category sets: each is sorted (by priority, then code) once.
    by_ids: dict[frozenset[str], list[str]] = {}
    cats_of: dict[str, list[str]] = {}
    for hid, cids in ids_of.items():
        key = frozenset(cids)
        if (cats := by_ids.get(key)) is None:
            cats = by_ids[key] = sorted((code_of[c] for c in key), key=lambda c: (priority[c], c))
        cats_of[hid] = cats
    no_cats: list[str] = []

    geo = crs is Crs.GEO
    rows: list[list[Any]] = [
        [feature_id, x, y, number, name, address, list(cats := cats_of.get(hid, no_cats)),
         "of_concern" in cats or hid in concern, bool(approximate) and geo]
        for feature_id, hid, number, name, address, x, y, approximate, _unnamed in homes
    ]
    unnamed = [(row[0], row[1]) for row in homes if row[8]] if members_later else []

    px, py = _columns(GatheringPlace, crs)
    places = [{
        "type": "Feature",
        "id": pid,
        "geometry": {"type": "Point", "coordinates": [x, y]},
        "properties": {"layer": "place", "label": name, "kind": kind, "schedule": schedule},
    } for pid, name, kind, schedule, x, y in conn.execute(
        select(_dashed(GatheringPlace.id), GatheringPlace.name, type_coerce(GatheringPlace.kind, String),
               GatheringPlace.schedule, px, py)
        .where(GatheringPlace.town_id == town_id, GatheringPlace.deleted_at.is_(None), px.isnot(None), py.isnot(None))
        .order_by(GatheringPlace.name)
    )]
    return TownLayer(rows, places, unnamed)
