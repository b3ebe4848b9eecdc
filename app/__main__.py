"""Command line and start-up: parse args → paths → ledger (migrated) → WebEngine → QApplication → window.

    sasaeai-map [--data-dir DIR] [--demo] [--screenshot FILE.png]
    sasaeai-map make-demo --data-dir DIR
    sasaeai-map towns [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from app import __version__
from app.paths import default_data_dir, ledger_path

log = logging.getLogger("app")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=None,
                        help="folder of the ledger (default: the user's data folder, or $SASAEAI_DATA_DIR)")
    parser = argparse.ArgumentParser(prog="sasaeai-map", parents=[common],
                                     description="Sasaeai Map (支え合いマップ): neighbourhood welfare mapping, offline.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="open a fresh copy of the demo town in a temporary folder (your ledger is not touched)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render the main window once the map has loaded, save it as PNG and exit")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("make-demo", parents=[common], help="write the demo ledger into --data-dir")
    commands.add_parser("towns", parents=[common], help="list the ledger's towns, one per line")
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    return (args.data_dir or default_data_dir()).expanduser().resolve()


def cmd_make_demo(args: argparse.Namespace) -> int:
    from app.services.demo import make_demo

    if args.data_dir is None:
        print("make-demo needs --data-dir DIR (it never writes into your own ledger's folder by default)",
              file=sys.stderr)
        return 2
    try:
        summary = make_demo(_data_dir(args))
    except FileExistsError as e:
        print(f"{e}: a ledger is already there; choose an empty folder", file=sys.stderr)
        return 1
    print(f"demo ledger written: {summary.ledger} ({summary.town}: {summary.households} households, "
          f"{summary.persons} persons, {summary.places} gathering places)")
    return 0


def cmd_towns(args: argparse.Namespace) -> int:
    from app.models import open_ledger
    from app.services.towns import list_towns

    path = ledger_path(_data_dir(args))
    if not path.exists():
        print(f"no ledger at {path}", file=sys.stderr)
        return 1
    ledger = open_ledger(path, create=False)
    try:
        with ledger.Session() as s:
            for town in list_towns(s):
                print(town.name)
    finally:
        ledger.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    if args.command == "make-demo":
        return cmd_make_demo(args)
    if args.command == "towns":
        return cmd_towns(args)
    from app.ui.app import run_gui

    return run_gui(data_dir=_data_dir(args), demo=args.demo, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
