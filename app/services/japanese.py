"""Japanese conventions: 和暦/西暦 dates, ages, 五十音 order by reading, kana suggested from a name."""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

import jaconv

from app.services.text import fold
from app.services.wareki import parse_date, to_wareki

__all__ = ["age", "format_date", "gojuon_key", "parse_date", "suggest_kana"]


def format_date(day: date | None, *, wareki: bool) -> str:
    """「令和7年4月1日」 or 「2025-04-01」; empty for an unknown date (a field to fill, never "None")."""
    if day is None:
        return ""
    return to_wareki(day) if wareki else day.isoformat()


def age(born: date | None, today: date | None = None) -> int | None:
    """Full years of age on ``today`` (a birthday counts from the day itself)."""
    if born is None:
        return None
    today = today or date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def gojuon_key(kana: str, name: str = "") -> tuple[str, str, str]:
    """Sort key in 五十音 order by the reading: が after か, small kana with large, then by the name.

    The first part drops voicing marks (が→か, ぱ→は), the second keeps them, so 「かとう」 comes
    before 「がとう」 and both sit among the か row, as a Japanese register lists them.
    """
    reading = fold(kana) or fold(name)
    plain = "".join(ch for ch in unicodedata.normalize("NFD", reading) if ch not in "\u3099\u309a")
    plain = plain.translate(_SMALL_TO_LARGE)
    return (plain, reading, name)


_SMALL_TO_LARGE = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")


@lru_cache(maxsize=1)
def _kakasi():  # noqa: ANN202 - pykakasi.kakasi
    import pykakasi  # its dictionary ships in the package: no download, no network

    return pykakasi.kakasi()


def suggest_kana(name: str, *, katakana: bool = False) -> str:
    """A reading for ``name`` to offer the user (they check it: names have many readings)."""
    if not name.strip():
        return ""
    reading = "".join(part["hira"] for part in _kakasi().convert(name))
    return jaconv.hira2kata(reading) if katakana else reading
