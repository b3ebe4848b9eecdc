"""Roster import: a flat table, one row per person, as municipalities and 社協 hand them around.

Japanese or English headers are detected (the UI may map columns by hand instead); dates may be
西暦 or 和暦; new households land on the "unplaced" list, near their 町丁目 when the address is known.

``reading`` reads and checks the file, ``matching`` matches its rows to the town's households and
persons (the preview), ``applying`` writes the result through the ledger's audited write path.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.batches import no_gc_pauses, promote_kept
from app.watch.roster.applying import apply_roster
from app.watch.roster.area_codes import RosterNote, complete_local_phones
from app.watch.roster.matching import RosterPreview, plan
from app.watch.roster.reading import (
    FIELDS,
    HEADER_WORDS,
    RosterColumns,
    RosterRow,
    detect_columns,
    detect_field,
    read_rows,
)

__all__ = ["FIELDS", "HEADER_WORDS", "RosterColumns", "RosterNote", "RosterPreview", "RosterRow", "apply_roster",
           "detect_columns", "detect_field", "read_roster"]


def read_roster(session: Session, path: Path, town_id: uuid.UUID, *,
                columns: RosterColumns | None = None, today: date | None = None) -> RosterPreview:
    """Read a roster for ``town_id`` and work out what importing it would change; nothing is written. A birth
    date after ``today`` (by default the computer's date) is refused."""
    path = Path(path)
    with no_gc_pauses():  # 10,000 rows of small objects: the collector went off over and over (a sixth of the CPU)
        columns, records = read_rows(path, columns, today=today)
        notes = complete_local_phones(session, town_id, columns, records)
        preview = RosterPreview(path=path, town_id=town_id, columns=columns, records=records, notes=notes)
        preview.rows = plan(session, preview)
        # The preview is kept while the user reads it (and the apply reuses its town): at 150,000 households the
        # collector's young passes walked its 80,000 objects for 40-150 ms between the read and the apply.
        promote_kept()
    return preview
