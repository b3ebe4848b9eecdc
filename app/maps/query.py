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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, and_, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.views import Crs
from app.households.households import first_member_name
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
class _Homes:
    """A town's households as read (the cursor's tuples and what was looked up for them), before any row is made:
    the page's columns are made from these directly, the rows only when something asks for them."""

    homes: list[tuple[Any, ...]]  # (feature id, 32 hex digits, map number, label, address, x, y, approximate, unnamed)
    cats_of: dict[str, list[str]]  # 32 hex digits -> category codes (priority order); none: no categories
    concern: set[str]  # 32 hex digits of the households with someone of concern
    geo: bool

    def rows(self) -> list[list[Any]]:
        no_cats: list[str] = []
        cats_of, concern, geo = self.cats_of, self.concern, self.geo
        return [[feature_id, x, y, number, name, address, list(cats := cats_of.get(hid, no_cats)),
                 "of_concern" in cats or hid in concern, bool(approximate) and geo]
                for feature_id, hid, number, name, address, x, y, approximate, _unnamed in self.homes]

    def columns(self) -> PageColumns:
        """``page_columns(self.rows())`` with no row made: a column at a time from the cursor's tuples (at 150,000
        households the rows were a quarter of the read)."""
        if not self.homes:
            return page_columns([])
        fids, hids, numbers, labels, addresses, xs, ys, approximate = _transposed(self.homes, 8)
        cats = {hid: tuple(codes) for hid, codes in self.cats_of.items()}
        concerned = self.concern.union(hid for hid, codes in cats.items() if "of_concern" in codes)
        return _pack(fids, xs, ys, numbers, [cats.get(hid, ()) for hid in hids],
                     [hid in concerned for hid in hids], approximate if self.geo else repeat(False, len(hids)),
                     labels, addresses)


@dataclass
class TownLayer:
    """A town's map layer, compact: one short list per household instead of a GeoJSON Feature.

    A city-sized town is sent to the page (and held in memory) this way; ``feature_collection``
    gives the same GeoJSON as ``mapdata.feature_collection`` for everything else.
    """

    _households: list[list[Any]] | _Homes  # [id, x, y, *HOUSEHOLD_KEYS values], map-number order (or not made yet)
    places: list[dict[str, Any]] = field(default_factory=list)  # GeoJSON Features, name order
    # members_later: (feature id, 32 hex digits) of each household labelled by its address for now
    unnamed: list[tuple[str, str]] = field(default_factory=list)
    _rows: list[list[Any]] | None = field(default=None, repr=False)

    @property
    def households(self) -> list[list[Any]]:
        """[id, x, y, *HOUSEHOLD_KEYS values] per household, map-number order (made when first asked for)."""
        if self._rows is None:
            homes = self._households
            self._rows = homes.rows() if isinstance(homes, _Homes) else homes
        return self._rows

    def keys(self) -> tuple[list[str], list[str]]:
        """(feature ids, 32 hex digits) of the households as read (``town_layer``), map-number order."""
        if not isinstance(self._households, _Homes):
            raise ValueError("only a layer as read has its households' keys")
        fids, hids = _transposed(self._households.homes, 2)
        return fids, hids

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
        with no_gc_pauses():  # lists of 150,000 values, none of them in a cycle
            if isinstance(self._households, _Homes) and self._rows is None and (start, stop) == (0, None):
                columns = self._households.columns()  # the whole town straight from the read
            else:
                columns = page_columns(self.households[start:stop])
        return {"type": "FeatureCollection", "households": columns, "features": self.places}

    def anonymous(self) -> TownLayer:
        """Map numbers only (projector, community prints): what ``masking.anonymous_feature`` leaves of each."""
        return TownLayer(anonymous_rows(self.households, HOUSEHOLD_KEYS, _FIRST_KEY), self.places)


def _le(values: array) -> bytes:
    if values.itemsize > 1 and sys.byteorder != "little":
        values.byteswap()  # the page's typed arrays are little-endian on every machine the app runs on
    return values.tobytes()


