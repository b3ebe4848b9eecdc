"""The checks of a run: each laptop against the server, the conflicts against the plan, every edit on the server."""

from __future__ import annotations

import uuid

from sqlalchemy import select, text

from app.models import Base
from bench.seventeen.model import Edit, Laptop, Outcome


def _journal(admin) -> int:  # noqa: ANN001
    with admin.connect() as conn:
        return conn.scalar(text("SELECT count(*) FROM sync_change")) or 0



def _server_values(admin, edits: list[Edit]) -> dict[tuple[str, str], object]:  # noqa: ANN001
    """(entity_id, field) -> the value on the server now, for every edited field."""
    wanted: dict[str, set[str]] = {}
    for e in edits:
        wanted.setdefault(e.entity, set()).add(e.entity_id)
    found = {}
    with admin.connect() as conn:
        for entity, ids in wanted.items():
            table = Base.metadata.tables[entity]
            names = sorted({e.field for e in edits if e.entity == entity})
            for row in conn.execute(select(table.c.id, *(table.c[n] for n in names))
                                    .where(table.c.id.in_([uuid.UUID(i) for i in ids]))).mappings():
                found.update({(str(row["id"]), n): row[n] for n in names})
    return found


def _check(out: Outcome, laptops: list[Laptop], compared: list[dict], contested: dict, edits: list[Edit],
           admin, households: int, final: dict[tuple[str, str], str] | None) -> None:  # noqa: ANN001
    """Add to ``out.problems`` whatever breaks the rules (see the module's docstring)."""
    p = out.problems
    value_of = {(e.laptop, e.entity_id, e.field): e.value for e in edits}
    recorded: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for i, result in enumerate(compared):
        held = set()
        for c in result["conflicts"]:
            if c["resolution"] is None:
                held.add((c["entity"], c["entity_id"], c["field"]))
            recorded.setdefault((c["entity_id"], c["field"]), []).append((i, c))
        diffs = {d for d in result["diffs"]}
        if final is None and diffs != held:
            p.append(f"{result['laptop']}: differs from the server in {sorted(diffs - held)[:5]} "
                     f"(beyond its open conflicts), agrees on held {sorted(held - diffs)[:5]}")
        if final is not None and (diffs or held):
            p.append(f"{result['laptop']}: after resolving, differs {sorted(diffs)[:5]}, still open {sorted(held)[:5]}")
        if result["counts"]["household"] != 2 * households:
            p.append(f"{result['laptop']}: {result['counts']['household']} households, not {2 * households} "
                     "(its own 地区 and its neighbour's)")
        out.rows_compared += sum(result["counts"].values())
    out.expected_conflicts = len(contested)
    out.recorded_conflicts = sum(len(v) for v in recorded.values())
    for key in sorted(recorded.keys() - contested.keys()):
        p.append(f"unexpected conflict {key}: {recorded[key]}")
    for key, pair in sorted(contested.items()):
        got = recorded.get(key, [])
        if len(got) != 1:
            p.append(f"contested field {key} of laptops {pair}: {len(got)} conflicts recorded, not 1")
            continue
        (loser, c), = got
        winner = pair[1] if loser == pair[0] else pair[0]
        if loser not in pair or c["kind"] != "field":
            p.append(f"conflict {key} on {laptops[loser].name} ({c['kind']}), expected on one of {pair}")
        elif (c["local"], c["remote"], c["remote_laptop"]) != (value_of[(loser, *key)], value_of[(winner, *key)],
                                                                 laptops[winner].name):
            p.append(f"conflict {key} keeps {c['local']!r} / {c['remote']!r} from {c['remote_laptop']}, expected "
                     f"{value_of[(loser, *key)]!r} / {value_of[(winner, *key)]!r} from {laptops[winner].name}")
    on_server = _server_values(admin, edits)
    for e in edits:
        key = (e.entity_id, e.field)
        now = on_server.get(key)
        if final is not None:
            want = final.get(key, e.value)
        elif key in contested:
            got = recorded.get(key, [])
            loser = got[0][0] if len(got) == 1 else None
            want = value_of[(next(i for i in contested[key] if i != loser), *key)] if loser is not None else now
        else:
            want = e.value
        if now != want:
            p.append(f"lost: {laptops[e.laptop].name}'s {e.entity}.{e.field} of {e.entity_id} is {now!r} on the "
                     f"server, expected {want!r}")

