"""Memory of the whole app as a user runs it: a fresh process (this one) with its WebEngine processes.

``python -m bench.app_memory DATA_DIR`` opens the ledger's town in the real window, waits until the
map is drawn and Steps II/III are filled in, adds a household, filters the map, then prints one JSON
line: the peak PSS and RSS summed over the process tree while it ran, and the PSS once settled.
``bench.run`` calls it for each size, so earlier sizes and repeated windows do not count.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import bench.run as run  # sets the offscreen/WebEngine environment before Qt starts
from app.core.views import Crs, MapPoint
from bench.generate import CENTER


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0])
    app = run.QApplication.instance() or run.QApplication([sys.argv[0]])
    watch = run.MemoryWatch()
    watch.start()
    ledger, window, _drawn, _filled = run.open_window(data_dir, 300)
    window.households.add_household(MapPoint(Crs.GEO, CENTER[1] + 0.0005, CENTER[0] + 0.0005))
    run.page_call(window.map_view, "ping", timeout_s=120)
    run.page_call(window.map_view, "setFilter", ["of_concern"], timeout_s=120)
    run.page_call(window.map_view, "setFilter", None, timeout_s=120)
    deadline = time.perf_counter() + 2
    while time.perf_counter() < deadline:  # let the page and the workers settle
        app.processEvents()
        time.sleep(0.05)
    peak_rss, peak_pss = watch.stop()
    settled = watch.current_pss()
    run.close_window(ledger, window)
    print(json.dumps({"peak_pss": peak_pss, "peak_rss": peak_rss, "settled_pss": settled}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
