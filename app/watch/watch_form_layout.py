"""The watch-network record form's layout (labels, columns, limits) and what reading one yields.

Shared by the writer (watch_form_write), the reader (watch_form_read) and the planner (watch_form_apply).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from app.core.sheets import Preview
from app.privacy.masking import Audience

TITLE = "見守りネットワーク記録用紙"
META_SHEET = "_sasaeai"
FORMAT_NAME = "watch-network-form"
LABEL_NAME, LABEL_ADDRESS, LABEL_PHONE, LABEL_CONCERNS = "氏名", "住所", "TEL", "気になるところ"
# The first line of a block carried over to the next page (a person with more watchers than a page holds): their
# name again, under this label, which the reader passes over (it starts no block and is no 気になるところ).
LABEL_CONTINUED = "氏名（続き）"
PHONE_LABELS = {"TEL", "tel", "電話", "電話番号", "TEL.", "ＴＥＬ"}
PERSON_KEY, WATCH_KEY, MASK_KEY = "key:person", "key:watch", "key:masked"
# What an anonymised block leaves blank (in the hidden MASK_KEY column): blank there means "not shown", not "erased".
MASKABLE = ("name", "address", "phone", "concerns")
MASKED_FIELDS = ",".join(MASKABLE)
DEFAULT_AUDIENCE = Audience.WATCHERS  # the form goes to the 区長 and 民生児童委員 of the town

# Columns of the exported sheet (1-based); the import finds them again by their headers.
COL_LABEL, COL_VALUE, COL_WATCHER, COL_INVOLVEMENT, COL_PERSON_KEY, COL_WATCH_KEY, COL_MASK_KEY = 1, 2, 3, 4, 5, 6, 7
HEADER_ROW = 4
MAX_COLUMNS = 32  # columns read from an edited form (it uses 7; every row is scanned for the 氏名 label)
FIRST_ROW = 5
BLOCK_ROWS = 6  # rows per person: at least six watcher lines, as on the paper form
PER_PAGE = 4
ROW_HEIGHT = 31.5
# The height of the blocks' rows an A4 page holds: four blocks of six lines, and room for the few of their lines
# that wrapped text makes taller (a way of helping written on two lines).
PAGE_HEIGHT = PER_PAGE * BLOCK_ROWS * ROW_HEIGHT + 24
MAX_NAME, MAX_ADDRESS, MAX_PHONE, MAX_CONCERNS, MAX_INVOLVEMENT = 200, 300, 50, 2000, 500

# ---------------------------------------------------------------- what a read form holds


@dataclass
class WatcherRow:
    row: int
    column: int  # the 氏名 column, for the preview's cell
    name: str
    involvement: str
    key: uuid.UUID | None


@dataclass
class FormBlock:
    sheet: str
    row: int
    column: int
    name: str = ""
    address: str = ""
    phone: str = ""
    concerns: list[str] = field(default_factory=list)
    key: uuid.UUID | None = None
    watchers: list[WatcherRow] = field(default_factory=list)
    masked: frozenset[str] = frozenset()  # fields the export left blank for consent (MASK_KEY column)

    @property
    def empty(self) -> bool:
        return not (self.name or self.address or self.phone or any(self.concerns) or self.watchers)


@dataclass
class FormSheet:
    title: str
    town_id: uuid.UUID
    town_name: str
    blocks: list[FormBlock]


@dataclass
class FormPreview(Preview):
    sheets: list[FormSheet] = field(default_factory=list)

    @property
    def town_ids(self) -> list[uuid.UUID]:
        return [s.town_id for s in self.sheets]

