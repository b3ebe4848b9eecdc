"""Seventeen laptops, one per 地区 of Echizen, syncing at the same time against one PostgreSQL on loopback.

    python -m bench.sync_seventeen [--laptops 17] [--households 3000] [--edits 200] [--timeout 1800] [--write]

Each laptop is its own process with its own encrypted ledger, registered for its own 地区 and its ring
neighbour's (laptop i sees 地区 i and i+1: neighbouring 地区 cover each other's border towns), so every 地区
is seen by exactly two laptops and the agency directory (city-wide) by all. Each laptop starts with
``--households`` households in its own 地区 (``bench.generate``), synced everywhere; then it makes ``--edits``
edits offline, one transaction each, through the audited ORM path:

- about 5 % to the same field of the same record as the other laptop of a 地区 (a household's note or a
  person's phone; half in its own 地区, half in its neighbour's): one conflict each;
- about 5 % to another field of a person the other laptop also edits (phone here, concerns there): merged;
- the phone of two agencies, each also changed by one other laptop (one conflict per agency), and one
  agency's note;
- the rest to records of its own 地区 nobody else touches.

Then all laptops sync at the same moment (one process per laptop, started once, its ledger kept open as the
app does; they wait for each other at a barrier; every step has a deadline), then again until a round sends
nothing. Checks: each laptop's rows equal what its own login sees on the server, table by table,
except exactly the fields held in its open conflicts; the recorded conflicts are exactly the planned ones
(one per contested field, on one of its two laptops, with both values); every edit is on the server. Then
the losing laptops resolve (alternately mine and theirs), sync until quiet, and every laptop must equal the
server with every edit's final value where the resolution says. The server comes from SASAEAI_TEST_PG_URL
or a throwaway cluster (like bench/sync_bench.py); ``--write`` replaces the seventeen section of
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import enum
import multiprocessing
import os
import queue
import random
import tempfile
import time
import traceback
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import make_url

os.environ.setdefault("SASAEAI_PASSPHRASE", "bench-passphrase")

from app.models import Agency, Base, District, Household, Ledger, Person, Town, open_ledger  # noqa: E402
from app.models.emergency import AgencyKind  # noqa: E402
from app.models.sync import CITY_WIDE, DISTRICT_PATHS, LINK_PATHS  # noqa: E402
from app.office.server import init_server, register_laptop  # noqa: E402
from app.paths import ledger_path  # noqa: E402
from app.sync import list_conflicts, resolve_conflict, sync  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).with_name("RESULTS.md")
START, END = "<!-- seventeen -->", "<!-- /seventeen -->"
CHIKU_CSV = ROOT / "tests" / "data" / "echizen" / "chiku_list.csv"
TABLES = (*DISTRICT_PATHS, *CITY_WIDE, *LINK_PATHS)
IGNORED = frozenset({"created_at", "updated_at", "search_key"})  # per ledger, or derived from other columns
MODELS = {"household": Household, "person": Person, "agency": Agency}
MAX_ROUNDS = 8
_BARRIER = None  # in a laptop's process: where the laptops wait for each other to sync at the same moment


def districts(count: int) -> list[str]:
    """The real 17 地区 of Echizen (tests/data), in the file's order; numbered ones past 17."""
    with CHIKU_CSV.open(encoding="utf-8") as f:
        names = [row["chiku"] for row in csv.DictReader(f)]
    return (names + [f"第{n}地区" for n in range(len(names) + 1, count + 1)])[:count]


@dataclass(frozen=True)
class Laptop:
    index: int
    name: str
    url: str  # its own login
    data_dir: str
    district: str  # its own
    sees: tuple[str, ...]


@dataclass(frozen=True)
class Edit:
    laptop: int
    entity: str
    entity_id: str
    field: str
    value: str
    kind: str  # own / contested / merged / agency


@dataclass
class Outcome:
    laptops: int
    households: int
    edits: int
    setup_s: float = 0.0
    concurrent_s: float = 0.0  # all laptops at once: from the common start to the last one done
    start_spread_s: float = 0.0
    quiet_s: float = 0.0  # the rounds after it, until one moved nothing
    rounds: int = 0
    journal_rows: int = 0  # server journal rows written from the common start until quiet
    delivered: int = 0  # changes the laptops received in that time (a retried sync reports its last attempt only)
    sync_seconds: list[float] = field(default_factory=list)  # each laptop's own concurrent sync
    stale_retries: int = 0
    errors: list[str] = field(default_factory=list)
    expected_conflicts: int = 0
    recorded_conflicts: int = 0
    rows_compared: int = 0
    resolve_s: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return self.journal_rows / self.concurrent_s if self.concurrent_s else 0.0


