"""Facts about the ledger file kept inside it (for a start: whether it is the demo).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 11:50:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ledger_info',
    sa.Column('key', sa.String(length=50), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_ledger_info'))
    )


def downgrade() -> None:
    op.drop_table('ledger_info')
