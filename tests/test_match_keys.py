"""The roster matched in SQL (issue 17): the same preview and the same ledger as the old match in Python, which
read and folded every member of the town; the folded keys true whatever wrote the rows; the indexes used."""

from __future__ import annotations

import functools
import re
import uuid
from collections import defaultdict
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import String, event, func, select, text, type_coerce

from app.core.text import fold
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import AuditEntry, Household, HouseholdCategory, Person
from app.models.entities import household_category_link
from app.models.watch import Watcher, WatchLink
from app.privacy.audit import entry_rows
from app.towns.towns import create_town
from app.watch import network as watch
from app.watch.roster import apply_roster, read_roster
from app.watch.roster.keys import HOUSEHOLD_ADDRESS_KEY, PERSON_NAME_KEY
from app.watch.roster.matching import Known, Town, _fingerprint, plan
from app.watch.views import LinkFields, WatcherFields


def _python_town(session, town_id) -> Town:
    """The old way, kept as the oracle: every member and household of the town read, folded in Python."""
    raw = lambda c: type_coerce(c, String)  # noqa: E731
    as_id = functools.lru_cache(maxsize=None)(lambda t: uuid.UUID(hex=t))
    live = (Household.town_id == town_id, Household.deleted_at.is_(None))
    cats: dict = defaultdict(set)
    for hid, code in session.execute(
            select(raw(household_category_link.c.household_id), HouseholdCategory.code)
            .join(HouseholdCategory, HouseholdCategory.id == household_category_link.c.category_id)
            .join(Household, Household.id == household_category_link.c.household_id).where(Household.town_id == town_id)):
        cats[as_id(hid)].add(code)
    persons = [Known(pid, as_id(hid), n, k, ph, c, b, bool(oc), a) for pid, hid, n, k, ph, c, b, oc, a in session.execute(
        select(raw(Person.id), raw(Person.household_id), Person.name, Person.kana, Person.phone, Person.concerns,
               Person.birth_date, Person.of_concern, Household.address)
        .join(Household, Person.household_id == Household.id).where(*live, Person.deleted_at.is_(None)))]
    homes: dict = defaultdict(list)
    names = {}
    for hid, address, name in session.execute(select(raw(Household.id), Household.address, Household.name).where(*live)):
        names[as_id(hid)] = name
        if address:
            homes[fold(address)].append(as_id(hid))
    watchers: dict = defaultdict(list)
    for wid, name in session.execute(select(Watcher.id, Watcher.name)
                                     .where(Watcher.town_id == town_id, Watcher.deleted_at.is_(None))):
        watchers[fold(name)].append(wid)
    last_sort = {as_id(h): top for h, top in session.execute(
        select(raw(Person.household_id), func.max(Person.sort_order)).join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id).group_by(Person.household_id))}
    live_links, dead_links, last_link = set(), {}, {}
    for link in session.execute(
            select(WatchLink.id, WatchLink.person_id, WatchLink.watcher_id, WatchLink.deleted_at, WatchLink.sort_order,
                   WatchLink.involvement, WatchLink.frequency, WatchLink.since, WatchLink.note)
            .join(Watcher, Watcher.id == WatchLink.watcher_id).where(Watcher.town_id == town_id)
            .order_by(WatchLink.created_at)).mappings():
        pair = (link["person_id"], link["watcher_id"])
        if link["deleted_at"] is None:
            live_links.add(pair)
            last_link[pair[0]] = max(link["sort_order"], last_link.get(pair[0], -1))
        else:
            dead_links.setdefault(pair, dict(link))
    categories = {code: (cid, label) for cid, code, label in session.execute(
        select(HouseholdCategory.id, HouseholdCategory.code, HouseholdCategory.label))}
    top = session.scalar(select(func.max(Household.map_number)).where(Household.town_id == town_id))
    by_address: dict = defaultdict(list)
    by_birth: dict = defaultdict(list)
    for p in persons:
        by_address[(fold(p.name), fold(p.address))].append(p)
        if p.birth_date:
            by_birth[(fold(p.name), p.birth_date)].append(p)
    return Town(persons, homes, watchers, categories, cats, last_sort, live_links,
                {k: v for k, v in dead_links.items() if k not in live_links}, last_link, names, (top or 0) + 1,
                by_address, by_birth)


