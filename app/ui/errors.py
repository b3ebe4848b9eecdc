"""Errors that would otherwise vanish (the Windows bundle has no console).

Uncaught exceptions (main thread, Qt slots, threads) and Qt's own warnings go to a rotating log in
the data folder; an uncaught exception also shows a short, non-blocking message with a button that
copies the details. Only the traceback and Qt's message text are written: no ledger content.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.paths import log_file

LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("app.errors")
qt_log = logging.getLogger("qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashDialog(QDialog):
    """A short message in the UI language; the traceback is one click away (to the clipboard)."""

    def __init__(self, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sasaeai Map: an unexpected error"))
        self.setModal(False)  # never blocks: the user keeps working, and a test run never hangs
        self.tracebacks: list[str] = []
        text = self.tr("Something unexpected went wrong. Everything you entered before this is saved; "
                       "the action that failed may not have been. Please check it and try again.")
        if log_path is not None:
            text += "\n\n" + self.tr("The details are written to the log file:\n{path}").format(path=log_path)
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.copied = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setToolTip(self.tr("Puts the technical details on the clipboard, to send to whoever "
                                            "supports the app"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.copied)
        layout.addWidget(self.buttons)

    def add(self, traceback_text: str) -> None:
        self.tracebacks.append(traceback_text)
        if len(self.tracebacks) > 1:
            self.copied.setText(self.tr("{n} errors so far.").format(n=len(self.tracebacks)))

    def details(self) -> str:
        return "\n".join(self.tracebacks)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details())
        self.copied.setText(self.tr("The details are on the clipboard."))


class ErrorReporter(QObject):
    """Logs what would vanish and shows at most one ``CrashDialog`` at a time; ``uninstall()`` undoes it."""

    error_reported = Signal(str)  # a traceback; delivered on the GUI thread whichever thread raised it

    def __init__(self, log_path: Path | None, *, dialogs: bool = True, max_bytes: int = LOG_MAX_BYTES,
                 backups: int = LOG_BACKUPS) -> None:
        super().__init__()
        self.log_path = log_path
        self.dialogs = dialogs
        self.dialog: CrashDialog | None = None
        self.handler: logging.Handler | None = None
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            self.handler = RotatingFileHandler(log_path, maxBytes=max_bytes, backupCount=backups,
                                               encoding="utf-8", delay=True)
            self.handler.setLevel(logging.WARNING)
            self.handler.setFormatter(logging.Formatter(LOG_FORMAT))
        self._previous: tuple = ()
        self.error_reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> ErrorReporter:
        if self.handler is not None:
            logging.getLogger().addHandler(self.handler)  # the app's own warnings, too
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        qInstallMessageHandler(self._qt_message)
        return self

    def uninstall(self) -> None:
        if self._previous:
            sys.excepthook, threading.excepthook = self._previous
            qInstallMessageHandler(None)  # Qt's default handler again
            self._previous = ()
        if self.handler is not None:
            logging.getLogger().removeHandler(self.handler)
            self.handler.close()
        if self.dialog is not None:
            self.dialog.close()

    def report(self, exc_type: type[BaseException], exc_value: BaseException, exc_tb: TracebackType | None,
               where: str = "the main thread") -> str:
        """Log an uncaught exception with its traceback and queue the message for the user."""
        text = "".join(traceback.format_exception(exc_type, exc_value, exc_tb))
        log.critical("uncaught exception in %s", where, exc_info=(exc_type, exc_value, exc_tb))
        self.error_reported.emit(text)
        return text

    def _excepthook(self, exc_type: type[BaseException], exc_value: BaseException,
                    exc_tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc_value, exc_tb)
            return
        try:
            self.report(exc_type, exc_value, exc_tb)
        except Exception:  # the reporter itself failed: at least the console (if any) gets it
            sys.__excepthook__(exc_type, exc_value, exc_tb)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        try:
            self.report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        except Exception:
            threading.__excepthook__(args)

    def _qt_message(self, mode: QtMsgType, context, message: str) -> None:  # noqa: ANN001 - QMessageLogContext
        qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)
        if mode == QtMsgType.QtFatalMsg and self.handler is not None:
            self.handler.flush()  # Qt aborts right after this returns

    def _show(self, traceback_text: str) -> None:
        if not self.dialogs or not isinstance(QApplication.instance(), QApplication):
            return
        if self.dialog is None or not self.dialog.isVisible():
            self.dialog = CrashDialog(self.log_path)
            self.dialog.add(traceback_text)
            self.dialog.show()
        else:  # one box at a time: a second error joins the first one's details
            self.dialog.add(traceback_text)
        self.dialog.raise_()


def install_error_reporting(data_dir: Path, *, dialogs: bool = True) -> ErrorReporter:
    """Called once by ``run_gui`` with the user's data folder (never the demo's temporary one)."""
    try:
        reporter = ErrorReporter(log_file(data_dir), dialogs=dialogs)
    except OSError as e:  # a read-only data folder: still tell the user, without a log file
        log.warning("cannot write the log in %s: %s", data_dir, e)
        reporter = ErrorReporter(None, dialogs=dialogs)
    return reporter.install()
