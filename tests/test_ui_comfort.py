"""Comfort for older users: large text, high contrast, 和暦 dates, kana suggestions, the guide, self-test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSplitter, QStyle, QStyleOptionButton, QToolBar, QWidget

from app.core.wareki import to_wareki
from app.households import households
from app.meeting import meetings
from app.meeting.views import MeetingFields, ReviewFields
from app.models.meeting import ReviewOutcome
from app.ui.app import settings_for
from app.ui.comfort import HIGH_CONTRAST, LARGE_TEXT, Comfort
from app.ui.help import GuideDialog
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow.actions import MainAction
from app.ui.mainwindow.window import MAP_MIN_WIDTH_PX
from app.ui.panels import PersonDialog
from tests.conftest import run_app
from tests.page_calls import run_js
from tests.test_basemap_errors import japanese  # noqa: F401 - the Japanese catalogue
from tests.test_ui_map import READY_MS, window  # noqa: F401 - the window fixture


@contextmanager
def large_text(window) -> Iterator[None]:
    """Large text on for the block, off again after it, whatever happens in it."""
    window.actions[MainAction.LARGE_TEXT].setChecked(True)
    try:
        yield
    finally:
        window.actions[MainAction.LARGE_TEXT].setChecked(False)


def test_large_text_makes_text_and_map_symbols_bigger_and_is_remembered(qtbot, window, qapp):
    normal_font = qapp.font().pointSizeF()
    window.actions[MainAction.LARGE_TEXT].setChecked(True)
    try:
        assert qapp.font().pointSizeF() >= normal_font * 1.5 - 0.01
        assert run_js(qtbot, window, "document.documentElement.style.fontSize") == "150%"
        assert window.household_panel.name.font().pointSizeF() >= normal_font * 1.5 - 0.01
        assert window.settings.value("ui/large_text") in (True, "true")
    finally:
        window.actions[MainAction.LARGE_TEXT].setChecked(False)
    assert abs(qapp.font().pointSizeF() - normal_font) < 0.01


def test_large_japanese_text_on_a_small_laptop_leaves_the_map_its_room_on_every_step(qtbot, japanese, window):
    # GIVEN the window in Japanese with large text, 1,024 px wide (a 1366 x 768 laptop at 125 %)
    with large_text(window):
        window.resize(1024, 700)
        for step in range(window.steps.count()):
            window.steps.setCurrentIndex(step)
            qtbot.wait(100)  # laid out
            # THEN on every step the map keeps at least 40 % of the width (the meeting's page took 814 px: one long
            # unwrapped line and five buttons in a row, and left the map a quarter), and no panel is squeezed
            assert window.map_view.width() >= 0.4 * window.width(), f"step {step + 1}"
            page = window.steps.currentWidget()
            assert page.width() >= page.minimumSizeHint().width(), f"step {step + 1} is cut"
        # AND with the roll call and the plans' priority list docked beside them (the day of a disaster), the
        # window still fits a 1,366-px laptop's screen (the roll call's dock alone took 858 px) with the map on it
        assert window.towns.town is not None and window.safety.incident is not None, "the demo's heavy rain is open"
        window.safety.dock.setVisible(True)
        window.plans.dock.setVisible(True)
        qtbot.wait(100)
        assert window.minimumSizeHint().width() <= 1366 - 2 * 8, "wider than the screen with its frame"
        assert window.map_view.isVisible() and window.map_view.width() >= MAP_MIN_WIDTH_PX
        window.safety.dock.setVisible(False)
        window.plans.dock.setVisible(False)
        # AND the map cannot be dragged away, nor come back at nothing from a layout saved that way
        window.splitter.setSizes([0, window.width()])
        assert window.map_view.width() >= MAP_MIN_WIDTH_PX
        collapsed = QSplitter()
        collapsed.addWidget(QWidget())
        collapsed.addWidget(QWidget())
        collapsed.resize(1000, 100)
        collapsed.setSizes([0, 1000])
        window.splitter.restoreState(collapsed.saveState())
        qtbot.wait(100)
        assert window.map_view.width() >= MAP_MIN_WIDTH_PX


def test_the_roll_call_keeps_its_rows_and_whole_names_on_a_short_laptop_screen_in_large_text(qtbot, japanese, window):
    # GIVEN the demo's heavy rain open, large Japanese text, a 1,366 x 768 laptop (690 px left for the window)
    with large_text(window):
        window.resize(1366, 690)
        window.safety.show_panel()
        qtbot.waitUntil(lambda: len(window.safety.panel.rows()) >= 6, timeout=10_000)
        qtbot.wait(100)  # laid out
        roll_call = window.safety.panel.list
        rows = roll_call.verticalHeader().defaultSectionSize()
        # THEN the roll call shows six persons at once (it showed one: the papers' buttons, the history and the
        # filters took the dock's height), the rest of the dock scrolls
        assert roll_call.viewport().height() >= 6 * rows
        # AND every name is whole in its column (the columns kept their normal-text widths and cut every name)
        metrics = roll_call.fontMetrics()
        for row in window.safety.panel.rows():
            assert metrics.horizontalAdvance(row.name) < roll_call.columnWidth(1), row.name
        # AND the dock opened wide enough for every column (at most 45 % of the window), leaving the map its room
        assert window.safety.dock.width() >= window.safety.panel.roll_call_width() or \
            window.safety.dock.width() >= 0.45 * window.width() - 2
        assert window.map_view.width() >= MAP_MIN_WIDTH_PX


def test_the_steps_lists_keep_five_persons_in_view_on_a_short_laptop_screen_in_large_text(qtbot, japanese, window):
    # GIVEN large Japanese text on a 1,366 x 768 laptop (690 px left for the window)
    with large_text(window):
        window.resize(1366, 690)
        for step, persons in ((2, window.watch_panel.persons), (3, window.emergency_panel.persons),
                              (4, window.meeting_panel.persons)):
            window.steps.setCurrentIndex(step - 1)
            qtbot.wait(100)  # laid out
            # THEN each step's list shows five persons at once (two or three before: the rest of the page took the
            # height); the page scrolls instead
            assert persons.viewport().height() >= 5 * persons.verticalHeader().defaultSectionSize(), f"step {step}"


def test_the_steps_headings_grow_with_large_text_and_keep_their_size_when_the_contrast_changes(qtbot, window):
    # GIVEN the headings of Steps II and III and the meeting (pages that scroll on a short screen)
    headings = [label for label in window.findChildren(QLabel)
                if label.text().startswith(("Step II ·", "Step III ·", "Liaison meeting ·"))]
    assert len(headings) == 3
    normal = [label.font().pointSizeF() for label in headings]
    try:
        # WHEN large text is turned on, and then high contrast
        window.actions[MainAction.LARGE_TEXT].setChecked(True)
        # THEN each heading is half as large again (setting the style sheet again had put them back to the size
        # they were first drawn at: smaller than the text under them), and stays so when the contrast changes
        assert [label.font().pointSizeF() for label in headings] == pytest.approx([1.5 * n for n in normal])
        window.actions[MainAction.HIGH_CONTRAST].setChecked(True)
        assert [label.font().pointSizeF() for label in headings] == pytest.approx([1.5 * n for n in normal])
    finally:
        window.actions[MainAction.HIGH_CONTRAST].setChecked(False)
        window.actions[MainAction.LARGE_TEXT].setChecked(False)
    assert [label.font().pointSizeF() for label in headings] == pytest.approx(normal)


def test_high_contrast_styles_the_whole_application(qtbot, window, qapp):
    window.actions[MainAction.HIGH_CONTRAST].setChecked(True)
    try:
        assert "#ffff00" in qapp.styleSheet()
    finally:
        window.actions[MainAction.HIGH_CONTRAST].setChecked(False)
    assert "#ffff00" not in qapp.styleSheet() and "focus" in qapp.styleSheet()  # focus frame stays


def test_a_window_opened_with_large_text_and_high_contrast_chosen_shows_both_from_the_start(
        qtbot, qapp, demo_ledger, demo_dir):
    # GIVEN large text and high contrast chosen in an earlier session
    settings = settings_for(demo_dir)
    settings.setValue(LARGE_TEXT, True)
    settings.setValue(HIGH_CONTRAST, True)
    base = float(qapp.property("sasaeai_base_point_size") or qapp.font().pointSizeF())
    try:
        # WHEN the window opens (its widgets are made before its style sheet is set: Comfort.style_sheet_after)
        w = MainWindow(demo_ledger, settings, demo=True)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.map_ready, timeout=READY_MS):
            w.towns.open_initial_town()
            w.show()
        # THEN its buttons are drawn in high contrast from the first: yellow frame, black inside
        add = w.actions[MainAction.ADD_HOUSEHOLD]
        button = next(bar.widgetForAction(add) for bar in w.findChildren(QToolBar) if bar.widgetForAction(add))
        image = button.grab().toImage()
        middle = image.height() // 2
        assert image.pixelColor(0, middle).name() == "#ffff00", button.text()
        assert image.pixelColor(3, middle).name() == "#000000", button.text()
        # the roll call's notice has high contrast's light red, and the text is large everywhere: the fields, the
        # toolbar, the menus and the status line (a window made before the text size was set kept the old size and
        # gave it to every widget put into it), the headings larger still
        assert "#ff9090" in w.safety.panel.notice.styleSheet()
        assert qapp.font().pointSizeF() == pytest.approx(1.5 * base)
        for widget in (w.household_panel.name, w.search_box, button, w.menuBar(), w.statusBar(), w.towns.status):
            assert widget.font().pointSizeF() == pytest.approx(1.5 * base), type(widget).__name__
        headings = [label for label in w.findChildren(QLabel)
                    if label.text().startswith(("Step II ·", "Step III ·", "Liaison meeting ·"))]
        assert len(headings) == 3
        assert all(label.font().pointSizeF() > qapp.font().pointSizeF() for label in headings)
        # and the focus frame is there with the contrast
        assert "#ffff00" in qapp.styleSheet() and ":focus" in qapp.styleSheet()
    finally:
        settings.setValue(LARGE_TEXT, False)
        settings.setValue(HIGH_CONTRAST, False)
        Comfort(qapp, settings).apply()  # the application as every other test expects it


def test_birth_dates_show_in_the_chosen_era_with_age(qtbot, window):
    with window.ledger.Session() as s:
        home = next(h for h in households.list_households(s, window.towns.town.id)
                    if any(p.birth_date for p in h.persons))
    window.households.select_household(home.id)
    cell = window.household_panel.members.item(0, 2).text()
    assert cell.startswith(("昭和", "平成", "令和", "大正")) and "(" in cell
    window.actions[MainAction.WAREKI].setChecked(False)
    cell = window.household_panel.members.item(0, 2).text()
    assert cell[:4].isdigit() and cell[4] == "-"
    window.actions[MainAction.WAREKI].setChecked(True)


def test_person_dialog_suggests_kana_and_reads_japanese_dates(qtbot):
    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    def type_name(text: str) -> None:  # as the user types (QTest cannot type kanji)
        dialog.name.setText(text)
        dialog.name.textEdited.emit(text)

    type_name("山田")
    assert dialog.kana.text() == "やまだ"
    dialog.kana.setText("ヤマダ")  # the user corrects it: no more suggestions over it
    type_name("山田太郎")
    assert dialog.kana.text() == "ヤマダ"
    dialog.birth.setText("S15.3.2")
    assert "昭和15年3月2日" in dialog.birth_feedback.text()
    assert dialog.fields().birth_date.isoformat() == "1940-03-02"
    dialog.birth.setText("平成32年1月1日")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_guide_explains_the_three_steps_in_japanese(qtbot):
    dialog = GuideDialog("ja")
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for heading in ("手順Ⅰ", "手順Ⅱ", "手順Ⅲ", "プロジェクター"):
        assert heading in text


def test_self_test_passes_offline_and_leaves_nothing_in_the_temporary_folder(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_app("--self-test", prefix=("unshare", "-n"), env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "self-test passed" in result.stdout
    # The demo it ran on, its map page and the form it wrote are gone with it.
    assert sorted(p.name for p in temp.glob("sasaeai-*")) == []


def test_every_day_the_panels_show_follows_the_chosen_era(qtbot, window):
    """Step III's review date, the meetings and a person's last review used to show as 2027-05-16 whatever the
    View menu said."""
    # GIVEN a liaison meeting held on 2026-06-13 where a person of concern was reviewed (as the window records it)
    town_id = window.towns.town.id
    qtbot.waitUntil(lambda: window.towns.details_ready, timeout=60_000)
    person = window.meeting_panel.queue[0].person
    with window.ledger.Session.begin() as s:
        held = meetings.add_meeting(s, town_id, MeetingFields(date(2026, 6, 13)), today=date(2026, 6, 13))
        meetings.record_review(s, person.id, ReviewFields(ReviewOutcome.UNCHANGED, meeting_id=held.id),
                               today=date(2026, 6, 13))
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.towns.load_town(town_id)
    qtbot.waitUntil(lambda: window.towns.details_ready, timeout=60_000)
    card = next(c for c in window.emergency_panel.cards if c.has_card and c.review_on)
    reviewed = next(q for q in window.meeting_panel.queue if q.person.id == person.id)
    assert reviewed.last_review and window.meeting_panel.meeting.count() == 2  # "no meeting" and the one held
    window.emergency_panel.choose(card.person.id)
    window.meeting_panel.persons.choose(reviewed.person.id)

    def shown() -> list[str]:
        meetings = [window.meeting_panel.meeting.itemText(i) for i in range(1, window.meeting_panel.meeting.count())]
        return [window.emergency_panel.detail.text(), window.meeting_panel.detail.text(), *meetings]

    days = [card.review_on, reviewed.last_review.reviewed_on, held.held_on]
    for text, day in zip(shown(), days, strict=True):
        assert to_wareki(day) in text and day.isoformat() not in text
    window.actions[MainAction.WAREKI].setChecked(False)
    try:
        for text, day in zip(shown(), days, strict=True):
            assert day.isoformat() in text and "令和" not in text
    finally:
        window.actions[MainAction.WAREKI].setChecked(True)
    assert all(to_wareki(day) in text for text, day in zip(shown(), days, strict=True))


def test_the_disaster_banner_and_the_demo_bar_show_their_colours_in_normal_and_high_contrast(qtbot, window):
    # GIVEN the demo ledger's bar and the disaster-mode banner across the top of the window
    bar, banner = window.privacy.demo_bar, window.privacy.sharing_banner
    banner.text.setText("災害時モード：同意のない方の情報も表示しています")
    banner.setVisible(True)
    assert bar.isVisible()

    def behind(widget) -> tuple[str, str]:
        """The colour the window shows behind the bar and behind its text (just inside their top-left corners)."""
        qtbot.wait(50)
        image = window.grab().toImage()
        corner, text = widget.mapTo(window, widget.rect().topLeft()), widget.text.mapTo(window, widget.text.rect().topLeft())
        return image.pixelColor(corner.x() + 2, corner.y() + 2).name(), image.pixelColor(text.x() + 1, text.y() + 1).name()

    try:
        for contrast in (False, True):
            window.actions[MainAction.HIGH_CONTRAST].setChecked(contrast)
            # THEN the banner's white text is on its red, and the demo bar's dark blue text on its light blue: the
            # banner was white on the window's light grey (unreadable), and with high contrast the demo bar's text
            # dark blue on black
            assert behind(banner) == ("#c00000", "#c00000"), f"high contrast {contrast}"
            assert banner.text.palette().windowText().color().name() == "#ffffff"
            assert behind(bar) == ("#dcefff", "#dcefff"), f"high contrast {contrast}"
            assert bar.text.palette().windowText().color().name() == "#0b2c55"
    finally:
        window.actions[MainAction.HIGH_CONTRAST].setChecked(False)


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21; 4.5 is its least for text)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_a_refused_check_is_told_in_readable_red_in_normal_and_high_contrast(qtbot, window):
    # GIVEN the roll call's notice saying a check was refused (red text: the panel never opens a box on the day)
    window.safety.show_panel()
    notice = window.safety.panel.notice
    notice.setText("この確認は記録できませんでした")
    notice.setVisible(True)
    try:
        for contrast in (False, True):
            window.actions[MainAction.HIGH_CONTRAST].setChecked(contrast)
            qtbot.wait(50)
            text = notice.palette().windowText().color()
            background = window.grab().toImage().pixelColor(notice.mapTo(window, notice.rect().topLeft()))
            # THEN it is red, and readable on what is behind it: dark red on high contrast's black was about 2:1
            assert (text.hsvHue() <= 15 or text.hsvHue() >= 345) and text.hsvSaturationF() >= 0.4, text.name()
            assert contrast_ratio(text, background) >= 4.5, f"{text.name()} on {background.name()}"
    finally:
        window.actions[MainAction.HIGH_CONTRAST].setChecked(False)


def test_a_tick_box_shows_its_box_and_whether_it_is_ticked_in_high_contrast(qtbot, window):
    # GIVEN Step II's 「見守り者がまだいない人だけ」 tick box, in high contrast (its box was black on black: not there)
    box = window.watch_panel.only_gaps
    window.steps.setCurrentIndex(1)
    window.actions[MainAction.HIGH_CONTRAST].setChecked(True)
    try:
        def colours() -> set[str]:
            """The colours of the tick box's own square (where its style draws it, left of its text)."""
            qtbot.wait(50)
            option = QStyleOptionButton()
            box.initStyleOption(option)
            square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
            image = box.grab().toImage()
            return {image.pixelColor(x, y).name() for x in range(square.left(), square.right() + 1)
                    for y in range(square.top(), square.bottom() + 1)}

        box.setChecked(False)
        # THEN its square is drawn in white on the black, and ticked it is filled with yellow
        assert "#ffffff" in colours() and "#ffff00" not in colours()
        box.setChecked(True)
        assert "#ffff00" in colours()
    finally:
        box.setChecked(False)
        window.actions[MainAction.HIGH_CONTRAST].setChecked(False)


