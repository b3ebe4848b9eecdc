"""Whether a ledger is the demo (invented people only) or a real one, and making a real one to move to.

The mark lives inside the ledger (``ledger_info``), so it travels with the file and is encrypted with it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models import open_ledger
from app.models.ledger_info import KIND, KIND_DEMO, KIND_REAL, read_info, write_info
from app.paths import ledger_path


def is_demo(session: Session) -> bool:
    """True for the demo ledger; a ledger that was never marked (every real one so far) is not."""
    return read_info(session, KIND) == KIND_DEMO


def mark_demo(session: Session) -> None:
    write_info(session, KIND, KIND_DEMO)


def mark_real(session: Session) -> None:
    write_info(session, KIND, KIND_REAL)


def create_real_ledger(data_dir: Path, passphrase: str) -> Path:
    """A new, empty ledger in ``data_dir`` marked real; nothing of the demo goes into it.

    Refused, changing nothing, when ``data_dir`` already holds a ledger. Returns the ledger file.
    """
    path = ledger_path(Path(data_dir))
    if path.exists():
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "this folder already holds a ledger; choose another folder"),
                          where=str(Path(data_dir)))
    ledger = open_ledger(path, passphrase)
    try:
        with ledger.Session.begin() as s:
            mark_real(s)
    finally:
        ledger.close()
    return path
