"""The whole run: set up the laptops, edit offline, sync all at once, until quiet, resolve, check."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app.office.server import init_server, register_laptop
from bench.seventeen.check import _check, _journal
from bench.seventeen.laptop import _compare, _edit, _generate, _rename, _sync
from bench.seventeen.model import MAX_ROUNDS, Laptop, Outcome, districts
from bench.seventeen.plan import plan
from bench.seventeen.pool import Pool


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

