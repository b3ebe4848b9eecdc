"""The engine factory: the one place that opens a ledger file, and keeps its schema current.

Every ledger is created and upgraded by the Alembic migrations in ``migrations/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass
class Ledger:
    """An open ledger: its file, its engine and a session factory (one session per user action)."""

    path: Path
    engine: Engine
    Session: sessionmaker[Session]

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def upgrade(engine: Engine) -> None:
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_ledger(path: Path, *, create: bool = True) -> Ledger:
    """Open (and create or upgrade, when needed) the ledger file at ``path``."""
    path = Path(path)
    if not path.exists() and not create:
        raise FileNotFoundError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    if schema_revision(engine) != head_revision():
        upgrade(engine)
    return Ledger(path=path, engine=engine, Session=sessionmaker(engine, expire_on_commit=False))
