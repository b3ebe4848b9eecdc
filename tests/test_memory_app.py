"""The app process's memory (issue 17): freed large blocks go back to the system, and a town's household ids are
held once, compactly, by the map view and the window together; the page is believed about exactly the same
features as before."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import tracemalloc
import uuid
from pathlib import Path

import pytest

from app.maps.query import page_columns
from app.maps.view import EncodedFeatures, FeatureIds, FeatureKinds, MapView

REPO = Path(__file__).resolve().parents[1]
CITY = 50_000


def glibc() -> bool:
    import ctypes

    try:
        ctypes.CDLL(None).gnu_get_libc_version  # noqa: B018
    except (OSError, AttributeError):
        return False
    return sys.platform.startswith("linux")


# Blocks of a few megabytes are freed while small blocks made between them stay in use: what opening a city does
# (its rows, the page's message, Qt's copies). Prints how much of the freed memory the process still holds.
FREED_BLOCKS = textwrap.dedent("""
    import sys
    if sys.argv[1] == "app":
        from app.ui.app import prepare_webengine
        prepare_webengine()

    def anon_kb():
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("RssAnon:"))

    big = bytearray(16 << 20)  # a large block, freed: glibc's own rule then serves blocks up to 16 MB from its heap
    del big
    kept, blocks = [], []
    before = anon_kb()
    for _ in range(24):
        blocks.append(bytearray(2 << 20))
        kept.append(bytearray(4096))  # still in use after the large blocks are freed
    del blocks
    print(anon_kb() - before)
""")


def held_after_freeing(mode: str) -> float:
    done = subprocess.run([sys.executable, "-c", FREED_BLOCKS, mode], cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=True)
    return int(done.stdout.split()[-1]) / 1024


@pytest.mark.skipif(not glibc(), reason="glibc's heap (Linux): other systems' allocators give large blocks back")
def test_large_blocks_freed_after_the_apps_start_go_back_to_the_system():
    # GIVEN a process started as the app starts (prepare_webengine) WHEN it frees 48 MB of large blocks while
    # small blocks made between them stay in use THEN it holds almost none of those 48 MB
    assert held_after_freeing("app") < 8
    # (a plain process, glibc left as it is, keeps them: what the app kept before)
    assert held_after_freeing("plain") > 32


def city_ids(count: int = CITY) -> list[str]:
    return [str(uuid.UUID(int=(i * 0x9E3779B97F4A7C15_1234567) % (1 << 128), version=4)) for i in range(count)]


def city_features(ids: list[str]) -> dict:
    rows = [[fid, 136.0 + i * 1e-6, 35.9, i + 1, "", "", [], False, False] for i, fid in enumerate(ids)]
    return {"households": page_columns(rows), "features": [{"type": "Feature", "id": "place-1"}]}


def test_the_ids_of_a_city_are_found_as_in_a_set():
    ids = city_ids(2_000)
    held = FeatureIds("".join(ids))
    assert len(held) == 2_000 and sorted(held) == sorted(ids)
    assert all(i in held for i in ids)
    lettered = next(i for i in ids if i != i.upper())
    others = [*city_ids(2_100)[2_000:], lettered.upper(), ids[0][:-1], ids[0] + "0", "", "place-1", None, 7]
    assert not any(i in held for i in others)
    assert ids[5] in FeatureKinds(held, {"p": "place"}) and FeatureKinds(held)[ids[5]] == "household"


def test_a_citys_ids_are_held_once_in_under_a_third_of_a_set_of_strings(qtbot, tmp_path):
    # GIVEN a city's households read for the page
    ids = city_ids()
    features = city_features(ids)
    view = MapView(tmp_path)
    qtbot.addWidget(view)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        # WHEN they are encoded, the map view takes them and the window its kinds of features, and the message
        # is gone
        encoded = EncodedFeatures(features)
        view.set_features(encoded)
        kinds = FeatureKinds(encoded.household_ids, {"place-1": "place"})
        del encoded
        view.shutdown()  # drops the message queued for the page (no page here)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # THEN the ids take what one string of them does (36 bytes each, 1.8 MB), where the set of id strings
    # encoded, the map view's copy of it and the window's dict of them took 10 MB
    assert held < 2.5e6, f"{held / 1e6:.1f} MB held after the view took the ids"
    assert kinds[ids[123]] == "household" and kinds["place-1"] == "place"
    assert view.on_page(ids[CITY - 1]) and view.on_page("place-1")


def test_the_view_believes_the_page_about_exactly_the_features_it_was_sent(qtbot, tmp_path):
    ids = city_ids(100)
    view = MapView(tmp_path)
    qtbot.addWidget(view)
    clicks: list[str] = []
    view.feature_clicked.connect(clicks.append)
    view.set_features(city_features(ids[:50]))
    new, gone = ids[60], ids[10]
    view.upsert({"type": "Feature", "id": new, "geometry": {"type": "Point", "coordinates": [0, 0]},
                 "properties": {}})
    view.remove(gone)
    for fid in [ids[0], ids[49], "place-1", new, gone, ids[70], "place-2"]:
        view._on_feature_clicked(fid)
    assert clicks == [ids[0], ids[49], "place-1", new]
    assert [r.split("'")[1] for r in view.refused] == [gone, ids[70], "place-2"]
    view.upsert({"type": "Feature", "id": gone, "geometry": {"type": "Point", "coordinates": [0, 0]},
                 "properties": {}})
    view.remove(new)
    assert view.on_page(gone) and not view.on_page(new)
    # a new layer replaces all of it, changes included
    view.set_features(city_features(ids[50:]))
    assert [view.on_page(i) for i in (ids[0], gone, ids[99], new)] == [False, False, True, True]
    view.shutdown()