def _tricky_ledger(ledger):
    """Members the roster below finds, misses, confuses or must not touch; returns (town id, ids by label)."""
    ids = {}
    with ledger.Session.begin() as s:
        town = create_town(s, "味真野地区", "余川町")
        other = create_town(s, "味真野地区", "池ノ上町")

        def home(address, name="", town_id=town.id, codes=()):
            return households.add_household(s, town_id, None, HouseholdFields(name=name, address=address,
                                                                              category_codes=codes)).id

        yamada = home("余川町１２－３", "山田家", codes=("elderly_couple",))  # full-width digits, a household name
        ids["hal"] = households.add_person(s, yamada, PersonFields("山田　ハル", kana="ヤマダ　ハル", of_concern=True,
                                                                   birth_date=date(1940, 3, 2))).id
        households.add_person(s, yamada, PersonFields("山田　正男", phone="0778-22-0001"))
        ids["nguyen"] = households.add_person(s, home("余川町20"), PersonFields("ｸﾞｴﾝ ﾃｨ ﾗﾝ")).id  # half-width
        households.add_person(s, home("余川町21"), PersonFields("SMITH John", kana="スミス"))
        for address in ("余川町30", "余川町31"):  # namesakes in two households, the same birth date
            households.add_person(s, home(address), PersonFields("佐藤　一郎", birth_date=date(1950, 1, 1)))
        twins = home("余川町40")  # two members with the same name and address
        for _ in range(2):
            households.add_person(s, twins, PersonFields("鈴木　花子"))
        archived = households.add_person(s, home("余川町5"), PersonFields("川上　キヨ"))
        households.delete_person(s, archived.id)
        gone = home("余川町6")
        households.add_person(s, gone, PersonFields("大野　清"))
        households.delete_household(s, gone)
        households.add_person(s, home("余川町50", town_id=other.id), PersonFields("田中　トメ"))  # another town
        households.add_person(s, home(""), PersonFields("住所　なし"))  # no address
        ids["empty_home"] = home("余川町60")  # a household without members
        w = watch.add_watcher(s, town.id, WatcherFields("見守　一"))
        link = watch.link_watcher(s, ids["hal"], w.id, LinkFields("声かけ"))
        watch.unlink(s, link.id)  # linking again revives this record
    return town.id, ids


ROSTER = [
    ["氏名", "フリガナ", "住所", "電話", "生年月日", "世帯区分", "気になるところ", "見守り者"],
    ["山田 ハル", "ヤマダ ハル", "余川町12-3", "0778-22-9999", "S15.3.2", "一人暮らし", "足が弱い", "見守　一（近所）"],
    ["山田　正男", "", "余川町１２－３", "", "", "", "", ""],
    ["グエン　ティ　ラン", "", "余川町20", "", "", "", "", ""],
    ["smith john", "", "余川町21", "", "", "", "", ""],
    ["佐藤　一郎", "", "余川町99", "", "S25.1.1", "", "", ""],  # name and birth date: two members elsewhere
    ["鈴木　花子", "", "余川町40", "", "", "", "", ""],  # two members with this name and address
    ["川上　キヨ", "", "余川町5", "", "", "", "", ""],  # archived: a new member
    ["大野　清", "", "余川町6", "", "", "", "", ""],  # in an archived household: new
    ["田中　トメ", "", "余川町50", "", "", "", "", ""],  # in another town: new
    ["住所　なし", "", "", "", "", "", "", ""],
    ["新人　一", "", "余川町60", "", "", "夫婦", "", "新しい　人（民生委員）"],  # joins the empty household
    ["新人　二", "", "余川町60", "", "", "", "", ""],
    ["山田　ハル", "", "余川町12-3", "", "", "", "", ""],  # twice in the roster
    ["新人　一", "", "余川町60", "", "", "", "", ""],  # a new person twice
]


