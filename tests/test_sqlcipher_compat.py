"""Ledgers written by earlier builds open with today's SQLCipher binding (sqlcipher3-wheels).

``tests/data/ledgers/ledger-sqlcipher3-binary-0.6.0.sqlite3`` was written by the build of 2026-12-01
(commit 7dd6146, SQLCipher 4.12 from sqlcipher3-binary 0.6.0, schema revision 0007) with the passphrase
below: one town and one household, invented. The binding changed to sqlcipher3-wheels so the app installs
on Windows and macOS; a laptop's ledger must still open after the update, and be migrated with a backup.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select

from app.models import Household, open_ledger
from app.models.engine import head_revision, integrity_problems, schema_revision
from app.towns.towns import list_towns

OLD_LEDGER = Path(__file__).parent / "data" / "ledgers" / "ledger-sqlcipher3-binary-0.6.0.sqlite3"
OLD_PASSPHRASE = "旧版の合言葉 old-build"


def test_the_binding_is_sqlcipher_4():
    conn = sqlcipher.connect(":memory:")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()
    assert version.split(".")[0] == "4", version


def test_a_ledger_written_by_the_previous_build_opens_is_migrated_and_keeps_its_household(tmp_path):
    # GIVEN a laptop's ledger written by the build that used sqlcipher3-binary
    path = tmp_path / "ledger.sqlite3"
    shutil.copyfile(OLD_LEDGER, path)
    assert integrity_problems(path, OLD_PASSPHRASE) == []

    # WHEN today's build opens it with its passphrase
    ledger = open_ledger(path, OLD_PASSPHRASE)
    try:
        # THEN its town and household are there, the schema is current, and a backup of the old file was kept
        with ledger.Session() as s:
            towns = list_towns(s)
            names = s.scalars(select(Household.name)).all()
        assert [t.name for t in towns] == ["余川町"]
        assert names == ["山田 花子"]
        assert schema_revision(ledger.engine) == head_revision()
        backups = list(ledger.backup_dir.glob("*before-migration-0007*"))
        assert len(backups) == 1 and integrity_problems(backups[0], OLD_PASSPHRASE) == []
    finally:
        ledger.close()
