"""Search by name, kana reading or address, ignoring full/half width and hiragana/katakana."""

from __future__ import annotations

import uuid

import pytest

from app.core.text import fold, search_key
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.households.search import search


@pytest.fixture
def filled(ledger, town):
    with ledger.Session.begin() as s:
        a = households.add_household(s, town.id, None, HouseholdFields(name="山田家", address="余川町1丁目12-3"))
        households.add_person(s, a.id, PersonFields(name="山田 キヨ", kana="ヤマダ キヨ"))
        b = households.add_household(s, town.id, None, HouseholdFields(name="佐藤家", address="余川町２丁目５－１"))
        households.add_person(s, b.id, PersonFields(name="佐藤 正男", kana="さとう まさお"))
    return a, b


@pytest.mark.parametrize("query, expected", [
    ("やまだ", "山田家"),          # hiragana finds a katakana reading
    ("ﾔﾏﾀﾞ", "山田家"),            # half-width katakana too
    ("ヤマダキヨ", "山田家"),       # spaces in the reading do not matter
    ("サトウ", "佐藤家"),          # katakana finds a hiragana reading
    ("正男", "佐藤家"),
    ("１丁目１２", "山田家"),       # full-width digits find half-width ones
    ("2丁目5-1", "佐藤家"),        # and the other way round, dash included
])
def test_search_ignores_width_and_kana(ledger, town, filled, query, expected):
    with ledger.Session() as s:
        hits = search(s, query, town_id=town.id)
    assert [h.label for h in hits] == [expected]


def test_search_reports_the_member_that_matched(ledger, town, filled):
    with ledger.Session() as s:
        [hit] = search(s, "きよ")
    assert hit.matched == "山田 キヨ"


def test_search_finds_nothing_for_blank_or_unknown_and_skips_deleted(ledger, town, filled):
    with ledger.Session.begin() as s:
        households.delete_household(s, filled[0].id)
    with ledger.Session() as s:
        assert search(s, "   ") == []
        assert search(s, "鈴木") == []
        assert search(s, "やまだ") == []


def test_like_wildcards_in_the_query_are_plain_text(ledger, town, filled):
    with ledger.Session() as s:
        assert search(s, "%") == []
        assert search(s, "_") == []


def test_fold():
    assert fold("ＡＢＣ　ｶﾀｶﾅ") == fold("abc かたかな") == "abcかたかな"


# ---------------------------------------------------------------- the trigram index (queries of 3+ characters)


def labels(ledger, query, **kw):
    with ledger.Session() as s:
        return [h.label for h in search(s, query, **kw)]


def test_index_follows_adds_edits_and_removals(ledger, town, filled):
    a, b = filled
    with ledger.Session.begin() as s:
        households.edit_household(s, a.id, HouseholdFields(name="山田本家", address="余川町9丁目"))
        c = households.add_household(s, town.id, None, HouseholdFields(name="鈴木家"))
        kiyo = households.list_households(s, town.id)[0].persons[0]
        households.edit_person(s, kiyo.id, PersonFields(name="山田 キヨミ", kana="やまだ きよみ"))
        households.add_person(s, c.id, PersonFields(name="鈴木 ハナ", kana="スズキ ハナ"))
    assert labels(ledger, "9丁目") == ["山田本家"]      # the new address is found
    assert labels(ledger, "1丁目12") == []             # the old one no longer
    assert labels(ledger, "きよみ") == ["山田本家"]      # an edited member
    assert labels(ledger, "すずきはな") == ["鈴木家"]    # a member added later
    with ledger.Session.begin() as s:
        hana = households.get_household(s, c.id).persons[0]
        households.delete_person(s, hana.id)
    assert labels(ledger, "すずきはな") == []            # a removed member is not found
    assert labels(ledger, "はな") == []                  # by a short query either


def test_short_queries_still_find_substrings(ledger, town, filled):
    assert labels(ledger, "正男") == ["佐藤家"]  # two characters: below the trigram index
    assert labels(ledger, "ﾔﾏ") == ["山田家"]
    assert sorted(labels(ledger, "家")) == ["佐藤家", "山田家"]


@pytest.mark.parametrize("query", ['"山田', 'やま"だ', "AND OR NOT", "やまだ*", "(やまだ)", "NEAR(a b)", "'; --"])
def test_query_syntax_characters_are_plain_text(ledger, town, filled, query):
    assert labels(ledger, query) == []


def test_search_respects_the_limit_and_the_town(ledger, town, filled):
    from app.towns.towns import create_town

    with ledger.Session.begin() as s:
        other = create_town(s, "味真野地区", "別所町")
        for i in range(5):
            households.add_household(s, other.id, None, HouseholdFields(name=f"山田テスト{i}号"))
    assert labels(ledger, "山田", town_id=town.id) == ["山田家"]
    assert labels(ledger, "てすと", limit=3) == ["山田テスト0号", "山田テスト1号", "山田テスト2号"]  # map-number order


