"""The districts and towns window (地区・町内の設定): add, rename, archive, and import a city's districts.

Every button runs one service call of app/towns/towns.py in its own transaction (``run``), then the tree is
read again; nothing is ever deleted, only archived (and can be brought back). Mistakes (an empty or
duplicate name, a bad CSV row) are shown in the window's message line, never in a popup, and change
nothing. ``changed`` tells the main window to read its town list again.

Each change is one step on the app's undo stack (the window's Edit ▸ Undo, or the dialog's own Undo button
and Ctrl+Z): undoing an add archives what was added (redo brings it back), an import is undone whole. Undo
and redo go through the operations' notice (``OpChanges(towns=True)``), which reads the tree again here and
the town list in the window.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QUndoStack
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
from shiboken6 import isValid
from sqlalchemy.orm import Session

from app.core.errors import LedgerError
from app.paths import resource_dir
from app.towns import towns as service
from app.ui.commands import LedgerCommand, Step
from app.ui.dialogs import error_text
from app.ui.operations import OpChanges

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


class DialogSteps(QObject):
    """The undo path of a dialog opened on its own (tests, a tool): an undo stack, and one transaction per step.

    In the app the dialog gets the window's ``Operations`` instead, which has the same three members.
    """

    changed = Signal(object)  # OpChanges, after every undo and redo
    refused_step = Signal(str)  # an undo or redo the ledger refused: the dialog says it in its message line

    def __init__(self, run: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self.undo_stack = QUndoStack(self)

    def replay(self, step: Step, changes: OpChanges) -> Any:
        result = self._run(step)
        self.changed.emit(changes)
        return result

    def refused(self, text: str) -> None:
        self.refused_step.emit(text)


TOWNS_CHANGED = OpChanges(towns=True)
STEP_LABEL = 48  # characters of a step's name on the Undo and Redo buttons


class TownsDialog(QDialog):
    changed = Signal()  # a change made here (its undo and redo come through the operations' notice)

    def __init__(self, run: Runner, parent: QWidget | None = None, *, operations: Any = None) -> None:
        """``operations``: the window's Operations (its undo stack and change notice); None: the dialog's own."""
        super().__init__(parent)
        self._run = run
        if operations is None:
            operations = DialogSteps(run, self)
            operations.refused_step.connect(lambda text: self.message.setText(text))
        self._operations = operations
        self._stack: QUndoStack = self._operations.undo_stack
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
        self.undo_button = QPushButton()
        self.redo_button = QPushButton()
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
        row4 = QHBoxLayout()
        row4.addWidget(self.undo_button)
        row4.addWidget(self.redo_button)
        row4.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addLayout(row4)
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
        # The window's Edit menu is behind this window: Undo and Redo here, with their keys.
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.redo)
        for signal in (self._stack.indexChanged, self._stack.cleanChanged, self._stack.undoTextChanged,
                       self._stack.redoTextChanged):
            signal.connect(self._update_undo_buttons)
        self._operations.changed.connect(self._on_ledger_changed)
        self._update_undo_buttons()
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

    # ------------------------------------------------------------------------------------------ undoing
    def undo(self) -> None:
        if self._stack.canUndo():
            text, count = self._stack.undoText(), self._stack.count()
            self._stack.undo()
            if self._stack.count() == count:  # a step the ledger refused left the stack; the refusal was said
                self.message.setText(translate("towns", "Undone: {step}").format(step=text))

    def redo(self) -> None:
        if self._stack.canRedo():
            text, count = self._stack.redoText(), self._stack.count()
            self._stack.redo()
            if self._stack.count() == count:
                self.message.setText(translate("towns", "Redone: {step}").format(step=text))

    def _update_undo_buttons(self, *_args: object) -> None:
        if not (isValid(self._stack) and isValid(self.undo_button)):  # the window is closing: the stack goes first
            return
        for button, can, step, named, plain in (
                (self.undo_button, self._stack.canUndo(), self._stack.undoText(), translate("towns", "Undo: {step}"),
                 translate("towns", "Undo")),
                (self.redo_button, self._stack.canRedo(), self._stack.redoText(), translate("towns", "Redo: {step}"),
                 translate("towns", "Redo"))):
            button.setEnabled(can)
            # A long name (up to 100 characters) must not widen the window: the button shows its start, the tip all.
            short = step if len(step) <= STEP_LABEL else step[:STEP_LABEL - 1] + "…"
            button.setText(named.format(step=short) if can else plain)
            button.setToolTip(named.format(step=step) if can else "")

    def _on_ledger_changed(self, changes: OpChanges) -> None:
        """An undo or redo (here or in the window's Edit menu), or an import or sync: read the tree again."""
        if changes.towns or changes.town:
            selected = self._selected()
            self.refresh(selected[1] if selected else None)

    # ------------------------------------------------------------------------------------------ changing
    def _change(self, call: Step, done: str, *, text: str = "", undo: Step | None = None,
                redo: Step | None = None, unchanged: Callable[[Any], bool] | None = None) -> Any:
        """Run ``call``; when it is accepted and ``undo`` is given, push it on the undo stack as ``text``.

        When ``unchanged(result)`` says the call changed nothing (a rename to the same name), no step is pushed.
        """
        try:
            result = self._run(call)
        except LedgerError as error:
            self.message.setText(error_text(error))
            return None
        if unchanged is not None and unchanged(result):
            self.message.setText(translate("towns", "Nothing changed: the name is the same."))
            return result
        self.message.setText(done)
        self.refresh(getattr(result, "id", None))
        # The window reads its town list first: showing another town there clears the undo stack (its steps
        # belong to the town shown), and this step must stay on it.
        self.changed.emit()
        if undo is not None:
            self._stack.push(LedgerCommand(text, self._operations, redo or call, undo, TOWNS_CHANGED))
        return result

    def add_district(self) -> None:
        name = self.name.text()
        made: list[uuid.UUID] = []

        def add(s: Session) -> service.DistrictView:
            view = service.add_district(s, name)
            made.append(view.id)
            return view

        if self._change(add, translate("towns", "District added: {name}").format(name=name.strip()),
                        text=translate("towns", "Add district “{name}”").format(name=name.strip()),
                        # undone: archived, never deleted (as an added household is); redo brings it back
                        undo=lambda s: service.set_district_archived(s, made[0], True),
                        redo=lambda s: service.set_district_archived(s, made[0], False)) is not None:
            self.name.clear()

    def add_town(self) -> None:
        district, name = self._district_of_selection(), self.name.text()
        if district is None:
            self.message.setText(translate("towns", "Select the district the town belongs to."))
            return
        made: list[uuid.UUID] = []

        def add(s: Session) -> service.TownView:
            view = service.add_town(s, district, name)
            made.append(view.id)
            return view

        if self._change(add, translate("towns", "Town added: {district} {name}").format(district=district,
                                                                                        name=name.strip()),
                        text=translate("towns", "Add town “{name}” to {district}").format(district=district,
                                                                                         name=name.strip()),
                        undo=lambda s: service.set_town_archived(s, made[0], True),
                        redo=lambda s: service.set_town_archived(s, made[0], False)) is not None:
            self.name.clear()

    def rename_selected(self) -> None:
        selected, name = self._selected(), self.name.text()
        if selected is None:
            return
        kind, item_id, _ = selected
        old = self.tree.currentItem().data(0, Qt.ItemDataRole.ToolTipRole)
        rename = service.rename_district if kind == "district" else service.rename_town
        text = (translate("towns", "Rename district “{old}” to “{name}”") if kind == "district"
                else translate("towns", "Rename town “{old}” to “{name}”")).format(old=old, name=name.strip())
        if self._change(lambda s: rename(s, item_id, name),
                        translate("towns", "Renamed to {name}").format(name=name.strip()),
                        text=text, undo=lambda s: rename(s, item_id, old),
                        unchanged=lambda view: view.name == old) is not None:
            self.name.clear()

    def toggle_archived(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, item_id, archived = selected
        name = self.tree.currentItem().data(0, Qt.ItemDataRole.ToolTipRole)
        archive = service.set_district_archived if kind == "district" else service.set_town_archived
        done = (translate("towns", "Restored.") if archived else
                translate("towns", "Archived: kept in the ledger with everything in it; tick “Show archived” "
                                   "to see it or bring it back."))
        if kind == "district":
            text = (translate("towns", "Bring back district “{name}”") if archived
                    else translate("towns", "Archive district “{name}”")).format(name=name)
        else:
            text = (translate("towns", "Bring back town “{name}”") if archived
                    else translate("towns", "Archive town “{name}”")).format(name=name)
        self._change(lambda s: archive(s, item_id, not archived), done, text=text,
                     undo=lambda s: archive(s, item_id, archived))

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
        if result.added_ids:  # one step, undone whole: the districts it made are archived, the others untouched
            ids = result.added_ids
            self._stack.push(LedgerCommand(
                translate("towns", "Import {count} districts from {file}").format(count=len(ids), file=path.name),
                self._operations, lambda s: service.set_districts_archived(s, ids, False),
                lambda s: service.set_districts_archived(s, ids, True), TOWNS_CHANGED))

    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("towns", "Import districts"), "",
                                              translate("towns", "CSV files (*.csv)"))
        if path:
            self.import_districts(Path(path))
