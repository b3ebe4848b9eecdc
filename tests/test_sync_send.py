"""Sending a district (issue 17): the server looks a push's ids up as arrays of ids, a few at a time here
(``ARRAY_IDS`` made small), and still stores a change sent twice once, refuses a stale change wherever it
falls in the push, and takes a record it already has as new values for it.

GIVEN laptop A's ledger of 60 households (persons, watchers, links) sent once, WHEN the same push comes again,
or with a stale change last, or with a record the server has, THEN the server's journal and rows say so.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event, func, select, text

from app.core.text import search_key
from app.models import Household, open_ledger
from app.models.sync import sync_change
from app.paths import ledger_path
from app.sync import laptop, protocol, sync
from app.sync.core import Change, StalePush, dumps
from app.sync.protocol import connect, receive, whoami
from bench.generate import DISTRICT, generate
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

HOUSEHOLDS = 60


@pytest.fixture
def sent(make_laptop, tmp_path, monkeypatch):  # noqa: F811 - the fixture imported above
    """Laptop A after its first sync, B registered for the same district, and the changes A pushed."""
    monkeypatch.setattr(protocol, "ARRAY_IDS", 7)  # every lookup spans several arrays
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    a.ledger.close()
    generate(tmp_path / "a-data", HOUSEHOLDS)
    a.ledger = open_ledger(ledger_path(tmp_path / "a-data"))
    pushed: list[Change] = []

    class Recording(protocol.Receiving):  # the push as the server received it (a first sync: a table at a time)
        def add(self, changes: list[Change]) -> None:
            pushed.extend(changes)
            super().add(changes)

    monkeypatch.setattr(laptop, "Receiving", Recording)
    report = sync(a.ledger, a.url)
    assert report.sent > 3 * protocol.ARRAY_IDS  # the lookups really spanned several arrays
    assert report.sent == len(pushed)
    return a, b, pushed


def _journal(url: str) -> int:
    engine = connect(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(sync_change))
    finally:
        engine.dispose()


def test_a_push_sent_again_is_stored_once(sent):
    a, _, changes = sent
    before = _journal(a.url)
    # WHEN the same push comes again (a resumed sync that did not see its commit)
    engine = connect(a.url)
    try:
        with engine.begin() as conn:
            result = receive(conn, whoami(conn), changes, 0, reject_stale=True)
    finally:
        engine.dispose()
    # THEN every change is known already, none is stored twice
    assert result.already == len(changes) and not result.accepted and not result.rejected
    assert _journal(a.url) == before


def test_a_stale_change_last_in_a_long_push_is_refused(sent):
    a, b, changes = sent
    # GIVEN B received the district and changed the last household's note
    sync(b.ledger, b.url)
    household_id = next(c.entity_id for c in reversed(changes) if c.entity == "household")
    with b.ledger.Session.begin() as s:
        s.get(Household, household_id).note = "Bの見守りメモ"
    sync(b.ledger, b.url)
    # WHEN A, not having pulled, sends a field change to it after many changes it may send
    fresh = [Change(uuid.uuid4(), c.entity, c.entity_id, "note", "update", dumps(f"メモ {n}"), district_id=c.district_id)
             for n, c in enumerate(changes) if c.entity == "household" and c.entity_id != household_id]
    stale = Change(uuid.uuid4(), "household", household_id, "note", "update", dumps("Aの見守りメモ"),
                   district_id=next(c.district_id for c in changes if c.entity_id == household_id))
    engine = connect(a.url)
    try:
        # THEN over the network the whole push is refused (pull first) ...
        with pytest.raises(StalePush), engine.begin() as conn:
            receive(conn, whoami(conn), [*fresh, stale], 0, reject_stale=False)
        # ... and in a package only the stale change is, the others are stored
        with engine.begin() as conn:
            result = receive(conn, whoami(conn), [*fresh, stale], 0, reject_stale=True)
            notes = dict(conn.execute(select(Household.__table__.c.id, Household.__table__.c.note)
                                      .where(Household.__table__.c.id.in_([household_id, fresh[-1].entity_id]))).all())
    finally:
        engine.dispose()
    assert [(c.entity_id, why) for c, why in result.rejected] == [(household_id, "stale")]
    assert len(result.accepted) == len(fresh)
    assert notes[household_id] == "Bの見守りメモ"
    assert notes[fresh[-1].entity_id] == fresh[-1].decoded()


def test_a_created_record_the_server_has_updates_it(sent):
    a, _, changes = sent
    # GIVEN a create of a household the server already has, with another note (a snapshot sent again)
    create = next(c for c in changes if c.entity == "household" and c.action == "create")
    record = dict(create.record(), note="もう一度送った記録")
    again = Change(uuid.uuid4(), "household", create.entity_id, None, "create", dumps(record),
                   at=datetime.now(timezone.utc), district_id=create.district_id)
    engine = connect(a.url)
    try:
        with engine.begin() as conn:
            result = receive(conn, whoami(conn), [again], 0, reject_stale=True)
            note = conn.scalar(select(Household.__table__.c.note).where(Household.__table__.c.id == create.entity_id))
            rows = conn.scalar(select(func.count()).select_from(Household.__table__)
                               .where(Household.__table__.c.id == create.entity_id))
    finally:
        engine.dispose()
    # THEN it is applied as new values for that household: one row, the new note, journaled
    assert [c.change_id for c in result.accepted] == [again.change_id]
    assert rows == 1 and note == "もう一度送った記録"


def _push_of_edits(changes: list[Change]) -> tuple[list[Change], dict]:
    """A laptop's offline edits as one push: notes (five households twice), persons renamed, a birth date, a
    concern, an archive, a watch link's note, a household's categories, two households trading map numbers
    (the one given up first), and a note for a household the server never had."""
    created = {e: [c for c in changes if c.entity == e and c.action == "create"]
               for e in ("household", "person", "watch_link")}
    hh, persons, links = created["household"], created["person"], created["watch_link"]
    t0 = datetime(2026, 4, 1, 9, 0, tzinfo=timezone.utc)
    step = iter(range(10_000))

    def edit(c: Change, name: str, value: object, action: str = "update") -> Change:
        return Change(uuid.uuid4(), c.entity, c.entity_id, name, action, dumps(value), "民生委員 A", "editor",
                      t0 + timedelta(seconds=next(step)), district_id=c.district_id)

    push = [edit(c, "note", f"見守りメモ {n}") for n, c in enumerate(hh[:30])]
    push += [edit(c, "note", f"二度目のメモ {n}") for n, c in enumerate(hh[:5])]
    push += [edit(c, "name", f"改名 {n}") for n, c in enumerate(persons[:10])]
    push += [edit(persons[10], "birth_date", "1941-02-03"), edit(persons[11], "of_concern", True),
             edit(persons[11], "concerns", "足が不自由"), edit(links[0], "note", "毎朝声かけ"),
             edit(hh[40], "deleted_at", "2026-04-01T10:00:00+00:00", "archive"), edit(hh[52], "categories", [])]
    number = hh[50].record()["map_number"]
    push += [edit(hh[50], "map_number", 9999), edit(hh[50], "note", "番号を譲った"),
             edit(hh[51], "map_number", number)]
    missing = edit(hh[0], "note", "サーバーにない世帯")
    missing.entity_id = uuid.uuid4()
    push.append(missing)
    return push, dict(hh=hh, persons=persons, number=number, missing=missing, t0=t0)


def _server_rows(conn, push: list[Change]) -> dict:  # noqa: ANN001
    """Every row of the tables the push touches, and its journal rows (without the server's numbers)."""
    rows = {name: sorted(tuple(str(v) for v in row) for row in conn.execute(select(table)))
            for name, table in ((t, protocol.table_of(t)) for t in ("household", "person", "watch_link"))}
    rows["categories"] = sorted(conn.execute(text("SELECT household_id, category_id FROM household_category_link")))
    rows["journal"] = [tuple(r) for r in conn.execute(
        select(*(c for c in sync_change.c if c.name not in ("seq", "received_at")))
        .where(sync_change.c.change_id.in_([c.change_id for c in push])).order_by(sync_change.c.seq))]
    return rows


def test_a_push_of_field_edits_is_written_set_wise_and_leaves_what_one_by_one_left(sent, monkeypatch):
    a, _, changes = sent
    push, known = _push_of_edits(changes)
    engine = connect(a.url)
    updates: list[str] = []

    def count(conn, cursor, statement, *_):  # noqa: ANN001, ANN002
        updates.extend([statement] if statement.lstrip().upper().startswith("UPDATE") else [])

    def received(one_by_one: bool) -> tuple:
        """The push received in a transaction that is rolled back: what it returned, left and sent."""
        updates.clear()
        with monkeypatch.context() as m:
            if one_by_one:  # as every field change was written before: a statement each
                m.setattr(protocol, "update_fields", lambda conn, todo: {})
            with engine.connect() as conn:
                event.listen(engine, "before_cursor_execute", count)
                try:
                    with conn.begin() as transaction:
                        result = receive(conn, whoami(conn), push, 0, reject_stale=True)
                        rows = _server_rows(conn, push)
                        records = {e: {r.id: r._mapping for r in conn.execute(select(protocol.table_of(e)))}
                                   for e in ("household", "person")}
                        transaction.rollback()
                finally:
                    event.remove(engine, "before_cursor_execute", count)
        return result, rows, len(updates), records

    try:
        # WHEN the server receives the push one change at a time, and then set-wise
        before, rows_before, statements_before, _ = received(one_by_one=True)
        result, rows, statements, records = received(one_by_one=False)
    finally:
        engine.dispose()
    # THEN it sent far fewer statements (a few per table and set of fields) ...
    assert statements_before >= 50 and statements <= 12, (statements_before, statements)
    # ... and left exactly the rows and the journal the change-by-change way left, accepting and refusing the same
    assert rows == rows_before
    assert [c.change_id for c in result.accepted] == [c.change_id for c in before.accepted]
    assert [(c.change_id, why) for c, why in result.rejected] == [(known["missing"].change_id, "missing")]
    assert len(rows["journal"]) == len(push) - 1
    # ... which is what the edits say: the last note wins, with its time; the names' search keys follow them;
    # the map number given up is taken; the archive and the categories land
    household, person = records["household"], records["person"]
    hh, persons = known["hh"], known["persons"]
    assert household[hh[0].entity_id]["note"] == "二度目のメモ 0"
    assert household[hh[29].entity_id]["note"] == "見守りメモ 29"
    assert household[hh[0].entity_id]["updated_at"] == push[30].at
    assert household[hh[51].entity_id]["map_number"] == known["number"]
    assert household[hh[50].entity_id]["map_number"] == 9999
    assert household[hh[40].entity_id]["deleted_at"] is not None
    assert person[persons[3].entity_id]["name"] == "改名 3"
    assert person[persons[3].entity_id]["search_key"] == search_key("改名 3", persons[3].record()["kana"])
    assert person[persons[11].entity_id]["of_concern"] is True

