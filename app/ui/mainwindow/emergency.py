"""Step III: emergency contact cards and the sheet, agencies, and shelters and facilities on the map."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMainWindow

from app.core.errors import LedgerError
from app.emergency import agency_files as agency_io
from app.emergency import card_pdf as emergency_cards
from app.emergency import cards as emergency
from app.emergency import contact_sheet as emergency_sheet
from app.emergency.views import AGENCY_KIND_LABELS, CardView
from app.maps.view import MapView
from app.privacy.masking import Audience
from app.towns import reference_layers
from app.ui.dialogs import show_error
from app.ui.emergency_panel import CardDialog, EmergencyPanel, fields_of
from app.ui.mainwindow.base import Controller
from app.ui.mainwindow.imports import confirm_report
from app.ui.mainwindow.pdf import export_pdf
from app.ui.mainwindow.town import TownController, TownDetails
from app.ui.operations import OpChanges, Operations
from app.ui.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate
CARDS = OpChanges(cards=True)


class EmergencyController(Controller):
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

    def on_changed(self, changes: OpChanges) -> None:
        if changes.watch or changes.cards:  # a card lists who watches over the person
            self.refresh_cards()

    def on_person_chosen(self, person_id: uuid.UUID | None) -> None:
        card = self.panel.card(person_id)
        if card is not None:
            self.map_view.select(card.household_id, pan=True)

    def edit_card(self, person_id: uuid.UUID, dialog: CardDialog | None = None) -> CardView | None:
        with self.ledger.Session() as s:
            before = emergency.get_card(s, person_id)
            directory = emergency.list_agencies(s)
        if dialog is None:
            dialog = CardDialog(before, directory, self.window)
            if dialog.exec() != CardDialog.DialogCode.Accepted:
                return None
        fields, contacts = dialog.card_fields(), dialog.contact_fields()
        old_fields, old_contacts = fields_of(before)
        had_card = before.has_card

        def put_back(s):  # noqa: ANN001, ANN202
            view = emergency.save_card(s, person_id, old_fields, old_contacts)
            return view if had_card else emergency.delete_card(s, person_id)

        return self.operations.run(translate("MainWindow", "Edit emergency card"),
                                   lambda s: emergency.save_card(s, person_id, fields, contacts), put_back,
                                   changes=CARDS)

    # ------------------------------------------------------------------ the sheet and the cards

    def preview_sheet(self, show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                      audience: Audience = emergency_sheet.DEFAULT_AUDIENCE) -> PdfPreviewDialog | None:
        town = self.towns.town
        if town is None:
            return None
        return export_pdf(self.window, self.ledger,
                          lambda s, path, a: emergency_sheet.export_sheet(s, town.id, path, audience=a),
                          translate("MainWindow", "Emergency contact sheet"), f"緊急連絡表_{town.name}.pdf", show,
                          audience=audience)

    def preview_cards(self, person_ids: list[uuid.UUID] | None,
                      show: Callable[[PdfPreviewDialog], Any] | None = None, *,
                      audience: Audience = emergency_cards.DEFAULT_AUDIENCE) -> PdfPreviewDialog | None:
        town = self.towns.town
        if town is None:
            return None
        per_page = self.panel.per_page.currentData()
        return export_pdf(
            self.window, self.ledger,
            lambda s, path, a: emergency_cards.export_cards(s, town.id, path, person_ids=person_ids,
                                                            per_page=per_page, audience=a),
            translate("MainWindow", "Emergency contact cards"), f"緊急連絡カード_{town.name}.pdf", show,
            audience=audience)

    def export_sheet_excel(self, path: Path, audience: Audience = emergency_sheet.DEFAULT_AUDIENCE) -> Path | None:
        try:
            with self.ledger.Session() as s:
                return emergency_sheet.export_sheet(s, self.towns.town.id, path, audience=audience)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return None

    # ------------------------------------------------------------------ imported lists

    def import_reference_layer(self, path: Path | None = None, confirm: Callable[[Any], bool] | None = None) -> bool:
        title = translate("MainWindow", "Import shelters or facilities")
        path = self.file_to_read(path, title, translate("MainWindow", "CSV or GeoJSON (*.csv *.geojson *.json)"))
        if path is None:
            return False
        try:
            preview = reference_layers.read_layer(path)
        except (LedgerError, OSError) as e:
            show_error(self.window, e)
            return False
        if not (confirm or confirm_report(self.window, title, path))(preview):
            return False
        with self.ledger.Session.begin() as s:
            reference_layers.apply_layer(s, preview)
        self.operations.notify(OpChanges(town=True))
        return True

    def import_agencies(self, path: Path | None = None, kind: str | None = None,
                        confirm: Callable[[Any], bool] | None = None, area_code: str | None = None) -> bool:
        title = translate("MainWindow", "Import agency list")
        path = self.file_to_read(path, title, translate("MainWindow", "Excel or CSV (*.xlsx *.csv)"))
        if path is None:
            return False
        try:
            with self.ledger.Session() as s:
                preview = agency_io.read_agencies(s, path, kind=kind, default_area_code=area_code or "")
                short = [r for r in preview.rows if r.fields.phone and not r.fields.phone.startswith("0")]
                if short and area_code is None:
                    code, ok = QInputDialog.getText(
                        self.window, title,
                        translate("MainWindow", "{count} phone numbers in {file} have no area code (市外局番).\n"
                                                "Which area code do they have? (e.g. 0776)").format(
                            count=len(short), file=path.name))
                    if not ok:
                        return False
                    return self.import_agencies(path, kind, confirm, code.strip())
        except LedgerError as e:
            if kind is None and e.template.startswith("Please choose what kind"):
                labels = {label: k.value for k, label in AGENCY_KIND_LABELS.items()}
                choice, ok = QInputDialog.getItem(self.window, title,
                                                  translate("MainWindow", "What kind of agencies does {file} list?")
                                                  .format(file=path.name), list(labels), 0, False)
                return ok and self.import_agencies(path, labels[choice], confirm, area_code)
            show_error(self.window, e)
            return False
        except OSError as e:
            show_error(self.window, e)
            return False
        if not (confirm or confirm_report(self.window, title, path))(preview):
            return False
        try:
            with self.ledger.Session.begin() as s:
                agency_io.apply_agencies(s, preview)
        except LedgerError as e:
            show_error(self.window, e)
            return False
        self.operations.notify(CARDS)
        return True
