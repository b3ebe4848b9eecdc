"""A created record is one audit entry holding its fields (issue 17), and the history reads as it did.

GIVEN records created by hand (the flush hook), in bulk (``Writes``) and received from another laptop (the
sync applier, one by one and in a batch), WHEN their history is listed, exported to CSV and Excel and
counted as not sent, THEN it reads exactly as a ledger with one entry per field (the format before, which
old ledgers keep) reads: the oracle is the same ledger with each created record's entry rewritten by hand
into one entry per field, as the old code wrote them.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

import openpyxl
from sqlalchemy import delete, insert, select

from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import AuditAction, AuditEntry, Household, Operator
from app.models.audit import CREATED_FIELDS, Origin, created_entries, expand_created
from app.models.sync import SyncPulledRange
from app.models.writes import Writes
from app.privacy import audit
from app.sync.applier import apply_pulled
from app.sync.core import Change, dumps
from app.sync.journal import record_of, sync_state
from app.sync.laptop import sync_status

RECEIVED_AT = datetime(2026, 11, 3, 9, 30, tzinfo=timezone.utc)


def _made(ledger, town):
    """A household with categories and a member by hand, two in bulk, and three records received by sync."""
    ledger.operator = Operator("田中民生委員", "welfare commissioner")
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(
            name="山田家", address="余川町1", note="=HYPERLINK(\"http://x\")",
            category_codes=("single_elderly", "of_concern")))
        p = households.add_person(s, h.id, PersonFields("山田　ハル", kana="ヤマダ　ハル", phone="0778-22-0001",
                                                        of_concern=True))
    bulk = [uuid.uuid4(), uuid.uuid4()]
    with ledger.Session.begin() as s:
        Writes(s, Origin(Operator("名簿", "import-roster"))).insert(Household, [
            dict(id=bulk[0], town_id=town.id, map_number=50, name="森家", address="余川町50", note="", search_key=""),
            dict(id=bulk[1], town_id=town.id, map_number=51, name="", address="", note="", search_key="")]).send()
    received = [uuid.uuid4(), uuid.uuid4(), uuid.uuid4()]
    with ledger.Session.begin() as s:
        conn = s.connection()
        home, member = record_of(conn, "household", h.id), record_of(conn, "person", p.id)
        state = sync_state(s)

        def change(entity, entity_id, record):
            return Change(uuid.uuid4(), entity, entity_id, None, "create", dumps(record), "遠藤", "民生委員",
                          RECEIVED_AT, seq=7, laptop_name="ノートB")

        apply_pulled(s, state, [  # two households in a row (the batch) and one person (on its own)
            change("household", received[0], {**home, "id": str(received[0]), "map_number": 60, "name": "受信家"}),
            change("household", received[1], {**home, "id": str(received[1]), "map_number": 61, "name": "",
                                               "categories": []}),
            change("person", received[2], {**member, "id": str(received[2]), "household_id": str(received[0]),
                                           "name": "受信　一郎", "phone": ""}),
        ], lambda *_: None)
        # What was received counts as not sent once its pulled range is forgotten (the oracle renumbers entries)
        conn.execute(delete(SyncPulledRange.__table__))
    return h.id, p.id, bulk, received


def _as_old_format(ledger) -> int:
    """Rewrite every created record's one entry as the old code wrote it: one entry per field, in its order,
    each with the entry's time, who, label and anchors. Written here by hand (json only), not by the reader."""
    rewritten = 0
    with ledger.Session.begin() as s:
        conn = s.connection()
        a = AuditEntry.__table__
        entries = conn.execute(select(a).order_by(a.c.id)).mappings().all()
        conn.execute(delete(a))
        rows = []
        for e in entries:
            e = {k: v for k, v in e.items() if k != "id"}
            if e["action"] is AuditAction.CREATE and e["field"] == "*":
                rewritten += 1
                rows += [{**e, "field": f, "new_value": v} for f, v in json.loads(e["new_value"]).items()]
            else:
                rows.append(e)
        conn.execute(insert(a), rows)
    return rewritten


def _views(ledger, tmp_path, tag, ids):
    """Every way a user sees the history: the viewer's rows (all, by person, by household, the latest few),
    both exports' cells, and the status line's count of changes not sent."""
    h, p, bulk, received = ids
    with ledger.Session.begin() as s:
        sync_state(s).pushed_audit_id = 0  # nothing sent yet: every entry counts
    with ledger.Session() as s:
        everything = audit.list_audit(s)
        views = dict(
            everything=everything, person=audit.list_audit(s, person_id=p),
            household=audit.list_audit(s, household_id=h), latest=audit.list_audit(s, limit=3),
            received=audit.list_audit(s, household_id=received[0]),
            received_person=audit.list_audit(s, person_id=received[2]),
            bulk=audit.list_audit(s, household_id=bulk[0]), pending=sync_status(s).pending_changes)
    out_csv = audit.export_audit_csv(everything, tmp_path / f"{tag}.csv")
    out_xlsx = audit.export_audit_xlsx(everything, tmp_path / f"{tag}.xlsx")
    views["csv"] = out_csv.read_bytes()
    views["xlsx"] = [[(c.value, c.data_type, c.quotePrefix) for c in row]
                     for row in openpyxl.load_workbook(out_xlsx).active.iter_rows()]
    return views


