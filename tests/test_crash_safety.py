"""A crash, a full disk, a read-only folder or a malformed import never loses or corrupts the ledger."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from sqlalchemy import inspect, text

from app.io import agencies, reference_layers, roster, watch_form
from app.models import open_ledger
from app.models.engine import integrity_problems
from app.services import households, towns
from app.services.errors import LedgerError
from app.services.views import HouseholdFields, PersonFields

REPO = Path(__file__).resolve().parents[1]
# Hypothesis caches what it learns in .hypothesis/ of the working folder: keep the repository clean.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="sasaeai-hypothesis-"))

# Writes households forever, one transaction each, and prints a number only after its commit returned.
WRITER = """
import sys, uuid
from app.models import open_ledger
from app.services import households
from app.services.views import HouseholdFields, PersonFields
ledger = open_ledger(sys.argv[1])
town_id, n = uuid.UUID(sys.argv[2]), int(sys.argv[3])
while True:
    with ledger.Session.begin() as s:
        h = households.add_household(s, town_id, None, HouseholdFields(name=f"w{n}", note="記" * (n % 50) * 40))
        households.add_person(s, h.id, PersonFields(name=f"p{n}", concerns="気になる" * 20))
    print(n, flush=True)
    n += 1
"""


def _committed_names(path: Path) -> set[str]:
    ledger = open_ledger(path)
    try:
        with ledger.engine.connect() as conn:
            return {r[0] for r in conn.execute(text("select name from household"))}
    finally:
        ledger.close()


def test_killing_the_app_at_random_points_never_loses_a_commit_or_damages_the_file(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        town_id = towns.create_town(s, "味真野地区", "余川町").id
    ledger.close()
    rng = random.Random(5)
    reported: set[str] = set()
    next_n = 0
    for round_ in range(20):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(town_id), str(next_n)],
                                 cwd=REPO, stdout=subprocess.PIPE, text=True)
        first = child.stdout.readline()  # the child is up and writing
        assert first.strip().isdigit(), f"round {round_}: the writer did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        lines = [first] + rest.splitlines(keepends=True)
        done = [int(line) for line in lines if line.endswith("\n") and line.strip().isdigit()]
        reported |= {f"w{n}" for n in done}
        next_n = max(done) + 2  # the killed transaction may or may not have landed: never reuse its name
        assert integrity_problems(path, os.environ["SASAEAI_PASSPHRASE"]) == [], f"round {round_}"
        stored = _committed_names(path)
        missing = reported - stored
        assert not missing, f"round {round_}: committed but lost: {sorted(missing)[:5]}"
    assert len(reported) > 20


def _run_child(code: str, *args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def _ledger_with_one_household(path: Path) -> None:
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "余川町")
        households.add_household(s, town.id, None, HouseholdFields(name="前からある家"))
    ledger.close()


SAVE_BIG = """
import sys, resource, signal
from app.models import open_ledger
from app.services import households, towns
from app.services.errors import LedgerError
from app.services.views import HouseholdFields
ledger = open_ledger(sys.argv[1])
if sys.argv[2] == "disk-full":
    # The file may grow only a little more: what a full disk looks like to SQLite.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = ledger.path.stat().st_size + 16 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
try:
    with ledger.Session.begin() as s:
        town = towns.list_towns(s)[0]
        for i in range(20):
            households.add_household(s, town.id, None, HouseholdFields(name=f"新しい家{i}", note="あ" * 20000))
except LedgerError as e:
    print("LedgerError:", e)
    sys.exit(3)
