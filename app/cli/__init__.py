"""Command-line tools for 社協 staff and scripts; the same services and io code the UI calls."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import gis as gis_cli
from app.cli import hazards as hazards_cli
from app.cli import incidents as incidents_cli
from app.cli import plans as plans_cli
from app.cli import towns as towns_cli
from app.cli.common import (
    audience_option,
    command_adder,
    data_dir_of,
    fail,
    ledger_of,
    print_changes,
    print_notes,
    print_problems,
)
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.emergency import agency_files as agencies
from app.emergency import card_pdf as emergency_cards
from app.emergency import contact_sheet as emergency_sheet
from app.paths import address_table_path, ledger_path
from app.privacy.masking import export_rule
from app.privacy.sharing import current_sharing
from app.towns import reference_layers
from app.towns.addresses import AddressTable
from app.towns.towns import find_town, list_towns
from app.watch import roster, watch_form


def cmd_make_demo(args: argparse.Namespace) -> int:
    from app.demo.seed import make_demo

    if args.data_dir is None:
        print("make-demo needs --data-dir DIR (it never writes into your own ledger's folder by default)",
              file=sys.stderr)
        return 2
    try:
        summary = make_demo(data_dir_of(args))
    except FileExistsError as e:
        print(f"{e}: a ledger is already there; choose an empty folder", file=sys.stderr)
        return 1
    print(f"demo ledger written: {summary.ledger} ({summary.town}: {summary.households} households, "
          f"{summary.persons} persons, {summary.places} gathering places)")
    return 0


def cmd_towns(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session() as s:
            names = [town.name for town in list_towns(s)]
    except LedgerError as e:
        return fail(e)
    for name in names:
        print(name)
    return 0


def cmd_export_form(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:  # the copy is counted out: a write
            town = find_town(s, args.town)
            sharing = current_sharing(s)
            path = watch_form.export_form(s, town.id, Path(args.out), audience=args.audience, sharing=sharing)
    except (LedgerError, OSError) as e:
        return fail(e)
    print(f"exported the watch-network record form of {town.name} to {path} "
          f"({export_rule(args.audience, sharing).en})")
    return 0


def _import(args: argparse.Namespace, read, apply) -> int:  # noqa: ANN001 - a reader and its apply
    """Read → preview → (unless --dry-run) apply in one transaction; print the one-line summary."""
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            preview = read(s)
            if not args.dry_run:
                apply(s, preview, address_table=AddressTable.from_isj_csv(address_table_path()))
    except (LedgerError, OSError) as e:
        return fail(e)
    prefix = "would import (dry run): " if args.dry_run else "imported: "
    print(prefix + preview.summary())
    if args.dry_run:
        print_changes(preview)
    else:
        print_notes(preview)
    return 0


def cmd_import_form(args: argparse.Namespace) -> int:
    return _import(args, lambda s: watch_form.read_form(s, Path(args.file)), watch_form.apply_form)


def cmd_import_roster(args: argparse.Namespace) -> int:
    def read(s):  # noqa: ANN001, ANN202
        return roster.read_roster(s, Path(args.file), find_town(s, args.town).id)

    return _import(args, read, roster.apply_roster)


def cmd_export_contacts(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:  # the copy is counted out: a write
            town = find_town(s, args.town)
            sharing = current_sharing(s)
            path = emergency_sheet.export_sheet(s, town.id, Path(args.out), order=args.order,
                                                include_medical=args.include_medical, audience=args.audience,
                                                sharing=sharing)
    except (LedgerError, OSError) as e:
        return fail(e)
    print(f"exported the emergency contact sheet of {town.name} to {path} ({export_rule(args.audience, sharing).en})")
    return 0


def cmd_export_cards(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:  # the copy is counted out: a write
            town = find_town(s, args.town)
            sharing = current_sharing(s)
            path = emergency_cards.export_cards(s, town.id, Path(args.out), per_page=args.per_page,
                                                audience=args.audience, sharing=sharing)
    except (LedgerError, OSError) as e:
        return fail(e)
    print(f"exported the emergency contact cards of {town.name} to {path} ({export_rule(args.audience, sharing).en})")
    return 0


def _agency_kind(text: str) -> str:
    """``--kind``: a kind's value or its Japanese label (地域包括支援センター), as the list's own column may say it."""
    from app.emergency.views import AGENCY_KIND_LABELS

    wanted = text.strip()
    for kind, label in AGENCY_KIND_LABELS.items():
        if wanted in (kind.value, label):
            return kind.value
    raise argparse.ArgumentTypeError(f"{text!r} is not a kind of agency; use one of " + ", ".join(
        f"{kind.value} ({label})" for kind, label in AGENCY_KIND_LABELS.items()))


def cmd_import_agencies(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            preview = agencies.read_agencies(s, Path(args.file), kind=args.kind, default_area_code=args.area_code)
            try:
                if args.dry_run:
                    agencies.check_importable(preview)  # what the real import refuses, with the same message
                else:
                    agencies.apply_agencies(s, preview)
            except LedgerError:
                print_problems(preview.problems)  # every row to fix, not only the first the message names
                raise
    except (LedgerError, OSError) as e:
        return fail(e)
    print(("would import (dry run): " if args.dry_run else "imported: ") + preview.summary())
    print_problems(preview.problems)
    return 0


def cmd_import_layer(args: argparse.Namespace) -> int:
    try:
        preview = reference_layers.read_layer(Path(args.file), kind=args.kind)
        with ledger_of(args) as ledger, ledger.Session.begin() as s:  # a dry run too: it fails where the import does
            if not args.dry_run:
                reference_layers.apply_layer(s, preview)
    except (LedgerError, OSError) as e:
        return fail(e)
    print(("would import (dry run): " if args.dry_run else "imported: ") + preview.summary())
    print(f"coordinate system: {preview.crs.note()}")
    print_problems(preview.problems)
    return 0


def cmd_print_map(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a printed map needs no screen
    from app.ui.app import prepare_webengine

    prepare_webengine()
    from PySide6.QtWidgets import QApplication

    from app.maps.printing import PrintOptions, print_map
    from app.ui.i18n import install_translators
    from app.ui.mainwindow import page_labels

    app = QApplication.instance() or QApplication([])
    install_translators(app, "ja")  # the printed map is handed out in the town: Japanese, whatever the locale
    try:
        with ledger_of(args) as ledger:
            with ledger.Session() as s:
                town = find_town(s, args.town)
            options = PrintOptions(paper=args.paper, landscape=args.orientation == "landscape", lines=args.lines,
                                   hazards=args.hazards)
            path = print_map(ledger, town.id, Path(args.out), options, page_labels())
    except (LedgerError, OSError) as e:
        return fail(e)
    print(f"printed the map of {town.name} to {path}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.privacy.backup import backup_to

    try:
        with ledger_of(args) as ledger:
            path = backup_to(ledger, Path(args.out))
    except (LedgerError, OSError) as e:
        return fail(e)
    print(f"backed up to {path} (encrypted with the ledger's passphrase)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.models.engine import resolve_passphrase
    from app.privacy.backup import restore_backup
    from app.privacy.lock import acquire_lock

    path = ledger_path(data_dir_of(args))
    try:
        with acquire_lock(path):  # never under an app that has the ledger open
            key = resolve_passphrase(path)
            kept = restore_backup(path, Path(args.file), key)
    except (LedgerError, OSError) as e:
        return fail(e)
    print(f"restored {args.file}" + (f"; the previous ledger was kept as {kept}" if kept else ""))
    return 0


# --- sync with the office server (PostgreSQL) and USB sync packages -------------------------------------------

PACKAGE_PASSPHRASE_ENV = "SASAEAI_PACKAGE_PASSPHRASE"


def _package_passphrase() -> str:
    import getpass
    import os

    passphrase = os.environ.get(PACKAGE_PASSPHRASE_ENV)
    if passphrase:
        return passphrase
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("package passphrase: ")
    raise LedgerError(QT_TRANSLATE_NOOP("errors", "a sync package needs a passphrase: set {env}"),
                      where="passphrase", env=PACKAGE_PASSPHRASE_ENV)


def cmd_server_init(args: argparse.Namespace) -> int:
    from app.office.server import init_server
    from app.sync.protocol import masked

    try:
        name = init_server(args.url)
    except LedgerError as e:
        return fail(e)
    print(f"server ledger ready: database {name} at {masked(args.url)} (migrations, journal, row-level security)")
    return 0


def cmd_server_register_laptop(args: argparse.Namespace) -> int:
    from app.office.server import new_package_key, register_laptop

    try:
        if args.new_package_key:
            new_package_key(args.url, args.name)
            print(f"{args.name} has a new package key: the next package made for it carries it; "
                  "packages signed with the old key are refused")
            return 0
        reg = register_laptop(args.url, args.name, (args.districts or "").split(","))
    except LedgerError as e:
        return fail(e)
    print(f"registered {reg.name} as PostgreSQL role {reg.role}")
    print("its USB package key travels in the first package made for it (or with its first network sync)")
    print(f"its sync address (shown once; keep it on that laptop only): {reg.url}")
    return 0


def _print_report(report) -> None:  # noqa: ANN001 - a SyncReport
    print(f"received {report.received} change(s), applied {report.applied}; sent {report.sent}"
          + (f" ({report.already_sent} were already on the server)" if report.already_sent else "")
          + (f"; {report.rejected} refused" if report.rejected else "")
          + (f"; {report.outside_scope} outside this laptop's districts, kept here" if report.outside_scope else ""))
    for line in report.renumbered:
        print(f"  renumbered: {line}")
    if report.new_conflicts:
        print(f"{report.new_conflicts} new conflict(s) to resolve in the app (both values are kept)")


def cmd_sync(args: argparse.Namespace) -> int:
    from app.sync import STAGES, sync

    def progress(stage: str, done: int, total: int) -> None:
        if args.verbose:
            print(f"  {STAGES.get(stage, stage)} {done}/{total}", file=sys.stderr)

    try:
        with ledger_of(args) as ledger:
            report = sync(ledger, args.url, progress=progress)
    except LedgerError as e:
        return fail(e)
    _print_report(report)
    return 0


def cmd_package_export(args: argparse.Namespace) -> int:
    from app.office.packages import export_package_for_laptop
    from app.sync import export_package

    try:
        if args.url:
            if not args.laptop:
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "name the laptop the package is for"), where="--laptop")
            summary = export_package_for_laptop(args.url, args.laptop, args.out, _package_passphrase(), since=args.since)
            print(f"wrote the changes {summary.laptop_name} has not received to {summary.path}")
        else:
            with ledger_of(args) as ledger:
                summary = export_package(ledger, args.out, _package_passphrase())
            print(f"wrote {summary.changes} change(s) of {summary.laptop_name} to {summary.path}; "
                  "take it to the office, then import the reply here")
    except (LedgerError, OSError) as e:
        return fail(e)
    return 0


def cmd_package_import(args: argparse.Namespace) -> int:
    from app.office.packages import import_package_at_office
    from app.sync import import_package

    try:
        if args.url:
            if not args.reply:
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "give the reply package's file name"), where="--reply")
            summary = import_package_at_office(args.url, args.file, _package_passphrase(), args.reply)
            print(f"{summary.laptop_name}: {summary.accepted} change(s) accepted, {summary.rejected} refused "
                  f"(changed meanwhile by another laptop: they come back as conflicts); reply written to {summary.path}")
        else:
            with ledger_of(args) as ledger:
                _print_report(import_package(ledger, args.file, _package_passphrase()))
    except (LedgerError, OSError) as e:
        return fail(e)
    return 0


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add = command_adder(commands, common)

    add("make-demo", cmd_make_demo, "write the demo ledger into --data-dir")
    add("towns", cmd_towns, "list the ledger's towns, one per line")
    p = add("export-form", cmd_export_form, "export a town's watch-network record form (Excel)")
    p.add_argument("--town", required=True, help="town name (or 'district town')")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    audience_option(p)
    p = add("import-form", cmd_import_form, "import a filled-in watch-network record form")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p = add("import-roster", cmd_import_roster, "import a roster (one row per person) into a town")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--town", required=True)
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p = add("export-contacts", cmd_export_contacts, "export a town's emergency contact sheet (Excel or PDF)")
    p.add_argument("--town", required=True)
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.pdf")
    p.add_argument("--order", choices=("kana", "map_number"), default="kana", help="五十音 (kana) or map number")
    p.add_argument("--include-medical", action="store_true", help="also print medication/allergy notes")
    audience_option(p)
    p = add("export-cards", cmd_export_cards, "export the emergency contact cards of a town (PDF or Excel)")
    p.add_argument("--town", required=True)
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx")
    p.add_argument("--per-page", type=int, choices=(1, 2), default=1, help="cards per A4 page (2: cut in half)")
    audience_option(p)
    p = add("import-agencies", cmd_import_agencies, "import an agency list (Excel or CSV) into the directory")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", type=_agency_kind, help="the kind of every agency in the file, when the file does not "
                   "say: its value or its Japanese label (e.g. community_support_centre or 地域包括支援センター)")
    p.add_argument("--area-code", default="", help="area code for phone numbers written without one (e.g. 0776)")
    p.add_argument("--dry-run", action="store_true")
    p = add("print-map", cmd_print_map, "print a town's map (numbers only, no names) to PDF or PNG")
    p.add_argument("--town", required=True)
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.png")
    p.add_argument("--paper", choices=("A4", "A3"), default="A4")
    p.add_argument("--orientation", choices=("landscape", "portrait"), default="landscape")
    p.add_argument("--lines", action="store_true", help="draw the watch lines too")
    p.add_argument("--hazards", action="store_true",
                   help="draw the town's hazard zones too (flood, landslide …), with their legend and sources")
    p = add("backup", cmd_backup, "save an encrypted copy of the ledger (passphrase from SASAEAI_PASSPHRASE)")
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p = add("restore", cmd_restore, "replace the ledger with a checked backup (the current one is kept first)")
    p.add_argument("file", type=Path, metavar="FILE")
    p = add("import-layer", cmd_import_layer, "import shelters, community halls or clinics (CSV, GeoJSON or Shapefile .shp)")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", choices=("shelter", "designated_shelter", "community_hall", "clinic"))
    p.add_argument("--dry-run", action="store_true")
    p = add("server-init", cmd_server_init, "prepare the office's PostgreSQL database (run again after upgrades)")
    p.add_argument("--url", required=True, metavar="postgresql://OWNER:PASSWORD@HOST/DB")
    p = add("server-register-laptop", cmd_server_register_laptop,
            "register a laptop for some districts, with its own PostgreSQL login")
    p.add_argument("--url", required=True, metavar="postgresql://OWNER:PASSWORD@HOST/DB")
    p.add_argument("--name", required=True, help="the laptop's name, e.g. 味真野-1")
    p.add_argument("--districts", help="district names separated by commas, or * for every district")
    p.add_argument("--new-package-key", action="store_true",
                   help="give an already registered laptop a new USB package key (lost ledger, leaked key)")
    p = add("sync", cmd_sync, "sync this ledger with the office server (pull, then push)")
    p.add_argument("--url", help="the address the office gave this laptop (default: the last one used)")
    p.add_argument("--verbose", action="store_true", help="print each stage")
    p = add("package-export", cmd_package_export,
            "write a USB sync package (passphrase from SASAEAI_PACKAGE_PASSPHRASE); with --url: at the office, for a laptop")
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.add_argument("--url", help="office: the server's owner address")
    p.add_argument("--laptop", help="office: the laptop the package is for")
    p.add_argument("--since", type=int, help="office: send changes after this sequence (default: what it last received)")
    p = add("package-import", cmd_package_import,
            "import a USB sync package; with --url: at the office, a laptop's package (writes the reply)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--url", help="office: the server's owner address")
    p.add_argument("--reply", type=Path, metavar="FILE", help="office: where to write the reply package")
    towns_cli.add_commands(commands, common)  # add-town, set-base-map, georeference
    gis_cli.add_commands(commands, common)  # export-geojson
    hazards_cli.add_commands(commands, common)  # import-hazard
    plans_cli.add_commands(commands, common)  # export-plans
    incidents_cli.add_commands(commands, common)  # incident start / record / export / close
