"""What runs in each laptop's own process: one ledger, opened once and kept open as the app does."""

from __future__ import annotations

import enum
import multiprocessing
import queue
import time
import traceback
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, select, update
from sqlalchemy.engine import make_url

from app.models import Agency, Base, District, Household, Ledger, Person, Town, open_ledger
from app.models.emergency import AgencyKind
from app.paths import ledger_path
from app.sync import list_conflicts, resolve_conflict, sync
from bench.seventeen.model import IGNORED, MODELS, TABLES, Edit, Laptop

_BARRIER = None  # in a laptop's process: where the laptops wait for each other to sync at the same moment


def _generate(laptop: Laptop, ledger: Ledger | None, households: int) -> None:
    """Make the laptop's ledger with ``households`` households of its own 地区 (before it is opened here)."""
    from bench.generate import generate

    generate(Path(laptop.data_dir), households, seed=20261201 + laptop.index)


def _rename(laptop: Laptop, ledger: Ledger, agencies: int) -> tuple[list[tuple[str, str]], list[str]]:
    """Give generate()'s district and town this 地区's names; return (household, its first person) of the
    district by map number, and the agencies' ids."""
    with ledger.Session.begin() as s:
        s.execute(update(District.__table__).values(name=laptop.district))
        s.execute(update(Town.__table__).values(name=f"{laptop.district}全域"))
        for n in range(agencies):  # the directory starts on one laptop and reaches every other by sync
            s.add(Agency(kind=AgencyKind.COMMUNITY_SUPPORT_CENTRE, name=f"地域包括支援センター{n + 1:02d}",
                         phone=f"0778-00-{n:04d}"))
    with ledger.Session() as s:
        first: dict[uuid.UUID, uuid.UUID] = {}
        for pid, hid in s.execute(select(Person.id, Person.household_id).order_by(Person.household_id,
                                                                                  Person.sort_order)):
            first.setdefault(hid, pid)
        rows = s.execute(select(Household.id).order_by(Household.map_number))
        households = [(str(h), str(first[h])) for (h,) in rows if h in first]
        return households, [str(a) for a in s.scalars(select(Agency.id).order_by(Agency.name))]


def _edit(laptop: Laptop, ledger: Ledger, edits: list[Edit]) -> int:
    for e in edits:  # one user action each: its own transaction and audit entry
        with ledger.Session.begin() as s:
            setattr(s.get(MODELS[e.entity], uuid.UUID(e.entity_id)), e.field, e.value)
    return len(edits)


def _sync(laptop: Laptop, ledger: Ledger, together: bool) -> dict:
    if together:  # every laptop's process is ready and its ledger open: they start at the same moment
        _BARRIER.wait()  # type: ignore[union-attr]
    t0 = time.time()
    try:
        r = sync(ledger, laptop.url)
    except Exception as e:  # noqa: BLE001 - reported: the round is not quiet, the next one retries
        return dict(laptop=laptop.name, start=t0, end=time.time(), error=f"{type(e).__name__}: {e}")
    return dict(laptop=laptop.name, start=t0, end=time.time(), error="", sent=r.sent, received=r.received,
                applied=r.applied, new_conflicts=r.new_conflicts, attempts=r.attempts, rejected=r.rejected,
                renumbered=len(r.renumbered), outside_scope=r.outside_scope)


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _rows(conn, table) -> dict[tuple, dict]:  # noqa: ANN001
    keys = [c.name for c in table.primary_key.columns]
    out = {}
    for row in conn.execute(select(table)).mappings():
        out[tuple(str(row[k]) for k in keys)] = {c: _plain(v) for c, v in row.items() if c not in IGNORED}
    return out


def _compare(laptop: Laptop, ledger: Ledger, choices: dict[str, str]) -> dict:
    """This laptop's rows against what its own login sees on the server, table by table, and its conflicts;
    then it resolves its open conflicts as ``choices`` ("entity_id/field" -> mine or theirs) says."""
    server = create_engine(make_url(laptop.url).set(drivername="postgresql+psycopg"))
    diffs: list[tuple[str, str, str]] = []
    counts: dict[str, int] = {}
    try:
        with ledger.Session() as s, server.connect() as pg:
            conn = s.connection()
            for name in TABLES:
                table = Base.metadata.tables[name]
                mine, theirs = _rows(conn, table), _rows(pg, table)
                counts[name] = len(mine)
                for key in mine.keys() | theirs.keys():
                    a, b = mine.get(key), theirs.get(key)
                    if a is None or b is None:
                        diffs.append((name, "/".join(key), "missing here" if a is None else "missing on the server"))
                        continue
                    diffs += [(name, "/".join(key), c) for c in a if a[c] != b.get(c)]
            conflicts = [dict(id=c.id, kind=c.kind, entity=c.entity, entity_id=str(c.entity_id), field=c.field,
                              local=c.local_value, remote=c.remote_value, remote_laptop=c.remote_laptop,
                              resolution=c.resolution) for c in list_conflicts(s, include_resolved=True)]
        with ledger.Session.begin() as s:
            for c in list_conflicts(s):
                if (choice := choices.get(f"{c.entity_id}/{c.field}")) is not None:  # others: the check reports them
                    resolve_conflict(s, c.id, choice)
        return dict(laptop=laptop.name, diffs=diffs, counts=counts, conflicts=conflicts)
    finally:
        server.dispose()


def _next(inbox):  # noqa: ANN001, ANN202 - a Queue; its next job, or None when told to stop or orphaned
    while True:
        try:
            return inbox.get(timeout=2.0)
        except queue.Empty:
            parent = multiprocessing.parent_process()
            if parent is not None and not parent.is_alive():  # the runner died (a timeout): do not linger
                return None


def _laptop_main(laptop: Laptop, inbox, outbox, barrier) -> None:  # noqa: ANN001 - queues and a Barrier
    """A laptop's process: opens its ledger once (as the app does) and runs what it is asked, in order."""
    global _BARRIER
    _BARRIER = barrier
    ledger: Ledger | None = None
    try:
        while (job := _next(inbox)) is not None:
            name, arg = job
            try:
                if name != "_generate" and ledger is None:
                    ledger = open_ledger(ledger_path(Path(laptop.data_dir)))
                outbox.put((True, globals()[name](laptop, ledger, arg)))
            except BaseException:  # noqa: BLE001 - handed to the runner, which stops the run
                outbox.put((False, traceback.format_exc()))
    finally:
        if ledger is not None:
            ledger.close()

