"""The WebEngine side of the app's memory (issue 17): the Chromium flags the app adds, and the page still works."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.ui.app import CHROMIUM_FLAGS_ENV, JS_FLAGS, NO_ZYGOTE, SANDBOX_OFF_ENV, chromium_flags, sandbox_is_off

pytestmark = pytest.mark.timeout(120)


def test_without_a_sandbox_on_linux_the_page_process_starts_without_zygotes():
    assert chromium_flags("", sandbox_off=True, platform="linux") == f"{JS_FLAGS} {NO_ZYGOTE}"
    assert chromium_flags("--disable-gpu", sandbox_off=True, platform="linux") == f"--disable-gpu {JS_FLAGS} {NO_ZYGOTE}"
    # Given once, kept once; a user's own V8 flags stay theirs.
    assert chromium_flags(f"{NO_ZYGOTE} --js-flags=--max-old-space-size=512", sandbox_off=True, platform="linux") \
        == f"{NO_ZYGOTE} --js-flags=--max-old-space-size=512"
    # Qt reads a quoted value as one flag (several V8 flags in one --js-flags): it stays as it was.
    assert chromium_flags('--js-flags="--optimize-for-size --max-semi-space-size=1"', sandbox_off=True,
                          platform="linux") == f'--js-flags="--optimize-for-size --max-semi-space-size=1" {NO_ZYGOTE}'


def test_with_the_sandbox_on_or_off_linux_no_zygote_flag():
    # Chromium refuses to start with --no-zygote and its sandbox on: the page would never load.
    assert NO_ZYGOTE not in chromium_flags("", sandbox_off=False, platform="linux")
    for platform in ("win32", "darwin"):  # no zygotes there
        assert chromium_flags("", sandbox_off=True, platform=platform) == JS_FLAGS


def test_the_sandbox_is_off_as_qt_reads_it():
    assert not sandbox_is_off({})
    assert sandbox_is_off({SANDBOX_OFF_ENV: "1"})
    assert sandbox_is_off({SANDBOX_OFF_ENV: ""})  # Qt: set at all
    assert sandbox_is_off({CHROMIUM_FLAGS_ENV: "--disable-gpu --no-sandbox"})
    assert not sandbox_is_off({CHROMIUM_FLAGS_ENV: "--disable-gpu"})


def _descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every process below ``pid`` (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            try:
                found.append((child, (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()))
            except OSError:
                continue
            todo.append(child)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="zygotes are Linux's")
def test_the_running_app_draws_its_page_with_no_zygote_process(qtbot):
    # Tests run as the bench does, with the sandbox off (conftest): the flags prepare_webengine set are in force.
    assert sandbox_is_off(os.environ)
    assert os.environ[CHROMIUM_FLAGS_ENV].split().count(NO_ZYGOTE) == 1
    from PySide6.QtWebEngineWidgets import QWebEngineView

    view = QWebEngineView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loadFinished, timeout=60_000) as loaded:
        view.setHtml("<p id='town'>支え愛</p>")
    assert loaded.args == [True]
    box: dict = {}
    view.page().runJavaScript("document.getElementById('town').textContent", 0, lambda r: box.setdefault("r", r))
    qtbot.waitUntil(lambda: "r" in box, timeout=60_000)
    assert box["r"] == "支え愛"  # the page's process runs the page's script
    children = _descendants(os.getpid())
    assert any("--type=renderer" in cmd for _, cmd in children), children
    assert not any("--type=zygote" in cmd for _, cmd in children), children
