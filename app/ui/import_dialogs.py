"""Import dialogs: map a roster's columns by hand, and preview an import before anything is written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.sheets import ChangeKind, Choice, Preview, PreviewRow
from app.emergency.agency_files import Action, AgencyPreview
from app.towns.reference_layers import LayerPreview, Problem
from app.watch.roster import RosterColumns

ROLE_ROW = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate


def field_labels() -> dict[str, str]:
    return {
        "name": translate("roster", "Name (氏名)"), "kana": translate("roster", "Reading (フリガナ)"), "address": translate("roster", "Address (住所)"),
        "phone": translate("roster", "Phone (電話)"), "birth_date": translate("roster", "Birth date (生年月日)"),
        "household_kind": translate("roster", "Household kind (世帯区分)"), "concerns": translate("roster", "Concerns (気になるところ)"),
        "watchers": translate("roster", "Watchers (見守り者)"), "of_concern": translate("roster", "Of concern (気がかり)"),
    }


def change_labels() -> dict[str, str]:
    """What a preview's changes are called: the roster's fields, and the form's watcher lines."""
    return {**field_labels(), "watcher": translate("import", "Watcher (見守り者)"),
            "involvement": translate("import", "Involvement (関わり方)")}


def kind_labels() -> dict[ChangeKind, str]:
    return {ChangeKind.ADDED: translate("import", "Add"), ChangeKind.UPDATED: translate("import", "Update"), ChangeKind.UNCHANGED: translate("import", "Unchanged"),
            ChangeKind.NEEDS_DECISION: translate("import", "Decide")}



def decided_counts(preview: Preview) -> dict[ChangeKind, int]:
    """The rows per kind as the decisions taken in the preview make them: a row that needed a decision adds
    (a new record), updates (a record chosen, or a line removed), or still needs one (left out, as 取り込まない)."""
    counts = {kind: preview.count(kind) for kind in ChangeKind}
    for row in preview.rows:
        choice = preview.decisions.get(row.key) if row.kind is ChangeKind.NEEDS_DECISION else None
        if choice is None or choice is Choice.SKIP:
            continue
        counts[ChangeKind.NEEDS_DECISION] -= 1
        # A watcher chosen for a line is a watch link added; a person chosen, or a line removed, an update.
        added = choice is Choice.NEW or (row.record == "watcher" and choice is not Choice.REMOVE)
        counts[ChangeKind.ADDED if added else ChangeKind.UPDATED] += 1
    return counts


def summary_text(preview: Preview | AgencyPreview | LayerPreview) -> str:
    """The preview's counts in the UI language (the command line prints ``preview.summary()``): a roster or form's
    changes as decided in the preview, an agency list's additions and updates, or a reference layer's features."""
    if isinstance(preview, AgencyPreview):
        return translate("import", "add {added}, update {updated}, unchanged {unchanged}, problems {problems}").format(
            added=preview.count(Action.ADD), updated=preview.count(Action.UPDATE),
            unchanged=preview.count(Action.UNCHANGED), problems=len(preview.problems))
    if isinstance(preview, LayerPreview):
        return translate("import", "{features} features ({placed} with a position), {problems} problems").format(
            features=len(preview.features), placed=sum(1 for f in preview.features if f["lat"] is not None),
            problems=len(preview.problems))
    counts = decided_counts(preview)
    return QCoreApplication.translate("import", "added {added}, updated {updated}, unchanged {unchanged}, "
                                                "needs a decision {decision}").format(
        added=counts[ChangeKind.ADDED], updated=counts[ChangeKind.UPDATED],
        unchanged=counts[ChangeKind.UNCHANGED], decision=counts[ChangeKind.NEEDS_DECISION])


def problem_lines(problems: list[Problem]) -> str:
    """An import's problems in the UI language, one a line, each naming its file, row (or feature) and column."""
    return "\n".join(p.line(translate) for p in problems)