def test_a_ledger_from_before_the_index_is_indexed_when_it_is_upgraded(ledger, town, filled):
    from alembic import command

    from app.models.engine import _alembic_config

    def migrate(to: str, downgrade: bool = False) -> None:
        cfg = _alembic_config()
        with ledger.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if downgrade else command.upgrade)(cfg, to)

    def copy_row(conn, table: str, **values) -> None:
        """A row as that revision's schema has it (today's models may know columns it has not): a copy of
        one of its rows with ``values`` changed."""
        columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
        row = dict(conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table} LIMIT 1").mappings().one())
        row.update(values)
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             tuple(row.values()))

    migrate("0004", downgrade=True)
    with ledger.engine.begin() as conn:  # written while there is no index, by the schema of 0004
        household_id = uuid.uuid4().hex
        number = conn.exec_driver_sql("SELECT max(map_number) + 1 FROM household").scalar()
        copy_row(conn, "household", id=household_id, name="古い台帳の家", address="", map_number=number,
                 search_key=search_key("古い台帳の家", ""), deleted_at=None)
        copy_row(conn, "person", id=uuid.uuid4().hex, household_id=household_id, name="古川 トメ", kana="フルカワ トメ",
                 search_key=search_key("古川 トメ", "フルカワ トメ"), deleted_at=None)
    migrate("head")
    assert labels(ledger, "ふるかわ") == ["古い台帳の家"]
    assert labels(ledger, "やまだきよ") == ["山田家"]


# ---------------------------------------------------------------- the character pairs (queries of 1 and 2 characters)


@pytest.fixture
def generated_town(tmp_path, monkeypatch):
    """A generated town of 400 households (bench/generate.py, fixed seed) and every folded key in it."""
    monkeypatch.setenv("SASAEAI_PASSPHRASE", "test-passphrase")
    from app.models import open_ledger
    from app.paths import ledger_path
    from bench.generate import generate

    made = generate(tmp_path / "town", 400)
    ledger = open_ledger(ledger_path(made.data_dir))
    yield ledger, made.town_id
    ledger.close()


def brute_force(ledger, town_id, query, limit=50):
    """Map numbers of the households whose own key or a live member's key holds the folded query."""
    from sqlalchemy import select

    from app.models import Household, Person

    key = fold(query)
    with ledger.Session() as s:
        found = {n for n, k in s.execute(select(Household.map_number, Household.search_key).where(
            Household.town_id == town_id, Household.deleted_at.is_(None))) if key in k}
        found |= {n for n, k in s.execute(select(Household.map_number, Person.search_key)
                  .join(Person, Person.household_id == Household.id)
                  .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None)))
                  if key in k}
    return sorted(found)[:limit]


@pytest.mark.parametrize("query", ["や", "ヤ", "ﾔ", "山", "府", "1", "-", "ぬ",   # one character: common, variants, none
                                   "やま", "ヤマ", "ﾔﾏ", "府中", "丁目", "12", "ぬえ",  # two
                                   "やまだ", "ﾔﾏﾀﾞ", "府中3", "存在しない"])           # three and more
def test_the_index_answers_exactly_what_a_scan_of_every_key_finds(generated_town, query):
    ledger, town_id = generated_town
    with ledger.Session() as s:
        got = [h.map_number for h in search(s, query, town_id=town_id)]
    assert got == brute_force(ledger, town_id, query)


def test_short_queries_follow_edits_and_deleted_members(generated_town):
    ledger, town_id = generated_town
    with ledger.Session.begin() as s:
        h = households.add_household(s, town_id, None, HouseholdFields(name="鵺家"))
        p = households.add_person(s, h.id, PersonFields(name="鵺野 ヌエ", kana="ぬえの ぬえ"))
    assert len(labels(ledger, "鵺", town_id=town_id)) == 1
    assert labels(ledger, "ぬえ", town_id=town_id) == ["鵺家"]
    with ledger.Session.begin() as s:
        households.delete_person(s, p.id)
    assert labels(ledger, "ぬえ", town_id=town_id) == []          # the member's pairs lead nowhere now
    assert labels(ledger, "鵺", town_id=town_id) == ["鵺家"]        # the household's own name still does


def test_walking_the_town_and_reading_the_pairs_give_the_same_households(generated_town, monkeypatch):
    """A short query is answered either by walking the town in map-number order or from its pairs, by the
    count of matches against the town's size: both ways must give what a scan of every key finds, whichever
    is chosen (a query of middling count walked 8,000 households of a 50,000-household town before)."""
    import app.households.search as search_module

    ledger, town_id = generated_town
    with ledger.Session() as s:
        assert search_module.dense_from(s, town_id, 50) == search_module.DENSE  # 400 households: √20,000 < 300
    for always in (1, 10**9):  # every short query walks the town / none does
        monkeypatch.setattr(search_module, "dense_from", lambda _s, _town, _limit, always=always: always)
        with ledger.Session() as s:
            for query in ("や", "山", "ぬ", "やま", "府中", "丁目", "12", "ぬえ", "村"):
                got = [h.map_number for h in search(s, query, town_id=town_id)]
                assert got == brute_force(ledger, town_id, query), (always, query)
