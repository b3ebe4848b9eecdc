"""The drawing of the demo town 「ひだまり町」's base map, used by tools/draw_demo_map.py only.

A black-and-white style residential map (住宅地図 / 白地図) drawn with Pillow, so the demo needs no
third-party map; the drawing is deterministic for a given ``seed`` and font. The app never runs this:
it reads the picture and layout the tool wrote into ``resources/demo/`` (app/demo/map.py).

Coordinates
-----------
Internally everything is laid out in a fixed *design space* of 1600 x 1100
units (origin top-left, y down) and scaled to the requested image size.
Returned :class:`Lot` positions are image pixels with the origin at the
BOTTOM-left and y pointing UP (Leaflet ``CRS.Simple`` convention, bounds
``[[0, 0], [height, width]]``).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from app.demo.map import DemoTownMap, Lot

__all__ = ["JapaneseFont", "NotJapaneseFont", "draw_demo_town_map", "japanese_font"]


# --------------------------------------------------------------------------
# the font
# --------------------------------------------------------------------------


class NotJapaneseFont(ValueError):
    """The font file given cannot draw the map's Japanese labels (missing, not a font, or no kana/kanji)."""


@dataclass(frozen=True)
class JapaneseFont:
    """One face of a font file (a .ttc collection holds several) that draws kana and kanji."""

    path: Path
    index: int
    family: str


def _draws_japanese(font: ImageFont.FreeTypeFont) -> bool:
    """True if the face renders kana/kanji as real glyphs (not .notdef tofu)."""
    sample = font.getmask("ひだまり田")
    notdef = font.getmask("\u0378\u0379\u0380\u0381\u0382")  # unassigned code points
    if sample.getbbox() is None:
        return False
    return bytes(sample) != bytes(notdef) or sample.size != notdef.size


def japanese_font(path: Path) -> JapaneseFont:
    """The Japanese face of the font file ``path``: in a collection the face whose family ends in
    " JP" (Noto Sans CJK's .ttc holds JP, KR, SC, TC and HK faces), otherwise its first face.

    Raises :class:`NotJapaneseFont` when the file is missing, is not a font, or draws no Japanese.
    """
    path = Path(path)
    if not path.is_file():
        raise NotJapaneseFont(f"{path}: no such font file")
    faces: list[ImageFont.FreeTypeFont] = []
    try:
        while len(faces) < 64:
            faces.append(ImageFont.truetype(str(path), 32, index=len(faces)))
    except OSError:  # FreeType: no face at this index (or not a font at all)
        pass
    if not faces:
        raise NotJapaneseFont(f"{path}: not a font file FreeType can read")
    index = next((i for i, f in enumerate(faces) if (f.getname()[0] or "").endswith(" JP")), 0)
    if not _draws_japanese(faces[index]):
        raise NotJapaneseFont(f"{path}: the font ({faces[index].getname()[0]}) has no Japanese glyphs")
    return JapaneseFont(path, index, faces[index].getname()[0] or path.stem)


# --------------------------------------------------------------------------
# palette (muted, so coloured household symbols stand out)
# --------------------------------------------------------------------------

PAPER = (248, 246, 240)
ROAD = (253, 253, 251)
MAIN_ROAD = (247, 242, 226)
ROAD_EDGE = (118, 118, 118)
BLOCK = (240, 238, 232)
LOT = (249, 248, 244)
LOT_EDGE = (178, 176, 170)
HOUSE = (226, 224, 218)
HOUSE_EDGE = (122, 122, 122)
WATER = (214, 226, 232)
WATER_EDGE = (132, 154, 168)
WATER_LINE = (190, 206, 214)
BANK = (230, 234, 222)
GRASS_TICK = (170, 182, 162)
PADDY = (238, 240, 228)
PADDY_TICK = (166, 178, 158)
FIELD = (238, 237, 224)
PARK = (226, 235, 220)
TREE_FILL = (208, 222, 202)
TREE_EDGE = (142, 164, 138)
GROUND = (240, 234, 218)
PUBLIC = (220, 218, 212)
TORII = (150, 98, 88)
TEXT = (62, 62, 62)
TEXT_SOFT = (105, 105, 105)
FRAME_COL = (80, 80, 80)

# --------------------------------------------------------------------------
# design-space layout constants (1600 x 1100, y down)
# --------------------------------------------------------------------------

DW, DH = 1600.0, 1100.0
FRAME = (8.0, 8.0, 1592.0, 1092.0)
MAIN_Y, MAIN_W = 470.0, 36.0
MAIN_TOP, MAIN_BOT = MAIN_Y - MAIN_W / 2, MAIN_Y + MAIN_W / 2
RIVER_W = 62.0
BANK_W = 16.0
SIDE_ROAD_W = 14.0
LANE_W = 12.0
STREET_W = 14.0
SAKURA_W = 22.0
TITLE_BOX = (20.0, 20.0, 234.0, 118.0)
NOTE_BOX = (20.0, 1006.0, 234.0, 1078.0)
NORTH = (66.0, 192.0)  # centre of the north arrow


