"""The watch-network record form filled in by hand in Excel, as a 民生委員 does, then imported back."""

from __future__ import annotations

import unicodedata

import openpyxl

from app.core.sheets import ChangeKind
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch.watch_form import apply_form, export_form, read_form


def _town(ledger):
    with ledger.Session.begin() as s:
        return towns.find_town(s, "ひだまり町").id


def _export(ledger, town_id, path):
    with ledger.Session.begin() as s:
        export_form(s, town_id, path, audience=Audience.STAFF)
    return path


def _phones(ledger, town_id):
    with ledger.Session.begin() as s:
        return {c.person.name: c.person.phone for c in watch.list_concerns(s, town_id)}


def _tel_rows(ws):
    """(row of the TEL line, the person's name) for every filled block of the sheet."""
    return [(r, ws.cell(r - 2, 2).value) for r in range(1, ws.max_row + 1)
            if ws.cell(r, 1).value == "TEL" and ws.cell(r - 2, 2).value]


def _to_full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def test_a_phone_typed_in_full_width_digits_or_as_a_number_is_read_in_its_printed_form(demo_ledger, tmp_path):
    # GIVEN the form of the demo town, and a volunteer who types phone numbers the way Japanese Excel lets them:
    town_id = _town(demo_ledger)
    path = _export(demo_ledger, town_id, tmp_path / "form.xlsx")
    before = _phones(demo_ledger, town_id)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    (same_row, same_name), (new_row, new_name), (number_row, number_name) = _tel_rows(ws)[:3]
    # the same number again, retyped with the IME in full width,
    ws.cell(same_row, 2).value = _to_full_width(before[same_name])
    assert ws.cell(same_row, 2).value != before[same_name]
    # a new number in full width with a long-vowel mark for the dashes,
    ws.cell(new_row, 2).value = "０７７８ー２２ー００５５"
    # and a new number typed as a number, which Excel keeps without its leading 0.
    ws.cell(number_row, 2).value = 778220066
    wb.save(path)

    # WHEN the form is read back
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    rows = {r.label: r for r in preview.rows if r.record == "person"}

    # THEN the retyped number is no change, and the new ones are shown as they will be stored
    assert rows[same_name].kind is ChangeKind.UNCHANGED, rows[same_name].changes
    assert [(c.field, c.new) for c in rows[new_name].changes] == [("phone", "0778-22-0055")]
    assert [(c.field, c.new) for c in rows[number_name].changes] == [("phone", "0778-22-0066")]

    # AND importing stores them in the printed form every other screen and paper of the ledger uses
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
    after = _phones(demo_ledger, town_id)
    assert after[same_name] == before[same_name]
    assert after[new_name] == "0778-22-0055"
    assert after[number_name] == "0778-22-0066"
    assert all(unicodedata.normalize("NFKC", p) == p for p in after.values())


def test_the_preview_window_names_each_changed_field_in_words_a_volunteer_reads(demo_ledger, tmp_path, qtbot):
    from app.ui.import_dialogs import ImportPreviewDialog

    # GIVEN a form where a person's phone changed, a watcher's way of helping changed and a watcher was added
    town_id = _town(demo_ledger)
    path = _export(demo_ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    tel_row, _name = _tel_rows(ws)[0]
    ws.cell(tel_row, 2).value = "0778-22-0055"
    first = tel_row - 2  # the block's 氏名 line holds its first watcher
    ws.cell(first, 4).value = "週に一度、電話で声かけ"
    ws.cell(tel_row, 3).value, ws.cell(tel_row, 4).value = "新井　ミツ", "朝のゴミ出しのときに声かけ"
    wb.save(path)
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)

    # WHEN the preview window shows it
    dialog = ImportPreviewDialog(preview, "見守りネットワーク記録用紙")
    qtbot.addWidget(dialog)
    changes = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())
               if not dialog.table.isRowHidden(r)]

    # THEN every change is called by the name on the paper form, never by the program's own field name
    assert any("電話" in text and "0778-22-0055" in text for text in changes), changes
    assert sum("関わり方" in text for text in changes) == 2, changes
    for raw in ("phone:", "involvement:", "watcher:", "address:", "concerns:"):
        assert not any(raw in text for text in changes), (raw, changes)


def _watchers_of(ledger, town_id):
    with ledger.Session.begin() as s:
        return {c.person.name: [(x.watcher.name, x.involvement) for x in c.links]
                for c in watch.list_concerns(s, town_id)}


def _shared_watcher_line(ws, before):
    """(row, person, watcher) of a watcher line whose watcher also watches other persons of the town."""
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value != "氏名" or not ws.cell(r, 2).value:
            continue
        for line in (r, r + 1):
            watcher = ws.cell(line, 3).value
            if watcher and sum(watcher in [n for n, _i in links] for links in before.values()) >= 2:
                return line, ws.cell(r, 2).value, watcher
    raise AssertionError("the demo town has a watcher who watches several persons")


