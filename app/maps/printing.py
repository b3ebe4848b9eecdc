"""The printed town map (PDF or PNG): base map, numbered symbols, legend, title, date, scale, north.

The map is drawn in a hidden page and grabbed when the page says it is ready (signals and callbacks,
no event loop of its own), then composed on the sheet with QPdfWriter.

Printed maps go to community members: households appear by map number only, never by name,
and the footer says so. The map numbers are the ones on every sheet and card.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QPointF, QRectF, QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QWidget

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.wareki import to_wareki
from app.households import households
from app.maps.features import legend, line_specs
from app.maps.hazard_layers import hazard_overlay, page_extent
from app.maps.page import PageLabels
from app.maps.query import town_layer
from app.maps.view import MapView
from app.models import Ledger
from app.towns import basemaps, towns
from app.watch import network as watch

PAPERS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
MAP_DPI = 110  # the page is rendered at this density, then placed on the sheet
READY_TIMEOUT_MS = 60_000
translate = QCoreApplication.translate


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "A4"
    landscape: bool = True
    lines: bool = False
    printed_on: date | None = None
    hazards: bool = False  # the town's hazard zones under the households, with their legend and credit lines


def _paper_mm(options: PrintOptions) -> tuple[float, float]:
    size = QPageSize(PAPERS[options.paper]).size(QPageSize.Unit.Millimeter)
    w, h = size.width(), size.height()
    return (max(w, h), min(w, h)) if options.landscape else (min(w, h), max(w, h))


MARGIN_MM, HEADER_MM, FOOTER_MM = 10.0, 14.0, 9.0


def _map_rect_mm(options: PrintOptions) -> QRectF:
    w, h = _paper_mm(options)
    return QRectF(MARGIN_MM, MARGIN_MM + HEADER_MM, w - 2 * MARGIN_MM, h - 2 * MARGIN_MM - HEADER_MM - FOOTER_MM)


class MapImage(QObject):
    """The town drawn in a hidden map view of ``size`` pixels and grabbed, with its scale information.

    Driven by the page's own signals (ready, then the reply to ``printInfo``), then a short pause for the
    last tiles to paint: ``done(image, info)`` or ``failed(error)``, never a wait in a nested event loop.
    """

    done = Signal(object, object)  # QImage, dict
    failed = Signal(object)  # LedgerError

    def __init__(self, ledger: Ledger, town_id: uuid.UUID, size: QSize, labels: PageLabels, *,
                 lines: bool = False, hazards: bool = False) -> None:
        super().__init__()
        self.ledger, self.town_id, self.size, self.labels, self.lines = ledger, town_id, size, labels, lines
        self.hazards = hazards
        self.host: QWidget | None = None
        self.view: MapView | None = None
        self.timeout = QTimer(self, singleShot=True, interval=READY_TIMEOUT_MS)
        self.timeout.timeout.connect(lambda: self._fail(LedgerError(QT_TRANSLATE_NOOP(
            "errors", "The map did not finish loading for printing."))))

    def start(self) -> None:
        ledger, town_id = self.ledger, self.town_id
        with ledger.Session() as s:
            base = basemaps.base_map_of(s, ledger.data_dir, town_id)
            town = towns.get_town(s, town_id)
            categories = households.list_categories(s)
            # As the window reads them (straight from SQL, not a household object each: seconds at city size),
            # with map numbers only: never a name on paper.
            features = town_layer(s, town_id, base.crs, texts_later=True).anonymous().for_page()
            watch_lines = line_specs(watch.watch_lines(s, town_id)) if self.lines else []
            # As the window draws them: cut to what the page shows of the town (none on a map not tied to the ground)
            zones = hazard_overlay(s, town_id, page_extent(s, town_id, base)) if self.hazards else []
        self.host = QWidget()
        self.host.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.host.resize(self.size)
        self.view = MapView(base.path.parent if base.path else ledger.data_dir, self.host)
        self.view.resize(self.size)
        self.host.show()
        self.view.ready.connect(self._on_ready)
        # Its page's process ended (crashed, or ended for not answering): said now, not after the timeout. After
        # the signal's handlers: the page is deleted with the view, which WebEngine does not survive within them.
        self.view.renderer_ended.connect(lambda _how: QTimer.singleShot(0, lambda: self._fail(LedgerError(
            QT_TRANSLATE_NOOP("errors", "The map stopped working while it was drawn for printing. Nothing was "
                              "printed; try again.")))))
        self.timeout.start()
        self.view.show_town(base, legend(categories), None, self.labels, center=town.center, editable=False,
                            features_later=True)
        self.view.set_features(features)
        self.view.set_lines(watch_lines)
        self.view.show_lines(self.lines)
        self.view.set_hazards(zones)  # each kind shown, its legend rows and credit lines on the page too
        self.view.set_print_mode(True)

    def _on_ready(self) -> None:
        if self.view is not None:
            self.view.print_info(self._on_info)

    def _on_info(self, info: Any) -> None:
        self.info = dict(info or {})
        QTimer.singleShot(400, self._grab)  # let the last tiles and the canvas paint

    def _grab(self) -> None:
        if self.view is None:
            return
        self.timeout.stop()
        image = self.view.grab().toImage()
        self._close()
        self.done.emit(image, self.info)

    def _fail(self, error: LedgerError) -> None:
        if self.view is None:  # ended already (printed, or failed)
            return
        self.timeout.stop()
        self._close()
        self.failed.emit(error)

    def _close(self) -> None:
        if self.view is not None:
            self.view.shutdown()
            self.view = None
        if self.host is not None:
            self.host.deleteLater()
            self.host = None


def _nice_length(max_metres: float) -> float:
    """The longest round length (5 m … 5 km) that fits in ``max_metres``."""
    steps = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
    fitting = [step for step in steps if step <= max_metres]
    return float(fitting[-1] if fitting else steps[0])


def drawing_rect(whole: QRectF, info: dict[str, Any]) -> QRectF:
    """The part of ``whole`` (where the grabbed page goes on the sheet) that the map's drawing takes."""
    page, box = info.get("page"), info.get("mapRect")
    if not page or not box or page[0] <= 0 or page[1] <= 0:
        return whole
    sx, sy = whole.width() / page[0], whole.height() / page[1]
    return QRectF(whole.x() + box[0] * sx, whole.y() + box[1] * sy, box[2] * sx, box[3] * sy).intersected(whole)


