"""The first live member of a household, from an index alone (issue 17).

The map labels a household without a name by its first live member (by sort order, then name): one lookup per
unnamed household when the town opens, a third of a city's households. With only ``ix_person_household_id`` each
lookup read every member's row to check ``deleted_at`` and sort them; this index holds the members in that order
with their names and ``deleted_at``, so the lookup reads the index alone (the labels of 15,000 unnamed households:
0.18 → 0.07 s of CPU).

Not a partial index (``WHERE deleted_at IS NULL``): SQLite's planner, without statistics, then took it for a cheap
way to every live member and scanned it for queries that start better elsewhere (Step III's cards, read from the
card table in a millisecond, took 0.6 s).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 23:50:00
"""

from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_household_first', ['household_id', 'sort_order', 'name', 'deleted_at'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_household_first')
