"""The liaison meeting: meetings and attendees, reviews of persons of concern, the yearly self-check.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 06:12:33.123751
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('self_check',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('checker_kind', sa.Enum('municipal_staff', 'council_staff', 'other_welfare', 'resident', name='checkerkind', native_enum=False, length=30), nullable=False),
    sa.Column('checker_name', sa.String(length=200), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_check')),
    sa.UniqueConstraint('year', 'checker_kind', name=op.f('uq_self_check_year'))
    )
    op.create_table('self_check_answer',
    sa.Column('self_check_id', sa.Uuid(), nullable=False),
    sa.Column('item_id', sa.String(length=10), nullable=False),
    sa.Column('checked', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['self_check_id'], ['self_check.id'], name=op.f('fk_self_check_answer_self_check_id_self_check'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_check_answer')),
    sa.UniqueConstraint('self_check_id', 'item_id', name=op.f('uq_self_check_answer_self_check_id'))
    )
    op.create_table('meeting',
    sa.Column('town_id', sa.Uuid(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('town_liaison', 'district_network', name='meetingkind', native_enum=False, length=30), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['town_id'], ['town.id'], name=op.f('fk_meeting_town_id_town')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_town_held', ['town_id', 'held_on'], unique=False)

    op.create_table('meeting_attendee',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('district_head', 'welfare_commissioner', 'welfare_promoter', 'elderly_home_counsellor', 'group_leader', 'resident', 'council_staff', 'other', name='attendeerole', native_enum=False, length=30), nullable=False),
    sa.Column('role_note', sa.String(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_attendee_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_attendee'))
    )
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendee_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('person_review',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=True),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.Enum('unchanged', 'changed', 'moved_away', 'entered_facility', 'in_hospital', 'died', name='reviewoutcome', native_enum=False, length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.Column('archived_person', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_person_review_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_review_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_review'))
    )
    with op.batch_alter_table('person_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_review_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index('ix_person_review_person_date', ['person_id', 'reviewed_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('person_review', schema=None) as batch_op:
        batch_op.drop_index('ix_person_review_person_date')
        batch_op.drop_index(batch_op.f('ix_person_review_meeting_id'))

    op.drop_table('person_review')
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_attendee_meeting_id'))

    op.drop_table('meeting_attendee')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_town_held')

    op.drop_table('meeting')
    op.drop_table('self_check_answer')
    op.drop_table('self_check')
