"""Errors never vanish: an exception in a Qt slot or a thread, and Qt's own warnings, end up in the rotating log
in the data folder, and the user gets one short, non-blocking message with its details one click away."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication

from app.paths import log_file
from app.ui.errors import CrashDialog, ErrorReporter, install_error_reporting
from tests.conftest import run_app

# pytest-qt would otherwise take the slot's exception for a failure of the test itself.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def reporter(qapp, tmp_path):
    installed = install_error_reporting(tmp_path)
    yield installed
    installed.uninstall()


def _raise_in_a_slot(message: str) -> None:
    def slot() -> None:
        raise RuntimeError(message)

    QTimer.singleShot(0, slot)


def _log_text(data_dir) -> str:
    path = log_file(data_dir)
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_an_exception_in_a_slot_is_logged_and_shown_with_its_details_to_copy(qtbot, reporter, tmp_path):
    # WHEN a slot raises while the event loop runs
    _raise_in_a_slot("the slot broke 壊れた")
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5_000)
    # THEN the log in the data folder has it with its traceback
    logged = _log_text(tmp_path)
    assert log_file(tmp_path) == tmp_path / "logs" / "sasaeai.log"
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: the slot broke 壊れた" in logged and "in slot" in logged
    # AND a non-blocking message offers the details
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog) and not dialog.isModal()
    assert QApplication.activeModalWidget() is None
    assert "saved" in dialog.message.text() and str(log_file(tmp_path)) in dialog.message.text()
    QApplication.clipboard().clear()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last)")
    assert "RuntimeError: the slot broke 壊れた" in copied
    assert dialog.isVisible()  # copying does not close it


def test_never_more_than_one_message_at_a_time(qtbot, reporter):
    _raise_in_a_slot("first")
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5_000)
    first = reporter.dialog
    _raise_in_a_slot("second")
    qtbot.waitUntil(lambda: len(first.tracebacks) == 2, timeout=5_000)
    assert reporter.dialog is first
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()] == [first]
    assert "RuntimeError: first" in first.details() and "RuntimeError: second" in first.details()
    first.close()
    _raise_in_a_slot("third")  # once closed, the next error gets a box again
    qtbot.waitUntil(lambda: reporter.dialog is not first and reporter.dialog.isVisible(), timeout=5_000)


def test_an_exception_in_a_thread_is_logged_and_shown_on_the_gui_thread(qtbot, reporter, tmp_path):
    def work() -> None:
        raise ValueError("the worker broke")

    worker = threading.Thread(target=work, name="import-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5_000)
    assert "ValueError: the worker broke" in reporter.dialog.details()
    logged = _log_text(tmp_path)
    assert "thread import-worker" in logged and "ValueError: the worker broke" in logged


def test_qt_warnings_go_to_the_log(qtbot, reporter, tmp_path):
    qWarning("a Qt warning nobody would see")
    assert "WARNING qt: a Qt warning nobody would see" in _log_text(tmp_path)
    assert reporter.dialog is None  # a warning is logged, not shown


def test_the_log_rotates(qapp, tmp_path):
    path = tmp_path / "logs" / "sasaeai.log"
    small = ErrorReporter(path, max_bytes=2_000, backups=2).install()
    try:
        for n in range(200):
            logging.getLogger("app.test").warning("line %d of a long day", n)
    finally:
        small.uninstall()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["sasaeai.log", "sasaeai.log.1", "sasaeai.log.2"]  # the oldest were dropped
    assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
    assert "line 199 of a long day" in path.read_text(encoding="utf-8")


def test_uninstall_puts_the_previous_hooks_back(qapp, tmp_path):
    import sys

    before = (sys.excepthook, threading.excepthook)
    reporter = install_error_reporting(tmp_path)
    assert sys.excepthook != before[0] and threading.excepthook != before[1]
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_app_writes_its_log_in_the_data_folder(tmp_path):
    # GIVEN the app started on the demo (no user: screenshot mode) WHEN it runs THEN the log lives in its data folder
    data = tmp_path / "data"
    result = run_app("--demo", "--screenshot", str(tmp_path / "shot.png"), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr[-2000:]
    assert (data / "logs").is_dir()
    assert not (data / "ledger.sqlite3").exists()  # the demo itself lived in its own temporary folder


def test_the_message_speaks_the_ui_language(qtbot, qapp, tmp_path):
    from app.ui import i18n

    translators = i18n.install_translators(qapp, "ja")
    try:
        dialog = CrashDialog(log_file(tmp_path))
        qtbot.addWidget(dialog)
        assert dialog.message.text().startswith("思わぬエラーが起きました。それまでに入力した内容は保存されています。")
        assert dialog.copy_button.text() == "詳しい内容をコピー"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
