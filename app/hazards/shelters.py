"""The nearest designated emergency evacuation site (指定緊急避難場所) valid for a hazard.

Built on the same data and rule as Step III's nearest shelter (``app/emergency/cards.py``: a public
reference feature with a position, as the crow flies), narrowed by the hazard: the GSI file's flag for it
(洪水, 崖崩れ、土石流及び地滑り, 高潮, 津波; kept in ``ReferenceFeature.attributes`` at import) must be
set, and the site itself must lie outside every zone of that hazard.

Rule chosen: **outside** the zones. A site flagged for floods may still stand in a shallow flood zone (its
upper floors are the refuge), but the ledger cannot tell a storey, and the Cabinet Office guideline asks
that a person needing support leave the zone; so a site inside a zone is offered only when no site outside
exists, and then only in a shallower zone than the household's, marked ``inside_zone`` so the plan says so.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.batches import chunks
from app.core.errors import QT_TRANSLATE_NOOP, NotFound
from app.hazards.exposure import hazards_at, load_zones
from app.models import Household, ReferenceFeature
from app.models.hazard import HazardKind
from app.towns.georeference import ground_distance_m

if TYPE_CHECKING:  # numpy is imported when a shelter is looked for, not when the app starts (issue 17)
    import numpy as np

# The GSI 指定緊急避難場所 attribute per hazard (the spellings seen in the published files).
FLAGS: dict[HazardKind, tuple[str, ...]] = {
    HazardKind.FLOOD: ("洪水",),
    HazardKind.SEDIMENT: ("崖崩れ、土石流及び地滑り", "崖崩れ・土石流・地滑り", "崖崩れ,土石流及び地滑り"),
    HazardKind.STORM_SURGE: ("高潮",),
    HazardKind.TSUNAMI: ("津波",),
}
_YES = {"1", "○", "◯", "true", "yes", "有", "可"}


class ValidShelterStatus(enum.StrEnum):
    FOUND = "found"
    NO_POSITION = "no_position"  # the household has no longitude/latitude
    NO_SHELTERS = "no_shelters"  # no site flagged for this hazard with a position


@dataclass(frozen=True)
class ValidShelter:
    status: ValidShelterStatus
    hazard: HazardKind
    name: str = ""
    address: str = ""
    distance_m: float | None = None
    feature_id: uuid.UUID | None = None
    inside_zone: bool = False  # only a site inside a (shallower) zone was left: say so on the plan
    skipped_inside: int = 0  # nearer flagged sites passed over because they lie in a zone

    @property
    def label(self) -> str:
        """「武生東小学校（約 650 m）」 as Step III's cards print it; empty when none."""
        if self.status is not ValidShelterStatus.FOUND or self.distance_m is None:
            return ""
        d = self.distance_m
        distance = f"約 {round(d / 10) * 10:.0f} m" if d < 1000 else f"約 {d / 1000:.1f} km"
        return f"{self.name}（{distance}" + ("・想定区域内" if self.inside_zone else "") + "）"


def flagged_for(attributes: dict | None, hazard: HazardKind) -> bool:
    if not attributes:
        return False
    for key in FLAGS[hazard]:
        value = attributes.get(key)
        if value is True or (value is not None and str(value).strip().lower() in _YES):
            return True
    return False


def _severity(found, hazard: HazardKind) -> np.ndarray:  # noqa: ANN001 - PointHazards
    return {HazardKind.FLOOD: found.flood_rank, HazardKind.SEDIMENT: found.sediment_class,
            HazardKind.STORM_SURGE: found.storm_surge_rank, HazardKind.TSUNAMI: found.tsunami_rank}[hazard]


def nearest_valid_shelter(session: Session, household_id: uuid.UUID, hazard: HazardKind) -> ValidShelter:
    """The nearest site open for ``hazard`` and outside its zones, with the distance in metres."""
    return nearest_valid_shelters(session, [household_id], hazard)[household_id]


def nearest_valid_shelters(session: Session, household_ids: Iterable[uuid.UUID], hazard: HazardKind
                           ) -> dict[uuid.UUID, ValidShelter]:
    """``nearest_valid_shelter`` for each household, in one pass: the sites and the zones are read once and the
    hazard at every home and site found together (a city's shelter checklists asked once per person: 2.5 s of
    8,000 persons' lists)."""
    import numpy as np

    ids = list(dict.fromkeys(household_ids))
    homes: dict[uuid.UUID, tuple[float | None, float | None]] = {}
    for chunk in chunks(ids):
        homes.update((i, (lon, lat)) for i, lon, lat in session.execute(
            select(Household.id, Household.lon, Household.lat)
            .where(Household.id.in_(chunk), Household.deleted_at.is_(None))))
    if len(homes) < len(ids):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This household is no longer in the ledger."))
    found = {i: ValidShelter(ValidShelterStatus.NO_POSITION, hazard)
             for i, (lon, lat) in homes.items() if lon is None or lat is None}
    placed = [i for i in ids if i not in found]
    if not placed:
        return found
    sites = [s for s in session.scalars(select(ReferenceFeature).where(
        ReferenceFeature.deleted_at.is_(None), ReferenceFeature.lat.is_not(None), ReferenceFeature.lon.is_not(None)))
        if flagged_for(s.attributes, hazard)]
    if not sites:
        return found | dict.fromkeys(placed, ValidShelter(ValidShelterStatus.NO_SHELTERS, hazard))
    lons = np.array([s.lon for s in sites] + [homes[i][0] for i in placed], dtype=float)
    lats = np.array([s.lat for s in sites] + [homes[i][1] for i in placed], dtype=float)
    zones = load_zones(session, lons.min(), lats.min(), lons.max(), lats.max(), kinds=[hazard])
    severity = _severity(hazards_at(zones, lons, lats), hazard)
    n = len(sites)
    site_lons, site_lats, at_site = lons[:n], lats[:n], severity[:n]
    outside_any = bool((at_site == 0).any())
    for k, i in enumerate(placed):
        home = int(severity[n + k])
        distances = ground_distance_m(lons[n + k], lats[n + k], site_lons, site_lats)
        order = np.argsort(distances, kind="stable")
        if outside_any:
            best, inside_zone = int(order[at_site[order] == 0][0]), False
        else:
            shallower = order[at_site[order] < home]
            if not len(shallower):
                found[i] = ValidShelter(ValidShelterStatus.NO_SHELTERS, hazard, skipped_inside=n)
                continue
            best, inside_zone = int(shallower[0]), True
        skipped = int(np.count_nonzero(distances[at_site > 0] < distances[best])) if not inside_zone else 0
        s = sites[best]
        found[i] = ValidShelter(ValidShelterStatus.FOUND, hazard, s.name, s.address, float(distances[best]), s.id,
                                inside_zone, skipped)
    return found
