"""行頭禁則 and 行末禁則 where the app breaks a cell's lines itself (``kinsoku_breaks``, the PDF's ``LineWrapper``):
no printed line starts with a closing bracket or 「ー」, none ends with an opening bracket, full- or half-width
(the demo's 緊急連絡表 printed 「避難所: ひだまり町公民館(」 / 「架空)（約 160 m）」), and the text is kept whole."""

from __future__ import annotations

import re

import pytest

from app.core.sheets import kinsoku_breaks

# Written out here, not read from the code under test: JIS X 4051's brackets, both widths, and 「ー」「、」「。」.
NO_START = set(")）]］}｝」』】〕〉》ー、。")
NO_END = set("(（[［{｛「『【〔〈《")

TEXTS = (
    "避難所: ひだまり町公民館(架空)（約 160 m）",
    "避難所: 土砂災害時: ひだまり小学校(架空)（約 220 m）",
    "デイサービスセンターひまわり[送迎あり]　ケアマネージャー、ショートステイ・ホームヘルパー利用中。",
    "降圧剤（アムロジピン5mg 朝1錠）、「かかりつけ」は(内科)ひなた内科クリニック",
)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("shift", range(14))
@pytest.mark.parametrize("width", [20, 26, 30])
def test_a_broken_cell_keeps_brackets_with_their_words_and_its_text_whole(text, shift, width):
    typed = "ひ" * shift + text
    broken = kinsoku_breaks(typed, width, size=10.5)  # the 緊急連絡表's 備考 column is 26 wide
    lines = broken.split("\n")
    assert len(lines) > 1  # long enough to be broken here
    assert [line for line in lines[1:] if line[:1] in NO_START] == []
    assert [line for line in lines[:-1] if line[-1:] in NO_END] == []
    # a number keeps its unit (「約 160」 / 「m）」 read as two things)
    assert [b for a, b in zip(lines, lines[1:]) if a[-1:].isdigit() and b[:1].isascii() and b[:1].isalpha()] == []
    assert re.sub(r"\s", "", broken) == re.sub(r"\s", "", typed)


def test_the_demos_shelter_line_keeps_its_bracketed_word_together():
    assert kinsoku_breaks("避難所: ひだまり町公民館(架空)（約 160 m）", 26, size=10.5).split("\n") == [
        "避難所: ひだまり町公民館", "(架空)（約 160 m）"]


def test_words_a_space_separates_break_at_the_space_not_inside_a_name():
    # The care manager's office as the demo's 緊急連絡表 prints it: Calc and the old rule cut 「さ」 / 「くら」
    assert kinsoku_breaks("ケアマネ　夏川\nケアプランセンター さくら\n0778-00-3100", 22, size=10.5).split("\n") == [
        "ケアマネ　夏川", "ケアプランセンター", "さくら", "0778-00-3100"]
    # a space early in the line is no place to break: the line is filled
    assert kinsoku_breaks("避難所: ひだまり町公民館(架空)（約 160 m）", 26, size=10.5).startswith("避難所: ひだまり町公民館\n")


def test_text_all_in_half_width_is_kept_as_typed():
    for typed in ('=HYPERLINK("http://x.invalid","click") and more text to make it long', "(" * 40 + ")" * 40):
        assert kinsoku_breaks(typed, 14, size=10.5) == typed


@pytest.mark.parametrize("shift", range(12))
@pytest.mark.parametrize("width", [10, 12, 14, 16, 18, 20])
def test_a_cell_does_not_end_on_a_line_of_one_japanese_character(shift, width):
    # The demo's かかりつけ医 printed 「ひなた内科クリニッ」 / 「ク」 at some widths: the name's end goes down with it
    typed = "ひ" * shift + "ひなた内科クリニック"
    lines = kinsoku_breaks(typed, width, size=10.5).split("\n")
    assert len(lines) > 1
    assert len(lines[-1]) > 1
    assert [line for line in lines[1:] if line[:1] in NO_START | set("ッ")] == []
    assert "".join(lines) == typed


def test_a_last_character_is_not_joined_across_a_space_or_to_a_number():
    # the space is where that line breaks, and 「1」 after 「要介護」 is a number: both are left as they were
    assert kinsoku_breaks("ケアプランセンター 東", 20, size=10.5).split("\n")[-1] == "東"
    assert kinsoku_breaks("区分（認定済み）は要介護1", 24, size=10.5).split("\n") == ["区分（認定済み）は要介護", "1"]
