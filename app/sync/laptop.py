"""Sync this laptop's ledger with the office server over the network: pull the other laptops' changes,
then push ours (see app.sync); and the sync status the window shows."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.core.errors import QT_TRANSLATE_NOOP
from app.models import AuditAction, Ledger
from app.models.audit import expand_created
from app.models.sync import SyncConflict, SyncState, SyncUnpushedRecord
from app.sync.applier import apply_pulled
from app.sync.core import SYNCED_TABLES, StalePush, SyncError, aware, table_of
from app.sync.journal import (
    Outgoing,
    outgoing,
    pending_entries,
    remember,
    settle,
    snapshot_only,
    snapshot_parts,
    snapshot_size,
    start_snapshot,
    sync_state,
)
from app.sync.protocol import (
    LaptopInfo,
    PushResult,
    Receiving,
    connect,
    fetch_changes,
    is_stale_error,
    log_sync,
    masked,
    receive,
    unreachable,
    whoami,
)
from app.sync.views import Progress, SyncReport, SyncStatus, no_progress

ATTEMPTS = 3


def sync(ledger: Ledger, url: str | None = None, *, progress: Progress | None = None) -> SyncReport:
    """Pull everyone else's changes since the last sync, then push ours (how it works: app.sync)."""
    progress = progress or no_progress
    with ledger.Session() as s:
        url = url or sync_state(s).server_url
    if not url:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this laptop has not synced yet: give the office server's address"),
                        where="--url")
    engine = connect(url)
    try:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                report = _sync_once(ledger, engine, url, progress)
                report.attempts = attempt
                progress("done", 1, 1)
                return report
            except StalePush:
                continue
            except DBAPIError as e:
                if is_stale_error(e):
                    continue
                raise unreachable(url, e) from e
        raise SyncError(QT_TRANSLATE_NOOP("errors", "other laptops kept sending changes to the same records; "
                                                    "sync again"), where=masked(url))
    finally:
        engine.dispose()


def _sync_once(ledger: Ledger, engine: Engine, url: str, progress: Progress) -> SyncReport:
    progress("connect", 0, 1)
    with ledger.Session() as s:
        since = sync_state(s).pulled_seq
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            me = whoami(conn)
            incoming, top = fetch_changes(conn, me, since)
    progress("pull", len(incoming), len(incoming))
    with ledger.Session.begin() as s:
        state = sync_state(s)
        remember(state, me, url)
        start_snapshot(s, state)
        report = apply_pulled(s, state, [c for c in incoming if c.seq > state.pulled_seq], progress)
        state.pulled_seq = max(state.pulled_seq, top)
    with ledger.Session() as s:
        state = sync_state(s)
        waiting = snapshot_size(s)
        by_parts = waiting > 0 and snapshot_only(s, state)  # a later sync reads its pending entries once
        if not by_parts:
            out = outgoing(s, state)
            progress("push", 0, len(out.changes))
        with engine.begin() as conn:
            me = whoami(conn)
            if by_parts:
                out, result = _push_by_parts(s, state, conn, me, waiting, progress)
            else:
                result = receive(conn, me, out.changes, state.pulled_seq, reject_stale=False)
            log_sync(conn, me, "network", pushed=len(result.accepted), rejected=len(result.rejected),
                     pulled=report.received, pulled_up_to=state.pulled_seq)
            progress("push-applied", len(out.changes), len(out.changes))
    progress("push-committed", len(out.changes), len(out.changes))
    with ledger.Session.begin() as s:
        settle(s, sync_state(s), out.audit_top, [c.origin for c in out.changes] + out.outside_scope, "network")
    report.sent = len(result.accepted)
    report.already_sent = result.already
    report.rejected = len(result.rejected)
    report.outside_scope = len(out.outside_scope)
    report.server_seq = state.pulled_seq
    return report


def _push_by_parts(s: Session, state: SyncState, conn: Connection, me: LaptopInfo, total: int,
                   progress: Progress) -> tuple[Outgoing, PushResult]:
    """A first sync's push (the snapshot alone), a table at a time, parents first: a worker thread has the server
    store one table (it mostly waits on the server) while this thread reads the next from the ledger, instead of
    each waiting for the other. One server transaction, as the push given at once."""
    receiving = Receiving(conn, me, state.pulled_seq, reject_stale=False)
    out = Outgoing([], 0, [])
    with no_gc_pauses():
        # Leaving the pool waits for the part being stored, also when this thread raised (a cancel from
        # ``progress``): the transaction is rolled back only once nothing uses the connection.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sasaeai-push") as pool:
            storing: Future[None] | None = None
            for part in snapshot_parts(s, state):
                if storing is not None:
                    storing.result()  # the server's error (a stale push, a refused record) ends the push here
                storing = pool.submit(receiving.add, part.changes)
                out.changes += part.changes
                out.outside_scope += part.outside_scope
                out.audit_top = part.audit_top
                progress("push", len(out.changes) + len(out.outside_scope), total)
            if storing is not None:
                storing.result()
        return out, receiving.finish()


def sync_status(session: Session) -> SyncStatus:
    """The status line: last sync, changes not sent yet, open conflicts, the server and the laptop name."""
    conn = session.connection()
    state = sync_state(session)
    if state.pushed_audit_id is None:
        pending = sum(conn.scalar(select(func.count()).select_from(table_of(e))) or 0 for e in SYNCED_TABLES)
    else:
        # A created record's one entry counts as the fields it holds, as the entries of an older ledger do.
        keys = {(e.entity_id, name) for e in pending_entries(conn, state.pushed_audit_id)
                for name, _ in (expand_created(e.field, e.new_value) if e.action == AuditAction.CREATE
                                else [(e.field, None)])}
        u = SyncUnpushedRecord.__table__
        pending = len(keys) + (conn.scalar(select(func.count()).select_from(u)) or 0)
        c = SyncConflict.__table__
        pending += conn.scalar(select(func.count()).select_from(c).where(c.c.resolution == "mine",
                                                                          c.c.pushed.is_(False))) or 0
    c = SyncConflict.__table__
    open_conflicts = conn.scalar(select(func.count()).select_from(c).where(c.c.resolution.is_(None))) or 0
    return SyncStatus(aware(state.last_sync_at), pending, open_conflicts,
                      masked(state.server_url) if state.server_url else "", state.laptop_name, state.last_sync_kind)