def _compose(painter: QPainter, px_per_mm: float, options: PrintOptions, title: str, image: QImage,
             info: dict[str, Any]) -> None:
    def mm(x: float) -> float:
        return x * px_per_mm

    w, h = _paper_mm(options)
    painter.fillRect(QRectF(0, 0, mm(w), mm(h)), QColor("white"))
    title_font = QFont("Noto Sans CJK JP")
    title_font.setPixelSize(int(mm(7)))
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("black"))
    painter.drawText(QRectF(mm(MARGIN_MM), mm(MARGIN_MM), mm(w - 2 * MARGIN_MM), mm(HEADER_MM - 2)),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    small = QFont("Noto Sans CJK JP")
    small.setPixelSize(int(mm(3.6)))
    painter.setFont(small)
    made = translate("print", "Made on {day}").format(day=to_wareki(options.printed_on or date.today()))
    painter.drawText(QRectF(mm(MARGIN_MM), mm(MARGIN_MM), mm(w - 2 * MARGIN_MM), mm(HEADER_MM - 2)),
                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, made)
    rect = _map_rect_mm(options)
    whole = QRectF(mm(rect.x()), mm(rect.y()), mm(rect.width()), mm(rect.height()))
    painter.drawImage(whole, image)
    # The page docks its legend beside or below the drawing: the frame, north arrow and scale go round
    # the drawing only, and the legend stays outside it.
    target = drawing_rect(whole, info)
    painter.setPen(QPen(QColor("black"), max(1.0, mm(0.4))))
    painter.drawRect(target)
    # North arrow, top right inside the map frame.
    cx, top = target.right() - mm(10), target.top() + mm(5)
    arrow = QPainterPath(QPointF(cx, top))
    arrow.lineTo(cx + mm(4), top + mm(11))
    arrow.lineTo(cx, top + mm(8))
    arrow.lineTo(cx - mm(4), top + mm(11))
    arrow.closeSubpath()
    painter.fillPath(arrow, QColor("black"))
    north = QFont("Noto Sans CJK JP")
    north.setPixelSize(int(mm(4.5)))
    north.setBold(True)
    painter.setFont(north)
    painter.drawText(QRectF(cx - mm(5), top + mm(11), mm(10), mm(6)), Qt.AlignmentFlag.AlignCenter, "N")
    # Scale bar, bottom left inside the frame (a scanned town map keeps its own scale).
    painter.setFont(small)
    x0, y0 = target.left() + mm(6), target.bottom() - mm(6)
    metres_per_pixel = info.get("metresPerPixel") if info.get("geographic") else None
    if metres_per_pixel:
        page_width = float((info.get("page") or [image.width()])[0]) or image.width()
        metres_per_mm = metres_per_pixel * page_width / rect.width()
        length = _nice_length(metres_per_mm * rect.width() * 0.25)
        bar = mm(length / metres_per_mm)
        label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
        # "0" over the bar's left end and the length over its right end, each on a tick: a label written
        # beside the "0" read as the bar's middle.
        metrics = QFontMetricsF(small, painter.device())
        zero, half = metrics.horizontalAdvance("0") / 2, metrics.horizontalAdvance(label) / 2
        painter.fillRect(QRectF(x0 - zero - mm(2), y0 - mm(7.5), bar + zero + half + mm(4), mm(10.5)),
                         QColor(255, 255, 255, 220))
        painter.fillRect(QRectF(x0, y0 - mm(1.2), bar, mm(1.2)), QColor("black"))
        for end in (x0, x0 + bar):
            painter.fillRect(QRectF(end - mm(0.2), y0 - mm(2.4), mm(0.4), mm(2.4)), QColor("black"))
        painter.drawText(QPointF(x0 - zero, y0 - mm(3)), "0")
        painter.drawText(QPointF(x0 + bar - half, y0 - mm(3)), label)
    else:
        text = translate("print", "Scale: as on the town map")
        painter.fillRect(QRectF(x0 - mm(2), y0 - mm(5.5), mm(50), mm(7)), QColor(255, 255, 255, 220))
        painter.drawText(QPointF(x0, y0 - mm(0.8)), text)
    footer = translate("print", "Households are shown by map number only (no names). The numbers are those of "
                                "the watch-network form and the emergency contact sheet. Handle with care.")
    painter.drawText(QRectF(mm(MARGIN_MM), mm(h - MARGIN_MM - FOOTER_MM + 1), mm(w - 2 * MARGIN_MM), mm(FOOTER_MM)),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, footer)


class MapPrint(QObject):
    """Writes the town's map to ``out`` (.pdf or .png) on A4 or A3 paper; ``finished(path)`` or ``failed(error)``.

    Bad options fail in :meth:`start` itself (it raises), before anything is drawn.
    """

    finished = Signal(object)  # Path
    failed = Signal(object)  # LedgerError | OSError

    def __init__(self, ledger: Ledger, town_id: uuid.UUID, out: Path, options: PrintOptions = PrintOptions(),
                 labels: PageLabels | None = None) -> None:
        super().__init__()
        self.ledger, self.town_id, self.out, self.options = ledger, town_id, Path(out), options
        self.labels = labels or PageLabels()
        self.image: MapImage | None = None

    def start(self) -> MapPrint:
        suffix = self.out.suffix.lower()
        if suffix not in (".pdf", ".png"):
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "The printed map is saved as .pdf or .png, not {suffix}."),
                              where=self.out.name, suffix=suffix or "(none)")
        if self.options.paper not in PAPERS:
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Paper must be A4 or A3."), where="paper")
        with self.ledger.Session() as s:
            town = towns.get_town(s, self.town_id)
        self.title = translate("print", "Mutual-support welfare map  {district} {town}").format(
            district=town.district_name, town=town.name)
        rect = _map_rect_mm(self.options)
        size = QSize(int(rect.width() / 25.4 * MAP_DPI), int(rect.height() / 25.4 * MAP_DPI))
        self.image = MapImage(self.ledger, self.town_id, size, self.labels, lines=self.options.lines,
                              hazards=self.options.hazards)
        self.image.done.connect(self._write)
        self.image.failed.connect(self.failed)
        self.image.start()
        return self

    def _write(self, image: QImage, info: dict[str, Any]) -> None:
        try:
            _write_sheet(self.out, self.options, self.title, image, info)
        except (LedgerError, OSError) as e:
            self.failed.emit(e)
            return
        self.finished.emit(self.out)


