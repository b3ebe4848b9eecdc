"""The report of bench.run: the Markdown table with its "× floor" column, the same figures as JSON, the picture.

Kept apart from the measurements (bench/run.py) so either can change without the other.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from bench.machine import cpu_name

try:
    import psutil
except ImportError:  # the bench extra is not installed: memory is reported as unknown
    psutil = None

HERE = Path(__file__).resolve().parent

# Issue 17: each measurement within this many times its floor, measured in the same run.
RATIO_TARGETS = {
    "open → map ready": 2.0,
    "open → Steps II/III lists filled (in the background)": 2.0,
    "map ready → Steps II/III lists filled (the lists' own time)": 2.0,
    "search (3+ chars)": 2.0, "search (2 chars)": 2.0, "search (1 char)": 2.0,
    "search (3+ chars, no hit)": 2.0, "search (2 chars, no hit)": 2.0,
    "roster import 10,000 rows (read + apply)": 2.0,
    "emergency sheet export (xlsx)": 2.0, "emergency sheet export (xlsx), 10,000 persons": 2.0,
    "sync: first sync, laptop A sends the district": 3.0,
}
# The peer (issue 17): ratios that must be at least this large.
PEER_TARGETS = {
    "naive page (build + load) ÷ our open": ("naive: build folium page", "naive: load page", "open → map ready", 50.0),
    "naive rebuild ÷ our edit (whole MainWindow edit)": ("naive: edit → page rebuilt", None,
                                                          "edit → map updated (add)", 1000.0),
}

# A floor under this many seconds is not a denominator: a ratio to it is noise (0.3 ms against 0.1 ms is "3×").
# Such a floor (the median of many runs, bench/floors.py) is shown as "< 1 ms" beside its sub-ms figure, no
# ratio is given, and the measurement is judged on its absolute target alone (ABSOLUTE_MS), at every size.
FLOOR_MIN_S = 0.001
ABSOLUTE_MS = {  # absolute targets that hold at every size (issue 17: "under 20 ms for any query length")
    "search (3+ chars)": 20.0, "search (2 chars)": 20.0, "search (1 char)": 20.0,
    "search (3+ chars, no hit)": 20.0, "search (2 chars, no hit)": 20.0,
}

SHEET_PDF = "emergency sheet export (PDF)"
# Every card of the town, two to an A4 page, as the window's 「All cards…」 prints them (no target in issue 17: measured
# since a city's 7,729 cards took 53 s, stop 51).
CARDS_PDF = "emergency cards export (PDF, 2 a page)"
# The 気がかり filter turned on, then off, each timed until the map is repainted (a ping round trip paints first).
# Until the fifteenth round the bench timed the filter's call alone: its reply comes before the repaint, so the figure
# was mostly the wait for the untimed turn-off's repaint of every household before it.
FILTER_ON = "filter on (persons of concern) → map repainted"
FILTER_OFF = "filter off (every household) → map repainted"
# The first add after each open, a moment after the window's background reads have ended (a user clicks the map once
# it is drawn); the adds row times the later adds. Not judged: the 30 ms is for an edit; this row shows what
# the first one costs.
FIRST_ADD = "edit → map updated (the first add after an open)"
FRESH_PEAK = "fresh app: peak (open, lists, one edit, filter)"  # a key of SizeResult.memory

# Issue 17's absolute targets, at the size it names each for (seconds): over one is a miss, as over a ratio is.
SIZE_TARGETS_S = {
    50_000: {
        "open → map ready": 1.0, "open → Steps II/III lists filled (in the background)": 1.5,
        "edit → map updated (add)": 0.030, "edit → map updated (move)": 0.030, FILTER_ON: 0.030, FILTER_OFF: 0.030,
        "roster import 10,000 rows (read + apply)": 3.0, "emergency sheet export (xlsx), 10,000 persons": 1.5,
        "watch-network form export (xlsx)": 3.0, SHEET_PDF: 3.0,  # 7,729 persons of concern at 50,000
    },
    150_000: {"open → map ready": 2.0},
}
# The whole app with WebEngine (PSS sum of a fresh app's peak), MB: under 450 at 50,000, under 700 at 150,000.
MEMORY_TARGETS_MB = {50_000: 450.0, 150_000: 700.0}


def target_text(name: str) -> str:
    """The absolute targets of ``name`` for the table's last column: at every size, or at the sizes named."""
    if name in ABSOLUTE_MS:
        return f"< {ABSOLUTE_MS[name]:.0f} ms"
    at = [f"< {fmt_limit(limit)} at {size:,}" for size, limits in SIZE_TARGETS_S.items()
          if (limit := limits.get(name)) is not None]
    return ", ".join(at)


