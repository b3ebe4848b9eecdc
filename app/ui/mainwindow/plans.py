"""Individual evacuation plans in the window: the priority list (a dock) and the plan window."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow
from sqlalchemy.orm import Session

from app.core.errors import LedgerError
from app.models import District, Person
from app.plans import papers, plans, priority
from app.plans.views import PlanFields, PlanView, SupporterFields
from app.privacy.masking import Audience
from app.ui.dialogs import show_error
from app.ui.export_job import run_export
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.pdf import export_pdf
from app.ui.mainwindow.town import TownController
from app.ui.operations import OpChanges, Operations
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.plan_dialog import PlanDialog
from app.ui.plans_panel import PlansPanel
from app.ui.worker import Job

translate = QCoreApplication.translate
# A plan's supporters and checks read the watch network and the cards; a plan edit changes "cards" (Step III's
# kind of record: the card's panel and the plans refresh together).
PLANS = OpChanges(cards=True)


class PlansController(Controller):
    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController) -> None:
        super().__init__(window, operations)
        self.towns = towns
        self.panel = PlansPanel()
        self.dock = QDockWidget(translate("MainWindow", "Evacuation plans: priority"), window)
        self.dock.setObjectName("plansDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dialogs: dict[uuid.UUID, PlanDialog] = {}
        self.panel.filters_changed.connect(self.refresh)
        self.panel.open_plan.connect(self.open_plan)
        self.panel.export_pdf.connect(lambda: self.export_listed(None, ".pdf"))
        self.panel.export_excel.connect(lambda: self.export_listed(None, ".xlsx"))
        self.dock.visibilityChanged.connect(lambda shown: shown and self.refresh())

    def show_list(self) -> None:
        if self.projecting(translate("MainWindow", "The plans' priority list")):
            return
        self.dock.show()
        self.dock.raise_()
        self.refresh()

    def refresh(self) -> None:
        if not self.dock.isVisible():
            return
        with self.ledger.Session() as s:
            districts = [(d.name, d.id) for d in s.query(District).order_by(District.name)]
            self.panel.set_choices(districts, priority.commissioner_names(s))
            rows = priority.priority_list(s, district_id=self.panel.district.currentData(),
                                          commissioner=self.panel.commissioner.currentData())
        self.panel.show_rows(rows)

    def on_changed(self, changes: OpChanges) -> None:
        if (changes.cards or changes.watch or changes.watched or changes.persons_of_concern or changes.town
                or changes.households):
            self.refresh()
            for person_id, dialog in list(self.dialogs.items()):
                try:
                    with self.ledger.Session() as s:
                        view = plans.get_plan(s, person_id)
                        dialog.show_plan(view)
                        if changes.watch or person_id in changes.watched:  # their watchers, offered as supporters
                            dialog.set_candidates(plans.candidates(s, person_id) if view.person.of_concern else [])
                except LedgerError:
                    dialog.close()

    # ------------------------------------------------------------------ the plan window

    def open_plan(self, person_id: uuid.UUID) -> PlanDialog | None:
        """The person's plan window (non-modal; one per person: asked again, it comes to the front)."""
        if self.projecting(translate("MainWindow", "A plan")):
            return None
        dialog = self.dialogs.get(person_id)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        try:
            with self.ledger.Session() as s:
                view = plans.get_plan(s, person_id)
                offered = plans.candidates(s, person_id) if view.person.of_concern else []
        except LedgerError as e:
            show_error(self.window, e)
            return None
        dialog = PlanDialog(view, offered, self.window, wareki=self.window.comfort.wareki)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.save_plan)
        dialog.print_pdf.connect(lambda pid: self.preview_plan(pid))
        dialog.destroyed.connect(lambda _o=None, pid=person_id: self.dialogs.pop(pid, None))
        self.dialogs[person_id] = dialog
        dialog.show()
        return dialog

    def set_wareki(self, on: bool) -> None:
        """The View menu's 和暦, in every open plan window (``MainWindow.apply_dates``)."""
        for dialog in self.dialogs.values():
            dialog.set_wareki(on)

    def save_plan(self, person_id: uuid.UUID, fields: PlanFields, supporters: list[SupporterFields]) -> PlanView | None:
        """One undoable operation: the plan saved; undo puts back the plan as it was (or archives a new one)."""
        with self.ledger.Session() as s:
            before = plans.get_plan(s, person_id)
        dialog = self.dialogs.get(person_id)

        def save(s: Session) -> PlanView:
            try:
                return plans.save_plan(s, person_id, fields, supporters)
            except LedgerError as e:  # the field named as the plan window labels it, not as the ledger does
                if dialog is not None:
                    e.where = dialog.where_label(e.where)
                raise

        return self.operations.run(translate("MainWindow", "Edit evacuation plan"), save,
                                   lambda s: plans.put_back(s, person_id, before), changes=PLANS)

    # ------------------------------------------------------------------ papers

    def listed_scope(self) -> str:
        """What the priority list is narrowed to, as a paper and its file are named: 「さくら地区・民生委員 山田花子」,
        「…・絞り込み」 when a name is searched for; "" when it shows everyone."""
        panel = self.panel
        parts = [panel.district.currentText() if panel.district.currentData() is not None else "",
                 f"民生委員 {panel.commissioner.currentData()}" if panel.commissioner.currentData() else "",
                 "絞り込み" if panel.search.text().strip() else ""]
        return "・".join(p for p in parts if p)

    def export_listed(self, path: Path | None, suffix: str, audience: Audience | None = None) -> Job | None:
        """The priority list's Export: the plans of the persons it shows (its 地区, 民生委員 and search), named
        after that choice; the whole list when it is not narrowed. Asked from the list (no ``path``), the user
        says who the copy is for first, as for the watch form: a plan still 未確認 prints by name only on 社協's
        own copy; else the watchers' copy."""
        rows = self.panel.list.visible_views()
        ids = [r.id for r in rows]
        if not ids:
            self.message(translate("MainWindow", "No one is on the list: no plans to write."), 8000)
            return None
        if audience is None:
            audience = (self.window.imports.ask_audience(papers.DEFAULT_AUDIENCE) if path is None
                        else papers.DEFAULT_AUDIENCE)
            if audience is None:
                return None
        chosen: Audience = audience
        towns = {r.town_name for r in rows}
        scope = self.listed_scope() or (towns.pop() if len(towns) == 1 else "全地区")
        if path is None:
            stem = f"個別避難計画_{scope}".replace("/", "／").replace("\\", "＼")
            name, _ = QFileDialog.getSaveFileName(self.window, translate("MainWindow", "Save the evacuation plans"),
                                                  str(Path.home() / f"{stem}{suffix}"), f"*{suffix}")
            if not name:
                return None
            path = Path(name)

        def write(s: Session, staged: Path) -> Path:
            return papers.export_plans(s, None, staged, audience=chosen, person_ids=ids, title=scope)

        return run_export(self.window, self.window.jobs, self.ledger, "plans", path, write, counted=True,
                          message=self.message, done=lambda result: self.message(
                              translate("MainWindow", "Saved {path}").format(path=result[0]), 8000))

    def export(self, path: Path | None, suffix: str, audience: Audience = papers.DEFAULT_AUDIENCE, *,
               person_id: uuid.UUID | None = None) -> Job | None:
        """Write the town's plans, or ``person_id``'s alone (.pdf or .xlsx) in the background; the job (its result
        ``(path, …)``), or None."""
        town = self.towns.town
        if town is None:
            return None
        if path is None:
            stem = f"個別避難計画_{town.name}"
            if person_id is not None and person_id in self.dialogs:
                stem += f"_No{self.dialogs[person_id].plan.map_number}"
            name, _ = QFileDialog.getSaveFileName(self.window, translate("MainWindow", "Save the evacuation plans"),
                                                  str(Path.home() / f"{stem}{suffix}"), f"*{suffix}")
            if not name:
                return None
            path = Path(name)
        town_id, ids = town.id, None if person_id is None else [person_id]

        def write(s: Session, staged: Path) -> Path:
            # one person's plan: their own town's (the priority list opens plans of every town)
            where = town_id if person_id is None else s.get(Person, person_id).household.town_id
            return papers.export_plans(s, where, staged, audience=audience, person_ids=ids)

        return run_export(self.window, self.window.jobs, self.ledger, "plans", path, write, counted=True, message=self.message,
                          done=lambda result: self.message(
                              translate("MainWindow", "Saved {path}").format(path=result[0]), 8000))

    def preview_plan(self, person_id: uuid.UUID, show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                     audience: Audience = papers.DEFAULT_AUDIENCE) -> Job | None:
        """The plan window's *This plan as PDF…*: the person's plan alone, made in the background and previewed
        (save or print there) with the "For whom" choice of the cards and the contact sheet: the watchers' copy
        first (a plan whose consent is 未確認 or なし prints anonymously for them), 社協's own copy by name when
        chosen; each copy is counted out in the printed copies ledger with its audience. The job, or None."""
        with self.ledger.Session() as s:
            person = s.get(Person, person_id)
            if person is None:
                return None
            name, map_number, town_name = person.name, person.household.map_number, person.household.town.name
        title = translate("PlanDialog", "Evacuation plan: {name}").format(name=name)  # as the plan window's

        def write(s: Session, path: Path, chosen: Audience) -> Path:
            # one person's plan: their own town's (the priority list opens plans of every town)
            where = s.get(Person, person_id).household.town_id
            return papers.export_plans(s, where, path, audience=chosen, person_ids=[person_id])

        return export_pdf(self.window, self.window.jobs, self.ledger, write, title,
                          f"個別避難計画_{town_name}_No{map_number}.pdf", show, audience=audience,
                          rule=papers.plan_rule)  # the watchers' copy names the plans' consent rule too
