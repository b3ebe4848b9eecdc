"""Help → About Sasaeai Map: the version, the app's licence, and every component it ships with its licence text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.licences import Component, components, project_licence

NAME, VERSION, LICENCE = range(3)


class AboutDialog(QDialog):
    """A table of the components (the app first); the selected one's licence texts in a read-only view."""

    def __init__(self, parent: QWidget | None = None, listed: list[Component] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Sasaeai Map"))
        self.resize(860, 720)
        own = Component(self.tr("Sasaeai Map (this app)"), __version__, "MIT", "",
                        notice=project_licence())
        self.components = [own, *(components() if listed is None else listed)]

        header = QLabel(self.tr(
            "<h2>支え合いマップ Sasaeai Map {version}</h2>"
            "<p>Neighbourhood welfare mapping after the three steps of the Echizen City Council of Social Welfare. "
            "Works offline; the ledger stays on this computer.</p>"
            "<p>Sasaeai Map is free software under the MIT licence. It is built with the components below; "
            "choose one to read its licence.</p>"
        ).format(version=__version__))
        header.setWordWrap(True)

        self.table = QTableWidget(len(self.components), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(VERSION, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(LICENCE, QHeaderView.ResizeMode.Stretch)
        for row, c in enumerate(self.components):
            version = c.version or self.tr("in {distribution}").format(distribution=c.inside)
            for column, text in ((NAME, c.name), (VERSION, version), (LICENCE, c.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.setCurrentCell(0, NAME)

    def row_of(self, name: str) -> int:
        return next(i for i, c in enumerate(self.components) if c.name == name)

    def show_licence(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            return
        c = self.components[row]
        parts = [c.notice] if c.notice else []
        if c.inside:
            parts.insert(0, self.tr("Built into {distribution}.").format(distribution=c.inside))
        if c.homepage:
            parts.append(c.homepage)
        for t in c.texts:
            parts.append(f"──── {t.name} ────\n{t.text}")
        if c.missing:
            parts.append(self.tr("The installed packages do not include the text of this licence: {licences}")
                         .format(licences=", ".join(c.missing)))
        self.text.setPlainText("\n\n".join(parts))
