"""Disaster mode in the window: the red banner, the dialog that asks who and why, and the printed copies
list of the liaison meeting (one click records a return or a destruction)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.sharing import CopyOutcome, SharingMode
from app.privacy.copies import CopyView
from app.privacy.sharing import SharingContext
from app.ui.list_models import Column, ViewList, natural_key


class SharingBanner(QWidget):
    """The red bar across the window while disaster mode is on: names go out without consent.

    It holds no personal data (who switched and why are the staff's own words), so it stays in projector mode.
    """

    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharingBanner")
        # Painted as its sheet says (a plain QWidget inside the window paints no background of its own: the banner
        # was white text on the window's light grey), its text on it in every contrast.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#sharingBanner { background: #c00000; border-bottom: 4px solid #600000; }"
                           "QWidget#sharingBanner QLabel { color: #ffffff; background: transparent; font-weight: bold; "
                           "font-size: 15pt; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the reason is typed text, never markup
        self.end_button = QPushButton(self.tr("Return to normal times…"))
        self.end_button.setMinimumHeight(40)
        self.end_button.clicked.connect(self.end_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.end_button)
        self.setVisible(False)

    def show_mode(self, sharing: SharingContext) -> None:
        self.setVisible(sharing.disaster)
        if sharing.disaster:
            self.text.setText(self.tr(
                "DISASTER MODE (災害対策基本法第49条の11第3項): papers for watchers and agencies show every name, "
                "whatever the consent. Switched on by {who} at {when}. Reason: {why}").format(
                who=sharing.who, when=sharing.since_text, why=sharing.why))


class SharingModeDialog(QDialog):
    """Asks who decides the switch and why; OK stays disabled until both are given (why: into disaster mode)."""

    def __init__(self, mode: SharingMode, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = SharingMode(mode)
        disaster = self.mode is SharingMode.DISASTER
        self.setWindowTitle(self.tr("Switch to disaster mode") if disaster else self.tr("Return to normal times"))
        explain = QLabel(self.tr(
            "Article 49-11(3) of the Disaster Countermeasures Basic Act allows the list of persons needing "
            "evacuation support to be given to responders without consent when lives are at risk.\n"
            "While disaster mode is on, new papers for watchers and agencies name everyone and say so on every "
            "page. Papers made before keep their masking. The switch is recorded.") if disaster else self.tr(
            "Papers made from now on apply the consent rule again. The switch is recorded."))
        explain.setWordWrap(True)
        self.who = QLineEdit(operator)
        self.why = QPlainTextEdit()
        self.why.setPlaceholderText(self.tr("e.g. 避難指示 issued for the river district at 14:00")
                                    if disaster else self.tr("optional"))
        form = QFormLayout()
        form.addRow(self.tr("Who decides"), self.who)
        form.addRow(self.tr("Why"), self.why)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.who.textChanged.connect(self._check)
        self.why.textChanged.connect(self._check)
        self._check()

    def ready(self) -> bool:
        return bool(self.who.text().strip()) and (self.mode is SharingMode.NORMAL
                                                   or bool(self.why.toPlainText().strip()))

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.ready())


class CopiesDialog(QDialog):
    """The printed copies not yet returned or destroyed; one click records either for the chosen copy."""

    close_requested = Signal(object, object)  # the copy's id, CopyOutcome

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Printed copies not yet returned"))
        self.resize(920, 480)
        mode_label = {SharingMode.NORMAL: self.tr("normal"), SharingMode.DISASTER: self.tr("disaster")}
        columns = [
            Column(lambda: self.tr("Serial"), lambda c: c.serial, width_sample="2026-0000  "),
            Column(lambda: self.tr("Paper"), lambda c: c.title, width_sample="見守りネットワーク記録用紙"),
            Column(lambda: self.tr("For"), lambda c: c.audience, width_sample="watchers "),
            Column(lambda: self.tr("Town"), lambda c: c.town_name, width_sample="町内名町内"),
            Column(lambda: self.tr("Copies"), lambda c: str(c.copies), sort_key=lambda c: natural_key(str(c.copies))),
            Column(lambda: self.tr("Made by"), lambda c: c.made_by, width_sample="民生　花子"),
            Column(lambda: self.tr("Made at"), lambda c: c.made_at_text, width_sample="2026-00-00 00:00 "),
            Column(lambda: self.tr("Mode"), lambda c: mode_label[c.mode]),
        ]
        self.table = ViewList(columns)
        self.table.setAccessibleName(self.windowTitle())
        self.count = QLabel()
        self.returned = QPushButton(self.tr("Returned"))
        self.destroyed = QPushButton(self.tr("Destroyed"))
        for button, outcome in ((self.returned, CopyOutcome.RETURNED), (self.destroyed, CopyOutcome.DESTROYED)):
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _c=False, o=outcome: self._close(o))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.returned)
        buttons.addWidget(self.destroyed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.table.chosen.connect(lambda _key: self._enable())
        self._enable()

    def show_copies(self, copies: list[CopyView]) -> None:
        self.table.fill(copies, self.table.current_id())
        self.count.setText(self.tr("{n} copies out").format(n=sum(c.copies for c in copies)))
        self._enable()

    def serials(self) -> list[str]:
        return [c.serial for c in self.table.visible_views()]

    def choose(self, serial: str) -> bool:
        copy = next((c for c in self.table.visible_views() if c.serial == serial), None)
        return copy is not None and self.table.choose(copy.id)

    def _enable(self) -> None:
        on = self.table.current_id() is not None
        self.returned.setEnabled(on)
        self.destroyed.setEnabled(on)

    def _close(self, outcome: Any) -> None:
        copy_id = self.table.current_id()
        if copy_id is not None:
            self.close_requested.emit(copy_id, outcome)
