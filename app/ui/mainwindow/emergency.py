"""Step III: emergency contact cards and the sheet, agencies, and shelters and facilities on the map."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QInputDialog, QMainWindow

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.emergency import agency_files as agency_io
from app.emergency import card_pdf as emergency_cards
from app.emergency import cards as emergency
from app.emergency import contact_sheet as emergency_sheet
from app.emergency.cards import SortOrder
from app.emergency.views import AGENCY_KIND_LABELS, CardView
from app.maps.view import MapView
from app.privacy.masking import Audience
from app.towns import reference_layers
from app.ui.dialogs import show_error
from app.ui.emergency_panel import CardDialog, EmergencyPanel, fields_of
from app.ui.export_job import busy_error, run_export
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.imports import confirm_report
from app.ui.mainwindow.pdf import export_pdf
from app.ui.mainwindow.town import TownController, TownDetails
from app.ui.operations import OpChanges, Operations
from app.ui.pdf_preview import PdfPreviewDialog
from app.ui.worker import Job

translate = QCoreApplication.translate
CARDS = OpChanges(cards=True)


class EmergencyController(Controller):
    agencies_imported = Signal(bool)  # an agency import that started has ended: True when it was written

    def __init__(self, window: QMainWindow, operations: Operations, towns: TownController, map_view: MapView,
                 panel: EmergencyPanel) -> None:
        super().__init__(window, operations)
        self.towns, self.map_view, self.panel = towns, map_view, panel
        panel.person_chosen.connect(self.on_person_chosen)
        panel.edit_card.connect(self.edit_card)
        panel.preview_card.connect(lambda pid: self.preview_cards([pid]))
        panel.export_sheet.connect(self.preview_sheet)
        panel.export_cards.connect(lambda: self.preview_cards(None))
        towns.details_read.connect(self.show_details)

    def show_details(self, details: TownDetails) -> None:
        self.panel.show_cards(details.cards, self.panel.current_person())

    def refresh_cards(self) -> None:
        if self.towns.town is None:
            return
        self.towns.supersede_details()
        with self.ledger.Session() as s:
            cards = emergency.list_cards(s, self.towns.town.id)
        self.panel.show_cards(cards, self.panel.current_person())

    def refresh_cards_of(self, person_ids: frozenset[uuid.UUID]) -> None:
        """These persons' cards read again, not the town's; a person not listed, or gone: all read again."""
        if self.towns.town is None:
            return
        if any(self.panel.card(person_id) is None for person_id in person_ids):
            self.refresh_cards()
            return
        self.towns.supersede_details()
        try:
            with self.ledger.Session() as s:
                cards = [emergency.get_card(s, person_id) for person_id in person_ids]
        except LedgerError:
            self.refresh_cards()
            return
        self.panel.update_cards(cards)

    def on_changed(self, changes: OpChanges) -> None:
        if changes.watch or changes.cards:  # a card lists who watches over the person
            self.refresh_cards()
        elif changes.watched:
            self.refresh_cards_of(changes.watched)

    def on_person_chosen(self, person_id: uuid.UUID | None) -> None:
        card = self.panel.card(person_id)
        if card is not None:
            self.map_view.select(card.household_id, pan=True)

    def edit_card(self, person_id: uuid.UUID, dialog: CardDialog | None = None,
                  show: Callable[[CardDialog], int] | None = None) -> CardView | None:
        """Edit a person's card in its dialog (``show`` opens it: ``exec`` unless a test says otherwise; a
        ``dialog`` given without ``show`` is saved as it is). A refused save (a review date before the made
        date, a contact with a phone but no name) is explained and the dialog opens again with everything
        typed still in it; the saved card, or None when the dialog was cancelled."""
        with self.ledger.Session() as s:
            before = emergency.get_card(s, person_id)
            directory = emergency.list_agencies(s)
        if dialog is None:
            dialog = CardDialog(before, directory, self.window, wareki=self.panel.wareki)
            show = show or (lambda d: d.exec())
        old_fields, old_contacts = fields_of(before)
        had_card = before.has_card

        def put_back(s):  # noqa: ANN001, ANN202
            view = emergency.save_card(s, person_id, old_fields, old_contacts)
            return view if had_card else emergency.delete_card(s, person_id)

        while True:
            if show is not None and show(dialog) != CardDialog.DialogCode.Accepted:
                return None
            fields, contacts = dialog.card_fields(), dialog.contact_fields()

            def save(s, fields=fields, contacts=contacts):  # noqa: ANN001, ANN202
                try:
                    return emergency.save_card(s, person_id, fields, contacts)
                except LedgerError as e:  # the field named as the dialog labels it, not as the ledger does
                    e.where = dialog.where_label(e.where)
                    raise

            saved = self.operations.run(translate("MainWindow", "Edit emergency card"), save, put_back, changes=CARDS)
            if saved is not None or show is None:
                return saved

    # ------------------------------------------------------------------ the sheet and the cards

    def preview_sheet(self, show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                      audience: Audience = emergency_sheet.DEFAULT_AUDIENCE) -> Job | None:
        """Make the sheet in the background, then ``show`` its preview; the job, or None (no town, ledger busy)."""
        town = self.towns.town
        if town is None:
            return None
        return export_pdf(self.window, self.window.jobs, self.ledger,
                          lambda s, path, a: emergency_sheet.export_sheet(s, town.id, path, audience=a),
                          translate("MainWindow", "Emergency contact sheet"), f"緊急連絡表_{town.name}.pdf", show,
                          audience=audience)

    def preview_cards(self, person_ids: list[uuid.UUID] | None,
                      show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                      audience: Audience = emergency_cards.DEFAULT_AUDIENCE) -> Job | None:
        """Make the cards in the background, then ``show`` their preview; the job, or None."""
        town = self.towns.town
        if town is None:
            return None
        per_page = self.panel.per_page.currentData()
        # in the order the list shows (五十音 or map number), as whoever files them expects
        order = SortOrder.KANA if self.panel.order.currentData() == "kana" else SortOrder.MAP_NUMBER
        return export_pdf(
            self.window, self.window.jobs, self.ledger,
            lambda s, path, a: emergency_cards.export_cards(s, town.id, path, person_ids=person_ids,
                                                            per_page=per_page, order=order, audience=a),
            translate("MainWindow", "Emergency contact cards"), f"緊急連絡カード_{town.name}.pdf", show,
            audience=audience)

    def export_sheet_excel(self, path: Path, audience: Audience = emergency_sheet.DEFAULT_AUDIENCE,
                           done: Callable[[Path], Any] | None = None) -> Job | None:
        """Write the sheet as Excel in the background (counted out as a copy); ``done(path)`` once it is whole."""
        town = self.towns.town
        if town is None:
            return None

        def written(result: tuple[Path, Any]) -> None:
            self.message(translate("MainWindow", "Saved {path}").format(path=result[0]), 8000)
            if done is not None:
                done(result[0])

        return run_export(self.window, self.window.jobs, self.ledger, "contact sheet", Path(path),
                          lambda s, staged: emergency_sheet.export_sheet(s, town.id, staged, audience=audience),
                          counted=True, done=written, message=self.message)

    # ------------------------------------------------------------------ imported lists

    def import_reference_layer(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        title = translate("MainWindow", "Import shelters or facilities")
        path = self.file_to_read(path, title, translate("MainWindow", "CSV, GeoJSON or Shapefile (*.csv *.geojson *.json *.shp)"))
        if path is None:
            return False
        jobs, chosen = self.window.jobs, path  # the window's background work: the file is read off the UI thread

        def read(preview: Any) -> None:
            if not (confirm or confirm_report(self.window, title, chosen))(preview):
                return
            writing = jobs.run_ledger("reference layer", self.ledger,
                                      lambda s, _t, _p: reference_layers.apply_layer(s, preview), write=True,
                                      label=translate("MainWindow", "Importing {file}…").format(file=chosen.name))
            if writing is None:
                show_error(self.window, LedgerError(QT_TRANSLATE_NOOP(
                    "errors", "The ledger is busy with another change; nothing was imported. Try again.")))
                return
            writing.then(lambda _r: self.operations.notify(OpChanges(town=True)), lambda e: show_error(self.window, e))

        jobs.run("read reference layer", lambda _t, _p: reference_layers.read_layer(chosen),
                 label=translate("MainWindow", "Reading {file}…").format(file=chosen.name)).then(
            read, lambda e: show_error(self.window, e))
        return True

    def import_agencies(self, path: Path | None = None, kind: str | None = None,
                        confirm: Callable[[Any], bool] | None = None, area_code: str | None = None) -> bool:
        """Start importing an agency list; True when it started (``agencies_imported`` says how it ended).

        The file is read in the background; the questions (the kind of every agency when the file does
        not say, the area code of phones written without one) are asked on the UI thread between two
        reads, never while a job holds the ledger; the list is then written in one transaction.
        """
        title = translate("MainWindow", "Import agency list")
        path = self.file_to_read(path, title, translate("MainWindow", "Excel or CSV (*.xlsx *.csv)"))
        if path is None:
            return False
        if self.window.jobs.busy:
            show_error(self.window, busy_error())
            return False
        self._read_agencies(title, path, kind, area_code, confirm)
        return True

    def _read_agencies(self, title: str, path: Path, kind: str | None, area_code: str | None,
                       confirm: Callable[[Any], bool] | None) -> None:
        def read(s: Any, _t: Any, _p: Any) -> Any:
            return agency_io.read_agencies(s, path, kind=kind, default_area_code=area_code or "")

        def failed(e: BaseException) -> None:
            if (kind is None and isinstance(e, LedgerError)
                    and e.template.startswith("Please choose what kind")):
                labels = {label: k.value for k, label in AGENCY_KIND_LABELS.items()}
                choice, ok = QInputDialog.getItem(self.window, title,
                                                  translate("MainWindow", "What kind of agencies does {file} list?")
                                                  .format(file=path.name), list(labels), 0, False)
                if ok:
                    self._read_agencies(title, path, labels[choice], area_code, confirm)
                    return
                self.agencies_imported.emit(False)
                return
            self._agencies_ended(False, e)

        def read_done(preview: Any) -> None:
            short = [r for r in preview.rows if r.fields.phone and not r.fields.phone.startswith("0")]
            if short and area_code is None:
                code, ok = QInputDialog.getText(
                    self.window, title,
                    translate("MainWindow", "{count} phone numbers in {file} have no area code (市外局番).\n"
                                            "Which area code do they have? (e.g. 0776)").format(
                        count=len(short), file=path.name))
                if ok:
                    self._read_agencies(title, path, kind, code.strip(), confirm)  # read again with it
                else:
                    self.agencies_imported.emit(False)
                return
            if not (confirm or confirm_report(self.window, title, path))(preview):
                self.agencies_imported.emit(False)
                return
            writing = self.window.jobs.run_ledger(
                "agencies", self.ledger, lambda s, _t, _p: agency_io.apply_agencies(s, preview), write=True,
                label=translate("MainWindow", "Importing {file}…").format(file=path.name))
            if writing is None:  # another change started while the question was open
                self._agencies_ended(False, busy_error())
                return
            writing.then(lambda _r: self._agencies_ended(True), lambda e: self._agencies_ended(False, e),
                         lambda: self._agencies_ended(False))

        reading = self.window.jobs.run_ledger(
            "read agencies", self.ledger, read, write=False,
            label=translate("MainWindow", "Reading {file}…").format(file=path.name))
        assert reading is not None  # a read is never refused
        reading.then(read_done, failed, lambda: self.agencies_imported.emit(False))

    def _agencies_ended(self, ok: bool, error: BaseException | None = None) -> None:
        if error is not None:
            show_error(self.window, error)  # type: ignore[arg-type]
        if ok:
            self.operations.notify(CARDS)
        self.agencies_imported.emit(ok)
