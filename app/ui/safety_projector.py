"""The 災害対策本部's projector view of a safety check: counts per status and per 地区, in large high-contrast
type. It is given counts only (``DistrictCount``): no name, map number, phone or address of any person ever
reaches it. Its own top-level window, full screen on a second screen when there is one (the projector), else on
the window's screen like the meeting display; Esc does not close it by accident, the Close button does."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models.safety import SafetyStatus
from app.safety.views import STATUS_COLORS, STATUS_LABELS, DistrictCount, IncidentView

translate = QCoreApplication.translate
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
        self.close_button = QPushButton(translate("SafetyPanel", "Close the projector view"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
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
        """The table's type as large as the screen allows, every text whole whatever the projector's width: the
        columns share it equally, five characters a line (要支援・要救助 wraps onto a second)."""
        columns = max(1, self.grid.columnCount())
        for c in range(columns):
            self.grid.setColumnStretch(c, 1)
        per_column = self.width() / columns - 28  # the labels' padding
        points = max(11, min(26, int(per_column / 5 / 1.4)))
        for label in self.grid_host.findChildren(QLabel):
            label.setStyleSheet(f"QLabel {{ font-size: {points}pt; }}")

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
        label.setWordWrap(not right)  # a long name wraps rather than being cut
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if right
                           else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if status is not None:  # marked in the status's colour: a bar along its top (the style sheet's [status=…] rules)
            label.setProperty("status", status.value)
        if total:
            label.setProperty("total", True)
        self.grid.addWidget(label, row, column)
