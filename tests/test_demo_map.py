"""Tests for the procedural demo base map (app.services.demo_map)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PIL import Image

from app.services.demo_map import DemoTownMap, Lot, draw_demo_town_map, find_cjk_font

NO_FONT = Path("/nonexistent/font.ttc")  # explicit path => no search => label-less map


def _min_distance(points: list[tuple[float, float]]) -> float:
    return min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:])


@pytest.fixture(scope="module")
def default_map(tmp_path_factory) -> tuple[Path, DemoTownMap]:
    out = tmp_path_factory.mktemp("demo") / "hidamari.png"
    return out, draw_demo_town_map(out)


def test_returns_dataclasses_with_requested_size(default_map):
    out, m = default_map
    assert isinstance(m, DemoTownMap)
    assert (m.width, m.height) == (1600, 1100)
    assert all(isinstance(lot, Lot) for lot in m.lots + m.places)
    assert len(m.places) == 2
    assert {p.block for p in m.places} == {"公民館", "サロン"}


def test_png_opens_at_size_and_is_small(default_map):
    out, _ = default_map
    with Image.open(out) as im:
        assert im.format == "PNG"
        assert im.size == (1600, 1100)
    assert out.stat().st_size < 1_500_000


def test_image_is_not_blank(default_map):
    out, _ = default_map
    with Image.open(out) as im:
        rgb = im.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50
    # the dominant colour must not cover (almost) everything
    assert max(n for n, _ in colours) < 0.8 * 1600 * 1100


def test_enough_lots_for_sixty_households(default_map):
    _, m = default_map
    assert len(m.lots) >= 80


def test_lots_inside_image_and_apart(default_map):
    _, m = default_map
    for p in m.lots + m.places:
        assert 0 < p.x < m.width
        assert 0 < p.y < m.height
        assert p.block
    pts = [(p.x, p.y) for p in m.lots + m.places]
    assert len(set(pts)) == len(pts)
    assert _min_distance(pts) >= 20.0


def test_coordinates_are_bottom_left_y_up(default_map):
    """The community hall sits just north of the 県道 (image upper half => y-up value > h/2)."""
    _, m = default_map
    hall = m.places[0]
    assert hall.block == "公民館"
    assert hall.y > m.height / 2


def test_deterministic_for_same_seed(tmp_path):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    ma = draw_demo_town_map(a, seed=3)
    mb = draw_demo_town_map(b, seed=3)
    assert ma == mb
    assert a.read_bytes() == b.read_bytes()


def test_different_seed_changes_layout(tmp_path):
    ma = draw_demo_town_map(tmp_path / "a.png", seed=1, font_path=NO_FONT)
    mb = draw_demo_town_map(tmp_path / "b.png", seed=2, font_path=NO_FONT)
    assert ma.lots != mb.lots


@pytest.mark.parametrize("seed", [0, 11, 42, 2024])
def test_other_seeds_are_valid(tmp_path, seed):
    m = draw_demo_town_map(tmp_path / "m.png", seed=seed, font_path=NO_FONT)
    assert len(m.lots) >= 80
    assert _min_distance([(p.x, p.y) for p in m.lots + m.places]) >= 20.0


def test_missing_font_still_draws_map(tmp_path):
    assert find_cjk_font(NO_FONT) is None
    out = tmp_path / "nofont.png"
    m = draw_demo_town_map(out, font_path=NO_FONT)
    with Image.open(out) as im:
        assert im.size == (1600, 1100)
        assert len(im.convert("RGB").getcolors(maxcolors=1 << 20)) > 50
    assert len(m.lots) >= 80


def test_non_font_file_is_treated_as_missing(tmp_path):
    bogus = tmp_path / "not_a_font.ttc"
    bogus.write_bytes(b"definitely not a font")
    assert find_cjk_font(bogus) is None
    m = draw_demo_town_map(tmp_path / "m.png", font_path=bogus)
    assert len(m.lots) >= 80


def test_labels_change_image_when_font_available(tmp_path):
    font = find_cjk_font()
    if font is None:
        pytest.skip("no Japanese font installed")
    with_text = tmp_path / "t.png"
    without = tmp_path / "n.png"
    m1 = draw_demo_town_map(with_text, font_path=font)
    m2 = draw_demo_town_map(without, font_path=NO_FONT)
    assert m1 == m2  # labels never move lots
    assert with_text.read_bytes() != without.read_bytes()


def test_scaled_output_size(tmp_path):
    out = tmp_path / "small.png"
    m = draw_demo_town_map(out, width=800, height=550, font_path=NO_FONT)
    with Image.open(out) as im:
        assert im.size == (800, 550)
    assert all(0 < p.x < 800 and 0 < p.y < 550 for p in m.lots)