print("saved")
"""


def _check_unharmed(path: Path) -> None:
    assert integrity_problems(path, os.environ["SASAEAI_PASSPHRASE"]) == []
    assert _committed_names(path) == {"前からある家"}  # the old data is there, the failed save is not


def test_a_full_disk_while_saving_gives_a_clear_message_and_no_corruption(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    _ledger_with_one_household(path)
    result = _run_child(SAVE_BIG, str(path), "disk-full")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "disk is full" in result.stdout and "nothing was changed" in result.stdout
    _check_unharmed(path)


def test_a_read_only_folder_while_saving_gives_a_clear_message_and_no_corruption(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "ledger.sqlite3"
    _ledger_with_one_household(path)
    if os.geteuid() != 0:
        folder.chmod(0o555)
        prefix: tuple[str, ...] = ()
    else:
        # root ignores file modes: make the folder read-only for the child with a private read-only bind mount.
        if shutil.which("unshare") is None:
            pytest.skip("unshare is needed to make a folder read-only for root")
        probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip("no mount namespaces here")
        script = f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}" "{folder}" && exec "$@"'
        prefix = ("unshare", "-m", "sh", "-c", script, "sh")
    try:
        result = _run_child(SAVE_BIG, str(path), "read-only", prefix=prefix)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "read-only" in result.stdout and "nothing was changed" in result.stdout
    _check_unharmed(path)


# ---- malformed files fed to every importer ----------------------------------------------------------------

HEADER_WORDS = ["氏名", "フリガナ", "住所", "電話", "TEL", "生年月日", "気になるところ", "見守り者", "関わり方", "町名",
                "名称", "種別", "所在地", "緯度", "経度", "name", "address", "phone", "kind", "lat", "lon", "余川町",
                "見守りネットワーク記録用紙", "昭和15年3月2日", "S12.5.6", "0778-00-1111", "=SUM(A1:A2)", "=1/0"]
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
_cell = st.one_of(st.none(), st.sampled_from(HEADER_WORDS), _text, st.integers(-10**12, 10**12),
                  st.floats(allow_nan=False, allow_infinity=False),
                  st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
                  st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
_sheet = st.tuples(st.one_of(st.sampled_from(["余川町", "Sheet", "名簿", "見守り"]), st.text("abcあいう町", min_size=1,
                                                                                                  max_size=10)),
                   st.lists(st.lists(_cell, max_size=9), max_size=12))


def _write_workbook(path: Path, sheets: list) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    used = set()
    for title, rows in sheets:
        title = title[:31] or "x"
        while title in used:
            title = (title + "_")[-31:]
        used.add(title)
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


_damage = st.sampled_from(["none", "truncate", "garbage", "empty", "csv-text"])


def _importers(session, path: Path, town_id):
    return {
        "watch_form": lambda: watch_form.apply_form(session, watch_form.read_form(session, path)),
        "roster": lambda: roster.apply_roster(session, roster.read_roster(session, path, town_id)),
        "agencies": lambda: agencies.apply_agencies(session, agencies.read_agencies(session, path)),
        "reference_layers": lambda: reference_layers.import_layer(session, path),
    }


def _dump(ledger) -> dict[str, list]:
    with ledger.engine.connect() as conn:
        return {n: sorted(map(repr, conn.execute(text(f'select * from "{n}"'))))
                for n in inspect(conn).get_table_names()}


@pytest.mark.parametrize("importer", ["watch_form", "roster", "agencies", "reference_layers"])
def test_malformed_files_raise_a_clear_error_and_leave_the_ledger_unchanged(ledger, town, importer):
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="越前家", address="余川町1-1"))
        households.add_person(s, h.id, PersonFields(name="越前ハル", of_concern=True))
    folder = Path(tempfile.mkdtemp())

    # database=None: no .hypothesis folder in the repo; the seed is printed on failure instead.
    @settings(max_examples=25, deadline=None, database=None, print_blob=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(sheets=st.lists(_sheet, min_size=1, max_size=3), damage=_damage,
           suffix=st.sampled_from([".xlsx", ".csv", ".geojson"] if importer == "reference_layers" else [".xlsx"]))
    def feed(sheets, damage, suffix):
        path = folder / f"input{suffix}"
        if suffix == ".xlsx":
            _write_workbook(path, sheets)
        else:
            path.write_text("\n".join(",".join(str(c) for c in row) for _t, rows in sheets for row in rows),
                            encoding="utf-8")
        data = path.read_bytes()
        if damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "garbage":
            path.write_bytes(bytes(random.Random(len(data)).randrange(256) for _ in range(300)))
        elif damage == "empty":
            path.write_bytes(b"")
        elif damage == "csv-text":
            path.write_text("氏名,住所\n\"unterminated,\x00", encoding="utf-8")
        before = _dump(ledger)
        try:
            with ledger.Session.begin() as s:
                _importers(s, path, town.id)[importer]()
        except LedgerError:
            assert _dump(ledger) == before  # a refused file changes nothing

    feed()


# Dies in the middle of a big transaction whose pages already spilled into the file: a "hot journal" is left.
DIE_MID_TRANSACTION = """
import os, sys
from app.models.engine import connect_raw
conn = connect_raw(sys.argv[1], os.environ["SASAEAI_PASSPHRASE"])
conn.execute("PRAGMA cache_size = 2")
conn.execute("BEGIN")
conn.execute("UPDATE household SET note = 'half-written'")
os.kill(os.getpid(), 9)
"""


def test_after_a_crash_mid_transaction_the_right_passphrase_still_opens_and_a_wrong_one_harms_nothing(tmp_path):
    from app.models.engine import WrongPassphrase

    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "味真野地区", "余川町")
        for i in range(300):
            households.add_household(s, town.id, None, HouseholdFields(name=f"家{i}", note="元のメモ" * 100))
    ledger.close()
    result = _run_child(DIE_MID_TRANSACTION, str(path))
    assert result.returncode == -signal.SIGKILL
    assert path.with_name(path.name + "-journal").stat().st_size > 0  # the crash left work to undo
    with pytest.raises(WrongPassphrase):
        open_ledger(path, "まちがい")
    ledger = open_ledger(path)  # the right one, after a crash: not mistaken for a wrong one
    with ledger.engine.connect() as conn:
        notes = {r[0] for r in conn.execute(text("select distinct note from household"))}
    ledger.close()
    assert notes == {"元のメモ" * 100}  # the half-written transaction is undone
    assert integrity_problems(path, os.environ["SASAEAI_PASSPHRASE"]) == []
