"""Undoable ledger changes: every edit on the map or in a panel is one QUndoCommand.

The first run happens before the command is pushed (so a refused change never lands on the
stack); undo and redo each replay one step through the operations (one transaction each),
which sends the same change notice as the first run. A replay the ledger refuses (a later change
took the name an undone rename would give back) changes nothing, takes the step off the stack
(so the stack never claims a step it did not do) and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from app.core.errors import LedgerError
from app.ui.dialogs import error_text

Step = Callable[[Session], Any]


class Replays(Protocol):
    def replay(self, step: Step, changes: Any) -> Any: ...

    def refused(self, text: str) -> None:
        """Tell the user an undo or redo was refused (``text`` says which step and why)."""


class LedgerCommand(QUndoCommand):
    def __init__(self, text: str, operations: Replays, redo: Step, undo: Step, changes: Any) -> None:
        super().__init__(text)
        self._operations, self._redo, self._undo, self._changes = operations, redo, undo, changes
        self._skip_first_redo = True  # the caller already did it

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._replay(self._redo, undoing=False)

    def undo(self) -> None:
        self._replay(self._undo, undoing=True)

    def _replay(self, step: Step, *, undoing: bool) -> None:
        try:
            self._operations.replay(step, self._changes)
        except LedgerError as error:  # its transaction rolled back: nothing changed
            self.setObsolete(True)  # QUndoStack drops an obsolete command instead of moving past it
            template = (QCoreApplication.translate(
                "commands", "“{step}” could not be undone: {reason} It was taken off the undo list.") if undoing
                else QCoreApplication.translate(
                "commands", "“{step}” could not be redone: {reason} It was taken off the undo list."))
            self._operations.refused(template.format(step=self.text(), reason=error_text(error)))
