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

TARGETS = {  # absolute, at 50,000 households, from issue 17
    "open → map ready": "< 1 s",
    "open → Steps II/III lists filled (in the background)": "< 1.5 s",
    "edit → map updated (add)": "< 30 ms",
    "edit → map updated (move)": "< 30 ms",
    "search (3+ chars)": "< 20 ms", "search (2 chars)": "< 20 ms", "search (1 char)": "< 20 ms",
    "search (3+ chars, no hit)": "< 20 ms", "search (2 chars, no hit)": "< 20 ms",
    "filter (page round trip)": "< 30 ms",
    "emergency sheet export (xlsx), 10,000 persons": "< 1.5 s",
    "roster import 10,000 rows (read + apply)": "< 3 s",
    "peak RSS (app + WebEngine)": "< 450 MB",
}


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

    def add_floor(self, name: str, seconds: float) -> None:
        self.floors.setdefault(name, []).append(seconds)

    def floor(self, name: str) -> float | None:
        values = self.floors.get(name)
        return statistics.median(values) if values else None

    def ratio(self, name: str) -> float | None:
        """The measurement ÷ its floor (medians of the same run)."""
        value, floor = self.median(name), self.floor(name)
        return value / floor if value is not None and floor else None

    def missed(self) -> list[str]:
        """The measurements over their floor target at this size."""
        return [name for name, target in RATIO_TARGETS.items() if (self.ratio(name) or 0) > target]

    def add(self, name: str, seconds: float) -> None:
        self.times.setdefault(name, []).append(seconds)

    def median(self, name: str) -> float | None:
        values = self.times.get(name)
        return statistics.median(values) if values else None




def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


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


ROWS = [
    "open → map ready", "open → Steps II/III lists filled (in the background)", "edit → map updated (add)", "edit → map updated (move)",
    "page alone: upsert one feature + round trip", "filter (page round trip)",
    "search (3+ chars)", "search (2 chars)", "search (1 char)", "search (3+ chars, no hit)", "search (2 chars, no hit)",
    "map layer: ORM list_households + feature_collection", "map layer: mapquery.town_features",
    "watch-network form export (xlsx)",
    "emergency sheet export (xlsx)", "emergency sheet export (xlsx), 10,000 persons",
    "roster read (preview)", "roster apply",
    "roster import 10,000 rows (read + apply)",
    "sync: first sync, laptop A sends the district",
    "naive: build folium page", "naive: load page", "naive: edit → page rebuilt",
]


