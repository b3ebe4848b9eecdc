"""The meeting display (projector mode), the printed map, and text size, contrast and 和暦 (comfort)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMainWindow

from app.core.errors import LedgerError
from app.core.scratch import scratch_folder
from app.core.views import TownView
from app.hazards.importer import list_layers
from app.maps.view import MapView
from app.privacy.masking import anonymous_feature
from app.ui.comfort import Comfort
from app.ui.dialogs import show_error
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.labels import page_labels
from app.ui.operations import Operations
from app.ui.panels import HouseholdPanel
from app.ui.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate
PROJECTOR_SCALE = 1.7  # symbols and map numbers on a wall, read from the back of the hall


class ProjectorController(Controller):
    toggled = Signal(bool)  # projector mode on or off: the window shows or hides what is personal
    printed = Signal(object)  # PdfPreviewDialog: a printed map is ready to look at

    def __init__(self, window: QMainWindow, operations: Operations, comfort: Comfort, map_view: MapView,
                 household_panel: HouseholdPanel, current_town: Callable[[], TownView | None]) -> None:
        super().__init__(window, operations)
        self.comfort, self.map_view, self.household_panel = comfort, map_view, household_panel
        self.current_town = current_town
        self.on = False  # meeting display: no names, phones, birth dates or health notes anywhere
        self._prints: set[Any] = set()  # maps being drawn for print, kept until they end

    def set_projector(self, on: bool, *, confirm: bool = True) -> None:
        """Turn the meeting display on or off; leaving it is deliberate (it asks)."""
        if on == self.on:
            return
        if not on and confirm and not self.confirm(translate(
                "MainWindow", "Leave projector mode? Names, phone numbers and notes will be shown again.")):
            return
        self.on = on
        self.toggled.emit(on)

    def public(self, feature: dict | None) -> dict | None:
        """What may be sent to the page now: in projector mode never a name or an address."""
        return anonymous_feature(feature) if self.on else feature

    def map_scale(self) -> float:
        return PROJECTOR_SCALE if self.on else self.comfort.scale

    # ------------------------------------------------------------------ comfort

    def set_comfort(self, key: str, on: bool) -> None:
        """Large text or high contrast: applied at once and remembered (和暦 is the window's ``apply_dates``)."""
        self.comfort.set(key, on)
        self.household_panel.show_household(self.household_panel.household)
        self.map_view.set_scale(self.map_scale())

    # ------------------------------------------------------------------ printed map

    def print_map(self, options: Any = None, show: Callable[[PdfPreviewDialog], Any] | None = None) -> Any:
        """Print the town map (map numbers only) to a PDF, then preview it (``printed``); save or print from there.

        The map is drawn in the background of the UI thread (page signals, no waiting loop); returns the
        running print (a ``MapPrint``), or None when there is nothing to print.
        """
        from app.maps.printing import MapPrint, PrintOptions

        town = self.current_town()
        if town is None:
            return None
        if options is None:
            options = self._ask_print_options()
            if options is None:
                return None
        title, name = translate("MainWindow", "Printed map"), f"支え合いマップ_{town.name}.pdf"
        scratch = scratch_folder("print")  # removed when the preview closes (or the print fails)
        job = MapPrint(self.ledger, town.id, Path(scratch.name) / name, options or PrintOptions(), page_labels())

        def printed(path: Path) -> None:
            self._prints.discard(job)
            dialog = PdfPreviewDialog(path, title, name, self.window)
            dialog.finished.connect(lambda _result: scratch.cleanup())
            self.printed.emit(dialog)
            (show or (lambda d: d.open()))(dialog)

        def failed(error: BaseException) -> None:
            self._prints.discard(job)
            scratch.cleanup()
            show_error(self.window, error)  # type: ignore[arg-type]

        job.finished.connect(printed)
        job.failed.connect(failed)
        self._prints.add(job)  # kept until it ends
        try:
            job.start()
        except (LedgerError, OSError) as e:
            failed(e)
            return None
        self.message(translate("MainWindow", "Preparing the printed map…"), 5000)
        return job

    def _ask_print_options(self):  # noqa: ANN202 - PrintOptions | None
        from PySide6.QtWidgets import (
            QCheckBox,
            QComboBox,
            QDialog,
            QDialogButtonBox,
            QFormLayout,
        )

        from app.maps.printing import PrintOptions

        dialog = QDialog(self.window)
        dialog.setWindowTitle(translate("MainWindow", "Print map"))
        paper, orientation = QComboBox(), QComboBox()
        lines = QCheckBox(translate("MainWindow", "Draw the watch lines"))
        hazards = QCheckBox(translate("MainWindow", "Draw the hazard zones (flood, landslide …) with their sources"))
        with self.ledger.Session() as s:  # ticked where there are zones to draw, as the window shows them
            has_zones = bool(list_layers(s))
        hazards.setChecked(has_zones)
        hazards.setEnabled(has_zones)
        paper.addItems(["A4", "A3"])
        orientation.addItem(translate("MainWindow", "Landscape"), True)
        orientation.addItem(translate("MainWindow", "Portrait"), False)
        form = QFormLayout(dialog)
        form.addRow(translate("MainWindow", "Paper"), paper)
        form.addRow(translate("MainWindow", "Orientation"), orientation)
        form.addRow("", lines)
        form.addRow("", hazards)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return PrintOptions(paper=paper.currentText(), landscape=orientation.currentData(), lines=lines.isChecked(),
                            hazards=hazards.isChecked())
