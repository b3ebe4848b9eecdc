"""Incidents and their append-only safety-check events (安否確認, issue 16).

Both tables sync with the office (app/models/sync.py): ``incident`` city-wide, ``safety_event`` by the
person's district; the server's row-level security and triggers follow those lists and are made again by
``server-init``, as for 0012.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 15:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('incident',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('flood', 'sediment', 'earthquake', 'other', name='incidentkind', native_enum=False, length=20), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('town_ids', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident'))
    )
    op.create_table('safety_event',
    sa.Column('incident_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.Enum('unchecked', 'safe_home', 'evacuated', 'needs_help', 'hospital', 'unreachable', name='safetystatus', native_enum=False, length=20), nullable=False),
    sa.Column('shelter_id', sa.Uuid(), nullable=True),
    sa.Column('shelter_text', sa.String(length=300), nullable=False),
    sa.Column('checked_by', sa.String(length=200), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('method', sa.Enum('visit', 'phone', 'other', name='checkmethod', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_on', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_safety_event_incident_id_incident'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_safety_event_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shelter_id'], ['reference_feature.id'], name=op.f('fk_safety_event_shelter_id_reference_feature'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_event'))
    )
    with op.batch_alter_table('safety_event', schema=None) as batch_op:
        batch_op.create_index('ix_safety_event_incident_person', ['incident_id', 'person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_event_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('safety_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_event_person_id'))
        batch_op.drop_index('ix_safety_event_incident_person')

    op.drop_table('safety_event')
    op.drop_table('incident')
