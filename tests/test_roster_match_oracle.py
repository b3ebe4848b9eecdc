"""Roster matching, the narrower read (issue 17): the members found by name and birth date are searched only for
the rows no member matches by name and address. The preview and what the apply writes must be what the full
search (every row's name and birth date) gave, on a town and a roster made to trip it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from app.watch.roster import apply_roster, matching, read_roster
from tests.test_audited_writes import _roster as xlsx

HEADER = ["氏名", "フリガナ", "住所", "電話番号", "生年月日", "世帯区分", "気になるところ", "見守り者"]

# The town as a first roster leaves it: namesakes at two addresses, one of them with the same birth date as
# a namesake elsewhere (so the name and birth date point at two households), and members without a birth date.
TOWN = [
    ["山田　ハル", "ヤマダ ハル", "余川町1", "0778-22-0001", "昭和15年3月2日", "一人暮らし", "", ""],
    ["山田　ハル", "ヤマダ ハル", "余川町2", "", "昭和15年3月2日", "", "", ""],
    ["田中　一", "タナカ ハジメ", "余川町3", "", "1937/5/1", "高齢者夫婦", "", ""],
    ["田中　花", "タナカ ハナ", "余川町3", "", "1939/1/9", "高齢者夫婦", "", ""],
    ["鈴木　次郎", "スズキ ジロウ", "余川町4", "0778-22-0004", "S12.5.1", "", "", ""],
    ["佐藤　明", "", "", "", "1950/2/2", "", "", ""],
    ["高橋　トメ", "タカハシ トメ", "余川町6", "", "", "", "", ""],
]

ROSTER = [
    # The same person twice, and once more with half-width kana and full-width digits in the address.
    ["山田　ハル", "ﾔﾏﾀﾞ ﾊﾙ", "余川町１", "０７７８－２２－０００９", "昭和15年3月2日", "", "物忘れ", "近所 花子（近所）"],
    ["山田　ハル", "ヤマダ ハル", "余川町1", "", "昭和15年3月2日", "", "", ""],
    # Moved: same name and birth date, an address no member has (one household holds that name and date).
    ["鈴木　次郎", "スズキ ジロウ", "余川町40", "0778-22-0040", "S12.5.1", "", "", ""],
    # Matched at their address, while another row with the same name and birth date is not.
    ["田中　一", "", "余川町3", "0778-22-0003", "1937/5/1", "", "", "民生 一郎（民生委員）"],
    ["田中　一", "", "余川町30", "", "1937/5/1", "", "", ""],
    # The namesakes' name and birth date from an address neither lives at: which of the two?
    ["山田　ハル", "", "余川町9", "", "昭和15年3月2日", "", "", ""],
    # No address in the roster, a member without one: matched by name and the empty address.
    ["佐藤　明", "サトウ アキラ", "", "22-3333", "1950/2/2", "", "", ""],
    # New: a local phone without its area code, a mobile, a name no member has, a member's name with another birth date elsewhere.
    ["新井　次子", "アライ ツギコ", "余川町7", "090-1234-5678", "昭和20年1月1日", "一人暮らし", "", ""],
    ["田中　花", "", "余川町31", "0778-22-0030", "1940/1/9", "", "", ""],
    ["高橋　トメ", "", "余川町6", "", "昭和5年5月5日", "", "足が弱い", ""],
    ["高橋　トメ", "", "余川町60", "", "昭和5年5月5日", "", "", ""],
]


def _full_search(monkeypatch) -> None:  # noqa: ANN001
    """The search as it was: every roster row's name and birth date, whether or not a member matched at the
    row's address."""
    original = matching.keys.members_by_name_and_birth
    real_load = matching._load_town

    def load(session, town_id, records):  # noqa: ANN001, ANN202
        pairs = {(matching.fold(r.name), r.birth_date.isoformat()) for r in records if r.birth_date}
        monkeypatch.setattr(matching.keys, "members_by_name_and_birth",
                            lambda s, t, _given: original(s, t, pairs))
        try:
            return real_load(session, town_id, records)
        finally:
            monkeypatch.setattr(matching.keys, "members_by_name_and_birth", original)

    monkeypatch.setattr(matching, "_load_town", load)


