"""A ledger kept by an earlier bench run (``--ledgers``) is measured only with a fresh ledger's schema.

The last round measured a kept ledger whose migration 0017 index was still the old partial one (the revision said
0017 all the same): the roster preview came out 15× slower, unnoticed. bench/schema.py compares a kept ledger to
a freshly migrated one and makes its indexes, triggers and views again, or refuses a ledger whose tables differ.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOUSEHOLDS = 60


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """A small ledger as ``bench.run --ledgers`` keeps it (with its generated.json)."""
    monkeypatch.setenv("SASAEAI_PASSPHRASE", "test-passphrase")
    from bench.generate import generate_or_reuse

    made = generate_or_reuse(tmp_path / f"ledger-{HOUSEHOLDS}", HOUSEHOLDS)
    assert made.schema == ()  # just generated: nothing to compare
    return made


def alter(data_dir: Path, *statements: str) -> None:
    """The kept ledger and its copy as made, as an older working tree left them (a run starts from the copy)."""
    from app.models import open_ledger
    from app.paths import ledger_path
    from bench.generate import AS_MADE

    for path in (ledger_path(data_dir), data_dir / AS_MADE):
        ledger = open_ledger(path)
        try:
            with ledger.engine.begin() as conn:
                for statement in statements:
                    conn.exec_driver_sql(statement)
        finally:
            ledger.close()


def finds(data_dir: Path, town_id, name: str) -> bool:  # noqa: ANN001
    """Add a household called ``name`` and search for it, as a user would."""
    from app.core.views import HouseholdFields
    from app.households import households
    from app.households.search import search
    from app.models import open_ledger
    from app.paths import ledger_path

    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session.begin() as s:
            households.add_household(s, town_id, None, HouseholdFields(name=name, address="越前市どこか"))
        with ledger.Session() as s:
            return bool(search(s, name, town_id=town_id))
    finally:
        ledger.close()


@pytest.mark.timeout(300)
def test_a_kept_ledger_gets_its_stale_index_and_lost_trigger_made_again(kept):
    from bench.generate import generate_or_reuse
    from bench.schema import compare, fresh_schema, schema_of

    alter(kept.data_dir,
          # the real incident: migration 0017's index as it was first written, a partial one
          "DROP INDEX ix_person_household_first",
          "CREATE INDEX ix_person_household_first ON person (household_id, sort_order, name, deleted_at) "
          "WHERE deleted_at IS NULL",
          "CREATE INDEX ix_left_behind ON household (note)",  # an index a fresh ledger has not
          "DROP TRIGGER search_household_ai",  # new households no longer reach the search index
          "ANALYZE")  # statistics a fresh ledger has not: they change the planner's choices
    assert compare(schema_of(kept.data_dir), fresh_schema())
    assert not finds(kept.data_dir, kept.town_id, "検索漏れ家")  # the broken ledger really is broken

    again = generate_or_reuse(kept.data_dir, HOUSEHOLDS)

    assert not compare(schema_of(kept.data_dir), fresh_schema())
    assert "index ix_person_household_first: rebuilt" in again.schema
    assert "index ix_left_behind: dropped" in again.schema
    assert "trigger search_household_ai: created" in again.schema
    assert "table sqlite_stat1: dropped" in again.schema
    assert finds(kept.data_dir, kept.town_id, "見つかる家")  # search works again
    assert again.households == HOUSEHOLDS and again.town_id == kept.town_id  # the same ledger, not a new one
    assert generate_or_reuse(kept.data_dir, HOUSEHOLDS).schema == ()  # nothing left to do


@pytest.mark.timeout(300)
def test_a_kept_ledger_whose_table_differs_is_refused_with_what_to_do(kept):
    from bench.generate import generate_or_reuse
    from bench.schema import StaleLedger, schema_of

    alter(kept.data_dir, "ALTER TABLE household ADD COLUMN left_behind TEXT", "DROP INDEX ix_person_household_first")
    before = schema_of(kept.data_dir)
    with pytest.raises(StaleLedger) as refused:
        generate_or_reuse(kept.data_dir, HOUSEHOLDS)
    message = str(refused.value)
    assert "table household (changed)" in message and str(kept.data_dir) in message and "Remove" in message
    assert schema_of(kept.data_dir) == before  # nothing repaired half-way


@pytest.mark.timeout(300)
def test_the_bench_stops_on_a_refused_ledger_and_says_why(kept, tmp_path):
    alter(kept.data_dir, "ALTER TABLE person ADD COLUMN left_behind TEXT")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    done = subprocess.run([sys.executable, "-m", "bench.run", "--sizes", str(HOUSEHOLDS), "--repeat", "1",
                           "--no-naive", "--ledgers", str(kept.data_dir.parent), "--results",
                           str(tmp_path / "RESULTS.md")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "table person (changed)" in done.stderr and "Remove that folder" in done.stderr
    assert not (tmp_path / "RESULTS.md").exists()  # nothing measured on it


@pytest.mark.timeout(300)
def test_a_kept_ledger_from_a_newer_tree_is_refused_with_what_to_do(kept):
    from bench.generate import generate_or_reuse
    from bench.schema import StaleLedger

    alter(kept.data_dir, "UPDATE alembic_version SET version_num = '0999'")  # made by migrations this tree has not
    with pytest.raises(StaleLedger) as refused:
        generate_or_reuse(kept.data_dir, HOUSEHOLDS)
    assert "0999" in str(refused.value) and "Remove that folder" in str(refused.value)


def live_households(data_dir: Path, town_id, name: str) -> tuple[int, bool]:  # noqa: ANN001
    """How many households the kept ledger has, and whether a search finds ``name``."""
    from sqlalchemy import func, select

    from app.households.search import search
    from app.models import Household, open_ledger
    from app.paths import ledger_path

    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session() as s:
            return s.scalar(select(func.count()).select_from(Household)), bool(search(s, name, town_id=town_id))
    finally:
        ledger.close()


@pytest.mark.timeout(300)
def test_every_run_starts_from_the_ledger_as_it_was_generated(kept):
    # A run adds households (its edits), saves the window's settings and makes backups; the fifteenth round's first
    # run found its city with 1,214 households of earlier runs, 1,099 of them where the bench's edits are made, and
    # its adds repainted them all: 37 ms, where the city as generated takes 10.
    from bench.generate import generate_or_reuse

    assert finds(kept.data_dir, kept.town_id, "前回の家")  # what a run leaves behind
    (kept.data_dir / "settings.ini").write_text("[window]\ngeometry=left-by-a-run\n", encoding="utf-8")
    (kept.data_dir / "backups").mkdir(exist_ok=True)
    (kept.data_dir / "backups" / "ledger-close.sqlite3").write_bytes(b"a backup")
    assert live_households(kept.data_dir, kept.town_id, "前回の家") == (HOUSEHOLDS + 1, True)

    again = generate_or_reuse(kept.data_dir, HOUSEHOLDS)

    assert again.town_id == kept.town_id and again.schema == ()  # the same city, not made again
    assert live_households(kept.data_dir, kept.town_id, "前回の家") == (HOUSEHOLDS, False)
    assert not (kept.data_dir / "settings.ini").exists() and not (kept.data_dir / "backups").exists()


@pytest.mark.timeout(300)
def test_a_ledger_kept_before_its_copy_was_made_with_a_runs_edits_in_it_is_made_again(kept):
    from bench.generate import AS_MADE, generate_or_reuse

    (kept.data_dir / AS_MADE).unlink()  # as the bench kept ledgers before this
    assert finds(kept.data_dir, kept.town_id, "前回の家")

    again = generate_or_reuse(kept.data_dir, HOUSEHOLDS)

    assert again.town_id != kept.town_id and (kept.data_dir / AS_MADE).exists()
    assert live_households(kept.data_dir, again.town_id, "前回の家") == (HOUSEHOLDS, False)
