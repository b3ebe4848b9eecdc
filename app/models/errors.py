"""The error type users can read, defined at the bottom layer so the engine factory can raise it too."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Mark ``text`` for translation without importing Qt (models and services stay Qt-free)."""
    return text


class LedgerError(Exception):
    """A problem the user can fix: bad input, a missing record, an unusable file.

    ``template`` is an English ``str.format`` template marked with QT_TRANSLATE_NOOP("errors", …);
    ``where`` names the field, file, sheet, row or cell concerned.
    """

    def __init__(self, template: str, *, where: str | None = None, **params: object) -> None:
        self.template = template
        self.where = where
        self.params = params
        super().__init__(self.message())

    def message(self, template: str | None = None) -> str:
        text = (template or self.template).format(**self.params)
        return f"{self.where}: {text}" if self.where else text
