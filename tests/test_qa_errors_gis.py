"""What a volunteer reads when a GeoJSON or Shapefile layer is bad: one line naming the feature and field."""

from __future__ import annotations

import pytest

from app.core.errors import LedgerError
from app.towns.reference_layers import read_layer

SHELTERS = [
    '{"type": "Feature", "properties": {"name": "味真野小学校"}, "geometry": {"type": "Point", "coordinates": [136.2, 35.9]}}',
    '{"type": "Feature", "properties": {"住所": "余川町2"}, "geometry": {"type": "Point", "coordinates": [136.21, 35.91]}}',
    '{"type": "Feature", "properties": {"name": "余川公民館"}, "geometry": {"type": "Point", "coordinates": [136.22, 35.92]}}',
]


def geojson(path, features):
    path.write_text('{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n",
                    encoding="utf-8")
    return path


def test_a_geojson_cut_in_half_says_so_in_one_line_naming_the_feature(tmp_path):
    # GIVEN a shelter list whose copy stopped in the middle of its second feature
    whole = geojson(tmp_path / "whole.geojson", SHELTERS).read_bytes()
    cut = tmp_path / "shelters.geojson"
    cut.write_bytes(whole[:whole.index(b"\xe4\xbd\x8f") + 10])  # inside 「住所」's value
    # WHEN it is read
    with pytest.raises(LedgerError) as raised:
        read_layer(cut, "shelter")
    # THEN one line says the file was cut off in feature 2, without the parser's "(right here) ------^"
    assert str(raised.value) == ("shelters.geojson: The file ends in the middle of feature 2: it was cut off, e.g. "
                                 "while copying or downloading. Copy the whole file again.")


def test_a_geojson_with_a_stray_character_names_the_feature_before_in_one_line(tmp_path):
    path = geojson(tmp_path / "shelters.geojson", [SHELTERS[0] + " x", SHELTERS[2]])
    with pytest.raises(LedgerError) as raised:
        read_layer(path, "shelter")
    message = str(raised.value)
    assert message.startswith("shelters.geojson: Not valid GeoJSON after feature 1: ")
    assert "\n" not in message and "right here" not in message


def test_a_geojson_feature_without_a_name_is_named_by_feature_and_field(tmp_path):
    # GIVEN a GeoJSON shelter list whose second feature has an address but no name
    preview = read_layer(geojson(tmp_path / "shelters.geojson", SHELTERS), "shelter", "越前市")
    # THEN the report names feature 2 and the name field, not a "row 2, column properties" the file does not have
    assert [p.message() for p in preview.problems] == ["shelters.geojson, feature 2, field name: No name: feature "
                                                       "not imported."]
    assert [f["name"] for f in preview.features] == ["味真野小学校", "余川公民館"]
    # AND a CSV's problem still names its row and column
    path = tmp_path / "hinanjo.csv"
    path.write_text("名称,住所,緯度,経度\n味真野小学校,余川町1,35.9,136.2\n,余川町2,35.9,136.2\n", encoding="utf-8")
    assert [p.message() for p in read_layer(path, "shelter", "越前市").problems] == [
        "hinanjo.csv, row 3, column 名称: No name: row not imported."]


def test_a_geojson_saved_with_a_byte_order_mark_is_read(tmp_path):
    # GIVEN the shelter list saved by Windows Notepad as 「UTF-8 (BOM 付き)」
    path = tmp_path / "shelters.geojson"
    path.write_bytes(geojson(tmp_path / "plain.geojson", SHELTERS).read_text(encoding="utf-8").encode("utf-8-sig"))
    # WHEN it is read THEN its features are there, as from the same file without the mark
    preview = read_layer(path, "shelter", "越前市")
    assert [f["name"] for f in preview.features] == ["味真野小学校", "余川公民館"]


def test_an_empty_geojson_or_one_bad_before_its_features_says_so(tmp_path):
    empty = tmp_path / "empty.geojson"
    empty.write_bytes(b"\n")
    with pytest.raises(LedgerError) as raised:
        read_layer(empty, "shelter")
    assert str(raised.value) == "empty.geojson: The file is empty."
    # AND a mistake before the first feature is not put "after feature 0"
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", x "features": []}', encoding="utf-8")
    with pytest.raises(LedgerError) as raised:
        read_layer(bad, "shelter")
    assert str(raised.value).startswith("bad.geojson: Not valid GeoJSON before its first feature: ")
