"""Find a Japanese font on this computer to embed in PDFs (TrueType first: it embeds everywhere)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError

FONT_ENV = "SASAEAI_PDF_FONT"  # a .ttf/.ttc path that overrides the search
# (path, index in a .ttc collection). TrueType outlines first; Noto CJK is CFF (embedded as FontFile3,
# which fpdf2 ≥ 2.8 writes and viewers read, but older PDF tools handle less well).
CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0),  # Debian fonts-ipaexfont-gothic
    ("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf", 0),
    ("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf", 0),
    ("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0),
    ("/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf", 0),
    ("C:/Windows/Fonts/BIZ-UDGothicR.ttc", 0),  # BIZ UDゴシック: made for readability
    ("C:/Windows/Fonts/YuGothM.ttc", 0),
    ("C:/Windows/Fonts/meiryo.ttc", 0),
    ("C:/Windows/Fonts/msgothic.ttc", 0),
    ("/System/Library/Fonts/ヒラギノ角ゴシック W4.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),  # JP is the first face of the collection
)


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0


def find_japanese_font() -> FontFile:
    override = os.environ.get(FONT_ENV)
    if override:
        if Path(override).is_file():
            return FontFile(Path(override))
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The font file {path} does not exist."), where=FONT_ENV,
                          path=override)
    for path, index in CANDIDATES:
        if Path(path).is_file():
            return FontFile(Path(path), index)
    raise LedgerError(QT_TRANSLATE_NOOP(
        "errors", "No Japanese font found for the PDF. Install IPAex Gothic (fonts-ipaexfont-gothic) or set "
                  "SASAEAI_PDF_FONT to a .ttf file."))


def add_japanese_font(pdf, family: str = "jp") -> str:  # noqa: ANN001 - fpdf.FPDF, kept out of the signature
    """Register the found font on an fpdf2 document (subset and embedded on output); returns the family."""
    font = find_japanese_font()
    kwargs = {"collection_font_number": font.index} if font.path.suffix.lower() == ".ttc" else {}
    pdf.add_font(family, "", str(font.path), **kwargs)
    return family
