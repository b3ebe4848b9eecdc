"""Every change leaves an audit entry with the operator, in the same transaction; archived persons come back."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import openpyxl
import pytest
from sqlalchemy import select

from app.core.errors import LedgerError
from app.core.views import HouseholdFields, PersonFields
from app.households import households
from app.models import AuditAction, Operator, Person, Town
from app.models.audit import OPERATOR_INFO_KEY
from app.privacy import audit
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields


@pytest.fixture
def person(ledger, town):
    ledger.operator = Operator("田中民生委員", "welfare commissioner")
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前家", category_codes=("of_concern",)))
        return households.add_person(s, h.id, PersonFields(name="越前ハル", of_concern=True, concerns="足が弱い"))


def test_an_edit_is_logged_with_operator_field_and_old_and_new_values(ledger, person):
    ledger.operator = Operator("佐藤", "社協職員")
    with ledger.Session.begin() as s:
        households.edit_person(s, person.id, PersonFields(name="越前ハル", of_concern=True, concerns="物忘れがある"))
    with ledger.Session() as s:
        [latest, *_] = audit.list_audit(s, person_id=person.id)
    assert (latest.operator_name, latest.operator_role) == ("佐藤", "社協職員")
    assert (latest.action, latest.entity, latest.field) == (AuditAction.UPDATE, "person", "concerns")
    assert (latest.old_value, latest.new_value) == ("足が弱い", "物忘れがある")
    assert latest.label == "越前ハル"


def test_creating_a_household_logs_its_fields_and_categories(ledger, person):
    with ledger.Session() as s:
        rows = audit.list_audit(s, household_id=person.household_id)
    created = {r.field: r.new_value for r in rows if r.action is AuditAction.CREATE and r.entity == "household"}
    assert created["name"] == "越前家"
    assert created["categories"] == "気がかりな世帯"
    assert all(r.operator_name == "田中民生委員" for r in rows)


def test_a_rolled_back_change_leaves_no_audit_entry(ledger, person):
    with ledger.Session() as s:
        before = len(audit.list_audit(s))
    with pytest.raises(RuntimeError):
        with ledger.Session.begin() as s:
            households.edit_person(s, person.id, PersonFields(name="別人"))
            s.flush()
            raise RuntimeError("the dialog was cancelled half-way")
    with ledger.Session() as s:
        assert len(audit.list_audit(s)) == before
        assert s.get(Person, person.id).name == "越前ハル"


def test_a_session_can_name_its_own_operator(ledger, person):
    with ledger.Session.begin() as s:
        s.info[OPERATOR_INFO_KEY] = Operator("import-roster", "command line")
        households.edit_person(s, person.id, PersonFields(name="越前ハル", phone="0778-00-0000", of_concern=True))
    with ledger.Session() as s:
        assert audit.list_audit(s, limit=1)[0].operator_name == "import-roster"


def test_the_persons_history_includes_their_watchers_and_household(ledger, town, person):
    with ledger.Session.begin() as s:
        w = watch.add_watcher(s, town.id, WatcherFields(name="隣の山本"))
        watch.link_watcher(s, person.id, w.id, LinkFields(involvement="声かけ"))
        households.edit_household(s, person.household_id, HouseholdFields(name="越前家", note="犬がいる",
                                                                            category_codes=("of_concern",)))
        other = households.add_household(s, town.id, None, HouseholdFields(name="よその家"))
    with ledger.Session() as s:
        rows = audit.list_audit(s, person_id=person.id)
    seen = {(r.entity, r.field, r.new_value) for r in rows}
    assert ("watch_link", "involvement", "声かけ") in seen  # a model from another module, covered generically
    assert ("household", "note", "犬がいる") in seen
    assert ("person", "name", "越前ハル") in seen
    assert not any(r.household_id == other.id for r in rows)
    assert not any(r.entity == "watcher" for r in rows)  # the watcher's own record is not the person's history


def test_filtering_by_date_range(ledger, person):
    today = date.today()
    with ledger.Session() as s:
        assert audit.list_audit(s, since=today, until=today)
        assert audit.list_audit(s, until=today - timedelta(days=1)) == []
        assert audit.list_audit(s, since=today + timedelta(days=1)) == []


def test_archiving_with_a_reason_and_restoring(ledger, person):
    with ledger.Session.begin() as s:
        audit.archive_person(s, person.id, audit.ArchiveReason.FACILITY, "特養ひだまり荘へ入所")
    with ledger.Session() as s:
        [archived] = audit.archived_persons(s)
        assert (archived.name, archived.reason, archived.note) == ("越前ハル", audit.ArchiveReason.FACILITY,
                                                                  "特養ひだまり荘へ入所")
        assert households.get_household(s, person.household_id).persons == ()  # gone from every list
        [entry] = [r for r in audit.list_audit(s, person_id=person.id) if r.action is AuditAction.ARCHIVE]
        assert entry.reason == "facility: 特養ひだまり荘へ入所"
    with ledger.Session.begin() as s, pytest.raises(LedgerError):
        audit.archive_person(s, person.id, audit.ArchiveReason.DIED)
    with ledger.Session.begin() as s:
        audit.restore_person(s, person.id, "施設から戻った")
    with ledger.Session() as s:
        assert audit.archived_persons(s) == []
        assert [p.name for p in households.get_household(s, person.household_id).persons] == ["越前ハル"]
        assert audit.list_audit(s, person_id=person.id, limit=1)[0].action is AuditAction.RESTORE


def test_deleting_a_household_in_the_side_panel_shows_as_archived(ledger, person):
    with ledger.Session.begin() as s:
        households.delete_household(s, person.household_id)
    with ledger.Session() as s:
        latest = audit.list_audit(s, household_id=person.household_id, limit=1)[0]
    assert (latest.action, latest.field, latest.old_value) == (AuditAction.ARCHIVE, "deleted_at", None)


def test_exports_keep_user_text_as_text(ledger, person, tmp_path):
    with ledger.Session.begin() as s:
        households.edit_person(s, person.id, PersonFields(name="=HYPERLINK(\"http://x\")", of_concern=True))
    with ledger.Session() as s:
        rows = audit.list_audit(s, person_id=person.id)
    out_csv = audit.export_audit_csv(rows, tmp_path / "log.csv")
    with open(out_csv, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][0].startswith("日時") and len(table) == len(rows) + 1
    assert "'=HYPERLINK(\"http://x\")" in [c for line in table for c in line]
    out_xlsx = audit.export_audit_xlsx(rows, tmp_path / "log.xlsx")
    ws = openpyxl.load_workbook(out_xlsx).active
    cells = [c for row in ws.iter_rows() for c in row if c.value == "=HYPERLINK(\"http://x\")"]
    assert cells and all(c.data_type == "s" for c in cells)
    assert "社協職員用" in ws.oddHeader.center.text  # the printed history says it is for council staff only


def _many_edits(ledger, person, n: int) -> None:
    with ledger.Session.begin() as s:
        for i in range(n):
            households.edit_person(s, person.id, PersonFields(name="越前ハル", of_concern=True, concerns=f"見守り {i}"))
            s.flush()


def test_the_whole_history_is_read_a_chunk_at_a_time_as_the_list_reads_it(ledger, person, monkeypatch):
    """GIVEN a history longer than one chunk of the reader
    WHEN it is read for an export (iter_audit), for everyone, for the person and from a day on
    THEN the rows are those the list gives without a limit, in the same order (a created record's one entry
    still a row per field)."""
    _many_edits(ledger, person, 7)
    monkeypatch.setattr(audit, "_CHUNK", 3)
    with ledger.Session() as s:
        for choice in ({}, {"person_id": person.id}, {"since": date.today() - timedelta(days=1)},
                       {"household_id": person.household_id}):
            listed = audit.list_audit(s, **choice)
            assert len(listed) > 7 and list(audit.iter_audit(s, **choice)) == listed, choice
        assert list(audit.iter_audit(s, since=date.today() + timedelta(days=2))) == []


def test_a_history_longer_than_a_sheet_goes_on_in_the_next_sheet_with_its_column_names(ledger, person, tmp_path):
    """GIVEN a history of more rows than a sheet holds (the sheet made 4 rows long for the test; Excel's holds
    1,048,575 under its column names)
    WHEN it is exported to Excel
    THEN every row is written, in order, over 「監査ログ」, 「監査ログ (2)」 …, each sheet under the column names and
    with the staff-only rule in its printed header; no row is lost at a sheet's end."""
    _many_edits(ledger, person, 5)
    with ledger.Session() as s:
        rows = audit.list_audit(s)
        path = audit.export_audit_xlsx(audit.iter_audit(s), tmp_path / "history.xlsx", rows_per_sheet=4)
    wb = openpyxl.load_workbook(path)
    pages = -(-len(rows) // 4)
    assert wb.sheetnames == ["監査ログ", *(f"監査ログ ({n})" for n in range(2, pages + 1))]
    written = []
    for ws in wb.worksheets:
        table = [[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)]
        assert tuple(table[0]) == audit.HEADERS and 1 <= len(table) - 1 <= 4
        assert "社協職員用" in ws.oddHeader.center.text and ws.print_title_rows == "$1:$1"
        written += table[1:]
    assert written == [audit._cells(r) for r in rows]


def test_the_persons_to_choose_the_history_of_are_listed_as_the_households_list_them(demo_ledger):
    """The history window's list of persons, read with one query, is the one read through the households."""
    with demo_ledger.Session() as s:
        town_id = s.scalars(select(Town.id)).one()
        expected = [(p.id, f"No.{h.map_number} {p.name}")
                    for h in households.list_households(s, town_id) for p in h.persons]
        assert len(expected) > 50 and households.person_choices(s, town_id) == expected


def test_the_history_exported_is_counted_out_with_its_serial_in_the_header(ledger, person, tmp_path):
    """GIVEN a history that names people
    WHEN it is exported (the history window's Export…) to Excel, then to CSV
    THEN each file is a copy counted out in the printed copies ledger for council staff, the Excel one with its
    serial in the page header; a file of another kind is refused and nothing is counted."""
    from app.privacy.copies import list_copies, serial_line

    with ledger.Session.begin() as s:
        path = audit.export_history(s, tmp_path / "history.xlsx", person_id=person.id)
        audit.export_history(s, tmp_path / "history.csv")
    with ledger.Session() as s:
        copies = list_copies(s)
    assert [(c.paper, c.audience, c.file_name) for c in copies[:2]] == [
        ("audit_history", "staff", "history.csv"), ("audit_history", "staff", "history.xlsx")]
    ws = openpyxl.load_workbook(path).active
    assert ws.oddHeader.right.text == serial_line(copies[1].serial)
    with ledger.Session() as s:
        assert ws.max_row - 1 == len(audit.list_audit(s, person_id=person.id)) > 0  # the person's rows, all of them
    with ledger.Session.begin() as s, pytest.raises(LedgerError, match="history"):
        audit.export_history(s, tmp_path / "history.pdf")
    with ledger.Session() as s:
        assert len(list_copies(s)) == 2
