"""A page that scrolls up and down, never sideways: as wide as its widest row needs, as tall as there is room for."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScroll(QScrollArea):
    """``widget`` in a frameless scroll area that scrolls vertically only.

    Its least width is the widget's least width (and the scroll bar's): a plain QScrollArea asks for almost none, so
    a splitter or the window's docks squeezed the page under its rows and, with no sideways scroll bar, cut them
    at the right (large text on a laptop). Its least height is small: a short screen scrolls the page instead.
    """

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), inner.minimumSizeHint().width() + bar), hint.height())
