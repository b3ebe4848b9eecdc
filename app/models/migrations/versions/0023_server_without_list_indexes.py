"""The office server without the indexes only a laptop's lists, map and search read (issue 17).

The server keeps the district's records to pass them on (app/office, app/sync): it reads them by id, through their
parents' keys (the policies' districts) and through the journal, never as a town's list, a map's marks or a search.
These indexes served only those laptop reads, and every insert and update on the server kept them up to date: a
10,000-household district's first sync inserted its records in 1.90 s with them and 1.27 s without (the median of
three, bench/NOTES.md, stop 49). They are dropped on PostgreSQL only; a laptop's ledger keeps them. Each index kept on the server backs a key, a unique constraint
or a foreign key (the household's town is the unique map number's first column).

A later migration that changes one of these indexes changes it on SQLite only (``dialect.name == "sqlite"``): on
PostgreSQL it is not there (tests/test_migrations_postgresql.py runs every migration on the server).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 13:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

# As app/models/entities.py writes them (the unplaced households' terms: migration 0021).
UNPLACED_GEO = "deleted_at IS NULL AND (lat IS NULL OR lon IS NULL)"
UNPLACED_PIXEL = "deleted_at IS NULL AND (map_x IS NULL OR map_y IS NULL)"
# name: (table, columns, the partial index's terms)
LIST_INDEXES: dict[str, tuple[str, list[str], str | None]] = {
    'ix_household_search_key': ('household', ['search_key'], None),
    'ix_household_town_deleted': ('household', ['town_id', 'deleted_at'], None),
    'ix_household_unplaced_geo': ('household', ['town_id', 'map_number'], UNPLACED_GEO),
    'ix_household_unplaced_pixel': ('household', ['town_id', 'map_number'], UNPLACED_PIXEL),
    'ix_person_search_key': ('person', ['search_key'], None),
    'ix_person_of_concern': ('person', ['of_concern'], None),
    'ix_person_household_first': ('person', ['household_id', 'sort_order', 'name', 'deleted_at'], None),
    'ix_person_of_concern_home': ('person', ['of_concern', 'deleted_at', 'household_id'], None),
    'ix_watcher_search_key': ('watcher', ['search_key'], None),
    'ix_agency_search_key': ('agency', ['search_key'], None),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':  # the office server
        for name, (table, _columns, _where) in LIST_INDEXES.items():
            op.drop_index(name, table_name=table)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for name, (table, columns, where) in LIST_INDEXES.items():
            op.create_index(name, table, columns, unique=False,
                            postgresql_where=sa.text(where) if where else None)
