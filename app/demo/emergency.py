"""Invented Step III data for the demo town: a small agency directory and emergency contact cards.

Like the rest of the demo everything is fictional. Some cards are left incomplete, one person has
no card and one review date has passed, so the demo shows what the Step III panel flags.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.emergency import cards as emergency
from app.emergency.views import AgencyFields, AgencyView, CardFields, CardView, ContactFields
from app.models.emergency import AgencyKind

DEMO_AGENCIES = [
    AgencyFields(AgencyKind.CITY_OFFICE, "ひだまり市役所 長寿福祉課", "0778-00-1000", "ひだまり市中央1丁目1-1"),
    AgencyFields(AgencyKind.COMMUNITY_SUPPORT_CENTRE, "ひだまり地域包括支援センター", "0778-00-2000",
                 "ひだまり町2丁目5-1", area_served="さくら地区"),
    AgencyFields(AgencyKind.HOME_CARE_SUPPORT_OFFICE, "居宅介護支援事業所 こもれび", "0778-00-3000", "ひだまり町3丁目8-2"),
    AgencyFields(AgencyKind.HOME_CARE_SUPPORT_OFFICE, "ケアプランセンター さくら", "0778-00-3100", "さくら町1丁目2-3"),
    AgencyFields(AgencyKind.CLINIC, "ひなた内科クリニック", "0778-00-4000", "ひだまり町1丁目3-4"),
    AgencyFields(AgencyKind.CLINIC, "あおぞら整形外科医院", "0778-00-4100", "さくら町2丁目9-9"),
    AgencyFields(AgencyKind.HOSPITAL, "ひだまり市民病院", "0778-00-4500", "ひだまり市中央3丁目1-1"),
    AgencyFields(AgencyKind.FIRE_AMBULANCE, "ひだまり消防署", "119", "ひだまり市中央2丁目7-7"),
    AgencyFields(AgencyKind.SOCIAL_WELFARE_COUNCIL, "ひだまり市社会福祉協議会", "0778-00-5000", "ひだまり市中央1丁目2-2"),
]
RELATIVES = [("長男", "市内"), ("長女", "福井市"), ("次男", "金沢市"), ("次女", "大阪市"), ("姪", "鯖江市"),
             ("弟", "敦賀市"), ("妹", "名古屋市")]
GIVEN = ["健太", "真由美", "浩二", "直子", "誠", "裕子", "聡"]
CARE_LEVELS = ["要支援1", "要支援2", "要介護1", "要介護2", "", ""]
MEDICAL = ["高血圧の薬（朝・夕）", "糖尿病：インスリン使用", "ペニシリンにアレルギー", "心臓ペースメーカー",
           "-服薬なし（本人申告）", ""]
KEPT_AT = ["冷蔵庫の扉", "電話台の横", "玄関の内側", ""]
COMMISSIONER = ("民生委員　春野　和子", "0778-00-7001")
# Counted back from the demo's reference day: the cards were made half a year ago and are reviewed a year
# after; one card is older and its review passed eight months ago.
MADE_DAYS_AGO = 201
OVERDUE_REVIEW_DAYS_AGO = 241
A_YEAR = timedelta(days=365)


def seed_demo_emergency(session: Session, town_id: uuid.UUID, rng: random.Random,
                        today: date | None = None) -> list[CardView]:
    """Add the demo agency directory and cards for the town's persons needing support; returns the cards.

    Their dates count back from ``today`` (the demo's reference day; the day it is made unless given).
    """
    today = today or date.today()
    made_on = today - timedelta(days=MADE_DAYS_AGO)
    overdue_review = today - timedelta(days=OVERDUE_REVIEW_DAYS_AGO)
    agencies = [emergency.add_agency(session, a) for a in DEMO_AGENCIES]

    def of(kind: AgencyKind) -> list[AgencyView]:
        return [a for a in agencies if a.kind is kind]

    persons = emergency.list_cards(session, town_id)
    made: list[CardView] = []
    for i, view in enumerate(persons):
        if i == len(persons) - 1:
            break  # the last person has no card yet: the panel's 「カード未作成」 list is not empty
        surname = view.person.name.split("　")[0]
        contact_count = 1 if i % 5 == 3 else 2  # every fifth card still lacks its second contact
        contacts = []
        for (relation, city), given in zip(rng.sample(RELATIVES, contact_count), rng.sample(GIVEN, contact_count)):
            contacts.append(ContactFields(
                f"{surname}　{given}", relation, f"090-0000-{rng.randint(0, 9999):04d}",
                f"{city}（詳細は本人に確認）" if rng.random() < 0.3 else city,
            ))
        doctor = rng.choice(of(AgencyKind.CLINIC) + of(AgencyKind.HOSPITAL))
        has_manager = rng.random() < 0.6
        review = made_on + A_YEAR
        if i == 1:
            review = overdue_review  # passed: shows up as an overdue review
        made.append(emergency.save_card(session, view.person.id, CardFields(
            family_doctor_id=doctor.id if i % 7 != 5 else None,
            family_doctor_text="市外の主治医（名前を確認中）" if i % 7 == 5 else "",
            care_level=rng.choice(CARE_LEVELS),
            medical_notes=rng.choice(MEDICAL),
            care_manager_name=f"ケアマネ　{rng.choice(['秋山', '冬木', '夏川'])}" if has_manager else "",
            care_office_id=rng.choice(of(AgencyKind.HOME_CARE_SUPPORT_OFFICE)).id if has_manager else None,
            support_centre_id=of(AgencyKind.COMMUNITY_SUPPORT_CENTRE)[0].id,
            welfare_commissioner_name=COMMISSIONER[0],
            welfare_commissioner_phone=COMMISSIONER[1],
            kept_at=rng.choice(KEPT_AT),
            made_on=made_on if i != 1 else overdue_review - A_YEAR,
            review_on=review,
        ), contacts))
    return made
