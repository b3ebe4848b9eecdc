"""Which laptop edits which field: the contested fields (one conflict each), the merged ones, the rest."""

from __future__ import annotations

import random

from bench.seventeen.model import Edit


def plan(count: int, edits: int, owned: list[list[tuple[str, str]]], agencies: list[str],
         seed: int = 20261201) -> tuple[list[list[Edit]], dict[tuple[str, str], tuple[int, int]]]:
    """Each laptop's edits, and the contested fields: (entity_id, field) -> (the two laptops)."""
    rng = random.Random(seed)
    share = max(1, edits * 5 // 100)
    rest = edits - 4 * share - 3
    if count < 2 or rest < 0 or len(agencies) < count:
        raise ValueError("need at least 2 laptops, 4 × 5 % + 3 edits each, and one agency per laptop")
    by: list[list[Edit]] = [[] for _ in range(count)]
    contested: dict[tuple[str, str], tuple[int, int]] = {}
    fields = (("household", "note"), ("person", "phone"), ("household", "name"), ("person", "concerns"))

    def value(i: int, entity: str, name: str, k: int) -> str:
        return {"note": f"L{i:02d} 見守りメモ {k}", "phone": f"0778-{i:02d}-{k:04d}", "name": f"編集{i:02d}-{k}家",
                "concerns": f"L{i:02d} 気になる {k}"}[name]

    def add(i: int, entity: str, pair: tuple[str, str], name: str, kind: str) -> None:
        k = len(by[i])
        by[i].append(Edit(i, entity, pair[0] if entity == "household" else pair[1], name, value(i, entity, name, k), kind))

    for d in range(count):
        owner, visitor = d, (d - 1) % count
        if len(owned[d]) < 2 * share + rest:
            raise ValueError(f"district {d} has {len(owned[d])} households; the plan needs {2 * share + rest}")
        picked = rng.sample(owned[d], 2 * share + rest)
        for n, pair in enumerate(picked[:share]):  # the same field on both laptops: one conflict
            entity, name = fields[n % 2]
            add(owner, entity, pair, name, "contested")
            add(visitor, entity, pair, name, "contested")
            contested[(pair[0] if entity == "household" else pair[1], name)] = (owner, visitor)
        for pair in picked[share:2 * share]:  # another field of the same person: merged
            add(owner, "person", pair, "phone", "merged")
            add(visitor, "person", pair, "concerns", "merged")
        for n, pair in enumerate(picked[2 * share:]):
            entity, name = fields[n % len(fields)]
            add(owner, entity, pair, name, "own")
    for i in range(count):
        for j in (i, (i + 1) % count):  # agency j's phone: changed by laptops j and j - 1
            by[i].append(Edit(i, "agency", agencies[j], "phone", f"0778-9{i:x}-{len(by[i]):04d}", "agency"))
        contested[(agencies[i], "phone")] = (i, (i - 1) % count)
        by[i].append(Edit(i, "agency", agencies[i], "note", f"L{i:02d} 担当メモ", "agency"))
    return by, contested

