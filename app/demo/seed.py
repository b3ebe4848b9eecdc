"""The demo town 「ひだまり町」: invented households and people on a town map drawn by our own tool.

Everything here is fictional (names, addresses, phone numbers); it exists so the app can be
shown and tested offline without anybody's personal data.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
from app.demo.emergency import seed_demo_emergency
from app.demo.incident import seed_demo_incident
from app.demo.ledger_kind import mark_demo
from app.demo.map import demo_map_image, load_demo_town_map
from app.demo.plans import seed_demo_plans
from app.demo.watch import seed_demo_watchers
from app.households import households, places
from app.households.places import PlaceFields
from app.models import Ledger, open_ledger
from app.models.engine import DEMO_PASSPHRASE
from app.paths import ledger_path
from app.privacy.consent import ConsentFields, ConsentStatus, record_consent
from app.towns import basemaps, towns

DEMO_DISTRICT = "さくら地区"
DEMO_TOWN = "ひだまり町"
DEMO_HOUSEHOLDS = 60
SEED = 7
# The demo's dates count back from the day it is made (its reference day), so it looks the same in any
# year: the same ages, consent asked at a liaison meeting half a year ago, cards made then and due in a
# year, one card's review passed (demo_emergency.py), watchers involved for some years (demo_watch.py).
CONSENT_DAYS_AGO = 195

SURNAMES = [
    ("山田", "やまだ"), ("佐藤", "さとう"), ("鈴木", "すずき"), ("高橋", "たかはし"), ("田中", "たなか"),
    ("伊藤", "いとう"), ("渡辺", "わたなべ"), ("中村", "なかむら"), ("小林", "こばやし"), ("加藤", "かとう"),
    ("吉田", "よしだ"), ("山本", "やまもと"), ("松本", "まつもと"), ("井上", "いのうえ"), ("木村", "きむら"),
    ("清水", "しみず"), ("山口", "やまぐち"), ("森", "もり"), ("池田", "いけだ"), ("橋本", "はしもと"),
    ("石川", "いしかわ"), ("前田", "まえだ"), ("藤田", "ふじた"), ("小川", "おがわ"), ("岡田", "おかだ"),
    ("後藤", "ごとう"), ("長谷川", "はせがわ"), ("村上", "むらかみ"), ("近藤", "こんどう"), ("坂本", "さかもと"),
    ("遠藤", "えんどう"), ("青木", "あおき"), ("西村", "にしむら"), ("福田", "ふくだ"), ("太田", "おおた"),
    ("三浦", "みうら"), ("藤井", "ふじい"), ("岡本", "おかもと"), ("松田", "まつだ"), ("中川", "なかがわ"),
]
MEN = [("一郎", "いちろう"), ("正男", "まさお"), ("清", "きよし"), ("茂", "しげる"), ("勇", "いさむ"),
       ("博", "ひろし"), ("進", "すすむ"), ("隆", "たかし"), ("健一", "けんいち"), ("和夫", "かずお"),
       ("大輔", "だいすけ"), ("翔太", "しょうた")]
WOMEN = [("ハル", "はる"), ("キヨ", "きよ"), ("トシ子", "としこ"), ("節子", "せつこ"), ("和子", "かずこ"),
         ("幸子", "さちこ"), ("文子", "ふみこ"), ("洋子", "ようこ"), ("恵子", "けいこ"), ("美智子", "みちこ"),
         ("由美", "ゆみ"), ("彩", "あや")]
CONCERNS = [
    "足が不自由で外出が減った", "物忘れが増えてきた", "ゴミ出しが難しい", "冬の雪かきができない",
    "日中は一人で過ごしている", "通院の足がない", "最近姿を見かけないことがある", "耳が遠く電話に出にくい",
    "家族が遠方に住んでいる", "火の始末が心配",
]
# (category codes, members: tuples of (sex, age range, of concern)); weights give about 60 households.
HOUSEHOLD_KINDS = [
    (("single_elderly",), [("w", (75, 92), False)], 9),
    (("single_elderly", "of_concern"), [("w", (78, 95), True)], 5),
    (("single_elderly", "of_concern"), [("m", (75, 90), True)], 3),
    (("single_elderly",), [("m", (70, 85), False)], 4),
    (("elderly_couple",), [("m", (70, 88), False), ("w", (68, 86), False)], 10),
    (("elderly_couple", "of_concern"), [("m", (78, 92), True), ("w", (75, 88), False)], 3),
    (("disability",), [("m", (45, 60), True), ("w", (70, 85), False)], 2),
    (("child_rearing",), [("m", (30, 40), False), ("w", (28, 38), False), ("w", (1, 6), False)], 4),
    (("foreign_resident",), [("w", (25, 35), False)], 1),
    (("vacant_house",), [], 2),
    ((), [("m", (40, 65), False), ("w", (38, 62), False)], 17),
]


@dataclass(frozen=True)
class DemoSummary:
    ledger: Path
    town: str
    households: int
    persons: int
    places: int


def _birth_date(rng: random.Random, ages: tuple[int, int], today: date) -> date:
    age = rng.randint(*ages)
    return date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))


def _kinds(rng: random.Random) -> list[tuple[tuple[str, ...], list[tuple[str, tuple[int, int], bool]]]]:
    kinds = [(codes, members) for codes, members, count in HOUSEHOLD_KINDS for _ in range(count)]
    rng.shuffle(kinds)
    return kinds[:DEMO_HOUSEHOLDS]


def make_demo(data_dir: Path, *, today: date | None = None) -> DemoSummary:
    """Write the demo ledger (and its base map) into ``data_dir``; refuses to overwrite a ledger.

    Its dates count back from ``today`` (the day it is made unless given).
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    path = ledger_path(data_dir)
    if path.exists():
        raise FileExistsError(path)
    ledger = open_ledger(path, DEMO_PASSPHRASE)  # invented people only: a passphrase everyone knows
    try:
        with ledger.Session.begin() as s:
            mark_demo(s)  # the window says so, and offers a real ledger to whoever starts entering real people
        return _fill(ledger, data_dir, today or date.today())
    finally:
        ledger.close()


