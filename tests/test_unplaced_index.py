"""The households not yet on the map are read from two small indexes (issue 17, migration 0021).

The window's 「まだ地図にない世帯」 list is read once the map is drawn. Asked in map-number order, the planner read every
household of the town through its map-number index and checked each one's position (a whole city's pages decrypted
as the user starts to edit). These check the list itself and that its statement, as sent, is answered by the index
made for it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import event

from app.core.views import Crs, HouseholdFields, MapPoint
from app.households import households

pytestmark = pytest.mark.timeout(120)


def test_the_list_to_pin_from_has_the_live_unplaced_households_in_map_number_order(ledger, town):
    # GIVEN households on the ground, one only on the scan, three nowhere (one of them taken off the map)
    with ledger.Session.begin() as s:
        placed = households.add_household(s, town.id, MapPoint(Crs.GEO, 136.2, 35.9), HouseholdFields(name="地図上"))
        nowhere = [households.add_household(s, town.id, None, HouseholdFields(name=f"未配置{i}")) for i in range(3)]
        on_scan = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 10, 20), HouseholdFields(name="絵図のみ"))
        households.delete_household(s, nowhere[1].id)
    with ledger.Session() as s:
        geo = households.unplaced_households(s, town.id, Crs.GEO)
        pixel = households.unplaced_households(s, town.id, Crs.PIXEL)
    # THEN on a map tied to the ground: the live ones without a position there, the scan's one too, by map number
    assert [h.name for h in geo] == ["未配置0", "未配置2", "絵図のみ"]
    assert [h.map_number for h in geo] == sorted(h.map_number for h in geo)
    # and on the scan: those without a position on it (the ground's own is not placed on the scan)
    assert placed.id in {h.id for h in pixel} and on_scan.id not in {h.id for h in pixel}
    assert nowhere[1].id not in {h.id for h in pixel}


@pytest.mark.parametrize(("crs", "index"), [(Crs.GEO, "ix_household_unplaced_geo"),
                                            (Crs.PIXEL, "ix_household_unplaced_pixel")])
def test_the_list_is_read_from_its_index_not_from_every_household(ledger, town, crs, index):
    # GIVEN the statement the list sends, as the driver gets it
    sent: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT") and "FROM household" in statement:
            sent.append((statement, parameters))

    event.listen(ledger.engine, "before_cursor_execute", keep)
    try:
        with ledger.Session() as s:
            households.unplaced_households(s, town.id, crs)
    finally:
        event.remove(ledger.engine, "before_cursor_execute", keep)
    [(statement, parameters)] = sent
    # WHEN SQLite plans it THEN it searches the index of the unplaced households, not the town's every household
    with ledger.engine.connect() as conn:
        plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    assert any(f"USING INDEX {index}" in row[-1] for row in plan), plan
