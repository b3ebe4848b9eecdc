"""The sharing mode (平常時 / 災害時) and the printed copies ledger (issue 16).

Both tables are the laptop's own: they do not sync (app/models/sharing.py says why), so the office
server needs no row-level security or trigger for them.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sharing_mode_change',
    sa.Column('mode', sa.Enum('normal', 'disaster', name='sharingmode', native_enum=False, length=20), nullable=False),
    sa.Column('operator_name', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_mode_change'))
    )
    with op.batch_alter_table('sharing_mode_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_mode_change_at'), ['at'], unique=False)
    op.create_table('printed_copy',
    sa.Column('serial', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('paper', sa.String(length=50), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('audience', sa.String(length=20), nullable=False),
    sa.Column('town_id', sa.Uuid(), nullable=True),
    sa.Column('town_name', sa.String(length=200), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('made_by', sa.String(length=200), nullable=False),
    sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mode', sa.Enum('normal', 'disaster', name='sharingmode', native_enum=False, length=20), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('outcome', sa.Enum('returned', 'destroyed', name='copyoutcome', native_enum=False, length=20), nullable=True),
    sa.Column('closed_by', sa.String(length=200), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_printed_copy')),
    sa.UniqueConstraint('serial', name=op.f('uq_printed_copy_serial')),
    sa.UniqueConstraint('year', 'number', name='uq_printed_copy_number')
    )


def downgrade() -> None:
    op.drop_table('printed_copy')
    with op.batch_alter_table('sharing_mode_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_mode_change_at'))
    op.drop_table('sharing_mode_change')
