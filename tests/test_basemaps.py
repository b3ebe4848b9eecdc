"""Choosing a town's base map: good files are taken in, bad ones leave the previous base map in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from app.core.errors import LedgerError
from app.core.views import Crs
from app.paths import basemap_dir
from app.towns import basemaps
from tests.conftest import MBTILES


@pytest.fixture
def town_image(tmp_path) -> Path:
    path = tmp_path / "住宅地図.png"
    Image.new("RGB", (640, 480), "#f4f1e8").save(path)
    return path


def data_dir(ledger) -> Path:
    return ledger.data_dir


def test_a_town_without_base_map_is_plain_and_geographic(ledger, town):
    with ledger.Session() as s:
        base = basemaps.base_map_of(s, data_dir(ledger), town.id)
    assert (base.kind, base.crs, base.path) == ("plain", Crs.GEO, None)


def test_image_is_copied_in_and_used_in_pixel_coordinates(ledger, town, town_image):
    with ledger.Session.begin() as s:
        base = basemaps.set_image_base_map(s, data_dir(ledger), town.id, town_image)
    assert base.kind == "image" and base.crs is Crs.PIXEL
    assert (base.width, base.height) == (640, 480)
    assert base.original_name == "住宅地図.png"
    assert base.path.parent == basemap_dir(data_dir(ledger))
    assert base.path.read_bytes() == town_image.read_bytes()
    town_image.unlink()  # the user may move or delete their file: the town keeps its copy
    with ledger.Session() as s:
        assert basemaps.base_map_of(s, data_dir(ledger), town.id).path.exists()


def test_real_raster_mbtiles_is_taken_with_its_zoom_range(ledger, town):
    with ledger.Session.begin() as s:
        base = basemaps.set_mbtiles_base_map(s, data_dir(ledger), town.id, MBTILES / "consbio_geography-class-png.mbtiles")
    assert base.kind == "mbtiles" and base.crs is Crs.GEO
    assert (base.min_zoom, base.max_zoom) == (0, 1)


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    not_image = tmp_path / "memo.png"
    not_image.write_text("これは画像ではありません", encoding="utf-8")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    real = (MBTILES / "consbio_geography-class-png.mbtiles").read_bytes()
    truncated = tmp_path / "half.mbtiles"
    truncated.write_bytes(real[: len(real) // 2])
    empty_tiles = tmp_path / "empty.mbtiles"
    empty_tiles.write_bytes(b"")
    return {"image:not an image": not_image, "image:empty": empty, "mbtiles:truncated": truncated,
            "mbtiles:empty": empty_tiles, "mbtiles:vector": MBTILES / "consbio_world_cities_vector.mbtiles"}


@pytest.mark.parametrize("case", ["image:not an image", "image:empty", "mbtiles:truncated", "mbtiles:empty",
                                  "mbtiles:vector"])
def test_bad_file_gives_a_clear_message_and_keeps_the_previous_base_map(ledger, town, town_image, tmp_path, case):
    # GIVEN a town drawn on a good image
    with ledger.Session.begin() as s:
        before = basemaps.set_image_base_map(s, data_dir(ledger), town.id, town_image)
    files_before = sorted(p.name for p in basemap_dir(data_dir(ledger)).iterdir())
    kind, _ = case.split(":")
    bad = _bad_files(tmp_path)[case]
    # WHEN a bad file is chosen
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        if kind == "image":
            basemaps.set_image_base_map(s, data_dir(ledger), town.id, bad)
        else:
            basemaps.set_mbtiles_base_map(s, data_dir(ledger), town.id, bad)
    # THEN the message names the file, and the town still has its old base map (no stray copy left)
    assert err.value.where == bad.name
    assert len(str(err.value)) > len(bad.name) + 10
    if case == "mbtiles:vector":
        assert "raster" in str(err.value)
    with ledger.Session() as s:
        assert basemaps.base_map_of(s, data_dir(ledger), town.id) == before
    assert sorted(p.name for p in basemap_dir(data_dir(ledger)).iterdir()) == files_before


def test_replaced_base_map_files_are_kept(ledger, town, town_image):
    with ledger.Session.begin() as s:
        first = basemaps.set_image_base_map(s, data_dir(ledger), town.id, town_image)
        basemaps.set_plain_base_map(s, data_dir(ledger), town.id)
    assert first.path.exists()
