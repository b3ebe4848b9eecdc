"""bench/RESULTS.md keeps the sections other runs wrote (the core city, sync, seventeen laptops…) when
`python -m bench.run --sizes 1000,10000,50000` rewrites it, and a background read's span shows beside "lists filled"."""

from __future__ import annotations

import pytest

CORE_CITY = """<!-- core-city -->
## A core city: 150,000 households (a separate run)

| measurement | 150,000 households | × floor | target |
|---|---|---|---|
| open → map ready | 3.70 s | 6.0× | < 1 s; ≤ 2× floor |
<!-- /core-city -->"""
SYNC = """<!-- sync -->
## Sync

A first sync: 31.6× a `COPY` floor. A line that quotes a marker, `<!-- seventeen -->`, inside prose.
<!-- /sync -->"""
SEVENTEEN = """<!-- seventeen -->
## Seventeen laptops at once

187 of 187 conflicts, no change lost.
<!-- /seventeen -->"""


def sized(size: int):  # noqa: ANN201
    from bench.report import LISTS_OWN, READ_ENDED, READ_STARTED, SizeResult

    r = SizeResult(size)
    r.add("open → map ready", 0.5 + size / 100_000)
    r.add_floor("open → map ready", 0.4)
    r.add("open → Steps II/III lists filled (in the background)", 1.0 + size / 20_000)
    r.add_floor("open → Steps II/III lists filled (in the background)", 0.4 + 0.2)
    r.add(LISTS_OWN, 1.0 + size / 20_000 - (0.5 + size / 100_000))
    r.add_floor(LISTS_OWN, 0.2)
    r.add(READ_STARTED, 0.6 + size / 100_000)
    r.add(READ_ENDED, 0.9 + size / 20_000)
    return r


@pytest.mark.timeout(60)
def test_a_run_of_three_sizes_keeps_every_kept_section_once_and_in_order(tmp_path):
    from bench.report import write_results
    from bench.sections import replace_section

    path = tmp_path / "RESULTS.md"
    path.write_text("# Benchmark results\n\nan older run's table, and notes that quote `<!-- core-city -->`.\n\n"
                    f"{CORE_CITY}\n{SYNC}\n{SEVENTEEN}\n", encoding="utf-8")
    results = [sized(n) for n in (1_000, 10_000, 50_000)]
    for done in range(1, 4):  # the file is written again after each size
        write_results(results[:done], {"cpu": "test"}, 3, path)
    text = path.read_text(encoding="utf-8")
    assert "| 50,000 households | × floor |" in text and "an older run's table" not in text
    for block in (CORE_CITY, SYNC, SEVENTEEN):
        assert text.count(block) == 1
    assert text.index(CORE_CITY) < text.index(SYNC) < text.index(SEVENTEEN)

    replace_section(path, "<!-- sync -->", "<!-- /sync -->", "<!-- sync -->\n## Sync\n\nnew figures\n<!-- /sync -->")
    text = path.read_text(encoding="utf-8")
    assert "new figures" in text and "31.6×" not in text
    assert text.count(CORE_CITY) == 1 and text.count(SEVENTEEN) == 1
    assert text.index(CORE_CITY) < text.index("new figures") < text.index(SEVENTEEN)


def test_the_lists_row_is_followed_by_their_own_time_and_when_the_background_read_ran():
    from bench.report import LISTS_OWN, READ_ENDED, READ_STARTED, table, to_json

    lines = table([sized(50_000)]).splitlines()
    names = [line.split(" | ")[0].lstrip("| ") for line in lines]
    lists = names.index("open → Steps II/III lists filled (in the background)")
    assert names[lists + 1:lists + 4] == [LISTS_OWN, READ_STARTED, READ_ENDED]
    # 3.5 s from the open against the open's floor plus the raw read (0.6 s); 2.5 s after the map against the read
    assert "3.50 s | 5.8×" in lines[lists] and "2.50 s | 12.5×" in lines[lists + 1]
    assert "1.10 s" in lines[lists + 2] and "3.40 s" in lines[lists + 3]
    rows = {row["name"]: row["value_ms"] for row in to_json([sized(50_000)])}
    assert rows[READ_STARTED] == 1100 and rows[READ_ENDED] == 3400
