"""The printed town map's scale bar: a bar of the length its label says, with "0" over its left end and the
length over its right end (the label used to be written beside the "0", where it read as the bar's middle)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from app.maps.printing import MARGIN_MM, PrintOptions, _compose, _map_rect_mm

DPI = 150
PX_PER_MM = DPI / 25.4


def printed(metres_per_pixel: float) -> np.ndarray:
    """An A4 sheet (grey levels) of a blank geographic map whose page is 1,000 px wide."""
    options = PrintOptions(printed_on=date(2026, 4, 1))
    rect = _map_rect_mm(options)
    sheet = QImage(int(297 / 25.4 * DPI), int(210 / 25.4 * DPI), QImage.Format.Format_RGB32)
    blank = QImage(1000, 700, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    painter = QPainter(sheet)
    try:
        _compose(painter, PX_PER_MM, options, "支え合い福祉マップ", blank,
                 {"geographic": True, "metresPerPixel": metres_per_pixel, "page": [1000, 700],
                  "mapRect": [0, 0, 1000, 700]})
    finally:
        painter.end()
    assert rect.width() > 0
    bits = sheet.convertToFormat(QImage.Format.Format_Grayscale8)
    return np.frombuffer(bits.constBits(), np.uint8).reshape(bits.height(), bits.bytesPerLine())[:, :bits.width()].copy()


def bar_of(grey: np.ndarray) -> tuple[int, int, int]:
    """(row, first column, last column) of the scale bar: the longest dark run in the lower left quarter, inside
    the map's frame and ending there (the frame's own lines run on across the sheet)."""
    h, w = grey.shape
    inside = int((MARGIN_MM + 2) * PX_PER_MM)
    best = (0, 0, -1)
    for row in range(h // 2, h):
        dark = inside + np.flatnonzero(grey[row, inside: w // 2] < 80)
        whole = dark.size and dark[-1] - dark[0] + 1 == dark.size and dark[-1] < w // 2 - 1  # not a frame line
        if whole and dark.size > best[2] - best[1] + 1:
            best = (row, int(dark[0]), int(dark[-1]))
    assert best[2] > best[1], "no scale bar on the sheet"
    return best


@pytest.mark.parametrize(("metres_per_pixel", "metres"), [(0.5, 100.0), (3.0, 500.0), (12.0, 2000.0)])
def test_the_scale_bar_is_as_long_as_its_label_and_labelled_at_both_ends(qapp, metres_per_pixel, metres):
    grey = printed(metres_per_pixel)
    row, left, right = bar_of(grey)
    top = row - np.argmax(grey[row::-1, (left + right) // 2] >= 80) + 1  # the bar's top edge
    # A tick stands up at each end: the bar's ends are their middles.
    ticks = np.flatnonzero(grey[top - int(0.6 * PX_PER_MM), : grey.shape[1] // 2] < 80)
    ticks = ticks[ticks > (MARGIN_MM + 2) * PX_PER_MM]
    ends = [run.mean() for run in np.split(ticks, np.flatnonzero(np.diff(ticks) > 1) + 1) if run.size]
    assert len(ends) == 2, "a tick at each end of the bar"
    # The bar is ``metres`` long on the map: the page's 1,000 px stand for the map frame's width on paper.
    frame_mm = _map_rect_mm(PrintOptions()).width()
    metres_per_mm = metres_per_pixel * 1000 / frame_mm
    assert (ends[1] - ends[0]) / PX_PER_MM == pytest.approx(metres / metres_per_mm, abs=0.2)
    # The labels over it: the columns with ink in the band of text just above the ticks.
    inside = int((MARGIN_MM + 2) * PX_PER_MM)
    band = grey[row - int(8 * PX_PER_MM): top - int(1.8 * PX_PER_MM), inside: grey.shape[1] // 2]
    inked = inside + np.flatnonzero((band < 128).any(axis=0))
    runs = np.split(inked, np.flatnonzero(np.diff(inked) > 2 * PX_PER_MM) + 1)
    assert len(runs) == 2, "a label over each end and nothing between"
    zero, length = runs
    assert abs((zero[0] + zero[-1]) / 2 - ends[0]) < 1.5 * PX_PER_MM  # "0" over the left end
    assert abs((length[0] + length[-1]) / 2 - ends[1]) < 1.5 * PX_PER_MM  # the length over the right end
