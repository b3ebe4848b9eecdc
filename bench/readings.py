"""Kana readings on real names: ``.venv/bin/python -m bench.readings [--no-write]`` (issue 13).

Compares the engine the app uses (app.core.japanese.suggest_kana: SudachiPy with sudachidict_core)
with pykakasi, the engine it used before (GPL-3.0, installed by the ``bench`` extra only), on names of
japanese-personal-name-dataset (MIT): the 300 most common surnames, the surnames ranked 1,001–1,200 by
population, and 200 given names. A reading is right when the engine's first suggestion equals the
dataset's reading after hiragana folding (app.core.text.fold). Prints the results and writes them
into the readings section of bench/RESULTS.md (``--no-write``: print only).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path

from app.core.text import fold
from bench.machine import cpu_name
from bench.sections import replace_section

RESULTS = Path(__file__).with_name("RESULTS.md")
START, END = "<!-- readings -->", "<!-- /readings -->"
GIVEN_PER_GENDER = 100


@dataclass(frozen=True)
class Sample:
    label: str
    names: list[tuple[str, str]]  # (name as written, the dataset's reading in hiragana)
    # Other readings the dataset gives the same spelling, also counted right (given names with several readings).
    also: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass
class Score:
    right: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (name, expected, suggested)


def samples() -> list[Sample]:
    from japanese_personal_name_dataset import load_dataset

    man, woman, last = load_dataset(include_last_names=True)
    # Surnames by estimated population (the file is already in that order; sorted() keeps ties as listed).
    ranked = sorted(last.items(), key=lambda item: -item[1]["count"])
    surnames = [(kanji, entry["reading"]) for kanji, entry in ranked]
    # Given names: a spelling is measured only when the whole dataset (both genders) gives it one reading,
    # so "the dataset's reading" is defined; drawn from the popular subsets, evenly spaced in 五十音 order.
    readings_of = defaultdict(set)
    for names in (man, woman):
        for reading, entry in names.items():
            for kanji in entry["kanji"]:
                readings_of[kanji].add(reading)
    man_popular, woman_popular = load_dataset(kind="opti")
    given: list[tuple[str, str]] = []
    any_spelling: list[tuple[str, str]] = []
    for popular in (man_popular, woman_popular):
        pairs = sorted((reading, kanji) for reading, entry in popular.items() for kanji in entry["kanji"])
        given += evenly(GIVEN_PER_GENDER, [(kanji, reading) for reading, kanji in pairs
                                           if len(readings_of[kanji]) == 1])
        any_spelling += evenly(GIVEN_PER_GENDER, [(kanji, reading) for reading, kanji in pairs])
    return [
        Sample("surnames ranked 1–300", surnames[:300]),
        Sample("surnames ranked 1,001–1,200", surnames[1000:1200]),
        Sample(f"given names ({GIVEN_PER_GENDER} male, {GIVEN_PER_GENDER} female)", given),
        Sample("given names, spellings with several readings too (any of them right)", any_spelling,
               {kanji: frozenset(readings_of[kanji]) for kanji, _reading in any_spelling}),
    ]


def evenly(count: int, items: list) -> list:
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def pykakasi_engine() -> Callable[[str], str]:
    """The reading the app suggested before the switch (its former app/core/japanese.py)."""
    import pykakasi

    kakasi = pykakasi.kakasi()
    return lambda name: "".join(part["hira"] for part in kakasi.convert(name))


def sudachi_engine() -> Callable[[str], str]:
    """The reading the app suggests now."""
    from app.core.japanese import suggest_kana

    return suggest_kana


ENGINES: dict[str, Callable[[], Callable[[str], str]]] = {
    "SudachiPy + sudachidict_core": sudachi_engine,
    "pykakasi": pykakasi_engine,
}


def measure(engine: Callable[[str], str], sample: Sample) -> tuple[Score, list[float]]:
    score, times = Score(), []
    for name, expected in sample.names:
        t0 = time.perf_counter()
        suggested = engine(name)
        times.append(time.perf_counter() - t0)
        if fold(suggested) in {fold(expected), *map(fold, sample.also.get(name, ()))}:
            score.right += 1
        else:
            score.misses.append((name, expected, suggested))
    return score, times


def first_suggestion_ms(make: Callable[[], Callable[[str], str]]) -> float:
    """Import, dictionary load and the first reading: what the first typed character waits for."""
    t0 = time.perf_counter()
    make()("山田")
    return (time.perf_counter() - t0) * 1000


def evict_sudachi_dictionary() -> bool:
    """Drop SudachiPy's dictionary file from the OS cache (Linux), so its first reading is timed cold."""
    import importlib.util

    spec = importlib.util.find_spec("sudachidict_core")
    if spec is None or spec.origin is None or not hasattr(os, "posix_fadvise"):
        return False
    fd = os.open(Path(spec.origin).parent / "resources" / "system.dic", os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    return True


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=RESULTS.parents[1], capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "app/core/japanese.py", "bench/readings.py")
    return head + (" plus uncommitted changes in the measured code" if dirty else "")


