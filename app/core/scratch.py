"""Scratch folders: where the app keeps files nobody asked to keep (a print preview's PDF, the map page, the demo).

A preview's PDF carries names and phone numbers. In the system's temporary folder nothing encrypts it and the
printed copies ledger does not know it, so it must not outlive its preview. Each scratch folder is removed when its
user is done with it; what is left at exit goes then (``tempfile.TemporaryDirectory`` does both), and what a crash
or a killed process left behind goes at the next start (:func:`sweep_leftovers`).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

PREFIX = "sasaeai-"
KINDS = ("print", "map-page", "demo", "selftest")  # every kind of scratch folder the app makes
LEFTOVER_AGE_S = 24 * 3600  # older than this, a scratch folder is no running app's: another copy may run meanwhile


def scratch_folder(kind: str) -> tempfile.TemporaryDirectory[str]:
    """A new scratch folder of ``kind`` (one of ``KINDS``); ``cleanup()`` removes it, exit removes it at the latest.

    A file still open elsewhere (Windows keeps a PDF a printer driver reads) does not stop the cleanup: it is left
    for :func:`sweep_leftovers`.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown scratch folder kind: {kind}")
    return tempfile.TemporaryDirectory(prefix=f"{PREFIX}{kind}-", ignore_cleanup_errors=True)


def sweep_leftovers(folder: Path | None = None, *, now: float | None = None) -> list[Path]:
    """Remove the scratch folders older than a day from ``folder`` (the system's temporary folder); returns them.

    Only the app's own kinds are touched, and only folders: a file or another program's folder of the same
    name prefix is left alone.
    """
    root = Path(folder or tempfile.gettempdir())
    cutoff = (time.time() if now is None else now) - LEFTOVER_AGE_S
    removed: list[Path] = []
    for kind in KINDS:
        for path in root.glob(f"{PREFIX}{kind}-*"):
            try:
                if not path.is_dir() or path.is_symlink() or path.stat().st_mtime >= cutoff:
                    continue
            except OSError:  # gone meanwhile, or not ours to read
                continue
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
    return removed
