"""A list of persons (Step II, Step III): one line each, the person's id on the item."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem

from app.core.japanese import gojuon_key

ROLE_ID = Qt.ItemDataRole.UserRole


class PersonList(QListWidget):
    def current_id(self) -> uuid.UUID | None:
        item = self.currentItem()
        return item.data(ROLE_ID) if item else None

    def choose(self, person_id: uuid.UUID) -> bool:
        """Make ``person_id`` the current line (emits currentItemChanged); False when not listed."""
        for i in range(self.count()):
            if self.item(i).data(ROLE_ID) == person_id:
                self.setCurrentRow(i)
                return True
        return False

    def fill(self, rows: Iterable[tuple[str, uuid.UUID, bool]], keep: uuid.UUID | None) -> bool:
        """Show (text, id, bold) rows without emitting; keep ``keep`` current. True when it is still listed."""
        self.blockSignals(True)
        try:
            self.clear()
            current = None
            for text, person_id, bold in rows:
                item = QListWidgetItem(text)
                item.setData(ROLE_ID, person_id)
                if bold:  # what needs attention stands out in weight too, not only in the mark
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.addItem(item)
                if person_id == keep:
                    current = item
            if current is not None:
                self.setCurrentItem(current)
        finally:
            self.blockSignals(False)
        return current is not None


def order_combo() -> QComboBox:
    """Map-number order (as on the map and the papers) or 五十音 order by reading (as in a register)."""
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("PersonList", "In map-number order"), "map")
    combo.addItem(QCoreApplication.translate("PersonList", "In 五十音 order (by reading)"), "kana")
    return combo


def in_order(items: list, how: str, person_of) -> list:  # noqa: ANN001 - views with a PersonView
    """``items`` as they came (map-number order) or sorted by the persons' readings."""
    if how != "kana":
        return list(items)
    return sorted(items, key=lambda item: gojuon_key(person_of(item).kana, person_of(item).name))


def heading(text: str) -> QLabel:
    """A panel's title: bold and a fifth larger than the text around it (large text scales it too)."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label
