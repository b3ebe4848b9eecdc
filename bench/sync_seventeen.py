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

This module is the command and its report; the run itself is in the package bench/seventeen/ (the laptops'
processes, the plan, the pool, the checks).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

import bench.seventeen  # noqa: F401 - sets the bench passphrase before the app opens a ledger
from bench.machine import STOLEN, cpu_times, stolen_share
from bench.seventeen.exercise import run
from bench.seventeen.model import Edit, Laptop, Outcome, districts
from bench.seventeen.plan import plan

__all__ = ["Edit", "Laptop", "Outcome", "districts", "main", "plan", "report", "run", "write"]

RESULTS = Path(__file__).with_name("RESULTS.md")
START, END = "<!-- seventeen -->", "<!-- /seventeen -->"


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


def write(out: Outcome, server: str, seconds: float, stolen: str) -> None:
    from bench.sections import replace_section
    from bench.sync_bench import _machine

    lines = [START, "## Seventeen laptops at once", "",
             f"`python -m bench.sync_seventeen --laptops {out.laptops} --households {out.households} --edits "
             f"{out.edits}` on {date.today().isoformat()}: {_machine()}; {server} (fsync off). Each laptop is "
             "its own process with its own encrypted ledger, registered for its own 地区 (the real 17 of Echizen) "
             "and its neighbour's; about 5 % of its edits change the same field as the other laptop of a 地区, "
             "5 % another field of the same person, two are agency phones another laptop also changes. "
             f"Whole run {seconds:.0f} s. {STOLEN}: {stolen}.", "",
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
    t0, started = time.perf_counter(), cpu_times()
    with throwaway_database("seventeen") as (url, server), tempfile.TemporaryDirectory() as tmp:
        out = run(url, Path(tmp), args.laptops, args.households, args.edits, args.timeout)
    seconds, stolen = time.perf_counter() - t0, stolen_share(started, cpu_times())
    print("\n".join(report(out)))
    print(f"whole run: {seconds:.0f} s; {STOLEN}: {stolen}")
    if args.write:
        write(out, server, seconds, stolen)
    raise SystemExit(1 if out.problems else 0)


if __name__ == "__main__":
    main()
