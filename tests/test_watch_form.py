"""The 見守りネットワーク記録用紙 in Excel: layout, round trip, retyped forms and every kind of bad file."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid

import openpyxl
import pytest
from openpyxl import Workbook

from app.core.errors import LedgerError
from app.core.sheets import ChangeKind, Choice
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import Person
from app.privacy import audit
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields
from app.watch.watch_form import TITLE, apply_form, export_form, read_form
from app.watch.watch_form_write import FULL_PAGE
from tests.office_print import needs_libreoffice, printed


@pytest.fixture
def demo_town(demo_ledger):
    """GIVEN the demo town with its invented watchers (make_demo seeds them)."""
    with demo_ledger.Session.begin() as s:
        town = towns.find_town(s, "ひだまり町")
        assert watch.list_watchers(s, town.id), "the demo town comes with watchers"
    return town


def snapshot(ledger, town_id):
    """Everything the form can change, as plain tuples."""
    with ledger.Session.begin() as s:
        return [
            (c.person.name, c.address, c.person.phone, c.person.concerns,
             tuple((x.watcher.name, x.involvement) for x in c.links))
            for c in watch.list_concerns(s, town_id)
        ], sorted(w.name for w in watch.list_watchers(s, town_id)), len(households.list_households(s, town_id))


def export(ledger, town_id, path, audience=Audience.STAFF):
    with ledger.Session.begin() as s:
        return export_form(s, town_id, path, audience=audience)


def preview(ledger, path):
    with ledger.Session.begin() as s:
        return read_form(s, path)


def apply(ledger, prev):
    with ledger.Session.begin() as s:
        return apply_form(s, prev)


def values(path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


# ---------------------------------------------------------------- export


def test_export_is_laid_out_like_the_paper_form(demo_ledger, demo_town, tmp_path):
    path = export(demo_ledger, demo_town.id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == "ひだまり町" and ws["A1"].value == TITLE and ws["B2"].value == "ひだまり町"
    assert (ws["A3"].value, ws["C3"].value, ws["C4"].value, ws["D4"].value) == ("気がかりな人", "見守り者", "氏名", "関わり方")
    assert [ws.cell(r, 1).value for r in range(5, 9)] == ["氏名", "住所", "TEL", "気になるところ"]
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "portrait"
    # pages as laid out: a fixed scale, the largest at which the fullest page fits between A4's margins
    scale, room = ws.page_setup.scale, 841.89 - 72 * (ws.page_margins.top + ws.page_margins.bottom)
    assert FULL_PAGE * scale / 100 <= room < FULL_PAGE * (scale + 1) / 100
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$4" and ws.print_area.startswith("'ひだまり町'!$A$1:$D$")
    assert "ひだまり町" in ws.oddHeader.right.text
    margins = ws.page_margins  # the header and footer lines have room above and below the form
    assert margins.top - margins.header >= 0.25 and margins.bottom - margins.footer >= 0.25
    assert ws["B5"].font.name == "BIZ UDゴシック"
    assert ws.column_dimensions["E"].hidden and ws.column_dimensions["F"].hidden
    assert wb["_sasaeai"].sheet_state == "hidden"
    with demo_ledger.Session.begin() as s:
        concerns = watch.list_concerns(s, demo_town.id)
    names = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)].count("氏名")
    assert names == len(concerns) + (-len(concerns)) % 4  # the last page is filled with empty blocks
    assert len(ws.row_breaks.brk) == names // 4
    first = concerns[0]
    assert ws["B5"].value == first.person.name and ws["C5"].value == first.links[0].watcher.name


def test_text_that_looks_like_a_formula_is_exported_as_text(ledger, town, tmp_path):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(address="@余川町1"))
        p = households.add_person(s, h.id, PersonFields("=1+2", phone="+81-778", of_concern=True,
                                                        concerns="-腰が痛い"))
        w = watch.add_watcher(s, town.id, WatcherFields("=HYPERLINK(\"x\")"))
        watch.link_watcher(s, p.id, w.id, LinkFields("=SUM(A1)"))
    path = export(ledger, town.id, tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    for ref, text in [("B5", "=1+2"), ("B6", "@余川町1"), ("B7", "+81-778"), ("B8", "-腰が痛い"),
                      ("C5", "=HYPERLINK(\"x\")"), ("D5", "=SUM(A1)")]:
        assert ws[ref].value == text and ws[ref].data_type == "s" and ws[ref].quotePrefix, ref
    assert preview(ledger, path).count(ChangeKind.UNCHANGED) == 2  # and it comes back as the same text


@needs_libreoffice
def test_printed_form_has_four_persons_per_a4_page_in_japanese(demo_ledger, demo_town, tmp_path):
    _pdf, pages = printed(export(demo_ledger, demo_town.id, tmp_path / "form.xlsx"), tmp_path)
    with demo_ledger.Session.begin() as s:
        n = len(watch.list_concerns(s, demo_town.id))
    assert len(pages) == -(-n // 4)
    for page in pages:
        assert TITLE in page and "ひだまり町" in page and "気がかりな人" in page
        assert page.count("気になるところ") == 4
        assert "表示ルール" in page  # the consent rule applied, at the foot of every page
    size = subprocess.run(["pdfinfo", str(tmp_path / "form.pdf")], capture_output=True, text=True).stdout
    assert "595.3" in size or "595" in size  # A4 width in points


# ---------------------------------------------------------------- round trip


def test_round_trip_changes_one_involvement_and_adds_one_watcher_and_nothing_else(demo_ledger, demo_town, tmp_path):
    first = export(demo_ledger, demo_town.id, tmp_path / "first.xlsx")
    before = values(first)
    wb = openpyxl.load_workbook(first)
    ws = wb.worksheets[0]
    old_involvement = ws["D5"].value
    ws["D5"] = "毎朝の声かけと新聞の確認"
    free = next(r for r in range(5, 11) if ws.cell(r, 3).value is None)
    ws.cell(free, 3, "新井　さくら")
    ws.cell(free, 4, "週末の買い物")
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    prev = preview(demo_ledger, edited)
    changed = [(r.kind, r.record, r.cell) for r in prev.rows if r.kind is not ChangeKind.UNCHANGED]
    assert changed == [(ChangeKind.UPDATED, "watcher", "C5"), (ChangeKind.ADDED, "watcher", f"C{free}")]
    (update,) = [r for r in prev.rows if r.kind is ChangeKind.UPDATED]
    assert [(c.field, c.old, c.new) for c in update.changes] == [("involvement", old_involvement, "毎朝の声かけと新聞の確認")]
    apply(demo_ledger, prev)

    after = values(export(demo_ledger, demo_town.id, tmp_path / "second.xlsx"))
    moved = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert moved - {"D2"} == {"D5", f"C{free}", f"D{free}", f"F{free}"}  # D2 is the export date
    assert (after["D5"], after[f"C{free}"], after[f"D{free}"]) == ("毎朝の声かけと新聞の確認", "新井　さくら", "週末の買い物")
    assert preview(demo_ledger, tmp_path / "second.xlsx").count(ChangeKind.UNCHANGED) == len(prev.rows)


def test_a_retyped_form_without_keys_matches_by_name_and_address_despite_width_and_spaces(
        demo_ledger, demo_town, tmp_path):
    with demo_ledger.Session.begin() as s:
        concern = watch.list_concerns(s, demo_town.id)[0]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"  # a volunteer's own workbook: no hidden keys, another sheet name
    ws.append([TITLE])
    ws.append(["町名", "ひだまり町"])
    ws.append([])
    ws.append(["", "", "氏名", "関わり方"])
    ws.append([])  # empty rows in between are fine
    ws.append(["氏名", concern.person.name.replace("\u3000", " "), concern.links[0].watcher.name, "声かけ（追加）"])
    ws.append(["住所", concern.address.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))])
    ws.append(["TEL", concern.person.phone])
    ws.append(["気になるところ", concern.person.concerns])
    ws.append([])
    ws.append([])
    ws.append(["氏名", "新田　トメ", "近所の　人", "雪かき"])
    ws.append(["住所", "ひだまり町9丁目1"])
    path = tmp_path / "retyped.xlsx"
    wb.save(path)
    prev = preview(demo_ledger, path)
    kinds = {(r.record, r.label): r.kind for r in prev.rows}
    # only the spacing differs: the same name, no rename
    assert kinds[("person", concern.person.name.replace("\u3000", " "))] is ChangeKind.UNCHANGED
    assert kinds[("watcher", concern.links[0].watcher.name)] is ChangeKind.UPDATED
    assert kinds[("person", "新田　トメ")] is ChangeKind.ADDED and kinds[("watcher", "近所の　人")] is ChangeKind.ADDED
    apply(demo_ledger, prev)
    with demo_ledger.Session.begin() as s:
        gap_before = {c.person.name for c in watch.persons_without_watcher(s, demo_town.id)}
        added = [c for c in watch.list_concerns(s, demo_town.id) if c.person.name == "新田　トメ"]
        unplaced = [h for h in households.list_households(s, demo_town.id) if h.pixel is None and h.geo is None]
    assert "新田　トメ" not in gap_before
    assert [(c.address, [(x.watcher.name, x.involvement) for x in c.links]) for c in added] == [
        ("ひだまり町9丁目1", [("近所の　人", "雪かき")])]
    assert [h.address for h in unplaced] == ["ひだまり町9丁目1"]  # waits to be pinned on the map


def test_a_retyped_block_naming_a_member_not_yet_of_concern_marks_them_rather_than_adding_a_home(
        demo_ledger, demo_town, tmp_path):
    # GIVEN a member of a demo household who is not a person of concern, and someone of the same name who is
    # neither of concern nor at that address (only the member at that address can be meant)
    from sqlalchemy import select

    from app.models import Household

    with demo_ledger.Session.begin() as s:
        member = s.scalars(select(Person).join(Household, Person.household_id == Household.id).where(
            Household.town_id == demo_town.id, Person.of_concern.is_(False), Person.deleted_at.is_(None),
            Household.address != "").order_by(Household.map_number)).first()
        member_id, name, address, phone = member.id, member.name, member.household.address, member.phone
        elsewhere = households.add_household(s, demo_town.id, None, HouseholdFields(address="ひだまり町8丁目8"))
        households.add_person(s, elsewhere.id, PersonFields(name))
    wb = Workbook()
    ws = wb.active
    for row in (["町名", "ひだまり町"], ["", "", "氏名", "関わり方"], ["氏名", name.replace("\u3000", " "), "", ""],
                ["住所", address.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))], ["TEL", phone]):
        ws.append(row)
    wb.save(tmp_path / "f.xlsx")
    # WHEN the retyped form (no hidden keys) is read
    (row,) = preview(demo_ledger, tmp_path / "f.xlsx").rows
    # THEN that member is matched and becomes a person of concern; no new home, nobody else offered
    assert row.kind is ChangeKind.UPDATED and not row.options
    assert [(c.field, c.new) for c in row.changes] == [("of_concern", "○")]
    apply(demo_ledger, preview(demo_ledger, tmp_path / "f.xlsx"))
    with demo_ledger.Session.begin() as s:
        assert watch.get_concern(s, member_id).person.of_concern


def test_same_name_at_another_address_needs_a_decision_and_is_skipped_until_decided(demo_ledger, demo_town, tmp_path):
    with demo_ledger.Session.begin() as s:
        concern = watch.list_concerns(s, demo_town.id)[0]
    wb = Workbook()
    ws = wb.active
    for row in (["町名", "ひだまり町"], ["", "", "氏名", "関わり方"], ["氏名", concern.person.name, "", ""],
                ["住所", "引っ越し先1-1"]):
        ws.append(row)
    wb.save(tmp_path / "f.xlsx")
    before = snapshot(demo_ledger, demo_town.id)
    prev = preview(demo_ledger, tmp_path / "f.xlsx")
    (row,) = prev.rows
    assert row.kind is ChangeKind.NEEDS_DECISION and (row.sheet, row.row, row.cell) == ("Sheet", 3, "B3")
    assert [o.value for o in row.options] == [Choice.SKIP, concern.person.id, Choice.NEW]
    apply(demo_ledger, prev)
    assert snapshot(demo_ledger, demo_town.id) == before
    prev.decide(row, concern.person.id)
    apply(demo_ledger, prev)
    with demo_ledger.Session.begin() as s:
        assert watch.get_concern(s, concern.person.id).address == "引っ越し先1-1"


def test_erasing_a_watcher_on_the_form_asks_before_unlinking(demo_ledger, demo_town, tmp_path):
    path = export(demo_ledger, demo_town.id, tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    name = ws["C5"].value
    ws["C5"], ws["D5"] = None, None
    wb.save(path)
    prev = preview(demo_ledger, path)
    (row,) = [r for r in prev.rows if r.kind is ChangeKind.NEEDS_DECISION]
    assert row.label == name and row.cell == "C5"
    prev.decide(row, Choice.REMOVE)
    apply(demo_ledger, prev)
    with demo_ledger.Session.begin() as s:
        first = watch.list_concerns(s, demo_town.id)[0]
    assert name not in [x.watcher.name for x in first.links]


# ---------------------------------------------------------------- hidden keys that cannot be trusted


def person_blocks(ws):
    """(row, person key) of every filled block of an exported form: 氏名 in column A, the key in column E."""
    return [(r, ws.cell(r, 5).value) for r in range(5, ws.max_row + 1)
            if ws.cell(r, 1).value == "氏名" and ws.cell(r, 5).value]


def concern_of(ledger, person_id):
    with ledger.Session.begin() as s:
        c = watch.get_concern(s, person_id)
        return (c.person.name, c.address, c.person.phone, c.person.concerns,
                tuple((x.watcher.name, x.involvement) for x in c.links))


def test_a_block_copied_with_its_hidden_key_asks_for_both_rows_and_the_rest_applies(demo_ledger, demo_town, tmp_path):
    # GIVEN an exported form where a volunteer copied the first block's hidden key onto the second block, changed
    # the concerns of both, and changed an involvement further down
    path = export(demo_ledger, demo_town.id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    (first, first_key), (second, second_key), (third, _third_key), *_ = person_blocks(ws)
    ws.cell(second, 5).value = first_key
    ws.cell(first + 3, 2).value = "一つ目の書き込み"
    ws.cell(second + 3, 2).value = "二つ目の書き込み"
    ws.cell(third, 4).value = "毎週の電話"
    wb.save(path)
    first_before = concern_of(demo_ledger, uuid.UUID(first_key))
    second_before = concern_of(demo_ledger, uuid.UUID(second_key))

    # WHEN the form is read
    prev = preview(demo_ledger, path)

    # THEN both rows need a decision, named by sheet, row and cell, and nothing is written for them by default
    undecided = [r for r in prev.rows if r.kind is ChangeKind.NEEDS_DECISION]
    assert [(r.sheet, r.row, r.cell) for r in undecided] == [("ひだまり町", first, f"B{first}"),
                                                             ("ひだまり町", second, f"B{second}")]
    assert all("hidden key" in r.reason and "another row" in r.reason for r in undecided)
    assert all(r.options[0].value is Choice.SKIP for r in undecided)
    assert {o.value for o in undecided[1].options} >= {uuid.UUID(first_key), uuid.UUID(second_key), Choice.NEW}
    assert not [r for r in prev.rows if r.row in (first, second) and r.kind is not ChangeKind.NEEDS_DECISION]
    apply(demo_ledger, prev)
    assert concern_of(demo_ledger, uuid.UUID(first_key)) == first_before
    assert concern_of(demo_ledger, uuid.UUID(second_key)) == second_before
    with demo_ledger.Session.begin() as s:  # ... while the rest of the form applied as usual
        third_links = watch.list_concerns(s, demo_town.id)
    assert "毎週の電話" in [x.involvement for c in third_links for x in c.links]

    # WHEN the user says who each row is (the same person for both is refused for the second)
    prev = preview(demo_ledger, path)
    undecided = [r for r in prev.rows if r.kind is ChangeKind.NEEDS_DECISION]
    prev.decide(undecided[0], uuid.UUID(first_key))
    prev.decide(undecided[1], uuid.UUID(first_key))
    apply(demo_ledger, prev)
    assert concern_of(demo_ledger, uuid.UUID(first_key))[3] == "一つ目の書き込み"
    assert concern_of(demo_ledger, uuid.UUID(second_key)) == second_before
    prev.decide(undecided[1], uuid.UUID(second_key))
    apply(demo_ledger, prev)
    # THEN each row updates the person chosen for it
    assert concern_of(demo_ledger, uuid.UUID(first_key))[3] == "一つ目の書き込み"
    assert concern_of(demo_ledger, uuid.UUID(second_key))[3] == "二つ目の書き込み"


@pytest.mark.parametrize("whose", ["another town", "archived", "unknown"])
def test_a_hidden_key_of_another_town_an_archived_or_unknown_person_asks_and_writes_nothing(
        demo_ledger, demo_town, tmp_path, whose):
    # GIVEN a person of concern in another town, and the demo town's exported form
    with demo_ledger.Session.begin() as s:
        other_town = towns.create_town(s, "南地区", "となり町")
        h = households.add_household(s, other_town.id, None, HouseholdFields(address="となり町1-1"))
        stranger = households.add_person(s, h.id, PersonFields("隣町　花子", of_concern=True, concerns="膝が痛い"))
    path = export(demo_ledger, demo_town.id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    (first, first_key), (second, _second_key), *_ = person_blocks(ws)
    if whose == "another town":  # WHEN the other town's key is pasted into the first block
        ws.cell(first, 5).value = str(stranger.id)
    elif whose == "unknown":
        ws.cell(first, 5).value = str(uuid.uuid4())
    ws.cell(first + 3, 2).value = "書き換えた気になるところ"
    ws.cell(second, 4).value = "毎週の電話"
    wb.save(path)
    if whose == "archived":  # ... or the first person was archived after the form was printed
        with demo_ledger.Session.begin() as s:
            audit.archive_person(s, uuid.UUID(first_key), audit.ArchiveReason.MOVED_AWAY)
    before = snapshot(demo_ledger, demo_town.id)
    with demo_ledger.Session.begin() as s:
        stranger_before = watch.get_concern(s, stranger.id).person
        first_before = s.get(Person, uuid.UUID(first_key)).concerns

    prev = preview(demo_ledger, path)

    # THEN that row needs a decision (sheet, row and cell named); the stranger is not one of the choices
    (row,) = [r for r in prev.rows if r.kind is ChangeKind.NEEDS_DECISION]
    assert (row.sheet, row.row, row.cell) == ("ひだまり町", first, f"B{first}")
    assert {"another town": "another town", "archived": "archived", "unknown": "no one"}[whose] in row.reason
    assert row.options[0].value is Choice.SKIP and stranger.id not in [o.value for o in row.options]
    assert not [r for r in prev.rows if r.row == first and r.kind is not ChangeKind.NEEDS_DECISION]
    # ... and applying writes nothing for it, nowhere, while the rest of the form applies
    apply(demo_ledger, prev)
    after = snapshot(demo_ledger, demo_town.id)
    assert [c[0] for c in after[0]] == [c[0] for c in before[0]] and after[1:] == before[1:]  # no one added
    with demo_ledger.Session.begin() as s:
        assert watch.get_concern(s, stranger.id).person == stranger_before
        assert s.get(Person, uuid.UUID(first_key)).concerns == first_before
        assert "毎週の電話" in [x.involvement for c in watch.list_concerns(s, demo_town.id) for x in c.links]

    # WHEN the user chooses to add the row as a new person THEN it is added to this town, the others untouched
    prev.decide(row, Choice.NEW)
    apply(demo_ledger, prev)
    with demo_ledger.Session.begin() as s:
        added = [c for c in watch.list_concerns(s, demo_town.id) if c.person.concerns == "書き換えた気になるところ"]
        assert len(added) == 1 and watch.get_concern(s, stranger.id).person == stranger_before
        assert s.get(Person, uuid.UUID(first_key)).concerns == first_before


# ---------------------------------------------------------------- bad input


def edited_form(ledger, town_id, tmp_path, edit):
    path = export(ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def test_headers_in_another_order_still_import(demo_ledger, demo_town, tmp_path):
    def swap(wb):
        ws = wb.worksheets[0]
        ws.unmerge_cells("C3:D3")
        for whole_width in [str(m) for m in ws.merged_cells.ranges if m.min_col == 1 and m.max_col == 4]:
            ws.unmerge_cells(whole_width)  # the title and the consent rule at the foot of each page
        for r in range(3, ws.max_row + 1):
            c, d = ws.cell(r, 3), ws.cell(r, 4)
            c.value, d.value = d.value, c.value
        ws.title = "記録用紙（改）"  # renamed sheet: the hidden key still finds the town

    prev = preview(demo_ledger, edited_form(demo_ledger, demo_town.id, tmp_path, swap))
    assert prev.count(ChangeKind.UNCHANGED) == len(prev.rows) > 20


def test_extra_merged_cells_still_import(demo_ledger, demo_town, tmp_path):
    def merge(wb):
        ws = wb.worksheets[0]
        ws.merge_cells("C9:D10")  # two empty watcher lines merged into one box for handwriting
        ws.merge_cells("A2:A3")

    prev = preview(demo_ledger, edited_form(demo_ledger, demo_town.id, tmp_path, merge))
    assert prev.count(ChangeKind.UNCHANGED) == len(prev.rows)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda ws: ws.__setitem__("B5", "=A1"), ["formula", "B5", "row 5"]),
        (lambda ws: ws.__setitem__("D6", "=UPPER(C6)"), ["formula", "D6", "row 6"]),
        (lambda ws: ws.__setitem__("B5", "長" * 500), ["500", "B5", "row 5"]),
        (lambda ws: ws.__setitem__("D5", "あ" * 501), ["501", "D5", "row 5"]),
        (lambda ws: ws.__setitem__("B5", None), ["empty", "B5", "row 5"]),
        (lambda ws: (ws.__setitem__("C9", None), ws.__setitem__("D9", "買い物")), ["empty", "C9", "row 9"]),
    ],
)
def test_bad_cells_stop_the_import_naming_sheet_row_and_cell_and_change_nothing(
        demo_ledger, demo_town, tmp_path, edit, expected):
    before = snapshot(demo_ledger, demo_town.id)
    path = edited_form(demo_ledger, demo_town.id, tmp_path, lambda wb: edit(wb.worksheets[0]))
    with pytest.raises(LedgerError) as err:
        preview(demo_ledger, path)
    message = str(err.value)
    assert "ひだまり町" in message and all(part in message for part in expected), message
    assert snapshot(demo_ledger, demo_town.id) == before


def test_a_renamed_town_name_without_the_hidden_sheet_is_reported_at_its_cell(demo_ledger, demo_town, tmp_path):
    def edit(wb):
        del wb["_sasaeai"]
        wb.worksheets[0]["B2"] = "どこか町"

    with pytest.raises(LedgerError) as err:
        preview(demo_ledger, edited_form(demo_ledger, demo_town.id, tmp_path, edit))
    assert "B2" in str(err.value) and "どこか町" in str(err.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"name,address\n\xe5\xb1\xb1\xe7\x94\xb0,1\n", "not an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "password-protected"),
        (b"PK\x03\x04broken zip", "not an Excel workbook"),
    ],
)
def test_files_that_are_not_a_usable_xlsx_are_refused(ledger, tmp_path, content, expected):
    path = tmp_path / "form.xlsx"
    path.write_bytes(content)
    with ledger.Session.begin() as s, pytest.raises(LedgerError, match=expected) as err:
        read_form(s, path)
    assert err.value.where == "form.xlsx"


def test_a_workbook_without_the_form_sheet_names_the_sheets_it_has(ledger, tmp_path):
    wb = Workbook()
    wb.active.title = "名簿"
    wb.active.append(["氏名", "住所"])
    wb.save(tmp_path / "other.xlsx")
    with ledger.Session.begin() as s, pytest.raises(LedgerError, match="名簿"):
        read_form(s, tmp_path / "other.xlsx")


def test_ten_thousand_rows_import_in_one_go(ledger, town, tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("大量")
    ws.append(["町名", "余川町"])
    ws.append(["", "", "氏名", "関わり方"])
    n = 1700
    for i in range(n):
        ws.append(["氏名", f"住民{i:04d}", f"見守り{i % 50:02d}", "声かけ"])
        ws.append(["住所", f"余川町{i}番地"])
        ws.append(["TEL", f"0778-{i:04d}"])
        ws.append(["気になるところ", "一人暮らし"])
        ws.append([])
        ws.append([])
    wb.save(tmp_path / "big.xlsx")
    started = time.monotonic()
    prev = preview(ledger, tmp_path / "big.xlsx")
    assert prev.count(ChangeKind.ADDED) == 2 * n
    apply(ledger, prev)
    assert time.monotonic() - started < 120
    with ledger.Session.begin() as s:
        concerns = watch.list_concerns(s, town.id)
        assert len(concerns) == n and len(watch.list_watchers(s, town.id)) == 50
        assert all(len(c.links) == 1 for c in concerns)


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="needs LibreOffice")
def test_a_form_saved_again_by_libreoffice_imports_unchanged(demo_ledger, demo_town, tmp_path):
    with demo_ledger.Session.begin() as s:
        concern = watch.list_concerns(s, demo_town.id)[0]
        households.edit_person(s, concern.person.id, PersonFields(
            concern.person.name, phone=concern.person.phone, of_concern=True, concerns="=腰痛（本人談）"))
    path = export(demo_ledger, demo_town.id, tmp_path / "form.xlsx")
    out = tmp_path / "resaved"
    subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    prev = preview(demo_ledger, out / "form.xlsx")
    assert prev.count(ChangeKind.UNCHANGED) == len(prev.rows) > 20
