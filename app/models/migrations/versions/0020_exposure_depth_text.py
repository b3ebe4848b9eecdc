"""A household's storm surge and tsunami depth class as the hazard file writes it.

A 高潮 (A49) or 津波 (A40) file gives each zone's depth as text in its prefecture's own classes (「0.3m以上1.0m未満」),
finer than the six depth ranks the map's colours and the ordering use. The household's panel and card print the
file's class, so the stored exposure keeps it beside the rank: ``storm_surge_text`` and ``tsunami_text`` ("" when
no such zone was found).

The stored rows that hold a storm surge or tsunami rank are dropped here: a missing row is computed when it is read
(app/hazards/exposure.py) and written again by the next refresh, so no household shows its class without its text.

A ledger's storm surge and tsunami zones imported before this version were ranked by their class's lower bound; the
app ranks them again when it first opens the ledger (app/hazards/importer.py ``rerank_text_zones``) and then marks
the ledger done in ``ledger_info``. A ledger without such zones (every new one) has nothing to rank again: it is
marked done here, so opening it stays a read (a write at every first open would also be the first thing any command
wrote, before its own work).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 16:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('household_exposure', sa.Column('storm_surge_text', sa.Text(), server_default='', nullable=False))
    op.add_column('household_exposure', sa.Column('tsunami_text', sa.Text(), server_default='', nullable=False))
    op.execute("DELETE FROM household_exposure WHERE storm_surge_rank IS NOT NULL OR tsunami_rank IS NOT NULL")
    if op.get_bind().dialect.name == "sqlite":  # a laptop's ledger (the office server ranks nothing)
        # app/models/ledger_info.py HAZARD_TEXT_RANKS = HAZARD_TEXT_RANKS_DEEPEST, written as they are today
        op.execute("INSERT INTO ledger_info (key, value) SELECT 'hazard_text_ranks', 'deepest' WHERE NOT EXISTS "
                   "(SELECT 1 FROM hazard_zone WHERE kind IN ('storm_surge', 'tsunami'))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DELETE FROM ledger_info WHERE key = 'hazard_text_ranks'")
    with op.batch_alter_table('household_exposure', schema=None) as batch_op:
        batch_op.drop_column('tsunami_text')
        batch_op.drop_column('storm_surge_text')
