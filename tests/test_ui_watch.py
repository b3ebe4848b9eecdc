"""Step II in the window: persons of concern, watchers, the gap, watch lines on the real page, forms."""

from __future__ import annotations

import openpyxl
import pytest

from app.ui.mainwindow.actions import MainAction
from app.ui.operations import OpChanges
from app.ui.watch_panel import LinkDialog
from app.watch import network as watch
from tests.test_ui_map import on_the_drawn_map, page_state, window  # noqa: F401 - the window fixture


def concerns(window):
    with window.ledger.Session() as s:
        return watch.list_concerns(s, window.towns.town.id)


def add_watcher(window, person_id, watcher):
    """The user adds a watcher of the town to the person in Step II (Add watcher…, that watcher chosen)."""
    window.watch_panel.choose(person_id)
    dialog = LinkDialog([watcher], [], parent=window)
    dialog.existing.setCurrentIndex(dialog.existing.findData(watcher.id))
    dialog.involvement.setCurrentText("声かけ")
    return window.watch.add_link(dialog)


@pytest.fixture
def step2(window):
    window.show_step(1)
    return window


def test_gap_is_listed_and_marked_on_the_map(qtbot, step2):
    gap = [c for c in concerns(step2) if not c.has_watcher]
    assert gap, "the demo leaves some persons of concern without a watcher"
    assert str(len(gap)) in step2.watch_panel.gap_label.text()
    state = page_state(qtbot, step2)
    assert state["gaps"] == sorted({str(c.household_id) for c in gap})
    step2.watch_panel.only_gaps.setChecked(True)
    assert step2.watch_panel.persons.count() == len(gap)


def test_watch_lines_join_watcher_and_person_households(qtbot, step2):
    with step2.ledger.Session() as s:
        lines = watch.watch_lines(s, step2.towns.town.id)
    state = page_state(qtbot, step2)
    assert [line["id"] for line in state["lines"]] == sorted(str(line.link_id) for line in lines)
    assert all(line["drawn"] for line in state["lines"])
    one = lines[0]
    drawn = next(line for line in state["lines"] if line["id"] == str(one.link_id))
    positions = state["positions"]
    assert drawn["latlngs"] == [positions[str(one.watcher_household_id)], positions[str(one.person_household_id)]]
    step2.actions[MainAction.LINES].setChecked(False)
    assert not any(line["drawn"] for line in page_state(qtbot, step2)["lines"])


def test_moving_a_household_moves_its_watch_lines(qtbot, step2):
    with step2.ledger.Session() as s:
        line = watch.watch_lines(s, step2.towns.town.id)[0]
    to = on_the_drawn_map(step2, 111.0, 222.0)  # a spot of the demo's drawn map, on its (fictional) ground
    step2.map_view.bridge.featureMoved(str(line.person_household_id), to.x, to.y)
    drawn = next(x for x in page_state(qtbot, step2)["lines"] if x["id"] == str(line.link_id))
    assert drawn["latlngs"][1] == [to.x, to.y]


def test_choosing_a_person_highlights_their_network(qtbot, step2):
    target = next(c for c in concerns(step2) if c.has_watcher)
    assert step2.watch_panel.choose(target.person.id)
    assert step2.watch_panel.links.rowCount() == len(target.links)
    assert page_state(qtbot, step2)["highlightedPerson"] == str(target.person.id)
    # Clicking the person's household on the map chooses them too.
    other = next(c for c in concerns(step2) if c.household_id != target.household_id)
    step2.map_view.bridge.featureClicked(str(other.household_id))
    assert step2.watch_panel.current_person() in {c.person.id for c in concerns(step2)
                                                   if c.household_id == other.household_id}


