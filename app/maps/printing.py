"""The printed town map (PDF or PNG): base map, numbered symbols, legend, title, date, scale, north.

Printed maps go to community members: households appear by map number only, never by name,
and the footer says so. The map numbers are the ones on every sheet and card.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QMarginsF, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter, QPen
from PySide6.QtWidgets import QWidget

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.core.wareki import to_wareki
from app.households import households, places
from app.maps.features import feature_collection, legend, line_specs
from app.maps.page import PageLabels
from app.maps.view import MapView
from app.models import Ledger
from app.privacy.masking import anonymous_feature
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


def _paper_mm(options: PrintOptions) -> tuple[float, float]:
    size = QPageSize(PAPERS[options.paper]).size(QPageSize.Unit.Millimeter)
    w, h = size.width(), size.height()
    return (max(w, h), min(w, h)) if options.landscape else (min(w, h), max(w, h))


MARGIN_MM, HEADER_MM, FOOTER_MM = 10.0, 14.0, 9.0


def _map_rect_mm(options: PrintOptions) -> QRectF:
    w, h = _paper_mm(options)
    return QRectF(MARGIN_MM, MARGIN_MM + HEADER_MM, w - 2 * MARGIN_MM, h - 2 * MARGIN_MM - HEADER_MM - FOOTER_MM)


def _wait(condition: Any, timeout_ms: int) -> bool:
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    poll = QTimer(interval=50)
    poll.timeout.connect(lambda: condition() and loop.quit())
    timer.start()
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    return bool(condition())


def render_map_image(ledger: Ledger, town_id: uuid.UUID, size: QSize, labels: PageLabels,
                     *, lines: bool = False) -> tuple[QImage, dict[str, Any]]:
    """Load the town in a hidden map view of ``size`` pixels and grab it, with its scale information."""
    with ledger.Session() as s:
        base = basemaps.base_map_of(s, ledger.data_dir, town_id)
        town = towns.get_town(s, town_id)
        categories = households.list_categories(s)
        fc = feature_collection(households.list_households(s, town_id), places.list_places(s, town_id), base.crs)
        watch_lines = line_specs(watch.watch_lines(s, town_id)) if lines else []
    fc = dict(fc, features=[anonymous_feature(f) for f in fc["features"]])  # never a name on paper
    host = QWidget()
    host.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    host.resize(size)
    view = MapView(base.path.parent if base.path else ledger.data_dir, host)
    view.resize(size)
    host.show()
    try:
        view.show_town(base, legend(categories), fc, labels, center=town.center, editable=False)
        view.set_lines(watch_lines)
        view.show_lines(lines)
        view.set_print_mode(True)
        if not _wait(lambda: view.is_ready, READY_TIMEOUT_MS):
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "The map did not finish loading for printing."))
        info: dict[str, Any] = {}
        view.print_info(info.update)
        _wait(lambda: bool(info), 10_000)
        _wait(lambda: False, 400)  # let the last tiles and the canvas paint
        image = view.grab().toImage()
    finally:
        view.shutdown()
        host.deleteLater()
    return image, info


def _nice_length(max_metres: float) -> float:
    """The longest round length (5 m … 5 km) that fits in ``max_metres``."""
    steps = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
    fitting = [step for step in steps if step <= max_metres]
    return float(fitting[-1] if fitting else steps[0])


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
    target = QRectF(mm(rect.x()), mm(rect.y()), mm(rect.width()), mm(rect.height()))
    painter.drawImage(target, image)
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
        metres_per_mm = metres_per_pixel * image.width() / rect.width()
        length = _nice_length(metres_per_mm * rect.width() * 0.25)
        bar = mm(length / metres_per_mm)
        painter.fillRect(QRectF(x0 - mm(2), y0 - mm(7), bar + mm(16), mm(10)), QColor(255, 255, 255, 220))
        painter.fillRect(QRectF(x0, y0 - mm(1.2), bar, mm(1.2)), QColor("black"))
        label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
        painter.drawText(QPointF(x0, y0 - mm(2.2)), f"0          {label}")
    else:
        text = translate("print", "Scale: as on the town map")
        painter.fillRect(QRectF(x0 - mm(2), y0 - mm(5.5), mm(50), mm(7)), QColor(255, 255, 255, 220))
        painter.drawText(QPointF(x0, y0 - mm(0.8)), text)
    footer = translate("print", "Households are shown by map number only (no names). The numbers are those of "
                                "the watch-network form and the emergency contact sheet. Handle with care.")
    painter.drawText(QRectF(mm(MARGIN_MM), mm(h - MARGIN_MM - FOOTER_MM + 1), mm(w - 2 * MARGIN_MM), mm(FOOTER_MM)),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, footer)


def print_map(ledger: Ledger, town_id: uuid.UUID, out: Path, options: PrintOptions = PrintOptions(),
              labels: PageLabels | None = None) -> Path:
    """Write the town's map to ``out`` (.pdf or .png) on A4 or A3 paper."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The printed map is saved as .pdf or .png, not {suffix}."),
                          where=out.name, suffix=suffix or "(none)")
    if options.paper not in PAPERS:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Paper must be A4 or A3."), where="paper")
    with ledger.Session() as s:
        town = towns.get_town(s, town_id)
    title = translate("print", "Mutual-support welfare map  {district} {town}").format(
        district=town.district_name, town=town.name)
    rect = _map_rect_mm(options)
    size = QSize(int(rect.width() / 25.4 * MAP_DPI), int(rect.height() / 25.4 * MAP_DPI))
    image, info = render_map_image(ledger, town_id, size, labels or PageLabels(), lines=options.lines)
    w, h = _paper_mm(options)
    if suffix == ".png":
        dpi = 150
        canvas = QImage(int(w / 25.4 * dpi), int(h / 25.4 * dpi), QImage.Format.Format_RGB32)
        painter = QPainter(canvas)
        try:
            _compose(painter, dpi / 25.4, options, title, image, info)
        finally:
            painter.end()
        if not canvas.save(str(out)):
            raise LedgerError(QT_TRANSLATE_NOOP("errors", "Could not write the file."), where=str(out))
        return out
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
    return out
