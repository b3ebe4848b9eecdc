"""The priority list of individual evacuation plans: whose plan comes first, with the reason; filtered by
地区 and 民生委員 (an item model with a proxy, app/ui/list_models.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.plans.priority import PriorityRow
from app.ui.dialogs import combo_index
from app.ui.list_models import RIGHT, Column, ViewList

translate = QCoreApplication.translate
TOWN_COLUMN = 2


def columns() -> list[Column]:
    return [
        Column(lambda: translate("PlansPanel", "Rank"), lambda r: str(r.rank), lambda r: r.rank, RIGHT,
               width_sample="999"),
        Column(lambda: translate("PlansPanel", "Score"), lambda r: f"{r.score:g}", lambda r: -r.score, RIGHT,
               width_sample="99.9"),
        Column(lambda: translate("PlansPanel", "Town"), lambda r: r.town_name, width_sample="粟田部町"),
        Column(lambda: translate("PlansPanel", "No."), lambda r: str(r.map_number), lambda r: r.map_number, RIGHT,
               width_sample="999"),
        Column(lambda: translate("PlansPanel", "Name"), lambda r: r.name, width_sample="長谷川　美智子"),
        Column(lambda: translate("PlansPanel", "Plan"),
               lambda r: translate("PlansPanel", "made") if r.has_plan else translate("PlansPanel", "not yet"),
               width_sample="not yet"),
        Column(lambda: translate("PlansPanel", "Why"), lambda r: r.reason, tooltip=lambda r: r.reason),
    ]


class PlansPanel(QWidget):
    """Whose plan comes first: the list, its filters, and what to do with the chosen person."""

    open_plan = Signal(object)  # person id
    filters_changed = Signal()
    export_pdf = Signal()
    export_excel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = QComboBox()
        self.commissioner = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a name"))
        self.list = ViewList(columns(), search=lambda r: (r.name, r.kana, r.town_name, r.reason))
        # The chosen person's reason in full, wrapped: the Why column is the last and seldom fits a dock.
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # one line, it held the dock 500 px wide in large Japanese text
        self.open_button = QPushButton(self.tr("Open the plan"))
        pdf = QPushButton(self.tr("Plans as PDF…"))
        excel = QPushButton(self.tr("Plans as Excel…"))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("District")))
        filters.addWidget(self.district, 1)
        filters.addWidget(QLabel(self.tr("Welfare commissioner")))
        filters.addWidget(self.commissioner, 1)
        buttons = QHBoxLayout()
        for b in (self.open_button, pdf, excel):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.district.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.commissioner.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.search.textChanged.connect(self.list.set_filter_text)
        self.open_button.clicked.connect(self._open_current)
        self.list.activated_key.connect(self.open_plan)
        self.list.chosen.connect(lambda _key: self._show_why())
        pdf.clicked.connect(self.export_pdf)
        excel.clicked.connect(self.export_excel)

    def set_choices(self, districts: list[tuple[str, object]], commissioners: list[str]) -> None:
        for combo, items in ((self.district, districts), (self.commissioner, [(c, c) for c in commissioners])):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)"), None)
            for label, value in items:
                combo.addItem(label, value)
            # by value: the 地区 chosen went back to (all) as soon as it was chosen with findData()
            combo.setCurrentIndex(max(0, combo_index(combo, keep, start=1)))
            combo.blockSignals(False)

    def show_rows(self, rows: list[PriorityRow]) -> None:
        self.list.fill(rows, self.list.current_id())
        # the town column only when the list holds more than one town
        self.list.setColumnHidden(TOWN_COLUMN, len({r.town_id for r in rows}) <= 1)
        self.fit_columns()
        self._show_why()
        without = sum(1 for r in rows if not r.has_plan)
        self.summary.setText(self.tr("{count} persons needing support, {without} without a plan yet").format(
            count=len(rows), without=without))

    def fit_columns(self) -> None:
        """Every column but Why as wide as its header and its longest text, in the font as it now is (large text
        included); Why takes the rest, cut short with its whole text in the tooltip and under the list."""
        gap = self.list.fontMetrics().horizontalAdvance("00")  # a number right-aligned does not run into the next text
        for column in range(self.list.model().columnCount() - 1):
            if not self.list.isColumnHidden(column):
                self.list.resizeColumnToContents(column)
                self.list.setColumnWidth(column, self.list.columnWidth(column) + gap)

    def _show_why(self) -> None:
        row = self.list.current_view()
        self.why.setText(f"{row.name}：{row.reason}" if row is not None else "")
        self.why.setVisible(row is not None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # large text: the columns grow with it, once the list and its
            QTimer.singleShot(0, self, self.fit_columns)  # header have the new font too (they hear of it after the panel)

    def _open_current(self) -> None:
        key = self.list.current_id()
        if key is not None:
            self.open_plan.emit(key)
