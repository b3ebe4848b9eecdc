"""Search rank: each search entry keeps its household's map number, in two small indexes with the entry's number.

A search answers the matching households in map-number order, the first ``limit`` of them. Before this, every
matching entry was followed to its row, its household's index entry and row (and a person's row for
``deleted_at``), only to learn the map number: three to five pages per entry, each decrypted by SQLCipher on its
first read. A query of 1,790 entries in a city of 150,000 households read about 5,000 pages and its first search
took 52-60 ms of CPU. ``ix_search_entry_rank`` (entry number, map number) answers the order from a few index
pages (an entry there is about 10 bytes), so only the entries of the first households are followed (13-15 ms).
``ix_search_entry_order`` (map number, entry number) serves a common two-character query: the entries in map-number
order, each tested against the query's pair (one probe of ``search_pair``), until the page is full: 府中 (8,857
entries) 15-17 → 4.5 ms, where the walk of the households tested each household's entries from their rows.

``search_entry.map_number`` is a copy of ``household.map_number``, kept by the triggers: the entries' insert
triggers (0005's, made again here with the number) and one on a household's map number. Entries of several towns
may share a number: the town of each candidate is still checked on its household. PostgreSQL (the office server)
gets the column and the index, unused, like ``search_entry`` itself.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

_OF_HOUSEHOLD = "(SELECT map_number FROM household WHERE id = {})"


def _triggers(with_rank: bool) -> None:
    rank = ", map_number" if with_rank else ""
    op.execute(f"""CREATE TRIGGER search_household_ai AFTER INSERT ON household BEGIN
        INSERT INTO search_entry(owner_id, household_id, kind, key{rank})
        VALUES (new.id, new.id, 'h', new.search_key{', new.map_number' if with_rank else ''});
    END""")
    person_rank = ", " + _OF_HOUSEHOLD.format("new.household_id") if with_rank else ""
    op.execute(f"""CREATE TRIGGER search_person_ai AFTER INSERT ON person BEGIN
        INSERT INTO search_entry(owner_id, household_id, kind, key{rank})
        VALUES (new.id, new.household_id, 'p', new.search_key{person_rank});
    END""")
    moved_rank = ", map_number = " + _OF_HOUSEHOLD.format("new.household_id") if with_rank else ""
    op.execute(f"""CREATE TRIGGER search_person_au AFTER UPDATE OF search_key, household_id ON person BEGIN
        UPDATE search_entry SET key = new.search_key, household_id = new.household_id{moved_rank}
        WHERE owner_id = new.id;
    END""")


def upgrade() -> None:
    op.add_column('search_entry', sa.Column('map_number', sa.Integer(), nullable=True))  # ALTER TABLE: no copy
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"UPDATE search_entry SET map_number = {_OF_HOUSEHOLD.format('search_entry.household_id')}")
        for name in ("search_household_ai", "search_person_ai", "search_person_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        _triggers(with_rank=True)
        op.execute("""CREATE TRIGGER search_rank_au AFTER UPDATE OF map_number ON household
        WHEN new.map_number IS NOT old.map_number BEGIN
        UPDATE search_entry SET map_number = new.map_number WHERE household_id = new.id;
    END""")
    op.create_index('ix_search_entry_rank', 'search_entry', ['entry_id', 'map_number'], unique=False)
    op.create_index('ix_search_entry_order', 'search_entry', ['map_number', 'entry_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_search_entry_order', table_name='search_entry')
    op.drop_index('ix_search_entry_rank', table_name='search_entry')
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_rank_au", "search_household_ai", "search_person_ai", "search_person_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        _triggers(with_rank=False)
    # ALTER TABLE ... DROP COLUMN, not a batch copy of the table (a copy would lose the triggers on search_entry)
    op.drop_column('search_entry', 'map_number')
