"""Exposure of 50,000 households against 10,000 hazard polygons: ``.venv/bin/python -m bench.hazards [--no-write]``.

Target (issue 16): under 2 s. Builds a real encrypted ledger in a temporary folder: one town, 50,000 households
on a grid over Echizen, 10,000 flood and sediment polygons (A31a/A33 schema) imported through the streamed
importer; then times ``refresh_all`` three ways (every row written; nothing changed; 5,000 households moved),
the pure computation (``hazards_at``), and the import alone of 10,000 and 200,000 polygons (``--imports``).
Wall and CPU time both: the machine may be shared. Writes its section of bench/RESULTS.md unless --no-write.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
from shapely.geometry import box
from sqlalchemy import delete, insert, update

from app.hazards.exposure import hazards_at, load_zones, refresh_all
from app.hazards.importer import Extent, import_hazard
from app.models import Household, open_ledger, utcnow
from app.models.hazard import HouseholdExposure
from app.paths import ledger_path
from app.towns.towns import create_town
from bench.sections import replace_section
from tests.hazard_files import flood, sediment, write_geojson

RESULTS = Path(__file__).with_name("RESULTS.md")
START, END = "<!-- hazards -->", "<!-- /hazards -->"
WEST, SOUTH, EAST, NORTH = 136.10, 35.85, 136.25, 35.95


def _polygons(count: int, seed: int, make):  # noqa: ANN001 - flood or sediment of tests/hazard_files.py
    rng = np.random.default_rng(seed)
    for i in range(count):
        x, y = rng.uniform(WEST, EAST), rng.uniform(SOUTH, NORTH)
        size = rng.uniform(0.0005, 0.004)
        yield make(box(x, y, x + size, y + size), i)


def run(households: int = 50_000, polygons: int = 10_000, repeat: int = 3) -> dict[str, float]:
    os.environ.setdefault("SASAEAI_PASSPHRASE", "bench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floods = polygons * 2 // 3
        paths = [write_geojson(folder / "A31a-bench.geojson",
                               _polygons(floods, 16, lambda g, i: flood(g, i % 6 + 1))),
                 write_geojson(folder / "A33-bench.geojson",
                               _polygons(polygons - floods, 17, lambda g, i: sediment(g, i % 3 + 1, i % 2 + 1)))]
        ledger = open_ledger(ledger_path(folder / "data"))
        try:
            with ledger.Session.begin() as s:
                town = create_town(s, "ベンチ地区", "ベンチ町")
                side = int(households ** 0.5) + 1
                now = utcnow()
                rows = [{"id": uuid.uuid4(), "town_id": town.id, "map_number": i + 1, "address": "", "name": "",
                         "note": "", "lon": WEST + (EAST - WEST) * (i % side) / side,
                         "lat": SOUTH + (NORTH - SOUTH) * (i // side) / side, "position_approximate": False,
                         "search_key": "", "created_at": now, "updated_at": now} for i in range(households)]
                s.execute(insert(Household.__table__), rows)
            started = time.perf_counter()
            kept = 0
            for path in paths:
                with ledger.Session.begin() as s:
                    kept += import_hazard(s, path, extent=Extent(WEST - 0.01, SOUTH - 0.01, EAST + 0.01,
                                                                 NORTH + 0.01)).kept
            import_s = time.perf_counter() - started
            assert kept == polygons, kept
            timings: dict[str, list[tuple[float, float]]] = {"full": [], "refresh": [], "moved": [], "compute": []}

            def timed(name: str, work) -> object:  # noqa: ANN001
                wall, cpu = time.perf_counter(), time.process_time()
                out = work()
                timings[name].append((time.perf_counter() - wall, time.process_time() - cpu))
                return out

            lons = np.array([r["lon"] for r in rows])
            lats = np.array([r["lat"] for r in rows])
            for k in range(repeat):
                with ledger.Session.begin() as s:  # every row written: the first computation
                    s.execute(delete(HouseholdExposure))
                    timed("full", lambda: refresh_all(s))  # noqa: B023
                with ledger.Session.begin() as s:  # nothing changed: every row compared, none written
                    timed("refresh", lambda: refresh_all(s))  # noqa: B023
                with ledger.Session.begin() as s:  # 5,000 households moved by 300 m: their rows rewritten
                    s.execute(update(Household).where(Household.map_number % 10 == k).values(lon=Household.lon + 0.0033))
                    timed("moved", lambda: refresh_all(s))  # noqa: B023
                with ledger.Session() as s:
                    found = timed("compute", lambda: hazards_at(  # noqa: B023
                        load_zones(s, WEST - 1, SOUTH - 1, EAST + 1, NORTH + 1), lons, lats))  # noqa: B023
            exposed = int(np.count_nonzero(found.flood_rank) + np.count_nonzero(found.sediment_class))
        finally:
            ledger.close()
    out: dict = {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
                 for name, t in timings.items()}
    return {**out, "import": import_s, "exposed": exposed, "households": households, "polygons": polygons}


def import_alone(polygons: int) -> tuple[float, float]:
    """Wall and CPU seconds to import ``polygons`` flood polygons (one GeoJSON file) into a ledger of 100
    households: the reader and the batched inserts, the exposure refresh a small part."""
    os.environ.setdefault("SASAEAI_PASSPHRASE", "bench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_geojson(folder / "A31a-many.geojson", _polygons(polygons, 18, lambda g, i: flood(g, i % 6 + 1)))
        ledger = open_ledger(ledger_path(folder / "data"))
        try:
            with ledger.Session.begin() as s:
                town = create_town(s, "ベンチ地区", "ベンチ町")
                now = utcnow()
                s.execute(insert(Household.__table__), [
                    {"id": uuid.uuid4(), "town_id": town.id, "map_number": i + 1, "address": "", "name": "",
                     "note": "", "lon": WEST + (EAST - WEST) * i / 100, "lat": SOUTH + (NORTH - SOUTH) * i / 100,
                     "position_approximate": False, "search_key": "", "created_at": now, "updated_at": now}
                    for i in range(100)])
            wall, cpu = time.perf_counter(), time.process_time()
            with ledger.Session.begin() as s:
                kept = import_hazard(s, path, extent=Extent(WEST - 0.01, SOUTH - 0.01, EAST + 0.01, NORTH + 0.01)).kept
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            assert kept == polygons, kept
        finally:
            ledger.close()
    return wall, cpu


def section(r: dict) -> str:
    def row(label: str, key: str, target: str = "") -> str:
        wall, cpu = r[key]
        return f"| {label} | {wall:.2f} s | {cpu:.2f} s | {target} |"

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        START,
        "## Hazard exposure (issue 16)",
        "",
        f"Written by `.venv/bin/python -m bench.hazards`: {r['households']:,} households on a grid over Echizen, "
        f"{r['polygons']:,} generated flood and sediment polygons (A31a/A33 schema), median of 3. Wall time and the "
        f"process's CPU time: the machine is shared (load average {load:.1f} on {os.cpu_count()} cores when this "
        "ran): where the wall time exceeds the CPU time, other work had the cores, and the CPU time is what the "
        "code costs.",
        "",
        "| measurement | wall | CPU | target |",
        "|---|---|---|---|",
        row("`refresh_all`, every row written (the first computation: load zones, STRtree, insert 50,000 rows)",
            "full", "< 2 s"),
        row("`refresh_all`, nothing changed (every household compared with its stored row, none written)",
            "refresh", "< 2 s"),
        row("`refresh_all` after 5,000 households moved 300 m (their rows rewritten)", "moved", "< 2 s"),
        row("the computation alone (`load_zones` + `hazards_at`)", "compute"),
        f"| import of the {r['polygons']:,} polygons (two GeoJSON files, streamed, each followed by `refresh_all`) "
        f"| {r['import']:.1f} s |  |  |",
    ]
    for count, (wall, cpu) in sorted(r.get("imports", {}).items()):
        lines.append(f"| import of {count:,} flood polygons (one GeoJSON file, 100 households) | {wall:.1f} s "
                     f"| {cpu:.1f} s | well within a minute |")
    lines += [
        "",
        f"{r['exposed']:,} household–hazard hits. `refresh_all` reads every household beside its stored row in one "
        "query and writes only the rows whose values changed, through one DBAPI executemany of plain tuples, with "
        "SQLite's page cache raised to 64 MB for the duration (the encrypted pages are then decrypted once, not at "
        "each pass; with the default 8 MB the same refresh cost about twice the CPU); the GIS reader builds each "
        "feature with `ijson.items` in the C backend (yajl2_c), polygons straight to GEOS, and the zones go in by "
        "DBAPI executemany, 2,000 a batch, their WKB made for the whole batch at once.",
        END,
    ]
    return "\n".join(lines)


def write(text: str) -> None:
    replace_section(RESULTS, START, END, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--imports", default="10000,200000", help="polygon counts of the import-alone runs")
    args = parser.parse_args()
    result = run()
    result["imports"] = {int(n): import_alone(int(n)) for n in args.imports.split(",") if n}
    text = section(result)
    print(text)
    if not args.no_write:
        write(text)


if __name__ == "__main__":
    main()
