"""`sasaeai-map --demo --screenshot`: with no network at all, the saved PNG shows the map with its symbols."""

from __future__ import annotations

import os
import shutil

from PIL import Image

from tests.conftest import run_app

CONCERN_RED = (0xD6, 0x27, 0x28)
ELDERLY_BLUE = (0x1F, 0x77, 0xB4)


def near(pixel, colour, tolerance=18) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_screenshot_without_network_shows_the_demo_map_with_markers(tmp_path):
    # `unshare -n` (we run as root in CI) gives the app a network namespace with no network at all.
    assert os.geteuid() == 0 and shutil.which("unshare"), "this test needs root and unshare to cut the network"
    out = tmp_path / "window.png"
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_app("--demo", "--screenshot", str(out), prefix=("unshare", "-n"), env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr[-2000:]
    # The demo ledger and the map page were made in the temporary folder and went with the app.
    assert sorted(p.name for p in temp.glob("sasaeai-*")) == []
    image = Image.open(out).convert("RGB")
    width, height = image.size
    assert width >= 1000 and height >= 700
    # The map sits on the left; sample it and count symbol colours.
    raw = image.crop((0, 60, int(width * 0.68), height - 30)).tobytes()
    pixels = list(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))
    red = sum(near(p, CONCERN_RED) for p in pixels)
    blue = sum(near(p, ELDERLY_BLUE) for p in pixels)
    assert red > 2000, f"households of concern should stand out in red, found {red} px"
    assert blue > 500, f"single elderly households should be drawn in blue, found {blue} px"
    # Not an error page or a blank view: many distinct colours (the town map, symbols, legend).
    assert len(set(pixels[::7])) > 500
