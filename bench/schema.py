"""A kept ledger (``bench.run --ledgers DIR``) checked against a freshly migrated one before it is measured.

A ledger generated in an earlier run keeps the schema it had then. When a migration is edited in place (0017 was
first a partial index, then a plain one) the kept ledger still says it is at the newest revision while its index
differs, and the bench measured the old index unnoticed (the roster preview came out 15× slower). So every object
in ``sqlite_master`` (tables, indexes, triggers, views, with their SQL) and the Alembic revision are compared to a
ledger made fresh by the same migrations in this process:

- an index, trigger or view that differs, is missing or is not in the fresh ledger is dropped and made again from
  the fresh ledger's SQL (SQLite's own statistics tables, ``sqlite_stat*``, which change the planner's choices and
  a fresh ledger does not have, are dropped too);
- a table that differs, or another revision, cannot be repaired in place: :class:`StaleLedger` says which and how
  to start again (remove the folder: the next run generates the ledger anew).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app.models import open_ledger
from app.paths import ledger_path

REPAIRABLE = ("index", "trigger", "view")


class StaleLedger(Exception):
    """A kept ledger whose tables or revision differ from a fresh ledger's: it cannot be measured as it is."""


@dataclass(frozen=True)
class Schema:
    revision: str | None
    objects: dict[str, tuple[str, str, str]]  # name → (type, table, SQL with its whitespace collapsed)


@dataclass
class SchemaDiff:
    revision: tuple[str | None, str | None] | None = None  # (kept, fresh) when they differ
    missing: list[str] = field(default_factory=list)  # in the fresh ledger only
    changed: list[str] = field(default_factory=list)  # in both, with other SQL
    extra: list[str] = field(default_factory=list)  # in the kept ledger only

    def __bool__(self) -> bool:
        return bool(self.revision or self.missing or self.changed or self.extra)


def _sql(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def read_schema(conn) -> Schema:  # noqa: ANN001 - a DB-API connection to the ledger
    """Every object of ``sqlite_master`` and the Alembic revision of an open ledger connection."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    has_version = any(kind == "table" and name == "alembic_version" for kind, name, _t, _s in rows)
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] if has_version else None
    return Schema(revision, {name: (kind, table, _sql(sql)) for kind, name, table, sql in rows})


def schema_of(data_dir: Path) -> Schema:
    """The schema of the ledger in ``data_dir`` (opened as the app opens it: an older revision is migrated)."""
    ledger = open_ledger(ledger_path(Path(data_dir)))
    try:
        raw = ledger.engine.raw_connection()
        try:
            return read_schema(raw.driver_connection)
        finally:
            raw.close()
    finally:
        ledger.close()


@cache
def fresh_schema() -> Schema:
    """The schema of a ledger made now by the migrations in this working tree (once per process)."""
    with tempfile.TemporaryDirectory(prefix="sasaeai-fresh-schema-") as folder:
        return schema_of(Path(folder))


def compare(kept: Schema, fresh: Schema) -> SchemaDiff:
    diff = SchemaDiff()
    if kept.revision != fresh.revision:
        diff.revision = (kept.revision, fresh.revision)
    diff.missing = sorted(set(fresh.objects) - set(kept.objects))
    diff.extra = sorted(set(kept.objects) - set(fresh.objects))
    diff.changed = sorted(n for n in set(kept.objects) & set(fresh.objects) if kept.objects[n] != fresh.objects[n])
    return diff


def _is_statistics(name: str) -> bool:
    return name.startswith("sqlite_stat")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_fresh_schema(data_dir: Path) -> list[str]:
    """Make the kept ledger in ``data_dir`` match a fresh ledger's schema; what was rebuilt, one line each.

    Raises :class:`StaleLedger` when a table or the revision differs (nothing is changed then).
    """
    fresh = fresh_schema()
    try:
        kept = schema_of(data_dir)
    except Exception as e:  # noqa: BLE001 - e.g. a revision newer than this tree's migrations, another passphrase
        raise StaleLedger(f"the kept ledger in {data_dir} does not open as this working tree opens a ledger "
                          f"({type(e).__name__}: {e}). Remove that folder and the bench generates the ledger again.") from e
    diff = compare(kept, fresh)
    if not diff:
        return []

    def kind(name: str) -> str:
        return (fresh.objects.get(name) or kept.objects[name])[0]

    unrepairable = [f"{kind(n)} {n} ({how})"
                    for how, names in (("missing", diff.missing), ("changed", diff.changed), ("not in a fresh ledger",
                                                                                                diff.extra))
                    for n in names
                    if kind(n) not in REPAIRABLE and not (kind(n) == "table" and _is_statistics(n))
                    and not n.startswith("sqlite_autoindex_")]  # an autoindex goes with its table
    if diff.revision:
        unrepairable.insert(0, f"Alembic revision {diff.revision[0]} (a fresh ledger: {diff.revision[1]})")
    if unrepairable:
        raise StaleLedger(
            f"the kept ledger in {data_dir} differs from a freshly migrated one in what the bench cannot rebuild in "
            f"place: {'; '.join(unrepairable)}. Remove that folder and the bench generates the ledger again.")
    done: list[str] = []
    ledger = open_ledger(ledger_path(Path(data_dir)))
    try:
        raw = ledger.engine.raw_connection()
        try:
            conn = raw.driver_connection
            conn.execute("BEGIN")
            try:
                for name in diff.changed + diff.extra:
                    what = kept.objects[name][0]
                    if what == "table":  # sqlite_stat*: the planner's statistics, which a fresh ledger has not
                        conn.execute(f"DROP TABLE {_quoted(name)}")
                    elif not name.startswith("sqlite_autoindex_"):
                        conn.execute(f"DROP {what.upper()} IF EXISTS {_quoted(name)}")
                    done.append(f"{what} {name}: " + ("rebuilt" if name in diff.changed else "dropped"))
                for name in diff.changed + diff.missing:
                    what, _table, sql = fresh.objects[name]
                    if what in REPAIRABLE and sql:
                        conn.execute(sql)
                    if name in diff.missing:
                        done.append(f"{what} {name}: created")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            raw.close()
    finally:
        ledger.close()
    left = compare(schema_of(data_dir), fresh)
    if left:
        raise StaleLedger(f"the kept ledger in {data_dir} still differs from a fresh one after the repair: {left}")
    return done
