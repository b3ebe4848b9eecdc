"""Control points belong to the town and sync (issue: control points did not sync).

A control point was tied to the laptop's own base-map row, which never syncs (it points at a file on one
computer), so the other laptops of the district and the office could not receive it. It now names its town
(the district's scope, as the town's other records) and the image its pixel position is on (its size and the
SHA-256 of its file, which a base map now keeps too); the base-map row is no longer needed (kept, nullable, for the
downgrade). A laptop uses the town's points when its own image of the town is that file (the same scan), wherever
it came from. Points and base maps from before have no digest: they still match each other, as before.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on base_map (a batch copy would drop and re-create a table other rows refer to).
    op.add_column('base_map', sa.Column('image_sha256', sa.String(length=64), nullable=True))
    # The point's town and image, filled from its base map before the one copy of the table on SQLite (no table
    # refers to it) makes the town NOT NULL: every point had its base map (a foreign key, not null).
    op.add_column('map_control_point', sa.Column('town_id', sa.Uuid(), nullable=True))
    op.add_column('map_control_point', sa.Column('image_width', sa.Integer(), nullable=True))
    op.add_column('map_control_point', sa.Column('image_height', sa.Integer(), nullable=True))
    op.add_column('map_control_point', sa.Column('image_sha256', sa.String(length=64), nullable=True))
    op.execute("UPDATE map_control_point SET "
               "town_id = (SELECT b.town_id FROM base_map b WHERE b.id = map_control_point.base_map_id), "
               "image_width = (SELECT b.width FROM base_map b WHERE b.id = map_control_point.base_map_id), "
               "image_height = (SELECT b.height FROM base_map b WHERE b.id = map_control_point.base_map_id) "
               "WHERE base_map_id IS NOT NULL")
    # One copy, with one foreign key read back from the table and the other added here: the copied table's SQL is
    # the same in every run (two foreign keys read back came out in either order, and a kept bench ledger then
    # differed from a fresh one).
    with op.batch_alter_table('map_control_point', schema=None) as batch_op:
        batch_op.alter_column('town_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.alter_column('base_map_id', existing_type=sa.Uuid(), nullable=True)
        batch_op.create_foreign_key(batch_op.f('fk_map_control_point_town_id_town'), 'town', ['town_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_map_control_point_town_id'), ['town_id'], unique=False)
    # Replacing the base map no longer takes the points with it (another laptop may still use that scan).
    op.execute("UPDATE map_control_point SET base_map_id = NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':  # the office's scope policy (app.office.server) reads town_id
        op.execute('DROP POLICY IF EXISTS sasaeai_scope ON map_control_point')
        op.execute('ALTER TABLE map_control_point DISABLE ROW LEVEL SECURITY')
    # Back on the town's image base map; points of a town without one (or with another image) meant nothing there.
    op.execute("UPDATE map_control_point SET base_map_id = (SELECT b.id FROM base_map b "
               "WHERE b.town_id = map_control_point.town_id AND b.width = map_control_point.image_width "
               "AND b.height = map_control_point.image_height "
               "AND coalesce(b.image_sha256, '') = coalesce(map_control_point.image_sha256, ''))")
    op.execute("DELETE FROM map_control_point WHERE base_map_id IS NULL")
    with op.batch_alter_table('map_control_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_map_control_point_town_id'))
        batch_op.drop_constraint(batch_op.f('fk_map_control_point_town_id_town'), type_='foreignkey')
        batch_op.alter_column('base_map_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.drop_column('image_sha256')
        batch_op.drop_column('image_height')
        batch_op.drop_column('image_width')
        batch_op.drop_column('town_id')
    op.execute('ALTER TABLE base_map DROP COLUMN image_sha256')
