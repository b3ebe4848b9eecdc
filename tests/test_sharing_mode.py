"""Two modes of sharing: in normal times the consent rule masks a person who did not consent; disaster mode
(災害対策基本法第49条の11第3項) names everyone on the papers made while it is on, and says so on every page
with who switched it on, when and why; papers made before keep their masking; switching back masks again.
Every switch is refused without who (and, into disaster mode, why), and recorded in the history of changes."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from app.core.errors import LedgerError
from app.models import AuditEntry, Person, SharingModeChange
from app.privacy.audit import entry_rows
from app.privacy.masking import ANONYMOUS_NAME, Audience, community_view_rule, export_rule
from app.privacy.sharing import DISASTER_LAW, SharingMode, current_sharing, mode_history, switch_mode
from app.towns.geojson_export import export_geojson
from tests.emergency_fixtures import flat
from tests.test_export_consent import AGREED, PAPERS, REFUSED, consent_town, export, pdf_raw, xlsx_text  # noqa: F401

SWITCHED_AT = datetime(2026, 7, 8, 5, 30, tzinfo=timezone.utc)  # a fixed time: nothing here depends on today


def text_of(path) -> str:
    return xlsx_text(path) if path.suffix == ".xlsx" else pdf_raw(path)


def page_texts(path) -> list[str]:
    """The text of every sheet (with its page header) or every PDF page."""
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path)
        return ["\n".join([str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
                          + [ws.oddHeader.left.text or "", ws.oddHeader.center.text or ""])
                for ws in wb.worksheets if ws.sheet_state == "visible"]
    from tests.emergency_fixtures import pdf_pages

    return [pdf_raw(path, page) for page in range(1, pdf_pages(path) + 1)]


def go_disaster(ledger, who="災害対策本部　本部長", why="避難指示（警戒レベル4）発令 余川地区"):
    with ledger.Session.begin() as s:
        return switch_mode(s, SharingMode.DISASTER, who=who, why=why, at=SWITCHED_AT)


@pytest.mark.parametrize("kind, suffix", PAPERS)
def test_disaster_mode_names_everyone_on_new_papers_and_says_so_on_every_page(consent_town, tmp_path, kind, suffix):
    ledger, town_id, _agreed, _refused = consent_town
    # GIVEN normal times: the person who refused consent is anonymous on a paper for the watchers
    with ledger.Session.begin() as s:
        before = export(kind, s, town_id, tmp_path / f"before{suffix}", audience=Audience.WATCHERS)
    normal = text_of(before)
    assert REFUSED["name"] not in normal and flat(REFUSED["name"]) not in flat(normal)
    assert ANONYMOUS_NAME in normal or flat(ANONYMOUS_NAME) in flat(normal)
    assert "49条の11" not in normal
    # WHEN disaster mode is switched on, with who and why
    sharing = go_disaster(ledger)
    assert sharing.disaster and sharing.who == "災害対策本部　本部長"
    with ledger.Session.begin() as s:
        during = export(kind, s, town_id, tmp_path / f"during{suffix}", audience=Audience.WATCHERS)
    # THEN the new paper names them, and every page says it was made in disaster mode, by whom, why and when
    assert flat(REFUSED["name"]) in flat(text_of(during))
    for page in page_texts(during):
        page = flat(page)
        assert flat(DISASTER_LAW) in page and flat("災害対策本部　本部長") in page
        assert flat("避難指示（警戒レベル4）発令") in page and flat(sharing.since_text) in page
    # AND the paper made before keeps its masking (a file is never rewritten)
    assert flat(REFUSED["name"]) not in flat(text_of(before))
    # WHEN switching back to normal times
    with ledger.Session.begin() as s:
        switch_mode(s, SharingMode.NORMAL, who="災害対策本部　本部長", why="避難指示 解除")
    with ledger.Session.begin() as s:
        after = export(kind, s, town_id, tmp_path / f"after{suffix}", audience=Audience.WATCHERS)
    # THEN the next paper masks them again and no longer claims the disaster provision
    assert flat(REFUSED["name"]) not in flat(text_of(after)) and "49条の11" not in text_of(after)


def test_disaster_mode_lifts_consent_for_responders_only_never_for_the_community(consent_town, tmp_path):
    ledger, town_id, _agreed, _refused = consent_town
    go_disaster(ledger)
    with ledger.Session.begin() as s:
        sharing = current_sharing(s)
        community = export("sheet", s, town_id, tmp_path / "community.xlsx", audience=Audience.COMMUNITY)
        agencies = export("sheet", s, town_id, tmp_path / "agencies.xlsx", audience=Audience.AGENCIES)
    assert REFUSED["name"] not in xlsx_text(community) and "49条の11" not in xlsx_text(community)
    assert REFUSED["name"] in xlsx_text(agencies) and "49条の11" in xlsx_text(agencies)
    assert export_rule(Audience.COMMUNITY, sharing).code == "consent-map"
    assert export_rule(Audience.WATCHERS, sharing).code == "disaster-49-11-3"


def test_the_mode_is_a_parameter_of_the_rule_never_a_global(consent_town):
    ledger, _town_id, _agreed, _refused = consent_town
    go_disaster(ledger)
    with ledger.Session() as s:
        person = s.scalars(select(Person).where(Person.name == REFUSED["name"])).one()
        # The ledger is in disaster mode, but a caller that does not pass the mode gets the consent rule.
        assert not community_view_rule(person, Audience.WATCHERS).show_name
        assert community_view_rule(person, Audience.WATCHERS, current_sharing(s)).show_name


def test_a_switch_is_refused_without_who_or_why_and_records_nothing(ledger):
    with ledger.Session.begin() as s:
        with pytest.raises(LedgerError, match="why"):
            switch_mode(s, SharingMode.DISASTER, who="本部長", why="  ")
        with pytest.raises(LedgerError, match="who"):
            switch_mode(s, SharingMode.DISASTER, who="", why="大雨特別警報")
        with pytest.raises(LedgerError, match="already"):
            switch_mode(s, SharingMode.NORMAL, who="本部長")
    with ledger.Session() as s:
        assert s.scalars(select(SharingModeChange)).all() == []
        assert not current_sharing(s).disaster


def test_every_switch_is_recorded_with_who_why_and_when_in_the_history_of_changes(ledger):
    go_disaster(ledger, who="社協　事務局長", why="土砂災害警戒情報")
    with ledger.Session.begin() as s:
        switch_mode(s, SharingMode.NORMAL, who="社協　事務局長", why="警戒解除",
                    at=datetime(2026, 7, 9, 1, 0, tzinfo=timezone.utc))
    with ledger.Session() as s:
        history = mode_history(s)
        entries = entry_rows(s.scalars(select(AuditEntry).where(AuditEntry.entity == "sharing_mode_change")
                                       .order_by(AuditEntry.id)))
    assert [(h.mode, h.who, h.why) for h in history] == [
        (SharingMode.NORMAL, "社協　事務局長", "警戒解除"), (SharingMode.DISASTER, "社協　事務局長", "土砂災害警戒情報")]
    assert history[1].at.replace(tzinfo=timezone.utc) == SWITCHED_AT
    modes = [e.new_value for e in entries if e.field == "mode"]
    assert modes == ["disaster", "normal"]
    assert {e.label for e in entries} == {"災害時への切替", "平常時への切替"}
    assert any(e.reason == "土砂災害警戒情報" for e in entries)


def test_geojson_made_in_disaster_mode_says_so_and_carries_its_serial(consent_town, tmp_path):
    ledger, town_id, _agreed, _refused = consent_town
    go_disaster(ledger)
    with ledger.Session.begin() as s:
        out = export_geojson(s, town_id, tmp_path / "t.geojson", Audience.WATCHERS).path
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["sharing_mode"] == "disaster" and "49条の11" in data["note"] and "災害対策本部" in data["note"]
    assert data["serial"] and f"管理番号 {data['serial']}" in data["note"]
