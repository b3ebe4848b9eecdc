"""Sync with the cycle collector paused while a district's records are made into changes and applied (issue 17):
it is on again after every sync, also after one that fails midway, so a long session never keeps its cyclic
garbage; and the failed pull leaves nothing behind."""

from __future__ import annotations

import gc

import pytest

from app.sync import sync
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures
from tests.test_sync import DISTRICT, _households, _seed


@pytest.mark.timeout(300)
def test_the_collector_is_on_again_after_every_sync_even_one_that_fails_midway(make_laptop):
    assert gc.isenabled()
    # GIVEN laptop A with a town of 600 households (1,200 records: laptop B reports its progress while applying them)
    a = make_laptop("laptop-a", [DISTRICT])
    b = make_laptop("laptop-b", [DISTRICT])
    _seed(a, households=600)
    sync(a.ledger, a.url)
    assert gc.isenabled()

    # WHEN laptop B's first sync fails while it applies what it pulled
    def cancelled(stage: str, _done: int, _total: int) -> None:
        if stage == "apply":
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        sync(b.ledger, b.url, progress=cancelled)
    # THEN the collector is on again and B has nothing of the failed pull
    assert gc.isenabled()
    assert _households(b) == {}
    # WHEN B syncs again THEN it has A's households, and the collector is on
    sync(b.ledger, b.url)
    assert gc.isenabled()
    assert len(_households(b)) == 600 and _households(b) == _households(a)
