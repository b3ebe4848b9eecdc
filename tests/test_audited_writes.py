"""One audited write path: an edit through the ORM, a roster import and a change received by sync leave
audit entries of the same shape, readable in the audit-log window; a failed bulk write leaves nothing."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import AuditAction, AuditEntry, Household, Operator, Person
from app.models.writes import RowChange, Writes, archive_rows, insert_rows, update_rows
from app.privacy import audit
from app.sync.applier import apply_pulled
from app.sync.core import Change, dumps
from app.sync.journal import sync_state
from app.watch.roster import apply_roster, read_roster

SHAPE = ("action", "entity", "entity_id", "person_id", "household_id", "label", "field", "old_value", "new_value")


def _roster(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _latest(ledger, person_id) -> audit.AuditRow:
    with ledger.Session() as s:
        return audit.list_audit(s, person_id=person_id, limit=1)[0]


@pytest.fixture
def hal(ledger, town):
    ledger.operator = Operator("田中民生委員", "welfare commissioner")
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="山田家", address="余川町1"))
        return households.add_person(s, h.id, PersonFields("山田　ハル", phone="0778-22-0001"))


def test_an_edit_a_roster_import_and_a_sync_apply_leave_entries_of_the_same_shape(ledger, town, hal, tmp_path):
    # GIVEN 山田 ハル's phone changed three ways: by hand, by a roster, and on another laptop
    ledger.operator = Operator("佐藤", "社協職員")
    with ledger.Session.begin() as s:
        households.edit_person(s, hal.id, PersonFields("山田　ハル", phone="0778-22-0002"))
    by_hand = _latest(ledger, hal.id)
    ledger.operator = Operator("鈴木", "社協職員")
    path = _roster(tmp_path / "r.xlsx", [["氏名", "住所", "電話"], ["山田　ハル", "余川町1", "0778-22-0003"]])
    with ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town.id))
    by_roster = _latest(ledger, hal.id)
    at = datetime(2026, 11, 3, 9, 30, tzinfo=timezone.utc)
    with ledger.Session.begin() as s:
        state = sync_state(s)
        state.pushed_audit_id = s.scalar(select(func.max(AuditEntry.id)))  # everything here was sent before
        apply_pulled(s, state, [Change(uuid.uuid4(), "person", hal.id, "phone", "update", dumps("0778-22-0004"),
                                               "遠藤", "民生委員", at, seq=7, laptop_name="ノートB")],
                     lambda *_: None)
    with ledger.Session() as s:  # its time is the other laptop's: found by who made it
        (by_sync,) = [e for e in audit.list_audit(s, person_id=hal.id) if e.operator_name == "遠藤"]
    # THEN the three entries say the same things about the same record: only the values and who differ
    shapes = [{k: getattr(e, k) for k in SHAPE} for e in (by_hand, by_roster, by_sync)]
    same = dict(action=AuditAction.UPDATE, entity="person", entity_id=hal.id, person_id=hal.id,
                household_id=hal.household_id, label="山田　ハル", field="phone")
    assert [{k: v for k, v in shape.items() if k in same} for shape in shapes] == [same] * 3
    assert [(e.old_value, e.new_value) for e in (by_hand, by_roster, by_sync)] == [
        ("0778-22-0001", "0778-22-0002"), ("0778-22-0002", "0778-22-0003"), ("0778-22-0003", "0778-22-0004")]
    # AND who: the operator working here, or the one who made the change on the other laptop, and when
    assert [(e.operator_name, e.operator_role) for e in (by_hand, by_roster, by_sync)] == [
        ("佐藤", "社協職員"), ("鈴木", "社協職員"), ("遠藤", "民生委員")]
    assert (by_hand.reason, by_roster.reason, by_sync.reason) == ("", "roster: r.xlsx", "sync: ノートB")
    assert by_sync.at.replace(tzinfo=timezone.utc) == at


def test_a_roster_imports_entries_are_in_the_audit_log_window_like_a_hand_edit(ledger, town, hal, tmp_path):
    # GIVEN a roster adding a member to 山田家 and a concern to ハル
    ledger.operator = Operator("鈴木", "社協職員")
    path = _roster(tmp_path / "r.xlsx", [["氏名", "住所", "気になるところ"], ["山田　ハル", "余川町1", "足が弱い"],
                                         ["山田　正男", "余川町1", ""]])
    with ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town.id))
    # WHEN the audit-log window reads ハル's history and the household's
    with ledger.Session() as s:
        masao = s.scalar(select(Person).where(Person.name == "山田　正男"))
        hal_history = audit.list_audit(s, person_id=hal.id)
        household_history = audit.list_audit(s, household_id=hal.household_id)
        masao_history = audit.list_audit(s, person_id=masao.id)
    # THEN the import's entries are there, with the operator, field, old and new value, as a hand edit's
    assert {(e.entity, e.action, e.field, e.old_value, e.new_value) for e in hal_history if e.operator_name == "鈴木"} == {
        ("person", AuditAction.UPDATE, "concerns", "", "足が弱い"),
        ("person", AuditAction.UPDATE, "of_concern", "false", "true"),  # a concern makes her a person of concern
        ("household", AuditAction.UPDATE, "categories", None, "気がかりな世帯")}
    assert {(e.field, e.new_value) for e in masao_history if e.entity == "person"} >= {
        ("name", "山田　正男"), ("household_id", str(hal.household_id))}
    assert {e.person_id for e in household_history} >= {hal.id, masao.id}
    assert all(e.action is AuditAction.CREATE for e in masao_history if e.entity == "person")


def test_archived_in_bulk_reads_as_archived_by_hand(ledger, town, hal):
    # GIVEN two households, one archived in the side panel and one through the batch API
    with ledger.Session.begin() as s:
        other = households.add_household(s, town.id, None, HouseholdFields(name="川上家"))
    with ledger.Session.begin() as s:
        households.delete_household(s, hal.household_id)
    with ledger.Session.begin() as s:
        archive_rows(s, Household.__table__, [dict(id=other.id, name="川上家")])
    # THEN both are gone from the lists, and both histories end with the same kind of entry
    with ledger.Session() as s:
        assert households.list_households(s, town.id) == []
        by_hand, in_bulk = (audit.list_audit(s, household_id=h, limit=1)[0] for h in (hal.household_id, other.id))
    assert [(e.action, e.entity, e.field, e.old_value, e.label) for e in (by_hand, in_bulk)] == [
        (AuditAction.ARCHIVE, "household", "deleted_at", None, "山田家"),
        (AuditAction.ARCHIVE, "household", "deleted_at", None, "川上家")]
    assert by_hand.new_value and in_bulk.new_value


def test_an_update_that_changes_nothing_writes_nothing(ledger, hal):
    with ledger.Session() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with ledger.Session.begin() as s:
        update_rows(s, Person.__table__, [RowChange(dict(id=hal.id, name="山田　ハル", phone="0778-22-0001"),
                                                    dict(phone="0778-22-0001"))])
    with ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_a_failure_half_way_through_a_bulk_write_leaves_neither_rows_nor_entries(ledger, hal):
    # GIVEN 1,500 new members (two batches) whose second batch repeats an id: the database refuses it
    rows = [dict(id=uuid.uuid4(), household_id=hal.household_id, name=f"住民{n}", kana="", phone="", concerns="",
                 of_concern=False, sort_order=n + 1, search_key="") for n in range(1500)]
    rows[1200]["id"] = rows[3]["id"]
    with ledger.Session() as s:
        before = (s.scalar(select(func.count()).select_from(Person)), s.scalar(select(func.count()).select_from(AuditEntry)))
    # WHEN they are written in one transaction
    with pytest.raises(IntegrityError), ledger.Session.begin() as s:
        insert_rows(s, Person.__table__, rows)
    # THEN the first batch, written before the failure, is gone with it, and no entry tells of it
    with ledger.Session() as s:
        after = (s.scalar(select(func.count()).select_from(Person)), s.scalar(select(func.count()).select_from(AuditEntry)))
    assert after == before


def test_a_roster_import_cancelled_while_its_entries_are_written_leaves_nothing(ledger, town, tmp_path):
    # GIVEN a roster of 600 persons: their audit entries (one per new record) take two batches
    path = _roster(tmp_path / "r.xlsx", [["氏名", "住所", "電話"], *([f"住民{n:03d}", f"余川町{n}", f"0778-22-{n:04d}"]
                                                                   for n in range(600))])
    seen = []

    def cancel(done, total):  # the worker's Cancel on the last batch: after every data row went in
        seen.append(done)
        if done == total:
            raise KeyboardInterrupt("cancelled")

    with ledger.Session() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(KeyboardInterrupt), ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town.id), progress=cancel)
    with ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before
    assert len(seen) >= 4  # households, persons, then the entries in more than one batch


def test_writes_are_sent_in_order_with_their_entries_after_them(ledger, town):
    # GIVEN a household and its member written as one unit through the batch API
    hid, pid = uuid.uuid4(), uuid.uuid4()
    with ledger.Session.begin() as s:
        writes = Writes(s)
        writes.insert(Household.__table__, [dict(id=hid, town_id=town.id, map_number=1, name="森家", address="",
                                                 note="", search_key="")])
        writes.insert(Person.__table__, [dict(id=pid, household_id=hid, name="森　一", kana="", phone="", concerns="",
                                              of_concern=False, sort_order=0, search_key="")])
        assert len(writes) == 2 + 2  # two rows, and one entry for each (holding the fields set)
        writes.send()
        assert len(writes) == 0
    # THEN the household shows its member, and the member's history starts with their creation
    with ledger.Session() as s:
        assert [p.name for p in households.get_household(s, hid).persons] == ["森　一"]
        history = audit.list_audit(s, person_id=pid)
    assert {(e.entity, e.field) for e in history if e.action is AuditAction.CREATE} >= {
        ("person", "name"), ("person", "household_id"), ("household", "name")}
