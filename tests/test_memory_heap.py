"""The heap the open freed goes back to the system once the town's map and lists are ready (issue 17: memory).

Opening a city frees many blocks of tens of KiB between blocks still in use (rows, views, messages): ``free``
keeps those holes, and only ``malloc_trim`` hands their pages back (glibc). At 50,000 households that is 8–10 MB
of the app's anonymous memory, for about 1 ms of CPU, a second after the map and lists are ready.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.test_memory_app import glibc

REPO = Path(__file__).resolve().parents[1]

# Blocks of 64 KiB (on the heap, under glibc's mmap threshold), every other one freed while its neighbours stay in use:
# prints the anonymous memory (KiB) the process still holds of the freed ones, then what it holds of them once
# give_back_free_heap has run. (Neighbours of the same size come from the same place on the heap whatever was
# allocated before, so the freed blocks are holes and never the heap's top, which free gives back by itself.)
HOLES = textwrap.dedent("""
    from app.core.heap import give_back_free_heap

    def anon_kb():
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("RssAnon:"))

    before = anon_kb()
    blocks = [bytearray(64 << 10) for _ in range(1024)]  # 64 MB
    kept = blocks[1::2]  # 32 MB still in use
    kept_kb = 512 * 64
    del blocks  # the other 32 MB freed, between them
    held = anon_kb() - before - kept_kb
    assert give_back_free_heap()
    print(held, anon_kb() - before - kept_kb)
""")


@pytest.mark.skipif(not glibc(), reason="glibc's heap (Linux): other systems' allocators differ")
def test_free_pages_between_blocks_in_use_go_back_to_the_system():
    done = subprocess.run([sys.executable, "-c", HOLES], cwd=REPO, capture_output=True, text=True, timeout=120,
                          check=True)
    held, after = (int(kb) / 1024 for kb in done.stdout.split()[-2:])
    # GIVEN 32 MB of blocks freed between blocks in use: free alone keeps them
    assert held > 16, held
    # WHEN the free heap is given back THEN the process holds almost none of them
    assert after < 6, after


@pytest.mark.timeout(120)
def test_the_window_gives_the_free_heap_back_each_time_a_towns_map_is_ready(qtbot, ledger, town, tmp_path,
                                                                           monkeypatch):
    import app.ui.mainwindow.window as window_module
    from app.ui.app import settings_for
    from app.ui.mainwindow import MainWindow
    from app.ui.mainwindow.window import HEAP_GIVEN_BACK_MS

    calls: list[bool] = []
    monkeypatch.setattr(window_module, "give_back_free_heap", lambda: calls.append(True) or True)
    window = MainWindow(ledger, settings_for(tmp_path / "settings"))
    qtbot.addWidget(window)
    # WHEN the town opens THEN soon after its map and lists are ready, the heap is given back once
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.towns.open_initial_town()
        window.show()
    assert calls == []  # not while the open's follow-up reads may still run
    qtbot.waitUntil(lambda: calls == [True], timeout=10_000)
    # and again after the town is read again (another town, the projector's mode)
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.towns.load_town(town.id)
    qtbot.waitUntil(lambda: calls == [True, True], timeout=10_000)
    qtbot.wait(HEAP_GIVEN_BACK_MS + 200)
    assert calls == [True, True]