def test_closing_the_gap_with_a_new_neighbour_and_undo(qtbot, step2):
    gap = next(c for c in concerns(step2) if not c.has_watcher)
    step2.watch_panel.choose(gap.person.id)
    with step2.ledger.Session() as s:
        homes = __import__("app.households.households", fromlist=["x"]).household_choices(s, step2.towns.town.id)
    dialog = LinkDialog([], homes, parent=step2)
    dialog.name.setText("新井　花子")
    dialog.household.setCurrentIndex(2)
    dialog.involvement.setCurrentText("声かけ")
    link = step2.watch.add_link(dialog)
    assert link is not None
    closed = next(c for c in concerns(step2) if c.person.id == gap.person.id)
    assert [(l.watcher.name, l.involvement) for l in closed.links] == [("新井　花子", "声かけ")]  # noqa: E741
    state = page_state(qtbot, step2)
    assert str(gap.household_id) not in state["gaps"]
    assert str(link.id) in [x["id"] for x in state["lines"]]
    step2.actions[MainAction.UNDO].trigger()
    assert not next(c for c in concerns(step2) if c.person.id == gap.person.id).has_watcher
    assert str(gap.household_id) in page_state(qtbot, step2)["gaps"]
    with step2.ledger.Session() as s:
        assert "新井　花子" not in [w.name for w in watch.list_watchers(s, step2.towns.town.id)]


def test_export_then_import_the_form_from_the_window(qtbot, step2, tmp_path, monkeypatch):
    with qtbot.waitSignal(step2.imports.exported, timeout=60_000) as exported:  # written in the background
        assert step2.imports.export_watch_form(tmp_path / "form.xlsx") is not None
    path = exported.args[0]
    assert path and path.exists()
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    cell = next(c for row in ws.iter_rows() for c in row if c.value in watch.COMMON_INVOLVEMENTS)
    cell.value = "週に一度の見回り"
    wb.save(path)
    previews = []
    with qtbot.waitSignal(step2.imports.finished, timeout=60_000) as finished:
        assert step2.imports.import_watch_form(path, confirm=lambda p: previews.append(p) or True)
    assert finished.args == [True]
    assert previews[0].summary().startswith("added 0, updated 1")
    assert "週に一度の見回り" in [l.involvement for c in concerns(step2) for l in c.links]  # noqa: E741


