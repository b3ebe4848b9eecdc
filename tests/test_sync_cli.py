"""The command line of sync: server-init, server-register-laptop, sync, package-export/-import."""

from __future__ import annotations

import re

from sqlalchemy import create_engine, text

from app.core.views import HouseholdFields
from app.households import households as hh
from app.models import open_ledger
from app.paths import ledger_path
from app.towns.towns import create_town
from tests.conftest import run_app
from tests.sync_fixtures import pg_admin_url, server_url  # noqa: F401 - fixtures


def test_the_office_registers_a_laptop_and_the_laptop_syncs_from_the_command_line(server_url, tmp_path):
    assert run_app("server-init", "--url", server_url).returncode == 0
    done = run_app("server-register-laptop", "--url", server_url, "--name", "味真野-1", "--districts", "味真野地区")
    assert done.returncode == 0, done.stderr
    laptop_url = re.search(r"(postgresql://\S+)", done.stdout.splitlines()[-1]).group(1)
    data = tmp_path / "laptop"
    ledger = open_ledger(ledger_path(data))
    with ledger.Session.begin() as s:
        town = create_town(s, "味真野地区", "余川町")
        hh.add_household(s, town.id, None, HouseholdFields(name="山田家"))
    ledger.close()
    first = run_app("sync", "--url", laptop_url, "--data-dir", str(data))
    assert first.returncode == 0, first.stderr
    assert "sent" in first.stdout and "password" not in first.stdout
    again = run_app("sync", "--data-dir", str(data))  # the address is remembered
    assert again.returncode == 0, again.stderr
    assert "sent 0" in again.stdout
    # the office's own ledger, registered for every district, receives the household
    office = run_app("server-register-laptop", "--url", server_url, "--name", "office", "--districts", "*")
    office_url = re.search(r"(postgresql://\S+)", office.stdout.splitlines()[-1]).group(1)
    open_ledger(ledger_path(tmp_path / "office")).close()
    synced = run_app("sync", "--url", office_url, "--data-dir", str(tmp_path / "office"), "--verbose")
    assert synced.returncode == 0, synced.stderr
    assert "Receiving changes" in synced.stderr
    office_ledger = open_ledger(ledger_path(tmp_path / "office"))
    with office_ledger.Session() as s:
        assert [h.name for h in hh.list_households(s, town.id)] == ["山田家"]
    office_ledger.close()
    # the USB way: office package for the laptop, imported there
    env = {"SASAEAI_PACKAGE_PASSPHRASE": "usb"}
    out = run_app("package-export", "--url", server_url, "--laptop", "味真野-1", "--out", str(tmp_path / "p"), env=env)
    assert out.returncode == 0, out.stderr
    back = run_app("package-import", str(tmp_path / "p"), "--data-dir", str(data), env=env)
    assert back.returncode == 0, back.stderr
    wrong = run_app("package-import", str(tmp_path / "p"), "--data-dir", str(data),
                    env={"SASAEAI_PACKAGE_PASSPHRASE": "nope"})
    assert wrong.returncode == 1 and str(tmp_path / "p") in wrong.stderr


def test_a_bad_server_address_says_where(tmp_path):
    open_ledger(ledger_path(tmp_path)).close()
    done = run_app("sync", "--url", "mysql://x", "--data-dir", str(tmp_path))
    assert done.returncode == 1 and "--url" in done.stderr


def test_the_office_gives_a_registered_laptop_a_new_package_key_from_the_command_line(server_url):
    # GIVEN a registered laptop
    assert run_app("server-register-laptop", "--url", server_url, "--name", "味真野-1",
                   "--districts", "味真野地区").returncode == 0
    # WHEN the office asks for a new package key, THEN it is made, and the laptop's next package must carry it
    done = run_app("server-register-laptop", "--url", server_url, "--name", "味真野-1", "--new-package-key")
    assert done.returncode == 0, done.stderr
    assert "new package key" in done.stdout
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        row = conn.execute(text("SELECT package_key, previous_package_key, package_key_confirmed FROM sync_laptop "
                                "WHERE name = '味真野-1'")).one()
    engine.dispose()
    assert len(row.package_key) == 32 and row.previous_package_key not in (None, row.package_key)
    assert row.package_key_confirmed is False
    # AND a laptop that is not registered is named in the refusal
    unknown = run_app("server-register-laptop", "--url", server_url, "--name", "誰か", "--new-package-key")
    assert unknown.returncode == 1 and "誰か" in unknown.stderr
