"""A first sync moves a whole district in batches (issue 17): a bounded number of statements on the
server and on the receiving laptop, and the receiving ledger ends exactly as the change-by-change way left it.

GIVEN a ledger of a few hundred households (the bench's generator: persons, watchers, links, categories)
on laptop A, WHEN A sends it and laptops B and C receive it (C one change at a time, the way every
change was applied before), THEN B and C hold the same rows and the same audit entries.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.engine.interfaces import ExecuteStyle

from app.households import search
from app.models import AuditEntry, Base, Household, HouseholdCategory, Person, open_ledger
from app.paths import ledger_path
from app.sync import applier, sync
from app.sync.core import SYNCED_TABLES, Change
from bench.generate import DISTRICT, generate
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

HOUSEHOLDS = 300


class Statements:
    """Statements sent to each database: PostgreSQL's executemany counts one per row (psycopg pipelines them
    one by one), SQLite's once."""

    def __init__(self) -> None:
        self.count = {"postgresql": 0, "sqlite": 0}

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        # A multi-row INSERT of SQLAlchemy's "insertmanyvalues" comes here once per statement it sends.
        # SQLite's executemany is one call that steps one prepared statement (no round trips): counted once.
        many = (executemany and context.execute_style is not ExecuteStyle.INSERTMANYVALUES
                and conn.engine.dialect.name == "postgresql")
        rows = len(parameters) if many else 1
        self.count[conn.engine.dialect.name] = self.count.get(conn.engine.dialect.name, 0) + rows

    def __enter__(self) -> Statements:
        event.listen(Engine, "before_cursor_execute", self)
        return self

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        event.remove(Engine, "before_cursor_execute", self)


def _content(ledger) -> tuple[dict, list]:  # noqa: ANN001
    """Every row of every table that syncs (and the categories), and every audit entry without its number."""
    tables = {}
    with ledger.Session() as s:
        conn = s.connection()
        for name in (*SYNCED_TABLES, "household_category_link"):
            table = Base.metadata.tables[name]
            columns = [c for c in table.c
                       # the built-in categories are made with each ledger (its own time), not by the sync
                       if not (name == "household_category" and c.name in ("created_at", "updated_at"))]
            tables[name] = sorted(tuple(str(v) for v in row) for row in conn.execute(select(*columns)))
        a = AuditEntry.__table__
        entries = [{k: v for k, v in row._mapping.items() if k != "id"}
                   for row in conn.execute(select(a).order_by(a.c.id))]
        # The search index (entries and their character pairs, by owner: entry numbers are the ledger's own)
        tables["search_entry"] = sorted(conn.exec_driver_sql(
            "SELECT owner_id, household_id, kind, key FROM search_entry").all())
        tables["search_pair"] = sorted(conn.exec_driver_sql(
            "SELECT p.pair, e.owner_id FROM search_pair AS p JOIN search_entry AS e USING (entry_id)").all())
    return tables, entries


@pytest.fixture
def laptops(make_laptop, tmp_path):  # noqa: F811 - the fixture imported above
    """Laptops A, B and C registered for one district; A's ledger holds 300 generated households (with persons,
    watchers, watch links, categories, and the agencies, cards and contacts of Step III). Returns them and what
    was generated."""
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    c = make_laptop("laptop-c", [DISTRICT])
    a.ledger.close()
    made = generate(tmp_path / "a-data", HOUSEHOLDS)
    a.ledger = open_ledger(ledger_path(tmp_path / "a-data"))
    return a, b, c, made