class ColumnMappingDialog(QDialog):
    """Which column of the roster holds which field, when the headers were not recognised."""

    def __init__(self, columns: RosterColumns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which column is which?"))
        self.columns = columns
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field_name, label in field_labels().items():
            combo = QComboBox()
            combo.addItem(self.tr("(not in this file)"), None)
            for index, header in enumerate(columns.headers, start=1):
                combo.addItem(f"{_column_letter(index)}: {header}", index)
            combo.setCurrentIndex(max(0, combo.findData(columns.mapping.get(field_name))))
            self.combos[field_name] = combo
            form.addRow(label, combo)
        info = QLabel(self.tr("Sheet {sheet}, headers in row {row}. At least the name is needed.")
                      .format(sheet=columns.sheet, row=columns.header_row))
        info.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.combos["name"].currentIndexChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.combos["name"].currentData() is not None)

    def result_columns(self) -> RosterColumns:
        mapping = {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}
        return RosterColumns(self.columns.sheet, self.columns.header_row, self.columns.headers, mapping)


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class ImportPreviewDialog(QDialog):
    """What an import will do, row by row; rows that need a decision get a choice. Nothing is written yet."""

    def __init__(self, preview: Preview, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 560)
        self.preview = preview
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        # What the import tells about single cells it imports all the same (a roster's local phone numbers
        # completed with the town's area code, or kept with a warning), one a line: plain text, never markup.
        self.notes = QLabel("\n".join(n.line(translate) for n in getattr(preview, "notes", ())))
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setVisible(bool(self.notes.text()))
        self.hide_unchanged = QCheckBox(self.tr("Hide unchanged rows"))
        self.hide_unchanged.setChecked(True)
        self.table = QTableWidget(len(preview.rows), 5)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Where"), self.tr("Who"), self.tr("Changes"),
                                              self.tr("Decision")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A long change or reason wraps in its column: the Decision column stays in view, never pushed off.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        kinds, fields = kind_labels(), change_labels()
        for r, row in enumerate(preview.rows):
            changes = "; ".join(f"{fields.get(c.field, c.field)}: {c.old or '—'} → {c.new or '—'}"
                                for c in row.changes)
            if row.reason:
                changes = (changes + "  " if changes else "") + QCoreApplication.translate("import", row.reason)
            for col, text in enumerate((kinds[row.kind], f"{row.sheet}!{row.cell}", row.label, changes)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(ROLE_ROW, r)
                self.table.setItem(r, col, item)
            if row.options:
                combo = QComboBox()
                for option in row.options:
                    combo.addItem(option.label, option.value)
                combo.currentIndexChanged.connect(lambda _i, row=row, combo=combo: self._decide(row, combo))
                self.table.setCellWidget(r, 4, combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.hide_unchanged)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.hide_unchanged.toggled.connect(self._filter)
        self._filter()
        self.table.resizeRowsToContents()

    def _decide(self, row: PreviewRow, combo: QComboBox) -> None:
        # The option itself, not combo.currentData(): Qt hands a Choice back as a plain str ("remove"), which the
        # importers, asking `is Choice.REMOVE`, took for no decision at all.
        self.preview.decide(row, row.options[combo.currentIndex()].value)
        self.summary.setText(self._summary())  # the counts follow the decision

    def _summary(self) -> str:
        counts = decided_counts(self.preview)
        return self.tr("{file}: {added} to add, {updated} to update, {unchanged} unchanged, "
                       "a decision needed: {decide}. Nothing is written until you press Import.").format(
            file=self.preview.path.name, added=counts[ChangeKind.ADDED], updated=counts[ChangeKind.UPDATED],
            unchanged=counts[ChangeKind.UNCHANGED], decide=counts[ChangeKind.NEEDS_DECISION])

    def _filter(self) -> None:
        hide = self.hide_unchanged.isChecked()
        for r, row in enumerate(self.preview.rows):
            self.table.setRowHidden(r, hide and row.kind is ChangeKind.UNCHANGED)
