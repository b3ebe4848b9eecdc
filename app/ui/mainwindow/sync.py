"""Sync with the office: over the office network, or by an encrypted package carried on a USB stick."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMainWindow, QToolBar

from app import sync
from app.core.errors import LedgerError
from app.sync import ConflictView, SyncReport, SyncStatus
from app.ui.dialogs import show_error
from app.ui.mainwindow.actions import Actions, MainAction
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.town import TownController
from app.ui.operations import OpChanges, Operations
from app.ui.sync_dialogs import ConflictDialog, report_text, status_text
from app.ui.worker import BackgroundRead, CancelToken, Job, JobRunner, Progress

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
RECOUNT_MS = 1500  # after the last edit, the status line's count of changes waiting is read again


class SyncController(Controller):
    synced = Signal(object)  # a sync that started has ended: its SyncReport, or None (failed or cancelled)
    incidents_joined = Signal(object)  # list[JoinView]: a sync or a package joined two incidents of one town

    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController, actions: Actions,
                 jobs: JobRunner) -> None:
        super().__init__(window, operations)
        self.towns, self.actions, self.jobs = towns, actions, jobs
        self.label = QLabel()
        self.label.setToolTip(translate("MainWindow", "Sync with the office server: Sync menu"))
        self.label.setContentsMargins(0, 0, 16, 0)
        self._toolbar: QToolBar | None = None
        self._separator: QAction | None = None
        self._status_read: BackgroundRead | None = None  # the status read after the map is drawn, while wanted
        self._status_due = False  # the window opened: the status is read once the map is drawn (or now: no town)
        self._status_queued = False
        self._synced = False  # this laptop syncs (a server, or a laptop name for packages): its line counts changes
        # Each edit, undo or redo changes the count of changes waiting: it is read again once the edits pause.
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_MS)
        self._recount.timeout.connect(self._recount_now)

    def show_on(self, toolbar: QToolBar, separator: QAction) -> None:
        """The toolbar's Sync button (and its separator) show once this laptop syncs with an office server."""
        self._toolbar, self._separator = toolbar, separator

    def refresh_after_open(self) -> None:
        """The status line of a window just opened: read off the UI thread once the town's map is drawn.

        Counting the changes not sent yet reads every synced table (22 counts, 0.03-0.2 s of a city-sized
        ledger): on the UI thread while the window was built, it held back the page's start. It is read once the
        map is drawn and Steps II and III are filled (not beside their fill: background reads run one at a time). With no town
        to draw, the towns' list (empty) has it read at once instead (a ledger with no town is small).
        """
        self._status_due = True
        self.towns.ready.connect(self._read_status_once)  # once the lists are filled too
        self.towns.listed.connect(self._status_without_town)

    def _status_without_town(self, count: int) -> None:
        if count == 0 and self._status_due and self._status_read is None:
            self.refresh_sync_status()

    def _read_status_once(self) -> None:
        if self._status_due and not self._status_queued:
            self._status_queued = True
            QTimer.singleShot(0, self, self._start_status_read)  # after the reads started on "ready" too

    def on_changed(self, changes: OpChanges) -> None:
        """On a laptop that syncs, the status line's count of changes waiting follows the edits: one background
        read after a burst of them (a ledger kept on this computer alone shows no count)."""
        if self._synced and not self.towns.closed:
            self._recount.start()  # restarted by every change

    def _recount_now(self) -> None:
        if self.towns.closed:
            return
        if self._status_read is not None and self._status_read.running:  # it would show the count before the edit
            self._recount.start()
            return
        self._status_due = True
        self._start_status_read()

    def _start_status_read(self) -> None:
        if not self._status_due or self.towns.closed:  # a synchronous refresh came first, or the window closed
            return

        def back(status: SyncStatus) -> None:
            if self._status_read is read and self._status_due:  # no synchronous refresh came meanwhile
                self._status_read = None
                self._show_status(status)

        def failed(error: BaseException) -> None:
            if self._status_read is read:
                self._status_read = None
                log.warning("reading the sync status failed: %s", error)

        read = BackgroundRead(self.ledger, sync.sync_status, back, failed)
        self._status_read = read
        self.towns.track_read(read)  # the window cancels it and waits for it before the ledger closes

    def refresh_sync_status(self) -> SyncStatus:
        with self.ledger.Session() as s:
            status = sync.sync_status(s)
        self._show_status(status)
        return status

    def _show_status(self, status: SyncStatus) -> None:
        self._status_due, self._status_read = False, None  # a read still running is not wanted any more
        self.label.setText(status_text(status))
        synced = self._synced = bool(status.server_url or status.laptop_name)
        if self._toolbar is not None and self._separator is not None:
            self._separator.setVisible(synced)
            self._toolbar.widgetForAction(self.actions[MainAction.SYNC]).setVisible(synced)
        self.actions[MainAction.CONFLICTS].setText(
            translate("MainWindow", "Conflicts to resolve ({n})…").format(n=status.open_conflicts)
            if status.open_conflicts else translate("MainWindow", "Conflicts to resolve…"))

    def _after_sync(self, report: SyncReport) -> None:
        self.operations.forget()  # received changes may touch what the undo stack would revert
        self.towns.refresh_towns()
        if self.towns.town is not None:
            self.towns.load_town(self.towns.town.id)
        else:
            self.towns.open_initial_town()
        self.refresh_sync_status()
        self.message(report_text(report), 30000)
        if report.joined:
            self.incidents_joined.emit(report.joined)

    def sync_now(self, url: str | None = None) -> bool:
        """Sync with the office server in the background: receive the other laptops' changes, then send ours.

        True when the sync started; ``synced`` brings its report (None when it failed or was cancelled).
        """
        status = self.refresh_sync_status()
        if url is None and not status.server_url:
            url, ok = QInputDialog.getText(self.window, translate("MainWindow", "Sync with the office"), translate(
                "MainWindow", "The office server's address, as the office gave it (postgresql://…):"))
            if not ok or not url.strip():
                return False
            url = url.strip()
        ledger = self.ledger

        def work(token: CancelToken, _progress: Progress) -> SyncReport:
            def progress(name: str, done: int, total: int) -> None:
                token.check()  # the side being written rolls back; the next sync goes on from there

            return sync.sync(ledger, url, progress=progress)

        job = self.jobs.start(Job("sync", work, writes=True,
                                  label=translate("MainWindow", "Syncing with the office server…")))
        if job is None:
            self.message(translate("MainWindow", "An import is still running: sync when it has finished."), 8000)
            return False

        def cancelled() -> None:
            self.refresh_sync_status()
            self.message(translate("MainWindow", "Sync stopped; nothing half-done was kept. Sync again to finish."),
                         15000)
            self.synced.emit(None)

        def failed(error: BaseException) -> None:
            self.refresh_sync_status()
            show_error(self.window, error)  # type: ignore[arg-type]
            self.synced.emit(None)

        def done(report: SyncReport) -> None:
            self._after_sync(report)
            self.synced.emit(report)

        job.then(done, failed, cancelled)
        return True

    def show_conflicts(self, show: Callable[[ConflictDialog], Any] | None = None) -> ConflictDialog:
        def load() -> list[ConflictView]:
            with self.ledger.Session() as s:
                return sync.list_conflicts(s)

        def resolve(conflict_id: int, choice: str) -> bool:
            try:
                with self.ledger.Session.begin() as s:
                    sync.resolve_conflict(s, conflict_id, choice)
            except LedgerError as e:
                show_error(dialog, e)
                return False
            if self.towns.town is not None:
                self.operations.forget()
                self.towns.load_town(self.towns.town.id)
            self.refresh_sync_status()
            return True

        dialog = ConflictDialog(load, resolve, self.window)
        (show or (lambda d: d.exec()))(dialog)
        return dialog

    def _package_passphrase(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self.window, title, translate(
            "MainWindow", "The package's passphrase (agreed with the office; not the ledger's):"),
            QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def _with_package(self, title: str, path: Path | None, passphrase: str | None, choose: Callable[[], str],
                      run: Callable[[Path, str], Any]) -> Any:
        """Ask for the package file and its passphrase unless given, then ``run(path, passphrase)``."""
        if path is None:
            name = choose()
            if not name:
                return None
            path = Path(name)
        passphrase = passphrase or self._package_passphrase(title)
        if passphrase is None:
            return None
        try:
            return run(path, passphrase)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return None

    def export_sync_package(self, path: Path | None = None, passphrase: str | None = None) -> Path | None:
        """This laptop's changes in an encrypted file for the office (for a laptop that never reaches its network)."""
        title = translate("MainWindow", "Sync package for the office")
        summary = self._with_package(
            title, path, passphrase,
            lambda: QFileDialog.getSaveFileName(self.window, title,
                                                str(Path.home() / "sasaeai-sync-to-office.sqlite3"),
                                                translate("MainWindow", "Sync packages (*.sqlite3)"))[0],
            lambda target, key: sync.export_package(self.ledger, target, key))
        if summary is None:
            return None
        self.refresh_sync_status()
        self.message(translate("MainWindow", "Saved {n} changes to {path}: take it to the office.").format(
            n=summary.changes, path=summary.path), 20000)
        return summary.path

    def import_sync_package(self, path: Path | None = None, passphrase: str | None = None) -> SyncReport | None:
        title = translate("MainWindow", "Sync package from the office")
        report = self._with_package(
            title, path, passphrase,
            lambda: QFileDialog.getOpenFileName(self.window, title, str(Path.home()),
                                                translate("MainWindow", "Sync packages (*.sqlite3)"))[0],
            lambda source, key: sync.import_package(self.ledger, source, key))
        if report is not None:
            self._after_sync(report)
        return report
