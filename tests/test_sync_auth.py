"""USB packages prove who made them: an HMAC with the key the office gave the laptop at registration.
A forged, altered or out-of-scope package is refused whole, with the file named, and nothing applied."""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, select, text

from app.core.views import HouseholdFields
from app.households import households as hh
from app.models import Household, SyncState, open_ledger
from app.models.engine import connect_raw
from app.office.packages import export_package_for_laptop, import_package_at_office
from app.office.server import new_package_key
from app.paths import ledger_path
from app.sync import SyncError, export_package, import_package, sync
from app.towns.towns import create_town
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures

PASS = "usb-パスフレーズ"
DISTRICT = "味真野地区"
OTHER = "北日野地区"


def _server(server_url):
    """What a refused package must not change: the journal, the records, the sync log, the keys' state."""
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        state = (conn.execute(text("SELECT seq, change_id, laptop_name FROM sync_change ORDER BY seq")).all(),
                 conn.execute(text("SELECT id, name, note FROM household ORDER BY id")).all(),
                 conn.execute(text("SELECT id, name FROM district ORDER BY id")).all(),
                 conn.execute(text("SELECT laptop_name, kind FROM sync_log ORDER BY id")).all(),
                 conn.execute(text("SELECT name, package_key_confirmed FROM sync_laptop ORDER BY name")).all())
    engine.dispose()
    return state


def _notes(ledger):
    with ledger.Session() as s:
        return {h.name: h.note for h in s.scalars(select(Household))}


