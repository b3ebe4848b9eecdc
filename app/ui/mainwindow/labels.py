"""The map page's legend and hints in the UI language (also used for printed maps)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.maps.page import PageLabels
from app.ui.watch_panel import role_labels


def page_labels() -> PageLabels:
    """The map page's legend and hints in the UI language (also used for printed maps)."""
    return PageLabels(
        legend_title=QCoreApplication.translate("MainWindow", "Legend"),
        other_household=QCoreApplication.translate("MainWindow", "Other household"),
        person_of_concern=QCoreApplication.translate("MainWindow", "A person of concern lives here"),
        place=QCoreApplication.translate("MainWindow", "Gathering place (たまり場)"),
        gap=QCoreApplication.translate("MainWindow", "Person of concern nobody watches over yet"),
        toggle_legend=QCoreApplication.translate("MainWindow", "Click to show or hide the legend"),
        drag_hint=QCoreApplication.translate("MainWindow", "Drag to move this household"),
        approximate=QCoreApplication.translate("MainWindow", "(?) Position guessed from the address: drag it to "
                                                             "the house"),
        sources=QCoreApplication.translate("MainWindow", "Sources"),
        roles=role_labels(),
    )
