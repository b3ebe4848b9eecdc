"""One app per ledger: a second copy is told plainly; a copy that crashed does not block the ledger forever."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

import pytest

from app.core.errors import LedgerError
from app.privacy.lock import LedgerInUse, acquire_lock, lock_holder, lock_path

HOLD = """
import sys, time
from app.privacy.lock import acquire_lock
lock = acquire_lock(sys.argv[1])
print("locked", flush=True)
time.sleep(60)
"""


def _holder_process(ledger_file):
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(ledger_file)], stdout=subprocess.PIPE, text=True,
                             cwd=os.path.dirname(os.path.dirname(__file__)))
    assert child.stdout.readline().strip() == "locked"
    return child


def test_a_second_copy_is_told_which_process_holds_the_ledger(tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    child = _holder_process(ledger_file)
    try:
        with pytest.raises(LedgerInUse) as refused:
            acquire_lock(ledger_file)
        assert isinstance(refused.value, LedgerError)
        assert f"process {child.pid} on {socket.gethostname()}" in str(refused.value)
    finally:
        child.kill()
        child.wait()


def test_the_lock_of_a_crashed_copy_is_taken_over(tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    child = _holder_process(ledger_file)
    os.kill(child.pid, signal.SIGKILL)  # no chance to clean up
    child.wait()
    assert lock_holder(ledger_file)["pid"] == child.pid  # the file is still there, naming a dead process
    with acquire_lock(ledger_file):
        assert lock_holder(ledger_file)["pid"] == os.getpid()


def test_the_same_process_cannot_take_the_lock_twice_and_release_frees_it(tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    first = acquire_lock(ledger_file)
    with pytest.raises(LedgerInUse):
        acquire_lock(ledger_file)
    first.release()
    assert lock_holder(ledger_file) is None  # released: the file names nobody
    with acquire_lock(ledger_file):
        assert lock_path(ledger_file).exists()


def test_a_folder_where_no_lock_can_be_written_gives_a_clear_message(tmp_path):
    not_a_folder = tmp_path / "ledger-folder"
    not_a_folder.write_text("a file where the folder should be")
    with pytest.raises(LedgerError) as refused:
        acquire_lock(not_a_folder / "ledger.sqlite3")
    assert "cannot open the ledger for writing" in str(refused.value)
