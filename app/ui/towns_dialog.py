"""The districts and towns window (地区・町内の設定): add, rename, archive, and import a city's districts.

Every button runs one service call of app/towns/towns.py in its own transaction (``run``), then the tree is
read again; nothing is ever deleted, only archived (and can be brought back). Mistakes (an empty or
duplicate name, a bad CSV row) are shown in the window's message line, never in a popup, and change
nothing. ``changed`` tells the main window to read its town list again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.core.errors import LedgerError
from app.paths import resource_dir
from app.towns import towns as service
from app.ui.dialogs import error_text

translate = QCoreApplication.translate
KIND_ROLE = Qt.ItemDataRole.UserRole  # "district" or "town"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 2
EXAMPLE_CSV = "data/echizen_chiku_list.csv"  # the 17 地区 of 越前市 (credit in resources/data/CREDITS.md)

Runner = Callable[[Callable[[Session], Any]], Any]


def ledger_runner(session_factory: Any) -> Runner:
    """Run one service call in one transaction of ``session_factory`` (a Ledger's ``Session``)."""
    def run(call: Callable[[Session], Any]) -> Any:
        with session_factory.begin() as s:
            return call(s)
    return run


class TownsDialog(QDialog):
    changed = Signal()

    def __init__(self, run: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self.setWindowTitle(translate("towns", "Districts and towns"))
        self.resize(560, 520)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("towns", "District / town"), translate("towns", "Households")])
        self.tree.setColumnWidth(0, 360)
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("towns", "Name (e.g. 味真野地区 or 余川町)"))
        self.show_archived = QCheckBox(translate("towns", "Show archived"))
        self.add_district_button = QPushButton(translate("towns", "Add district"))
        self.add_town_button = QPushButton(translate("towns", "Add town to the selected district"))
        self.rename_button = QPushButton(translate("towns", "Rename selected"))
        self.archive_button = QPushButton(translate("towns", "Archive selected"))
        self.import_button = QPushButton(translate("towns", "Import districts from CSV…"))
        self.example_button = QPushButton(translate("towns", "Import the 17 districts of Echizen (example)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names from files are text, never markup
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row1 = QHBoxLayout()
        row1.addWidget(self.name, 1)
        row1.addWidget(self.add_district_button)
        row1.addWidget(self.add_town_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.rename_button)
        row2.addWidget(self.archive_button)
        row2.addStretch(1)
        row2.addWidget(self.show_archived)
        row3 = QHBoxLayout()
        row3.addWidget(self.import_button)
        row3.addWidget(self.example_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.add_district_button.clicked.connect(self.add_district)
        self.add_town_button.clicked.connect(self.add_town)
        self.rename_button.clicked.connect(self.rename_selected)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.import_button.clicked.connect(self._choose_csv)
        self.example_button.clicked.connect(lambda: self.import_districts(resource_dir() / EXAMPLE_CSV))
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.refresh()

    # ------------------------------------------------------------------------------------------ reading
    def refresh(self, select: uuid.UUID | None = None) -> None:
        districts = self._run(lambda s: service.list_districts(s))
        counts = {t.id: t.household_count for t in self._run(lambda s: service.list_towns(s))}
        self.tree.clear()
        chosen = None
        for d in districts:
            if d.archived and not self.show_archived.isChecked():
                continue
            top = self._item(None, "district", d.id, d.name, d.archived, "")
            chosen = top if d.id == select else chosen
            for t in d.towns:
                archived = t.id in d.archived_towns
                if archived and not self.show_archived.isChecked():
                    continue
                child = self._item(top, "town", t.id, t.name, archived, str(counts.get(t.id, "")))
                chosen = child if t.id == select else chosen
            top.setExpanded(True)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._selection_changed()

    def _item(self, parent: QTreeWidgetItem | None, kind: str, item_id: uuid.UUID, name: str, archived: bool,
              count: str) -> QTreeWidgetItem:
        label = name + (translate("towns", " (archived)") if archived else "")
        item = QTreeWidgetItem([label, count])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, item_id)
        item.setData(0, ARCHIVED_ROLE, archived)
        item.setData(0, Qt.ItemDataRole.ToolTipRole, name)
        if archived:
            item.setForeground(0, QBrush(QColor("#777777")))
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def names(self) -> dict[str, list[str]]:
        """What the tree shows: district → its towns (labels as shown), for tests and the log."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out[top.text(0)] = [top.child(j).text(0) for j in range(top.childCount())]
        return out

    def select(self, name: str) -> None:
        """Select the district or town shown as ``name`` (the first match)."""
        found = self.tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        if found:
            self.tree.setCurrentItem(found[0])

    def _selected(self) -> tuple[str, uuid.UUID, bool] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE), bool(item.data(0, ARCHIVED_ROLE))

    def _district_of_selection(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        top = item.parent() or item
        return top.data(0, Qt.ItemDataRole.ToolTipRole)

    def _selection_changed(self, *_args: object) -> None:
        selected = self._selected()
        self.add_town_button.setEnabled(selected is not None)
        self.rename_button.setEnabled(selected is not None)
        self.archive_button.setEnabled(selected is not None)
        archived = selected is not None and selected[2]
        self.archive_button.setText(translate("towns", "Restore selected") if archived
                                    else translate("towns", "Archive selected"))

    # ------------------------------------------------------------------------------------------ changing
    def _change(self, call: Callable[[Session], Any], done: str) -> Any:
        try:
            result = self._run(call)
        except LedgerError as error:
            self.message.setText(error_text(error))
            return None
        self.message.setText(done)
        self.refresh(getattr(result, "id", None))
        self.changed.emit()
        return result

    def add_district(self) -> None:
        name = self.name.text()
        if self._change(lambda s: service.add_district(s, name),
                        translate("towns", "District added: {name}").format(name=name.strip())) is not None:
            self.name.clear()

    def add_town(self) -> None:
        district, name = self._district_of_selection(), self.name.text()
        if district is None:
            self.message.setText(translate("towns", "Select the district the town belongs to."))
            return
        if self._change(lambda s: service.add_town(s, district, name),
                        translate("towns", "Town added: {district} {name}").format(district=district,
                                                                                   name=name.strip())) is not None:
            self.name.clear()

    def rename_selected(self) -> None:
        selected, name = self._selected(), self.name.text()
        if selected is None:
            return
        kind, item_id, _ = selected
        rename = service.rename_district if kind == "district" else service.rename_town
        if self._change(lambda s: rename(s, item_id, name),
                        translate("towns", "Renamed to {name}").format(name=name.strip())) is not None:
            self.name.clear()

    def toggle_archived(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, item_id, archived = selected
        archive = service.set_district_archived if kind == "district" else service.set_town_archived
        done = (translate("towns", "Restored.") if archived else
                translate("towns", "Archived: kept in the ledger with everything in it; tick “Show archived” "
                                   "to see it or bring it back."))
        self._change(lambda s: archive(s, item_id, not archived), done)

    def import_districts(self, path: Path) -> None:
        path = Path(path)

        def done_text(result: service.DistrictImport) -> str:
            return translate("towns", "{file}: {added} districts added, {existing} already in the ledger.").format(
                file=path.name, added=len(result.added), existing=len(result.existing))

        try:
            result = self._run(lambda s: service.import_districts(s, path))
        except LedgerError as error:
            self.message.setText(error_text(error))
            return
        self.message.setText(done_text(result))
        self.refresh()
        self.changed.emit()

    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("towns", "Import districts"), "",
                                              translate("towns", "CSV files (*.csv)"))
        if path:
            self.import_districts(Path(path))
