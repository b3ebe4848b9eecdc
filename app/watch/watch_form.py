"""The 見守りネットワーク記録用紙 (watch-network record form) in Excel: export per town, import with a preview.

Laid out like the 越前市社協 paper form: four persons of concern per A4 page, 「気がかりな人」 on the
left (氏名・住所・TEL・気になるところ) and their 「見守り者」 (氏名・関わり方) on the right.

The form's parts, each in its own module: the layout and what a read form holds (``watch_form_layout``),
writing it (``watch_form_write``), reading an edited one back (``watch_form_read``) and matching it against
the ledger for the preview and the import (``watch_form_apply``). This module is the one callers import.
"""

from __future__ import annotations

from app.watch.watch_form_apply import apply_form
from app.watch.watch_form_layout import DEFAULT_AUDIENCE, TITLE, FormPreview
from app.watch.watch_form_read import read_form
from app.watch.watch_form_write import export_form

__all__ = ["DEFAULT_AUDIENCE", "TITLE", "FormPreview", "apply_form", "export_form", "read_form"]
