"""Individual evacuation plans: make and edit one (through the ORM, so the audit hook records every field),
draw its supporters from the person's watch network, and check them, each warning with its reason.

The checks (never a reason to refuse saving; the window and the paper show them):
a supporter who is themself a person needing support, one who lives in the same hazard zone as the person
(they will be busy with their own evacuation), one who already supports more than ``MAX_PLANS_PER_SUPPORTER``
plans, and a plan with fewer than ``MIN_SUPPORTERS`` supporters.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core import validators as check
from app.core.batches import chunks
from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.core.records import live
from app.core.text import fold
from app.core.views import PersonView
from app.emergency import cards as emergency
from app.emergency.views import CardView
from app.models import Household, Person, utcnow
from app.models.emergency import EmergencyCard
from app.models.plans import EvacuationPlan, PlanStart, PlanSupporter
from app.models.watch import Watcher, WatcherRole
from app.plans import hazard_link
from app.plans.views import (
    CONSENT_VALUES,
    FEW_SUPPORTERS,
    FLAG_TEXT,
    SUPPORTER_BUSY,
    SUPPORTER_OF_CONCERN,
    SUPPORTER_SAME_ZONE,
    Flag,
    HomeHazards,
    PlanFields,
    PlanView,
    ShelterChoice,
    SupporterFields,
    SupporterView,
)
from app.watch import network

MIN_SUPPORTERS = 2  # the guideline asks for two or more 避難支援等実施者
MAX_PLANS_PER_SUPPORTER = 3  # more than this many plans and a supporter cannot help everyone in time
MAX_NAME, MAX_SHORT, MAX_PHONE, MAX_LONG = 200, 100, 50, 4000
ROLE_RELATIONS = {WatcherRole.DISTRICT_HEAD: "区長", WatcherRole.WELFARE_COMMISSIONER: "民生委員",
                  WatcherRole.WELFARE_PROMOTER: "福祉推進員", WatcherRole.ELDERLY_HOME_COUNSELLOR: "老人家庭相談員",
                  WatcherRole.NEIGHBOUR: "近所", WatcherRole.RELATIVE: "親族", WatcherRole.OTHER: ""}

PERSON_GONE = QT_TRANSLATE_NOOP("errors", "This person is no longer in the ledger.")
NO_PLAN = QT_TRANSLATE_NOOP("errors", "This person has no evacuation plan.")


# ---------------------------------------------------------------- validation


def _consent(value: str, where: str) -> str:
    value = (value or "unknown").strip()
    if value not in CONSENT_VALUES:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Consent is yes, no or unknown, not {value}."), where=where,
                          value=value)
    return value


def _start(value: PlanStart | str) -> PlanStart:
    return check.choice(PlanStart, value, where="start_when", param="value",
                        unknown=QT_TRANSLATE_NOOP("errors", "Unknown time to start evacuating: {value}"))


def _apply(session: Session, plan: EvacuationPlan, f: PlanFields) -> None:
    if f.shelter_id is not None:
        from app.models.emergency import ReferenceFeature

        live(session, ReferenceFeature, f.shelter_id,
             QT_TRANSLATE_NOOP("errors", "This shelter is no longer in the imported layer."), where="shelter")
    plan.shelter_id = f.shelter_id
    plan.shelter_text = check.text(f.shelter_text, 300, "shelter")
    plan.route_note = check.text(f.route_note, MAX_LONG, "route_note")
    plan.transport = check.text(f.transport, MAX_SHORT, "transport")
    plan.start_when = _start(f.start_when)
    plan.start_note = check.text(f.start_note, 200, "start_note")
    if plan.start_when is PlanStart.OTHER and not plan.start_note:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Please write when to start evacuating."), where="start_note")
    plan.mobility = check.text(f.mobility, MAX_LONG, "mobility")
    plan.medical_devices = check.text(f.medical_devices, MAX_LONG, "medical_devices")
    plan.medication = check.text(f.medication, MAX_LONG, "medication")
    plan.communication = check.text(f.communication, MAX_LONG, "communication")
    plan.consent = _consent(f.consent, "consent")
    plan.consent_date = f.consent_date
    if f.made_on and f.reviewed_on and f.reviewed_on < f.made_on:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "The review date is before the date the plan was made."),
                          where="reviewed_on")
    plan.made_on, plan.reviewed_on = f.made_on, f.reviewed_on
    plan.note = check.text(f.note, MAX_LONG, "note")


def _check_supporters(session: Session, town_id: uuid.UUID, rows: Sequence[SupporterFields]) -> list[SupporterFields]:
    checked: list[SupporterFields] = []
    for i, s in enumerate(rows, start=1):
        where = f"supporters[{i}]"
        name = s.name
        if s.watcher_id is not None:
            w = live(session, Watcher, s.watcher_id, QT_TRANSLATE_NOOP("errors", "This watcher is no longer in the "
                                                                                  "ledger."), where=where)
            if w.town_id != town_id:
                raise LedgerError(QT_TRANSLATE_NOOP("errors", "{watcher} is a watcher of another town."),
                                  where=where, watcher=w.name)
            name = name.strip() or w.name
        if s.person_id is not None:
            p = live(session, Person, s.person_id, PERSON_GONE, where=where, parent=lambda p: p.household)
            name = name.strip() or p.name
        if not (name or "").strip() and not (s.phone or "").strip() and not (s.relation or "").strip():
            continue  # an empty row of the form
        checked.append(SupporterFields(
            check.text(name, MAX_NAME, f"{where}.name", required=True),
            check.text(s.relation, MAX_SHORT, f"{where}.relation"),
            check.phone(s.phone, f"{where}.phone"),
            _consent(s.consent, f"{where}.consent"),
            s.watcher_id, s.person_id,
        ))
    keys = [(c.watcher_id or c.person_id or fold(c.name)) for c in checked]
    twice = next((checked[i].name for i, k in enumerate(keys) if keys.count(k) > 1), None)
    if twice is not None:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "{name} is listed twice as a supporter."), where="supporters",
                          name=twice)
    return checked


# ---------------------------------------------------------------- saving


def _load_person(session: Session, person_id: uuid.UUID) -> Person:
    return live(session, Person, person_id, PERSON_GONE, parent=lambda p: p.household)


def _plan(session: Session, person_id: uuid.UUID) -> EvacuationPlan | None:
    return session.scalar(select(EvacuationPlan).where(EvacuationPlan.person_id == person_id))


def _live_supporters(session: Session, plan_id: uuid.UUID) -> list[PlanSupporter]:
    return list(session.scalars(select(PlanSupporter).where(PlanSupporter.plan_id == plan_id,
                                                            PlanSupporter.deleted_at.is_(None))
                                .order_by(PlanSupporter.ordinal, PlanSupporter.created_at)))


def save_plan(session: Session, person_id: uuid.UUID, fields: PlanFields,
              supporters: Sequence[SupporterFields] | None = None) -> PlanView:
    """Create or update a person's plan (an archived one comes back); ``supporters``, in order, replace the
    old list when given (the old rows become tombstones, so undo can put them back).

    An incomplete plan is saved as it is: ``PlanView.all_flags`` says what it still lacks and why.
    """
    p = _load_person(session, person_id)
    checked = _check_supporters(session, p.household.town_id, supporters) if supporters is not None else None
    plan = _plan(session, person_id)
    if plan is None:
        plan = EvacuationPlan(id=uuid.uuid4(), person_id=person_id)
        _apply(session, plan, fields)  # checked before it joins the session: a refused plan leaves nothing
        session.add(plan)
    else:
        _apply(session, plan, fields)
    plan.deleted_at = None
    session.flush()
    if checked is not None:
        old = _live_supporters(session, plan.id)
        if [(o.name, o.relation, o.phone, o.consent, o.watcher_id, o.person_id) for o in old] != [
                (c.name, c.relation, c.phone, c.consent, c.watcher_id, c.person_id) for c in checked]:
            now = utcnow()
            for o in old:
                o.deleted_at = now
            for ordinal, c in enumerate(checked):
                session.add(PlanSupporter(plan_id=plan.id, watcher_id=c.watcher_id, person_id=c.person_id,
                                          name=c.name, relation=c.relation, phone=c.phone, consent=c.consent,
                                          ordinal=ordinal))
        session.flush()
    return get_plan(session, person_id)


def archive_plan(session: Session, person_id: uuid.UUID) -> PlanView:
    plan = _plan(session, person_id)
    if plan is None or plan.deleted_at is not None:
        raise NotFound(NO_PLAN)
    plan.deleted_at = utcnow()
    session.flush()
    return get_plan(session, person_id)


def restore_plan(session: Session, person_id: uuid.UUID) -> PlanView:
    plan = _plan(session, person_id)
    if plan is None:
        raise NotFound(NO_PLAN)
    plan.deleted_at = None
    session.flush()
    return get_plan(session, person_id)


def fields_of(view: PlanView) -> tuple[PlanFields, list[SupporterFields]]:
    """What a plan holds, as fields to save again (undo puts an edited plan back like this)."""
    return view.fields, [s.fields() for s in view.supporters]


def put_back(session: Session, person_id: uuid.UUID, before: PlanView) -> PlanView:
    """Undo of an edit: the plan as ``before`` showed it, or archived again when there was none."""
    fields, supporters = fields_of(before)
    view = save_plan(session, person_id, fields, supporters)
    return view if before.has_plan and not before.archived else archive_plan(session, person_id)


# ---------------------------------------------------------------- supporters from the watch network


def candidates(session: Session, person_id: uuid.UUID) -> list[SupporterFields]:
    """The person's watchers (Step II), offered as supporters: name, relation from the role, phone."""
    concern = network.get_concern(session, person_id)
    return [SupporterFields(link.watcher.name, ROLE_RELATIONS.get(link.watcher.role, ""), link.watcher.phone,
                            "unknown", link.watcher.id, None) for link in concern.links]


