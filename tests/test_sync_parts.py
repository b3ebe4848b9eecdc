"""A first sync sent a table at a time (issue 17): the laptop reads the next table while the server stores the
last, in one server transaction. It must store what the push given at once stores, in the same order, and a
part the server refuses must leave nothing of the parts before it.

GIVEN laptop A's generated district (60 households with persons, watchers, cards and links), WHEN A syncs for
the first time, THEN the server's journal is exactly the changes ``outgoing`` makes of the ledger, in the order
``receive`` stores them, and it came in several parts, parents first; WHEN a later part is refused, or the user
cancels while the parts go, THEN the server has none of A's records and the next sync sends them all.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.models import Household, open_ledger
from app.models.sync import SyncUnpushedRecord, sync_change
from app.paths import ledger_path
from app.sync import laptop, protocol, sync
from app.sync.core import SyncError, table_order
from app.sync.journal import outgoing, snapshot_only, sync_state
from app.sync.protocol import connect
from bench.generate import DISTRICT, generate
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

HOUSEHOLDS = 60


@pytest.fixture
def laptop_a(make_laptop, tmp_path):  # noqa: F811 - the fixture imported above
    a = make_laptop("laptop-a", [DISTRICT])
    a.ledger.close()
    generate(tmp_path / "a-data", HOUSEHOLDS)
    a.ledger = open_ledger(ledger_path(tmp_path / "a-data"))
    return a


def _server(url: str, stmt):  # noqa: ANN001, ANN202 - a select
    engine = connect(url)
    try:
        with engine.connect() as conn:
            return conn.execute(stmt).all()
    finally:
        engine.dispose()


def test_a_first_sync_by_parts_stores_what_the_push_at_once_would(laptop_a, monkeypatch):
    a = laptop_a
    parts: list[list[str]] = []
    expected = []

    class Recording(protocol.Receiving):  # which tables each part the server received held
        def __init__(self, *args, **kw) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kw)
            # GIVEN what A has to send once it pulled, as the push given at once (the general path) makes it
            with a.ledger.Session() as s:
                state = sync_state(s)
                assert snapshot_only(s, state)  # nothing but the snapshot: the push goes by parts
                expected.extend(protocol._sorted(outgoing(s, state).changes))

        def add(self, changes):  # noqa: ANN001, ANN202
            parts.append(list(dict.fromkeys(c.entity for c in changes)))
            super().add(changes)

    monkeypatch.setattr(laptop, "Receiving", Recording)
    journaled = _server(a.url, select(func.coalesce(func.max(sync_change.c.seq), 0)))[0][0]
    # WHEN A syncs for the first time
    report = sync(a.ledger, a.url)
    # THEN the journal holds those changes, values and districts, in that order
    journal = _server(a.url, select(sync_change.c.change_id, sync_change.c.entity, sync_change.c.entity_id,
                                    sync_change.c.action, sync_change.c.value, sync_change.c.district_id)
                      .where(sync_change.c.seq > journaled).order_by(sync_change.c.seq))
    assert report.sent == len(expected) == len(journal) > 4 * HOUSEHOLDS
    assert [(r.change_id, r.entity, r.entity_id, r.action, r.district_id) for r in journal] == [
        (c.change_id, c.entity, c.entity_id, c.action, c.district_id) for c in expected]
    assert [r.value for r in journal] == [c.value for c in expected]
    # ... sent in several parts, each of one table, parents before children
    assert len(parts) > 5 and all(len(p) == 1 for p in parts)
    orders = [table_order(p[0]) for p in parts]
    assert orders == sorted(orders)
    # ... and the server has every household; A has nothing left to send
    assert _server(a.url, select(func.count()).select_from(Household.__table__))[0][0] == HOUSEHOLDS
    with a.ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(SyncUnpushedRecord)) == 0


def test_a_refused_later_part_leaves_nothing_of_the_parts_before_it(laptop_a):
    a = laptop_a
    # GIVEN A's ledger has a watch link to a watcher it does not have (a damaged ledger: the link's table is
    # sent after the households and persons, and the server refuses the link)
    with a.ledger.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.execute(text("UPDATE watch_link SET watcher_id = :w WHERE rowid = (SELECT min(rowid) FROM watch_link)"),
                     {"w": "0" * 32})
    journaled = _server(a.url, select(func.count()).select_from(sync_change))[0][0]  # the office's district
    # WHEN A syncs for the first time, THEN it fails and says so ...
    with pytest.raises(SyncError):
        sync(a.ledger, a.url)
    # ... the server kept none of A's households or journal, stored in the parts before
    assert _server(a.url, select(func.count()).select_from(Household.__table__))[0][0] == 0
    assert _server(a.url, select(func.count()).select_from(sync_change))[0][0] == journaled
    # ... and A still has every record to send: once the link is mended, the next sync sends them all
    with a.ledger.Session() as s:
        assert s.scalar(select(func.count()).select_from(SyncUnpushedRecord)) > 4 * HOUSEHOLDS
    with a.ledger.engine.begin() as conn:
        conn.execute(text("DELETE FROM watch_link WHERE watcher_id = :w"), {"w": "0" * 32})
    report = sync(a.ledger, a.url)
    assert report.sent > 4 * HOUSEHOLDS and not report.rejected
    assert _server(a.url, select(func.count()).select_from(Household.__table__))[0][0] == HOUSEHOLDS


class Stopped(Exception):
    """What the window's cancel button raises from the progress callback (``CancelToken.check``)."""


def test_a_first_sync_cancelled_while_its_parts_are_stored_keeps_nothing_half_sent(laptop_a):
    a = laptop_a
    journaled = _server(a.url, select(func.count()).select_from(sync_change))[0][0]
    told: list[tuple[int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "push":
            told.append((done, total))
            if len(told) == 4:  # GIVEN the user cancels once a few parts went to the server
                raise Stopped

    # WHEN the first sync is cancelled while it sends, THEN it stops ...
    with pytest.raises(Stopped):
        sync(a.ledger, a.url, progress=progress)
    # ... having said how far it got, out of how many ...
    assert [done for done, _ in told] == sorted(done for done, _ in told) and told[-1][0] < told[-1][1]
    # ... and the server kept nothing of it, while the next sync sends it all
    assert _server(a.url, select(func.count()).select_from(Household.__table__))[0][0] == 0
    assert _server(a.url, select(func.count()).select_from(sync_change))[0][0] == journaled
    report = sync(a.ledger, a.url)
    assert report.sent == told[-1][1] and not report.rejected
    assert _server(a.url, select(func.count()).select_from(Household.__table__))[0][0] == HOUSEHOLDS