# --- in the laptops' processes -----------------------------------------------------------------------


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


# --- the plan ------------------------------------------------------------------------------------------


def plan(count: int, edits: int, owned: list[list[tuple[str, str]]], agencies: list[str],
         seed: int = 20261201) -> tuple[list[list[Edit]], dict[tuple[str, str], tuple[int, int]]]:
    """Each laptop's edits, and the contested fields: (entity_id, field) -> (the two laptops)."""
    rng = random.Random(seed)
    share = max(1, edits * 5 // 100)
    rest = edits - 4 * share - 3
    if count < 2 or rest < 0 or len(agencies) < count:
        raise ValueError("need at least 2 laptops, 4 × 5 % + 3 edits each, and one agency per laptop")
    by: list[list[Edit]] = [[] for _ in range(count)]
    contested: dict[tuple[str, str], tuple[int, int]] = {}
    fields = (("household", "note"), ("person", "phone"), ("household", "name"), ("person", "concerns"))

    def value(i: int, entity: str, name: str, k: int) -> str:
        return {"note": f"L{i:02d} 見守りメモ {k}", "phone": f"0778-{i:02d}-{k:04d}", "name": f"編集{i:02d}-{k}家",
                "concerns": f"L{i:02d} 気になる {k}"}[name]

    def add(i: int, entity: str, pair: tuple[str, str], name: str, kind: str) -> None:
        k = len(by[i])
        by[i].append(Edit(i, entity, pair[0] if entity == "household" else pair[1], name, value(i, entity, name, k), kind))

    for d in range(count):
        owner, visitor = d, (d - 1) % count
        if len(owned[d]) < 2 * share + rest:
            raise ValueError(f"district {d} has {len(owned[d])} households; the plan needs {2 * share + rest}")
        picked = rng.sample(owned[d], 2 * share + rest)
        for n, pair in enumerate(picked[:share]):  # the same field on both laptops: one conflict
            entity, name = fields[n % 2]
            add(owner, entity, pair, name, "contested")
            add(visitor, entity, pair, name, "contested")
            contested[(pair[0] if entity == "household" else pair[1], name)] = (owner, visitor)
        for pair in picked[share:2 * share]:  # another field of the same person: merged
            add(owner, "person", pair, "phone", "merged")
            add(visitor, "person", pair, "concerns", "merged")
        for n, pair in enumerate(picked[2 * share:]):
            entity, name = fields[n % len(fields)]
            add(owner, entity, pair, name, "own")
    for i in range(count):
        for j in (i, (i + 1) % count):  # agency j's phone: changed by laptops j and j - 1
            by[i].append(Edit(i, "agency", agencies[j], "phone", f"0778-9{i:x}-{len(by[i]):04d}", "agency"))
        contested[(agencies[i], "phone")] = (i, (i - 1) % count)
        by[i].append(Edit(i, "agency", agencies[i], "note", f"L{i:02d} 担当メモ", "agency"))
    return by, contested


# --- the run -------------------------------------------------------------------------------------------


class Pool:
    """One process per laptop (a bounded pool: one each, no more), each step with a deadline of ``timeout_s``."""

    def __init__(self, laptops: list[Laptop], timeout_s: float) -> None:
        ctx = multiprocessing.get_context("spawn")  # fresh processes, as on separate laptops; the same on Windows
        # Kept here: the processes unpickle it after they started, and its semaphores go when it is collected.
        self.barrier = barrier = ctx.Barrier(len(laptops), timeout=timeout_s)
        self.queues = [(ctx.Queue(), ctx.Queue()) for _ in laptops]
        self.processes = [ctx.Process(target=_laptop_main, args=(laptop, inbox, outbox, barrier), name=laptop.name,
                                      daemon=True) for laptop, (inbox, outbox) in zip(laptops, self.queues)]
        for p in self.processes:
            p.start()
        self.timeout_s = timeout_s

    def map(self, fn, args: list) -> list:  # noqa: ANN001 - one of the laptop functions above
        for (inbox, _), arg in zip(self.queues, args):
            inbox.put((fn.__name__, arg))
        deadline = time.monotonic() + self.timeout_s
        results = []
        for p, (_, outbox) in zip(self.processes, self.queues):
            while True:
                try:
                    ok, result = outbox.get(timeout=1.0)
                    break
                except queue.Empty:
                    if not p.is_alive() or time.monotonic() > deadline:
                        self.close()
                        raise RuntimeError(f"{p.name}: {fn.__name__} did not finish in {self.timeout_s:.0f} s "
                                           f"(process {'alive' if p.is_alive() else 'gone'})") from None
            if not ok:
                self.close()
                raise RuntimeError(f"{p.name}: {fn.__name__} failed:\n{result}")
            results.append(result)
        return results

    def close(self) -> None:
        for (inbox, _), p in zip(self.queues, self.processes):
            if p.is_alive():
                inbox.put(None)
        for p in self.processes:
            p.join(timeout=30)
            if p.is_alive():
                p.terminate()
                p.join()


def _journal(admin) -> int:  # noqa: ANN001
    with admin.connect() as conn:
        return conn.scalar(text("SELECT count(*) FROM sync_change")) or 0


def _until_quiet(pool: Pool, laptops: list[Laptop], out: Outcome | None = None) -> list[list[dict]]:
    """Sync every laptop (each in its own process), round after round, until a round sends nothing: each laptop
    then received everything sent in the rounds before (each round starts when the one before has ended)."""
    rounds = []
    for _ in range(MAX_ROUNDS):
        got = pool.map(_sync, [False] * len(laptops))
        rounds.append(got)
        if out is not None:
            out.errors += [f"{r['laptop']}: {r['error']}" for r in got if r["error"]]
        if not any(r["error"] or r["sent"] or r["renumbered"] for r in got):
            return rounds
    raise RuntimeError(f"still not quiet after {MAX_ROUNDS} rounds: {rounds[-1]}")


def _server_values(admin, edits: list[Edit]) -> dict[tuple[str, str], object]:  # noqa: ANN001
    """(entity_id, field) -> the value on the server now, for every edited field."""
    wanted: dict[str, set[str]] = {}
    for e in edits:
        wanted.setdefault(e.entity, set()).add(e.entity_id)
    found = {}
    with admin.connect() as conn:
        for entity, ids in wanted.items():
            table = Base.metadata.tables[entity]
            names = sorted({e.field for e in edits if e.entity == entity})
            for row in conn.execute(select(table.c.id, *(table.c[n] for n in names))
                                    .where(table.c.id.in_([uuid.UUID(i) for i in ids]))).mappings():
                found.update({(str(row["id"]), n): row[n] for n in names})
    return found


def _check(out: Outcome, laptops: list[Laptop], compared: list[dict], contested: dict, edits: list[Edit],
           admin, households: int, final: dict[tuple[str, str], str] | None) -> None:  # noqa: ANN001
    """Add to ``out.problems`` whatever breaks the rules (see the module's docstring)."""
    p = out.problems
    value_of = {(e.laptop, e.entity_id, e.field): e.value for e in edits}
    recorded: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for i, result in enumerate(compared):
        held = set()
        for c in result["conflicts"]:
            if c["resolution"] is None:
                held.add((c["entity"], c["entity_id"], c["field"]))
            recorded.setdefault((c["entity_id"], c["field"]), []).append((i, c))
        diffs = {d for d in result["diffs"]}
        if final is None and diffs != held:
            p.append(f"{result['laptop']}: differs from the server in {sorted(diffs - held)[:5]} "
                     f"(beyond its open conflicts), agrees on held {sorted(held - diffs)[:5]}")
        if final is not None and (diffs or held):
            p.append(f"{result['laptop']}: after resolving, differs {sorted(diffs)[:5]}, still open {sorted(held)[:5]}")
        if result["counts"]["household"] != 2 * households:
            p.append(f"{result['laptop']}: {result['counts']['household']} households, not {2 * households} "
                     "(its own 地区 and its neighbour's)")
        out.rows_compared += sum(result["counts"].values())
    out.expected_conflicts = len(contested)
    out.recorded_conflicts = sum(len(v) for v in recorded.values())
    for key in sorted(recorded.keys() - contested.keys()):
        p.append(f"unexpected conflict {key}: {recorded[key]}")
    for key, pair in sorted(contested.items()):
        got = recorded.get(key, [])
        if len(got) != 1:
            p.append(f"contested field {key} of laptops {pair}: {len(got)} conflicts recorded, not 1")
            continue
        (loser, c), = got
        winner = pair[1] if loser == pair[0] else pair[0]
        if loser not in pair or c["kind"] != "field":
            p.append(f"conflict {key} on {laptops[loser].name} ({c['kind']}), expected on one of {pair}")
        elif (c["local"], c["remote"], c["remote_laptop"]) != (value_of[(loser, *key)], value_of[(winner, *key)],
                                                                 laptops[winner].name):
            p.append(f"conflict {key} keeps {c['local']!r} / {c['remote']!r} from {c['remote_laptop']}, expected "
                     f"{value_of[(loser, *key)]!r} / {value_of[(winner, *key)]!r} from {laptops[winner].name}")
    on_server = _server_values(admin, edits)
    for e in edits:
        key = (e.entity_id, e.field)
        now = on_server.get(key)
        if final is not None:
            want = final.get(key, e.value)
        elif key in contested:
            got = recorded.get(key, [])
            loser = got[0][0] if len(got) == 1 else None
            want = value_of[(next(i for i in contested[key] if i != loser), *key)] if loser is not None else now
        else:
            want = e.value
        if now != want:
            p.append(f"lost: {laptops[e.laptop].name}'s {e.entity}.{e.field} of {e.entity_id} is {now!r} on the "
                     f"server, expected {want!r}")


def run(url: str, work: Path, count: int, households: int, edits: int, timeout_s: float = 1800.0) -> Outcome:
    """The whole exercise on the server database at ``url`` (the owner's login); returns figures and problems."""
    out = Outcome(count, households, edits)
    t_setup = time.perf_counter()
    init_server(url)
    names = districts(count)
    laptops = []
    for i in range(count):
        sees = (names[i], names[(i + 1) % count])
        reg = register_laptop(url, f"laptop-{i + 1:02d}", list(sees))
        laptops.append(Laptop(i, reg.name, reg.url, str(work / reg.name), names[i], sees))
    admin = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    pool = Pool(laptops, timeout_s)
    try:
        pool.map(_generate, [households] * count)
        ids = pool.map(_rename, [count if laptop.index == 0 else 0 for laptop in laptops])
        setup_rounds = _until_quiet(pool, laptops)
        if any(r.get("new_conflicts") or r.get("renumbered") for rounds in setup_rounds for r in rounds):
            out.problems.append(f"conflicts while loading the 地区: {setup_rounds}")
        per_laptop, contested = plan(count, edits, [h for h, _ in ids], ids[0][1])
        flat = [e for by in per_laptop for e in by]
        pool.map(_edit, per_laptop)
        out.setup_s = time.perf_counter() - t_setup

        before = _journal(admin)
        got = pool.map(_sync, [True] * count)
        out.concurrent_s = max(r["end"] for r in got) - min(r["start"] for r in got)
        out.start_spread_s = max(r["start"] for r in got) - min(r["start"] for r in got)
        out.sync_seconds = sorted(r["end"] - r["start"] for r in got)
        out.errors += [f"{r['laptop']}: {r['error']}" for r in got if r["error"]]
        out.stale_retries = sum(r.get("attempts", 1) - 1 for r in got)
        out.journal_rows = _journal(admin) - before
        t_quiet = time.perf_counter()
        rounds = _until_quiet(pool, laptops, out)
        out.quiet_s = time.perf_counter() - t_quiet
        out.rounds = 1 + len(rounds)
        out.delivered = sum(r.get("received", 0) for r in got) + sum(r.get("received", 0) for rs in rounds for r in rs)

        # Then the losing laptops resolve: alternately keep their own value (it travels) or take the other one.
        choice = {f"{k[0]}/{k[1]}": ("mine" if n % 2 == 0 else "theirs") for n, k in enumerate(sorted(contested))}
        t_resolve = time.perf_counter()
        compared = pool.map(_compare, [choice] * count)
        _check(out, laptops, compared, contested, flat, admin, households, None)
        final: dict[tuple[str, str], str] = {}
        value_of = {(e.laptop, e.entity_id, e.field): e.value for e in flat}
        for key, pair in contested.items():
            holders = [i for i, result in enumerate(compared) for c in result["conflicts"]
                       if (c["entity_id"], c["field"]) == key]
            if len(holders) == 1:
                loser = holders[0]
                kept = loser if choice[f"{key[0]}/{key[1]}"] == "mine" else next(i for i in pair if i != loser)
                final[key] = value_of[(kept, *key)]
        _until_quiet(pool, laptops, out)
        out.resolve_s = time.perf_counter() - t_resolve
        rows = out.rows_compared
        compared = pool.map(_compare, [{}] * count)
        _check(out, laptops, compared, contested, flat, admin, households, final)
        out.rows_compared = rows
    finally:
        pool.close()
        admin.dispose()
    return out


# --- the command ---------------------------------------------------------------------------------------


def report(out: Outcome) -> list[str]:
    per = out.sync_seconds
    return [
        f"setup (generate, load every 地区, plan, edit offline): {out.setup_s:.1f} s",
        f"all {out.laptops} laptops at once: {out.concurrent_s:.1f} s from the common start to the last one done "
        f"(starts spread over {out.start_spread_s:.2f} s; each laptop's sync {per[0]:.1f}–{per[-1]:.1f} s, "
        f"median {per[len(per) // 2]:.1f} s); {out.stale_retries} stale pushes retried",
        f"server journal: {out.journal_rows:,} changes in {out.concurrent_s:.1f} s = {out.throughput:,.0f} changes/s",
        f"until quiet: {out.rounds} rounds in all, {out.quiet_s:.1f} s after the first; {out.delivered:,} changes "
        f"delivered to laptops",
        f"conflicts: {out.recorded_conflicts} recorded, {out.expected_conflicts} expected; resolving them and "
        f"syncing until quiet: {out.resolve_s:.1f} s",
        f"rows compared laptop against server: {out.rows_compared:,}; syncs that gave up: {len(out.errors)}",
        "problems: " + ("none" if not out.problems else f"{len(out.problems)}"),
        *(f"  - {p}" for p in out.problems[:30]),
        *(f"  ! {e}" for e in out.errors[:10]),
    ]


def write(out: Outcome, server: str, seconds: float) -> None:
    from bench.sections import replace_section
    from bench.sync_bench import _machine

    lines = [START, "## Seventeen laptops at once", "",
             f"`python -m bench.sync_seventeen --laptops {out.laptops} --households {out.households} --edits "
             f"{out.edits}` on {date.today().isoformat()}: {_machine()}; {server} (fsync off). Each laptop is "
             "its own process with its own encrypted ledger, registered for its own 地区 (the real 17 of Echizen) "
             "and its neighbour's; about 5 % of its edits change the same field as the other laptop of a 地区, "
             "5 % another field of the same person, two are agency phones another laptop also changes. "
             f"Whole run {seconds:.0f} s.", "",
             "| measurement | value |", "|---|---:|",
             f"| all laptops sync at once: common start → last done | {out.concurrent_s:.1f} s |",
             f"| one laptop's sync in that crowd (fastest / median / slowest) | {out.sync_seconds[0]:.1f} / "
             f"{out.sync_seconds[len(out.sync_seconds) // 2]:.1f} / {out.sync_seconds[-1]:.1f} s |",
             f"| server journal rows written | {out.journal_rows:,} |",
             f"| server throughput | {out.throughput:,.0f} changes/s |",
             f"| rounds until quiet (time after the first) | {out.rounds} ({out.quiet_s:.1f} s) |",
             f"| changes delivered to laptops | {out.delivered:,} |",
             f"| stale pushes retried / syncs that gave up | {out.stale_retries} / {len(out.errors)} |",
             f"| conflicts recorded / expected | {out.recorded_conflicts} / {out.expected_conflicts} |",
             f"| rows compared laptop against server | {out.rows_compared:,} |",
             f"| problems (lost changes, wrong conflicts, laptops that differ) | {len(out.problems)} |", "", END]
    replace_section(RESULTS, START, END, "\n".join(lines) + "\n")


def main() -> None:
    from bench.sync_bench import throwaway_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=17)
    parser.add_argument("--households", type=int, default=3000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds each step may take")
    parser.add_argument("--write", action="store_true", help="replace the seventeen section of bench/RESULTS.md")
    args = parser.parse_args()
    t0 = time.perf_counter()
    with throwaway_database("seventeen") as (url, server), tempfile.TemporaryDirectory() as tmp:
        out = run(url, Path(tmp), args.laptops, args.households, args.edits, args.timeout)
    seconds = time.perf_counter() - t0
    print("\n".join(report(out)))
    print(f"whole run: {seconds:.0f} s")
    if args.write:
        write(out, server, seconds)
    raise SystemExit(1 if out.problems else 0)


if __name__ == "__main__":
    main()
