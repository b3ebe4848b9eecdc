"""Japanese phone numbers in their printed, hyphenated form (0778-22-0367), via Google's libphonenumber data."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_NOT_DIGIT = re.compile(r"\D")
# Short numbers that are complete as they are (110 police, 119 fire/ambulance, 171 disaster line).
SERVICE_NUMBERS = {"110", "118", "119", "171", "189", "7119"}
# The common case: a national number of 10 or 11 digits with its leading 0 (not 00, and not 010, Japan's
# international call prefix, which phonenumbers reads as the start of a foreign number).
_NATIONAL = re.compile(r"0(?!10)[1-9]\d{8,9}")


@dataclass(frozen=True)
class Phone:
    text: str  # what to store and print
    ok: bool  # False: kept as typed because it is not a valid Japanese number
    added_area_code: bool = False


def normalise_phone(raw: str | None, default_area_code: str = "") -> Phone:
    """Return ``raw`` as 「0776-33-5777」; a local number without its area code gets ``default_area_code``.

    Full-width digits and dashes (「０７７８－２２－００５５」) are folded first. Text that is not a
    valid number is kept as typed (never lost) and flagged, so an import can report it.
    """
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        return Phone("", True)
    digits = _NOT_DIGIT.sub("", text)
    if digits in SERVICE_NUMBERS:
        return Phone(digits, True)
    added = False
    area = _NOT_DIGIT.sub("", unicodedata.normalize("NFKC", default_area_code))
    # A local subscriber number (「33-5777」) has 5 to 8 digits and no leading 0.
    if area and not digits.startswith("0") and 5 <= len(digits) <= 8 and not text.startswith("+"):
        digits = (area if area.startswith("0") else "0" + area) + digits
        added = True
    if not text.startswith("+") and _NATIONAL.fullmatch(digits) and (patterns := _japan()) is not None:
        formatted = _national(digits[1:], patterns)
        return Phone(text, False) if formatted is None else Phone(formatted, True, added)
    import phonenumbers  # about 60 modules of metadata: imported by the first number it must parse (issue 17)

    try:
        number = phonenumbers.parse(digits if not text.startswith("+") else text, "JP")
    except phonenumbers.NumberParseException:
        return Phone(text, False)
    if not phonenumbers.is_valid_number(number):
        return Phone(text, False)
    return Phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL), True, added)


_Format = tuple[re.Pattern | None, re.Pattern, str]  # leading digits, pattern, rule
_Patterns = tuple[tuple[frozenset[int], re.Pattern], dict[int, re.Pattern], tuple[_Format, ...]]


@functools.cache
def _japan() -> _Patterns | None:
    """Japan's patterns from phonenumbers' metadata, compiled once: the general description, per length of the
    national number one pattern that is any type's (premium rate, toll free, ..., fixed line, mobile) that
    allows that length, and the formats with their national-prefix rule applied. None (every number then
    goes through phonenumbers itself) if the metadata lacks any of them."""
    import phonenumbers

    meta = phonenumbers.PhoneMetadata.metadata_for_region("JP")
    if meta is None or meta.general_desc is None or not meta.general_desc.national_number_pattern:
        return None

    def desc(d) -> tuple[frozenset[int], str] | None:  # noqa: ANN001 - a PhoneNumberDesc
        if d is None or not d.national_number_pattern:
            return None
        return frozenset(d.possible_length), d.national_number_pattern

    kinds = [meta.premium_rate, meta.toll_free, meta.shared_cost, meta.voip, meta.personal_number, meta.pager,
             meta.uan, meta.voicemail, meta.fixed_line]
    if not meta.same_mobile_and_fixed_line_pattern:
        kinds.append(meta.mobile)
    types = [d for d in map(desc, kinds) if d is not None]
    by_length = {}
    for length in (9, 10):  # what _NATIONAL lets through
        alternatives = [pattern for lengths, pattern in types if not lengths or length in lengths]
        by_length[length] = re.compile("|".join(f"(?:{p})" for p in alternatives) or "(?!)")
    formats = []
    for f in meta.number_format:
        if f.pattern is None or f.format is None:
            return None
        rule = f.format
        if f.national_prefix_formatting_rule:  # as phonenumbers' _format_nsn_using_pattern, NATIONAL
            rule = re.sub(r"(\\\d)", f.national_prefix_formatting_rule, rule, count=1)
        formats.append((re.compile(f.leading_digits_pattern[-1]) if f.leading_digits_pattern else None,
                        re.compile(f.pattern), rule))
    general = (frozenset(meta.general_desc.possible_length), re.compile(meta.general_desc.national_number_pattern))
    return general, by_length, tuple(formats)


def _national(national: str, patterns: _Patterns) -> str | None:
    """What ``phonenumbers`` makes of 0 + ``national`` (a national significant number of 9 or 10 digits, not
    starting with 0): its NATIONAL format when valid, else None. The same steps as phonenumbers'
    ``is_valid_number`` (the number matches the general description and one type's) and ``format_number``
    (the first format whose leading digits and pattern fit), without parsing; tests/test_roster_phones.py
    holds it to phonenumbers on every prefix."""
    general, types, formats = patterns
    if general[0] and len(national) not in general[0] or not general[1].fullmatch(national):
        return None
    if not types[len(national)].fullmatch(national):
        return None
    for leading, pattern, rule in formats:
        if (leading is None or leading.match(national)) and pattern.fullmatch(national):
            return pattern.sub(rule, national)
    return national



@dataclass(frozen=True)
class AreaCode:
    """The area code (市外局番) most of a town's fixed-line numbers have: ``code`` (「0778」), and how many of
    the ``total`` distinct fixed-line numbers looked at have it."""

    code: str
    count: int
    total: int


def common_area_code(numbers: Iterable[str]) -> AreaCode | None:
    """The most common area code of the fixed-line numbers among ``numbers`` (in their printed form,
    「0778-22-1234」, whose first group is the area code; mobiles, IP phones, toll-free numbers and text that is
    no number do not count), each distinct number once; None when there is none. A tie goes to the smaller
    code, so the answer never depends on the order the numbers come in."""
    import phonenumbers

    samples: dict[str, str] = {}
    by_prefix: Counter[str] = Counter()
    for n in set(numbers):
        if n.startswith("0") and "-" in n:
            prefix = n.split("-", 1)[0]
            by_prefix[prefix] += 1
            samples.setdefault(prefix, n)
    fixed: Counter[str] = Counter()
    for prefix, count in by_prefix.items():  # a handful of prefixes: one number of each parsed
        try:
            number = phonenumbers.parse(samples[prefix], "JP")
        except phonenumbers.NumberParseException:
            continue
        if (phonenumbers.is_valid_number(number)
                and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.FIXED_LINE
                and phonenumbers.length_of_geographical_area_code(number) == len(prefix) - 1):
            fixed[prefix] += count
    if not fixed:
        return None
    code, count = min(fixed.items(), key=lambda item: (-item[1], item[0]))
    return AreaCode(code, count, sum(fixed.values()))


def complete_local(typed: str, area_code: str) -> Phone:
    """A local number typed without its area code (「22-1234」) completed with ``area_code`` (「0778-22-1234」),
    in its printed form when the whole is a valid Japanese number (``normalise_phone`` checks it as phonenumbers
    does; ``added_area_code`` set); else ``typed`` as it is, not ``ok``."""
    completed = normalise_phone(typed, area_code)
    return completed if completed.ok and completed.added_area_code else Phone(typed, False)
