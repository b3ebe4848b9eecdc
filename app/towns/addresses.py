"""Approximate positions from an address: the 大字・町丁目 reference table (位置参照情報, ISJ format)."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError

_KANJI = "〇一二三四五六七八九"
_CHOME = re.compile(r"(\d{1,2})丁目")
_PREFIXES = re.compile(r"^(?:.{2,3}[都道府県])?(?:.{1,6}?[市郡])?")


def _kanji_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (the way 丁目 are named in the table)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _KANJI[tens] + "十")) + ("" if ones == 0 else _KANJI[ones])


def normalise_address(address: str) -> str:
    """Width-fold, drop spaces, write 丁目 numbers in kanji: 「府中１丁目」 → 「府中一丁目」."""
    text = unicodedata.normalize("NFKC", address)
    text = re.sub(r"\s+", "", text)
    return _CHOME.sub(lambda m: _kanji_number(int(m.group(1))) + "丁目", text)


@dataclass(frozen=True)
class AddressMatch:
    name: str  # the 大字・町丁目 matched
    lat: float
    lon: float


class AddressTable:
    """大字・町丁目 of one city with their representative point; matched by the longest prefix."""

    def __init__(self, city: str, rows: dict[str, tuple[float, float]]) -> None:
        self.city = city
        self._rows = rows
        self._names = sorted(rows, key=len, reverse=True)

    @classmethod
    def from_isj_csv(cls, path: Path) -> AddressTable:
        """Read a 位置参照情報 大字・町丁目 CSV (columns 市区町村名, 大字町丁目名, 緯度, 経度)."""
        rows: dict[str, tuple[float, float]] = {}
        city = ""
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                for rec in csv.DictReader(f):
                    city = rec["市区町村名"]
                    rows[normalise_address(rec["大字町丁目名"])] = (float(rec["緯度"]), float(rec["経度"]))
            if not rows:
                raise ValueError("no rows")
        except (OSError, KeyError, ValueError, UnicodeDecodeError) as exc:
            raise LedgerError(
                QT_TRANSLATE_NOOP("errors", "Not a usable address reference table: {reason}"),
                where=str(path), reason=str(exc),
            ) from exc
        return cls(city, rows)

    def __len__(self) -> int:
        return len(self._rows)

    def points(self) -> list[AddressMatch]:
        """Every 大字・町丁目 with its representative point (e.g. to tie a scanned map to the ground)."""
        return [AddressMatch(name, lat, lon) for name, (lat, lon) in self._rows.items()]

    def locate(self, address: str) -> AddressMatch | None:
        """The 大字・町丁目 the address lies in, or None; the city and prefecture may be left out."""
        text = normalise_address(address)
        candidates = [text]
        if self.city and self.city in text:
            candidates.insert(0, text.split(self.city, 1)[1])
        candidates.append(_PREFIXES.sub("", text, count=1))
        for candidate in candidates:
            for name in self._names:
                if candidate.startswith(name):
                    lat, lon = self._rows[name]
                    return AddressMatch(name, lat, lon)
        return None
