"""Sync with the office: the status line and the conflicts dialog (both values side by side, the user chooses)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.sync import ConflictView, SyncReport, SyncStatus
from app.ui.meeting_panel import field_label

translate = QCoreApplication.translate


def _when(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else ""


def value_text(value: object, field: str | None = None) -> str:
    """A field's value as people read it: empty, yes/no, a local time, or the text itself."""
    if field == "deleted_at":  # the archive mark: a time when the record was ended, or none
        if value is None or value == "":
            return translate("sync", "in use (not ended)")
        return translate("sync", "ended {when}").format(when=value_text(value))
    if value is None or value == "":
        return translate("sync", "(empty)")
    if isinstance(value, bool):
        return translate("sync", "yes") if value else translate("sync", "no")
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            return _when(datetime.fromisoformat(value))
        except ValueError:
            pass
    return str(value)


def status_text(status: SyncStatus) -> str:
    if status.last_sync_at is None:
        if not status.server_url and not status.laptop_name:  # a ledger kept on this computer alone
            return translate("sync", "Not synced with an office server")
        return translate("sync", "Not synced yet · {pending} changes waiting").format(pending=status.pending_changes)
    text = translate("sync", "Synced {when} · {pending} changes waiting").format(
        when=_when(status.last_sync_at), pending=status.pending_changes)
    if status.open_conflicts:
        text += translate("sync", " · {conflicts} to resolve").format(conflicts=status.open_conflicts)
    return text


def report_text(report: SyncReport) -> str:
    text = translate("sync", "Sync finished: {received} changes received, {sent} sent.").format(
        received=report.applied, sent=report.sent + report.already_sent)
    if report.new_conflicts:
        text += " " + translate("sync", "{n} changes were made both here and on another laptop: "
                                        "choose which to keep in Sync → Conflicts.").format(n=report.new_conflicts)
    if report.outside_scope:
        text += " " + translate("sync", "{n} changes belong to districts this laptop is not registered for; "
                                        "they stay on this laptop.").format(n=report.outside_scope)
    if report.joined:
        text += " " + translate("sync", "Two laptops had each started a safety check for one town; they were "
                                        "joined into one ({n}): the safety check panel says which.").format(n=len(report.joined))
    return text


class ConflictDialog(QDialog):
    """Each conflict with this laptop's value and the other laptop's, who and when; keep one of them."""

    def __init__(self, load: Callable[[], list[ConflictView]], resolve: Callable[[int, str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load, self._resolve = load, resolve
        self.conflicts: list[ConflictView] = []
        self.setWindowTitle(self.tr("Conflicts to resolve"))
        self.resize(1100, 480)
        intro = QLabel(self.tr("The same thing was changed on this laptop and on another one. Nothing was merged: "
                               "both values are kept until you choose. Ask the person who made the other change "
                               "when unsure."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("What happened"), self.tr("Record"), self.tr("Field"), self.tr("On this laptop"),
            self.tr("On the other laptop"), self.tr("Status")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for c in range(6):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c in (3, 4)
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.keep_mine = QPushButton(self.tr("Keep this laptop's value"))
        self.take_theirs = QPushButton(self.tr("Take the other laptop's value"))
        self.keep_mine.clicked.connect(lambda: self.choose("mine"))
        self.take_theirs.clicked.connect(lambda: self.choose("theirs"))
        self.empty = QLabel(self.tr("Nothing to resolve."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.take_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.conflicts = self._load()
        self.table.setRowCount(len(self.conflicts))
        for r, c in enumerate(self.conflicts):
            field = field_label(c.field) if c.field else ""
            mine = f"{value_text(c.local_value, c.field)}\n{c.local_operator}  {_when(c.local_at)}".rstrip()
            theirs = f"{value_text(c.remote_value, c.field)}\n{c.remote_operator} ({c.remote_laptop})  {_when(c.remote_at)}"
            cells = [translate("sync", c.kind_label), c.label, field, mine, theirs.rstrip(),
                     self.tr("waiting for your choice")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(r, col, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.conflicts)
        if self.conflicts:
            self.table.selectRow(0)
        self._update_buttons()

    def current(self) -> ConflictView | None:
        row = self.table.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _update_buttons(self) -> None:
        c = self.current()
        self.keep_mine.setEnabled(c is not None and c.kind != "renumbered")
        self.take_theirs.setEnabled(c is not None)
        self.take_theirs.setText(self.tr("Understood") if c is not None and c.kind == "renumbered"
                                 else self.tr("Take the other laptop's value"))

    def choose(self, choice: str, *, confirm: bool = True) -> bool:
        c = self.current()
        if c is None:
            return False
        ending = c.kind in ("archive", "deleted") or (c.field == "deleted_at" and c.remote_value is not None)
        if choice == "theirs" and ending and confirm and QMessageBox.question(
                self, self.windowTitle(),
                self.tr("The other laptop ended this record ({label}). End it here too? Its history is kept.")
                .format(label=c.label)) != QMessageBox.StandardButton.Yes:
            return False
        if not self._resolve(c.id, "theirs" if c.kind == "renumbered" else choice):
            return False
        self.reload()
        return True
