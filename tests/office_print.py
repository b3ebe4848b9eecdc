"""A workbook as LibreOffice prints it: converted to PDF headless, its text read back with poppler, page by page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
                                       reason="needs LibreOffice and poppler (.ci/run installs both)")


def printed(path: Path, tmp_path: Path, *, layout: str = "-layout") -> tuple[Path, list[str]]:
    """The PDF LibreOffice prints of ``path`` (in ``tmp_path``) and the text of each of its non-empty pages
    (``layout``: pdftotext's "-layout" keeps columns apart, "-raw" keeps the reading order)."""
    subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / f"{path.stem}.pdf"
    text = subprocess.run(["pdftotext", layout, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pdf, [page for page in text.split("\f") if page.strip()]
