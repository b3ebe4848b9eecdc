"""Fuzz every importer with generated and mutated files (a bench run, not CI).

    python -m bench.fuzz_importers [--count N] [--seed S] [--only roster,agencies] [--budget 10] [--memory-mb 1536]

For each importer (roster, watch form, agency directory, reference layers) it makes ``--count`` cases from
valid seed files: cells replaced by random types, lengths and unicode, rows duplicated, sheets renamed or
removed, headers shuffled, dates garbled, formulas, huge strings; byte-level damage to the zip; zip bombs;
huge sheet dimensions; broken XML; files that are not workbooks at all. A worker process (address space
limited with ``resource.setrlimit``) imports each case into the demo ledger; a case may use ``--budget``
CPU seconds, and the parent kills the worker when one gives no answer after three times that (wall clock).
Each case must end either refused with a LedgerError that says where, the ledger unchanged, or imported.
Anything else is a finding, printed, with the case file kept under ``--keep`` for a regression test.
Successful imports are checked and rolled back, so every case starts from the same ledger.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import resource
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

IMPORTERS = ("roster", "watch_form", "agencies", "reference_layers")
SEED = 20261201
TOWN = "ひだまり町"

# ---------------------------------------------------------------- seed files


def _seed_files(folder: Path, ledger) -> dict[str, list[Path]]:  # noqa: ANN001 - an open Ledger
    """Valid files for every importer, made from the demo ledger (names that match, and names that are new)."""
    from openpyxl import Workbook
    from sqlalchemy import select

    from app.models import Household, Person
    from app.towns.towns import find_town
    from app.watch import watch_form

    with ledger.Session() as s:
        town = find_town(s, TOWN)
        members = s.execute(select(Person.name, Person.kana, Household.address, Person.birth_date)
                            .join(Household, Household.id == Person.household_id)
                            .where(Household.town_id == town.id).limit(12)).all()
        form = watch_form.export_form(s, town.id, folder / "watch_form.xlsx")
    roster_rows = [("氏名", "フリガナ", "住所", "電話番号", "生年月日", "世帯区分", "気になるところ", "見守り者")]
    for name, kana, address, birth in members:
        roster_rows.append((name, kana, address, "", birth, "", "物忘れが増えてきた", ""))
    roster_rows += [("越前 ハル", "エチゼン ハル", "ひだまり町9-9", "0778-22-1234", "昭和15年3月2日", "一人暮らし",
                     "足が不自由", "近所 花子（近所）、山田 太郎（民生委員）"),
                    ("ｸﾞｴﾝ ﾀﾝ", "", "", "778221234", "1940/3/2", "高齢者夫婦", "", "")]
    agency_rows = [("名称", "種別", "所在地", "電話番号", "緯度", "経度", "事業所番号", "備考"),
                   ("越前市役所", "市役所", "越前市府中一丁目13-7", "0778-22-3000", 35.9035, 136.1687, "", ""),
                   ("南部地域包括支援センター", "地域包括支援センター", "越前市粟田部町1-1", "42-1111", 35.88, 136.20, "", ""),
                   ("ひだまり居宅介護支援事業所", "居宅", "越前市本町2-3", "0778-23-4567", "", "", "1870100011", "月曜休み"),
                   ("あおぞらクリニック", "診療所", "越前市幸町4-5", "0778-24-0000", 35.91, 136.17, "", "")]
    layer_rows = [("名称", "住所", "緯度", "経度", "地区", "電話番号"),
                  ("武生公会堂", "越前市府中1-1", "35.9030", "136.1680", "府中地区", "0778-22-0001"),
                  ("味真野小学校", "越前市池泉町1", "35.8700", "136.2300", "味真野", ""),
                  ("国高公民館", "越前市国府2-1", "35.9100", "136.1500", "国高地区地区", "0778-22-0003")]

    def workbook(path: Path, title: str, rows) -> Path:  # noqa: ANN001
        wb = Workbook()
        ws = wb.active
        ws.title = title
        for row in rows:
            ws.append(list(row))
        wb.save(path)
        return path

    def table(path: Path, rows, encoding: str = "utf-8-sig") -> Path:  # noqa: ANN001
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows(rows)
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    geojson = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": r[0], "address": r[1], "地区": r[4]},
         "geometry": {"type": "Point", "coordinates": [float(r[3]), float(r[2])]}} for r in layer_rows[1:]]}
    (folder / "layer.geojson").write_text(json.dumps(geojson, ensure_ascii=False), encoding="utf-8")
    return {
        "roster": [workbook(folder / "roster.xlsx", "名簿", roster_rows),
                   table(folder / "roster.csv", [[str(c or "") for c in r] for r in roster_rows], "cp932")],
        "watch_form": [form],
        "agencies": [workbook(folder / "agencies.xlsx", "一覧", agency_rows), table(folder / "agencies.csv", agency_rows)],
        "reference_layers": [table(folder / "layer.csv", layer_rows), folder / "layer.geojson"],
    }


# ---------------------------------------------------------------- mutations

UNICODE_BITS = ["氏名", "ｸﾞｴﾝ", "𠮷野家", "\u202e逆", "e\u0301", "🙂", "\ufeff", "\u3000", "①", "Ⅲ", "㍻", "〜", "‐",
                "=HYPERLINK(\"http://x\")", "'=1+1", "@SUM(A1)", "-1", "+81", "null", "NaN", "1e999", "0x1F",
                "<script>", "&amp;", "]]>", "\\", "\"", ",", "\n", "\r\n", "\t", "昭和99年13月40日", "R7.2.29",
                "2026/02/30", "S12.5.6", "明治1年1月1日", "99999", "令和元年", "0778-00-1111", "一人暮らし", "○"]


def _random_text(rng: random.Random, huge: bool = False) -> str:
    if huge:
        return rng.choice(UNICODE_BITS) * rng.choice([5000, 40000, 200000])
    if rng.random() < 0.5:
        return "".join(rng.choice(UNICODE_BITS) for _ in range(rng.randint(1, 4)))
    return "".join(chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0x3040, 0x30ff), rng.randint(0x4e00, 0x9fff),
                                   rng.randint(0x80, 0xffff), rng.randint(0x10000, 0x10ffff)]))
                   for _ in range(rng.randint(0, 60)))


def _random_value(rng: random.Random):  # noqa: ANN202
    kind = rng.randrange(12)
    if kind == 0:
        return None
    if kind == 1:
        return rng.randint(-10**15, 10**15)
    if kind == 2:
        return rng.choice([0.0, -0.0, 1e308, -1e-308, 3.14159, 35.9, 136.17, 1e20])
    if kind == 3:
        return datetime(rng.randint(1900, 2100), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23))
    if kind == 4:
        return date(rng.randint(1900, 2100), rng.randint(1, 12), rng.randint(1, 28))
    if kind == 5:
        return rng.choice([True, False])
    if kind == 6:
        return rng.choice(["=SUM(A1:A3)", "=1/0", "=A1&B1", "=NOW()", "=HYPERLINK(\"x\",\"y\")"])
    if kind == 7:
        return _random_text(rng, huge=True)
    return _random_text(rng)


def _clean(value):  # noqa: ANN001, ANN202 - openpyxl refuses control characters in cells
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)[:32767] if isinstance(value, str) else value


def mutate_workbook(src: Path, dest: Path, rng: random.Random) -> list[str]:
    """Change the contents through openpyxl (the file stays a well-formed workbook)."""
    from openpyxl import load_workbook

    wb = load_workbook(src)
    done = []
    for _ in range(rng.randint(1, 4)):
        try:
            op = _mutate_sheet(wb, rng)
        except (AttributeError, ValueError):  # a merged cell, a title openpyxl refuses: try another change
            continue
        done.append(op)
    buffer = io.BytesIO()  # a save that fails half-way leaves a zip object that would write into the file later
    try:
        wb.save(buffer)
    except ValueError:  # only the hidden sheet of the watch form is left: show it
        for ws in wb.worksheets:
            ws.sheet_state = "visible"
        buffer = io.BytesIO()
        wb.save(buffer)
    dest.write_bytes(buffer.getvalue())
    return done


def _mutate_sheet(wb, rng: random.Random) -> str:  # noqa: ANN001, C901 - an openpyxl workbook
    if True:
        ws = rng.choice(wb.worksheets)
        op = rng.choice(["cells", "cells", "cells", "duplicate", "rename", "remove", "add", "shuffle", "dates",
                         "formulas", "huge", "clear", "far"])
        # Within the part that holds data: after a "far" cell, max_row × max_column would be 17 billion cells.
        rows = min(max(ws.max_row, 1), 300)
        cols = min(max(ws.max_column, 1), 30)
        if op == "cells":
            for _ in range(rng.randint(1, 10)):
                ws.cell(rng.randint(1, rows + 2), rng.randint(1, cols + 1), _clean(_random_value(rng)))
        elif op == "duplicate":
            row = rng.randint(1, rows)
            values = [c.value for c in ws[row]][:cols]
            for _ in range(rng.choice([1, 5, 200])):
                ws.append(values)
        elif op == "rename":
            ws.title = _clean(rng.choice(["Sheet1", "名簿", "ひだまり町", "_sasaeai", "余川町", "x" * 31,
                                         _random_text(rng)[:31]]).replace("/", "").replace("*", "")
                              .replace("[", "").replace("]", "").replace(":", "").replace("?", "")
                              .replace("\\", "")) or "s"
        elif op == "remove" and len(wb.worksheets) > 1:
            wb.remove(ws)
        elif op == "add":
            new = wb.create_sheet(rng.choice(["追加", "Sheet", "_sasaeai"]))
            for _ in range(rng.randint(0, 5)):
                new.append([_clean(_random_value(rng)) for _ in range(rng.randint(0, 8))])
        elif op == "shuffle":
            row = rng.randint(1, min(rows, 6))
            values = [c.value for c in ws[row]][:cols]
            rng.shuffle(values)
            for i, v in enumerate(values, start=1):
                ws.cell(row, i, v)
        elif op == "dates":
            for row in ws.iter_rows(max_row=rows, max_col=cols):
                for c in row:
                    if isinstance(c.value, (date, datetime)) or (isinstance(c.value, str) and "年" in c.value):
                        c.value = rng.choice(["昭和99年13月40日", "2026/02/30", "R7.2.29", "0", "-1", "平成", "H31.5.1",
                                              datetime(1900, 1, 1), "明治元年", "S" * 50])
        elif op == "formulas":
            for _ in range(rng.randint(1, 5)):
                ws.cell(rng.randint(1, rows), rng.randint(1, cols), rng.choice(["=1+1", "=A1", "+A2", "@x", "-1"]))
        elif op == "huge":
            ws.cell(rng.randint(1, rows), rng.randint(1, cols), _clean(_random_text(rng, huge=True)))
        elif op == "clear":
            for row in ws.iter_rows(min_row=rng.randint(1, rows), max_row=rows, max_col=cols):
                for c in row:
                    c.value = None
        elif op == "far":
            ws.cell(rng.choice([2000, 70000, 1048576]), rng.choice([1, 2, 300, 16384]), "遠く")
        return op


def _rewrite_members(src: Path, dest: Path, change) -> None:  # noqa: ANN001 - change(name, data) -> bytes | None
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)


def _sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
                  b'&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
                  b'&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
                  b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
                  b'<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
                  b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
                  b'<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
                  b'<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>')


def mutate_xml(src: Path, dest: Path, rng: random.Random) -> list[str]:
    """Change the package's XML directly: dimensions, far rows, broken markup, bad references, missing parts."""
    sheets = _sheet_names(src) or ["xl/worksheets/sheet1.xml"]
    target = rng.choice(sheets)
    op = rng.choice(["dimension", "far-row", "far-column", "truncate", "garbage", "entities", "bad-ref",
                     "bad-shared", "bad-type", "bad-style", "drop-member", "no-dimension-many-rows", "wide-row",
                     "bad-row-number", "shared-strings-huge", "external-entity"])

    def change(name: str, data: bytes) -> bytes | None:
        if op == "drop-member" and name == rng_member:
            return None
        if op == "shared-strings-huge" and name == "xl/sharedStrings.xml":
            return data.replace(b"<t>", b"<t>" + ("長" * 100000).encode(), 1)
        if name != target:
            return data
        if op == "dimension":
            return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)
        if op == "far-row":
            return data.replace(b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>end</t></is>'
                                                 b'</c></row></sheetData>')
        if op == "far-column":
            return data.replace(b"</sheetData>", b'<row r="60000"><c r="XFD60000" t="inlineStr"><is><t>x</t></is>'
                                                 b'</c></row></sheetData>')
        if op == "no-dimension-many-rows":
            rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>n</t></is></c></row>' % (i, i)
                            for i in range(100, 150100))  # past MAX_ROWS, no <dimension>: parsed twice
            data = re.sub(rb"<dimension[^>]*/>", b"", data)
            return data.replace(b"</sheetData>", rows + b"</sheetData>")
        if op == "wide-row":
            cells = b"".join(b"<c><v>%d</v></c>" % i for i in range(200000))
            return data.replace(b"</sheetData>", b'<row r="9">' + cells + b"</row></sheetData>")
        if op == "truncate":
            return data[: rng.randrange(max(len(data), 1))]
        if op == "garbage":
            i = rng.randrange(max(len(data), 1))
            return data[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 40))) + data[i:]
        if op == "entities":
            return BILLION_LAUGHS + re.sub(rb"^<\?xml[^>]*\?>", b"", data).replace(b"<sheetData>", b"<sheetData>&lol9;", 1)
        if op == "external-entity":
            return (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    + re.sub(rb"^<\?xml[^>]*\?>", b"", data).replace(b"<v>", b"<v>&e;", 1))
        if op == "bad-ref":
            return re.sub(rb'r="[A-Z]+(\d+)"', lambda m: rng.choice([b'r="ZZZZ0"', b'r="A-1"', b'r="1A"', b'r=""',
                                                                   m.group(0)]), data, count=5)
        if op == "bad-shared":
            return re.sub(rb't="s"><v>\d+</v>', b't="s"><v>999999</v>', data, count=3)
        if op == "bad-type":
            return re.sub(rb"<c ([^>]*)>", lambda m: b"<c " + m.group(1) + rng.choice([b' t="b"', b' t="e"', b' t="d"',
                                                                                      b' t="zz"', b""]) + b">",
                          data, count=3).replace(b"<v>", rng.choice([b"<v>x", b"<v>1e999", b"<v>--"]), 2)
        if op == "bad-style":
            return re.sub(rb' s="\d+"', b' s="99999"', data, count=4)
        if op == "bad-row-number":
            return re.sub(rb'<row r="\d+"', rng.choice([b'<row r="x"', b'<row r="-5"', b'<row r="1.5"', b'<row r="0"']),
                          data, count=2)
        return data

    with zipfile.ZipFile(src) as z:
        rng_member = rng.choice(z.namelist())
    _rewrite_members(src, dest, change)
    return [op]