def _write_sheet(out: Path, options: PrintOptions, title: str, image: QImage, info: dict[str, Any]) -> None:
    w, h = _paper_mm(options)
    if out.suffix.lower() == ".png":
        dpi = 150
        canvas = QImage(int(w / 25.4 * dpi), int(h / 25.4 * dpi), QImage.Format.Format_RGB32)
        painter = QPainter(canvas)
        try:
            _compose(painter, dpi / 25.4, options, title, image, info)
        finally:
            painter.end()
        if not canvas.save(str(out)):
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Could not write the file."), where=str(out))
        return
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setPageSize(QPageSize(PAPERS[options.paper]))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if options.landscape
                              else QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    painter = QPainter(writer)
    try:
        _compose(painter, 300 / 25.4, options, title, image, info)
    finally:
        painter.end()
    if not out.exists():
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Could not write the file."), where=str(out))


def print_map(ledger: Ledger, town_id: uuid.UUID, out: Path, options: PrintOptions = PrintOptions(),
              labels: PageLabels | None = None) -> Path:
    """For the command line, where no event loop runs yet: print, running the application's loop until done.

    The window uses :class:`MapPrint` and its signals instead (this would nest a loop there).
    """
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread().loopLevel() > 0:
        raise RuntimeError("print_map() runs the event loop itself: in a running application use MapPrint")
    outcome: dict[str, Any] = {}
    job = MapPrint(ledger, town_id, out, options, labels)
    job.finished.connect(lambda path: (outcome.setdefault("path", path), app.quit()))
    job.failed.connect(lambda error: (outcome.setdefault("error", error), app.quit()))
    job.start()
    if not outcome:
        app.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["path"]
