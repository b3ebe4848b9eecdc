"""What a volunteer reads before importing a list of shelters or agencies: the counts and every problem, in
Japanese in the Japanese UI, each naming its file, row and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QMessageBox

from app.emergency import agency_files
from app.emergency import cards as emergency
from app.towns import reference_layers
from app.ui.mainwindow.imports import confirm_report
from tests.test_basemap_errors import japanese  # noqa: F401 - fixture

# The words this change adds to the catalogue, with the Japanese proposed for sasaeai_ja.ts (the lead adds them):
# installed here so the test reads the window the way a Japanese user will.
PROPOSED = {
    "row {row}, column {column}": "{row}行目、列「{column}」",
    "row {row}": "{row}行目",
    "column {column}": "列「{column}」",
    "feature {row}, field {column}": "{row}番目の地物、属性「{column}」",
    "feature {row}": "{row}番目の地物",
    "field {column}": "属性「{column}」",
    "{file}, {problem}": "{file}、{problem}",
    "{file}: {problem}": "{file}：{problem}",
    "{place}: {what}": "{place}：{what}",
    "{severity}: {problem}": "［{severity}］{problem}",
    "skipped": "取り込まない",
    "partial": "一部を除いて取り込む",
    "fixed": "直して取り込む",
    "note": "注意",
    "add {added}, update {updated}, unchanged {unchanged}, problems {problems}":
        "追加 {added} 件、更新 {updated} 件、変更なし {unchanged} 件、問題 {problems} 件",
    "{features} features ({placed} with a position), {problems} problems":
        "{features} 件（位置あり {placed} 件）、問題 {problems} 件",
}


class Proposed(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201 - Qt's signature
        return PROPOSED.get(source) if context == "import" else None


@pytest.fixture
def proposed(qapp, japanese):  # noqa: F811 - the fixture imported above
    translator = Proposed()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def asked(monkeypatch):
    """The question's text and its "Show Details" list, answered No (nothing is written)."""
    seen: dict[str, str] = {}

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        seen.update(text=box.text(), details=box.detailedText())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_shelter_lists_problems_are_listed_in_japanese_with_file_row_and_column(qapp, proposed, asked, tmp_path):
    # GIVEN a shelter list with a row without a name and a row whose latitude is not a number
    path = write(tmp_path / "避難所.csv", "名称,住所,緯度,経度\n武生東小学校,越前市国府二丁目9-12,35.908222,136.168167\n"
                                        ",越前市中央二丁目2-13,35.90,136.15\n西公民館,越前市,北緯,136.15\n")
    preview = reference_layers.read_layer(path, kind="shelter", credit="越前市")
    # WHEN the window asks before importing it
    assert confirm_report(None, "避難所の取り込み", path)(preview) is False
    # THEN the question gives the counts in Japanese (it used to fail: a shelter list has no "added/updated")
    assert asked["text"] == "避難所.csv：2 件（位置あり 1 件）、問題 2 件。取り込みますか？"
    # AND every problem is in Japanese, with its severity, file, row and column, and no English left
    assert asked["details"].splitlines() == [
        "［取り込まない］避難所.csv、3行目、列「名称」：名称がありません。この行は取り込みません。",
        "［一部を除いて取り込む］避難所.csv、4行目、列「緯度」：「北緯」は数値ではありません。位置なしで取り込みます。",
    ]
    assert not any(word in asked["details"] for word in ("skipped", "partial", "row", "column", "No name", "number"))


def test_an_agency_lists_counts_and_problems_are_in_japanese(qapp, proposed, asked, ledger, tmp_path):
    # GIVEN an agency list with two centres, one phone without its area code
    path = write(tmp_path / "包括.csv", "センター名,所在地1,電話番号\nほやねっと明倫,福井市木田1丁目3308,0776-33-5777\n"
                                      "ほやねっと中央北,福井市文京2丁目9-1,28-7271\n")
    with ledger.Session() as s:
        preview = agency_files.read_agencies(s, path, kind="community_support_centre")
    # WHEN the window asks before importing it
    assert confirm_report(None, "関係機関の取り込み", path)(preview) is False
    # THEN the counts are the list's own (two to add; they used to read 追加 0 件)
    assert asked["text"] == "包括.csv：追加 2 件、更新 0 件、変更なし 0 件、問題 1 件。取り込みますか？"
    # AND the problem is in Japanese, naming file, row and column
    assert asked["details"].splitlines() == [
        "［直して取り込む］包括.csv、3行目、列「電話番号」：「28-7271」は電話番号として足りません（市外局番？）。書かれたとおりに残します。",
    ]


def test_an_agency_list_the_import_would_refuse_is_refused_before_asking(qapp, proposed, asked, ledger, tmp_path):
    # GIVEN an agency list with a row without a name (the import refuses the whole file)
    path = write(tmp_path / "包括.csv", "センター名,所在地1,電話番号\nほやねっと明倫,福井市木田1丁目3308,0776-33-5777\n"
                                      ",福井市明里町9-20,0776-33-6800\n")
    with ledger.Session() as s:
        preview = agency_files.read_agencies(s, path, kind="community_support_centre")
    # WHEN the window reads it
    assert confirm_report(None, "関係機関の取り込み", path)(preview) is False
    # THEN it says at once what the import would say, not 「取り込みますか？」 (whose はい could only fail)
    assert asked["text"].startswith("包括.csv: 1行を取り込めません。最初の問題：3行目、列「センター名」：名称がありません。")
    assert "取り込みますか" not in asked["text"]
    assert asked["details"] == "［取り込まない］包括.csv、3行目、列「センター名」：名称がありません。"
    with ledger.Session() as s:
        assert emergency.list_agencies(s) == []


def test_without_the_proposed_words_no_english_message_is_left(qapp, japanese, asked, tmp_path):  # noqa: F811
    # GIVEN the catalogue as it is (the place and severity words not translated yet)
    path = write(tmp_path / "避難所.csv", "名称,住所,緯度,経度\n,越前市中央二丁目2-13,35.90,136.15\n")
    preview = reference_layers.read_layer(path, kind="shelter", credit="越前市")
    confirm_report(None, "避難所の取り込み", path)(preview)
    # THEN what is wrong is said in Japanese already, with the file, row and column
    assert "名称がありません。この行は取り込みません。" in asked["details"]
    assert "No name" not in asked["details"] and "避難所.csv" in asked["details"] and "名称" in asked["details"]


def test_a_geojson_problem_names_its_feature_and_field_in_japanese(qapp, proposed, asked, tmp_path):
    # GIVEN a GeoJSON of shelters whose second feature has no name
    path = write(tmp_path / "避難所.geojson", json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "武生東小学校"},
         "geometry": {"type": "Point", "coordinates": [136.168167, 35.908222]}},
        {"type": "Feature", "properties": {"name": ""},
         "geometry": {"type": "Point", "coordinates": [136.15, 35.90]}}]}, ensure_ascii=False))
    preview = reference_layers.read_layer(path, kind="shelter", credit="越前市")
    # WHEN the window asks before importing it
    confirm_report(None, "避難所の取り込み", path)(preview)
    # THEN the problem names the feature and its field, as a GIS file has them, in Japanese
    assert asked["details"] == "［取り込まない］避難所.geojson、2番目の地物、属性「name」：名称がありません。取り込みません。"
