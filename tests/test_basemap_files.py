"""Behaviour of base-map file checks and tile reading, against real MBTiles files where possible."""

from __future__ import annotations

import io
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from app.towns.basemap_files import (
    MAX_IMAGE_SIDE,
    BaseMapError,
    ImageInfo,
    MBTilesReader,
    inspect_image,
    inspect_mbtiles,
    sniff_mime,
)
from tests.conftest import MBTILES

PNG_VIEW_FILE = "consbio_geography-class-png.mbtiles"
ONE_TILE_FILE = "mbutil_one_tile.mbtiles"
VECTOR_FILE = "consbio_world_cities_vector.mbtiles"

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def real_file(name: str) -> Path:
    path = MBTILES / name
    if not path.is_file():
        pytest.fail(
            f"Sample map file {path} is missing: tests/data/mbtiles/ holds the real files these tests read."
        )
    return path


def tms_tile(path: Path, z: int, column: int, tms_row: int) -> bytes | None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, column, tms_row),
        ).fetchone()
    finally:
        conn.close()
    return None if row is None else bytes(row[0])


def make_mbtiles(
    path: Path, tiles: list[tuple[int, int, int, bytes]], metadata: dict[str, str]
) -> Path:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE metadata (name text, value text)")
        conn.execute(
            "CREATE TABLE tiles (zoom_level integer, tile_column integer, "
            "tile_row integer, tile_data blob)"
        )
        conn.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
        conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", tiles)
    conn.close()
    return path


def noisy_image(size: tuple[int, int] = (200, 150)) -> Image.Image:
    # Random pixels defeat compression, so cutting the file in half really loses pixel data.
    data = random.Random(0).randbytes(size[0] * size[1] * 3)
    return Image.frombytes("RGB", size, data)


def encoded(fmt: str, size: tuple[int, int] = (256, 256)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buf, fmt)
    return buf.getvalue()


# ----------------------------------------------------------------- real MBTiles files


def test_png_view_file_is_described_with_its_zoom_range_and_png_format() -> None:
    # GIVEN the TileMill export whose `tiles` is a VIEW over map/images and has no "format" key
    path = real_file(PNG_VIEW_FILE)
    # WHEN it is inspected
    info = inspect_mbtiles(path)
    # THEN zooms come from metadata, the format is sniffed as PNG, and blanks become None
    assert (info.min_zoom, info.max_zoom) == (0, 1)
    assert info.tile_format == "png"
    assert info.tile_count == 5
    assert info.name == "Geography Class"
    assert info.attribution is None
    assert info.bounds == pytest.approx((-180.0, -85.0511, 180.0, 85.0511))
    assert info.center == (0.0, 20.0, 0)


def test_png_view_file_serves_a_png_tile_that_pillow_can_open_at_zoom_0() -> None:
    # GIVEN a reader on the PNG view file
    with MBTilesReader(real_file(PNG_VIEW_FILE)) as reader:
        # WHEN the single world tile is requested
        data = reader.tile(0, 0, 0)
        mime = reader.mime_type
    # THEN PNG bytes come back, labelled image/png, and decode to a 256-pixel tile
    assert mime == "image/png"
    assert data is not None and data.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        assert im.format == "PNG"
        assert im.size == (256, 256)


def test_reader_flips_slippy_y_into_the_tms_row_stored_in_the_file() -> None:
    # GIVEN the PNG view file, whose four zoom-1 tiles are all different
    path = real_file(PNG_VIEW_FILE)
    assert tms_tile(path, 1, 0, 0) != tms_tile(path, 1, 0, 1), "sample tiles must differ"
    with MBTilesReader(path) as reader:
        for x in (0, 1):
            for y in (0, 1):
                # WHEN tile z=1/x/y is asked for in XYZ numbering
                served = reader.tile(1, x, y)
                # THEN it is the tile stored at TMS row 2**1 - 1 - y, not row y
                assert served is not None
                assert served == tms_tile(path, 1, x, 1 - y)
                assert served != tms_tile(path, 1, x, y)


