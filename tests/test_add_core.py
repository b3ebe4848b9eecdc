"""An add writes its household with plain inserts (issue 17, the add at 10,000 households): no flush of the ORM's
unit of work, and the same rows as that flush wrote — the household, its category links and its one audit entry.

The oracle is the flush the service made before (a new ``Household`` added to the session and flushed, audited by
the flush hook), run on the same ledger in a transaction that is rolled back."""

from __future__ import annotations

import uuid

import pytest
from PIL import Image
from sqlalchemy import event, select

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households
from app.households.households import add_household
from app.models import AuditEntry, Household, household_category_link
from app.towns import basemaps
from app.towns.georeference import ControlPoint
from app.towns.towns import create_town
from tests.test_ui_map import on_the_drawn_map, page_state, quiet, window  # noqa: F401 - the window fixture

TIMES = {"created_at", "updated_at"}


def added_the_old_way(session, town_id, point, fields, household_id):  # noqa: ANN001, ANN201
    """The oracle: the household built as before and written by a flush (the hook writes its entry)."""
    town = session.execute(households._town_for_add(), {"town_id": town_id}).first()
    h = Household(id=household_id, town_id=town_id, persons=[])
    h.map_number = (town[1] or 0) + 1
    households._apply_fields(session, h, fields)
    households.place_at(session, h, point, image_base_map=bool(town[2]))
    households._refresh_search_key(h)
    session.add(h)
    session.flush()
    return households._view(h)


def written(session, household_id) -> tuple:  # noqa: ANN001
    """What the ledger holds for the household: its row (times aside), its categories, its audit entries."""
    table = Household.__table__
    row = session.execute(select(table).where(table.c.id == household_id)).mappings().one()
    links = session.execute(select(household_category_link.c.category_id)
                            .where(household_category_link.c.household_id == household_id)).scalars().all()
    entries = session.execute(select(AuditEntry.__table__).where(AuditEntry.household_id == household_id)
                              .order_by(AuditEntry.id)).mappings().all()
    return ({k: v for k, v in row.items() if k not in TIMES}, sorted(links),
            [{k: v for k, v in e.items() if k not in ("id", "at")} for e in entries])


@pytest.fixture
def scan_town(ledger, tmp_path):
    """A town whose base map is a scan tied to the ground: an add there derives the other coordinate pair."""
    scan = tmp_path / "住宅地図.png"
    Image.new("RGB", (2000, 1500), "#f4f1e8").save(scan)
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町")
        basemaps.set_image_base_map(s, ledger.data_dir, town.id, scan)
        basemaps.set_control_points(s, town.id, [
            ControlPoint(120, 140, 136.1703, 35.8998), ControlPoint(1880, 210, 136.1744, 35.9003),
            ControlPoint(1010, 1400, 136.1720, 35.9027)])
    return town


CASES = [
    (MapPoint(Crs.GEO, 136.1725, 35.9010), HouseholdFields()),
    (MapPoint(Crs.PIXEL, 800.5, 900.25), HouseholdFields(name="新宅家", address="粟田部町1-2", note="空き家の隣",
                                                         category_codes=("elderly_couple", "of_concern"))),
    (None, HouseholdFields(address="粟田部町3丁目")),  # not placed: position_approximate is left unset
    (MapPoint(Crs.GEO, 136.3, 36.0), HouseholdFields(name="  山田家 ", category_codes=("of_concern",))),
]


@pytest.mark.parametrize("where", ["plain", "scan"])
@pytest.mark.parametrize("point, fields", CASES)
def test_an_add_writes_what_the_flush_wrote(ledger, scan_town, where, point, fields):
    # GIVEN a town on a plain map, or on a scan tied to the ground, with a household already in it
    if where == "plain":
        with ledger.Session.begin() as s:
            town_id = create_town(s, "岡本地区", "味真野町").id
    else:
        town_id = scan_town.id
    with ledger.Session.begin() as s:
        add_household(s, town_id, MapPoint(Crs.GEO, 136.17, 35.90), HouseholdFields(name="先の家"))
    household_id = uuid.uuid4()
    # WHEN the same household is added the old way (rolled back) and by the service
    with ledger.Session() as s, s.begin():
        want_view = added_the_old_way(s, town_id, point, fields, household_id)
        want = written(s, household_id)
        s.rollback()
    with ledger.Session.begin() as s:
        view = add_household(s, town_id, point, fields, household_id=household_id)
        # a later step of the same transaction reads it (as the demo's seed and the watch form add members)
        households.add_person(s, household_id, PersonFields(name="山田 キヨ"))
    # THEN the ledger holds the same row, links and creation entry, and the view is the one the ledger gives
    with ledger.Session() as s:
        got = written(s, household_id)
        assert got[0] == want[0] and got[1] == want[1]
        assert got[2][0] == want[2][0] and len(want[2]) == 1
        assert got[2][0]["action"] == "create" and got[2][1]["entity"] == "person"  # then the member's own
        assert view == want_view
        assert [p.name for p in households.get_household(s, household_id).persons] == ["山田 キヨ"]


def test_an_add_flushes_no_household_through_the_unit_of_work(ledger):
    # GIVEN a town
    with ledger.Session.begin() as s:
        town = create_town(s, "岡本地区", "粟田部町")
    flushed: list[object] = []
    # WHEN a household is added
    with ledger.Session.begin() as s:
        event.listen(s, "before_flush", lambda session, _ctx, _objs: flushed.extend(session.new))
        view = add_household(s, town.id, MapPoint(Crs.GEO, 136.2, 35.9), HouseholdFields(name="新宅家"))
        s.flush()
    # THEN nothing went through a flush (the household and its entry are plain inserts), and it is in the ledger
    assert flushed == []
    with ledger.Session() as s:
        assert households.get_household(s, view.id) == view
        assert s.scalar(select(AuditEntry.label).where(AuditEntry.household_id == view.id)) == "新宅家"


# ---------------------------------------------------------------- the page first


def test_an_add_sends_the_page_its_symbol_and_selection_before_the_panel_reads_its_hazards(qtbot, window):
    # GIVEN the demo town drawn (it has hazard data in use: the panel reads the new household's exposure)
    calls = window.map_view.sent_calls
    at_first_hazard_read: list[list[str]] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        if "hazard_layer" in statement and not at_first_hazard_read:
            at_first_hazard_read.append(list(calls))

    quiet(qtbot, window)  # the lists' read on its thread reads the hazards too
    # WHEN a household is added on the map
    before = len(calls)
    event.listen(window.ledger.engine, "before_cursor_execute", seen)
    try:
        added = window.households.add_household(on_the_drawn_map(window, 440.0, 290.0))
    finally:
        event.remove(window.ledger.engine, "before_cursor_execute", seen)
    # THEN the page had the new symbol and the selection before the hazards were read for the panel
    assert added is not None and at_first_hazard_read
    assert at_first_hazard_read[0][before:] == ["upsert", "select"]
    assert window.households.panel.household == added and window.household_panel.hazard.text()
    assert str(added.id) in page_state(qtbot, window)["ids"]
