"""The ledger file: created and upgraded by migrations, UUID keys, timestamps, data kept across opens."""

from __future__ import annotations

import uuid

from app.core.views import Crs, HouseholdFields, MapPoint
from app.households import households
from app.models import open_ledger
from app.models.engine import head_revision, schema_revision
from app.towns import towns


def test_new_ledger_is_created_by_migrations_at_head(tmp_path):
    # GIVEN no file WHEN the ledger is opened THEN the file exists at the newest schema
    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    assert path.exists()
    assert schema_revision(ledger.engine) == head_revision()
    with ledger.engine.connect() as conn:  # the file is encrypted: plain sqlite3 cannot read it
        tables = {r[0] for r in conn.exec_driver_sql("select name from sqlite_master where type='table'")}
    assert {"district", "town", "household", "person", "gathering_place", "base_map", "household_category",
            "alembic_version"} <= tables
    ledger.close()


def test_records_survive_reopening_with_uuid_keys_and_timestamps(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, "北日野地区", "上大坪町")
        h = households.add_household(s, town.id, MapPoint(Crs.GEO, 136.17, 35.9), HouseholdFields(name="山田家"))
    ledger.close()

    again = open_ledger(path)
    with again.Session() as s:
        [view] = households.list_households(s, town.id)
        row = s.execute(
            __import__("sqlalchemy").text("select created_at, updated_at from household")
        ).one()
    assert isinstance(view.id, uuid.UUID) and view.id == h.id
    assert view.name == "山田家"
    assert row.created_at is not None and row.updated_at is not None
    again.close()


def test_updated_timestamp_moves_on_edit(ledger, town):
    from app.models import Household

    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(name="a"))
    with ledger.Session() as s:
        before = s.get(Household, h.id).updated_at
    with ledger.Session.begin() as s:
        households.edit_household(s, h.id, HouseholdFields(name="b"))
    with ledger.Session() as s:
        after = s.get(Household, h.id).updated_at
    assert after > before


def test_builtin_categories_are_seeded_and_the_set_can_grow(ledger, town):
    from app.models import HouseholdCategory

    with ledger.Session.begin() as s:
        codes = [c.code for c in households.list_categories(s)]
        assert codes[:3] == ["of_concern", "single_elderly", "elderly_couple"]
        assert {"disability", "child_rearing", "foreign_resident", "vacant_house"} <= set(codes)
        s.add(HouseholdCategory(code="pet_owner", label="ペットがいる", color="#8c564b", shape="circle",
                                letter="ペ", priority=80))
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, None, HouseholdFields(category_codes=("pet_owner",)))
    assert h.category_codes == ("pet_owner",)


def test_the_head_revision_the_app_knows_is_the_newest_migration():
    # GIVEN the migration scripts WHEN their head is read by Alembic THEN it is the revision a ledger opens at
    # without loading Alembic (a new migration must move HEAD_REVISION too)
    from alembic.script import ScriptDirectory

    from app.models.engine import HEAD_REVISION, _alembic_config

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == HEAD_REVISION


def test_a_ledger_at_the_newest_schema_opens_without_loading_the_migration_tool(tmp_path):
    # GIVEN a ledger made (and migrated) once WHEN another process opens it THEN Alembic is never imported there
    # (its modules are memory a fresh app would keep for nothing), and the ledger reads as before
    import subprocess
    import sys

    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    with ledger.Session.begin() as s:
        towns.create_town(s, "東地区", "桜町")
    ledger.close()
    script = ("import sys; from app.models import open_ledger; from app.models.engine import schema_revision, "
              "head_revision; from app.towns import towns; "
              f"ledger = open_ledger({str(path)!r}); s = ledger.Session(); "
              "print([t.name for t in towns.list_towns(s)], schema_revision(ledger.engine) == head_revision(), "
              "any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules)); s.close(); ledger.close()")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["['桜町']", "True", "False"]
