"""The 災害対策本部's projector view of a safety check: counts per status and per 地区, in large high-contrast
type. It is given counts only (``DistrictCount``): no name, map number, phone or address of any person ever
reaches it. Its own top-level window, full screen on a second screen when there is one (the projector), else on
the window's screen like the meeting display; Esc does not close it by accident, the Close button does."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from app.models.safety import SafetyStatus
from app.safety.views import STATUS_COLORS, STATUS_LABELS, DistrictCount, IncidentView

translate = QCoreApplication.translate
# Points of the table's type: 8 pt on an 800 × 600 projector is still about 3 cm high on the wall
_LARGEST, _SMALLEST = 26, 8
_TIGHTER = 10  # pixels a tight row saves: 1 px above and below its text instead of 6
_TITLE_PAD = 40  # the title's padding (6px 14px) and Qt's margins around a label's text


def _table_style(points: int, *, tight: bool = False) -> str:
    """The table's type at this size; less room beside a text than the view's other labels (8 columns share an
    800 px projector: 14 px a side left the type at 11 pt), and less above and below when the rows need it."""
    return f"QLabel {{ font-size: {points}pt; padding: {1 if tight else 6}px 8px; }}"


def _two_lines(text: str) -> str:
    """A status heading broken where a reader breaks it: before 「（」, else after the first 「・」; else whole."""
    if "（" in text[1:]:
        head, _, tail = text.partition("（")
        return f"{head}\n（{tail}"
    head, dot, tail = text.partition("・")
    return f"{head}{dot}\n{tail}" if dot and tail else text


_STYLE = """
QWidget#safetyProjector { background: #000; }
QWidget#safetyProjector QLabel { color: #fff; font-size: 26pt; font-weight: bold; padding: 6px 14px; }
QWidget#safetyProjector QLabel#projectorTitle { font-size: 34pt; color: #ffd400; }
QWidget#safetyProjector QLabel#projectorNote { font-size: 16pt; font-weight: normal; color: #ddd; }
QWidget#safetyProjector QLabel[total="true"] { border-top: 4px solid #fff; }
QWidget#safetyProjector QPushButton { font-size: 18pt; padding: 8px 20px; color: #000; background: #fff;
                                      border: 3px solid #fff; }
