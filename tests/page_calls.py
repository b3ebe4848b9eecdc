"""Calls into the map's real WebEngine page from a test: a script's value, an expression's value by JSON, and a
wait until every call the app sent before has run there.

``where`` is a ``MapView`` or a main window (its ``map_view``), as the tests hold one or the other.
"""

from __future__ import annotations

import json
from typing import Any

PAGE_MS = 10_000  # a call the page does not answer within this is a failure, never a hang


def _view(where: Any) -> Any:
    return getattr(where, "map_view", where)


def run_js(qtbot, where, script: str):
    """``script``'s value from the page (arrays and objects come back empty: use ``run_json`` for those)."""
    box: dict = {}
    _view(where).page().runJavaScript(script, 0, lambda result: box.setdefault("r", result))
    qtbot.waitUntil(lambda: "r" in box, timeout=PAGE_MS)
    return box["r"]


def run_json(qtbot, where, expression: str):
    """``expression``'s value from the page, carried as JSON."""
    return json.loads(run_js(qtbot, where, f"JSON.stringify({expression})"))


def settle(qtbot, where) -> None:
    """Every call sent to the page before has run there (runJavaScript does not wait for the channel)."""
    done: list = []
    _view(where).call("ping", callback=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=PAGE_MS)
