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
    # and the preview names the plans' consent rule that the watchers' paper prints, as the paper does
    assert papers.PLAN_CONSENT_RULE in preview.rule.text() and flat(papers.PLAN_CONSENT_RULE) in flat(watchers)
    # WHEN they choose their own copy (社協職員)
    preview.choose_audience(Audience.STAFF)
    qtbot.waitUntil(lambda: preview.current_audience == Audience.STAFF, timeout=30_000)
    # THEN the plan prints by name, under the staff rule
    assert export_rule(Audience.STAFF).ja in preview.rule.text()
    staff = pdf_text(preview.save(tmp_path / "staff.pdf"))
    assert flat(person.name) in staff and f"No.{person.map_number}" in staff
    # and neither the staff's paper nor its preview carries the plans' consent rule (their copy names everyone)
    assert papers.PLAN_CONSENT_RULE not in preview.rule.text() and flat(papers.PLAN_CONSENT_RULE) not in flat(staff)
    # THEN the printed copies ledger holds the staff copy of the plans, for staff
    with window.ledger.Session() as s:
        made = [c for c in list_copies(s) if c.id not in before]
    assert [(c.paper, c.audience) for c in made] == [("evacuation_plans", Audience.STAFF.value)]
    preview.reject()
    dialog.close()


def test_the_priority_lists_plans_pdf_asks_who_the_copy_is_for_and_staff_get_names(qtbot, window, monkeypatch,
                                                                                  tmp_path):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from app.ui.privacy_dialogs import audience_labels

    window.plans.show_list()
    person = next(r for r in window.plans.panel.list.visible_views() if r.has_plan)
    # GIVEN a made plan whose consent to share it was not asked yet (未確認)
    with window.ledger.Session.begin() as s:
        s.execute(update(EvacuationPlan).where(EvacuationPlan.person_id == person.id).values(consent="unknown"))
    with window.ledger.Session() as s:
        before = {c.id for c in list_copies(s)}
    asked: list[tuple[list[str], int]] = []

    def for_staff(_parent, _title, _label, items, current, _editable):
        asked.append((list(items), current))
        return audience_labels()[Audience.STAFF], True

    target = tmp_path / "plans.pdf"
    monkeypatch.setattr(QInputDialog, "getItem", for_staff)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    # WHEN the staff press the list's PDF export and answer "council staff only"
    window.plans.panel.export_pdf.emit()
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage(), timeout=60_000)
    # THEN they were asked, the watchers offered first, and the plan prints by name under the staff rule
    ((items, current),) = asked
    assert items[current] == audience_labels()[papers.DEFAULT_AUDIENCE]
    text = pdf_text(target)
    assert flat(person.name) in text and flat(export_rule(Audience.STAFF).ja) in text
    with window.ledger.Session() as s:
        made = [c for c in list_copies(s) if c.id not in before]
    assert [(c.paper, c.audience, c.file_name) for c in made] == [("evacuation_plans", Audience.STAFF.value,
                                                                   "plans.pdf")]


def test_the_priority_lists_export_cancelled_at_for_whom_writes_nothing(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    window.plans.show_list()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("", False))
    # WHEN the user cancels the question, no file is asked for (the file dialog would fail the test) nor made
    assert window.plans.export_listed(None, ".xlsx") is None