def _written(s) -> dict:  # noqa: ANN001
    persons = s.execute(text(
        "SELECT h.map_number, h.address, p.name, p.kana, p.phone, p.birth_date, p.of_concern, p.concerns, "
        "p.sort_order FROM person p JOIN household h ON h.id = p.household_id ORDER BY 1, 9")).all()
    links = s.execute(text(
        "SELECT p.name, h.address, w.name, w.role FROM watch_link l JOIN person p ON p.id = l.person_id "
        "JOIN household h ON h.id = p.household_id JOIN watcher w ON w.id = l.watcher_id ORDER BY 1, 2, 3")).all()
    categories = s.execute(text(
        "SELECT h.map_number, c.code FROM household_category_link l JOIN household h ON h.id = l.household_id "
        "JOIN household_category c ON c.id = l.category_id ORDER BY 1, 2")).all()
    # The ids the import makes are random: in the entries' values they become "new" (the town's own stay).
    known = {i.replace("-", "") for (i,) in s.execute(text(
        "SELECT id FROM household WHERE created_at < (SELECT max(created_at) FROM household) UNION "
        "SELECT id FROM town UNION SELECT id FROM household_category")).all()}

    def plain(value):  # noqa: ANN001, ANN202
        return value if value is None else re.sub(
            r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}",
            lambda m: m[0] if m[0].replace("-", "") in known else "new", value)

    audit = sorted((entity, action, field, plain(old), plain(new), label) for entity, action, field, old, new, label
                   in s.execute(text("SELECT entity, action, field, old_value, new_value, label FROM audit_entry "
                                     "WHERE reason LIKE 'roster:%'")).all())
    search = s.execute(text("SELECT kind, key FROM search_entry ORDER BY 1, 2")).all()
    return dict(persons=persons, links=links, categories=categories, audit=audit, search=search)


def _import(ledger, town_id, path, decisions) -> tuple[list, dict]:  # noqa: ANN001
    with ledger.Session() as s:
        preview = read_roster(s, path, town_id)
        preview.decisions.update(decisions(preview))
        rows = apply_roster(s, preview)
        written = _written(s)
        s.rollback()
    return [preview.rows, rows], written


@pytest.mark.timeout(120)
@pytest.mark.parametrize("decide", ["skip", "first", "new"])
def test_the_preview_and_the_writes_are_those_of_the_full_search(ledger, town, tmp_path, monkeypatch, decide):
    # GIVEN a town with namesakes, a member whose name and birth date point at two households, and a roster with
    # the same person twice, kana and digit variants, moved persons and bad phones
    with ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, xlsx(tmp_path / "town.xlsx", [HEADER, *TOWN]), town.id))
    path = xlsx(tmp_path / "roster.xlsx", [HEADER, *ROSTER])

    def decisions(preview) -> dict:  # noqa: ANN001 - the user's choice for every row that asks for one
        chosen = {}
        for row in preview.rows:
            if row.options and len(row.options) > 1:
                option = {"skip": row.options[0], "first": row.options[1], "new": row.options[-1]}[decide]
                chosen[(row.sheet, row.row)] = option.value
        return chosen

    # WHEN it is previewed and applied with the narrower search, and again with the full one
    narrow = _import(ledger, town.id, path, decisions)
    _full_search(monkeypatch)
    full = _import(ledger, town.id, path, decisions)
    # THEN the preview's rows (kinds, changes, reasons, options), the rows written, the watch links, the
    # categories, the audit entries and the search index are the same
    assert narrow[0] == full[0]
    assert narrow[1] == full[1]
    kinds = [r.kind.name for r in narrow[0][0]]
    assert kinds.count("NEEDS_DECISION") >= 3 and "UPDATED" in kinds and "ADDED" in kinds  # the data trips it
