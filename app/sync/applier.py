"""Applying the changes other laptops made to this ledger, with the conflict rules: a value changed
here too is never overwritten (a conflict keeps the other one), a taken map number is renumbered."""

from __future__ import annotations

import uuid
from contextlib import nullcontext
from datetime import datetime, timezone
from typing import cast

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses
from app.households.search import entries_in_bulk
from app.models import AuditAction, AuditEntry, Base, HouseholdCategory
from app.models.audit import Origin, audit_row, created_entries
from app.models.entities import household_category_link
from app.models.sync import SyncConflict, SyncPulledRange, SyncState, SyncUnpushedRecord
from app.models.writes import RowChange, Writes, large_cache
from app.models.writes import table_of as table_for
from app.safety.incidents import join_open_incidents, joined_incidents
from app.sync.conflicts import settle_by_rule
from app.sync.core import (
    BOOKKEEPING,
    CATEGORIES,
    SEARCH_KEYS,
    SYNCED_TABLES,
    Change,
    decode,
    decode_row,
    dumps,
    refresh_search_keys,
    table_of,
    update_record,
)
from app.sync.journal import max_audit, origin_of, pending, record_of, records_by_id
from app.sync.views import Progress, SyncReport
from app.towns import basemaps

CHUNK = 5000  # ids per IN list (SQLite's limit on bound variables is far above)
LARGE = 2000  # received changes from which the ledger's page cache is raised while they are applied
FIELD_RUN = 1000  # field changes read and applied together (the progress is told after each run)


