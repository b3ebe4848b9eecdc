"""Help: the guide through the three steps (shown at first start), and About with the licences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.paths import resource_dir

GUIDE_SHOWN = "ui/guide_shown"
# Components shipped in the desktop bundle and their licences (the About box lists them).
COMPONENTS = [
    ("Qt / Qt for Python (PySide6)", "LGPL-3.0"),
    ("Leaflet (xstatic-leaflet)", "BSD-2-Clause"),
    ("folium, branca", "MIT"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("openpyxl", "MIT"),
    ("fpdf2", "LGPL-3.0"),
    ("phonenumbers", "Apache-2.0"),
    ("jaconv", "MIT"),
    ("pykakasi", "GPL-3.0-or-later"),
    ("platformdirs", "MIT"),
    ("Pillow", "MIT-CMU"),
    ("Jinja2", "BSD-3-Clause"),
]


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


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Sasaeai Map"))
        rows = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;{licence}</td></tr>" for name, licence in COMPONENTS)
        text = QLabel(self.tr(
            "<h2>支え合いマップ Sasaeai Map {version}</h2>"
            "<p>Neighbourhood welfare mapping after the three steps of the Echizen City Council of Social Welfare. "
            "Works offline; the ledger stays on this computer.</p>"
            "<p>Built with these components (licence):</p>"
        ).format(version=__version__) + f"<table>{rows}</table>")
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
