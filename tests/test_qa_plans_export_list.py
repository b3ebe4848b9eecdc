"""The priority list's "Plans as PDF/Excel…" write what the list shows: with a 地区 or a 民生委員 chosen, only
their persons' plans, the file and the sheet named after that choice (not every plan of the town on the map)."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households
from app.privacy.consent import ConsentFields, ConsentStatus, record_consent
from app.towns.towns import create_town
from app.ui.plans_panel import TOWN_COLUMN
from tests.emergency_fixtures import flat, pdf_pages, pdf_text
from tests.test_qa_plans_columns import cut_short
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def click_export(qtbot, window, monkeypatch, path, label="Plans as Excel…"):
    """Press the list's export button, for the watchers, saving to ``path``; the file name the save box proposed."""
    proposed = []

    def save_box(_parent, _title, suggested, _filter):
        proposed.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_box)
    # "For whom?": the watchers' copy, offered first
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, current, _e: (items[current], True))
    button = next(b for b in window.plans.panel.findChildren(QPushButton) if b.text() == label)
    button.click()
    qtbot.waitUntil(lambda: str(path) in window.statusBar().currentMessage(), timeout=60_000)
    return proposed[0]


def sheet_rows(path):
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    return sheet, [(r[0], int(r[1]), r[2]) for r in rows]


def test_a_chosen_district_exports_only_its_plans(qtbot, window, monkeypatch, tmp_path):
    # GIVEN a second 地区 with one person of concern (who consented to the watchers), beside the demo's town
    with window.ledger.Session.begin() as s:
        town = create_town(s, "みどり地区", "青葉町")
        h = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 10, 10), HouseholdFields(name="青木家"),
                                     map_number=7)
        p = households.add_person(s, h.id, PersonFields(name="青木　フミ", kana="あおき ふみ", of_concern=True))
        record_consent(s, p.id, ConsentFields(ConsentStatus.YES, True, True, True, date(2026, 6, 1), "民生委員"),
                       today=date(2026, 6, 1))
    panel = window.plans.panel
    window.plans.show_list()
    assert {r.town_name for r in panel.list.visible_views()} == {"ひだまり町", "青葉町"}
    assert not panel.list.isColumnHidden(TOWN_COLUMN) and cut_short(panel) == []  # two towns: the town column, whole
    # WHEN the user chooses みどり地区 in the priority list and exports
    panel.district.setCurrentIndex(panel.district.findText("みどり地区"))
    assert [r.name for r in panel.list.visible_views()] == ["青木　フミ"]
    proposed = click_export(qtbot, window, monkeypatch, tmp_path / "plans.xlsx")
    # THEN the file holds that district's plan only, and says which district it is
    sheet, rows = sheet_rows(tmp_path / "plans.xlsx")
    assert rows == [("青葉町", 7, "青木　フミ")]
    assert "みどり地区" in proposed and "みどり地区" in sheet.oddHeader.left.text
    # AND the PDF likewise: one page, 青葉町's
    click_export(qtbot, window, monkeypatch, tmp_path / "plans.pdf", "Plans as PDF…")
    assert pdf_pages(tmp_path / "plans.pdf") == 1 and flat("青木　フミ") in pdf_text(tmp_path / "plans.pdf")


def test_a_chosen_commissioner_exports_only_their_persons(qtbot, window, monkeypatch, tmp_path):
    panel = window.plans.panel
    window.plans.show_list()
    everyone = {(r.town_name, r.map_number) for r in panel.list.visible_views()}
    panel.commissioner.setCurrentIndex(1)
    commissioner = panel.commissioner.currentData()
    listed = {(r.town_name, r.map_number) for r in panel.list.visible_views()}
    assert listed and listed < everyone
    proposed = click_export(qtbot, window, monkeypatch, tmp_path / "mine.xlsx")
    sheet, rows = sheet_rows(tmp_path / "mine.xlsx")
    assert {(town, number) for town, number, _name in rows} == listed
    assert commissioner in proposed and commissioner in sheet.oddHeader.left.text


def test_an_unnarrowed_list_of_one_town_exports_the_town_as_before(qtbot, window, monkeypatch, tmp_path):
    window.plans.show_list()
    listed = {(r.town_name, r.map_number) for r in window.plans.panel.list.visible_views()}
    proposed = click_export(qtbot, window, monkeypatch, tmp_path / "all.xlsx")
    sheet, rows = sheet_rows(tmp_path / "all.xlsx")
    assert {(town, number) for town, number, _name in rows} == listed
    assert proposed.endswith("個別避難計画_ひだまり町.xlsx") and "ひだまり町" in sheet.oddHeader.left.text
