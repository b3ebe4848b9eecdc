"""A roster's local phone numbers (「22-1234」, typed without the area code, as town rosters often write them)
completed with the town's area code, each completion a notice of the preview naming its cell, each number that
cannot be completed a warning.

Where the area code comes from: the fixed-line numbers of the town itself, those the ledger stores for the
town's persons and those the roster brings in full, each distinct number once; the area code most of them have
(app/core/phones.py ``common_area_code``). No setting to keep right: the user sees the numbers on every card and
list of the town, and the notice says which code was added and how many of the town's numbers have it, so a
wrong guess is seen in the preview before anything is written. Counting the roster's own full numbers makes the
first import of a new town complete its local numbers as a second import of the same roster does; distinct
numbers, so that the roster's numbers, once stored, do not count twice and a re-import changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, Translate, english
from app.core.phones import AreaCode, common_area_code, complete_local
from app.core.sheets import cell_ref
from app.models import Household, Person
from app.watch.roster.reading import RosterColumns, RosterRow

NOTICE, WARNING = "notice", "warning"
SEVERITY_WORDS = {NOTICE: QT_TRANSLATE_NOOP("import", "notice"), WARNING: QT_TRANSLATE_NOOP("import", "warning")}
COMPLETED = QT_TRANSLATE_NOOP("import", "「{typed}」 has no area code: imported as {phone}, with {code}, the area code "
                                        "of {count} of the town's {total} fixed-line numbers.")
NO_AREA_CODE = QT_TRANSLATE_NOOP("import", "「{typed}」 has no area code, and the town has no fixed-line number to take "
                                           "one from: kept as typed. Write the number with its area code.")
INVALID = QT_TRANSLATE_NOOP("import", "「{typed}」 has no area code, and with the town's area code {code} it is no valid "
                                      "phone number: kept as typed. Check the number.")


@dataclass(frozen=True)
class RosterNote:
    """Something the preview tells about one cell of the roster that is imported all the same."""

    severity: str  # NOTICE or WARNING
    sheet: str
    row: int
    cell: str
    what: str  # English template, QT_TRANSLATE_NOOP("import", …)
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def line(self, translate: Translate = english) -> str:
        """「warning: sheet 名簿, row 3, cell C3: 「22-1234」 has no area code, …」 in English or the UI's language."""
        return translate("import", "{severity}: sheet {sheet}, row {row}, cell {cell}: {what}").format(
            severity=translate("import", SEVERITY_WORDS[self.severity]), sheet=self.sheet, row=self.row,
            cell=self.cell, what=translate("import", self.what).format(**self.params))


def town_area_code(session: Session, town_id: uuid.UUID, records: list[RosterRow]) -> AreaCode | None:
    """The area code most of the town's distinct fixed-line numbers have: the live persons' the ledger stores
    and the roster's own full numbers."""
    stored = session.scalars(
        select(Person.phone).distinct().join(Household, Household.id == Person.household_id)
        .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None),
               Person.phone.like("0%-%")))
    return common_area_code([*stored, *(r.phone for r in records if r.phone and not r.local_phone)])


def complete_local_phones(session: Session, town_id: uuid.UUID, columns: RosterColumns,
                          records: list[RosterRow]) -> list[RosterNote]:
    """Complete the rows' local numbers with the town's area code (in place) and say so per cell; a number
    that cannot be completed is kept as typed, with a warning. Asks the ledger nothing when no row has one."""
    local = [r for r in records if r.local_phone]
    if not local:
        return []
    area = town_area_code(session, town_id, records)
    column = columns.mapping["phone"]
    notes = []
    for r in local:
        typed, where = r.phone, (columns.sheet, r.row, cell_ref(r.row, column))
        if area is None:
            notes.append(RosterNote(WARNING, *where, NO_AREA_CODE, {"typed": typed}))
            continue
        completed = complete_local(typed, area.code)
        if not completed.ok:
            notes.append(RosterNote(WARNING, *where, INVALID, {"typed": typed, "code": area.code}))
            continue
        r.phone, r.local_phone = completed.text, False
        notes.append(RosterNote(NOTICE, *where, COMPLETED, {"typed": typed, "phone": completed.text,
                                                            "code": area.code, "count": area.count,
                                                            "total": area.total}))
    return notes