def test_created_records_read_the_same_as_in_a_ledger_with_one_entry_per_field(ledger, town, tmp_path):
    # GIVEN records created by hand, in bulk and by sync: each leaves one entry
    ids = _made(ledger, town)
    with ledger.Session() as s:
        created = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.CREATE)).all()
        per_record = {e.entity_id: 0 for e in created}
        for e in created:
            per_record[e.entity_id] += 1
    assert set(per_record.values()) == {1}
    # WHEN the history is read, then read again from the same ledger in the old format
    new = _views(ledger, tmp_path, "new", ids)
    assert _as_old_format(ledger) == 9  # the seven records here, and the town and district the fixture made
    old = _views(ledger, tmp_path, "old", ids)
    # THEN every view is identical, row for row and cell for cell
    for name in old:
        assert new[name] == old[name], name
    # AND it shows what a user expects: every field set, the categories, who made it and from where
    household = {(r.field, r.new_value) for r in new["household"] if r.action is AuditAction.CREATE}
    assert {("name", "山田家"), ("address", "余川町1"), ("note", "=HYPERLINK(\"http://x\")"),
            ("categories", "一人暮らし高齢者, 気がかりな世帯")} <= household
    person = {(r.entity, r.field, r.new_value) for r in new["person"] if r.action is AuditAction.CREATE}
    assert {("person", "name", "山田　ハル"), ("person", "phone", "0778-22-0001"), ("person", "of_concern", "true"),
            ("household", "name", "山田家")} <= person  # a person's history brings their household's creation
    received = {(r.entity, r.field, r.new_value, r.operator_name, r.reason) for r in new["received"]}
    assert {("household", "name", "受信家", "遠藤", "sync: ノートB"), ("household", "map_number", "60", "遠藤", "sync: ノートB"),
            ("household", "categories", "一人暮らし高齢者, 気がかりな世帯", "遠藤", "sync: ノートB"),
            ("person", "name", "受信　一郎", "遠藤", "sync: ノートB")} <= received
    assert ("phone" not in {r.field for r in new["received_person"]}) and new["received_person"]
    assert [r.field for r in new["latest"]] == [r.field for r in new["everything"][:3]]
    assert len(new["latest"]) == 3
    assert new["pending"] > len(per_record) + 20  # counted per field, not per record
    # AND the exports keep user text as text
    assert b"'=HYPERLINK" in new["csv"]


def test_a_created_entry_holds_the_fields_in_the_order_they_were_set(ledger, town):
    origin = Origin(Operator("佐藤", "社協職員"), "")
    hid = uuid.uuid4()
    [entry] = created_entries(origin, "household", dict(id=hid, name="森家", address="", note=None, map_number=3,
                                                        search_key="x", position_approximate=False),
                              collections={"categories": ["b", "a"]})
    assert (entry["action"], entry["field"], entry["household_id"], entry["label"]) == (
        AuditAction.CREATE, CREATED_FIELDS, hid, "森家")
    assert expand_created(entry["field"], entry["new_value"]) == [
        ("name", "森家"), ("map_number", "3"), ("position_approximate", "false"), ("categories", "a, b")]
    [bare] = created_entries(origin, "household", dict(id=hid, name="", note=None))
    assert (bare["field"], bare["new_value"]) == (None, None)


def test_an_entry_that_is_not_a_json_object_of_texts_reads_as_it_is(ledger, town):
    # GIVEN created entries whose value is not what this app writes (an old or a hostile ledger or package)
    odd = ["{", "[1, 2]", "null", '"text"', "{}", "[" * 100_000, '{"a": {"b": 1}, "c": 2, "d": null}']
    origin = Origin(Operator("?", ""), "")
    hid = uuid.uuid4()
    with ledger.Session.begin() as s:
        s.connection().execute(insert(AuditEntry.__table__), [
            {**created_entries(origin, "household", dict(id=hid, name="x"))[0], "new_value": v} for v in odd])
    # WHEN the history is listed
    with ledger.Session() as s:
        rows = audit.list_audit(s, household_id=hid)
    # THEN nothing raises; what is not an object shows as written, an object's values as text
    shown = [(r.field, r.new_value) for r in reversed(rows)]
    assert shown == [("*", v) for v in odd[:-1]] + [("a", '{"b": 1}'), ("c", "2"), ("d", None)]