def test_reader_returns_none_for_tiles_outside_the_file_or_the_world() -> None:
    # GIVEN a reader on a file that only goes to zoom 1
    with MBTilesReader(real_file(PNG_VIEW_FILE)) as reader:
        # WHEN tiles beyond its zooms or outside the tile grid are requested
        # THEN there is simply no tile
        assert reader.tile(5, 0, 0) is None
        assert reader.tile(1, 2, 0) is None
        assert reader.tile(1, 0, 2) is None
        assert reader.tile(-1, 0, 0) is None
        assert reader.tile(0, 0, 0) is not None  # sanity: the grid check is not over-eager


def test_tiny_one_tile_file_is_described_and_read() -> None:
    # GIVEN the tiny mbutil sample (two tiles, no "format" and no "center" in metadata)
    path = real_file(ONE_TILE_FILE)
    # WHEN it is inspected and read
    info = inspect_mbtiles(path)
    with MBTilesReader(path) as reader:
        world = reader.tile(0, 0, 0)
        top_left = reader.tile(1, 0, 0)  # stored at TMS row 1
        bottom_left = reader.tile(1, 0, 1)  # TMS row 0 is not in the file
    # THEN the description and tiles match what the file holds
    assert info.tile_format == "png"
    assert info.tile_count == 2
    assert (info.min_zoom, info.max_zoom) == (0, 1)
    assert info.name == "shadowplay"
    assert info.center is None
    assert info.bounds == pytest.approx((-139.9219, 53.3309, -75.2344, 76.6798))
    assert world is not None and world.startswith(PNG_MAGIC)
    assert top_left is not None and top_left.startswith(PNG_MAGIC)
    assert bottom_left is None


def test_vector_file_is_refused_with_a_vector_versus_raster_message() -> None:
    # GIVEN the PBF (vector) sample
    path = real_file(VECTOR_FILE)
    # WHEN it is inspected or opened for reading
    # THEN both refuse, naming the file and explaining vector vs raster
    for attempt in (inspect_mbtiles, MBTilesReader):
        with pytest.raises(BaseMapError) as caught:
            attempt(path)
        message = str(caught.value).lower()
        assert "vector" in message and "raster" in message
        assert VECTOR_FILE in str(caught.value)
        assert caught.value.path == path


def test_vector_tiles_are_recognised_from_their_bytes_when_metadata_has_no_format(
    tmp_path: Path,
) -> None:
    # GIVEN a copy of the vector sample with its "format" metadata removed
    path = tmp_path / "unlabelled.mbtiles"
    shutil.copyfile(real_file(VECTOR_FILE), path)
    path.chmod(0o644)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM metadata WHERE name = 'format'")
    conn.close()
    # WHEN it is inspected
    # THEN the gzip-compressed tiles still give it away as vector
    with pytest.raises(BaseMapError, match="vector"):
        inspect_mbtiles(path)


def test_jpeg_tiles_are_recognised_from_their_bytes(tmp_path: Path) -> None:
    # GIVEN a minimal MBTiles of JPEG tiles whose metadata has no "format" or zoom keys
    path = make_mbtiles(
        tmp_path / "photo.mbtiles",
        [(2, 1, 1, encoded("JPEG")), (3, 2, 5, encoded("JPEG"))],
        {"name": "Photo"},
    )
    # WHEN it is inspected and read
    info = inspect_mbtiles(path)
    with MBTilesReader(path) as reader:
        mime = reader.mime_type
        tile = reader.tile(3, 2, 2**3 - 1 - 5)
    # THEN the format comes from the tile bytes and zooms from the tiles themselves
    assert info.tile_format == "jpeg"
    assert (info.min_zoom, info.max_zoom) == (2, 3)
    assert mime == "image/jpeg"
    assert tile is not None and sniff_mime(tile) == "image/jpeg"


def test_file_with_awkward_characters_in_its_name_opens(tmp_path: Path) -> None:
    # GIVEN a good file saved under a name with spaces, Japanese, "#", "?" and "%"
    path = tmp_path / "越前 町マップ #1?%20.mbtiles"
    shutil.copyfile(real_file(ONE_TILE_FILE), path)
    # WHEN it is inspected and read
    # THEN the name does not confuse the read-only database address
    assert inspect_mbtiles(path).tile_count == 2
    with MBTilesReader(path) as reader:
        assert reader.tile(0, 0, 0) is not None


