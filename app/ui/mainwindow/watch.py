"""Step II: persons of concern and who watches over them; the watch lines and the gaps on the map."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from app.core.errors import LedgerError
from app.hazards.exposure import ExposureView
from app.households import households
from app.maps.features import gap_households, line_specs
from app.maps.view import MapView
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.town import TownController, TownDetails
from app.ui.operations import OpChanges, Operations
from app.ui.watch_panel import LinkDialog, WatchPanel
from app.watch import network as watch
from app.watch.views import ConcernView, LinkFields, WatchLinkView

translate = QCoreApplication.translate


def watched(person_id: uuid.UUID) -> OpChanges:
    """A watcher added to this person, edited or ended: their rows and lines are read again, not the town's."""
    return OpChanges(watched=frozenset({person_id}))

STEP_II = 1


class WatchController(Controller):
    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController, map_view: MapView,
                 panel: WatchPanel, steps: QStackedWidget) -> None:
        super().__init__(window, operations)
        self.towns, self.map_view, self.panel, self.steps = towns, map_view, panel, steps
        panel.person_chosen.connect(self.on_person_chosen)
        panel.add_link.connect(self.add_link)
        panel.edit_link.connect(self.edit_link)
        panel.remove_link.connect(self.remove_link)
        towns.details_read.connect(self.show_details)

    def show(self, concerns: list[ConcernView], lines: list, hazards: list[ExposureView] | None = None) -> None:
        self._show(concerns, line_specs(lines), gap_households(concerns), hazards)

    def show_details(self, details: TownDetails) -> None:
        """The background read made the page's lines and gaps already: the UI thread only hands them on."""
        self._show(details.concerns, details.line_specs, details.gaps, details.exposures)

    def _show(self, concerns: list[ConcernView], specs: list[dict[str, Any]], gaps: list[str],
              hazards: list[ExposureView] | None) -> None:
        self.panel.show_concerns(concerns, self.panel.current_person(), hazards)
        self.map_view.set_lines(specs)
        self.map_view.set_gaps(gaps)

    def refresh(self) -> None:
        if self.towns.town is None:
            return
        self.towns.supersede_details()
        with self.ledger.Session() as s:
            concerns = watch.list_concerns(s, self.towns.town.id)
            lines = watch.watch_lines(s, self.towns.town.id, concerns=concerns)
        self.show(concerns, lines)  # a watch change moves no household: the hazards shown stay

    def refresh_persons(self, person_ids: frozenset[uuid.UUID]) -> None:
        """These persons' watchers changed: their rows, their lines and the gaps, read for them alone.

        Reading the whole town again took 1.1-1.4 s of the UI thread at 50,000 households for one line added. A
        person not on the list (the town's lists not read yet), gone, or no longer of concern: all read again."""
        town = self.towns.town
        if town is None:
            return
        if any(self.panel.concern(person_id) is None for person_id in person_ids):
            self.refresh()
            return
        self.towns.supersede_details()  # a read of the whole town still running began before this change
        try:
            with self.ledger.Session() as s:
                concerns = [watch.get_concern(s, person_id) for person_id in person_ids]
                lines = watch.watch_lines(s, town.id, concerns=concerns)
        except LedgerError:
            self.refresh()
            return
        if not all(c.person.of_concern for c in concerns):
            self.refresh()
            return
        self.panel.update_concerns(concerns)
        for concern in concerns:
            self.map_view.set_person_lines(concern.person.id,
                                           line_specs([x for x in lines if x.person_id == concern.person.id]))
        self.map_view.set_gaps(gap_households(self.panel.concerns))

    def on_changed(self, changes: OpChanges) -> None:
        if changes.watch:
            self.refresh()
        elif changes.watched:
            self.refresh_persons(changes.watched)

    def on_person_chosen(self, person_id: uuid.UUID | None) -> None:
        concern = self.panel.concern(person_id)
        self.panel.show_person(concern)
        if self.steps.currentIndex() == STEP_II:
            self.map_view.highlight_person(person_id)
        if concern is not None:
            self.map_view.select(concern.household_id, pan=True)

    def add_link(self, dialog: LinkDialog | None = None) -> WatchLinkView | None:
        person_id = self.panel.current_person()
        if person_id is None or self.towns.town is None:
            return None
        town_id = self.towns.town.id
        if dialog is None:
            with self.ledger.Session() as s:
                watchers = watch.list_watchers(s, town_id)
                homes = households.household_choices(s, town_id)
            dialog = LinkDialog(watchers, homes, parent=self.window)
            if dialog.exec() != LinkDialog.DialogCode.Accepted:
                return None
        existing, link_fields, watcher_fields = dialog.existing_id(), dialog.link_fields(), dialog.watcher_fields()
        link_id, new_watcher_id = uuid.uuid4(), uuid.uuid4()

        def link(s):  # noqa: ANN001, ANN202
            watcher_id = existing or watch.add_watcher(s, town_id, watcher_fields, watcher_id=new_watcher_id).id
            return watch.link_watcher(s, person_id, watcher_id, link_fields, link_id=link_id)

        def unlink(s):  # noqa: ANN001, ANN202
            view = watch.unlink(s, link_id)
            if existing is None:
                watch.archive_watcher(s, new_watcher_id)
            return view

        def link_again(s):  # noqa: ANN001, ANN202
            if existing is None:
                watch.restore_watcher(s, new_watcher_id)
            return watch.restore_link(s, link_id)

        return self.operations.run(translate("MainWindow", "Add watcher"), link, unlink, link_again,
                                   changes=watched(person_id))

    def _link(self, link_id: uuid.UUID) -> WatchLinkView | None:
        concern = self.panel.concern(self.panel.current_person())
        return next((l for l in concern.links if l.id == link_id), None) if concern else None  # noqa: E741

    def edit_link(self, link_id: uuid.UUID, dialog: LinkDialog | None = None) -> None:
        before = self._link(link_id)
        if before is None:
            return
        if dialog is None:
            dialog = LinkDialog([], [], link=before, parent=self.window)
            if dialog.exec() != LinkDialog.DialogCode.Accepted:
                return
        fields = dialog.link_fields()
        old = LinkFields(before.involvement, before.frequency, before.since, before.note)
        self.operations.run(translate("MainWindow", "Edit involvement"), lambda s: watch.edit_link(s, link_id, fields),
                            lambda s: watch.edit_link(s, link_id, old), changes=watched(before.person_id))

    def remove_link(self, link_id: uuid.UUID) -> None:
        link = self._link(link_id)
        if link is None:
            return
        if not self.confirm(translate("MainWindow", "{watcher} no longer watches over this person?").format(
                watcher=link.watcher.name)):
            return
        self.operations.run(translate("MainWindow", "Remove watcher"), lambda s: watch.unlink(s, link_id),
                            lambda s: watch.restore_link(s, link_id), changes=watched(link.person_id))
