"""Alembic environment: migrations run on the connection the engine factory hands in."""

from alembic import context

import app.models.audit  # noqa: F401
import app.models.emergency  # noqa: F401
import app.models.entities  # noqa: F401 - registers the tables on Base.metadata
import app.models.hazard  # noqa: F401
import app.models.meeting  # noqa: F401
import app.models.plans  # noqa: F401
import app.models.safety  # noqa: F401
import app.models.sharing  # noqa: F401
import app.models.sync  # noqa: F401
import app.models.watch  # noqa: F401
from app.models.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through app.models.engine.upgrade()")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
