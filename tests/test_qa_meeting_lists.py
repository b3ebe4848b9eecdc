"""The meeting's lists as the 区長 and 民生委員 read them: the overview's rows say what each is, dates follow
the View menu's 和暦 setting, and the self-check does not lose ticks that were not saved."""

from __future__ import annotations

from tests.test_ui_map import window  # noqa: F401 - the window fixture


def test_overview_names_the_district_subtotal_and_the_total(qtbot, window):
    # GIVEN the demo ledger: one district (さくら地区) with one town (ひだまり町)
    ov = window.meeting.show_overview(show=lambda _d: None)
    names = [r[0] for r in ov.visible_rows()]
    # THEN the town is listed by its name, the district's subtotal and the grand total say what they are:
    # no row without a name, and the subtotal is not mistaken for a town called さくら地区
    assert names == ["ひだまり町", "さくら地区: district total", "Total"]
    # and the counts are the ledger's: 60 households in the town, its subtotal and the total
    assert [r[1] for r in ov.visible_rows()] == ["60", "60", "60"]
