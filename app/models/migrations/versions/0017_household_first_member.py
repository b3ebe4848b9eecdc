"""The first live member of a household, from an index alone (issue 17).

The map labels a household without a name by its first live member (by sort order, then name): one lookup per
unnamed household when the town opens, a third of a city's households. With only ``ix_person_household_id`` each
lookup read every member's row to check ``deleted_at`` and sort them; this partial index holds the live members in
that order with their names, so the lookup reads one index entry (the town's layer read: half its CPU at 50,000
households).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 23:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_household_first', ['household_id', 'sort_order', 'name'], unique=False,
                              sqlite_where=sa.text('deleted_at IS NULL'),
                              postgresql_where=sa.text('deleted_at IS NULL'))


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_household_first')