@dataclass
class SizeResult:
    size: int
    facts: dict[str, str] = field(default_factory=dict)
    times: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    peak_rss: float = 0.0
    peak_pss: float = 0.0
    phase_pss: dict[str, float] = field(default_factory=dict)  # peak PSS sum while each phase ran
    memory: dict[str, float] = field(default_factory=dict)  # PSS sums measured in a fresh app process
    floors: dict[str, list[float]] = field(default_factory=dict)  # seconds of the floor beside each measurement
    profiles: dict[str, str] = field(default_factory=dict)  # cProfile top entries of a missed target
    # per export: (peak RSS of the app process, its growth above the level just before the export), MB
    export_memory: dict[str, tuple[float, float]] = field(default_factory=dict)

    def add_floor(self, name: str, seconds: float) -> None:
        self.floors.setdefault(name, []).append(seconds)

    def floor(self, name: str) -> float | None:
        values = self.floors.get(name)
        return statistics.median(values) if values else None

    def ratio(self, name: str) -> float | None:
        """The measurement ÷ its floor (medians of the same run); None when the floor is under FLOOR_MIN_S."""
        value, floor = self.median(name), self.floor(name)
        return value / floor if value is not None and floor and floor >= FLOOR_MIN_S else None

    def floor_too_small(self, name: str) -> bool:
        floor = self.floor(name)
        return floor is not None and floor < FLOOR_MIN_S

    def judged_on(self, name: str) -> str | None:
        """How the target of ``name`` is judged at this size: "ratio" to its floor; "absolute" when its floor is
        under 1 ms and an absolute target exists, or when it has no ratio target but the issue names an absolute
        one for this size (the watch form under 3 s at 50,000); None when there is nothing to judge."""
        if self.median(name) is None:
            return None
        if name not in RATIO_TARGETS:
            return "absolute" if name in SIZE_TARGETS_S.get(self.size, {}) else None
        if self.floor_too_small(name):
            return "absolute" if name in ABSOLUTE_MS else None
        return "ratio" if self.ratio(name) is not None else None

    def missed(self) -> list[str]:
        """The measurements over their target at this size: over the ratio to their floor (or, where the floor
        is under 1 ms, over their absolute target), and over the absolute target the issue names for this size
        (the open under 1 s at 50,000); ``FRESH_PEAK`` when the app's memory is over its target here."""
        out = []
        for name, target in RATIO_TARGETS.items():
            how = self.judged_on(name)
            if how == "ratio" and self.ratio(name) > target:
                out.append(name)
            elif how == "absolute" and self.median(name) * 1000 > ABSOLUTE_MS[name]:
                out.append(name)
        out += [name for name in self.over_size_target() if name not in out]
        if (mb := self.memory.get(FRESH_PEAK)) and mb > MEMORY_TARGETS_MB.get(self.size, float("inf")):
            out.append(FRESH_PEAK)
        return out

    def over_size_target(self) -> list[str]:
        """The measurements over the absolute target the issue names for this size (none at other sizes)."""
        return [name for name, limit in SIZE_TARGETS_S.get(self.size, {}).items()
                if (value := self.median(name)) is not None and value > limit]

    def add(self, name: str, seconds: float) -> None:
        self.times.setdefault(name, []).append(seconds)

    def median(self, name: str) -> float | None:
        values = self.times.get(name)
        return statistics.median(values) if values else None




def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_limit(seconds: float) -> str:
    """A target as the issue writes it: 「1.5 s」, 「30 ms」."""
    return f"{seconds:g} s" if seconds >= 1 else f"{seconds * 1000:g} ms"


def fmt_floor(seconds: float | None) -> str:
    """A floor: under 1 ms with its sub-millisecond figure (the median of many runs), else as fmt."""
    if seconds is not None and seconds < FLOOR_MIN_S:
        return f"< 1 ms ({seconds * 1000:.2f} ms)"
    return fmt(seconds)


