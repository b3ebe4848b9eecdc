"""The roll call and the meeting display (projector mode): the wall never shows a name from the safety check."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel

from app.ui.mainwindow.actions import MainAction
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def test_projector_mode_hides_the_roll_call_and_brings_it_back_after(qtbot, window):
    # GIVEN the safety check's roll call open beside the map: names, phones, notes of the persons to check
    window.actions[MainAction.SAFETY].trigger()
    safety = window.safety
    assert safety.dock.isVisible() and safety.panel.list.isVisible()
    names = [r.name for r in safety.panel.rows() if r.name]
    assert names
    # WHEN the window goes to the meeting display (its banner says names are hidden)
    window.projector.set_projector(True)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    # THEN the roll call is not on the screen, and no visible text of the window carries a name of it
    assert not safety.dock.isVisible() and not safety.panel.list.isVisible()
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    for view in window.findChildren(QAbstractItemView):
        if view.isVisible() and view.model() is not None:
            model = view.model()
            shown += [str(model.index(r, c).data() or "") for r in range(model.rowCount())
                      for c in range(model.columnCount())]
    joined = "\n".join(shown)
    assert not [n for n in names if n in joined]
    # and asking for it again (the Steps menu's shortcut) keeps it hidden and says why in the status bar
    window.actions[MainAction.SAFETY].trigger()
    assert not safety.dock.isVisible()
    assert "projector" in window.statusBar().currentMessage()
    # WHEN the meeting display is left, THEN the roll call is back where it was
    window.projector.set_projector(False, confirm=False)
    qtbot.waitUntil(lambda: safety.dock.isVisible())
    assert safety.panel.list.isVisible() and len(safety.panel.rows()) == len(safety.rows)
