"""USB sync packages are authenticated: each laptop's package key, on the laptop (inside its encrypted
ledger) and on the office server (next to the laptop's registration).

Laptops registered before this revision get a fresh key here; the office's next package for them
carries it (``package_key_confirmed`` is false until a package signed with it comes back).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:00:00
"""

import secrets

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('package_key', sa.LargeBinary(), nullable=True))

    if op.get_bind().dialect.name == 'postgresql':
        op.add_column('sync_laptop', sa.Column('package_key', sa.LargeBinary(), nullable=True))
        op.add_column('sync_laptop', sa.Column('previous_package_key', sa.LargeBinary(), nullable=True))
        op.add_column('sync_laptop', sa.Column('package_key_confirmed', sa.Boolean(), nullable=False,
                                               server_default=sa.false()))
        laptop = sa.table('sync_laptop', sa.column('id', sa.Uuid), sa.column('package_key', sa.LargeBinary))
        bind = op.get_bind()
        for (laptop_id,) in bind.execute(sa.select(laptop.c.id)).all():
            bind.execute(sa.update(laptop).where(laptop.c.id == laptop_id).values(package_key=secrets.token_bytes(32)))
        op.alter_column('sync_laptop', 'package_key', nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for column in ('package_key_confirmed', 'previous_package_key', 'package_key'):
            op.drop_column('sync_laptop', column)
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.drop_column('package_key')
