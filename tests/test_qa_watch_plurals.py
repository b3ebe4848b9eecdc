"""Step II's list says 「1 watcher」 and 「1 person of concern」, never 「1 watchers」 or 「1 persons」."""

from __future__ import annotations

from app.towns import towns
from app.watch import network as watch


def test_one_watcher_and_one_person_of_concern_are_said_in_the_singular(demo_ledger, qtbot):
    from app.ui.watch_panel import WatchPanel

    # GIVEN a person of concern of the demo town watched over by one watcher only (their second line removed)
    with demo_ledger.Session.begin() as s:
        town_id = towns.find_town(s, "ひだまり町").id
        first = next(c for c in watch.list_concerns(s, town_id) if len(c.links) == 2)
        watch.unlink(s, first.links[1].id)
    with demo_ledger.Session() as s:
        concerns = watch.list_concerns(s, town_id)
    one = next(c for c in concerns if c.person.id == first.person.id)
    panel = WatchPanel()
    qtbot.addWidget(panel)

    # WHEN the list shows the town's persons of concern, THEN one watcher is 「1 watcher」, two are 「2 watchers」
    panel.show_concerns(concerns)
    cells = {row[2]: row[3] for row in panel.visible_rows()}
    assert cells[one.person.name] == "1 watcher"
    assert "2 watchers" in cells.values()
    assert panel.gap_label.text().startswith(f"{len(concerns)} persons of concern;")

    # AND a list of one person says 「1 person of concern」
    panel.show_concerns([one])
    assert panel.gap_label.text().startswith("1 person of concern;"), panel.gap_label.text()
