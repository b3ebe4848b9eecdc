"""Consent on the papers for community members: the watch-network form, the emergency contact sheet and the
cards, in Excel and PDF, print a person by name only when their consent covers the audience, blank the
rest, keep the map number, and print the rule they applied on every sheet and page."""

from __future__ import annotations

import subprocess
from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from app.core.errors import LedgerError
from app.core.sheets import ChangeKind
from app.core.views import HouseholdFields, PersonFields
from app.emergency import card_pdf as emergency_cards
from app.emergency import cards as emergency
from app.emergency import contact_sheet as emergency_sheet
from app.emergency.views import CardFields, ContactFields
from app.households import households
from app.models import AuditEntry
from app.privacy import consent as privacy
from app.privacy.consent import ConsentFields, ConsentStatus
from app.privacy.masking import ANONYMOUS_NAME, Audience, rule_line
from app.watch import network as watch
from app.watch import watch_form
from app.watch.views import LinkFields, WatcherFields
from tests.emergency_fixtures import flat, pdf_pages

AGREED = dict(name="同意　花子", phone="0778-11-1111", concerns="膝が痛い", contact="長男　一郎", contact_phone="090-1111-2222",
              medical="血圧の薬", birth=date(1940, 3, 2))
REFUSED = dict(name="拒否　太郎", phone="0778-99-9999", concerns="夜に出歩く", contact="長女　秘子", contact_phone="090-9999-8888",
               medical="インスリン", birth=date(1938, 5, 6))
MARKUP = ("<img src=x onerror=alert(1)>", "<b>太郎</b>")


def add_person(s, town_id, who: dict, consent: ConsentFields | None, address: str):
    h = households.add_household(s, town_id, None, HouseholdFields(address=address, category_codes=("of_concern",)))
    p = households.add_person(s, h.id, PersonFields(who["name"], phone=who["phone"], of_concern=True,
                                                    concerns=who["concerns"], birth_date=who["birth"]))
    if consent is not None:
        privacy.record_consent(s, p.id, consent)
    emergency.save_card(s, p.id, CardFields(medical_notes=who["medical"], welfare_commissioner_name="民生　委員"),
                        [ContactFields(who["contact"], "子", who["contact_phone"])])
    w = watch.add_watcher(s, town_id, WatcherFields(f"見守り　{who['name'][:2]}"))
    watch.link_watcher(s, p.id, w.id, LinkFields("朝の声かけ"))
    return h.map_number


@pytest.fixture
def consent_town(ledger, town):
    """GIVEN a town with one person who agreed to sharing with watchers and one who refused."""
    with ledger.Session.begin() as s:
        agreed = add_person(s, town.id, AGREED, ConsentFields(ConsentStatus.YES, share_with_watchers=True),
                            "余川町1-1")
        refused = add_person(s, town.id, REFUSED, ConsentFields(ConsentStatus.NO), "余川町2-2")
    return ledger, town.id, agreed, refused


def xlsx_text(path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets if ws.sheet_state == "visible"
                     for row in ws.iter_rows() for c in row if c.value is not None)


