"""Command-line papers of the individual evacuation plans: ``export-plans`` (PDF or Excel)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import audience_option, fail, ledger_of
from app.core.errors import LedgerError
from app.plans.papers import export_plans, plans_for
from app.privacy.masking import export_rule
from app.towns.towns import find_town


def cmd_export_plans(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            town = find_town(s, args.town)
            path = export_plans(s, town.id, Path(args.out), audience=args.audience)
            papers = plans_for(s, town.id, args.audience)
    except (LedgerError, OSError) as e:
        return fail(e)
    made = sum(1 for p in papers if p.view.has_plan and not p.view.archived)
    anonymous = sum(1 for p in papers if p.anonymous)
    print(f"exported {len(papers)} evacuation plan(s) of {town.name} to {path} ({made} filled in, "
          f"{len(papers) - made} blank to fill by hand, {anonymous} anonymous; {export_rule(args.audience).en})")
    return 0


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("export-plans", parents=[common],
                            help="export a town's individual evacuation plans (PDF, one A4 per person, or Excel)")
    p.set_defaults(handler=cmd_export_plans)
    p.add_argument("--town", required=True, help="town name (or 'district town')")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx")
    audience_option(p)
