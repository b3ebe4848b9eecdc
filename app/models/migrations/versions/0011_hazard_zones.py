"""Hazard zones (国土数値情報 A31/A33/A49/A40) and each household's exposure (issue 16).

Public data and derived values: these tables do not sync (the office server's DDL leaves them out).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_KIND = sa.Enum('flood', 'sediment', 'storm_surge', 'tsunami', name='hazardkind', native_enum=False, length=20)


def upgrade() -> None:
    op.create_table('hazard_layer',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', _KIND, nullable=False),
    sa.Column('source', sa.String(length=255), nullable=False),
    sa.Column('credit', sa.Text(), nullable=False),
    sa.Column('spec_version', sa.String(length=100), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('feature_count', sa.Integer(), nullable=False),
    sa.Column('skipped_count', sa.Integer(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazard_layer'))
    )
    op.create_table('hazard_zone',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('layer_id', sa.Uuid(), nullable=False),
    sa.Column('kind', _KIND, nullable=False),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('zone_class', sa.Integer(), nullable=True),
    sa.Column('phenomenon', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('feature_number', sa.Integer(), nullable=False),
    sa.Column('geometry', sa.LargeBinary(), nullable=False),
    sa.Column('minx', sa.Float(), nullable=False),
    sa.Column('miny', sa.Float(), nullable=False),
    sa.Column('maxx', sa.Float(), nullable=False),
    sa.Column('maxy', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['layer_id'], ['hazard_layer.id'], name=op.f('fk_hazard_zone_layer_id_hazard_layer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazard_zone'))
    )
    with op.batch_alter_table('hazard_zone', schema=None) as batch_op:
        batch_op.create_index('ix_hazard_zone_bbox', ['minx', 'maxx', 'miny', 'maxy'], unique=False)
        batch_op.create_index(batch_op.f('ix_hazard_zone_layer_id'), ['layer_id'], unique=False)
    op.create_table('household_exposure',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.Column('flood_rank', sa.Integer(), nullable=True),
    sa.Column('flood_river', sa.Text(), nullable=False),
    sa.Column('sediment_kind', sa.Integer(), nullable=True),
    sa.Column('sediment_class', sa.Integer(), nullable=True),
    sa.Column('storm_surge_rank', sa.Integer(), nullable=True),
    sa.Column('tsunami_rank', sa.Integer(), nullable=True),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                            name=op.f('fk_household_exposure_household_id_household'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('household_id', name=op.f('pk_household_exposure'))
    )


def downgrade() -> None:
    op.drop_table('household_exposure')
    with op.batch_alter_table('hazard_zone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazard_zone_layer_id'))
        batch_op.drop_index('ix_hazard_zone_bbox')
    op.drop_table('hazard_zone')
    op.drop_table('hazard_layer')