def _roster(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    for r in ROSTER:
        ws.append(r)
    wb.save(path)
    return path


def _ledger_state(s, town_id):
    homes = {}
    for h in s.scalars(select(Household).where(Household.town_id == town_id)):
        homes[(h.map_number, h.address, h.name, h.deleted_at is None)] = (
            sorted(c.code for c in h.categories),
            sorted((p.name, p.kana, p.phone, p.birth_date, p.of_concern, p.concerns, p.sort_order, p.deleted_at is None)
                   for p in h.persons))
    links = sorted((p.name, w.name, str(w.role), link.sort_order, link.deleted_at is None)
                   for link, p, w in s.execute(select(WatchLink, Person, Watcher).join(Person).join(Watcher)))
    def named(field, value):  # a new record's id differs from run to run: what it names does not
        kind = {"household_id": Household, "person_id": Person, "watcher_id": Watcher}.get(field)
        if kind is None or not value:
            return value or ""
        record = s.get(kind, uuid.UUID(value))
        return getattr(record, "address", None) or record.name

    audit = sorted((e.action, e.entity, e.field or "", e.old_value or "", named(e.field, e.new_value))
                   for e in entry_rows(s.scalars(select(AuditEntry).order_by(AuditEntry.id))))
    return homes, links, audit


def test_the_sql_match_gives_the_preview_and_the_ledger_the_python_match_gave(ledger, tmp_path):
    town_id, ids = _tricky_ledger(ledger)
    path = _roster(tmp_path / "名簿.xlsx")
    with ledger.Session.begin() as s:
        preview = read_roster(s, path, town_id)
        oracle = read_roster(s, path, town_id)
        oracle._town = (_fingerprint(s, town_id), _python_town(s, town_id))
        oracle.rows = plan(s, oracle)
    assert preview.rows == oracle.rows  # kinds, changes, reasons, options, sheet, row and cell alike
    assert preview.summary() == "added 5, updated 1, unchanged 4, needs a decision 4"
    decided = {(r.sheet, r.row): r for r in preview.rows}
    assert decided[("名簿", 6)].reason.startswith("A member with this name and birth date")
    assert decided[("名簿", 7)].reason.startswith("Several members")
    assert (decided[("名簿", 14)].cell, decided[("名簿", 15)].cell) == ("A14", "A15")  # twice in the roster
    assert [c.field for c in decided[("名簿", 2)].changes] == ["kana", "phone", "concerns", "household_kind"]

    results = []
    for use_oracle in (False, True):
        with ledger.Session() as s:
            s.begin()
            again = read_roster(s, path, town_id)
            if use_oracle:
                again._town = (_fingerprint(s, town_id), _python_town(s, town_id))
                again.rows = plan(s, again)
            one_of = next(o.value for o in decided[("名簿", 6)].options if isinstance(o.value, uuid.UUID))
            again.decisions[("名簿", 6)] = one_of  # the user picks one of the namesakes
            apply_roster(s, again)
            results.append(_ledger_state(s, town_id))
            s.rollback()
    assert results[0] == results[1]
    homes = results[0][0]
    # 9 live households before; 川上 joins the live 余川町5, 大野 and 田中 get new ones (余川町6 is archived, 余川町50
    # is another town's).
    assert sum(h[3] for h in homes) == 11
    assert homes[next(k for k in homes if k[1] == "余川町60")][1][:2] == [
        ("新人　一", "", "", None, True, "", 0, True), ("新人　二", "", "", None, False, "", 1, True)]


def test_the_stored_keys_are_the_folded_names_and_addresses_on_every_write_path(demo_ledger, tmp_path):
    # The demo seed (Core batches), the ORM (an edit), the roster's bulk writes: every row's key is fold().
    with demo_ledger.Session.begin() as s:
        town_id = s.scalar(select(Household.town_id).limit(1))
        person = s.scalar(select(Person).where(Person.deleted_at.is_(None)).limit(1))
        households.edit_person(s, person.id, PersonFields("ﾊﾝｶｸ　ｶﾅ", kana=""))
        home = s.get(Household, person.household_id)
        households.edit_household(s, home.id, HouseholdFields(name="", address="余川町 ９９"))
    with demo_ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, _roster(tmp_path / "r.xlsx"), town_id))
    with demo_ledger.Session.begin() as s:
        persons = s.execute(text(f"SELECT name, {PERSON_NAME_KEY} FROM person")).all()
        homes = s.execute(text(f"SELECT address, {HOUSEHOLD_ADDRESS_KEY} FROM household")).all()
    assert len(persons) > 20 and len(homes) > 10
    assert [(n, k) for n, k in persons if k != fold(n)] == []
    assert [(a, k) for a, k in homes if k != fold(a)] == []
    assert ("ﾊﾝｶｸ　ｶﾅ", "はんかくかな") in persons and ("余川町 ９９", "余川町99") in homes


