"""Errors a user can read: an English message template (translated by the UI) and where it happened."""

from __future__ import annotations

# Defined with the models so the engine factory (below services) raises the same type.
from app.models.errors import QT_TRANSLATE_NOOP, LedgerError  # noqa: E402,F401 - re-exported


class NotFound(LedgerError):
    pass
