"""Control points of a town's map image sync with the town's district (a real PostgreSQL server).

GIVEN laptops A and B of one district that both use the same scan of a town's map, and C of another district,
WHEN A ties the scan to the ground and they sync, THEN B has the same points, its own households placed on the
scan get the same latitude and longitude as on A, and C (and its role on the server) sees none of them.
"""

from __future__ import annotations

import dataclasses

from PIL import Image
from sqlalchemy import create_engine, select, text

from app.core.views import Crs, MapPoint
from app.households.households import add_household, move_household
from app.models import Household, MapControlPoint
from app.sync import list_conflicts, sync
from app.towns import basemaps
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures
from tests.test_georeference import H, W, affine_truth, control_points
from tests.test_sync import _two_laptops_synced


def _points(ledger, town_id):
    with ledger.Session() as s:
        return [(p.x, p.y, p.lon, p.lat, p.label) for p in s.scalars(
            select(MapControlPoint).where(MapControlPoint.town_id == town_id).order_by(MapControlPoint.ordinal))]


def _positions(ledger, town_id):
    with ledger.Session() as s:
        return {h.id: (h.map_x, h.map_y, h.lon, h.lat) for h in s.scalars(select(Household).where(
            Household.town_id == town_id))}


def _scan_on_both(a, b, town_id, tmp_path):
    scan = tmp_path / "住宅地図.png"
    Image.new("RGB", (W, H), "#f4f1e8").save(scan)
    for laptop in (a, b):  # the scan itself does not sync: each laptop chooses the file (the same one)
        with laptop.ledger.Session.begin() as s:
            basemaps.set_image_base_map(s, laptop.ledger.data_dir, town_id, scan)


def test_control_points_reach_the_districts_laptops_and_place_their_households(make_laptop, server_url, tmp_path):
    a, b, town_id, ids = _two_laptops_synced(make_laptop)
    c = make_laptop("laptop-c", ["北日野地区"])
    _scan_on_both(a, b, town_id, tmp_path)
    # GIVEN A's households placed on the scan, synced to B (pixel positions only)
    with a.ledger.Session.begin() as s:
        for n, hid in enumerate(ids):
            move_household(s, hid, MapPoint(Crs.PIXEL, 300 + 400 * n, 500 + 200 * n))
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    # AND a household B placed on its copy of the scan, not synced yet
    with b.ledger.Session.begin() as s:
        on_b = add_household(s, town_id, MapPoint(Crs.PIXEL, 1500, 400)).id
    # WHEN A ties the scan to the ground, and A, B, A sync
    with a.ledger.Session.begin() as s:
        basemaps.set_control_points(s, town_id, control_points(affine_truth, 3))
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    sync(a.ledger, a.url)
    sync(c.ledger, c.url)
    # THEN B has the same control points and draws the town on the ground
    assert len(_points(a.ledger, town_id)) == 3 and _points(b.ledger, town_id) == _points(a.ledger, town_id)
    with b.ledger.Session() as s:
        assert basemaps.base_map_of(s, b.ledger.data_dir, town_id).crs is Crs.GEO
        assert basemaps.unplaced_for(s, town_id) == []
    # AND every household of the town has the same latitude and longitude on A and on B, B's own one too
    on_a, on_b_positions = _positions(a.ledger, town_id), _positions(b.ledger, town_id)
    assert set(on_a) == set(ids) | {on_b}
    assert on_a == on_b_positions
    assert all(lat is not None and lon is not None for _x, _y, lon, lat in on_a.values())
    with a.ledger.Session() as s, b.ledger.Session() as t:
        assert list_conflicts(s) == [] and list_conflicts(t) == []
    # AND the laptop of another district received none of them, nor can its role see them on the server
    assert _points(c.ledger, town_id) == []
    engine = create_engine(a.url.replace("postgresql://", "postgresql+psycopg://").replace(
        f"{a.role}:{a.password}", f"{c.role}:{c.password}"))
    admin = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM map_control_point")) == 0
        with admin.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM map_control_point WHERE town_id = :t"), {"t": town_id}) == 3
    finally:
        engine.dispose()
        admin.dispose()


