"""Individual evacuation plans: saved and read back with supporters, the supporters' checks with their
reasons, and the priority list (its order and its filters)."""

from __future__ import annotations

import pytest

from app.core.errors import LedgerError
from app.models.plans import PlanStart
from app.plans import plans, priority
from app.plans.views import (
    FEW_SUPPORTERS,
    SUPPORTER_BUSY,
    SUPPORTER_OF_CONCERN,
    SUPPORTER_SAME_ZONE,
    PlanFields,
    SupporterFields,
)
from app.towns.towns import create_town
from app.watch import network
from app.watch.views import WatcherFields
from tests.plan_fixtures import DAY, plan_town  # noqa: F401 - the fixture


def codes(flags) -> set[str]:
    return {f.code for f in flags}


def test_a_plan_is_saved_and_read_back_with_its_supporters(ledger, plan_town):
    person = plan_town.persons["couple"]
    fields = PlanFields(shelter_text="粟田部公民館", route_note="県道を北へ", transport="車いす",
                        start_when=PlanStart.ELDERLY_EVACUATION, mobility="段差で介助", medical_devices="在宅酸素",
                        medication="血圧の薬", communication="耳が遠い", consent="yes", consent_date=DAY,
                        made_on=DAY, reviewed_on=DAY.replace(year=2027), note="雨の前日に確認")
    with ledger.Session.begin() as s:
        plans.save_plan(s, person, fields, [
            SupporterFields(watcher_id=plan_town.watchers["dry"], relation="近所", consent="yes"),
            SupporterFields("長男　一郎", "長男", "０９０１２３４５６７８")])
    with ledger.Session() as s:
        view = plans.get_plan(s, person)
    assert view.has_plan and view.fields == fields
    assert [(x.name, x.relation, x.phone, x.consent) for x in view.supporters] == [
        ("高台　勇", "近所", "", "yes"), ("長男　一郎", "長男", "090-1234-5678", "unknown")]
    assert view.supporters[0].watcher_id == plan_town.watchers["dry"]
    assert view.care_level == "要介護1"  # from the emergency card
    assert "洪水" in view.hazards.text and "日野川" in view.hazards.text
    assert FEW_SUPPORTERS not in codes(view.all_flags)


def test_a_plan_edit_replaces_the_supporters_and_keeps_the_old_rows_as_tombstones(ledger, plan_town):
    person = plan_town.persons["couple"]
    with ledger.Session.begin() as s:
        first = plans.save_plan(s, person, PlanFields(), [SupporterFields("甲"), SupporterFields("乙")])
        plans.save_plan(s, person, PlanFields(transport="徒歩"), [SupporterFields("丙")])
    with ledger.Session.begin() as s:
        back = plans.put_back(s, person, first)
    assert [x.name for x in back.supporters] == ["甲", "乙"] and back.fields.transport == ""


def test_bad_input_is_refused_naming_the_field(ledger, plan_town):
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        plans.save_plan(s, plan_town.persons["couple"], PlanFields(start_when=PlanStart.OTHER))
    assert err.value.where == "start_note"
    with pytest.raises(LedgerError) as err, ledger.Session.begin() as s:
        plans.save_plan(s, plan_town.persons["couple"], PlanFields(), [SupporterFields("甲"), SupporterFields("甲")])
    assert err.value.where == "supporters" and "甲" in str(err.value)
    with ledger.Session() as s:
        assert not plans.get_plan(s, plan_town.persons["couple"]).has_plan  # nothing written


def test_supporters_are_drawn_from_the_persons_watchers(ledger, plan_town):
    person = plan_town.persons["alone_deep"]
    with ledger.Session.begin() as s:
        network.link_watcher(s, person, plan_town.watchers["dry"])
        network.link_watcher(s, person, plan_town.watchers["in_zone"])
        offered = plans.candidates(s, person)
    assert [(c.name, c.relation, c.watcher_id) for c in offered] == [
        ("高台　勇", "近所", plan_town.watchers["dry"]), ("岸　茂", "近所", plan_town.watchers["in_zone"])]


