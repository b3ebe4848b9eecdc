"""Roster import with the cycle collector paused (issue 17): it is on again after every read and apply, also
after one that fails, so a long session never keeps its cyclic garbage."""

from __future__ import annotations

import gc

import pytest

from app.core.errors import LedgerError
from app.watch.roster import apply_roster, read_roster
from tests.test_audited_writes import _roster as xlsx

HEADER = ["氏名", "フリガナ", "住所", "電話番号", "生年月日"]
ROWS = [["山田　ハル", "ヤマダ ハル", "余川町1", "0778-22-0001", "昭和15年3月2日"],
        ["田中　一", "", "余川町3", "", "1937/5/1"]]


@pytest.mark.timeout(120)
def test_the_collector_is_on_again_after_a_read_and_an_apply_even_failed_ones(ledger, town, tmp_path):
    assert gc.isenabled()
    # GIVEN a roster that reads, and one with a date that is no date
    good = xlsx(tmp_path / "good.xlsx", [HEADER, *ROWS])
    bad = xlsx(tmp_path / "bad.xlsx", [HEADER, *ROWS, ["越前　太郎", "", "余川町5", "", "昭和99年13月1日"]])
    # WHEN each is read and the good one applied, once with a progress report that fails midway
    with ledger.Session() as s:
        with pytest.raises(LedgerError):
            read_roster(s, bad, town.id)
        assert gc.isenabled()
        preview = read_roster(s, good, town.id)
        assert gc.isenabled()

        def fail(*_args):  # noqa: ANN002
            raise RuntimeError("cancelled")

        with pytest.raises(RuntimeError, match="cancelled"):
            apply_roster(s, preview, progress=fail)
        assert gc.isenabled()
        s.rollback()
        apply_roster(s, preview)
        # THEN the collector is on after each, and the roster was imported
        assert gc.isenabled()
        assert len(preview.rows) == 2
