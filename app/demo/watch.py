"""Invented watchers for the demo town: role holders, neighbours from mapped households, a relative.

A few persons of concern are deliberately left without a watcher, so the demo shows the gap.
"""

from __future__ import annotations

import math
import random
import uuid
from datetime import date

from sqlalchemy.orm import Session

from app.core.views import HouseholdView, PersonView
from app.households import households
from app.models.watch import WatcherRole, WatchFrequency
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields, WatcherView

# (role, involvement, frequency) for the role holders every town has.
ROLE_HOLDERS = [
    (WatcherRole.DISTRICT_HEAD, "回覧板のときに声かけ", WatchFrequency.TWICE_A_MONTH),
    (WatcherRole.WELFARE_COMMISSIONER, "訪問して安否確認", WatchFrequency.MONTHLY),
    (WatcherRole.WELFARE_PROMOTER, "サロンへの誘い、送り迎え", WatchFrequency.WEEKLY),
    (WatcherRole.WELFARE_PROMOTER, "ゴミ出しの手伝い", WatchFrequency.WEEKLY),
    (WatcherRole.ELDERLY_HOME_COUNSELLOR, "電話で話し相手", WatchFrequency.TWICE_A_MONTH),
]
NEIGHBOUR_HELP = [
    ("朝夕の雨戸の開け閉めを確認", WatchFrequency.DAILY),
    ("毎朝の声かけ", WatchFrequency.DAILY),
    ("買い物のついでに用事を聞く", WatchFrequency.WEEKLY),
    ("雪が降ったら玄関前の雪かき", WatchFrequency.WHEN_NEEDED),
    ("ゴミ出し", WatchFrequency.WEEKLY),
    ("通院の付き添い", WatchFrequency.WHEN_NEEDED),
]
GAP_SIZE = 3  # persons of concern left unwatched (2 when the town has few)


def _distance(a: HouseholdView, b: HouseholdView) -> float:
    pa, pb = a.pixel or a.geo, b.pixel or b.geo
    if pa is None or pb is None:
        return math.inf
    return math.hypot(pa.x - pb.x, pa.y - pb.y)


def _helpers(all_households: list[HouseholdView]) -> list[HouseholdView]:
    """Households with an able member: not of concern and not themselves a vacant or elderly-only home."""
    skip = {"vacant_house", "of_concern"}
    return [h for h in all_households if h.persons and not skip & set(h.category_codes) and not h.of_concern]


def _adult(home: HouseholdView, today: date) -> PersonView:
    """The member most likely to help: the youngest adult (a toddler watches nobody)."""
    adults = [p for p in home.persons if p.birth_date is None or (today - p.birth_date).days >= 20 * 365]
    return min(adults or home.persons, key=lambda p: -(p.birth_date or today).toordinal())


def seed_demo_watchers(session: Session, town_id: uuid.UUID, rng: random.Random,
                       today: date | None = None) -> list[WatcherView]:
    """Add watchers and watch links to the demo town; returns the watchers added.

    Ages and the years watchers have been involved count back from ``today`` (the demo's reference day).
    """
    today = today or date.today()
    concerns = watch.list_concerns(session, town_id)
    homes = households.list_households(session, town_id)
    by_id = {h.id: h for h in homes}
    helpers = _helpers(homes)
    rng.shuffle(helpers)
    added: list[WatcherView] = []

    role_holders: list[tuple[WatcherView, str, WatchFrequency]] = []
    for role, involvement, frequency in ROLE_HOLDERS:
        if not helpers:
            break
        home = helpers.pop()
        member = _adult(home, today)
        # The elderly home counsellor usually lives outside the town: no household on the map.
        lives_here = role is not WatcherRole.ELDERLY_HOME_COUNSELLOR
        w = watch.add_watcher(session, town_id, WatcherFields(
            name=member.name, kana=member.kana, phone=member.phone,
            address=home.address if lives_here else "越前市内",
            role=role, household_id=home.id if lives_here else None,
        ))
        added.append(w)
        role_holders.append((w, involvement, frequency))

    gap = GAP_SIZE if len(concerns) > 8 else 2
    watched = list(concerns)
    rng.shuffle(watched)
    watched = sorted(watched[gap:], key=lambda c: c.map_number) if len(watched) > gap else []
    neighbours: dict[uuid.UUID, WatcherView] = {}
    pool = list(helpers)  # what is left after the role holders took theirs
    since_years = [today.year - n for n in (7, 5, 4, 3, 2, 1)]  # the same watchers and years in any year
    for concern in watched:
        home = by_id[concern.household_id]
        # The nearest able household is the natural neighbour to keep an eye out.
        near = sorted(pool, key=lambda h: _distance(home, h))
        links = []
        if near:
            nh = near[0]
            if nh.id not in neighbours:
                member = _adult(nh, today)
                neighbours[nh.id] = watch.add_watcher(session, town_id, WatcherFields(
                    name=member.name, kana=member.kana, phone=member.phone, address=nh.address,
                    role=WatcherRole.NEIGHBOUR, household_id=nh.id,
                ))
                added.append(neighbours[nh.id])
            links.append((neighbours[nh.id], *rng.choice(NEIGHBOUR_HELP)))
        # The welfare commissioner visits most persons of concern; others help here and there.
        commissioner = [r for r in role_holders if r[0].role is WatcherRole.WELFARE_COMMISSIONER]
        others = [r for r in role_holders if r[0].role is not WatcherRole.WELFARE_COMMISSIONER]
        if commissioner and rng.random() < 0.8:
            links.append(commissioner[0])
        if others and (rng.random() < 0.6 or len(links) < 2):
            links.append(rng.choice(others))
        for w, involvement, frequency in links:
            watch.link_watcher(session, concern.person.id, w.id, LinkFields(
                involvement=involvement, frequency=frequency,
                since=date(rng.choice(since_years), rng.randint(1, 12), 1),
            ))
    return added
