"""The reads the window starts when the map is drawn run one after another, the lists of Steps II and III first
(the others once the lists are filled): each still arrives, a read cancelled before its turn never runs, and closing
waits for them all."""

from __future__ import annotations

import threading

import pytest

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households
from app.ui import worker
from app.ui.mainwindow import town as town_module
from tests.test_ui_map import READY_MS, window  # noqa: F401 - the window fixture

pytestmark = pytest.mark.timeout(180)


def _off_the_ui_thread() -> bool:
    return threading.current_thread() is not threading.main_thread()


def _reads_done(qtbot, window) -> None:
    """The reads of the window's first open have all come back (the lists, then the others after them)."""
    qtbot.waitUntil(lambda: not window.towns.texts_pending and window.households._unplaced_read is None,
                    timeout=READY_MS)


@pytest.fixture
def reads(qtbot, window, monkeypatch):  # noqa: F811
    """(what, "start" | "end") of each background read from now on, in the order it happened."""
    _reads_done(qtbot, window)
    events: list[tuple[str, str]] = []

    def recorded(what, function):
        def wrapped(*args, **kwargs):
            background = _off_the_ui_thread()
            if background:
                events.append((what, "start"))
            try:
                return function(*args, **kwargs)
            finally:
                if background:
                    events.append((what, "end"))
        return wrapped

    monkeypatch.setattr(town_module, "read_town_details", recorded("lists", town_module.read_town_details))
    monkeypatch.setattr(households, "unplaced_households", recorded("unplaced", households.unplaced_households))
    monkeypatch.setattr(town_module, "member_labels", recorded("labels", town_module.member_labels))
    return events


def _unplaced_and_unnamed(window):
    """Two households not on the map and an unnamed one labelled by its member: each read has work to do."""
    town_id = window.towns.town.id
    with window.ledger.Session.begin() as s:
        unplaced = [households.add_household(s, town_id, None, HouseholdFields(name=f"未配置{i}家")).id for i in range(2)]
        point = MapPoint(window.map_view.crs, *((136.19, 35.92) if window.map_view.crs is Crs.GEO else (300.0, 200.0)))
        unnamed = households.add_household(s, town_id, point, HouseholdFields(name=""))
        households.add_person(s, unnamed.id, PersonFields(name="順番 太郎"))
    return unplaced, str(unnamed.id)


def test_the_lists_are_read_first_then_the_unplaced_households_then_the_names(qtbot, window, reads, monkeypatch):
    unplaced, unnamed = _unplaced_and_unnamed(window)
    labelled: list[tuple[list[str], list[str]]] = []
    monkeypatch.setattr(window.map_view, "set_labels", lambda ids, labels: labelled.append((ids, labels)))
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: not window.towns.texts_pending and window.households._unplaced_read is None
                    and len(reads) == 6, timeout=READY_MS)
    # one at a time (each ends before the next starts), in this order
    assert reads == [("lists", "start"), ("lists", "end"), ("unplaced", "start"), ("unplaced", "end"),
                     ("labels", "start"), ("labels", "end")]
    # and each arrived: the lists, the households not on the map, the member's name as the label
    assert window.towns.details_ready and window.watch_panel.concerns
    assert all(window.households.unplaced.has(hid) for hid in unplaced)
    assert any(dict(zip(ids, labels, strict=True)).get(unnamed) == "順番 太郎" for ids, labels in labelled)


def test_a_read_cancelled_before_its_turn_never_runs_and_the_next_one_still_does(qtbot, demo_ledger):
    release, started = threading.Event(), threading.Event()
    ran: list[str] = []
    got: list[object] = []

    def held(_s):
        started.set()
        release.wait(60)
        return "held"

    def work(name):
        def job(_s):
            ran.append(name)
            return name
        return job

    first = worker.BackgroundRead(demo_ledger, held, got.append, got.append)
    assert started.wait(30)
    dropped = worker.BackgroundRead(demo_ledger, work("dropped"), got.append, got.append)
    kept = worker.BackgroundRead(demo_ledger, work("kept"), got.append, got.append)
    dropped.cancel()  # still waiting for the thread
    release.set()
    qtbot.waitUntil(lambda: not kept.running and not dropped.running and not first.running, timeout=30_000)
    assert ran == ["kept"]
    assert got == ["held", "kept"]  # a cancelled read delivers nothing


def test_closing_cancels_every_read_still_queued_and_waits_for_them(qtbot, window, monkeypatch):
    """The lists' read of a load is held, an edit's refresh is queued behind it: closing cancels both and waits.
    (The other reads of an open start only once the lists are filled: tests/test_lists_after_fill.py.)"""
    release, started = threading.Event(), threading.Event()
    real = town_module.read_town_details

    def held(*args):
        if _off_the_ui_thread():
            started.set()
            release.wait(60)
        return real(*args)

    _reads_done(qtbot, window)
    monkeypatch.setattr(town_module, "read_town_details", held)
    window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(started.is_set, timeout=READY_MS)
    first = window.towns._details_job
    window.towns.load_details()  # as an edit does: the held read is dropped, a new one queued behind it
    queued = [first, window.towns._details_job]
    threading.Timer(0.5, release.set).start()
    window.towns.stop_reads()  # as the window does before the ledger closes
    assert all(read is not None and read.job.wait(0) for read in queued), "a read still runs after the window stopped"
    qtbot.wait(200)
    assert not window.towns.details_ready  # a cancelled read shows nothing


def test_the_names_still_come_when_an_edit_reads_the_lists_again_before_the_texts_arrive(qtbot, window,  # noqa: F811
                                                                                          monkeypatch):
    """The members' names follow the texts once the window is ready; an edit's refresh of the lists in between puts
    them off to its own ready, it does not lose them."""
    _reads_done(qtbot, window)
    _unplaced, unnamed = _unplaced_and_unnamed(window)
    release, held = threading.Event(), threading.Event()
    real = town_module.layer_texts

    def held_texts(*args):
        held.set()
        release.wait(60)
        return real(*args)

    monkeypatch.setattr(town_module, "layer_texts", held_texts)
    labelled: list[dict[str, str]] = []
    monkeypatch.setattr(window.map_view, "set_labels",
                        lambda ids, labels: labelled.append(dict(zip(ids, labels, strict=True))))
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(held.is_set, timeout=READY_MS)
    window.towns.load_details()  # as an edit does: the lists are read again, behind the texts
    release.set()
    qtbot.waitUntil(lambda: not window.towns.texts_pending and window.towns.details_ready, timeout=READY_MS)
    assert any(names.get(unnamed) == "順番 太郎" for names in labelled), labelled
