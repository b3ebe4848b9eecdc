"""Japanese text normalisation for search and matching (width- and kana-insensitive), and line breaking for
the PDFs (Japanese fills each line and breaks between characters, with 行頭禁則)."""

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


def cell_baseline(pdf, top: float, height: float) -> float:  # noqa: ANN001 - fpdf.FPDF with the font set
    """Where fpdf2's cell of ``height`` at ``top`` puts its text's baseline: for text drawn directly with ``text()``
    (a cell lays its text out as styled fragments, the most of a city's papers when each line was one)."""
    return top + 0.5 * height + 0.3 * pdf.font_size


def wrapper_at(pdf, size: float) -> LineWrapper:  # noqa: ANN001 - fpdf.FPDF with the font set
    """The PDF's ``LineWrapper`` for its current font at ``size`` pt, made once per PDF: each character measured once
    for the whole file (a size is tried for every value of a city's papers). The PDF's size is left as it was."""
    made = pdf.__dict__.setdefault("_line_wrappers", {})
    key = (pdf.font_family, pdf.font_style, size)
    wrapper = made.get(key)
    if wrapper is None:
        now = pdf.font_size_pt
        pdf.set_font_size(size)
        wrapper = made[key] = LineWrapper(pdf)
        pdf.set_font_size(now)
    return wrapper


class LineWrapper:
    """Breaks text into lines that fit a width, from each character's width in the PDF's current font and size,
    measured once per character (fpdf2's table lays out and measures every cell twice: 10 s for a city's sheet).

    Japanese fills each line and breaks between any two characters (fpdf2 breaks only at a space, so
    「降圧剤（アムロジピン5mg 朝1錠）…」 left a short first line), but at a space before a short last word (a
    name is not cut); a number or Latin word stays whole, 行頭禁則 keeps 「ー」「）」「、」 … off the start of a
    line and 行末禁則 keeps 「（」 off its end. Make one per font size: it measures at the PDF's size when made,
    whatever size the PDF is set to when it is asked.
    """

    def __init__(self, pdf) -> None:  # noqa: ANN001 - fpdf.FPDF with the font set
        self.pdf = pdf
        self.size = getattr(pdf, "font_size_pt", None)  # None: a workbook's widths, one size
        self.widths: dict[str, float] = {}
        self.widest = pdf.get_string_width("　")  # a full-width space: as wide as any character of the font

    def _measure(self, ch: str) -> float:
        pdf, now = self.pdf, getattr(self.pdf, "font_size_pt", None)
        if now == self.size:
            w = self.widths[ch] = pdf.get_string_width(ch)
            return w
        pdf.set_font_size(self.size)  # fpdf2 sets a size on the page only when it draws: nothing is written
        try:
            w = self.widths[ch] = pdf.get_string_width(ch)
        finally:
            pdf.set_font_size(now)
        return w

    def width(self, text: str) -> float:
        """The width of one line of ``text``, as ``lines`` adds it up."""
        widths = self.widths
        try:
            return sum(map(widths.__getitem__, text))
        except KeyError:  # a character not measured yet
            for ch in set(text).difference(widths):
                self._measure(ch)
            return sum(map(widths.__getitem__, text))

    def paragraph(self, text: str, width: float, line_h: float) -> None:
        """``text`` drawn from the PDF's current position as a paragraph ``width`` wide, where fpdf2's multi_cell
        would put it (a cell's padding either side, ``line_h`` a line), broken as ``lines`` breaks it: multi_cell
        started a line with 「。」. The position moves below it, to the left margin."""
        pdf = self.pdf
        for line in self.lines(text, width - 2 * pdf.c_margin):
            pdf.cell(width, line_h, line, new_x="LMARGIN", new_y="NEXT")

    def lines(self, text: str, width: float) -> list[str]:
        out: list[str] = []
        for para in text.split("\n"):
            if len(para) * self.widest <= width:  # most cells: short enough whatever the characters
                out.append(para)
                continue
            first = len(out)
            line: list[str] = []
            used = 0.0
            for i, ch in enumerate(para):
                w = self.widths.get(ch)
                if w is None:
                    w = self._measure(ch)
                if used + w > width and line:
                    # A number or word (a phone: 090-0000-0606) goes whole to the next line, not cut in two
                    # (「0」 then 「90-0000-0606」 reads as another number); Japanese breaks anywhere.
                    start = len(line)
                    if _in_word(ch):
                        start = _run_start(line, start)
                        if start == len(line) > 1 and _is_unit(ch) and line[-1] == " " and line[-2].isdigit():
                            start = _word_start(line, start - 2)  # a number keeps its unit: 「約 160 m」
                    elif ch == " " and line[-1].isdigit() and _is_unit(para[i + 1:i + 2]):
                        start = _run_start(line, start)  # the same where the space falls: 「160」 goes down
                    if start == len(line) and (ch in NO_LINE_START or line[-1] in NO_LINE_END):
                        # 行頭禁則: 「ー」, 「ッ」, 「）」 … never start a line (nor 「（」 end one): the character
                        # before goes down with it (「…支援センタ」 / 「ー」 is how LibreOffice prints a workbook)
                        while start > 1 and (line[start - 1] in NO_LINE_START or line[start - 2] in NO_LINE_END):
                            start -= 1
                        start = _word_start(line, start - 1)  # 「…約 220 m」 + 「）」: 「220 m）」 goes down whole
                    elif start == len(line) and not ch.isspace():
                        # Words a space separates (「ケアプランセンター さくら」, 「池田　健太」) break at the space
                        # when at most a short word (a name) goes down with it, not inside it (「さ」 / 「くら」);
                        # a line is not left short for a longer one (「降圧剤（アムロジピン5mg」 / 「朝1錠）…」).
                        for k in range(len(line) - 1, max(0, len(line) - SHORT_WORD - 2), -1):
                            if line[k].isspace():
                                start = k + 1
                                break
                    if 0 < start < len(line):
                        out.append("".join(line[:start]).rstrip())
                        line = line[start:]
                        used = sum(self.widths[c] for c in line)
                    else:
                        out.append("".join(line))
                        line, used = [], 0.0
                    if not line and ch.isspace():
                        continue  # the space where the line breaks: the next line does not start indented
                line.append(ch)
                used += w
            if len(out) > first and len(line) == 1:
                self._widow(out, line, para, width)
            out.append("".join(line))
        return out

    def _widow(self, out: list[str], line: list[str], para: str, width: float) -> None:
        """A paragraph's last line of one Japanese character (「ひなた内科クリニッ」 / 「ク」): one more goes down
        with it, or two where the one would start the line (「ひなた内科クリ」 / 「ニック」). Not across a space
        (the space is where that break is), not into a number or word, never leaving fewer than two."""
        prev, widow = out[-1], line[0]
        if _in_word(widow) or widow.isspace() or not para.endswith(prev[-2:] + widow):
            return
        for k in (1, 2):
            moved = prev[-k:]
            if len(prev) - k < 2:
                return
            if moved[0] in NO_LINE_START or prev[-k - 1] in NO_LINE_END:
                continue
            if any(_in_word(c) or c.isspace() for c in moved) or sum(self.widths[c] for c in (*moved, widow)) > width:
                return
            out[-1] = prev[:-k]
            line[:0] = moved
            return


