"""Shared fixtures: a fresh ledger per test, the demo ledger, and Qt/WebEngine set up offscreen.

Also the run's guards: a modal dialog nobody expected fails its test at once (offscreen nobody could
close it), and ``--clock YYYY-MM-DD`` runs the whole suite, and the processes it starts, on another day.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # tests and CI run as root
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
os.environ.setdefault("SASAEAI_PASSPHRASE", "test-passphrase 試験")  # ledgers made by fixtures and CLI runs
# The app's default data folder (settings, logs/sasaeai.log) for runs without --data-dir: never the real one.
_TEST_DATA = tempfile.TemporaryDirectory(prefix="sasaeai-test-data-")  # removed at exit
os.environ.setdefault("SASAEAI_DATA_DIR", _TEST_DATA.name)

from app.ui.app import prepare_webengine  # noqa: E402

# WebEngine must be imported and the URL scheme registered before pytest-qt makes the QApplication.
prepare_webengine()

from app.demo.seed import make_demo  # noqa: E402
from app.models import open_ledger  # noqa: E402
from app.models.engine import DEMO_PASSPHRASE  # noqa: E402
from app.paths import ledger_path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# The real public data the tests read (sources and credit lines in tests/data/README.md).
DATA = REPO / "tests" / "data"
MBTILES = DATA / "mbtiles"


@pytest.fixture
def ledger(tmp_path):
    led = open_ledger(ledger_path(tmp_path / "data"))
    yield led
    led.close()


@pytest.fixture
def town(ledger):
    from app.towns.towns import create_town

    with ledger.Session.begin() as s:
        return create_town(s, "味真野地区", "余川町")


@functools.cache
def session_day() -> date:
    """The day of this test run (``--clock`` moves it), asked once: the demo is made on it, and the tests
    that use the demo count their dates from it, as the app counts from the day its demo is made."""
    return date.today()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    make_demo(folder, today=session_day())
    return folder


@pytest.fixture
def demo_dir(demo_template, tmp_path) -> Path:
    """A private copy of the demo ledger folder (the demo is built once per session)."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def demo_ledger(demo_dir):
    led = open_ledger(ledger_path(demo_dir), DEMO_PASSPHRASE)  # given: no passphrase ever falls back to it
    yield led
    led.close()


def run_app(*args: str, env: dict | None = None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([*prefix, sys.executable, "-m", "app", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session", autouse=True)
def _flush_qt_deletions_at_the_end():
    """Let Qt delete closed windows (and their WebEngine pages) before Python tears the app down."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


pytest_plugins = ["pytester"]  # tests/test_suite_guards.py runs small test files under these guards

# ---------------------------------------------------------------- the clock: pytest --clock YYYY-MM-DD

CLOCK_DIR = REPO / "tests" / "clock"  # its sitecustomize.py moves the clock of the processes tests start


def pytest_addoption(parser):
    parser.addoption("--clock", metavar="YYYY-MM-DD", type=date.fromisoformat, default=None,
                     help="run the suite as if today were this day (noon UTC, the clock ticking), the Python "
                          "processes it starts too; the map page's JavaScript clock is not moved")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "expects_dialog: the test opens modal dialogs on purpose and answers them itself")
    day = config.getoption("--clock", default=None)
    if day is None:
        return
    import time_machine

    moved = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
    hatch = time_machine.escape_hatch  # the real time, also in a run started by a run whose clock was moved
    real = hatch.time.time() if hatch.is_travelling() else time.time()
    config._sasaeai_clock = time_machine.travel(moved, tick=True)
    config._sasaeai_clock.start()
    os.environ["SASAEAI_TEST_CLOCK"] = f"{moved.isoformat()}@{real!r}"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLOCK_DIR), os.environ.get("PYTHONPATH")]))


def pytest_unconfigure(config):
    clock = getattr(config, "_sasaeai_clock", None)
    if clock is not None:
        clock.stop()


def pytest_report_header(config):
    day = config.getoption("--clock", default=None)
    return f"clock moved to {day.isoformat()} (--clock)" if day else None


# ---------------------------------------------------------------- no modal dialog nobody expected

@dataclass
class ModalGuard:
    """The modal dialogs a test opened without saying it would (title and text of each)."""

    seen: list[str] = field(default_factory=list)

    def refuse(self, kind: str, title: object = "", text: object = "") -> None:
        self.seen.append(f"{kind} {str(title)!r}: {str(text)!r}")
        pytest.fail(f"unexpected modal dialog (offscreen nobody can answer it): {self.seen[-1]}. A test that "
                    f"opens one on purpose says so with @pytest.mark.expects_dialog, or passes show=/confirm=, "
                    f"or monkeypatches the dialog", pytrace=False)


_MODAL_GUARD = pytest.StashKey[ModalGuard]()


def _dialog_text(dialog) -> str:
    for getter in ("text", "labelText", "directory"):
        if callable(getattr(dialog, getter, None)):
            value = getattr(dialog, getter)()
            return value.path() if hasattr(value, "path") else str(value)
    return type(dialog).__name__


def _patch_modal_entry_points(monkeypatch, guard: ModalGuard) -> None:
    """Every way the app opens a blocking dialog raises instead: Qt's static helpers and ``exec``."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def exec_(self, *args, **kwargs):
        guard.refuse(type(self).__name__, self.windowTitle(), _dialog_text(self))

    for cls in (QDialog, QPrintDialog):
        for name in ("exec", "exec_"):
            if name in cls.__dict__:
                monkeypatch.setattr(cls, name, exec_)

    def static(kind):
        def refuse(parent=None, title="", text="", *args, **kwargs):
            guard.refuse(kind, title, text)
        return refuse

    for cls, names in ((QMessageBox, ("information", "warning", "critical", "question", "about", "aboutQt")),
                       (QFileDialog, [n for n in vars(QFileDialog) if n.startswith("get")]),
                       (QInputDialog, [n for n in vars(QInputDialog) if n.startswith("get")])):
        for name in names:
            monkeypatch.setattr(cls, name, static(f"{cls.__name__}.{name}"))


def _watch_for_modal_widgets(guard: ModalGuard):
    """What the patches cannot see (a dialog opened from C++, ``open()``): closed within 0.1 s, recorded."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, QProgressDialog):  # a worker's progress closes by itself
            return
        guard.seen.append(f"{type(widget).__name__} {widget.windowTitle()!r}: {_dialog_text(widget)!r}")
        widget.reject() if isinstance(widget, QDialog) else widget.close()

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(check)
    timer.start()
    return timer


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialog(request, monkeypatch):
    """A modal dialog a test did not declare fails the test at once, naming the dialog's title and text."""
    if request.node.get_closest_marker("expects_dialog") is not None:
        yield
        return
    from PySide6.QtWidgets import QApplication

    guard = ModalGuard()
    request.node.stash[_MODAL_GUARD] = guard
    _patch_modal_entry_points(monkeypatch, guard)
    if "qapp" in request.fixturenames:
        request.getfixturevalue("qapp")
    timer = _watch_for_modal_widgets(guard) if QApplication.instance() is not None else None
    yield
    if timer is not None:
        timer.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A dialog the app swallowed the failure of (or the timer closed) still fails the test."""
    result = yield
    guard = item.stash.get(_MODAL_GUARD, None)
    if guard is not None and guard.seen:
        pytest.fail("unexpected modal dialog(s): " + "; ".join(guard.seen), pytrace=False)
    return result
