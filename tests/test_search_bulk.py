"""The roster's search entries built set-wise (app/households/search.py ``entries_in_bulk``, issue 17): the same
entries, entry numbers, FTS rows and character pairs as the triggers make row by row, the same search answers,
and the triggers back in place after the import, after a rollback and after a cancel."""

from __future__ import annotations

import itertools
import shutil
import uuid
from datetime import date

import pytest

from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.households import search as search_module
from app.households.search import BULK_TRIGGERS, search
from app.models import open_ledger
from app.paths import ledger_path
from app.towns.towns import create_town
from app.watch.roster import apply_roster, read_roster
from tests.test_audited_writes import _roster as xlsx

HEADER = ["氏名", "フリガナ", "住所", "電話番号", "生年月日", "世帯区分", "気になるところ", "見守り者", "気がかり"]
# Known members (some updated: new kana changes their search key), namesakes, width and kana variants, a row with
# no address, one-character names, a long address, the same household twice, and many new households.
ROWS = [
    ["山田　ハル", "ﾔﾏﾀﾞ ﾊﾙ", "余川町１２－３", "0778-22-1234", "昭和15年3月2日", "一人暮らし", "", "佐藤　一郎（民生委員）", "○"],
    ["山田　正男", "ヤマダ　マサオ", "余川町12-3", "", "S12.5.1", "高齢者夫婦", "", "", ""],
    ["ﾔﾏﾀﾞ ﾊﾅ", "やまだ　はな", "余川町12-3", "", "1937/5/1", "", "", "", "はい"],
    ["田中　トメ", "タナカ トメ", "余川町5", "", "令和元年5月1日", "", "足が弱い", "", ""],
    ["鈴木　三郎", "", "", "", "", "", "", "", ""],
    ["林", "ハヤシ", "余川町" + "一丁目" * 95, "", "", "", "", "", ""],
    ["森", "", "余川町7", "", "", "", "", "", ""],
    *[[f"越前　{given}{i}", "エチゼン", f"新町{i // 2 + 1}番地", "", "", "", "", "", ""]
      for i, given in zip(range(40), itertools.cycle(["太郎", "花子", "ハル", "一"]))],
]
QUERIES = ["山", "田", "山田", "ハル", "やま", "ヤマダ", "ﾔﾏ", "越前", "花子", "新町1", "新町", "12", "5", "林", "森",
           "一丁目一丁目", "丁", "エチ", "余川町", "トメ", "z"]


def _deterministic_ids(monkeypatch, start: int = 1) -> None:
    counter = itertools.count(start)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))


def _index(ledger) -> dict:
    with ledger.Session() as s:
        c = s.connection()
        return {
            "entries": c.exec_driver_sql("SELECT entry_id, owner_id, household_id, kind, key FROM search_entry "
                                         "ORDER BY entry_id").all(),
            "pairs": c.exec_driver_sql("SELECT pair, entry_id FROM search_pair ORDER BY pair, entry_id").all(),
            "fts": {q: c.exec_driver_sql("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid",
                                         ('"' + q + '"',)).all() for q in ("ヤマダ", "越前", "一丁目", "新町1")},
            "triggers": c.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                          "ORDER BY name").all(),
        }


def _answers(ledger, town_id) -> dict:
    with ledger.Session() as s:
        return {q: search(s, q, town_id=town_id, limit=200) for q in QUERIES}


@pytest.fixture
def twins(tmp_path, monkeypatch):
    """Two copies of one ledger holding a town with members the roster matches."""
    _deterministic_ids(monkeypatch)
    first = open_ledger(ledger_path(tmp_path / "a"))
    with first.Session.begin() as s:
        town = create_town(s, "味真野地区", "余川町")
        h = households.add_household(s, town.id, None, HouseholdFields(address="余川町12-3"))
        households.add_person(s, h.id, PersonFields("山田　ハル", birth_date=date(1940, 3, 2)))
        households.add_person(s, h.id, PersonFields("山田　正男"))
        other = households.add_household(s, town.id, None, HouseholdFields(name="田中", address="余川町5"))
        households.add_person(s, other.id, PersonFields("田中　トメ", kana="タナカ　トメ"))
        town_id = town.id
    first.close()
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    a, b = open_ledger(ledger_path(tmp_path / "a")), open_ledger(ledger_path(tmp_path / "b"))
    yield a, b, town_id
    a.close()
    b.close()


