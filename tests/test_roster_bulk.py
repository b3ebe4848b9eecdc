"""A roster import leaves the search index exactly as the rows say (issue 17): the set-wise entries of the new
households and persons, and the known members it updates (whose search key is written only when their kana
changes it), checked against the index rebuilt from the rows themselves."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.text import search_key
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.households import search as search_module
from app.households.search import search
from app.models.search_index import PAIR_END, PAIR_KEY_LIMIT
from app.watch.roster import apply_roster, read_roster
from tests.test_audited_writes import _roster as xlsx

HEADER = ["氏名", "フリガナ", "住所", "電話番号", "生年月日", "気になるところ"]


def _rebuilt(session) -> tuple[set, set]:
    """The entries and pairs the index should hold, made from the households and persons alone (in Python)."""
    c = session.connection()
    entries = {(h, h, "h", k) for h, k in c.exec_driver_sql("SELECT id, search_key FROM household")}
    entries |= {(p, h, "p", k) for p, h, k in c.exec_driver_sql("SELECT id, household_id, search_key FROM person")}
    owner = dict(c.exec_driver_sql("SELECT entry_id, owner_id FROM search_entry").all())
    keys = {e: k for e, k in c.exec_driver_sql("SELECT entry_id, key FROM search_entry")}
    pairs = {((k + PAIR_END)[i:i + 2], owner[e]) for e, k in keys.items() if len(k) <= PAIR_KEY_LIMIT
             for i in range(len(k))}
    return entries, pairs


def _index(session) -> tuple[set, set]:
    c = session.connection()
    entries = set(c.exec_driver_sql("SELECT owner_id, household_id, kind, key FROM search_entry").all())
    pairs = set(c.exec_driver_sql("SELECT p.pair, e.owner_id FROM search_pair p "
                                  "JOIN search_entry e ON e.entry_id = p.entry_id").all())
    return entries, pairs


@pytest.mark.parametrize("bulk", [True, False], ids=["set-wise", "by triggers"])
@pytest.mark.timeout(120)
def test_the_index_after_an_import_is_the_index_of_the_rows(ledger, town, tmp_path, monkeypatch, bulk):
    monkeypatch.setattr(search_module, "BULK_FROM", 0 if bulk else 10**9)
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(address="余川町12-3"))
        hal = households.add_person(s, h.id, PersonFields("山田　ハル", kana="ヤマダ　ハル", birth_date=date(1940, 3, 2)))
        masao = households.add_person(s, h.id, PersonFields("山田　正男"))
    rows = [HEADER,
            ["山田　ハル", "ヤマダ　ハル", "余川町12-3", "", "S15.3.2", "足が弱い"],  # a change, the same kana
            ["山田　正男", "ヤマダ　マサオ", "余川町12-3", "", "", ""],  # a new kana: a new key
            *[[f"越前　{i}郎", "エチゼン", f"新町{i // 2}番地", "", "", ""] for i in range(30)]]
    with ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, xlsx(tmp_path / "r.xlsx", rows), town.id))
    with ledger.Session() as s:
        keys = dict(s.connection().exec_driver_sql("SELECT name, search_key FROM person").all())
        assert keys["山田　ハル"] == search_key("山田　ハル", "ヤマダ　ハル")
        assert keys["山田　正男"] == search_key("山田　正男", "ヤマダ　マサオ")
        assert _index(s) == _rebuilt(s)
        assert [x.household_id for x in search(s, "マサ", town_id=town.id)] == [h.id]
        assert [x.household_id for x in search(s, "ヤマダマサオ", town_id=town.id)] == [h.id]
        assert len(search(s, "越前", town_id=town.id, limit=100)) == 15
        concerns = s.connection().exec_driver_sql("SELECT concerns FROM person WHERE name = '山田　ハル'").scalar()
        assert concerns == "足が弱い"
    assert hal.id != masao.id
