"""The plans' priority list reads whole at the dock's default width, with normal and with large text: every column
but the reason is as wide as its header and its longest text (no 「ひだま…」), the town column only when the list
holds more than one town, and the chosen person's reason is shown whole, wrapped, under the list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.mainwindow.actions import MainAction
from tests.test_ui_map import window  # noqa: F401 - the window fixture

CELL_MARGIN = 8  # the style's padding either side of a cell's text


def cut_short(panel) -> list[tuple[str, str]]:
    """(header, text) of every cell or header that does not fit its column, the last (Why) column aside."""
    view, model = panel.list, panel.list.model()
    cells, headers = view.fontMetrics(), view.horizontalHeader().fontMetrics()
    cut = []
    for column in range(model.columnCount() - 1):
        if view.isColumnHidden(column):
            continue
        header = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = view.columnWidth(column)
        if headers.horizontalAdvance(header) + CELL_MARGIN > width:
            cut.append((header, header))
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data())
            if cells.horizontalAdvance(text) + CELL_MARGIN > width:
                cut.append((header, text))
    return cut


def test_every_column_reads_whole_with_normal_and_large_text(qtbot, window, qapp):
    window.plans.show_list()
    panel = window.plans.panel
    assert panel.list.model().rowCount() == 13
    assert cut_short(panel) == []
    window.actions[MainAction.LARGE_TEXT].setChecked(True)
    try:
        assert panel.list.font().pointSizeF() >= qapp.property("sasaeai_base_point_size") * 1.5 - 0.01
        qtbot.wait(50)  # the columns are fitted once every widget has the new font
        assert cut_short(panel) == []
    finally:
        window.actions[MainAction.LARGE_TEXT].setChecked(False)
    qtbot.wait(50)
    assert cut_short(panel) == []


def test_the_chosen_persons_reason_is_shown_whole_under_the_list(qtbot, window):
    window.plans.show_list()
    panel = window.plans.panel
    longest = max(panel.list.visible_views(), key=lambda r: len(r.reason))
    assert panel.list.choose(longest.id)  # as a click on the row does
    assert panel.why.isVisibleTo(panel) and panel.why.wordWrap()
    assert panel.why.text() == f"{longest.name}：{longest.reason}"
    # the town column is left out while the list holds one town only (its name is in the 町内 box above)
    assert {r.town_name for r in panel.list.visible_views()} == {"ひだまり町"}
    assert panel.list.isColumnHidden(2)
