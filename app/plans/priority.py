"""Whose plan comes first: the priority list of persons needing support, with the reason shown as text.

The score multiplies four factors, so a person high on several of them comes before one high on only one:

- **hazard at home** (1–5): 1 outside every zone or unknown (no position); 2–5 for depth levels 1–4 of
  flood, storm surge or tsunami (ranks 1: under 0.5 m, 2: 0.5–3 m, 3: 3–5 m, 4 and deeper: 5 m or more),
  and 4 for a landslide warning zone, 5 for a special warning zone (特別警戒区域);
- **care level** (1–3), read from the emergency card: 要介護3–5 → 3, 要介護1–2 → 2, 要支援 or a disability
  handbook (手帳) → 1.5, nothing recorded → 1;
- **lives alone** (2 when the person is the only member of the household, else 1);
- **supporters** (no supporter → 2, one → 1.5, two or more → 1): a plan needs two or more.

The highest score comes first; equal scores by map number. A person outside every zone, with no care level,
living with others and with two supporters scores 1. The reason column names every factor above 1.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.batches import chunks
from app.models import District, Household, Person, Town
from app.models.emergency import EmergencyCard
from app.models.plans import EvacuationPlan, PlanSupporter
from app.models.watch import Watcher, WatcherRole, WatchLink
from app.plans import hazard_link
from app.plans.plans import MIN_SUPPORTERS
from app.plans.views import HomeHazards

HAZARD_FACTORS = {0: 1.0, 1: 2.0, 2: 3.0, 3: 4.0, 4: 5.0}
ALONE_FACTOR = 2.0
SUPPORTER_FACTORS = {0: 2.0, 1: 1.5}  # two or more: 1


def care_factor(care_level: str) -> float:
    """The care-level factor from the card's 要介護度・障害 text (see the module's docstring)."""
    text = care_level or ""
    for level in ("5", "4", "3"):
        if f"要介護{level}" in text or f"要介護{chr(ord(level) + 0xFEE0)}" in text:
            return 3.0
    if "要介護" in text:
        return 2.0
    if "要支援" in text or "手帳" in text or "障害" in text:
        return 1.5
    return 1.0


@dataclass(frozen=True)
class PriorityRow:
    """One person on the priority list (``rank`` 1 is first)."""

    id: uuid.UUID  # the person
    rank: int
    score: float
    name: str
    kana: str
    map_number: int
    town_id: uuid.UUID
    town_name: str
    district_id: uuid.UUID
    district_name: str
    commissioners: tuple[str, ...]
    hazard_text: str
    hazard_level: int
    care_level: str
    lives_alone: bool
    supporters: int
    has_plan: bool
    reason: str


def _reason(h: HomeHazards, level: int, care: str, care_f: float, alone: bool, supporters: int) -> str:
    parts = []
    if level:
        parts.append(h.text)
    elif not h.known:
        parts.append("ハザード不明（位置なし）")
    if care_f > 1:
        parts.append(care)
    if alone:
        parts.append("一人暮らし")
    if supporters < MIN_SUPPORTERS:
        parts.append("支援者なし" if supporters == 0 else f"支援者{supporters}人")
    return " × ".join(parts) if parts else "特に優先する理由なし"


def priority_list(session: Session, *, district_id: uuid.UUID | None = None, town_id: uuid.UUID | None = None,
                  commissioner: str | None = None) -> list[PriorityRow]:
    """Every person needing support (of concern, with a card or with a plan) in the city, or in one 地区 or
    town, highest score first; ``commissioner`` keeps the persons of that 民生委員 (card or watch network)."""
    towns = select(Town.id).where(Town.archived_at.is_(None))
    if district_id is not None:
        towns = towns.where(Town.district_id == district_id)
    if town_id is not None:
        towns = towns.where(Town.id == town_id)
    town_ids = list(session.scalars(towns))
    has_card = select(EmergencyCard.person_id).where(EmergencyCard.deleted_at.is_(None))
    has_plan = select(EvacuationPlan.person_id).where(EvacuationPlan.deleted_at.is_(None))
    rows = session.execute(
        select(Person.id, Person.name, Person.kana, Person.household_id, Household.map_number, Town.id, Town.name,
               District.id, District.name)
        .join(Household, Person.household_id == Household.id).join(Town, Town.id == Household.town_id)
        .join(District, District.id == Town.district_id)
        .where(Household.town_id.in_(town_ids), Household.deleted_at.is_(None), Person.deleted_at.is_(None),
               Person.of_concern.is_(True) | Person.id.in_(has_card) | Person.id.in_(has_plan))
        .order_by(District.name, Town.name, Household.map_number, Person.sort_order)).all()
    ids = [r[0] for r in rows]
    household_ids = list({r[3] for r in rows})
    members: Counter = Counter()
    care: dict[uuid.UUID, tuple[str, str]] = {}
    plans: dict[uuid.UUID, uuid.UUID] = {}
    supporters: Counter = Counter()
    commissioners: dict[uuid.UUID, list[str]] = defaultdict(list)
    for chunk in chunks(household_ids):
        members.update(dict(session.execute(
            select(Person.household_id, func.count()).where(Person.household_id.in_(chunk), Person.deleted_at.is_(None))
            .group_by(Person.household_id)).all()))
    for chunk in chunks(ids):
        for pid, card_level, commissioner_name in session.execute(
                select(EmergencyCard.person_id, EmergencyCard.care_level, EmergencyCard.welfare_commissioner_name)
                .where(EmergencyCard.person_id.in_(chunk), EmergencyCard.deleted_at.is_(None))):
            care[pid] = (card_level, commissioner_name)
            if commissioner_name:
                commissioners[pid].append(commissioner_name)
        plans.update(dict(session.execute(select(EvacuationPlan.person_id, EvacuationPlan.id).where(
            EvacuationPlan.person_id.in_(chunk), EvacuationPlan.deleted_at.is_(None))).all()))
        for pid, name in session.execute(
                select(WatchLink.person_id, Watcher.name).join(Watcher, Watcher.id == WatchLink.watcher_id)
                .where(WatchLink.person_id.in_(chunk), WatchLink.deleted_at.is_(None), Watcher.deleted_at.is_(None),
                       Watcher.role == WatcherRole.WELFARE_COMMISSIONER)):
            if name not in commissioners[pid]:
                commissioners[pid].append(name)
    plan_ids = list(plans.values())
    for chunk in chunks(plan_ids):
        supporters.update(dict(session.execute(
            select(PlanSupporter.plan_id, func.count()).where(PlanSupporter.plan_id.in_(chunk),
                                                              PlanSupporter.deleted_at.is_(None))
            .group_by(PlanSupporter.plan_id)).all()))
    hazards = hazard_link.hazards_of(session, household_ids)  # only the homes on the list, not every town's
    scored = []
    for pid, name, kana, hid, number, tid, tname, did, dname in rows:
        h = hazards.get(hid, HomeHazards())
        level = hazard_link.depth_level(h)
        care_level, _commissioner = care.get(pid, ("", ""))
        care_f = care_factor(care_level)
        alone = members.get(hid, 0) == 1
        count = supporters.get(plans[pid], 0) if pid in plans else 0
        score = (HAZARD_FACTORS[level] * care_f * (ALONE_FACTOR if alone else 1.0)
                 * SUPPORTER_FACTORS.get(count, 1.0))
        scored.append((score, number, pid, name, kana, tid, tname, did, dname, h, level, care_level, care_f, alone,
                       count))
    if commissioner:
        wanted = commissioner.strip()
        scored = [s for s in scored if wanted in commissioners.get(s[2], ())]
    scored.sort(key=lambda s: (-s[0], s[8], s[6], s[1]))
    return [PriorityRow(pid, rank, round(score, 2), name, kana, number, tid, tname, did, dname,
                        tuple(commissioners.get(pid, ())), h.text, level, care_level, alone, count, pid in plans,
                        _reason(h, level, care_level, care_f, alone, count))
            for rank, (score, number, pid, name, kana, tid, tname, did, dname, h, level, care_level, care_f, alone,
                       count) in enumerate(scored, start=1)]


def commissioner_names(session: Session) -> list[str]:
    """The 民生委員 named on cards or in the watch network, for the list's filter."""
    names = set(session.scalars(select(EmergencyCard.welfare_commissioner_name).where(
        EmergencyCard.deleted_at.is_(None), EmergencyCard.welfare_commissioner_name != "")))
    names |= set(session.scalars(select(Watcher.name).where(Watcher.deleted_at.is_(None),
                                                            Watcher.role == WatcherRole.WELFARE_COMMISSIONER)))
    return sorted(names)


__all__ = ["PriorityRow", "care_factor", "commissioner_names", "priority_list"]
