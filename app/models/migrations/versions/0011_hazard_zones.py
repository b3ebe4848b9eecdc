"""Hazard zones (国土数値情報 A31/A33/A49/A40) and each household's exposure (issue 16).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 15:30:00
"""

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
