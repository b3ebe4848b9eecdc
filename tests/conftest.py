"""Shared fixtures: a fresh ledger per test, the demo ledger, and Qt/WebEngine set up offscreen."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # tests and CI run as root
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
os.environ.setdefault("SASAEAI_PASSPHRASE", "test-passphrase 試験")  # ledgers made by fixtures and CLI runs

from app.ui.app import prepare_webengine  # noqa: E402

# WebEngine must be imported and the URL scheme registered before pytest-qt makes the QApplication.
prepare_webengine()

from app.models import open_ledger  # noqa: E402
from app.paths import ledger_path  # noqa: E402
from app.services.demo import make_demo  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
if not SHARED.exists():  # CI clones main into another folder with shared/ beside it
    SHARED = Path(os.environ.get("SASAEAI_SHARED", REPO.parent / "shared"))
MBTILES = SHARED / "data" / "mbtiles"


@pytest.fixture
def ledger(tmp_path):
    led = open_ledger(ledger_path(tmp_path / "data"))
    yield led
    led.close()


@pytest.fixture
def town(ledger):
    from app.services.towns import create_town

    with ledger.Session.begin() as s:
        return create_town(s, "味真野地区", "余川町")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    make_demo(folder)
    return folder


@pytest.fixture
def demo_dir(demo_template, tmp_path) -> Path:
    """A private copy of the demo ledger folder (the demo is built once per session)."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def demo_ledger(demo_dir):
    led = open_ledger(ledger_path(demo_dir))
    yield led
    led.close()


def run_app(*args: str, env: dict | None = None, prefix: tuple[str, ...] = ()) -> "subprocess.CompletedProcess":
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([*prefix, sys.executable, "-m", "app", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session", autouse=True)
def _flush_qt_deletions_at_the_end():
    """Let Qt delete closed windows (and their WebEngine pages) before Python tears the app down."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
