"""Scratch folders: a preview's PDF, the map page and the demo never stay behind in the temporary folder.

A PDF of the emergency contact sheet carries names and phone numbers; in the system's temporary folder nothing
encrypts it. The previews themselves are in test_ui_exports / test_ui_projector, the demo and the self-test in
test_screenshot / test_ui_comfort.
"""

from __future__ import annotations

import os
import time

import pytest

from app.core.scratch import LEFTOVER_AGE_S, scratch_folder, sweep_leftovers


def aged(path, seconds: float):
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_crash_s_leftovers_go_at_the_next_start_and_nothing_else(tmp_path):
    # GIVEN a temporary folder with a preview a crash left two days ago, a map page from an hour ago
    # (another copy of the app may still show it), and other programs' files of similar names
    old_print = tmp_path / "sasaeai-print-abc123"
    (old_print / "all").mkdir(parents=True)
    (old_print / "all" / "緊急連絡表_ひだまり町.pdf").write_bytes(b"%PDF-1.7 names and phones")
    aged(old_print, 2 * 24 * 3600)
    old_page = aged(_folder(tmp_path / "sasaeai-map-page-x1"), LEFTOVER_AGE_S + 60)
    recent_page = aged(_folder(tmp_path / "sasaeai-map-page-x2"), 3600)
    other = aged(_folder(tmp_path / "sasaeai-notes-old"), 9 * 24 * 3600)  # not a kind the app makes
    a_file = tmp_path / "sasaeai-print-report.pdf"
    a_file.write_bytes(b"%PDF")
    aged(a_file, 9 * 24 * 3600)
    # WHEN the app starts
    removed = sweep_leftovers(tmp_path)
    # THEN only the app's own old folders are gone
    assert sorted(p.name for p in removed) == ["sasaeai-map-page-x1", "sasaeai-print-abc123"]
    assert not old_print.exists() and not old_page.exists()
    assert recent_page.is_dir() and other.is_dir() and a_file.is_file()


def _folder(path):
    path.mkdir()
    return path


def test_a_scratch_folder_is_removed_with_what_is_in_it(tmp_path):
    scratch = scratch_folder("print")
    folder = tmp_path.__class__(scratch.name)
    (folder / "staff").mkdir()
    (folder / "staff" / "sheet.pdf").write_bytes(b"%PDF")
    scratch.cleanup()
    assert not folder.exists()
    scratch.cleanup()  # a second close (the preview, then the app's exit) is no error
    with pytest.raises(ValueError):
        scratch_folder("anything")


def test_the_map_page_s_files_go_with_the_page(qtbot, demo_ledger):
    from PySide6.QtCore import QSize

    from tests.test_map_fit import close, demo_town, open_town

    # GIVEN a town drawn in a map view: its page is written to a scratch folder
    view = open_town(qtbot, demo_ledger, demo_town(demo_ledger), QSize(800, 600))
    folder = view._page_path.parent
    assert folder.name.startswith("sasaeai-map-page-") and view._page_path.is_file()
    # WHEN the view closes, THEN the folder goes with it
    close(view)
    assert not folder.exists()
