"""Long lists as item models: 8,000 rows filtered by folded text in one pass, sorted, changed one row at a
time with the selection kept, and the panels built on them (Step II, Step III, the meeting's lists)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from app.core.japanese import gojuon_key
from app.core.views import PersonView
from app.emergency.views import CardView, Missing
from app.models.watch import WatcherRole
from app.ui.emergency_panel import EmergencyPanel
from app.ui.list_models import ARRIVAL, RIGHT, Column, ViewList
from app.ui.meeting_panel import ListDialog
from app.ui.watch_panel import WatchPanel
from app.watch.views import ConcernView, WatcherView, WatchLinkView

N = 8_000


@dataclass(frozen=True)
class Row:
    id: uuid.UUID
    map_number: int
    name: str
    kana: str


def rows(n: int = N) -> list[Row]:
    """Every 100th person is a ヤマダ in katakana; the others are 田中 with a hiragana reading."""
    return [Row(uuid.uuid4(), i + 1, f"ヤマダ　{i}" if i % 100 == 0 else f"田中　{i}",
                "やまだ" if i % 100 == 0 else f"たなか{i % 7}")
            for i in range(n)]


def columns() -> list[Column]:
    return [Column(lambda: "No.", lambda r: str(r.map_number), sort_key=lambda r: r.map_number, align=RIGHT),
            Column(lambda: "Name", lambda r: r.name, sort_key=lambda r: gojuon_key(r.kana, r.name))]


@pytest.fixture
def listing(qtbot):
    view = ViewList(columns(), search=lambda r: (r.name, r.kana, str(r.map_number)))
    qtbot.addWidget(view)
    return view


@pytest.fixture
def model_errors(qtlog):
    """What Qt's QAbstractItemModelTester reports (it warns "FAIL!" for each broken rule of item models)."""
    return lambda: [r.message for r in qtlog.records if "FAIL" in r.message]


def test_8000_rows_filter_on_folded_text_in_one_pass(listing):
    given = rows()
    listing.fill(given, None)
    assert listing.count() == N
    seen = []

    def wanted(row: Row) -> bool:
        seen.append(row.id)
        return True

    listing.set_filter(wanted)
    assert len(seen) == N, "a filter change is one pass over the rows"
    seen.clear()
    listing.set_filter_text("やまだ")  # hiragana finds the katakana names
    assert len(seen) == N
    assert listing.count() == N // 100
    assert all(r[1].startswith("ヤマダ") for r in listing.visible_rows())
    listing.set_filter_text("ﾔﾏﾀﾞ")  # half-width katakana too
    assert listing.count() == N // 100
    listing.set_filter_text("田中　１２３")  # full-width digits and the ideographic space fold away
    assert [r[1] for r in listing.visible_rows()] == ["田中　123", "田中　1230", "田中　1231", "田中　1232",
                                                      "田中　1233", "田中　1234", "田中　1235", "田中　1236",
                                                      "田中　1237", "田中　1238", "田中　1239"]
    listing.set_filter_text("")
    assert listing.count() == N


def test_sorting_by_a_column_and_back_to_the_order_rows_came_in(listing):
    given = rows(500)
    listing.fill(given, None)
    listing.sort_by(1)  # 五十音 by reading: たなか… before やまだ
    shown = listing.visible_views()
    assert [gojuon_key(r.kana, r.name) for r in shown] == sorted(gojuon_key(r.kana, r.name) for r in given)
    listing.sort_by(0, Qt.SortOrder.DescendingOrder)
    assert [r.map_number for r in listing.visible_views()][:3] == [500, 499, 498]
    listing.sort_by(ARRIVAL)
    assert listing.visible_views() == given


def test_upsert_changes_one_row_and_keeps_the_selection(qtbot, listing):
    given = rows()
    listing.fill(given, None)
    chosen = given[1234]
    with qtbot.waitSignal(listing.chosen) as signal:
        assert listing.choose(chosen.id)
    assert signal.args == [chosen.id]
    resets, changed = [], []
    listing.source.modelReset.connect(lambda: resets.append(1))
    listing.source.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    emitted = []
    listing.chosen.connect(emitted.append)

    other = replace(given[10], name="ヤマダ　改名")
    listing.upsert(other)
    assert changed == [(10, 10)] and not resets
    assert listing.visible_views()[10] == other
    assert listing.visible_views()[:10] == given[:10] and listing.visible_views()[11:] == given[11:]
    assert listing.current_id() == chosen.id

    listing.upsert(replace(chosen, name="田中　選ばれた人"))  # the chosen row itself changes: still chosen
    assert listing.current_row() == ["1235", "田中　選ばれた人"]
    newcomer = Row(uuid.uuid4(), N + 1, "新人", "しんじん")
    listing.upsert(newcomer)
    assert listing.count() == N + 1 and listing.visible_views()[-1] == newcomer
    assert listing.remove(given[0].id) and not listing.has(given[0].id)
    assert listing.current_id() == chosen.id and listing.count() == N
    assert not resets and emitted == [], "nothing the user did: no new choice is announced"