def test_writing_another_name_over_a_shared_watcher_replaces_them_for_that_person_only(demo_ledger, tmp_path):
    # GIVEN the form, where the volunteer writes a new neighbour over the line of a watcher (青木 進) who also
    # watches other persons: 「青木さんの代わりに佐藤さんが見守る」
    town_id = _town(demo_ledger)
    path = _export(demo_ledger, town_id, tmp_path / "form.xlsx")
    before = _watchers_of(demo_ledger, town_id)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    line, person, old = _shared_watcher_line(ws, before)
    ws.cell(line, 3).value, ws.cell(line, 4).value = "佐藤　花子", "毎朝ゴミ出しのときに声かけ"
    wb.save(path)

    # WHEN it is previewed, THEN the preview says the line's watcher becomes 佐藤 花子
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    changed = [(r.cell, [(c.field, c.old, c.new) for c in r.changes]) for r in preview.rows
               if r.kind is not ChangeKind.UNCHANGED]
    assert changed == [(f"C{line}", [("watcher", old, "佐藤　花子"),
                                     ("involvement", dict(before[person])[old], "毎朝ゴミ出しのときに声かけ")])]

    # AND importing does exactly that: 佐藤 花子 watches this person instead of 青木 進,
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
    after = _watchers_of(demo_ledger, town_id)
    names = [n for n, _i in after[person]]
    assert "佐藤　花子" in names and old not in names, after[person]
    # and every other person 青木 進 watches still has them, under their own name.
    for other, links in before.items():
        if other != person:
            assert after[other] == links, other

    # AND the same form read again changes nothing more.
    with demo_ledger.Session.begin() as s:
        again = read_form(s, path)
    assert [r for r in again.rows if r.kind is not ChangeKind.UNCHANGED] == []


def _form_with_a_fifth_watcher(ledger, town_id, path):
    """The first person of the form gets five watchers (lines 1–5 of its block); returns (form, person, 5th)."""
    from app.watch.views import LinkFields, WatcherFields

    with ledger.Session.begin() as s:
        first = watch.list_concerns(s, town_id)[0]
        person, names = first.person.name, [x.watcher.name for x in first.links]
        for n in range(len(names) + 1, 6):
            w = watch.add_watcher(s, town_id, WatcherFields(f"見守り　{n}"))
            watch.link_watcher(s, first.person.id, w.id, LinkFields("週に一度の声かけ"))
    _export(ledger, town_id, path)
    return path, person, "見守り　5"


def test_a_watcher_line_deleted_with_its_row_is_named_in_the_preview_and_removed_only_when_chosen(demo_ledger, tmp_path):
    # GIVEN a person with five watchers, and a volunteer who deletes the whole Excel row of the fifth
    town_id = _town(demo_ledger)
    path, person, fifth = _form_with_a_fifth_watcher(demo_ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    block = next(r for r in range(1, 40) if ws.cell(r, 1).value == "氏名" and ws.cell(r, 2).value == person)
    assert ws.cell(block + 4, 3).value == fifth
    ws.delete_rows(block + 4)  # 行の削除: the hidden key of the line goes with it
    wb.save(path)

    # WHEN the form is previewed
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)

    # THEN the preview says this watcher is no longer on the form, at the person's block, keeping them by default
    gone = [r for r in preview.rows if r.kind is not ChangeKind.UNCHANGED]
    assert [(r.label, r.cell, [(c.field, c.old, c.new) for c in r.changes]) for r in gone] == [
        (fifth, f"B{block}", [("watcher", fifth, "")])]
    assert "no longer in this person's block" in gone[0].reason
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
    assert fifth in [n for n, _i in _watchers_of(demo_ledger, town_id)[person]]

    # AND choosing 見守りをやめる takes them off this person, and nothing else
    before = _watchers_of(demo_ledger, town_id)
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    row = next(r for r in preview.rows if r.kind is ChangeKind.NEEDS_DECISION)
    preview.decide(row, next(o.value for o in row.options if o.label == "見守りをやめる"))
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
    after = _watchers_of(demo_ledger, town_id)
    assert after[person] == [x for x in before[person] if x[0] != fifth]
    assert {k: v for k, v in after.items() if k != person} == {k: v for k, v in before.items() if k != person}


