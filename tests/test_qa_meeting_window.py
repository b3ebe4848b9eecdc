"""The liaison meeting (Step IV) in the window, as the 区長 uses it: wording, and reaching Step IV."""

from __future__ import annotations

import re

from app.__main__ import build_parser
from app.models.meeting import ReviewOutcome
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def test_step_iv_can_be_opened_from_the_command_line():
    # WHEN someone asks for the liaison meeting's step (to show it, or to capture it for a manual)
    args = build_parser().parse_args(["--demo", "--step", "4"])
    # THEN it is accepted, like steps I to III
    assert args.step == 4


def test_ending_a_watch_asks_in_plain_english(qtbot, window, monkeypatch):
    window.show_step(3)
    panel = window.meeting_panel
    panel.persons.choose(panel.queue[0].person.id)
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda q: (asked.append(q), False)[1])
    # WHEN the 区長 presses "Moved away"
    window.meeting.record_outcome(ReviewOutcome.MOVED_AWAY)
    # THEN the question reads as a sentence, not "that they Moved away"
    assert asked and "that they" not in asked[0] and "“Moved away”" in asked[0]


def test_the_person_shown_never_reads_1_watchers(qtbot, window):
    window.show_step(3)
    panel = window.meeting_panel
    # The count is told as "watchers: N", which reads right for 0, 1 and 2 (never "1 watchers").
    for q in panel.queue[:4]:
        panel.persons.choose(q.person.id)
        text = panel.detail.text()
        assert f"watchers: {q.watcher_count}" in text and not re.search(r"\b1 watchers\b", text)
