"""The Chromium flags the app starts WebEngine with (issue 17: memory), and the map still draws with them."""

from __future__ import annotations

import os

import pytest

from app.ui.app import CHROMIUM_FLAGS_ENV, JS_FLAGS, chromium_flags

pytestmark = pytest.mark.timeout(120)


def test_the_page_process_is_told_to_favour_size_and_the_users_own_flags_stay():
    assert chromium_flags("") == JS_FLAGS
    assert chromium_flags("--disable-gpu") == f"--disable-gpu {JS_FLAGS}"
    # A user who sets V8's flags keeps exactly theirs (Chromium takes one --js-flags).
    assert chromium_flags("--js-flags=--max-old-space-size=512") == "--js-flags=--max-old-space-size=512"


def test_the_running_app_has_the_flag_once():
    # prepare_webengine ran at import (conftest) before the QApplication: WebEngine reads this then.
    assert os.environ[CHROMIUM_FLAGS_ENV].split().count(JS_FLAGS) == 1
