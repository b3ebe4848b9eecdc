"""USB packages at the office: apply a laptop's package as that laptop (after checking its signature
and districts) and write the reply; write a package of what a laptop has not received."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from app.core.errors import QT_TRANSLATE_NOOP
from app.office.server import act_as, confirm_package_key, outside_scope, registered_laptop
from app.sync.core import SyncError
from app.sync.packages import PACKAGE_FORMAT, PackageSummary, read_package, write_package
from app.sync.protocol import LaptopInfo, connect, fetch_changes, last_pulled, log_sync, receive, unreachable


def _office_package(conn: Connection, me: LaptopInfo, since: int, path: Path, passphrase: str,
                    acks: list[tuple[str, str, str]], echo: dict) -> tuple[Path, int]:
    changes, top = fetch_changes(conn, me, since)
    meta = dict(format=PACKAGE_FORMAT, kind="office", laptop=me.name, all_districts=me.all_districts,
                districts=[str(d) for d in me.district_ids], top=top, made_at=datetime.now(timezone.utc).isoformat(),
                **echo)
    previous = None
    if not me.package_key_confirmed:  # the laptop may not hold its key yet: it travels in here
        meta["key"] = me.package_key.hex()
        previous = me.previous_package_key  # a laptop holding the old key trusts the new one by this
    write_package(path, passphrase, meta, changes, acks, key=me.package_key, previous_key=previous)
    return Path(path), top


def import_package_at_office(url: str, path: Path, passphrase: str, reply_path: Path,
                             reply_passphrase: str | None = None) -> PackageSummary:
    """Apply a laptop's package to the server as that laptop (its scope and the stale rule apply), and
    write the reply package: what was accepted, and every change the laptop has not received yet.

    Refused whole, before anything is written, unless it is signed with the key of the laptop it
    names, and unless every change is in that laptop's districts."""
    package = read_package(path, passphrase)
    meta, changes, where = package.meta, package.changes, str(path)
    if meta.get("kind") != "laptop":
        raise SyncError(QT_TRANSLATE_NOOP("errors", "this package was made by the office, not by a laptop"),
                        where=where)
    name = str(meta.get("laptop") or "")
    engine = connect(url)
    try:
        with engine.begin() as conn:
            claimed = registered_laptop(conn, name, where)
            if not package.signed_with(claimed.package_key):
                raise SyncError(QT_TRANSLATE_NOOP("errors", "this package is not signed with the key of laptop "
                                                            "{name}: it was changed after it was made, or another "
                                                            "laptop made it; nothing was applied"),
                                where=where, name=name)
            if outside_scope(conn, claimed, changes):
                raise SyncError(QT_TRANSLATE_NOOP("errors", "this package changes records of districts laptop "
                                                            "{name} is not registered for; nothing was applied"),
                                where=where, name=name)
            confirm_package_key(conn, claimed)
            me = act_as(conn, name)
            result = receive(conn, me, changes, int(meta["base_seq"]), reject_stale=True)
            rejected = {c.change_id for c, _ in result.rejected}
            acks = [(str(c.change_id), c.origin, "rejected" if c.change_id in rejected else "accepted")
                    for c in changes]
            _, top = _office_package(conn, me, int(meta["base_seq"]), Path(reply_path), reply_passphrase or passphrase,
                                     acks, dict(audit_top=meta["audit_top"], outside_scope=meta.get("outside_scope", []),
                                                ledger_id=meta["ledger_id"]))
            log_sync(conn, me, "package", pushed=len(result.accepted), rejected=len(result.rejected), pulled=0,
                     pulled_up_to=top, detail=f"{Path(path).name} → {Path(reply_path).name}")
    except DBAPIError as e:
        raise unreachable(url, e) from e
    finally:
        engine.dispose()
    return PackageSummary(Path(reply_path), name, len(changes), len(result.accepted), len(result.rejected))


def export_package_for_laptop(url: str, laptop: str, path: Path, passphrase: str, *,
                              since: int | None = None) -> PackageSummary:
    """At the office: the changes a laptop has not received (since its last sync or package, or ``since``),
    signed with its package key; the key itself travels too until the laptop has used it."""
    engine = connect(url)
    try:
        with engine.begin() as conn:
            me = act_as(conn, laptop)
            start = last_pulled(conn, me) if since is None else since
            out, top = _office_package(conn, me, start, Path(path), passphrase, [], {})
            log_sync(conn, me, "package-out", pushed=0, rejected=0, pulled=0, pulled_up_to=top, detail=out.name)
    except DBAPIError as e:
        raise unreachable(url, e) from e
    finally:
        engine.dispose()
    return PackageSummary(Path(path), laptop, 0)
