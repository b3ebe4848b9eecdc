"""The Qt binding the app runs on must survive a working day of signals (PySide6 6.12.0 did not)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(str, str)


def test_emitting_signals_does_not_eat_references_to_true(qapp):
    # PySide6 6.12.0 released one reference to True per emit(): the app aborted after a few
    # hundred map updates. Each edit on the map emits signals, so this must stay flat.
    emitter = _Emitter()
    received: list[str] = []
    emitter.changed.connect(lambda name, _args: received.append(name))
    before = sys.getrefcount(True)
    for _ in range(100):
        emitter.changed.emit("upsert", "[]")
    assert len(received) == 100
    assert sys.getrefcount(True) - before >= 0
