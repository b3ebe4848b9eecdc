"""The status line's sync status is read off the UI thread once the map is drawn, not while the window is built
(it counts every synced table: the page's start waited for it); a ledger with no town gets it at once."""

from __future__ import annotations

import re
import threading

import pytest

from app import sync
from app.core.views import HouseholdFields
from app.households import households
from app.sync.journal import max_audit, sync_state
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow.actions import MainAction
from app.ui.mainwindow.sync import RECOUNT_MS
from app.ui.operations import OpChanges
from app.ui.worker import reads_pool
from tests.test_mapquery import edge_town  # noqa: F401 - the fixture: a town with households

READY_MS = 60_000


@pytest.fixture
def status_reads(monkeypatch):
    """Where each sync-status read ran: (the thread's name, whether it was the UI thread)."""
    reads: list[bool] = []
    real = sync.sync_status

    def counted(session):  # noqa: ANN001, ANN202
        reads.append(threading.current_thread() is threading.main_thread())
        return real(session)

    monkeypatch.setattr(sync, "sync_status", counted)
    return reads


def opened(qtbot, ledger, tmp_path) -> MainWindow:  # noqa: ANN001
    """A window on ``ledger``'s town, its map drawn and its status line read."""
    w = MainWindow(ledger, settings_for(tmp_path / "settings"))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    qtbot.waitUntil(lambda: w.sync.label.text() != "", timeout=READY_MS)
    return w


def test_the_sync_status_is_read_off_the_ui_thread_after_the_map_is_drawn(qtbot, ledger, edge_town, tmp_path,  # noqa: F811
                                                                          status_reads):
    # WHEN a window opens on a ledger with a town
    w = MainWindow(ledger, settings_for(tmp_path / "settings"))
    qtbot.addWidget(w)
    # THEN building the window did not count the ledger's changes
    assert status_reads == []
    assert w.sync.label.text() == ""
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    # and soon after (behind the lists' read), the status was read once, in the background, and is shown
    qtbot.waitUntil(lambda: w.sync.label.text() != "", timeout=READY_MS)
    assert status_reads == [False]
    assert "Not synced" in w.sync.label.text() or "未" in w.sync.label.text()
    assert w.actions[MainAction.CONFLICTS].text() != ""
    # and loading the town again does not read it again (a sync, a conflict or an edit changes it)
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.load_town(w.towns.town.id)
    assert status_reads == [False]


def test_a_ledger_without_a_town_shows_its_sync_status_at_once(qtbot, ledger, tmp_path, status_reads):
    w = MainWindow(ledger, settings_for(tmp_path / "settings"))
    qtbot.addWidget(w)
    # WHEN the window finds no town to draw
    assert w.towns.refresh_towns() == []
    # THEN the status is there without waiting for a map that never comes
    assert status_reads == [True]
    assert "Not synced" in w.sync.label.text() or "未" in w.sync.label.text()


def test_a_synchronous_refresh_wins_over_the_read_still_running(qtbot, ledger, edge_town, tmp_path,  # noqa: F811
                                                                status_reads):
    w = opened(qtbot, ledger, tmp_path)
    w.sync.label.setText("stale")
    # a later background result (none is due now) must not overwrite what a refresh shows
    assert w.sync.refresh_sync_status().open_conflicts == 0
    assert w.sync.label.text() != "stale"
    assert status_reads == [False, True]


