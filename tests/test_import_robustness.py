"""Hostile and broken files found by the importers' fuzz run (bench/fuzz_importers.py), one test per finding.

Each is refused with a LedgerError that names the file and the place, quickly, and the ledger is left as it
was; or, where the file is fine underneath, imported.
"""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import inspect, select, text

from app.core.errors import LedgerError
from app.core.views import HouseholdFields, PersonFields
from app.core.workbook_guard import MAX_ROWS
from app.emergency import agency_files as agencies
from app.households import households
from app.models import Person
from app.towns import reference_layers
from app.watch import roster, watch_form

ROSTER = [("氏名", "フリガナ", "住所", "生年月日"), ("越前 ハル", "エチゼン ハル", "余川町1-1", "昭和15年3月2日"),
          ("山田 太郎", "ヤマダ タロウ", "余川町2-2", "1941/4/5")]
AGENCIES = [("名称", "種別", "所在地", "電話番号"), ("越前市役所", "市役所", "越前市府中一丁目13-7", "0778-22-3000"),
            ("あおぞらクリニック", "診療所", "越前市幸町4-5", "0778-24-0000")]


def _workbook(path: Path, rows, title: str = "名簿") -> Path:  # noqa: ANN001
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _rewrite_sheet(path: Path, change) -> Path:  # noqa: ANN001 - change(sheet XML) -> sheet XML
    """The same workbook with its first sheet's XML changed (what another program, or an attacker, may write)."""
    out = path.with_name("changed-" + path.name)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, change(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return out


def _dump(ledger) -> dict[str, list]:  # noqa: ANN001
    with ledger.engine.connect() as conn:
        return {n: sorted(map(repr, conn.execute(text(f'select * from "{n}"'))))
                for n in inspect(conn).get_table_names()}


@pytest.fixture
def known(ledger, town):
    """A town with one person already in it: what a refused file must leave alone."""
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前家", address="余川町1-1"))
        households.add_person(s, h.id, PersonFields(name="越前 ハル", of_concern=True))
    return town


def _refused(ledger, town, path: Path, importer: str = "roster") -> LedgerError:  # noqa: ANN001
    before = _dump(ledger)
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        if importer == "roster":
            roster.apply_roster(s, roster.read_roster(s, path, town.id))
        elif importer == "watch_form":
            watch_form.apply_form(s, watch_form.read_form(s, path))
        elif importer == "agencies":
            agencies.apply_agencies(s, agencies.read_agencies(s, path))
        else:
            reference_layers.apply_layer(s, reference_layers.read_layer(path, kind="shelter", credit="test"))
    assert _dump(ledger) == before  # refused: nothing changed
    assert path.name in str(err.value)  # the message names the file
    return err.value


# ---- zip bombs: refused before anything is unpacked ---------------------------------------------------------------


def _bomb(path: Path, member: str, size: int) -> Path:
    """A workbook whose ``member`` unpacks to ``size`` bytes of repeated markup (a few kB packed)."""
    source = _workbook(path.with_name("source.xlsx"), ROSTER)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != member:
                zout.writestr(info.filename, zin.read(info.filename))
        with zout.open(member, "w") as f:
            f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            row = b'<row><c t="inlineStr"><is><t>a</t></is></c></row>' * 1000
            for _ in range(size // len(row)):
                f.write(row)
            f.write(b"</sheetData></worksheet>")
    return path


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_a_zip_bomb_roster_is_refused_before_it_is_unpacked(ledger, known, tmp_path, member):
    # GIVEN a roster whose part inflates 1,000 times (30 MB from 30 kB; real bombs go to GBs the same way)
    path = _bomb(tmp_path / "bomb.xlsx", member, 30_000_000)
    assert path.stat().st_size < 200_000
    # WHEN it is imported  THEN it is refused, naming the part, and the ledger is as it was
    error = _refused(ledger, known, path)
    assert member in str(error) and "unpack" in str(error)


def test_a_zip_whose_directory_claims_a_giant_part_is_refused_for_every_workbook_importer(ledger, known, tmp_path):
    # GIVEN a form whose zip directory says its sheet unpacks to 3 GB (Python's zipfile would unpack up to that)
    path = _workbook(tmp_path / "form.xlsx", [("町名", "余川町"), ("氏名", "越前 ハル", "氏名", "関わり方")])
    data = bytearray(path.read_bytes())
    for m in re.finditer(rb"PK\x01\x02", bytes(data)):
        name_length = struct.unpack("<H", data[m.start() + 28:m.start() + 30])[0]
        if data[m.start() + 46:m.start() + 46 + name_length] == b"xl/worksheets/sheet1.xml":
            data[m.start() + 24:m.start() + 28] = struct.pack("<I", 3_000_000_000)
    path.write_bytes(bytes(data))
    for importer in ("watch_form", "roster", "agencies"):
        assert "xl/worksheets/sheet1.xml" in str(_refused(ledger, known, path, importer))


# ---- broken sheet XML: openpyxl parses it lazily, while the importer reads the rows -------------------------------


@pytest.mark.parametrize("damage", [
    pytest.param(lambda xml: xml.replace(b"<t>", b"<t>\x01<", 1), id="invalid-token"),
    pytest.param(lambda xml: re.sub(rb'r="A2"', b'r="1A"', xml), id="bad-cell-reference"),
    pytest.param(lambda xml: re.sub(rb'<row r="2"', b'<row r="two"', xml), id="bad-row-number"),
    pytest.param(lambda xml: re.sub(rb'<c r="A3" t="inlineStr"><is><t>[^<]*</t></is></c>', b'<c r="A3" t="s"><v>99</v></c>',
                                    xml), id="no-such-shared-string"),
])
@pytest.mark.parametrize("importer", ["roster", "watch_form", "agencies"])
def test_a_sheet_with_broken_xml_is_refused_naming_file_sheet_and_row(ledger, known, tmp_path, importer, damage):
    rows = {"roster": ROSTER, "agencies": AGENCIES,
            "watch_form": [("町名", "余川町"), ("", "", "氏名", "関わり方"), ("氏名", "越前 ハル", "近所 花子", "声かけ"),
                           ("住所", "余川町1-1")]}[importer]
    path = _rewrite_sheet(_workbook(tmp_path / "file.xlsx", rows, "余川町"), damage)
    error = _refused(ledger, known, path, importer)
    assert "Sheet 余川町, row" in str(error)


# ---- huge sheets ------------------------------------------------------------------------------------------------------


def test_a_roster_whose_dimension_claims_the_whole_sheet_is_read_as_the_rows_it_holds(ledger, known, tmp_path):
    # GIVEN a roster whose <dimension> says A1:XFD1048576 (16,384 columns × 1,048,576 rows) over three rows
    path = _rewrite_sheet(_workbook(tmp_path / "roster.xlsx", ROSTER),
                          lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml))
    # WHEN it is imported  THEN its two persons are there, and the header row is as wide as what it says
    with ledger.Session.begin() as s:
        preview = roster.read_roster(s, path, known.id)
        roster.apply_roster(s, preview)
    assert preview.columns.headers == ROSTER[0]
    with ledger.Session() as s:
        assert set(s.scalars(select(Person.name))) == {"越前 ハル", "山田 太郎"}


def test_a_roster_with_something_in_the_last_row_of_the_sheet_is_refused_with_the_limit(ledger, known, tmp_path):
    # GIVEN a roster with a stray cell in row 1,048,576 (Ctrl+↓ and a typo)
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = _rewrite_sheet(_workbook(tmp_path / "roster.xlsx", ROSTER), lambda xml: xml.replace(b"</sheetData>", far))
    # THEN the import says which sheet is too long, and how long a sheet may be
    error = _refused(ledger, known, path)
    assert "Sheet 名簿" in str(error) and f"{MAX_ROWS}" in str(error)


# ---- CSV and GeoJSON --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("importer,suffix", [("roster", ".csv"), ("agencies", ".csv"), ("reference_layers", ".csv")])
@pytest.mark.parametrize("damage", [
    pytest.param("\n" + "長" * 200_000 + ",1", id="field-over-the-csv-limit"),
    pytest.param('\n"unterminated,' + "x" * 200_000, id="unterminated-quote"),
])
def test_a_csv_the_csv_module_cannot_read_is_refused_naming_the_line(ledger, known, tmp_path, importer, suffix, damage):
    header = {"roster": "氏名,住所", "agencies": "名称,種別", "reference_layers": "名称,住所,緯度,経度"}[importer]
    path = tmp_path / f"list{suffix}"
    path.write_text(f"{header}\n越前 ハル,市役所" + damage, encoding="utf-8")
    error = _refused(ledger, known, path, importer)
    assert "Line 3" in str(error)


def test_geojson_nested_deeper_than_python_can_follow_is_refused(ledger, known, tmp_path):
    path = tmp_path / "layer.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "Not valid GeoJSON" in str(_refused(ledger, known, path, "reference_layers"))


def test_geojson_with_a_number_of_thousands_of_digits_is_refused(ledger, known, tmp_path):
    path = tmp_path / "layer.geojson"
    path.write_text('{"features": [{"properties": {"name": "x"}, "geometry": {"type": "Point", '
                    '"coordinates": [136' + "9" * 5000 + ', 35]}}]}')
    assert "Not valid GeoJSON" in str(_refused(ledger, known, path, "reference_layers"))


def test_geojson_features_of_the_wrong_shape_are_reported_and_the_good_ones_imported(ledger, tmp_path):
    # GIVEN a FeatureCollection where some features, properties or geometries are lists, strings or numbers
    path = tmp_path / "layer.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ['
                    '[1, 2], "feature", 7, null, {"properties": ["name"]}, {"properties": {"name": "a"}, "geometry": "x"},'
                    '{"properties": {"name": "武生公会堂"}, "geometry": {"type": "Point", "coordinates": [136.168, 35.903]}}]}',
                    encoding="utf-8")
    # WHEN it is read  THEN the two usable features are kept and the others are named in the report
    preview = reference_layers.read_layer(path, kind="shelter", credit="test")
    assert [(f["name"], f["lat"]) for f in preview.features] == [("a", None), ("武生公会堂", 35.903)]
    assert {p.row for p in preview.problems if p.severity == "skipped"} == {1, 2, 3, 4, 5}