def run() -> tuple[list[Sample], dict[str, dict[str, Score]], dict[str, str]]:
    chosen = samples()
    scores: dict[str, dict[str, Score]] = {}
    timing: dict[str, str] = {}
    cold = evict_sudachi_dictionary()
    for label, make in ENGINES.items():
        try:
            first = first_suggestion_ms(make)
        except ImportError as e:
            print(f"{label}: not installed ({e.name}); pip install -e '.[bench]'")
            continue
        engine = make()
        scores[label] = {}
        per_name: list[float] = []
        for sample in chosen:
            scores[label][sample.label], times = measure(engine, sample)
            per_name += times
        state = ", its file evicted from the OS cache first" if cold and make is sudachi_engine else ""
        timing[label] = (f"first reading (import + dictionary load{state}) {first:.0f} ms, then "
                         f"{statistics.median(per_name) * 1000:.2f} ms a name (median)")
    return chosen, scores, timing


def table(chosen: list[Sample], scores: dict[str, dict[str, Score]]) -> list[str]:
    engines = list(scores)
    lines = ["| names | " + " | ".join(engines) + " |", "|---|" + "---:|" * len(engines)]
    for sample in chosen:
        cells = [f"{scores[e][sample.label].right}/{len(sample.names)} "
                 f"({scores[e][sample.label].right / len(sample.names):.0%})" for e in engines]
        lines.append(f"| {sample.label} | " + " | ".join(cells) + " |")
    total = sum(len(s.names) for s in chosen)
    lines.append(f"| all {total} | " + " | ".join(
        f"{sum(scores[e][s.label].right for s in chosen)}/{total}" for e in engines) + " |")
    return lines


def differences(chosen: list[Sample], scores: dict[str, dict[str, Score]], limit: int = 12) -> list[str]:
    """Names one engine reads right and the other does not (the first few of each way)."""
    if len(scores) != 2:
        return []
    a, b = scores
    lines = []
    for good, bad in ((a, b), (b, a)):
        only = [(name, expected, suggested) for s in chosen
                for name, expected, suggested in scores[bad][s.label].misses
                if name not in {m[0] for m in scores[good][s.label].misses}]
        shown = ", ".join(f"{name} {expected} (not {suggested})" for name, expected, suggested in only[:limit])
        lines.append(f"- right by {good} only ({len(only)}): {shown}{' …' if len(only) > limit else ''}")
    return lines


def section(chosen: list[Sample], scores: dict[str, dict[str, Score]], timing: dict[str, str]) -> str:
    versions = ", ".join(f"{d} {version(d)}" for d in
                         ("sudachipy", "sudachidict-core", "pykakasi", "japanese-personal-name-dataset"))
    lines = [START, "## Kana readings of real names", "",
             f"`python -m bench.readings` on {date.today().isoformat()} at commit `{commit()}`: {cpu_name()}, "
             f"{os.cpu_count()} cores, Python {platform.python_version()}; {versions}.", "",
             "Names and readings from japanese-personal-name-dataset: surnames by estimated population; given "
             f"names are {GIVEN_PER_GENDER} male and {GIVEN_PER_GENDER} female spellings of its popular subsets that "
             "the whole dataset reads one way only, evenly spaced in 五十音 order (the dataset lists every known "
             "spelling of a popular reading, so many are rare: 亜喜夫, 知賀等). The last row draws from all spellings "
             "of the popular subsets (和子, 博 included) and counts any reading the dataset gives the spelling. "
             "Right = the engine's first suggestion equals the dataset's reading after hiragana folding.", "",
             *table(chosen, scores), "",
             *(f"- {label}: {text}" for label, text in timing.items()),
             *differences(chosen, scores),
             "- The app suggests readings with SudachiPy (Apache-2.0; pykakasi is GPL-3.0 and is installed for this "
             "comparison only). Its dictionary is loaded once, on the first reading asked for: faster than "
             "pykakasi's first reading, which the member dialog waited for before, so it stays on the typing path.",
             END]
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    replace_section(RESULTS, START, END, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.readings", description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md as it is")
    args = parser.parse_args(argv)
    chosen, scores, timing = run()
    text = section(chosen, scores, timing)
    print(text)
    if not args.no_write:
        write(text)
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
