"""The safety check from the command line (issue 16): incident start / record / export / close."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from sqlalchemy import select

from app.cli.common import command_adder, fail, ledger_of
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.models import Household, Person
from app.models.safety import CheckMethod, SafetyStatus
from app.safety import incidents
from app.safety.rollcall import roll_call, status_counts
from app.safety.views import METHOD_LABELS, STATUS_LABELS, EventFields, IncidentView, status_text
from app.safety.workbook import FIRST_ROW, SHEET, export_log, typed_status  # the read-back's words, one set
from app.towns.towns import find_town

_STATUS_VALUES = {s.value: s for s in SafetyStatus}
_METHOD_OF = {**{label: m for m, label in METHOD_LABELS.items()}, **{m.value: m for m in CheckMethod}}


def _status(text: str) -> tuple[SafetyStatus, str]:
    """A status as the checklist's read-back takes it (the list's labels, the paper's boxes 無事・避難・要支援・入院等・
    不能, 「避難（避難所名）」, full or half width), or its English value (safe_home …)."""
    text = text.strip()
    if text in _STATUS_VALUES:
        return _STATUS_VALUES[text], ""
    try:
        return typed_status(text, SHEET, FIRST_ROW)  # its sheet and row only name the cell of a refusal
    except LedgerError:
        pass
    raise LedgerError(QT_TRANSLATE_NOOP("errors", "--status {value}: use one of {labels}."),
                      value=text, labels="、".join(STATUS_LABELS.values()))


def _chosen_incident(s, name: str | None, *, closed_too: bool = False,  # noqa: ANN001
                     town_id: uuid.UUID | None = None) -> IncidentView:
    """The incident ``--name`` names, or the only open one (covering ``town_id`` when given): with several open
    (in other towns, or two laptops that each started one before a sync) the command asks which instead of
    taking the newest."""
    if name:
        named = [i for i in incidents.list_incidents(s) if i.name == name.strip() and (closed_too or i.is_open)]
        if not named:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No incident is called {name}.") if closed_too else
                           QT_TRANSLATE_NOOP("errors", "No open incident is called {name}."), where="--name",
                           name=name.strip())
        return named[0]
    found = incidents.open_incidents(s, town_id)
    if len(found) > 1:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{count} incidents are open ({names}): name one with --name."),
                          where="incident", count=len(found), names="、".join(i.name for i in found))
    return incidents.current_incident(s, town_id)


def _counted(n: int, one: str, many: str) -> str:
    """「1 check」, 「2 checks」: the command line's English (its output is not translated)."""
    return f"{n} {one if n == 1 else many}"


def _counts_line(s, incident_id) -> str:  # noqa: ANN001
    counts = status_counts(roll_call(s, incident_id))
    return "、".join(f"{STATUS_LABELS[k]} {v}" for k, v in counts.items())


