"""Japanese conventions: 和暦/西暦 dates, ages, 五十音 order by reading, kana suggested from a name."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

import jaconv

from app.core.text import fold
from app.core.wareki import parse_date, to_wareki

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


# Whitespace between surname and given name is kept as typed; each part is read on its own.
_PARTS = re.compile(r"(\s+)")
# Morphemes whose reading is no reading: symbols would come back as 「キゴウ」.
_AS_TYPED = ("補助記号", "空白")


@lru_cache(maxsize=1)
def _tokenizer():  # noqa: ANN202 - sudachipy.Tokenizer
    """SudachiPy with its core dictionary, loaded once on first use (about 0.1 s: the dictionary is mapped, not read)."""
    from sudachipy import Dictionary, SplitMode  # the dictionary ships in sudachidict_core: no download, no network

    return Dictionary(dict="core").tokenizer(SplitMode.C)


def _reading(part: str) -> str:
    # A word the dictionary does not know comes back with itself as its reading (numerals get theirs).
    return "".join(m.surface() if m.part_of_speech()[0] in _AS_TYPED else m.reading_form()
                   for m in _tokenizer().tokenize(part))


def suggest_kana(name: str, *, katakana: bool = False) -> str:
    """A reading for ``name`` to offer the user (they check it: names have many readings).

    A word the dictionary does not know is left as typed, so the user sees what to fill in. Call it from
    one thread at a time (the UI thread): a SudachiPy tokenizer is not shared between threads.
    """
    if not name.strip():
        return ""
    reading = "".join(part if i % 2 else _reading(part) for i, part in enumerate(_PARTS.split(name)))
    return jaconv.hira2kata(reading) if katakana else jaconv.kata2hira(reading)
