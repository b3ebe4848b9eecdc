"""Setting up a city's towns from the command line: add-town, set-base-map, georeference (issue 15)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import command_adder, data_dir_of, fail, ledger_of
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.towns import basemaps
from app.towns.georeference import ControlPoint, point_name
from app.towns.towns import create_town, find_town


def _floats(text: str, count: int, option: str) -> list[float]:
    parts = [p.strip() for p in text.split(",")]
    try:
        values = [float(p) for p in parts[:count]]
    except ValueError:
        values = []
    if len(values) != count:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{option} {text}: expected {count} numbers separated by commas."),
                          option=option, text=text, count=count)
    return values


def cmd_add_town(args: argparse.Namespace) -> int:
    try:
        center = None
        if args.center:
            lat, lon = _floats(args.center, 2, "--center")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "--center {text}: expected LATITUDE,LONGITUDE."),
                                  text=args.center)
            center = (lat, lon)
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            town = create_town(s, args.district, args.name, center=center)
    except LedgerError as e:
        return fail(e)
    where = f" centred at {center[0]:.6f},{center[1]:.6f}" if center else ""
    print(f"added the town {town.name} to the district {town.district_name}{where}")
    return 0


def cmd_set_base_map(args: argparse.Namespace) -> int:
    if (args.file is None) == (not args.plain):
        print("error: give either a FILE (PNG, JPEG or .mbtiles) or --plain", file=sys.stderr)
        return 2
    data_dir = data_dir_of(args)
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            town = find_town(s, args.town)
            if args.plain:
                view = basemaps.set_plain_base_map(s, data_dir, town.id)
            elif Path(args.file).suffix.lower() == ".mbtiles":
                view = basemaps.set_mbtiles_base_map(s, data_dir, town.id, Path(args.file))
            else:
                view = basemaps.set_image_base_map(s, data_dir, town.id, Path(args.file))
            unplaced = len(basemaps.unplaced_for(s, town.id))
    except (LedgerError, OSError) as e:
        return fail(e)
    what = {"plain": "a plain background", "mbtiles": f"the tile pack {view.original_name}",
            "image": f"the image {view.original_name} ({view.width}×{view.height} pixels)"}[view.kind]
    print(f"{town.name} is now drawn on {what}; {unplaced} households without a position on it")
    return 0


def cmd_georeference(args: argparse.Namespace) -> int:
    try:
        points = []
        for text in args.point:
            x, y, lon, lat = _floats(text, 4, "--point")
            label = ",".join(text.split(",")[4:]).strip()
            points.append(ControlPoint(x, y, lon, lat, label))
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            town = find_town(s, args.town)
            view = basemaps.set_control_points(s, town.id, points)
            unplaced = len(basemaps.unplaced_for(s, town.id))
    except LedgerError as e:
        return fail(e)
    for i, (point, residual) in enumerate(zip(view.points, view.residuals_m, strict=True)):
        print(f"  point {point_name(i, point)}: ({point.x:g}, {point.y:g}) -> {point.lon:.7f},{point.lat:.7f}"
              f"  residual {residual:.2f} m")
    bounds = ",".join(f"{v:.6f}" for v in view.bounds or ())
    print(f"tied {town.name}'s map to the ground with {len(view.points)} points ({view.kind}), "
          f"RMS {view.rms_m:.2f} m, bounds {bounds}; "
          f"{unplaced} households without a position")
    return 0


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add = command_adder(commands, common)

    p = add("add-town", cmd_add_town, "add a town to a district (the district is added when new)")
    p.add_argument("--district", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--center", metavar="LAT,LON", help="where the town's geographic map opens")
    p = add("set-base-map", cmd_set_base_map, "draw a town on an image (PNG/JPEG), an MBTiles pack or --plain")
    p.add_argument("--town", required=True)
    p.add_argument("file", nargs="?", type=Path, metavar="FILE")
    p.add_argument("--plain", action="store_true", help="a plain background")
    p = add("georeference", cmd_georeference,
            "tie a town's map image to the ground with control points (3–5: affine, 6 or more: polynomial)")
    p.add_argument("--town", required=True)
    p.add_argument("--point", action="append", required=True, metavar="X,Y,LON,LAT[,LABEL]",
                   help="image pixel (x right, y up from the bottom-left) and its longitude, latitude; repeat")
