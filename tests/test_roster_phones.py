"""Phone numbers, the fast path (issue 17): a roster's well-formed national numbers are checked and formatted
from phonenumbers' own patterns without parsing; every result must be what phonenumbers itself gives."""

from __future__ import annotations

import random
import re
import unicodedata

import phonenumbers
import pytest

from app.core.phones import SERVICE_NUMBERS, AreaCode, Phone, common_area_code, complete_local, normalise_phone


def oracle(raw: str | None, default_area_code: str = "") -> Phone:
    """``normalise_phone`` as it was before the fast path: phonenumbers' parse, check and format for every number."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        return Phone("", True)
    digits = re.sub(r"\D", "", text)
    if digits in SERVICE_NUMBERS:
        return Phone(digits, True)
    added = False
    area = re.sub(r"\D", "", unicodedata.normalize("NFKC", default_area_code))
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


def _numbers() -> list[str]:
    """Every leading 0 + three digits and 0 + four digits, each at 10 and 11 digits with random rest, and random
    numbers of 9 to 12 digits: valid and invalid fixed lines, mobiles, toll-free, IP phones, the 010 prefix."""
    rng = random.Random(20261202)
    found = []
    for length in (10, 11):
        for prefix in range(1000):
            for _ in range(3):
                found.append(f"0{prefix:03d}" + "".join(rng.choice("0123456789") for _ in range(length - 4)))
        for prefix in range(10000):
            found.append(f"0{prefix:04d}" + "".join(rng.choice("0123456789") for _ in range(length - 5)))
    for _ in range(4000):
        found.append("0" + "".join(rng.choice("0123456789") for _ in range(rng.randint(8, 11))))
    return found


@pytest.mark.timeout(600)
def test_every_prefix_gives_what_phonenumbers_gives():
    # GIVEN numbers with every leading three and four digits, of a national number's lengths and around them
    numbers = _numbers()
    # WHEN each is normalised
    # THEN the text, the verdict and the area-code flag are phonenumbers' own (the fast path is taken for most)
    wrong = [(n, normalise_phone(n), oracle(n)) for n in numbers if normalise_phone(n) != oracle(n)]
    assert not wrong, wrong[:10]
    assert sum(oracle(n).ok for n in numbers) > 10_000  # the sample holds many valid numbers, not only rejects


@pytest.mark.parametrize("raw", [
    "0778-22-0367", "０７７８－２２－０３６７", "0778 22 0367", "(0778) 22-0367", "0778（22）0367", "TEL 0778-22-0367",
    "0778-22-0367 (自宅)", "090-1234-5678", "09012345678", "080ー1234ー5678", "0120-123-456", "0120123456",
    "0570-000-123", "050-1234-5678", "03-1234-5678", "0312345678", "06-6123-4567", "011-123-4567",
    "0101234567", "01012345678", "010-81-3-1234-5678", "00-1234-5678", "0778-22-03670", "0778-22-036",
    "+81 778-22-0367", "+81-90-1234-5678", "+1 202 555 0143", "778221234", "0778221234", "110", "119", "７１１９",
    "33-5777", "335777", "abc", "0", "", "   ", None, "電話なし", "0990-123-456", "0800-123-4567", "020-1234-5678",
])
@pytest.mark.parametrize("area", ["", "0778", "778", "０７７８"])
def test_typed_forms_give_what_phonenumbers_gives(raw, area):
    # GIVEN a phone number as volunteers type them (full width, spaces, brackets, notes, local numbers)
    # WHEN it is normalised, with or without a default area code
    # THEN the result is the one phonenumbers gives
    assert normalise_phone(raw, area) == oracle(raw, area)


def test_a_roster_number_is_printed_with_its_hyphens():
    assert normalise_phone("０７７８２２０３６７") == Phone("0778-22-0367", True)
    assert normalise_phone("33-5777", "0778") == Phone("0778-33-5777", True, True)
    assert normalise_phone("0778-22-03670") == Phone("0778-22-03670", False)


def test_the_common_area_code_counts_distinct_fixed_line_numbers_only():
    # GIVEN a town's numbers: 0778 twice (one of them stored twice), 0776 once, mobiles, IP phones, toll-free, text
    numbers = ["0778-22-0001", "0778-22-0001", "0778-23-0002", "0776-33-5777", "090-1234-5678", "080-1111-2222",
               "050-1234-5678", "0120-123-456", "22-1234", "電話なし", ""]
    # WHEN the town's area code is asked, THEN it is the code most of its distinct fixed-line numbers have
    assert common_area_code(numbers) == AreaCode("0778", 2, 3)
    # AND a tie goes to the smaller code whatever the order; no fixed-line number, no area code
    assert common_area_code(["0778-22-0001", "0776-33-5777"]) == common_area_code(["0776-33-5777", "0778-22-0001"]) \
        == AreaCode("0776", 1, 2)
    assert common_area_code(["090-1234-5678", "22-1234"]) is None


@pytest.mark.parametrize(("typed", "area", "expected"), [
    ("22-1234", "0778", Phone("0778-22-1234", True, True)),
    ("221234", "0778", Phone("0778-22-1234", True, True)),
    ("5777", "0776", Phone("5777", False)),  # too short for a subscriber number
    ("22-1234", "03", Phone("22-1234", False)),  # 03-22-1234: Tokyo's subscriber numbers have eight digits
    ("3333-4444", "03", Phone("03-3333-4444", True, True)),
])
def test_a_local_number_is_completed_only_into_a_valid_number(typed, area, expected):
    assert complete_local(typed, area) == expected
