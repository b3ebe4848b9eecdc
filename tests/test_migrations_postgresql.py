"""Migrations: every one runs on PostgreSQL (the office server), and 0007 (sync) upgrades a laptop's ledger."""

from __future__ import annotations

import importlib
import warnings

from alembic import command
from sqlalchemy import create_engine, inspect, select

from app.models import Base, SyncState, open_ledger
from app.models.engine import _alembic_config, head_revision, schema_revision
from app.office.server import init_server
from app.paths import ledger_path
from app.sync import sync_status
from app.towns.towns import create_town
from tests.sync_fixtures import pg_admin_url, server_url  # noqa: F401 - fixtures


def _engine(url: str):
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def _indexes(engine, tables: set[str]) -> dict[str, set[str]]:
    """The indexes of each table as the database has them (those of its unique constraints left out)."""
    found = inspect(engine)
    with warnings.catch_warnings():  # the roster's match keys (expressions, on a laptop: migration 0016) are not read
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        return {t: {i["name"] for i in found.get_indexes(t) if not i.get("duplicates_constraint")} for t in tables}


def _migrate(engine, revision: str) -> None:
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        if revision < schema_revision(engine):
            command.downgrade(cfg, revision)
        else:
            command.upgrade(cfg, revision)


def test_every_migration_runs_on_postgresql_and_makes_the_models_tables(server_url):
    engine = _engine(server_url)
    try:
        assert schema_revision(engine) == head_revision()
        names = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert set(Base.metadata.tables) <= names  # every model's table, the search index's plain table too
    assert {"sync_laptop", "sync_laptop_district", "sync_change", "sync_log"} <= names
    assert "search_fts" not in names  # SQLite's FTS5 index is not made on the server
    init_server(server_url)  # server-init again (after an upgrade) changes nothing and does not fail


def test_a_ledger_from_before_sync_upgrades_and_counts_every_record_as_waiting(tmp_path):
    # GIVEN a ledger at 0006 (before sync) with a town in it
    path = ledger_path(tmp_path)
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        create_town(s, "味真野地区", "余川町")
    cfg = _alembic_config()
    with ledger.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    assert schema_revision(ledger.engine) == "0006"
    ledger.close()
    # WHEN it is opened by this version
    ledger = open_ledger(path)
    # THEN it is at the head, has its own ledger id, and everything waits for the first sync
    assert schema_revision(ledger.engine) == head_revision()
    with ledger.Session() as s:
        state = s.scalars(select(SyncState)).one()
        assert state.ledger_id is not None and state.pushed_audit_id is None
        status = sync_status(s)
    assert status.pending_changes >= 2 and status.last_sync_at is None and status.laptop_name == ""
    ledger.close()


def test_the_server_has_none_of_the_indexes_only_a_laptops_lists_and_search_read(server_url, tmp_path):
    list_only = importlib.import_module("app.models.migrations.versions.0023_server_without_list_indexes").LIST_INDEXES
    tables = {table for table, _columns, _where in list_only.values()}
    declared = {t: {i.name for i in Base.metadata.tables[t].indexes} for t in tables}
    assert set(list_only) <= set().union(*declared.values())  # each is an index the models declare
    engine = _engine(server_url)
    try:
        # THEN the office server keeps the others (keys, foreign keys), and none of those
        assert _indexes(engine, tables) == {t: declared[t] - set(list_only) for t in tables}
        # and a server taken back to 0022 has them again, as it had
        _migrate(engine, "0022")
        assert _indexes(engine, tables) == declared
        _migrate(engine, head_revision())
        assert _indexes(engine, tables) == {t: declared[t] - set(list_only) for t in tables}
    finally:
        engine.dispose()
    init_server(server_url)
    # while a laptop's ledger keeps every one of them
    ledger = open_ledger(ledger_path(tmp_path))
    try:
        assert _indexes(ledger.engine, tables) == declared
    finally:
        ledger.close()
