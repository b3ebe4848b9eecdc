"""What machine a benchmark ran on (no Qt, no ledger: any bench script may import it)."""

from __future__ import annotations

import platform
from pathlib import Path

import psutil


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


STOLEN = "CPU stolen by other virtual machines"  # the Machine section's line for ``stolen_share``


def cpu_times() -> tuple[float, float] | None:
    """(stolen, all) CPU seconds since boot over every core (psutil), or None where the system does not count
    stolen time (only Linux does). Stolen time is what the host gave other virtual machines while this one had
    work."""
    times = psutil.cpu_times()
    stolen = getattr(times, "steal", None)
    if stolen is None:
        return None
    # a guest's own guests' time is counted in user and nice already
    return stolen, sum(times) - getattr(times, "guest", 0.0) - getattr(times, "guest_nice", 0.0)


def stolen_share(since: tuple[float, float] | None, now: tuple[float, float] | None) -> str:
    """How much of the machine's time another virtual machine took between two ``cpu_times``: one measure of how
    busy a shared host was. Only what the hypervisor reports: a host's slower clock or busy memory does not show
    in it (runs of the same code on this kind of machine moved by up to 2× with none stolen)."""
    if since is None or now is None or now[1] <= since[1]:
        return "not known on this system"
    return f"{100 * (now[0] - since[0]) / (now[1] - since[1]):.0f} % of the CPU time during the run"
