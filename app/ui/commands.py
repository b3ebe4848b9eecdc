"""Undoable ledger changes: every edit on the map or in a panel is one QUndoCommand.

The first run happens before the command is pushed (so a refused change never lands on the
stack); undo and redo each open their own session, one transaction per step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from app.models import Ledger

Step = Callable[[Session], Any]


class LedgerCommand(QUndoCommand):
    def __init__(self, text: str, ledger: Ledger, redo: Step, undo: Step, apply: Callable[[Any], None]) -> None:
        super().__init__(text)
        self._ledger, self._redo, self._undo, self._apply = ledger, redo, undo, apply
        self._skip_first_redo = True  # the caller already did it

    def _run(self, step: Step) -> None:
        with self._ledger.Session.begin() as session:
            result = step(session)
        self._apply(result)

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)
