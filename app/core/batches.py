"""Reading in bulk: long id lists split for ``IN (...)`` (SQLite takes at most 32,766 bound variables per
statement), and the cycle collector paused while a city's worth of small views is built."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

# Well under SQLite's 32,766 variables, and still few statements for a city of 100,000 persons.
IN_CHUNK = 5000


def chunks(items: Iterable[T], size: int = IN_CHUNK) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size`` (nothing for an empty input)."""
    seq: Sequence[T] = items if isinstance(items, Sequence) else list(items)
    for i in range(0, len(seq), size):
        yield list(seq[i:i + size])


# How many ``no_gc_pauses`` are open, on any thread, and whether the collector was on before the first of them.
_pauses_lock = threading.Lock()
_pauses = 0
_enabled_before = False


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Building a city's views (tens of thousands of small acyclic objects) sets the cycle collector off over and
    over, up to half the time: paused while they are built, restored after.

    The pause is the process's (the collector is): counted, so a read on the reads thread that ends while an export
    on another thread is still building its rows does not turn the collector back on under it. The last one to end
    restores what the first one found."""
    global _pauses, _enabled_before
    with _pauses_lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _enabled_before:
                gc.enable()


def promote_kept() -> None:
    """Move what the collector tracks to its oldest generation at once (freeze, then unfreeze: two list splices,
    no walk). For acyclic views just built with the collector paused and kept a while: its next young passes would
    walk all of them, and again on their way to the oldest generation. Nothing in the app keeps objects frozen,
    which the unfreeze would undo."""
    gc.freeze()
    gc.unfreeze()
