"""The command line for scripts: make-demo, towns, and the same entry point as the console script."""

from __future__ import annotations

from tests.conftest import run_app


def test_make_demo_then_towns_lists_the_demo_town(tmp_path):
    made = run_app("make-demo", "--data-dir", str(tmp_path))
    assert made.returncode == 0, made.stderr
    assert "ひだまり町" in made.stdout and "60 households" in made.stdout
    listed = run_app("towns", "--data-dir", str(tmp_path))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == ["ひだまり町"]


def test_make_demo_never_overwrites_a_ledger(tmp_path):
    assert run_app("make-demo", "--data-dir", str(tmp_path)).returncode == 0
    before = (tmp_path / "ledger.sqlite3").read_bytes()
    again = run_app("make-demo", "--data-dir", str(tmp_path))
    assert again.returncode != 0
    assert "already" in again.stderr
    assert (tmp_path / "ledger.sqlite3").read_bytes() == before


def test_towns_without_a_ledger_says_so(tmp_path):
    result = run_app("towns", "--data-dir", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "no ledger" in result.stderr
    assert not (tmp_path / "nothing" / "ledger.sqlite3").exists()
