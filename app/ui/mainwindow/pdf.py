"""PDFs made from the ledger: written to a temporary file, then previewed (save or print from there)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app.core.errors import LedgerError
from app.models import Ledger
from app.privacy.masking import Audience, export_rule
from app.ui.dialogs import show_error
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.privacy_dialogs import audience_labels


def export_pdf(parent: QWidget, ledger: Ledger, write: Callable[..., Any], title: str, name: str,
               show: Callable[[PdfPreviewDialog], Any] | None = None, *,
               audience: Audience | None = None) -> PdfPreviewDialog | None:
    """Write a PDF to a temporary file, then preview it (save or print from there).

    With an ``audience``, ``write(session, path, audience)`` makes it for that audience and the
    preview offers the others; without, ``write(session, path)`` (a print with no names at all).
    """
    folder = Path(tempfile.mkdtemp(prefix="sasaeai-print-"))

    def render(chosen: Audience | None) -> Path | None:
        target = folder / (Audience(chosen).value if chosen is not None else "all") / name
        target.parent.mkdir(exist_ok=True)
        try:
            with ledger.Session() as s:
                write(s, target) if chosen is None else write(s, target, Audience(chosen))
        except (LedgerError, OSError) as e:
            show_error(parent, e)
            return None
        return target

    first = render(audience)
    if first is None:
        return None
    if audience is None:
        dialog = PdfPreviewDialog(first, title, name, parent)
    else:
        dialog = PdfPreviewDialog(first, title, name, parent, audiences=audience_labels(), audience=audience,
                                  render=render, rule=lambda a: export_rule(a).ja)
    (show or (lambda d: d.exec()))(dialog)
    return dialog
