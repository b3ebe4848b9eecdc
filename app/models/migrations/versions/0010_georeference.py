"""Control points tying a town's image base map to the ground (issue 15).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 15:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('map_control_point',
    sa.Column('base_map_id', sa.Uuid(), nullable=False),
    sa.Column('x', sa.Double(), nullable=False),
    sa.Column('y', sa.Double(), nullable=False),
    sa.Column('lon', sa.Double(), nullable=False),
    sa.Column('lat', sa.Double(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['base_map_id'], ['base_map.id'],
                            name=op.f('fk_map_control_point_base_map_id_base_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_map_control_point'))
    )
    with op.batch_alter_table('map_control_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_map_control_point_base_map_id'), ['base_map_id'], unique=False)
    # Which coordinate a georeference computed from the other (both kept: switching maps loses nothing).
    # Plain ADD COLUMN (SQLite has it): a batch copy would drop and re-create tables other rows refer to.
    for table in ('household', 'gathering_place'):
        op.add_column(table, sa.Column('derived_coordinate', sa.String(length=5), nullable=True))
    # Districts and towns are archived, never deleted (the districts and towns dialog).
    for table in ('district', 'town'):
        op.add_column(table, sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, which SQLCipher 4.12 is built on): with rows in household, a batch copy
    # of town would fail on the foreign keys.
    for table, column in (('town', 'archived_at'), ('district', 'archived_at'),
                          ('gathering_place', 'derived_coordinate'), ('household', 'derived_coordinate')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
    with op.batch_alter_table('map_control_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_map_control_point_base_map_id'))
    op.drop_table('map_control_point')
