"""Invented evacuation plans (個別避難計画) for the demo town: a few persons of concern get a plan with their
watchers as supporters and the shelter the plan window suggests; one has a single supporter, so the demo shows
what the checks flag. Fictional."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.models.plans import PlanStart
from app.plans import plans
from app.plans.views import PlanFields
from app.watch import network

PLANS_MADE_DAYS_AGO = 150
DEMO_PLANS = (
    PlanFields(shelter_text="ひだまり町公民館", route_note="町内の坂道を避け、県道沿いに北へ", transport="車いす（支援者が押す）",
               start_when=PlanStart.ELDERLY_EVACUATION, mobility="段差で介助が必要", medication="血圧の薬（お薬手帳を持参）",
               communication="耳が遠い：ゆっくり大きな声で", consent="yes"),
    PlanFields(shelter_text="ひだまり小学校 体育館", route_note="自宅前の道を東へ、橋は渡らない", transport="支援者の自家用車",
               start_when=PlanStart.ELDERLY_EVACUATION, medical_devices="在宅酸素（予備ボンベ1本）", consent="yes"),
    PlanFields(shelter_text="ひだまり町公民館", transport="徒歩（付き添い）", start_when=PlanStart.OTHER,
               start_note="大雨の前日に長女宅へ", communication="物忘れがあり、声かけが必要", consent="unknown"),
)


def seed_demo_plans(session: Session, town_id: uuid.UUID, today: date) -> int:
    """Plans for the first persons of concern who have watchers; returns how many were made."""
    made_on = today - timedelta(days=PLANS_MADE_DAYS_AGO)
    reviewed_on = made_on + timedelta(days=365)
    count = 0
    for concern in network.list_concerns(session, town_id):
        if count == len(DEMO_PLANS):
            break
        if not concern.links:
            continue
        fields = DEMO_PLANS[count]
        supporters = plans.candidates(session, concern.person.id)
        if count == 2:
            supporters = supporters[:1]  # only one supporter yet: the check says so
        consent_date = made_on if fields.consent == "yes" else None
        # The shelter the plan window offers first (the nearest valid one, on the map), as staff would keep it:
        # the printed plan then draws the way from home to it. The typed name stays for a home with none.
        suggested = plans.get_plan(session, concern.person.id).suggested_shelter
        shelter = {"shelter_id": suggested.feature_id, "shelter_text": ""} if suggested.feature_id else {}
        plans.save_plan(session, concern.person.id, PlanFields(**{**fields.__dict__, **shelter, "made_on": made_on,
                                                                    "reviewed_on": reviewed_on,
                                                                    "consent_date": consent_date}), supporters)
        count += 1
    return count
