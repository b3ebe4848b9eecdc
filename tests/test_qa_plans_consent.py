"""A plan whose 本人の同意（情報提供） is still 未確認 is not handed to the watchers: as for a person's own consent,
anything short of a recorded "yes" is no (DESIGN.md's privacy rules). The watchers' paper shows the map number only
and says why; the council's own copy still shows it all."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.plans import papers, plans
from app.plans.views import PlanFields, SupporterFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import flat, pdf_text
from tests.plan_fixtures import plan_town  # noqa: F401 - the fixture

ROUTE = "県道を北へ、公民館の裏口から入る"


def _plan(ledger, t, consent):
    with ledger.Session.begin() as s:
        plans.save_plan(s, t.persons["couple"], PlanFields(route_note=ROUTE, medication="血圧の薬", consent=consent),
                        [SupporterFields("隣　太郎", "近所", "090-0000-3333")])


def _export(ledger, t, path, audience):
    with ledger.Session.begin() as s:
        return papers.export_plans(s, t.town_id, path, audience=audience, person_ids=[t.persons["couple"]])


@pytest.mark.parametrize("consent", ["unknown", "no"])
def test_a_plan_without_recorded_consent_prints_anonymously_for_the_watchers(ledger, plan_town, tmp_path, consent):
    # GIVEN 中島正男, who consented to be named to the watchers, and his plan whose own consent is not "yes"
    _plan(ledger, plan_town, consent)
    path = _export(ledger, plan_town, tmp_path / "plans.pdf", Audience.WATCHERS)
    text = flat(pdf_text(path, 1, raw=True))
    # THEN the watchers' page has the map number only: no name, route, medication nor supporter
    assert "No.2" in text and "（匿名）" in text
    for personal in ("中島正男", flat(ROUTE), "血圧の薬", "隣太郎", "090-0000-3333"):
        assert flat(personal) not in text
    # AND the page says why
    assert flat(papers.PLAN_CONSENT_RULE) in text
    # AND the Excel sheet does the same
    book = load_workbook(_export(ledger, plan_town, tmp_path / "plans.xlsx", Audience.WATCHERS))
    cells = " ".join(str(c.value) for row in book.active.iter_rows() for c in row if c.value is not None)
    assert "中島正男" not in cells and ROUTE not in cells and papers.PLAN_CONSENT_RULE in cells


def test_a_plan_with_consent_prints_for_the_watchers_and_the_staff_copy_shows_every_plan(ledger, plan_town, tmp_path):
    _plan(ledger, plan_town, "yes")
    text = flat(pdf_text(_export(ledger, plan_town, tmp_path / "w.pdf", Audience.WATCHERS), 1, raw=True))
    assert flat("中島正男") in text and flat(ROUTE) in text
    _plan(ledger, plan_town, "unknown")
    staff = flat(pdf_text(_export(ledger, plan_town, tmp_path / "s.pdf", Audience.STAFF), 1, raw=True))
    assert flat("中島正男") in staff and flat(ROUTE) in staff and flat(papers.PLAN_CONSENT_RULE) not in staff
