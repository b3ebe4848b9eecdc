"""One process per laptop, started once; each step handed to all of them, with a deadline."""

from __future__ import annotations

import multiprocessing
import queue
import time

from bench.seventeen.laptop import _laptop_main
from bench.seventeen.model import Laptop


class Pool:
    """One process per laptop (a bounded pool: one each, no more), each step with a deadline of ``timeout_s``."""

    def __init__(self, laptops: list[Laptop], timeout_s: float) -> None:
        ctx = multiprocessing.get_context("spawn")  # fresh processes, as on separate laptops; the same on Windows
        # Kept here: the processes unpickle it after they started, and its semaphores go when it is collected.
        self.barrier = barrier = ctx.Barrier(len(laptops), timeout=timeout_s)
        self.queues = [(ctx.Queue(), ctx.Queue()) for _ in laptops]
        self.processes = [ctx.Process(target=_laptop_main, args=(laptop, inbox, outbox, barrier), name=laptop.name,
                                      daemon=True) for laptop, (inbox, outbox) in zip(laptops, self.queues)]
        for p in self.processes:
            p.start()
        self.timeout_s = timeout_s

    def map(self, fn, args: list) -> list:  # noqa: ANN001 - one of the laptop functions above
        for (inbox, _), arg in zip(self.queues, args):
            inbox.put((fn.__name__, arg))
        deadline = time.monotonic() + self.timeout_s
        results = []
        for p, (_, outbox) in zip(self.processes, self.queues):
            while True:
                try:
                    ok, result = outbox.get(timeout=1.0)
                    break
                except queue.Empty:
                    if not p.is_alive() or time.monotonic() > deadline:
                        self.close()
                        raise RuntimeError(f"{p.name}: {fn.__name__} did not finish in {self.timeout_s:.0f} s "
                                           f"(process {'alive' if p.is_alive() else 'gone'})") from None
            if not ok:
                self.close()
                raise RuntimeError(f"{p.name}: {fn.__name__} failed:\n{result}")
            results.append(result)
        return results

    def close(self) -> None:
        for (inbox, _), p in zip(self.queues, self.processes):
            if p.is_alive():
                inbox.put(None)
        for p in self.processes:
            p.join(timeout=30)
            if p.is_alive():
                p.terminate()
                p.join()

