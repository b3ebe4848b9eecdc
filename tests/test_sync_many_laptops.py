"""Many laptops syncing at the same time against one real PostgreSQL (bench/sync_seventeen.py, scaled down).

GIVEN three laptops, each its own process with its own ledger, registered for its own 地区 and its neighbour's
(so each sees two of the three 地区 and not the third), each with 40 households of its own synced everywhere,
WHEN each makes 15 edits offline (some to the same field as the other laptop of a 地区, some to another field
of the same person, two to agency phones another laptop also changes) and all sync at the same moment, then
again until quiet, THEN every laptop holds exactly what its login sees on the server except the fields it
holds in conflict, the conflicts are exactly the planned ones with both values, no edit is lost; and after the
conflicts are resolved every laptop equals the server.
"""

from __future__ import annotations

import pytest

from bench.sync_seventeen import districts, plan, run
from tests.sync_fixtures import pg_admin_url, server_url  # noqa: F401 - fixtures


@pytest.mark.timeout(180)
def test_laptops_syncing_at_once_converge_without_losing_an_edit(server_url, tmp_path):  # noqa: F811
    out = run(server_url, tmp_path, count=3, households=40, edits=15, timeout_s=120)
    assert out.problems == []
    # 3 地区 × 1 contested field + 3 agency phones, each recorded once, on one of its two laptops
    assert out.expected_conflicts == 6 and out.recorded_conflicts == 6
    # in the crowd the server got every edit but the 6 held in conflicts (unless a sync gave up and came later)
    assert out.journal_rows == 3 * 15 - 6 or (out.errors and out.journal_rows < 3 * 15 - 6)
    assert out.delivered > 0 and out.rows_compared > 0
    assert out.throughput > 0


def test_the_plan_contests_each_field_between_exactly_the_two_laptops_that_see_it():
    owned = [[(f"h{d}-{n}", f"p{d}-{n}") for n in range(40)] for d in range(3)]
    by, contested = plan(3, 20, owned, ["a0", "a1", "a2"])
    assert [len(edits) for edits in by] == [20, 20, 20]
    for edits in by:  # a laptop never edits one field twice: each conflict has one value per side
        assert len({(e.entity_id, e.field) for e in edits}) == 20
    for (entity_id, name), (x, y) in contested.items():
        editors = {e.laptop for edits in by for e in edits if (e.entity_id, e.field) == (entity_id, name)}
        assert editors == {x, y}
    uncontested = {(e.entity_id, e.field) for edits in by for e in edits} - contested.keys()
    for key in uncontested:  # merged or own: one laptop each
        assert sum((e.entity_id, e.field) == key for edits in by for e in edits) == 1
    assert districts(17)[0] == "東地区" and len(set(districts(17))) == 17
