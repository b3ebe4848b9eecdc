"""Undoable ledger changes: every edit on the map or in a panel is one QUndoCommand.

The first run happens before the command is pushed (so a refused change never lands on the
stack); undo and redo each replay one step through the operations (one transaction each),
which sends the same change notice as the first run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

Step = Callable[[Session], Any]


class Replays(Protocol):
    def replay(self, step: Step, changes: Any) -> Any: ...


class LedgerCommand(QUndoCommand):
    def __init__(self, text: str, operations: Replays, redo: Step, undo: Step, changes: Any) -> None:
        super().__init__(text)
        self._operations, self._redo, self._undo, self._changes = operations, redo, undo, changes
        self._skip_first_redo = True  # the caller already did it

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._operations.replay(self._redo, self._changes)

    def undo(self) -> None:
        self._operations.replay(self._undo, self._changes)