def plans_supported(session: Session, *, watcher_ids: Sequence[uuid.UUID] = (),
                    person_ids: Sequence[uuid.UUID] = ()) -> Counter:
    """How many live plans each watcher or person supports (keys: their ids)."""
    counts: Counter = Counter()
    base = (select(PlanSupporter.watcher_id, PlanSupporter.person_id, func.count(func.distinct(PlanSupporter.plan_id)))
            .join(EvacuationPlan, EvacuationPlan.id == PlanSupporter.plan_id)
            .join(Person, Person.id == EvacuationPlan.person_id)
            .where(PlanSupporter.deleted_at.is_(None), EvacuationPlan.deleted_at.is_(None),
                   Person.deleted_at.is_(None),
                   or_(PlanSupporter.watcher_id.in_(list(watcher_ids)), PlanSupporter.person_id.in_(list(person_ids))))
            .group_by(PlanSupporter.watcher_id, PlanSupporter.person_id))
    for watcher_id, pid, n in session.execute(base):
        if watcher_id is not None:
            counts[watcher_id] += n
        elif pid is not None:
            counts[pid] += n
    return counts


def _supporter_home(session: Session, s: PlanSupporter) -> tuple[uuid.UUID | None, bool, str]:
    """(household id, is a person needing support, name) of a supporter as the ledger knows them."""
    if s.person_id is not None and s.person is not None:
        return s.person.household_id, bool(s.person.of_concern and s.person.deleted_at is None), s.person.name
    if s.watcher_id is not None and s.watcher is not None and s.watcher.household_id is not None:
        w = s.watcher
        names = {fold(n).replace(" ", "").replace("　", "") for n in session.scalars(
            select(Person.name).where(Person.household_id == w.household_id, Person.deleted_at.is_(None),
                                      Person.of_concern.is_(True)))}
        return w.household_id, fold(w.name).replace(" ", "").replace("　", "") in names, w.name
    return None, False, s.name


