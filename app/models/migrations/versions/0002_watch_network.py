"""Watch network: watchers (見守り者) and their links to persons of concern.

Household.position_approximate already exists since 0001, so no household change here.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 05:28:14.574810
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watcher',
    sa.Column('town_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kana', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('role', sa.Enum('district_head', 'welfare_commissioner', 'welfare_promoter', 'elderly_home_counsellor', 'neighbour', 'relative', 'other', name='watcherrole', native_enum=False, length=30), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_watcher_household_id_household'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['town_id'], ['town.id'], name=op.f('fk_watcher_town_id_town')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_watcher'))
    )
    with op.batch_alter_table('watcher', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watcher_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_watcher_search_key'), ['search_key'], unique=False)
        batch_op.create_index('ix_watcher_town_deleted', ['town_id', 'deleted_at'], unique=False)

    op.create_table('watch_link',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('watcher_id', sa.Uuid(), nullable=False),
    sa.Column('involvement', sa.Text(), nullable=False),
    sa.Column('frequency', sa.Enum('daily', 'weekly', 'twice_a_month', 'monthly', 'when_needed', name='watchfrequency', native_enum=False, length=30), nullable=True),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_watch_link_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['watcher_id'], ['watcher.id'], name=op.f('fk_watch_link_watcher_id_watcher'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_watch_link'))
    )
    with op.batch_alter_table('watch_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watch_link_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_watch_link_watcher_id'), ['watcher_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('watch_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_watch_link_watcher_id'))
        batch_op.drop_index(batch_op.f('ix_watch_link_person_id'))

    op.drop_table('watch_link')
    with op.batch_alter_table('watcher', schema=None) as batch_op:
        batch_op.drop_index('ix_watcher_town_deleted')
        batch_op.drop_index(batch_op.f('ix_watcher_search_key'))
        batch_op.drop_index(batch_op.f('ix_watcher_household_id'))

    op.drop_table('watcher')
