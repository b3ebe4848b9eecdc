"""The districts and towns window: add and rename through the real widgets, archive instead of delete, and
import the 17 地区 of Echizen (tests/data/echizen/chiku_list.csv, credit in tests/data/README.md)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import District, Town
from app.towns import towns as service
from app.ui.towns_dialog import TownsDialog, ledger_runner
from tests.conftest import DATA

CHIKU = DATA / "echizen" / "chiku_list.csv"


@pytest.fixture
def dialog(qtbot, ledger):
    d = TownsDialog(ledger_runner(ledger.Session))
    qtbot.addWidget(d)
    d.show()
    return d


def type_name(qtbot, dialog, text):
    """Japanese arrives through the input method, which QTest cannot type: the field is set, as an IME commits."""
    dialog.name.clear()
    qtbot.mouseClick(dialog.name, Qt.MouseButton.LeftButton)
    dialog.name.insert(text)


def test_add_a_district_and_a_town_then_rename_both(qtbot, dialog, ledger):
    changes = []
    dialog.changed.connect(lambda: changes.append(1))
    type_name(qtbot, dialog, "味真野地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": []}
    dialog.select("味真野地区")
    type_name(qtbot, dialog, "余川町")
    qtbot.mouseClick(dialog.add_town_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": ["余川町"]}
    dialog.select("余川町")
    type_name(qtbot, dialog, "余川町一丁目")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    dialog.select("味真野地区")
    type_name(qtbot, dialog, "味真野")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野": ["余川町一丁目"]}
    with ledger.Session() as s:
        assert [(t.district_name, t.name) for t in service.list_towns(s)] == [("味真野", "余川町一丁目")]
    assert len(changes) == 4  # the window reads its town list again after each


def test_a_duplicate_or_empty_name_is_said_in_the_window_and_changes_nothing(qtbot, dialog, ledger):
    type_name(qtbot, dialog, "東地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)  # the field was cleared: empty
    assert "Please enter a name" in dialog.message.text()
    type_name(qtbot, dialog, "東地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    assert "already a district called 東地区" in dialog.message.text()
    with ledger.Session() as s:
        assert s.scalars(select(District.name)).all() == ["東地区"]


def test_archive_hides_a_town_keeps_it_and_restore_brings_it_back(qtbot, dialog, ledger, town):
    dialog.refresh()
    dialog.select("余川町")
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": []}
    with ledger.Session() as s:
        assert service.list_towns(s) == []  # off the window's town list
        assert s.scalar(select(Town.name).where(Town.id == town.id)) == "余川町"  # but never deleted
    dialog.show_archived.setChecked(True)
    assert dialog.names() == {"味真野地区": ["余川町 (archived)"]}
    dialog.select("余川町 (archived)")
    assert dialog.archive_button.text() == "Restore selected"
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    with ledger.Session() as s:
        assert [t.name for t in service.list_towns(s)] == ["余川町"]


def test_import_the_17_districts_of_echizen_once(qtbot, dialog, ledger):
    dialog.import_districts(CHIKU)
    assert "17 districts added" in dialog.message.text()
    assert len(dialog.names()) == 17 and "北新庄地区" in dialog.names()  # the row without a 公民館 too
    dialog.import_districts(CHIKU)
    assert "0 districts added, 17 already in the ledger" in dialog.message.text()
    with ledger.Session() as s:
        assert len(s.scalars(select(District)).all()) == 17


def test_the_shipped_example_is_the_same_list(qtbot, dialog, ledger):
    qtbot.mouseClick(dialog.example_button, Qt.MouseButton.LeftButton)
    with ledger.Session() as s:
        names = set(s.scalars(select(District.name)))
    assert len(names) == 17 and {"味真野地区", "服間地区", "東地区"} <= names


def test_a_bad_district_csv_names_the_row_and_adds_nothing(qtbot, dialog, ledger, tmp_path):
    bad = tmp_path / "chiku.csv"
    bad.write_text("chiku,kominkan_name\n東地区,武生東公民館\n,名前なし\n西地区,西公民館\n", encoding="utf-8")
    dialog.import_districts(bad)
    assert "chiku.csv, row 3, column chiku" in dialog.message.text()
    twice = tmp_path / "twice.csv"
    twice.write_text("地区\n東地区\n西地区\n東地区\n", encoding="utf-8")
    dialog.import_districts(twice)
    assert "twice.csv, row 4" in dialog.message.text() and "row 2" in dialog.message.text()
    with ledger.Session() as s:
        assert s.scalars(select(District)).all() == []


def test_the_window_opens_the_dialog_and_its_town_list_follows(qtbot, demo_ledger, demo_dir):
    from app.ui.app import settings_for
    from app.ui.mainwindow import MainWindow
    from app.ui.mainwindow.actions import MainAction

    window = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.towns.open_initial_town()
        window.show()
    shown = window.towns.town.id
    window.actions[MainAction.DISTRICTS_TOWNS].trigger()
    dialog = window.towns.towns_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    district = next(iter(dialog.names()))
    dialog.select(district)
    type_name(qtbot, dialog, "新しい町")
    qtbot.mouseClick(dialog.add_town_button, Qt.MouseButton.LeftButton)
    combo = window.towns.combo
    assert any(combo.itemText(i).endswith("新しい町") for i in range(combo.count()))
    assert window.towns.town.id == shown and combo.currentData() == shown  # the town shown stays shown