def mutate_bytes(src: Path, dest: Path, rng: random.Random) -> list[str]:
    data = bytearray(src.read_bytes())
    op = rng.choice(["flip", "truncate", "insert", "lie-size", "zero-range"])
    if op == "flip":
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif op == "truncate":
        data = data[: rng.randrange(len(data))]
    elif op == "insert":
        i = rng.randrange(len(data))
        data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))
    elif op == "zero-range":
        i = rng.randrange(len(data))
        data[i:i + rng.randint(1, 500)] = b"\0" * len(data[i:i + 500])
    elif op == "lie-size":
        # The central directory claims another uncompressed size than the data holds.
        for m in re.finditer(rb"PK\x01\x02", bytes(data)):
            if rng.random() < 0.5:
                size = rng.choice([0, 1, 10, 2**31 - 1, 2**32 - 1])
                data[m.start() + 24:m.start() + 28] = struct.pack("<I", size)
    dest.write_bytes(bytes(data))
    return [op]


BOMB_SIZES = {"sheet": 1_000_000_000, "shared-strings": 400_000_000, "styles": 300_000_000, "small": 60_000_000}


def make_bombs(src: Path, folder: Path) -> dict[str, Path]:
    """Workbooks with one member that inflates to hundreds of MB or a GB (made once per run)."""
    bombs = {}
    sheet = (_sheet_names(src) or ["xl/worksheets/sheet1.xml"])[0]
    for kind, size in BOMB_SIZES.items():
        member = {"sheet": sheet, "small": sheet, "shared-strings": "xl/sharedStrings.xml", "styles": "xl/styles.xml"}[kind]
        path = folder / f"bomb-{kind}.xlsx"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
            for info in zin.infolist():
                if info.filename == member:
                    continue
                zout.writestr(info.filename, zin.read(info.filename))
            with zout.open(member, "w", force_zip64=True) as f:
                if kind in ("sheet", "small"):
                    f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml'
                            b'/2006/main"><sheetData>')
                    row = b'<row><c t="inlineStr"><is><t>a</t></is></c></row>'
                    chunk = row * (1 << 16)
                    for _ in range(size // len(chunk)):
                        f.write(chunk)
                    f.write(b"</sheetData></worksheet>")
                else:
                    f.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                            b'main"><si><t>')
                    chunk = b"A" * (1 << 20)
                    for _ in range(size // len(chunk)):
                        f.write(chunk)
                    f.write(b"</t></si></sst>")
        bombs[kind] = path
    return bombs


def mutate_text(src: Path, dest: Path, rng: random.Random) -> list[str]:
    """CSV and GeoJSON: broken encodings, NUL bytes, huge fields, unterminated quotes, deep nesting, wrong types."""
    raw = src.read_bytes()
    op = rng.choice(["nul", "huge-field", "quote", "bad-encoding", "many-columns", "long-lines", "bom-only",
                     "swap-lines", "json-deep", "json-types", "json-numbers", "truncate", "cells"])
    if op == "nul":
        i = rng.randrange(len(raw))
        raw = raw[:i] + b"\x00" * rng.randint(1, 5) + raw[i:]
    elif op == "huge-field":
        raw += ("\n" + "長" * rng.choice([150_000, 2_000_000]) + ",1,2").encode("utf-8")
    elif op == "quote":
        raw += b'\n"unterminated,' + b"x" * rng.choice([10, 300_000])
    elif op == "bad-encoding":
        i = rng.randrange(len(raw))
        raw = raw[:i] + bytes([0xff, 0xfe, 0x81, 0x82, 0xe3]) + raw[i:]
    elif op == "many-columns":
        raw += ("\n" + ",".join(["x"] * rng.choice([2000, 100_000]))).encode()
    elif op == "long-lines":
        lines = raw.split(b"\n")
        raw = b"\n".join(lines + [lines[-1]] * rng.choice([10, 5000, 50_000]))
    elif op == "bom-only":
        raw = b"\xef\xbb\xbf" + rng.choice([b"", b"\n", b",,,\n,,,"])
    elif op == "swap-lines":
        lines = raw.split(b"\n")
        rng.shuffle(lines)
        raw = b"\n".join(lines)
    elif op == "json-deep":
        depth = rng.choice([500, 100_000])
        raw = b'{"type":"FeatureCollection","features":' + b"[" * depth + b"]" * depth + b"}"
    elif op == "json-types":
        raw = json.dumps(rng.choice([
            [], {"features": {}}, {"features": [1, "x", None, []]},
            {"features": [{"properties": [], "geometry": "point"}]},
            {"features": [{"properties": {"name": ["a"]}, "geometry": {"type": "Point", "coordinates": "1,2"}}]},
            {"features": [{"properties": {"name": "x"}, "geometry": {"type": "Point", "coordinates": [[1], {}]}}]},
            {"features": [{"properties": {"name": {"a": 1}, "地区": 5}, "geometry": {"coordinates": [1, 2]}}]},
        ]), ensure_ascii=False).encode()
    elif op == "json-numbers":
        raw = (b'{"features":[{"properties":{"name":"x","address":1e400},"geometry":{"type":"Point",'
               b'"coordinates":[' + rng.choice([b"1e999,35", b"NaN,35", b"Infinity,-Infinity", b"136," + b"9" * 5000,
                                                b"true,false", b"null,null"]) + b"]}}]}")
    elif op == "truncate":
        raw = raw[: rng.randrange(len(raw))]
    elif op == "cells":
        text = raw.decode("utf-8-sig", "replace")
        lines = text.splitlines()
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(lines))
            parts = lines[i].split(",")
            parts[rng.randrange(len(parts))] = _random_text(rng, huge=rng.random() < 0.1).replace("\x00", "")
            lines[i] = ",".join(parts)
        raw = "\n".join(lines).encode(rng.choice(["utf-8", "utf-8-sig", "cp932"]), "replace")
    dest.write_bytes(raw)
    return [op]


