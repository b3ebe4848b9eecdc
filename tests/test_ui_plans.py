"""Evacuation plans in the window: the priority list docked and filtered, a plan edited through the real
plan window, and Undo putting it back."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from app.plans import plans
from app.ui.mainwindow.actions import MainAction
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def plan_of(window, person_id):
    with window.ledger.Session() as s:
        return plans.get_plan(s, person_id)


def test_priority_list_shows_every_person_needing_support_with_a_reason(qtbot, window):
    window.actions[MainAction.PLANS].trigger()
    panel = window.plans.panel
    assert window.plans.dock.isVisible()
    rows = panel.list.visible_views()
    assert rows and [r.rank for r in rows] == list(range(1, len(rows) + 1))
    assert all(r.reason for r in rows)
    assert sum(r.has_plan for r in rows) == 3  # the demo's plans
    assert "without a plan yet" in panel.summary.text()
    commissioner = panel.commissioner.findText("民生委員　春野　和子")
    assert commissioner > 0
    panel.commissioner.setCurrentIndex(commissioner)
    assert 0 < panel.list.count() <= len(rows)
    panel.search.setText("存在しない名前")
    assert panel.list.count() == 0


def test_a_plan_edited_in_its_window_and_undone(qtbot, window):
    window.plans.show_list()
    made = next(r for r in window.plans.panel.list.visible_views() if r.has_plan)
    before = plan_of(window, made.id)
    dialog = window.plans.open_plan(made.id)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert window.plans.open_plan(made.id) is dialog  # one window per person
    dialog.transport.setCurrentText("福祉タクシー")
    dialog.medication.setText("朝の薬を持参")
    dialog.add_supporter(plans.SupporterFields("隣　太郎", "近所", "090-0000-3333"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    after = plan_of(window, made.id)
    assert after.fields.transport == "福祉タクシー" and after.fields.medication == "朝の薬を持参"
    assert "隣　太郎" in [s.name for s in after.supporters]
    assert len(after.supporters) == len(before.supporters) + 1
    window.actions[MainAction.UNDO].trigger()
    restored = plan_of(window, made.id)
    assert restored.fields == before.fields
    assert [s.name for s in restored.supporters] == [s.name for s in before.supporters]
    dialog.close()


def test_a_watcher_added_while_the_plan_window_is_open_is_offered_as_a_supporter(qtbot, window):
    """The plan window offers the person's watchers as supporters: one found in Step II while the window is open is
    offered at once (and no longer once undone), with what was typed in the window kept."""
    from tests.test_ui_watch import add_watcher

    window.plans.show_list()
    concerns = {c.person.id: c for c in window.watch_panel.concerns}
    person = next(r for r in window.plans.panel.list.visible_views() if r.id in concerns)
    dialog = window.plans.open_plan(person.id)
    offered = [dialog.watchers.itemText(i) for i in range(dialog.watchers.count())]
    watcher = next(link.watcher for c in concerns.values() for link in c.links
                   if link.watcher.id not in {x.watcher.id for x in concerns[person.id].links})
    dialog.medication.setText("朝の薬を持参")  # typed, not saved
    assert add_watcher(window, person.id, watcher) is not None
    now = [dialog.watchers.itemText(i) for i in range(dialog.watchers.count())]
    assert len(now) == len(offered) + 1 and any(text.startswith(watcher.name) for text in now[1:])
    assert dialog.medication.text() == "朝の薬を持参"
    window.actions[MainAction.UNDO].trigger()
    assert [dialog.watchers.itemText(i) for i in range(dialog.watchers.count())] == offered
    dialog.medication.setText(plan_of(window, person.id).fields.medication)
    dialog.close()
