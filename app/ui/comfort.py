"""Display comfort: large text (150%), high contrast, a visible keyboard focus, the date style."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from app.core.batches import no_gc_pauses

LARGE_TEXT = "ui/large_text"
HIGH_CONTRAST = "ui/high_contrast"
WAREKI = "ui/wareki"
LARGE_SCALE = 1.5

# Keyboard users must always see where they are: a thick focus frame on every kind of control.
FOCUS_STYLE = """
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus,
QDateEdit:focus, QDateTimeEdit:focus, QSpinBox:focus, QCheckBox:focus, QListWidget:focus, QTableWidget:focus,
QTableView:focus, QTreeWidget:focus, QTextBrowser:focus {
    border: 3px solid #0050d0;
}
"""
HIGH_CONTRAST_STYLE = """
QWidget { background: #000000; color: #ffffff; }
QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QDateTimeEdit, QSpinBox, QListWidget, QTableWidget, QTableView,
QTreeWidget, QTextBrowser {
    background: #000000; color: #ffffff; border: 2px solid #ffffff;
}
QPushButton, QToolButton { background: #000000; color: #ffff00; border: 2px solid #ffff00; padding: 4px; }
QPushButton:disabled, QToolButton:disabled, QLineEdit:disabled { color: #9a9a9a; border-color: #9a9a9a; }
QToolButton:checked { background: #ffff00; color: #000000; }
QMenuBar, QMenu { background: #000000; color: #ffffff; }
QMenu::item:selected, QMenuBar::item:selected { background: #ffff00; color: #000000; }
QHeaderView::section { background: #000000; color: #ffffff; border: 1px solid #ffffff; }
QListWidget::item:selected, QTableWidget::item:selected, QTableView::item:selected, QTreeView::item:selected { background: #ffff00; color: #000000; }
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator { width: 14px; height: 14px; border: 2px solid #ffffff; background: #000000; }
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked, QAbstractItemView::indicator:checked { background: #ffff00; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #9a9a9a; }
QCheckBox::indicator:checked:disabled, QRadioButton::indicator:checked:disabled { background: #9a9a9a; }
"""
FOCUS_STYLE_HIGH_CONTRAST = FOCUS_STYLE.replace("#0050d0", "#00ffff")


# Text that must stand out (a refused entry, an error) or step back (where a value came from): its colour in normal
# and in high contrast (the dark reds on high contrast's black were hardly readable, about 2:1).
ROLE_COLOURS = {"problem": ("#b00020", "#ff9090"), "muted": ("#505050", "#d0d0d0")}
_HIGH_CONTRAST_ON = "sasaeai_high_contrast"  # the application's property: high contrast is on


def set_role(widget: QWidget, role: str, *, bold: bool = False) -> None:
    """Colour ``widget``'s text for ``role`` (``ROLE_COLOURS``), bold or not, in the contrast of the day; Comfort
    colours it again when the contrast changes."""
    widget.setProperty("comfort_role", role)
    widget.setProperty("comfort_bold", bold)
    _colour(widget, bool(QApplication.instance().property(_HIGH_CONTRAST_ON)))  # type: ignore[union-attr]


def _colour(widget: QWidget, high_contrast: bool) -> None:
    colour = ROLE_COLOURS[widget.property("comfort_role")][1 if high_contrast else 0]
    weight = " font-weight: bold;" if widget.property("comfort_bold") else ""
    widget.setStyleSheet(f"color: {colour};{weight}")


def flag(settings: QSettings, key: str, default: bool = False) -> bool:
    value = settings.value(key, default)
    return value in (True, "true", "1", 1)


class Comfort:
    """Applies the user's display choices to the whole application, now and at every start."""

    def __init__(self, app: QApplication, settings: QSettings) -> None:
        self.app = app
        self.settings = settings
        # The size before any scaling, kept on the application so a second window scales from it too.
        if app.property("sasaeai_base_point_size") is None:
            app.setProperty("sasaeai_base_point_size", app.font().pointSizeF())
        self.base_point_size = float(app.property("sasaeai_base_point_size"))

    @property
    def large_text(self) -> bool:
        return flag(self.settings, LARGE_TEXT)

    @property
    def high_contrast(self) -> bool:
        return flag(self.settings, HIGH_CONTRAST)

    @property
    def wareki(self) -> bool:
        return flag(self.settings, WAREKI, True)

    @property
    def scale(self) -> float:
        return LARGE_SCALE if self.large_text else 1.0

    def set(self, key: str, on: bool) -> None:
        self.settings.setValue(key, on)
        self.apply()

    def apply(self, *, style_sheet: bool = True) -> None:
        """Set the application's font size and style sheet for the current settings (``style_sheet=False``: the
        font, and no style sheet). Each change of the style sheet polishes every widget anew (0.3 s of a window's
        open with a city's panels): nothing is set again that is already so."""
        self.app.setProperty(_HIGH_CONTRAST_ON, self.high_contrast)  # for the colours set_role gives from now on
        size = self.base_point_size * self.scale
        style = self._style_sheet() if style_sheet else ""
        if self.app.font().pointSizeF() == size and self.app.styleSheet() == style:
            return
        # Every widget of the app is wrapped for Python here, with the cycle collector paused: a collection set off
        # while PySide wrapped the widgets of Qt's list could delete a window left in a cycle, and with it widgets
        # further on in that list (a crash seen in the tests, where earlier tests' windows wait for the collector).
        with no_gc_pauses():
            # Headings and banners set their own sizes. A style sheet set again gives a widget in a scroll area (Step
            # I's page, the steps' pages, the roll call) the font it had when first polished: theirs are set again
            # after it.
            own = {w: w.font() for w in self.app.allWidgets() if w.testAttribute(Qt.WidgetAttribute.WA_SetFont)}
            self._set_font(size, own)
            self._set_style_sheet(style)
            for widget, own_font in own.items():
                widget.setFont(own_font)

    @contextmanager
    def style_sheet_after(self) -> Iterator[None]:
        """Widgets made inside are made in the font of the current settings and under no style sheet; the style
        sheet is set once they are all made.

        Under an application style sheet, Qt styles a widget's whole tree again each time it is given a parent (put
        into a layout, a scroll area, a splitter, a stack, a dock): the main window's panels, made and then nested,
        took about half its build (0.16-0.22 s in all on a 2-core laptop, 0.08-0.10 s now), while the map's page
        and the ledger's key waited for the CPU. Set afterwards, the sheet reaches the widgets, none shown yet, once
        (20-30 ms, counted in the 0.08-0.10 s). (A second window in the same process finds a sheet set: it is taken
        off meanwhile, and the widgets already shown are polished again.)
        """
        self.apply(style_sheet=False)
        try:
            yield
        finally:
            self.apply()

    def _style_sheet(self) -> str:
        return (HIGH_CONTRAST_STYLE + FOCUS_STYLE_HIGH_CONTRAST) if self.high_contrast else FOCUS_STYLE

    def _set_font(self, size: float, own: dict[QWidget, QFont]) -> None:
        """The application's font at ``size`` points, and the widgets' own fonts in ``own`` scaled by the same step
        (the caller sets them on their widgets, after the style sheet)."""
        font = self.app.font()
        old = font.pointSizeF()
        if old == size:
            return
        # With a style sheet in place, widgets keep the font they were polished with: drop the
        # sheet, change the font, then set the sheet again so every widget is polished anew.
        if self.app.styleSheet():
            self.app.setStyleSheet("")
        font.setPointSizeF(size)
        self.app.setFont(font)
        ratio = font.pointSizeF() / old if old > 0 else 1.0
        for own_font in own.values():
            if own_font.pointSizeF() > 0:
                own_font.setPointSizeF(own_font.pointSizeF() * ratio)

    def _set_style_sheet(self, style: str) -> None:
        """The application's style sheet, and the widgets ``set_role`` coloured again in the contrast of the day."""
        if self.app.styleSheet() == style:
            return
        self.app.setStyleSheet(style)
        for widget in self.app.allWidgets():
            if widget.property("comfort_role") is not None:
                _colour(widget, self.high_contrast)