NOT_WORKBOOKS = [b"", b"\x00" * 100, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
                 "氏名,住所\n越前 ハル,ひだまり町\n".encode("cp932"), b"PK\x05\x06" + b"\0" * 18, b"<html></html>"]


def make_case(importer: str, seeds: list[Path], bombs: dict[str, Path], folder: Path, n: int,
              rng: random.Random) -> tuple[Path, str]:
    src = rng.choice(seeds)
    is_book = src.suffix == ".xlsx"
    kinds = (["workbook"] * 5 + ["xml"] * 4 + ["bytes"] * 2 + ["bomb", "not-workbook", "workbook+xml"]
             if is_book else ["text"] * 8 + ["bytes", "not-workbook"])
    kind = rng.choice(kinds)
    dest = folder / f"{importer}-{n:05d}{src.suffix}"
    if kind == "workbook":
        ops = mutate_workbook(src, dest, rng)
    elif kind == "xml":
        ops = mutate_xml(src, dest, rng)
    elif kind == "workbook+xml":
        middle = folder / f"middle{src.suffix}"
        ops = mutate_workbook(src, middle, rng) + mutate_xml(middle, dest, rng)
    elif kind == "bytes":
        ops = mutate_bytes(src, dest, rng)
    elif kind == "bomb":
        bomb = rng.choice(list(bombs))
        shutil.copyfile(bombs[bomb], dest)
        ops = [bomb]
    elif kind == "not-workbook":
        dest.write_bytes(rng.choice(NOT_WORKBOOKS))
        ops = ["not-a-workbook"]
    else:
        ops = mutate_text(src, dest, rng)
    return dest, f"{kind}:{'+'.join(ops)}"


