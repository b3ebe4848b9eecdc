"""The C heap of the app's process: large blocks given back to the system once freed (glibc, Linux).

glibc serves a block of 128 KiB or more from a mapping of its own, unmapped when freed, but each time such a
block is freed it raises that threshold to the block's size (up to 32 MiB). Opening a city frees a few blocks of
megabytes (the households' rows, the page's message of 4 M characters, Qt's copy of it), so every later block of
up to that size is carved out of the heap instead, and the heap cannot shrink past the blocks still in use
between them: at 50,000 households the app's process kept about 45 MB of freed heap it could not give back
(issue 17: memory). A fixed threshold keeps large blocks in their own mappings for good.

Windows' and macOS's allocators give large blocks back by themselves; there, and under a C library other than
glibc, nothing is changed.

The smaller blocks the open frees between blocks still in use leave holes in the heap that ``free`` cannot give
back (it only shrinks the heap's top): about 8–10 MB at 50,000 households once the lists are filled.
``give_back_free_heap`` (glibc's ``malloc_trim``) hands those pages back in about 1 ms of CPU; the window calls it
a second after a town's map and lists are ready, once their follow-up reads have run.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
# Blocks this large or larger get a mapping of their own. 1 MiB: the blocks that were left behind are larger,
# and the many blocks of a few hundred KiB (SQLite, Qt) stay in the heap, where reusing them is cheap.
LARGE_BLOCK = 1 << 20


def _glibc() -> ctypes.CDLL | None:
    """The C library this process runs on if it is glibc (musl's mallopt does nothing, it has no malloc_trim)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library this process already runs on
        libc.gnu_get_libc_version  # noqa: B018 - glibc only
    except (OSError, AttributeError):
        return None
    return libc


def give_back_free_heap() -> bool:
    """Give the free pages inside glibc's heaps back to the system (``malloc_trim(0)``); False where there is no
    glibc. The blocks in use stay where they are: only whole free pages are given back, and are mapped again
    (zeroed) when the heap next needs them."""
    libc = _glibc()
    if libc is None:
        return False
    trim = libc.malloc_trim
    trim.argtypes = (ctypes.c_size_t,)
    trim.restype = ctypes.c_int
    trim(0)
    return True


def give_back_large_blocks(threshold: int = LARGE_BLOCK) -> bool:
    """Fix glibc's mmap threshold at ``threshold`` bytes (no more raising it); False where there is no glibc."""
    libc = _glibc()
    if libc is None:
        return False
    mallopt = libc.mallopt
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, int(threshold)) == 1
