"""The sections of bench/RESULTS.md that other benchmarks own, between ``<!-- name -->`` and ``<!-- /name -->``.

`python -m bench.run` rewrites the file and keeps these blocks (bench/report.py ``kept_sections``); each other
benchmark replaces its own block in place, or appends it the first time. A marker counts only on a line of its own,
so prose that quotes one (as this docstring does) neither starts nor ends a block.
"""

from __future__ import annotations

import re
from pathlib import Path

BLOCK = re.compile(r"^<!-- (\w[\w-]*) -->[ \t]*\n.*?^<!-- /\1 -->[ \t]*$", re.S | re.M)


def blocks(text: str) -> list[str]:
    """Every kept block of ``text``, markers included, in order."""
    return [m.group(0) for m in BLOCK.finditer(text)]


def replace_section(path: Path, start: str, end: str, text: str) -> None:
    """Put ``text`` (which begins with ``start`` and ends with ``end``) in place of the old block in ``path``."""
    now = path.read_text(encoding="utf-8") if path.exists() else ""
    old = re.search(rf"^{re.escape(start)}[ \t]*\n.*?^{re.escape(end)}[ \t]*$", now, re.S | re.M)
    if old is not None:
        now = now[:old.start()] + text.rstrip("\n") + now[old.end():]
    else:
        now = now.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    path.write_text(now, encoding="utf-8")