def _plans(s, run) -> list[str]:
    """SQLite's query plan (one line each) of every statement ``run(s)`` executes."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001, PLR0913
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    engine = s.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        run(s)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    cursor = s.connection().connection.cursor()
    return [" | ".join(row[-1] for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)) for sql, params in seen]


def test_the_roster_reads_only_the_members_and_households_it_names_through_their_indexes(ledger, town, tmp_path):
    with ledger.Session.begin() as s:
        for i in range(300):
            h = households.add_household(s, town.id, None, HouseholdFields(address=f"余川町{i}"))
            households.add_person(s, h.id, PersonFields(f"住民{i}", birth_date=date(1950, 1, 1 + i % 28)))
    path = tmp_path / "r.xlsx"
    wb = Workbook()
    wb.active.append(["氏名", "住所", "生年月日"])
    wb.active.append(["住民1", "余川町1", ""])
    wb.active.append(["住民2", "余川町999", "1950/1/3"])  # moved: found by name and birth date
    wb.active.append(["新人", "余川町2", ""])
    wb.save(path)
    with ledger.Session.begin() as s:
        preview = read_roster(s, path, town.id)
        assert preview.summary() == "added 1, updated 0, unchanged 1, needs a decision 1"
        plans = _plans(s, lambda s: apply_roster(s, read_roster(s, path, town.id)))
    assert any("ix_person_name_key (<expr>=? AND birth_date=?)" in p for p in plans), plans
    assert any("ix_household_address_key (town_id=? AND <expr>=?)" in p for p in plans), plans
    # No statement reads every member or household of the town.
    assert [p for p in plans if re.search(r"SCAN (person|household)\b", p)] == []


@pytest.mark.parametrize("lookup", ["Step II list", "watchers on the emergency sheet"])
def test_the_persons_of_concern_are_looked_up_through_their_index(demo_ledger, lookup):
    from app.emergency import cards

    run = {"Step II list": watch.list_concerns, "watchers on the emergency sheet": cards.watcher_names}[lookup]
    with demo_ledger.Session.begin() as s:
        town_id = s.scalar(select(Household.town_id).limit(1))
        plans = _plans(s, lambda s: run(s, town_id))
        assert run(s, town_id)  # the demo has persons of concern with watchers
    assert any("ix_person_of_concern" in p for p in plans), plans


def test_step_three_reads_the_cards_from_the_card_table_and_the_map_its_labels_from_an_index(demo_ledger):
    # GIVEN the demo town WHEN Step III's cards and contacts and the map's layer are read THEN SQLite reads the cards
    # from the card table and the contacts from theirs, alone (a city has 95,000 members and thousands of cards: a
    # partial index of live members once made it scan them all, 0.6 s instead of a millisecond, and a join to every
    # card's person and household cost 150 ms at 50,000 households); a card holder who is not of concern is looked
    # up by key; and the label of an unnamed household is its first member read from an index alone
    from app.core.views import Crs
    from app.emergency.card_rows import card_rows, contacts_of
    from app.maps.query import town_layer

    with demo_ledger.Session() as s:
        town_id = s.scalar(select(Household.town_id).limit(1))
        concerns = {c.person.id.hex for c in watch.list_concerns(s, town_id)}
        keys = concerns | {p.hex for p in s.scalars(select(Person.id))}
        cards = _plans(s, lambda s: card_rows(s, town_id, concerns))
        contacts = _plans(s, lambda s: contacts_of(s, keys))
        layer = _plans(s, lambda s: town_layer(s, town_id, Crs.GEO))
        found, holders = card_rows(s, town_id, concerns)
        assert found and contacts_of(s, keys)  # the demo has cards with contacts
    assert cards[0] == "SCAN emergency_card", cards
    # the holders who are not of concern, if any: their persons by key, never a scan of the members
    assert all("SCAN person" not in p and "SCAN household" not in p for p in cards[1:]), cards
    assert len(cards) == (2 if holders else 1), cards
    assert len(contacts) == 1 and contacts[0].startswith("SCAN emergency_contact"), contacts
    assert any("SEARCH person USING COVERING INDEX ix_person_household_first" in p for p in layer), layer
