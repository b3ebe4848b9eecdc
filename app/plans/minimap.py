"""The small map extract on a plan's page, drawn by our own code (no tiles, no network): the house, the
shelter, the straight line between them, a scale bar and a north arrow, in a local projection.

The projection is equirectangular about the midpoint (x = Δlon·cos φ₀·R, y = Δlat·R, in metres): over the
few kilometres between a house and its shelter it is true to well under one percent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.core.text import cell_baseline, wrapper_at

EARTH_RADIUS_M = 6_371_008.8
NICE_LENGTHS_M = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000)


@dataclass(frozen=True)
class Extract:
    """Where the two points land in a box (mm on the page), and the scale bar to draw under them."""

    home: tuple[float, float]
    shelter: tuple[float, float]
    mm_per_m: float
    bar_m: int

    @property
    def bar_mm(self) -> float:
        return self.bar_m * self.mm_per_m


def local_xy(lat: float, lon: float, lat0: float, lon0: float) -> tuple[float, float]:
    """Metres east and north of (lat0, lon0)."""
    k = math.pi / 180 * EARTH_RADIUS_M
    return (lon - lon0) * k * math.cos(math.radians(lat0)), (lat - lat0) * k


def fit(home: tuple[float, float], shelter: tuple[float, float], box: tuple[float, float, float, float]) -> Extract:
    """Place ``home`` and ``shelter`` (lat, lon) in ``box`` (x, y, w, h in mm, y down), north up, with a
    margin of a fifth of the box; the scale bar is the longest round length under a third of the width."""
    x, y, w, h = box
    lat0, lon0 = (home[0] + shelter[0]) / 2, (home[1] + shelter[1]) / 2
    hx, hy = local_xy(*home, lat0, lon0)
    sx, sy = local_xy(*shelter, lat0, lon0)
    span_x, span_y = max(abs(hx - sx), 1.0), max(abs(hy - sy), 1.0)
    scale = min(w * 0.6 / span_x, h * 0.6 / span_y)
    scale = min(scale, w * 0.6 / 50)  # at least 50 m across: two points metres apart are not blown up
    cx, cy = x + w / 2, y + h / 2

    def at(px: float, py: float) -> tuple[float, float]:
        return cx + px * scale, cy - py * scale  # north up: page y grows downward

    bar = next((n for n in reversed(NICE_LENGTHS_M) if n * scale <= w / 3), NICE_LENGTHS_M[0])
    return Extract(at(hx, hy), at(sx, sy), scale, bar)


def _label(pdf, text: str, at: tuple[float, float], other: tuple[float, float], box: tuple[float, float, float, float]  # noqa: ANN001
           ) -> None:
    """A point's name beside its symbol and inside the box: to the right, else to the left (a shelter east of the
    house, 「丹南総合公園（グラウンド部分）」, ran off the page), shrunk to the wider side when neither holds it
    (down to 6 pt, then broken over lines there); lifted above the symbol (below, if the line climbs) when the
    straight line to ``other`` would run through it (a shelter due east or west struck the names through)."""
    (px, py), (ox, oy), (x, _y, w, _h) = at, other, box
    right = x + w - 1 - (px + 4 + pdf.c_margin)  # from where the text starts to the box's edge
    left = px - 4 - (x + 1)
    size = given = pdf.font_size_pt
    while pdf.get_string_width(text) > max(right, left) and size > 6:
        size -= 0.5
        pdf.set_font_size(size)
    lines = [text] if pdf.get_string_width(text) <= max(right, left) else wrapper_at(pdf, size).lines(
        text, max(right, left))
    widest = max(pdf.get_string_width(line) for line in lines)
    to_right = widest <= right or right >= left
    start = px + 4 + pdf.c_margin if to_right else px - 4 - widest
    line_h = 5 if len(lines) == 1 else size * 0.45
    top = py - 3
    reach = 4 + pdf.c_margin + widest  # how far the name runs from the symbol
    if (ox > px) == to_right and abs(oy - py) * reach < 3 * abs(ox - px):  # the line runs through the name
        top = py - 2.5 - len(lines) * line_h if oy >= py else py + 2.5
    for n, line in enumerate(lines):
        pdf.text(start, cell_baseline(pdf, top + n * line_h, line_h), line)
    pdf.set_font_size(given)  # a name shrunk to fit leaves the next one its size


def draw(pdf, family: str, box: tuple[float, float, float, float],  # noqa: ANN001 - fpdf.FPDF
         home: tuple[float, float] | None, shelter: tuple[float, float] | None, shelter_name: str) -> bool:
    """Draw the extract in ``box``; without both positions, a framed note saying why. True when drawn."""
    x, y, w, h = box
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, w, h)
    pdf.set_font(family, size=9)
    if home is None or shelter is None:
        pdf.set_xy(x, y + h / 2 - 3)
        pdf.cell(w, 6, "地図なし（自宅または避難先の位置が緯度経度で登録されていません）", align="C")
        return False
    e = fit(home, shelter, box)
    pdf.set_draw_color(200, 0, 0)
    pdf.set_line_width(0.8)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.line(*e.home, *e.shelter)
    pdf.set_dash_pattern()
    pdf.set_line_width(0.3)
    pdf.set_draw_color(0, 0, 0)
    # The house: a square with a roof; the shelter: a green circle with a cross-bar (as the legend below).
    hx, hy = e.home
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(hx - 2.5, hy - 1, 5, 4, style="DF")
    pdf.polygon([(hx - 3.2, hy - 1), (hx, hy - 4), (hx + 3.2, hy - 1)], style="DF")
    sx, sy = e.shelter
    pdf.set_fill_color(0, 150, 70)
    pdf.circle(x=sx, y=sy, radius=2.8, style="DF")
    pdf.set_font(family, size=9)
    _label(pdf, "自宅", e.home, e.shelter, box)
    _label(pdf, shelter_name or "避難先", e.shelter, e.home, box)
    # North arrow, top right.
    nx, ny = x + w - 8, y + 4
    pdf.set_fill_color(0, 0, 0)
    pdf.polygon([(nx, ny), (nx - 2.5, ny + 7), (nx + 2.5, ny + 7)], style="DF")
    pdf.set_xy(nx - 3, ny + 7)
    pdf.cell(6, 4, "N", align="C")
    # Scale bar, bottom left.
    bx, by = x + 4, y + h - 5
    pdf.line(bx, by, bx + e.bar_mm, by)
    pdf.line(bx, by - 1.5, bx, by)
    pdf.line(bx + e.bar_mm, by - 1.5, bx + e.bar_mm, by)
    pdf.set_xy(bx, by - 5.5)
    pdf.cell(e.bar_mm + 20, 4, f"{e.bar_m} m" if e.bar_m < 1000 else f"{e.bar_m // 1000} km")
    pdf.set_xy(x + w - 62, y + h - 6)
    pdf.set_font(family, size=7)
    pdf.cell(60, 4, "直線距離の目安（道順ではありません）", align="R")
    return True
