"""An invented safety check (安否確認) for the demo town: yesterday's heavy rain, a few persons checked, one
check typed in late, the rest still 未確認. Fictional, relative to ``today``."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from app.models.safety import CheckMethod, IncidentKind, SafetyStatus
from app.safety import incidents
from app.safety.rollcall import roll_call
from app.safety.views import EventFields

DEMO_INCIDENT = "大雨（デモ・架空）"
# (status, checker, method, shelter, note, hours after the start): for the first persons in hazard order.
DEMO_CHECKS = (
    (SafetyStatus.EVACUATED, "民生委員", CheckMethod.VISIT, "ひだまり町公民館", "支援者の車で避難", 2),
    (SafetyStatus.SAFE_HOME, "見守り者", CheckMethod.PHONE, "", "2階に待機", 3),
    (SafetyStatus.NEEDS_HELP, "民生委員", CheckMethod.VISIT, "", "足が不自由で移動できない（消防へ連絡済み）", 3),
    (SafetyStatus.UNREACHABLE, "見守り者", CheckMethod.PHONE, "", "電話に出ない：訪問予定", 4),
    (SafetyStatus.HOSPITAL, "民生委員", CheckMethod.OTHER, "", "家族より：入院中", 5),
)


def seed_demo_incident(session: Session, town_id: uuid.UUID, today: date) -> int:
    """Start the demo incident (yesterday evening, local time) and record a few checks; how many."""
    start = datetime.combine(today - timedelta(days=1), time(18, 0)).astimezone()
    incident = incidents.start_incident(session, DEMO_INCIDENT, [town_id], kind=IncidentKind.FLOOD, started_at=start,
                                        note="デモ用の架空の災害です")
    rows = roll_call(session, incident.id)
    checks = [(row.person_id, EventFields(status, f"{who}（デモ）", method, note, shelter,
                                          checked_at=start + timedelta(hours=hours)))
              for row, (status, who, method, shelter, note, hours) in zip(rows, DEMO_CHECKS, strict=False)]
    if rows:  # the first person was unreachable at first: the history shows both checks
        checks.insert(0, (rows[0].person_id, EventFields(SafetyStatus.UNREACHABLE, "見守り者（デモ）", CheckMethod.PHONE,
                                                         checked_at=start + timedelta(hours=1))))
    incidents.record_events(session, incident.id, checks)
    return len(checks)
