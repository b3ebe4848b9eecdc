"""Command line and start-up: parse args → paths → ledger (migrated) → WebEngine → QApplication → window.

    sasaeai-map [--data-dir DIR] [--demo] [--screenshot FILE.png]
    sasaeai-map make-demo --data-dir DIR
    sasaeai-map towns [--data-dir DIR]
    sasaeai-map export-form --town TOWN --out FILE.xlsx [--audience watchers|community|agencies|staff]
    sasaeai-map import-form FILE.xlsx [--dry-run]
    sasaeai-map import-roster FILE.xlsx --town TOWN [--dry-run]
    sasaeai-map export-contacts --town TOWN --out FILE.xlsx|FILE.pdf
    sasaeai-map export-cards --town TOWN --out FILE.pdf|FILE.xlsx
    sasaeai-map import-agencies FILE [--kind KIND] [--area-code 0776] [--dry-run]
    sasaeai-map import-layer FILE [--kind KIND] [--dry-run]
    sasaeai-map print-map --town TOWN --out FILE.pdf|FILE.png
    sasaeai-map backup --out FILE          sasaeai-map restore FILE
    sasaeai-map server-init --url URL      sasaeai-map server-register-laptop --url URL --name N --districts D
    sasaeai-map sync [--url URL]           sasaeai-map package-export / package-import (USB)
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from app import __version__
from app.cli import add_commands, data_dir_of

log = logging.getLogger("app")


def _data_dir_option(default: object) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=default,
                        help="folder of the ledger (default: the user's data folder, or $SASAEAI_DATA_DIR)")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sasaeai-map", parents=[_data_dir_option(None)],
                                     description="Sasaeai Map (支え合いマップ): neighbourhood welfare mapping, offline.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="open a fresh copy of the demo town in a temporary folder (your ledger is not touched)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render the main window once the map has loaded, save it as PNG and exit")
    # SUPPRESS: "--data-dir DIR towns" and "towns --data-dir DIR" both work (no default overwrites it).
    parser.add_argument("--self-test", action="store_true",
                        help="open the demo, load the map, export a form, exit 0 when all worked (for bundles)")
    parser.add_argument("--step", type=int, choices=(1, 2, 3, 4), default=1,
                        help="open on step I, II, III or IV (the liaison meeting) of the Echizen process")
    add_commands(parser.add_subparsers(dest="command"), _data_dir_option(argparse.SUPPRESS))
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return args.handler(args)
    from app.ui.app import run_gui

    return run_gui(data_dir=data_dir_of(args), demo=args.demo, screenshot=args.screenshot, step=args.step,
                   self_test=args.self_test)


if __name__ == "__main__":
    sys.exit(main())
