"""Roster import: header detection, 和暦 and full-width normalisation, unplaced and approximate households."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from app.core.errors import LedgerError
from app.core.sheets import ChangeKind
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import Household
from app.models.watch import WatcherRole
from app.towns.addresses import AddressTable
from app.watch import network as watch
from app.watch.roster import RosterColumns, apply_roster, detect_columns, detect_field, read_roster
from tests.conftest import DATA

OAZA = DATA / "echizen" / "oaza_chome_isj2019.csv"


def xlsx(path, rows, title="名簿"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def state(ledger, town_id):
    with ledger.Session.begin() as s:
        return [(h.address, tuple((p.name, p.kana, p.phone, p.birth_date, p.of_concern) for p in h.persons),
                 h.category_codes) for h in households.list_households(s, town_id)]


def run(ledger, town_id, path, *, table=None, columns=None):
    with ledger.Session.begin() as s:
        prev = read_roster(s, path, town_id, columns=columns)
    with ledger.Session.begin() as s:
        apply_roster(s, prev, address_table=table)
    return prev


@pytest.mark.parametrize(
    ("header", "field"),
    [("氏名", "name"), ("名前", "name"), ("Name", "name"), ("フリガナ", "kana"), ("ふりがな", "kana"),
     ("氏名（カナ）", "kana"), ("住所", "address"), ("ＴＥＬ", "phone"), ("電話番号", "phone"),
     ("生年月日", "birth_date"), ("Date of birth", "birth_date"), ("世帯区分", "household_kind"),
     ("気になるところ", "concerns"), ("見守り者", "watchers"), ("見守り者氏名", "watchers"), ("番号", None)],
)
def test_japanese_and_english_headers_are_recognised(header, field):
    assert detect_field(header) == field


def test_a_roster_with_wareki_and_full_width_digits_is_imported_normalised(ledger, town, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [
        ["令和6年度　見守り対象者名簿"],  # a title row above the header is common
        ["No.", "氏名", "フリガナ", "住所", "電話", "生年月日", "世帯区分", "気になるところ", "見守り者"],
        [1, "山田　ハル", "ヤマダ　ハル", "余川町１２－３", "０７７８－２２－１２３４", "昭和15年3月2日", "一人暮らし",
         "足が弱い", "佐藤　一郎（民生委員）、鈴木　花子（近所）"],
        [2, "山田　正男", "ヤマダ　マサオ", "余川町12-3", 778221234, "S12.5.1", "", "", ""],
        [],
        [3, "田中　トメ", "", "余川町5", "", "令和元年5月1日", "", "", ""],
    ])
    prev = run(ledger, town.id, path)
    assert prev.summary() == "added 3, updated 0, unchanged 0, needs a decision 0"
    homes = state(ledger, town.id)
    assert homes[0] == ("余川町12-3", (
        ("山田　ハル", "ヤマダ　ハル", "0778-22-1234", date(1940, 3, 2), True),
        ("山田　正男", "ヤマダ　マサオ", "0778-22-1234", date(1937, 5, 1), False),  # phones stored normalised
    ), ("of_concern", "single_elderly"))
    assert homes[1][1][0][3] == date(2019, 5, 1)
    with ledger.Session.begin() as s:
        (concern,) = watch.list_concerns(s, town.id)
        assert [(x.watcher.name, x.watcher.role) for x in concern.links] == [
            ("佐藤　一郎", WatcherRole.WELFARE_COMMISSIONER), ("鈴木　花子", WatcherRole.NEIGHBOUR)]
        unplaced = [h for h in households.list_households(s, town.id) if h.geo is None and h.pixel is None]
    assert len(unplaced) == 2  # both new households wait to be pinned


def test_importing_the_same_roster_again_changes_nothing_and_a_new_phone_updates(ledger, town, tmp_path):
    rows = [["氏名", "住所", "電話"], ["山田　ハル", "余川町1", "0778-22-1111"]]
    run(ledger, town.id, xlsx(tmp_path / "a.xlsx", rows))
    before = state(ledger, town.id)
    prev = run(ledger, town.id, xlsx(tmp_path / "c.xlsx", [rows[0], ["山田 ハル", "余川町１", ""]]))
    assert prev.count(ChangeKind.UNCHANGED) == 1
    assert state(ledger, town.id)[0] == before[0]
    prev = run(ledger, town.id, xlsx(tmp_path / "d.xlsx", [rows[0], ["山田　ハル", "余川町1", "0778-22-9999"]]))
    assert [(c.field, c.old, c.new) for r in prev.rows for c in r.changes] == [("phone", "0778-22-1111", "0778-22-9999")]


def test_new_households_get_an_approximate_position_from_the_chome_table(ledger, town, tmp_path):
    table = AddressTable.from_isj_csv(OAZA)
    path = xlsx(tmp_path / "r.xlsx", [["name", "address"], ["越前　太郎", "府中１丁目１３－７"],
                                      ["武生　花子", "どこにもない町1"]])
    run(ledger, town.id, path, table=table)
    with ledger.Session.begin() as s:
        rows = {h.address: (h.lat, h.lon, h.position_approximate) for h in s.query(Household)}
    assert rows["府中1丁目13-7"] == (pytest.approx(35.9029, abs=1e-3), pytest.approx(136.1698, abs=1e-3), True)
    assert rows["どこにもない町1"] == (None, None, False)


def test_pinning_an_approximate_household_clears_the_mark(ledger, town, tmp_path):
    from app.core.views import Crs, MapPoint

    run(ledger, town.id, xlsx(tmp_path / "r.xlsx", [["氏名", "住所"], ["越前　太郎", "越前市府中一丁目5"]]),
        table=AddressTable.from_isj_csv(OAZA))
    with ledger.Session.begin() as s:
        (h,) = s.query(Household).all()
        assert h.position_approximate
        households.move_household(s, h.id, MapPoint(Crs.GEO, 136.17, 35.9))
    with ledger.Session.begin() as s:
        assert not s.get(Household, h.id).position_approximate


def test_columns_mapped_by_hand_are_used_when_headers_are_unknown(ledger, town, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [["列1", "列2", "列3"], ["余川町7", "川上　キヨ", "H5.2.3"]])
    with ledger.Session.begin() as s, pytest.raises(LedgerError, match="choose the columns by hand"):
        read_roster(s, path, town.id)
    guess = detect_columns(path)
    assert guess.headers == ("列1", "列2", "列3")
    run(ledger, town.id, path, columns=RosterColumns(guess.sheet, guess.header_row, guess.headers,
                                                     {"address": 1, "name": 2, "birth_date": 3}))
    assert state(ledger, town.id)[0][1][0][::3] == ("川上　キヨ", date(1993, 2, 3))


def test_a_csv_roster_in_shift_jis_is_read(ledger, town, tmp_path):
    path = tmp_path / "meibo.csv"
    path.write_bytes("氏名,住所,生年月日\n大野　清,余川町3,大正14年12月1日\n".encode("cp932"))
    run(ledger, town.id, path)
    assert state(ledger, town.id)[0][1][0][3] == date(1925, 12, 1)


def test_a_name_already_in_another_household_with_the_same_birth_date_needs_a_decision(ledger, town, tmp_path):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(address="余川町1"))
        households.add_person(s, h.id, PersonFields("山田　ハル", birth_date=date(1940, 3, 2)))
    prev = run(ledger, town.id, xlsx(tmp_path / "r.xlsx", [["氏名", "住所", "生年月日"],
                                                           ["山田　ハル", "余川町99", "S15.3.2"]]))
    (row,) = prev.rows
    assert row.kind is ChangeKind.NEEDS_DECISION and (row.sheet, row.row, row.cell) == ("名簿", 2, "A2")
    assert len(state(ledger, town.id)) == 1  # skipped until someone decides


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["氏名", "生年月日"], ["山田", "昭和99年1月1日"]], ["B2", "row 2", "not a date"]),
        ([["氏名", "住所"], ["あ" * 500, "x"]], ["A2", "row 2", "500"]),
        ([["氏名", "住所"], ["山田", "x"], ["=A2", "y"]], ["A3", "row 3", "formula"]),
        ([["氏名", "住所"], ["", "余川町1"]], ["A2", "row 2", "empty"]),
    ],
)
def test_bad_rows_stop_the_import_naming_sheet_row_and_cell_with_the_ledger_unchanged(
        ledger, town, tmp_path, rows, expected):
    path = xlsx(tmp_path / "r.xlsx", rows)
    with ledger.Session.begin() as s, pytest.raises(LedgerError) as err:
        read_roster(s, path, town.id)
    message = str(err.value)
    assert "名簿" in message and all(e in message for e in expected), message
    assert state(ledger, town.id) == []


def test_half_width_katakana_names_are_stored_full_width(ledger, town, tmp_path):
    run(ledger, town.id, xlsx(tmp_path / "r.xlsx", [["氏名", "ﾌﾘｶﾞﾅ"], ["ｸﾞｴﾝ ﾃｨ ﾗﾝ", "ｸﾞｴﾝ"]]))
    assert state(ledger, town.id)[0][1][0][:2] == ("グエン ティ ラン", "グエン")


def test_ten_thousand_rows_stream_in(ledger, town, tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("大きな名簿")
    ws.append(["氏名", "住所", "生年月日", "電話"])
    for i in range(10_000):
        ws.append([f"住民{i:05d}", f"余川町{i // 2}番地", f"S{10 + i % 50}.{1 + i % 12}.{1 + i % 28}", f"0778{i:06d}"])
    wb.save(tmp_path / "big.xlsx")
    prev = run(ledger, town.id, tmp_path / "big.xlsx")
    assert prev.count(ChangeKind.ADDED) == 10_000
    with ledger.Session.begin() as s:
        assert len(households.list_households(s, town.id)) == 5_000


# ---------------------------------------------------------------- bulk writes: same ledger, same audit log


def _seed_for_bulk(ledger, town_id):
    from app.watch.views import LinkFields, WatcherFields

    with ledger.Session.begin() as s:
        h = households.add_household(s, town_id, None, HouseholdFields(name="山田家", address="余川町1",
                                                                       category_codes=("elderly_couple",)))
        hal = households.add_person(s, h.id, PersonFields("山田　ハル", kana="ヤマダ　ハル", of_concern=True))
        households.add_person(s, h.id, PersonFields("山田　正男", phone="0778-22-0001"))
        lone = households.add_household(s, town_id, None, HouseholdFields(address="余川町7"))
        households.add_person(s, lone.id, PersonFields("一人　住子"))
        w = watch.add_watcher(s, town_id, WatcherFields("佐藤　一郎"))
        watch.link_watcher(s, hal.id, w.id, LinkFields("声かけ"))
        gone = watch.add_watcher(s, town_id, WatcherFields("田中　次郎"))
        link = watch.link_watcher(s, hal.id, gone.id, LinkFields("ゴミ出し"))
        watch.unlink(s, link.id)  # listed again by the roster: the same link record comes back


BULK_ROWS = [
    ["氏名", "フリガナ", "住所", "電話", "生年月日", "世帯区分", "気になるところ", "見守り者"],
    ["山田　ハル", "", "余川町1", "0778-22-1234", "昭和15年3月2日", "一人暮らし", "足が弱い", "田中　次郎、佐藤　一郎（民生委員）、鈴木　花子（近所）"],
    ["山田　正男", "ﾔﾏﾀﾞ ﾏｻｵ", "余川町1", "", "", "", "", ""],  # half-width kana, nothing else new
    ["新井　トメ", "アライ　トメ", "余川町20", "０７７８２２５５５５", "S10.1.2", "高齢者夫婦", "物忘れ", "鈴木　花子（近所）"],
    ["新井　茂", "アライ　シゲル", "余川町20", "", "", "高齢者夫婦", "", ""],  # the same new household
    ["二人目　住人", "", "余川町7", "", "", "", "", ""],  # joins the one existing household at that address
    ["越前　太郎", "", "府中１丁目１３－７", "", "", "一人暮らし", "", "新人　見守り"],  # located by the chōme table
    ["住所　なし", "", "", "", "", "", "", ""],
]


def _entries_since(s, first: int) -> list[tuple]:
    """The audit entries after ``first`` as (action, entity, record, field, old, new, label), ids named."""
    from sqlalchemy import select

    from app.models import AuditEntry, Person, Town, Watcher
    from app.privacy.audit import entry_rows

    names = {h.id: f"household {h.map_number}" for h in s.scalars(select(Household))}
    names |= {p.id: p.name for p in s.scalars(select(Person))}
    names |= {w.id: w.name for w in s.scalars(select(Watcher))}
    names |= {t.id: "the town" for t in s.scalars(select(Town))}

    def value(field, text):  # ids read as names; positions to two decimals (the chōme table's centroid)
        if text is None or field in ("deleted_at",):
            return text if text is None else "<time>"
        if field in ("lat", "lon"):
            return f"{float(text):.2f}"
        return next((n for i, n in names.items() if str(i) == text), text)

    entries = []
    for e in entry_rows(s.scalars(select(AuditEntry).where(AuditEntry.id > first).order_by(AuditEntry.id))):
        record = names.get(e.entity_id, "a link" if e.entity == "watch_link" else "?")
        entries.append((e.action.value, e.entity, record, e.field, value(e.field, e.old_value),
                        value(e.field, e.new_value), e.label))
    return sorted(entries, key=lambda x: tuple(str(v) for v in x))


def test_a_bulk_import_writes_what_the_roster_says_with_one_audit_entry_per_field_set_or_changed(
        ledger, town, tmp_path):
    from sqlalchemy import func, select

    from app.models import AuditEntry

    # GIVEN a town with members, a named household, a watcher, a link and an unlinked link
    _seed_for_bulk(ledger, town.id)
    with ledger.Session() as s:
        first = s.scalar(select(func.max(AuditEntry.id)))
    # WHEN the roster is imported
    prev = run(ledger, town.id, xlsx(tmp_path / "r.xlsx", BULK_ROWS), table=AddressTable.from_isj_csv(OAZA))
    assert prev.summary() == "added 5, updated 2, unchanged 0, needs a decision 0"
    # THEN the ledger holds what the roster says (an empty cell never erases what was known)
    with ledger.Session() as s:
        homes = [(h.map_number, h.address, h.name, h.approximate, tuple(sorted(h.category_codes)),
                  [(p.name, p.kana, p.phone, p.birth_date, p.of_concern, p.concerns) for p in h.persons])
                 for h in households.list_households(s, town.id)]
        links = sorted((c.person.name, x.watcher.name, x.watcher.role.value, x.involvement)
                       for c in watch.list_concerns(s, town.id) for x in c.links)
        entries = _entries_since(s, first)
    assert homes == [
        (1, "余川町1", "山田家", False, ("elderly_couple", "of_concern", "single_elderly"), [
            ("山田　ハル", "ヤマダ　ハル", "0778-22-1234", date(1940, 3, 2), True, "足が弱い"),
            ("山田　正男", "ヤマダ マサオ", "0778-22-0001", None, False, "")]),
        (2, "余川町7", "", False, (), [("一人　住子", "", "", None, False, ""), ("二人目　住人", "", "", None, False, "")]),
        (3, "余川町20", "", True, ("elderly_couple", "of_concern"), [
            ("新井　トメ", "アライ　トメ", "0778-22-5555", date(1935, 1, 2), True, "物忘れ"),
            ("新井　茂", "アライ　シゲル", "", None, False, "")]),
        (4, "府中1丁目13-7", "", True, ("of_concern", "single_elderly"), [("越前　太郎", "", "", None, True, "")]),
        (5, "", "", False, (), [("住所　なし", "", "", None, False, "")]),
    ]
    assert links == [
        ("山田　ハル", "佐藤　一郎", "other", "声かけ"), ("山田　ハル", "田中　次郎", "other", ""),
        ("山田　ハル", "鈴木　花子", "neighbour", ""), ("新井　トメ", "鈴木　花子", "neighbour", ""),
        ("越前　太郎", "新人　見守り", "other", ""),
    ]
    # AND the audit log has one entry per field set (new records) or changed (old → new), as a hand edit would
    h3, h4, h5 = "household 3", "household 4", "household 5"
    expected = [
        *[("create", "household", h, f, None, v, "") for h, f, v in [
            (h3, "town_id", "the town"), (h3, "map_number", "3"), (h3, "address", "余川町20"), (h3, "lat", "35.89"),
            (h3, "lon", "136.24"), (h3, "position_approximate", "true"),
            (h4, "town_id", "the town"), (h4, "map_number", "4"), (h4, "address", "府中1丁目13-7"),
            (h4, "lat", "35.90"), (h4, "lon", "136.17"), (h4, "position_approximate", "true"),
            (h5, "town_id", "the town"), (h5, "map_number", "5")]],
        *[("create", "person", p, f, None, v, p) for p, f, v in [
            ("新井　トメ", "household_id", h3), ("新井　トメ", "name", "新井　トメ"), ("新井　トメ", "kana", "アライ　トメ"),
            ("新井　トメ", "birth_date", "1935-01-02"), ("新井　トメ", "phone", "0778-22-5555"),
            ("新井　トメ", "of_concern", "true"), ("新井　トメ", "concerns", "物忘れ"), ("新井　トメ", "sort_order", "0"),
            ("新井　茂", "household_id", h3), ("新井　茂", "name", "新井　茂"), ("新井　茂", "kana", "アライ　シゲル"),
            ("新井　茂", "of_concern", "false"), ("新井　茂", "sort_order", "1"),
            ("二人目　住人", "household_id", "household 2"), ("二人目　住人", "name", "二人目　住人"),
            ("二人目　住人", "of_concern", "false"), ("二人目　住人", "sort_order", "1"),
            ("越前　太郎", "household_id", h4), ("越前　太郎", "name", "越前　太郎"), ("越前　太郎", "of_concern", "true"),
            ("越前　太郎", "sort_order", "0"),
            ("住所　なし", "household_id", h5), ("住所　なし", "name", "住所　なし"), ("住所　なし", "of_concern", "false"),
            ("住所　なし", "sort_order", "0")]],
        ("update", "person", "山田　ハル", "phone", "", "0778-22-1234", "山田　ハル"),
        ("update", "person", "山田　ハル", "concerns", "", "足が弱い", "山田　ハル"),
        ("update", "person", "山田　ハル", "birth_date", None, "1940-03-02", "山田　ハル"),
        ("update", "person", "山田　正男", "kana", "", "ヤマダ マサオ", "山田　正男"),
        ("update", "household", "household 1", "categories", None, "一人暮らし高齢者, 気がかりな世帯", "山田家"),
        ("update", "household", h3, "categories", None, "気がかりな世帯, 高齢者夫婦世帯", ""),
        ("update", "household", h4, "categories", None, "一人暮らし高齢者, 気がかりな世帯", ""),
        *[("create", "watcher", w, f, None, v, w) for w, role in [("鈴木　花子", "neighbour"), ("新人　見守り", "other")]
          for f, v in [("town_id", "the town"), ("name", w), ("role", role)]],
        *[("create", "watch_link", "a link", f, None, v, "") for p, w, order in [
            ("山田　ハル", "鈴木　花子", "2"), ("新井　トメ", "鈴木　花子", "0"), ("越前　太郎", "新人　見守り", "0")]
          for f, v in [("person_id", p), ("watcher_id", w), ("sort_order", order)]],
        ("restore", "watch_link", "a link", "deleted_at", "<time>", None, ""),  # 田中 次郎's link comes back
        ("update", "watch_link", "a link", "involvement", "ゴミ出し", "", ""),
    ]
    assert entries == sorted(expected, key=lambda x: tuple(str(v) for v in x))


def test_a_bulk_import_is_one_transaction_a_failure_midway_writes_nothing(ledger, town, tmp_path, monkeypatch):
    from sqlalchemy import func, select

    from app.models import AuditEntry, Person

    _seed_for_bulk(ledger, town.id)
    path = xlsx(tmp_path / "r.xlsx", BULK_ROWS)
    with ledger.Session() as s:
        before = (s.scalar(select(func.count()).select_from(Person)), s.scalar(select(func.count()).select_from(AuditEntry)))
    seen = []

    def cancel(done, total):  # as the worker's Cancel: the next statement raises, the transaction rolls back
        seen.append((done, total))
        if len(seen) == 2:
            raise KeyboardInterrupt("cancelled")

    with pytest.raises(KeyboardInterrupt), ledger.Session.begin() as s:
        apply_roster(s, read_roster(s, path, town.id), progress=cancel)
    with ledger.Session() as s:
        after = (s.scalar(select(func.count()).select_from(Person)), s.scalar(select(func.count()).select_from(AuditEntry)))
    assert after == before and seen[0][1] > seen[0][0] > 0


def test_a_change_written_between_preview_and_apply_is_seen_by_the_apply(ledger, town, tmp_path):
    # GIVEN a preview that would put 新井 トメ in a new household at 余川町50
    path = xlsx(tmp_path / "r.xlsx", [["氏名", "住所"], ["新井　トメ", "余川町50"]])
    with ledger.Session.begin() as s:
        prev = read_roster(s, path, town.id)
    # WHEN someone adds that household before the import is confirmed
    with ledger.Session.begin() as s:
        home = households.add_household(s, town.id, None, HouseholdFields(address="余川町50"))
    with ledger.Session.begin() as s:
        apply_roster(s, prev)
    # THEN the import joins it instead of adding a second household at the same address
    with ledger.Session.begin() as s:
        homes = households.list_households(s, town.id)
    assert [(h.id, [p.name for p in h.persons]) for h in homes] == [(home.id, ["新井　トメ"])]


def test_members_imported_in_bulk_are_found_by_search(ledger, town, tmp_path):
    from app.households.search import search

    _seed_for_bulk(ledger, town.id)
    run(ledger, town.id, xlsx(tmp_path / "r.xlsx", BULK_ROWS))
    with ledger.Session() as s:
        assert [h.address for h in search(s, "あらい とめ", town_id=town.id)] == ["余川町20"]  # kana, any width
        assert "余川町1" in [h.address for h in search(s, "やまだ まさお", town_id=town.id)]  # a reading updated in bulk
