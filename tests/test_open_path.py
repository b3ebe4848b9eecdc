"""The open path (issue 17): the key derived once at unlock, the town's layer read in one pass.

What the user notices: a ledger opens with its passphrase (and only with it, the file untouched
otherwise), and the map shows every household with the same labels, categories and marks as the
ORM version (tests/test_mapquery.py), whatever order the categories were given in.
"""

from __future__ import annotations

import hashlib
from array import array

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households
from app.maps.query import HOUSEHOLD_KEYS, page_columns, town_features, town_layer
from app.models import engine
from app.models.engine import WrongPassphrase, open_ledger
from app.paths import ledger_path
from app.towns import towns
from tests.test_mapquery import edge_town, orm_features  # noqa: F401 - edge_town: a fixture

pytestmark = pytest.mark.timeout(120)

PASSPHRASE = "合言葉 open-path"


@pytest.fixture
def counted_connects(monkeypatch):
    """Every connection SQLCipher opens (each one keyed pays the key derivation, about 0.2 s)."""
    made: list[str] = []
    real = sqlcipher.connect

    def connect(database, *args, **kwargs):  # noqa: ANN001, ANN202
        made.append(str(database))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(engine.sqlcipher, "connect", connect)
    return made


def _made_ledger(tmp_path):
    path = ledger_path(tmp_path / "data")
    led = open_ledger(path, PASSPHRASE)
    with led.Session.begin() as s:
        t = towns.create_town(s, "味真野地区", "余川町")
        households.add_household(s, t.id, MapPoint(Crs.PIXEL, 1, 2), HouseholdFields(name="山田家"))
    led.close()
    return path


def test_opening_a_ledger_derives_its_key_once(tmp_path, counted_connects):
    path = _made_ledger(tmp_path)
    counted_connects.clear()
    led = open_ledger(path, PASSPHRASE)
    try:
        with led.Session() as s:
            assert [t.name for t in towns.list_towns(s)] == ["余川町"]
        # the connection that proved the passphrase is the one the ledger works with
        assert len(counted_connects) == 1
    finally:
        led.close()


def test_a_wrong_passphrase_is_refused_and_leaves_the_ledger_as_it_was(tmp_path):
    path = _made_ledger(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(WrongPassphrase):
        open_ledger(path, "違う合言葉")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert engine.side_files(path) == []  # not even a write-ahead log was made for it
    led = open_ledger(path, PASSPHRASE)
    try:
        with led.Session() as s:
            assert len(households.list_households(s, towns.list_towns(s)[0].id)) == 1
    finally:
        led.close()


def test_a_wrong_passphrase_while_the_ledger_is_open_elsewhere_changes_nothing(tmp_path):
    path = _made_ledger(tmp_path)
    first = open_ledger(path, PASSPHRASE)
    try:
        with first.Session.begin() as s:  # a change still in the write-ahead log
            households.add_household(s, towns.list_towns(s)[0].id, None, HouseholdFields(name="未配置の家"))
        with pytest.raises(WrongPassphrase):
            open_ledger(path, "違う合言葉")
        second = open_ledger(path, PASSPHRASE)
        try:
            with second.Session() as s:
                names = sorted(h.name for h in households.list_households(s, towns.list_towns(s)[0].id))
            assert names == ["山田家", "未配置の家"]
        finally:
            second.close()
    finally:
        first.close()


@pytest.fixture
def category_town(ledger, town):
    """Households sharing category sets given in different orders, one whose categories changed, another town."""
    with ledger.Session.begin() as s:
        codes = [c.code for c in households.list_categories(s)]
        assert len(codes) >= 4
        a, b, c, d = codes[-1], codes[0], codes[1], codes[2]
        households.add_household(s, town.id, MapPoint(Crs.PIXEL, 1, 1), HouseholdFields(name="一", category_codes=(a, b)))
        households.add_household(s, town.id, MapPoint(Crs.PIXEL, 2, 2), HouseholdFields(name="二", category_codes=(b, a)))
        h = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 3, 3),
                                     HouseholdFields(name="三", category_codes=(c, d, a)))
        households.edit_household(s, h.id, HouseholdFields(name="三", category_codes=(d,)))
        unnamed = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 4, 4),
                                           HouseholdFields(address="余川町4-4", category_codes=(c, b)))
        households.add_person(s, unnamed.id, PersonFields(name="先の人"))
        households.add_person(s, unnamed.id, PersonFields(name="後の人"))
        households.add_household(s, town.id, MapPoint(Crs.PIXEL, 5, 5), HouseholdFields(name="五"))
        other = towns.create_town(s, "味真野地区", "別の町")
        households.add_household(s, other.id, MapPoint(Crs.PIXEL, 1, 1), HouseholdFields(name="よそ", category_codes=(a, c)))
        gone = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 6, 6), HouseholdFields(name="消えた", category_codes=(b,)))
        households.delete_household(s, gone.id)
    return town


