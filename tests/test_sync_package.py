"""USB sync packages for a laptop that never reaches the network: office → laptop, laptop → office and
back, with the same conflict rule as a network sync; encrypted with a passphrase."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.views import HouseholdFields
from app.households import households as hh
from app.models import Household
from app.office.packages import export_package_for_laptop, import_package_at_office
from app.sync import SyncError, export_package, import_package, list_conflicts, resolve_conflict, sync, sync_status
from app.towns.towns import create_town
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

PASS = "usb-パスフレーズ"


def _notes(ledger):
    with ledger.Session() as s:
        return {h.name: h.note for h in s.scalars(select(Household))}


def test_usb_round_trip_carries_changes_both_ways_with_the_same_conflict_rule(make_laptop, server_url, tmp_path):
    # GIVEN a network laptop A and a USB-only laptop U of the same district
    a = make_laptop("laptop-a", ["味真野地区"])
    u = make_laptop("usb-laptop", ["味真野地区"])
    with a.ledger.Session.begin() as s:
        t = create_town(s, "味真野地区", "余川町")
        hh.add_household(s, t.id, None, HouseholdFields(name="山田家"))
    sync(a.ledger, a.url)
    # WHEN the office writes U's first package and U imports it
    export_package_for_laptop(server_url, "usb-laptop", tmp_path / "to-u-1.sasaeai", PASS)
    import_package(u.ledger, tmp_path / "to-u-1.sasaeai", PASS)
    # THEN U has A's household and knows who it is
    assert _notes(u.ledger) == {"山田家": ""}
    with u.ledger.Session() as s:
        status = sync_status(s)
    assert status.laptop_name == "usb-laptop" and status.last_sync_kind == "package"
    # WHEN U adds a household and A and U both change 山田家's note offline
    with u.ledger.Session.begin() as s:
        town_id = s.scalars(select(Household.town_id)).first()
        hh.add_household(s, town_id, None, HouseholdFields(name="鈴木家", note="U が追加"))
        yamada = s.scalars(select(Household).where(Household.name == "山田家")).one()
        hh.edit_household(s, yamada.id, HouseholdFields(name="山田家", note="U: 週2回訪問"))
    with a.ledger.Session.begin() as s:
        yamada_a = s.scalars(select(Household).where(Household.name == "山田家")).one()
        hh.edit_household(s, yamada_a.id, HouseholdFields(name="山田家", note="A: 毎日電話"))
    sync(a.ledger, a.url)
    out = export_package(u.ledger, tmp_path / "from-u.sasaeai", PASS)
    assert out.changes >= 2
    # ... and the office imports U's package
    office = import_package_at_office(server_url, tmp_path / "from-u.sasaeai", PASS, tmp_path / "to-u-2.sasaeai")
    # THEN the new household is accepted, the stale note is refused (A's note stays on the server)
    assert office.accepted >= 1 and office.rejected == 1
    sync(a.ledger, a.url)
    assert _notes(a.ledger) == {"山田家": "A: 毎日電話", "鈴木家": "U が追加"}
    # WHEN U imports the reply, THEN the note is a conflict there with both values, U's kept for now
    report = import_package(u.ledger, tmp_path / "to-u-2.sasaeai", PASS)
    assert report.new_conflicts == 1 and report.sent >= 1
    assert _notes(u.ledger)["山田家"] == "U: 週2回訪問"
    with u.ledger.Session.begin() as s:
        [conflict] = list_conflicts(s)
        assert (conflict.local_value, conflict.remote_value, conflict.remote_laptop) == \
            ("U: 週2回訪問", "A: 毎日電話", "laptop-a")
        resolve_conflict(s, conflict.id, "mine")
    # AND after the user keeps theirs, the next USB round trip brings it to A
    export_package(u.ledger, tmp_path / "from-u-2.sasaeai", PASS)
    office = import_package_at_office(server_url, tmp_path / "from-u-2.sasaeai", PASS, tmp_path / "to-u-3.sasaeai")
    assert office.rejected == 0
    import_package(u.ledger, tmp_path / "to-u-3.sasaeai", PASS)
    sync(a.ledger, a.url)
    assert _notes(a.ledger) == _notes(u.ledger) == {"山田家": "U: 週2回訪問", "鈴木家": "U が追加"}
    with u.ledger.Session() as s:
        assert sync_status(s).pending_changes == 0 and sync_status(s).open_conflicts == 0


def test_a_package_opens_only_with_its_passphrase_and_only_where_it_belongs(make_laptop, server_url, tmp_path):
    u = make_laptop("usb-laptop", ["味真野地区"])
    path = export_package_for_laptop(server_url, "usb-laptop", tmp_path / "to-u.sasaeai", PASS).path
    assert not path.read_bytes().startswith(b"SQLite format 3")  # encrypted on the stick
    with pytest.raises(SyncError) as wrong:
        import_package(u.ledger, path, "wrong")
    assert str(path) in str(wrong.value)
    with pytest.raises(SyncError):  # an office package is not imported at the office
        import_package_at_office(server_url, path, PASS, tmp_path / "reply.sasaeai")
    with pytest.raises(SyncError) as unregistered:  # nor exported from a laptop the office never packed for
        export_package(make_laptop("fresh", ["味真野地区"]).ledger, tmp_path / "x.sasaeai", PASS)
    assert "x.sasaeai" in str(unregistered.value)