def _meta(path):
    conn = connect_raw(path, PASS)
    try:
        return {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    finally:
        conn.close()


def _rewrite(path, sql, *params):
    """Change a package the way someone holding the passphrase could: open it and write to it directly."""
    conn = connect_raw(path, PASS)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _usb_laptop(make_laptop, server_url, tmp_path, name):
    """GIVEN a USB-only laptop that imported the office's first package (which brought its key)."""
    laptop = make_laptop(name, [DISTRICT])
    first = tmp_path / f"to-{name}-first.sasaeai"
    export_package_for_laptop(server_url, name, first, PASS)
    import_package(laptop.ledger, first, PASS)
    return laptop


def _with_household(laptop, name, note=""):
    ledger = getattr(laptop, "ledger", laptop)
    with ledger.Session.begin() as s:
        town = create_town(s, DISTRICT, "余川町")
        hh.add_household(s, town.id, None, HouseholdFields(name=name, note=note))


def _refused(server_url, path, reply, laptop=None):
    """WHEN the office imports ``path``: THEN it is refused naming the file and the server is unchanged."""
    before = _server(server_url)
    with pytest.raises(SyncError) as refused:
        import_package_at_office(server_url, path, PASS, reply)
    assert str(path) in str(refused.value)
    assert _server(server_url) == before
    assert not reply.exists()
    return refused.value


def test_the_key_comes_with_the_first_office_package_and_a_genuine_package_round_trips(make_laptop, server_url,
                                                                                       tmp_path):
    # GIVEN a laptop synced over the network: its login gave it its key
    a = make_laptop("laptop-a", [DISTRICT])
    _with_household(a, "山田家")
    sync(a.ledger, a.url)
    u = make_laptop("usb-laptop", [DISTRICT])
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT name, package_key FROM sync_laptop")).all())
    engine.dispose()
    with a.ledger.Session() as s:
        assert s.get(SyncState, 1).package_key == keys["laptop-a"]
    assert len(keys["laptop-a"]) == 32 and keys["laptop-a"] != keys["usb-laptop"]
    # WHEN the office packs for a USB laptop that never sent anything, THEN the package brings its key
    first = tmp_path / "to-u-1.sasaeai"
    export_package_for_laptop(server_url, "usb-laptop", first, PASS)
    assert _meta(first)["key"] == keys["usb-laptop"].hex() and _meta(first)["mac"]
    import_package(u.ledger, first, PASS)
    with u.ledger.Session() as s:
        assert s.get(SyncState, 1).package_key == keys["usb-laptop"]
    assert _notes(u.ledger) == {"山田家": ""}
    # WHEN U's genuine package goes to the office and the reply comes back
    with u.ledger.Session.begin() as s:
        town_id = s.scalars(select(Household.town_id)).first()
        hh.add_household(s, town_id, None, HouseholdFields(name="鈴木家", note="U が追加"))
    export_package(u.ledger, tmp_path / "from-u.sasaeai", PASS)
    office = import_package_at_office(server_url, tmp_path / "from-u.sasaeai", PASS, tmp_path / "to-u-2.sasaeai")
    # THEN it is applied, and the key, now proven, no longer travels
    assert office.accepted >= 1 and office.rejected == 0
    assert "key" not in _meta(tmp_path / "to-u-2.sasaeai")
    report = import_package(u.ledger, tmp_path / "to-u-2.sasaeai", PASS)
    assert report.sent >= 1
    sync(a.ledger, a.url)
    assert _notes(a.ledger) == {"山田家": "", "鈴木家": "U が追加"}
    export_package_for_laptop(server_url, "usb-laptop", tmp_path / "to-u-3.sasaeai", PASS)
    assert "key" not in _meta(tmp_path / "to-u-3.sasaeai")


def test_a_package_claiming_to_be_another_laptop_is_refused_and_nothing_is_applied(make_laptop, server_url,
                                                                                   tmp_path):
    # GIVEN two registered USB laptops; U writes a package with a new household
    u = _usb_laptop(make_laptop, server_url, tmp_path, "usb-u")
    _usb_laptop(make_laptop, server_url, tmp_path, "usb-v")
    _with_household(u, "偽装家", "U が書いた")
    path = export_package(u.ledger, tmp_path / "from-u.sasaeai", PASS).path
    # WHEN someone with the passphrase changes the package to say it comes from V
    _rewrite(path, "UPDATE meta SET value = ? WHERE key = 'laptop'", json.dumps("usb-v"))
    # THEN the office refuses it, naming the file and the laptop, and applies nothing
    error = _refused(server_url, path, tmp_path / "reply.sasaeai")
    assert "usb-v" in str(error) and "not signed" in str(error)


def test_a_package_with_one_value_changed_is_refused_and_nothing_is_applied(make_laptop, server_url, tmp_path):
    u = _usb_laptop(make_laptop, server_url, tmp_path, "usb-u")
    _with_household(u, "山田家", "週2回訪問")
    path = export_package(u.ledger, tmp_path / "from-u.sasaeai", PASS).path
    # WHEN one change's value is altered on the stick
    conn = connect_raw(path, PASS)
    try:
        rowid, value = conn.execute("SELECT rowid, value FROM change WHERE entity = 'household'").fetchone()
    finally:
        conn.close()
    record = json.loads(value)
    record["note"] = "訪問不要"
    _rewrite(path, "UPDATE change SET value = ? WHERE rowid = ?", json.dumps(record, ensure_ascii=False), rowid)
    # THEN it is refused whole
    _refused(server_url, path, tmp_path / "reply.sasaeai")
    # AND so is one with a meta value changed, one with a change taken out, or one with a change added
    path = export_package(u.ledger, tmp_path / "from-u-1.sasaeai", PASS).path
    _rewrite(path, "UPDATE meta SET value = ? WHERE key = 'base_seq'", json.dumps(10**6))
    _refused(server_url, path, tmp_path / "reply.sasaeai")
    path = export_package(u.ledger, tmp_path / "from-u-2.sasaeai", PASS).path
    _rewrite(path, "DELETE FROM change WHERE entity = 'town'")
    _refused(server_url, path, tmp_path / "reply.sasaeai")
    path = export_package(u.ledger, tmp_path / "from-u-3.sasaeai", PASS).path
    _rewrite(path, "INSERT INTO change SELECT * FROM change WHERE entity = 'household'")
    _refused(server_url, path, tmp_path / "reply.sasaeai")
    # AND a genuine package is still accepted afterwards
    export_package(u.ledger, tmp_path / "from-u-4.sasaeai", PASS)
    office = import_package_at_office(server_url, tmp_path / "from-u-4.sasaeai", PASS, tmp_path / "reply.sasaeai")
    assert office.rejected == 0 and office.accepted >= 3


def test_a_signed_package_reaching_into_another_district_is_refused_whole(make_laptop, server_url, tmp_path):
    # GIVEN a laptop of 北日野地区 that synced a household there
    w = make_laptop("laptop-w", [OTHER])
    with w.ledger.Session.begin() as s:
        town = create_town(s, OTHER, "矢船町")
        hh.add_household(s, town.id, None, HouseholdFields(name="矢船の世帯", note="W の記録"))
    sync(w.ledger, w.url)
    # AND a USB laptop of 味真野地区 whose ledger was altered to claim every district
    u = _usb_laptop(make_laptop, server_url, tmp_path, "usb-u")
    _with_household(u, "山田家")
    with u.ledger.Session.begin() as s:
        s.get(SyncState, 1).district_ids = ["*"]
        town = create_town(s, OTHER, "矢船町")
        hh.add_household(s, town.id, None, HouseholdFields(name="U が作った世帯"))
    path = export_package(u.ledger, tmp_path / "from-u.sasaeai", PASS).path
    # WHEN the office imports it: THEN it is refused, in-scope changes included, naming the district rule
    error = _refused(server_url, path, tmp_path / "reply.sasaeai")
    assert "usb-u" in str(error) and "not registered for" in str(error)
    # AND a genuinely signed change to another district's existing record is refused the same way
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        other_id = conn.execute(text("SELECT id FROM household WHERE name = '矢船の世帯'")).scalar_one()
    engine.dispose()
    with u.ledger.Session() as s:
        state = s.get(SyncState, 1)
        key, ledger_id = state.package_key, state.ledger_id
    path = _signed_package(tmp_path / "reach.sasaeai", key, ledger_id, other_id)
    error = _refused(server_url, path, tmp_path / "reply.sasaeai")
    assert "not registered for" in str(error)
    sync(w.ledger, w.url)
    assert _notes(w.ledger) == {"矢船の世帯": "W の記録"}


def _signed_package(path, key, ledger_id, household_id):
    """A laptop package for usb-u, signed with its own key, whose one change edits ``household_id``."""
    from app.sync.core import Change
    from app.sync.packages import PACKAGE_FORMAT, write_package

    change = Change(uuid.uuid4(), "household", household_id, "note", "update", json.dumps("U が書き換え"),
                    "U", "", datetime(2026, 12, 1, tzinfo=timezone.utc))
    meta = dict(format=PACKAGE_FORMAT, kind="laptop", laptop="usb-u", ledger_id=str(ledger_id), base_seq=0,
                audit_top=0, outside_scope=[], made_at="2026-12-01T00:00:00+00:00")
    return write_package(path, PASS, meta, [change], key=key)


def test_a_package_from_a_laptop_the_office_never_registered_is_refused(make_laptop, server_url, tmp_path):
    # GIVEN a registered laptop, and a ledger the office never registered that calls itself a laptop
    # and made up a key of its own
    _usb_laptop(make_laptop, server_url, tmp_path, "usb-u")
    stray = open_ledger(ledger_path(tmp_path / "stray"))
    try:
        _with_household(stray, "野良家")
        with stray.Session.begin() as s:
            state = s.get(SyncState, 1)
            state.laptop_name, state.district_ids, state.package_key = "野良ノートPC", ["*"], secrets.token_bytes(32)
        path = export_package(stray, tmp_path / "from-stray.sasaeai", PASS).path
    finally:
        stray.close()
    # WHEN the office imports it: THEN it is refused, naming the file and the unknown laptop
    error = _refused(server_url, path, tmp_path / "reply.sasaeai")
    assert "野良ノートPC" in str(error) and "no laptop called" in str(error)


def test_the_laptop_refuses_an_office_package_that_was_altered_or_signed_with_another_key(make_laptop, server_url,
                                                                                          tmp_path):
    # GIVEN a network laptop A with a household, and a USB laptop U holding its key
    a = make_laptop("laptop-a", [DISTRICT])
    _with_household(a, "山田家", "元の記録")
    sync(a.ledger, a.url)
    u = _usb_laptop(make_laptop, server_url, tmp_path, "usb-u")
    with a.ledger.Session.begin() as s:
        yamada = s.scalars(select(Household)).one()
        hh.edit_household(s, yamada.id, HouseholdFields(name="山田家", note="A の新しい記録"))
    sync(a.ledger, a.url)
    path = export_package_for_laptop(server_url, "usb-u", tmp_path / "to-u.sasaeai", PASS).path
    # WHEN a value in the office's package is changed on the stick
    _rewrite(path, "UPDATE change SET value = ? WHERE field = 'note'", json.dumps("改ざん"))
    # THEN U refuses it, naming the file, and its ledger is unchanged
    with pytest.raises(SyncError) as refused:
        import_package(u.ledger, path, PASS)
    assert str(path) in str(refused.value)
    assert _notes(u.ledger) == {"山田家": "元の記録"}
    # AND a package bringing a key of its own (not signed with the key U holds) is refused too
    forged = export_package_for_laptop(server_url, "usb-u", tmp_path / "forged.sasaeai", PASS).path
    from app.sync.packages import read_package, write_package

    package = read_package(forged, PASS)
    meta = {k: v for k, v in package.meta.items() if k not in ("mac", "previous_mac")}
    other_key = secrets.token_bytes(32)
    meta["key"] = other_key.hex()
    write_package(forged, PASS, meta, package.changes, package.acks, key=other_key)
    with pytest.raises(SyncError) as refused:
        import_package(u.ledger, forged, PASS)
    assert str(forged) in str(refused.value)
    assert _notes(u.ledger) == {"山田家": "元の記録"}
    # AND the genuine package is applied
    genuine = export_package_for_laptop(server_url, "usb-u", tmp_path / "ok.sasaeai", PASS, since=0).path
    import_package(u.ledger, genuine, PASS)
    assert _notes(u.ledger) == {"山田家": "A の新しい記録"}


def test_a_new_package_key_reaches_the_laptop_and_the_old_one_stops_working(make_laptop, server_url, tmp_path):
    # GIVEN a USB laptop whose first package was accepted (its key is proven)
    u = _usb_laptop(make_laptop, server_url, tmp_path, "usb-u")
    _with_household(u, "山田家")
    export_package(u.ledger, tmp_path / "from-u-1.sasaeai", PASS)
    import_package_at_office(server_url, tmp_path / "from-u-1.sasaeai", PASS, tmp_path / "to-u-1.sasaeai")
    import_package(u.ledger, tmp_path / "to-u-1.sasaeai", PASS)
    with u.ledger.Session() as s:
        old_key = s.get(SyncState, 1).package_key
    with u.ledger.Session.begin() as s:
        yamada = s.scalars(select(Household)).one()
        hh.edit_household(s, yamada.id, HouseholdFields(name="山田家", note="鍵の交換前"))
    stale = export_package(u.ledger, tmp_path / "from-u-old-key.sasaeai", PASS).path
    # WHEN the office gives it a new key
    new_package_key(server_url, "usb-u")
    # THEN a package signed with the old key is refused
    _refused(server_url, stale, tmp_path / "reply.sasaeai")
    # AND the office's next package brings the new key, which the laptop trusts (signed with the old one too)
    path = export_package_for_laptop(server_url, "usb-u", tmp_path / "to-u-2.sasaeai", PASS).path
    assert _meta(path)["previous_mac"]
    import_package(u.ledger, path, PASS)
    with u.ledger.Session() as s:
        new_key = s.get(SyncState, 1).package_key
    assert new_key != old_key and len(new_key) == 32
    # AND the laptop's packages are accepted again
    export_package(u.ledger, tmp_path / "from-u-2.sasaeai", PASS)
    office = import_package_at_office(server_url, tmp_path / "from-u-2.sasaeai", PASS, tmp_path / "to-u-3.sasaeai")
    assert office.accepted == 1 and office.rejected == 0
    with pytest.raises(SyncError) as unknown:
        new_package_key(server_url, "no-such-laptop")
    assert "no-such-laptop" in str(unknown.value)


def test_laptops_registered_before_package_keys_get_one_when_the_server_is_upgraded(make_laptop, server_url,
                                                                                    tmp_path):
    from alembic import command

    from app.models.engine import _alembic_config
    from app.office.server import init_server

    # GIVEN a server at 0008 (before package keys) with a laptop registered on it
    u = make_laptop("usb-u", [DISTRICT])
    engine = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
        assert "package_key" not in conn.execute(text("SELECT * FROM sync_laptop")).keys()
    # WHEN the office runs server-init with this version
    init_server(server_url)
    # THEN every laptop has its own key, not yet confirmed, and the office's next package brings it
    with engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT name, package_key FROM sync_laptop "
                                      "WHERE NOT package_key_confirmed")).all())
    engine.dispose()
    assert set(keys) == {"server", "usb-u"} and len(set(keys.values())) == 2
    assert all(len(k) == 32 for k in keys.values())
    import_package(u.ledger, export_package_for_laptop(server_url, "usb-u", tmp_path / "to-u.sasaeai", PASS).path, PASS)
    with u.ledger.Session() as s:
        assert s.get(SyncState, 1).package_key == keys["usb-u"]