def test_a_new_row_lands_in_its_sorted_place(listing):
    listing.fill(rows(300), None)
    listing.sort_by(1)
    listing.upsert(Row(uuid.uuid4(), 999, "相川", "あいかわ"))
    assert listing.visible_rows()[0] == ["999", "相川"]


def test_a_refresh_keeps_the_chosen_row_by_id(qtbot, listing):
    given = rows(1000)
    listing.fill(given, None)
    listing.choose(given[500].id)
    emitted = []
    listing.chosen.connect(emitted.append)
    # The same persons read again (one renamed): cells change, the choice stays, nothing is announced.
    again = [replace(r, name=r.name + "様") if r is given[3] else r for r in given]
    assert listing.fill(again, given[500].id)
    assert listing.current_id() == given[500].id and listing.visible_rows()[3][1].endswith("様")
    # Another list in another order (a person gone): the choice is found by its id.
    shuffled = list(reversed(given[1:]))
    assert listing.fill(shuffled, given[500].id)
    assert listing.current_id() == given[500].id
    assert listing.selectionModel().isRowSelected(listing.currentIndex().row())
    assert not listing.fill(shuffled, given[0].id) and listing.current_id() is None
    assert emitted == []
    # Filtering the chosen row away leaves nothing chosen (Qt would otherwise pick a neighbour).
    listing.choose(given[501].id)  # a 田中
    assert not listing.set_filter_text("やまだ") and listing.current_id() is None
    assert not listing.selectionModel().hasSelection()


def test_the_model_and_its_proxy_keep_the_rules_of_item_models(qtbot, listing, model_errors):
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Warning)
               for m in (listing.source, listing.proxy)]
    given = rows(2000)
    listing.fill(given, None)
    listing.choose(given[7].id)
    listing.set_filter_text("やまだ")
    listing.set_filter_text("")
    listing.sort_by(1, Qt.SortOrder.DescendingOrder)
    listing.upsert(replace(given[3], name="相川", kana="あいかわ"))
    listing.upsert(Row(uuid.uuid4(), 5000, "新人", "しんじん"))
    listing.remove(given[9].id)
    listing.fill(list(reversed(given)), given[7].id)
    listing.fill(given, given[7].id)
    assert testers and model_errors() == []


def concern(i: int, watcher: WatcherView) -> ConcernView:
    pid, hid = uuid.uuid4(), uuid.uuid4()
    name, kana = (f"ヤマダ　ハナ{i}", "やまだはな") if i % 50 == 0 else (f"佐藤　{i}", f"さとう{i % 9}")
    links = () if i % 4 == 0 else (WatchLinkView(uuid.uuid4(), pid, watcher, "声かけ", None, None, ""),)
    return ConcernView(PersonView(pid, hid, name, kana, of_concern=True), hid, i + 1, "", f"ひだまり町{i}", links)