def test_a_window_closed_as_its_lists_fill_reads_no_status_after_it(qtbot, ledger, edge_town, tmp_path,  # noqa: F811
                                                                     status_reads):
    w = MainWindow(ledger, settings_for(tmp_path / "settings"))
    qtbot.addWidget(w)
    # WHEN the window is closed the moment its lists are filled, before the status read it queued has started
    w.towns.ready.connect(w.close)
    with qtbot.waitSignal(w.towns.ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    assert not w.isVisible()
    qtbot.wait(300)  # the queued start's turn, and a read's time
    assert reads_pool().waitForDone(30_000)
    qtbot.wait(50)
    # THEN no read of the closed window's ledger started, and none comes back to its deleted labels
    assert status_reads == []
    assert w.sync.label.text() == ""


def waiting(w: MainWindow) -> int:
    """The count of changes waiting the status line shows."""
    found = re.search(r"(\d[\d,]*) changes waiting|送信待ち (\d[\d,]*)", w.sync.label.text())
    assert found, w.sync.label.text()
    return int((found.group(1) or found.group(2)).replace(",", ""))


def test_on_a_laptop_that_syncs_the_count_of_changes_waiting_follows_the_edits(qtbot, ledger, edge_town,  # noqa: F811
                                                                                tmp_path, status_reads):
    # GIVEN a laptop registered to sync, with everything sent
    with ledger.Session.begin() as s:
        state = sync_state(s)
        state.laptop_name, state.pushed_audit_id = "ノートA", max_audit(s.connection())
    w = opened(qtbot, ledger, tmp_path)
    assert waiting(w) == 0 and status_reads == [False]
    home = next(h for h in ledger_households(ledger, w.towns.town.id) if h.name == "木村家")
    # WHEN the user renames a household and at once adds a note to it (two edits in a row)
    before = HouseholdFields(name=home.name)
    for fields in (HouseholdFields(name="木村 本家"), HouseholdFields(name="木村 本家", note="犬がいます")):
        w.operations.run("edit", lambda s, f=fields: households.edit_household(s, home.id, f),
                         lambda s: households.edit_household(s, home.id, before),
                         changes=OpChanges.of_households([home.id]))
    # THEN the status line counts the two fields changed without a sync, read once in the background after both
    qtbot.waitUntil(lambda: waiting(w) == 2, timeout=READY_MS)
    assert status_reads == [False, False]
    # and an undo is counted too: read again, the line says what the ledger holds
    w.actions[MainAction.UNDO].trigger()
    qtbot.waitUntil(lambda: len(status_reads) == 3, timeout=READY_MS)
    with ledger.Session() as s:
        in_ledger = sync.sync_status(s).pending_changes
    qtbot.waitUntil(lambda: waiting(w) == in_ledger == 2, timeout=READY_MS)  # the note changed back is still to send


def test_a_ledger_kept_on_this_computer_alone_reads_no_count_after_edits(qtbot, ledger, edge_town, tmp_path,  # noqa: F811
                                                                        status_reads):
    w = opened(qtbot, ledger, tmp_path)
    home = next(h for h in ledger_households(ledger, w.towns.town.id) if h.name == "木村家")
    w.operations.run("edit", lambda s: households.edit_household(s, home.id, HouseholdFields(name="木村 本家")),
                     lambda s: households.edit_household(s, home.id, HouseholdFields(name="木村家")),
                     changes=OpChanges.of_households([home.id]))
    qtbot.wait(RECOUNT_MS + 500)
    # its line says it does not sync, with no count to keep true
    assert status_reads == [False]
    assert w.sync.label.text() in ("Not synced with an office server", "事務所のサーバーとは未同期")


def ledger_households(ledger, town_id):  # noqa: ANN001, ANN201
    with ledger.Session() as s:
        return households.list_households(s, town_id)


def test_a_restored_backup_shows_its_own_sync_status(qtbot, ledger, edge_town, tmp_path, status_reads):  # noqa: F811
    # GIVEN a window on a ledger kept on this computer alone, and a backup of it
    w = opened(qtbot, ledger, tmp_path)
    alone = w.sync.label.text()
    backup = w.privacy.backup_now(tmp_path / "before.sqlite3")
    assert backup is not None
    # and the laptop registered to sync after it
    with w.ledger.Session.begin() as s:
        sync_state(s).laptop_name = "ノートA"
    w.sync.refresh_sync_status()
    assert w.sync.label.text() != alone
    # WHEN the backup is restored
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        assert w.privacy.restore_backup(backup, confirm=False) is True
    # THEN the status line is the restored ledger's, not the replaced one's
    assert w.sync.label.text() == alone