def _flag(code: str, ja: str, **params: object) -> Flag:
    return Flag(code, FLAG_TEXT[code], ja, tuple((k, str(v)) for k, v in params.items()))


def supporter_flags(session: Session, person: Person, home: HomeHazards,
                    supporters: Sequence[PlanSupporter]) -> dict[uuid.UUID, tuple[Flag, ...]]:
    """Each supporter's warnings, with the reason shown to the user."""
    counts = plans_supported(session, watcher_ids=[s.watcher_id for s in supporters if s.watcher_id],
                             person_ids=[s.person_id for s in supporters if s.person_id])
    homes = {s.id: _supporter_home(session, s) for s in supporters}
    hazards = hazard_link.hazards_of(session, [h for h, _c, _n in homes.values() if h is not None])
    me = person.household
    out: dict[uuid.UUID, tuple[Flag, ...]] = {}
    for s in supporters:
        household_id, of_concern, name = homes[s.id]
        flags: list[Flag] = []
        if of_concern:
            flags.append(_flag(SUPPORTER_OF_CONCERN, f"{name}さん自身が支援の必要な人です", name=name))
        if household_id is not None and household_id in hazards:
            theirs = session.get(Household, household_id)
            zone = hazard_link.shared_zone(home, hazards[household_id], hazard_link.distance_m(
                me.lat, me.lon, theirs.lat if theirs else None, theirs.lon if theirs else None))
            if zone:
                flags.append(_flag(SUPPORTER_SAME_ZONE, f"{name}さんも同じ{zone}に住んでいます", name=name, zone=zone))
        count = counts.get(s.watcher_id or s.person_id, 0) if (s.watcher_id or s.person_id) else 0
        if count > MAX_PLANS_PER_SUPPORTER:
            flags.append(_flag(SUPPORTER_BUSY, f"{name}さんは既に{count}件の計画で支援者です（{MAX_PLANS_PER_SUPPORTER}件まで）",
                               name=name, count=count, limit=MAX_PLANS_PER_SUPPORTER))
        out[s.id] = tuple(flags)
    return out


