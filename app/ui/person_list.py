"""Lists of persons (Step II, Step III, the meeting) and of households not on the map yet: columns over the
domain's frozen views, keyed by the person's (or household's) id, with the order and filter controls."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from app.core.japanese import gojuon_key
from app.hazards.exposure import ExposureView
from app.safety.rollcall import hazard_score
from app.ui.list_models import ARRIVAL, RIGHT, Column, ViewList

translate = QCoreApplication.translate
NUMBER, NAME = 1, 2  # the columns every person list has after its mark


def mark_column(mark: Callable[[Any], str], tooltip: Callable[[Any], str] | None = None) -> Column:
    """A narrow first column: ! (needs attention), ✓ (done)… Sorting by it puts the marked together."""
    return Column(lambda: "", mark, tooltip=tooltip, width_sample="!!")


def number_column() -> Column:
    return Column(lambda: translate("PersonList", "No."), lambda v: f"No.{v.map_number}",
                  sort_key=lambda v: v.map_number, align=RIGHT, width_sample="No.0000")


def name_column() -> Column:
    """The person's name; sorted in 五十音 order by the reading, which the tooltip shows."""
    return Column(lambda: translate("PersonList", "Name"), lambda v: v.person.name,
                  sort_key=lambda v: gojuon_key(v.person.kana, v.person.name),
                  tooltip=lambda v: v.person.kana, width_sample="山田　太郎太郎")


def hazard_order(exposure: ExposureView | None) -> tuple[int, int]:
    """Sort key for a household's exposure: the deepest hazard first, then shallower ones, then outside every
    zone; a household whose position (or exposure) is unknown last, never among the safe ones."""
    score = hazard_score(exposure)
    return (1, 0) if score is None else (0, -score)


def hazard_column(exposure_of: Callable[[Any], ExposureView | None]) -> Column:
    """「ハザード」: the household's exposure in one line (deepest flood rank, sediment zone…), sorted by how
    severe it is (see ``hazard_order``)."""

    def text(view: Any) -> str:
        exposure = exposure_of(view)
        return exposure.summary if exposure is not None else ""

    return Column(lambda: translate("PersonList", "Hazard"), text, sort_key=lambda v: hazard_order(exposure_of(v)),
                  tooltip=text, width_sample="洪水 0.5m以上3.0m未満")


def person_search(view: Any) -> tuple[str, ...]:
    """What the filter field finds a person by: name, reading, map number and address."""
    return (view.person.name, view.person.kana, str(view.map_number), f"No.{view.map_number}", view.address)


class PersonList(ViewList):
    """Persons, one row each (mark, No., name, then the panel's own columns), keyed by the person's id."""

    def __init__(self, columns: list[Column], *, bold: Callable[[Any], bool] | None = None) -> None:
        # Five persons in view whatever the text size: on a short screen the step's page scrolls instead.
        super().__init__(columns, key=attrgetter("person.id"), bold=bold, search=person_search, min_rows=5)
        self.setAccessibleName(translate("PersonList", "Persons"))

    def set_order(self, how: str) -> None:
        """Map-number order (as the rows came) or 五十音 order by reading."""
        self.sort_by(NAME if how == "kana" else ARRIVAL)

    def update_rows(self, views: list[Any], changed: list[Any]) -> tuple[list[Any], Any | None]:
        """Some persons read again: their rows shown anew, the rest left as they are. Returns ``views`` (the
        panel's list) with the changed ones in place of the same persons' (new ones after them), and the
        current person's new view when they are one of those changed."""
        fresh = {v.person.id: v for v in changed}
        merged = [fresh.pop(v.person.id, v) for v in views] + list(fresh.values())
        for view in changed:
            self.upsert(view)
        current = self.current_id()
        return merged, next((v for v in changed if v.person.id == current), None)


def household_columns() -> list[Column]:
    """Households listed by map number, name and address (the households not on the map yet)."""
    return [
        Column(lambda: translate("PersonList", "No."), lambda h: f"No.{h.map_number}",
               sort_key=lambda h: h.map_number, align=RIGHT, width_sample="No.0000"),
        Column(lambda: translate("PersonList", "Household"), lambda h: h.label,
               width_sample="山田　太郎太郎"),
        Column(lambda: translate("PersonList", "Address"), lambda h: h.address, tooltip=lambda h: h.address),
    ]


def filter_field(target: ViewList, on_filtered: Callable[[bool], None] | None = None) -> QLineEdit:
    """A field that filters ``target`` as one types (kana- and width-insensitive); ``on_filtered`` hears
    whether the current row still shows."""
    field = QLineEdit()
    field.setPlaceholderText(translate("PersonList", "Filter by name, reading, No. or address"))
    field.setToolTip(translate("PersonList", "Full/half width and hiragana/katakana are ignored"))
    field.setAccessibleName(translate("PersonList", "Filter the list"))
    field.setClearButtonEnabled(True)

    def changed(text: str) -> None:
        kept = target.set_filter_text(text)
        if on_filtered is not None:
            on_filtered(kept)

    field.textChanged.connect(changed)
    return field


def order_combo() -> QComboBox:
    """Map-number order (as on the map and the papers) or 五十音 order by reading (as in a register)."""
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("PersonList", "In map-number order"), "map")
    combo.addItem(QCoreApplication.translate("PersonList", "In 五十音 order (by reading)"), "kana")
    return combo


def heading(text: str) -> QLabel:
    """A panel's title: bold and a fifth larger than the text around it (large text scales it too)."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label
