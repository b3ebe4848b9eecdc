"""Sync in the window, against a real PostgreSQL office server: status, the Sync button, conflicts side by side."""

from __future__ import annotations

from sqlalchemy import select

from app.core.views import HouseholdFields
from app.households import households as hh
from app.models import Household
from app.sync import sync
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow.actions import MainAction
from app.ui.sync_dialogs import value_text
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures
from tests.test_sync import DISTRICT, _seed, _two_laptops_synced


def open_window(qtbot, laptop, tmp_path):
    w = MainWindow(laptop.ledger, settings_for(tmp_path / f"settings-{laptop.name}"))
    qtbot.addWidget(w)
    w.show()
    if w.towns.refresh_towns():
        with qtbot.waitSignal(w.map_ready, timeout=60_000):
            w.towns.open_initial_town()
    return w


def name_of(laptop, household_id):
    with laptop.ledger.Session() as s:
        return s.get(Household, household_id).name


def test_sync_button_status_and_a_conflict_chosen_side_by_side(qtbot, make_laptop, tmp_path):
    # GIVEN two laptops of one district that both have the town
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    _, ids = _seed(a)
    sync(a.ledger, a.url)
    window = open_window(qtbot, b, tmp_path)
    assert "Not synced" in window.sync.label.text() or "未" in window.sync.label.text()
    sync_button = window.edit_toolbar.widgetForAction(window.actions[MainAction.SYNC])
    assert not sync_button.isVisible()  # a ledger that never synced has no Sync button in the way
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        with qtbot.waitSignal(window.sync.synced, timeout=60_000) as synced:
            assert window.sync.sync_now(b.url)
    report = synced.args[0]
    assert report is not None and report.applied > 0
    assert window.towns.town is not None and window.towns.town.household_count == 3  # the received town is on the map
    assert sync_button.isVisible()  # from now on one click syncs
    # WHEN both rename the same household offline and A syncs first
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, ids[0], HouseholdFields(name="山田家", address="余川町1"))
    sync(a.ledger, a.url)
    window.households.select_household(ids[0])
    window.households.edit_selected(HouseholdFields(name="山田さん宅", address="余川町1"))
    with qtbot.waitSignal(window.sync.synced, timeout=60_000) as synced:
        assert window.sync.sync_now()  # the address was kept from the first sync
    second = synced.args[0]
    # THEN nothing is merged: B keeps its own value and the window says a choice is waiting
    assert second is not None and second.new_conflicts == 1
    assert name_of(b, ids[0]) == "山田さん宅"
    assert "1" in window.sync.label.text() and window.actions[MainAction.CONFLICTS].text().count("1") == 1
    shown = []
    dialog = window.sync.show_conflicts(show=shown.append)
    assert len(dialog.conflicts) == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert "山田さん宅" in row[3] and "山田家" in row[4] and "laptop-a" in row[4]  # both values, who and where
    # WHEN the user takes the other laptop's value
    assert dialog.choose("theirs")
    assert dialog.conflicts == [] and dialog.table.rowCount() == 0
    assert name_of(b, ids[0]) == "山田家"
    assert window.sync.refresh_sync_status().open_conflicts == 0 and "to resolve" not in window.sync.label.text()
    with b.ledger.Session() as s:
        assert s.scalars(select(Household.name).where(Household.id == ids[0])).one() == "山田家"


def test_a_sync_package_carried_by_hand(qtbot, make_laptop, server_url, tmp_path):
    from app.office.packages import export_package_for_laptop, import_package_at_office

    a, b, _, ids = _two_laptops_synced(make_laptop)
    window = open_window(qtbot, b, tmp_path)
    window.households.select_household(ids[1])
    window.households.edit_selected(HouseholdFields(name="世帯2", address="余川町2", note="鍵は裏口"))
    package = window.sync.export_sync_package(tmp_path / "to-office.sqlite3", passphrase="USBの合言葉")
    assert package is not None and package.exists()
    import_package_at_office(server_url, package, "USBの合言葉", tmp_path / "reply.sqlite3")
    sync(a.ledger, a.url)
    with a.ledger.Session() as s:
        assert s.get(Household, ids[1]).note == "鍵は裏口"  # carried on a USB stick, now at the office and on A
    # and back: A's change reaches B through a package the office makes for it
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, ids[2], HouseholdFields(name="世帯3", address="余川町3", note="犬がいる"))
    sync(a.ledger, a.url)
    export_package_for_laptop(server_url, "laptop-b", tmp_path / "to-b.sqlite3", "USBの合言葉")
    report = window.sync.import_sync_package(tmp_path / "to-b.sqlite3", passphrase="USBの合言葉")
    assert report is not None and report.applied >= 1
    with b.ledger.Session() as s:
        assert s.get(Household, ids[2]).note == "犬がいる"


def test_values_are_shown_as_people_read_them():
    assert value_text(None) == value_text("") != ""
    assert value_text(True) != value_text(False)
    assert value_text("山田家") == "山田家"


def test_an_archive_mark_reads_as_ended_or_in_use():
    assert value_text(None, "deleted_at") != value_text("2026-11-27T08:33:39.370199+00:00", "deleted_at")
    assert "T08:33" not in value_text("2026-11-27T08:33:39.370199+00:00", "deleted_at")
