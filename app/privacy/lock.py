"""One app per ledger: a lock file beside the ledger, held with an OS lock that dies with its process."""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError

log = logging.getLogger(__name__)


class LedgerInUse(LedgerError):
    pass


def lock_path(ledger_file: Path) -> Path:
    return Path(ledger_file).with_name(Path(ledger_file).name + ".lock")


def _os_lock(fd: int) -> bool:
    """Try to take the OS lock on ``fd`` without waiting; the OS drops it when the process dies, even on SIGKILL."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0x7FFF0000, os.SEEK_SET)  # lock a byte far past the text, so others can still read it
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except PermissionError:  # Windows reports a held region this way
        return False


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0x7FFF0000, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.windll.kernel32.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_holder(ledger_file: Path) -> dict | None:
    """What the lock file says: ``{"pid", "host", "user"}``, or None when there is none (or it is unreadable)."""
    try:
        text = lock_path(ledger_file).read_text(encoding="utf-8")
        holder = json.loads(text)
        return holder if isinstance(holder, dict) else None
    except (OSError, ValueError):
        return None


@dataclass
class LedgerLock:
    """Held while the app has the ledger open; ``release()`` (or leaving the ``with`` block) frees it."""

    path: Path
    _fd: int | None = field(default=None, repr=False)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # The file stays, emptied: deleting it could race with a copy that just locked it, and
        # leave two copies each locking a different file.
        try:
            os.ftruncate(fd, 0)
            _os_unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> LedgerLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _in_use(ledger_file: Path, holder: dict | None) -> LedgerInUse:
    holder = holder or {}
    return LedgerInUse(QT_TRANSLATE_NOOP("errors", "this ledger is already open in another copy of the app "
                                                   "(process {pid} on {host}); close that one first"),
                       where=str(ledger_file), pid=holder.get("pid", "?"), host=holder.get("host", "?"))


def acquire_lock(ledger_file: Path) -> LedgerLock:
    """Take the ledger's lock or raise ``LedgerInUse``; a lock left by a crashed app is taken over."""
    path = lock_path(ledger_file)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)  # not inherited by child processes (PEP 446)
    except OSError as e:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "cannot open the ledger for writing here ({detail}); "
                                                      "is the folder read-only?"),
                          where=str(ledger_file), detail=e.strerror or str(e)) from e
    try:
        locked = _os_lock(fd)
    except OSError:  # a file system without locks (some network shares): trust the pid when it is ours
        holder = lock_holder(ledger_file)
        locked = not holder or (holder.get("host") == socket.gethostname() and not pid_alive(int(holder.get("pid", 0))))
    if not locked:
        os.close(fd)
        raise _in_use(ledger_file, lock_holder(ledger_file))
    previous = lock_holder(ledger_file)
    if previous and previous.get("pid") != os.getpid():
        log.warning("taking over a stale lock on %s left by %s", ledger_file, previous)
    me = {"pid": os.getpid(), "host": socket.gethostname(), "user": os.environ.get("USERNAME") or os.environ.get("USER", "")}
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(me).encode("utf-8"))
    os.fsync(fd)
    return LedgerLock(path, fd)
