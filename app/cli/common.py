"""What every command shares: finding the ledger from --data-dir, opening it, reporting an error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, readable
from app.hazards.importer import bring_up_to_date
from app.models import Ledger, open_ledger
from app.paths import default_data_dir, ledger_path
from app.privacy.masking import Audience


def data_dir_of(args: argparse.Namespace) -> Path:
    return (args.data_dir or default_data_dir()).expanduser().resolve()


def open_from_args(args: argparse.Namespace) -> Ledger:
    path = ledger_path(data_dir_of(args))
    if not path.exists():
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "no ledger at {path}"), path=path)
    ledger = open_ledger(path, create=False)
    try:
        bring_up_to_date(ledger)
    except BaseException:
        ledger.close()
        raise
    return ledger


@contextmanager
def ledger_of(args: argparse.Namespace) -> Iterator[Ledger]:
    ledger = open_from_args(args)
    try:
        yield ledger
    finally:
        ledger.close()


def fail(error: Exception) -> int:
    print(f"error: {readable(error) if isinstance(error, LedgerError) else error}", file=sys.stderr)
    return 1


def audience_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--audience", type=Audience, choices=list(Audience), default=Audience.WATCHERS,
                   help="who receives it; persons without consent for them are printed anonymously "
                        "(default: watchers, i.e. watchers and the welfare commissioner)")


def print_problems(problems) -> None:  # noqa: ANN001 - a list of reference_layers.Problem
    for problem in problems:
        print(f"  {problem.severity}: {problem.message()}")


def print_changes(preview) -> None:  # noqa: ANN001 - a core.sheets.Preview (a roster's or a form's)
    """What an import would do, one line a person or watcher as the window's preview lists them (unchanged rows
    left out): what, the sheet and cell, who, the changes, and why a row needs a decision."""
    from app.core.sheets import ChangeKind

    words = {ChangeKind.ADDED: "add", ChangeKind.UPDATED: "update", ChangeKind.NEEDS_DECISION: "decide"}
    for row in preview.rows:
        if row.kind is ChangeKind.UNCHANGED:
            continue
        changes = "; ".join(f"{c.field}: {c.old or '—'} → {c.new or '—'}" for c in row.changes)
        line = f"  {words[row.kind]} {row.sheet}!{row.cell} {row.label}" + (f"  {changes}" if changes else "")
        if row.reason:
            line += f"  {row.reason}"
        if row.kind is ChangeKind.NEEDS_DECISION and row.options:
            line += f" (not decided here: {row.options[0].label})"
        print(line)
    print_notes(preview)


def print_notes(preview) -> None:  # noqa: ANN001 - a core.sheets.Preview
    """What the import tells about cells it imports all the same (a roster's local phone numbers completed with
    the town's area code, or kept with a warning), one a line: after a dry run and after the import itself."""
    for note in getattr(preview, "notes", ()):
        print(f"  {note.line()}")


def command_adder(commands: argparse._SubParsersAction, common: argparse.ArgumentParser):  # noqa: ANN201
    """``add(name, handler, help)``: a sub-command with the common options (--data-dir) that runs ``handler``."""
    def add(name: str, handler, help_text: str) -> argparse.ArgumentParser:  # noqa: ANN001
        p = commands.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(handler=handler)
        return p
    return add
