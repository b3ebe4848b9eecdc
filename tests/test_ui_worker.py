"""Long imports run off the UI thread: the window keeps answering, nothing re-enters, Cancel changes nothing."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import func, select

from app.models import Person
from app.ui.mainwindow.actions import MainAction
from tests.test_ui_map import window  # noqa: F401 - the window fixture

IMPORT_MS = 120_000


def big_roster(path, rows: int = 3000):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("名簿")
    ws.append(["氏名", "フリガナ", "住所", "電話", "生年月日"])
    for i in range(rows):
        ws.append([f"試験　太郎{i}", f"しけん　たろう{i}", f"ひだまり町9丁目{i}-1", "0778-00-1234", "昭和20年1月1日"])
    wb.save(path)
    return path


def person_count(window) -> int:
    with window.ledger.Session() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_cancelling_a_long_roster_import_changes_nothing(qtbot, window, tmp_path):
    path = big_roster(tmp_path / "roster.xlsx")
    before = person_count(window)
    indicator = window.jobs.indicator
    disabled = []

    def on_busy(busy: bool) -> None:
        if busy:  # the write has started: the user presses Cancel in the status bar
            disabled.append(not window.actions[MainAction.IMPORT_ROSTER].isEnabled())
            assert indicator.isVisible()
            qtbot.mouseClick(indicator.cancel_button, Qt.MouseButton.LeftButton)

    window.jobs.busy_changed.connect(on_busy)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_MS) as finished:
        assert window.imports.import_roster(path, confirm=lambda p: True) is True
    assert finished.args == [False]
    assert disabled == [True]  # no second change could start meanwhile
    assert person_count(window) == before
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.actions[MainAction.IMPORT_ROSTER].isEnabled() and not indicator.isVisible()


def test_a_long_roster_import_completes_in_the_background(qtbot, window, tmp_path):
    path = big_roster(tmp_path / "roster.xlsx", rows=500)
    before = person_count(window)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_MS) as finished:
        assert window.imports.import_roster(path, confirm=lambda p: True) is True
    assert finished.args == [True]
    assert person_count(window) == before + 500


def test_a_timer_during_an_import_does_not_start_a_second_one(qtbot, window, tmp_path):
    # GIVEN a long import under way and a timer that asks for the same import again and again meanwhile
    path = big_roster(tmp_path / "roster.xlsx", rows=1500)
    before = person_count(window)
    previews, refused = [], []

    def confirm(preview) -> bool:
        previews.append(preview)
        return True

    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: refused.append(window.imports.import_roster(path, confirm=confirm)))
    # The timer stops the moment the import ends: a tick dispatched after that (in the same turn of the event loop
    # as ``finished``) would rightly start a new import, which is not the question here.
    window.imports.finished.connect(timer.stop)
    # WHEN it runs to the end
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_MS) as finished:
        assert window.imports.import_roster(path, confirm=confirm) is True
        timer.start()
    window.imports.finished.disconnect(timer.stop)
    # THEN the timer fired during the import, every time it was refused, and the roster is in the ledger once
    assert finished.args == [True]
    assert refused and not any(refused)
    assert len(previews) == 1
    assert person_count(window) == before + 1500


def test_the_window_answers_while_a_large_roster_is_read(qtbot, window, tmp_path):
    # GIVEN a large roster file and a timer on the UI thread
    path = big_roster(tmp_path / "roster.xlsx", rows=6000)
    ticks, at_preview = [], []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    # WHEN its preview is read (and the import then declined)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_MS) as finished:
        timer.start()
        assert window.imports.import_roster(path, confirm=lambda p: at_preview.append(len(ticks)) or False) is True
        started_at = len(ticks)
    timer.stop()
    # THEN the timer kept ticking while the file was read: the UI thread was never blocked by the read
    assert finished.args == [False] and at_preview
    assert at_preview[0] - started_at >= 5
