"""The C heap of the app's process: large blocks given back to the system once freed (glibc, Linux).

glibc serves a block of 128 KiB or more from a mapping of its own, unmapped when freed, but each time such a
block is freed it raises that threshold to the block's size (up to 32 MiB). Opening a city frees a few blocks of
megabytes (the households' rows, the page's message of 4 M characters, Qt's copy of it), so every later block of
up to that size is carved out of the heap instead, and the heap cannot shrink past the blocks still in use
between them: at 50,000 households the app's process kept about 45 MB of freed heap it could not give back
(issue 17: memory). A fixed threshold keeps large blocks in their own mappings for good.

Windows' and macOS's allocators give large blocks back by themselves; there, and under a C library other than
glibc, nothing is changed.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
# Blocks this large or larger get a mapping of their own. 1 MiB: the blocks that were left behind are larger,
# and the many blocks of a few hundred KiB (SQLite, Qt) stay in the heap, where reusing them is cheap.
LARGE_BLOCK = 1 << 20


def give_back_large_blocks(threshold: int = LARGE_BLOCK) -> bool:
    """Fix glibc's mmap threshold at ``threshold`` bytes (no more raising it); False where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)  # the C library this process already runs on
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018 - glibc only: musl's mallopt does nothing
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, int(threshold)) == 1
