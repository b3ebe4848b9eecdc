"""The layering of DESIGN.md: models ← services ← io/maps ← sync ← office ← ui, Qt only in ui/ and maps/,
and the laptop's code never imports the office server's (app.office); ruff finds nothing; and mypy finds
no type error in the models, the core, the domain packages and the laptop's sync."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mypy import api as mypy_api

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


def test_ruff_finds_nothing():
    # The settings are in pyproject.toml ([tool.ruff]): pyflakes' errors, pycodestyle, sorted imports.
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--no-cache", "app", "tests", "bench", "tools"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# The packages mypy checks: the models, the core and every domain package below the window, and sync.
# Not app/cli yet: its commands import app.ui, app.maps and app.office (lazily), and mypy reports what they import.
MYPY_PATHS = ["app/models", "app/core", "app/towns", "app/households", "app/watch", "app/emergency", "app/privacy",
              "app/meeting", "app/hazards", "app/plans", "app/safety", "app/demo", "app/sync"]


def test_mypy_finds_no_type_error(tmp_path):
    # The settings are in pyproject.toml ([tool.mypy]); a fresh cache so an old one cannot hide an error.
    out, err, status = mypy_api.run(["--cache-dir", str(tmp_path / "mypy_cache"), "--no-error-summary",
                                     "--config-file", str(REPO / "pyproject.toml"),
                                     *(str(REPO / p) for p in MYPY_PATHS)])
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 0 and not errors, f"mypy found {len(errors)} errors:\n" + (out + err)
