"""A person's name retyped on the watch-network record form with another space or width is the same name."""

from __future__ import annotations

import openpyxl

from app.core.sheets import ChangeKind
from app.models import Person
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch.watch_form import apply_form, export_form, read_form


def _town(ledger):
    with ledger.Session.begin() as s:
        return towns.find_town(s, "ひだまり町").id


def _names(ledger, town_id):
    with ledger.Session.begin() as s:
        return [c.person.name for c in watch.list_concerns(s, town_id)]


def test_a_persons_name_retyped_with_a_half_width_space_is_no_rename(demo_ledger, tmp_path):
    # GIVEN the form of the demo town, where the volunteer retypes a person's name with a half-width space
    # (「越前 花子」 for 「越前　花子」)
    town_id = _town(demo_ledger)
    path = tmp_path / "form.xlsx"
    with demo_ledger.Session.begin() as s:
        export_form(s, town_id, path, audience=Audience.STAFF)
    before = _names(demo_ledger, town_id)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    r = next(r for r in range(1, ws.max_row + 1)
             if ws.cell(r, 1).value == "氏名" and "\u3000" in str(ws.cell(r, 2).value or ""))
    old = ws.cell(r, 2).value
    ws.cell(r, 2).value = old.replace("\u3000", " ")
    wb.save(path)

    # WHEN it is read back, THEN nothing changes: the name is the same name
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    changed = [(x.cell, [(c.field, c.old, c.new) for c in x.changes]) for x in preview.rows
               if x.kind is not ChangeKind.UNCHANGED]
    assert changed == []

    # AND after the import the person keeps the name as the ledger spells it
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
    after = _names(demo_ledger, town_id)
    assert old in after and old.replace("\u3000", " ") not in after
    assert sorted(after) == sorted(before)


def test_a_persons_name_kept_with_a_half_width_space_and_retyped_with_a_full_width_one_is_no_rename(
        demo_ledger, tmp_path):
    # GIVEN a person whose name the ledger keeps with a half-width space (as a roster typed it), and a phone
    # changed on the form too, retyped there with a full-width space
    town_id = _town(demo_ledger)
    with demo_ledger.Session.begin() as s:
        person = s.get(Person, watch.list_concerns(s, town_id)[0].person.id)
        person.name = "".join(person.name.split("\u3000")[:1]) + " " + "".join(person.name.split("\u3000")[1:])
        ledger_name = person.name
    path = tmp_path / "form.xlsx"
    with demo_ledger.Session.begin() as s:
        export_form(s, town_id, path, audience=Audience.STAFF)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "氏名" and ws.cell(r, 2).value == ledger_name)
    ws.cell(r, 2).value = ledger_name.replace(" ", "\u3000")
    ws.cell(r + 2, 2).value = "0778-22-0055"
    wb.save(path)

    # WHEN it is read back, THEN only the phone changes
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    assert [[(c.field, c.new) for c in x.changes] for x in preview.rows if x.kind is not ChangeKind.UNCHANGED] \
        == [[("phone", "0778-22-0055")]]

    # AND the import keeps the name as the ledger spells it
    with demo_ledger.Session.begin() as s:
        apply_form(s, preview)
    assert ledger_name in _names(demo_ledger, town_id)
