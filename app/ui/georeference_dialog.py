"""Tying a scanned town map to the ground in the window: click a point on the image, then the same place on a
geographic reference (shelters, 公民館, clinics, 大字・町丁目 points), a facility from a list, or typed latitude and
longitude; the table shows each pair's residual in metres and the RMS; Save stores the points as one undoable step.

The dialog is non-modal: the volunteer can look at the map window while placing points. The image is shown in
image pixels with y up from the bottom-left (the ledger's convention); the reference in a simple local projection
(metres east and north of the reference's centre), with no network.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.text import fold
from app.towns.georeference import ControlPoint, Georeference, fit
from app.ui.comfort import set_role
from app.ui.dialogs import error_text

translate = QCoreApplication.translate
METRES_PER_DEGREE = 111_320.0
CLICK_SLOP_PX = 5  # a press and release closer than this is a click, not a pan
PICK_RADIUS_PX = 14  # how near a click must be to a reference point to pick it
# Names are drawn once 1 km is at least 80 pixels wide (facilities) or 200 pixels (町丁目, which are many).
FACILITY_LABELS_FROM_PX_PER_M = 0.08
ADDRESS_LABELS_FROM_PX_PER_M = 0.2
POINT_COLOUR = QColor("#d00000")
PENDING_COLOUR = QColor("#ff8c00")


@dataclass(frozen=True)
class GeoPlace:
    """A place with known coordinates the user can tie an image point to."""

    name: str
    group: str  # what kind of place, as shown to the user (指定避難所, 公民館, 町丁目 …)
    lon: float
    lat: float
    facility: bool = True  # a facility from a reference layer (drawn larger) or an address's representative point


class _View(QGraphicsView):
    """A view that zooms with the wheel, pans with a drag, and reports plain clicks in scene coordinates."""

    clicked = Signal(QPointF, QPoint)  # scene position, viewport position
    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))  # owned by the view, so Python does not collect it
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setMinimumSize(320, 320)
        self._press: QPoint | None = None
        self._home: QRectF | None = None  # what to show until the user zooms or pans (kept on resizing)

    def wheelEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self._home = None
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        if self._home is not None:
            self.fit_all(self._home)

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)
        self.zoomed.emit()

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if self._press is not None and (pos - self._press).manhattanLength() > CLICK_SLOP_PX:
            self._home = None  # the user panned: keep their view
        if (self._press is not None and event.button() == Qt.MouseButton.LeftButton
                and (pos - self._press).manhattanLength() <= CLICK_SLOP_PX):
            self.clicked.emit(self.mapToScene(pos), pos)
        self._press = None

    def fit_all(self, rect: QRectF) -> None:
        self._home = QRectF(rect)
        self.resetTransform()
        if rect.width() > 0 and rect.height() > 0:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomed.emit()


def _marker(scene: QGraphicsScene, pos: QPointF, text: str, colour: QColor, size: float) -> list[QGraphicsItem]:
    """A numbered ring that keeps its size on screen whatever the zoom."""
    ring = QGraphicsEllipseItem(-size / 2, -size / 2, size, size)
    ring.setPen(QPen(colour, 3))
    ring.setBrush(QBrush(QColor(255, 255, 255, 90)))
    ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    ring.setPos(pos)
    ring.setZValue(10)
    label = QGraphicsSimpleTextItem(text)
    font = QFont()
    font.setBold(True)
    font.setPointSizeF(max(11.0, size / 2))
    label.setFont(font)
    label.setBrush(QBrush(colour))
    label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    label.setPos(pos)
    label.setZValue(11)
    # Beside the ring, so the ring's centre stays visible.
    label.setTransform(label.transform().translate(size / 2 + 2, -size))
    scene.addItem(ring)
    scene.addItem(label)
    return [ring, label]


class ImageView(_View):
    """The scanned town map in image pixels: x right, y up from the bottom-left corner."""

    pixel_clicked = Signal(float, float)

    def __init__(self, image: Path, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.width_px, self.height_px = width, height
        pixmap = QPixmap(str(image))
        if pixmap.isNull():  # unreadable now (moved, too large to decode): still let the points be placed
            pixmap = QPixmap(max(1, width), max(1, height))
            pixmap.fill(QColor("#f4f4f4"))
        item = self.scene().addPixmap(pixmap)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # Scene y runs down: the item is scaled to the image's own size in case the file changed.
        if pixmap.width() and pixmap.height():
            item.setScale(min(width / pixmap.width(), height / pixmap.height()))
        self.scene().setSceneRect(QRectF(0, 0, width, height))
        self._markers: list[QGraphicsItem] = []
        self.clicked.connect(self._on_clicked)

    def scene_pos(self, x: float, y: float) -> QPointF:
        return QPointF(x, self.height_px - y)

    def viewport_pos(self, x: float, y: float) -> QPoint:
        """Where a pixel of the image is on the screen (tests click there)."""
        return self.mapFromScene(self.scene_pos(x, y))

    def _on_clicked(self, scene: QPointF, _pos: QPoint) -> None:
        x, y = scene.x(), self.height_px - scene.y()
        if 0 <= x <= self.width_px and 0 <= y <= self.height_px:
            self.pixel_clicked.emit(x, y)

    def show_points(self, points: Sequence[ControlPoint], pending: tuple[float, float] | None, size: float) -> None:
        for item in self._markers:
            self.scene().removeItem(item)
        self._markers = []
        for i, p in enumerate(points):
            self._markers += _marker(self.scene(), self.scene_pos(p.x, p.y), str(i + 1), POINT_COLOUR, size)
        if pending is not None:
            self._markers += _marker(self.scene(), self.scene_pos(*pending), "?", PENDING_COLOUR, size)


class GeoView(_View):
    """The reference places on a plain background, in metres east and north of their centre (north up)."""

    place_clicked = Signal(object)  # GeoPlace

    def __init__(self, places: Sequence[GeoPlace], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QBrush(QColor("#eef3e8")))
        self.places = list(places)
        lats = [p.lat for p in self.places] or [35.9]
        lons = [p.lon for p in self.places] or [136.17]
        self.lat0, self.lon0 = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        self._k = math.cos(math.radians(self.lat0))
        self._labels: list[tuple[QGraphicsSimpleTextItem, bool]] = []  # (label, of a facility)
        self._markers: list[QGraphicsItem] = []
        self._draw_places()
        self.clicked.connect(self._on_clicked)
        self.zoomed.connect(self._show_labels_when_near)

    def scene_pos(self, lon: float, lat: float) -> QPointF:
        return QPointF((lon - self.lon0) * self._k * METRES_PER_DEGREE, -(lat - self.lat0) * METRES_PER_DEGREE)

    def viewport_pos(self, lon: float, lat: float) -> QPoint:
        return self.mapFromScene(self.scene_pos(lon, lat))

    def _draw_places(self) -> None:
        for place in self.places:
            size = 12 if place.facility else 7
            dot = QGraphicsEllipseItem(-size / 2, -size / 2, size, size)
            dot.setBrush(QBrush(QColor("#0057b8") if place.facility else QColor("#7a7a7a")))
            dot.setPen(QPen(QColor("#ffffff"), 1))
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            dot.setPos(self.scene_pos(place.lon, place.lat))
            dot.setToolTip(f"{place.name}（{place.group}）")  # a tooltip is plain text for a QGraphicsItem
            self.scene().addItem(dot)
            label = QGraphicsSimpleTextItem(place.name)
            label.setBrush(QBrush(QColor("#002a5c") if place.facility else QColor("#555555")))
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setPos(dot.pos())
            label.setTransform(label.transform().translate(size / 2 + 2, -size / 2))
            self.scene().addItem(label)
            self._labels.append((label, place.facility))
        rect = self.scene().itemsBoundingRect()
        self.scene().setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))

    def show_town(self, center: tuple[float, float] | None) -> None:
        """Start on the town (lat, lon) about 3 km across, or on every place when the town has no centre."""
        if center is not None:
            c = self.scene_pos(center[1], center[0])
            self.fit_all(QRectF(c.x() - 1500, c.y() - 1500, 3000, 3000))
        else:
            rect = self.scene().itemsBoundingRect()
            margin = max(rect.width(), rect.height()) * 0.08
            self.fit_all(rect.adjusted(-margin, -margin, margin, margin))

    def _show_labels_when_near(self) -> None:
        scale = self.transform().m11()
        for label, facility in self._labels:
            label.setVisible(scale >= (FACILITY_LABELS_FROM_PX_PER_M if facility else ADDRESS_LABELS_FROM_PX_PER_M))

    def _on_clicked(self, _scene: QPointF, pos: QPoint) -> None:
        best, best_d = None, PICK_RADIUS_PX + 0.5
        for place in self.places:
            where = self.viewport_pos(place.lon, place.lat)
            d = math.hypot(where.x() - pos.x(), where.y() - pos.y())
            if d < best_d:
                best, best_d = place, d
        if best is not None:
            self.place_clicked.emit(best)

    def look_at(self, place: GeoPlace) -> None:
        """Bring a place chosen in the list into view."""
        self._home = None
        self.centerOn(self.scene_pos(place.lon, place.lat))

    def show_points(self, points: Sequence[ControlPoint], size: float) -> None:
        for item in self._markers:
            self.scene().removeItem(item)
        self._markers = []
        for i, p in enumerate(points):
            self._markers += _marker(self.scene(), self.scene_pos(p.lon, p.lat), str(i + 1), POINT_COLOUR, size)


def _number(text: str) -> float | None:
    """A typed coordinate, full-width digits too (「３５．９」); None when it is not a number."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("°", "").replace("度", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class GeoreferenceDialog(QDialog):
    """Control points of one town's image base map: placed, checked, removed, then saved in one step."""

    save_requested = Signal(object)  # tuple[ControlPoint, ...]: the controller saves them (one undoable command)

    COLUMNS = (QT_TRANSLATE_NOOP("GeoreferenceDialog", "No."),
               QT_TRANSLATE_NOOP("GeoreferenceDialog", "Image position (x, y)"),
               QT_TRANSLATE_NOOP("GeoreferenceDialog", "Place"),
               QT_TRANSLATE_NOOP("GeoreferenceDialog", "Latitude"),
               QT_TRANSLATE_NOOP("GeoreferenceDialog", "Longitude"),
               QT_TRANSLATE_NOOP("GeoreferenceDialog", "Residual (m)"))
    COL_NO, COL_PIXEL, COL_PLACE, COL_LAT, COL_LON, COL_RESIDUAL = range(6)

    def __init__(self, town_name: str, image: Path, width: int, height: int, places: Sequence[GeoPlace],
                 points: Sequence[ControlPoint] = (), *, center: tuple[float, float] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tie the town map to the ground — {town}").format(town=town_name))
        self.setModal(False)
        self.width_px, self.height_px = width, height
        self.points: list[ControlPoint] = list(points)
        self.saved_points: tuple[ControlPoint, ...] = tuple(points)
        self.pending: tuple[float, float] | None = None
        self.georeference: Georeference | None = None
        self.places = list(places)
        self._marker_size = max(22.0, QFont().pointSizeF() * 2.2)
        self._make_widgets(image, center)
        self._lay_out()
        self.refresh()
        self.resize(1200, 820)

    # ------------------------------------------------------------------ widgets

    def _make_widgets(self, image: Path, center: tuple[float, float] | None) -> None:
        big = QFont()
        big.setPointSizeF(QFont().pointSizeF() * 1.3)
        self.steps = QLabel(self.tr(
            "1. Click a place you know on the town map (left).\n"
            "2. Click the same place on the right, pick it from the list, or type its latitude and longitude.\n"
            "Repeat for at least 3 places far apart (a triangle over the whole map works best)."))
        self.steps.setFont(big)
        self.steps.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setFont(big)
        self.prompt.setWordWrap(True)
        self.problem = QLabel()  # a bad point's message: here, never a modal box
        self.problem.setObjectName("georeferenceProblem")
        self.problem.setWordWrap(True)
        self.problem.setFont(big)
        set_role(self.problem, "problem", bold=True)
        self.image_view = ImageView(image, self.width_px, self.height_px)
        self.image_view.pixel_clicked.connect(self.place_on_image)
        self.geo_view = GeoView(self.places)
        self.geo_view.place_clicked.connect(self.choose_place)
        for view, label in ((self.image_view, self.tr("Town map")), (self.geo_view, self.tr("Known places"))):
            view.setAccessibleName(label)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search shelters, community halls, clinics, 町丁目 …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_places)
        self.place_list = QListWidget()
        for place in sorted(self.places, key=lambda p: (not p.facility, p.group, p.name)):
            item = QListWidgetItem(f"{place.name}（{place.group}）")
            item.setData(Qt.ItemDataRole.UserRole, place)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{place.name} {place.group}"))
            self.place_list.addItem(item)
        self.place_list.currentItemChanged.connect(
            lambda item, _old: item is not None and self.geo_view.look_at(item.data(Qt.ItemDataRole.UserRole)))
        self.place_list.itemActivated.connect(lambda item: self.choose_place(item.data(Qt.ItemDataRole.UserRole)))
        self.use_listed = QPushButton(self.tr("Use this place"))
        self.use_listed.clicked.connect(self._use_listed)
        self.lat_edit, self.lon_edit = QLineEdit(), QLineEdit()
        self.lat_edit.setPlaceholderText(self.tr("e.g. 35.9036"))
        self.lon_edit.setPlaceholderText(self.tr("e.g. 136.1689"))
        self.use_typed = QPushButton(self.tr("Use these coordinates"))
        self.use_typed.clicked.connect(self.use_typed_coordinates)
        self.lon_edit.returnPressed.connect(self.use_typed_coordinates)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("GeoreferenceDialog", c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(self.COL_PLACE, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Control points"))
        self.table.installEventFilter(self)  # Delete removes the selected point
        self.rms = QLabel()
        self.rms.setFont(big)
        self.rms.setWordWrap(True)
        self.rms.setMinimumHeight(self.rms.fontMetrics().lineSpacing() * 2 + 6)  # the RMS and its note, never cut
        self.remove_button = QPushButton(self.tr("Remove the selected point"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        for button in (self.use_listed, self.use_typed, self.remove_button, self.save_button, self.close_button):
            button.setMinimumHeight(int(QFont().pointSizeF() * 3))
        self.image_view.fit_all(self.image_view.sceneRect())
        self.geo_view.show_town(center)

    def _lay_out(self) -> None:
        zoom_hint = QLabel(self.tr("Wheel: zoom · drag: move"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Town map (click a place you know)")))
        left_layout.addWidget(self.image_view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel(self.tr("Known places (blue: facilities, grey: 町丁目)")))
        right_layout.addWidget(self.geo_view, 1)
        pick = QGroupBox(self.tr("Or pick the place from the list"))
        pick_layout = QVBoxLayout(pick)
        pick_layout.addWidget(self.search)
        pick_layout.addWidget(self.place_list, 1)
        pick_layout.addWidget(self.use_listed)
        typed = QGroupBox(self.tr("Or type its latitude and longitude"))
        typed_layout = QGridLayout(typed)
        typed_layout.addWidget(QLabel(self.tr("Latitude")), 0, 0)
        typed_layout.addWidget(self.lat_edit, 0, 1)
        typed_layout.addWidget(QLabel(self.tr("Longitude")), 1, 0)
        typed_layout.addWidget(self.lon_edit, 1, 1)
        typed_layout.addWidget(self.use_typed, 2, 0, 1, 2)
        side = QWidget()
        side.setMinimumWidth(self.fontMetrics().horizontalAdvance("国" * 16))  # a facility's whole name
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(pick, 1)
        side_layout.addWidget(typed)
        maps = QSplitter(Qt.Orientation.Horizontal)
        for part in (left, right, side):
            maps.addWidget(part)
        maps.setStretchFactor(0, 3)
        maps.setStretchFactor(1, 3)
        maps.setStretchFactor(2, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(zoom_hint)
        layout.addWidget(maps, 3)
        layout.addWidget(self.prompt)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rms)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ placing points

    def place_on_image(self, x: float, y: float) -> None:
        """The first half of a pair: a point on the image, waiting for its place."""
        self.pending = (x, y)
        self.problem.clear()
        self._draw()
        self._show_prompt()

    def choose_place(self, place: GeoPlace) -> None:
        self.add_pair(place.lon, place.lat, place.name)

    def _use_listed(self) -> None:
        item = self.place_list.currentItem()
        if item is None or item.isHidden():
            self.problem.setText(self.tr("Choose a place in the list first."))
            return
        self.choose_place(item.data(Qt.ItemDataRole.UserRole))

    def use_typed_coordinates(self) -> None:
        lat, lon = _number(self.lat_edit.text()), _number(self.lon_edit.text())
        if lat is None or lon is None:
            self.problem.setText(self.tr("Type the latitude and the longitude as numbers, e.g. 35.9036 and 136.1689."))
            return
        if abs(lat) > 90 and abs(lon) <= 90:
            self.problem.setText(self.tr("Latitude {lat} is more than 90: are latitude and longitude swapped?")
                                 .format(lat=lat))
            return
        label = self.tr("Typed ({lat:.5f}, {lon:.5f})").format(lat=lat, lon=lon)
        if self.add_pair(lon, lat, label):
            self.lat_edit.clear()
            self.lon_edit.clear()

    def add_pair(self, lon: float, lat: float, label: str) -> bool:
        if self.pending is None:
            self.problem.setText(self.tr("First click the place on the town map (left), then choose where it is."))
            return False
        x, y = self.pending
        self.points.append(ControlPoint(round(x, 2), round(y, 2), lon, lat, label))
        self.pending = None
        self.refresh()
        return True

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.problem.setText(self.tr("Select a point in the table first."))
            return
        self.remove_point(rows[0].row())

    def remove_point(self, index: int) -> None:
        if 0 <= index < len(self.points):
            del self.points[index]
            self.refresh()

    def _filter_places(self, text: str) -> None:
        key = fold(text)
        first = None
        for row in range(self.place_list.count()):
            item = self.place_list.item(row)
            hidden = bool(key) and key not in item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.place_list.setCurrentItem(first)

    # ------------------------------------------------------------------ fit, table, save

    def refresh(self) -> None:
        """Fit the points again and show the residuals, the RMS, or what is wrong with a point."""
        self.georeference = None
        self.problem.clear()
        if len(self.points) >= 3:
            try:
                self.georeference = fit(self.points, self.width_px, self.height_px)
            except LedgerError as e:
                self.problem.setText(error_text(e))
        self._fill_table()
        self._show_rms()
        self._show_prompt()
        self._draw()
        changed = tuple(self.points) != self.saved_points
        # No points at all may be saved too: the map goes back to image pixels.
        self.save_button.setEnabled(changed and (self.georeference is not None or not self.points))
        self.remove_button.setEnabled(bool(self.points))

    def _fill_table(self) -> None:
        residuals = self.georeference.residuals_m if self.georeference else ()
        self.table.setRowCount(len(self.points))
        for row, p in enumerate(self.points):
            values = (str(row + 1), f"{p.x:.0f}, {p.y:.0f}", p.label, f"{p.lat:.6f}", f"{p.lon:.6f}",
                      f"{residuals[row]:.1f}" if residuals else "—")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text: a label from a file never becomes markup
                if col != self.COL_PLACE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)

    def _show_rms(self) -> None:
        g = self.georeference
        if g is None:
            need = max(0, 3 - len(self.points))
            self.rms.setText(self.tr("{count} more point(s) needed.").format(count=need) if need else "")
            return
        kind = (self.tr("second-order polynomial (6 or more points)") if g.kind == "polynomial"
                else self.tr("affine (3 to 5 points)"))
        text = self.tr("RMS error: {rms:.1f} m — {kind}").format(rms=g.rms_m, kind=kind)
        if len(self.points) == 3:
            text += "\n" + self.tr("With 3 points the residuals are always 0; a 4th point shows how well they agree.")
        self.rms.setText(text)

    def _show_prompt(self) -> None:
        if self.pending is not None:
            self.prompt.setText(self.tr("Point {n} is on the town map: now choose where it is on the ground.")
                                .format(n=len(self.points) + 1))
        else:
            self.prompt.setText(self.tr("Click a place on the town map to add point {n}.").format(n=len(self.points) + 1))

    def _draw(self) -> None:
        self.image_view.show_points(self.points, self.pending, self._marker_size)
        self.geo_view.show_points(self.points, self._marker_size)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.save_requested.emit(tuple(self.points))

    def saved(self, points: Sequence[ControlPoint]) -> None:
        """The controller stored these points: nothing is left unsaved."""
        self.saved_points = tuple(points)
        self.refresh()
        self.prompt.setText(self.tr("Saved: the map is drawn again in real coordinates."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key is the table's, not the main window's "Delete household…"
                return True
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Escape closes, Enter does not save by surprise
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
