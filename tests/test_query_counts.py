"""No N+1 queries: lists, search, the map layer, exports and the roster preview use a fixed number of
SQL statements whatever the number of households (a city-sized ledger would otherwise take minutes)."""

from __future__ import annotations

import csv
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.emergency import card_pdf as emergency_cards
from app.emergency import cards as emergency
from app.emergency import contact_sheet as emergency_sheet
from app.households import households, search
from app.maps.query import town_features
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch import roster, watch_form
from app.watch.views import LinkFields, WatcherFields


@contextmanager
def counting(engine, *, with_params: bool = False):
    """The statements ``engine`` runs meanwhile (with their parameters: ``(statement, params)`` pairs)."""
    statements: list = []

    def count(_conn, _cursor, statement, params, _context, _many):  # noqa: ANN001
        statements.append((statement, params) if with_params else statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def make_town(ledger, name: str, n: int):
    """``n`` households, each with two members (one of concern, watched by a neighbour) and categories."""
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", name)
        for i in range(n):
            h = households.add_household(s, town.id, MapPoint(Crs.PIXEL, i, i), HouseholdFields(
                name=f"山田{i}家", address=f"{name}{i}番地", category_codes=("of_concern", "elderly_couple")))
            p = households.add_person(s, h.id, PersonFields(name=f"山田 キヨ{i}", kana="やまだ きよ", of_concern=True,
                                                            concerns="物忘れ", phone="0778-22-0000"))
            households.add_person(s, h.id, PersonFields(name=f"山田 正男{i}", kana="やまだ まさお"))
            w = watch.add_watcher(s, town.id, WatcherFields(f"近所 花子{i}", household_id=h.id))
            watch.link_watcher(s, p.id, w.id, LinkFields("声かけ"))
    return town


@pytest.fixture
def small_and_big(ledger):
    return make_town(ledger, "小町", 2), make_town(ledger, "大町", 12)


def statements_for(ledger, call):
    with ledger.Session() as s:
        with counting(ledger.engine) as statements:
            result = call(s)
    return len(statements), result


@pytest.mark.parametrize("what, call", [
    ("list_households", lambda s, t, _tmp: households.list_households(s, t.id)),
    ("search", lambda s, t, _tmp: search.search(s, "やまだ", town_id=t.id)),
    ("town_features", lambda s, t, _tmp: town_features(s, t.id, Crs.PIXEL)),
    ("list_concerns", lambda s, t, _tmp: watch.list_concerns(s, t.id)),
    ("watch_lines", lambda s, t, _tmp: watch.watch_lines(s, t.id)),
    ("export_form", lambda s, t, tmp: watch_form.export_form(s, t.id, tmp / f"{t.name}.xlsx")),
    ("export_form for staff", lambda s, t, tmp: watch_form.export_form(s, t.id, tmp / f"{t.name}.xlsx",
                                                                       audience=Audience.STAFF)),
    ("list_cards", lambda s, t, _tmp: emergency.list_cards(s, t.id)),
    ("export_sheet xlsx", lambda s, t, tmp: emergency_sheet.export_sheet(s, t.id, tmp / f"{t.name}.xlsx")),
    ("export_sheet pdf", lambda s, t, tmp: emergency_sheet.export_sheet(s, t.id, tmp / f"{t.name}.pdf")),
    ("export_cards xlsx", lambda s, t, tmp: emergency_cards.export_cards(s, t.id, tmp / f"{t.name}-c.xlsx")),
])
def test_statement_count_does_not_grow_with_the_households(ledger, small_and_big, tmp_path, what, call):
    small, big = small_and_big
    n_small, small_result = statements_for(ledger, lambda s: call(s, small, tmp_path))
    n_big, big_result = statements_for(ledger, lambda s: call(s, big, tmp_path))
    assert n_big == n_small, f"{what}: {n_small} statements for 2 households, {n_big} for 12"
    if isinstance(big_result, list):  # the big town's answer really covered every household
        assert len(big_result) == 12
    elif isinstance(big_result, dict):
        assert len(big_result["features"]) == 12


def write_roster(path, town_name: str, n: int):
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["氏名", "フリガナ", "住所", "電話番号", "気になるところ", "見守り者"])
        for i in range(n):  # known persons with something new, and new persons
            out.writerow([f"山田 キヨ{i}", "ヤマダ キヨ", f"{town_name}{i}番地", "0778-22-1111", "足が弱い", f"近所 花子{i}"])
            out.writerow([f"新人 {i}", "しんじん", f"{town_name}新{i}番地", "", "", ""])
    return path


def test_roster_preview_statement_count_does_not_grow_with_the_rows(ledger, small_and_big, tmp_path):
    small, big = small_and_big
    n_small, small_preview = statements_for(
        ledger, lambda s: roster.read_roster(s, write_roster(tmp_path / "small.csv", small.name, 2), small.id))
    n_big, big_preview = statements_for(
        ledger, lambda s: roster.read_roster(s, write_roster(tmp_path / "big.csv", big.name, 12), big.id))
    assert n_big == n_small
    kinds = [r.kind.value for r in big_preview.rows]
    assert kinds.count("updated") == 12 and kinds.count("added") == 12  # it matched the big town's persons


def test_roster_apply_statement_count_does_not_grow_with_the_rows(ledger, small_and_big, tmp_path):
    """The bulk apply sends a batch per statement (and its audit entries alongside), never a statement per row."""
    small, big = small_and_big

    def apply(s, town, n):
        preview = roster.read_roster(s, write_roster(tmp_path / f"{town.name}.csv", town.name, n), town.id)
        with counting(ledger.engine) as statements:
            roster.apply_roster(s, preview)
        s.rollback()
        return len(statements)

    with ledger.Session() as s:
        n_small = apply(s, small, 2)
    with ledger.Session() as s:
        n_big = apply(s, big, 12)
    assert n_big == n_small
