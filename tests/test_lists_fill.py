"""The town's lists read off the UI thread: the meeting queue's latest reviews in one query (compared with the
typed-row read it replaced), and the page's watch lines and gaps made in the background read (compared with
what the UI thread made before)."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.core.batches import chunks
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.maps.features import gap_households, line_specs
from app.meeting import meetings
from app.meeting.views import MeetingFields
from app.models import Person
from app.models.meeting import MeetingKind, PersonReview, ReviewOutcome
from app.towns import towns
from app.ui.operations import OpChanges
from app.watch import network as watch
from tests.test_ui_map import READY_MS, on_the_drawn_map, page_state, window  # noqa: F401 - the window fixture

pytestmark = pytest.mark.timeout(120)

TODAY = date(2026, 11, 27)


@pytest.fixture
def demo(demo_ledger):
    """(ledger, town id) of the demo town ひだまり町."""
    with demo_ledger.Session.begin() as s:
        return demo_ledger, towns.find_town(s, "ひだまり町").id


def _typed_last_reviews(session, person_ids):
    """The read ``_last_reviews`` replaced (the oracle): typed rows, one query per 5,000 persons, newest first."""
    found = {}
    for chunk in chunks(list(person_ids)):
        rows = session.execute(select(
            PersonReview.id, PersonReview.person_id, PersonReview.meeting_id, PersonReview.reviewed_on,
            PersonReview.outcome, PersonReview.note, PersonReview.recorded_by, PersonReview.archived_person,
        ).where(PersonReview.person_id.in_(chunk), PersonReview.deleted_at.is_(None))
            .order_by(PersonReview.reviewed_on.desc(), PersonReview.created_at.desc()))
        for r in rows:
            found.setdefault(r.person_id, r)
    return found


def _review(s, person_id, day, *, entered, outcome=ReviewOutcome.UNCHANGED, meeting_id=None, withdrawn=False,
            note="", archived=False):
    s.add(PersonReview(person_id=person_id, reviewed_on=day, outcome=outcome, note=note, recorded_by="山田　花子",
                       meeting_id=meeting_id, archived_person=archived, created_at=entered,
                       deleted_at=entered + timedelta(hours=1) if withdrawn else None))


def test_the_latest_reviews_read_at_once_equal_the_typed_read_on_tricky_reviews(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        other_town = towns.create_town(s, "味真野地区", "余川町").id
        home = households.add_household(s, other_town, None, HouseholdFields(name="新井"))
        households.add_person(s, home.id, PersonFields("新井　トシ子", of_concern=True, concerns="物忘れ"))
        ours = [c.person.id for c in watch.list_concerns(s, town_id)]
        theirs = [c.person.id for c in watch.list_concerns(s, other_town)]
        assert len(ours) >= 6 and theirs
        meeting = meetings.add_meeting(s, town_id, MeetingFields(
            date(2026, 11, 20), MeetingKind.TOWN_LIAISON, "", ()), today=TODAY)
        t0 = datetime(2026, 1, 1, 9, 0)
        a, b, c, d, e = ours[:5]
        # a: three reviews, the newest day wins though entered first
        _review(s, a, date(2026, 5, 1), entered=t0 + timedelta(days=3))
        _review(s, a, date(2026, 11, 20), entered=t0, outcome=ReviewOutcome.CHANGED, meeting_id=meeting.id,
                note="入院から戻った")
        _review(s, a, date(2025, 11, 20), entered=t0 + timedelta(days=9))
        # b: the same day twice: the one entered later wins
        _review(s, b, date(2026, 6, 1), entered=t0, note="先")
        _review(s, b, date(2026, 6, 1), entered=t0 + timedelta(minutes=5), note="後", outcome=ReviewOutcome.CHANGED)
        # c: its newest review was withdrawn: the one before counts
        _review(s, c, date(2026, 3, 1), entered=t0, note="残る")
        _review(s, c, date(2026, 10, 1), entered=t0 + timedelta(days=1), withdrawn=True)
        # d: only a withdrawn review: none
        _review(s, d, date(2026, 10, 1), entered=t0, withdrawn=True)
        # e: a review that archived the person once (the person is still asked about)
        _review(s, e, date(2026, 2, 2), entered=t0, archived=True)
        # another town's person, newer than all: never among ours
        _review(s, theirs[0], date(2026, 11, 26), entered=t0)
        s.flush()

        asked = ours + [ours[0]]  # a person asked twice is one person
        typed = _typed_last_reviews(s, asked)
        at_once = meetings._last_reviews(s, asked)
        assert set(at_once) == {a, b, c, e} == set(typed)
        assert {k: meetings._review_view(v) for k, v in at_once.items()} == \
               {k: meetings._review_view(v) for k, v in typed.items()}
        assert at_once[a].reviewed_on == date(2026, 11, 20) and at_once[a].meeting_id == meeting.id
        assert at_once[b].note == "後" and at_once[c].note == "残る" and at_once[e].archived_person is True
        # both towns asked together: each person's own latest
        both = ours + theirs
        assert {k: meetings._review_view(v) for k, v in meetings._last_reviews(s, both).items()} == \
               {k: meetings._review_view(v) for k, v in _typed_last_reviews(s, both).items()}
        assert meetings._last_reviews(s, []) == {}

        queue = {i.person.id: i for i in meetings.review_queue(s, town_id, today=TODAY, meeting_id=meeting.id)}
        assert queue[a].last_review.note == "入院から戻った" and not queue[a].due and queue[a].reviewed_at_meeting
        assert queue[d].last_review is None and queue[d].due


def test_an_archived_persons_reviews_stay_out_of_the_queue(demo):
    led, town_id = demo
    with led.Session.begin() as s:
        person_id = watch.list_concerns(s, town_id)[0].person.id
        _review(s, person_id, date(2026, 11, 1), entered=datetime(2026, 11, 1, 9))
        s.get(Person, person_id).deleted_at = datetime(2026, 11, 2, 9)
        s.flush()
        queue = meetings.review_queue(s, town_id, today=TODAY)
    assert person_id not in {i.person.id for i in queue}


# ---------------------------------------------------------------- the page's watch lines and gaps


def _sent(window, monkeypatch):
    """What the window hands the page for the watch lines and the gaps, call by call."""
    sent: dict[str, list] = {"lines": [], "gaps": []}
    set_lines, set_gaps = window.map_view.set_lines, window.map_view.set_gaps
    monkeypatch.setattr(window.map_view, "set_lines", lambda specs: (sent["lines"].append(specs), set_lines(specs)))
    monkeypatch.setattr(window.map_view, "set_gaps", lambda ids: (sent["gaps"].append(ids), set_gaps(ids)))
    return sent


def _made_on_the_ui_thread(window):
    """What the UI thread made before (the oracle): a fresh read, then ``line_specs`` and ``gap_households``."""
    with window.ledger.Session() as s:
        concerns = watch.list_concerns(s, window.towns.town.id)
        return line_specs(watch.watch_lines(s, window.towns.town.id, concerns=concerns)), gap_households(concerns)


def test_the_watch_lines_and_gaps_made_in_the_background_read_are_those_the_ui_thread_made(qtbot, window,
                                                                                          monkeypatch):
    sent = _sent(window, monkeypatch)
    window.towns.load_town(window.towns.town.id)  # the town opened again: its lists come from the background read
    qtbot.waitUntil(lambda: window.towns.details_ready and window.map_view.is_ready, timeout=READY_MS)
    specs, gaps = _made_on_the_ui_thread(window)
    assert specs and gaps
    assert sent["lines"][-1] == specs and sent["gaps"][-1] == gaps
    state = page_state(qtbot, window)
    assert [line["id"] for line in state["lines"]] == sorted(spec["id"] for spec in specs)
    assert state["gaps"] == gaps
    # a watch change refreshes them on the UI thread: the same again
    window.watch.refresh()
    assert sent["lines"][-1] == specs and sent["gaps"][-1] == gaps


def test_a_watcher_removed_while_the_lists_are_read_leaves_its_line_off_the_page(qtbot, window, monkeypatch):
    sent = _sent(window, monkeypatch)
    linked = next(c for c in watch_concerns(window) if c.links)
    link_id = linked.links[0].id
    window.towns.load_town(window.towns.town.id)
    assert not window.towns.details_ready
    window.operations.run("remove", lambda s: watch.unlink(s, link_id), lambda s: watch.restore_link(s, link_id),
                          changes=OpChanges(watch=True))
    qtbot.waitUntil(lambda: window.towns.details_ready and window.map_view.is_ready, timeout=READY_MS)
    qtbot.wait(50)  # anything still queued from the dropped read would arrive now
    assert str(link_id) not in {spec["id"] for spec in sent["lines"][-1]}
    assert str(link_id) not in {line["id"] for line in page_state(qtbot, window)["lines"]}
    assert sent["lines"][-1] == _made_on_the_ui_thread(window)[0]


def watch_concerns(window):
    with window.ledger.Session() as s:
        return watch.list_concerns(s, window.towns.town.id)


# ---------------------------------------------------------------- the households not on the map yet, read off the UI thread


@pytest.fixture
def held_read(monkeypatch, qtbot, window):  # noqa: F811 - the window fixture
    """The background read of the unplaced list is held once read, until released (one on the UI thread is not).

    The window's own reads from its first open end first: one still queued would be held too, and the reads after
    it (the next open's households) would wait behind it."""
    from app.ui.worker import reads_pool

    assert reads_pool().waitForDone(30_000)
    qtbot.wait(50)  # their results delivered
    release = threading.Event()
    started = threading.Event()
    unplaced = households.unplaced_households

    def held(s, town_id, crs):
        rows = unplaced(s, town_id, crs)  # read, then held: what it returns is the ledger as it was before
        if threading.current_thread() is not threading.main_thread():
            started.set()
            release.wait(60)
        return rows

    monkeypatch.setattr(households, "unplaced_households", held)
    yield started, release
    release.set()


def _unplaced_town(window, n=3):
    with window.ledger.Session.begin() as s:
        return [households.add_household(s, window.towns.town.id, None, HouseholdFields(name=f"未配置{i}家")).id
                for i in range(n)]


def _read_in_place(window):
    with window.ledger.Session() as s:
        return [v.id for v in households.unplaced_households(s, window.towns.town.id, window.map_view.crs)]


def test_the_unplaced_list_read_off_the_ui_thread_is_the_one_read_in_place(qtbot, window):
    _unplaced_town(window)
    window.towns.load_town(window.towns.town.id)
    assert window.households.unplaced.count() == 0  # not the previous list meanwhile
    qtbot.waitUntil(lambda: window.map_view.is_ready and window.households.unplaced.count() == 3, timeout=READY_MS)
    oracle = _read_in_place(window)
    assert len(oracle) == 3 and all(window.households.unplaced.has(hid) for hid in oracle)
    assert "(3)" in window.households.unplaced_box.title() and window.households.unplaced_box.isVisibleTo(window)


def test_a_household_placed_before_the_unplaced_read_is_back_is_not_listed_by_it(qtbot, window, held_read):
    started, release = held_read
    first, *_ = _unplaced_town(window)
    window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: window.map_view.is_ready and started.is_set(), timeout=READY_MS)
    # placed while the read still runs, by an edit other than the pin (which reads the list again itself)
    point = on_the_drawn_map(window, 321.0, 123.0)
    window.operations.run("place", lambda s: households.move_household(s, first, point),
                          lambda s: households.clear_position(s, first, point.crs), changes=OpChanges.of_household)
    release.set()
    qtbot.wait(300)  # the dropped read would arrive now
    assert window.households.unplaced.count() == 2 and not window.households.unplaced.has(first)
    oracle = _read_in_place(window)
    assert len(oracle) == 2 and all(window.households.unplaced.has(hid) for hid in oracle)