def _import(ledger, town_id, path, monkeypatch, *, bulk: bool) -> None:
    monkeypatch.setattr(search_module, "BULK_FROM", 0 if bulk else 10**9)
    _deterministic_ids(monkeypatch, 10**6)  # the same ids in both ledgers: the entries can be compared as they are
    with ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town_id))


@pytest.mark.timeout(120)
def test_the_bulk_path_builds_the_index_the_triggers_build(twins, tmp_path, monkeypatch):
    by_triggers, in_bulk, town_id = twins
    path = xlsx(tmp_path / "r.xlsx", [HEADER, *ROWS])
    before = _index(by_triggers)
    _import(by_triggers, town_id, path, monkeypatch, bulk=False)
    _import(in_bulk, town_id, path, monkeypatch, bulk=True)
    expected, got = _index(by_triggers), _index(in_bulk)
    assert len(expected["entries"]) > len(before["entries"]) + 40  # the import did add entries
    assert got == expected
    assert _answers(in_bulk, town_id) == _answers(by_triggers, town_id)
    # An edit after the import is indexed by the triggers, which are back.
    with in_bulk.Session.begin() as s:
        h = households.add_household(s, town_id, None, HouseholdFields(address="余川町99"))
        households.add_person(s, h.id, PersonFields("鷲見　ゆき"))
    with in_bulk.Session() as s:
        assert [hit.household_id for hit in search(s, "鷲", town_id=town_id)] == [h.id]
        assert [hit.household_id for hit in search(s, "鷲見ゆ", town_id=town_id)] == [h.id]


@pytest.mark.timeout(120)
def test_a_rolled_back_or_cancelled_import_leaves_the_index_and_its_triggers_as_they_were(twins, tmp_path,
                                                                                       monkeypatch):
    ledger, _, town_id = twins
    path = xlsx(tmp_path / "r.xlsx", [HEADER, *ROWS])
    monkeypatch.setattr(search_module, "BULK_FROM", 0)
    before = _index(ledger)
    with ledger.Session() as s:
        apply_roster(s, read_roster(s, path, town_id))
        s.rollback()
    assert _index(ledger) == before

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done > 20:
            raise Cancelled

    with ledger.Session() as s:
        preview = read_roster(s, path, town_id)
        with pytest.raises(Cancelled):
            apply_roster(s, preview, progress=cancel)
        # Even a caller that commits what was written before the cancel keeps its triggers.
        assert {n for n, _ in s.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()} >= set(BULK_TRIGGERS)
        s.rollback()
    assert _index(ledger) == before


@pytest.mark.timeout(120)
def test_an_import_whose_transaction_sqlite_rolled_back_raises_its_own_error(twins, tmp_path, monkeypatch):
    # GIVEN an import that fails half way in a way after which SQLite has rolled the whole transaction back by itself
    # (a full disk, an I/O error), the triggers' drop included
    ledger, _, town_id = twins
    path = xlsx(tmp_path / "r.xlsx", [HEADER, *ROWS])
    monkeypatch.setattr(search_module, "BULK_FROM", 0)
    before = _index(ledger)

    def disk_full(done: int, total: int) -> None:
        if done > 20:
            s.connection().connection.dbapi_connection.execute("ROLLBACK")
            raise OSError("database or disk is full")

    with ledger.Session() as s:
        preview = read_roster(s, path, town_id)
        # WHEN the import is applied
        # THEN the caller hears what went wrong, not a trigger "already exists" from putting back what SQLite's
        # rollback had put back already
        with pytest.raises(OSError, match="disk is full"):
            apply_roster(s, preview, progress=disk_full)
        s.rollback()
    # and the ledger, its index and its triggers are as they were
    assert _index(ledger) == before
