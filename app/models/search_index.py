"""The search index: one entry per household and per person, with its folded search key, kept by triggers.

An FTS5 table with the trigram tokenizer (``search_fts``) indexes the entries, so a substring search
over 100,000 persons reads a few index pages instead of every row. Both are created and kept in step
by SQLite triggers on ``household`` and ``person`` (migration 0005): no Python code maintains them.

Queries of one or two characters, below the trigram size, read ``search_pair`` (migration 0015): the
pairs of neighbouring characters of every key up to ``PAIR_KEY_LIMIT`` characters, kept by triggers on
``search_entry``. Both tables are SQLite's, made by SQL and unknown to the metadata, like the FTS5 index.

The entries have their own INTEGER PRIMARY KEY because the FTS rowids must never change, and VACUUM
may renumber the implicit rowids of tables keyed by UUID.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text, Uuid

from app.models.base import Base

search_entry = Table(
    "search_entry",
    Base.metadata,
    Column("entry_id", Integer, primary_key=True),
    Column("owner_id", Uuid, nullable=False, unique=True),  # the household's or the person's id
    Column("household_id", Uuid, nullable=False, index=True),  # the household the entry leads to
    Column("kind", String(1), nullable=False),  # "h" household, "p" person
    Column("key", Text, nullable=False),
    # A copy of the household's map number, kept by triggers (migration 0019): with the entry's number in
    # ix_search_entry_rank, a search orders its matching entries without following each one to its household;
    # ix_search_entry_order gives every entry in map-number order (a common query's walk).
    Column("map_number", Integer, nullable=True),
    Index("ix_search_entry_rank", "entry_id", "map_number"),
    Index("ix_search_entry_order", "map_number", "entry_id"),
)

FTS_TABLE = "search_fts"
TRIGRAM = 3  # the trigram tokenizer cannot match a query shorter than this
PAIR_TABLE = "search_pair"
PAIR_KEY_LIMIT = 1024  # keys longer than this have no pairs (migration 0015 has the same number)
PAIR_END = "\x01"  # the last character of a key is paired with this (folded text never holds it)
SQL_ONLY_TABLES = frozenset({PAIR_TABLE, "search_number"})
SQL_ONLY_INDEXES = frozenset({"ix_search_entry_long"})


def is_fts_table(name: str | None) -> bool:
    """The FTS5 virtual table and its shadow tables: made by migration 0005, unknown to the metadata."""
    return name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001 - Alembic's hook
    """For Alembic autogenerate and ``compare_metadata``: leave the tables and indexes kept by SQL out."""
    if type_ == "table":
        return not (is_fts_table(name) or name in SQL_ONLY_TABLES)
    return not (type_ == "index" and name in SQL_ONLY_INDEXES)
