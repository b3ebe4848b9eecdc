"""What every controller of the main window has: the operations (ledger, undo stack, change notice) and a
parent for its dialogs, its questions and its status messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from app.models import Ledger
from app.ui.operations import OpChanges, Operations


class Controller(QObject):
    def __init__(self, window: QMainWindow, operations: Operations) -> None:
        super().__init__(window)
        self.window = window  # the parent of dialogs and the status bar; its confirm() asks the user
        self.operations = operations
        operations.changed.connect(self.on_changed)

    @property
    def ledger(self) -> Ledger:
        return self.operations.ledger

    def on_changed(self, changes: OpChanges) -> None:
        """Refresh what concerns this controller; most have nothing to do."""

    def confirm(self, question: str) -> bool:
        return self.window.confirm(question)

    def message(self, text: str, ms: int) -> None:
        self.window.statusBar().showMessage(text, ms)

    def projecting(self, what: str) -> bool:
        """The meeting display is on (projector mode): a window that shows names (``what``, e.g. "the roll call")
        is not opened; the status bar says why. The window itself hides those already open (``MainWindow``)."""
        projector = getattr(self.window, "projector", None)
        if projector is None or not projector.on:
            return False
        self.message(QCoreApplication.translate("MainWindow", "{what} shows names: leave projector mode to open "
                                                "it.").format(what=what), 10000)
        return True

    def file_to_read(self, path: Path | None, title: str, file_filter: str) -> Path | None:
        """``path`` when a caller (a test, the command line) gave one; else the file the user picks, or None."""
        if path is not None:
            return path
        name, _ = QFileDialog.getOpenFileName(self.window, title, str(Path.home()), file_filter)
        return Path(name) if name else None