def test_a_first_sync_goes_in_batches_and_leaves_what_the_change_by_change_way_left(laptops, monkeypatch):
    # GIVEN laptop A's ledger of 300 households
    a, b, c, made = laptops
    records = HOUSEHOLDS + made.persons + made.watchers + made.links

    # WHEN A sends the district
    with Statements() as sent:
        report = sync(a.ledger, a.url)
    # THEN every record went, in statements that do not grow with the records (a few per table and batch)
    assert report.sent >= records
    assert sent.count["postgresql"] < 80, sent.count
    assert sent.count["sqlite"] < 90, sent.count  # 71 without Step III's three tables, 3 statements for each

    # WHEN B receives it (its households' and persons' search entries made set-wise, as a city's would be)
    monkeypatch.setattr(search, "BULK_FROM", 2)
    with Statements() as received:
        report_b = sync(b.ledger, b.url)
    assert report_b.applied >= records
    assert received.count["postgresql"] < 40, received.count
    assert received.count["sqlite"] < 120, received.count

    # ... and C receives it one change at a time (each change a run of its own: the way before batching)
    monkeypatch.setattr(applier, "_runs", lambda changes: [[change] for change in changes])
    monkeypatch.setattr(search, "BULK_FROM", 10**9)  # and every search entry made by the triggers
    with Statements() as one_by_one:
        report_c = sync(c.ledger, c.url)
    assert report_c.applied == report_b.applied
    assert one_by_one.count["sqlite"] > 10 * received.count["sqlite"]  # the counts above mean something

    # THEN B and C hold exactly the same rows and audit entries (who changed what on which laptop, and when)
    rows_b, entries_b = _content(b.ledger)
    rows_c, entries_c = _content(c.ledger)
    assert len(rows_b["household"]) == HOUSEHOLDS
    assert len(rows_b["person"]) == made.persons
    assert len(rows_b["search_entry"]) == HOUSEHOLDS + made.persons
    assert rows_b == rows_c  # the search index too
    # ... and a search on B finds a person it received, as on A
    with a.ledger.Session() as sa, b.ledger.Session() as sb:
        name = sa.scalar(select(Person.name).where(Person.name != "").limit(1))
        assert name and search.search(sb, name[:2]) == search.search(sa, name[:2])
    assert len(entries_b) > records
    assert entries_b == entries_c


def test_another_laptops_edits_are_read_a_table_at_a_time_and_leave_what_one_by_one_left(laptops, monkeypatch):
    # GIVEN laptops A, B and C holding the same district of 300 households
    a, b, c, _ = laptops
    for laptop in (a, b, c):
        sync(laptop.ledger, laptop.url)
    # ... and A's edits offline: notes, phones, a member renamed (and another field of the same member), a member
    # archived, a household's categories, and two households trading their map numbers (the one given up first)
    with a.ledger.Session.begin() as s:
        households = list(s.scalars(select(Household).order_by(Household.map_number).limit(40)))
        persons = list(s.scalars(select(Person).order_by(Person.name).limit(40)))
        for n, h in enumerate(households[:30]):
            h.note = f"見守りメモ {n}"
        for n, p in enumerate(persons[:30]):
            p.phone = f"0778-22-{n:04d}"
        persons[0].name, persons[0].kana = "越前 花子", "えちぜん はなこ"
        persons[31].deleted_at = datetime(2026, 4, 1, 10, 0, tzinfo=timezone.utc)
        households[32].categories = [s.scalars(select(HouseholdCategory).order_by(HouseholdCategory.code)).first()]
        number, households[33].map_number = households[33].map_number, 99_999
    with a.ledger.Session.begin() as s:
        s.get(Household, households[34].id).map_number = number
    report = sync(a.ledger, a.url)
    assert report.sent >= 60

    # WHEN B receives them (a run of field changes: the records read a table at a time) ...
    with Statements() as received:
        report_b = sync(b.ledger, b.url)
    # ... and C one change at a time, each record read on its own (the way before)
    monkeypatch.setattr(applier, "_runs", lambda changes: [[change] for change in changes])
    with Statements() as one_by_one:
        report_c = sync(c.ledger, c.url)

    # THEN B read far less often, and B and C hold exactly the same rows, audit entries and search index
    assert report_b.applied == report_c.applied >= 60
    assert received.count["sqlite"] < one_by_one.count["sqlite"] - 50, (received.count, one_by_one.count)
    assert _content(b.ledger) == _content(c.ledger)
    with b.ledger.Session() as s:
        assert s.get(Person, persons[0].id).name == "越前 花子"
        assert s.get(Person, persons[29].id).phone == "0778-22-0029"
        assert s.get(Household, households[34].id).map_number == number
        assert search.search(s, "はなこ")


def test_a_pull_is_cut_into_runs_that_keep_the_order_and_let_the_progress_be_told():
    # GIVEN 2,500 field changes, a removal, two creates of one table, and one more field change
    def change(action: str, entity: str = "person") -> Change:
        return Change(uuid.uuid4(), entity, uuid.uuid4(), None if action in ("create", "delete") else "note", action,
                      None)

    pulled = [change("update") for _ in range(2499)] + [change("archive"), change("delete"), change("create"),
                                                          change("create"), change("create", "household"),
                                                          change("update")]
    # WHEN it is cut into runs
    runs = applier._runs(pulled)
    # THEN the field changes go together a thousand at most (the progress is told after each run), a removal
    # alone, creates of one table together; and nothing moves
    assert [len(r) for r in runs] == [1000, 1000, 500, 1, 2, 1, 1]
    assert [c for r in runs for c in r] == pulled
