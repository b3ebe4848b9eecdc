"""A base map that cannot be used is explained in the user's language: in Japanese, naming the file chosen."""

from __future__ import annotations

import ast
import gzip
import re
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from app.core.errors import LedgerError
from app.towns import basemaps
from app.ui import i18n
from app.ui.dialogs import error_text


@pytest.fixture
def japanese(qapp):
    """GIVEN the window's Japanese catalogue installed (as tests/test_translations.py loads it)."""
    translators = i18n.install_translators(qapp, "ja")
    assert len(translators) == 2, "both Qt's own and our catalogue load"
    yield
    for t in translators:
        qapp.removeTranslator(t)


def vector_mbtiles(path: Path) -> Path:
    """A real MBTiles file of vector (PBF) tiles, the kind a web map service exports."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "道路"), ("format", "pbf")])
        db.execute("INSERT INTO tiles VALUES (0, 0, 0, ?)", (gzip.compress(b"\x1a\x05roads"),))
    db.close()
    return path


def choose(ledger, town, kind: str, path: Path) -> LedgerError:
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        if kind == "image":
            basemaps.set_image_base_map(s, ledger.data_dir, town.id, path)
        else:
            basemaps.set_mbtiles_base_map(s, ledger.data_dir, town.id, path)
    return err.value


@pytest.mark.parametrize(("kind", "name", "make", "japanese_reason"), [
    ("image", "空の地図.png", lambda p: p.write_bytes(b""), "は空です（データが入っていません）"),
    ("mbtiles", "空のタイル.mbtiles", lambda p: p.write_bytes(b""), "は空です（データが入っていません）"),
    ("mbtiles", "道路ベクトル.mbtiles", vector_mbtiles, "はベクトル（PBF）タイルの地図です"),
    ("image", "町内地図.png", lambda p: p.write_text("これは地図ではなくメモです", encoding="utf-8"),
     "は画像（PNG または JPEG）ではありません"),
    ("mbtiles", "メモ.mbtiles", lambda p: p.write_text("ただのメモ", encoding="utf-8"),
     "は MBTiles の地図ファイルではありません"),
    ("image", "地図.gif", lambda p: Image.new("RGB", (8, 8)).save(p, format="GIF"), "は GIF 形式の画像です"),
])
def test_an_unusable_base_map_is_explained_in_japanese_naming_the_file(
        japanese, ledger, town, tmp_path, kind, name, make, japanese_reason):
    # GIVEN a file that cannot be a base map
    path = tmp_path / name
    make(path)
    # WHEN it is chosen as the town's base map
    error = choose(ledger, town, kind, path)
    # THEN the message the window shows is Japanese and names the file
    message = error_text(error)
    assert f"「{name}」{japanese_reason}" in message, message
    assert not re.search(r"\b(Please|is|the|file|picture)\b", message), message  # no English sentence left
    # ... while the command line and the log keep the English text
    assert str(error).startswith(f"{name}: 「{name}」 ") and re.search(r"\b(is|holds)\b", str(error))


def test_every_base_map_message_has_a_japanese_translation(japanese):
    """GIVEN each way a file can be refused WHEN shown THEN none falls back to the English template."""
    from PySide6.QtCore import QCoreApplication

    from app.towns import basemap_files

    tree = ast.parse(Path(basemap_files.__file__).read_text(encoding="utf-8"))
    templates = [node.args[1].value for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"]
    assert len(templates) >= 15
    for template in templates:
        translated = QCoreApplication.translate("errors", template)
        assert translated != template and "「{name}」" in translated, template
