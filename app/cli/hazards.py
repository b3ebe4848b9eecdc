"""Command-line import of hazard zones: ``import-hazard FILE [--kind …] [--dry-run]`` (国土数値情報, issue 16)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import fail, ledger_of
from app.core.errors import LedgerError
from app.hazards.codes import CLI_KINDS
from app.hazards.importer import Extent, NothingImported, import_hazard


def _extent(text: str) -> Extent:
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("give WEST,SOUTH,EAST,NORTH in degrees, e.g. 136.0,35.8,136.4,36.1") from None
    return Extent(west, south, east, north)


def cmd_import_hazard(args: argparse.Namespace) -> int:
    kind = CLI_KINDS[args.kind] if args.kind else None
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            result = import_hazard(s, Path(args.file), kind, extent=args.extent, dry_run=args.dry_run)
    except NothingImported as e:
        code = fail(e)
        for defect in e.result.defects:  # every defect, as a dry run would list them
            print(f"  {defect.message()}", file=sys.stderr)
        return code
    except (LedgerError, OSError) as e:
        return fail(e)
    print(("would import (dry run): " if args.dry_run else "imported: ") + result.summary())
    if result.crs is not None:
        print(f"coordinate system: {result.crs.note()}")
    for defect in result.defects:
        print(f"  {defect.message()}")
    return 0


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("import-hazard", parents=[common],
                            help="import 国土数値情報 hazard zones (A31a flood, A33 sediment, A49 storm surge, "
                                 "A40 tsunami; GeoJSON or Shapefile), clipped to the city")
    p.set_defaults(handler=cmd_import_hazard)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--kind", choices=list(CLI_KINDS), help="default: guessed from the attribute names")
    p.add_argument("--extent", type=_extent, metavar="W,S,E,N",
                   help="keep zones in this box (default: the ledger's towns and shelters, padded by 2 km)")
    p.add_argument("--dry-run", action="store_true", help="read and report, change nothing")
