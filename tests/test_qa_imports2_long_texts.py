"""A shelter list's name (address, phone, 地区) longer than the ledger keeps is imported cut, and the preview says
so at its file, row (or feature) and column: nothing is cut silently."""

from __future__ import annotations

import json

from app.emergency import cards as emergency
from app.models.emergency import ReferenceKind
from app.towns.reference_layers import Severity, import_layer, read_layer

LONG_NAME = "越前市立武生東小学校体育館" + "の第二避難棟" * 40  # 253 characters, an official list's long name


def _stored(ledger) -> list:
    with ledger.Session.begin() as s:
        return emergency.list_reference_features(s, [ReferenceKind.SHELTER])


def test_a_long_name_in_a_csv_is_imported_cut_and_reported_at_its_row_and_column(ledger, tmp_path):
    path = tmp_path / "shelters.csv"
    path.write_text(f"名称,住所,電話番号,緯度,経度\n"
                    f"短い避難所,越前市府中1-1,0778-22-0001,35.90,136.17\n"
                    f"{LONG_NAME},越前市府中2-2,{'0' * 60},35.91,136.18\n", encoding="utf-8")
    with ledger.Session.begin() as s:
        preview = import_layer(s, path, "shelter", "越前市")
    cut = {(p.row, p.column): p for p in preview.problems if p.severity == Severity.FIXED}
    assert set(cut) == {(3, "名称"), (3, "電話番号")}
    assert cut[(3, "名称")].line() == (
        "fixed: shelters.csv, row 3, column 名称: 253 characters, longer than the 200 kept: stored cut after "
        f"「…{LONG_NAME[190:200]}」; shorten it in the file and import again.")
    assert "60 characters, longer than the 50 kept" in cut[(3, "電話番号")].message()
    names = {f.name for f in _stored(ledger)}
    assert names == {"短い避難所", LONG_NAME[:200]}  # the shelter is on the map, under its cut name


def test_a_long_name_and_address_in_a_geojson_are_reported_at_their_feature_and_field(ledger, tmp_path):
    path = tmp_path / "shelters.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [136.17, 35.90]},
         "properties": {"name": "短い避難所", "address": "越前市府中1-1"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [136.18, 35.91]},
         "properties": {"name": LONG_NAME, "address": "越前市" + "一" * 300}},
    ]}, ensure_ascii=False), encoding="utf-8")
    preview = read_layer(path, "shelter", "越前市")
    cut = {(p.row, p.column): p.message() for p in preview.problems if p.severity == Severity.FIXED}
    assert set(cut) == {(2, "name"), (2, "address")}
    assert cut[(2, "name")].startswith("shelters.geojson, feature 2, field name: 253 characters")
    assert "303 characters, longer than the 300 kept" in cut[(2, "address")]
    with ledger.Session.begin() as s:
        import_layer(s, path, "shelter", "越前市")
    stored = {f.name: f for f in _stored(ledger)}
    assert set(stored) == {"短い避難所", LONG_NAME[:200]}
    assert stored[LONG_NAME[:200]].address == ("越前市" + "一" * 300)[:300]