FLOOR_NAMES = {
    "open → map ready": "raw read of the positions + empty page + canvas of the points",
    "open → Steps II/III lists filled (in the background)": "raw read of the same rows",
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
        cells = []
        for r in results:
            ratio = r.ratio(name)
            cells.append(fmt(r.median(name)) + " | " + (f"{ratio:.1f}×" if ratio is not None else ""))
        want = [TARGETS.get(name, "")] + ([f"≤ {RATIO_TARGETS[name]:.0f}× floor"] if name in RATIO_TARGETS else [])
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {'; '.join(w for w in want if w)} |")
    for name, (*_, target) in PEER_TARGETS.items():
        cells = [f"{x:.0f}× | " if (x := peer_ratio(r, name)) is not None else "— | " for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | ≥ {target:.0f}× at 10,000 |")
    layer_cells = []
    for r in results:
        ours, naive = r.median("page alone: upsert one feature + round trip"), r.median("naive: edit → page rebuilt")
        layer_cells.append((f"{naive / ours:.0f}×" if ours and naive else "—") + " | ")
    lines.append("| naive rebuild ÷ the map layer's upsert | " + " | ".join(layer_cells) + " | |")
    for key in ("fresh app: peak (open, lists, one edit, filter)", "fresh app: settled"):
        lines.append(f"| memory (PSS sum, app + WebEngine) of a {key} | " + " | ".join(
            (f"{r.memory[key]:.0f} MB" if r.memory.get(key) else "—") + " | " for r in results)
            + (f" | {TARGETS['peak RSS (app + WebEngine)']} |" if "peak" in key else " | |"))
    for phase, label in (("app", "the app phase (3 windows opened in turn, edits, filter)"),
                         ("services", "search, exports, roster import"), ("naive", "the naive folium page")):
        lines.append(f"| peak memory (PSS sum) during {label} | " + " | ".join(
            (f"{r.phase_pss[phase]:.0f} MB" if r.phase_pss.get(phase) else "—") + " | " for r in results) + " | |")
    lines.append("| peak memory, PSS sum over the whole size | " + " | ".join(
        (f"{r.peak_pss:.0f} MB" if r.peak_pss else "—") + " | " for r in results) + " | |")
    return "\n".join(lines)


def floor_table(results: list[SizeResult]) -> str:
    """The floors themselves, each measured beside its measurement."""
    lines = ["| floor of | what it is | " + " | ".join(f"{r.size:,}" for r in results) + " |",
             "|---|---|" + "---|" * len(results)]
    for name in ROWS:
        if not any(r.floor(name) for r in results):
            continue
        what = next((v for k, v in FLOOR_NAMES.items() if name.startswith(k)), "")
        lines.append(f"| {name} | {what} | " + " | ".join(fmt(r.floor(name)) for r in results) + " |")
    return "\n".join(lines)


def to_json(results: list[SizeResult]) -> list[dict]:
    """One object per measurement and size: value, its floor, their ratio and the ratio wanted."""
    out: list[dict] = []
    for r in results:
        for name in ROWS:
            value = r.median(name)
            if value is None:
                continue
            floor = r.floor(name)
            out.append({"name": name, "households": r.size, "value_ms": round(value * 1000, 3),
                        "floor_ms": round(floor * 1000, 3) if floor else None,
                        "ratio": round(value / floor, 3) if floor else None,
                        "target_ratio": RATIO_TARGETS.get(name), "target": "at most"})
        for name, (first, second, _ours, target) in PEER_TARGETS.items():
            ratio = peer_ratio(r, name)
            if ratio is None:
                continue
            naive = r.median(first) + (r.median(second) or 0 if second else 0)
            out.append({"name": name, "households": r.size, "value_ms": round(naive * 1000, 3), "floor_ms": None,
                        "ratio": round(ratio, 3), "target_ratio": target, "target": "at least"})
        for key, mb in [*r.memory.items(), *((f"peak PSS during the {k} phase", v) for k, v in r.phase_pss.items())]:
            if mb:
                out.append({"name": f"memory: {key}", "households": r.size, "value_mb": round(mb, 1),
                            "floor_ms": None, "ratio": None, "target_ratio": None, "target": "at most"})
    return out


def write_json(results: list[SizeResult], path: Path) -> None:
    path.write_text(json.dumps(to_json(results), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


PICTURE = ("open → map ready", "open → Steps II/III lists filled (in the background)", "search (2 chars)",
           "roster import 10,000 rows (read + apply)", "emergency sheet export (xlsx)")


def picture(results: list[SizeResult], path: Path) -> bool:
    """Cost against size on log axes: the main measurements (solid), their floors (dashed), the naive way."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # the bench extra is not installed
        return False
    fig, ax = plt.subplots(figsize=(9, 6), dpi=110)
    for i, name in enumerate(PICTURE):
        color = f"C{i}"
        for getter, style, label in ((RUN_MEDIAN, "-o", name), (RUN_FLOOR, "--", f"floor of {name}")):
            points = [(r.size, getter(r, name) * 1000) for r in results if getter(r, name)]
            if points:
                ax.plot(*zip(*points), style, color=color, label=label, alpha=1 if style == "-o" else 0.6)
    naive = [(r.size, r.median("naive: edit → page rebuilt") * 1000) for r in results
             if r.median("naive: edit → page rebuilt")]
    if naive:
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


def RUN_MEDIAN(r: SizeResult, name: str) -> float | None:  # noqa: N802 - used as a value in the picture's loop
    return r.median(name)


def RUN_FLOOR(r: SizeResult, name: str) -> float | None:  # noqa: N802
    return r.floor(name)


def missed_section(results: list[SizeResult]) -> list[str]:
    """Every target missed, with the profile taken of one more run of it."""
    out = ["## Targets missed", ""]
    for r in results:
        for name in r.missed():
            out.append(f"- **{name}** at {r.size:,} households: {r.ratio(name):.1f}× its floor "
                       f"(target ≤ {RATIO_TARGETS[name]:.0f}×); {fmt(r.median(name))} against {fmt(r.floor(name))}.")
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
           f"{repeat} runs (roster import: up to 2; the watch form and the naive page: up to 3); offscreen, one process. "
           "Each floor (what the machine and the libraries need at the least for the same work, bench/floors.py) is "
           "measured in the same run right beside its measurement; \"× floor\" is the measurement ÷ its floor.",
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
    """The ``<!-- name -->`` … ``<!-- /name -->`` blocks of the old results file, to write back after ours."""
    import re

    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    return ["", *(m.group(0) for m in re.finditer(r"<!-- (\w[\w-]*) -->.*?<!-- /\1 -->", text, re.S))]


