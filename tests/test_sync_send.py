"""Sending a district (issue 17): the server looks a push's ids up as arrays of ids, a few at a time here
(``ARRAY_IDS`` made small), and still stores a change sent twice once, refuses a stale change wherever it
falls in the push, and takes a record it already has as new values for it.

GIVEN laptop A's ledger of 60 households (persons, watchers, links) sent once, WHEN the same push comes again,
or with a stale change last, or with a record the server has, THEN the server's journal and rows say so.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

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
    pushed: list[list[Change]] = []

    def recording(conn, me, changes, base_seq, **kw):  # noqa: ANN001, ANN003, ANN202
        pushed.append(list(changes))
        return receive(conn, me, changes, base_seq, **kw)

    monkeypatch.setattr(laptop, "receive", recording)
    report = sync(a.ledger, a.url)
    assert report.sent > 3 * protocol.ARRAY_IDS  # the lookups really spanned several arrays
    return a, b, pushed[-1]


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
