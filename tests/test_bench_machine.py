"""The bench says how much of a shared machine's CPU other virtual machines took during a run (bench/machine.py):
the absolute figures of a run with much stolen time are slower than the code."""

from __future__ import annotations

from bench.machine import cpu_times, stolen_share

# /proc/stat as a Linux guest writes it: user nice system idle iowait irq softirq steal guest guest_nice
BEFORE = """cpu  1000 0 200 5000 100 0 50 150 0 0
cpu0 500 0 100 2500 50 0 25 75 0 0
intr 12345
"""
AFTER = """cpu  1600 0 300 5500 100 0 50 450 0 0
cpu0 800 0 150 2750 50 0 25 225 0 0
"""


def test_the_stolen_share_is_the_steal_ticks_over_all_ticks_between_two_readings():
    before, after = cpu_times(BEFORE), cpu_times(AFTER)
    assert before == (150, 6500)
    assert after == (450, 8000)
    # 300 of the 1,500 ticks that passed went to other virtual machines
    assert stolen_share(before, after) == "20 % of the CPU time during the run"


def test_a_system_that_does_not_say_gives_no_figure():
    assert cpu_times("intr 12345\n") is None
    assert cpu_times("cpu  1 2 3\n") is None  # a kernel too old to count stolen time
    assert stolen_share(None, cpu_times(AFTER)) == "not known on this system"
    assert stolen_share(cpu_times(AFTER), cpu_times(AFTER)) == "not known on this system"  # no time passed
