"""Memory of the whole app as a user runs it: a fresh process (this one) with its WebEngine processes.

``python -m bench.app_memory DATA_DIR [--detail] [--tracemalloc]`` opens the ledger's town in the real window,
waits until the map is drawn and Steps II/III are filled in, adds a household, filters the map, then prints one
JSON line: the peak PSS, USS and RSS summed over the process tree while it ran, the PSS and USS once settled split
by kind of process (the app itself with WebEngine's browser side and GPU thread, the renderer, the zygotes, any
utility process), the app's share once glibc has given its free heap back, and the Chromium flags in force.

PSS (proportional set size) is the judged figure: each shared page is shared out among the processes mapping it,
so the sum over the tree is what the app holds, but the Qt, Chromium and Python libraries' share moves with what
else runs on the machine (±100 MB on a shared machine). USS (unique set size: pages only that process maps) leaves
the shared pages out altogether: a lower bound that moves far less, so two runs' USS compare where their PSS
does not. A change that shrinks the app's own memory shows in both. Yet USS moves too: a library page another
program on the machine maps (another copy of Qt, a test run beside it) is no longer unique. The anonymous memory
(``RssAnon``: heaps, V8's heap, not a page of a file) belongs to the app whatever else runs: ``settled_anon``, by
kind of process, is the figure to compare two versions by on a shared machine (Linux only; a library's own code
and data pages, e.g. numpy's, are not in it: those show in PSS and USS).
Beside the memory, the seconds to the map drawn and the lists filled and each kind of process's CPU seconds: a
change that saves memory must not cost time, and CPU time is the steadier of the two on a shared machine.
``--detail`` adds the split after the open and each process's PSS by mapped file; ``--tracemalloc`` the Python
heap's largest allocations after the open (tracemalloc itself costs memory and time: never in the figures
``bench.run`` keeps). ``bench.run`` calls it for each size, so earlier sizes and repeated windows do not count.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import bench.run as run  # sets the offscreen/WebEngine environment before Qt starts
from app.core.views import Crs, MapPoint
from bench.generate import CENTER

TRACEMALLOC_TOP = 15
# Imported only by the work that needs them (issue 17): which of them the run loaded is printed beside the figures.
LAZY_MODULES = ("numpy", "shapely", "shapefile", "openpyxl", "folium")


def process_kind(cmdline: list[str]) -> str:
    """'app' for this process, else the Chromium ``--type=`` of a WebEngine child (renderer, gpu-process...)."""
    for arg in cmdline:
        if arg.startswith("--type="):
            kind = arg.split("=", 1)[1]
            if kind == "utility":  # utility processes say which service they run
                service = next((a.split("=", 1)[1] for a in cmdline if a.startswith("--utility-sub-type=")), "")
                return f"utility:{service.rsplit('.', 1)[-1]}" if service else kind
            return kind
    return "app"


def pss_by_mapping(pid: int, top: int = 8) -> dict[str, float]:
    """The largest parts of one process's PSS in MB, by mapped file (anonymous memory as '[anon]')."""
    split: dict[str, float] = {}
    name = "[anon]"
    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                head = line.split(None, 5)
                if len(head) >= 5 and "-" in head[0] and not head[0].endswith(":"):
                    name = Path(head[5].strip()).name if len(head) == 6 and head[5].strip() else "[anon]"
                    if name.startswith("memfd:") or name.startswith("[anon:") or name in ("[heap]", "[stack]"):
                        name = "[anon]"
                elif line.startswith("Pss:"):
                    split[name] = split.get(name, 0.0) + int(line.split()[1]) / 1024
    except OSError:
        return {}
    return {k: round(v, 1) for k, v in sorted(split.items(), key=lambda kv: -kv[1])[:top]}


def kind_of(p, root) -> str:  # noqa: ANN001 - psutil.Process
    """The kind of process ``p`` in the tree of ``root`` (this process: 'app')."""
    if p.pid == root.pid:
        return "app"
    kind = process_kind(p.cmdline())
    if kind == "zygote" and process_kind(p.parent().cmdline()) == "zygote":
        return "renderer"  # forked by the zygote, it keeps the zygote's command line
    return kind


def memory_by_kind(proc, field: str = "pss") -> dict[str, float]:  # noqa: ANN001 - psutil.Process
    """PSS (or ``field``: "uss") in MB of this process and each kind of child process right now."""
    import psutil

    split: dict[str, float] = {}
    for p in [proc, *proc.children(recursive=True)]:
        try:
            kind = kind_of(p, proc)
            split[kind] = split.get(kind, 0.0) + getattr(p.memory_full_info(), field, 0) / 2**20
        except psutil.Error:
            pass
    return {k: round(v, 1) for k, v in sorted(split.items())}


