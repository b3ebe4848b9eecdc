"""The demo town: about sixty invented households with persons of concern, two gathering places."""

from __future__ import annotations

from app.households import households, places
from app.towns import basemaps, towns


def test_demo_town_has_what_a_liaison_meeting_would_show(demo_ledger, demo_dir):
    with demo_ledger.Session() as s:
        [town] = towns.list_towns(s)
        homes = households.list_households(s, town.id)
        gathering = places.list_places(s, town.id)
        base = basemaps.base_map_of(s, demo_dir, town.id)
    assert town.name == "ひだまり町"
    assert 55 <= len(homes) <= 65
    assert sum(1 for h in homes if h.of_concern) >= 8
    assert sum(1 for h in homes if "single_elderly" in h.category_codes) >= 10
    assert sum(1 for h in homes if "elderly_couple" in h.category_codes) >= 8
    assert all(h.pixel is not None for h in homes)  # all placed on the town map
    assert len({(h.pixel.x, h.pixel.y) for h in homes}) == len(homes)  # no two on one spot
    assert [p.name for p in gathering] and len(gathering) == 2
    assert base.kind == "image" and base.path.exists()
    concern = [p for h in homes for p in h.persons if p.of_concern]
    assert all(p.concerns for p in concern)
    assert all(p.kana for h in homes for p in h.persons)
