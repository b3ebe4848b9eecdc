"""City-sized ledgers for the benchmark: fixed seed, bulk Core inserts, a plain geographic base map.

All households go into one town (the worst case: 社協 staff looking at a whole city at once),
around Echizen City Hall (35.90, 136.17). Everything is invented.
"""

from __future__ import annotations

import json
import random
import shutil
import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import func, insert, select

from app.core.text import search_key
from app.demo.emergency import CARE_LEVELS, GIVEN, KEPT_AT, MEDICAL, RELATIVES
from app.demo.seed import CONCERNS, MEN, SURNAMES, WOMEN
from app.emergency import cards as emergency
from app.emergency.views import AgencyFields
from app.models import Household, HouseholdCategory, Person, open_ledger
from app.models.emergency import AgencyKind, EmergencyCard, EmergencyContact
from app.models.entities import household_category_link
from app.models.watch import Watcher, WatcherRole, WatchLink
from app.paths import ledger_path
from app.towns import basemaps, towns
from app.towns.reference_layers import import_layer

SEED = 20261127
CENTER = (35.90, 136.17)
DISTRICT, TOWN = "越前市", "市内全域"
CHOME = ["府中", "京町", "本町", "蓬莱町", "幸町", "平出", "国府", "村国", "白崎町", "上太田町",
         "粟田部町", "今立町", "北府", "高瀬", "春日野", "塚町", "押田"]
ROLES = list(WatcherRole)
BATCH = 5000
# The city's directory for the cards (invented names): who a card names as family doctor, care office and
# 地域包括支援センター.
CLINICS = [f"{place}{kind}" for place in ("府中", "京町", "本町", "平出", "国府", "村国", "北府", "高瀬", "春日野", "塚町")
           for kind in ("内科クリニック", "整形外科医院", "ファミリークリニック")]
HOSPITALS = ["越前中央病院", "武生総合病院（架空）", "今立記念病院"]
CARE_OFFICES = [f"居宅介護支援事業所 {name}" for name in ("こもれび", "ひだまり", "あおば", "みどり", "さくら", "ひまわり",
                                                     "つばき", "かえで", "すずらん", "やまぶき", "なでしこ", "たんぽぽ")]
SUPPORT_CENTRES = [f"越前市{area}地域包括支援センター" for area in ("東部", "西部", "南部", "北部", "中央", "今立")]
CARE_MANAGERS = ["秋山", "冬木", "夏川", "春野", "森田", "川上", "水野", "石井"]
CARDS_SEED = "cards"  # consent and cards draw from their own generator: the households, persons and watchers
# stay as before
NO_CONSENT = dict(consent="unknown", consent_watchers=False, consent_agencies=False, consent_map=False,
                  consent_date=None, consent_recorded_by="")
CONSENT_ASKED = date(2026, 5, 1)  # at the liaison meeting, where the cards were made too


def _consent(rng: random.Random) -> dict:
    """A person of concern's consent as a town records it: most agree to every sharing, some to the watchers and
    agencies only (not by name on the map), a few refuse and some have not been asked yet."""
    draw = rng.random()
    if draw < 0.10:
        return NO_CONSENT
    if draw < 0.15:
        return {**NO_CONSENT, "consent": "no", "consent_date": CONSENT_ASKED, "consent_recorded_by": "民生委員"}
    return dict(consent="yes", consent_watchers=True, consent_agencies=True, consent_map=draw >= 0.30,
                consent_date=CONSENT_ASKED, consent_recorded_by="民生委員")


@dataclass(frozen=True)
class Generated:
    data_dir: Path
    town_id: uuid.UUID
    households: int
    persons: int
    persons_of_concern: int
    watchers: int
    links: int
    cards: int = 0  # emergency cards, each with its contacts
    shelters: int = 0  # the city's real 指定避難所 (SHELTERS): the cards' and the sheet's nearest shelter
    # a kept ledger's schema against a fresh ledger's (bench/schema.py): what was rebuilt; not kept in MADE
    schema: tuple[str, ...] = ()


