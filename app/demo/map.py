"""The demo town 「ひだまり町」's base map: a picture and its layout, both committed in ``resources/demo/``.

They are drawn once by ``tools/draw_demo_map.py`` (with a named Japanese font, so the demo looks the
same on every machine); the app only reads them. Lot positions are image pixels with the origin at
the BOTTOM-left and y pointing UP (Leaflet ``CRS.Simple``, bounds ``[[0, 0], [height, width]]``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.paths import demo_dir

__all__ = ["MAP_IMAGE", "MAP_LAYOUT", "DemoTownMap", "Lot", "demo_map_image", "load_demo_town_map"]

MAP_IMAGE = "hidamari-town.png"
MAP_LAYOUT = "hidamari-town.json"


@dataclass(frozen=True)
class Lot:
    """Centre of one house lot (or place spot), image px, origin bottom-left, y up."""

    x: float
    y: float
    block: str  # "丁目-番" e.g. "3-12"; for places: "公民館" / "サロン"


@dataclass(frozen=True)
class DemoTownMap:
    width: int
    height: int
    lots: list[Lot]
    places: list[Lot]  # [0] = ひだまり町公民館, [1] = ふれあいサロン (small house)
    # The geography the demo's fictional hazard zones follow (app/demo/geography.py), same pixels:
    river: tuple[tuple[float, float], ...] = ()  # ひだまり川's centre line, north to south
    hill: tuple[tuple[float, float], ...] = ()  # 八幡山 (the shrine's wooded hill), a closed outline


def demo_map_image(folder: Path | None = None) -> Path:
    """The demo town's map picture (PNG), in ``folder`` or the app's resources."""
    return (folder or demo_dir()) / MAP_IMAGE


def load_demo_town_map(folder: Path | None = None) -> DemoTownMap:
    """The layout of the demo town's map picture, read from ``folder`` or the app's resources."""
    doc = json.loads(((folder or demo_dir()) / MAP_LAYOUT).read_text(encoding="utf-8"))
    return DemoTownMap(
        width=int(doc["width"]),
        height=int(doc["height"]),
        lots=[Lot(float(d["x"]), float(d["y"]), str(d["block"])) for d in doc["lots"]],
        places=[Lot(float(d["x"]), float(d["y"]), str(d["block"])) for d in doc["places"]],
        river=tuple((float(x), float(y)) for x, y in doc.get("river", ())),
        hill=tuple((float(x), float(y)) for x, y in doc.get("hill", ())),
    )
