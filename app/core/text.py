"""Japanese text normalisation for search and matching (width- and kana-insensitive)."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

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


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment; drops tags, attributes and script/style content."""

    _SKIP = {"script", "style", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ARG002 - attributes are dropped
        if tag in self._SKIP:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def markup_to_text(fragment: str) -> str:
    """The readable text of an HTML fragment, as plain text: ``<a href="…">地理院タイル</a>`` → ``地理院タイル``.

    For credit lines that files write as HTML (an MBTiles ``attribution``): what the user reads is the
    text; tags, links and scripts never reach the page. Text without markup comes back unchanged but for
    spacing.
    """
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()
