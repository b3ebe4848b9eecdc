"""The 災害対策本部's projector view as it is seen on the wall: its one way out (the Close button) can be read."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QPoint

from app.models.safety import IncidentKind, SafetyStatus
from app.safety.views import DistrictCount, IncidentView
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
