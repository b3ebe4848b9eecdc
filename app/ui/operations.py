"""One way to change the ledger from the window, and one notice of what changed.

As Anki's ``qt/aqt/operations``: an operation runs one service call in one transaction, goes on
the undo stack, and every run, undo and redo emits ``Operations.changed(OpChanges)``. The map,
the panels and the status bar subscribe to that notice and refresh what concerns them; nothing
decides refreshes by looking at the type of a result.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.core.errors import LedgerError
from app.core.views import HouseholdView
from app.models import Ledger
from app.ui.commands import LedgerCommand, Step
from app.ui.dialogs import show_error, warn


@dataclass(frozen=True)
class OpChanges:
    """What one operation changed: kinds of records, and the ids where a view needs them."""

    households: frozenset[uuid.UUID] = field(default_factory=frozenset)  # symbols, panel, unplaced list
    places: frozenset[uuid.UUID] = field(default_factory=frozenset)
    persons_of_concern: bool = False  # Steps II and III and the meeting's queue list them: read again
    watch: bool = False  # watchers and watch links (Step II lists and lines; cards show watchers): all read again
    # Persons whose own watch lines alone changed (a watcher added to them, edited or ended): their rows of Steps
    # II and III and their lines on the map are read again, not the whole town's.
    watched: frozenset[uuid.UUID] = field(default_factory=frozenset)
    cards: bool = False  # emergency cards and agencies (Step III)
    meeting: bool = False  # meetings and reviews
    towns: bool = False  # the list of towns
    town: bool = False  # the whole town again: base map, reference layers, an import, a sync
    base_map: bool = False  # the base map's georeference: the page is drawn again, the undo stack stays
    safety: bool = False  # an incident started, closed or reopened, or checks read back from a list
    checked: frozenset[uuid.UUID] = field(default_factory=frozenset)  # households with a new safety check
    # The changed households as the operation left them (what its step returned, read in its transaction), so
    # the map, the panel and the status line need not read them again; a household of ``households`` missing
    # here is read by whoever needs it. Not part of what changed: left out of equality.
    views: tuple[HouseholdView, ...] = field(default=(), compare=False)

    def __or__(self, other: OpChanges) -> OpChanges:
        values: dict[str, Any] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            if f.name == "views":  # one per household, the later change's where both have one
                values[f.name] = tuple({v.id: v for v in (*a, *b)}.values())
            else:
                values[f.name] = a | b if isinstance(a, frozenset) else (a or b)
        return OpChanges(**values)

    def view_of(self, household_id: uuid.UUID) -> HouseholdView | None:
        """The household as the operation left it, if the notice carries it (else: read it)."""
        for view in self.views:
            if view.id == household_id:
                return view
        return None

    @classmethod
    def of_households(cls, ids: Iterable[uuid.UUID], *, persons_of_concern: bool = False) -> OpChanges:
        return cls(households=frozenset(ids), persons_of_concern=persons_of_concern)

    @classmethod
    def of_household(cls, view: HouseholdView) -> OpChanges:
        """From what a household service returned: it (carried along), and whether it has a person of concern."""
        return cls(households=frozenset({view.id}), persons_of_concern=bool(view.of_concern), views=(view,))

    @classmethod
    def of_place(cls, view: Any) -> OpChanges:
        return cls(places=frozenset({view.id}))


Changes = OpChanges | Callable[[Any], OpChanges]


class Operations(QObject):
    """Owns the ledger and the undo stack; runs every change the window makes."""

    changed = Signal(object)  # OpChanges, after every run, undo and redo

    def __init__(self, ledger: Ledger, parent: QWidget) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self._parent = parent
        self.undo_stack = QUndoStack(self)

    def run(self, text: str, do: Step, undo: Step, redo: Step | None = None, *,
            changes: Changes = OpChanges()) -> Any:
        """Do one change in its own transaction; on success push it on the undo stack and send the notice.

        A refused change (LedgerError) is shown and returns None; nothing lands on the stack.
        ``changes`` is what changed, or a function of what ``do`` (and later undo and redo) returned.
        """
        try:
            result = self._step(do)
        except LedgerError as e:
            show_error(self._parent, e)
            return None
        self.undo_stack.push(LedgerCommand(text, self, redo or do, undo, changes))
        self.changed.emit(self._changes(changes, result))
        return result

    def replay(self, step: Step, changes: Changes) -> Any:
        """Undo or redo: the step in one transaction, then the same notice."""
        result = self._step(step)
        self.changed.emit(self._changes(changes, result))
        return result

    def refused(self, text: str) -> None:
        """An undo or redo the ledger refused (the step left the stack): said as a refused change is."""
        warn(self._parent, text)

    def notify(self, changes: OpChanges) -> None:
        """A change made outside the undo stack (an import, a sync, a restore)."""
        self.changed.emit(changes)

    def forget(self) -> None:
        """Clear the undo stack: its commands refer to records that were replaced or belong to another town."""
        self.undo_stack.clear()

    def _step(self, step: Step) -> Any:
        with self.ledger.Session.begin() as s:
            return step(s)

    @staticmethod
    def _changes(changes: Changes, result: Any) -> OpChanges:
        return changes(result) if callable(changes) else changes
