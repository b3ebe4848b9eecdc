"""GIS layers in: GeoJSON and Shapefile read feature by feature, the coordinate system checked and said, defects named."""

from __future__ import annotations

import json

import pytest
import shapefile

from app.core.errors import LedgerError
from app.emergency import cards as emergency
from app.models.emergency import ReferenceKind
from app.towns.gis_files import open_gis_file
from app.towns.reference_layers import Severity, import_layer, read_layer
from tests.conftest import DATA, run_app

GSI = DATA / "echizen" / "gsi_emergency_shiteikinkyu.geojson"
JGD2011_PRJ = ('GEOGCS["JGD2011",DATUM["Japanese_Geodetic_Datum_2011",SPHEROID["GRS 1980",6378137,298.257222101]],'
               'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","6668"]]')
# What QGIS writes for 平面直角座標系 第VI系 (Fukui is in zone VI).
ZONE6_PRJ = ('PROJCS["JGD2011_Japan_Zone_6",GEOGCS["GCS_JGD_2011",DATUM["D_JGD_2011",SPHEROID["GRS_1980",6378137.0,'
             '298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],'
             'PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],'
             'PARAMETER["Central_Meridian",136.0],PARAMETER["Scale_Factor",0.9999],'
             'PARAMETER["Latitude_Of_Origin",36.0],UNIT["Meter",1.0]]')
HALLS = [("武生東公民館", "東地区", 136.167833, 35.908985), ("西公民館", "西地区", 136.156557, 35.902115),
         ("味真野公民館", "味真野地区", 136.226656, 35.887373)]


def write_halls(path, prj: str | None = None, encoding: str = "cp932", cpg: str | None = None):
    """A point Shapefile of three 公民館 as a city's GIS office would hand it over (Shift_JIS .dbf by default)."""
    with shapefile.Writer(str(path), shapeType=shapefile.POINT, encoding=encoding) as w:
        w.field("名称", "C", 50)
        w.field("地区", "C", 20)
        for name, district, lon, lat in HALLS:
            w.point(lon, lat)
            w.record(name, district)
    if prj is not None:
        path.with_suffix(".prj").write_text(prj, encoding="ascii")
    if cpg is not None:
        path.with_suffix(".cpg").write_text(cpg, encoding="ascii")
    return path.with_suffix(".shp")


def test_the_real_gsi_file_streams_108_points_in_japan_and_says_wgs84_was_assumed():
    layer = open_gis_file(GSI)
    features = list(layer)
    assert [n for _, _, n in features] == list(range(1, 109))
    assert all(g.geom_type == "Point" and 135 < g.x < 137 and 35 < g.y < 37 for g, _, _ in features)
    assert features[0][1]["施設・場所名"] == "越前市いまだて芸術館"
    assert layer.crs.assumed and "assumed WGS84 / JGD2011" in layer.crs.note()
    assert layer.defects == []


def test_import_layer_takes_a_shapefile_with_a_jgd2011_prj_and_says_so(ledger, tmp_path):
    shp = write_halls(tmp_path / "公民館.shp", JGD2011_PRJ)
    result = run_app("import-layer", str(shp), "--kind", "community_hall", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert "imported: 3 features (3 with a position)" in result.stdout
    assert "JGD2011 (EPSG:6668) from the .prj file" in result.stdout
    with ledger.Session() as s:
        halls = emergency.list_reference_features(s, [ReferenceKind.COMMUNITY_HALL])
    assert sorted(h.name for h in halls) == sorted(name for name, *_ in HALLS)  # Shift_JIS read as Japanese
    assert {h.district for h in halls} == {"東", "西", "味真野"}


def test_a_shapefile_without_prj_is_read_as_wgs84_and_the_assumption_is_said(tmp_path):
    shp = write_halls(tmp_path / "halls.shp")
    preview = read_layer(shp, "community_hall", "test")
    assert preview.crs.assumed
    assert "No coordinate system stated: assumed WGS84 / JGD2011" in preview.crs.note()
    assert [f["name"] for f in preview.features] == [name for name, *_ in HALLS]
    assert preview.features[2]["lat"] == pytest.approx(35.887373) and preview.features[2]["lon"] == pytest.approx(136.226656)


def test_a_utf8_shapefile_is_read_as_its_cpg_says(tmp_path):
    shp = write_halls(tmp_path / "halls.shp", JGD2011_PRJ, encoding="utf-8", cpg="UTF-8")
    assert [props["名称"] for _, props, _ in open_gis_file(shp)] == [name for name, *_ in HALLS]


def test_a_projected_prj_is_refused_naming_the_file_and_the_system(ledger, tmp_path):
    shp = write_halls(tmp_path / "halls_zone6.shp", ZONE6_PRJ)
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        import_layer(s, shp, "community_hall", "test")
    assert "halls_zone6.prj" in str(err.value) and "JGD2011_Japan_Zone_6" in str(err.value)
    assert "not longitude/latitude" in str(err.value)
    with ledger.Session() as s:
        assert emergency.list_reference_features(s) == []


def test_a_geojson_crs_member_is_read_and_a_plane_rectangular_one_refused(tmp_path):
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [136.17, 35.91]},
                 "properties": {"name": "公民館"}}]
    ok = tmp_path / "jgd.geojson"
    ok.write_text(json.dumps({"type": "FeatureCollection", "features": features,  # crs after the features
                              "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6668"}}}))
    layer = open_gis_file(ok)
    assert len(list(layer)) == 1 and layer.crs.epsg == 6668 and not layer.crs.assumed
    projected = tmp_path / "plane.geojson"
    projected.write_text(json.dumps({"type": "FeatureCollection",
                                     "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6674"}},
                                     "features": features}))
    with pytest.raises(LedgerError) as err:
        list(open_gis_file(projected))
    assert "plane.geojson" in str(err.value) and "EPSG::6674" in str(err.value) and "第6系" in str(err.value)


