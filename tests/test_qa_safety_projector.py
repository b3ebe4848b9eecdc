"""The 災害対策本部's projector view as it is seen on the wall: its one way out (the Close button) can be read."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from app.models.safety import IncidentKind, SafetyStatus
from app.safety.views import STATUS_LABELS, DistrictCount, IncidentView
from app.ui.comfort import FOCUS_STYLE
from app.ui.safety_projector import SafetyProjector


@pytest.fixture
def focus_frames(qapp):
    """The application's own style sheet, as every start sets it: a thick frame around the control with focus."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(FOCUS_STYLE)
    yield
    qapp.setStyleSheet(before)


def test_the_projectors_close_button_is_readable_on_its_black_background(qtbot, focus_frames):
    # GIVEN the projector view of an incident, full screen (Esc does not close it: only the button does), its
    # button with the keyboard's focus as when the view opens (its only control) under the app's style sheet
    view = SafetyProjector()
    qtbot.addWidget(view)
    incident = IncidentView(uuid.uuid4(), "7月豪雨", IncidentKind.FLOOD, datetime(2026, 7, 8, 6, tzinfo=timezone.utc),
                            None, (), "")
    view.present()
    view.show_counts(incident, [DistrictCount("味真野地区", {s: 1 for s in SafetyStatus})],
                     datetime(2026, 7, 8, 9, tzinfo=timezone.utc))
    qtbot.waitExposed(view)
    view.close_button.setFocus()
    qtbot.waitUntil(view.close_button.hasFocus)
    # WHEN the screen is drawn as a whole (the button over the view's black background)
    picture = view.grab().toImage()
    button = view.close_button
    top_left = button.mapTo(view, QPoint(0, 0))
    inside = [picture.pixelColor(top_left.x() + x, top_left.y() + y).lightness()
              for x in range(6, button.width() - 6) for y in range(6, button.height() - 6)]
    # THEN the button's label stands out from the button's face: both light and dark pixels, in good number
    light = sum(1 for v in inside if v > 160)
    dark = sum(1 for v in inside if v < 90)
    assert light > len(inside) * 0.05 and dark > len(inside) * 0.05, (light, dark, len(inside))
    assert button.text()
    # and the focus frame is still drawn: a keyboard user sees the button is the one Enter presses
    frame = picture.pixelColor(top_left.x() + 1, top_left.y() + button.height() // 2)
    assert frame.lightness() > 90 and frame.name() != picture.pixelColor(top_left.x() + 8, top_left.y() + 8).name()


DISTRICTS = ("味真野地区", "北新庄地区", "さくら地区", "国高地区", "吉野地区", "王子保地区", "北日野地区", "神山地区",
             "南中山地区", "坂口地区", "服間地区", "粟田部地区", "岡本地区", "南越地区", "白山地区", "大虫地区", "東地区")


@pytest.mark.parametrize("districts", [3, len(DISTRICTS)])
def test_on_an_800_px_projector_every_word_is_whole_and_the_view_stays_on_the_screen(qtbot, districts):
    # GIVEN the projector view on an 800 × 600 projector, with 3 地区 or a city's 17
    view = SafetyProjector()
    qtbot.addWidget(view)
    incident = IncidentView(uuid.uuid4(), "令和8年7月 大雨（デモ・架空）", IncidentKind.FLOOD,
                            datetime(2026, 7, 8, 6, tzinfo=timezone.utc), None, (), "")
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    # WHEN the counts are shown (120 in a cell: three digits)
    view.show_counts(incident, [DistrictCount(name, {s: 120 for s in SafetyStatus}) for name in DISTRICTS[:districts]],
                     datetime(2026, 7, 8, 9, tzinfo=timezone.utc))
    qtbot.wait(50)
    # THEN the view is no wider or taller than the screen: its right side and the Close button are on it
    assert (view.width(), view.height()) == (800, 600)
    button = view.close_button.geometry()
    assert button.right() < 800 and button.bottom() < 600
    # and no text of the table or the title is broken inside a word or cut: each has the room it needs on its lines
    table = [label for label in view.grid_host.findChildren(QLabel)]
    for label in [*table, view.title]:
        assert not label.wordWrap(), label.text()  # Qt wraps Japanese anywhere: 「味真野地／区」
        assert label.width() >= label.minimumSizeHint().width() - 1, (label.text(), label.width())
        assert label.height() >= label.minimumSizeHint().height() - 1, (label.text(), label.height())
    assert {label.text() for label in table} >= set(DISTRICTS[:districts])  # every 地区 whole, on one line
    # and a status heading is on two lines only at a break a reader makes: 「要支援・／要救助」, 「無事／（自宅）」
    headings = {label.text().replace("\n", ""): label.text() for label in table if label.property("status")}
    assert set(headings) == set(STATUS_LABELS.values())
    for text in headings.values():
        assert "\n" not in text or text.split("\n")[0].endswith("・") or text.split("\n")[1].startswith("（"), text
    # and the table's type is not the smallest when there is room for more (3 地区)
    if districts == 3:
        assert table[0].font().pointSize() >= 12