# What the demo's members agreed to, as a liaison meeting might find it: most said yes to their
# watchers and the commissioner, fewer to agencies or the community map, some were never asked.
_CONSENTS = (
    (55, ConsentFields(ConsentStatus.YES, True, True, True, None, "民生委員　山本")),
    (20, ConsentFields(ConsentStatus.YES, True, True, False, None, "民生委員　山本")),
    (10, ConsentFields(ConsentStatus.YES, True, False, False, None, "民生委員　山本")),
    (10, ConsentFields(ConsentStatus.UNKNOWN)),
    (5, ConsentFields(ConsentStatus.NO, recorded_by="民生委員　山本")),
)


def _demo_consent(session: Session, person_id: uuid.UUID, rng: random.Random, today: date) -> None:
    weights = [w for w, _ in _CONSENTS]
    fields = rng.choices([f for _, f in _CONSENTS], weights=weights)[0]
    if fields.status is not ConsentStatus.UNKNOWN:
        record_consent(session, person_id, replace(fields, date=today - timedelta(days=CONSENT_DAYS_AGO)),
                       today=today)


def _fill(ledger: Ledger, data_dir: Path, today: date) -> DemoSummary:
    # Here, not at the top: the geography needs numpy and shapely, which nothing else importing this module
    # (the bench's ledger generator) should load.
    from app.demo.geography import seed_demo_geography, tie_to_fictional_ground

    rng = random.Random(SEED)
    consent_rng = random.Random(SEED + 1)  # its own sequence: the town itself stays as it always was
    drawn = load_demo_town_map()  # the map's picture and layout ship with the app (tools/draw_demo_map.py)
    with ledger.Session.begin() as s:
        town = towns.create_town(s, DEMO_DISTRICT, DEMO_TOWN)
        basemaps.set_image_base_map(s, data_dir, town.id, demo_map_image())
        # Tied to a fictional spot on the ground (open sea) before anyone is placed: both coordinates follow.
        georef = tie_to_fictional_ground(s, town.id, drawn)
    lots = list(drawn.lots)
    rng.shuffle(lots)
    person_count = 0
    used_names: set[str] = set()
    with ledger.Session.begin() as s:
        for number, ((codes, members), lot) in enumerate(zip(_kinds(rng), lots, strict=False), start=1):
            surname, surname_kana = rng.choice(SURNAMES)
            chome, banchi = 1 + int(lot.x * 3 // drawn.width), rng.randint(1, 30)
            address = f"{DEMO_TOWN}{chome}丁目{banchi}-{rng.randint(1, 20)}"
            h = households.add_household(
                s, town.id, MapPoint(Crs.PIXEL, round(lot.x, 1), round(lot.y, 1)),
                HouseholdFields(name=f"{surname}家" if members else "", address=address,
                                note="" if members else "空き家（管理者は市外在住）", category_codes=codes),
                map_number=number,
            )
            for sex, ages, of_concern in members:
                given, given_kana = rng.choice(MEN if sex == "m" else WOMEN)
                name = f"{surname}　{given}"
                if name in used_names:  # keep names unique so the demo reads naturally
                    given, given_kana = rng.choice(MEN if sex == "m" else WOMEN)
                    name = f"{surname}　{given}"
                used_names.add(name)
                born = _birth_date(rng, ages, today)
                person = households.add_person(s, h.id, PersonFields(
                    name=name,
                    kana=f"{surname_kana}　{given_kana}",
                    birth_date=born,
                    phone=f"0778-00-{rng.randint(0, 9999):04d}",
                    of_concern=of_concern,
                    concerns="、".join(rng.sample(CONCERNS, rng.randint(1, 2))) if of_concern else "",
                ))
                _demo_consent(s, person.id, consent_rng, today)
                person_count += 1
        spots = list(drawn.places)
        place_rows = [
            PlaceFields("ひだまり町公民館", "meeting_hall", "毎月第2土曜 10:00〜 お茶会", "町内福祉連絡会の会場"),
            PlaceFields("いきいきサロン「ひだまり」", "salon", "毎週水曜 10:00〜12:00", "体操と茶話会"),
        ]
        for fields, spot in zip(place_rows, spots, strict=False):
            places.add_place(s, town.id, MapPoint(Crs.PIXEL, round(spot.x, 1), round(spot.y, 1)), fields)
        seed_demo_watchers(s, town.id, rng, today)
        seed_demo_emergency(s, town.id, rng, today)
        # Fictional shelters and hazard zones, imported as a user's files are: every household's exposure.
        seed_demo_geography(s, data_dir, drawn, georef)
        seed_demo_plans(s, town.id, today)  # after the cards and watchers it draws on
        seed_demo_incident(s, town.id, today)  # a safety check under way, in hazard order
        count = len(households.list_households(s, town.id))
    return DemoSummary(ledger.path, DEMO_TOWN, count, person_count, len(place_rows))