class _Canvas:
    """Pillow drawing in design coordinates, rendered supersampled."""

    def __init__(self, width: int, height: int, font: JapaneseFont, ss: int = 2):
        self.ss = ss
        self.sx = width * ss / DW
        self.sy = height * ss / DH
        self.s = min(self.sx, self.sy)
        self.img = Image.new("RGB", (width * ss, height * ss), PAPER)
        self.d = ImageDraw.Draw(self.img)
        self.font_face = font
        self._fonts: dict[float, ImageFont.FreeTypeFont] = {}
        self.labels: list[tuple[float, float, float, float]] = []

    # geometry helpers -------------------------------------------------
    def p(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.sx, y * self.sy)

    def w(self, width: float) -> int:
        return max(1, round(width * self.s))

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, width=1.0):
        a, b = self.p(min(x0, x1), min(y0, y1)), self.p(max(x0, x1), max(y0, y1))
        self.d.rectangle([a, b], fill=fill, outline=outline, width=self.w(width) if outline else 0)

    def poly(self, pts, fill=None, outline=None, width=1.0):
        q = [self.p(x, y) for x, y in pts]
        self.d.polygon(q, fill=fill)
        if outline:
            self.d.line(q + [q[0]], fill=outline, width=self.w(width), joint="curve")

    def line(self, pts, fill, width=1.0):
        self.d.line([self.p(x, y) for x, y in pts], fill=fill, width=self.w(width), joint="curve")

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=1.0):
        a, b = self.p(cx - rx, cy - ry), self.p(cx + rx, cy + ry)
        self.d.ellipse([a, b], fill=fill, outline=outline, width=self.w(width) if outline else 0)

    # text helpers -----------------------------------------------------
    def font(self, size: float) -> ImageFont.FreeTypeFont:
        f = self._fonts.get(size)
        if f is None:
            f = ImageFont.truetype(str(self.font_face.path), max(6, round(size * self.s)), index=self.font_face.index)
            self._fonts[size] = f
        return f

    def text_box(self, x, y, text, size, halo=2.5):
        f = self.font(size)
        left, top, right, bottom = f.getbbox(text, anchor="mm", stroke_width=self.w(halo))
        px, py = self.p(x, y)
        return ((px + left) / self.sx, (py + top) / self.sy, (px + right) / self.sx, (py + bottom) / self.sy)

    def _free(self, box) -> bool:
        x0, y0, x1, y1 = box
        return all(x1 <= a or x0 >= c or y1 <= b or y0 >= d for a, b, c, d in self.labels)

    def label(self, candidates, text, size, fill=TEXT, halo=2.5, halo_fill=ROAD, check=True) -> bool:
        """Draw ``text`` centred at the first candidate (x, y) not overlapping an earlier label.

        ``check=False`` is for decorations inside reserved boxes (title, note, north arrow).
        """
        for x, y in candidates:
            box = self.text_box(x, y, text, size, halo)
            if not check or self._free(box):
                self.labels.append(box)
                self.d.text(
                    self.p(x, y), text, font=self.font(size), fill=fill, anchor="mm",
                    stroke_width=self.w(halo) if halo else 0, stroke_fill=halo_fill,
                )
                return True
        return False

    def vlabel(self, x_of_y, y_start, text, size, fill=TEXT, halo=2.5, halo_fill=ROAD) -> bool:
        """Vertical (縦書き) label: characters stacked downwards, x follows ``x_of_y``."""
        step = size * 1.08
        boxes = []
        for i, ch in enumerate(text):
            y = y_start + i * step
            boxes.append((ch, x_of_y(y), y, self.text_box(x_of_y(y), y, ch, size, halo)))
        if not all(self._free(b) for *_, b in boxes):
            return False
        for ch, x, y, box in boxes:
            self.labels.append(box)
            self.d.text(self.p(x, y), ch, font=self.font(size), fill=fill, anchor="mm",
                        stroke_width=self.w(halo) if halo else 0, stroke_fill=halo_fill)
        return True

    def finish(self, width: int, height: int) -> Image.Image:
        return self.img.resize((width, height), Image.Resampling.LANCZOS)


# --------------------------------------------------------------------------
# layout
# --------------------------------------------------------------------------


@dataclass
class _Block:
    region: str  # "N" / "S"
    col: int
    row: int
    x0: float
    y0: float
    x1: float
    y1: float
    kind: str = "houses"  # houses / hall / park / shrine / school
    curved: bool = False


class _Town:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.phase = rng.uniform(0, 2 * math.pi)
        self.amp = rng.uniform(22, 28)
        # vertical streets (x centre); index 1 is さくら通り, shared by N and S
        base = {"N": [656.0, 892.0, 1116.0, 1392.0], "S": [636.0, 892.0, 1162.0, 1356.0]}
        sak = 892.0 + rng.uniform(-10, 10)
        self.streets = {
            r: [b + rng.uniform(-10, 10) if i != 1 else sak for i, b in enumerate(base[r])]
            for r in ("N", "S")
        }
        self.sakura_x = sak
        lanes_n = [30.0, 172.0, 314.0]
        lanes_s = [628.0, 770.0, 912.0, 1054.0]
        self.lanes: dict[tuple[str, int], list[float]] = {}
        for col in range(5):
            self.lanes[("N", col)] = [y + rng.uniform(-16, 16) for y in lanes_n]
            self.lanes[("S", col)] = [y + rng.uniform(-16, 16) for y in lanes_s]
        self.blocks = self._make_blocks()

    # river centre line --------------------------------------------------
    def river_cx(self, y: float) -> float:
        return 318.0 + self.amp * math.sin(2 * math.pi * y / 820.0 + self.phase)

    def bank_r(self, y):
        return self.river_cx(y) + RIVER_W / 2

    def bank_l(self, y):
        return self.river_cx(y) - RIVER_W / 2

    def side_road_l(self, y):
        return self.bank_r(y) + BANK_W

    def side_road_r(self, y):
        return self.side_road_l(y) + SIDE_ROAD_W

    def street_w(self, idx: int) -> float:
        return SAKURA_W if idx == 1 else STREET_W

    def _make_blocks(self) -> list[_Block]:
        blocks = []
        for region in ("N", "S"):
            xs = self.streets[region]
            if region == "N":
                top, bot = -110.0, MAIN_TOP
            else:
                top, bot = MAIN_BOT, DH + 110.0
            for col in range(5):
                x0 = 0.0 if col == 0 else xs[col - 1] + self.street_w(col - 1) / 2
                x1 = DW + 60 if col == 4 else xs[col] - self.street_w(col) / 2
                lanes = self.lanes[(region, col)]
                edges = [top] + lanes + [bot]
                for row in range(len(edges) - 1):
                    y0 = edges[row] + (LANE_W / 2 if row > 0 else 0)
                    y1 = edges[row + 1] - (LANE_W / 2 if row + 1 < len(edges) - 1 else 0)
                    blocks.append(_Block(region, col, row, x0, y0, x1, y1, curved=(col == 0)))
        # special blocks
        specials = {("N", 2, 3): "hall", ("N", 0, 1): "shrine", ("S", 3, 1): "park"}
        for b in blocks:
            b.kind = specials.get((b.region, b.col, b.row), "houses")
        # school: merge S col1 rows 2+3
        s2 = next(b for b in blocks if (b.region, b.col, b.row) == ("S", 1, 2))
        s3 = next(b for b in blocks if (b.region, b.col, b.row) == ("S", 1, 3))
        s2.y1 = s3.y1
        s2.kind = "school"
        blocks.remove(s3)
        # old farmhouses by the river: S col0 rows 1+2 merged into one deep block
        f1 = next(b for b in blocks if (b.region, b.col, b.row) == ("S", 0, 1))
        f2 = next(b for b in blocks if (b.region, b.col, b.row) == ("S", 0, 2))
        f1.y1 = f2.y1
        blocks.remove(f2)
        return blocks

    def block_polygon(self, b: _Block) -> list[tuple[float, float]]:
        if not b.curved:
            return [(b.x0, b.y0), (b.x1, b.y0), (b.x1, b.y1), (b.x0, b.y1)]
        ys = [b.y0 + (b.y1 - b.y0) * i / 24 for i in range(25)]
        left = [(self.side_road_r(y), y) for y in ys]
        return [(b.x1, b.y0), (b.x1, b.y1)] + left[::-1]

    def usable_x0(self, b: _Block) -> float:
        if not b.curved:
            return b.x0
        ys = [b.y0 + (b.y1 - b.y0) * i / 24 for i in range(25)]
        return max(self.side_road_r(y) for y in ys) + 4


