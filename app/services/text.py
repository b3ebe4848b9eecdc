"""Japanese text normalisation for search and matching (width- and kana-insensitive)."""

from __future__ import annotations

import re
import unicodedata

import jaconv

_SPACES = re.compile(r"[\s\u3000]+")


def search_key(*parts: str | None) -> str:
    """Fold text so 「ヤマダ　タロウ」, 「やまだ たろう」 and 「ﾔﾏﾀﾞﾀﾛｳ」 compare equal.

    NFKC turns full-width ASCII and digits into half width and half-width kana into full
    width; katakana then becomes hiragana; case and spaces are dropped. Parts are joined
    with a separator that folded text never contains, so a match never spans two fields.
    """
    return "\x1f".join(fold(p) for p in parts if p)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = jaconv.kata2hira(text)
    return _SPACES.sub("", text).casefold()
