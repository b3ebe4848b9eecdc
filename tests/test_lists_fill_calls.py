"""A long list's fill asks Python nothing per row when no filter is on (Qt's own filter, an empty expression), and
a panel looks its persons up through the list's own index: a city's fill hashes each person's id once, not twice."""

from __future__ import annotations

import sys
import uuid

from app.core.views import PersonView
from app.emergency.views import CardView
from app.ui.emergency_panel import EmergencyPanel
from app.ui.list_models import ViewList
from tests.test_list_models import columns, rows

N = 3_000


def python_calls(work) -> int:  # noqa: ANN001
    """How many Python functions ran (on this thread) while ``work()`` did, besides hashing ids (the list's index
    hashes each key once: ``UUID.__hash__`` is Python)."""
    calls = 0

    def count(frame, event, _arg):  # noqa: ANN001, ANN202
        nonlocal calls
        if event == "call" and frame.f_code.co_name != "__hash__":
            calls += 1

    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


def test_a_fill_with_no_filter_asks_python_nothing_per_row(qtbot):
    listing = ViewList(columns(), search=lambda r: (r.name, r.kana, str(r.map_number)))
    qtbot.addWidget(listing)
    given = rows(N)
    # WHEN the list is filled with no filter on
    calls = python_calls(lambda: listing.fill(given, None))
    # THEN every row is listed, with a number of Python calls that does not grow with the rows
    assert listing.count() == N
    assert calls < N // 10, calls
    # and the filters still work: text (folded), a panel's own test, both, and off again
    listing.set_filter_text("やまだ")
    assert listing.count() == N // 100
    listing.set_filter(lambda r: r.map_number % 2 == 1)  # every ヤマダ has an odd number (0, 100, ...)
    assert listing.count() == N // 100
    listing.set_filter_text("")
    assert listing.count() == N // 2
    listing.set_filter(lambda r: r.map_number <= 10)  # another test, the same (empty) text
    assert listing.count() == 10
    listing.set_filter(None)
    assert listing.count() == N


def test_a_panels_fill_hashes_each_persons_id_once(qtbot, monkeypatch):
    panel = EmergencyPanel()
    qtbot.addWidget(panel)
    people = [PersonView(uuid.uuid4(), uuid.uuid4(), f"佐藤　{i}", f"さとう{i}") for i in range(N)]
    cards = [CardView(p, p.household_id, i + 1, "", "", "ひだまり町", has_card=True) for i, p in enumerate(people)]
    hashed = 0
    real = uuid.UUID.__hash__

    def counted(self):  # noqa: ANN001, ANN202
        nonlocal hashed
        hashed += 1
        return real(self)

    monkeypatch.setattr(uuid.UUID, "__hash__", counted)
    panel.show_cards(cards)
    monkeypatch.setattr(uuid.UUID, "__hash__", real)
    assert hashed <= N + 10, hashed
    # and the panel still finds each card by its person
    assert panel.card(people[123].id) is cards[123] and panel.card(uuid.uuid4()) is None and panel.card(None) is None
    assert panel.choose(people[5].id) and "佐藤　5" in panel.detail.text()
