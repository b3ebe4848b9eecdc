"""Step III: agency directory, emergency contacts and cards, reference map layers (shelters …).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 05:43:59.572087
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agency',
    sa.Column('kind', sa.Enum('city_office', 'community_support_centre', 'home_care_support_office', 'clinic', 'hospital', 'fire_ambulance', 'social_welfare_council', 'other', name='agencykind', native_enum=False, length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kana', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('fax', sa.String(length=50), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('area_served', sa.Text(), nullable=False),
    sa.Column('services', sa.Text(), nullable=False),
    sa.Column('office_number', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.Column('source', sa.String(length=255), nullable=False),
    sa.Column('credit', sa.Text(), nullable=False),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency'))
    )
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.create_index('ix_agency_kind_deleted', ['kind', 'deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_agency_office_number'), ['office_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_agency_search_key'), ['search_key'], unique=False)

    op.create_table('reference_feature',
    sa.Column('kind', sa.Enum('shelter', 'designated_shelter', 'community_hall', 'clinic', name='referencekind', native_enum=False, length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('district', sa.String(length=100), nullable=False),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=255), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('credit', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_feature'))
    )
    with op.batch_alter_table('reference_feature', schema=None) as batch_op:
        batch_op.create_index('ix_reference_feature_kind_deleted', ['kind', 'deleted_at'], unique=False)

    op.create_table('emergency_card',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('family_doctor_id', sa.Uuid(), nullable=True),
    sa.Column('family_doctor_text', sa.String(length=300), nullable=False),
    sa.Column('care_level', sa.String(length=100), nullable=False),
    sa.Column('medical_notes', sa.Text(), nullable=False),
    sa.Column('care_manager_name', sa.String(length=200), nullable=False),
    sa.Column('care_office_id', sa.Uuid(), nullable=True),
    sa.Column('support_centre_id', sa.Uuid(), nullable=True),
    sa.Column('welfare_commissioner_name', sa.String(length=200), nullable=False),
    sa.Column('welfare_commissioner_phone', sa.String(length=50), nullable=False),
    sa.Column('kept_at', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=True),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['care_office_id'], ['agency.id'], name=op.f('fk_emergency_card_care_office_id_agency'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['family_doctor_id'], ['agency.id'], name=op.f('fk_emergency_card_family_doctor_id_agency'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_emergency_card_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['support_centre_id'], ['agency.id'], name=op.f('fk_emergency_card_support_centre_id_agency'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_card')),
    sa.UniqueConstraint('person_id', name=op.f('uq_emergency_card_person_id'))
    )
    op.create_table('emergency_contact',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relationship', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_emergency_contact_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_contact'))
    )
    with op.batch_alter_table('emergency_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_contact_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('emergency_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_contact_person_id'))

    op.drop_table('emergency_contact')
    op.drop_table('emergency_card')
    with op.batch_alter_table('reference_feature', schema=None) as batch_op:
        batch_op.drop_index('ix_reference_feature_kind_deleted')

    op.drop_table('reference_feature')
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_search_key'))
        batch_op.drop_index(batch_op.f('ix_agency_office_number'))
        batch_op.drop_index('ix_agency_kind_deleted')

    op.drop_table('agency')
