"""Sync with the office server: the ledger's sync state, unsent old records, pulled ranges and conflicts;
on PostgreSQL also the server's registered laptops, change journal and sync log.

The server's trigger, functions, row-level security and grants are (re)made by ``server-init``
(app.services.sync_server.init_server), since they follow the list of synced tables.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 09:00:00
"""

import uuid

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ledger_id', sa.Uuid(), nullable=False),
    sa.Column('laptop_name', sa.String(length=100), nullable=False),
    sa.Column('server_url', sa.Text(), nullable=False),
    sa.Column('district_ids', sa.JSON(), nullable=False),
    sa.Column('pushed_audit_id', sa.Integer(), nullable=True),
    sa.Column('pulled_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_sync_kind', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_unpushed_record',
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_sync_unpushed_record'))
    )
    op.create_table('sync_pulled_range',
    sa.Column('first_audit_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_audit_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('first_audit_id', name=op.f('pk_sync_pulled_range'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=True),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('local_value', sa.Text(), nullable=True),
    sa.Column('local_operator', sa.String(length=200), nullable=False),
    sa.Column('local_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('local_audit_id', sa.Integer(), nullable=False),
    sa.Column('remote_value', sa.Text(), nullable=True),
    sa.Column('remote_operator', sa.String(length=200), nullable=False),
    sa.Column('remote_laptop', sa.String(length=100), nullable=False),
    sa.Column('remote_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('remote_seq', sa.BigInteger(), nullable=False),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolution', sa.String(length=10), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=200), nullable=False),
    sa.Column('pushed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_entity', ['entity_id', 'field'], unique=False)

    # Every ledger gets its own id now: it makes the change ids it sends unique among laptops.
    state = sa.table('sync_state', sa.column('id', sa.Integer), sa.column('ledger_id', sa.Uuid),
                     sa.column('laptop_name', sa.String), sa.column('server_url', sa.Text),
                     sa.column('district_ids', sa.JSON), sa.column('pulled_seq', sa.BigInteger),
                     sa.column('last_sync_kind', sa.String))
    op.bulk_insert(state, [dict(id=1, ledger_id=uuid.uuid4(), laptop_name='', server_url='', district_ids=[],
                                pulled_seq=0, last_sync_kind='')])

    if op.get_bind().dialect.name == 'postgresql':
        _server_tables()


def _server_tables() -> None:
    op.create_table('sync_laptop',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role_name', sa.String(length=63), nullable=False),
    sa.Column('all_districts', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_laptop')),
    sa.UniqueConstraint('name', name=op.f('uq_sync_laptop_name')),
    sa.UniqueConstraint('role_name', name=op.f('uq_sync_laptop_role_name'))
    )
    op.create_table('sync_laptop_district',
    sa.Column('laptop_id', sa.Uuid(), nullable=False),
    sa.Column('district_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['laptop_id'], ['sync_laptop.id'], name=op.f('fk_sync_laptop_district_laptop_id_sync_laptop'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('laptop_id', 'district_id', name=op.f('pk_sync_laptop_district'))
    )
    op.execute('CREATE SEQUENCE sync_change_seq AS bigint')
    op.create_table('sync_change',
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('change_id', sa.Uuid(), nullable=False),
    sa.Column('laptop_id', sa.Uuid(), nullable=False),
    sa.Column('laptop_name', sa.String(length=100), nullable=False),
    sa.Column('district_id', sa.Uuid(), nullable=True),
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=True),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('base_seq', sa.BigInteger(), nullable=False),
    sa.Column('operator_name', sa.String(length=200), nullable=False),
    sa.Column('operator_role', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_change')),
    sa.UniqueConstraint('change_id', name=op.f('uq_sync_change_change_id'))
    )
    op.create_index('ix_sync_change_entity', 'sync_change', ['entity_id', 'seq'])
    op.create_index('ix_sync_change_district', 'sync_change', ['district_id', 'seq'])
    op.create_table('sync_log',
    sa.Column('id', sa.BigInteger(), sa.Identity(), nullable=False),
    sa.Column('laptop_id', sa.Uuid(), nullable=False),
    sa.Column('laptop_name', sa.String(length=100), nullable=False),
    sa.Column('role_name', sa.String(length=63), server_default=sa.text('current_user'), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('pushed', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('pulled', sa.Integer(), nullable=False),
    sa.Column('pulled_up_to', sa.BigInteger(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_log'))
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in ('sync_log', 'sync_change', 'sync_laptop_district', 'sync_laptop'):
            op.drop_table(table)
        op.execute('DROP SEQUENCE IF EXISTS sync_change_seq')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflict_entity')
    for table in ('sync_conflict', 'sync_pulled_range', 'sync_unpushed_record', 'sync_state'):
        op.drop_table(table)
