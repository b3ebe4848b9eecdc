"""The views the window's lists read makes (tens of thousands at a city's size, kept while the lists show them)
are left in the cycle collector's oldest generation: the collector does not walk them all once the read ends, and
again when it moves them on."""

from __future__ import annotations

import gc

from sqlalchemy import select

from app.models import Town
from app.ui.mainwindow.town import read_town_details


def test_the_lists_views_are_left_in_the_collectors_oldest_generation(demo_ledger):
    with demo_ledger.Session() as s:
        town_id = s.scalars(select(Town.id)).first()
        gc.collect()
        details = read_town_details(s, town_id, None)
    assert gc.isenabled()
    views = [details.concerns[0], details.concerns[0].person, details.cards[-1], details.queue[0]]
    assert all(gc.is_tracked(v) for v in views)
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation)}
    assert not [v for v in views if id(v) in young]
    oldest = {id(o) for o in gc.get_objects(2)}
    assert all(id(v) in oldest for v in views)


def test_the_collector_stays_paused_until_the_last_pause_on_any_thread_ends():
    """The lists' read (reads thread) and an export (another thread) overlap: the one that ends first must not turn
    the collector back on under the other one's rows; the last one to end turns it back on."""
    import threading

    from app.core.batches import no_gc_pauses

    assert gc.isenabled()
    entered, leave, left = threading.Event(), threading.Event(), threading.Event()

    def export() -> None:
        with no_gc_pauses():
            entered.set()
            leave.wait(10)
        left.set()

    worker = threading.Thread(target=export)
    worker.start()
    try:
        assert entered.wait(10)
        with no_gc_pauses():  # the lists' read starts while the export runs ...
            leave.set()
            assert left.wait(10)  # ... and the export ends first
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        leave.set()
        worker.join(10)
    # A pause inside a process whose collector was off (a test, a profiler) leaves it off.
    gc.disable()
    try:
        with no_gc_pauses():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
