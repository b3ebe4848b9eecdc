"""The floors of issue 17: what the machine and the libraries need at the least for the same work as the app.

Each floor is measured by bench.run in the same run, right beside the measurement it bounds:

- open: one raw SQL read of the households' positions from the encrypted ledger (sqlcipher3 directly,
  the same key), while an empty page loads in a QWebEngineView, then every point drawn on a bare
  ``<canvas>`` from a typed array;
- lists: one raw SQL read of the rows Steps II and III show (persons of concern, watch links, cards, contacts);
- search: one query on the search index alone (the FTS5 trigram table, or the character pairs);
- roster: openpyxl reading the file alone, plus one ``executemany`` of its rows;
- sheet: openpyxl's write-only mode writing the same cells;
- sync: a ``COPY`` of the same rows into PostgreSQL (bench/sync_bench.py finds the server).

Only raw drivers here (sqlcipher3 through ``connect_raw``, openpyxl, psycopg): none of the app's code
paths, so a floor does not move when the app's internals do.
"""

from __future__ import annotations

import base64
import os
import statistics
import time
from pathlib import Path

from app.core.text import fold
from app.models.engine import connect_raw
from app.models.search_index import TRIGRAM
from app.paths import ledger_path

PASSPHRASE_ENV = "SASAEAI_PASSPHRASE"
LAST_CHARACTER = "\U0010ffff"

CANVAS_PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">
<canvas id="c" width="1200" height="800"></canvas><script>
function draw(b64) {
  const bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const p = new Float32Array(bytes.buffer);
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < p.length; i += 2) {
    x0 = Math.min(x0, p[i]); x1 = Math.max(x1, p[i]); y0 = Math.min(y0, p[i + 1]); y1 = Math.max(y1, p[i + 1]);
  }
  const c = document.getElementById("c"), g = c.getContext("2d");
  const sx = c.width / ((x1 - x0) || 1), sy = c.height / ((y1 - y0) || 1);
  g.beginPath();
  for (let i = 0; i < p.length; i += 2) g.rect((p[i] - x0) * sx, c.height - (p[i + 1] - y0) * sy, 2, 2);
  g.fill();
  return p.length / 2;
}
</script></body></html>
"""


def raw(data_dir: Path):  # noqa: ANN201 - a sqlcipher3 connection to the ledger, with the bench's key
    """Opened and keyed: SQLCipher derives the key on the first read, which the app's open pays once too."""
    conn = connect_raw(ledger_path(data_dir), os.environ[PASSPHRASE_ENV])
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def open_floor(data_dir: Path, town_id, work: Path, wait_until, timeout_s: float) -> float:  # noqa: ANN001
    """Seconds: load an empty page, read every household's position, draw them all on a canvas."""
    import numpy as np
    import shiboken6
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    page = work / "canvas.html"
    page.write_text(CANVAS_PAGE, encoding="utf-8")
    view = QWebEngineView()
    view.resize(1200, 800)
    view.show()
    loaded: list[bool] = []
    drawn: list[object] = []
    view.loadFinished.connect(lambda ok: loaded.append(ok))
    try:
        t0 = time.perf_counter()
        view.load(QUrl.fromLocalFile(str(page)))  # loads while the positions are read, as the app's page does
        conn = raw(data_dir)
        try:
            rows = conn.execute("SELECT lon, lat FROM household WHERE town_id = ? AND deleted_at IS NULL "
                                "AND lat IS NOT NULL", (town_id.hex,)).fetchall()
        finally:
            conn.close()
        points = np.asarray(rows, dtype=np.float32).ravel()
        payload = base64.b64encode(points.tobytes()).decode("ascii")
        wait_until(lambda: bool(loaded), timeout_s, "canvas page load")
        view.page().runJavaScript(f"draw('{payload}')", 0, drawn.append)
        wait_until(lambda: bool(drawn), timeout_s, "canvas draw")
        seconds = time.perf_counter() - t0
    finally:
        view.close()
        shiboken6.delete(view)  # now, before WebEngine's default profile goes at exit
    if drawn[0] != len(rows):
        raise RuntimeError(f"the canvas drew {drawn[0]} points of {len(rows)}")
    return seconds


