"""The layering of DESIGN.md: models ← services ← io/maps ← sync ← office ← ui, Qt only in ui/ and maps/,
and the laptop's code never imports the office server's (app.office); and ruff finds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