# ---------------------------------------------------------------- the worker (one process, many cases)


def _fingerprint(engine) -> str:  # noqa: ANN001
    from sqlalchemy import text

    digest = hashlib.sha256()
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table' "
                                                 "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' "
                                                 "ORDER BY name"))]
        for name in names:
            digest.update(name.encode())
            for row in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY rowid')):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _import(importer: str, s, path: Path, town_id) -> str:  # noqa: ANN001, C901
    """Read, apply and check one file; returns the summary. Raises what the importer raises."""
    from sqlalchemy import func, select

    from app.emergency import agency_files as agencies
    from app.models import Agency, Household, Person, ReferenceFeature
    from app.towns import reference_layers
    from app.watch import roster, watch_form

    if importer == "roster":
        preview = roster.read_roster(s, path, town_id)
        before = s.scalar(select(func.count()).select_from(Person).join(Household).where(Household.town_id == town_id))
        roster.apply_roster(s, preview)
        s.flush()
        after = s.scalar(select(func.count()).select_from(Person).join(Household).where(Household.town_id == town_id))
        assert after - before == preview.count(roster.ChangeKind.ADDED), "persons added != the preview's count"
    elif importer == "watch_form":
        preview = watch_form.read_form(s, path)
        watch_form.apply_form(s, preview)
        s.flush()
    elif importer == "agencies":
        preview = agencies.read_agencies(s, path)
        before = s.scalar(select(func.count()).select_from(Agency))
        written = agencies.apply_agencies(s, preview)
        s.flush()
        added = s.scalar(select(func.count()).select_from(Agency)) - before
        assert added == preview.count(agencies.Action.ADD), "agencies added != the preview's count"
        assert written == added + preview.count(agencies.Action.UPDATE)
    else:
        preview = reference_layers.read_layer(path, kind="shelter", credit="fuzz")
        reference_layers.apply_layer(s, preview)
        s.flush()
        live = s.scalar(select(func.count()).select_from(ReferenceFeature).where(
            ReferenceFeature.source == preview.source, ReferenceFeature.deleted_at.is_(None)))
        assert live == len(preview.features), "features stored != the preview's"
    return preview.summary()