# 行頭禁則: characters a line must not start with (the long vowel mark, small kana, closing brackets and
# punctuation); 行末禁則: opening brackets a line must not end with. Half-width brackets too: 「公民館(架空)」 is
# typed either way, and Calc printed 「…公民館(」 / 「架空)」.
SHORT_WORD = 4  # characters: a word after a space up to this long goes to the next line whole
NO_LINE_START = frozenset("ーッャュョァィゥェォヮヵヶっゃゅょぁぃぅぇぉゎ、。，．・：；！？）」』】〕〉》］｝’”ゝゞ々)]}")
NO_LINE_END = frozenset("（「『【〔〈《［｛‘“([{")


def _word_start(line: list[str], start: int) -> int:
    """A break before ``line[start]`` moved back so that it cuts no number or word, nor a number from its unit."""
    while 0 < start < len(line) and _in_word(line[start]) and _in_word(line[start - 1]):
        start -= 1
    if 1 < start < len(line) and _is_unit(line[start]) and line[start - 1] == " " and line[start - 2].isdigit():
        start = _run_start(line, start - 1)
    return start


def _run_start(line: list[str], end: int) -> int:
    """Where the run of number or word characters that ends before ``line[end]`` starts."""
    while end > 0 and _in_word(line[end - 1]):
        end -= 1
    return end


def _is_unit(ch: str) -> bool:
    """A half-width letter after a number and a space: its unit (「160 m」, 「5 kg」)."""
    return ch.isascii() and ch.isalpha()


def _in_word(ch: str) -> bool:
    """A character of a number or a Latin word (half-width, not a space): lines break around these runs."""
    return ch.isascii() and not ch.isspace()
