"""Reference layers from the real Echizen files: every row imported or reported, credit kept, bad files refused."""

from __future__ import annotations

import pytest

from app.core.errors import LedgerError
from app.emergency import cards as emergency
from app.models.emergency import ReferenceKind
from app.towns.reference_layers import GSI_CREDIT, Severity, import_layer, read_layer
from tests.emergency_fixtures import ECHIZEN

REAL = [
    ("hinanjo.csv", ReferenceKind.SHELTER, 28),
    ("gsi_evacuation_shiteihinanjo.geojson", ReferenceKind.DESIGNATED_SHELTER, 28),
    ("gsi_emergency_shiteikinkyu.geojson", ReferenceKind.SHELTER, 108),
    ("kominkan_from_aed.csv", ReferenceKind.COMMUNITY_HALL, 17),
    ("iryokikan.csv", ReferenceKind.CLINIC, 77),
]


@pytest.mark.parametrize(("name", "kind", "rows"), REAL)
def test_every_real_file_imports_every_row_with_its_credit(ledger, name, kind, rows):
    with ledger.Session.begin() as s:
        preview = import_layer(s, ECHIZEN / name)
    with ledger.Session.begin() as s:
        features = emergency.list_reference_features(s, [kind])
        credits = emergency.reference_credits(s)
    assert len(features) == rows  # none silently dropped
    assert all(f.credit for f in features) and credits[kind]
    assert not [p for p in preview.problems if p.severity == Severity.SKIPPED]


def test_hinanjo_bom_crlf_lon_typo_and_double_district_are_reported_row_by_row(ledger):
    preview = read_layer(ECHIZEN / "hinanjo.csv")
    assert preview.features[0]["name"] == "武生東小学校"  # the BOM did not stick to the first header
    assert all("\r" not in f["address"] for f in preview.features)  # nor CRLF to the last column
    by_row = {(p.row, p.column): p for p in preview.problems}
    lon = by_row[(13, "lon")]
    assert lon.severity == Severity.PARTIAL and "169.183412" in lon.message() and "hinanjo.csv, row 13" in lon.message()
    assert "国高地区地区" in by_row[(13, "echizen_city_area")].message()
    row13 = next(f for f in preview.features if f["source_row"] == 13)
    assert row13["name"] == "瓜生水と緑公園体育館" and row13["lat"] is None and row13["district"] == "国高"
    # 「東地区」 here and 「東」 in the community-hall file end up as one spelling.
    halls = read_layer(ECHIZEN / "kominkan_from_aed.csv")
    assert {f["district"] for f in preview.features} <= {f["district"] for f in halls.features} | {"北新庄"}
    assert any(p.row is None and "地区" in p.message() for p in preview.problems)


def test_repeated_rows_are_kept_once_and_named(tmp_path):
    preview = read_layer(ECHIZEN / "aed.csv", "community_hall", "越前市オープンデータ")
    repeats = [p for p in preview.problems if "Repeats row" in p.message()]
    assert [p.row for p in repeats] == [3, 62, 95]
    assert len(preview.features) == 108 - 3


def test_reimport_replaces_the_layer_and_the_credit_travels_with_it(ledger):
    with ledger.Session.begin() as s:
        import_layer(s, ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson")
        import_layer(s, ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson")
    with ledger.Session.begin() as s:
        features = emergency.list_reference_features(s, ["designated_shelter"])
    assert len(features) == 28 and {f.credit for f in features} == {GSI_CREDIT}
    assert {f.source for f in features} == {"gsi_evacuation_shiteihinanjo.geojson"}


def test_a_file_without_a_name_column_says_where_and_changes_nothing(ledger, tmp_path):
    bad = tmp_path / "shelters.csv"
    bad.write_text("住所,緯度,経度\r\n越前市府中1-1,35.9,136.1\r\n", encoding="utf-8-sig")
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        import_layer(s, bad, "shelter", "test")
    assert "shelters.csv, row 1" in str(err.value)
    broken = tmp_path / "shelters.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        import_layer(s, broken, "shelter", "test")
    assert "shelters.geojson" in str(err.value)
    with ledger.Session.begin() as s:
        assert emergency.list_reference_features(s) == []


def test_an_unknown_file_needs_a_kind_and_warns_when_it_has_no_credit(tmp_path):
    own = tmp_path / "our_halls.csv"
    own.write_text("名称,住所,緯度,経度\n白山公民館,越前市白山町1,35.9,136.1\n", encoding="utf-8")
    with pytest.raises(LedgerError):
        read_layer(own)
    preview = read_layer(own, "community_hall")
    assert len(preview.features) == 1 and preview.features[0]["lat"] == 35.9
    assert any("credit" in p.message() for p in preview.problems)