def pdf_raw(path, page: int | None = None) -> str:
    args = ["pdftotext", "-raw"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def export(kind: str, s, town_id, path, **kwargs):
    if kind == "form":
        return watch_form.export_form(s, town_id, path, **kwargs)
    if kind == "sheet":
        return emergency_sheet.export_sheet(s, town_id, path, include_medical=True, **kwargs)
    return emergency_cards.export_cards(s, town_id, path, **kwargs)


PAPERS = [("form", ".xlsx"), ("sheet", ".xlsx"), ("sheet", ".pdf"), ("cards", ".xlsx"), ("cards", ".pdf")]


@pytest.mark.parametrize(("kind", "suffix"), PAPERS)
def test_papers_for_watchers_name_only_the_consenting_and_print_the_rule(consent_town, tmp_path, kind, suffix):
    ledger, town_id, agreed_number, refused_number = consent_town
    path = tmp_path / f"{kind}{suffix}"
    # WHEN the paper is made with its default audience (the 区長 / 民生児童委員 and watchers)
    with ledger.Session.begin() as s:
        export(kind, s, town_id, path)
    text = xlsx_text(path) if suffix == ".xlsx" else flat(pdf_raw(path))
    # THEN the consenting person is there in full, the other only as （匿名） with their map number
    for value in (AGREED["name"], AGREED["phone"]):
        assert flat(value) in flat(text), value
    for value in (REFUSED["name"], REFUSED["phone"], REFUSED["concerns"], REFUSED["contact"],
                  REFUSED["contact_phone"], REFUSED["medical"], "余川町2-2", "昭和13年"):
        assert flat(value) not in flat(text), value
    assert ANONYMOUS_NAME in text
    assert f"No.{refused_number}" in text or str(refused_number) in text
    # AND the rule applied is printed: on every PDF page, at the foot of every form page, under every card
    rule = rule_line(Audience.WATCHERS)
    assert "見守り者・民生委員への提供に同意した人のみ" in rule
    if suffix == ".pdf":
        for page in range(1, pdf_pages(path) + 1):
            assert flat(rule) in flat(pdf_raw(path, page)), page
    else:
        assert flat(rule) in flat(text)  # a long rule is broken into lines by 行頭禁則 (kinsoku_breaks)


@pytest.mark.parametrize(("kind", "suffix"), PAPERS)
def test_staff_papers_show_everyone_and_say_so(consent_town, tmp_path, kind, suffix):
    ledger, town_id, _, _ = consent_town
    path = tmp_path / f"{kind}{suffix}"
    with ledger.Session.begin() as s:
        export(kind, s, town_id, path, audience=Audience.STAFF)
    text = flat(xlsx_text(path) if suffix == ".xlsx" else pdf_raw(path))
    for value in (AGREED["name"], REFUSED["name"], REFUSED["phone"]):
        assert flat(value) in text
    assert ANONYMOUS_NAME not in text
    assert flat(rule_line(Audience.STAFF)) in text and "全員の氏名を表示" in text


def test_community_audience_uses_the_map_scope_and_unknown_audiences_are_refused(consent_town, tmp_path):
    ledger, town_id, _, _ = consent_town
    with ledger.Session.begin() as s:
        emergency_sheet.export_sheet(s, town_id, tmp_path / "c.xlsx", audience="community")
        with pytest.raises(LedgerError, match="audience"):
            emergency_sheet.export_sheet(s, town_id, tmp_path / "x.xlsx", audience="neighbours")
    text = xlsx_text(tmp_path / "c.xlsx")
    assert AGREED["name"] not in text  # she agreed to watchers, not to the community map
    assert rule_line(Audience.COMMUNITY) in text
    assert not (tmp_path / "x.xlsx").exists()


def audit_count(ledger) -> int:
    with ledger.Session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def test_an_anonymised_form_imported_back_unchanged_changes_nothing(consent_town, tmp_path):
    ledger, town_id, _, _ = consent_town
    with ledger.Session.begin() as s:
        path = watch_form.export_form(s, town_id, tmp_path / "form.xlsx")
        before = [(c.person.name, c.address, c.person.phone, c.person.concerns,
                   [(x.watcher.name, x.involvement) for x in c.links]) for c in watch.list_concerns(s, town_id)]
    entries = audit_count(ledger)
    # WHEN the form comes back as it went out (blank cells and （匿名） included)
    with ledger.Session.begin() as s:
        prev = watch_form.read_form(s, path)
        assert prev.count(ChangeKind.UNCHANGED) == len(prev.rows) == 4  # two persons, two watchers
        watch_form.apply_form(s, prev)
    # THEN nothing changed, not even the audit log
    with ledger.Session.begin() as s:
        after = [(c.person.name, c.address, c.person.phone, c.person.concerns,
                  [(x.watcher.name, x.involvement) for x in c.links]) for c in watch.list_concerns(s, town_id)]
    assert after == before and audit_count(ledger) == entries


def test_an_edit_on_an_anonymised_block_is_imported_and_the_blanks_still_mean_unchanged(consent_town, tmp_path):
    ledger, town_id, _, refused_number = consent_town
    with ledger.Session.begin() as s:
        path = watch_form.export_form(s, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == ANONYMOUS_NAME)
    assert ws.cell(top + 1, 2).value is None and ws.cell(top + 2, 2).value is None  # address and TEL blank
    ws.cell(top, 4).value = "夕方にも声かけ"  # the watcher's involvement, written by the commissioner
    wb.save(path)
    with ledger.Session.begin() as s:
        prev = watch_form.read_form(s, path)
        changed = [(r.record, [(c.field, c.new) for c in r.changes]) for r in prev.rows
                   if r.kind is not ChangeKind.UNCHANGED]
        assert changed == [("watcher", [("involvement", "夕方にも声かけ")])]
        watch_form.apply_form(s, prev)
    with ledger.Session.begin() as s:
        refused = next(c for c in watch.list_concerns(s, town_id) if c.map_number == refused_number)
    assert (refused.person.name, refused.person.phone, refused.address) == (REFUSED["name"], REFUSED["phone"], "余川町2-2")
    assert [x.involvement for x in refused.links] == ["夕方にも声かけ"]


def test_an_anonymous_block_whose_person_is_gone_is_never_added(consent_town, tmp_path):
    ledger, town_id, _, _ = consent_town
    with ledger.Session.begin() as s:
        path = watch_form.export_form(s, town_id, tmp_path / "form.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == ANONYMOUS_NAME)
    ws.cell(top, 5).value = None  # the hidden key lost (e.g. the block copied by hand)
    wb.save(path)
    with ledger.Session.begin() as s:
        prev = watch_form.read_form(s, path)
        (row,) = [r for r in prev.rows if r.kind is ChangeKind.NEEDS_DECISION]
        assert row.cell == f"B{top}"
        watch_form.apply_form(s, prev)
        assert ANONYMOUS_NAME not in [c.person.name for c in watch.list_concerns(s, town_id)]


@pytest.mark.parametrize("kind", ["sheet", "cards"])
def test_markup_in_names_prints_literally_in_the_pdf(ledger, town, tmp_path, kind):
    # GIVEN persons whose names look like HTML
    with ledger.Session.begin() as s:
        for i, name in enumerate(MARKUP):
            add_person(s, town.id, dict(AGREED, name=name), None, f"余川町{i}")
        path = export(kind, s, town.id, tmp_path / f"{kind}.pdf", audience=Audience.STAFF)
    # THEN the PDF text holds the exact characters: nothing was taken for markup
    raw = pdf_raw(path)
    for name in MARKUP:
        assert name in raw or flat(name) in flat(raw), name
    assert "<b>太郎</b>" in raw  # no space in it, so it must come out exactly, tags and all


def test_anonymous_rows_of_the_kana_sheet_come_last_so_their_place_does_not_hint_at_the_name(consent_town):
    ledger, town_id, agreed, refused = consent_town
    with ledger.Session.begin() as s:
        # 「あ…」 sorts before everyone: in 五十音 order an anonymous row would sit first and give that away.
        early = add_person(s, town_id, dict(REFUSED, name="相田　秘子"), ConsentFields(ConsentStatus.NO), "余川町3-3")
        data = emergency_sheet.sheet_data(s, town_id, audience=Audience.WATCHERS)
    numbers = [int(row[0]) for row in data.rows]
    names = [row[1] for row in data.rows]
    assert names[0] == AGREED["name"] and names[1:] == [ANONYMOUS_NAME, ANONYMOUS_NAME]
    assert numbers[1:] == sorted([refused, early])  # the anonymous ones in map-number order
