"""Errors a user can read: an English message template (translated by the UI) and where it happened."""

from __future__ import annotations

# Defined with the models so the engine factory (below services) raises the same type.
from app.models.errors import (  # noqa: E402,F401 - re-exported
    QT_TRANSLATE_NOOP,
    LedgerError,
    Translate,
    english,
)


class NotFound(LedgerError):
    pass


def readable(error: LedgerError, template: str | None = None, translate: Translate = english) -> str:
    """The error's message (in ``template``, its translation, when given) naming the place once: when the template
    names the sheet itself (「Sheet {sheet}, row {row}: …」), a ``where`` that is only that sheet (「安否確認」,
    「安否確認!9」) is not put before it again; a file name there is kept."""
    sheet = error.params.get("sheet")
    if error.where and "{sheet}" in error.template and sheet is not None and (
            error.where == str(sheet) or error.where.startswith(f"{sheet}!")):
        return (template or error.template).format(**error.told_params(translate))
    return error.message(template, translate)
