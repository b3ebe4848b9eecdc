"""Japanese phone numbers in their printed, hyphenated form (0778-22-0367), via Google's libphonenumber data."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers

_NOT_DIGIT = re.compile(r"\D")
# Short numbers that are complete as they are (110 police, 119 fire/ambulance, 171 disaster line).
SERVICE_NUMBERS = {"110", "118", "119", "171", "189", "7119"}


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
    try:
        number = phonenumbers.parse(digits if not text.startswith("+") else text, "JP")
    except phonenumbers.NumberParseException:
        return Phone(text, False)
    if not phonenumbers.is_valid_number(number):
        return Phone(text, False)
    return Phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL), True, added)
