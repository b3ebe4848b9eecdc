"""The organisation self-check (体制チェック表) window: answer a year's check list, compare with earlier years.

The items are the seed's own Japanese wording, shown as they are whatever the UI language; the
window around them is translated. The window never touches the ledger itself: the main window
hands it three functions (load, save, compare) that run in their own transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.japanese import format_date
from app.core.wareki import wareki_year
from app.meeting.selfcheck import (
    FIRST_YEAR,
    SelfCheckFields,
    SelfCheckView,
    Trend,
    YearComparison,
    fiscal_year,
)
from app.meeting.selfcheck_items import ITEMS, MECHANISMS, PURPOSE, TITLE, items_of
from app.models.meeting import CheckerKind

translate = QCoreApplication.translate


def checker_kind_labels() -> dict[CheckerKind, str]:
    return {
        CheckerKind.MUNICIPAL_STAFF: translate("selfcheck", "Municipal staff (自治体職員)"),
        CheckerKind.COUNCIL_STAFF: translate("selfcheck", "Council staff (社協職員)"),
        CheckerKind.OTHER_WELFARE: translate("selfcheck", "Other welfare worker (その他福祉関係者)"),
        CheckerKind.RESIDENT: translate("selfcheck", "Resident (一般住民)"),
    }


def year_label(year: int) -> str:
    """「2026年度（令和8年度）」: the fiscal year as people at a 社協 say it."""
    return translate("selfcheck", "FY{year} ({wareki})").format(year=year, wareki=wareki_year(year))


def trend_text(trend: Trend) -> str:
    return {
        Trend.IMPROVED: translate("selfcheck", "↑ now in place"),
        Trend.WORSENED: translate("selfcheck", "↓ no longer in place"),
        Trend.SAME: translate("selfcheck", "same"),
        Trend.UNKNOWN: "",
    }[trend]


class SelfCheckDialog(QDialog):
    """One tab to answer the check list for a year and a kind of checker, one to compare the years."""

    def __init__(self, load: Callable[[int, CheckerKind], SelfCheckView | None],
                 save: Callable[[SelfCheckFields], SelfCheckView | None],
                 compare: Callable[[CheckerKind], YearComparison],
                 parent: QWidget | None = None, *, today: date | None = None, wareki: bool = True) -> None:
        super().__init__(parent)
        self.wareki = wareki  # days as the View menu says: 令和 or 2025-04-01
        self._load, self._save, self._compare = load, save, compare
        self._shown_for: tuple[int, CheckerKind] | None = None  # the year and checker the answers shown are for
        self._shown: tuple = ()  # the answers as loaded or last saved: anything else is typing not saved
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Organisation self-check"))
        self.resize(980, 720)
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, fiscal_year(self.today))
        self.year.setValue(fiscal_year(self.today))
        self.year.setToolTip(self.tr("The fiscal year (年度, April to March) the answers are for"))
        self.year_name = QLabel()
        self.kind = QComboBox()
        for kind, label in checker_kind_labels().items():
            self.kind.addItem(label, kind)
        self.checker_name = QLineEdit()
        self.checker_name.setPlaceholderText(self.tr("Who answered (optional)"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A remark on the whole list (optional)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        head = QFormLayout()
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_name, 1)
        head.addRow(self.tr("Year"), year_row)
        head.addRow(self.tr("Checker"), self.kind)
        head.addRow(self.tr("Name"), self.checker_name)
        head.addRow(self.tr("Remark"), self.note)

        self.boxes: dict[str, QCheckBox] = {}
        self.item_notes: dict[str, QLineEdit] = {}
        self.scores: dict[int, QLabel] = {}
        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        purpose = QLabel(f"{TITLE}\n{PURPOSE}")
        purpose.setWordWrap(True)
        sheet_layout.addWidget(purpose)
        for mechanism in MECHANISMS:
            group = QGroupBox(f"{'①②③④'[mechanism.number - 1]} {mechanism.title}")
            grid = QGridLayout(group)
            grid.setColumnStretch(1, 1)
            for row, item in enumerate(items_of(mechanism.number)):
                box = QCheckBox(item.id)
                box.setAccessibleName(item.text)
                box.setToolTip(item.text)
                text = QLabel(item.text)
                text.setWordWrap(True)
                text.setBuddy(box)
                note = QLineEdit()
                note.setPlaceholderText(self.tr("note"))
                note.setMaximumWidth(220)
                box.toggled.connect(self._update_scores)
                grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(text, row, 1)
                grid.addWidget(note, row, 2, Qt.AlignmentFlag.AlignTop)
                self.boxes[item.id] = box
                self.item_notes[item.id] = note
            score = QLabel()
            grid.addWidget(score, len(items_of(mechanism.number)), 1)
            self.scores[mechanism.number] = score
            sheet_layout.addWidget(group)
        scroll = QScrollArea()
        scroll.setWidget(sheet)
        scroll.setWidgetResizable(True)
        answer_tab = QWidget()
        answer_layout = QVBoxLayout(answer_tab)
        answer_layout.addLayout(head)
        answer_layout.addWidget(scroll, 1)
        answer_layout.addWidget(self.status)

        self.comparison = QTableWidget()
        self.comparison.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.comparison.setWordWrap(True)
        self.comparison.verticalHeader().setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        compare_tab = QWidget()
        compare_layout = QVBoxLayout(compare_tab)
        compare_layout.addWidget(self.summary)
        compare_layout.addWidget(self.comparison, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(answer_tab, self.tr("Answer"))
        self.tabs.addTab(compare_tab, self.tr("Compare years"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save answers"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.year.valueChanged.connect(lambda _v: self._switch())
        self.kind.currentIndexChanged.connect(lambda _i: self._switch())
        self.tabs.currentChanged.connect(lambda i: self.refresh_comparison() if i == 1 else None)
        self.reload()

    # ------------------------------------------------------------------ answering

    def current_kind(self) -> CheckerKind:
        return CheckerKind(self.kind.currentData())

    def choose(self, year: int, kind: CheckerKind) -> None:
        if not self._may_leave():
            return
        self._set_controls(year, kind)
        self.reload()

    def _set_controls(self, year: int, kind: CheckerKind) -> None:
        for widget in (self.year, self.kind):
            widget.blockSignals(True)
        self.year.setValue(year)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        for widget in (self.year, self.kind):
            widget.blockSignals(False)

    def _switch(self) -> None:
        """Another year or checker chosen: ticks not saved are saved first, thrown away, or kept (the choice
        goes back) as the user says; never lost without a word."""
        if self._may_leave():
            self.reload()
        elif self._shown_for is not None:
            self._set_controls(*self._shown_for)

    def _typed(self) -> tuple:
        return (frozenset(i for i, box in self.boxes.items() if box.isChecked()),
                tuple(e.text().strip() for e in self.item_notes.values()),
                self.checker_name.text().strip(), self.note.text().strip())

    def has_unsaved_answers(self) -> bool:
        return self._typed() != self._shown

    def _may_leave(self) -> bool:
        """True when the answers shown may go: nothing typed, or saved, or thrown away on purpose."""
        if not self.has_unsaved_answers() or self._shown_for is None:
            return True
        year, kind = self._shown_for
        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("The answers for {year}, {checker} are not saved. Save them first?").format(
                year=year_label(year), checker=checker_kind_labels()[kind]),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save() is not None
        if answer == Button.Discard:
            self._shown = self._typed()  # thrown away: asked once
            return True
        return False

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self._may_leave():
            super().closeEvent(event)
        else:
            event.ignore()

    def reject(self) -> None:  # Close, Escape
        if self._may_leave():
            super().reject()

    def reload(self) -> None:
        """Show what is kept for the chosen year and checker (an empty list when nothing is)."""
        self._shown_for = (self.year.value(), self.current_kind())
        self.year_name.setText(year_label(self.year.value()))
        view = self._load(self.year.value(), self.current_kind())
        answers = {a.item.id: a for a in view.answers} if view else {}
        for item_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(answers.get(item_id) and answers[item_id].checked))
            box.blockSignals(False)
            self.item_notes[item_id].setText(answers[item_id].note if item_id in answers else "")
        self.checker_name.setText(view.checker_name if view else "")
        self.note.setText(view.note if view else "")
        if view is None:
            self.status.setText(self.tr("Not answered yet for this year and checker."))
        else:
            self.status.setText(self.tr("Answered on {date}.").format(
                date=format_date(view.answered_on, wareki=self.wareki) if view.answered_on else "—"))
        self._update_scores()
        self._shown = self._typed()

    def _update_scores(self) -> None:
        for mechanism in MECHANISMS:
            ids = [item.id for item in items_of(mechanism.number)]
            ticked = sum(self.boxes[i].isChecked() for i in ids)
            self.scores[mechanism.number].setText(
                self.tr("{ticked} of {items} in place").format(ticked=ticked, items=len(ids)))

    def fields(self) -> SelfCheckFields:
        """The answers shown, for the year and checker they were loaded for."""
        year, kind = self._shown_for or (self.year.value(), self.current_kind())
        return SelfCheckFields(
            year=year, checker_kind=kind,
            checked=[i for i, box in self.boxes.items() if box.isChecked()],
            item_notes={i: e.text() for i, e in self.item_notes.items() if e.text().strip()},
            checker_name=self.checker_name.text(), answered_on=self.today, note=self.note.text())

    def save(self) -> SelfCheckView | None:
        saved = self._save(self.fields())
        if saved is not None:
            self._shown = self._typed()
            self.status.setText(self.tr("Saved: {ticked} of {items} items in place.").format(
                ticked=saved.score()[0], items=len(ITEMS)))
        return saved

    # ------------------------------------------------------------------ comparing

    def refresh_comparison(self) -> YearComparison:
        """Every answered year of the chosen checker side by side, oldest first, with what changed."""
        result = self._compare(self.current_kind())
        years = result.years
        headers = [self.tr("Item"), *[year_label(y) for y in years], self.tr("Since the year before")]
        rows: list[list[str]] = []
        for mechanism in MECHANISMS:
            scores = result.mechanism_scores[mechanism.number]
            size = len(items_of(mechanism.number))
            rows.append([f"{'①②③④'[mechanism.number - 1]} {mechanism.title}",
                         *[("—" if s is None else f"{s} / {size}") for s in scores], ""])
        for comparison in result.items:
            rows.append([f"{comparison.item.id} {comparison.item.text}",
                         *[("—" if v is None else ("✓" if v else "")) for v in comparison.by_year],
                         trend_text(comparison.trend)])
        rows.append([self.tr("Total"), *[("—" if t is None else f"{t} / {len(ITEMS)}") for t in result.totals], ""])
        self.comparison.clear()
        self.comparison.setRowCount(len(rows))
        self.comparison.setColumnCount(len(headers))
        self.comparison.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = QTableWidgetItem(text)
                if c > 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.comparison.setItem(r, c, cell)
        header = self.comparison.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.comparison.resizeRowsToContents()
        kind = checker_kind_labels()[result.checker_kind]
        if not years:
            self.summary.setText(self.tr("{checker}: no year answered yet.").format(checker=kind))
        elif len(years) == 1:
            self.summary.setText(self.tr("{checker}: only {year} is answered; answer another year to compare.")
                                 .format(checker=kind, year=year_label(years[0])))
        else:
            self.summary.setText(self.tr("{checker}, since the year before: newly in place {improved}, no longer "
                                         "in place {worsened}.").format(
                checker=kind, improved=len(result.improved()), worsened=len(result.worsened())))
        return result

