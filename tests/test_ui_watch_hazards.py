"""Step II's list of persons of concern shows each household's hazards (issue 16), sortable by how severe.

On the demo: its fictional flood zone along ひだまり川 and landslide zone on 八幡山, imported through the real
importers, put some persons of concern in a zone and leave the others outside every zone.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from app.core.views import Crs, MapPoint
from app.hazards.exposure import exposures
from app.households import households
from app.safety.rollcall import hazard_score
from app.ui.watch_panel import HAZARD
from app.watch import network as watch
from tests.test_ui_map import READY_MS, window  # noqa: F401 - the window fixture

OUTSIDE = "想定区域外（洪水・土砂災害）"  # outside the zones of the two kinds the demo has


def concerns_with_hazards(window) -> list[tuple]:
    """(person id, map number, exposure) of every person of concern, from the ledger."""
    with window.ledger.Session() as s:
        found = {e.household_id: e for e in exposures(s, window.towns.town.id)}
        return [(c.person.id, c.map_number, found[c.household_id]) for c in watch.list_concerns(s, window.towns.town.id)]


def hazard_cells(panel) -> list[str]:
    return [row[HAZARD] for row in panel.visible_rows()]


def test_the_persons_list_shows_each_households_hazard_and_sorts_the_highest_first(qtbot, window):
    window.show_step(1)
    panel = window.watch_panel
    rows = concerns_with_hazards(window)
    exposed = sorted((r for r in rows if r[2].exposed), key=lambda r: -hazard_score(r[2]))
    assert len(exposed) >= 2 and len(exposed) < len(rows), "the demo has persons in its zones and outside them"
    # GIVEN the list in map-number order: a 「ハザード」 column with each household's exposure in one line
    assert panel.persons.model().headerData(HAZARD, Qt.Orientation.Horizontal) == "Hazard"
    by_person = {person_id: exposure.summary for person_id, _number, exposure in rows}
    assert {r[HAZARD] for r in panel.visible_rows()} == set(by_person.values())
    assert [by_person[pid] for pid in panel.persons.visible_ids()] == hazard_cells(panel)
    deepest = exposed[0]
    assert hazard_cells(panel).index(deepest[2].summary) > 0  # not first by map number

    # WHEN the volunteer clicks the column's header
    header = panel.persons.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section_middle(header, HAZARD))
    # THEN the person with the highest hazard is first, the others in a zone follow by severity, then the rest
    assert panel.persons.visible_ids()[0] == deepest[0]
    assert panel.visible_rows()[0][1] == f"No.{deepest[1]}"
    assert panel.persons.visible_ids()[:len(exposed)] == [r[0] for r in exposed]
    cells = hazard_cells(panel)
    assert all(cell != OUTSIDE for cell in cells[:len(exposed)])
    assert set(cells[len(exposed):]) == {OUTSIDE}
    # (a sediment zone is named with its class and phenomenon, a flood with its depth and river)
    assert any("土砂災害特別警戒区域" in cell for cell in cells[:len(exposed)])
    assert any("洪水" in cell and "ひだまり川" in cell for cell in cells[:len(exposed)])

    # AND the same order from the order list, and back to map-number order
    panel.order.setCurrentIndex(panel.order.findData("hazard"))
    assert panel.persons.visible_ids()[:len(exposed)] == [r[0] for r in exposed]
    assert header.sortIndicatorSection() == HAZARD
    panel.order.setCurrentIndex(panel.order.findData("map"))
    assert [by_person[pid] for pid in panel.persons.visible_ids()] == [by_person[r[0]] for r in rows]
    # AND the chosen person's details name the hazard too
    assert panel.choose(deepest[0])
    assert deepest[2].summary in panel.detail.text()


def section_middle(header, section: int) -> QPoint:
    """The middle of a header section, in the header's viewport."""
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_a_household_moved_out_of_the_zones_loses_its_hazard_in_the_list(qtbot, window):
    window.show_step(1)
    panel = window.watch_panel
    rows = concerns_with_hazards(window)
    person_id, number, exposure = next(r for r in rows if r[2].exposed)
    with window.ledger.Session() as s:
        homes = {h.map_number: h for h in households.list_households(s, window.towns.town.id)}
    dry = next(r for r in rows if r[2].known and not r[2].exposed)  # a house outside every zone
    dry_home = homes[dry[1]].geo
    panel.order.setCurrentIndex(panel.order.findData("hazard"))
    assert exposure.summary in hazard_cells(panel)
    # WHEN the household is moved next to that house (as a drag on the map reports it)
    with qtbot.waitSignal(window.towns.details_read, timeout=READY_MS):
        window.households.on_feature_moved(str(homes[number].id), MapPoint(Crs.GEO, dry_home.x + 1e-6, dry_home.y))
    # THEN its person's hazard reads 想定区域外 and the person left the top of the list
    row = next(r for r in panel.visible_rows() if r[1] == f"No.{number}")
    assert row[HAZARD] == OUTSIDE
    assert person_id not in panel.persons.visible_ids()[:len([r for r in rows if r[2].exposed]) - 1]
