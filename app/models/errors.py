"""The error type users can read, defined at the bottom layer so the engine factory can raise it too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

# (context, English text) → the text in the language wanted: the English itself, or the window's translation.
Translate = Callable[[str, str], str]


@runtime_checkable
class Reason(Protocol):
    """A parameter that is itself a reason (another error, an import problem): said in the message's language."""

    def reason(self, translate: Translate) -> str: ...


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Mark ``text`` for translation without importing Qt (models and services stay Qt-free)."""
    return text


def english(context: str, text: str) -> str:
    """The ``Translate`` of the command line and the logs: the English itself."""
    return text


class LedgerError(Exception):
    """A problem the user can fix: bad input, a missing record, an unusable file.

    ``template`` is an English ``str.format`` template marked with QT_TRANSLATE_NOOP("errors", …);
    ``where`` names the field, file, sheet, row or cell concerned. A parameter may be a reason told by another
    error (the service's refusal inside 「Sheet …, cell …: {reason}」) or an import ``Problem``: it is said in the
    language of the message around it, without its own place (the message around it names the place).
    """

    def __init__(self, template: str, *, where: str | None = None, **params: object) -> None:
        self.template = template
        self.where = where
        self.params = params
        super().__init__(self.message())

    def message(self, template: str | None = None, translate: Translate = english) -> str:
        """In English, or in ``template`` (the template's translation, made by the UI's ``translate``, which
        also says the reasons inside it in that language)."""
        text = (template or self.template).format(**self.told_params(translate))
        return f"{self.where}: {text}" if self.where else text

    def told_params(self, translate: Translate) -> dict[str, object]:
        return {name: value.reason(translate) if isinstance(value, Reason) else value
                for name, value in self.params.items()}

    def reason(self, translate: Translate = english) -> str:
        """What went wrong, without where (for the message of an error that names the place itself)."""
        return translate("errors", self.template).format(**self.told_params(translate))
