"""The lists of Steps II and III are read while the page draws the households; the other reads of an open (the
households' labels and addresses, households not on the map, members' names, sync status) start only once the lists
are filled: queued behind the lists' read, they ran beside the fill on the UI thread and shared the interpreter with
it (at 50,000 households the fill's 80-90 ms of CPU took 0.5-1.6 s on a busy machine)."""

from __future__ import annotations

import threading

import pytest

from app import sync
from app.households import households
from app.ui import worker
from app.ui.mainwindow import town as town_module
from tests.test_lists_order import _reads_done
from tests.test_ui_map import READY_MS, window  # noqa: F401 - the window fixture

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def timeline(qtbot, window, monkeypatch):  # noqa: F811
    """What happened from now on, in order: the window's signals, and each background read's start with what the
    window showed at that moment (whether the map was drawn, whether the lists were filled)."""
    _reads_done(qtbot, window)
    events: list[tuple] = []

    def recorded(what, function):
        def wrapped(*args, **kwargs):
            if threading.current_thread() is not threading.main_thread():
                events.append((what, window.map_view.is_ready, window.towns.details_ready))
            return function(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(town_module, "read_town_details", recorded("lists", town_module.read_town_details))
    monkeypatch.setattr(households, "unplaced_households", recorded("unplaced", households.unplaced_households))
    monkeypatch.setattr(town_module, "member_labels", recorded("labels", town_module.member_labels))
    monkeypatch.setattr(town_module, "layer_texts", recorded("texts", town_module.layer_texts))
    real_init = worker.BackgroundRead.__init__

    def queued(read, ledger, job, *args, **kwargs):  # noqa: ANN001, ANN202 - when the UI thread started each read
        name = getattr(job, "__qualname__", "")
        what = next((what for part, what in (("_unplaced_due", "unplaced"), ("_send_member_labels", "labels"),
                                             ("_read_texts", "texts"), ("load_details", "lists")) if part in name),
                    "other")
        events.append(("queued " + what, window.map_view.is_ready, window.towns.details_ready))
        real_init(read, ledger, job, *args, **kwargs)

    monkeypatch.setattr(worker.BackgroundRead, "__init__", queued)
    window.map_drawn.connect(lambda: events.append(("drawn",)))
    window.towns.details_read.connect(lambda _d: events.append(("filled",)))
    window.map_ready.connect(lambda: events.append(("ready",)))
    return events


def _open_again(qtbot, window, events):  # noqa: F811
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: not window.towns.texts_pending and window.households._unplaced_read is None
                    and any(e[0] == "unplaced" for e in events), timeout=READY_MS)


def test_the_other_reads_of_an_open_start_once_the_lists_are_filled(qtbot, window, timeline):
    _open_again(qtbot, window, timeline)
    # the households not on the map and the members' names: started (and so read) once the lists were filled and
    # the map drawn, not queued behind the lists' read to run beside the fill
    later = [e for e in timeline if e[0] in ("queued unplaced", "queued labels", "unplaced", "labels")]
    assert {e[0] for e in later} >= {"queued unplaced", "unplaced"}, timeline
    assert all(drawn and filled for _what, drawn, filled in later), timeline
    assert timeline.index(later[0]) > timeline.index(("filled",))
    # the households' labels and addresses too, once the lists were filled (the map may still be drawing them)
    texts = [e for e in timeline if e[0] in ("queued texts", "texts")]
    assert [e[0] for e in texts] == ["queued texts", "texts"], timeline
    assert all(filled for _what, _drawn, filled in texts), timeline
    assert timeline.index(texts[0]) > timeline.index(("filled",))


def test_the_lists_are_read_while_the_page_draws_the_households(qtbot, window, timeline):
    """Started as soon as the households are sent to the page, not once it has drawn them: at 50,000 households the
    lists came 0.4 s sooner, the map no later (``TownController.load_details``)."""
    _open_again(qtbot, window, timeline)
    lists = [e for e in timeline if e[0] in ("queued lists", "lists")]
    assert [e[0] for e in lists] == ["queued lists", "lists"], timeline
    _what, drawn, filled = lists[0]
    assert not drawn and not filled, timeline
    # the first read after the households', before the texts' (which waits for the fill)
    assert timeline.index(lists[1]) < timeline.index(next(e for e in timeline if e[0] == "texts")), timeline


def test_a_new_windows_sync_status_is_read_once_its_lists_are_filled(qtbot, demo_ledger, demo_dir, monkeypatch):
    """(It counts every synced table: started beside the lists' fill, it shared the interpreter with it.)"""
    from app.ui.app import settings_for
    from app.ui.mainwindow import MainWindow

    seen: list[tuple[bool, bool]] = []
    holder: dict = {}
    real_init = worker.BackgroundRead.__init__

    def queued(read, ledger, job, *args, **kwargs):  # noqa: ANN001, ANN202 - when the UI thread started the read
        if job is sync.sync_status:
            w = holder["w"]
            seen.append((w.map_view.is_ready, w.towns.details_ready))
        real_init(read, ledger, job, *args, **kwargs)

    monkeypatch.setattr(worker.BackgroundRead, "__init__", queued)
    w = holder["w"] = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
        w.towns.open_initial_town()
        w.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=READY_MS)
    assert seen == [(True, True)]


def test_the_lists_are_read_when_the_households_read_fails(qtbot, window, monkeypatch, caplog):  # noqa: F811
    """The lists do not depend on the map: a failed read of the households leaves the map empty, not the lists."""
    _reads_done(qtbot, window)

    def broken(*_args, **_kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(town_module, "town_layer", broken)
    window.watch_panel.concerns = []
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
    assert "reading the town's households for the map failed" in caplog.text
    assert window.towns.details_ready and window.watch_panel.concerns
    assert not window.map_view.on_page(str(window.watch_panel.concerns[0].household_id))