def test_a_watch_panel_with_8000_persons_of_concern(qtbot, model_errors):
    panel = WatchPanel()
    qtbot.addWidget(panel)
    panel.person_chosen.connect(lambda pid: panel.show_person(panel.concern(pid)))  # as the controller does
    watcher = WatcherView(uuid.uuid4(), uuid.uuid4(), "新井　花子", "あらいはなこ", "", "", WatcherRole.NEIGHBOUR, None)
    concerns = [concern(i, watcher) for i in range(N)]
    tester = QAbstractItemModelTester(panel.persons.proxy, QAbstractItemModelTester.FailureReportingMode.Warning)
    panel.show_concerns(concerns)
    del tester  # it checks every row at each change: thousands of small removals below would take minutes
    assert model_errors() == []
    assert len(panel.visible_rows()) == N and "2000 with nobody" in panel.gap_label.text()
    assert panel.visible_rows()[0] == ["!", "No.1", "ヤマダ　ハナ0", "no watcher", ""]  # no hazards read: blank

    chosen = concerns[100]  # a ヤマダ nobody watches over yet
    with qtbot.waitSignal(panel.person_chosen) as signal:
        assert panel.choose(chosen.person.id)
    assert signal.args == [chosen.person.id]
    panel.only_gaps.setChecked(True)  # one proxy pass: 2,000 gaps, the chosen one among them
    assert len(panel.visible_rows()) == N // 4 and panel.current_person() == chosen.person.id
    panel.filter.setText("やまだ")  # hiragana in the field finds the katakana names, among the gaps
    assert len(panel.visible_rows()) == len([c for c in concerns if c.person.name.startswith("ヤマダ")
                                             and not c.has_watcher])
    assert panel.current_person() == chosen.person.id and "ヤマダ" in panel.detail.text()
    panel.filter.clear()
    panel.only_gaps.setChecked(False)

    # The ledger read again after an edit: the chosen person stays chosen, the list is not rebuilt by hand.
    edited = [replace(c, links=()) if c is concerns[1] else c for c in concerns]
    panel.show_concerns(edited, panel.current_person())
    assert panel.current_person() == chosen.person.id and panel.visible_rows()[1][0] == "!"

    panel.order.setCurrentIndex(1)  # 五十音
    readings = [gojuon_key(c.person.kana, c.person.name) for c in panel.persons.visible_views()]
    assert readings == sorted(readings) and panel.current_person() == chosen.person.id
    panel.filter.setText("存在しない名前")  # the chosen person filtered out: nobody is chosen
    assert panel.current_person() is None and panel.visible_rows() == []
    assert "Choose a person" in panel.detail.text() and not panel.add_button.isEnabled()


def test_keyboard_moves_through_cards_and_enter_edits(qtbot):
    panel = EmergencyPanel()
    qtbot.addWidget(panel)
    people = [PersonView(uuid.uuid4(), uuid.uuid4(), f"佐藤　{i}", f"さとう{i}") for i in range(300)]
    cards = [CardView(p, p.household_id, i + 1, "", "", "ひだまり町", has_card=i % 2 == 0,
                      missing=() if i % 2 == 0 else (Missing.CONTACTS,)) for i, p in enumerate(people)]
    panel.show_cards(cards)
    panel.show()
    assert panel.choose(people[0].id)
    panel.persons.setFocus()
    with qtbot.waitSignal(panel.person_chosen) as moved:
        qtbot.keyClick(panel.persons, Qt.Key.Key_Down)
    assert moved.args == [people[1].id] and "佐藤　1" in panel.detail.text()
    with qtbot.waitSignal(panel.edit_card) as edit:
        qtbot.keyClick(panel.persons, Qt.Key.Key_Return)
    assert edit.args == [people[1].id]
    first = panel.persons.visualRect(panel.persons.proxy.index(0, 1)).center()
    with qtbot.waitSignal(panel.edit_card) as edit:
        qtbot.mouseClick(panel.persons.viewport(), Qt.MouseButton.LeftButton, pos=first)  # as a real double-click
        qtbot.mouseDClick(panel.persons.viewport(), Qt.MouseButton.LeftButton, pos=first)  # begins with a press
    assert edit.args == [people[0].id]
    panel.choose(people[1].id)
    panel.show_only.setCurrentIndex(panel.NO_CARD)
    assert len(panel.visible_rows()) == 150 and all("no card yet" in r[2] for r in panel.visible_rows())
    assert panel.current_person() == people[1].id  # has no card: still listed and chosen
    panel.show_only.setCurrentIndex(panel.ALL)
    panel.choose(people[2].id)
    panel.show_only.setCurrentIndex(panel.NO_CARD)  # people[2] has a card: filtered away
    assert panel.current_person() is None and "Choose a person" in panel.detail.text()


def test_a_due_list_of_8000_filters_and_sorts_numbers_as_numbers(qtbot):
    rows_ = [[str(i), f"ヤマダ{i}" if i % 1000 == 0 else f"佐藤{i}", "12か月以上見直しなし", ""] for i in range(1, N + 1)]
    dialog = ListDialog("Due and overdue", ["No.", "Name", "Why", "Since"], rows_)
    qtbot.addWidget(dialog)
    assert dialog.visible_rows() == rows_
    dialog.filter.setText("やまだ")
    assert [r[0] for r in dialog.visible_rows()] == ["1000", "2000", "3000", "4000", "5000", "6000", "7000", "8000"]
    dialog.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # as a click on the header does
    assert [r[0] for r in dialog.visible_rows()][:2] == ["8000", "7000"]