def lists_floor(data_dir: Path, town_id) -> float:  # noqa: ANN001
    """Seconds: one raw read of the rows Steps II and III show (persons of concern, their links, cards and contacts).

    The cards and contacts are read from their own tables (the bench's ledger holds one town): joined to their
    persons' households to find the town, SQLite went from the town's households through every member to the
    cards, 1.3 s at 50,000 households once the bench's city had cards, slower than the app's own read."""
    conn = raw(data_dir)
    try:
        t0 = time.perf_counter()
        town = town_id.hex
        conn.execute("SELECT p.* FROM person p JOIN household h ON h.id = p.household_id WHERE h.town_id = ? "
                     "AND p.of_concern AND p.deleted_at IS NULL AND h.deleted_at IS NULL", (town,)).fetchall()
        conn.execute("SELECT l.*, w.name, w.kana, w.phone FROM watch_link l JOIN watcher w ON w.id = l.watcher_id "
                     "WHERE w.town_id = ?", (town,)).fetchall()
        conn.execute("SELECT * FROM emergency_card WHERE deleted_at IS NULL").fetchall()
        conn.execute("SELECT * FROM emergency_contact WHERE deleted_at IS NULL").fetchall()
        return time.perf_counter() - t0
    finally:
        conn.close()


def search_floor(conn, query: str, runs: int = 1) -> float:  # noqa: ANN001 - a raw connection kept open by the caller
    """Seconds: the one index query the search needs (trigram for 3+ characters, the pairs below); the median
    of ``runs`` runs (it is often well under a millisecond, where one run is mostly noise)."""
    key = fold(query)
    if len(key) >= TRIGRAM:
        sql, params = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", ('"' + key.replace('"', '""') + '"',)
    elif len(key) == 2:
        sql, params = "SELECT entry_id FROM search_pair WHERE pair = ?", (key,)
    else:
        sql, params = ("SELECT DISTINCT entry_id FROM search_pair WHERE pair > ? AND pair <= ?",
                       (key, key + LAST_CHARACTER))
    times = []
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        conn.execute(sql, params).fetchall()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def roster_floor(data_dir: Path, roster: Path) -> float:
    """Seconds: openpyxl reading the roster alone, plus one executemany of its rows (rolled back)."""
    from openpyxl import load_workbook

    conn = raw(data_dir)
    try:
        t0 = time.perf_counter()
        wb = load_workbook(roster, read_only=True, data_only=True)
        try:
            rows = [tuple("" if v is None else str(v) for v in row[:8])
                    for row in wb.worksheets[0].iter_rows(min_row=2, values_only=True)]
        finally:
            wb.close()
        conn.execute("CREATE TEMP TABLE roster_floor (a, b, c, d, e, f, g, h)")
        conn.executemany("INSERT INTO roster_floor VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [row + ("",) * (8 - len(row)) for row in rows])
        seconds = time.perf_counter() - t0
        conn.rollback()
        return seconds
    finally:
        conn.close()


def sheet_floor(written: Path, work: Path) -> float:
    """Seconds: openpyxl's write-only mode writing the cells of a sheet the app wrote (read back untimed)."""
    from openpyxl import Workbook, load_workbook

    wb = load_workbook(written, read_only=True)
    try:
        sheets = [(ws.title, [tuple(row) for row in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()
    t0 = time.perf_counter()
    out = Workbook(write_only=True)
    for title, rows in sheets:
        ws = out.create_sheet(title)
        for row in rows:
            ws.append(row)
    out.save(work / "sheet-floor.xlsx")
    return time.perf_counter() - t0


def pg_url() -> str | None:
    """The PostgreSQL server bench/sync_bench.py would use, if one is reachable without starting one."""
    return os.environ.get("SASAEAI_TEST_PG_URL") or None


def sync_floor(data_dir: Path, url: str) -> float:
    """Seconds: a COPY of the ledger's households, persons, watchers and links into PostgreSQL temp tables."""
    import psycopg
    from sqlalchemy.engine import make_url

    tables = {"household": ("id", "town_id", "map_number", "address", "name", "lat", "lon", "search_key"),
              "person": ("id", "household_id", "name", "kana", "birth_date", "phone", "concerns", "search_key"),
              "watcher": ("id", "town_id", "name", "kana", "role", "search_key"),
              "watch_link": ("id", "person_id", "watcher_id", "involvement", "sort_order")}
    conn = raw(data_dir)
    pg = psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        t0 = time.perf_counter()
        for table, columns in tables.items():
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            pg.execute(f"CREATE TEMP TABLE floor_{table} ({', '.join(c + ' text' for c in columns)})")
            with pg.cursor().copy(f"COPY floor_{table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(["" if v is None else str(v) for v in row])
        pg.commit()
        return time.perf_counter() - t0
    finally:
        pg.close()
        conn.close()