def worker(ledger_dir: Path, memory_mb: int) -> None:
    from app.core.errors import LedgerError
    from app.models import open_ledger
    from app.models.engine import DEMO_PASSPHRASE
    from app.paths import ledger_path
    from app.towns.towns import find_town

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    ledger = open_ledger(ledger_path(ledger_dir), DEMO_PASSPHRASE)
    with ledger.Session() as s:
        town_id = find_town(s, TOWN).id
    baseline = _fingerprint(ledger.engine)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        path, importer = Path(request["path"]), request["importer"]
        result: dict = {}
        started, cpu_started = time.perf_counter(), time.process_time()
        s = ledger.Session()
        try:
            try:
                s.begin()
                result = {"outcome": "imported", "summary": _import(importer, s, path, town_id)}
                s.rollback()  # checked; every case starts from the same ledger
            except LedgerError as e:
                # A refusal leaves the transaction as the importer left it: commit it, as a caller that
                # carries on would, then nothing may have changed.
                try:
                    s.commit()
                except Exception:  # noqa: BLE001 - a failed flush: the caller would roll back
                    s.rollback()
                named = path.name in str(e) or bool(e.where)
                result = {"outcome": "refused", "message": str(e)[:300], "names_file": path.name in str(e)}
                if not named:
                    result = {"outcome": "finding", "why": "refusal says neither file nor where", **result}
                elif _fingerprint(ledger.engine) != baseline:
                    result = {"outcome": "finding", "why": "a refusal changed the ledger", **result}
            except AssertionError as e:
                s.rollback()
                result = {"outcome": "finding", "why": f"imported wrongly: {e}"}
            except MemoryError:
                s.rollback()
                result = {"outcome": "finding", "why": "memory blow-up (MemoryError)"}
            except BaseException as e:  # noqa: BLE001 - every other kind is what we look for
                s.rollback()
                tb = traceback.extract_tb(e.__traceback__)
                where = next((f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(tb)
                              if "/app/" in f.filename), "?")
                result = {"outcome": "finding", "why": f"crash: {type(e).__name__}", "message": str(e)[:300],
                          "at": where}
        finally:
            s.close()
        if _fingerprint(ledger.engine) != baseline and result.get("outcome") != "finding":
            result = {"outcome": "finding", "why": "the ledger changed after the case", **result}
            baseline = _fingerprint(ledger.engine)
        result["seconds"] = round(time.perf_counter() - started, 3)
        result["cpu_seconds"] = round(time.process_time() - cpu_started, 3)
        print(json.dumps(result, ensure_ascii=False), flush=True)


