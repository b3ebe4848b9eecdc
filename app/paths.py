"""Every folder and file the app uses, in one place.

Order of precedence for the data folder: ``--data-dir`` on the command line, then the
``SASAEAI_DATA_DIR`` environment variable, then the platform's user data folder.
Resources are looked up beside the source tree or inside a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

LEDGER_FILENAME = "ledger.sqlite3"
BASEMAP_FOLDER = "basemaps"
LOG_FOLDER = "logs"
LOG_FILENAME = "sasaeai.log"
DATA_DIR_ENV = "SASAEAI_DATA_DIR"


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("SasaeaiMap", "Sasaeai", roaming=False))


def ledger_path(data_dir: Path) -> Path:
    return data_dir / LEDGER_FILENAME


def basemap_dir(data_dir: Path) -> Path:
    return data_dir / BASEMAP_FOLDER


def log_file(data_dir: Path) -> Path:
    """The app's rotating log (errors and warnings; a bundle has no console to show them)."""
    return data_dir / LOG_FOLDER / LOG_FILENAME


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resource_dir() -> Path:
    """The ``resources/`` folder, from source or from a frozen bundle."""
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent / "resources"


def web_dir() -> Path:
    return resource_dir() / "web"


def demo_dir() -> Path:
    """The demo town's map picture and its layout (drawn once by tools/draw_demo_map.py)."""
    return resource_dir() / "demo"


def leaflet_dir() -> Path:
    """Leaflet's dist files, from the ``xstatic-leaflet`` package (never copied into the repo)."""
    if is_frozen():
        return Path(sys._MEIPASS) / "xstatic" / "pkg" / "leaflet" / "data"  # type: ignore[attr-defined]
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "models" / "migrations"


def address_table_path() -> Path:
    """The 大字・町丁目 reference table shipped with the app (位置参照情報, 国土交通省)."""
    return resource_dir() / "data" / "echizen_oaza_chome_isj2019.csv"
