"""The 大字・町丁目 reference table that gives imported households an approximate position."""

from __future__ import annotations

import pytest

from app.core.errors import LedgerError
from app.towns.addresses import AddressTable
from tests.conftest import DATA

OAZA = DATA / "echizen" / "oaza_chome_isj2019.csv"


@pytest.fixture(scope="module")
def table():
    return AddressTable.from_isj_csv(OAZA)


@pytest.mark.parametrize(
    ("address", "chome"),
    [
        ("府中一丁目１３－７", "府中一丁目"),  # as aed.csv writes it: no city, full-width digits
        ("越前市府中1丁目13-7", "府中一丁目"),
        ("福井県越前市国府２丁目9-12", "国府二丁目"),
        ("粟田部町中央一丁目3", "粟田部町中央一丁目"),  # the longer name wins over 粟田部町
        ("粟田部町45", "粟田部町"),
    ],
)
def test_addresses_find_their_chome_with_or_without_city_and_in_any_width(table, address, chome):
    assert table.locate(address).name == chome


def test_unknown_places_get_no_position(table):
    assert table.locate("東京都千代田区1-1") is None and table.locate("") is None


def test_a_file_that_is_not_the_table_is_refused(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="address reference table"):
        AddressTable.from_isj_csv(bad)