@pytest.mark.parametrize("crs", [Crs.PIXEL, Crs.GEO])
def test_categories_read_in_one_pass_match_the_orm_version(ledger, category_town, crs):
    with ledger.Session() as s:
        assert town_features(s, category_town.id, crs) == orm_features(s, category_town.id, crs)


def test_households_with_the_same_categories_show_them_in_the_same_order(ledger, category_town):
    with ledger.Session() as s:
        by_label = {f["properties"]["label"]: f["properties"] for f in town_features(s, category_town.id, Crs.PIXEL)["features"]}
        priority = {c.code: c.priority for c in households.list_categories(s)}
    assert by_label["一"]["categories"] == by_label["二"]["categories"]
    assert len(by_label["一"]["categories"]) == 2
    assert [priority[c] for c in by_label["一"]["categories"]] == sorted(priority[c] for c in by_label["一"]["categories"])
    assert len(by_label["三"]["categories"]) == 1  # the categories taken away are gone from the map
    assert by_label["五"]["categories"] == []
    assert "先の人" in by_label and "消えた" not in by_label and "よそ" not in by_label


def _read_as_the_page_does(columns):
    """Rows back from PageColumns' message, read as households.js reads it (typed arrays, UTF-16 texts and ends)."""
    def part(name, code=None):
        at, size = columns.parts[name]
        raw = columns.data[at:at + size]
        return raw if code is None else array(code, raw)
    n, ids = columns.count, part("ids").decode("ascii")
    xy, numbers, sets, flags = part("xy", "d"), part("mapNumber", "i"), part("catSet", "H"), part("flags")

    def texts(name, ends_name):
        units, ends, out, start = part(name), part(ends_name, "I"), [], 0
        for end in ends:
            out.append(units[2 * start:2 * end].decode("utf-16-le"))
            start = end
        return out
    labels, addresses = texts("labels", "labelEnds"), texts("addresses", "addressEnds")
    assert ids == columns.ids and all(at % 8 == 0 for at, _ in columns.parts.values())
    return [[ids[36 * i:36 * i + 36], xy[2 * i], xy[2 * i + 1], numbers[i], labels[i], addresses[i],
             columns.cat_sets[sets[i]], bool(flags[i] & 1), bool(flags[i] & 2)] for i in range(n)]


def test_the_page_columns_read_back_as_the_rows_they_were_made_from(ledger, category_town):
    with ledger.Session() as s:
        rows = town_layer(s, category_town.id, Crs.PIXEL).households
    # texts beyond the BMP (a UTF-16 pair each), a byte order mark at the start, markup, the ends of the ranges
    tricky = [["00000000-0000-0000-0000-000000000000", -0.0, 1e-300, -2147483648, "\ufeff𠮷野家", "", ["b", "a"], 1, 1],
              *rows,
              ["ffffffff-ffff-ffff-ffff-ffffffffffff", 1.5, -2.25, 2147483647, "<b>", "&😀\u0000x", [], 0, 1]]
    expected = [[*row[:6], list(row[6]), bool(row[7]), bool(row[8])] for row in tricky]
    assert _read_as_the_page_does(page_columns(tricky)) == expected
    assert _read_as_the_page_does(page_columns(rows)) == expected[1:-1]
    assert page_columns([]).count == 0 and _read_as_the_page_does(page_columns([])) == []


@pytest.mark.parametrize("crs", [Crs.PIXEL, Crs.GEO])
def test_the_page_gets_from_the_read_what_the_rows_give(ledger, edge_town, crs):
    """GIVEN households of every awkward kind (no name, categories out of order, concern by person or category,
    markup, another town's, deleted ones) WHEN the open sends the town's layer (its columns made straight from the
    read, no row made) THEN the page reads back exactly the ORM version's households, byte for byte what the
    rows would have sent."""
    with ledger.Session() as s:
        layer = town_layer(s, edge_town.id, crs)
        expected = [f for f in orm_features(s, edge_town.id, crs)["features"] if f["properties"]["layer"] == "household"]
    sent = layer.for_page()["households"]
    assert _read_as_the_page_does(sent) == [
        [f["id"], *f["geometry"]["coordinates"], *(f["properties"][k] for k in HOUSEHOLD_KEYS)] for f in expected]
    assert sent == page_columns(layer.households) and sent.count == len(expected) > 0