def test_each_check_flags_its_supporter_with_the_reason(ledger, plan_town):
    person = plan_town.persons["couple"]  # lives in the shallow flood zone of 日野川
    with ledger.Session.begin() as s:
        town2 = create_town(s, "粟田部地区", "別の町")
        others = []
        for i in range(3):  # the "far" watcher already supports three other plans
            from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
            from app.households import households

            h = households.add_household(s, plan_town.town_id, MapPoint(Crs.GEO, 136.20 + i / 100, 35.95),
                                         HouseholdFields(name=f"他{i}"), map_number=10 + i)
            p = households.add_person(s, h.id, PersonFields(name=f"他　{i}", of_concern=True))
            plans.save_plan(s, p.id, PlanFields(), [SupporterFields(watcher_id=plan_town.watchers["far"])])
            others.append(p.id)
        assert town2 is not None
        view = plans.save_plan(s, person, PlanFields(), [
            SupporterFields(watcher_id=plan_town.watchers["frail"]),
            SupporterFields(watcher_id=plan_town.watchers["in_zone"]),
            SupporterFields(watcher_id=plan_town.watchers["far"]),
            SupporterFields(watcher_id=plan_town.watchers["dry"])])
    by_name = {x.name: x for x in view.supporters}
    assert codes(by_name["森　トシ子"].flags) == {SUPPORTER_OF_CONCERN}
    assert "森　トシ子さん自身が支援の必要な人です" in [f.ja for f in by_name["森　トシ子"].flags]
    assert codes(by_name["岸　茂"].flags) == {SUPPORTER_SAME_ZONE}
    assert "日野川" in by_name["岸　茂"].flags[0].ja
    assert codes(by_name["遠山　博"].flags) == {SUPPORTER_BUSY}
    busy = by_name["遠山　博"].flags[0]
    assert "4件" in busy.ja and busy.text() == "遠山　博 already supports 4 plans (more than 3)"
    assert by_name["高台　勇"].flags == ()
    assert FEW_SUPPORTERS not in codes(view.flags)


def test_a_plan_with_one_supporter_is_flagged(ledger, plan_town):
    with ledger.Session.begin() as s:
        view = plans.save_plan(s, plan_town.persons["couple"], PlanFields(), [SupporterFields("甲")])
    assert codes(view.flags) == {FEW_SUPPORTERS}
    assert view.flags[0].ja == "支援者が1人です（2人以上必要）"


def test_priority_puts_the_deep_flood_household_living_alone_without_supporter_first(ledger, plan_town):
    with ledger.Session.begin() as s:
        plans.save_plan(s, plan_town.persons["couple"], PlanFields(),
                        [SupporterFields("甲"), SupporterFields("乙")])
    with ledger.Session() as s:
        rows = priority.priority_list(s)
    order = [r.id for r in rows]
    assert order[0] == plan_town.persons["alone_deep"]
    first = rows[0]
    # hazard level 4 (5.0) × alone (2) × no supporter (2) = 20
    assert first.score == 20 and first.rank == 1 and first.lives_alone and first.supporters == 0
    assert "洪水" in first.reason and "一人暮らし" in first.reason and "支援者なし" in first.reason
    dry = next(r for r in rows if r.id == plan_town.persons["alone_dry"])
    assert dry.score == 3 * 2 * 2 and "要介護3" in dry.reason and "洪水" not in dry.reason
    couple = next(r for r in rows if r.id == plan_town.persons["couple"])
    assert couple.score == 3 * 2 and couple.has_plan  # shallow zone (3.0) × 要介護1 (2), two supporters
    assert order.index(plan_town.persons["alone_dry"]) < order.index(plan_town.persons["couple"])