def test_two_laptops_moving_the_same_control_point_meet_as_a_conflict_on_that_field(make_laptop, tmp_path):
    a, b, town_id, _ids = _two_laptops_synced(make_laptop)
    _scan_on_both(a, b, town_id, tmp_path)
    first = control_points(affine_truth, 3, noise=False)
    with a.ledger.Session.begin() as s:
        basemaps.set_control_points(s, town_id, first)
    sync(a.ledger, a.url)
    sync(b.ledger, b.url)
    # WHEN both move point 2 offline, to different spots on the scan
    moved_a = [first[0], dataclasses.replace(first[1], x=first[1].x + 5), first[2]]
    moved_b = [first[0], dataclasses.replace(first[1], x=first[1].x - 5), first[2]]
    with a.ledger.Session.begin() as s:
        basemaps.set_control_points(s, town_id, moved_a)
    with b.ledger.Session.begin() as s:
        basemaps.set_control_points(s, town_id, moved_b)
    sync(a.ledger, a.url)
    report = sync(b.ledger, b.url)
    # THEN B keeps its own point 2 and a conflict on its x shows A's value; no point is doubled
    assert report.new_conflicts == 1
    with b.ledger.Session() as s:
        [conflict] = list_conflicts(s)
    assert conflict.entity == "map_control_point" and conflict.field == "x"
    assert float(conflict.remote_value) == first[1].x + 5 and float(conflict.local_value) == first[1].x - 5
    assert [p[0] for p in _points(b.ledger, town_id)] == [first[0].x, first[1].x - 5, first[2].x]
    assert len(_points(a.ledger, town_id)) == 3


def test_a_georeferenced_ledger_from_before_0022_keeps_its_points_both_ways(tmp_path):
    from alembic import command

    from app.models import open_ledger
    from app.models.engine import _alembic_config, head_revision, schema_revision
    from app.paths import ledger_path
    from app.towns.towns import create_town

    # GIVEN a ledger with a town tied to the ground, taken back to 0021 (points on the laptop's base-map row)
    path = ledger_path(tmp_path / "old")
    ledger = open_ledger(path)
    scan = tmp_path / "住宅地図.png"
    Image.new("RGB", (W, H), "#f4f1e8").save(scan)
    with ledger.Session.begin() as s:
        town_id = create_town(s, "味真野地区", "余川町").id
        basemaps.set_image_base_map(s, ledger.data_dir, town_id, scan)
        basemaps.set_control_points(s, town_id, control_points(affine_truth, 3))
        hid = add_household(s, town_id, MapPoint(Crs.PIXEL, 800, 900)).id
    before = _positions(ledger, town_id)[hid]
    cfg = _alembic_config()
    with ledger.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0021")
        assert conn.scalar(text("SELECT count(*) FROM map_control_point WHERE base_map_id IS NOT NULL")) == 3
    ledger.close()
    # WHEN this version opens it (upgrade to the head)
    ledger = open_ledger(path)
    try:
        assert schema_revision(ledger.engine) == head_revision()
        # THEN the points are the town's, the map is still on the ground, and a household placed now gets its position
        assert len(_points(ledger, town_id)) == 3
        with ledger.Session.begin() as s:
            assert basemaps.base_map_of(s, ledger.data_dir, town_id).crs is Crs.GEO
            move_household(s, hid, MapPoint(Crs.PIXEL, 800, 900))
        assert _positions(ledger, town_id)[hid] == before
        # AND choosing the same scan again (the base map now keeps its digest; the old points have none) keeps the
        # town on the ground, and the next fit gives the old points the scan's digest
        with ledger.Session.begin() as s:
            basemaps.set_image_base_map(s, ledger.data_dir, town_id, scan)
            assert basemaps.base_map_of(s, ledger.data_dir, town_id).crs is Crs.GEO
            basemaps.set_control_points(s, town_id, control_points(affine_truth, 4))
        with ledger.Session() as s:
            digests = s.scalars(select(MapControlPoint.image_sha256).where(MapControlPoint.town_id == town_id)).all()
            assert len(digests) == 4 and None not in set(digests) and len(set(digests)) == 1
            assert basemaps.base_map_of(s, ledger.data_dir, town_id).crs is Crs.GEO
    finally:
        ledger.close()