# ---------------------------------------------------------------- reading


def _person_view(p: Person) -> PersonView:
    return PersonView(p.id, p.household_id, p.name, p.kana, p.birth_date, p.phone, p.of_concern, p.concerns)


def _fields(plan: EvacuationPlan) -> PlanFields:
    return PlanFields(plan.shelter_id, plan.shelter_text, plan.route_note, plan.transport, PlanStart(plan.start_when),
                      plan.start_note, plan.mobility, plan.medical_devices, plan.medication, plan.communication,
                      plan.consent, plan.consent_date, plan.made_on, plan.reviewed_on, plan.note)


_SUPPORTERS_LOADED = (selectinload(PlanSupporter.watcher), selectinload(PlanSupporter.person))


def get_plan(session: Session, person_id: uuid.UUID, *, live_only: bool = False) -> PlanView:
    """The person's plan with everything the ledger knows around it: hazards at home, the nearest valid
    shelter, the emergency card's contacts and doctor, the supporters and their checks. An archived plan is
    shown as it was archived (``archived``), or with ``live_only`` as no plan at all: the blank form (papers)."""
    p = _load_person(session, person_id)
    h = p.household
    plan = _plan(session, person_id)
    if live_only and plan is not None and plan.deleted_at is not None:
        plan = None
    home = hazard_link.hazards_at(session, h.id)
    supporters: list[PlanSupporter] = []
    if plan is not None:
        supporters = list(session.scalars(
            select(PlanSupporter).where(PlanSupporter.plan_id == plan.id, PlanSupporter.deleted_at.is_(None))
            .options(*_SUPPORTERS_LOADED).order_by(PlanSupporter.ordinal, PlanSupporter.created_at)))
    return _plan_view(session, p, plan, emergency.get_card(session, person_id), home,
                      hazard_link.nearest_shelter(session, h.id, home), supporters)


def get_plans(session: Session, person_ids: Sequence[uuid.UUID], *, live_only: bool = False) -> list[PlanView]:
    """``get_plan`` of each person, in their order, read together: the persons, plans, cards, hazards at home,
    shelters and supporters in a few queries for the lot (a town's plans asked one person at a time took 7 ms a
    person: nearly a minute for a city's 7,729)."""
    ids = list(person_ids)
    persons: dict[uuid.UUID, Person] = {}
    plans: dict[uuid.UUID, EvacuationPlan] = {}
    supporters: dict[uuid.UUID, list[PlanSupporter]] = {}
    for chunk in chunks(ids):
        persons.update((p.id, p) for p in session.scalars(
            select(Person).where(Person.id.in_(chunk))
            .options(selectinload(Person.household).selectinload(Household.town))))
        plans.update((plan.person_id, plan) for plan in session.scalars(
            select(EvacuationPlan).where(EvacuationPlan.person_id.in_(chunk))))
    for person_id in ids:  # as get_plan: a person or household archived meanwhile is named
        p = persons.get(person_id)
        if p is None or p.deleted_at is not None or p.household is None or p.household.deleted_at is not None:
            raise NotFound(PERSON_GONE)
    if live_only:
        plans = {pid: plan for pid, plan in plans.items() if plan.deleted_at is None}
    for chunk in chunks([plan.id for plan in plans.values()]):
        for supporter in session.scalars(
                select(PlanSupporter).where(PlanSupporter.plan_id.in_(chunk), PlanSupporter.deleted_at.is_(None))
                .options(*_SUPPORTERS_LOADED).order_by(PlanSupporter.ordinal, PlanSupporter.created_at)):
            supporters.setdefault(supporter.plan_id, []).append(supporter)
    ordered = [persons[pid] for pid in ids]
    cards = emergency.card_views(session, ordered)
    homes = hazard_link.hazards_of(session, (p.household_id for p in ordered))
    shelters = hazard_link.nearest_shelters(session, {
        p.household_id: (homes.get(p.household_id, HomeHazards()), p.household.lat, p.household.lon) for p in ordered})
    return [_plan_view(session, p, plans.get(p.id), cards[p.id], homes.get(p.household_id, HomeHazards()),
                       shelters[p.household_id], supporters.get(plans[p.id].id, []) if p.id in plans else [])
            for p in ordered]


