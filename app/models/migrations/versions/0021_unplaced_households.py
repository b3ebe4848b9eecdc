"""The households not yet on the map, from two small indexes (issue 17).

The window lists a town's households with no position on its map (「まだ地図にない世帯」) once the map is drawn.
Asked in map-number order, the planner read every household of the town through the town's map-number index and
checked each row's position: at 50,000 households 45-125 ms with every household's page decrypted, on the reads
thread just as the user starts to edit. Each index holds only the live households without a position on one kind of
map, in map-number order, so the list is read from it alone (0.6-3 ms at 50,000 households, where none is unplaced).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 00:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

# As app/models/entities.py writes them: the statement's terms (app/households/households.py unplaced_households).
UNPLACED_GEO = "deleted_at IS NULL AND (lat IS NULL OR lon IS NULL)"
UNPLACED_PIXEL = "deleted_at IS NULL AND (map_x IS NULL OR map_y IS NULL)"


def upgrade() -> None:
    for name, where in (('ix_household_unplaced_geo', UNPLACED_GEO), ('ix_household_unplaced_pixel', UNPLACED_PIXEL)):
        op.create_index(name, 'household', ['town_id', 'map_number'], unique=False,
                        sqlite_where=sa.text(where), postgresql_where=sa.text(where))


def downgrade() -> None:
    for name in ('ix_household_unplaced_pixel', 'ix_household_unplaced_geo'):
        op.drop_index(name, table_name='household')
