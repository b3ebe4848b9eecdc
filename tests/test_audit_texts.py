"""The texts an audit entry holds are what sync sends and other laptops read: written the same whatever the
write path or how fast it is. Pinned here value by value, and a created record's entry as ``json.dumps`` made it."""

from __future__ import annotations

import enum
import json
import uuid
from datetime import UTC, date, datetime

from app.models.audit import CREATED_FIELDS, Operator, Origin, as_text, created_entries, expand_created, updated_entries
from app.models.watch import WatcherRole


class Level(enum.IntEnum):
    HIGH = 3


def test_every_kind_of_value_is_written_as_before():
    some_id = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert [as_text(v) for v in (None, "", "山田", 0, 42, -7, 1.5, True, False, WatcherRole.NEIGHBOUR, Level.HIGH,
                                 date(1940, 3, 2), datetime(2026, 12, 2, 1, 2, 3, tzinfo=UTC), some_id,
                                 ["あ", 1], {"鍵": "値"})] == [
        None, "", "山田", "0", "42", "-7", "1.5", "true", "false", "neighbour", "3", "1940-03-02",
        "2026-12-02T01:02:03+00:00", "12345678-1234-5678-1234-567812345678", '["あ", 1]', '{"鍵": "値"}']


def test_a_created_records_entry_is_the_json_of_its_fields_in_the_order_set():
    # GIVEN a record as a roster import creates it
    origin = Origin(Operator("山田", "職員"), "roster: 名簿.xlsx", at=datetime(2026, 12, 2, tzinfo=UTC))
    person_id, household_id = uuid.uuid4(), uuid.uuid4()
    values = dict(id=person_id, household_id=household_id, name="山田 ハル", kana="", phone="0778-22-0001",
                  birth_date=date(1940, 3, 2), of_concern=True, sort_order=0, search_key="x",
                  created_at=origin.at, updated_at=origin.at, role=WatcherRole.RELATIVE)
    # WHEN its entry is made
    [entry] = created_entries(origin, "person", values)
    # THEN it holds the set fields' texts as json.dumps wrote them, and reads back as one pair per field
    expected = {"household_id": str(household_id), "name": "山田 ハル", "phone": "0778-22-0001",
                "birth_date": "1940-03-02", "of_concern": "true", "sort_order": "0", "role": "relative"}
    assert entry["field"] == CREATED_FIELDS
    assert entry["new_value"] == json.dumps(expected, ensure_ascii=False)
    assert (entry["person_id"], entry["household_id"], entry["label"]) == (person_id, household_id, "山田 ハル")
    assert expand_created(entry["field"], entry["new_value"]) == list(expected.items())
    # ... and an update writes one entry per changed field, old and new as texts
    changed = updated_entries(origin, "person", values, values, {"phone": "", "sort_order": 2, "kana": ""})
    assert [(e["field"], e["old_value"], e["new_value"]) for e in changed] == [
        ("phone", "0778-22-0001", ""), ("sort_order", "0", "2")]
