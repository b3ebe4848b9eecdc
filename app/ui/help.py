"""Help: the guide through the three steps (shown at first start). About is in app/ui/about.py."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.paths import resource_dir

GUIDE_SHOWN = "ui/guide_shown"


def guide_html(language: str) -> str:
    path = resource_dir() / "guide" / f"guide_{'ja' if language == 'ja' else 'en'}.html"
    return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The three steps in plain words; local text only (links do not open anything)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guide: the three steps"))
        self.resize(760, 680)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(guide_html(language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