def ratio_cell(r: SizeResult, name: str) -> str:
    ratio = r.ratio(name)
    if ratio is not None:
        return f"{ratio:.1f}×"
    return "floor < 1 ms" if r.floor_too_small(name) and r.median(name) is not None else ""


def commit() -> str:
    """The commit measured (with a note when the working tree has changes in the measured code)."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=HERE.parent, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    # The results file itself is rewritten after every size: only code changes count.
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "app", "bench/*.py")
    return head + (" plus uncommitted changes in app/ or bench/*.py" if dirty else "")


def machine() -> dict[str, str]:
    import PySide6
    import sqlalchemy
    from PySide6.QtCore import qVersion

    cpu = cpu_name()
    ram = f"{psutil.virtual_memory().total / 2**30:.1f} GB" if psutil else "unknown"
    import sqlite3

    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpu": cpu, "cores": str(os.cpu_count()), "RAM": ram, "OS": platform.platform(),
        "Python": platform.python_version(), "PySide6 / Qt": f"{PySide6.__version__} / {qVersion()}",
        "SQLAlchemy": sqlalchemy.__version__, "SQLite": sqlite3.sqlite_version,
        "QPA": os.environ.get("QT_QPA_PLATFORM", ""),
    }


# When the window's background read of the Steps II/III lists ran, in seconds after the open (the same open as
# "lists filled"): a reader sees whether it overlaps the map's drawing or waits for it.
READ_STARTED = "open → background read of the lists started"
READ_ENDED = "open → background read of the lists ended"
# The lists' own time: from the map drawn to the lists filled. Its floor is the raw read of the same rows, while the
# floor of the whole span from the open (the row above it) is the open's floor plus that read: the span holds both.
LISTS_OWN = "map ready → Steps II/III lists filled (the lists' own time)"

ROWS = [
    "open → map ready", "open → Steps II/III lists filled (in the background)", LISTS_OWN, READ_STARTED, READ_ENDED,
    FIRST_ADD, "edit → map updated (add)", "edit → map updated (move)",
    "page alone: upsert one feature + round trip", FILTER_ON, FILTER_OFF,
    "search (3+ chars)", "search (2 chars)", "search (1 char)", "search (3+ chars, no hit)", "search (2 chars, no hit)",
    "map layer: ORM list_households + feature_collection", "map layer: mapquery.town_features",
    "watch-network form export (xlsx)",
    "emergency sheet export (xlsx)", "emergency sheet export (xlsx), 10,000 persons", SHEET_PDF, CARDS_PDF,
    "roster read (preview)", "roster apply",
    "roster import 10,000 rows (read + apply)",
    "sync: first sync, laptop A sends the district",
    "naive: build folium page", "naive: load page", "naive: edit → page rebuilt",
]


FLOOR_NAMES = {
    "open → map ready": "raw read of the positions + empty page + canvas of the points",
    "open → Steps II/III lists filled (in the background)": "the open's floor + raw read of the same rows",
    LISTS_OWN: "raw read of the same rows",
    "search": "one query on the index alone",
    "roster import 10,000 rows (read + apply)": "openpyxl reading the file + one executemany",
    "emergency sheet export": "openpyxl write-only, the same cells",
    "sync": "COPY of the same rows into PostgreSQL",
}


def peer_ratio(r: SizeResult, name: str) -> float | None:
    first, second, ours_name, _ = PEER_TARGETS[name]
    naive = r.median(first)
    if naive is not None and second is not None:
        more = r.median(second)
        naive = naive + more if more is not None else None
    ours = r.median(ours_name)
    return naive / ours if naive and ours else None


def table(results: list[SizeResult]) -> str:
    head = "| measurement | " + " | ".join(f"{r.size:,} households | × floor" for r in results) + " | target |"
    lines = [head, "|---" * (2 * len(results) + 2) + "|"]
    for name in ROWS:
        cells = [fmt(r.median(name)) + " | " + ratio_cell(r, name) for r in results]
        want = [target_text(name)] + ([f"≤ {RATIO_TARGETS[name]:.0f}× floor"] if name in RATIO_TARGETS else [])
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {'; '.join(w for w in want if w)} |")
    for name, (*_, target) in PEER_TARGETS.items():
        cells = [f"{x:.0f}× | " if (x := peer_ratio(r, name)) is not None else "— | " for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | ≥ {target:.0f}× at 10,000 |")
    for label, ours_name in (("our edit (move, whole MainWindow edit)", "edit → map updated (move)"),
                             ("the map layer's upsert", "page alone: upsert one feature + round trip")):
        cells = []
        for r in results:  # beside the target's row, for the reader: not judged
            ours, naive = r.median(ours_name), r.median("naive: edit → page rebuilt")
            cells.append((f"{naive / ours:.0f}×" if ours and naive else "—") + " | ")
        lines.append(f"| naive rebuild ÷ {label} | " + " | ".join(cells) + " | |")
    for key in (FRESH_PEAK, "fresh app: settled"):
        lines.append(f"| memory (PSS sum, app + WebEngine) of a {key} | " + " | ".join(
            (f"{r.memory[key]:.0f} MB" if r.memory.get(key) else "—") + " | " for r in results)
            + (" | " + ", ".join(f"< {mb:.0f} MB at {size:,}" for size, mb in MEMORY_TARGETS_MB.items()) + " |"
               if key == FRESH_PEAK else " | |"))
    lines.append("| memory (USS sum: pages no other process shares; steadier than PSS, not judged) of a fresh app: "
                 "settled | " + " | ".join((f"{r.memory[k]:.0f} MB" if r.memory.get(k := "fresh app: settled USS")
                                             else "—") + " | " for r in results) + " | |")
    for phase, label in (("app", "the app phase (3 windows opened in turn, edits, filter)"),
                         ("services", "search, exports, roster import"), ("naive", "the naive folium page")):
        lines.append(f"| peak memory (PSS sum) during {label} | " + " | ".join(
            (f"{r.phase_pss[phase]:.0f} MB" if r.phase_pss.get(phase) else "—") + " | " for r in results) + " | |")
    for name in EXPORTS:
        lines.append(f"| peak memory of the app process during the {name} (growth above its level before) | "
                     + " | ".join(export_cell(r, name) + " | " for r in results) + " | streams: flat in size |")
    lines.append("| peak memory, PSS sum over the whole size | " + " | ".join(
        (f"{r.peak_pss:.0f} MB" if r.peak_pss else "—") + " | " for r in results) + " | |")
    return "\n".join(lines)


def export_cell(r: SizeResult, name: str) -> str:
    if name not in r.export_memory:
        return "—"
    peak, growth = r.export_memory[name]
    return f"{peak:.0f} MB (+{growth:.0f} MB)"


def floor_table(results: list[SizeResult]) -> str:
    """The floors themselves, each measured beside its measurement."""
    lines = ["| floor of | what it is | " + " | ".join(f"{r.size:,}" for r in results) + " |",
             "|---|---|" + "---|" * len(results)]
    for name in ROWS:
        if not any(r.floor(name) for r in results):
            continue
        what = next((v for k, v in FLOOR_NAMES.items() if name.startswith(k)), "")
        lines.append(f"| {name} | {what} | " + " | ".join(fmt_floor(r.floor(name)) for r in results) + " |")
    return "\n".join(lines)


def to_json(results: list[SizeResult]) -> list[dict]:
    """One object per measurement and size: value, its floor, their ratio and the ratio wanted."""
    out: list[dict] = []
    for r in results:
        for name in ROWS:
            value = r.median(name)
            if value is None:
                continue
            floor, ratio = r.floor(name), r.ratio(name)
            out.append({"name": name, "households": r.size, "value_ms": round(value * 1000, 3),
                        # fractional: a floor under 1 ms is kept to the microsecond, but gives no ratio
                        "floor_ms": round(floor * 1000, 3) if floor else None,
                        "ratio": round(ratio, 3) if ratio is not None else None,
                        "target_ratio": RATIO_TARGETS.get(name), "target": "at most",
                        "target_ms": ABSOLUTE_MS.get(name) or _ms(SIZE_TARGETS_S.get(r.size, {}).get(name)),
                        "judged_on": r.judged_on(name),
                        "missed": name in r.missed() if r.judged_on(name) else None})
        for name, (first, second, _ours, target) in PEER_TARGETS.items():
            ratio = peer_ratio(r, name)
            if ratio is None:
                continue
            naive = r.median(first) + (r.median(second) or 0 if second else 0)
            out.append({"name": name, "households": r.size, "value_ms": round(naive * 1000, 3), "floor_ms": None,
                        "ratio": round(ratio, 3), "target_ratio": target, "target": "at least"})
        for name, (peak, growth) in r.export_memory.items():
            out.append({"name": f"memory: app process during the {name}", "households": r.size,
                        "value_mb": round(peak, 1), "growth_mb": round(growth, 1), "floor_ms": None, "ratio": None,
                        "target_ratio": None, "target": "at most"})
        for key, mb in [*r.memory.items(), *((f"peak PSS during the {k} phase", v) for k, v in r.phase_pss.items())]:
            if mb:
                target_mb = MEMORY_TARGETS_MB.get(r.size) if key == FRESH_PEAK else None
                out.append({"name": f"memory: {key}", "households": r.size, "value_mb": round(mb, 1),
                            "floor_ms": None, "ratio": None, "target_ratio": None, "target": "at most",
                            "target_mb": target_mb, "missed": mb > target_mb if target_mb else None})
    return out


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 3)


def write_json(results: list[SizeResult], path: Path) -> None:
    path.write_text(json.dumps(to_json(results), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


EXPORTS = ("watch-network form export (xlsx)", "emergency sheet export (xlsx)",
           "emergency sheet export (xlsx), 10,000 persons", SHEET_PDF, CARDS_PDF)

PICTURE = ("open → map ready", "open → Steps II/III lists filled (in the background)", "search (2 chars)",
           "roster import 10,000 rows (read + apply)", "emergency sheet export (xlsx)")


def picture(results: list[SizeResult], path: Path, others: list[dict] | None = None) -> bool:
    """Cost against size on log axes: the main measurements (solid), their floors (dashed), the naive way.

    ``others``: figures of other runs as ``--json`` wrote them (the 150,000-household run, made apart with one
    repetition), drawn beside this run's; this run's figure wins for a size both have."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # the bench extra is not installed
        return False
    figures: dict[tuple[str, int], dict] = {}
    for row in [*(others or []), *to_json(results)]:
        if row.get("value_ms") is not None:
            figures[(row["name"], int(row["households"]))] = row

    def points(name: str, key: str) -> list[tuple[int, float]]:
        return sorted((size, row[key]) for (n, size), row in figures.items() if n == name and row.get(key))

    fig, ax = plt.subplots(figsize=(9, 6), dpi=110)
    for i, name in enumerate(PICTURE):
        for key, style, label in (("value_ms", "-o", name), ("floor_ms", "--", f"floor of {name}")):
            if found := points(name, key):
                ax.plot(*zip(*found), style, color=f"C{i}", label=label, alpha=1 if style == "-o" else 0.6)
    if naive := points("naive: edit → page rebuilt", "value_ms"):
        ax.plot(*zip(*naive), "-s", color="black", label="naive folium page: edit → page rebuilt")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("households in the town")
    ax.set_ylabel("milliseconds (median)")
    ax.set_title("Sasaeai Map: cost against size, and what the machine needs at the least")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def missed_section(results: list[SizeResult]) -> list[str]:
    """Every target missed, with the profile taken of one more run of it."""
    out = ["## Targets missed", ""]
    for r in results:
        over_size = r.over_size_target()
        for name in r.missed():
            if name == FRESH_PEAK:
                out.append(f"- **memory (PSS sum, app + WebEngine) of a {name}** at {r.size:,} households: "
                           f"{r.memory[name]:.0f} MB (target < {MEMORY_TARGETS_MB[r.size]:.0f} MB).")
                continue
            if name in over_size:
                limit = SIZE_TARGETS_S[r.size][name]
                ratio = (f"; {r.ratio(name):.1f}× its floor (target ≤ {RATIO_TARGETS[name]:.0f}×)"
                         if name in RATIO_TARGETS and r.ratio(name) is not None else "")
                out.append(f"- **{name}** at {r.size:,} households: {fmt(r.median(name))} (target < "
                           f"{fmt_limit(limit)} at this size){ratio}.")
            elif r.judged_on(name) == "absolute":
                out.append(f"- **{name}** at {r.size:,} households: {fmt(r.median(name))} (target < "
                           f"{ABSOLUTE_MS[name]:.0f} ms; its floor, {fmt_floor(r.floor(name))}, is too small for a "
                           "ratio).")
            else:
                out.append(f"- **{name}** at {r.size:,} households: {r.ratio(name):.1f}× its floor (target ≤ "
                           f"{RATIO_TARGETS[name]:.0f}×); {fmt(r.median(name))} against {fmt_floor(r.floor(name))}.")
            if name in r.profiles:
                out += ["", "  ```", *("  " + x for x in r.profiles[name].splitlines()), "  ```"]
        for name, (*_, target) in PEER_TARGETS.items():
            ratio = peer_ratio(r, name)
            if ratio is not None and ratio < target and r.size >= 10_000:
                out.append(f"- **{name}** at {r.size:,} households: {ratio:.0f}× (target ≥ {target:.0f}×).")
    if len(out) == 2:
        out.append("None.")
    return out


