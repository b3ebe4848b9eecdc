"""Preview of a PDF the app made (sheet, cards): look at it, then save it or print it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class PdfPreviewDialog(QDialog):
    """Shows ``pdf`` page by page; Save copies it where the user wants; Print sends it to a printer."""

    def __init__(self, pdf: Path, title: str, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 900)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = QLabel(self.tr("{pages} pages").format(pages=self.document.pageCount()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(lambda: self.save())
        print_button.clicked.connect(self.print_document)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(pages)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

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
