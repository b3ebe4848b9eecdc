"""The sections of bench/RESULTS.md that other benchmarks own, between ``<!-- name -->`` and ``<!-- /name -->``.

`python -m bench.run` rewrites the file and keeps these blocks (bench/report.py ``kept_sections``); each other
benchmark replaces its own block in place, or appends it the first time.
"""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, start: str, end: str, text: str) -> None:
    """Put ``text`` (which begins with ``start`` and ends with ``end``) in place of the old block in ``path``."""
    now = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in now and end in now:
        head, rest = now.split(start, 1)
        now = head + text.rstrip("\n") + rest.split(end, 1)[1]
    else:
        now = now.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    path.write_text(now, encoding="utf-8")