def test_priority_list_filters_by_district_and_commissioner(ledger, plan_town):
    with ledger.Session.begin() as s:
        other = create_town(s, "南地区", "南町")
        w = network.add_watcher(s, other.id, WatcherFields("民生委員　秋山", role="welfare_commissioner"))
        from app.core.views import Crs, HouseholdFields, MapPoint, PersonFields
        from app.households import households

        h = households.add_household(s, other.id, MapPoint(Crs.GEO, 136.3, 35.8), HouseholdFields(), map_number=1)
        p = households.add_person(s, h.id, PersonFields(name="南　一郎", of_concern=True))
        network.link_watcher(s, p.id, w.id)
    with ledger.Session() as s:
        everyone = priority.priority_list(s)
        south = priority.priority_list(s, district_id=other.district_id)
        haruno = priority.priority_list(s, commissioner="民生委員　春野")
        akiyama = priority.priority_list(s, commissioner="民生委員　秋山")
        names = priority.commissioner_names(s)
    assert p.id in {r.id for r in everyone} and len(everyone) == 5
    assert [r.id for r in south] == [p.id] and south[0].district_name == "南地区"
    assert [r.id for r in haruno] == [plan_town.persons["alone_dry"]]
    assert [r.id for r in akiyama] == [p.id]
    assert names == ["民生委員　夏川", "民生委員　春野", "民生委員　秋山"] or set(names) == {
        "民生委員　夏川", "民生委員　春野", "民生委員　秋山"}


def test_a_towns_plans_read_together_are_each_persons_plan_as_read_alone(ledger, plan_town):
    # Printing a town's plans reads them all at once (a city's 7,729 one at a time took a minute and a half): every
    # plan must come out as its own window shows it, with its supporters' checks, its shelters and its card.
    from sqlalchemy import select

    from app.emergency import cards as emergency
    from app.emergency.views import CardFields
    from app.models.emergency import ReferenceFeature
    from app.towns.reference_layers import import_layer
    from tests.conftest import DATA

    t = plan_town
    with ledger.Session.begin() as s:
        import_layer(s, DATA / "echizen" / "gsi_emergency_shiteikinkyu.geojson")  # sites flagged for floods
        import_layer(s, DATA / "echizen" / "gsi_evacuation_shiteihinanjo.geojson")  # 指定避難所 for the dry homes
        chosen = s.scalars(select(ReferenceFeature).where(ReferenceFeature.name == "岡本小学校")).first()
        plans.save_plan(s, t.persons["couple"], PlanFields(consent="yes", route_note="県道を北へ"), [
            SupporterFields(watcher_id=t.watchers["frail"]), SupporterFields(watcher_id=t.watchers["in_zone"]),
            SupporterFields("長男　一郎", "長男", "090-1234-5678")])
        plans.save_plan(s, t.persons["alone_deep"], PlanFields(shelter_id=chosen.id), [
            SupporterFields(watcher_id=t.watchers["dry"])])
        plans.save_plan(s, t.persons["frail_watcher"], PlanFields(shelter_text="娘の家"), [])
        plans.archive_plan(s, t.persons["frail_watcher"])  # archived: printed as a blank form
        emergency.save_card(s, t.persons["alone_dry"], CardFields(care_level="要介護3", medical_notes="降圧剤"))
    with ledger.Session() as s:
        together = plans.list_plans(s, t.town_id)
        alone = [plans.get_plan(s, pid, live_only=True) for pid in plans.persons_needing_plans(s, t.town_id)]
    assert together == alone
    by_name = {v.person.name: v for v in together}
    couple, deep, dry = by_name["中島　正男"], by_name["川辺　ハル"], by_name["高台　キヨ"]
    assert [codes(x.flags) for x in couple.supporters] == [{SUPPORTER_OF_CONCERN}, {SUPPORTER_SAME_ZONE}, set()]
    assert deep.shelter.name == "岡本小学校" and deep.suggested_shelter.name and deep.hazards.flood_rank
    assert codes(deep.flags) == {FEW_SUPPORTERS}
    assert couple.suggested_shelter.name and dry.suggested_shelter.name  # the nearest site, the nearest 指定避難所
    assert not dry.has_plan and dry.fields.medication == "降圧剤" and dry.care_level == "要介護3"
    assert not by_name["森　トシ子"].has_plan and by_name["森　トシ子"].fields.shelter_text == ""
