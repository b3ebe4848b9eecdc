"""Splitting long id lists for ``IN (...)``: SQLite takes at most 32,766 bound variables per statement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

# Well under SQLite's 32,766 variables, and still few statements for a city of 100,000 persons.
IN_CHUNK = 5000


def chunks(items: Iterable[T], size: int = IN_CHUNK) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size`` (nothing for an empty input)."""
    seq: Sequence[T] = items if isinstance(items, Sequence) else list(items)
    for i in range(0, len(seq), size):
        yield list(seq[i:i + size])