# --------------------------------------------------------------------------
# drawing pieces
# --------------------------------------------------------------------------


def _inside(box, outer, pad=1.0) -> bool:
    return box[0] >= outer[0] + pad and box[1] >= outer[1] + pad and box[2] <= outer[2] - pad and box[3] <= outer[3] - pad


def _overlaps(a, b) -> bool:
    return not (a[2] <= b[0] or a[0] >= b[2] or a[3] <= b[1] or a[1] >= b[3])


def _draw_rice_fields(c: _Canvas, t: _Town, rng: random.Random) -> list[tuple[float, float, float, float]]:
    """Paddies west of the river; returns paddy rects (for 田 labels)."""
    east = max(t.bank_l(y) for y in range(0, 1101, 10)) + 2
    c.rect(0, 0, east, DH, fill=PADDY)
    farm_x = 124 + rng.uniform(-8, 8)
    ys_n = [0, 150 + rng.uniform(-10, 10), 300 + rng.uniform(-10, 10), MAIN_TOP]
    ys_s = [MAIN_BOT, 610 + rng.uniform(-10, 10), 740 + rng.uniform(-10, 10), 880 + rng.uniform(-10, 10), DH]
    paddies = []
    for ys in (ys_n, ys_s):
        for y0, y1 in zip(ys, ys[1:]):
            for x0, x1 in ((0, farm_x - 4), (farm_x + 4, east)):
                paddies.append((x0, y0, x1, y1))
    # 田 symbol: pairs of short vertical ticks in a staggered grid
    step_x, step_y = 24.0, 20.0
    for px0, py0, px1, py1 in paddies:
        j = 0
        y = py0 + 12
        while y < py1 - 8:
            x = px0 + 10 + (step_x / 2 if j % 2 else 0)
            while x < px1 - 8:
                for dx in (-2.2, 2.2):
                    c.line([(x + dx, y - 4), (x + dx, y + 4)], fill=PADDY_TICK, width=1.3)
                x += step_x
            y += step_y
            j += 1
    # あぜ (field boundaries)
    for px0, py0, px1, py1 in paddies:
        c.rect(px0, py0, px1, py1, outline=(176, 182, 166), width=1.2)
    # farm road
    c.rect(farm_x - 4, 0, farm_x + 4, DH, fill=ROAD)
    c.line([(farm_x - 4, 0), (farm_x - 4, MAIN_TOP)], fill=ROAD_EDGE, width=1.0)
    c.line([(farm_x + 4, 0), (farm_x + 4, MAIN_TOP)], fill=ROAD_EDGE, width=1.0)
    c.line([(farm_x - 4, MAIN_BOT), (farm_x - 4, DH)], fill=ROAD_EDGE, width=1.0)
    c.line([(farm_x + 4, MAIN_BOT), (farm_x + 4, DH)], fill=ROAD_EDGE, width=1.0)
    return paddies