QWidget#safetyProjector QPushButton:focus { border: 3px solid #ffd400; }
""" + "".join(  # each status's heading with a bar in its colour, as its ring on the map
    f'QWidget#safetyProjector QLabel[status="{status.value}"] {{ border-top: 8px solid {color}; }}\n'
    for status, color in STATUS_COLORS.items())


class SafetyProjector(QWidget):
    """Counts only: the title, one row per 地区 and a total row, one column per status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("safetyProjector")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(translate("SafetyPanel", "Safety check — 災害対策本部"))
        self.title = QLabel()
        self.title.setObjectName("projectorTitle")
        self.note = QLabel()
        self.note.setObjectName("projectorNote")
        self.note.setWordWrap(True)  # the time of the last update must never be cut off
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(0)
        self.grid.setVerticalSpacing(0)  # the labels' padding spaces the rows: _fit measures it
        self.close_button = QPushButton(translate("SafetyPanel", "Close the projector view"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        # The screen sets the size, never the text: _fit makes the text fit it (a minimum size from the text made
        # the window wider than an 800 px projector, its right side and the Close button off the screen).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.title)
        layout.addWidget(self.grid_host, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)

    def show_counts(self, incident: IncidentView | None, districts: list[DistrictCount], at: datetime) -> None:
        """Draw the table anew from counts (never from rows of persons)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        if incident is None:
            self.title.setText(translate("SafetyPanel", "No incident is open."))
            self.note.setText("")
            return
        self.title.setText(translate("SafetyPanel", "Safety check: {name}").format(name=incident.name))
        self.note.setText(translate("SafetyPanel", "Counts of persons needing support, no names. Updated {time}.")
                          .format(time=at.astimezone().strftime("%H:%M:%S")))
        statuses = list(SafetyStatus)
        self._cell(0, 0, translate("SafetyPanel", "District"))
        for c, status in enumerate(statuses, start=1):
            self._cell(0, c, STATUS_LABELS[status], status=status)
        self._cell(0, len(statuses) + 1, translate("SafetyPanel", "Total"))
        for r, district in enumerate(districts, start=1):
            self._cell(r, 0, district.district_name)
            for c, status in enumerate(statuses, start=1):
                self._cell(r, c, str(district.counts.get(status, 0)), right=True)
            self._cell(r, len(statuses) + 1, str(district.total), right=True)
        last = len(districts) + 1
        self._cell(last, 0, translate("SafetyPanel", "Total"), total=True)
        for c, status in enumerate(statuses, start=1):
            self._cell(last, c, str(sum(d.counts.get(status, 0) for d in districts)), right=True, total=True)
        self._cell(last, len(statuses) + 1, str(sum(d.total for d in districts)), right=True, total=True)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The type as large as the screen allows, every word whole whatever the projector's size (800 × 600 too).

        Qt's own wrapping broke Japanese words anywhere (「味真野地／区」「無事（自／宅）」), so nothing here wraps by
        itself: each size is measured, largest first, with the status headings on one line and then broken at their
        「・」 or 「（」 (「要支援・／要救助」); the first at which every column fits the width and every row the height is
        used. The title shrinks to one line the same way."""
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right()
        self._fit_title(width)
        labels = [(label, label.property("whole") or label.text(), label.property("broken") or label.text())
                  for label in self.grid_host.findChildren(QLabel)]
        if not labels:
            return
        columns = max(1, self.grid.columnCount())
        for c in range(columns):
            self.grid.setColumnStretch(c, 1)
        inner = self.grid.contentsMargins()
        width -= inner.left() + inner.right()
        height = (self.height() - margins.top() - margins.bottom() - inner.top() - inner.bottom()
                  - 2 * self.layout().spacing() - 8 - 4  # the headings' top bar, the total row's line
                  - self.title.sizeHint().height() - max(self.note.sizeHint().height(),
                                                         self.close_button.sizeHint().height()))
        positions = {label: self.grid.getItemPosition(self.grid.indexOf(label))[:2] for label, _, _ in labels}
        # A label's own room around its text (the style sheet's padding and Qt's margins), measured once as shown
        sample = labels[0][0]
        sample.setStyleSheet(_table_style(_SMALLEST))
        sample.ensurePolished()
        shown = QFontMetricsF(sample.font())
        lines = sample.text().split("\n")
        pad = (sample.sizeHint().width() - max(shown.horizontalAdvance(line) for line in lines) + 2,
               sample.sizeHint().height() - len(lines) * shown.lineSpacing() + 2)
        # Then with less room above and below each text (the 17 地区 of a city on an 800 × 600 projector)
        ways = ((False, False), (True, False), (False, True), (True, True))  # (headings broken, rows tight)
        chosen = (_SMALLEST, True, True)
        for points in range(_LARGEST, _SMALLEST - 1, -1):
            fit = next(((broken, tight) for broken, tight in ways if self._fits(
                labels, positions, points, broken, (width, height), (pad[0], pad[1] - _TIGHTER * tight))), None)
            if fit is not None:
                chosen = (points, *fit)
                break
        points, broken, tight = chosen
        for label, whole, split in labels:
            label.setText(split if broken else whole)
            label.setStyleSheet(_table_style(points, tight=tight))

    def _fits(self, labels: list, positions: dict, points: int, broken: bool, room: tuple[int, int],
              pad: tuple[float, float]) -> bool:
        font = QFont(self.grid_host.font())
        font.setBold(True)
        font.setPointSize(points)
        metrics = QFontMetricsF(font)
        columns: dict[int, float] = {}
        rows: dict[int, float] = {}
        for label, whole, split in labels:
            lines = (split if broken else whole).split("\n")
            row, column = positions[label]
            columns[column] = max(columns.get(column, 0.0),
                                  max(metrics.horizontalAdvance(line) for line in lines) + pad[0])
            rows[row] = max(rows.get(row, 0.0), len(lines) * metrics.lineSpacing() + pad[1])
        return sum(columns.values()) <= room[0] and sum(rows.values()) <= room[1]

    def _fit_title(self, width: int) -> None:
        """The incident's name on one line: smaller type before a word is broken (wrapped only past 16 pt)."""
        font = QFont(self.title.font())
        for points in range(34, 15, -1):
            font.setPointSize(points)
            if QFontMetricsF(font).horizontalAdvance(self.title.text()) + _TITLE_PAD <= width:
                break
        self.title.setWordWrap(points == 16)
        self.title.setStyleSheet(f"QLabel {{ font-size: {points}pt; }}")

    def labels(self) -> list[QLabel]:
        """Every text shown (what a test scans for names)."""
        return self.findChildren(QLabel)

    def present(self, beside: QWidget | None = None) -> None:
        """Full screen on a screen other than the window's when there is one (the projector), else on it."""
        screens = QGuiApplication.screens()
        own = beside.screen() if beside is not None else QGuiApplication.primaryScreen()
        target = next((s for s in screens if s is not own), own)
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.availableGeometry())
        self.showFullScreen()
        self.raise_()

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.key() == Qt.Key.Key_Escape:  # as the meeting display: only the button closes it
            event.accept()
            return
        super().keyPressEvent(event)

    def _cell(self, row: int, column: int, text: str, *, status: SafetyStatus | None = None, right: bool = False,
              total: bool = False) -> None:
        label = QLabel(text)
        label.setWordWrap(False)  # never broken inside a word: _fit chooses the type's size to make it fit
        if status is not None:  # the heading's two lines, when the type is larger so: 「要支援・」「要救助」, 「無事」「（自宅）」
            label.setProperty("whole", text)
            label.setProperty("broken", _two_lines(text))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if right
                           else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if status is not None:  # marked in the status's colour: a bar along its top (the style sheet's [status=…] rules)
            label.setProperty("status", status.value)
        if total:
            label.setProperty("total", True)
        self.grid.addWidget(label, row, column)