# ----------------------------------------------------------------- broken MBTiles files


def test_truncated_copy_of_a_real_file_is_refused_as_damaged(tmp_path: Path) -> None:
    # GIVEN the first half of a real MBTiles file, as after an interrupted copy
    original = real_file(PNG_VIEW_FILE).read_bytes()
    path = tmp_path / "half.mbtiles"
    path.write_bytes(original[: len(original) // 2])
    # WHEN it is inspected or opened
    # THEN it is refused as damaged or incomplete, naming the file
    for attempt in (inspect_mbtiles, MBTilesReader):
        with pytest.raises(BaseMapError) as caught:
            attempt(path)
        assert "damaged or incomplete" in str(caught.value)
        assert "「half.mbtiles」" in str(caught.value)


def test_empty_mbtiles_file_is_refused_as_empty(tmp_path: Path) -> None:
    # GIVEN a zero-byte .mbtiles file
    path = tmp_path / "nothing.mbtiles"
    path.write_bytes(b"")
    # WHEN it is inspected
    # THEN the message says it is empty (SQLite alone would treat it as a new database)
    with pytest.raises(BaseMapError, match="「nothing.mbtiles」 is empty"):
        inspect_mbtiles(path)


def test_text_file_renamed_to_mbtiles_is_refused(tmp_path: Path) -> None:
    # GIVEN a text file with an .mbtiles name
    path = tmp_path / "notes.mbtiles"
    path.write_text("This is a shopping list, not a map.\n" * 20, encoding="utf-8")
    # WHEN it is inspected
    # THEN it is refused as not an MBTiles file
    with pytest.raises(BaseMapError, match="「notes.mbtiles」 is not an MBTiles map file"):
        inspect_mbtiles(path)


def test_database_without_a_tiles_table_is_refused(tmp_path: Path) -> None:
    # GIVEN an SQLite database that is something else entirely
    path = tmp_path / "addresses.mbtiles"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE metadata (name text, value text)")
        conn.execute("CREATE TABLE people (name text)")
    conn.close()
    # WHEN it is inspected
    # THEN it is refused because there is no tiles table
    with pytest.raises(BaseMapError, match="no “tiles” table"):
        inspect_mbtiles(path)


def test_database_without_metadata_is_refused(tmp_path: Path) -> None:
    # GIVEN a tiles table but no metadata table
    path = tmp_path / "bare.mbtiles"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "CREATE TABLE tiles (zoom_level integer, tile_column integer, "
            "tile_row integer, tile_data blob)"
        )
        conn.execute("INSERT INTO tiles VALUES (0, 0, 0, ?)", (encoded("PNG"),))
    conn.close()
    # WHEN it is inspected
    # THEN it is refused because there is no metadata table
    with pytest.raises(BaseMapError, match="no “metadata” table"):
        inspect_mbtiles(path)


def test_mbtiles_with_zero_tiles_is_refused(tmp_path: Path) -> None:
    # GIVEN a well-formed MBTiles with metadata but no tiles
    path = make_mbtiles(tmp_path / "blank.mbtiles", [], {"name": "Blank", "format": "png"})
    # WHEN it is inspected
    # THEN it is refused because there is nothing to show
    with pytest.raises(BaseMapError, match="contains no map tiles"):
        inspect_mbtiles(path)


def test_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    # GIVEN a path where no file exists
    path = tmp_path / "gone.mbtiles"
    # WHEN it is inspected
    # THEN the error names the file and carries its path
    with pytest.raises(BaseMapError, match="「gone.mbtiles」 could not be found") as caught:
        inspect_mbtiles(path)
    assert caught.value.path == path


def test_closed_reader_refuses_further_reads() -> None:
    # GIVEN a reader that has been closed (twice, which must be harmless)
    reader = MBTilesReader(real_file(ONE_TILE_FILE))
    reader.close()
    reader.close()
    # WHEN a tile is requested
    # THEN it is a programming error, not a silent blank tile
    with pytest.raises(ValueError, match="closed"):
        reader.tile(0, 0, 0)


# ----------------------------------------------------------------- pictures


@pytest.mark.parametrize(("pil_format", "suffix", "expected"), [
    ("PNG", ".png", "png"),
    ("JPEG", ".jpg", "jpeg"),
])
def test_valid_picture_is_accepted_with_its_size(
    tmp_path: Path, pil_format: str, suffix: str, expected: str
) -> None:
    # GIVEN a whole PNG or JPEG picture of 321 × 123 pixels
    path = tmp_path / f"town{suffix}"
    noisy_image((321, 123)).save(path, pil_format)
    # WHEN it is inspected
    # THEN its width, height and format are reported
    assert inspect_image(path) == ImageInfo(width=321, height=123, format=expected)


@pytest.mark.parametrize(("pil_format", "suffix"), [("PNG", ".png"), ("JPEG", ".jpg")])
def test_truncated_picture_is_refused_as_damaged(
    tmp_path: Path, pil_format: str, suffix: str
) -> None:
    # GIVEN the first half of a picture file, as after an interrupted copy
    buf = io.BytesIO()
    noisy_image().save(buf, pil_format)
    whole = buf.getvalue()
    path = tmp_path / f"town{suffix}"
    path.write_bytes(whole[: len(whole) // 2])
    # WHEN it is inspected
    # THEN it is refused as damaged, naming the file
    with pytest.raises(BaseMapError, match=f"「town{suffix}」 is damaged or incomplete"):
        inspect_image(path)


def test_gif_picture_is_refused_as_the_wrong_kind(tmp_path: Path) -> None:
    # GIVEN a perfectly good GIF
    path = tmp_path / "town.gif"
    Image.new("P", (40, 30)).save(path, "GIF")
    # WHEN it is inspected
    # THEN it is refused, saying it is a GIF and that PNG or JPEG is needed
    with pytest.raises(BaseMapError) as caught:
        inspect_image(path)
    assert "GIF" in str(caught.value)
    assert "PNG or JPEG" in str(caught.value)


def test_text_file_renamed_to_png_is_refused_as_not_a_picture(tmp_path: Path) -> None:
    # GIVEN a text file with a .png name
    path = tmp_path / "town.png"
    path.write_text("Not really a picture.\n", encoding="utf-8")
    # WHEN it is inspected
    # THEN it is refused as not a picture
    with pytest.raises(BaseMapError, match=r"「town.png」 is not a picture \(PNG or JPEG\)"):
        inspect_image(path)


def test_empty_picture_file_is_refused_as_empty(tmp_path: Path) -> None:
    # GIVEN a zero-byte .png file
    path = tmp_path / "town.png"
    path.write_bytes(b"")
    # WHEN it is inspected
    # THEN the message says it is empty
    with pytest.raises(BaseMapError, match="「town.png」 is empty"):
        inspect_image(path)


def test_absurdly_wide_picture_is_refused_as_too_large(tmp_path: Path) -> None:
    # GIVEN a PNG one pixel wider than the limit (one pixel high, so it stays small on disk)
    path = tmp_path / "strip.png"
    Image.new("L", (MAX_IMAGE_SIDE + 1, 1)).save(path, "PNG")
    # WHEN it is inspected
    # THEN it is refused as too large
    with pytest.raises(BaseMapError, match="too large"):
        inspect_image(path)


def test_picture_exactly_at_the_size_limit_is_accepted(tmp_path: Path) -> None:
    # GIVEN a PNG exactly at the side limit
    path = tmp_path / "strip.png"
    Image.new("L", (MAX_IMAGE_SIDE, 1)).save(path, "PNG")
    # WHEN it is inspected
    # THEN it is accepted
    assert inspect_image(path) == ImageInfo(width=MAX_IMAGE_SIDE, height=1, format="png")


# ----------------------------------------------------------------- sniffing


@pytest.mark.parametrize(("data", "expected"), [
    (encoded("PNG", (4, 4)), "image/png"),
    (encoded("JPEG", (4, 4)), "image/jpeg"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
    (b"\x1f\x8b\x08\x00rest", "application/gzip"),
    (b"GIF89a....", None),
    (b"", None),
])
def test_sniff_mime_recognises_tile_bytes(data: bytes, expected: str | None) -> None:
    # GIVEN the leading bytes of a tile WHEN sniffed THEN the matching MIME type (or None)
    assert sniff_mime(data) == expected
