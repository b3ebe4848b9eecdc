"""Step III in the window: cards edited and undone, the sheet and cards previewed, reference layers on the map."""

from __future__ import annotations

import pytest

from app.emergency import cards as emergency
from app.emergency.views import Missing
from app.towns import towns
from app.ui.emergency_panel import CardDialog
from app.ui.mainwindow.actions import MainAction
from tests.conftest import DATA
from tests.test_ui_map import page_state, window  # noqa: F401 - the window fixture

ECHIZEN = DATA / "echizen"


def cards(window):
    with window.ledger.Session() as s:
        return {c.person.id: c for c in emergency.list_cards(s, window.towns.town.id)}


@pytest.fixture
def step3(window):
    window.show_step(2)
    return window


def test_panel_lists_who_needs_a_card(qtbot, step3):
    all_cards = cards(step3)
    without = [c for c in all_cards.values() if not c.has_card]
    assert step3.emergency_panel.persons.count() == len(all_cards)
    assert f"{len(without)} without a card" in step3.emergency_panel.summary.text()
    step3.emergency_panel.show_only.setCurrentIndex(step3.emergency_panel.NO_CARD)
    assert step3.emergency_panel.persons.count() == len(without)


def test_making_a_card_in_the_dialog_and_undo(qtbot, step3):
    person = next(c for c in cards(step3).values() if not c.has_card)
    assert step3.emergency_panel.choose(person.person.id)
    with step3.ledger.Session() as s:
        directory = emergency.list_agencies(s)
    dialog = CardDialog(person, directory, step3)
    for row, values in enumerate((("長男　一郎", "長男", "090-0000-1111", "福井市"), ("長女　花子", "長女", "090-0000-2222", ""))):
        for col, text in enumerate(values):
            dialog.contacts.setItem(row, col, __import__("PySide6.QtWidgets", fromlist=["x"]).QTableWidgetItem(text))
    dialog.kept_at.setCurrentText("冷蔵庫の扉")
    made = step3.emergency.edit_card(person.person.id, dialog)
    assert made is not None and made.has_card
    saved = cards(step3)[person.person.id]
    assert [(c.name, c.phone) for c in saved.contacts] == [("長男　一郎", "090-0000-1111"), ("長女　花子", "090-0000-2222")]
    assert saved.kept_at == "冷蔵庫の扉"
    assert Missing.CONTACTS not in saved.missing
    assert "no card yet" not in "  ".join(step3.emergency_panel.persons.current_row())
    step3.actions[MainAction.UNDO].trigger()
    assert not cards(step3)[person.person.id].has_card


def previewed(qtbot, job, shown):
    """The preview a background job made (``show`` got it when the PDF was written)."""
    assert job is not None
    with qtbot.waitSignal(job.succeeded, timeout=60_000):
        pass
    return shown[-1]


