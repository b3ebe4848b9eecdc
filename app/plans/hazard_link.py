"""The plans' one door to the hazard layers (app/hazards): each household's hazards at home and the nearest
shelter valid for its hazard, as the plans' own small views (HomeHazards, ShelterChoice).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from app.emergency import cards as emergency
from app.hazards import exposure as hazard_exposure
from app.hazards import shelters as hazard_shelters
from app.models.emergency import ReferenceFeature
from app.models.hazard import HazardKind
from app.plans.views import HomeHazards, ShelterChoice

SAME_SEDIMENT_ZONE_M = 200  # two houses in sediment zones this close are taken to share the slope


def _home(v: hazard_exposure.ExposureView) -> HomeHazards:
    if not v.known:
        return HomeHazards(known=False)
    labels = tuple(part for part in v.summary.split("・") if part) if v.exposed else ()
    return HomeHazards(True, v.flood_rank, v.flood_river, v.sediment_kind, v.sediment_class, v.storm_surge_rank,
                       v.tsunami_rank, labels, unexposed="" if v.exposed else v.summary)


def hazards_of(session: Session, household_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, HomeHazards]:
    """Each household's hazards at home (HomeHazards(known=False) when it has no lat/lon)."""
    ids = list(dict.fromkeys(household_ids))
    found = hazard_exposure.exposures_for(session, ids)
    return {hid: _home(found[hid]) if hid in found else HomeHazards(known=False) for hid in ids}


def hazards_at(session: Session, household_id: uuid.UUID) -> HomeHazards:
    return hazards_of(session, [household_id]).get(household_id, HomeHazards())


def shared_zone(a: HomeHazards, b: HomeHazards, distance_m: float | None) -> str:
    """The hazard zone two homes share, as a short Japanese name ("" when none): the same river's flood
    zone, storm surge or tsunami zone, or sediment zones within SAME_SEDIMENT_ZONE_M of each other."""
    if not (a.known and b.known):
        return ""
    if a.flood_rank and b.flood_rank and (not a.flood_river or not b.flood_river or a.flood_river == b.flood_river):
        return "洪水浸水想定区域" + (f"（{a.flood_river or b.flood_river}）" if a.flood_river or b.flood_river else "")
    if a.sediment_class and b.sediment_class and distance_m is not None and distance_m <= SAME_SEDIMENT_ZONE_M:
        return "土砂災害警戒区域"
    if a.storm_surge_rank and b.storm_surge_rank:
        return "高潮浸水想定区域"
    if a.tsunami_rank and b.tsunami_rank:
        return "津波浸水想定区域"
    return ""


def distance_m(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    if None in (lat1, lon1, lat2, lon2):
        return None
    return emergency.haversine_m(lat1, lon1, lat2, lon2)  # type: ignore[arg-type]


def main_hazard(h: HomeHazards) -> HazardKind | None:
    """The hazard the plan is made against: the deepest at home, flood first (``app.hazards.exposure.main_hazard``)."""
    return hazard_exposure.main_hazard(h.flood_rank, h.sediment_class, h.storm_surge_rank, h.tsunami_rank)


def nearest_shelter(session: Session, household_id: uuid.UUID, home: HomeHazards | None = None) -> ShelterChoice:
    """The nearest shelter open for the household's main hazard and outside its zones (app.hazards.shelters);
    outside every zone, the nearest designated shelter of Step III; empty without a lat/lon or a shelter."""
    home = home if home is not None else hazards_of(session, [household_id])[household_id]
    kind = main_hazard(home)
    if kind is not None:
        found = hazard_shelters.nearest_valid_shelter(session, household_id, kind)
        name, address, metres, feature_id = found.name, found.address, found.distance_m, found.feature_id
    else:
        nearest = emergency.nearest_designated_shelter(session, household_id)
        name, address, metres, feature_id = nearest.name, nearest.address, nearest.distance_m, nearest.feature_id
    return _choice(session, name, address, metres, feature_id)


def nearest_shelters(session: Session, homes: dict[uuid.UUID, tuple[HomeHazards, float | None, float | None]]
                     ) -> dict[uuid.UUID, ShelterChoice]:
    """``nearest_shelter`` of each household (its hazards at home, lat, lon), in one pass per main hazard and one
    for the rest (a town's plans asked one household at a time: most of printing them)."""
    found: dict[uuid.UUID, ShelterChoice] = {}
    by_kind: dict[HazardKind | None, list[uuid.UUID]] = {}
    for household_id, (home, _lat, _lon) in homes.items():
        by_kind.setdefault(main_hazard(home), []).append(household_id)
    for kind, ids in by_kind.items():
        if kind is None:
            nearest = emergency.nearest_shelters(session, ((homes[i][1], homes[i][2]) for i in ids))
            for i in ids:
                n = nearest[(homes[i][1], homes[i][2])]
                found[i] = _choice(session, n.name, n.address, n.distance_m, n.feature_id)
        else:
            for i, v in hazard_shelters.nearest_valid_shelters(session, ids, kind).items():
                found[i] = _choice(session, v.name, v.address, v.distance_m, v.feature_id)
    return found


def _choice(session: Session, name: str, address: str, metres: float | None,
            feature_id: uuid.UUID | None) -> ShelterChoice:
    if not name:
        return ShelterChoice()
    f = session.get(ReferenceFeature, feature_id) if feature_id is not None else None
    return ShelterChoice(name, address, f.lat if f else None, f.lon if f else None, metres, feature_id)


def shelter_from_feature(session: Session, feature_id: uuid.UUID, lat: float | None,
                         lon: float | None) -> ShelterChoice:
    f = session.get(ReferenceFeature, feature_id)
    if f is None:
        return ShelterChoice()
    return ShelterChoice(f.name, f.address, f.lat, f.lon, distance_m(lat, lon, f.lat, f.lon), f.id)


def depth_level(h: HomeHazards) -> int:
    """0 (outside every zone) … 4 (deepest): the hazard part of the priority score (see priority.py)."""
    if not h.known:
        return 0
    levels = [hazard_exposure.level_of_rank(r) for r in (h.flood_rank, h.storm_surge_rank, h.tsunami_rank)]
    if h.sediment_class:
        levels.append(4 if h.sediment_class >= 2 else 3)
    return max(levels)


__all__ = ["depth_level", "distance_m", "hazards_at", "hazards_of", "main_hazard", "nearest_shelter", "nearest_shelters",
           "shared_zone", "shelter_from_feature"]