def test_a_watcher_name_retyped_with_a_half_width_space_is_no_rename(demo_ledger, tmp_path):
    # GIVEN the form, where the volunteer retypes a shared watcher's name with a half-width space
    # (「青木 進」 for 「青木　進」) and changes how they help
    town_id = _town(demo_ledger)
    path = _export(demo_ledger, town_id, tmp_path / "form.xlsx")
    before = _watchers_of(demo_ledger, town_id)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    line, person, old = _shared_watcher_line(ws, before)
    ws.cell(line, 3).value, ws.cell(line, 4).value = old.replace("\u3000", " "), "月に一度、家を訪ねる"
    wb.save(path)

    # WHEN it is previewed, THEN only the way of helping changes: the name is the same name
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    changed = [(r.cell, [(c.field, c.new) for c in r.changes]) for r in preview.rows
               if r.kind is not ChangeKind.UNCHANGED]
    assert changed == [(f"C{line}", [("involvement", "月に一度、家を訪ねる")])]

    # AND after the import the watcher keeps their name on every person's line
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
    after = _watchers_of(demo_ledger, town_id)
    assert (old, "月に一度、家を訪ねる") in after[person]
    assert all(old.replace("\u3000", " ") not in [n for n, _i in links] for links in after.values())


def test_a_spelling_fixed_on_the_line_of_a_watcher_of_one_person_renames_them(demo_ledger, tmp_path):
    # GIVEN a watcher who watches one person only, whose name the volunteer corrects on the form
    town_id = _town(demo_ledger)
    path, person, fifth = _form_with_a_fifth_watcher(demo_ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    r = next(r for r in range(1, 60) if ws.cell(r, 3).value == fifth)
    ws.cell(r, 3).value = "見守り　五郎"
    wb.save(path)
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    assert [[(c.field, c.old, c.new) for c in x.changes] for x in preview.rows if x.kind is not ChangeKind.UNCHANGED] \
        == [[("watcher", fifth, "見守り　五郎")]]
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
        names = [w.name for w in watch.list_watchers(s, town_id)]
    assert "見守り　五郎" in names and fifth not in names
    assert "見守り　五郎" in [n for n, _i in _watchers_of(demo_ledger, town_id)[person]]


def test_a_roster_that_spells_one_person_households_独り暮らし_or_一人暮し_marks_them(demo_ledger, tmp_path):
    from app.models import Household
    from app.watch import roster

    # GIVEN a roster whose 世帯区分 column spells 一人暮らし as rosters of the city often do
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名簿"
    ws.append(["氏名", "住所", "世帯区分"])
    spellings = ["独り暮らし", "一人暮し", "独り暮し", "ひとり暮し", "一人暮らし"]
    for n, kind in enumerate(spellings, start=1):
        ws.append([f"新井　{n}郎", f"ひだまり町9丁目99-{n}", kind])
    path = tmp_path / "名簿.xlsx"
    wb.save(path)
    town_id = _town(demo_ledger)

    # WHEN it is imported into the town
    with demo_ledger.Session.begin() as s:
        preview = roster.read_roster(s, path, town_id)
        assert [r.kind for r in preview.rows] == [ChangeKind.ADDED] * len(spellings)
        roster.apply_roster(s, preview)

    # THEN every one of them is a one-person elderly household (独 on the map), none left without a kind
    with demo_ledger.Session.begin() as s:
        from sqlalchemy import select

        added = s.scalars(select(Household).where(Household.address.like("ひだまり町9丁目99-%"))).all()
        assert len(added) == len(spellings)
        assert all("single_elderly" in {c.code for c in h.categories} for h in added), \
            {h.address: [c.code for c in h.categories] for h in added}


def test_a_long_way_of_helping_or_long_concerns_get_rows_tall_enough_to_be_printed_whole(demo_ledger, tmp_path):
    from app.models import Person
    from app.watch.views import LinkFields, WatcherFields

    # GIVEN a watcher whose way of helping is a long sentence, and a person with long concerns
    town_id = _town(demo_ledger)
    involvement = "朝夕の見回り、雨戸の開け閉めを確認し、異変があれば民生委員に電話で連絡する"
    concerns = "物忘れが増えてきた。火の始末が心配。" * 8
    with demo_ledger.Session.begin() as s:
        first, second = watch.list_concerns(s, town_id)[:2]
        w = watch.add_watcher(s, town_id, WatcherFields("近所　太郎"))
        watch.link_watcher(s, first.person.id, w.id, LinkFields(involvement))
        s.get(Person, second.person.id).concerns = concerns

    # WHEN the form is exported
    ws = openpyxl.load_workbook(_export(demo_ledger, town_id, tmp_path / "form.xlsx")).worksheets[0]

    def height(r):
        return ws.row_dimensions[r].height or ws.sheet_format.defaultRowHeight

    # THEN the line of that watcher is tall enough for the three lines the sentence wraps to in 関わり方
    line = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == involvement)
    assert height(line) >= 3 * 14, height(line)
    # AND the block of the person with long concerns gives 気になるところ room for every line of them
    # (about 14 full-width letters a line in its column: 144 letters take ten lines)
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "氏名"
               and ws.cell(r, 2).value == second.person.name)
    merged = next(m for m in ws.merged_cells.ranges if m.min_row == top + 3 and m.min_col == 2)
    assert ws.cell(top + 3, 2).value == concerns
    assert sum(height(r) for r in range(merged.min_row, merged.max_row + 1)) >= 10 * 14
    # AND lines with short text keep the form's usual height
    assert height(top) == height(top + 1) == ws.sheet_format.defaultRowHeight