def anon_mb(pid: int) -> float | None:
    """The process's resident anonymous memory in MB (``RssAnon``, Linux); None where there is no such figure."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def anon_by_kind(proc) -> dict[str, float]:  # noqa: ANN001 - psutil.Process
    """Resident anonymous memory in MB of this process and each kind of child process right now (Linux)."""
    import psutil

    split: dict[str, float] = {}
    for p in [proc, *proc.children(recursive=True)]:
        try:
            kind = kind_of(p, proc)
        except psutil.Error:
            continue
        mb = anon_mb(p.pid)
        if mb is not None:
            split[kind] = split.get(kind, 0.0) + mb
    return {k: round(v, 1) for k, v in sorted(split.items())}


def cpu_by_kind(proc) -> dict[str, float]:  # noqa: ANN001 - psutil.Process
    """CPU seconds (user + system) so far of this process and each kind of child process: a change that saves
    memory must not cost the page or the app time (wall times are noise on a shared machine, CPU time less so)."""
    import psutil

    split: dict[str, float] = {}
    for p in [proc, *proc.children(recursive=True)]:
        try:
            kind, times = kind_of(p, proc), p.cpu_times()
        except psutil.Error:
            continue
        split[kind] = split.get(kind, 0.0) + times.user + times.system
    return {k: round(v, 2) for k, v in sorted(split.items())}


def pss_by_kind(proc) -> dict[str, float]:  # noqa: ANN001 - psutil.Process
    """PSS in MB of this process and each kind of child process right now."""
    return memory_by_kind(proc, "pss")


class Watch(run.MemoryWatch):
    """``run.MemoryWatch`` that keeps the peak USS too (from the same reading of each process's smaps)."""

    def __init__(self) -> None:
        super().__init__()
        self.peak_uss = 0.0

    def sample(self) -> None:
        if self.proc is None:
            return
        import psutil

        rss = pss = uss = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                full = p.memory_full_info()
                rss, pss, uss = rss + full.rss, pss + getattr(full, "pss", 0), uss + full.uss
            except psutil.Error:
                pass
        self.peak_rss = max(self.peak_rss, rss / 2**20)
        self.peak_pss = max(self.peak_pss, pss / 2**20)
        self.peak_uss = max(self.peak_uss, uss / 2**20)


def malloc_trim() -> bool:
    """Give the C heap's free pages back to the system (glibc only); False where there is no such call."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        if name and sys.platform.startswith("linux"):
            ctypes.CDLL(name).malloc_trim(0)
            return True
    except (OSError, AttributeError):  # not glibc
        pass
    return False


def main(argv: list[str]) -> int:
    detail, traced = "--detail" in argv, "--tracemalloc" in argv
    data_dir = Path(next(a for a in argv if not a.startswith("--")))
    if traced:
        import tracemalloc

        tracemalloc.start(8)
    from app.ui.app import forget_module_sources
    from app.ui.mainwindow import MainWindow  # noqa: F401 - the window's modules, imported before, as the app does

    forget_module_sources()  # as app.ui.app.run_gui does once the app's modules are imported
    app = run.QApplication.instance() or run.QApplication([sys.argv[0]])
    watch = Watch()
    watch.start()
    events: list[str] = []
    ledger, window, drawn, filled = run.open_window(data_dir, 900 if traced else 300, events=events)
    extra: dict = {}
    if traced:
        import gc

        gc.collect()
        snapshot = tracemalloc.take_snapshot()
        current, peak = tracemalloc.get_traced_memory()
        extra["python_heap_after_open"] = {"current_mb": round(current / 2**20, 1), "peak_mb": round(peak / 2**20, 1)}
        extra["python_top"] = [f"{s.size / 2**20:.1f} MB {s.count} blocks {s.traceback.format()[-1].strip()}"
                               for s in snapshot.statistics("traceback")[:TRACEMALLOC_TOP]]
    if detail and watch.proc is not None:
        extra["pss_after_open"] = pss_by_kind(watch.proc)
        extra["pss_by_mapping_after_open"] = {f"{kind_of(p, watch.proc)} {p.pid}":
                                              pss_by_mapping(p.pid)
                                              for p in [watch.proc, *watch.proc.children(recursive=True)]}
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
    split = pss_by_kind(watch.proc) if watch.proc is not None else {}
    split_uss = memory_by_kind(watch.proc, "uss") if watch.proc is not None else {}
    split_anon = anon_by_kind(watch.proc) if watch.proc is not None else {}
    # What of the app's own share is freed C heap not yet given back (an upper bound of what trimming saves).
    trimmed = pss_by_kind(watch.proc).get("app") if watch.proc is not None and malloc_trim() else None
    cpu = cpu_by_kind(watch.proc) if watch.proc is not None else {}
    run.close_window(ledger, window)
    print(json.dumps({"peak_pss": peak_pss, "peak_rss": peak_rss, "settled_pss": settled, "settled_by_process": split,
                      "peak_uss": round(watch.peak_uss, 1), "settled_uss": round(sum(split_uss.values()), 1),
                      "settled_uss_by_process": split_uss,
                      "settled_anon": round(sum(split_anon.values()), 1) if split_anon else None,
                      "settled_anon_by_process": split_anon, "app_after_malloc_trim": trimmed,
                      "drawn_s": round(drawn, 3), "filled_s": round(filled, 3), "cpu_s_by_process": cpu,
                      "lazy_modules_loaded": [m for m in LAZY_MODULES if m in sys.modules],
                      "chromium_flags": os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""),
                      "page_rebuilt": run.page_rebuilt(events), **extra},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
