"""Steps II and III of a town just opened are read off the UI thread: a read overtaken by another town or by an
edit is dropped, and what the lists show is the newer state.

(Starting that read earlier, while the page draws, was measured and left out: on 2 cores it delayed the map more
than it brought the lists forward at 10,000 households.)"""

from __future__ import annotations

import pytest

from app.towns import towns
from app.ui.operations import OpChanges
from app.watch import network as watch
from tests.test_ui_map import READY_MS, window  # noqa: F401 - the window fixture

pytestmark = pytest.mark.timeout(180)


def concerns(window):
    with window.ledger.Session() as s:
        return watch.list_concerns(s, window.towns.town.id)


@pytest.mark.parametrize("notice", ["the person's watchers", "all watchers"])
def test_an_edit_made_before_the_lists_of_a_town_just_opened_came_back_is_kept(qtbot, window, notice):
    """The user removes a watcher before the town's lists have come back: the list shows the removal, the older
    read is dropped (whether the change says whose watchers changed, as the window's own do, or not)."""
    linked = next(c for c in concerns(window) if c.links)
    link_id = linked.links[0].id
    window.towns.load_town(window.towns.town.id)
    assert not window.towns.details_ready  # the lists of the town just opened are not back yet
    changes = OpChanges(watched=frozenset({linked.person.id})) if notice == "the person's watchers" \
        else OpChanges(watch=True)
    window.operations.run("remove", lambda s: watch.unlink(s, link_id), lambda s: watch.restore_link(s, link_id),
                          changes=changes)
    qtbot.waitUntil(lambda: window.towns.details_ready and window.map_view.is_ready, timeout=READY_MS)
    qtbot.wait(50)  # anything still queued from the dropped read would arrive now
    shown = window.watch_panel.concern(linked.person.id)
    assert link_id not in {link.id for link in shown.links}, "an older read overwrote the edit"
    assert len(shown.links) == len(linked.links) - 1


def test_a_read_for_a_town_left_at_once_is_dropped(qtbot, window):
    """The user opens another town before the first one's lists have come back: only the new town's are shown."""
    with window.ledger.Session.begin() as s:
        other = towns.create_town(s, "武生地区", "京町一丁目")
    first = window.towns.town.id
    assert concerns(window)
    window.towns.refresh_towns()
    shown: list[object] = []
    window.towns.details_read.connect(lambda details: shown.append(details.town_id))
    window.towns.load_town(first)  # its lists are not back yet...
    window.towns.load_town(other.id)  # ...when another town is opened
    qtbot.waitUntil(lambda: window.towns.details_ready and window.map_view.is_ready, timeout=READY_MS)
    qtbot.wait(50)
    assert shown == [other.id]
    assert window.watch_panel.concerns == [] and window.emergency_panel.cards == []
