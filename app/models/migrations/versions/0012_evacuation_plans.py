"""Individual evacuation plans (個別避難計画) and their supporters (issue 16).

Both tables sync with the office by district (app/models/sync.py DISTRICT_PATHS); the server's row-level
security and triggers follow that list and are made again by ``server-init``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 15:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evacuation_plan',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('shelter_id', sa.Uuid(), nullable=True),
    sa.Column('shelter_text', sa.String(length=300), nullable=False),
    sa.Column('route_note', sa.Text(), nullable=False),
    sa.Column('transport', sa.String(length=100), nullable=False),
    sa.Column('start_when', sa.Enum('elderly_evacuation', 'evacuation_order', 'other', name='planstart', native_enum=False, length=30), nullable=False),
    sa.Column('start_note', sa.String(length=200), nullable=False),
    sa.Column('mobility', sa.Text(), nullable=False),
    sa.Column('medical_devices', sa.Text(), nullable=False),
    sa.Column('medication', sa.Text(), nullable=False),
    sa.Column('communication', sa.Text(), nullable=False),
    sa.Column('consent', sa.String(length=10), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('made_on', sa.Date(), nullable=True),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_evacuation_plan_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shelter_id'], ['reference_feature.id'], name=op.f('fk_evacuation_plan_shelter_id_reference_feature'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evacuation_plan')),
    sa.UniqueConstraint('person_id', name=op.f('uq_evacuation_plan_person_id'))
    )
    op.create_table('plan_supporter',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('watcher_id', sa.Uuid(), nullable=True),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relation', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('consent', sa.String(length=10), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_plan_supporter_person_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['evacuation_plan.id'], name=op.f('fk_plan_supporter_plan_id_evacuation_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['watcher_id'], ['watcher.id'], name=op.f('fk_plan_supporter_watcher_id_watcher'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_supporter'))
    )
    with op.batch_alter_table('plan_supporter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_supporter_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_supporter_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_supporter_watcher_id'), ['watcher_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('plan_supporter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_supporter_watcher_id'))
        batch_op.drop_index(batch_op.f('ix_plan_supporter_plan_id'))
        batch_op.drop_index(batch_op.f('ix_plan_supporter_person_id'))

    op.drop_table('plan_supporter')
    op.drop_table('evacuation_plan')
