"""The status line's sync status is read off the UI thread once the map is drawn, not while the window is built
(it counts every synced table: the page's start waited for it); a ledger with no town gets it at once."""

from __future__ import annotations

import threading

import pytest

from app import sync
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow.actions import MainAction
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
    # and loading the town again does not read it again (only a sync or a conflict changes it)
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
    w = MainWindow(ledger, settings_for(tmp_path / "settings"))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    qtbot.waitUntil(lambda: w.sync.label.text() != "", timeout=READY_MS)
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