def test_sheet_and_card_previews_show_pages_and_save(qtbot, step3, tmp_path):
    shown = []
    sheet = previewed(qtbot, step3.emergency.preview_sheet(show=shown.append), shown)
    assert sheet is not None and sheet.page_count >= 1
    saved = sheet.save(tmp_path / "sheet.pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    person = next(c for c in cards(step3).values() if c.has_card)
    one = previewed(qtbot, step3.emergency.preview_cards([person.person.id], show=shown.append), shown)
    assert one.page_count == 1
    step3.emergency_panel.per_page.setCurrentIndex(1)  # two cards per page
    every = previewed(qtbot, step3.emergency.preview_cards(None, show=shown.append), shown)
    # Every person who needs support gets a card (a blank one is filled in by hand), two per page.
    assert every.page_count == (len(cards(step3)) + 1) // 2
    assert len(shown) == 3


def test_shelters_show_on_a_geographic_map_with_their_credit(qtbot, step3):
    # GIVEN a town on a plain (geographic) background
    with step3.ledger.Session.begin() as s:
        geo_town = towns.create_town(s, "武生地区", "府中一丁目", center=(35.9036, 136.1688))
    step3.towns.refresh_towns()
    with qtbot.waitSignal(step3.map_ready, timeout=60_000):
        step3.towns.load_town(geo_town.id)
    before = page_state(qtbot, step3)["references"]  # the demo's own (fictional) places, if any
    # WHEN the real shelter list is imported (its defects are reported, not fatal)
    previews = []
    with qtbot.waitSignal(step3.map_ready, timeout=60_000):
        assert step3.emergency.import_reference_layer(ECHIZEN / "gsi_evacuation_shiteihinanjo.geojson",
                                            confirm=lambda p: previews.append(p) or True)
    state = page_state(qtbot, step3)
    # THEN every shelter of the file with a position is drawn
    assert state["references"] - before == sum(1 for f in previews[0].features if f["lat"] is not None) > 20
    assert "国土地理院" in state["attribution"]
    step3.actions[MainAction.REFERENCES].setChecked(False)
    assert page_state(qtbot, step3)["referencesShown"] is False


def test_agency_list_import_with_kind_and_area_code_given(qtbot, step3):
    with step3.ledger.Session() as s:
        before = {a.id for a in emergency.list_agencies(s)}
    with qtbot.waitSignal(step3.emergency.agencies_imported, timeout=60_000) as ended:  # read and written off the UI thread
        assert step3.emergency.import_agencies(DATA / "fukui" / "hoyanet_chiikihoukatsu.csv",
                                     kind="community_support_centre", confirm=lambda p: True, area_code="0776")
    assert ended.args == [True]
    with step3.ledger.Session() as s:
        added = [a for a in emergency.list_agencies(s) if a.id not in before]
    assert len(added) == 14
    # The file's phones lack the area code; the import gave them 福井市's (0776), hyphenated.
    assert all(a.phone.startswith("0776-") for a in added), [a.phone for a in added]


def test_pixel_town_shows_no_reference_symbols(qtbot, step3, tmp_path):
    from PIL import Image

    from app.towns import basemaps
    from app.towns.reference_layers import import_layer

    # GIVEN a town drawn on a scanned map not yet tied to the ground, and the city's shelters in the ledger
    scan = tmp_path / "scan.png"
    Image.new("RGB", (800, 600), "white").save(scan)
    with step3.ledger.Session.begin() as s:
        town = towns.create_town(s, "武生地区", "京町一丁目")
        basemaps.set_image_base_map(s, step3.ledger.data_dir, town.id, scan)
        import_layer(s, ECHIZEN / "hinanjo.csv")
    step3.towns.refresh_towns()
    with qtbot.waitSignal(step3.map_ready, timeout=60_000):
        step3.towns.load_town(town.id)
    # THEN none is drawn: geographic points cannot go on a map in pixels
    assert page_state(qtbot, step3)["references"] == 0


def pdf_text(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_preview_asks_for_whom_and_applies_the_consent_rule(qtbot, step3, tmp_path):
    from app.privacy.consent import ConsentFields, ConsentStatus
    from app.privacy.masking import Audience, export_rule

    people = [c for c in cards(step3).values()]
    refused, agreed = people[0].person, people[1].person
    step3.households.select_household(refused.household_id)  # consent is recorded from the household's panel
    assert step3.privacy.edit_consent(refused.id, ConsentFields(ConsentStatus.NO))
    step3.households.select_household(agreed.household_id)
    assert step3.privacy.edit_consent(agreed.id, ConsentFields(ConsentStatus.YES, share_with_watchers=True,
                                                         share_with_agencies=True, show_on_community_map=True))
    shown = []
    sheet = previewed(qtbot, step3.emergency.preview_sheet(show=shown.append), shown)
    assert sheet.current_audience == Audience.WATCHERS  # the sheet goes to watchers and 民生委員 by default
    assert export_rule(Audience.WATCHERS).ja in sheet.rule.text()
    text = pdf_text(sheet.pdf).replace(" ", "")
    assert agreed.name.replace("　", "").replace(" ", "") in text.replace("　", "")
    assert refused.name.replace("　", "").replace(" ", "") not in text.replace("　", "")
    # The council's own copy: chosen in the same preview, every name, and it says so.
    sheet.choose_audience(Audience.STAFF)  # made again in the background, shown when ready
    qtbot.waitUntil(lambda: export_rule(Audience.STAFF).ja in sheet.rule.text(), timeout=60_000)
    assert sheet.current_audience == Audience.STAFF
    staff = pdf_text(sheet.pdf).replace(" ", "").replace("　", "")
    assert refused.name.replace("　", "").replace(" ", "") in staff
    saved = sheet.save(tmp_path / "staff.pdf")
    assert pdf_text(saved).replace(" ", "").replace("　", "") == staff


def test_all_cards_print_in_the_order_the_list_shows(qtbot, step3, tmp_path):
    from tests.emergency_fixtures import pdf_text

    # GIVEN the list of Step III in 五十音 order (as a register is kept)
    step3.emergency_panel.order.setCurrentIndex(step3.emergency_panel.order.findData("kana"))
    listed = sorted(cards(step3).values(), key=emergency.kana_key)
    # WHEN every card is printed
    shown = []
    every = previewed(qtbot, step3.emergency.preview_cards(None, show=shown.append), shown)
    text = pdf_text(every.save(tmp_path / "cards.pdf"), raw=True)
    # THEN the cards come in that order, not in map-number order (a person the watchers may not see by name is
    # printed anonymously: the others tell the order)
    named = [(c.map_number, c.person.name.replace("　", "").replace(" ", "")) for c in listed]
    named = [(number, name) for number, name in named if name in text]
    assert len(named) >= 5
    assert [text.find(name) for _, name in named] == sorted(text.find(name) for _, name in named)
    assert [n for n, _ in named] != sorted(n for n, _ in named)  # 五十音 order is not the map's here
