"""The bench says how much of a shared machine's CPU time other virtual machines took during a run
(bench/machine.py): a run with much time stolen is slower than its code."""

from __future__ import annotations

import sys
import time

import pytest

from bench.machine import cpu_times, stolen_share


def test_the_stolen_share_is_the_stolen_time_over_all_the_time_between_two_readings():
    # 300 of the 1,500 CPU seconds that passed went to other virtual machines
    assert stolen_share((150.0, 6500.0), (450.0, 8000.0)) == "20 % of the CPU time during the run"
    assert stolen_share((150.0, 6500.0), (150.0, 8000.0)) == "0 % of the CPU time during the run"


def test_without_two_readings_or_time_between_them_there_is_no_figure():
    assert stolen_share(None, (450.0, 8000.0)) == "not known on this system"
    assert stolen_share((450.0, 8000.0), None) == "not known on this system"
    assert stolen_share((450.0, 8000.0), (450.0, 8000.0)) == "not known on this system"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux counts stolen time")
def test_this_machine_reports_its_stolen_time_within_all_its_time():
    before = cpu_times()
    time.sleep(0.2)
    after = cpu_times()
    assert before is not None and after is not None
    assert 0 <= before[0] <= before[1] and 0 <= after[0] <= after[1]
    assert after[1] > before[1]  # the machine's time went on
    assert stolen_share(before, after).endswith("% of the CPU time during the run")