def _text_column(texts: Sequence[str]) -> tuple[bytes, array]:
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
    if not rows:
        return _pack((), (), (), (), (), (), (), (), ())
    fids, xs, ys, numbers, labels, addresses, cats, concern, approximate = _transposed(rows, 9)
    return _pack(fids, xs, ys, numbers, [tuple(codes) for codes in cats], concern, approximate, labels, addresses)


def _transposed(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    """The first ``width`` columns of ``rows``, a list each (``zip(*rows)`` takes twice as long on 150,000 rows)."""
    return [list(map(itemgetter(k), rows)) for k in range(width)]


def _pack(fids: Sequence[Any], xs: Sequence[float], ys: Sequence[float], numbers: Sequence[int],
          cat_sets: Iterable[tuple[str, ...]], concern: Iterable[Any], approximate: Iterable[Any],
          labels: Sequence[str], addresses: Sequence[str]) -> PageColumns:
    """The households' columns (one sequence per field, map-number order) as :class:`PageColumns`: each column in
    one C-level pass or one comprehension, no append per value (a city's 150,000 households in a few tens of ms)."""
    count = len(fids)
    xy = array("d", bytes(16 * count))
    xy[0::2], xy[1::2] = array("d", xs), array("d", ys)
    index: dict[tuple[str, ...], int] = {}
    set_of = array("H", [index.setdefault(codes, len(index)) for codes in cat_sets])
    flags = bytes([(1 if c else 0) | (2 if a else 0) for c, a in zip(concern, approximate)])
    ids = "".join(map(str, fids))
    if len(ids) != 36 * count or not ids.isascii():
        raise ValueError("household ids must be UUIDs as str(uuid.UUID) writes them")
    labels_utf16, label_ends = _text_column(labels)
    addresses_utf16, address_ends = _text_column(addresses)
    data, parts = _packed(PAGE_PARTS, (_le(xy), _le(array("i", numbers)), _le(set_of), flags, ids.encode("ascii"),
                                       _le(label_ends), _le(address_ends), labels_utf16, addresses_utf16))
    return PageColumns(count, ids, [list(codes) for codes in index], data, parts)


def _packed(names: Sequence[str], blobs: Sequence[bytes]) -> tuple[bytes, dict[str, tuple[int, int]]]:
    """The blobs one after the other, each from a multiple of 8 bytes (a typed array's alignment), and
    name -> (byte offset, byte length) of each."""
    parts: dict[str, tuple[int, int]] = {}
    chunks: list[bytes] = []
    at = 0
    for name, blob in zip(names, blobs, strict=True):
        parts[name] = (at, len(blob))
        pad = -len(blob) % 8
        chunks += (blob, bytes(pad))
        at += len(blob) + pad
    return b"".join(chunks), parts


def town_features(session: Session, town_id: uuid.UUID, crs: Crs) -> dict[str, Any]:
    """The town's households (map-number order) and gathering places (name order) placed on a ``crs`` map."""
    return town_layer(session, town_id, crs).feature_collection()


def town_layer(session: Session, town_id: uuid.UUID, crs: Crs, *, members_later: bool = False,
               texts_later: bool = False) -> TownLayer:
    """``town_features`` in its compact form (what the window sends to the page).

    ``members_later``: an unnamed household is labelled with its address for now (and listed in
    ``unnamed``); ``member_labels`` gives those whose label is their first member's name instead (the window
    sends them once the map is drawn: at 150,000 households that lookup is a quarter of the layer's SQL).
    Both together give the same labels as without it.
    ``texts_later``: every label and address is empty, ``layer_texts`` gives them (with ``unnamed``, as
    ``members_later`` does): nothing drawn shows them, and at 150,000 households they are a quarter of the
    read and half of the page's message.
    """
    with no_gc_pauses():
        return _town_layer(session.connection(), town_id, crs, members_later=members_later, texts_later=texts_later)


@dataclass(frozen=True)
class PageTexts:
    """The labels and addresses of the households of a layer sent with ``texts_later`` (``sasaeai.setTexts``), in
    its order: ``data`` holds ``labelEnds``, ``addressEnds``, ``labels`` and ``addresses`` as in
    :class:`PageColumns`. ``unnamed``: as ``TownLayer.unnamed`` with ``members_later``."""

    count: int
    data: bytes
    parts: dict[str, tuple[int, int]]
    unnamed: list[tuple[str, str]]

    def header(self) -> dict[str, Any]:
        """What the page needs to read ``data``: sent beside it as JSON."""
        return {"count": self.count, "parts": self.parts}


def layer_texts(session: Session, town_id: uuid.UUID, crs: Crs, layer: TownLayer) -> PageTexts:
    """The labels (a name, else the address: see ``members_later``) and addresses of ``layer``'s households, read
    after it (the window sends them once the households are drawn). A household changed meanwhile is matched
    by its id: the texts are always in the layer's order; one no longer in the town has empty texts (the page
    got or gets its edit on its own)."""
    fids, hids = layer.keys()
    label = case((func.coalesce(Household.name, "") != "", Household.name), else_=Household.address)
    with no_gc_pauses():
        rows = _raw_rows(session.connection(), (
            select(type_coerce(Household.id, String), label, Household.address, func.coalesce(Household.name, "") == "")
            .where(_placed(crs, town_id))
            .order_by(Household.map_number)
        ))
        now, labels, addresses, unnamed = _transposed(rows, 4)
        if now != hids:
            at = {hid: i for i, hid in enumerate(now)}
            pick = [at.get(hid) for hid in hids]
            labels, addresses, unnamed = ([column[i] if i is not None else blank for i in pick]
                                          for column, blank in ((labels, ""), (addresses, ""), (unnamed, False)))
        label_units, label_ends = _text_column(labels)
        address_units, address_ends = _text_column(addresses)
        data, parts = _packed(PAGE_PARTS[5:], (_le(label_ends), _le(address_ends), label_units, address_units))
        return PageTexts(len(hids), data, parts, [(fids[i], hids[i]) for i, flag in enumerate(unnamed) if flag])


def _placed(crs: Crs, town_id: uuid.UUID) -> Any:
    hx, hy = _columns(Household, crs)
    return and_(Household.town_id == town_id, Household.deleted_at.is_(None), hx.isnot(None), hy.isnot(None))


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
    first = first_member_name(type_coerce(Person.household_id, String) == wanted.c.value)
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


def _town_layer(conn: Connection, town_id: uuid.UUID, crs: Crs, *, members_later: bool = False,
                texts_later: bool = False) -> TownLayer:
    hx, hy = _columns(Household, crs)
    placed = _placed(crs, town_id)

    categories = conn.execute(select(type_coerce(HouseholdCategory.id, String), HouseholdCategory.code,
                                     HouseholdCategory.priority)).all()
    code_of = {cid: code for cid, code, _ in categories}
    priority = {code: rank for _, code, rank in categories}
    # Every household's category codes in one read of the link table (the whole ledger's: 84,000 rows in the
    # bench's city of 150,000, 0.17 s), grouped here: a lookup per household, or grouping in SQL, was no faster.
    ids_of: dict[str, list[str]] = {}
    for hid, cid in _raw_rows(conn, select(type_coerce(household_category_link.c.household_id, String),
                                           type_coerce(household_category_link.c.category_id, String))):
        ids_of.setdefault(hid, []).append(cid)
    # The label of a household without a name is its first member's (by sort order, then name), else its
    # address: one index lookup per unnamed household, not a read of every member of the town.
    # (members_later: the address for now, ``member_labels`` later.)
    label = case((func.coalesce(Household.name, "") != "", Household.name),
                 else_=Household.address if members_later else func.coalesce(first_member_name(), Household.address))
    address = Household.address
    if texts_later:  # (layer_texts)
        label = address = literal("")
    # Straight off the driver's cursor: plain tuples, no row objects for 50,000 households.
    homes = _raw_rows(conn, (
        select(_dashed(Household.id), type_coerce(Household.id, String), Household.map_number, label,
               address, hx, hy, Household.position_approximate,
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
    unnamed = [(row[0], row[1]) for row in homes if row[8]] if members_later and not texts_later else []

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
    return TownLayer(_Homes(homes, cats_of, concern, crs is Crs.GEO), places, unnamed)
