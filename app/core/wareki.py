"""Dates as rosters write them: 西暦 (1940/3/2) and 和暦 (昭和15年3月2日, S15.3.2, 令和元年, H31.4.30)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

# First day of each era; an era ends the day before the next one starts.
ERAS = [
    ("明治", "M", date(1868, 1, 25)),  # the calendar of 明治元年 counts from the start of 1868
    ("大正", "T", date(1912, 7, 30)),
    ("昭和", "S", date(1926, 12, 25)),
    ("平成", "H", date(1989, 1, 8)),
    ("令和", "R", date(2019, 5, 1)),
]
_ERA_BY_KEY = {key: i for i, (name, letter, _) in enumerate(ERAS) for key in (name, name[0], letter)}
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_NUM = r"(\d{1,4}|元)"
_WAREKI = re.compile(
    rf"^(?P<era>明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR])\.?\s*(?P<y>{_NUM[1:-1]})"
    rf"(?:\s*(?:年|[./\-])\s*(?:(?P<m>\d{{1,2}})\s*(?:月|[./\-])\s*(?:(?P<d>\d{{1,2}})\s*日?)?)?)?$",
    re.IGNORECASE,
)
_SEIREKI = re.compile(
    r"^(?P<y>\d{4})\s*(?:年|[./\-])?\s*(?:(?P<m>\d{1,2})\s*(?:月|[./\-])?\s*(?:(?P<d>\d{1,2})\s*日?)?)?$"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the source: 「令和6年」 has no month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def complete(self) -> bool:
        return self.month is not None and self.day is not None

    def to_date(self) -> date:
        """The date, with a missing month or day taken as the first."""
        return date(self.year, self.month or 1, self.day or 1)


def _kanji_number(text: str) -> str:
    """「十五」→「15」, 「二十三」→「23」; other text is returned unchanged."""

    def convert(match: re.Match[str]) -> str:
        s = match.group(0)
        if "十" not in s:
            return "".join(str(_KANJI_DIGITS[c]) for c in s)
        tens, _, ones = s.partition("十")
        return str((_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0))

    return re.sub(r"[〇零一二三四五六七八九十]+", convert, text)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.replace("元年", "1年") if re.match(r"^\D+元年", text) else text
    return _kanji_number(text)


def parse_date(value: object) -> PartialDate:
    """Parse a cell value (text, ``date`` or ``datetime``) into a possibly partial date.

    Raises ``ValueError`` when the text is not a date or names a day its era does not have
    (平成31年5月1日 is 令和元年5月1日).
    """
    if isinstance(value, datetime):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    text = _normalise(str(value))
    if m := _WAREKI.match(text):
        index = _ERA_BY_KEY[m["era"].upper() if len(m["era"]) == 1 and m["era"].isascii() else m["era"]]
        name, _, start = ERAS[index]
        era_year = 1 if m["y"] == "元" else int(m["y"])
        if era_year < 1:
            raise ValueError(f"{name}{era_year}年 does not exist")
        found = _checked(start.year + era_year - 1, m["m"], m["d"], text)
        end = ERAS[index + 1][2] if index + 1 < len(ERAS) else None
        first, last = _span(found)
        if last < start or (end is not None and first >= end):
            raise ValueError(f"{text} is outside the {name} era")
        return found
    if m := _SEIREKI.match(text) or _COMPACT.match(text):
        return _checked(int(m["y"]), m["m"], m["d"], text)
    raise ValueError(f"not a date: {value!r}")


def _checked(year: int, month: str | None, day: str | None, text: str) -> PartialDate:
    found = PartialDate(year, int(month) if month else None, int(day) if day else None)
    try:
        _span(found)
    except ValueError:
        raise ValueError(f"no such day: {text}") from None
    return found


def _span(d: PartialDate) -> tuple[date, date]:
    """The first and last day a partial date may mean."""
    if d.month is None:
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if d.day is None:
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return date(d.year, d.month, 1), date.fromordinal(nxt.toordinal() - 1)
    day = date(d.year, d.month, d.day)
    return day, day


def to_wareki(day: date) -> str:
    """「昭和15年3月2日」, 「令和元年5月1日」: how the form prints a date for older readers."""
    for name, _, start in reversed(ERAS):
        if day >= start:
            year = day.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def wareki_or_blank(day: date | None) -> str:
    """A printed paper's date: ``to_wareki``, or "" for an empty box when the day is not known."""
    return to_wareki(day) if day else ""


def wareki_year(year: int) -> str:
    """「令和8」 for 2026: the era year as the calendar's year (and its 年度) is named; 2019 is 令和元."""
    end = date(year, 12, 31)
    for name, _, start in reversed(ERAS):
        if end >= start:
            number = year - start.year + 1
            return f"{name}{'元' if number == 1 else number}"
    return str(year)
