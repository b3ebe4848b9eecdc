"""Step II services: watchers, watch links, the gap, the demo's watchers and the 0002 migration."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event

from app.core.errors import LedgerError, NotFound
from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.households import households
from app.models import Base
from app.models.engine import _alembic_config, head_revision, schema_revision
from app.models.search_index import include_object
from app.models.watch import WatcherRole, WatchFrequency
from app.towns import towns
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields


@pytest.fixture
def concern(ledger, town):
    """GIVEN a household with one person of concern and a neighbour household."""
    with ledger.Session.begin() as s:
        h = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 10, 10),
                                     HouseholdFields(name="山田家", address="余川町1-1", category_codes=("of_concern",)))
        p = households.add_person(s, h.id, PersonFields("山田　ハル", kana="やまだ　はる", of_concern=True,
                                                        concerns="物忘れが増えた"))
        n = households.add_household(s, town.id, MapPoint(Crs.PIXEL, 20, 10), HouseholdFields(name="佐藤家"))
    return p, n


def test_linking_a_neighbour_shows_them_as_the_persons_watcher_and_closes_the_gap(ledger, town, concern):
    person, neighbour_home = concern
    with ledger.Session.begin() as s:
        assert [c.person.name for c in watch.persons_without_watcher(s, town.id)] == ["山田　ハル"]
        w = watch.add_watcher(s, town.id, WatcherFields("佐藤　花子", role="neighbour", household_id=neighbour_home.id))
        watch.link_watcher(s, person.id, w.id, LinkFields("毎朝の声かけ", "daily", date(2024, 4, 1)))
    with ledger.Session.begin() as s:
        (c,) = watch.list_concerns(s, town.id)
        assert [(x.watcher.name, x.involvement, x.frequency, x.since) for x in c.links] == [
            ("佐藤　花子", "毎朝の声かけ", WatchFrequency.DAILY, date(2024, 4, 1))
        ]
        assert watch.persons_without_watcher(s, town.id) == []
        (line,) = watch.watch_lines(s, town.id)
        assert (line.watcher_household_id, line.person_household_id) == (neighbour_home.id, person.household_id)
        assert line.role is WatcherRole.NEIGHBOUR


def test_unlink_and_archive_reopen_the_gap_and_restore_brings_the_watcher_back(ledger, town, concern):
    person, _ = concern
    with ledger.Session.begin() as s:
        w = watch.add_watcher(s, town.id, WatcherFields("民生　委員", role=WatcherRole.WELFARE_COMMISSIONER))
        link = watch.link_watcher(s, person.id, w.id, LinkFields("安否確認"))
    with ledger.Session.begin() as s:
        watch.unlink(s, link.id)
        assert len(watch.persons_without_watcher(s, town.id)) == 1
        watch.restore_link(s, link.id)
        assert watch.persons_without_watcher(s, town.id) == []
        watch.archive_watcher(s, w.id)
        assert len(watch.persons_without_watcher(s, town.id)) == 1
        assert watch.list_watchers(s, town.id) == []
        watch.restore_watcher(s, w.id)
        assert [x.watcher.name for x in watch.get_concern(s, person.id).links] == ["民生　委員"]


def test_relinking_an_unlinked_watcher_revives_the_same_link(ledger, town, concern):
    person, _ = concern
    with ledger.Session.begin() as s:
        w = watch.add_watcher(s, town.id, WatcherFields("区長　さん", role="district_head"))
        first = watch.link_watcher(s, person.id, w.id, LinkFields("声かけ"))
        watch.unlink(s, first.id)
        again = watch.link_watcher(s, person.id, w.id, LinkFields("雪かき", "when_needed"))
    assert again.id == first.id and again.involvement == "雪かき"


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        (WatcherFields(""), "name"),
        (WatcherFields("あ" * 201), "name"),
        (WatcherFields("山田", role="mayor"), "role"),
        (WatcherFields("山田", phone="0" * 51), "phone"),
    ],
)
def test_bad_watcher_input_is_refused_with_the_field_named(ledger, town, fields, where):
    with ledger.Session.begin() as s, pytest.raises(LedgerError) as err:
        watch.add_watcher(s, town.id, fields)
    assert err.value.where == where


def test_linking_twice_a_bad_frequency_or_a_person_not_of_concern_is_refused(ledger, town, concern):
    person, home = concern
    with ledger.Session.begin() as s:
        w = watch.add_watcher(s, town.id, WatcherFields("佐藤　花子"))
        watch.link_watcher(s, person.id, w.id)
        with pytest.raises(LedgerError, match="already watches"):
            watch.link_watcher(s, person.id, w.id)
        other = households.add_person(s, home.id, PersonFields("佐藤　一郎"))
        with pytest.raises(LedgerError, match="not marked as a person of concern"):
            watch.link_watcher(s, other.id, w.id)
        with pytest.raises(LedgerError) as err:
            watch.edit_link(s, watch.get_concern(s, person.id).links[0].id, LinkFields("声かけ", "hourly"))
        assert err.value.where == "frequency"


def test_a_watcher_of_another_town_or_living_in_another_towns_house_is_refused(ledger, town, concern):
    person, home = concern
    with ledger.Session.begin() as s:
        other_town = towns.create_town(s, "味真野地区", "上真柄町")
        stranger = watch.add_watcher(s, other_town.id, WatcherFields("よそ　の人"))
        with pytest.raises(LedgerError, match="another town"):
            watch.link_watcher(s, person.id, stranger.id)
        with pytest.raises(LedgerError) as err:
            watch.add_watcher(s, other_town.id, WatcherFields("よそ　の人", household_id=home.id))
        assert err.value.where == "household"
        with pytest.raises(NotFound):
            watch.edit_watcher(s, watch.archive_watcher(s, stranger.id).id, WatcherFields("x"))


def test_list_concerns_does_not_query_per_person(demo_ledger):
    with demo_ledger.Session.begin() as s:
        town = towns.find_town(s, "ひだまり町")  # make_demo already seeded its watchers
    statements = []
    event.listen(demo_ledger.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with demo_ledger.Session.begin() as s:
        concerns = watch.list_concerns(s, town.id)
    assert len(concerns) > 10 and sum(len(c.links) for c in concerns) > 10
    assert len(statements) <= 6


def test_demo_watchers_cover_most_persons_of_concern_but_leave_a_gap(demo_ledger):
    with demo_ledger.Session.begin() as s:
        town = towns.find_town(s, "ひだまり町")
        added = watch.list_watchers(s, town.id)  # seeded by make_demo
    with demo_ledger.Session.begin() as s:
        concerns = watch.list_concerns(s, town.id)
        gap = watch.persons_without_watcher(s, town.id)
        roles = {w.role for w in added}
        mapped = {h.id for h in households.list_households(s, town.id)}
    assert 2 <= len(gap) <= 3 and len(concerns) - len(gap) >= len(concerns) * 2 // 3
    assert {WatcherRole.DISTRICT_HEAD, WatcherRole.WELFARE_COMMISSIONER, WatcherRole.WELFARE_PROMOTER,
            WatcherRole.NEIGHBOUR} <= roles
    neighbours = [w for w in added if w.role is WatcherRole.NEIGHBOUR]
    assert neighbours and all(w.household_id in mapped for w in neighbours)
    assert all(c.person.household_id not in {w.household_id for w in added} for c in concerns)


def test_migrations_match_the_models_and_downgrade_cleanly(ledger):
    # Every model change comes with its migration, and later migrations can be rolled back to 0001.
    assert schema_revision(ledger.engine) == head_revision()
    with ledger.engine.connect() as conn:
        # The FTS5 search index (virtual table and shadow tables) lives outside the metadata.
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []
    cfg = _alembic_config()
    with ledger.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        command.upgrade(cfg, "head")
    assert schema_revision(ledger.engine) == head_revision()