MADE = "generated.json"  # beside a kept ledger: what generate() made, so a later run can use it again
# Beside a kept ledger: a copy of it as generated (and brought to the fresh schema). Every run starts from it: a run
# adds households and writes the window's settings and backups, and a ledger that kept them drifted from run to run
# (the fifteenth round's first run found its 50,000-household city with 1,214 households more, 1,099 of them where
# the bench's edits are made, and its edits repainted them all).
AS_MADE = "generated.sqlite3"
# Echizen's real 指定避難所 (国土地理院's data, copied into the tests' data with its credit line): the city lies around
# CENTER, in Echizen, so each person's nearest shelter on the cards and the sheet is a real one within reach.
SHELTERS = Path(__file__).resolve().parents[1] / "tests" / "data" / "echizen" / "gsi_evacuation_shiteihinanjo.geojson"


def generate_or_reuse(data_dir: Path, households: int, *, seed: int = SEED, shelters: bool = False) -> Generated:
    """``generate``, or the ledger a previous run left in ``data_dir`` with the same size and seed (a city of
    150,000 households takes minutes to make; the bench's own set-up, not measured), as it was generated: the
    folder is put back to its copy as made (``AS_MADE``), so what earlier runs added is gone. A kept ledger without
    that copy (kept before the bench made one) is used only if it still has its generated households alone.

    A kept ledger's schema is first compared to a freshly migrated ledger's (bench/schema.py): an index, trigger
    or view that differs is made again from the fresh SQL (``Generated.schema`` says which); a table or revision
    that differs raises ``bench.schema.StaleLedger``, which says to remove the folder.
    """
    from bench.schema import ensure_fresh_schema

    data_dir = Path(data_dir)
    made = data_dir / MADE
    if made.exists():
        facts = json.loads(made.read_text(encoding="utf-8"))
        # A ledger kept from before the bench made cards has none: made again.
        if facts.pop("seed", None) == seed and facts.get("households") == households and facts.get("cards"):
            facts.pop("schema", None)
            copied = (data_dir / AS_MADE).exists()
            if copied:
                _put_back(data_dir)
            rebuilt = tuple(ensure_fresh_schema(data_dir))
            if copied or _household_rows(data_dir) == households:
                added = shelters and not facts.get("shelters")
                if added:  # kept from before the bench had shelters: they are added (nothing else depends on them;
                    facts["shelters"] = _add_shelters_to(data_dir)  # a city takes minutes to make)
                    made.write_text(json.dumps({**facts, "seed": seed}), encoding="utf-8")
                if rebuilt or added or not copied:
                    _keep_as_made(data_dir)
                # The folder given, not the one recorded: a kept ledger copied elsewhere is used where it now is.
                return Generated(**{**facts, "data_dir": data_dir, "town_id": uuid.UUID(facts["town_id"]),
                                    "schema": rebuilt})
    shutil.rmtree(data_dir, ignore_errors=True)
    generated = generate(data_dir, households, seed=seed, shelters=shelters)
    facts = {**asdict(generated), "data_dir": str(generated.data_dir), "town_id": str(generated.town_id), "seed": seed}
    facts.pop("schema")
    made.write_text(json.dumps(facts), encoding="utf-8")
    _keep_as_made(data_dir)
    return generated


_PARTS = ("", "-wal")  # a ledger's file, and the write-ahead log a closed ledger may leave (its -shm is made again)


def _copy_ledger(data_dir: Path, source: str, target: str) -> None:
    """Copy the ledger file ``source`` of the folder (with its write-ahead log, if any) over ``target``; each part
    is written under another name first, so a copy cut short never stands as the ledger."""
    for part in _PARTS:
        (data_dir / (target + part)).unlink(missing_ok=True)
        if (data_dir / (source + part)).exists():
            copying = data_dir / (target + part + ".copying")
            shutil.copyfile(data_dir / (source + part), copying)
            copying.replace(data_dir / (target + part))


