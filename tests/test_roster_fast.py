"""Roster import, the faster path (issue 17): values read once per distinct text, the apply writing what the
preview showed (never the file again), and the page cache raised only for the apply's writes."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from sqlalchemy import text

from app.core.errors import LedgerError
from app.core.wareki import parse_date
from app.households import households
from app.watch.roster import apply_roster, read_roster
from app.watch.roster import reading as roster_reading
from app.watch.roster.reading import read_rows
from tests.test_audited_writes import _roster as xlsx

HEADER = ["氏名", "フリガナ", "住所", "電話番号", "生年月日", "世帯区分", "気になるところ", "見守り者", "気がかり"]

# Repeated values (a household's address, a watcher, a date, a kind) mixed with values that differ only in
# width or kana (each must be normalised on its own, not served another's cached result), and every spelling
# of "yes" the 気がかり column takes, full width and upper case included.
TRICKY = [
    ["山田　ハル", "ﾔﾏﾀﾞ ﾊﾙ", "余川町１２－３", "0778-22-1234", "昭和15年3月2日", "一人暮らし", "", "佐藤　一郎（民生委員）", "○"],
    ["山田　正男", "ヤマダ　マサオ", "余川町12-3", 778221234, "S12.5.1", "高齢者夫婦", "", "佐藤　一郎（民生委員）", ""],
    ["ﾔﾏﾀﾞ ﾊﾅ", "やまだ　はな", "余川町12-3", "０７７８－２２－１２３４", "1937/5/1", "高齢者夫婦", "", "", "はい"],
    ["田中　トメ", "タナカ トメ", "余川町5", "", "令和元年5月1日", "", "足が弱い", "", ""],
    ["田中　一", "", "余川町5", "", "1937/5/1", "", "", "鈴木　花子（近所）、佐藤　一郎（民生委員）", "ＹＥＳ"],
    ["鈴木　次郎", "スズキ ジロウ", "余川町５", "0778-22-0055", "", "障がい者世帯", "", "", "要"],
    ["鈴木　三郎", "", "", "", "", "", "", "", "いいえ"],
    ["鈴木　四郎", "", "余川町5", "", "", "", "", "", "1"],
    ["鈴木　五郎", "", "余川町5", "", "", "", "", "", "Ｙ"],
]


def oracle(cells: list) -> dict:
    """A row read the old way: every helper called on its own cell, nothing remembered between rows."""
    name, kana, address, phone, birth, kind, concerns, watchers, concern = [
        "" if c is None else str(c).strip() for c in cells]
    kinds = roster_reading._kinds(kind)
    found = roster_reading._watchers(watchers)
    return dict(name=roster_reading._full_width_kana(name), kana=roster_reading._full_width_kana(kana),
                address=unicodedata.normalize("NFKC", address), phone=roster_reading._phone(phone).text,
                birth_date=parse_date(birth).to_date() if birth else None, kinds=kinds, concerns=concerns,
                watchers=found, of_concern=bool(concerns or found or "of_concern" in kinds
                                                or roster_reading.fold(concern) in
                                                {roster_reading.fold(y) for y in roster_reading.YES}))


@pytest.mark.timeout(60)
def test_every_row_reads_as_it_did_row_by_row_whatever_repeats(tmp_path):
    rows = TRICKY * 3  # the same texts again: what was read for the first copy must not leak into another row
    _, records = read_rows(xlsx(tmp_path / "r.xlsx", [HEADER, *rows]))
    assert len(records) == len(rows)
    for record, cells in zip(records, rows, strict=True):
        expected = oracle(cells)
        assert {k: getattr(record, k) for k in expected} == expected, record.row


@pytest.mark.timeout(60)
def test_the_yes_column_marks_a_person_of_concern_in_every_spelling(tmp_path):
    _, records = read_rows(xlsx(tmp_path / "r.xlsx", [HEADER, *TRICKY]))
    by_name = {r.name: r.of_concern for r in records}
    assert by_name["山田　ハル"] and by_name["ヤマダ ハナ"] and by_name["鈴木　次郎"]  # ○, はい, 要
    assert by_name["鈴木　四郎"] and by_name["鈴木　五郎"]  # 1, full-width Ｙ
    assert by_name["田中　一"]  # watchers and ＹＥＳ
    assert not by_name["鈴木　三郎"]  # いいえ
    assert by_name["山田　正男"]  # a watcher makes it so


@pytest.mark.timeout(60)
def test_a_bad_date_among_repeated_ones_is_still_refused_naming_its_cell(tmp_path):
    rows = [HEADER, *TRICKY, ["越前　太郎", "", "余川町5", "", "昭和99年13月1日", "", "", "", ""], *TRICKY]
    with pytest.raises(LedgerError) as raised:
        read_rows(xlsx(tmp_path / "r.xlsx", rows))
    message = str(raised.value)
    assert all(e in message for e in ("名簿", "row 11", "E11", "昭和99年13月1日")), message


@pytest.mark.timeout(120)
def test_the_apply_writes_what_the_preview_showed_even_when_the_file_changes_after(ledger, town, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [HEADER, *TRICKY])
    with ledger.Session.begin() as s:
        preview = read_roster(s, path, town.id)
    # The file is replaced (another version saved over it) and then removed before the user confirms.
    xlsx(path, [HEADER, ["別人　太郎", "", "別の町1", "", "", "", "", "", ""]])
    path.unlink()
    with ledger.Session.begin() as s:
        apply_roster(s, preview)
    with ledger.Session.begin() as s:
        names = sorted(p.name for h in households.list_households(s, town.id) for p in h.persons)
        assert names == sorted(r.name for r in preview.records)
        assert "別人　太郎" not in names
        yamada = next(p for h in households.list_households(s, town.id) for p in h.persons if p.name == "山田　正男")
        assert (yamada.phone, yamada.birth_date) == ("0778-22-1234", date(1937, 5, 1))


@pytest.mark.timeout(120)
def test_the_page_cache_is_put_back_after_the_apply_and_after_a_failed_one(ledger, town, tmp_path, monkeypatch):
    path = xlsx(tmp_path / "r.xlsx", [HEADER, *TRICKY])
    with ledger.Session.begin() as s:
        before = s.execute(text("PRAGMA cache_size")).scalar()
        apply_roster(s, read_roster(s, path, town.id))
        assert s.execute(text("PRAGMA cache_size")).scalar() == before

    def fail(*_args):  # noqa: ANN002
        raise RuntimeError("disk gone")

    again = xlsx(tmp_path / "again.xlsx", [HEADER, *TRICKY, ["新井　トメ", "", "余川町9", "", "", "", "", "", ""]])
    with ledger.Session() as s:
        preview = read_roster(s, again, town.id)  # one new person: the apply has a write to fail at
        with pytest.raises(RuntimeError, match="disk gone"):
            apply_roster(s, preview, progress=fail)
        assert s.execute(text("PRAGMA cache_size")).scalar() == before
        s.rollback()
