"""A constructed geographic town for the plan tests: households placed around known points of Echizen,
a generated flood layer in the 国土数値情報 A31a schema (fictional zones), persons of concern, watchers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from shapely.geometry import box

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.emergency import cards as emergency
from app.emergency.views import CardFields
from app.hazards.importer import import_hazard
from app.households import households
from app.models.hazard import HazardKind
from app.privacy.consent import ConsentFields, ConsentStatus, record_consent
from app.towns.towns import create_town
from app.watch import network
from app.watch.views import WatcherFields
from tests.hazard_files import HOME, flood, write_geojson

DAY = date(2026, 6, 1)
DEEP = HOME  # inside the rank-4 zone
SHALLOW = (HOME[0] + 0.0085, HOME[1])  # inside the rank-2 zone of the same river
NEIGHBOUR_IN_ZONE = (HOME[0] + 0.0092, HOME[1] + 0.0004)
DRY = (HOME[0] - 0.011, HOME[1] + 0.015)  # outside every zone
DRY_NEXT_DOOR = (HOME[0] - 0.0108, HOME[1] + 0.015)


@dataclass
class PlanTown:
    town_id: object
    persons: dict = field(default_factory=dict)  # key -> person id
    households: dict = field(default_factory=dict)
    watchers: dict = field(default_factory=dict)


def _household(s, town_id, number, where, name, members, *, consent=True):
    h = households.add_household(s, town_id, MapPoint(Crs.GEO, where[0], where[1]),
                                 HouseholdFields(name=name, address=f"越前市粟田部町{number}-1"), map_number=number)
    ids = []
    for member, of_concern in members:
        p = households.add_person(s, h.id, PersonFields(name=member, kana="", of_concern=of_concern,
                                                        phone=f"0778-42-{number:04d}"))
        if consent:
            record_consent(s, p.id, ConsentFields(ConsentStatus.YES, True, True, True, DAY, "民生委員"), today=DAY)
        ids.append(p.id)
    return h.id, ids


@pytest.fixture
def plan_town(ledger, tmp_path) -> PlanTown:
    """Five households: #1 alone in the deep (rank 4) flood zone, #2 a couple in the shallow zone, #3 alone
    and dry with care level 要介護3, #4 a watcher's house in the shallow zone, #5 a watcher who is of concern."""
    with ledger.Session.begin() as s:
        town = create_town(s, "粟田部地区", "粟田部町", center=(HOME[1], HOME[0]))
        t = PlanTown(town.id)
        t.households[1], (t.persons["alone_deep"],) = _household(s, town.id, 1, DEEP, "川辺家", [("川辺　ハル", True)])
        t.households[2], (t.persons["couple"], t.persons["spouse"]) = _household(
            s, town.id, 2, SHALLOW, "中島家", [("中島　正男", True), ("中島　和子", False)])
        t.households[3], (t.persons["alone_dry"],) = _household(s, town.id, 3, DRY, "高台家", [("高台　キヨ", True)],
                                                               consent=False)
        t.households[4], (t.persons["neighbour"],) = _household(s, town.id, 4, NEIGHBOUR_IN_ZONE, "岸家",
                                                               [("岸　茂", False)])
        t.households[5], (t.persons["frail_watcher"],) = _household(s, town.id, 5, DRY_NEXT_DOOR, "森家",
                                                                   [("森　トシ子", True)])
        emergency.save_card(s, t.persons["alone_dry"], CardFields(care_level="要介護3",
                                                                 welfare_commissioner_name="民生委員　春野"))
        emergency.save_card(s, t.persons["couple"], CardFields(care_level="要介護1",
                                                              welfare_commissioner_name="民生委員　夏川"))
        for key, name, hid in (("in_zone", "岸　茂", t.households[4]), ("frail", "森　トシ子", t.households[5]),
                               ("dry", "高台　勇", None), ("far", "遠山　博", None)):
            t.watchers[key] = network.add_watcher(s, town.id, WatcherFields(name, phone="090-1111-2222",
                                                                            role="neighbour", household_id=hid)).id
        zones = write_geojson(tmp_path / "A31a-test.geojson", [
            flood(box(DEEP[0] - 0.002, DEEP[1] - 0.002, DEEP[0] + 0.002, DEEP[1] + 0.002), 4),
            flood(box(SHALLOW[0] - 0.002, SHALLOW[1] - 0.002, SHALLOW[0] + 0.002, SHALLOW[1] + 0.002), 2),
        ])
        import_hazard(s, zones, HazardKind.FLOOD)
    return t