def _plan_view(session: Session, p: Person, plan: EvacuationPlan | None, card: CardView, home: HomeHazards,
               suggested: ShelterChoice, supporters: list[PlanSupporter]) -> PlanView:
    h = p.household
    flags = supporter_flags(session, p, home, supporters) if supporters else {}
    sviews = tuple(SupporterView(s.id, s.name, s.relation, s.phone, s.consent, s.watcher_id, s.person_id, s.ordinal,
                                 flags.get(s.id, ())) for s in supporters)
    plan_flags: list[Flag] = []
    if len(sviews) < MIN_SUPPORTERS:
        plan_flags.append(_flag(FEW_SUPPORTERS, f"支援者が{len(sviews)}人です（2人以上必要）", count=len(sviews)))
    if plan is not None and plan.shelter_id is not None:
        shelter = hazard_link.shelter_from_feature(session, plan.shelter_id, h.lat, h.lon)
    elif plan is not None and plan.shelter_text:
        shelter = ShelterChoice(plan.shelter_text)
    else:
        shelter = suggested
    fields = _fields(plan) if plan is not None else PlanFields(
        shelter_id=suggested.feature_id, medication=card.medical_notes if card.has_card else "")
    return PlanView(
        person=_person_view(p), household_id=h.id, map_number=h.map_number, address=h.address,
        town_name=h.town.name, lat=h.lat, lon=h.lon, has_plan=plan is not None, fields=fields,
        plan_id=plan.id if plan is not None else None, shelter=shelter, suggested_shelter=suggested, hazards=home,
        contacts=card.contacts, family_doctor=card.family_doctor_label, family_doctor_phone=card.family_doctor_phone,
        care_level=card.care_level, supporters=sviews, flags=tuple(plan_flags),
        archived=plan is not None and plan.deleted_at is not None,
    )


def persons_needing_plans(session: Session, town_id: uuid.UUID) -> list[uuid.UUID]:
    """The town's persons needing support (of concern, with a card, or with a plan), in map-number order.

    One Core query of ids. It was three, the first loading every person needing support as an ORM object with
    its household and town only to take its id. (A UNION of the three index reads instead of the OR was
    measured too: no faster at 50,000 households, where the persons of concern lie on nearly every page.)"""
    has_card = select(EmergencyCard.person_id).where(EmergencyCard.deleted_at.is_(None))
    has_plan = select(EvacuationPlan.person_id).where(EvacuationPlan.deleted_at.is_(None))
    return list(session.scalars(
        select(Person.id).join(Household, Person.household_id == Household.id)
        .where(Household.town_id == town_id, Household.deleted_at.is_(None), Person.deleted_at.is_(None),
               or_(Person.of_concern.is_(True), Person.id.in_(has_card), Person.id.in_(has_plan)))
        .order_by(Household.map_number, Person.sort_order)))


def list_plans(session: Session, town_id: uuid.UUID, *, only_with_plan: bool = False) -> list[PlanView]:
    """One view per person needing support in the town (a blank plan to fill in by hand for those without, and
    for those whose plan is archived: an undone or archived plan is not printed as if it were in force)."""
    views = get_plans(session, persons_needing_plans(session, town_id), live_only=True)
    return [v for v in views if v.has_plan] if only_with_plan else views
