"""Command-line exchange with GIS tools: ``export-geojson`` (a town as RFC 7946 GeoJSON for QGIS)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import audience_option, fail, ledger_of
from app.core.errors import LedgerError
from app.towns.geojson_export import export_geojson
from app.towns.towns import find_town


def cmd_export_geojson(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:  # the copy is counted out: a write
            town = find_town(s, args.town)
            result = export_geojson(s, town.id, Path(args.out), args.audience)
    except (LedgerError, OSError) as e:
        return fail(e)
    print(f"exported: {result.summary()}")
    print("coordinate system: WGS84 longitude/latitude (RFC 7946; JGD2011 positions agree within a metre)")
    return 0


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("export-geojson", parents=[common],
                            help="export a town's households, gathering places and watch links as GeoJSON (QGIS)")
    p.set_defaults(handler=cmd_export_geojson)
    p.add_argument("--town", required=True, help="town name (or 'district town')")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.geojson")
    audience_option(p)