def test_a_bad_form_changes_nothing_and_says_where(qtbot, step2, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    bad = tmp_path / "見守り.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = concerns(step2)
    with qtbot.waitSignal(step2.imports.finished, timeout=60_000) as finished:
        step2.imports.import_watch_form(bad, confirm=lambda p: True)
    assert finished.args == [False]
    assert shown and "見守り.xlsx" in shown[0]
    assert concerns(step2) == before


def test_persons_of_concern_can_be_listed_in_gojuon_order(qtbot, step2):
    from app.core.japanese import gojuon_key

    step2.watch_panel.order.setCurrentIndex(1)  # 五十音
    listed = step2.watch_panel.persons.visible_ids()
    by_id = {c.person.id: c.person for c in concerns(step2)}
    readings = [gojuon_key(by_id[i].kana, by_id[i].name) for i in listed]
    assert readings == sorted(readings) and len(listed) == len(by_id)


def test_lists_fill_in_after_the_map_and_an_edit_meanwhile_is_kept(qtbot, window):
    """The map is drawn first, Steps II/III are read off the UI thread; an edit made meanwhile wins."""
    linked = next(c for c in concerns(window) if c.links)
    link_id = linked.links[0].id
    order: list[str] = []
    window.map_drawn.connect(lambda: order.append("drawn"))
    window.map_ready.connect(lambda: order.append("ready"))
    with qtbot.waitSignal(window.map_drawn, timeout=60_000):
        window.towns.load_town(window.towns.town.id)
        assert not window.towns.details_ready
    # Before the background read has come back, the user removes a watcher.
    window.operations.run("remove", lambda s: watch.unlink(s, link_id), lambda s: watch.restore_link(s, link_id),
                          changes=OpChanges(watched=frozenset({linked.person.id})))
    qtbot.waitUntil(lambda: window.towns.details_ready, timeout=60_000)
    assert order[0] == "drawn" and "ready" in order
    shown = window.watch_panel.concern(linked.person.id)
    assert link_id not in {link.id for link in shown.links}, "an older read overwrote the edit"
    assert len(shown.links) == len(linked.links) - 1
    assert not window.map_view.js_errors


def test_the_form_is_exported_for_a_chosen_audience_and_says_which_rule(qtbot, step2, tmp_path):
    from app.privacy.masking import Audience, export_rule

    def texts(path):
        return {str(c.value) for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows()
                for c in row if c.value}

    def exported(path, **audience):  # written in the background: the path once it is whole
        with qtbot.waitSignal(step2.imports.exported, timeout=60_000) as done:
            assert step2.imports.export_watch_form(path, **audience) is not None
        return done.args[0]

    default = texts(exported(tmp_path / "default.xlsx"))
    assert any(export_rule(Audience.WATCHERS).ja in t for t in default)
    staff = texts(exported(tmp_path / "staff.xlsx", audience=Audience.STAFF))
    assert any(export_rule(Audience.STAFF).ja in t for t in staff)
    names = {c.person.name for c in concerns(step2)}
    assert names <= staff  # the council's own copy names everyone
    assert len(names & default) < len(names)  # the demo has persons who did not consent to sharing


def test_a_watcher_added_or_removed_changes_that_persons_row_card_and_lines_and_nothing_else_is_read(
        qtbot, step2, monkeypatch):
    from app.emergency import cards as emergency

    def shown_as_read_afresh():  # what the window shows is what reading the whole town again would show
        with step2.ledger.Session() as s:
            town_id = step2.towns.town.id
            fresh, cards, lines = (watch.list_concerns(s, town_id), emergency.list_cards(s, town_id),
                                   watch.watch_lines(s, town_id))
        state = page_state(qtbot, step2)
        assert step2.watch_panel.concerns == fresh
        assert [step2.watch_panel.concern(c.person.id) for c in fresh] == fresh
        assert [step2.emergency_panel.card(c.person.id) for c in cards] == cards
        assert [x["id"] for x in state["lines"]] == sorted(str(x.link_id) for x in lines)
        assert all(x["drawn"] for x in state["lines"])
        assert state["gaps"] == sorted({str(c.household_id) for c in fresh if not c.has_watcher})
        gaps = sum(not c.has_watcher for c in fresh)
        assert f"{gaps} " in step2.watch_panel.gap_label.text() or f"{gaps}人" in step2.watch_panel.gap_label.text()
        return fresh

    before = shown_as_read_afresh()
    gap = next(c for c in before if not c.has_watcher)
    watcher = next(link.watcher for c in before for link in c.links if link.watcher.household_id is not None)
    # The town's lists are not read again for one person's watcher: only that person's row, card and lines.
    whole = []
    monkeypatch.setattr(watch, "list_concerns", lambda *a, **k: whole.append("concerns"))
    monkeypatch.setattr(emergency, "list_cards", lambda *a, **k: whole.append("cards"))
    # WHEN a watcher who lives in the town is added to a person nobody watched
    link = add_watcher(step2, gap.person.id, watcher)
    assert link is not None and whole == []
    # THEN their row and the links table show the watcher, their card names them, the gap closes, a line is drawn
    assert [x.watcher.name for x in step2.watch_panel.concern(gap.person.id).links] == [watcher.name]
    assert step2.watch_panel.links.rowCount() == 1
    assert watcher.name in step2.emergency_panel.card(gap.person.id).watchers
    monkeypatch.undo()
    after = shown_as_read_afresh()
    assert after != before and str(link.id) in [x["id"] for x in page_state(qtbot, step2)["lines"]]
    # WHEN the watcher is removed again, and that is undone
    monkeypatch.setattr(step2.watch, "confirm", lambda text: True)
    step2.watch.remove_link(link.id)
    assert shown_as_read_afresh() == before
    step2.actions[MainAction.UNDO].trigger()
    assert shown_as_read_afresh() == after