def _draw_river(c: _Canvas, t: _Town, rng: random.Random) -> None:
    ys = [y * 5.0 for y in range(-2, 224)]
    # embankments (堤防, grass)
    c.poly([(t.bank_l(y) - BANK_W, y) for y in ys] + [(t.side_road_l(y), y) for y in ys[::-1]], fill=BANK)
    for y in range(4, 1100, 9):
        for x in (t.bank_l(y) - BANK_W / 2, t.bank_r(y) + BANK_W / 2):
            xx = x + (3 if (y // 9) % 2 else -3)
            c.line([(xx - 2, y + 2), (xx, y - 2), (xx + 2, y + 2)], fill=GRASS_TICK, width=0.9)
    # water
    c.poly([(t.bank_l(y), y) for y in ys] + [(t.bank_r(y), y) for y in ys[::-1]], fill=WATER)
    # flow lines
    for off in (-14, 13):
        seg = []
        for y in ys:
            if (y // 60) % 2 == (0 if off < 0 else 1):
                seg.append((t.river_cx(y) + off, y))
            elif seg:
                if len(seg) > 2:
                    c.line(seg, fill=WATER_LINE, width=1.2)
                seg = []
        if len(seg) > 2:
            c.line(seg, fill=WATER_LINE, width=1.2)
    c.line([(t.bank_l(y), y) for y in ys], fill=WATER_EDGE, width=1.6)
    c.line([(t.bank_r(y), y) for y in ys], fill=WATER_EDGE, width=1.6)
    # outer foot of the west embankment
    c.line([(t.bank_l(y) - BANK_W, y) for y in ys], fill=(170, 176, 160), width=1.0)


def _draw_town_ground(c: _Canvas, t: _Town) -> None:
    ys = [y * 5.0 for y in range(-2, 224)]
    # roads are the negative space between blocks
    c.poly([(t.side_road_l(y), y) for y in ys] + [(DW + 10, ys[-1]), (DW + 10, ys[0])], fill=ROAD)
    # riverside road west edge (interrupted by the main road)
    north = [(t.side_road_l(y), y) for y in ys if y <= MAIN_TOP]
    south = [(t.side_road_l(y), y) for y in ys if y >= MAIN_BOT]
    c.line(north, fill=ROAD_EDGE, width=1.4)
    c.line(south, fill=ROAD_EDGE, width=1.4)


def _draw_main_road(c: _Canvas, t: _Town) -> None:
    # 県道: tinted band across the whole map, bridge over the river
    c.rect(-5, MAIN_TOP, DW + 5, MAIN_BOT, fill=MAIN_ROAD)
    # west (rice field) part edges
    west_end = t.bank_l(MAIN_Y) - BANK_W
    c.line([(-5, MAIN_TOP), (west_end, MAIN_TOP)], fill=ROAD_EDGE, width=2.0)
    c.line([(-5, MAIN_BOT), (west_end, MAIN_BOT)], fill=ROAD_EDGE, width=2.0)
    # bridge (橋): railings with flared ends
    bx0 = min(t.bank_l(MAIN_TOP), t.bank_l(MAIN_BOT)) - 8
    bx1 = max(t.bank_r(MAIN_TOP), t.bank_r(MAIN_BOT)) + 8
    for y, sgn in ((MAIN_TOP - 3, -1), (MAIN_BOT + 3, 1)):
        c.line([(bx0, y), (bx1, y)], fill=(70, 70, 70), width=2.2)
        c.line([(bx0 - 7, y + sgn * 7), (bx0, y)], fill=(70, 70, 70), width=2.2)
        c.line([(bx1, y), (bx1 + 7, y + sgn * 7)], fill=(70, 70, 70), width=2.2)
    # embankment parts of the road (between rice field and bridge / bridge and town)
    c.line([(west_end, MAIN_TOP), (bx0 - 7, MAIN_TOP)], fill=ROAD_EDGE, width=2.0)
    c.line([(west_end, MAIN_BOT), (bx0 - 7, MAIN_BOT)], fill=ROAD_EDGE, width=2.0)
    east_end = t.side_road_l(MAIN_Y)
    c.line([(bx1 + 7, MAIN_TOP), (east_end, MAIN_TOP)], fill=ROAD_EDGE, width=2.0)
    c.line([(bx1 + 7, MAIN_BOT), (east_end, MAIN_BOT)], fill=ROAD_EDGE, width=2.0)


def _draw_lot_houses(c: _Canvas, b: _Block, x0: float, rng: random.Random, lots_out: list, salon: dict | None):
    """Subdivide a residential block into lots with house footprints."""
    y0, y1, x1 = b.y0 + 3, b.y1 - 3, b.x1 - 3
    x0 = x0 + 3
    h = y1 - y0
    if b.col == 0 and h > 200:
        wmin, wmax = 84.0, 110.0
    elif b.col == 0:
        wmin, wmax = 54.0, 72.0
    else:
        wmin, wmax = 42.0, 58.0
    if h > 96:
        mid = (y0 + y1) / 2 + rng.uniform(-5, 5)
        rows = [(y0, mid, "top"), (mid, y1, "bottom")]
    else:
        rows = [(y0, y1, "both")]
    for ri, (ry0, ry1, face) in enumerate(rows):
        cuts = [x0]
        x = x0
        while True:
            wdt = rng.uniform(wmin, wmax)
            if x1 - (x + wdt) < wmin * 0.7:
                cuts.append(x1)
                break
            x += wdt
            cuts.append(x)
        # subdivide; maybe mark the salon (two lots merged) in the chosen block / row
        lots = list(zip(cuts, cuts[1:]))
        if salon is not None and ri == 0 and len(lots) >= 4:
            merged = (lots[1][0], lots[2][1])
            lots = [lots[0], merged] + lots[3:]
            salon_idx = 1
        else:
            salon_idx = -1
        for li, (lx0, lx1) in enumerate(lots):
            box = (lx0, ry0, lx1, ry1)
            c.rect(lx0, ry0, lx1, ry1, fill=LOT, outline=LOT_EDGE, width=1.0)
            if li == salon_idx:
                assert salon is not None
                salon["box"] = box
                continue
            roll = rng.random()
            if roll < 0.05:  # parking (駐車場)
                c.rect(lx0 + 3, ry0 + 3, lx1 - 3, ry1 - 3, fill=(244, 244, 242))
                for k in range(1, 4):
                    xx = lx0 + (lx1 - lx0) * k / 4
                    c.line([(xx, ry0 + 6), (xx, ry0 + (ry1 - ry0) * 0.45)], fill=LOT_EDGE, width=0.9)
                c.label([((lx0 + lx1) / 2, ry0 + (ry1 - ry0) * 0.70)], "P", 12, fill=TEXT_SOFT, halo=0)
                continue
            if roll < 0.09:  # vacant (空き地)
                for k in range(3):
                    cx = lx0 + 8 + rng.uniform(0, lx1 - lx0 - 16)
                    cy = ry0 + 8 + rng.uniform(0, ry1 - ry0 - 16)
                    c.line([(cx - 2, cy + 2), (cx, cy - 2), (cx + 2, cy + 2)], fill=GRASS_TICK, width=0.9)
                continue
            _house(c, box, face, rng)
            lots_out.append((b, box))


def _house(c: _Canvas, box, face: str, rng: random.Random) -> None:
    """House footprint (rectangle or L-shape) set back from the street side."""
    lx0, ly0, lx1, ly1 = box
    lw, lh = lx1 - lx0, ly1 - ly0
    big = lw * lh > 6500  # farmhouse plot: main house + barn + garden trees
    hw = lw * (rng.uniform(0.45, 0.6) if big else rng.uniform(0.62, 0.86))
    hd = min(lh - 12, lh * (rng.uniform(0.42, 0.55) if big else rng.uniform(0.52, 0.76)))
    front = rng.uniform(5.0, 11.0)
    hx0 = lx0 + 3 + rng.uniform(0, max(0.0, lw - hw - 6))
    hx1 = hx0 + hw
    if face == "bottom":
        hy1 = ly1 - front
        hy0 = hy1 - hd
        back_y, out = hy0, 1.0
    else:
        if face == "both":
            front = (lh - hd) / 2 + rng.uniform(-2, 2)
        hy0 = ly0 + front
        hy1 = hy0 + hd
        back_y, out = hy1, -1.0
    if rng.random() < 0.38 and hw > 24 and hd > 22:  # L-shape: notch at a back corner
        nw, nh = hw * rng.uniform(0.3, 0.45), hd * rng.uniform(0.3, 0.45)
        ny = back_y + out * nh
        if rng.random() < 0.5:  # notch at back-left
            pts = [(hx0 + nw, back_y), (hx1, back_y), (hx1, back_y + out * hd), (hx0, back_y + out * hd),
                   (hx0, ny), (hx0 + nw, ny)]
        else:
            pts = [(hx0, back_y), (hx1 - nw, back_y), (hx1 - nw, ny), (hx1, ny), (hx1, back_y + out * hd),
                   (hx0, back_y + out * hd)]
        c.poly(pts, fill=HOUSE, outline=HOUSE_EDGE, width=1.1)
    else:
        c.rect(hx0, hy0, hx1, hy1, fill=HOUSE, outline=HOUSE_EDGE, width=1.1)
    # 物置 / 納屋 in the free side of the plot
    left_gap, right_gap = hx0 - lx0, lx1 - hx1
    if big:
        bw = min(max(left_gap, right_gap) - 8, lw * 0.32)
        bx0 = lx0 + 4 if left_gap > right_gap else lx1 - 4 - bw
        by0 = (ly1 - 8 - lh * 0.34) if face != "bottom" else ly0 + 8
        if bw > 12:
            c.rect(bx0, by0, bx0 + bw, by0 + lh * 0.3, fill=HOUSE, outline=HOUSE_EDGE, width=1.0)
        for k in range(3):  # garden trees along the back of the plot
            tx = lx0 + 12 + (lw - 24) * (k + 0.5) / 3 + rng.uniform(-3, 3)
            ty = ly1 - 9 if face != "bottom" else ly0 + 9
            c.ellipse(tx, ty, 4, 4, fill=TREE_FILL, outline=TREE_EDGE, width=0.9)
    elif max(left_gap, right_gap) > 13 and rng.random() < 0.45:
        aw, ah = min(max(left_gap, right_gap) - 5, 10.0), rng.uniform(7, 10)
        ax0 = lx0 + 2.5 if left_gap > right_gap else lx1 - 2.5 - aw
        ay0 = ly1 - 3 - ah if face != "bottom" else ly0 + 3
        c.rect(ax0, ay0, ax0 + aw, ay0 + ah, fill=HOUSE, outline=HOUSE_EDGE, width=0.9)


def _trees(c: _Canvas, box, rng: random.Random, avoid=(), spacing=15.0, r=5.5):
    x0, y0, x1, y1 = box
    y = y0 + r + 3
    j = 0
    while y < y1 - r - 2:
        x = x0 + r + 3 + (spacing / 2 if j % 2 else 0)
        while x < x1 - r - 2:
            tx, ty = x + rng.uniform(-2.5, 2.5), y + rng.uniform(-2.5, 2.5)
            if not any(a[0] - r <= tx <= a[2] + r and a[1] - r <= ty <= a[3] + r for a in avoid):
                c.ellipse(tx, ty, r, r, fill=TREE_FILL, outline=TREE_EDGE, width=1.0)
            x += spacing
        y += spacing * 0.87
        j += 1


def _torii(c: _Canvas, cx: float, cy: float, h: float) -> None:
    """鳥居 map symbol drawn with lines (⛩-like)."""
    wline = max(1.6, h / 11)
    top = cy - h * 0.45
    # 笠木 (top beam), slightly upturned ends
    c.line([(cx - h * 0.62, top - h * 0.08), (cx - h * 0.4, top), (cx + h * 0.4, top), (cx + h * 0.62, top - h * 0.08)],
           fill=TORII, width=wline * 1.3)
    # 貫 (tie beam)
    c.line([(cx - h * 0.48, cy - h * 0.2), (cx + h * 0.48, cy - h * 0.2)], fill=TORII, width=wline)
    # posts (slightly splayed)
    c.line([(cx - h * 0.3, top), (cx - h * 0.36, cy + h * 0.5)], fill=TORII, width=wline)
    c.line([(cx + h * 0.3, top), (cx + h * 0.36, cy + h * 0.5)], fill=TORII, width=wline)
    # 額束 (small centre strut)
    c.line([(cx, top), (cx, cy - h * 0.2)], fill=TORII, width=wline * 0.8)


def _hatch(c: _Canvas, box, spacing=7.0, col=(178, 176, 170)):
    x0, y0, x1, y1 = box
    k = x0 - (y1 - y0)
    while k < x1:
        # line from (k, y1) to (k + (y1-y0), y0), clipped to box
        ax, ay, bx, by = k, y1, k + (y1 - y0), y0
        if ax < x0:
            ay -= x0 - ax
            ax = x0
        if bx > x1:
            by += bx - x1
            bx = x1
        if ax < bx:
            c.line([(ax, ay), (bx, by)], fill=col, width=0.8)
        k += spacing


def _draw_hall(c: _Canvas, b: _Block) -> tuple[float, float]:
    x0, y0, x1, y1 = b.x0 + 6, b.y0 + 6, b.x1 - 6, b.y1 - 6
    w = x1 - x0
    bx0, by0, bx1, by1 = x0 + 4, y0 + 8, x0 + w * 0.66, y1 - 18
    c.rect(bx0, by0, bx1, by1, fill=PUBLIC, outline=(90, 90, 90), width=1.6)
    _hatch(c, (bx0 + 1, by0 + 1, bx1 - 1, by1 - 1), spacing=9, col=(196, 194, 188))
    # entrance canopy
    ex = (bx0 + bx1) / 2
    c.rect(ex - 12, by1, ex + 12, by1 + 7, fill=PUBLIC, outline=(90, 90, 90), width=1.0)
    # parking
    px0 = bx1 + 10
    c.rect(px0, y0 + 4, x1 - 2, y1 - 4, fill=(246, 246, 244), outline=LOT_EDGE, width=1.0)
    n = int((x1 - 2 - px0) // 16)
    for k in range(1, n + 1):
        xx = px0 + (x1 - 2 - px0) * k / (n + 1)
        c.line([(xx, y0 + 6), (xx, y0 + 28)], fill=LOT_EDGE, width=0.9)
    c.label([((px0 + x1) / 2, (y0 + y1) / 2 + 16)], "P", 16, fill=TEXT_SOFT, halo=0)
    cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
    if not c.label([(cx, cy - 10)], "ひだまり町", 15, halo=2.5, halo_fill=PUBLIC):
        pass
    c.label([(cx, cy + 11)], "公民館", 17, halo=2.5, halo_fill=PUBLIC)
    return cx, cy


def _draw_park(c: _Canvas, b: _Block, rng: random.Random) -> None:
    x0, y0, x1, y1 = b.x0 + 4, b.y0 + 4, b.x1 - 4, b.y1 - 4
    c.rect(x0, y0, x1, y1, fill=PARK, outline=(150, 168, 146), width=1.0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    inner = (x0 + 22, y0 + 20, x1 - 22, y1 - 20)
    _trees(c, (x0, y0, x1, y1), rng, avoid=[inner], spacing=17, r=6)
    # path, sandpit, playground
    c.line([(x0 + 14, y1 - 14), (cx - 20, cy + 8), (cx + 30, cy - 4), (x1 - 14, y0 + 14)], fill=(236, 230, 212), width=7)
    c.ellipse(x0 + 48, y0 + 42, 12, 9, fill=(236, 228, 204), outline=(176, 168, 146), width=1.0)
    c.rect(x1 - 66, y1 - 48, x1 - 38, y1 - 34, outline=(150, 150, 150), width=1.2)
    c.label([(cx, cy + 2), (cx, cy - 20), (cx, cy + 24)], "ひだまり公園", 17, halo=2.5, halo_fill=PARK)


def _draw_shrine(c: _Canvas, t: _Town, b: _Block, rng: random.Random) -> None:
    poly = t.block_polygon(b)
    c.poly(poly, fill=(228, 234, 222))
    x0 = t.usable_x0(b)
    x1 = b.x1 - 4
    ym = (b.y0 + b.y1) / 2
    hx = (x0 + x1) / 2 + 18
    # 本殿 (main hall) + 参道 (approach from the south lane)
    c.rect(hx - 16, b.y0 + 18, hx + 16, b.y0 + 44, fill=PUBLIC, outline=(90, 90, 90), width=1.3)
    c.line([(hx, b.y0 + 44), (hx, b.y1)], fill=(236, 230, 212), width=8)
    clear = [(hx - 22, b.y0 + 10, hx + 22, b.y1), (hx - 90, ym - 8, hx - 10, ym + 24)]
    # 八幡山: the shrine stands on a small wooded hill (contours), where the demo's landslide zone lies.
    half_w, half_h = (x1 - x0) / 2, (b.y1 - b.y0) / 2
    for k, (rx, ry) in enumerate(((half_w - 6, half_h - 4), (half_w - 40, half_h - 22), (half_w - 78, half_h - 40))):
        c.ellipse((x0 + x1) / 2, ym - 4 * k, rx, ry, outline=(176, 150, 112), width=1.1)
    _trees(c, (x0 - 6, b.y0, x1, b.y1), rng, avoid=clear, spacing=15, r=5)
    _torii(c, hx, b.y1 - 18, 20)
    c.label([(hx - 50, ym + 8), (hx + 50, ym + 8)], "八幡神社", 15, halo=2.5, halo_fill=(228, 234, 222))


def _draw_school(c: _Canvas, b: _Block, rng: random.Random) -> None:
    x0, y0, x1, y1 = b.x0 + 5, b.y0 + 5, b.x1 - 5, b.y1 - 5
    c.rect(x0, y0, x1, y1, fill=(246, 244, 238), outline=LOT_EDGE, width=1.0)
    # school building (L-shape) on the north side
    c.rect(x0 + 8, y0 + 8, x1 - 8, y0 + 40, fill=PUBLIC, outline=(90, 90, 90), width=1.5)
    c.rect(x1 - 48, y0 + 40, x1 - 8, y0 + 96, fill=PUBLIC, outline=(90, 90, 90), width=1.5)
    _hatch(c, (x0 + 9, y0 + 9, x1 - 9, y0 + 39), spacing=9, col=(196, 194, 188))
    _hatch(c, (x1 - 47, y0 + 41, x1 - 9, y0 + 95), spacing=9, col=(196, 194, 188))
    # gymnasium
    c.rect(x0 + 8, y0 + 50, x0 + 70, y0 + 96, fill=PUBLIC, outline=(90, 90, 90), width=1.5)
    # ground with a running track
    gx0, gy0, gx1, gy1 = x0 + 10, y0 + 108, x1 - 10, y1 - 10
    c.rect(gx0, gy0, gx1, gy1, fill=GROUND, outline=(190, 182, 160), width=1.0)
    c.d.rounded_rectangle([c.p(gx0 + 14, gy0 + 18), c.p(gx1 - 14, gy1 - 18)],
                          radius=min(c.sx, c.sy) * (gy1 - gy0 - 36) / 2, outline=(196, 186, 160), width=c.w(1.4))
    # trees along the fence
    for k in range(int((x1 - x0) // 18)):
        c.ellipse(x0 + 12 + k * 18, y1 - 4, 4.5, 4.5, fill=TREE_FILL, outline=TREE_EDGE, width=0.9)
    cx, cy = (gx0 + gx1) / 2, (gy0 + gy1) / 2
    c.label([(cx, cy - 12)], "文", 20, fill=TEXT_SOFT, halo=2.5, halo_fill=GROUND)
    c.label([(cx, cy + 14)], "ひだまり小学校", 16, halo=2.5, halo_fill=GROUND)


def _draw_salon(c: _Canvas, box) -> tuple[float, float]:
    lx0, ly0, lx1, ly1 = box
    hx0, hy0, hx1, hy1 = lx0 + 4, ly0 + 8, lx1 - 4, ly1 - 4
    c.rect(hx0, hy0, hx1, hy1, fill=(232, 226, 214), outline=(90, 90, 90), width=1.4)
    cx, cy = (hx0 + hx1) / 2, (hy0 + hy1) / 2
    c.label([(cx, cy - 8)], "ふれあい", 11, halo=2, halo_fill=(232, 226, 214))
    c.label([(cx, cy + 8)], "サロン", 12, halo=2, halo_fill=(232, 226, 214))
    return (lx0 + lx1) / 2, (ly0 + ly1) / 2


def _draw_north_arrow(c: _Canvas) -> None:
    cx, cy = NORTH
    c.ellipse(cx, cy, 30, 30, fill=(252, 251, 247), outline=(120, 120, 120), width=1.2)
    c.poly([(cx, cy - 22), (cx - 9, cy + 16), (cx, cy + 8)], fill=(70, 70, 70))
    c.poly([(cx, cy - 22), (cx + 9, cy + 16), (cx, cy + 8)], fill=(252, 251, 247), outline=(70, 70, 70), width=1.2)
    c.label([(cx, cy - 44)], "N", 18, fill=(60, 60, 60), halo=3, halo_fill=PADDY, check=False)


def _draw_title_and_note(c: _Canvas) -> None:
    x0, y0, x1, y1 = TITLE_BOX
    c.rect(x0, y0, x1, y1, fill=(252, 251, 247), outline=(110, 110, 110), width=1.4)
    c.label([((x0 + x1) / 2, y0 + 36)], "ひだまり町", 30, fill=(50, 50, 50), halo=0, check=False)
    c.label([((x0 + x1) / 2, y0 + 74)], "住宅地図（デモ用）", 15, fill=TEXT_SOFT, halo=0, check=False)
    # scale bar + fictional-town note
    x0, y0, x1, y1 = NOTE_BOX
    c.rect(x0, y0, x1, y1, fill=(252, 251, 247), outline=(110, 110, 110), width=1.2)
    sx0, sy = x0 + 22, y0 + 24
    seg = 50.0  # 50 design px ≈ 15 m (fictional scale)
    for k in range(3):
        c.rect(sx0 + k * seg, sy - 3, sx0 + (k + 1) * seg, sy + 3,
               fill=(80, 80, 80) if k % 2 == 0 else (252, 251, 247), outline=(80, 80, 80), width=1.0)
    for k, txt in enumerate(("0", "15", "30", "45m")):
        c.label([(sx0 + k * seg + (6 if k == 3 else 0), sy - 13)], txt, 11, fill=TEXT_SOFT, halo=0, check=False)
    c.label([((x0 + x1) / 2, y1 - 18)], "この地図は架空の町です", 14, fill=TEXT_SOFT, halo=0, check=False)


# --------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------


def draw_demo_town_map(
    font: JapaneseFont,
    *,
    seed: int = 7,
    width: int = 1600,
    height: int = 1100,
) -> tuple[Image.Image, DemoTownMap]:
    """Draw the fictional 「ひだまり町」 residential map; returns the picture (RGB) and its layout.

    Deterministic for a given seed and font; the font only draws the labels, it never moves a lot.
    """
    width, height = int(width), int(height)
    if width < 200 or height < 150:
        raise ValueError("map image too small")
    rng = random.Random(seed)
    c = _Canvas(width, height, font)
    t = _Town(rng)

    # reserved label areas (overlay boxes) so no label lands on them
    c.labels.extend([TITLE_BOX, NOTE_BOX, (NORTH[0] - 32, NORTH[1] - 56, NORTH[0] + 32, NORTH[1] + 32)])

    paddies = _draw_rice_fields(c, t, rng)
    _draw_river(c, t, rng)
    _draw_town_ground(c, t)
    _draw_main_road(c, t)

    lot_boxes: list[tuple[_Block, tuple[float, float, float, float]]] = []
    hall_xy = (0.0, 0.0)
    salon: dict = {}
    salon_key = ("S", 2, 2)
    for b in t.blocks:
        poly = t.block_polygon(b)
        if b.kind == "shrine":
            _draw_shrine(c, t, b, rng)
        else:
            c.poly(poly, fill=BLOCK)
        if b.kind == "houses":
            x0 = t.usable_x0(b)
            if b.curved:  # 畑 strip between the curved road and the lots
                for yy in range(int(b.y0) + 8, int(b.y1) - 4, 11):
                    for xx in range(int(t.side_road_r(yy)) + 7, int(x0) - 3, 11):
                        c.line([(xx - 2.5, yy - 2.5), (xx, yy + 2.5), (xx + 2.5, yy - 2.5)], fill=(170, 170, 150), width=0.9)
            key = (b.region, b.col, b.row)
            _draw_lot_houses(c, b, x0, rng, lot_boxes, salon if key == salon_key else None)
        elif b.kind == "hall":
            hall_xy = _draw_hall(c, b)
        elif b.kind == "park":
            _draw_park(c, b, rng)
        elif b.kind == "school":
            _draw_school(c, b, rng)
        # block outline = road edge; heavier where it faces the 県道
        c.poly(poly, outline=ROAD_EDGE, width=1.4)
        if b.region == "N" and abs(b.y1 - MAIN_TOP) < 0.5:
            c.line([(b.x0, b.y1), (b.x1, b.y1)], fill=ROAD_EDGE, width=2.2)
        if b.region == "S" and abs(b.y0 - MAIN_BOT) < 0.5:
            c.line([(b.x0, b.y0), (b.x1, b.y0)], fill=ROAD_EDGE, width=2.2)
    if "box" not in salon:  # pragma: no cover - layout guarantees a salon lot
        raise RuntimeError("salon lot missing from layout")
    salon_xy = _draw_salon(c, salon["box"])

    # ---- labels (order = priority) --------------------------------------
    xs_n = t.streets["N"]
    xs_s = t.streets["S"]
    # 県道 in the road band, between side streets
    gaps = sorted(set(xs_n) | set(xs_s))
    mids = [(a + b) / 2 for a, b in zip(gaps, gaps[1:])]
    c.label([(mids[0], MAIN_Y)], "県道12号", 17, halo=3, halo_fill=MAIN_ROAD)
    c.label([(mids[-1] + 10, MAIN_Y)], "県道12号", 17, halo=3, halo_fill=MAIN_ROAD)
    c.label([(DW - 62, MAIN_Y)], "至 駅前 →", 13, fill=TEXT_SOFT, halo=3, halo_fill=MAIN_ROAD)
    c.label([(56, MAIN_Y)], "← 至 山里", 13, fill=TEXT_SOFT, halo=3, halo_fill=MAIN_ROAD)
    # river (縦書き, follows the meander) and bridge
    c.vlabel(t.river_cx, 640, "ひだまり川", 19, fill=(78, 98, 112), halo=2.5, halo_fill=WATER)
    c.vlabel(t.river_cx, 250, "ひだまり川", 19, fill=(78, 98, 112), halo=2.5, halo_fill=WATER)
    bx = t.river_cx(MAIN_Y)
    c.label([(bx, MAIN_BOT + 22), (bx, MAIN_TOP - 22)], "ひだまり橋", 13, halo=3, halo_fill=WATER)
    # さくら通り (縦書き in the wider street)
    sx = t.sakura_x
    lanes_near = sorted(t.lanes[("S", 1)] + t.lanes[("S", 2)])
    y_free = max(((a, b) for a, b in zip([MAIN_BOT] + lanes_near, lanes_near)), key=lambda ab: ab[1] - ab[0])
    c.vlabel(lambda _y: sx, (y_free[0] + y_free[1]) / 2 - 2 * 14.5 * 1.08, "さくら通り", 14.5,
             halo=2, halo_fill=ROAD)
    # 田 in paddies
    done = 0
    for px0, py0, px1, py1 in paddies:
        if done >= 2:
            break
        if py1 - py0 > 100 and px1 - px0 > 90:
            if c.label([((px0 + px1) / 2, (py0 + py1) / 2)], "田", 20, fill=(110, 118, 100), halo=4, halo_fill=PADDY):
                done += 1
    for b in t.blocks:
        if b.curved and b.kind == "houses" and b.y1 - b.y0 > 200:  # 畑 strip of the farm block
            x0 = t.usable_x0(b)
            ym = (b.y0 + b.y1) / 2
            if x0 - t.side_road_r(ym) > 24:
                c.label([((t.side_road_r(ym) + x0) / 2, ym)], "畑", 13, fill=(110, 110, 96), halo=2.5, halo_fill=BLOCK)

    _draw_north_arrow(c)
    _draw_title_and_note(c)

    # neat-line frame; everything outside is plain paper
    fx0, fy0, fx1, fy1 = FRAME
    c.rect(-10, -10, DW + 10, fy0, fill=PAPER)
    c.rect(-10, fy1, DW + 10, DH + 10, fill=PAPER)
    c.rect(-10, -10, fx0, DH + 10, fill=PAPER)
    c.rect(fx1, -10, DW + 10, DH + 10, fill=PAPER)
    c.rect(fx0, fy0, fx1, fy1, outline=FRAME_COL, width=1.6)

    img = c.finish(width, height)

    # ---- results (bottom-left origin, y up) -------------------------------
    sx, sy = width / DW, height / DH
    reserved = [TITLE_BOX, NOTE_BOX]
    inner = (FRAME[0] + 2, FRAME[1] + 2, FRAME[2] - 2, FRAME[3] - 2)
    chome_of = {("N", 0): 1, ("N", 1): 1, ("N", 2): 1, ("N", 3): 2, ("N", 4): 2,
                ("S", 0): 3, ("S", 1): 3, ("S", 2): 3, ("S", 3): 4, ("S", 4): 4}
    ban: dict[tuple[str, int, int], str] = {}
    counters: dict[int, int] = {}
    lots: list[Lot] = []
    for b, box in lot_boxes:
        if not _inside(box, inner) or any(_overlaps(box, r) for r in reserved):
            continue
        key = (b.region, b.col, b.row)
        if key not in ban:
            ch = chome_of[(b.region, b.col)]
            counters[ch] = counters.get(ch, 0) + 1
            ban[key] = f"{ch}-{counters[ch]}"
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        lots.append(Lot(round(cx * sx, 1), round(height - cy * sy, 1), ban[key]))

    def to_up(xy: tuple[float, float], name: str) -> Lot:
        return Lot(round(xy[0] * sx, 1), round(height - xy[1] * sy, 1), name)

    places = [to_up(hall_xy, "公民館"), to_up(salon_xy, "サロン")]
    # The river's centre line and the shrine's hill, for the demo's fictional hazard zones.
    river = tuple((round(t.river_cx(y) * sx, 1), round(height - y * sy, 1)) for y in range(-40, int(DH) + 41, 20))
    shrine = next(b for b in t.blocks if b.kind == "shrine")
    hill = tuple((round(x * sx, 1), round(height - y * sy, 1)) for x, y in t.block_polygon(shrine))
    return img, DemoTownMap(width=width, height=height, lots=lots, places=places, river=river, hill=hill)

