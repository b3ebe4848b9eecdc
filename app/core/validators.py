"""What every form and service checks of what a user typed: text, choices, dates, phone numbers.

Each check returns the clean value or raises a LedgerError whose ``where`` names the field, with the
message (a QT_TRANSLATE_NOOP("errors", …) template) the UI translates and shows next to that field.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import TypeVar

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.phones import normalise_phone

E = TypeVar("E", bound=enum.Enum)

NAME_MISSING = QT_TRANSLATE_NOOP("errors", "Please enter a name.")
TOO_LONG = QT_TRANSLATE_NOOP("errors", "Too long: {length} characters (at most {limit}).")
DATE_MISSING = QT_TRANSLATE_NOOP("errors", "Please enter a date.")
DATE_IN_FUTURE = QT_TRANSLATE_NOOP("errors", "The date {date} is in the future.")
MAX_PHONE = 50


def optional_text(value: str | None, limit: int, where: str) -> str:
    """``value`` stripped ("" for None); too long → "Too long: … (at most ``limit``)" at ``where``."""
    value = (value or "").strip()
    if len(value) > limit:
        raise LedgerError(TOO_LONG, where=where, length=len(value), limit=limit)
    return value


def required_text(value: str | None, limit: int, where: str, *, missing: str = NAME_MISSING) -> str:
    """As optional_text, and blank → ``missing`` (by default "Please enter a name.") at ``where``."""
    if not (value or "").strip():
        raise LedgerError(missing, where=where)
    return optional_text(value, limit, where)


def text(value: str | None, limit: int, where: str, *, required: bool = False) -> str:
    """required_text or optional_text, as ``required`` says (a form whose fields are listed in one table)."""
    return required_text(value, limit, where) if required else optional_text(value, limit, where)


def choice(cls: type[E], value: E | str, *, where: str, unknown: str, param: str = "value",
           labels: Mapping[E, str] | None = None) -> E:
    """The member of ``cls`` whose value (or, given ``labels``, whose label) ``value`` is.

    Anything else → ``unknown`` (a template that may show the value as ``{param}``) at ``where``.
    """
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        pass
    if labels is not None and isinstance(value, str):
        for member, label in labels.items():
            if label == value.strip():
                return member
    raise LedgerError(unknown, where=where, **{param: value})


def optional_choice(cls: type[E], value: E | str | None, *, where: str, unknown: str, param: str = "value",
                    labels: Mapping[E, str] | None = None) -> E | None:
    """As choice, with None or "" meaning "not given" (None)."""
    if value is None or value == "":
        return None
    return choice(cls, value, where=where, unknown=unknown, param=param, labels=labels)


def past_date(value: object, today: date, where: str, *, missing: str = DATE_MISSING,
              future: str = DATE_IN_FUTURE) -> date:
    """A date (not a datetime) no later than ``today``: not a date → ``missing``, later → ``future``."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise LedgerError(missing, where=where)
    if value > today:
        raise LedgerError(future, where=where, date=value.isoformat())
    return value


def phone(value: str | None, where: str, *, limit: int = MAX_PHONE) -> str:
    """A phone number in its printed form (「０７７８２２００５５」 → 「0778-22-0055」); text that is not a
    valid number is kept as typed (never lost). Too long → "Too long: …" at ``where``."""
    return normalise_phone(optional_text(value, limit, where)).text
