"""A sync killed half-way (the process SIGKILLed while the server transaction is open, or just after
it committed and before the laptop wrote its mark) and run again ends as one clean sync would."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, select, text

from app.core.views import HouseholdFields, PersonFields
from app.households import households as hh
from app.models import Household, Person, open_ledger
from app.sync import sync, sync_status
from app.towns.towns import create_town
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

REPO = Path(__file__).resolve().parents[1]
CHILD = """
import os, signal, sys
from pathlib import Path
from app.models import open_ledger
from app.sync import sync

def progress(stage, done, total):
    if stage == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)

sync(open_ledger(Path(sys.argv[1])), sys.argv[2], progress=progress)
"""


def _killed_sync(ledger_file: Path, url: str, stage: str) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, str(ledger_file), url, stage], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr


def _state(ledger):
    with ledger.Session() as s:
        return ({h.id: (h.map_number, h.name, h.note, h.deleted_at is not None) for h in s.scalars(select(Household))},
                {p.id: (p.name, p.phone, p.deleted_at is not None) for p in s.scalars(select(Person))})


def test_a_sync_killed_mid_push_and_run_again_ends_identical_to_one_clean_sync(make_laptop, server_url, tmp_path):
    # GIVEN laptop A with a synced town and then 30 offline edits, and laptop B of the same district
    a = make_laptop("laptop-a", ["味真野地区"])
    b = make_laptop("laptop-b", ["味真野地区"])
    with a.ledger.Session.begin() as s:
        t = create_town(s, "味真野地区", "余川町")
        ids = [hh.add_household(s, t.id, None, HouseholdFields(name=f"世帯{n}")).id for n in range(10)]
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    with a.ledger.Session.begin() as s:
        for n, hid in enumerate(ids):
            hh.edit_household(s, hid, HouseholdFields(name=f"世帯{n}", note=f"見守り{n}"))
            hh.add_person(s, hid, PersonFields(name=f"住民{n}", phone=f"0778-{n:02d}"))
        hh.delete_household(s, ids[9])
    a.ledger.close()
    clean_copy = tmp_path / "clean" / "ledger.sqlite3"
    clean_copy.parent.mkdir()
    shutil.copy(a.ledger.path, clean_copy)  # what one clean sync would start from

    # WHEN the sync is killed while the server transaction is open ...
    _killed_sync(a.ledger.path, a.url, "push-applied")
    admin = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with admin.connect() as conn:
        count = lambda: conn.execute(text("SELECT count(*) FROM sync_change WHERE laptop_name = 'laptop-a'")).scalar()  # noqa: E731
        journal_before = count()
        # ... nothing of it is on the server (the transaction died with the process)
        assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 0
        # ... and killed again just after the server committed, before the laptop wrote down what it sent
        _killed_sync(a.ledger.path, a.url, "push-committed")
        conn.rollback()
        after_commit = count()
        assert after_commit > journal_before
        # THEN running it again stores nothing twice
        ledger = open_ledger(a.ledger.path)
        report = sync(ledger, a.url)
        conn.rollback()
        assert report.sent == 0 and report.already_sent == after_commit - journal_before
        assert count() == after_commit
        duplicates = conn.execute(text("SELECT count(*) FROM (SELECT entity_id, field, value FROM sync_change "
                                       "GROUP BY entity_id, field, value HAVING count(*) > 1) d")).scalar()
        assert duplicates == 0
    admin.dispose()
    with ledger.Session() as s:
        assert sync_status(s).pending_changes == 0
    # AND the clean copy, synced once, finds every one of its changes already stored: the same changes
    clean = open_ledger(clean_copy)
    clean_report = sync(clean, a.url)
    assert clean_report.sent == 0 and clean_report.already_sent == report.already_sent
    assert _state(clean) == _state(ledger)
    # AND laptop B receives exactly that state
    sync(b.ledger, b.url)
    assert _state(b.ledger) == _state(ledger)
    assert len(_state(ledger)[1]) == 10 and _state(ledger)[0][ids[9]][3] is True
    clean.close()
    ledger.close()