def test_an_unplaced_read_for_a_town_left_meanwhile_is_dropped(qtbot, window, held_read):
    started, release = held_read
    _unplaced_town(window)
    with window.ledger.Session.begin() as s:
        other = towns.create_town(s, "武生地区", "京町一丁目")
    window.towns.refresh_towns()
    window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: window.map_view.is_ready and started.is_set(), timeout=READY_MS)
    window.towns.load_town(other.id)  # the first town's read is still running
    release.set()
    qtbot.waitUntil(lambda: window.map_view.is_ready and window.towns.details_ready, timeout=READY_MS)
    qtbot.wait(300)
    assert window.households.unplaced.count() == 0 and not window.households.unplaced_box.isVisibleTo(window)


def test_closing_the_window_waits_for_an_unplaced_read_still_running(qtbot, window, held_read):
    started, release = held_read
    _unplaced_town(window)
    window.towns.load_town(window.towns.town.id)
    qtbot.waitUntil(lambda: window.map_view.is_ready and started.is_set(), timeout=READY_MS)
    read = window.households._unplaced_read
    assert read is not None and read.running
    threading.Timer(0.5, release.set).start()
    window.towns.stop_reads()  # as the window does before the ledger closes
    assert read.job.wait(0), "the read still runs after the window stopped its reads"
    qtbot.wait(300)
    assert window.households.unplaced.count() == 0  # a cancelled read shows nothing