# ---------------------------------------------------------------- the parent


class Worker:
    def __init__(self, ledger_dir: Path, memory_mb: int) -> None:
        self.args = [sys.executable, "-m", "bench.fuzz_importers", "--worker", str(ledger_dir),
                     "--memory-mb", str(memory_mb)]
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(self.args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True, cwd=Path(__file__).resolve().parents[1])
        ready = self._read(120)
        if not ready or not ready.get("ready"):
            raise SystemExit("the fuzz worker did not start")

    def _read(self, timeout: float) -> dict | None:
        assert self.proc is not None and self.proc.stdout is not None
        readable, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not readable:
            return None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else None

    def run(self, importer: str, path: Path, budget: float) -> dict:
        """The worker's answer; a case that uses more than ``budget`` CPU seconds is a finding, and one with
        no answer after three times that (wall clock: the machine may be shared) is killed as a hang."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        started = time.perf_counter()
        self.proc.stdin.write(json.dumps({"importer": importer, "path": str(path)}) + "\n")
        self.proc.stdin.flush()
        result = self._read(3 * budget)
        if result is None:
            hung = self.proc.poll() is None
            self.stop()
            why = f"hang: no answer within {3 * budget:.0f} s" if hung else "the worker died (memory limit or a crash)"
            return {"outcome": "finding", "why": why, "seconds": round(time.perf_counter() - started, 3)}
        if result.get("cpu_seconds", 0) > budget and result["outcome"] != "finding":
            result = {**result, "outcome": "finding", "why": f"too slow: {result['cpu_seconds']:.1f} CPU seconds"}
        return result

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz_importers", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="cases per importer (default 1000)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--only", default=",".join(IMPORTERS), help="comma-separated importers")
    parser.add_argument("--budget", type=float, default=10.0,
                        help="CPU seconds a case may take (default 10; killed after three times that, wall clock)")
    parser.add_argument("--memory-mb", type=int, default=1536, help="address space of the worker (default 1536)")
    parser.add_argument("--keep", type=Path, help="copy the files of findings into this folder")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.memory_mb)
        return 0

    from app.demo.seed import make_demo
    from app.models import open_ledger
    from app.models.engine import DEMO_PASSPHRASE
    from app.paths import ledger_path

    # The cases are made here: a mutation gone wrong must not take the (shared) machine's memory with it.
    resource.setrlimit(resource.RLIMIT_AS, (4096 * 1024 * 1024, 4096 * 1024 * 1024))
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="sasaeai-fuzz-"))
    try:
        make_demo(work / "ledger", today=date(2026, 12, 1))
        ledger = open_ledger(ledger_path(work / "ledger"), DEMO_PASSPHRASE)
        try:
            seeds = _seed_files(work, ledger)
        finally:
            ledger.close()
        (work / "cases").mkdir()
        bombs = make_bombs(seeds["roster"][0], work)
        rng = random.Random(args.seed)
        runner = Worker(work / "ledger", args.memory_mb)
        totals: dict[str, Counter] = defaultdict(Counter)
        findings: list[dict] = []
        for importer in [i for i in IMPORTERS if i in args.only.split(",")]:
            importer_started = time.perf_counter()
            slowest = 0.0
            for n in range(args.count):
                path, label = make_case(importer, seeds[importer], bombs, work / "cases", n, rng)
                result = runner.run(importer, path, args.budget)
                slowest = max(slowest, result.get("cpu_seconds", result.get("seconds", 0)))
                outcome = result["outcome"]
                totals[importer][outcome] += 1
                if outcome == "refused" and not result.get("names_file"):
                    totals[importer]["refused, naming a sheet or cell but not the file"] += 1
                if outcome == "finding":
                    finding = {"importer": importer, "case": n, "mutation": label, **result}
                    findings.append(finding)
                    print("FINDING", json.dumps(finding, ensure_ascii=False), flush=True)
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, args.keep / path.name)
                path.unlink(missing_ok=True)
            totals[importer]["seconds"] = round(time.perf_counter() - importer_started)
            totals[importer]["slowest case (CPU s)"] = slowest
            print(importer, dict(totals[importer]), flush=True)
        runner.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'importer':<18} {'cases':>6} {'refused':>8} {'imported':>9} {'findings':>9} {'time (s)':>9}")
    for importer, t in totals.items():
        cases = t["refused"] + t["imported"] + t["finding"]
        print(f"{importer:<18} {cases:>6} {t['refused']:>8} {t['imported']:>9} {t['finding']:>9} {t['seconds']:>9}")
    kinds = Counter((f["importer"], f["why"], f.get("at", "")) for f in findings)
    for (importer, why, at), count in kinds.most_common():
        print(f"  {count:>4} × {importer}: {why} {at}")
    print(f"total {time.perf_counter() - started:.0f} s, seed {args.seed}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
