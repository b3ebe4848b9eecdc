"""Printing one plan from its window: the copy is for someone ("For whom"), as the cards and the contact sheet.

A plan whose consent is 未確認 prints anonymously for the watchers; 社協's staff choose their own copy in the
preview and get it by name, and the printed copies ledger records who each copy was for."""

from __future__ import annotations

from sqlalchemy import update

from app.models.plans import EvacuationPlan
from app.plans import papers
from app.privacy.copies import list_copies
from app.privacy.masking import Audience, export_rule
from app.ui.pdf_preview import PdfPreviewDialog
from tests.emergency_fixtures import flat, pdf_text
from tests.test_ui_map import window  # noqa: F401 - the window fixture


def test_a_plan_not_yet_consented_prints_a_staff_copy_by_name_from_its_window(qtbot, window, monkeypatch, tmp_path):
    window.plans.show_list()
    person = next(r for r in window.plans.panel.list.visible_views() if r.has_plan)
    # GIVEN a made plan whose consent to share it was not asked yet (未確認)
    with window.ledger.Session.begin() as s:
        s.execute(update(EvacuationPlan).where(EvacuationPlan.person_id == person.id).values(consent="unknown"))
    with window.ledger.Session() as s:
        before = {c.id for c in list_copies(s)}
    shown: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "open", lambda self: shown.append(self))  # the preview, not shown
    dialog = window.plans.open_plan(person.id)
    # WHEN the staff print it from the plan window
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30_000)
    preview = shown[0]
    # THEN the preview offers the copy's audience, the watchers' first: for them the plan is anonymous
    offered = [preview.audience.itemData(i) for i in range(preview.audience.count())]
    assert Audience.STAFF in offered and preview.current_audience == papers.DEFAULT_AUDIENCE
    assert export_rule(papers.DEFAULT_AUDIENCE).ja in preview.rule.text()
    watchers = pdf_text(preview.save(tmp_path / "watchers.pdf"))
    assert flat(person.name) not in watchers and "匿名" in watchers
    # WHEN they choose their own copy (社協職員)
    preview.choose_audience(Audience.STAFF)
    qtbot.waitUntil(lambda: preview.current_audience == Audience.STAFF, timeout=30_000)
    # THEN the plan prints by name, under the staff rule
    assert export_rule(Audience.STAFF).ja in preview.rule.text()
    staff = pdf_text(preview.save(tmp_path / "staff.pdf"))
    assert flat(person.name) in staff and f"No.{person.map_number}" in staff
    # THEN the printed copies ledger holds the staff copy of the plans, for staff
    with window.ledger.Session() as s:
        made = [c for c in list_copies(s) if c.id not in before]
    assert [(c.paper, c.audience) for c in made] == [("evacuation_plans", Audience.STAFF.value)]
    preview.reject()
    dialog.close()
