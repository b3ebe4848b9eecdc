"""The watch lines the window's read makes from the stored keys (``features.line_columns``) are, on the page, the
lines the per-line specs drew before (one dict per line from ``watch_lines``' views), on a town with awkward links."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QSize

from app.core.views import HouseholdFields
from app.households import households
from app.models.watch import Watcher, WatcherRole
from app.towns import towns
from app.ui.mainwindow.town import read_town_details
from app.watch import network as watch
from app.watch.views import WatcherFields
from tests.page_calls import run_json
from tests.test_list_rows import town  # noqa: F401 - the awkward town fixture
from tests.test_map_fit import close, open_town
from tests.test_page_transfer import page_call

pytestmark = pytest.mark.timeout(300)
SIZE = QSize(1000, 800)


def _old_specs(s, town_id: uuid.UUID) -> list[dict]:  # noqa: ANN001
    """What ``features.line_specs`` made before (the oracle): one dict per line of ``watch_lines``."""
    return [{"id": str(x.link_id), "from": str(x.watcher_household_id), "to": str(x.person_household_id),
             "role": x.role.value, "personId": str(x.person_id)} for x in watch.watch_lines(s, town_id)]


def _more_awkward(ledger, town_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:  # noqa: ANN001
    """A person watched by many (watchers of several roles, one living nowhere on the map, one whose home is in
    another town): returns that person and that other town's household."""
    with ledger.Session.begin() as s:
        person = next(c for c in watch.list_concerns(s, town_id) if c.links).person.id
        homes = households.list_households(s, town_id)[:4]
        roles = [WatcherRole.NEIGHBOUR, WatcherRole.RELATIVE, WatcherRole.DISTRICT_HEAD, WatcherRole.OTHER]
        for i, (home, role) in enumerate(zip(homes, roles, strict=True)):
            w = watch.add_watcher(s, town_id, WatcherFields(f"見守り{i}", role=role, household_id=home.id))
            watch.link_watcher(s, person, w.id)
        homeless = watch.add_watcher(s, town_id, WatcherFields("住まい未登録"))
        watch.link_watcher(s, person, homeless.id)
        elsewhere = towns.create_town(s, "別の区", "別の町")
        away = households.add_household(s, elsewhere.id, None, HouseholdFields(name="よその家"))
        moved = watch.add_watcher(s, town_id, WatcherFields("よそに住む人", household_id=homes[0].id))
        watch.link_watcher(s, person, moved.id)
        s.get(Watcher, moved.id).household_id = away.id  # moved away: only the ledger's own edits could do it
    return person, away.id


def test_the_lines_from_the_stored_keys_draw_on_the_page_as_the_per_line_specs_did(qtbot, town):  # noqa: F811
    # GIVEN a town with an archived watcher, a removed link, a watcher whose home left the map, and a person watched
    # by many, one of them living nowhere on the map and one in another town
    ledger, town_id = town
    person, away = _more_awkward(ledger, town_id)
    with ledger.Session() as s:
        old = _old_specs(s, town_id)
        # WHEN the window's read makes the lines
        columns = read_town_details(s, town_id, None).line_specs
    # THEN they are the lines of before, line for line and in the same order; no line from another town
    assert list(columns) == old
    assert sum(1 for spec in old if spec["personId"] == str(person)) >= 4
    assert str(away) not in {spec["from"] for spec in old}
    assert len({spec["role"] for spec in old}) >= 4
    view = open_town(qtbot, ledger, town_id, SIZE)
    try:
        # AND the page draws them as it drew the per-line specs: the same lines between the same households
        page_call(qtbot, view, "setLines", old)
        before = page_call(qtbot, view, "state")
        view.set_lines(columns)
        after = page_call(qtbot, view, "state")
        assert after["lines"] == before["lines"] and len(after["lines"]) > 50
        # AND the person watched by many has the same network highlighted
        page_call(qtbot, view, "highlightPerson", str(person))
        network = run_json(qtbot, view, "sasaeai._.networkHouseholds()")
        assert network == {h: True for spec in old if spec["personId"] == str(person) for h in (spec["from"], spec["to"])}
    finally:
        close(view)
