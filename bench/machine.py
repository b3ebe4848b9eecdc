"""What machine a benchmark ran on (no Qt, no ledger: any bench script may import it)."""

from __future__ import annotations

import platform
from pathlib import Path


def cpu_name() -> str:
    """The processor's model name (Linux /proc/cpuinfo), else what ``platform`` knows."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return cpu


STAT = Path("/proc/stat")
STOLEN = "CPU stolen by other virtual machines"  # the Machine section's line for ``stolen_share``


def cpu_times(stat: str | None = None) -> tuple[int, int] | None:
    """(stolen, all) CPU time since boot, in the kernel's ticks, over every core (Linux ``/proc/stat``); None where
    the system does not say. Stolen time is what the host gave other virtual machines while this one had work."""
    try:
        text = STAT.read_text() if stat is None else stat
    except OSError:
        return None
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == "cpu":
            # user nice system idle iowait irq softirq steal (guest times are inside user and nice already)
            ticks = [int(x) for x in fields[1:9]]
            if len(ticks) < 8:
                return None
            return ticks[7], sum(ticks)
    return None


def stolen_share(since: tuple[int, int] | None, now: tuple[int, int] | None) -> str:
    """How much of the machine's time another virtual machine took between two ``cpu_times``: one measure of how
    busy a shared host was. Only what the hypervisor reports: a host's slower clock or busy memory does not show
    in it (runs of the same code on this kind of machine moved by up to 2× with none stolen)."""
    if since is None or now is None or now[1] <= since[1]:
        return "not known on this system"
    return f"{100 * (now[0] - since[0]) / (now[1] - since[1]):.0f} % of the CPU time during the run"
