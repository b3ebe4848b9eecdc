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


def rename(qtbot, dialog, selected, name):
    """Select ``selected`` in the tree, type ``name`` and press Rename."""
    dialog.select(selected)
    type_name(qtbot, dialog, name)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)


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
    rename(qtbot, dialog, "余川町", "余川町一丁目")
    rename(qtbot, dialog, "味真野地区", "味真野")
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


# ---------------------------------------------------------------------------------------------- undo and redo

def active_districts(ledger):
    with ledger.Session() as s:
        return set(s.scalars(select(District.name).where(District.archived_at.is_(None))))


def test_an_added_district_is_undone_by_the_dialogs_undo_button_and_redone(qtbot, dialog, ledger):
    # GIVEN a district added in the window
    type_name(qtbot, dialog, "味真野地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    assert dialog.undo_button.isEnabled() and dialog.undo_button.text() == "Undo: Add district “味真野地区”"
    # WHEN the Undo button is pressed
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    # THEN it is gone from the tree and from the active districts, but kept in the ledger as archived
    assert dialog.names() == {}
    assert active_districts(ledger) == set()
    with ledger.Session() as s:
        assert s.scalars(select(District.name)).all() == ["味真野地区"]  # archived, never deleted
    assert "Undone: Add district “味真野地区”" in dialog.message.text()
    assert not dialog.undo_button.isEnabled() and dialog.redo_button.text() == "Redo: Add district “味真野地区”"
    # AND Redo brings the same district back
    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": []}
    with ledger.Session() as s:
        assert len(s.scalars(select(District)).all()) == 1


def test_adding_again_a_name_an_undo_archived_says_where_it_is(qtbot, dialog, ledger, town):
    # GIVEN a district and a town added, then undone (archived, so hidden from the tree)
    type_name(qtbot, dialog, "北日野地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    dialog.select("味真野地区")
    type_name(qtbot, dialog, "上大坪町")
    qtbot.mouseClick(dialog.add_town_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    # WHEN the user adds the same names again
    type_name(qtbot, dialog, "北日野地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    # THEN the refusal says the one there is archived and how to bring it back, and nothing is added
    assert "archived" in dialog.message.text() and "Show archived" in dialog.message.text()
    dialog.select("味真野地区")
    type_name(qtbot, dialog, "上大坪町")
    qtbot.mouseClick(dialog.add_town_button, Qt.MouseButton.LeftButton)
    assert "archived" in dialog.message.text() and "上大坪町" in dialog.message.text()
    assert dialog.names() == {"味真野地区": ["余川町"]}
    with ledger.Session() as s:
        assert sorted(s.scalars(select(District.name)).all()) == ["北日野地区", "味真野地区"]


def test_a_long_name_on_the_undo_button_is_cut_and_the_tip_says_it_all(qtbot, dialog):
    long_name = "長" * 98 + "地区"
    type_name(qtbot, dialog, long_name)
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    assert dialog.undo_button.text() == "Undo: Add district “" + "長" * 33 + "…"  # 48 characters of the step
    assert dialog.undo_button.toolTip() == f"Undo: Add district “{long_name}”"


def test_an_added_town_is_undone_and_its_district_stays(qtbot, dialog, ledger, town):
    dialog.refresh()
    dialog.select("味真野地区")
    type_name(qtbot, dialog, "上大坪町")
    qtbot.mouseClick(dialog.add_town_button, Qt.MouseButton.LeftButton)
    assert dialog.undo_button.text() == "Undo: Add town “上大坪町” to 味真野地区"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": ["余川町"]}
    with ledger.Session() as s:
        assert [t.name for t in service.list_towns(s)] == ["余川町"]


def test_a_rename_is_undone_with_ctrl_z_in_the_window(qtbot, dialog, ledger, town):
    dialog.refresh()
    rename(qtbot, dialog, "余川町", "余川町一丁目")
    assert dialog.names() == {"味真野地区": ["余川町一丁目"]}
    assert dialog.undo_button.text() == "Undo: Rename town “余川町” to “余川町一丁目”"
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.names() == {"味真野地区": ["余川町"]}
    with ledger.Session() as s:
        assert s.scalar(select(Town.name).where(Town.id == town.id)) == "余川町"
    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": ["余川町一丁目"]}


def test_a_rename_to_the_same_name_says_so_and_puts_no_step_on_the_stack(qtbot, dialog, ledger, town):
    dialog.refresh()
    rename(qtbot, dialog, "余川町", "余川町")  # the same name, then with full-width spaces around it
    rename(qtbot, dialog, "余川町", "\u3000余川町\u3000")
    assert dialog.message.text() == "Nothing changed: the name is the same."
    assert not dialog.undo_button.isEnabled()
    assert dialog.names() == {"味真野地区": ["余川町"]}


def test_an_undo_the_ledger_refuses_changes_nothing_says_why_and_leaves_the_stack(qtbot, dialog, ledger, town):
    # GIVEN 余川町 renamed to 余川町一丁目, then a new town 余川町 added and that add undone (archived, kept)
    dialog.refresh()
    rename(qtbot, dialog, "余川町", "余川町一丁目")
    dialog.select("味真野地区")
    type_name(qtbot, dialog, "余川町")
    qtbot.mouseClick(dialog.add_town_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.undo_button.text() == "Undo: Rename town “余川町” to “余川町一丁目”"
    # WHEN the rename is undone: the archived 余川町 holds the name, so the ledger refuses it
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    # THEN nothing changed, the message says which step and why, and the step is off the stack (the stack does not
    # claim the rename was undone: Redo offers the add again, not the rename)
    with ledger.Session() as s:
        assert s.scalar(select(Town.name).where(Town.id == town.id)) == "余川町一丁目"
    text = dialog.message.text()
    assert text.startswith("“Rename town “余川町” to “余川町一丁目”” could not be undone:") and "archived" in text
    assert not dialog.undo_button.isEnabled()
    assert dialog.redo_button.text() == "Redo: Add town “余川町” to 味真野地区"
    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": ["余川町", "余川町一丁目"]}


def test_an_archive_is_undone_and_the_district_is_active_again(qtbot, dialog, ledger, town):
    dialog.refresh()
    dialog.select("味真野地区")
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {} and active_districts(ledger) == set()
    assert dialog.undo_button.text() == "Undo: Archive district “味真野地区”"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": ["余川町"]}
    with ledger.Session() as s:
        assert [t.full_name for t in service.list_towns(s)] == [town.full_name]
    # bringing an archived one back is undone the same way
    dialog.show_archived.setChecked(True)
    dialog.select("余川町")
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    dialog.select("余川町 (archived)")
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)  # Restore selected
    assert dialog.undo_button.text() == "Undo: Bring back town “余川町”"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == {"味真野地区": ["余川町 (archived)"]}


def test_the_17_districts_import_is_one_step_undone_whole(qtbot, dialog, ledger, town):
    # GIVEN a ledger with 味真野地区 (which the list has too) and a district of its own
    type_name(qtbot, dialog, "試し地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.example_button, Qt.MouseButton.LeftButton)
    assert len(active_districts(ledger)) == 18
    assert dialog.undo_button.text() == "Undo: Import 16 districts from echizen_chiku_list.csv"
    # WHEN Undo is pressed once
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    # THEN none of the imported districts is active, and those there before are untouched
    assert active_districts(ledger) == {"味真野地区", "試し地区"}
    assert dialog.names() == {"味真野地区": ["余川町"], "試し地区": []}
    with ledger.Session() as s:
        assert len(s.scalars(select(District)).all()) == 18  # archived, never deleted
        assert [t.name for t in service.list_towns(s)] == ["余川町"]
    assert dialog.undo_button.text() == "Undo: Add district “試し地区”"  # the step before is next
    # AND Redo brings all 16 back at once
    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert len(active_districts(ledger)) == 18 and len(dialog.names()) == 18


def test_an_import_that_adds_nothing_and_a_refused_change_put_no_step_on_the_stack(qtbot, dialog, ledger, tmp_path):
    dialog.import_districts(CHIKU)
    dialog.import_districts(CHIKU)  # 0 added
    type_name(qtbot, dialog, "東地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)  # refused: already there
    bad = tmp_path / "bad.csv"
    bad.write_text("名称\n北地区\n\n北地区\n", encoding="utf-8")
    dialog.import_districts(bad)  # refused: listed twice
    assert "bad.csv, row 4" in dialog.message.text()
    assert dialog.undo_button.text() == "Undo: Import 17 districts from chiku_list.csv"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert active_districts(ledger) == set() and not dialog.undo_button.isEnabled()


def test_the_windows_undo_and_the_dialogs_undo_are_one_stack(qtbot, demo_ledger, demo_dir):
    from app.ui.app import settings_for
    from app.ui.mainwindow import MainWindow
    from app.ui.mainwindow.actions import MainAction

    with demo_ledger.Session.begin() as s:
        district = service.list_towns(s)[0].district_name
        service.create_town(s, district, "もみじ町")  # a second town to show when the first is archived
    window = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.towns.open_initial_town()
        window.show()
    shown = window.towns.town
    combo = window.towns.combo

    def listed():
        return [combo.itemText(i) for i in range(combo.count())]

    window.actions[MainAction.DISTRICTS_TOWNS].trigger()
    dialog = window.towns.towns_dialog
    # a district and a town added in the dialog reach the window's town list; the dialog's Undo takes them off
    type_name(qtbot, dialog, "試し地区")
    qtbot.mouseClick(dialog.add_district_button, Qt.MouseButton.LeftButton)
    dialog.select("試し地区")
    type_name(qtbot, dialog, "試し町")
    qtbot.mouseClick(dialog.add_town_button, Qt.MouseButton.LeftButton)
    assert any(t.endswith("試し町") for t in listed())
    assert window.actions[MainAction.UNDO].isEnabled()  # the same stack as Edit ▸ Undo
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert not any(t.endswith("試し町") for t in listed())
    assert "試し地区" in dialog.names() and dialog.names()["試し地区"] == []
    # Edit ▸ Undo in the window undoes the district, and the dialog's tree follows
    window.actions[MainAction.UNDO].trigger()
    assert "試し地区" not in dialog.names()
    assert combo.currentData() == shown.id  # the town shown stays shown
    # archiving the town shown shows another; the archive stays undoable and its undo lists the town again
    dialog.select(shown.name)
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert shown.full_name not in listed() and window.towns.town.id != shown.id
    assert dialog.undo_button.text() == f"Undo: Archive town “{shown.name}”"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert shown.full_name in listed() and len(listed()) == 2
    # closed, the dialog is gone and the window's Redo still works without it
    dialog.close()
    qtbot.waitUntil(lambda: window.towns.towns_dialog is None, timeout=5_000)
    window.actions[MainAction.REDO].trigger()
    assert shown.full_name not in listed()