def cmd_incident_start(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            towns = [find_town(s, name.strip()) for name in args.town.split(",") if name.strip()]
            view = incidents.start_incident(s, args.name, [t.id for t in towns], kind=args.kind)
            persons = len(roll_call(s, view.id))
    except LedgerError as e:
        return fail(e)
    print(f"started the incident {view.name} ({view.kind.value}) in {'、'.join(t.name for t in towns)}: "
          f"{_counted(persons, 'person', 'persons')} needing support to check")
    return 0


def cmd_incident_record(args: argparse.Namespace) -> int:
    try:
        status, shelter = _status(args.status)
        method = _METHOD_OF.get(args.method.strip())
        if method is None:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "--method {value}: use 訪問, 電話 or その他."),
                              value=args.method)
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            town = find_town(s, args.town)
            # Two open for the town (a sync brought the other laptop's): asked which, not the newest taken.
            incident = _chosen_incident(s, args.name, town_id=town.id)
            query = (select(Person).join(Household, Household.id == Person.household_id)
                     .where(Household.town_id == town.id, Household.map_number == args.map_number,
                            Household.deleted_at.is_(None), Person.deleted_at.is_(None)))
            candidates = list(s.scalars(query.order_by(Person.sort_order)))
            if args.person:
                candidates = [p for p in candidates if p.name.replace("　", " ").strip() ==
                              args.person.replace("　", " ").strip()]
            elif len(candidates) > 1:
                candidates = [p for p in candidates if p.of_concern] or candidates
            if not candidates:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such person at map number {number} in {town}."),
                               where="map-number", number=args.map_number, town=town.name)
            if len(candidates) > 1:
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "Map number {number} has several persons: name one with "
                                                              "--person."), where="person", number=args.map_number)
            person = candidates[0]
            event = incidents.record_event(s, incident.id, person.id, EventFields(
                status, checked_by=args.by or ledger.operator.name, method=method, note=args.note or "",
                shelter_text=args.shelter or shelter))
            counts = _counts_line(s, incident.id)
    except LedgerError as e:
        return fail(e)
    print(f"recorded {town.name} No.{args.map_number} {person.name}: {status_text(event.status, event.shelter_text)} "
          f"({event.method_label}, {event.checked_by}) in {incident.name}; now {counts}")
    return 0


def cmd_incident_export(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            incident = (_chosen_incident(s, args.name, closed_too=args.all_closed)
                        if args.name or not args.all_closed else incidents.list_incidents(s)[0])
            count = export_log(s, incident.id, Path(args.out), audience=args.audience)
    except (LedgerError, IndexError, OSError) as e:
        return fail(e if not isinstance(e, IndexError) else NotFound(
            QT_TRANSLATE_NOOP("errors", "No incident was ever started."), where="incident"))
    print(f"wrote {_counted(count, 'check', 'checks')} of {incident.name} to {args.out}")
    return 0


def cmd_incident_close(args: argparse.Namespace) -> int:
    try:
        with ledger_of(args) as ledger, ledger.Session.begin() as s:
            incident = _chosen_incident(s, args.name)
            closed = incidents.close_incident(s, incident.id)
            events = len(incidents.events_of(s, incident.id))
    except LedgerError as e:
        return fail(e)
    print(f"closed the incident {closed.name}; its {_counted(events, 'check is', 'checks are')} kept")
    return 0


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    incident = commands.add_parser("incident", help="the safety check (安否確認): start, record, export, close")
    sub = incident.add_subparsers(dest="incident_command", required=True)

    add = command_adder(sub, common)

    p = add("start", cmd_incident_start, "start a safety check in some towns")
    p.add_argument("--town", required=True, help="a town, or several separated by commas")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", choices=("flood", "sediment", "earthquake", "other"), default="other")
    p = add("record", cmd_incident_record, "record one check of a person (a new event: nothing is overwritten)")
    p.add_argument("--town", required=True)
    p.add_argument("--map-number", required=True, type=int)
    p.add_argument("--person", help="the person's name, when the household has several")
    p.add_argument("--status", required=True, help="、".join(STATUS_LABELS.values()) + " (or 避難済み（避難所名）)")
    p.add_argument("--shelter", help="the shelter of an evacuated person")
    p.add_argument("--note")
    p.add_argument("--by", help="who checked (default: the operator)")
    p.add_argument("--method", default="訪問", help="訪問, 電話 or その他")
    p.add_argument("--name", help="the incident, when several are open in the town (the person is --person)")
    p = add("export", cmd_incident_export, "write the open incident's log (every check) and counts per 地区 to Excel")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    p.add_argument("--audience", choices=("staff", "watchers", "agencies", "community"), default="agencies")
    p.add_argument("--all-closed", action="store_true", help="the latest incident even when it is closed")
    p.add_argument("--name", help="the incident, when several are open (or, with --all-closed, a closed one)")
    p = add("close", cmd_incident_close, "close the open incident (its checks are kept)")
    p.add_argument("--name", help="the incident to close, when several are open")