def _keep_as_made(data_dir: Path) -> None:
    """The closed ledger kept as the folder's state as made: every later run starts from it."""
    _copy_ledger(data_dir, ledger_path(data_dir).name, AS_MADE)


def _put_back(data_dir: Path) -> None:
    """The folder as made: everything a run wrote (the ledger's changes, settings, backups) gone."""
    keep = {MADE, *(AS_MADE + part for part in _PARTS)}
    for path in data_dir.iterdir():
        if path.name not in keep:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    _copy_ledger(data_dir, AS_MADE, ledger_path(data_dir).name)


def _household_rows(data_dir: Path) -> int:
    """Every household row of the kept ledger, archived ones too (a generated city has exactly its size)."""
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session() as s:
            return s.scalar(select(func.count()).select_from(Household))
    finally:
        ledger.close()


def _chunks(rows: list[dict], size: int = BATCH):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _insert(session, tables) -> None:  # noqa: ANN001 - (table, rows) pairs, in foreign-key order
    for table, rows in tables:
        for chunk in _chunks(rows):
            session.execute(insert(table), chunk)


def generate(data_dir: Path, households: int, *, seed: int = SEED, shelters: bool = False) -> Generated:
    """Write a ledger of ``households`` households (~2 persons each) into ``data_dir``; ``shelters``: with the city's
    real 指定避難所 (the bench's own city has them; the tests that use this city measure or count other things, and
    some of them that a town without them loads no numpy)."""
    rng = random.Random(seed)
    ledger = open_ledger(ledger_path(data_dir))
    now = datetime(2026, 11, 1, tzinfo=timezone.utc)
    try:
        with ledger.Session.begin() as s:
            town = towns.create_town(s, DISTRICT, TOWN, center=CENTER)
            basemaps.set_plain_base_map(s, ledger.data_dir, town.id)
            cats = {c.code: c.id for c in s.scalars(select(HouseholdCategory))}
            h_rows, p_rows, link_rows = [], [], []
            persons = 0
            concern_persons: list[uuid.UUID] = []
            surname_of: dict[uuid.UUID, str] = {}  # the persons of concern's, for their relatives on the cards
            cards_rng = random.Random(f"{seed}-{CARDS_SEED}")  # consent and cards: the main draws stay as they were
            household_ids: list[uuid.UUID] = []
            spread = 0.02 + 0.00012 * households ** 0.5  # a wider city for more households
            for n in range(1, households + 1):
                hid = uuid.uuid4()
                household_ids.append(hid)
                surname, surname_kana = rng.choice(SURNAMES)
                chome = rng.choice(CHOME)
                address = f"越前市{chome}{rng.randint(1, 5)}丁目{rng.randint(1, 40)}-{rng.randint(1, 20)}"
                name = f"{surname}家" if rng.random() < 0.7 else ""
                size = rng.choices((1, 2, 3), weights=(35, 40, 25))[0]
                codes: set[str] = set()
                if size == 1 and rng.random() < 0.5:
                    codes.add("single_elderly")
                elif size == 2 and rng.random() < 0.4:
                    codes.add("elderly_couple")
                if rng.random() < 0.03:
                    codes.add("disability")
                if rng.random() < 0.05:
                    codes.add("child_rearing")
                any_concern = False
                for order in range(size):
                    given, given_kana = rng.choice(WOMEN if rng.random() < 0.55 else MEN)
                    of_concern = rng.random() < 0.08
                    any_concern |= of_concern
                    pid = uuid.uuid4()
                    person_name, kana = f"{surname} {given}", f"{surname_kana} {given_kana}"
                    p_rows.append(dict(
                        id=pid, household_id=hid, name=person_name, kana=kana,
                        birth_date=date(rng.randint(1930, 2000), rng.randint(1, 12), rng.randint(1, 28)),
                        phone=f"0778-{rng.randint(20, 29)}-{rng.randint(0, 9999):04d}", of_concern=of_concern,
                        concerns="、".join(rng.sample(CONCERNS, 2)) if of_concern else "", sort_order=order,
                        search_key=search_key(person_name, kana), created_at=now, updated_at=now,
                        **(_consent(cards_rng) if of_concern else NO_CONSENT),
                    ))
                    if of_concern:
                        concern_persons.append(pid)
                        surname_of[pid] = surname
                if any_concern:
                    codes.add("of_concern")
                h_rows.append(dict(
                    id=hid, town_id=town.id, map_number=n, address=address, name=name, note="",
                    lat=rng.gauss(CENTER[0], spread), lon=rng.gauss(CENTER[1], spread * 1.2),
                    position_approximate=False, search_key=search_key(name, address), created_at=now, updated_at=now,
                ))
                link_rows.extend(dict(household_id=hid, category_id=cats[c]) for c in sorted(codes))
                if len(h_rows) >= BATCH:  # streamed: a city of 150,000 households is never held whole
                    persons += len(p_rows)
                    _insert(s, ((Household.__table__, h_rows), (Person.__table__, p_rows),
                                (household_category_link, link_rows)))
                    h_rows, p_rows, link_rows = [], [], []
            persons += len(p_rows)
            _insert(s, ((Household.__table__, h_rows), (Person.__table__, p_rows), (household_category_link, link_rows)))
            w_rows = []
            for _ in range(max(1, households // 20)):  # about one watcher per 20 households, living among them
                surname, surname_kana = rng.choice(SURNAMES)
                given, given_kana = rng.choice(WOMEN + MEN)
                wname, wkana = f"{surname} {given}", f"{surname_kana} {given_kana}"
                w_rows.append(dict(
                    id=uuid.uuid4(), town_id=town.id, name=wname, kana=wkana, phone="", address="",
                    role=rng.choice(ROLES).value, household_id=rng.choice(household_ids),
                    search_key=search_key(wname, wkana), created_at=now, updated_at=now,
                ))
            watch_rows = []
            for pid in concern_persons:  # most persons of concern have one or two watchers; some none (the gap)
                for order, w in enumerate(rng.sample(w_rows, rng.choices((0, 1, 2), weights=(20, 50, 30))[0])):
                    watch_rows.append(dict(id=uuid.uuid4(), person_id=pid, watcher_id=w["id"], involvement="声かけ",
                                           note="", sort_order=order, created_at=now, updated_at=now))
            _insert(s, ((Watcher.__table__, w_rows), (WatchLink.__table__, watch_rows)))
            cards = _add_cards(s, surname_of, cards_rng, now)
            designated = _add_shelters(s) if shelters else 0
        return Generated(ledger.data_dir, town.id, households, persons, len(concern_persons), len(w_rows),
                         len(watch_rows), cards, designated)
    finally:
        ledger.close()


def _add_shelters(s) -> int:  # noqa: ANN001
    """The city's 指定避難所, imported as a town imports the published file; how many."""
    return len(import_layer(s, SHELTERS).features)


def _add_shelters_to(data_dir: Path) -> int:
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session.begin() as s:
            return _add_shelters(s)
    finally:
        ledger.close()


def _add_cards(s, persons: dict[uuid.UUID, str], rng: random.Random, now: datetime) -> int:  # noqa: ANN001
    """Emergency cards for most persons of concern (``persons``: their surnames), as a town fills them in: one or
    two relatives to call, a family doctor for most, a care manager for more than half, a medical note for most; some
    persons have no card yet. Returns how many cards were made."""
    def directory(kind: AgencyKind, names: list[str]) -> list[uuid.UUID]:
        return [emergency.add_agency(s, AgencyFields(
            kind, name, f"0778-{rng.randint(20, 29)}-{rng.randint(0, 9999):04d}",
            f"越前市{rng.choice(CHOME)}{rng.randint(1, 5)}丁目{rng.randint(1, 40)}-{rng.randint(1, 20)}")).id
            for name in names]

    doctors = directory(AgencyKind.CLINIC, CLINICS) + directory(AgencyKind.HOSPITAL, HOSPITALS)
    offices = directory(AgencyKind.HOME_CARE_SUPPORT_OFFICE, CARE_OFFICES)
    centres = directory(AgencyKind.COMMUNITY_SUPPORT_CENTRE, SUPPORT_CENTRES)
    card_rows, contact_rows = [], []
    made_on = CONSENT_ASKED
    for pid, surname in persons.items():
        if rng.random() < 0.12:
            continue  # no card yet (the Step III panel's 「カード未作成」)
        manager = rng.random() < 0.6
        card_rows.append(dict(
            id=uuid.uuid4(), person_id=pid, family_doctor_id=rng.choice(doctors) if rng.random() < 0.85 else None,
            family_doctor_text="", care_level=rng.choice(CARE_LEVELS), medical_notes=rng.choice(MEDICAL),
            care_manager_name=f"ケアマネ　{rng.choice(CARE_MANAGERS)}" if manager else "",
            care_office_id=rng.choice(offices) if manager else None, support_centre_id=rng.choice(centres),
            welfare_commissioner_name=f"民生委員　{rng.choice(SURNAMES)[0]}　{rng.choice(WOMEN + MEN)[0]}",
            welfare_commissioner_phone=f"0778-2{rng.randint(0, 9)}-{rng.randint(0, 9999):04d}",
            kept_at=rng.choice(KEPT_AT), note="", made_on=made_on, review_on=date(2027, 5, 1),
            created_at=now, updated_at=now))
        for priority, ((relation, city), given) in enumerate(zip(
                rng.sample(RELATIVES, k := rng.choice((1, 2, 2))), rng.sample(GIVEN, k), strict=True), start=1):
            contact_rows.append(dict(
                id=uuid.uuid4(), person_id=pid, priority=priority, name=f"{surname} {given}",
                relationship=relation, phone=f"090-{rng.randint(1000, 9999)}-{rng.randint(0, 9999):04d}",
                address=city, created_at=now, updated_at=now))
    _insert(s, ((EmergencyCard.__table__, card_rows), (EmergencyContact.__table__, contact_rows)))
    return len(card_rows)


ROSTER_HEADERS = ("氏名", "フリガナ", "住所", "電話番号", "生年月日", "世帯区分", "気になるところ", "見守り者")


def write_roster(path: Path, data_dir: Path, rows: int = 10_000, *, seed: int = SEED) -> Path:
    """A roster of ``rows`` persons: half already in the ledger (some with new details), half new."""
    rng = random.Random(seed + 1)
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session() as s:
            known = s.execute(
                select(Person.name, Person.kana, Household.address, Person.birth_date)
                .join(Household, Household.id == Person.household_id)
                .order_by(Household.map_number, Person.sort_order)
                .limit(rows // 2)
            ).all()
    finally:
        ledger.close()
    from openpyxl import Workbook  # here: bench.app_memory imports this module and measures the app without it

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名簿")
    ws.append(ROSTER_HEADERS)
    for name, kana, address, birth in known:
        ws.append((name, kana, address, "", birth.strftime("%Y/%m/%d") if birth else "",
                   "", "物忘れが増えてきた" if rng.random() < 0.1 else "", ""))
    for i in range(rows - len(known)):
        surname, surname_kana = rng.choice(SURNAMES)
        given, given_kana = rng.choice(WOMEN + MEN)
        of_concern = rng.random() < 0.15
        ws.append((f"{surname} {given}", f"{surname_kana} {given_kana}".upper(),
                   f"越前市新町{i // 2 + 1}番地", f"0778-3{rng.randint(0, 9)}-{rng.randint(0, 9999):04d}",
                   f"昭和{rng.randint(5, 50)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
                   rng.choice(("一人暮らし", "高齢者夫婦", "", "")), rng.choice(CONCERNS) if of_concern else "",
                   "近所 花子（近所）" if of_concern and rng.random() < 0.5 else ""))
    path = Path(path)
    wb.save(path)
    return path
