"""The map's read of the homes of the persons of concern comes from one index (issue 17, migration 0018).

The town's layer marks every household where someone is of concern (tests/test_mapquery.py keeps the marks
identical to the ORM version); this checks that the read behind them needs no person's row, which on a city's
ledger meant decrypting thousands of scattered pages at every open.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.timeout(120)

CONCERN_HOMES = "SELECT DISTINCT household_id FROM person WHERE of_concern = 1 AND deleted_at IS NULL"


def test_the_households_of_concern_come_from_the_index_alone(ledger):
    # GIVEN a ledger at the newest schema WHEN the map's read of the homes of the persons of concern is planned
    # THEN it reads the covering index, not every such person's row
    with ledger.engine.connect() as conn:
        plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {CONCERN_HOMES}").all()
    assert any("COVERING INDEX ix_person_of_concern_home" in row[-1] for row in plan), plan


def test_the_map_read_asks_what_the_index_answers(ledger, town):
    # GIVEN the layer's own statement for those homes THEN its plan is the covering index's too (the statement
    # and the index are kept together)
    from sqlalchemy import String, select, type_coerce

    from app.models import Person

    statement = (select(type_coerce(Person.household_id, String))
                 .where(Person.of_concern.is_(True), Person.deleted_at.is_(None)).distinct())
    with ledger.engine.connect() as conn:
        compiled = statement.compile(conn, compile_kwargs={"literal_binds": True})
        plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    assert any("COVERING INDEX ix_person_of_concern_home" in row[-1] for row in plan), plan
