"""UI language: Japanese or English, Qt's own strings too; the catalogue is compiled from the .ts source."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from app.paths import resource_dir

log = logging.getLogger(__name__)

LANGUAGES = ("ja", "en")
SETTING = "ui/language"


def translations_dir() -> Path:
    return resource_dir() / "translations"


def catalogue_source(language: str) -> Path:
    return translations_dir() / f"sasaeai_{language}.ts"


def lrelease() -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    return str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease")


def compile_catalogue(language: str, out_dir: Path | None = None) -> Path | None:
    """Compile ``sasaeai_<lang>.ts`` to ``.qm`` when the compiled file is missing or older."""
    source = catalogue_source(language)
    if not source.exists():
        return None
    target = (out_dir or translations_dir()) / f"sasaeai_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = lrelease()
    if tool is None:
        log.warning("lrelease not found: the %s catalogue is not compiled", language)
        return target if target.exists() else None
    subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)
    return target


def chosen_language(settings: QSettings) -> str:
    """The language the user chose; at first the system's (Japanese on a Japanese system)."""
    value = settings.value(SETTING)
    if value in LANGUAGES:
        return str(value)
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own (buttons, dialogs) for ``language``; English needs none."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    ours = QTranslator(app)
    try:
        compiled = compile_catalogue(language)
    except (OSError, subprocess.CalledProcessError) as e:  # a read-only install: use what is there
        log.warning("could not compile the %s catalogue: %s", language, e)
        compiled = translations_dir() / f"sasaeai_{language}.qm"
    if compiled is not None and ours.load(str(compiled)):
        translators.append(ours)
    for t in translators:
        app.installTranslator(t)
    return translators
