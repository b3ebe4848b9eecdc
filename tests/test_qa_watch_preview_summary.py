"""The preview window's summary line follows the decisions taken in it."""

from __future__ import annotations

import openpyxl

from app.watch.watch_form import apply_form, read_form
from tests.test_qa_watch_form import _form_with_a_fifth_watcher, _town, _watchers_of


def test_the_summary_line_counts_what_the_decisions_taken_in_the_preview_will_do(demo_ledger, tmp_path, qtbot):
    from app.ui.import_dialogs import ImportPreviewDialog, summary_text

    # GIVEN a form where the row of a person's fifth watcher was deleted: keep them, or stop their watching?
    town_id = _town(demo_ledger)
    path, _person, fifth = _form_with_a_fifth_watcher(demo_ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws.delete_rows(next(r for r in range(1, 60) if ws.cell(r, 3).value == fifth))
    wb.save(path)
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    dialog = ImportPreviewDialog(preview, "見守りネットワーク記録用紙")
    qtbot.addWidget(dialog)
    assert "0 to update" in dialog.summary.text() and "a decision needed: 1." in dialog.summary.text()
    combo = dialog.table.cellWidget(next(i for i, row in enumerate(preview.rows) if row.options), 4)

    # WHEN the user chooses 見守りをやめる, THEN the summary counts it as an update, no longer as undecided
    combo.setCurrentIndex(combo.findText("見守りをやめる"))
    assert "1 to update" in dialog.summary.text() and "a decision needed: 0." in dialog.summary.text()
    assert "updated 1" in summary_text(preview) and "needs a decision 0" in summary_text(preview)

    # AND when they go back to そのまま残す, the summary no longer counts the change
    combo.setCurrentIndex(combo.findText("そのまま残す"))
    assert "0 to update" in dialog.summary.text() and "a decision needed: 1." in dialog.summary.text()
    assert "updated 0" in summary_text(preview)


def test_見守りをやめる_chosen_in_the_preview_window_is_what_the_import_does(demo_ledger, tmp_path, qtbot):
    from app.ui.import_dialogs import ImportPreviewDialog

    # GIVEN the preview window of a form where the row of a person's fifth watcher was deleted
    town_id = _town(demo_ledger)
    path, person, fifth = _form_with_a_fifth_watcher(demo_ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws.delete_rows(next(r for r in range(1, 60) if ws.cell(r, 3).value == fifth))
    wb.save(path)
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    dialog = ImportPreviewDialog(preview, "見守りネットワーク記録用紙")
    qtbot.addWidget(dialog)
    combo = dialog.table.cellWidget(next(i for i, row in enumerate(preview.rows) if row.options), 4)

    # WHEN the user chooses 見守りをやめる in the window and imports
    combo.setCurrentIndex(combo.findText("見守りをやめる"))
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)

    # THEN the watcher no longer watches this person
    assert fifth not in [n for n, _i in _watchers_of(demo_ledger, town_id)[person]]
