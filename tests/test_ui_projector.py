"""Projector mode for the liaison meeting: map numbers instead of names, nothing personal anywhere."""

from __future__ import annotations

from app.households import households
from app.ui.mainwindow.actions import MainAction
from tests.page_calls import run_js
from tests.test_ui_map import page_state, texts_on_page, window  # noqa: F401 - the window fixture


def personal_texts(window) -> set[str]:
    """Every name, phone number, birth date and concern of the town's members."""
    texts: set[str] = set()
    with window.ledger.Session() as s:
        for h in households.list_households(s, window.towns.town.id):
            texts |= {h.name, h.address} - {""}
            for p in h.persons:
                texts |= {p.name, p.kana, p.phone, p.concerns} - {""}
                if p.birth_date:
                    texts.add(p.birth_date.isoformat())
    return texts


def test_projector_mode_hides_every_personal_detail(qtbot, window):
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.projector.set_projector(True)
    assert window.banner.isVisible() and "PROJECTOR" in window.banner.text()
    assert not window.steps.isVisible() and not window.menuBar().isVisible()
    personal = personal_texts(window)
    # Nothing personal reached the page: not in the data it holds, not in its text, not in a tooltip.
    page_data = run_js(qtbot, window, "JSON.stringify(sasaeai.featureData()) + document.body.innerText")
    assert "mapNumber" in page_data
    assert not [t for t in personal if t in page_data]
    # a household's symbol (gathering places are public and keep their names)
    some_id = next(i for i in page_state(qtbot, window)["ids"] if window.towns.kinds.get(i) == "household")
    run_js(qtbot, window, f"sasaeai.showTooltip('{some_id}')")
    tip = run_js(qtbot, window, "document.querySelector('.sasaeai-tooltip').textContent")
    assert tip.startswith("No.") and not [t for t in personal if t in tip]
    # Visible widgets show nothing personal either.
    from PySide6.QtWidgets import QLabel

    shown = " ".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())
    assert not [t for t in personal if t in shown]


def test_leaving_projector_mode_is_deliberate(qtbot, window, monkeypatch):
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.projector.set_projector(True)
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.projector.on  # Esc does not leave
    monkeypatch.setattr(window, "confirm", lambda _q: False)
    window.actions[MainAction.LEAVE_PROJECTOR].trigger()
    assert window.projector.on
    monkeypatch.setattr(window, "confirm", lambda _q: True)
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.actions[MainAction.LEAVE_PROJECTOR].trigger()
    assert not window.projector.on and window.steps.isVisible() and not window.banner.isVisible()
    # Names are back on the page once the meeting display is off (they follow the households, as on any open).
    texts_on_page(qtbot, window)
    with window.ledger.Session() as s:
        target = next(h for h in households.list_households(s, window.towns.town.id) if h.label)
    run_js(qtbot, window, f"sasaeai.showTooltip('{target.id}')")
    assert target.label in run_js(qtbot, window, "document.querySelector('.sasaeai-tooltip').textContent")


def test_printed_map_preview_from_the_window(qtbot, window, tmp_path):
    from app.maps.printing import PrintOptions

    shown = []
    with qtbot.waitSignal(window.projector.printed, timeout=90_000) as printed:
        assert window.projector.print_map(PrintOptions(paper="A3", landscape=False), show=shown.append) is not None
    preview = printed.args[0]
    assert shown == [preview]
    assert preview.page_count == 1
    saved = preview.save(tmp_path / "map.pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    # Closed, the preview removes its own PDF; the copy the user saved stays.
    made = preview.pdf
    preview.reject()
    assert not made.exists() and not made.parent.exists() and saved.is_file()


def test_meeting_lists_show_map_numbers_only_on_the_projector(qtbot, window):
    from app.core.views import Crs, MapPoint, PersonFields
    from tests.test_ui_meeting import start_meeting

    start_meeting(window, days_ago=7)
    with window.ledger.Session() as s:
        someone = next(h for h in households.list_households(s, window.towns.town.id) if h.persons)
    person = someone.persons[0]
    window.households.edit_person(person.id, PersonFields(
        name=person.name, kana=person.kana, phone="0778-22-0000", of_concern=True, concerns="通院中"))
    window.households.add_household(MapPoint(Crs.PIXEL, 210.0, 210.0))
    personal = personal_texts(window)

    def cells(dialog) -> list[str]:
        return [cell for row in dialog.table.visible_rows() for cell in row]

    shown: list = []
    before = cells(window.meeting.show_changes(show=shown.append))
    assert person.name in before  # off the projector the report names who changed
    with qtbot.waitSignal(window.map_ready, timeout=60_000):
        window.projector.set_projector(True)
    changes = cells(window.meeting.show_changes(show=shown.append))
    assert str(someone.map_number) in changes  # map numbers still match the printed map
    due = cells(window.meeting.show_due_list(show=shown.append))
    assert due and any(cell.isdigit() for cell in due)
    for texts in (changes, due):
        assert not [t for t in personal if any(t in cell for cell in texts)]