def test_an_address_typed_with_full_width_digits_is_the_same_address(demo_ledger, tmp_path):
    # GIVEN the form, where the volunteer retypes one address with the IME's full-width digits and dash,
    # and writes a new address for another person the same way
    town_id = _town(demo_ledger)
    path = _export(demo_ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    (same_tel, same), (new_tel, moved) = _tel_rows(ws)[:2]
    address = ws.cell(same_tel - 1, 2).value
    ws.cell(same_tel - 1, 2).value = _to_full_width(address)
    assert ws.cell(same_tel - 1, 2).value != address
    ws.cell(new_tel - 1, 2).value = "ひだまり町３丁目１２－４"
    wb.save(path)

    # WHEN it is previewed, THEN the retyped address is no change and the new one is shown as it will be kept
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    rows = {r.label: r for r in preview.rows if r.record == "person"}
    assert rows[same].kind is ChangeKind.UNCHANGED, rows[same].changes
    assert [(c.field, c.new) for c in rows[moved].changes] == [("address", "ひだまり町3丁目12-4")]
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
        addresses = {c.person.name: c.address for c in watch.list_concerns(s, town_id)}
    assert addresses[same] == address and addresses[moved] == "ひだまり町3丁目12-4"


def test_an_address_kept_in_the_ledger_with_full_width_digits_is_no_change_on_the_way_back(demo_ledger, tmp_path):
    from app.models import Person

    # GIVEN an address typed with full-width digits in the household window (kept as typed)
    town_id = _town(demo_ledger)
    with demo_ledger.Session.begin() as s:
        first = watch.list_concerns(s, town_id)[0]
        s.get(Person, first.person.id).household.address = "ひだまり町２丁目７－１１"
    # WHEN its form is exported and read back untouched, THEN nothing changes, and the import keeps it as it was
    path = _export(demo_ledger, town_id, tmp_path / "form.xlsx")
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    assert [r for r in preview.rows if r.kind is not ChangeKind.UNCHANGED] == []
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
        assert s.get(Person, first.person.id).household.address == "ひだまり町２丁目７－１１"


def test_a_phone_kept_in_the_ledger_unformatted_is_no_change_on_the_way_back(demo_ledger, tmp_path):
    from app.models import Person

    # GIVEN a phone kept in the ledger as it was once typed, in full width and without dashes
    town_id = _town(demo_ledger)
    with demo_ledger.Session.begin() as s:
        first = watch.list_concerns(s, town_id)[0]
        s.get(Person, first.person.id).phone = "０７７８２２００５５"
    # WHEN its form is exported and read back untouched, THEN the preview shows no change
    path = _export(demo_ledger, town_id, tmp_path / "form.xlsx")
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    assert [r for r in preview.rows if r.kind is not ChangeKind.UNCHANGED] == []


def test_the_decision_of_a_row_with_a_long_reason_stays_in_view_in_the_preview_window(demo_ledger, tmp_path, qtbot):
    from app.ui.import_dialogs import ImportPreviewDialog

    # GIVEN a form where the row of a person's fifth watcher was deleted (a decision with a long reason)
    town_id = _town(demo_ledger)
    path, person, fifth = _form_with_a_fifth_watcher(demo_ledger, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws.delete_rows(next(r for r in range(1, 60) if ws.cell(r, 3).value == fifth))
    wb.save(path)
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)

    # WHEN the preview window opens at its usual size
    dialog = ImportPreviewDialog(preview, "見守りネットワーク記録用紙")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    r = next(i for i, row in enumerate(preview.rows) if row.options)

    # THEN its choice (そのまま残す / 見守りをやめる) is in view without scrolling sideways, the reason wrapped
    combo = table.cellWidget(r, 4)
    assert combo is not None and combo.currentText() == "そのまま残す"
    assert table.columnViewportPosition(4) + table.columnWidth(4) <= table.viewport().width()
    assert table.columnWidth(4) >= combo.sizeHint().width()
    assert table.horizontalScrollBar().maximum() == 0
