"""The benchmark runs end to end at a tiny size and writes its figures as Markdown and JSON (no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_bench_writes_every_measurement_with_a_positive_floor(tmp_path):
    results, figures = tmp_path / "RESULTS.md", tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    done = subprocess.run([sys.executable, "-m", "bench.run", "--sizes", "200", "--repeat", "1", "--no-naive",
                           "--roster-rows", "200", "--results", str(results), "--json", str(figures),
                           "--picture", str(tmp_path / "results.png")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=280)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(figures.read_text(encoding="utf-8"))
    names = {row["name"] for row in rows}
    for wanted in ("open → map ready", "open → Steps II/III lists filled (in the background)", "search (2 chars)",
                   "search (1 char)", "roster import 10,000 rows (read + apply)", "emergency sheet export (xlsx)"):
        assert wanted in names
    for row in rows:
        assert row["households"] == 200
        assert set(row) >= {"name", "households", "floor_ms", "ratio", "target_ratio"}
        assert ("value_ms" in row) != ("value_mb" in row)
        if row["floor_ms"] is not None:
            assert row["floor_ms"] > 0
            assert row["ratio"] > 0
    floored = {row["name"] for row in rows if row["floor_ms"] is not None}
    assert {"open → map ready", "search (2 chars)", "roster import 10,000 rows (read + apply)"} <= floored
    text = results.read_text(encoding="utf-8")
    assert "× floor" in text and "## Floors" in text
    assert "sync: not measured" in text or "sync: first sync" in text
    assert (tmp_path / "results.png").stat().st_size > 0
