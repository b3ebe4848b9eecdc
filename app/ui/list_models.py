"""Long lists as item models: one table model over frozen views, a proxy that filters on folded text, and
the list view the panels use (smooth at thousands of rows; selection kept by id across refreshes)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.core.text import fold, search_key

ROLE_ID = Qt.ItemDataRole.UserRole  # the row's key (a view's id) on every cell
ROLE_VIEW = Qt.ItemDataRole.UserRole + 1  # the frozen view itself
ROLE_FILTER = Qt.ItemDataRole.UserRole + 2  # what ViewFilterProxy's filter matches (see there)
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ARRIVAL = -1  # "sorted" by no column: the order the rows came in (map-number order from the services)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its header (called at display time, so it goes through tr()), the cell's text, how it
    sorts (the text when not given), alignment, tooltip, and a sample text the initial width fits."""

    header: Callable[[], str]
    value: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[Any], str] | None = None
    width_sample: str = ""


def natural_key(text: str) -> tuple[int, Any]:
    """Numbers as numbers ("9" before "10"), other text by its folded form."""
    return (0, int(text)) if text.isdigit() else (1, fold(text))


class ViewTableModel(QAbstractTableModel):
    """Rows of frozen views under ``columns``, keyed by ``key`` (the view's id unless told otherwise)."""

    def __init__(self, columns: Sequence[Column], *, key: Callable[[Any], Hashable] = attrgetter("id"),
                 bold: Callable[[Any], bool] | None = None,
                 search: Callable[[Any], Iterable[str | None]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._key, self._bold, self._search = key, bold, search
        self._rows: list[Any] = []  # in display order
        self._arrival: dict[Hashable, int] = {}  # key -> position in the order the rows came in
        self._row_of: dict[Hashable, int] = {}
        self._folded: dict[Hashable, str] = {}  # key -> folded search text, made when first filtered
        self._sort_keys: dict[Hashable, Any] = {}  # key -> the sort column's key, made when first sorted
        self._next_arrival = 0
        self._sort_column, self._sort_order = ARRIVAL, Qt.SortOrder.AscendingOrder
        # Set by ViewFilterProxy: the panel's own test of a view, and whether the filter matches text too.
        self.filter_accept: Callable[[Any], bool] | None = None
        self.filter_text = False

    # ------------------------------------------------------------------ reading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(view)
        if role == ROLE_ID:
            return self._key(view)
        if role == ROLE_VIEW:
            return view
        if role == ROLE_FILTER:  # "" for a view the panel's test rejects, else a mark and the folded text
            if self.filter_accept is not None and not self.filter_accept(view):
                return ""
            return "\x01" + self.folded(index.row()) if self.filter_text else "\x01"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(view)
        if role == Qt.ItemDataRole.FontRole and self._bold is not None and self._bold(view):
            font = QFont()  # only the weight is set: the rest comes from the view (large text scales it)
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align.value)
        return None

    def key_of(self, view: Any) -> Hashable:
        return self._key(view)

    def row_of(self, key: Hashable) -> int | None:
        return self._row_of.get(key)

    def view_at(self, where: int | Index) -> Any:
        row = where if isinstance(where, int) else where.row()
        return self._rows[row]

    def views(self) -> list[Any]:
        return list(self._rows)

    def folded(self, row: int) -> str:
        """The row's text folded for search (kana- and width-insensitive), made once per version of the row."""
        view = self._rows[row]
        key = self._key(view)
        text = self._folded.get(key)
        if text is None:
            parts = self._search(view) if self._search else (c.value(view) for c in self.columns)
            text = self._folded[key] = search_key(*parts)
        return text

    # ------------------------------------------------------------------ changing

    def set_rows(self, rows: Iterable[Any]) -> None:
        """Show ``rows``. The same keys in the same order only change cells (the selection stays as it
        is); anything else resets the model."""
        rows = list(rows)
        keys = list(map(self._key, rows))
        if self._folded or self._sort_keys:  # nothing cached (a first fill, after a clear): nothing to keep
            old = {self._key(v): v for v in self._rows}
            same = {k for k, v in zip(keys, rows, strict=True) if old.get(k) == v}  # read again, unchanged
            self._folded = {k: t for k, t in self._folded.items() if k in same}
            self._sort_keys = {k: t for k, t in self._sort_keys.items() if k in same}
        if keys == self._keys_in_arrival_order() and rows:
            self._arrival = dict(zip(keys, range(len(keys))))
            by_key = dict(zip(keys, rows, strict=True))
            self._rows = [by_key[self._key(v)] for v in self._rows]
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
            if self._sort_column != ARRIVAL:
                self.sort(self._sort_column, self._sort_order)
            return
        self.beginResetModel()
        self._rows = rows
        self._arrival = dict(zip(keys, range(len(keys))))
        self._next_arrival = len(rows)
        if self._sort_column == ARRIVAL:  # the rows came in that order: no sort, and the keys are known
            self._row_of = dict(self._arrival)
        else:
            self._sort_rows()
        self.endResetModel()

    def upsert(self, view: Any) -> int:
        """Add or replace one row (keyed by id); the other rows and the selection are left as they are."""
        key = self._key(view)
        self._folded.pop(key, None)
        self._sort_keys.pop(key, None)
        row = self._row_of.get(key)
        if row is not None:
            self._rows[row] = view
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            if self._sort_column != ARRIVAL:
                self.sort(self._sort_column, self._sort_order)
            return self._row_of[key]
        self._arrival[key] = self._next_arrival
        self._next_arrival += 1
        sort_key = self._sorter()
        new = sort_key(view)
        row = len(self._rows)
        if self._sort_column != ARRIVAL:  # where it belongs among the sorted rows
            before = (lambda other: sort_key(other) > new) if self._sort_order == Qt.SortOrder.AscendingOrder \
                else (lambda other: sort_key(other) < new)
            row = next((i for i, other in enumerate(self._rows) if before(other)), row)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, view)
        self._reindex()
        self.endInsertRows()
        return row

    def remove(self, key: Hashable) -> bool:
        row = self._row_of.get(key)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._arrival.pop(key, None)
        self._folded.pop(key, None)
        self._sort_keys.pop(key, None)
        self._reindex()
        self.endRemoveRows()
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's sort key (``ARRIVAL``: the order the rows came in), in Python: one pass."""
        if column != self._sort_column:
            self._sort_keys.clear()
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_keys = [self._key(self._rows[i.row()]) if i.isValid() else None for i in old]
        self._sort_rows()
        new = [self.index(self._row_of[k], i.column()) if k in self._row_of else QModelIndex()
               for k, i in zip(old_keys, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return self._sort_column

    def _sorter(self) -> Callable[[Any], Any]:
        if self._sort_column == ARRIVAL or not 0 <= self._sort_column < len(self.columns):
            return lambda v: self._arrival.get(self._key(v), 0)
        column = self.columns[self._sort_column]
        column_key = column.sort_key or (lambda v: natural_key(column.value(v)))
        cache = self._sort_keys

        def key(v: Any) -> tuple[Any, int]:
            k = self._key(v)
            sort_key = cache.get(k)
            if sort_key is None:
                sort_key = cache[k] = column_key(v)
            return sort_key, self._arrival.get(k, 0)  # ties keep the order they came in

        return key

    def _sort_rows(self) -> None:
        self._rows.sort(key=self._sorter(), reverse=self._sort_order == Qt.SortOrder.DescendingOrder
                        and self._sort_column != ARRIVAL)
        self._reindex()

    def _reindex(self) -> None:
        self._row_of = {self._key(v): i for i, v in enumerate(self._rows)}

    def _keys_in_arrival_order(self) -> list[Hashable]:
        return sorted(self._arrival, key=self._arrival.__getitem__)


class ViewFilterProxy(QSortFilterProxyModel):
    """Filters a ViewTableModel by folded text (ひらがな finds カタカナ, full width finds half) and by a
    panel's own test of the view (地区, status, only the gaps…); sorting is left to the source model.

    Qt's own filter does it, on the model's ``ROLE_FILTER`` (a mark, then the row's folded text, or "" when the
    panel's test rejects the view), with an expression that asks for the mark and the text. With no filter the
    expression is empty and Qt asks nothing per row: a Python ``filterAcceptsRow`` was called for every row of
    every fill (a city's three lists: 23,000 calls from C++ into Python).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._accept: Callable[[Any], bool] | None = None
        self.setDynamicSortFilter(True)  # a changed row is filtered again
        self.setFilterRole(ROLE_FILTER)
        self.setFilterKeyColumn(0)

    def source(self) -> ViewTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def set_text(self, text: str) -> None:
        needle = fold(text)
        if needle != self._needle:
            self._needle = needle
            self._refilter()

    def set_predicate(self, accept: Callable[[Any], bool] | None) -> None:
        self._accept = accept
        self._refilter()

    def text(self) -> str:
        return self._needle

    def _refilter(self) -> None:
        source = self.source()
        source.filter_accept, source.filter_text = self._accept, bool(self._needle)
        pattern = "" if self._accept is None and not self._needle else (
            r"^\x01" + (".*" + QRegularExpression.escape(self._needle) if self._needle else ""))
        if pattern != self.filterRegularExpression().pattern():  # Qt filters the rows again itself
            self.setFilterRegularExpression(
                QRegularExpression(pattern, QRegularExpression.PatternOption.DotMatchesEverythingOption))
            return
        # One pass over the rows, without resetting the view (the current row stays when it still shows).
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt before 6.10
            self.invalidateRowsFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)  # the proxy keeps the source's order: a Python sort, not lessThan


class ViewList(QTableView):
    """A long list of views: uniform rows, whole-row selection, Enter/double-click, filtering by text.

    ``chosen`` is emitted when the user (or ``choose``) makes another row current, never while the list is
    being filled or filtered: the panel then shows what is current itself (as QListWidget with its signals
    blocked did).
    """

    chosen = Signal(object)  # the key of the current row, or None
    activated_key = Signal(object)  # Enter or double-click on a row

    def __init__(self, columns: Sequence[Column], *, key: Callable[[Any], Hashable] = attrgetter("id"),
                 bold: Callable[[Any], bool] | None = None,
                 search: Callable[[Any], Iterable[str | None]] | None = None, parent: QWidget | None = None,
                 min_rows: int = 0) -> None:
        super().__init__(parent)
        self.min_rows = min_rows  # rows always shown (in the text size of the day): a page around it scrolls instead
        self.source = ViewTableModel(columns, key=key, bold=bold, search=search, parent=self)
        self.proxy = ViewFilterProxy(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self._quiet = 0
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows, Home/End and PgUp/PgDn move in it
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform heights: no row is measured
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self._fit_samples()
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        # Double-click or Enter, on every platform (``activated`` is a single click under some styles).
        self.doubleClicked.connect(lambda index: self.activated_key.emit(index.data(ROLE_ID)))

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self.chosen.emit(current.data(ROLE_ID) if current.isValid() else None)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_key.emit(self.current_id())
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:  # large text: rows and columns grow with it
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
            self._fit_samples()  # (kept at the normal size, they cut every name of the roll call in large text)
            self.updateGeometry()

    def _fit_samples(self) -> None:
        """The columns with a sample as wide as it is in the list's font."""
        for i, column in enumerate(self.source.columns):
            if column.width_sample:
                self.setColumnWidth(i, self.fontMetrics().horizontalAdvance(column.width_sample) + 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        if not self.min_rows:
            return hint
        height = (self.horizontalHeader().sizeHint().height() + self.min_rows * self.verticalHeader().defaultSectionSize()
                  + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth())
        return QSize(hint.width(), max(hint.height(), height))

    # ------------------------------------------------------------------ what is shown

    def current_id(self) -> Hashable | None:
        index = self.currentIndex()
        return index.data(ROLE_ID) if index.isValid() else None

    def current_view(self) -> Any:
        index = self.currentIndex()
        return index.data(ROLE_VIEW) if index.isValid() else None

    def view_of(self, key: Hashable | None) -> Any:
        """The listed view with ``key`` (shown or filtered out), or None: the list's own index, so a panel keeps no
        dict of its own (a city's fill hashed every id once more per panel)."""
        row = self.source.row_of(key) if key is not None else None
        return None if row is None else self.source.view_at(row)

    def count(self) -> int:
        """How many rows show (after filtering)."""
        return self.proxy.rowCount()

    def visible_views(self) -> list[Any]:
        return [self.proxy.index(r, 0).data(ROLE_VIEW) for r in range(self.proxy.rowCount())]

    def visible_ids(self) -> list[Hashable]:
        return [self.proxy.index(r, 0).data(ROLE_ID) for r in range(self.proxy.rowCount())]

    def visible_rows(self) -> list[list[str]]:
        """The cells' texts as shown, row by row (after filtering and sorting)."""
        columns = range(self.proxy.columnCount())
        return [[self.proxy.index(r, c).data() or "" for c in columns] for r in range(self.proxy.rowCount())]

    def current_row(self) -> list[str]:
        row = self.currentIndex().row()
        return [] if row < 0 else [self.proxy.index(row, c).data() or "" for c in range(self.proxy.columnCount())]

    def has(self, key: Hashable) -> bool:
        """Whether ``key`` is in the list at all (shown or filtered out)."""
        return self.source.row_of(key) is not None

    # ------------------------------------------------------------------ changing

    def choose(self, key: Hashable) -> bool:
        """Make ``key`` the current row (emits ``chosen``); False when it is not shown."""
        index = self._proxy_index(key)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def fill(self, views: Iterable[Any], keep: Hashable | None) -> bool:
        """Show ``views`` without emitting; keep ``keep`` current. True when it is still shown."""
        with self._quietly():
            self.source.set_rows(views)
            return self._keep(keep)

    def upsert(self, view: Any) -> None:
        """One row added or changed; the current row stays current."""
        keep = self.current_id()
        with self._quietly():
            self.source.upsert(view)
            self._keep(keep)

    def remove(self, key: Hashable) -> bool:
        keep = self.current_id()
        with self._quietly():
            removed = self.source.remove(key)
            self._keep(keep)
        return removed

    def set_filter_text(self, text: str) -> bool:
        """Show only rows whose folded text contains ``text``; True when the current row still shows."""
        keep = self.current_id()
        with self._quietly():
            self.proxy.set_text(text)
            return self._keep(keep)

    def set_filter(self, accept: Callable[[Any], bool] | None) -> bool:
        """Show only rows whose view passes ``accept``; True when the current row still shows."""
        keep = self.current_id()
        with self._quietly():
            self.proxy.set_predicate(accept)
            return self._keep(keep)

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (``ARRIVAL``: as the rows came); the current row stays current."""
        keep = self.current_id()
        with self._quietly():
            self.source.sort(column, order)
            self._keep(keep)

    def _proxy_index(self, key: Hashable | None) -> QModelIndex:
        row = self.source.row_of(key) if key is not None else None
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.source.index(row, 0))

    def _keep(self, key: Hashable | None) -> bool:
        index = self._proxy_index(key)
        if index.isValid():
            if self.currentIndex() != index or not self.selectionModel().isSelected(index):
                self.setCurrentIndex(index)
            return True
        # Qt moves the current row to a neighbour when it goes; nothing is current instead.
        self.selectionModel().clear()
        return False
