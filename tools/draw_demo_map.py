"""Draw the demo town 「ひだまり町」's base map once, into the picture and layout the app ships.

    .venv/bin/python tools/draw_demo_map.py [--font FONT_FILE] [--out-dir FOLDER]

Writes ``hidamari-town.png`` (the map) and ``hidamari-town.json`` (its size and the lots and places
the demo seats its households and gathering places on) into ``resources/demo/``; commit both. The
app never draws the map: it copies that picture as the demo town's base map (app/demo/seed.py).

The labels are drawn with one named font, Noto Sans CJK JP from Debian's ``fonts-noto-cjk`` (which
./dev.sh installs), so the picture does not depend on whichever fonts a machine happens to have; give
another Japanese font file with ``--font``. Without a Japanese font it refuses to draw (exit status 2).
The font never moves a lot: the layout is the same whichever font draws the labels.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's app/, whichever copy is installed

from demo_map_drawing import JapaneseFont, NotJapaneseFont, draw_demo_town_map, japanese_font  # noqa: E402

from app.demo.map import MAP_IMAGE, MAP_LAYOUT, DemoTownMap  # noqa: E402

DEFAULT_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian: fonts-noto-cjk
DEFAULT_OUT = REPO / "resources" / "demo"
MAP_SEED = 7
MAP_SIZE = (1600, 1100)
# A 256-colour palette halves the file; it is kept only while it looks the same as the full-colour
# drawing: the mean difference per channel stays under this (out of 255; about 0.2 for this map).
PALETTE_MEAN_ERROR = 0.5


def save_png(img: Image.Image, path: Path) -> str:
    """Save ``img`` as an optimized PNG, as a palette image if that looks the same; returns the mode."""
    paletted = img.quantize(colors=256, method=Image.Quantize.MEDIANCUT, kmeans=2)
    error = ImageStat.Stat(ImageChops.difference(img, paletted.convert("RGB"))).mean
    chosen = paletted if max(error) < PALETTE_MEAN_ERROR else img
    chosen.save(path, format="PNG", optimize=True)
    return chosen.mode


def layout_json(layout: DemoTownMap, seed: int) -> str:
    """The layout as the JSON document app/demo/map.py reads."""
    doc = {
        "about": f"Layout of {MAP_IMAGE}, written by tools/draw_demo_map.py: do not edit by hand. Pixels, "
                 "origin bottom-left, y up (Leaflet CRS.Simple). places: [0] the community hall, [1] the salon.",
        "seed": seed,
        **dataclasses.asdict(layout),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def draw(font: JapaneseFont, out_dir: Path) -> tuple[Path, Path, str, DemoTownMap]:
    img, layout = draw_demo_town_map(font, seed=MAP_SEED, width=MAP_SIZE[0], height=MAP_SIZE[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    png, layout_file = out_dir / MAP_IMAGE, out_dir / MAP_LAYOUT
    mode = save_png(img, png)
    layout_file.write_text(layout_json(layout, MAP_SEED), encoding="utf-8")
    return png, layout_file, mode, layout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--font", type=Path, default=None,
                        help=f"a Japanese font file (.ttc/.otf/.ttf); default {DEFAULT_FONT} (Noto Sans CJK JP)")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT, help=f"where to write; default {DEFAULT_OUT}")
    args = parser.parse_args(argv)
    try:
        font = japanese_font(args.font or DEFAULT_FONT)
    except NotJapaneseFont as e:
        hint = ("give a Japanese font file with --font" if args.font else
                "install Debian's fonts-noto-cjk (./dev.sh does) or give a Japanese font file with --font")
        print(f"draw_demo_map: no Japanese font to draw the map's labels with: {e}; {hint}", file=sys.stderr)
        return 2
    png, layout_file, mode, layout = draw(font, args.out_dir)
    print(f"{png}: {layout.width}x{layout.height} {mode}, {png.stat().st_size:,} bytes, "
          f"font {font.family} ({font.path}, face {font.index})")
    print(f"{layout_file}: {len(layout.lots)} lots, {len(layout.places)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
