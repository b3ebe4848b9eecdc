"""The suite's own guards, proved on small test files run by a separate pytest: a modal dialog nobody
expected fails its test at once instead of hanging the run, a test that hangs anyway is stopped by its
timeout, and ``--clock`` moves the clock of the run and of the processes its tests start."""

from __future__ import annotations

import os

from tests.conftest import REPO

DIALOGS = '''
import pytest
from PySide6.QtCore import QMetaObject, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton


def test_a_static_message_box(qtbot):
    QMessageBox.information(None, "static title", "static text")


def test_a_message_box_shown_from_a_button(qtbot):
    button = QPushButton("OK")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: QMessageBox.warning(button, "slot title", "slot text"))
    button.click()


def test_a_dialog_opened_from_cpp(qtbot):
    box = QMessageBox(QMessageBox.Icon.Warning, "cpp title", "cpp text")
    QMetaObject.invokeMethod(box, "exec")  # C++ runs it: no Python patch sees it, the watch closes it


def test_a_dialog_the_app_swallows_the_failure_of(qtbot):
    try:
        QMessageBox.question(None, "swallowed title", "swallowed text")
    except Exception:
        pass


@pytest.mark.expects_dialog
def test_a_declared_dialog_answered_by_the_test(qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "asked", "sure?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    QTimer.singleShot(100, lambda: box.button(QMessageBox.StandardButton.Yes).click())
    assert box.exec() == QMessageBox.StandardButton.Yes
'''

CLOCK = '''
import subprocess
import sys
from datetime import date


def test_the_clock_is_moved_here_and_in_the_processes_the_test_starts():
    assert date.today() == date(2030, 1, 1)
    child = subprocess.run([sys.executable, "-c", "import datetime; print(datetime.date.today())"],
                           capture_output=True, text=True, check=True)
    assert child.stdout.strip() == "2030-01-01"
'''

HANGS = '''
import time

import pytest


@pytest.mark.timeout(3)
def test_that_never_ends():
    time.sleep(120)
'''


def run_inner(pytester, monkeypatch, source: str, *args: str):
    """Run ``source`` as a test file under this suite's conftest, in a pytest of its own."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    pytester.makepyfile(test_inner=source)
    return pytester.runpytest_subprocess("-p", "tests.conftest", "-p", "no:cacheprovider", "-o", "qt_api=pyside6",
                                         "--timeout", "120", *args, timeout=280)


def test_an_unexpected_modal_dialog_fails_its_test_at_once_naming_it(pytester, monkeypatch):
    # GIVEN tests that open a message box nobody answers (offscreen it would never close), and one that says so
    # WHEN they run
    result = run_inner(pytester, monkeypatch, DIALOGS)
    # THEN each undeclared one fails fast, naming the dialog's title and text; the declared one passes
    result.assert_outcomes(failed=4, passed=1, errors=1)  # the slot's error is reported by pytest-qt as well
    out = result.stdout.str()
    for title, text in (("static title", "static text"), ("slot title", "slot text"), ("cpp title", "cpp text"),
                        ("swallowed title", "swallowed text")):
        assert f"'{title}': '{text}'" in out
    assert result.duration < 120, "a dialog waited for the timeout instead of failing at once"


def test_the_clock_option_moves_the_day_of_the_run_and_of_its_subprocesses(pytester, monkeypatch):
    result = run_inner(pytester, monkeypatch, CLOCK, "--clock", "2030-01-01")
    result.assert_outcomes(passed=1)
    assert "clock moved to 2030-01-01 (--clock)" in result.stdout.str()


def test_a_test_that_hangs_is_stopped_by_its_timeout(pytester, monkeypatch, pytestconfig):
    # GIVEN the suite's bound on every test (pyproject.toml), the way it is enforced here
    assert pytestconfig.getini("timeout") == "300" and pytestconfig.getini("timeout_method") == "thread"
    # WHEN a test sleeps past its own, shorter, bound
    result = run_inner(pytester, monkeypatch, HANGS, "-o", "timeout_method=thread")
    # THEN pytest-timeout ends the run with the stacks of the hung test instead of waiting for it
    assert result.ret != 0 and "Timeout" in result.stdout.str() + result.stderr.str()
    assert result.duration < 60
