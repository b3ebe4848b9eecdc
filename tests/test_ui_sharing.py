"""Disaster mode and the printed copies in the real window: the red banner shows and hides with the mode,
the switch asks who and why, the meeting lists the copies still out and one click records a return."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app.models.sharing import SharingMode
from app.privacy.copies import list_copies, outstanding_copies
from app.privacy.sharing import current_sharing, mode_history
from app.ui.sharing_widgets import SharingModeDialog
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def test_the_red_banner_shows_while_disaster_mode_is_on_and_the_switches_are_recorded(qtbot, window):
    banner = window.privacy.sharing_banner
    assert not banner.isVisible()  # GIVEN normal times
    # WHEN disaster mode is switched on, with who and why
    sharing = window.privacy.set_sharing_mode(SharingMode.DISASTER, who="社協　事務局長", why="避難指示 発令")
    # THEN the banner is up, naming who switched it on and why
    assert sharing is not None and sharing.disaster
    assert banner.isVisible()
    assert "社協　事務局長" in banner.text.text() and "避難指示 発令" in banner.text.text()
    # WHEN switching back from the banner's own button's path (who given)
    assert window.privacy.set_sharing_mode(SharingMode.NORMAL, who="社協　事務局長", why="解除") is not None
    assert not banner.isVisible()
    with window.ledger.Session() as s:
        assert not current_sharing(s).disaster
        assert [h.mode for h in mode_history(s)] == [SharingMode.NORMAL, SharingMode.DISASTER]


def test_the_switch_dialog_will_not_go_on_without_who_and_why(qtbot, window):
    dialog = SharingModeDialog(SharingMode.DISASTER, "民生　花子", window)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.who.text() == "民生　花子" and not ok.isEnabled()  # no reason yet
    dialog.why.setPlainText("土砂災害警戒情報")
    assert ok.isEnabled()
    dialog.who.clear()
    assert not ok.isEnabled()
    back = SharingModeDialog(SharingMode.NORMAL, "民生　花子", window)
    qtbot.addWidget(back)
    assert back.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # back: who is enough


def test_the_meeting_lists_copies_out_and_one_click_records_a_return(qtbot, window, tmp_path):
    # GIVEN a contact sheet exported from Step III (a paper with names)
    window.show_step(2)
    written = []
    assert window.emergency.export_sheet_excel(tmp_path / "sheet.xlsx", done=written.append) is not None
    qtbot.waitUntil(lambda: bool(written), timeout=60_000)  # written in the background
    with window.ledger.Session() as s:
        (copy,) = outstanding_copies(s)
    # WHEN the meeting opens the list of copies out
    window.show_step(3)
    label = window.meeting_panel.tr("Copies out…")
    button = next(b for b in window.meeting_panel.findChildren(QPushButton) if b.text() == label)
    button.click()
    dialog = window.privacy.copies_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.serials() == [copy.serial]
    assert not dialog.returned.isEnabled()  # nothing chosen yet
    # AND records its return with one click on the chosen copy
    assert dialog.choose(copy.serial)
    dialog.returned.click()
    # THEN it leaves the list, and the ledger says who took it back and when
    assert dialog.serials() == []
    with window.ledger.Session() as s:
        (row,) = list_copies(s)
    assert row.outcome == "returned" and row.closed_by == window.ledger.operator.name and row.closed_at is not None
    dialog.close()


def test_a_printed_map_with_numbers_only_registers_no_copy(qtbot, window):
    from app.maps.printing import PrintOptions

    shown = []
    with qtbot.waitSignal(window.projector.printed, timeout=90_000):
        assert window.projector.print_map(PrintOptions(paper="A4", landscape=True), show=shown.append) is not None
    assert len(shown) == 1
    with window.ledger.Session() as s:
        assert list_copies(s) == []