def _rekey(conn: Connection, entity: str, old: uuid.UUID, new: uuid.UUID) -> None:
    """Give a local district or town the server's id for the same name (first sync of an old ledger)."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    table = table_of(entity)
    conn.execute(update(table).where(table.c.id == old).values(id=new))
    for child in Base.metadata.tables.values():
        for fk in child.foreign_keys:
            if fk.column.table.name == entity:
                conn.execute(update(child).where(fk.parent == old).values({fk.parent.key: new}))
    a = table_for(AuditEntry)
    conn.execute(update(a).where(a.c.entity == entity, a.c.entity_id == old).values(entity_id=new))
    for t in (table_for(SyncUnpushedRecord), table_for(SyncConflict)):
        conn.execute(update(t).where(t.c.entity_id == old).values(entity_id=new))


class _Applier:
    """Applies received changes to the local ledger with the conflict rules; one instance per pull."""

    def __init__(self, s: Session, state: SyncState) -> None:
        self.s = s
        self.conn = s.connection()
        self.state = state
        self.pending = pending(self.conn, state.pushed_audit_id or 0)
        # Received changes are written at once (the next change reads them); their audit entries are written
        # together at the end, so they form the one range of entries that are history, not changes to send.
        self.writes = Writes(s)
        self.renumbering = Writes(s)  # our own changes: their entries come after that range, sent at the next push
        self.category_labels: dict[str, str] | None = None
        self.report = SyncReport()
        # A run of field changes: the records they touch, read a table at a time (``field_run``); each is taken
        # out at its first use, so a record a change has written is read again.
        self.records: dict[uuid.UUID, dict | None] = {}

    def _record(self, entity: str, entity_id: uuid.UUID) -> dict | None:
        if entity_id in self.records:
            return self.records.pop(entity_id)
        return record_of(self.conn, entity, entity_id)

    # conflicts ---------------------------------------------------------------------------------------
    def conflict(self, c: Change, kind: str, name: str | None, local: object, remote: object) -> None:
        t = table_for(SyncConflict)
        entry = self.pending.fields.get(c.entity_id, {}).get(name or "", None)
        record = record_of(self.conn, c.entity, c.entity_id) or {}
        label = next((str(record[k])[:300] for k in ("name", "label", "code", "title") if record.get(k)), "")
        remote_side = dict(remote_value=dumps(remote), remote_operator=c.operator_name, remote_laptop=c.laptop_name,
                           remote_at=c.at, remote_seq=c.seq)
        open_one = self.conn.execute(select(t.c.id).where(t.c.entity_id == c.entity_id, t.c.field.is_(None) if name is None
                                                          else t.c.field == name, t.c.resolution.is_(None))).first()
        if open_one is not None:  # one open conflict per field: it shows the newest value from elsewhere
            self.conn.execute(update(t).where(t.c.id == open_one.id).values(kind=kind, **remote_side))
            return
        self.conn.execute(insert(t).values(
            kind=kind, entity=c.entity, entity_id=c.entity_id, field=name, label=label, local_value=dumps(local),
            local_operator=entry[1] if entry else "", local_at=entry[3] if entry else None,
            local_audit_id=max_audit(self.conn), detected_at=datetime.now(timezone.utc), resolved_by="",
            pushed=False, **remote_side))
        self.pending.held.add((c.entity_id, name))
        self.report.new_conflicts += 1

    # map numbers -------------------------------------------------------------------------------------
    def free_map_number(self, c: Change, town_id: uuid.UUID, number: int) -> None:
        h = table_of("household")
        other = self.conn.execute(select(h.c.id, h.c.name).where(h.c.town_id == town_id, h.c.map_number == number,
                                                                 h.c.id != c.entity_id)).first()
        if other is None:
            return
        new = max(self.conn.scalar(select(func.max(h.c.map_number)).where(h.c.town_id == town_id)) or 0, number) + 1
        self.records.pop(other.id, None)  # renumbered below: read again if a later change touches it
        origin = Origin.of(self.s, reason=f"sync: map number {number} was taken on {c.laptop_name}")
        self.renumbering.update(h, [RowChange(dict(id=other.id, name=other.name, map_number=number),
                                              dict(map_number=new))], origin=origin)
        self.renumbering.send(audit=False)
        renumbered = Change(c.change_id, "household", other.id, "map_number", "update", dumps(number),
                            c.operator_name, c.operator_role, c.at, seq=c.seq, laptop_name=c.laptop_name)
        self.conflict(renumbered, "renumbered", "map_number", new, number)
        self.report.renumbered.append(f"{other.name or other.id}: {number} → {new}")

    # changes -----------------------------------------------------------------------------------------
    def apply(self, c: Change) -> None:
        if c.entity not in SYNCED_TABLES:
            return
        reason = f"sync: {c.laptop_name}"
        if c.action == "create":
            self.create(c, reason)
        elif c.action == "delete":
            if self.pending.has_any(c.entity_id):
                self.conflict(c, "deleted", None, record_of(self.conn, c.entity, c.entity_id), None)
            elif (record := record_of(self.conn, c.entity, c.entity_id)) is not None:
                self.writes.delete(table_of(c.entity), [{**record, "id": c.entity_id}], origin=origin_of(c, reason))
                self.writes.send(audit=False)
                self.report.applied += 1
        else:
            self.set_field(c, cast(str, c.field), c.decoded(), reason)

    def create(self, c: Change, reason: str) -> None:
        record = cast(dict, c.decoded())
        table = table_of(c.entity)
        if c.entity == "district":
            self._adopt(c, select(table.c.id).where(table.c.name == record["name"]))
        elif c.entity == "town":
            self._adopt(c, select(table.c.id).where(table.c.name == record["name"],
                                                    table.c.district_id == uuid.UUID(record["district_id"])))
        local = record_of(self.conn, c.entity, c.entity_id)
        if local is None:
            if c.entity == "household":
                self.free_map_number(c, uuid.UUID(record["town_id"]), record["map_number"])
            self.insert(c, record, reason)
            self.report.applied += 1
            return
        snapshot = c.entity_id in self.pending.snapshot
        for name, value in record.items():
            if name in BOOKKEEPING or local.get(name) == value:
                continue
            self.set_field(c, name, value, reason, record=local)
        if snapshot:  # the server has it now: what still differs is in conflicts
            u = table_for(SyncUnpushedRecord)
            self.conn.execute(u.delete().where(u.c.entity_id == c.entity_id))
            self.pending.snapshot.discard(c.entity_id)
            for name, value in record.items():
                if name not in BOOKKEEPING and local.get(name) != value:
                    self.pending.held.add((c.entity_id, name))

    def insert(self, c: Change, record: dict, reason: str) -> None:
        """A whole record from elsewhere, audited as a record created here is (one entry holding the fields set)."""
        origin = origin_of(c, reason)
        table = table_of(c.entity)
        row = {**decode_row(table, record), "id": c.entity_id}
        ids = record.get(CATEGORIES) if c.entity == "household" else None
        collections = {CATEGORIES: [self._category_label(i) for i in ids]} if ids else None
        self.writes.rows(table, [row], created_entries(origin, table.name, row, collections=collections))
        if ids:
            self.writes.rows(household_category_link, [dict(household_id=c.entity_id, category_id=uuid.UUID(i))
                                                       for i in ids])
        self.writes.send(audit=False)

    def create_run(self, run: list[Change]) -> None:
        """Consecutive creates of one table (a first sync brings the whole district so): the records not here
        yet are inserted in batches, with exactly the entries ``insert`` leaves one by one; a record already
        here, a taken map number, a district or town (matched by name) goes through ``apply`` in its turn."""
        entity = run[0].entity
        if entity not in SYNCED_TABLES:
            return
        if entity in ("district", "town") or len(run) < 2:
            for c in run:
                self.apply(c)
            return
        table = table_of(entity)
        ids = [c.entity_id for c in run]
        here: set[uuid.UUID] = set()
        for i in range(0, len(ids), CHUNK):
            here.update(self.conn.scalars(select(table.c.id).where(table.c.id.in_(ids[i:i + CHUNK]))).all())
        records = [cast(dict, c.decoded()) for c in run]
        taken = self._map_numbers({r["town_id"] for r in records}) if entity == "household" else {}
        batch: list[tuple[Change, dict]] = []
        for c, record in zip(run, records, strict=True):
            key = (str(record.get("town_id")), record.get("map_number")) if entity == "household" else None
            alone = c.entity_id in here or (key is not None and taken.get(key, c.entity_id) != c.entity_id)
            if not alone:
                batch.append((c, record))
                here.add(c.entity_id)
                if key is not None:
                    taken[key] = c.entity_id
                continue
            self._insert_batch(table, batch)
            batch = []
            self.apply(c)
            here.add(c.entity_id)
            if key is not None:  # a renumbering moved another household: read the town again
                taken.update(self._map_numbers({key[0]}))
        self._insert_batch(table, batch)

    def _map_numbers(self, towns: set) -> dict[tuple[str, object], uuid.UUID]:
        h = table_of("household")
        ids = [uuid.UUID(str(t)) for t in towns if t]
        found: dict[tuple[str, object], uuid.UUID] = {}
        for i in range(0, len(ids), CHUNK):
            for row in self.conn.execute(select(h.c.id, h.c.town_id, h.c.map_number)
                                         .where(h.c.town_id.in_(ids[i:i + CHUNK]))):
                found[(str(row.town_id), row.map_number)] = row.id
        return found

    def _insert_batch(self, table, batch: list[tuple[Change, dict]]) -> None:  # noqa: ANN001 - a Table
        """What ``insert`` does for each, as one statement per table (and one for the categories)."""
        if not batch:
            return
        rows, links = [], []
        for c, record in batch:
            origin = origin_of(c, f"sync: {c.laptop_name}")
            row = {**decode_row(table, record), "id": c.entity_id}
            rows.append(row)
            category_ids = record.get(CATEGORIES) if table.name == "household" else None
            collections = {CATEGORIES: [self._category_label(i) for i in category_ids]} if category_ids else None
            self.writes.note(created_entries(origin, table.name, row, collections=collections))
            if category_ids:
                links += [dict(household_id=c.entity_id, category_id=uuid.UUID(i)) for i in category_ids]
        # Entries noted above in the order ``insert`` gives them; the rows go as plain batches (no entries of their own).
        self.writes.rows(table, rows)
        if links:
            self.writes.rows(household_category_link, links)
        # A district's households and persons get their search entries set-wise, as the roster's do.
        ids = [c.entity_id for c, _ in batch]
        with entries_in_bulk(self.s, ids if table.name == "household" else [], ids if table.name == "person" else []):
            self.writes.send(audit=False)
        self.report.applied += len(batch)

    def _category_label(self, category_id: str) -> str:
        if self.category_labels is None:
            self.category_labels = {str(i): label for i, label in self.conn.execute(
                select(HouseholdCategory.id, HouseholdCategory.label))}
        return self.category_labels.get(category_id, category_id)

    def _adopt(self, c: Change, same_name) -> None:  # noqa: ANN001 - a select
        for (old,) in self.conn.execute(same_name):
            if old != c.entity_id:
                _rekey(self.conn, c.entity, old, c.entity_id)
                for attr in ("fields", "entity"):
                    d = getattr(self.pending, attr)
                    if old in d:
                        d[c.entity_id] = d.pop(old)
                for attr in ("created", "deleted", "snapshot"):
                    s = getattr(self.pending, attr)
                    if old in s:
                        s.discard(old)
                        s.add(c.entity_id)

    def field_run(self, run: list[Change]) -> None:
        """Consecutive field changes (another laptop's edits): the records they touch are read a table at a time
        first, not one by one, then each change goes through ``apply`` in its turn."""
        ids: dict[str, list[uuid.UUID]] = {}
        for c in run:
            if c.entity in SYNCED_TABLES:
                ids.setdefault(c.entity, []).append(c.entity_id)
        if len(run) > 1:
            self.records.update(records_by_id(self.conn, ids))
        try:
            for c in run:
                self.apply(c)
        finally:
            self.records.clear()

    def set_field(self, c: Change, name: str, value: object, reason: str, record: dict | None = None) -> None:
        record = record if record is not None else self._record(c.entity, c.entity_id)
        if record is None:
            return  # removed here for good: nothing to change
        local = record.get(name)
        if local == value:
            return
        p = self.pending
        if name == "deleted_at" and value is not None and p.has_any(c.entity_id):
            self.conflict(c, "archive", name, local, value)
            return
        if p.has_field(c.entity_id, name):
            self.conflict(c, "field", name, local, value)
            return
        if c.entity == "household" and name == "map_number":
            self.free_map_number(c, uuid.UUID(record["town_id"]), cast(int, value))
        archived_here = name != "deleted_at" and p.archived_here(c.entity_id, self.conn, c.entity)
        origin = origin_of(c, reason)
        if name == CATEGORIES:  # not a column: the household's links, sent as the list of category ids
            update_record(self.conn, c.entity, c.entity_id, {name: value}, c.at)
            self.writes.note([audit_row(origin, AuditAction.UPDATE, c.entity, c.entity_id, record, name, local,
                                        value)])
        else:
            table = table_of(c.entity)
            self.writes.update(table, [RowChange({**record, "id": c.entity_id},
                                                 {name: decode(table.c[name], value)})], origin=origin)
            self.writes.send(audit=False)
            if name in SEARCH_KEYS.get(c.entity, ()):
                refresh_search_keys(self.conn, c.entity, [c.entity_id])
        self.report.applied += 1
        if archived_here:  # edited there while archived here: the archive waits for the user
            self.conflict(c, "edit_on_archived", "deleted_at", record.get("deleted_at"), None)

    def finish(self, audit_before: int, points: list[Change] | None = None) -> None:
        self.writes.send()
        self.place_with_points(points)
        top = max_audit(self.conn)
        if top > audit_before:
            self.conn.execute(insert(table_for(SyncPulledRange)).values(first_audit_id=audit_before + 1,
                                                                       last_audit_id=top))
        self.renumbering.send()  # our renumbering is a change of ours: sent at the next push


    def place_with_points(self, points: list[Change] | None) -> None:
        """Control points came: the town's records with one position get the other from them, as on the laptop
        that saved the points (their entries are in the received range: a record not sent yet is sent whole)."""
        if not points:
            return
        towns = {uuid.UUID(str(c.record()["town_id"])) for c in points if c.action == "create"}
        table = table_of("map_control_point")
        towns.update(self.conn.scalars(select(table.c.town_id).where(table.c.id.in_({c.entity_id for c in points}))))
        for town_id in towns:
            basemaps.place_with_points(self.s, town_id)


def _runs(changes: list[Change]) -> list[list[Change]]:
    """The changes in order, cut into runs: consecutive creates of one table together, consecutive field changes
    together (up to ``FIELD_RUN``), a removal alone."""
    runs: list[list[Change]] = []
    for c in changes:
        last = runs[-1][-1] if runs else None
        if last is not None and c.action == "create" and last.action == "create" and last.entity == c.entity:
            runs[-1].append(c)
        elif (last is not None and c.action not in ("create", "delete") and last.action not in ("create", "delete")
              and len(runs[-1]) < FIELD_RUN):
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


@no_gc_pauses()  # a first sync's 35,000 records and their audit entries: as ``outgoing``
def apply_pulled(s: Session, state: SyncState, changes: list[Change], progress: Progress) -> SyncReport:
    """Apply the received changes in order, in the caller's transaction; the report counts what was done."""
    applier = _Applier(s, state)
    before = max_audit(applier.conn)
    joined_before = joined_incidents(s)
    total = len(changes)
    done = 0
    with large_cache(s) if total >= LARGE else nullcontext():
        for run in _runs(changes):
            if run[0].action == "create":
                applier.create_run(run)
            elif run[0].action == "delete":
                applier.apply(run[0])
            else:
                applier.field_run(run)
            if (done + len(run)) // 1000 > done // 1000:
                progress("apply", done + len(run), total)
            done += len(run)
        applier.finish(before, [c for c in changes if c.entity == "map_control_point"])
    # Incident and safety-check conflicts never wait for the user: settled at once by their fixed rule.
    applier.report.new_conflicts = max(0, applier.report.new_conflicts - settle_by_rule(s))
    # Two laptops started an incident for one town before they synced: joined into the first-started one, as
    # changes of this laptop's own (after the pulled range), sent at the push.
    applier.report.joined = join_open_incidents(s, joined_before)
    applier.report.received = total
    return applier.report
