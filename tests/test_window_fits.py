"""The main window fits a laptop's screen (1366 x 768 less the taskbar is the common one in welfare offices): Step
I's page scrolls instead of making the window taller than the screen, and selecting a household never makes the
window grow."""

from __future__ import annotations

from app.households import households
from tests.test_ui_map import window  # noqa: F401 - the demo window fixture

LAPTOP_HEIGHT = 728  # 768 px less a taskbar


def test_the_window_fits_a_laptop_screen_and_keeps_its_size_as_households_are_selected(qtbot, window):  # noqa: F811
    # GIVEN the demo window with Step I showing
    assert window.steps.currentIndex() == 0
    # THEN it can be made as small as a laptop's screen, and it opened within the screen it is on
    assert window.minimumSizeHint().height() <= LAPTOP_HEIGHT
    assert window.height() <= window.screen().availableGeometry().height()
    size = window.size()
    # WHEN households with members, categories and hazards are selected one after another
    with window.ledger.Session() as s:
        homes = households.list_households(s, window.towns.town.id)
    for home in homes[:8]:
        window.households.select_household(home.id)
        qtbot.waitUntil(lambda home=home: window.household_panel.household is not None
                        and window.household_panel.household.id == home.id, timeout=10_000)
        # THEN the window keeps its size (the panel scrolls), so the map is not resized and redrawn
        assert window.size() == size
        assert window.minimumSizeHint().height() <= LAPTOP_HEIGHT


def test_the_status_bar_shows_the_town_s_and_the_safety_check_s_counts_whole(qtbot, window):  # noqa: F811
    # GIVEN the demo window 1280 px wide, with its town's counts and its open safety check's in the status bar
    window.resize(1280, window.height())
    status, counts = window.towns.status, window.safety.counts
    qtbot.waitUntil(lambda: "60" in status.text() and "未確認" in counts.text(), timeout=10_000)
    offline = next(label for label in window.statusBar().findChildren(type(status))
                   if label.toolTip().startswith("Nothing leaves"))
    # THEN none of it is cut off (on the day, the counts are what the 災害対策本部 asks for), and the offline
    # promise is one hover away
    for label in (status, counts, window.sync.label, offline):
        qtbot.waitUntil(lambda label=label: label.width() >= label.sizeHint().width(), timeout=5_000)
