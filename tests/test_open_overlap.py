"""Opening a window on a ledger: the key is stretched on a thread of its own while the window is built
(``LedgerOpening``), and the map's page loads meanwhile; a wrong passphrase still builds no window that stays, and
the dialog asks again.
"""

from __future__ import annotations

import hashlib
import threading

import pytest
from PySide6.QtWidgets import QDialog

from app.maps.query import town_features
from app.maps.view import MapView
from app.models.engine import LedgerOpening, WrongPassphrase
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow import window as window_module
from app.ui.unlock import UnlockDialog, unlock
from tests.test_mapquery import edge_town  # noqa: F401 - the fixture: households of every awkward kind
from tests.test_open_path_labels import READY_MS, page_features

PASSPHRASE = "test-passphrase 試験"  # tests/conftest.py: the ledgers the fixtures make
WAIT_S = 20  # only a broken overlap waits this long (the test then fails); no timing is asserted


@pytest.fixture
def closed_ledger(ledger, edge_town):  # noqa: F811
    """A ledger with a town, closed: the tests open it again as the app does."""
    path = ledger.path
    ledger.close()
    return path


def _opened(qtbot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.open_initial_town()
        window.show()
    return window


def test_the_key_is_stretched_while_the_window_is_built(qtbot, closed_ledger, tmp_path, monkeypatch):
    # GIVEN the key's stretching held until the window has made its controllers (it never ends before that when
    # the two overlap; in turn, it would wait for a window that is only built after it)
    built = threading.Event()
    stretched_on: list[str] = []
    real_pbkdf2 = hashlib.pbkdf2_hmac

    def pbkdf2(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        stretched_on.append(threading.current_thread().name)
        overlapped = built.wait(WAIT_S)
        stretched_on.append("after the window's widgets" if overlapped else "alone")
        return real_pbkdf2(*args, **kwargs)

    real_controllers = window_module.MainWindow._make_controllers

    def make_controllers(self) -> None:  # noqa: ANN001
        real_controllers(self)
        built.set()

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", pbkdf2)
    monkeypatch.setattr(window_module.MainWindow, "_make_controllers", make_controllers)
    # WHEN the window is made on a ledger being opened
    window = _opened(qtbot, MainWindow(LedgerOpening(closed_ledger, PASSPHRASE), settings_for(tmp_path / "s")))
    # THEN the key was stretched off the UI thread, while the window was built, and the window works on the ledger
    assert stretched_on[0].startswith("ledger open") and stretched_on[1:] == ["after the window's widgets"]
    assert window.ledger.path == closed_ledger
    with window.ledger.Session() as s:
        assert len(page_features(qtbot, window)) == len(
            town_features(s, window.towns.town.id, window.map_view.crs)["features"])


def test_the_map_page_loads_while_the_key_is_stretched_and_the_town_is_drawn_on_it(qtbot, closed_ledger, tmp_path,
                                                                                   monkeypatch):
    # GIVEN a key slow to stretch (an old laptop): held until the window's map page has its channel up
    page_up = threading.Event()
    real_page_ready = MapView._on_page_ready

    def page_ready(self) -> None:  # noqa: ANN001
        page_up.set()
        real_page_ready(self)

    class SlowKey(LedgerOpening):
        page_was_up: bool | None = None

        def _open(self, *args):  # noqa: ANN002, ANN202
            SlowKey.page_was_up = page_up.wait(WAIT_S)
            return super()._open(*args)

    monkeypatch.setattr(MapView, "_on_page_ready", page_ready)
    # WHEN the window is made on a ledger being opened
    window = MainWindow(SlowKey(closed_ledger, PASSPHRASE), settings_for(tmp_path / "s"))
    qtbot.addWidget(window)
    # THEN the page loaded while the key was stretched (before, it started only once the ledger was open) ...
    assert SlowKey.page_was_up is True
    loads: list[bool] = []
    window.map_view.page().loadStarted.connect(lambda: loads.append(True))
    _opened(qtbot, window)
    # ... and the town is drawn on that page, not on another loaded after it
    assert loads == []
    with window.ledger.Session() as s:
        assert len(page_features(qtbot, window)) == len(
            town_features(s, window.towns.town.id, window.map_view.crs)["features"])


def test_a_wrong_passphrase_is_asked_again_and_builds_no_window_that_stays(qtbot, closed_ledger, tmp_path):
    class Answers(UnlockDialog):
        typed = ["wrong passphrase", PASSPHRASE]
        messages: list[str] = []

        def exec(self) -> int:
            if not self.typed:
                return QDialog.DialogCode.Rejected
            self.passphrase.setText(self.typed.pop(0))
            self.operator.setText("山田 花子")
            return QDialog.DialogCode.Accepted

        def show_message(self, text: str) -> None:
            self.messages.append(text)
            super().show_message(text)

    built: list[MainWindow] = []

    def window_for(opening: LedgerOpening) -> MainWindow:
        window = MainWindow(opening, settings_for(tmp_path / "s"))
        built.append(window)
        return window

    # WHEN the first passphrase is wrong, the second right
    window = unlock(closed_ledger, window_for, ask=Answers)
    assert window is not None
    qtbot.addWidget(window)
    # THEN the dialog said so once, only the second open gave a window, on the ledger, for whom the user said
    assert len(Answers.messages) == 1 and "does not open" in Answers.messages[0]
    assert built == [window]
    assert window.ledger.operator.name == "山田 花子"
    _opened(qtbot, window)
    assert window.towns.town is not None


def test_a_wrong_passphrase_from_the_environment_is_raised_by_the_window(qtbot, closed_ledger, tmp_path):
    with pytest.raises(WrongPassphrase):
        MainWindow(LedgerOpening(closed_ledger, "not this one"), settings_for(tmp_path / "s"))
    # and the file still opens with its own passphrase: nothing was written with the wrong one
    assert LedgerOpening(closed_ledger, PASSPHRASE).ledger().path == closed_ledger


def test_a_window_that_fails_while_built_closes_the_ledger_opened_meanwhile(qtbot, closed_ledger, tmp_path,
                                                                            monkeypatch):
    # GIVEN a window whose building fails (a broken settings file, a missing resource) while the ledger opens
    def broken_layout(self) -> None:  # noqa: ANN001
        raise OSError("the window's layout could not be read")

    monkeypatch.setattr(window_module.MainWindow, "_lay_out", broken_layout)
    opening = LedgerOpening(closed_ledger, PASSPHRASE)
    # WHEN the window is made on it
    with pytest.raises(OSError, match="layout"):
        MainWindow(opening, settings_for(tmp_path / "s"))
    # THEN the ledger the thread opened meanwhile is closed, not left with its connections open
    assert opening.ledger().engine.pool.checkedin() == 0