def test_a_bare_feature_is_a_layer_of_one(tmp_path):
    one = tmp_path / "one.geojson"
    one.write_text(json.dumps({"geometry": {"type": "Polygon", "coordinates": [[[136.1, 35.9], [136.2, 35.9],
                                                                                [136.2, 36.0], [136.1, 35.9]]]},
                               "type": "Feature", "properties": {"名称": "浸水区域"}}))
    [(geometry, props, number)] = list(open_gis_file(one))
    assert geometry.geom_type == "Polygon" and props == {"名称": "浸水区域"} and number == 1


def test_every_defect_names_file_feature_and_field(tmp_path):
    bad = tmp_path / "mixed.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [136.17, 35.91]}, "properties": {"name": "a"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-45000.5, 12000.0]}, "properties": {"name": "b"}},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[1, 2]]}, "properties": {"name": "c"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [136.2, 35.9]}, "properties": {}},
        {"type": "Feature", "geometry": None, "properties": {"name": "e"}},
    ]}))
    layer = open_gis_file(bad, required=["name"])
    got = list(layer)
    assert [g is not None for g, _, _ in got] == [True, False, False, True, False]
    messages = [d.message() for d in layer.defects]
    assert "mixed.geojson, feature 2, geometry: Coordinates out of range (-45000.5, 12000.0)" in messages[0]
    assert messages[1].startswith("mixed.geojson, feature 3, geometry: Not a valid geometry")
    assert messages[2] == "mixed.geojson, feature 4, name: Missing property name."
    assert messages[3] == "mixed.geojson, feature 5, geometry: No geometry."
    # Through the reference-layer import: the named features without a position are kept (listed, not drawn).
    preview = read_layer(bad, "shelter", "test")
    assert [f["name"] for f in preview.features] == ["a", "b", "c", "e"]
    assert [f["lat"] is None for f in preview.features] == [False, True, True, True]
    assert any(p.row == 4 and p.severity == Severity.SKIPPED for p in preview.problems)


def test_a_corrupt_file_names_itself_and_imports_nothing(ledger, tmp_path):
    shp = write_halls(tmp_path / "halls.shp", JGD2011_PRJ)
    data = shp.read_bytes()
    shp.write_bytes(data[: len(data) - 15])  # the last point cut in half, as by a failed copy
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        import_layer(s, shp, "community_hall", "test")
    assert "halls.shp" in str(err.value)
    garbage = tmp_path / "garbage.shp"
    garbage.write_bytes(b"this is not a shapefile at all" * 10)
    (tmp_path / "garbage.dbf").write_bytes(b"\x03nonsense")
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        import_layer(s, garbage, "community_hall", "test")
    assert "garbage.shp" in str(err.value)
    # A GeoJSON cut off after two good features: nothing of it is imported.
    text = GSI.read_text(encoding="utf-8")
    cut = tmp_path / "cut.geojson"
    cut.write_text(text[: text.index('"NO": 45322')], encoding="utf-8")
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        import_layer(s, cut, "shelter", "test")
    assert str(err.value).startswith("cut.geojson: The file ends in the middle of feature 3: it was cut off")
    with ledger.Session() as s:
        assert emergency.list_reference_features(s) == []


def test_nesting_is_measured_outside_strings_and_a_deep_file_is_refused(tmp_path):
    import json

    from app.towns.gis_files import check_nesting

    # GIVEN strings full of brackets, escaped quotes and escaped backslashes (none of them nesting)
    tricky = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": n}, "geometry": {"type": "Point", "coordinates": [136.1, 35.9]}}
        for n in ("[[[[{{{{", "C:\\", "say \\\"[[[[\\\"", "\\\\\"[[[", "\"" + "[" * 80 + "\"", "]]]}}}")]}
    ok = tmp_path / "ok.geojson"
    ok.write_text(json.dumps(tricky, ensure_ascii=False), encoding="utf-8")
    check_nesting(ok, ok.name, limit=8)  # THEN the file's real depth (7) passes
    # WHEN a file nests 65 deep  THEN it is refused before any parser builds it, naming the file
    deep = tmp_path / "deep.geojson"
    deep.write_text('{"features": ' + "[" * 64 + "]" * 64 + "}")
    with pytest.raises(LedgerError, match="nested more than 64") as refused:
        check_nesting(deep, deep.name)
    assert refused.value.where == "deep.geojson"
    # a depth split across the scan's chunks is followed too
    import app.towns.gis_files as gis

    old = gis._SCAN_CHUNK
    gis._SCAN_CHUNK = 7
    try:
        check_nesting(ok, ok.name, limit=8)
        with pytest.raises(LedgerError):
            check_nesting(deep, deep.name)
    finally:
        gis._SCAN_CHUNK = old
