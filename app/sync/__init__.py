"""Sync this laptop's ledger with the office server (PostgreSQL), over the network or a USB package.

The laptop's side only; the office's own code (its security DDL, registering laptops, packages at
the office) is app.office, which nothing here imports.

For the UI (all plain Python, no Qt; ``sync`` may run in a worker thread — it opens its own sessions):

- ``sync_status(session) -> SyncStatus``: last sync time, pending local changes, unresolved
  conflicts, the server (password hidden) and the laptop name, when registered.
- ``sync(ledger, url=None, *, progress=None) -> SyncReport``: pull the other laptops' changes, then
  push ours; ``progress(stage, done, total)`` is called along the way (``STAGES`` has the
  translatable label of each stage). ``url`` defaults to the one saved at the last sync.
- ``list_conflicts(session, *, include_resolved=False) -> list[ConflictView]``: both values side
  by side, with who and when.
- ``resolve_conflict(session, conflict_id, choice) -> ConflictView``: ``"mine"`` keeps the local
  value (sent at the next sync), ``"theirs"`` takes the other laptop's value here.
- USB packages: ``export_package(ledger, path, passphrase)`` on the laptop; at the office
  ``app.office.packages.import_package_at_office(url, path, passphrase, reply_path)`` and
  ``export_package_for_laptop(url, laptop, path, passphrase)``; back on the laptop
  ``import_package(ledger, path, passphrase)``. The passphrase only hides a package; who made it is
  proved by an HMAC-SHA256 with the laptop's package key (given at registration: read through the
  laptop's login at a network sync, or carried by the office's first package), checked before
  anything is applied.

How it works: the audit log is the journal of local changes; ``sync_state`` says how far it was
sent (``pushed_audit_id``) and how far the server's journal was received (``pulled_seq``); each
mark is committed with the data it describes, and each side of a sync is one transaction, so a
sync cut anywhere is re-run from where it stopped; the server stores a change id once. Changes
received are applied with Core statements and their own audit entries (who changed it on which
laptop), recorded as pulled ranges so they are not sent back. Conflicts are never merged: the
local value stays and a ``SyncConflict`` keeps the other. A household whose map number another
laptop took first gets the town's next free number, and a "renumbered" conflict tells the user.

Modules, bottom up: ``core`` (the change record and writing it, shared with the office),
``protocol`` (what a laptop runs on the server over its own login), ``views`` (what the UI gets),
``journal`` (this ledger's unsent changes and marks), ``applier`` (received changes and conflicts),
``laptop`` (network sync, status), ``conflicts`` (list and resolve), ``packages`` (USB packages).
"""

from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.core import SyncError
from app.sync.laptop import sync, sync_status
from app.sync.packages import PackageSummary, export_package, import_package
from app.sync.views import CONFLICT_KINDS, STAGES, ConflictView, SyncReport, SyncStatus

__all__ = ["STAGES", "CONFLICT_KINDS", "SyncStatus", "ConflictView", "SyncReport", "SyncError", "PackageSummary",
           "sync", "sync_status", "list_conflicts", "resolve_conflict", "export_package", "import_package"]
