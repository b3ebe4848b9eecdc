"""Fixtures for the sync tests: a real PostgreSQL server (never a stand-in), a fresh database per test,
and laptops registered on it, each with its own ledger.

The server comes from ``SASAEAI_TEST_PG_URL`` (``./dev.sh test`` starts a throwaway cluster and sets
it); without it, a cluster is started here the same way when PostgreSQL is installed. Without
either, the tests fail: they must never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.models import Ledger, open_ledger
from app.office.server import init_server, register_laptop
from app.paths import ledger_path

PG_ENV = "SASAEAI_TEST_PG_URL"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_cluster() -> tuple[str, callable]:
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not bins:
        pytest.fail(f"no PostgreSQL server: run the tests with ./dev.sh test (it installs and starts one) "
                    f"or set {PG_ENV}", pytrace=False)
    bin_dir = bins[-1]
    folder = Path(tempfile.mkdtemp(prefix="sasaeai-pg-"))
    password = uuid.uuid4().hex
    (folder / "pw").write_text(password + "\n")
    run: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(folder, "postgres")
        shutil.chown(folder / "pw", "postgres")
        run = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run([*run, str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", "postgres",
                    f"--pwfile={folder / 'pw'}", "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
                    "--no-sync"], check=True, capture_output=True)
    subprocess.run([*run, str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"), "-w",
                    "-o", f"-k {folder} -p {port} -h 127.0.0.1 -c fsync=off", "start"], check=True, capture_output=True)

    def stop() -> None:
        subprocess.run([*run, str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)

    return f"postgresql://postgres:{password}@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def pg_admin_url():
    url = os.environ.get(PG_ENV)
    stop = None
    if not url:
        url, stop = _start_cluster()
    yield url
    if stop:
        stop()


@pytest.fixture
def server_url(pg_admin_url):
    """A fresh, initialised server database (the administrator's URL); dropped with its roles afterwards."""
    name = f"st_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(pg_admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    init_server(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        for (role,) in conn.execute(text(f"SELECT rolname FROM pg_roles WHERE rolname LIKE '{name}%'")):
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


@dataclass
class Laptop:
    name: str
    url: str
    ledger: Ledger
    role: str
    password: str


@pytest.fixture
def make_laptop(server_url, tmp_path):
    """``make_laptop(name, districts)``: register it on the server and give it an empty ledger."""
    made: list[Laptop] = []

    def make(name: str, districts: list[str]) -> Laptop:
        reg = register_laptop(server_url, name, districts)
        ledger = open_ledger(ledger_path(tmp_path / name))
        laptop = Laptop(name, reg.url, ledger, reg.role, reg.password)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.ledger.close()
