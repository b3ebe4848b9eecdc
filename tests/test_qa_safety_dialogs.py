"""The read-back preview as a volunteer reads it: every bad row's message whole, without scrolling sideways."""

from __future__ import annotations

from openpyxl import load_workbook

from app.safety.workbook import COL, FIRST_ROW, SHEET, preview_checklist_xlsx, write_checklist_xlsx
from app.ui.incident_dialog import ChecklistPreviewDialog
from tests.test_safety import incident, make_world, world  # noqa: F401 - fixtures


def test_the_previews_error_messages_wrap_whole_inside_the_dialog(qtbot, ledger, world, incident, tmp_path):
    # GIVEN a typed checklist with a status typed as on the paper's box (「無事」), not as a label of the list
    with ledger.Session.begin() as s:
        path = write_checklist_xlsx(s, incident.id, tmp_path / "check.xlsx", audience="staff")
    wb = load_workbook(path)
    wb[SHEET].cell(FIRST_ROW, COL["状況（入力）"], "たぶん無事")
    wb.save(path)
    with ledger.Session() as s:
        preview = preview_checklist_xlsx(s, incident.id, path)
    assert len(preview.errors) == 1
    # WHEN the preview opens at its own size
    dialog = ChecklistPreviewDialog(preview, incident.name, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    errors = dialog.errors
    # THEN the message, which ends with the statuses to use, is shown whole: no sideways scrolling, and wrapped
    # onto lines each inside the box's width, every character of it laid out
    assert not errors.horizontalScrollBar().isVisible()
    message = dialog.messages[0]
    assert "連絡不能" in message and message in errors.toPlainText()
    block = errors.document().findBlock(errors.toPlainText().index(message))
    lines = laid_out_lines(block)
    assert len(lines) >= 2
    assert all(width <= errors.viewport().width() for width, _length in lines)
    assert sum(length for _width, length in lines) == len(message)
    # and the last line (where the statuses end) is inside the box, not cut off below it
    last = errors.blockBoundingGeometry(block).translated(errors.contentOffset())
    assert last.bottom() <= errors.viewport().height()


def laid_out_lines(block) -> list[tuple[float, int]]:  # noqa: ANN001 - a QTextBlock
    """Each line of ``block`` as laid out: its natural width and its number of characters.

    The block's ``QTextLayout`` belongs to the dialog's document, which Qt deletes with the dialog, and Python cannot
    know. Its wrapper lives only in this function, not to the test's end: a wrapper left alive past the deletion is
    handed out by PySide for whatever Qt object is made next at the same address (once seen in CI as a list's
    selection model).
    """
    layout = block.layout()
    return [(layout.lineAt(i).naturalTextWidth(), layout.lineAt(i).textLength()) for i in range(layout.lineCount())]