def write_results(results: list[SizeResult], info: dict[str, str], repeat: int, path: Path,  # noqa: PLR0913
                  shared: str = "", picture_file: Path | None = None) -> None:
    out = ["# Benchmark results", "",
           "Written by `.venv/bin/python -m bench.run` (issues 7 and 17). Every time is the median of "
           f"{repeat} runs (roster import and the cards: up to 2; the watch form, the sheet PDF and the naive page: up to 3); offscreen, one process. "
           "Each floor (what the machine and the libraries need at the least for the same work, bench/floors.py) is "
           "measured in the same run right beside its measurement; \"× floor\" is the measurement ÷ its floor. "
           "A floor under 1 ms (the search index queries, each the median of many runs) is shown as \"< 1 ms\" with "
           "its sub-millisecond figure and gives no ratio (a ratio to it is noise): that measurement is judged on its "
           "absolute target alone (search: < 20 ms at every size). The issue's other absolute targets are judged at "
           "the size it names each for (the last column says which): over one is a miss, listed with its profile "
           "like a ratio's. The first size is timed after one untimed "
           "warm-up (a window opened and closed, the floor's canvas page loaded), so one-off start-up costs of the "
           "process (WebEngine's profile and renderer, the font cache) are not counted in it. Each profile under "
           "\"Targets missed\" covers exactly the span timed, in one more repetition, with the bench's own frames "
           "left out. \"Lists filled\" counts from the open, so its floor is the open's floor plus the raw read of "
           "the lists' rows; the row below it, the lists' own time (from the map drawn to the lists filled), is held "
           "to the raw read alone. Below them, when the window's background read of those lists started and ended, "
           "counted from the same open: whether it overlaps the map's drawing or waits for it. A ledger kept from an "
           "earlier run (`--ledgers`) is put back as it was generated (what earlier runs added is gone) and "
           "measured only once its schema equals a freshly migrated ledger's (bench/schema.py). An edit and the "
           "filter are timed until the map is repainted. The exports' memory is the app process's peak (the "
           "kernel's high-water mark, reset just before each export) and its growth above the level before the "
           "export: an export that streams stays flat in size.",
           "", f"Measured at commit `{commit()}`.", ""]
    if shared:
        out += [f"**Indicative figures**: {shared}", ""]
    out += ["## Machine", ""]
    out += [f"- **{k}**: {v}" for k, v in info.items()]
    out += ["", "## Results", "", table(results), "", "## Floors", "", floor_table(results), ""]
    if picture_file is not None:
        out += [f"![cost against size]({picture_file.name})", ""]
    out += missed_section(results)
    out += ["", "## Ledgers", ""]
    for r in results:
        out.append(f"- **{r.size:,}**: " + "; ".join(f"{k}: {v}" for k, v in r.facts.items()))
        out += [f"  - note: {n}" for n in r.notes]
    notes_file = HERE / "NOTES.md"
    if notes_file.exists():
        out += ["", notes_file.read_text(encoding="utf-8").strip()]
    # Sections others append between markers (the sync benchmark's <!-- sync --> … <!-- /sync -->) are kept.
    out += kept_sections(path)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def kept_sections(path: Path) -> list[str]:
    """The ``<!-- name -->`` … ``<!-- /name -->`` blocks of the old results file, to write back after ours.

    A marker counts only on a line of its own (bench/sections.py ``BLOCK``): one quoted in prose (the notes copied
    in above) does not start a block.
    """
    from bench.sections import blocks

    if not path.exists():
        return []
    return ["", *blocks(path.read_text(encoding="utf-8"))]