def test_the_start_time_of_an_incident_is_framed_like_every_field_in_high_contrast(qtbot, window):
    # GIVEN a date-and-time field (the start of an incident) and a plain field, in high contrast
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDateTimeEdit, QLineEdit

    window.actions[MainAction.HIGH_CONTRAST].setChecked(True)
    try:
        edges = []
        for field in (QLineEdit(), QDateTimeEdit()):
            qtbot.addWidget(field)
            field.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its frame, not the focus frame drawn over it
            field.show()
            qtbot.wait(50)
            image = field.grab().toImage()
            edges.append(image.pixelColor(0, image.height() // 2).name())
        # THEN both have the white frame that shows where to type (the date and time had none: black on black)
        assert edges == ["#ffffff", "#ffffff"]
    finally:
        window.actions[MainAction.HIGH_CONTRAST].setChecked(False)


def test_large_text_lists_every_widget_with_the_collector_paused(qtbot, window, qapp):  # noqa: F811
    """Turning large text on restyles every widget of the app, each wrapped for Python from Qt's list of them. A
    collection in the middle of that could delete a closed window waiting in a reference cycle, whose widgets were
    further on in that list: the next one wrapped was freed memory (a crash seen in the tests, where earlier tests'
    windows wait for the collector)."""
    import gc

    listed: list[tuple[int, bool]] = []

    class App:  # the application as the window's Comfort sees it, noting how each list of its widgets was made
        def __getattr__(self, name: str):  # noqa: ANN204
            return getattr(qapp, name)

        def allWidgets(self):  # noqa: ANN202, N802 - Qt's name
            widgets = qapp.allWidgets()
            listed.append((len(widgets), gc.isenabled()))
            return widgets

    window.comfort.app = App()
    try:
        # WHEN large text is turned on
        window.actions[MainAction.LARGE_TEXT].setChecked(True)
        # THEN every widget was listed (and restyled) with the collector paused, and the text is large
        assert listed and all(count > 100 and not collecting for count, collecting in listed), listed
        assert qapp.font().pointSizeF() >= window.comfort.base_point_size * 1.5 - 0.01
        assert window.household_panel.name.font().pointSizeF() >= qapp.font().pointSizeF() - 0.01
    finally:
        window.actions[MainAction.LARGE_TEXT].setChecked(False)
        window.comfort.app = qapp
    assert gc.isenabled()
