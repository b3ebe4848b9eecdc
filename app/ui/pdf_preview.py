"""Preview of a PDF the app made (sheet, cards): look at it, then save it or print it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class PdfPreviewDialog(QDialog):
    """Shows ``pdf`` page by page; Save copies it where the user wants; Print sends it to a printer.

    With ``audiences`` (value → label) and ``render`` (value → a new PDF, or None when it failed),
    a "For whom" choice on top makes the copy again for another audience: the consent rule follows.
    Closed, it lets go of the PDF (``finished``), so whoever made it can remove it.
    """

    def __init__(self, pdf: Path, title: str, suggested_name: str, parent: QWidget | None = None, *,
                 audiences: dict[Any, str] | None = None, audience: Any = None,
                 render: Callable[[Any], Path | None] | None = None, rule: Callable[[Any], str] | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 900)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.finished.connect(lambda _result: self.document.close())  # before its maker's own slot removes it
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel()
        self.audience = QComboBox()
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self._render, self._rule = render, rule
        for value, label in (audiences or {}).items():
            self.audience.addItem(label, value)
        if audiences:
            self.audience.setCurrentIndex(max(0, self.audience.findData(audience)))
            self.audience.currentIndexChanged.connect(lambda _i: self.choose_audience(self.audience.currentData()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(lambda: self.save())
        print_button.clicked.connect(self.print_document)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if audiences:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("For whom:")))
            row.addWidget(self.audience, 1)
            layout.addLayout(row)
            layout.addWidget(self.rule)
        layout.addWidget(self.pages)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._show_loaded(audience)

    def _show_loaded(self, audience: Any) -> None:
        self.pages.setText(self.tr("{pages} pages").format(pages=self.document.pageCount()))
        if self._rule is not None and audience is not None:
            self.rule.setText(self.tr("Rule applied: {rule}").format(rule=self._rule(audience)))

    def choose_audience(self, audience: Any) -> bool:
        """Make the copy again for ``audience`` and show it (the combo follows)."""
        if self._render is None:
            return False
        pdf = self._render(audience)
        if pdf is None:
            return False
        self.pdf = pdf
        self.document.load(str(pdf))
        self.audience.blockSignals(True)
        self.audience.setCurrentIndex(max(0, self.audience.findData(audience)))
        self.audience.blockSignals(False)
        self._show_loaded(audience)
        return True

    @property
    def current_audience(self) -> Any:
        return self.audience.currentData()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def save(self, target: Path | None = None) -> Path | None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), str(Path.home() / self.suggested_name),
                                                  self.tr("PDF (*.pdf)"))
            if not name:
                return None
            target = Path(name)
        shutil.copyfile(self.pdf, target)
        self.saved_to = target
        return target

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                rect = painter.viewport()
                image = self.document.render(page, QSize(rect.width(), rect.height()))
                painter.drawImage(rect, image)
        finally:
            painter.end()
