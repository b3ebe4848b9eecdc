"""The households with someone of concern, from an index alone (issue 17).

The map marks every household where someone is of concern; the town's layer finds them with one read of the
live persons of concern (``app/maps/query.py``). Through ``ix_person_of_concern`` alone that read fetched each
person's row to check ``deleted_at`` and take ``household_id``: 7,356 rows scattered over a city's person pages,
each page decrypted by SQLCipher (0.09-0.12 s of CPU at 50,000 households). This index answers it by itself
(0.005-0.008 s; at 150,000 households 0.23-0.28 s → 0.014-0.054 s). ``of_concern`` leads, so it also serves
what ``ix_person_of_concern`` serves (the planner now takes it for the Step II list and the sheet's watchers).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 02:45:00
"""

from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_of_concern_home', ['of_concern', 'deleted_at', 'household_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_of_concern_home')
